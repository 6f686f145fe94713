/* test-vapi.vala: libstance-1.0.vapi as a Vala programmer meets it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A GLib test program (TAP with --tap): each case checks that the vapi and
 * its metadata describe the C API truthfully — ownership, nullability,
 * typed errors, the async pair, arrays and list models.
 */

string story_path () {
  var examples = Environment.get_variable ("STANCE_EXAMPLES") ?? "examples";
  return Path.build_filename (examples, "data", "cyber-2017-2020.json");
}

class Story {
  public Stance.Graph graph = new Stance.Graph ();
  public Stance.Actor trump;
  public Stance.Actor putin;
  public Stance.Claim unit;
  public Stance.Statement t1;
  public Stance.Statement t2;
  public Stance.Statement kremlin;

  public Story () throws Stance.Error {
    trump = graph.add_actor ("trump", "Donald J. Trump", Stance.ActorKind.PERSON);
    putin = graph.add_actor ("putin", "Vladimir Putin", Stance.ActorKind.PERSON);
    unit = graph.add_claim ("cyber-unit", "Form a joint US–Russian cyber-security unit");
    t1 = graph.add_statement ("trump-2017-07-09", trump, "2017-07-09");
    t1.add_stance ("proposes", unit, null);
    kremlin = graph.add_statement ("putin-2017-07", putin, "2017-07");
    kremlin.add_stance ("confirms", unit, null);
    kremlin.add_stance ("endorses", unit, trump);
    t2 = graph.add_statement ("trump-2017-07-10", trump, "2017-07-10");
    t2.add_stance ("retracts", unit, null);
  }
}

void test_build () {
  try {
    var s = new Story ();
    assert (s.graph.get_n_actors () == 2 && s.graph.get_n_statements () == 3 && s.graph.get_n_stances () == 4);
    assert (s.trump.name == "Donald J. Trump" && s.trump.kind == Stance.ActorKind.PERSON);
    assert (s.trump.graph == s.graph && s.t1.speaker == s.trump);
    s.trump.aliases = { "@realDonaldTrump" };
    assert (s.trump.get_aliases ()[0] == "@realDonaldTrump");
    assert (s.t1.text == null);
    s.t1.text = "Putin & I discussed …";
    assert (s.t1.get_text () == "Putin & I discussed …");

    /* Identity: the same node is the same object. */
    assert (s.graph.lookup ("trump") == s.trump);
    assert (s.graph.lookup ("nobody") == null);
    assert (s.graph.get_statements ().get_item (0) == s.t1);

    /* Arrays: a GenericArray of owned edges, and of unowned statements. */
    var stances = s.kremlin.dup_stances ();
    assert (stances.length == 2 && stances[1].kind == "endorses" && stances[1].holder == s.trump);
    assert (stances[1].attributed && !stances[1].is_act ());
    var us = s.graph.add_actor ("us", "United States", Stance.ActorKind.STATE);
    s.trump.add_member_of (us);
    assert (s.trump.dup_member_of ()[0] == us);

    var found = s.graph.find_contradictions ();
    var reversal = (Stance.Contradiction) found.get_item (0);
    assert (reversal.kind == Stance.ContradictionKind.REVERSAL);
    var statements = reversal.get_statements ();
    assert (statements.length == 2 && statements[0] == s.t1 && statements[1] == s.t2);
    assert (reversal.other_holder == null && reversal.holder == s.trump);
  } catch (Stance.Error e) {
    error ("%s", e.message);
  }
}

void test_time () {
  try {
    var s = new Story ();
    Stance.Time day = s.t1.time;
    assert (day.to_string () == "2017-07-09" && day.get_precision () == Stance.TimePrecision.DAY);
    assert (day.get_end () - day.get_start () == 86400);
    assert (s.kremlin.time.overlaps (day) && !s.kremlin.time.precedes (day));
    var next = new Stance.Time.from_string ("2017-07-10");
    assert (day.precedes (next) && day.compare (next) < 0 && !day.equal (next));
    var exact = new Stance.Time.from_string ("2017-07-09T21:15:33+02:00");
    assert (exact.has_offset () && exact.get_offset () == 120);
    assert (exact.to_date_time ().to_unix () == exact.get_start ());
  } catch (Stance.Error e) {
    error ("%s", e.message);
  }
}

