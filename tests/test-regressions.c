/* test-regressions.c: every input the fuzzers found a bug with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/fuzz-regressions/{document,time,cli}/ hold the minimised
 * inputs of tests/fuzz (see its README.md), and expected.tsv says for each
 * one what must happen:
 *
 *     KIND/NAME <TAB> VERDICT <TAB> STATUS <TAB> what it was
 *
 * VERDICT is `accepted` or `refused` for a document or a time, and the exit
 * status (0, 1 or 2) of `stance ARGS…` for an argument vector.  Documents
 * and times go through the same checks as the fuzzers (tests/fuzz/
 * fuzz-checks.h: errors in STANCE_ERROR with valid UTF-8 messages, saves
 * that load and reproduce themselves, unchanged contradictions, no half
 * merges, graphs finalized), from a buffer that ends at an inaccessible
 * page, so that a read past the end crashes even without ASan.  Argument
 * vectors run the real tool, which must exit normally with no sanitizer
 * report.
 *
 * STATUS is `fixed`, or `open` while the bug is not fixed yet: an open case
 * runs in a subprocess and is reported incomplete (not skipped) as long as
 * it fails; when it passes, the test says so, and the line should become
 * `fixed`.  Every file must have a line, and every line a file.
 */

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gio/gio.h>

#include "fuzz/fuzz-checks.h"

typedef enum {
  CASE_DOCUMENT,
  CASE_TIME,
  CASE_CLI,
} CaseKind;

typedef struct {
  CaseKind  kind;
  char     *name;      /* KIND/NAME */
  char     *path;
  char     *verdict;
  gboolean  open;
  char     *what;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->path);
  g_free (c->verdict);
  g_free (c->what);
  g_free (c);
}

static char *
regressions_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", NULL);
}

/* ------------------------------------------------------------------------ */
/* Bytes that end at an inaccessible page                                   */

typedef struct {
  guint8 *map;
  gsize   map_len;
  guint8 *data;
  gsize   len;
} Guarded;

static void
guarded_init (Guarded      *g,
              const guint8 *bytes,
              gsize         len)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize pages = (len + page - 1) / page + 1;
  void *map;

  map = mmap (NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (map != MAP_FAILED);
  g_assert_cmpint (mprotect ((guint8 *) map + (pages - 1) * page, page, PROT_NONE), ==, 0);

  g->map = map;
  g->map_len = pages * page;
  g->data = g->map + (pages - 1) * page - len;
  g->len = len;
  if (len > 0)
    memcpy (g->data, bytes, len);
}

static void
guarded_clear (Guarded *g)
{
  munmap (g->map, g->map_len);
}

/* ------------------------------------------------------------------------ */
/* The cases                                                                */

static void
check_verdict (const Case  *c,
               FuzzVerdict  verdict)
{
  const char *got = verdict == FUZZ_ACCEPTED ? "accepted" : "refused";

  g_assert_cmpstr (got, ==, c->verdict);
}

static void
run_bytes_case (const Case *c)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Guarded g;
  gsize len;

  g_assert_true (g_file_get_contents (c->path, &contents, &len, &error));
  g_assert_no_error (error);

  guarded_init (&g, (const guint8 *) contents, len);
  if (c->kind == CASE_DOCUMENT)
    check_verdict (c, fuzz_check_document (g.data, g.len));
  else
    check_verdict (c, fuzz_check_time (g.data, g.len));
  guarded_clear (&g);
}

/* The path that fuzz-cli gives a file argument (a document of its seed
 * corpus, by name), or NULL. */
