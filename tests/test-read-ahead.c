/* test-read-ahead.c: the statements read with the store's work in a second thread
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * stance-document-ahead.c hands the steps of reading a big statements
 * array that change the store to a thread of its own.  Whatever the input,
 * that must give what one thread gives: the same store (written out byte
 * for byte), or the same error, word for word.  These tests read each input
 * both ways (STANCE_DOCUMENT_READ_SERIAL and _AHEAD, which uses the thread
 * whatever the size): the catalogue of invalid documents, the vectors and
 * the example, and generated documents of several batches that use every
 * member, with errors put at the places where the two threads meet --
 * the first batch, a batch boundary, the last, unfinished batch, an error
 * of each thread, and of both.  The fuzzers check the same on any bytes
 * (tests/fuzz/fuzz-checks.h).
 */

#include <string.h>

#include <glib.h>

#include "stance-document-private.h"
#include "stance-error.h"

#include "test-catalogue.h"

/* Reads @data both ways, and checks that they agree.  Returns whether the
 * document was accepted. */
static gboolean
check_both_ways (const char *what,
                 const char *data,
                 gsize       length,
                 StanceDocumentReadMode mode)
{
  g_autoptr(GError) serial_error = NULL;
  g_autoptr(GError) ahead_error = NULL;
  StanceStore *serial = _stance_document_read_with (data, length, STANCE_DOCUMENT_READ_SERIAL, &serial_error);
  StanceStore *ahead = _stance_document_read_with (data, length, mode, &ahead_error);
  gboolean accepted = serial != NULL;

  if (serial == NULL || ahead == NULL)
    {
      if (serial != NULL || ahead != NULL)
        g_error ("%s: one thread: %s; two: %s", what,
                 serial_error != NULL ? serial_error->message : "accepted",
                 ahead_error != NULL ? ahead_error->message : "accepted");
      g_assert_cmpstr (ahead_error->message, ==, serial_error->message);
      g_assert_true (ahead_error->domain == serial_error->domain);
      g_assert_cmpint (ahead_error->code, ==, serial_error->code);
    }
  else
    {
      gsize serial_len = 0, ahead_len = 0;
      g_autofree char *serial_doc = _stance_document_write (serial, &serial_len);
      g_autofree char *ahead_doc = _stance_document_write (ahead, &ahead_len);

      g_assert_cmpuint (ahead_len, ==, serial_len);
      g_assert_true (memcmp (ahead_doc, serial_doc, serial_len) == 0);
    }

  g_clear_pointer (&serial, _stance_store_free);
  g_clear_pointer (&ahead, _stance_store_free);
  return accepted;
}

static void
check_file (const char *path)
{
  gsize length = 0;
  g_autofree char *data = read_file (path, &length);

  check_both_ways (path, data, length, STANCE_DOCUMENT_READ_AHEAD);
}

/* Every document of a directory of tests/data. */
static guint
check_directory (const char *subdir,
                 gboolean    want_valid)
{
  g_autoptr(GPtrArray) paths = test_documents (subdir);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      gsize length = 0;
      g_autofree char *data = read_file (path, &length);

      g_assert_true (check_both_ways (path, data, length, STANCE_DOCUMENT_READ_AHEAD) == want_valid);
    }
  return paths->len;
}

static void
test_catalogue (void)
{
  /* Each refused, with the same error both ways. */
  g_assert_cmpuint (check_directory ("invalid", FALSE), >, 50);
}

static void
test_vectors (void)
{
  g_autofree char *story = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);

  g_assert_cmpuint (check_directory ("contradictions", TRUE), >, 10);
  check_file (story);
}

/* A generated document: actors, claims, then @n statements, one a line, that
 * use every member of a statement and a stance, in varying orders, with
 * references back and forward, a kind declared after them, meta, long
 * texts (that hand batches over early) and ids that need escaping; then
 * the kinds and the document's meta.  Statement @bad is @bad_line instead. */
#define N_ACTORS 40
#define N_CLAIMS 300

