/* test-graph-signals.c: the C API of StanceGraph: signals and live list models
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

/* "id,id,…" of the announced nodes, then forgets them. */
static char *
announced_ids (GPtrArray *objects)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      if (STANCE_IS_EDGE (object))
        g_string_append_printf (ids, "%s:%s>%s", statement_id_of (object), stance_edge_get_kind (object),
                                node_id (stance_edge_get_target (object)));
      else
        g_string_append (ids, node_id (object));
    }
  g_ptr_array_set_size (objects, 0);

  return g_string_free (ids, FALSE);
}

#define ASSERT_ANNOUNCED(array, expected)                       \
  G_STMT_START {                                                \
    g_autofree char *ids_ = announced_ids (array);              \
    g_assert_cmpstr (ids_, ==, (expected));                     \
  } G_STMT_END

static void
test_signals_api (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  Announcements seen;
  GError *error = NULL;

  announcements_init (&seen, graph);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.nodes->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) trump);
  ASSERT_ANNOUNCED (seen.nodes, "trump");

  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) unit);
  ASSERT_ANNOUNCED (seen.nodes, "cyber-unit");

  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) t1);
  ASSERT_ANNOUNCED (seen.nodes, "t1");
  ASSERT_ANNOUNCED (seen.stances, "");

  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.stances->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen.stances, 0) == (gpointer) edge);
  ASSERT_ANNOUNCED (seen.stances, "t1:proposes>cyber-unit");
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t1, "comments", STANCE_NODE (trump), trump, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e3 = stance_statement_add_stance (t1, "denies", STANCE_NODE (t1), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_ANNOUNCED (seen.stances, "t1:comments>trump,t1:denies>t1");

  /* Failed edits, kind declarations and property changes announce nothing. */
  g_assert_null (stance_graph_add_actor (graph, "trump", "again", STANCE_ACTOR_KIND_PERSON, &error));
  g_clear_error (&error);
  g_assert_null (stance_graph_add_claim (graph, "", "empty", &error));
  g_clear_error (&error);
  g_assert_null (stance_graph_add_statement (graph, "t2", trump, "2017-13", &error));
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "praises", STANCE_NODE (unit), NULL, &error));
  g_clear_error (&error);
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  stance_actor_set_name (trump, "Donald Trump");
  g_assert_false (stance_graph_load_from_data (graph, "{\"stance\": 2}", -1, &error));
  g_clear_error (&error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_ANNOUNCED (seen.stances, "");

  /* Without listeners, adding works the same. */
  announcements_clear (&seen, graph);
  {
    g_autoptr(StanceActor) putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
    g_autoptr(StanceStatement) p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07-08", &error);
    g_autoptr(StanceEdge) e = stance_statement_add_stance (p1, "praises", STANCE_NODE (unit), trump, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (node_id (putin), ==, "putin");
    g_assert_true (stance_edge_get_holder (e) == trump);
  }
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 4);
}

static const char small_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"kinds\": [ { \"name\": \"praises\", \"polarity\": \"positive\" } ],\n"
  "  \"actors\": [\n"
  "    { \"id\": \"putin\", \"name\": \"Vladimir Putin\", \"kind\": \"person\" },\n"
  "    { \"id\": \"kaspersky\", \"name\": \"Eugene Kaspersky\" }\n"
  "  ],\n"
  "  \"claims\": [ { \"id\": \"putin-plan\", \"text\": \"Putin's plan\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"putin-2020\", \"speaker\": \"putin\", \"time\": \"2020-09-25\",\n"
  "      \"stances\": [ { \"kind\": \"proposes\", \"target\": \"putin-plan\" } ] },\n"
  "    { \"id\": \"kaspersky-2020\", \"speaker\": \"kaspersky\", \"time\": \"2020-09-26\",\n"
  "      \"stances\": [ { \"kind\": \"praises\", \"target\": \"putin-plan\" },\n"
  "                   { \"kind\": \"comments\", \"target\": \"putin-2020\", \"holder\": \"putin\" } ] }\n"
  "  ]\n"
  "}\n";

static const char second_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"actors\": [ { \"id\": \"rt\", \"name\": \"RT\", \"kind\": \"media\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"rt-2020\", \"speaker\": \"rt\", \"time\": \"2020-09-27\",\n"
  "      \"stances\": [ { \"kind\": \"supports\", \"target\": \"rt\" } ] }\n"
  "  ]\n"
  "}\n";

