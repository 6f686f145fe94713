/* test-edit.c: removing nodes and changing stances, whole or not at all
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <libstance/stance.h>

#include "test-json.h"

static void
count (gpointer  instance,
       gpointer  object,
       guint    *n)
{
  (*n)++;
}

/* Refused removals change nothing: the saved document is the same. */
static void
test_remove_refused (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autofree char *before = stance_graph_save_to_data (graph, NULL);
  g_autofree char *after = NULL;
  const char *ids[] = { "putin", "cyber-unit", "plan-2020", "putin-2020-09-25", "us" };
  guint removed = 0;

  g_signal_connect (graph, "node-removed", G_CALLBACK (count), &removed);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(StanceNode) node = test_lookup (graph, ids[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (stance_graph_remove_node (graph, node, FALSE, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_IN_USE);
      g_assert_nonnull (strstr (error->message, ids[i]));
      g_test_message ("%s", error->message);
    }
  after = stance_graph_save_to_data (graph, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (removed, ==, 0);
}

static void
test_remove_statement (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(StanceStatement) statement = test_lookup (graph, "trump-2017-07-10");
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(StanceActor) trump = test_lookup (graph, "trump");
  g_autoptr(GListModel) said = stance_graph_get_statements_by (graph, trump);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(StanceGraph) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  guint n_statements = stance_graph_get_n_statements (graph);
  guint n_stances = stance_graph_get_n_stances (graph);
  guint stances_removed = 0, nodes_removed = 0;

  g_signal_connect (graph, "stance-removed", G_CALLBACK (count), &stances_removed);
  g_signal_connect (graph, "node-removed", G_CALLBACK (count), &nodes_removed);

  /* Two statements report it: refused, then removed with the links. */
  g_assert_false (stance_graph_remove_node (graph, STANCE_NODE (statement), FALSE, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "reports it"));
  g_clear_error (&error);
  g_assert_true (stance_graph_remove_node (graph, STANCE_NODE (statement), TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (stances_removed, ==, 2);
  g_assert_cmpuint (nodes_removed, ==, 1);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, n_statements - 1);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, n_statements - 1);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, n_stances - 2);
  g_assert_null (stance_graph_lookup (graph, "trump-2017-07-10"));
  g_assert_cmpuint (g_list_model_get_n_items (said), ==, 1);
  /* The reporters stay, with their link cleared. */
  {
    g_autoptr(StanceStatement) duran = test_lookup (graph, "duran-2017-07");

    g_assert_null (stance_statement_dup_reports (duran));
  }
  /* The view stays readable, but refuses edits and being an argument. */
  g_assert_cmpstr (stance_node_get_id (STANCE_NODE (statement)), ==, "trump-2017-07-10");
  g_assert_null (stance_statement_add_stance (statement, "proposes", STANCE_NODE (trump), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_graph_remove_node (graph, STANCE_NODE (statement), TRUE, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);

  /* The reversal is gone from the live model as from a fresh search. */
  found = stance_graph_find_contradictions (graph);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, g_list_model_get_n_items (found));

  /* The saved document loads, and the id can be used again. */
  saved = stance_graph_save_to_data (graph, NULL);
  reloaded = stance_graph_new_from_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (reloaded), ==, n_statements - 1);
  {
    g_autoptr(StanceStatement) again = stance_graph_add_statement (graph, "trump-2017-07-10", trump, "2017-07-10", &error);

    g_assert_no_error (error);
    g_assert_true (again != statement);
    g_assert_cmpuint (g_list_model_get_n_items (said), ==, 2);
  }
}

static void
test_remove_actor_cascade (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(StanceNode) putin = test_lookup (graph, "putin");
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(StanceGraph) reloaded = NULL;
  guint n_actors = stance_graph_get_n_actors (graph);

  g_assert_true (stance_graph_remove_node (graph, putin, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors - 1);
  g_assert_null (stance_graph_lookup (graph, "putin-2017-07"));
  g_assert_null (stance_graph_lookup (graph, "putin-2020-09-25"));
  /* heise reported putin's statement: it stays, its link cleared, and its
   * stances attributed to putin are gone. */
  {
    g_autoptr(StanceStatement) heise = test_lookup (graph, "heise-2020-09");

    g_assert_null (stance_statement_dup_reports (heise));
    g_assert_cmpuint (stance_statement_get_n_stances (heise), ==, 1);
  }
  found = stance_graph_find_contradictions (graph);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, g_list_model_get_n_items (found));
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) a = g_list_model_get_item (found, i);
      g_autoptr(StanceContradiction) b = g_list_model_get_item (live, i);

      g_assert_true (stance_contradiction_get_first (a) == stance_contradiction_get_first (b));
    }

  saved = stance_graph_save_to_data (graph, NULL);
  reloaded = stance_graph_new_from_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_null (stance_graph_lookup (reloaded, "putin"));
}