static char *
generate (guint       n,
          guint       bad,
          const char *bad_line,
          gsize      *length)
{
  GString *doc = g_string_new ("{\"stance\": 1,\n\"actors\": [\n");

  for (guint i = 0; i < N_ACTORS; i++)
    g_string_append_printf (doc, "{\"id\": \"actor-%u\", \"name\": \"Actor %u\"}%s\n", i, i,
                            i + 1 < N_ACTORS ? "," : "");
  g_string_append (doc, "],\n\"claims\": [\n");
  for (guint i = 0; i < N_CLAIMS; i++)
    g_string_append_printf (doc, "{\"id\": \"claim-%u\", \"text\": \"Claim %u\"}%s\n", i, i,
                            i + 1 < N_CLAIMS ? "," : "");
  g_string_append (doc, "],\n\"statements\": [\n");

  for (guint i = 0; i < n; i++)
    {
      const char *kinds[] = { "proposes", "endorses", "rejects", "doubts", "retracts", "questions", "confirms" };
      g_autoptr(GString) stances = g_string_new ("\"stances\": [");
      g_autoptr(GString) extra = g_string_new ("");
      guint n_stances = i % 11 == 0 ? 0 : 1 + i % 3;

      if (i == bad)
        {
          g_string_append (doc, bad_line);
          g_string_append (doc, i + 1 < n ? ",\n" : "\n");
          continue;
        }

      for (guint k = 0; k < n_stances; k++)
        {
          g_string_append_printf (stances, "%s{\"kind\": \"%s\", \"target\": \"claim-%u\"", k > 0 ? ", " : "",
                                  kinds[(i + k) % G_N_ELEMENTS (kinds)], (i * 7 + k * 13) % N_CLAIMS);
          if ((i + k) % 4 == 0)
            g_string_append_printf (stances, ", \"holder\": \"actor-%u\"", (i + 3 * k) % N_ACTORS);
          if ((i + k) % 9 == 0)
            g_string_append_printf (stances, ", \"meta\": {\"confidence\": %u, \"coder\": [\"a\", null]}", k);
          g_string_append (stances, "}");
        }
      g_string_append (stances, "]");

      if (i % 3 == 0)
        g_string_append_printf (extra, ", \"text\": \"Statement %u says \\\"so\\\"\", \"lang\": \"en\"", i);
      if (i % 500 == 7)
        {
          /* Longer than a batch's text: handed over at once. */
          g_string_append (extra, ", \"source\": \"");
          for (guint k = 0; k < 300 * 1024 / 8; k++)
            g_string_append (extra, "abcdefg ");
          g_string_append (extra, "\"");
        }
      if (i % 5 == 0 && i + 3 < n && i + 3 != bad)
        g_string_append_printf (extra, ", \"reports\": \"s%u\"", i + 3);   /* forward */
      else if (i % 5 == 2)
        g_string_append_printf (extra, ", \"reports\": \"s%u\"", i - 1);   /* back */
      if (i % 7 == 0)
        g_string_append_printf (extra, ", \"meta\": {\"n\": %u}", i);

      if (i % 4 == 3)
        /* Not in the order the library writes: the reader looks ahead for the id. */
        g_string_append_printf (doc, "{%s, \"time\": \"2019-%02u-%02u\", \"id\": \"s%u\", \"speaker\": \"actor-%u\"%s}",
                                stances->str, 1 + i % 12, 1 + i % 28, i, (i * i) % N_ACTORS, extra->str);
      else
        g_string_append_printf (doc, "{\"id\": \"s%u\", \"speaker\": \"actor-%u\", \"time\": \"2020-%02u-%02uT%02u:30:00+02:00\"%s, %s}",
                                i, (i * i) % N_ACTORS, 1 + i % 12, 1 + i % 28, i % 24, extra->str, stances->str);
      g_string_append (doc, i + 1 < n ? ",\n" : "\n");
    }

  g_string_append (doc, "],\n\"kinds\": [{\"name\": \"doubts\", \"polarity\": \"negative\"}],\n"
                        "\"meta\": {\"generated\": true}}\n");
  *length = doc->len;
  return g_string_free (doc, FALSE);
}

#define N_STATEMENTS 5000  /* about five batches */

static void
test_generated (void)
{
  gsize length = 0;
  g_autofree char *doc = generate (N_STATEMENTS, G_MAXUINT, NULL, &length);

  g_assert_true (check_both_ways ("generated", doc, length, STANCE_DOCUMENT_READ_AHEAD));
}

/* Statement @at of the generated document replaced by @line: both ways
 * must refuse it with the same error. */