static char *
document_path (const char *name)
{
  static const char * const dirs[] = {
    "data/contradictions",
    "data/invalid",
    "data/fuzz-regressions/document",
  };
  const char *examples = g_getenv ("STANCE_EXAMPLES");
  g_autofree char *path = NULL;

  if (strchr (name, '/') != NULL)
    return NULL;

  if (examples != NULL)
    {
      path = g_build_filename (examples, "data", name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      g_clear_pointer (&path, g_free);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      path = g_test_build_filename (G_TEST_DIST, dirs[i], name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      g_clear_pointer (&path, g_free);
    }

  return NULL;
}

/* Runs the tool on an argument vector as fuzz-cli does (see there). */
static void
run_cli_case (const Case *c)
{
  const char *tool = g_getenv ("STANCE_TOOL");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autofree char *err_text = NULL;
  gsize len, pos = 0;

  if (tool == NULL)
    {
      g_test_skip ("STANCE_TOOL is not set");
      return;
    }

  g_assert_true (g_file_get_contents (c->path, &contents, &len, &error));
  g_assert_no_error (error);

  g_ptr_array_add (argv, g_strdup (tool));
  while (pos < len)
    {
      const char *nul = memchr (contents + pos, '\0', len - pos);
      gsize end = nul != NULL ? (gsize) (nul - contents) : len;
      g_autofree char *arg = g_strndup (contents + pos, end - pos);
      char *path;

      if (end == pos)
        {
          pos++;
          break;
        }
      pos = end + 1;
      path = document_path (arg);
      g_ptr_array_add (argv, path != NULL ? path : g_steal_pointer (&arg));
    }
  g_ptr_array_add (argv, NULL);
  input = g_bytes_new (contents + MIN (pos, len), len - MIN (pos, len));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Empty output has no data: g_strndup (NULL, 0) would give NULL. */
  err_text = g_bytes_get_size (err) > 0 ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");
  if (strstr (err_text, "Sanitizer") != NULL || strstr (err_text, "runtime error:") != NULL)
    g_error ("the tool's standard error has a sanitizer report:\n%s", err_text);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, atoi (c->verdict));
}

static void
run_case (const Case *c)
{
  if (c->kind == CASE_CLI)
    run_cli_case (c);
  else
    run_bytes_case (c);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;

  g_test_message ("%s: %s", c->name, c->what);

  if (!c->open)
    {
      run_case (c);
      return;
    }

  /* An open bug may crash: only ever in a subprocess. */
  if (g_test_subprocess ())
    {
      run_case (c);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (g_test_trap_has_passed ())
    g_test_message ("%s passes in this build: once it passes under ASan+UBSan too, mark it fixed", c->name);
  else
    {
      /* Not a skip: the bug is known, reported and not fixed yet. */
      g_autofree char *message = g_strdup_printf ("%s: open bug, not fixed yet: %s", c->name, c->what);

      g_test_incomplete (message);
    }
}

/* ------------------------------------------------------------------------ */
/* The manifest                                                             */

static GPtrArray *
read_cases (void)
{
  g_autofree char *dir = regressions_dir ();
  g_autofree char *manifest = g_build_filename (dir, "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const kinds[] = { "document", "time", "cli" };

  g_assert_true (g_file_get_contents (manifest, &contents, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) != 4)
        g_error ("expected.tsv:%u: not KIND/NAME<TAB>VERDICT<TAB>STATUS<TAB>WHAT", i + 1);

      c = g_new0 (Case, 1);
      c->name = g_strdup (fields[0]);
      c->path = g_build_filename (dir, fields[0], NULL);
      c->verdict = g_strdup (fields[1]);
      c->what = g_strdup (fields[3]);
      if (g_str_equal (fields[2], "open"))
        c->open = TRUE;
      else if (!g_str_equal (fields[2], "fixed"))
        g_error ("expected.tsv:%u: status is \"open\" or \"fixed\"", i + 1);

      if (g_str_has_prefix (c->name, "document/"))
        c->kind = CASE_DOCUMENT;
      else if (g_str_has_prefix (c->name, "time/"))
        c->kind = CASE_TIME;
      else if (g_str_has_prefix (c->name, "cli/"))
        c->kind = CASE_CLI;
      else
        g_error ("expected.tsv:%u: %s is not under document/, time/ or cli/", i + 1, c->name);

      if (c->kind == CASE_CLI ? !g_ascii_isdigit (c->verdict[0])
                              : !g_str_equal (c->verdict, "accepted") && !g_str_equal (c->verdict, "refused"))
        g_error ("expected.tsv:%u: bad verdict \"%s\"", i + 1, c->verdict);
      if (!g_file_test (c->path, G_FILE_TEST_IS_REGULAR))
        g_error ("expected.tsv:%u: no file %s", i + 1, c->path);

      g_hash_table_add (listed, c->name);
      g_ptr_array_add (cases, c);
    }

  /* Every input file is listed. */
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *sub = g_build_filename (dir, kinds[k], NULL);
      g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", kinds[k], name);

          if (!g_hash_table_contains (listed, key))
            g_error ("%s has no line in expected.tsv", key);
        }
    }

  return cases;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);

  cases = read_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *path = g_strdup_printf ("/regressions/%s", c->name);

      g_test_add_data_func (path, c, test_case);
    }

  return g_test_run ();
}