static void
test_signals_load (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  GString *actors_log = g_string_new (NULL);
  GString *claims_log = g_string_new (NULL);
  GString *statements_log = g_string_new (NULL);
  Announcements seen;
  GError *error = NULL;

  announcements_init (&seen, graph);
  g_signal_connect (actors, "items-changed", G_CALLBACK (log_items_changed), actors_log);
  g_signal_connect (claims, "items-changed", G_CALLBACK (log_items_changed), claims_log);
  g_signal_connect (statements, "items-changed", G_CALLBACK (log_items_changed), statements_log);

  /* Into an empty graph */
  g_assert_true (stance_graph_load_from_data (graph, small_document, -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "putin,kaspersky,putin-plan,putin-2020,kaspersky-2020");
  ASSERT_ANNOUNCED (seen.stances, "putin-2020:proposes>putin-plan,kaspersky-2020:praises>putin-plan,"
                                  "kaspersky-2020:comments>putin-2020");
  ASSERT_LOG (actors_log, "0,0,2:2;");
  ASSERT_LOG (claims_log, "0,0,1:1;");
  ASSERT_LOG (statements_log, "0,0,2:2;");

  /* Into a graph that has nodes: only the new ones */
  g_assert_true (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "rt,rt-2020");
  ASSERT_ANNOUNCED (seen.stances, "rt-2020:supports>rt");
  ASSERT_LOG (actors_log, "2,0,1:3;");
  ASSERT_LOG (claims_log, "");
  ASSERT_LOG (statements_log, "2,0,1:3;");

  /* A refused document: nothing */
  g_assert_false (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_load_from_data (graph, "{\"stance\": 1, \"actors\": [", -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX);
  g_clear_error (&error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_ANNOUNCED (seen.stances, "");
  ASSERT_LOG (actors_log, "");
  ASSERT_LOG (statements_log, "");

  /* An empty document announces nothing either. */
  g_assert_true (stance_graph_load_from_data (graph, "{\"stance\": 1}", -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_LOG (actors_log, "");
  ASSERT_LOG (claims_log, "");
  ASSERT_LOG (statements_log, "");

  /* And the API adds after a load announce at the end. */
  {
    G_GNUC_UNUSED g_autoptr(StanceClaim) unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);

    g_assert_no_error (error);
    ASSERT_ANNOUNCED (seen.nodes, "cyber-unit");
    ASSERT_LOG (claims_log, "1,0,1:2;");
  }

  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 3);

  announcements_clear (&seen, graph);
  g_signal_handlers_disconnect_by_data (actors, actors_log);
  g_signal_handlers_disconnect_by_data (claims, claims_log);
  g_signal_handlers_disconnect_by_data (statements, statements_log);
  g_string_free (actors_log, TRUE);
  g_string_free (claims_log, TRUE);
  g_string_free (statements_log, TRUE);
}


static void
test_models (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  g_autoptr(StanceActor) trump = NULL;
  GString *actors_log = g_string_new (NULL);
  GString *claims_log = g_string_new (NULL);
  GString *statements_log = g_string_new (NULL);
  GError *error = NULL;

  assert_model_ids (actors, STANCE_TYPE_ACTOR, "");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "");
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (actors), G_TYPE_LIST_MODEL));

  g_signal_connect (actors, "items-changed", G_CALLBACK (log_items_changed), actors_log);
  g_signal_connect (claims, "items-changed", G_CALLBACK (log_items_changed), claims_log);
  g_signal_connect (statements, "items-changed", G_CALLBACK (log_items_changed), statements_log);

  /* Interleaved adds: each model hears of its own, at its end. */
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_object_unref (stance_graph_add_claim (graph, "cyber-unit", "the unit", &error));
  g_object_unref (stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error));
  g_object_unref (stance_graph_add_statement (graph, "t2", trump, "2017-07-10", &error));
  g_object_unref (stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error));
  g_object_unref (stance_graph_add_actor (graph, "abe", "Shinzo Abe", STANCE_ACTOR_KIND_PERSON, &error));
  g_object_unref (stance_graph_add_claim (graph, "plan", "the plan", &error));
  g_assert_no_error (error);
  /* A failed add changes no model. */
  g_assert_null (stance_graph_add_actor (graph, "t1", "dup", STANCE_ACTOR_KIND_PERSON, &error));
  g_clear_error (&error);

  ASSERT_LOG (actors_log, "0,0,1:1;1,0,1:2;2,0,1:3;");
  ASSERT_LOG (claims_log, "0,0,1:1;1,0,1:2;");
  ASSERT_LOG (statements_log, "0,0,1:1;1,0,1:2;");

  /* Graph order, not id order or time order */
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "cyber-unit,plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "t2,t1");

  /* The same item object twice while it lives */
  {
    g_autoptr(StanceActor) a = g_list_model_get_item (actors, 0);
    g_autoptr(StanceActor) b = g_list_model_get_item (actors, 0);

    g_assert_true (a == b);
    g_assert_true (a == trump);
  }

  /* The same model twice while it lives; a new one afterwards */
  {
    GListModel *again = stance_graph_get_actors (graph);
    GListModel *claims_again = stance_graph_get_claims (graph);
    GListModel *statements_again = stance_graph_get_statements (graph);

    g_assert_true (again == actors);
    g_assert_true (claims_again == claims);
    g_assert_true (statements_again == statements);
    g_assert_true (again != claims_again && claims_again != statements_again);
    g_object_unref (again);
    g_object_unref (claims_again);
    g_object_unref (statements_again);
  }
  g_signal_handlers_disconnect_by_data (actors, actors_log);
  g_assert_finalize_object (g_steal_pointer (&actors));
  actors = stance_graph_get_actors (graph);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe");
  g_object_unref (stance_graph_add_actor (graph, "xi", "Xi Jinping", STANCE_ACTOR_KIND_PERSON, &error));
  g_assert_no_error (error);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe,xi");
  ASSERT_LOG (actors_log, "");  /* the old model's handler is gone with it */

  g_signal_handlers_disconnect_by_data (claims, claims_log);
  g_signal_handlers_disconnect_by_data (statements, statements_log);
  g_string_free (actors_log, TRUE);
  g_string_free (claims_log, TRUE);
  g_string_free (statements_log, TRUE);
}

static void
test_models_after_load (void)
{
  /* The models of a graph made from a document, and of one loaded into. */
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (small_document, -1, NULL);
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) statements = NULL;
  GError *error = NULL;

  g_assert_nonnull (graph);
  actors = stance_graph_get_actors (graph);
  claims = stance_graph_get_claims (graph);
  statements = stance_graph_get_statements (graph);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "putin,kaspersky");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "putin-plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "putin-2020,kaspersky-2020");

  g_assert_true (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_no_error (error);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "putin,kaspersky,rt");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "putin-plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "putin-2020,kaspersky-2020,rt-2020");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/signals/api", test_signals_api);
  g_test_add_func ("/graph/signals/load", test_signals_load);
  g_test_add_func ("/graph/models/live", test_models);
  g_test_add_func ("/graph/models/after-load", test_models_after_load);

  return g_test_run ();
}
