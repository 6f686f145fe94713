/* story.c: the 2017 cyber-security unit, built through the API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds part of the story of examples/data/cyber-2017-2020.json by hand —
 * Trump's two tweets, Putin's account, Rubio's attack — then prints the
 * contradictions among them and Trump's timeline on the unit.
 *
 *   cc story.c $(pkg-config --cflags --libs libstance-1.0) -o story
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <libstance/stance.h>

/* Every call that can fail reports through a GError; an example should
 * stop at the first one rather than go on with half a story. */
static void
check (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "story: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
}

int
main (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) tweet1 = NULL;
  g_autoptr(StanceStatement) tweet2 = NULL;
  g_autoptr(StanceStatement) kremlin = NULL;
  g_autoptr(StanceStatement) attack = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) timeline = NULL;
  GError *error = NULL;

  /* g_print() writes in the locale's charset: without this, a C program
   * runs in the "C" locale and prints "…" and "–" as "?". */
  setlocale (LC_ALL, "");

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  check (error);
  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  check (error);
  rubio = stance_graph_add_actor (graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  check (error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  check (error);
  stance_claim_set_lang (unit, "en");

  tweet1 = stance_graph_add_statement (graph, "trump-2017-07-09", trump, "2017-07-09", &error);
  check (error);
  stance_statement_set_text (tweet1, "Putin & I discussed forming an impenetrable Cyber Security unit "
                                     "so that election hacking, & many other negative things, will be guarded..");
  stance_statement_set_source (tweet1, "https://twitter.com/realDonaldTrump");
  edge = stance_statement_add_stance (tweet1, "proposes", STANCE_NODE (unit), NULL, &error);
  check (error);
  g_clear_object (&edge);

  /* Putin confirms the working group and says Trump agreed to it: the
   * second stance is attributed, held by Trump in Putin's words. */
  kremlin = stance_graph_add_statement (graph, "putin-2017-07", putin, "2017-07", &error);
  check (error);
  stance_statement_set_text (kremlin, "The US President and I have agreed to establish a working group "
                                      "and make joint efforts to monitor security in the cyberspace");
  edge = stance_statement_add_stance (kremlin, "confirms", STANCE_NODE (unit), NULL, &error);
  check (error);
  g_clear_object (&edge);
  edge = stance_statement_add_stance (kremlin, "endorses", STANCE_NODE (unit), trump, &error);
  check (error);
  g_clear_object (&edge);

  /* The seeds date Rubio's attack only to the month and give it only in
   * Norwegian paraphrase: a month-precision statement, with its source. */
  attack = stance_graph_add_statement (graph, "rubio-2017-07", rubio, "2017-07", &error);
  check (error);
  stance_statement_set_source (attack, "Norwegian article (seed 002): "
                                       "\"som å samarbeide med Assad om kjemiske våpen\"");
  edge = stance_statement_add_stance (attack, "opposes", STANCE_NODE (unit), NULL, &error);
  check (error);
  g_clear_object (&edge);

  tweet2 = stance_graph_add_statement (graph, "trump-2017-07-10", trump, "2017-07-10", &error);
  check (error);
  stance_statement_set_text (tweet2, "The fact that President Putin and I discussed a Cyber Security unit "
                                     "doesn't mean I think it can happen. It can't-but a ceasefire can,& did!");
  edge = stance_statement_add_stance (tweet2, "retracts", STANCE_NODE (unit), NULL, &error);
  check (error);
  g_clear_object (&edge);

  found = stance_graph_find_contradictions (graph);
  printf ("%u contradictions:\n", g_list_model_get_n_items (found));
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) contradiction = g_list_model_get_item (found, i);
      g_autofree char *line = stance_contradiction_describe (contradiction);

      printf ("  %s\n", line);
    }

  printf ("\nTrump's timeline on the unit:\n");
  timeline = stance_graph_get_timeline (graph, trump, STANCE_NODE (unit));
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(StanceEdge) step = g_list_model_get_item (timeline, i);
      StanceStatement *statement = stance_edge_get_statement (step);
      g_autofree char *time = stance_statement_dup_time_string (statement);

      printf ("  %s  %-9s %s\n", time, stance_edge_get_kind (step),
              stance_node_get_id (STANCE_NODE (statement)));
    }

  /* The question a reader asks most: where did Trump stand on the 9th? */
  edge = stance_graph_get_stance_at (graph, trump, STANCE_NODE (unit), "2017-07-09", &error);
  check (error);
  printf ("\nOn 2017-07-09 Trump %s the unit (%s).\n", stance_edge_get_kind (edge),
          stance_node_get_id (STANCE_NODE (stance_edge_get_statement (edge))));

  return EXIT_SUCCESS;
}
