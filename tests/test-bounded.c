/* test-bounded.c: bounded input, what save writes load reads, and messages
 * safe to print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Findings 6, 7 and 9 of issue 7, each a test that failed before the fix:
 * set_meta took NaN, infinities, bytes that are not UTF-8 and nesting past
 * the reader's limit (the document then did not load); a device given as a
 * file was read until memory ran out, and a file past the size limit was
 * read whole before it was refused; ids and file names that are not UTF-8
 * were echoed raw.  The edit-sequence tests (tests/edits.h) check the
 * round trip of every graph they build as well.
 */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libstance/stance.h>

#include "stance-document-private.h"
#include "stance-input-private.h"
#include "stance-quote-private.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* In the child of a subprocess test: at most @bytes of address space, so
 * that reading what should not be read fails (not under ASan, which needs
 * terabytes of address space for its shadow). */
static void
limit_memory (rlim_t bytes)
{
#ifndef UNDER_ASAN
  struct rlimit limit = { bytes, bytes };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
}

/* 7. Bounded input. */

static void
test_device_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StanceGraph) graph = NULL;

      /* Before: read until allocation failed (here: at 1 GiB, an abort). */
      limit_memory ((rlim_t) 1 << 30);
      graph = stance_graph_new_from_file ("/dev/zero", &error);
      g_assert_null (graph);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
      g_assert_nonnull (strstr (error->message, "device"));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_too_large_not_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-large-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  int fd;

  g_assert_no_error (error);
  /* Sparse: one byte past the limit costs no disk. */
  fd = g_open (path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) STANCE_DOCUMENT_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  {
    g_autofree char *child = g_strdup_printf ("%s/child", g_test_get_path ());

    g_setenv ("STANCE_TEST_LARGE_FILE", path, TRUE);
    g_test_trap_subprocess (child, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
  }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_too_large_not_read_child (void)
{
  const char *path = g_getenv ("STANCE_TEST_LARGE_FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("run by /input/too-large-not-read");
      return;
    }

  /* Before: the 2 GiB were read (here: an abort at 512 MiB) and then
   * refused. */
  limit_memory ((rlim_t) 512 << 20);
  graph = stance_graph_new_from_file (path, &error);
  g_assert_null (graph);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
}

typedef struct
{
  char       *path;
  const char *text;
} Writer;

static gpointer
write_fifo (gpointer data)
{
  Writer *writer = data;
  int fd = g_open (writer->path, O_WRONLY, 0);
  gsize length = strlen (writer->text);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, writer->text, length), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
  return NULL;
}

/* A file of 32 MiB or more is read in two halves at once
 * (stance-input.c): every byte must land where it belongs.  Each line
 * names its own offset, so a half read to the wrong place shows. */
static void
test_two_halves (void)
{
  g_autofree char *dir = g_dir_make_tmp ("stance-input-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GString) text = g_string_sized_new (34 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_getenv ("STANCE_TEST_QUICK") != NULL)
    {
      g_test_skip ("34 MB read: too slow under valgrind");
      return;
    }

  while (text->len < 34 * 1024 * 1024 + 17)
    g_string_append_printf (text, "%" G_GSIZE_FORMAT "\n", text->len);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  bytes = _stance_input_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, text->len);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), text->str, text->len) == 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_fifo_and_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-fifo-XXXXXX", &error);
  Writer writer = { g_build_filename (dir, "doc.fifo", NULL),
                    "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}]}" };
  GThread *thread;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (writer.path, 0600), ==, 0);

  /* A pipe (as `<(cmd)` gives) is read as a stream, up to the limit. */
  thread = g_thread_new ("writer", write_fifo, &writer);
  graph = stance_graph_new_from_file (writer.path, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 1);

  none = stance_graph_new_from_file (dir, &error);
  g_assert_null (none);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);

  g_assert_cmpint (g_unlink (writer.path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (writer.path);
}

/* 6. What save writes, load reads. */

static JsonNode *
object_with (const char *name,
             JsonNode   *value)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  json_object_set_member (object, name, value);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* A meta object nested @levels deep in all: {"d": {"d": … {}}}. */
static JsonNode *
nested (guint levels)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), NULL);

  json_node_take_object (node, json_object_new ());
  for (guint i = 1; i < levels; i++)
    node = object_with ("d", node);
  return node;
}

