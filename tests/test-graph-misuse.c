/* test-graph-misuse.c: the C API of StanceGraph: API misuse: a critical warning and a safe return, never a crash
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

#define EXPECT_CRITICAL(stmt)                                                   \
  G_STMT_START {                                                                \
    g_test_expect_message ("Stance", G_LOG_LEVEL_CRITICAL, "*assertion*");     \
    stmt;                                                                       \
    g_test_assert_expected_messages ();                                         \
  } G_STMT_END

static void
test_misuse_graph (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceGraph) other = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) stranger = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  GraphState state = { 0 };
  GError *error = NULL;
  GError *preset = NULL;
  gpointer result = NULL;
  gboolean ok = TRUE;
  guint n = 1;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  stranger = stance_graph_add_actor (other, "trump", "Another", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

#define EXPECT_NULL(call) G_STMT_START { result = GINT_TO_POINTER (1); EXPECT_CRITICAL (result = (gpointer) (call)); g_assert_null (result); g_assert_no_error (error); } G_STMT_END
#define EXPECT_FALSE(call) G_STMT_START { ok = TRUE; EXPECT_CRITICAL (ok = (call)); g_assert_false (ok); g_assert_no_error (error); } G_STMT_END
#define EXPECT_ZERO(call) G_STMT_START { n = 1; EXPECT_CRITICAL (n = (call)); g_assert_cmpuint (n, ==, 0); } G_STMT_END

  /* NULL and wrong graphs */
  EXPECT_NULL (stance_graph_add_actor (NULL, "x", "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_actor ((gpointer) trump, "x", "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_claim (NULL, "x", "X", &error));
  EXPECT_NULL (stance_graph_add_claim ((gpointer) unit, "x", "X", &error));
  EXPECT_NULL (stance_graph_add_statement (NULL, "x", trump, "2017", &error));
  EXPECT_FALSE (stance_graph_declare_kind (NULL, "praises", STANCE_POLARITY_POSITIVE, &error));
  EXPECT_NULL (stance_graph_lookup (NULL, "trump"));
  EXPECT_NULL (stance_graph_lookup ((gpointer) edge, "trump"));
  EXPECT_FALSE (stance_graph_lookup_kind (NULL, "proposes", NULL));
  EXPECT_NULL (stance_graph_dup_kinds (NULL));
  EXPECT_ZERO (stance_graph_get_n_actors (NULL));
  EXPECT_ZERO (stance_graph_get_n_claims (NULL));
  EXPECT_ZERO (stance_graph_get_n_statements ((gpointer) t1));
  EXPECT_ZERO (stance_graph_get_n_stances ((gpointer) edge));
  EXPECT_NULL (stance_graph_get_actors (NULL));
  EXPECT_NULL (stance_graph_get_claims ((gpointer) unit));
  EXPECT_NULL (stance_graph_get_statements (NULL));
  EXPECT_NULL (stance_graph_find_contradictions (NULL));
  EXPECT_NULL (stance_graph_save_to_data (NULL, NULL));
  EXPECT_FALSE (stance_graph_load_from_data (NULL, "{\"stance\": 1}", -1, &error));

  /* NULL ids, names, texts, times, kinds */
  EXPECT_NULL (stance_graph_add_actor (graph, NULL, "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_actor (graph, "x", NULL, STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_claim (graph, NULL, "text", &error));
  EXPECT_NULL (stance_graph_add_claim (graph, "x", NULL, &error));
  EXPECT_NULL (stance_graph_add_statement (graph, NULL, trump, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", trump, NULL, &error));
  EXPECT_FALSE (stance_graph_declare_kind (graph, NULL, STANCE_POLARITY_POSITIVE, &error));
  EXPECT_NULL (stance_graph_lookup (graph, NULL));
  EXPECT_FALSE (stance_graph_lookup_kind (graph, NULL, NULL));
  EXPECT_FALSE (stance_graph_load_from_data (graph, NULL, -1, &error));
  EXPECT_NULL (stance_graph_new_from_data (NULL, 12, &error));

  /* NULL or wrong speakers */
  EXPECT_NULL (stance_graph_add_statement (graph, "x", NULL, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) unit, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) t1, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) edge, "2017", &error));

  /* Queries */
  EXPECT_NULL (stance_graph_get_stance_at (NULL, trump, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, NULL, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, (gpointer) unit, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, NULL, "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, (gpointer) edge, "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_graph_get_timeline (NULL, trump, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, NULL, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, (gpointer) t1, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, trump, NULL));
  EXPECT_NULL (stance_graph_get_timeline (graph, stranger, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, trump, STANCE_NODE (stranger)));

  /* An error that is already set */
  g_set_error_literal (&preset, G_IO_ERROR, G_IO_ERROR_FAILED, "earlier");
  EXPECT_CRITICAL (result = stance_graph_add_actor (graph, "x", "X", STANCE_ACTOR_KIND_PERSON, &preset));
  g_assert_null (result);
  EXPECT_CRITICAL (result = stance_graph_add_claim (graph, "x", "X", &preset));
  g_assert_null (result);
  EXPECT_CRITICAL (ok = stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &preset));
  g_assert_false (ok);
  EXPECT_CRITICAL (result = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &preset));
  g_assert_null (result);
  g_assert_error (preset, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (preset->message, ==, "earlier");
  g_clear_error (&preset);

  graph_state_assert_same (&state, graph);
  g_assert_null (stance_graph_lookup (graph, "x"));
  g_assert_false (stance_graph_lookup_kind (graph, "praises", NULL));
  graph_state_clear (&state);
}

static void
test_misuse_nodes (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  GraphState state = { 0 };
  GError *error = NULL;
  gpointer result = NULL;
  gboolean ok = TRUE;
  guint n = 1;
  StanceActorKind actor_kind;
  StancePolarity polarity;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  /* Nodes */
  EXPECT_NULL (stance_node_get_id (NULL));
  EXPECT_NULL (stance_node_get_id ((gpointer) edge));
  EXPECT_NULL (stance_node_get_id ((gpointer) graph));
  EXPECT_NULL (stance_node_get_graph (NULL));
  EXPECT_NULL (stance_node_get_meta ((gpointer) edge));
  EXPECT_FALSE (stance_node_set_meta (NULL, NULL, &error));

  /* Actors: a claim or a statement passed as an actor */
  EXPECT_NULL (stance_actor_get_name ((gpointer) unit));
  EXPECT_NULL (stance_actor_get_name (NULL));
  EXPECT_CRITICAL (stance_actor_set_name ((gpointer) unit, "X"));
  EXPECT_CRITICAL (stance_actor_set_name (trump, NULL));
  EXPECT_CRITICAL (actor_kind = stance_actor_get_kind ((gpointer) t1));
  g_assert_cmpint (actor_kind, ==, STANCE_ACTOR_KIND_OTHER);
  EXPECT_CRITICAL (stance_actor_set_kind ((gpointer) unit, STANCE_ACTOR_KIND_MEDIA));
  EXPECT_CRITICAL (stance_actor_set_kind (trump, (StanceActorKind) 6));
  EXPECT_CRITICAL (stance_actor_set_kind (trump, (StanceActorKind) -1));
  EXPECT_NULL (stance_actor_get_aliases ((gpointer) unit));
  EXPECT_CRITICAL (stance_actor_set_aliases ((gpointer) unit, NULL));
  EXPECT_NULL (stance_actor_dup_member_of ((gpointer) unit));
  EXPECT_FALSE (stance_actor_add_member_of (trump, NULL, &error));
  EXPECT_FALSE (stance_actor_add_member_of (trump, (gpointer) unit, &error));
  EXPECT_FALSE (stance_actor_add_member_of ((gpointer) t1, trump, &error));
  EXPECT_NULL (stance_actor_kind_to_string ((StanceActorKind) 6));
  EXPECT_FALSE (stance_actor_kind_from_string (NULL, &actor_kind));
  EXPECT_FALSE (stance_actor_kind_from_string ("person", NULL));

  /* Claims */
  EXPECT_NULL (stance_claim_get_text ((gpointer) trump));
  EXPECT_CRITICAL (stance_claim_set_text (unit, NULL));
  EXPECT_CRITICAL (stance_claim_set_text ((gpointer) t1, "x"));
  EXPECT_NULL (stance_claim_get_lang ((gpointer) t1));
  EXPECT_CRITICAL (stance_claim_set_lang ((gpointer) trump, "en"));
  EXPECT_NULL (stance_claim_dup_part_of ((gpointer) trump));
  EXPECT_FALSE (stance_claim_set_part_of (unit, (gpointer) trump, &error));
  EXPECT_FALSE (stance_claim_set_part_of (unit, (gpointer) t1, &error));
  EXPECT_FALSE (stance_claim_set_part_of ((gpointer) trump, unit, &error));

  /* Statements */
  EXPECT_NULL (stance_statement_get_speaker ((gpointer) unit));
  EXPECT_NULL (stance_statement_dup_time (NULL));
  EXPECT_NULL (stance_statement_dup_time_string ((gpointer) trump));
  EXPECT_FALSE (stance_statement_set_time (t1, NULL, &error));
  EXPECT_FALSE (stance_statement_set_time ((gpointer) unit, "2017", &error));
  EXPECT_NULL (stance_statement_get_text ((gpointer) unit));
  EXPECT_CRITICAL (stance_statement_set_text ((gpointer) unit, "x"));
  EXPECT_CRITICAL (stance_statement_set_lang (NULL, "x"));
  EXPECT_CRITICAL (stance_statement_set_source ((gpointer) trump, "x"));
  EXPECT_NULL (stance_statement_dup_reports ((gpointer) unit));
  EXPECT_FALSE (stance_statement_set_reports (t1, (gpointer) unit, &error));
  EXPECT_FALSE (stance_statement_set_reports ((gpointer) unit, t1, &error));
  EXPECT_ZERO (stance_statement_get_n_stances ((gpointer) unit));
  EXPECT_NULL (stance_statement_dup_stances (NULL));

  /* Stances */
  EXPECT_NULL (stance_statement_add_stance (NULL, "proposes", STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance ((gpointer) trump, "proposes", STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, NULL, STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", NULL, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", (gpointer) edge, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", (gpointer) graph, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), (gpointer) unit, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), (gpointer) t1, &error));
  EXPECT_NULL (stance_edge_get_kind (NULL));
  EXPECT_NULL (stance_edge_get_kind ((gpointer) trump));
  EXPECT_CRITICAL (polarity = stance_edge_get_polarity ((gpointer) unit));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_NEUTRAL);
  EXPECT_NULL (stance_edge_get_statement ((gpointer) t1));
  EXPECT_NULL (stance_edge_get_target (NULL));
  EXPECT_NULL (stance_edge_get_holder ((gpointer) trump));
  EXPECT_NULL (stance_edge_get_graph (NULL));
  EXPECT_FALSE (stance_edge_is_attributed ((gpointer) t1));
  EXPECT_FALSE (stance_edge_is_act (NULL));
  EXPECT_NULL (stance_edge_get_meta ((gpointer) unit));
  EXPECT_FALSE (stance_edge_set_meta ((gpointer) unit, NULL, &error));

  /* Contradictions */
  EXPECT_NULL (stance_contradiction_get_target ((gpointer) edge));
  EXPECT_NULL (stance_contradiction_get_holder (NULL));
  EXPECT_NULL (stance_contradiction_get_other_holder (NULL));
  EXPECT_NULL (stance_contradiction_get_attributed_by ((gpointer) trump));
  EXPECT_NULL (stance_contradiction_get_first (NULL));
  EXPECT_NULL (stance_contradiction_get_second (NULL));
  EXPECT_NULL (stance_contradiction_get_statements ((gpointer) edge));
  EXPECT_NULL (stance_contradiction_describe (NULL));
  EXPECT_NULL (stance_contradiction_kind_to_string ((StanceContradictionKind) 4));

  /* Kinds */
  EXPECT_FALSE (stance_kind_name_is_valid (NULL));
  EXPECT_FALSE (stance_kind_is_builtin (NULL));

  /* Nothing changed, and everything still works. */
  graph_state_assert_same (&state, graph);
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_assert_cmpint (stance_actor_get_kind (trump), ==, STANCE_ACTOR_KIND_PERSON);
  g_assert_cmpstr (stance_claim_get_text (unit), ==, "the unit");
  g_assert_null (stance_claim_get_lang (unit));
  g_assert_null (stance_claim_dup_part_of (unit));
  g_assert_null (stance_statement_get_text (t1));
  g_assert_null (stance_statement_dup_reports (t1));
  g_assert_cmpuint (stance_statement_get_n_stances (t1), ==, 1);
  g_assert_true (stance_edge_get_holder (edge) == trump);
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (trump);
    g_assert_cmpuint (groups->len, ==, 0);
  }
  graph_state_clear (&state);

#undef EXPECT_NULL
#undef EXPECT_FALSE
#undef EXPECT_ZERO
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/misuse/graph", test_misuse_graph);
  g_test_add_func ("/graph/misuse/nodes", test_misuse_nodes);

  return g_test_run ();
}