void test_errors () {
  Story s;
  try {
    s = new Story ();
  } catch (Stance.Error e) {
    error ("%s", e.message);
  }

  /* The metadata makes the edits throw Stance.Error: a code can be caught. */
  var caught = 0;
  try {
    s.graph.add_actor ("trump", "Someone", Stance.ActorKind.PERSON);
  } catch (Stance.Error.DUPLICATE_ID e) {
    caught++;
  } catch (Stance.Error e) {
    error ("unexpected %s", e.message);
  }
  try {
    s.graph.add_statement ("t3", s.trump, "2017-13");
  } catch (Stance.Error.INVALID_TIME e) {
    caught++;
  } catch (Stance.Error e) {
    error ("unexpected %s", e.message);
  }
  try {
    s.t1.add_stance ("praises", s.unit, null);
  } catch (Stance.Error.UNKNOWN_KIND e) {
    caught++;
  } catch (Stance.Error e) {
    error ("unexpected %s", e.message);
  }
  try {
    var other = new Stance.Graph ();
    s.t1.add_stance ("proposes", other.add_claim ("elsewhere", "x"), null);
  } catch (Stance.Error.WRONG_NODE e) {
    caught++;
  } catch (Stance.Error e) {
    error ("unexpected %s", e.message);
  }
  try {
    new Stance.Graph.from_data ("{\"stance\": 1, \"actor\": []}".data);
  } catch (Stance.Error.UNKNOWN_MEMBER e) {
    assert (e.message.has_prefix ("actor: "));
    caught++;
  } catch (Stance.Error e) {
    error ("unexpected %s", e.message);
  }
  assert (caught == 5);
  assert (s.graph.get_n_actors () == 2 && s.graph.get_n_statements () == 3 && s.graph.get_n_stances () == 4);

  /* A file that cannot be read is a GLib.FileError. */
  try {
    new Stance.Graph.from_file ("/nonexistent/story.json");
    assert_not_reached ();
  } catch (FileError.NOENT e) {
  } catch (Error e) {
    error ("unexpected %s", e.message);
  }
}

void test_documents () {
  try {
    var graph = new Stance.Graph.from_file (story_path ());
    assert (graph.get_n_actors () == 20 && graph.get_n_claims () == 13 && graph.get_n_statements () == 32);
    var found = graph.find_contradictions ();
    assert (found.get_n_items () == 9);
    assert (found.get_item_type () == typeof (Stance.Contradiction));

    /* save_to_data's length may be left out; the text round-trips. */
    string text = graph.save_to_data ();
    string original;
    FileUtils.get_contents (story_path (), out original);
    assert (text == original);
    var again = new Stance.Graph.from_data (text.data);
    assert (again.get_n_stances () == graph.get_n_stances ());

    var trump = (Stance.Actor) graph.lookup ("trump");
    var unit = graph.lookup ("cyber-unit");
    var timeline = graph.get_timeline (trump, unit);
    assert (timeline.get_n_items () == 2);
    assert (((Stance.Edge) timeline.get_item (1)).kind == "retracts");
    assert (graph.get_stance_at (trump, unit, "2017-07-08") == null);
    assert (graph.get_stance_at (trump, unit, "2017-07-09").kind == "proposes");
  } catch (Error e) {
    error ("%s", e.message);
  }
}

/* Loads the story with the async pair, in a main loop; returns the error. */
Error? load_in_loop (Stance.Graph graph, Cancellable? cancellable) {
  var loop = new MainLoop ();
  Error? error = null;
  graph.load_from_file_async.begin (File.new_for_path (story_path ()), cancellable, (obj, res) => {
    try {
      assert (graph.load_from_file_async.end (res));
    } catch (Error e) {
      error = e;
    }
    loop.quit ();
  });
  loop.run ();
  return error;
}