static gboolean
set_meta (gpointer   object,
          JsonNode  *meta,
          GError   **error)
{
  return STANCE_IS_EDGE (object) ? stance_edge_set_meta (object, meta, error)
                                 : stance_node_set_meta (object, meta, error);
}

static void
test_meta_limits (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "c", "C", NULL);
  g_autoptr(StanceStatement) statement = stance_graph_add_statement (graph, "s", actor, "2017", NULL);
  g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, "proposes", STANCE_NODE (claim), NULL, NULL);
  /* Where each meta object sits in a document: level 4, a stance's 6. */
  struct { gpointer object; guint level; } targets[] = {
    { actor, 4 }, { claim, 4 }, { statement, 4 }, { edge, 6 },
  };
  struct { JsonNode *value; int code; const char *where; } bad[] = {
    { json_node_init_double (json_node_alloc (), NAN), STANCE_ERROR_INVALID_VALUE, "meta.v: " },
    { json_node_init_double (json_node_alloc (), INFINITY), STANCE_ERROR_INVALID_VALUE, "meta.v: " },
    { json_node_init_double (json_node_alloc (), -INFINITY), STANCE_ERROR_INVALID_VALUE, "meta.v: " },
    { json_node_init_string (json_node_alloc (), "ok \xff\xfe"), STANCE_ERROR_ENCODING, "meta.v: " },
    { object_with ("\xc3\x28", json_node_init_int (json_node_alloc (), 1)), STANCE_ERROR_ENCODING, "meta.v: the member name \"\\xc3(\"" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      guint deepest = STANCE_DOCUMENT_MAX_DEPTH - targets[t].level + 1;
      g_autoptr(JsonNode) fits = nested (deepest);
      g_autoptr(JsonNode) too_deep = nested (deepest + 1);
      g_autoptr(GError) error = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(StanceGraph) loaded = NULL;

      for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
        {
          g_autoptr(JsonNode) meta = object_with ("v", json_node_copy (bad[b].value));

          /* Before: taken, and written as `nan`, `inf` or raw bytes. */
          g_assert_false (set_meta (targets[t].object, meta, &error));
          g_assert_error (error, STANCE_ERROR, bad[b].code);
          g_assert_true (g_str_has_prefix (error->message, bad[b].where));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_clear_error (&error);
        }

      g_assert_false (set_meta (targets[t].object, too_deep, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
      g_clear_error (&error);

      /* The deepest that fits is taken, sealed, and loads again. */
      g_assert_true (set_meta (targets[t].object, fits, &error));
      g_assert_no_error (error);
      g_assert_true (json_node_is_immutable (fits));
      saved = stance_graph_save_to_data (graph, NULL);
      loaded = stance_graph_new_from_data (saved, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
    }

  for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
    json_node_unref (bad[b].value);
}

/* 9. Messages safe to print. */

static void
test_quote (void)
{
  static const struct { const char *in; gssize len; const char *out; } cases[] = {
    { "plain-id", -1, "\"plain-id\"" },
    { "caf\xc3\xa9", -1, "\"caf\xc3\xa9\"" },
    { "say \"hi\" \\ there", -1, "\"say \\\"hi\\\" \\\\ there\"" },
    { "\xff\xfe", -1, "\"\\xff\\xfe\"" },
    { "\x1b[31mred", -1, "\"\\x1b[31mred\"" },
    { "tab\tnew\nline", -1, "\"tab\\x09new\\x0aline\"" },
    { "nul\0in", 6, "\"nul\\x00in\"" },
    { "\xe2\x80\xae" "rtl", -1, "\"\\u202Ertl\"" },     /* RIGHT-TO-LEFT OVERRIDE */
    { "\xe2\x80\xa8", -1, "\"\\u2028\"" },              /* LINE SEPARATOR */
    { "\xc2\x9b" "1m", -1, "\"\\u009B1m\"" },           /* C1 CSI */
    { "\xc3", -1, "\"\\xc3\"" },                        /* cut short */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = _stance_quote (cases[i].in, cases[i].len);

      g_assert_cmpstr (quoted, ==, cases[i].out);
      g_assert_true (g_utf8_validate (quoted, -1, NULL));
    }

  {
    g_autofree char *cut = _stance_quote_at_most ("abcdef", -1, 3);
    g_autofree char *whole = _stance_quote_at_most ("abc", -1, 3);
    g_autofree char *null = _stance_quote (NULL, -1);

    g_assert_cmpstr (cut, ==, "\"abc\xe2\x80\xa6\"");
    g_assert_cmpstr (whole, ==, "\"abc\"");
    g_assert_cmpstr (null, ==, "(null)");
  }
}

static void
test_messages_escape_ids (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;

  /* Before: the bytes of the id, raw, in the message. */
  g_assert_false (stance_graph_append_stance (graph, "s\xff\x1b[2J", "proposes", "c", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_assert_cmpstr (error->message, ==, "unknown id \"s\\xff\\x1b[2J\"");
  g_clear_error (&error);

  g_assert_false (stance_graph_declare_kind (graph, "bad\x1b", STANCE_POLARITY_POSITIVE, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND);
  g_assert_nonnull (strstr (error->message, "\"bad\\x1b\""));
}

static void
run_tool (const char * const *args,
          int                *status,
          char              **err)
{
  const char *tool = g_getenv ("STANCE_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, status, &error));
  g_assert_no_error (error);
}

static void
test_tool_messages (void)
{
  const char * const not_utf8[] = { "check", "/nonexistent/\xff\x1b[31m.json", NULL };
  const char * const device[] = { "check", "/dev/zero", NULL };
  g_autofree char *err = NULL;
  g_autofree char *device_err = NULL;
  int status;

  if (g_getenv ("STANCE_TOOL") == NULL)
    {
      g_test_skip ("STANCE_TOOL is not set to the built `stance` tool");
      return;
    }

  /* Before: the file name's bytes went to standard error as they were. */
  run_tool (not_utf8, &status, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_null (strchr (err, '\x1b'));
  g_assert_nonnull (strstr (err, "\"/nonexistent/\\xff\\x1b[31m.json\""));

  /* Before: grew until allocation failed. */
  run_tool (device, &status, &device_err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  g_assert_nonnull (strstr (device_err, "device"));

  /* An id from the command line that is not UTF-8. */
  if (g_getenv ("STANCE_EXAMPLES") != NULL)
    {
      g_autofree char *story = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
      const char * const at[] = { "at", story, "trump\xff\x1b", "cyber-unit", "2017", NULL };
      g_autofree char *at_err = NULL;

      run_tool (at, &status, &at_err);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
      g_assert_true (g_utf8_validate (at_err, -1, NULL));
      g_assert_nonnull (strstr (at_err, "\"trump\\xff\\x1b\""));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/input/device-refused", test_device_refused);
  g_test_add_func ("/input/too-large-not-read", test_too_large_not_read);
  g_test_add_func ("/input/too-large-not-read/child", test_too_large_not_read_child);
  g_test_add_func ("/input/fifo-and-directory", test_fifo_and_directory);
  g_test_add_func ("/input/two-halves", test_two_halves);
  g_test_add_func ("/limits/meta", test_meta_limits);
  g_test_add_func ("/quote/cases", test_quote);
  g_test_add_func ("/quote/messages-escape-ids", test_messages_escape_ids);
  g_test_add_func ("/quote/tool-messages", test_tool_messages);

  return g_test_run ();
}
