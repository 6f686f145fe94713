/* test-live.c: the live contradictions model stays equal to a fresh search
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * stance_graph_get_contradictions() recomputes only the targets a change
 * touches.  The oracle is stance_graph_find_contradictions(), which starts
 * from scratch: after every random edit the two must list the same
 * contradictions in the same order, and the items-changed and
 * contradiction-added/-removed emissions must account for every difference.
 */

#include <libstance/stance.h>

typedef struct
{
  guint       added;
  guint       removed;
  GPtrArray  *mirror;  /* the model's items, maintained from items-changed */
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
on_contradiction_added (StanceGraph         *graph,
                        StanceContradiction *contradiction,
                        Watch               *watch)
{
  g_assert_true (STANCE_IS_CONTRADICTION (contradiction));
  watch->added++;
}

static void
on_contradiction_removed (StanceGraph         *graph,
                          StanceContradiction *contradiction,
                          Watch               *watch)
{
  g_assert_true (STANCE_IS_CONTRADICTION (contradiction));
  watch->removed++;
}

/* A contradiction's identity: its kind and the two stances behind it. */
static gboolean
same_contradiction (StanceContradiction *a,
                    StanceContradiction *b)
{
  return stance_contradiction_get_kind (a) == stance_contradiction_get_kind (b) &&
         stance_contradiction_get_first (a) == stance_contradiction_get_first (b) &&
         stance_contradiction_get_second (a) == stance_contradiction_get_second (b);
}

static void
assert_models_equal (GListModel *live,
                     GListModel *fresh)
{
  guint n = g_list_model_get_n_items (fresh);

  g_assert_cmpuint (g_list_model_get_n_items (live), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceContradiction) a = g_list_model_get_item (live, i);
      g_autoptr(StanceContradiction) b = g_list_model_get_item (fresh, i);

      if (!same_contradiction (a, b))
        {
          g_autofree char *da = stance_contradiction_describe (a);
          g_autofree char *db = stance_contradiction_describe (b);

          g_error ("item %u differs:\n  live:  %s\n  fresh: %s", i, da, db);
        }
    }
}

static void
check (StanceGraph *graph,
       GListModel  *live,
       Watch       *watch)
{
  g_autoptr(GListModel) fresh = stance_graph_find_contradictions (graph);

  assert_models_equal (live, fresh);
  /* The mirror built from items-changed alone is the model. */
  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (live));
  for (guint i = 0; i < watch->mirror->len; i++)
    {
      g_autoptr(StanceContradiction) item = g_list_model_get_item (live, i);

      g_assert_true (item == watch->mirror->pdata[i]);
    }
  /* Every appearance and disappearance was signalled. */
  g_assert_cmpuint (watch->added - watch->removed, ==, g_list_model_get_n_items (live));
}

static const char * const kinds[] = {
  "proposes", "endorses", "opposes", "denies", "retracts", "questions",
};

static const char * const times[] = {
  "2017", "2017-07", "2017-07-09", "2017-07-10", "2017-07-10T12:00Z", "2017-08", "2018",
};

