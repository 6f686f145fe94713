/* test-graph-queries.c: the C API of StanceGraph: the stance at a time, and timelines
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static void
test_stance_at_story (void)
{
  Story story = { 0 };
  GError *error = NULL;

  story_build (&story);

  /* SPEC §5's story and the manual's table */
  {
    g_autoptr(StanceEdge) none = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-08", &error);
    g_autoptr(StanceEdge) first = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-09", &error);
    g_autoptr(StanceEdge) second = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-10", &error);
    g_autoptr(StanceEdge) later = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2018", &error);

    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_true (first == story.proposes);
    g_assert_true (second == story.retracts);
    g_assert_true (later == story.retracts);
    g_assert_cmpint (stance_edge_get_polarity (later), ==, STANCE_POLARITY_WITHDRAWAL);
  }
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2016", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-06", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-08T23:59:59Z", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T00:00Z", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T23:59:59Z", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10T00:00:00Z", "t2:retracts");
  /* Offsets: 01:30 at +02:00 is still 9 July in UTC; 22:00 at -02:00 is 10 July. */
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10T01:30+02:00", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T22:00-02:00", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "9999-12-31T23:59:59Z", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "0001", "");

  /* The answer is the same edge object while it lives, and a working edge
   * after it was dropped. */
  g_clear_object (&story.proposes);
  {
    g_autoptr(StanceEdge) first = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-09", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stance_edge_get_kind (first), ==, "proposes");
    g_assert_true (stance_edge_get_statement (first) == story.s1);
  }

  /* Malformed times */
  for (const char * const *bad = (const char * const[]) { "", "2017-13", "July 2017", "2017-07-09T25:00Z", "2017-07-09T12:00+24:00", NULL }; *bad; bad++)
    {
      g_autoptr(StanceEdge) edge = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), *bad, &error);

      g_assert_null (edge);
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
    }

  /* Other targets and holders have no stance. */
  ASSERT_STANCE_AT (story.graph, story.trump, story.s1, "2018", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.trump, "2018", "");

  story_clear (&story);
}

