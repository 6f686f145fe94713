/* story.vala: the 2017 cyber-security unit, from Vala
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loads the example story (examples/data/cyber-2017-2020.json, or the
 * document given as the argument) without blocking, then prints its
 * contradictions, Trump's timeline on the unit and where he stood on
 * 9 July 2017 — what examples/story.c prints in C.
 *
 *   valac --pkg libstance-1.0 story.vala
 */

const string DEFAULT_STORY = "examples/data/cyber-2017-2020.json";

/* Reads the document in a worker thread; an invalid one is a Stance.Error
 * that says where it is wrong, an unreadable one a GLib.Error of its own. */
async Stance.Graph load (string path) throws GLib.Error {
  var graph = new Stance.Graph ();
  yield graph.load_from_file_async (File.new_for_path (path));
  return graph;
}

void tell (Stance.Graph graph) throws Stance.Error {
  /* stdout.printf, not print (), which would recode the words (UTF-8)
   * to the locale's character set. */
  var found = graph.find_contradictions ();
  stdout.printf ("%u contradictions:\n", found.get_n_items ());
  for (uint i = 0; i < found.get_n_items (); i++) {
    var contradiction = (Stance.Contradiction) found.get_item (i);
    stdout.printf ("  %s\n", contradiction.describe ());
  }

  var trump = graph.lookup ("trump") as Stance.Actor;
  var unit = graph.lookup ("cyber-unit");
  if (trump == null || unit == null)
    throw new Stance.Error.UNKNOWN_ID ("the story has no actor \"trump\" or no node \"cyber-unit\"");

  stdout.printf ("\nTrump's timeline on the unit:\n");
  var timeline = graph.get_timeline (trump, unit);
  for (uint i = 0; i < timeline.get_n_items (); i++) {
    var step = (Stance.Edge) timeline.get_item (i);
    var statement = step.statement;
    stdout.printf ("  %s  %-9s %s\n", statement.time.to_string (), step.kind, statement.id);
  }

  /* The question a reader asks most: where did Trump stand on the 9th? */
  var edge = graph.get_stance_at (trump, unit, "2017-07-09");
  if (edge == null)
    stdout.printf ("\nOn 2017-07-09 Trump had taken no stance on the unit.\n");
  else
    stdout.printf ("\nOn 2017-07-09 Trump %s the unit (%s).\n", edge.kind, edge.statement.id);
}

int main (string[] args) {
  /* print() writes in the locale's charset: use the user's locale. */
  Intl.setlocale ();
  var path = args.length > 1 ? args[1] : DEFAULT_STORY;
  var loop = new MainLoop ();
  var status = 0;

  load.begin (path, (obj, res) => {
    try {
      tell (load.end (res));
    } catch (Stance.Error e) {
      /* The document is readable but not a valid story. */
      printerr ("story: %s: %s\n", path, e.message);
      status = 2;
    } catch (GLib.Error e) {
      printerr ("story: %s\n", e.message);
      status = 1;
    }
    loop.quit ();
  });
  loop.run ();

  return status;
}