static void
check_refused (guint       at,
               const char *line)
{
  gsize length = 0;
  g_autofree char *doc = generate (N_STATEMENTS, at, line, &length);
  g_autofree char *what = g_strdup_printf ("statements[%u] = %s", at, line);

  g_test_message ("%s", what);
  g_assert_false (check_both_ways (what, doc, length, STANCE_DOCUMENT_READ_AHEAD));
}

static void
test_errors (void)
{
  /* Where: the first batch, around the first batch boundary, the middle,
   * the last (unfinished) batch, the very last statement. */
  const guint places[] = { 0, 1024, N_STATEMENTS - 1, 5, 1023, 1025, 2600, N_STATEMENTS - 700 };
  /* Under valgrind, the first three only. */
  guint n_places = g_getenv ("STANCE_TEST_QUICK") != NULL ? 3 : G_N_ELEMENTS (places);

  for (guint p = 0; p < n_places; p++)
    {
      guint at = places[p];
      g_autofree char *dup = g_strdup_printf ("{\"id\": \"s%u\", \"speaker\": \"actor-1\", \"time\": \"2020\", \"stances\": []}",
                                               at > 0 ? at - 1 : 1);
      g_autofree char *dup_then_type = g_strdup_printf ("{\"id\": \"s%u\", \"speaker\": 5, \"time\": \"2020\"}",
                                                         at > 0 ? at / 2 : 1);

      /* The store's thread: a duplicate id (of a statement before, of an actor). */
      check_refused (at, dup);
      check_refused (at, "{\"id\": \"actor-3\", \"speaker\": \"actor-1\", \"time\": \"2020\"}");
      /* The reader's: syntax, types, members, times. */
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\" \"time\": \"2020\"}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\", \"time\": \"2020\", \"stances\": [{\"kind\": 4}]}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\"}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\", \"time\": \"2020-13\"}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\", \"time\": \"2020\", \"colour\": \"red\"}");
      /* Both, in one statement: the duplicate id comes first. */
      check_refused (at, dup_then_type);
      /* Both, the other way round: the type error comes first. */
      check_refused (at, "{\"speaker\": 5, \"id\": \"s1\", \"time\": \"2020\"}");
      /* After the whole document: references. */
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"nobody\", \"time\": \"2020\"}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"actor-1\", \"time\": \"2020\", \"stances\": [{\"kind\": \"hopes\", \"target\": \"claim-1\"}]}");
      check_refused (at, "{\"id\": \"x\", \"speaker\": \"claim-1\", \"time\": \"2020\", \"reports\": \"x\"}");
    }
}

/* A duplicate id early and a syntax error late: the thread's error is the
 * first, although the reader meets its own before it hears of it (the
 * reading is then done again in one thread). */
static void
test_both_threads_fail (void)
{
  gsize length = 0;
  g_autofree char *doc = generate (N_STATEMENTS, 3, "{\"id\": \"s1\", \"speaker\": \"actor-1\", \"time\": \"2020\"}", &length);
  char *late = strstr (doc + length - 2000, "\"speaker\"");
  g_autoptr(GError) error = NULL;
  StanceStore *store;

  g_assert_nonnull (late);
  late[0] = '#';  /* a syntax error in one of the last statements */
  g_assert_false (check_both_ways ("two errors", doc, length, STANCE_DOCUMENT_READ_AHEAD));

  store = _stance_document_read_with (doc, length, STANCE_DOCUMENT_READ_AHEAD, &error);
  g_assert_null (store);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "statements[3]"));
}

/* The default: big enough, the thread is used (on two cores). */
static void
test_auto (void)
{
  gsize length = 0;
  g_autofree char *doc = NULL;

  if (g_getenv ("STANCE_TEST_QUICK") != NULL)
    {
      g_test_skip ("a 10 MB document: too slow under valgrind");
      return;
    }

  doc = generate (60000, G_MAXUINT, NULL, &length);
  g_assert_cmpuint (length, >, 9 * 1024 * 1024);
  g_assert_true (check_both_ways ("generated, 60,000 statements", doc, length, STANCE_DOCUMENT_READ_AUTO));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/read-ahead/catalogue", test_catalogue);
  g_test_add_func ("/read-ahead/vectors", test_vectors);
  g_test_add_func ("/read-ahead/generated", test_generated);
  g_test_add_func ("/read-ahead/errors", test_errors);
  g_test_add_func ("/read-ahead/both-threads-fail", test_both_threads_fail);
  g_test_add_func ("/read-ahead/auto", test_auto);

  return g_test_run ();
}