static void
test_remove_claim_parts (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceClaim) whole = stance_graph_add_claim (graph, "whole", "The plan", NULL);
  g_autoptr(StanceClaim) part = stance_graph_add_claim (graph, "part", "Point 1", NULL);
  g_autoptr(StanceClaim) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (stance_claim_set_part_of (part, whole, NULL));
  g_assert_false (stance_graph_remove_node (graph, STANCE_NODE (whole), FALSE, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "\"part\" is part of it"));
  g_clear_error (&error);
  g_assert_true (stance_graph_remove_node (graph, STANCE_NODE (whole), TRUE, NULL));
  back = stance_claim_dup_part_of (part);
  g_assert_null (back);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 1);
  /* An empty graph after removals still never swaps stores on a load. */
  g_assert_true (stance_graph_remove_node (graph, STANCE_NODE (part), FALSE, NULL));
  g_assert_true (stance_graph_load_from_data (graph, "{\"stance\": 1, \"claims\": [{\"id\": \"part\", \"text\": \"again\"}]}", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stance_node_get_id (STANCE_NODE (part)), ==, "part");
  g_assert_cmpstr (stance_claim_get_text (part), ==, "Point 1");
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 1);
}

static void
test_change_stance (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(StanceStatement) statement = test_lookup (graph, "trump-2017-07-10");
  g_autoptr(StanceNode) unit = test_lookup (graph, "cyber-unit");
  g_autoptr(StanceNode) treaty = test_lookup (graph, "cyber-treaty");
  g_autoptr(StanceActor) rubio = test_lookup (graph, "rubio");
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);
  StanceEdge *retracts = g_ptr_array_index (stances, 0);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(GListModel) on_unit = stance_graph_get_stances_on (graph, unit);
  g_autoptr(GListModel) on_treaty = stance_graph_get_stances_on (graph, treaty);
  g_autofree char *before = stance_graph_save_to_data (graph, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_live = g_list_model_get_n_items (live);
  guint n_unit = g_list_model_get_n_items (on_unit);
  guint changed = 0, notified = 0;

  g_signal_connect (graph, "stance-changed", G_CALLBACK (count), &changed);
  g_signal_connect (retracts, "notify::kind", G_CALLBACK (count), &notified);

  /* Bad arguments change nothing. */
  g_assert_false (stance_edge_set_kind (retracts, "oposes", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "(did you mean \"opposes\"?)"));
  g_clear_error (&error);

  /* kind: the reversal becomes a... still a reversal (proposes then
   * opposes); with "comments" it goes away. */
  g_assert_true (stance_edge_set_kind (retracts, "comments", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stance_edge_get_kind (retracts), ==, "comments");
  g_assert_cmpuint (g_list_model_get_n_items (live), <, n_live);
  g_assert_cmpuint (notified, ==, 1);

  /* target: moves between the live models of the two targets. */
  g_assert_true (stance_edge_set_target (retracts, treaty, &error));
  g_assert_true (stance_edge_get_target (retracts) == treaty);
  g_assert_cmpuint (g_list_model_get_n_items (on_unit), ==, n_unit - 1);
  g_assert_cmpuint (g_list_model_get_n_items (on_treaty), >, 0);

  /* holder: attributed to rubio, then back to the speaker's own. */
  g_assert_true (stance_edge_set_holder (retracts, rubio, &error));
  g_assert_true (stance_edge_is_attributed (retracts));
  g_assert_true (stance_edge_set_holder (retracts, NULL, &error));
  g_assert_false (stance_edge_is_attributed (retracts));

  /* Every edit's inverse is an edit: undo them all. */
  g_assert_true (stance_edge_set_target (retracts, unit, &error));
  g_assert_true (stance_edge_set_kind (retracts, "retracts", &error));
  g_assert_no_error (error);
  after = stance_graph_save_to_data (graph, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, n_live);
  g_assert_cmpuint (g_list_model_get_n_items (on_unit), ==, n_unit);
  g_assert_cmpuint (changed, ==, 6);

  /* A removed stance refuses changes. */
  g_assert_true (stance_statement_remove_stance (statement, retracts, NULL));
  g_assert_false (stance_edge_set_kind (retracts, "proposes", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
}

static void
test_did_you_mean (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(GError) error = NULL;

  g_assert_false (stance_graph_append_stance (graph, "trump-2017-07-09", "proposes", "cyber-unt", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_assert_cmpstr (error->message, ==, "unknown id \"cyber-unt\" (did you mean \"cyber-unit\"?)");
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (graph, "trump-2017-07-09", "endorse", "cyber-unit", NULL, &error));
  g_assert_cmpstr (error->message, ==, "unknown stance kind \"endorse\" (did you mean \"endorses\"?)");
  g_clear_error (&error);
  /* Nothing near: no suggestion. */
  g_assert_false (stance_graph_append_statement (graph, "x", "hyde", "2017", NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "unknown id \"hyde\"");
}

/* The id table is open addressing without tombstones: a removal shifts
 * the entries after it back.  Many removals, additions under freed ids,
 * growth and a snapshot of the result: every live id is found, no removed
 * one, and the node lists and the snapshot agree. */
static void
test_remove_many_ids (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autofree gboolean *live = g_new0 (gboolean, 3000);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-edit-ids.stance", NULL);
  g_autoptr(StanceGraph) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_live = 0;

  for (guint round = 0; round < 6; round++)
    {
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *id = g_strdup_printf ("claim-%u", i);

          if (!live[i] && g_rand_int_range (rand, 0, 3) == 0)
            {
              G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, "C", &error);

              g_assert_no_error (error);
              live[i] = TRUE;
              n_live++;
            }
          else if (live[i] && g_rand_int_range (rand, 0, 2) == 0)
            {
              g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

              g_assert_true (stance_graph_remove_node (graph, node, FALSE, &error));
              g_assert_no_error (error);
              live[i] = FALSE;
              n_live--;
            }
        }

      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *id = g_strdup_printf ("claim-%u", i);
          g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

          g_assert_true ((node != NULL) == live[i]);
        }
      g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, n_live);
      g_assert_cmpuint (g_list_model_get_n_items (claims), ==, n_live);
    }

  /* A snapshot has no removed records: it holds what the document does. */
  g_assert_true (stance_graph_save_snapshot (graph, path, &error));
  g_assert_no_error (error);
  loaded = stance_graph_new_from_snapshot (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_claims (loaded), ==, n_live);
  {
    g_autofree char *a = stance_graph_save_to_data (graph, NULL);
    g_autofree char *b = stance_graph_save_to_data (loaded, NULL);

    g_assert_cmpstr (a, ==, b);
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/remove-refused", test_remove_refused);
  g_test_add_func ("/edit/remove-statement", test_remove_statement);
  g_test_add_func ("/edit/remove-actor-cascade", test_remove_actor_cascade);
  g_test_add_func ("/edit/remove-claim-parts", test_remove_claim_parts);
  g_test_add_func ("/edit/change-stance", test_change_stance);
  g_test_add_func ("/edit/did-you-mean", test_did_you_mean);
  g_test_add_func ("/edit/remove-many-ids", test_remove_many_ids);

  return g_test_run ();
}
