/* test-graph-contradictions.c: the C API of StanceGraph: contradictions through the API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static void
test_contradictions_spec (void)
{
  /* SPEC §5, line by line */
  g_autoptr(StanceGraph) g = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) s1 = NULL;
  g_autoptr(StanceStatement) s2 = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(StanceContradiction) c = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  GError *error = NULL;

  trump = stance_graph_add_actor (g, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (g, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  s1 = stance_graph_add_statement (g, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_object_unref (stance_statement_add_stance (s1, "proposes", STANCE_NODE (unit), NULL, &error));
  g_assert_no_error (error);
  s2 = stance_graph_add_statement (g, "t2", trump, "2017-07-10", &error);
  g_assert_no_error (error);
  g_object_unref (stance_statement_add_stance (s2, "retracts", STANCE_NODE (unit), NULL, &error));
  g_assert_no_error (error);

  found = stance_graph_find_contradictions (g);
  g_assert_true (g_list_model_get_item_type (found) == STANCE_TYPE_CONTRADICTION);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  c = g_list_model_get_item (found, 0);
  g_assert_true (STANCE_IS_CONTRADICTION (c));
  g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
  g_assert_cmpstr (node_id (stance_contradiction_get_target (c)), ==, "cyber-unit");
  g_assert_cmpstr (node_id (stance_contradiction_get_holder (c)), ==, "trump");
  statements = stance_contradiction_get_statements (c);
  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_cmpstr (node_id (g_ptr_array_index (statements, 0)), ==, "t1");
  g_assert_cmpstr (node_id (g_ptr_array_index (statements, 1)), ==, "t2");
  g_assert_null (g_list_model_get_item (found, 1));

  /* The names of the kinds, as `stance check --json` writes them */
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_REVERSAL), ==, "reversal");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_INCONSISTENCY), ==, "inconsistency");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_CONFLICT), ==, "conflict");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION), ==, "disputed-attribution");

  /* An empty graph has none. */
  {
    g_autoptr(StanceGraph) empty = stance_graph_new ();
    g_autoptr(GListModel) none = stance_graph_find_contradictions (empty);

    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_null (g_list_model_get_item (none, 0));
  }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_test_message ("\"%s\" does not contain \"%s\"", haystack, needle);
  return FALSE;
}

static void
test_contradictions_kinds (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceActor) abe = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(StanceStatement) r1 = NULL;
  g_autoptr(StanceEdge) attribution = NULL;
  g_autoptr(StanceEdge) opposes = NULL;
  g_autoptr(GListModel) found = NULL;
  GError *error = NULL;

  story_build (&story);
  stance_statement_set_text (story.s2, "The fact that President Putin and I discussed a Cyber Security unit doesn't mean I think it can happen.");
  putin = stance_graph_add_actor (story.graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  abe = stance_graph_add_actor (story.graph, "abe", "Shinzo Abe", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  p1 = stance_graph_add_statement (story.graph, "putin-2017-07-08", putin, "2017-07-08", &error);
  g_assert_no_error (error);
  stance_statement_set_text (p1, "Trump agreed.");
  attribution = stance_statement_add_stance (p1, "endorses", STANCE_NODE (story.unit), story.trump, &error);
  g_assert_no_error (error);
  r1 = stance_graph_add_statement (story.graph, "rubio-2017-07-09", rubio, "2017-07-09T15:00Z", &error);
  g_assert_no_error (error);
  opposes = stance_statement_add_stance (r1, "opposes", STANCE_NODE (story.unit), NULL, &error);
  g_assert_no_error (error);
  /* abe supports and opposes the plan within one month: an inconsistency */
  add_one (story.graph, "abe-a", abe, "2017-08", "supports", STANCE_NODE (story.s1), NULL);
  add_one (story.graph, "abe-b", abe, "2017-08-15", "opposes", STANCE_NODE (story.s1), NULL);

  found = stance_graph_find_contradictions (story.graph);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 4);

  /* Sorted by kind: reversal, inconsistency, conflict, disputed attribution */
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 0);
    g_autoptr(StanceContradiction) again = g_list_model_get_item (found, 0);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_true (again == c);
    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    g_assert_true (stance_contradiction_get_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    g_assert_true (stance_contradiction_get_first (c) == story.proposes);
    g_assert_true (stance_contradiction_get_second (c) == story.retracts);
    g_assert_cmpuint (statements->len, ==, 2);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) story.s1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
    g_assert_true (contains (text, "reversal"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "cyber-unit"));
    g_assert_true (contains (text, "t1"));
    g_assert_true (contains (text, "t2"));
    g_assert_true (contains (text, "2017-07-09"));
    g_assert_true (contains (text, "2017-07-10"));
    g_assert_true (contains (text, "proposes"));
    g_assert_true (contains (text, "retracts"));
    g_assert_true (contains (text, "The fact that President Putin"));
    g_assert_null (strchr (text, '\n'));
    g_assert_true (g_utf8_validate (text, -1, NULL));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 1);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_INCONSISTENCY);
    g_assert_true (stance_contradiction_get_holder (c) == abe);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.s1));
    g_assert_cmpstr (stance_edge_get_kind (stance_contradiction_get_first (c)), ==, "supports");
    g_assert_cmpstr (stance_edge_get_kind (stance_contradiction_get_second (c)), ==, "opposes");
    g_assert_cmpstr (node_id (g_ptr_array_index (statements, 0)), ==, "abe-a");
    g_assert_cmpstr (node_id (g_ptr_array_index (statements, 1)), ==, "abe-b");
    g_assert_true (contains (text, "inconsistency"));
    g_assert_true (contains (text, "abe"));
    g_assert_true (contains (text, "abe-a"));
    g_assert_true (contains (text, "abe-b"));
    g_assert_true (contains (text, "2017-08"));
    g_assert_true (contains (text, "2017-08-15"));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 2);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    /* holders in byte order of their ids, statements in the holders' order */
    g_assert_true (stance_contradiction_get_holder (c) == rubio);
    g_assert_true (stance_contradiction_get_other_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    g_assert_true (stance_contradiction_get_first (c) == opposes);
    g_assert_true (stance_contradiction_get_second (c) == story.proposes);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) r1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s1);
    g_assert_true (contains (text, "conflict"));
    g_assert_true (contains (text, "rubio"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "cyber-unit"));
    g_assert_true (contains (text, "rubio-2017-07-09"));
    g_assert_true (contains (text, "2017-07-09T15:00Z"));
    g_assert_true (contains (text, "opposes"));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 3);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION);
    g_assert_true (stance_contradiction_get_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_true (stance_contradiction_get_attributed_by (c) == putin);
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    /* the attribution first, then the holder's first own act that disputes it */
    g_assert_true (stance_contradiction_get_first (c) == attribution);
    g_assert_true (stance_contradiction_get_second (c) == story.retracts);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) p1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
    g_assert_true (contains (text, "disputed-attribution"));
    g_assert_true (contains (text, "putin"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "putin-2017-07-08"));
    g_assert_true (contains (text, "2017-07-08"));
    g_assert_true (contains (text, "t2"));
    g_assert_true (contains (text, "2017-07-10"));
    g_assert_true (contains (text, "Trump agreed."));
  }
  g_assert_null (g_list_model_get_item (found, 4));

  g_clear_object (&found);
  g_clear_object (&attribution);
  g_clear_object (&opposes);
  g_clear_object (&p1);
  g_clear_object (&r1);
  g_clear_object (&putin);
  g_clear_object (&rubio);
  g_clear_object (&abe);
  story_clear (&story);
}

