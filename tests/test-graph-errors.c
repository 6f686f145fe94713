/* test-graph-errors.c: the C API of StanceGraph: the errors of bad edits: the exact code, and the graph exactly as it was
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static void
test_error_ids (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  const char * const ids[] = { "trump", "cyber-unit", "t1" };
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  /* Empty ids. */
  g_assert_null (stance_graph_add_actor (graph, "", "Nobody", STANCE_ACTOR_KIND_OTHER, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_claim (graph, "", "nothing", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_statement (graph, "", trump, "2017-07-09", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* Every id, as every sort of node: ids are unique across sorts. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_null (stance_graph_add_actor (graph, ids[i], "Someone", STANCE_ACTOR_KIND_PERSON, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_assert_nonnull (strstr (error->message, ids[i]));
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);

      g_assert_null (stance_graph_add_claim (graph, ids[i], "something", &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);

      g_assert_null (stance_graph_add_statement (graph, ids[i], trump, "2017-07-11", &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
    }

  /* The original nodes are untouched. */
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_assert_cmpstr (stance_claim_get_text (unit), ==, "the unit");
  {
    g_autoptr(StanceNode) found = stance_graph_lookup (graph, "t1");

    g_assert_true (found == STANCE_NODE (t1));
  }

  /* A NULL error location is allowed. */
  g_assert_null (stance_graph_add_actor (graph, "trump", "Someone", STANCE_ACTOR_KIND_PERSON, NULL));
  g_assert_null (stance_graph_add_claim (graph, "", "nothing", NULL));
  graph_state_assert_same (&state, graph);

  graph_state_clear (&state);
}

static void
test_error_time (void)
{
  static const char * const bad[] = {
    "", "17", "2017-7", "2017-07-9", "2017-13", "2017-00", "2017-02-30", "2017-07-32",
    "2017-07-09T24:00Z", "2017-07-09T21:60Z", "2017-07-09T21:15:60Z", "2017-07-09T21:15+25:00",
    "2017-07-09T21:15+02", "2017-07-09 21:15Z", "2017/07/09", "0000", "10000", "July 2017",
    "2017-07-09T", "2017-07-09T21Z", " 2017", "2017 ",
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      NotifyCount count;
      gulong handler;
      g_autofree char *time = NULL;

      g_test_message ("time \"%s\"", bad[i]);
      g_assert_null (stance_graph_add_statement (graph, "t2", trump, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_null (stance_graph_lookup (graph, "t2"));

      /* set_time keeps the old time and says nothing. */
      handler = watch (t1, "time", &count);
      g_assert_false (stance_statement_set_time (t1, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
      g_signal_handler_disconnect (t1, handler);
      g_assert_cmpuint (count.n, ==, 0);
      time = stance_statement_dup_time_string (t1);
      g_assert_cmpstr (time, ==, "2017-07-09");
      graph_state_assert_same (&state, graph);
    }

  graph_state_clear (&state);
}

static void
test_error_unknown_kind (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (t1, "praises", STANCE_NODE (unit), NULL, &error);
    g_assert_no_error (error);
  }
  graph_state_take (&state, graph);

  for (const char * const *kind = (const char * const[]) { "prop", "Proposes", "", "praise", "doubts", "proposes ", NULL }; *kind; kind++)
    {
      g_assert_null (stance_statement_add_stance (t1, *kind, STANCE_NODE (unit), NULL, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
      g_clear_error (&error);
      g_assert_null (stance_statement_add_stance (t1, *kind, STANCE_NODE (unit), trump, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_cmpuint (stance_statement_get_n_stances (t1), ==, 1);
    }

  graph_state_clear (&state);
}

static void
test_error_wrong_node (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceGraph) other = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceClaim) point = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceActor) o_actor = NULL;
  g_autoptr(StanceClaim) o_claim = NULL;
  g_autoptr(StanceStatement) o_statement = NULL;
  GraphState state = { 0 };
  GraphState other_state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  point = stance_graph_add_claim (graph, "point", "a point", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);

  /* The other graph has nodes with the same ids and others. */
  o_actor = stance_graph_add_actor (other, "trump", "Another Trump", STANCE_ACTOR_KIND_PERSON, &error);
  o_claim = stance_graph_add_claim (other, "cyber-unit", "another unit", &error);
  o_statement = stance_graph_add_statement (other, "o1", o_actor, "2017-07-09", &error);
  g_assert_no_error (error);

  graph_state_take (&state, graph);
  graph_state_take (&other_state, other);

  /* speaker */
  g_assert_null (stance_graph_add_statement (graph, "t2", o_actor, "2017-07-10", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* target, of each sort */
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (o_claim), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (o_actor), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "denies", STANCE_NODE (o_statement), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* holder */
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), o_actor, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* member_of */
  g_assert_false (stance_actor_add_member_of (trump, o_actor, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_actor_add_member_of (o_actor, trump, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (trump);
    g_assert_cmpuint (groups->len, ==, 0);
  }

  /* part_of, also over an existing one */
  g_assert_true (stance_claim_set_part_of (point, unit, &error));
  g_assert_no_error (error);
  graph_state_clear (&state);
  graph_state_take (&state, graph);
  g_assert_false (stance_claim_set_part_of (point, o_claim, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_claim_set_part_of (o_claim, unit, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  {
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (point);
    g_assert_true (whole == unit);
  }

  /* reports */
  g_assert_false (stance_statement_set_reports (t1, o_statement, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_dup_reports (t1));
  graph_state_assert_same (&state, graph);

  /* queries */
  g_assert_null (stance_graph_get_stance_at (graph, o_actor, STANCE_NODE (unit), "2017", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_graph_get_stance_at (graph, trump, STANCE_NODE (o_claim), "2017", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);

  graph_state_assert_same (&state, graph);
  graph_state_assert_same (&other_state, other);
  graph_state_clear (&state);
  graph_state_clear (&other_state);
}

static void
test_error_cycle (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) putin = NULL;
  StanceClaim *claims[3] = { NULL };
  StanceStatement *statements[3] = { NULL };
  GraphState state = { 0 };
  GError *error = NULL;

  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *cid = g_strdup_printf ("c%u", i);
      g_autofree char *sid = g_strdup_printf ("s%u", i);

      claims[i] = stance_graph_add_claim (graph, cid, cid, &error);
      g_assert_no_error (error);
      statements[i] = stance_graph_add_statement (graph, sid, putin, "2020", &error);
      g_assert_no_error (error);
    }

  /* c0 is part of c1, c1 of c2; s0 reports s1, s1 reports s2. */
  g_assert_true (stance_claim_set_part_of (claims[0], claims[1], &error));
  g_assert_no_error (error);
  g_assert_true (stance_claim_set_part_of (claims[1], claims[2], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[0], statements[1], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[1], statements[2], &error));
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < 3; i++)
    {
      NotifyCount count;
      gulong handler;

      /* self */
      handler = watch (claims[i], "part-of", &count);
      g_assert_false (stance_claim_set_part_of (claims[i], claims[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_signal_handler_disconnect (claims[i], handler);
      g_assert_cmpuint (count.n, ==, 0);
      graph_state_assert_same (&state, graph);

      handler = watch (statements[i], "reports", &count);
      g_assert_false (stance_statement_set_reports (statements[i], statements[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_signal_handler_disconnect (statements[i], handler);
      g_assert_cmpuint (count.n, ==, 0);
      graph_state_assert_same (&state, graph);
    }

  /* c2 part of c0 or c1; c1 part of c0; the same for reports. */
  for (guint whole = 0; whole < 2; whole++)
    {
      g_assert_false (stance_claim_set_part_of (claims[2], claims[whole], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_assert_false (stance_statement_set_reports (statements[2], statements[whole], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
    }
  g_assert_false (stance_claim_set_part_of (claims[1], claims[0], &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
  g_clear_error (&error);
  g_assert_false (stance_statement_set_reports (statements[1], statements[0], &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* Not cycles: c0 directly part of c2 (a shortcut), and setting what is
   * already set. */
  g_assert_true (stance_claim_set_part_of (claims[0], claims[2], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[0], statements[2], &error));
  g_assert_no_error (error);
  {
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (claims[0]);
    g_autoptr(StanceStatement) reported = stance_statement_dup_reports (statements[0]);

    g_assert_true (whole == claims[2]);
    g_assert_true (reported == statements[2]);
  }

  /* Once the chain is cut, what was a cycle is allowed. */
  g_assert_true (stance_claim_set_part_of (claims[1], NULL, &error));
  g_assert_no_error (error);
  g_assert_true (stance_claim_set_part_of (claims[2], claims[1], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (claims[i]);
      g_object_unref (statements[i]);
    }
  graph_state_clear (&state);
}

static void
test_error_meta (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(JsonNode) object = json_from_string ("{\"checked\": true}", NULL);
  JsonNode *bad[4];
  GraphState state = { 0 };
  GError *error = NULL;

  bad[0] = json_from_string ("[1, 2]", NULL);
  bad[1] = json_from_string ("\"text\"", NULL);
  bad[2] = json_from_string ("42", NULL);
  bad[3] = json_node_new (JSON_NODE_NULL);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);

  /* One node with meta already, the others without. */
  g_assert_true (stance_node_set_meta (STANCE_NODE (unit), object, &error));
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gpointer nodes[] = { trump, unit, t1 };

      for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
        {
          g_assert_false (stance_node_set_meta (nodes[n], bad[i], &error));
          g_assert_error (error, STANCE_ERROR, STANCE_ERROR_TYPE);
          g_clear_error (&error);
        }
      g_assert_false (stance_edge_set_meta (edge, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_TYPE);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_null (stance_node_get_meta (STANCE_NODE (trump)));
      g_assert_true (stance_node_get_meta (STANCE_NODE (unit)) == object);
      g_assert_null (stance_node_get_meta (STANCE_NODE (t1)));
      g_assert_null (stance_edge_get_meta (edge));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    json_node_unref (bad[i]);
  graph_state_clear (&state);
}

static void
test_error_actor_kind (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  GraphState state = { 0 };
  GError *error = NULL;

  graph_state_take (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) (STANCE_ACTOR_KIND_OTHER + 1), &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) 1000, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  g_assert_null (stance_graph_lookup (graph, "x"));

  graph_state_clear (&state);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/error/ids", test_error_ids);
  g_test_add_func ("/graph/error/time", test_error_time);
  g_test_add_func ("/graph/error/unknown-kind", test_error_unknown_kind);
  g_test_add_func ("/graph/error/wrong-node", test_error_wrong_node);
  g_test_add_func ("/graph/error/cycle", test_error_cycle);
  g_test_add_func ("/graph/error/meta", test_error_meta);
  g_test_add_func ("/graph/error/actor-kind", test_error_actor_kind);

  return g_test_run ();
}