void test_async () {
  var graph = new Stance.Graph ();
  uint added = 0;
  graph.node_added.connect ((node) => added++);

  /* Cancelled: an IOError, and the graph as it was. */
  var cancellable = new Cancellable ();
  cancellable.cancel ();
  var error = load_in_loop (graph, cancellable);
  assert (error is IOError.CANCELLED);
  assert (graph.get_n_statements () == 0 && added == 0);

  /* Not cancelled. */
  error = load_in_loop (graph, null);
  assert (error == null);
  assert (graph.get_n_statements () == 32 && added == 65);

  /* Again: every id is taken, a Stance.Error, and nothing added. */
  error = load_in_loop (graph, null);
  assert (error is Stance.Error.DUPLICATE_ID);
  assert (graph.get_n_statements () == 32 && added == 65);
}

/* Issue 10: the questions from every side and the edits, typed. */
void test_questions () {
  try {
    var graph = new Stance.Graph.from_file (story_path ());
    var unit = graph.lookup ("cyber-unit");
    var putin = (Stance.Actor) graph.lookup ("putin");
    var trump = (Stance.Actor) graph.lookup ("trump");

    Stance.Camps camps = graph.get_camps (unit, "2017-07-09");
    assert (camps.get_positive ().get_n_items () == 3);
    assert (camps.get_negative ().get_n_items () == 2);
    assert (camps.get_withdrawn ().get_n_items () == 0);
    assert (camps.get_time () == "2017-07-09");
    Stance.Camps now = graph.get_camps (unit, null);
    assert (now.get_time () == null && now.get_withdrawn ().get_n_items () == 1);

    ListModel said = graph.get_statements_by (putin);
    assert (said.get_n_items () == 2);
    var first = (Stance.Statement) said.get_item (0);
    assert (first.id == "putin-2017-07");
    assert (graph.get_stances_on (unit).get_item_type () == typeof (Stance.Edge));
    assert (graph.get_positions (trump, null).get_n_items () == 2);
    assert (graph.get_attributions (trump).get_n_items () == 2);
    assert (graph.get_reporters ((Stance.Statement) graph.lookup ("putin-2020-09-25")).get_n_items () > 0);
    assert (graph.get_report_chain ((Stance.Statement) graph.lookup ("heise-2020-09")).get_n_items () == 1);
    assert (graph.get_members (putin).get_n_items () == 0);
    assert (graph.get_parts ((Stance.Claim) graph.lookup ("plan-2020")).get_n_items () == 5);

    /* Edits throw Stance.Error with a code. */
    var caught = 0;
    try {
      graph.remove_node (unit, false);
    } catch (Stance.Error.IN_USE e) {
      caught++;
    }
    var edge = ((Stance.Statement) graph.lookup ("trump-2017-07-10")).dup_stances ()[0];
    try {
      edge.set_kind ("oposes");
    } catch (Stance.Error.UNKNOWN_KIND e) {
      assert ("did you mean" in e.message);
      caught++;
    }
    assert (caught == 2);
    edge.set_kind ("opposes");
    edge.set_holder (putin);
    edge.set_holder (null);
    edge.set_target (graph.lookup ("cyber-treaty"));
    assert (graph.remove_node (unit, true));
    assert (graph.lookup ("cyber-unit") == null);
  } catch (Error e) {
    error ("%s", e.message);
  }
}

int main (string[] args) {
  Test.init (ref args);
  Test.add_func ("/vapi/build", test_build);
  Test.add_func ("/vapi/time", test_time);
  Test.add_func ("/vapi/errors", test_errors);
  Test.add_func ("/vapi/documents", test_documents);
  Test.add_func ("/vapi/async", test_async);
  Test.add_func ("/vapi/questions", test_questions);
  return Test.run ();
}