static void
test_contradictions_snapshot (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(StanceContradiction) reversal = NULL;
  g_autoptr(StanceContradiction) conflict = NULL;
  GString *log = g_string_new (NULL);
  GError *error = NULL;

  story_build (&story);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  add_one (story.graph, "r1", rubio, "2017-07-09", "opposes", STANCE_NODE (story.unit), NULL);

  before = stance_graph_find_contradictions (story.graph);
  g_signal_connect (before, "items-changed", G_CALLBACK (log_items_changed), log);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  reversal = g_list_model_get_item (before, 0);
  conflict = g_list_model_get_item (before, 1);

  /* Change the graph: a retraction before the proposal ends the reversal;
   * a new holder adds a conflict. */
  g_assert_true (stance_statement_set_time (story.s2, "2017-07-01", &error));
  g_assert_no_error (error);
  add_one (story.graph, "x1", rubio, "2017-06", "retracts", STANCE_NODE (story.s1), NULL);
  {
    g_autoptr(StanceActor) xi = stance_graph_add_actor (story.graph, "xi", "Xi Jinping", STANCE_ACTOR_KIND_PERSON, &error);

    g_assert_no_error (error);
    add_one (story.graph, "xi1", xi, "2017-07-09", "denies", STANCE_NODE (story.unit), NULL);
  }

  /* The old result is as it was. */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  {
    g_autoptr(StanceContradiction) c0 = g_list_model_get_item (before, 0);
    g_autoptr(StanceContradiction) c1 = g_list_model_get_item (before, 1);

    g_assert_true (c0 == reversal);
    g_assert_true (c1 == conflict);
    g_assert_cmpint (stance_contradiction_get_kind (c0), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    g_assert_true (stance_contradiction_get_first (c0) == story.proposes);
    g_assert_true (stance_contradiction_get_second (c0) == story.retracts);
    g_assert_cmpint (stance_contradiction_get_kind (c1), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c1) == rubio);
    g_assert_true (stance_contradiction_get_other_holder (c1) == story.trump);
  }

  /* A new question gets the new answer. */
  {
    g_autoptr(GListModel) after = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) c0 = NULL;
    g_autoptr(StanceContradiction) c1 = NULL;

    g_assert_true (after != before);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
    c0 = g_list_model_get_item (after, 0);
    c1 = g_list_model_get_item (after, 1);
    g_assert_cmpint (stance_contradiction_get_kind (c0), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c0) == rubio);
    g_assert_cmpint (stance_contradiction_get_kind (c1), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c1) == story.trump);
    g_assert_cmpstr (node_id (stance_contradiction_get_other_holder (c1)), ==, "xi");
  }

  g_signal_handlers_disconnect_by_data (before, log);
  g_string_free (log, TRUE);
  g_clear_object (&reversal);
  g_clear_object (&conflict);
  g_clear_object (&before);
  g_clear_object (&rubio);
  story_clear (&story);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/contradictions/spec", test_contradictions_spec);
  g_test_add_func ("/graph/contradictions/kinds", test_contradictions_kinds);
  g_test_add_func ("/graph/contradictions/snapshot", test_contradictions_snapshot);

  return g_test_run ();
}
