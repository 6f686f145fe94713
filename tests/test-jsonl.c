/* test-jsonl.c: the JSON Lines form of a document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Round trips JSON → JSON Lines → JSON, byte for byte, on the example and
 * every contradiction vector; the catalogue of invalid JSON Lines documents
 * in tests/data/invalid-jsonl with their error classes and places; files
 * chosen by extension, synchronously and not; lines of every length and
 * ending.
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libstance/stance.h>

#include "test-catalogue.h"

static char *
to_jsonl (StanceGraph *graph)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (stance_graph_save_to_jsonl_stream (graph, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static StanceGraph *
from_jsonl (const char  *text,
            gssize       length,
            GError     **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, length < 0 ? (gssize) strlen (text) : length,
                                                                    NULL);

  return stance_graph_new_from_jsonl_stream (in, NULL, error);
}

/* JSON → JSON Lines → JSON gives the same text, and so does JSON Lines
 * → JSON Lines. */
static void
check_round_trip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceGraph) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *jsonl_again = NULL;

  g_assert_no_error (error);
  json = stance_graph_save_to_data (graph, NULL);
  jsonl = to_jsonl (graph);

  /* One line a node, after the header. */
  g_assert_true (g_str_has_prefix (jsonl, "{\"stance\": 1"));
  g_assert_true (g_str_has_suffix (jsonl, "}\n"));
  {
    guint lines = 0;

    for (const char *p = jsonl; *p; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, 1 + stance_graph_get_n_actors (graph) + stance_graph_get_n_claims (graph) +
                                 stance_graph_get_n_statements (graph));
  }

  copy = from_jsonl (jsonl, -1, &error);
  g_assert_no_error (error);
  json_again = stance_graph_save_to_data (copy, NULL);
  g_assert_cmpstr (json_again, ==, json);
  jsonl_again = to_jsonl (copy);
  g_assert_cmpstr (jsonl_again, ==, jsonl);
}

static void
test_round_trip_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);

  check_round_trip (path);
}

/* The example's JSON Lines form is what the writer makes of it. */
static void
test_example_file (void)
{
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);
  g_autofree char *jsonl = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (json, &error);
  g_autoptr(StanceGraph) copy = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) found_copy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  expected = read_file (jsonl, NULL);
  written = to_jsonl (graph);
  g_assert_cmpstr (written, ==, expected);

  copy = stance_graph_new_from_file (jsonl, &error);
  g_assert_no_error (error);
  found = stance_graph_find_contradictions (graph);
  found_copy = stance_graph_find_contradictions (copy);
  g_assert_cmpuint (g_list_model_get_n_items (found_copy), ==, g_list_model_get_n_items (found));
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
}

static void
test_round_trip_vectors (void)
{
  g_autoptr(GPtrArray) paths = test_documents ("contradictions");

  for (guint i = 0; i < paths->len; i++)
    check_round_trip (g_ptr_array_index (paths, i));
  g_assert_cmpuint (paths->len, >, 40);
}

/* The invalid catalogue */

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) target = stance_graph_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(StanceActor) actor = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  /* From a file, chosen by its extension. */
  graph = stance_graph_new_from_file (c->path, &error);
  g_assert_null (graph);
  check_error_where (c->name, error, c->code, c->where);
  if (error != NULL)
    g_test_message ("%s: %s", c->name, error->message);

  /* From a stream, into a graph that holds something: the same error,
   * and the graph as it was. */
  actor = stance_graph_add_actor (target, "someone", "Someone", STANCE_ACTOR_KIND_PERSON, &error2);
  g_assert_no_error (error2);
  before = stance_graph_save_to_data (target, NULL);
  contents = read_file (c->path, &length);
  in = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_assert_false (stance_graph_load_from_jsonl_stream (target, in, NULL, &error2));
  g_assert_nonnull (error2);
  if (error != NULL)
    g_assert_cmpstr (error2->message, ==, error->message);
  after = stance_graph_save_to_data (target, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Every file has its line and every line its file; the base is valid. */
static void
test_invalid_catalogue (void)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "invalid-jsonl", "base.jsonl", NULL);
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  check_catalogue ("invalid-jsonl", ".jsonl");

  /* The base every case changes is valid, forward references and all. */
  graph = stance_graph_new_from_file (base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 3);
}

/* Files by extension */

