/* test-limits.c: big and deep input is handled, or refused, never fatal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The documented limits (doc/document-format.md): nesting 64 levels deep,
 * streams below 4 GiB (documents over 2 GiB: test-big-documents.c).  Within them, size only costs time and memory in
 * proportion; past them, a clear STANCE_ERROR_LIMIT.
 */

#include <string.h>

#include <libstance/stance.h>

#include "stance-document-private.h"

static char *
document_with_text (gsize text_length)
{
  GString *doc = g_string_new ("{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}], "
                               "\"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\", \"text\": \"");

  for (gsize i = 0; i < text_length; i++)
    g_string_append_c (doc, "abcdefghij"[i % 10]);
  g_string_append (doc, "\"}]}");

  return g_string_free (doc, FALSE);
}

static void
test_long_string (void)
{
  /* 64 MiB of words in one statement: kept exactly. */
  const gsize length = 64 * 1024 * 1024;
  g_autofree char *doc = document_with_text (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (doc, -1, &error);
  g_autoptr(StanceNode) statement = NULL;
  const char *text;

  g_assert_no_error (error);
  statement = stance_graph_lookup (graph, "s");
  text = stance_statement_get_text (STANCE_STATEMENT (statement));
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_cmpint (text[length - 1], ==, "abcdefghij"[(length - 1) % 10]);
}

static void
test_long_id (void)
{
  /* Ids have no length limit of their own; a long one round-trips. */
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strnfill (1024 * 1024, 'x');
  G_GNUC_UNUSED g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, "A", STANCE_ACTOR_KIND_PERSON, &error);
  g_autofree char *saved = NULL;
  g_autoptr(StanceGraph) copy = NULL;

  g_assert_no_error (error);
  saved = stance_graph_save_to_data (graph, NULL);
  copy = stance_graph_new_from_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_actors (copy), ==, 1);
}

static char *
document_with_meta_depth (guint depth)
{
  GString *doc = g_string_new ("{\"stance\": 1, \"meta\": ");

  /* The document object is level 1 and meta level 2. */
  for (guint i = 2; i < depth; i++)
    g_string_append (doc, "{\"a\": ");
  g_string_append (doc, "{}");
  for (guint i = 2; i < depth; i++)
    g_string_append_c (doc, '}');
  g_string_append_c (doc, '}');

  return g_string_free (doc, FALSE);
}

static void
test_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deepest = document_with_meta_depth (STANCE_DOCUMENT_MAX_DEPTH);
  g_autofree char *too_deep = document_with_meta_depth (STANCE_DOCUMENT_MAX_DEPTH + 1);
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (deepest, -1, &error);
  g_autoptr(StanceGraph) refused = NULL;
  GString *hostile;

  g_assert_no_error (error);
  g_assert_nonnull (graph);

  refused = stance_graph_new_from_data (too_deep, -1, &error);
  g_assert_null (refused);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "meta."));
  g_assert_nonnull (strstr (error->message, "nesting deeper than 64 levels"));
  g_clear_error (&error);

  /* A million open brackets exhaust nothing: refused at level 65. */
  hostile = g_string_new ("{\"stance\": 1, \"meta\": {\"a\": ");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (hostile, '[');
  refused = stance_graph_new_from_data (hostile->str, hostile->len, &error);
  g_assert_null (refused);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
  g_string_free (hostile, TRUE);
}

static void
test_million_statements (void)
{
  /* A machine-extracted corpus: a million statements, one stance each. */
  const guint n = 1000000;
  GString *doc = g_string_sized_new ((gsize) n * 120);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length;

  if (g_getenv ("STANCE_TEST_QUICK") != NULL)
    {
      g_test_skip ("STANCE_TEST_QUICK is set (as under valgrind)");
      g_string_free (doc, TRUE);
      return;
    }

  g_string_append (doc, "{\n  \"stance\": 1,\n  \"actors\": [");
  for (guint a = 0; a < 1000; a++)
    g_string_append_printf (doc, "%s\n    {\n      \"id\": \"a%u\",\n      \"name\": \"Actor %u\"\n    }", a ? "," : "", a, a);
  g_string_append (doc, "\n  ],\n  \"claims\": [");
  for (guint c = 0; c < 1000; c++)
    g_string_append_printf (doc, "%s\n    {\n      \"id\": \"c%u\",\n      \"text\": \"Claim %u\"\n    }", c ? "," : "", c, c);
  g_string_append (doc, "\n  ],\n  \"statements\": [");
  for (guint s = 0; s < n; s++)
    /* Each actor speaks on its own claim once a year for a thousand
     * years, alternating for and against. */
    g_string_append_printf (doc, "%s\n    {\n      \"id\": \"s%u\",\n      \"speaker\": \"a%u\",\n"
                            "      \"time\": \"%04u\",\n      \"stances\": [\n        {\n"
                            "          \"kind\": \"%s\",\n          \"target\": \"c%u\"\n        }\n      ]\n    }",
                            s ? "," : "", s, s % 1000, 1000 + s / 1000,
                            (s / 1000) % 2 ? "opposes" : "supports", s % 1000);
  g_string_append (doc, "\n  ]\n}\n");

  graph = stance_graph_new_from_data (doc->str, doc->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, n);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, n);

  /* Every actor alternates on its own claim: a reversal at each change,
   * 999 for each of the thousand. */
  found = stance_graph_find_contradictions (graph);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, n - 1000);

  /* And the document written back is the one read. */
  saved = stance_graph_save_to_data (graph, &saved_length);
  g_assert_cmpuint (saved_length, ==, doc->len);
  g_assert_true (memcmp (saved, doc->str, doc->len) == 0);

  g_string_free (doc, TRUE);
}

/* Each thread owns its graph: nothing is shared between graphs, so graphs
 * in different threads need no locking (doc/design.md, Threading). */
static gpointer
work_alone (gpointer data)
{
  const char *path = data;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
      g_autoptr(GListModel) found = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(StanceGraph) copy = NULL;
      g_autoptr(StanceNode) trump = NULL;
      g_autoptr(StanceNode) unit = NULL;
      g_autoptr(StanceEdge) at = NULL;

      g_assert_no_error (error);
      found = stance_graph_find_contradictions (graph);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, 9);
      saved = stance_graph_save_to_data (graph, NULL);
      copy = stance_graph_new_from_data (saved, -1, &error);
      g_assert_no_error (error);
      trump = stance_graph_lookup (copy, "trump");
      unit = stance_graph_lookup (copy, "cyber-unit");
      at = stance_graph_get_stance_at (copy, STANCE_ACTOR (trump), unit, "2017-07-09", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (stance_edge_get_kind (at), ==, "proposes");
    }

  return NULL;
}

static void
test_threads_own_graphs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("graph", work_alone, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/long-string", test_long_string);
  g_test_add_func ("/limits/long-id", test_long_id);
  g_test_add_func ("/limits/depth", test_depth);
  g_test_add_func ("/limits/million-statements", test_million_statements);
  g_test_add_func ("/threads/own-graphs", test_threads_own_graphs);

  return g_test_run ();
}
