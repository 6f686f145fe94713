/* test-reentrancy.c: handlers that edit the graph or drop its models
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Findings 4 and 5 of issue 7, each as a test that failed before the
 * change queue of stance-graph.c (doc/threading.md, "Re-entrancy"), and a
 * randomized differential test (tests/edits.h) of long edit sequences whose
 * handlers edit and drop, checked against fresh queries after every step.
 * The same sequences are fuzzed by tests/fuzz/fuzz-edits.c.
 */

#include "edits.h"

static StanceGraph *
graph_with_reversal_pending (StanceStatement **second,
                             StanceClaim     **claim)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(StanceActor) a = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceStatement) s1 = stance_graph_add_statement (graph, "s1", a, "2017", NULL);
  g_autoptr(StanceEdge) e1 = NULL;

  *claim = stance_graph_add_claim (graph, "c", "C", NULL);
  e1 = stance_statement_add_stance (s1, "proposes", STANCE_NODE (*claim), NULL, NULL);
  *second = stance_graph_add_statement (graph, "s2", a, "2018", NULL);
  return graph;
}

/* Finding 4: a handler drops the last reference to the live model. */

static void
drop_model (gpointer   emitter,
            gpointer   arg,
            GListModel **model)
{
  g_clear_object (model);
}

static void
drop_model_items_changed (GListModel  *emitter,
                          guint        position,
                          guint        removed,
                          guint        added,
                          GListModel **model)
{
  g_clear_object (model);
}

static void
test_drop_model_in_handler (void)
{
  for (guint which = 0; which < 2; which++)
    {
      g_autoptr(StanceStatement) s2 = NULL;
      g_autoptr(StanceClaim) claim = NULL;
      g_autoptr(StanceGraph) graph = graph_with_reversal_pending (&s2, &claim);
      GListModel *live = stance_graph_get_contradictions (graph);
      g_autoptr(StanceEdge) edge = NULL;
      g_autoptr(GListModel) fresh = NULL;
      g_autoptr(GListModel) again = NULL;

      if (which == 0)
        g_signal_connect (graph, "contradiction-added", G_CALLBACK (drop_model), &live);
      else
        g_signal_connect (live, "items-changed", G_CALLBACK (drop_model_items_changed), &live);

      /* Before: heap-use-after-free in _stance_contradiction_list_insert. */
      edge = stance_statement_add_stance (s2, "opposes", STANCE_NODE (claim), NULL, NULL);
      g_assert_null (live);
      g_signal_handlers_disconnect_by_data (graph, &live);

      fresh = stance_graph_find_contradictions (graph);
      again = stance_graph_get_contradictions (graph);
      g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
    }
}

/* Finding 5: a handler removes the stance that caused the contradictions.
 * b's "opposes" makes two at once, a reversal of b and a conflict with a;
 * the handler of the first takes the stance back. */

typedef struct
{
  StanceStatement *by;
  guint            calls;
} Cause;

static void
remove_cause (StanceGraph         *graph,
              StanceContradiction *contradiction,
              Cause               *cause)
{
  StanceEdge *edge = stance_contradiction_get_second (contradiction);
  g_autoptr(GError) error = NULL;

  if (cause->calls++ > 0)
    return;
  if (stance_edge_get_statement (edge) != cause->by)
    edge = stance_contradiction_get_first (contradiction);
  g_assert_true (stance_edge_get_statement (edge) == cause->by);
  g_assert_true (stance_statement_remove_stance (cause->by, edge, &error));
  g_assert_no_error (error);
}

static void
test_remove_cause_in_handler (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) a = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceActor) b = stance_graph_add_actor (graph, "b", "B", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "c", "C", NULL);
  g_autoptr(StanceStatement) s1 = stance_graph_add_statement (graph, "s1", a, "2017", NULL);
  g_autoptr(StanceStatement) s2 = stance_graph_add_statement (graph, "s2", b, "2017", NULL);
  g_autoptr(StanceStatement) s3 = stance_graph_add_statement (graph, "s3", b, "2018", NULL);
  G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (s1, "proposes", STANCE_NODE (claim), NULL, NULL);
  G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (s2, "proposes", STANCE_NODE (claim), NULL, NULL);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(GListModel) fresh = NULL;
  Cause cause = { s3, 0 };
  g_autoptr(StanceEdge) e3 = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 0);
  g_signal_connect (graph, "contradiction-added", G_CALLBACK (remove_cause), &cause);
  e3 = stance_statement_add_stance (s3, "opposes", STANCE_NODE (claim), NULL, NULL);

  fresh = stance_graph_find_contradictions (graph);
  g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, 0);
  /* Before: the live model kept the second contradiction. */
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 0);
  g_assert_cmpuint (cause.calls, >=, 1);
}

/* A node-added handler that adds a node: a view of the node list sees
 * items-changed in order, each consistent with the list's length then. */

static void
add_one_more (StanceGraph *graph,
              StanceNode  *node,
              gpointer     user_data)
{
  if (g_str_has_prefix (stance_node_get_id (node), "first"))
    {
      g_autofree char *id = g_strconcat ("then-", stance_node_get_id (node), NULL);
      G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, "T", NULL);
    }
}

static void
check_length (GListModel *list,
              guint       position,
              guint       removed,
              guint       added,
              guint      *announced)
{
  g_assert_cmpuint (position, ==, *announced);
  *announced += added;
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, *announced);
}

static void
test_nested_additions_in_order (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  guint announced = 0;

  /* The list's own handler goes first, the graph's edits later. */
  g_signal_connect (claims, "items-changed", G_CALLBACK (check_length), &announced);
  g_signal_connect (graph, "node-added", G_CALLBACK (add_one_more), NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("first-%u", i);
      G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, "F", NULL);
    }
  g_assert_cmpuint (announced, ==, 6);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 6);
}

/* The randomized differential test. */

static void
test_random_sequences (void)
{
  guint sequences = g_test_quick () ? 60 : 300;
  guint64 handler_calls = 0;

  for (guint i = 0; i < sequences; i++)
    {
      guint32 seed = g_test_rand_int ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      EditsSource src = { rand, NULL, 0, 0 };

      g_test_message ("sequence %u, seed %u", i, seed);
      handler_calls += edits_run (&src, 120, 12);
    }
  g_test_message ("%u sequences, %" G_GUINT64_FORMAT " handler calls", sequences, handler_calls);
  /* The handlers did run, and often. */
  g_assert_cmpuint (handler_calls, >, sequences * 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reentrancy/drop-model-in-handler", test_drop_model_in_handler);
  g_test_add_func ("/reentrancy/remove-cause-in-handler", test_remove_cause_in_handler);
  g_test_add_func ("/reentrancy/nested-additions-in-order", test_nested_additions_in_order);
  g_test_add_func ("/reentrancy/random-sequences", test_random_sequences);

  return g_test_run ();
}