static void
test_file_extension (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (example, &error);
  g_autoptr(StanceGraph) copy = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-jsonl-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.jsonl", NULL);
  g_autofree char *other = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_copy = NULL;

  g_assert_no_error (error);
  g_assert_true (stance_graph_save_to_file (graph, path, &error));
  g_assert_no_error (error);
  written = read_file (path, NULL);
  expected = to_jsonl (graph);
  g_assert_cmpstr (written, ==, expected);

  copy = stance_graph_new_from_file (path, &error);
  g_assert_no_error (error);
  json = stance_graph_save_to_data (graph, NULL);
  json_copy = stance_graph_save_to_data (copy, NULL);
  g_assert_cmpstr (json_copy, ==, json);

  /* Whatever the name, when asked for. */
  g_assert_true (stance_graph_save_to_jsonl_file (graph, other, &error));
  g_assert_no_error (error);
  g_free (written);
  written = read_file (other, NULL);
  g_assert_cmpstr (written, ==, expected);

  /* A missing file. */
  g_clear_object (&copy);
  g_unlink (path);
  copy = stance_graph_new_from_file (path, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving into a directory that is not there leaves nothing behind. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "none", "doc.jsonl", NULL);

    g_assert_false (stance_graph_save_to_file (graph, nowhere, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (other);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
async_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_file_async (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "examples", "data", "cyber-2017-2020.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (example, &error);
  g_autoptr(StanceGraph) copy = stance_graph_new ();
  g_autofree char *dir = g_dir_make_tmp ("test-jsonl-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_copy = NULL;

  g_assert_no_error (error);
  stance_graph_save_to_file_async (graph, file, NULL, async_done, &saved);
  while (saved == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (stance_graph_save_to_file_finish (graph, saved, &error));
  g_assert_no_error (error);
  written = read_file (path, NULL);
  expected = to_jsonl (graph);
  g_assert_cmpstr (written, ==, expected);

  stance_graph_load_from_file_async (copy, file, NULL, async_done, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (stance_graph_load_from_file_finish (copy, loaded, &error));
  g_assert_no_error (error);
  json = stance_graph_save_to_data (graph, NULL);
  json_copy = stance_graph_save_to_data (copy, NULL);
  g_assert_cmpstr (json_copy, ==, json);

  g_unlink (path);
  g_rmdir (dir);
}

/* Lines */

static const char header[] = "{\"stance\": 1}\n";

static void
test_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) statement = NULL;
  g_autoptr(GString) doc = g_string_new (header);
  g_autofree char *text = g_strnfill (300 * 1024, 'w');

  /* CRLF endings, no final newline, a forward reference to a later line,
   * and a line longer than the reader's chunks. */
  g_string_append (doc, "{\"statement\": {\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\", \"text\": \"");
  g_string_append (doc, text);
  g_string_append (doc, "\", \"stances\": [{\"kind\": \"proposes\", \"target\": \"c\"}]}}\r\n");
  g_string_append (doc, "{\"actor\": {\"id\": \"a\", \"name\": \"A\"}}\r\n");
  g_string_append (doc, "{\"claim\": {\"id\": \"c\", \"text\": \"C\"}}");

  graph = from_jsonl (doc->str, doc->len, &error);
  g_assert_no_error (error);
  statement = stance_graph_lookup (graph, "s");
  g_assert_cmpstr (stance_statement_get_text (STANCE_STATEMENT (statement)), ==, text);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 1);
  g_clear_object (&graph);

  /* Only a header: an empty graph with its kinds and meta. */
  graph = from_jsonl ("{\"stance\": 1, \"kinds\": [{\"name\": \"praises\", \"polarity\": \"positive\"}], "
                      "\"meta\": {\"n\": 1}}\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 0);
  {
    g_autofree char *json = stance_graph_save_to_data (graph, NULL);

    g_assert_nonnull (strstr (json, "\"praises\""));
    g_assert_nonnull (strstr (json, "\"n\": 1"));
  }
  g_clear_object (&graph);

  /* A syntax error on a long line is placed by line and column. */
  g_string_truncate (doc, strlen (header));
  g_string_append (doc, "{\"actor\": {\"id\": \"a\", \"name\": \"");
  g_string_append (doc, text);
  g_string_append (doc, "\",}}\n");
  graph = from_jsonl (doc->str, doc->len, &error);
  g_assert_null (graph);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 2, column "));
}

/* A cancelled read stops with G_IO_ERROR_CANCELLED and adds nothing. */
static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (header, -1, NULL);
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (stance_graph_load_from_jsonl_stream (graph, in, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) invalid = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jsonl/round-trip/example", test_round_trip_example);
  g_test_add_func ("/jsonl/round-trip/vectors", test_round_trip_vectors);
  g_test_add_func ("/jsonl/example-file", test_example_file);
  g_test_add_func ("/jsonl/invalid/catalogue", test_invalid_catalogue);
  invalid = read_invalid_catalogue ("invalid-jsonl", ".jsonl");
  for (guint i = 0; i < invalid->len; i++)
    {
      InvalidCase *c = invalid->pdata[i];
      g_autofree char *test_path = g_strconcat ("/jsonl/invalid/", c->name, NULL);

      g_test_add_data_func (test_path, c, test_invalid);
    }
  g_test_add_func ("/jsonl/file/extension", test_file_extension);
  g_test_add_func ("/jsonl/file/async", test_file_async);
  g_test_add_func ("/jsonl/lines", test_lines);
  g_test_add_func ("/jsonl/cancelled", test_cancelled);

  return g_test_run ();
}