static void
test_live_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170709);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(StanceGraph) graph = stance_graph_new ();
      g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GListModel) live = NULL;
      Watch watch = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *id = g_strdup_printf ("actor-%u", i);

          g_ptr_array_add (actors, stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, NULL));
        }
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *id = g_strdup_printf ("claim-%u", i);

          g_ptr_array_add (targets, stance_graph_add_claim (graph, id, id, NULL));
        }

      /* Half the time the model exists before anything is said. */
      if (round % 2 == 0)
        {
          live = stance_graph_get_contradictions (graph);
          g_signal_connect (live, "items-changed", G_CALLBACK (on_items_changed), &watch);
        }
      g_signal_connect (graph, "contradiction-added", G_CALLBACK (on_contradiction_added), &watch);
      g_signal_connect (graph, "contradiction-removed", G_CALLBACK (on_contradiction_removed), &watch);

      for (guint step = 0; step < 60; step++)
        {
          int what = g_rand_int_range (rand, 0, 10);

          if (live == NULL && step == 10)
            {
              live = stance_graph_get_contradictions (graph);
              on_items_changed (live, 0, 0, g_list_model_get_n_items (live), &watch);
              watch.added = g_list_model_get_n_items (live);
              g_signal_connect (live, "items-changed", G_CALLBACK (on_items_changed), &watch);
            }

          if (what < 3 || statements->len == 0)
            {
              g_autofree char *id = g_strdup_printf ("s-%u-%u", round, step);
              StanceActor *speaker = actors->pdata[g_rand_int_range (rand, 0, actors->len)];
              const char *time = times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))];

              g_ptr_array_add (statements, stance_graph_add_statement (graph, id, speaker, time, NULL));
            }
          else if (what < 7)
            {
              StanceStatement *statement = statements->pdata[g_rand_int_range (rand, 0, statements->len)];
              StanceNode *target = targets->pdata[g_rand_int_range (rand, 0, targets->len)];
              /* One stance in four is attributed to someone else. */
              StanceActor *holder = g_rand_int_range (rand, 0, 4) == 0 ? actors->pdata[g_rand_int_range (rand, 0, actors->len)] : NULL;
              g_autoptr(GError) error = NULL;
              StanceEdge *edge = stance_statement_add_stance (statement, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                                              target, holder, &error);

              g_assert_no_error (error);
              g_ptr_array_add (edges, edge);
            }
          else if (what < 9 && edges->len > 0)
            {
              guint pick = g_rand_int_range (rand, 0, edges->len);
              StanceEdge *edge = edges->pdata[pick];
              g_autoptr(GError) error = NULL;

              g_assert_true (stance_statement_remove_stance (stance_edge_get_statement (edge), edge, &error));
              g_assert_no_error (error);
              /* Removing it again is refused and changes nothing. */
              g_assert_false (stance_statement_remove_stance (stance_edge_get_statement (edge), edge, &error));
              g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
              g_ptr_array_remove_index_fast (edges, pick);
            }
          else
            {
              StanceStatement *statement = statements->pdata[g_rand_int_range (rand, 0, statements->len)];
              g_autoptr(GError) error = NULL;

              stance_statement_set_time (statement, times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))], &error);
              g_assert_no_error (error);
            }

          if (live != NULL)
            check (graph, live, &watch);
        }

      g_signal_handlers_disconnect_by_data (graph, &watch);
      g_signal_handlers_disconnect_by_data (live, &watch);
      g_ptr_array_unref (watch.mirror);
    }
}

static void
test_live_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(StanceContradiction) reversal = NULL;
  g_autoptr(StanceNode) tweet = NULL;
  g_autoptr(GPtrArray) stances = NULL;
  Watch watch = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

  g_signal_connect (live, "items-changed", G_CALLBACK (on_items_changed), &watch);
  g_signal_connect (graph, "contradiction-added", G_CALLBACK (on_contradiction_added), &watch);
  g_signal_connect (graph, "contradiction-removed", G_CALLBACK (on_contradiction_removed), &watch);

  /* Loading into a graph with a live model fills it. */
  g_assert_true (stance_graph_load_from_file (graph, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 9);
  check (graph, live, &watch);

  /* Taking back Trump's retraction: the reversal and the disputed
   * attributions go, and his proposal now holds for ever, so it conflicts
   * with no one new (Rubio and Graham already conflicted with it). */
  reversal = g_list_model_get_item (live, 0);
  g_assert_cmpint (stance_contradiction_get_kind (reversal), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
  tweet = stance_graph_lookup (graph, "trump-2017-07-10");
  stances = stance_statement_dup_stances (STANCE_STATEMENT (tweet));
  /* "It can't" retracts the unit; "but a ceasefire can, & did" confirms
   * the ceasefire. */
  g_assert_cmpuint (stances->len, ==, 2);
  g_assert_cmpstr (stance_edge_get_kind (stances->pdata[0]), ==, "retracts");
  g_assert_true (stance_statement_remove_stance (STANCE_STATEMENT (tweet), stances->pdata[0], &error));
  g_assert_no_error (error);
  check (graph, live, &watch);
  g_assert_cmpuint (watch.removed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 6);

  /* The stance is gone from the statement and from the counts. */
  g_assert_cmpuint (stance_statement_get_n_stances (STANCE_STATEMENT (tweet)), ==, 1);

  g_signal_handlers_disconnect_by_data (graph, &watch);
  g_signal_handlers_disconnect_by_data (live, &watch);
  g_ptr_array_unref (watch.mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live/random-edits", test_live_random_edits);
  g_test_add_func ("/live/story", test_live_story);

  return g_test_run ();
}