static void
test_stance_at_periods (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  GError *error = NULL;

  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  rubio = stance_graph_add_actor (graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);

  /* A month-precision act counts as taken on any day of the month: by the
   * end of the period asked about. */
  {
    g_autoptr(StanceStatement) p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e = stance_statement_add_stance (p1, "confirms", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-08", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01T00:00Z", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-08-15", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06-30", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06-30T23:59:59Z", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01T01:00+02:00", "");  /* 30 June, 23:00 UTC */

  /* A later day-precision act within the month, and an earlier year-precision one */
  {
    g_autoptr(StanceStatement) p2 = stance_graph_add_statement (graph, "p2", putin, "2017-07-05", &error);
    g_autoptr(StanceStatement) p0 = stance_graph_add_statement (graph, "p0", putin, "2017", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (p2, "denies", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e0 = stance_statement_add_stance (p0, "retracts", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, putin, unit, "2016-12-31T23:59Z", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-01-01", "p0:retracts");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06", "p0:retracts");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-04", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-05", "p2:denies");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07", "p2:denies");
  /* By the end of 2017 the latest in act order is the denial (p0 starts first). */
  ASSERT_STANCE_AT (graph, putin, unit, "2017", "p2:denies");

  /* Two acts that start together: the shorter period comes first in act
   * order, so the wider one is in force. */
  {
    g_autoptr(StanceStatement) t1 = stance_graph_add_statement (graph, "t-month", trump, "2018-03", &error);
    g_autoptr(StanceStatement) t2 = stance_graph_add_statement (graph, "t-day", trump, "2018-03-01", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (t1, "supports", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t2, "opposes", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, trump, unit, "2018-03-01", "t-month:supports");
  ASSERT_STANCE_AT (graph, trump, unit, "2018-02", "");

  /* Neutral stances never answer; attributed ones are not the holder's. */
  {
    g_autoptr(StanceStatement) t3 = stance_graph_add_statement (graph, "t-neutral", trump, "2018-04", &error);
    g_autoptr(StanceStatement) r1 = stance_graph_add_statement (graph, "r-neutral", rubio, "2018-04", &error);
    g_autoptr(StanceStatement) p3 = stance_graph_add_statement (graph, "p-says", putin, "2018-05", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (t3, "questions", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t3, "comments", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e3 = stance_statement_add_stance (r1, "comments", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e4 = stance_statement_add_stance (p3, "retracts", STANCE_NODE (unit), trump, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e5 = stance_statement_add_stance (p3, "endorses", STANCE_NODE (unit), rubio, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, trump, unit, "2018-04", "t-month:supports");
  ASSERT_STANCE_AT (graph, trump, unit, "2019", "t-month:supports");
  ASSERT_STANCE_AT (graph, rubio, unit, "2019", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2019", "p2:denies");

  /* A declared neutral kind is neutral too; a declared positive one is an act. */
  g_assert_true (stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEUTRAL, &error));
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(StanceStatement) r2 = stance_graph_add_statement (graph, "r2", rubio, "2019-01-01", &error);
    g_autoptr(StanceStatement) r3 = stance_graph_add_statement (graph, "r3", rubio, "2019-01-02", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (r2, "praises", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (r3, "doubts", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, rubio, unit, "2019-01-05", "r2:praises");
}

/* "statement:kind,…" of a timeline; checks its item type and items. */
static char *
timeline_text (StanceGraph *graph,
               gpointer     holder,
               gpointer     target)
{
  g_autoptr(GListModel) timeline = stance_graph_get_timeline (graph, holder, target);
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (timeline);

  g_assert_true (g_list_model_get_item_type (timeline) == STANCE_TYPE_EDGE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (timeline, i);

      g_assert_true (stance_edge_get_holder (edge) == holder);
      g_assert_true (stance_edge_get_target (edge) == target);
      g_assert_false (stance_edge_is_attributed (edge));
      g_string_append_printf (text, "%s%s:%s", i > 0 ? "," : "", statement_id_of (edge), stance_edge_get_kind (edge));
    }
  g_assert_null (g_list_model_get_item (timeline, n));

  return g_string_free (text, FALSE);
}

#define ASSERT_TIMELINE(graph, holder, target, expected)                        \
  G_STMT_START {                                                                \
    g_autofree char *tl_ = timeline_text ((graph), (holder), (target));         \
    g_assert_cmpstr (tl_, ==, (expected));                                      \
  } G_STMT_END

static void
test_timeline (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceClaim) plan = NULL;
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  plan = stance_graph_add_claim (graph, "plan", "the plan", &error);
  g_assert_no_error (error);

  ASSERT_TIMELINE (graph, trump, unit, "");

  /* Added out of time order; ids in another order again. */
  add_one (graph, "c", trump, "2017-07-10", "retracts", STANCE_NODE (unit), NULL);
  add_one (graph, "d", trump, "2017-07-09T12:00Z", "supports", STANCE_NODE (unit), NULL);
  add_one (graph, "zz-a", trump, "2017-07-09", "proposes", STANCE_NODE (unit), NULL);
  add_one (graph, "f", trump, "2017-07-09T00:00Z", "denies", STANCE_NODE (unit), NULL);
  add_one (graph, "aa-e", trump, "2017-07-09", "opposes questions", STANCE_NODE (unit), NULL);
  add_one (graph, "b", trump, "2017-07", "comments", STANCE_NODE (unit), NULL);
  /* Not in trump's timeline on the unit: attributed to him, by others, on
   * another target, or by him about someone else. */
  add_one (graph, "p1", putin, "2017-07-08", "endorses", STANCE_NODE (unit), trump);
  add_one (graph, "p2", putin, "2017-07-08", "confirms", STANCE_NODE (unit), NULL);
  add_one (graph, "t-plan", trump, "2017-07-09", "rejects", STANCE_NODE (plan), NULL);
  add_one (graph, "t-about-putin", trump, "2017-07-09", "rejects", STANCE_NODE (unit), putin);
  /* By him, with himself named as the holder: his own. */
  add_one (graph, "g", trump, "2017-07-11", "confirms", STANCE_NODE (unit), trump);

  /* Period start, then period end, then statement order, then stance order */
  ASSERT_TIMELINE (graph, trump, unit,
                   "b:comments,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,d:supports,c:retracts,g:confirms");
  ASSERT_TIMELINE (graph, trump, plan, "t-plan:rejects");
  ASSERT_TIMELINE (graph, putin, unit, "p2:confirms");  /* t-about-putin is attributed */
  ASSERT_TIMELINE (graph, putin, plan, "");
  ASSERT_TIMELINE (graph, trump, trump, "");
  {
    g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");
    ASSERT_TIMELINE (graph, trump, c, "");
  }

  /* The act index follows the graph: a new stance, a changed time */
  add_one (graph, "h", trump, "2017-07-08", "endorses", STANCE_NODE (unit), NULL);
  ASSERT_TIMELINE (graph, trump, unit,
                   "b:comments,h:endorses,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,d:supports,c:retracts,g:confirms");
  {
    g_autoptr(StanceNode) b = stance_graph_lookup (graph, "b");
    g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");

    g_assert_true (stance_statement_set_time (STANCE_STATEMENT (b), "2017-07-12", &error));
    g_assert_true (stance_statement_set_time (STANCE_STATEMENT (c), "2017-07-09T06:00Z", &error));
    g_assert_no_error (error);
  }
  ASSERT_TIMELINE (graph, trump, unit,
                   "h:endorses,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,c:retracts,d:supports,g:confirms,b:comments");
}

static void
test_acts_refresh (void)
{
  Story story = { 0 };
  g_autoptr(StanceStatement) s3 = NULL;
  g_autoptr(StanceEdge) supports = NULL;
  GError *error = NULL;

  story_build (&story);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t1:proposes,t2:retracts");
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  }

  /* A new statement without stances changes no answer. */
  s3 = stance_graph_add_statement (story.graph, "t3", story.trump, "2017-07-11", &error);
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");

  /* A new stance */
  supports = stance_statement_add_stance (s3, "supports", STANCE_NODE (story.unit), NULL, &error);
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t3:supports");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10", "t2:retracts");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t1:proposes,t2:retracts,t3:supports");

  /* A changed time moves the act */
  g_assert_true (stance_statement_set_time (s3, "2017-07-01", &error));
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-05", "t3:supports");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t1:proposes,t2:retracts");

  /* A failed change changes nothing. */
  g_assert_false (stance_statement_set_time (s3, "2017-07-32", &error));
  g_clear_error (&error);
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t1:proposes,t2:retracts");

  /* With the retraction moved before the proposal, the only reversal is
   * t3 (supports) then t2 (retracts): the contradictions follow too. */
  g_assert_true (stance_statement_set_time (story.s2, "2017-07-05", &error));
  g_assert_no_error (error);
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t2:retracts,t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t1:proposes");
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) c = NULL;
    g_autoptr(GPtrArray) statements = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    c = g_list_model_get_item (found, 0);
    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    statements = stance_contradiction_get_statements (c);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) s3);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
  }

  g_clear_object (&supports);
  g_clear_object (&s3);
  story_clear (&story);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/query/stance-at/story", test_stance_at_story);
  g_test_add_func ("/graph/query/stance-at/periods", test_stance_at_periods);
  g_test_add_func ("/graph/query/timeline", test_timeline);
  g_test_add_func ("/graph/query/refresh", test_acts_refresh);

  return g_test_run ();
}
