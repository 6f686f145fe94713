/* fuzz-cli.c: the `stance` tool's argument handling on arbitrary argument
 * vectors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tool's own main() is compiled into this harness under the name
 * stance_tool_main (libstance/tools/stance.c is included below with
 * `main` defined away; the file itself is not changed; the subcommands'
 * files are compiled in beside it).
 *
 * An input is a list of arguments separated by NUL bytes; `stance` is put
 * in front as argv[0].  An empty argument ends the list, and whatever
 * follows it is the tool's standard input (for FILE `-`).  So
 *
 *     check \0 --json \0 - \0 \0 {"stance": 1}
 *
 * runs `stance check --json -` with `{"stance": 1}` on standard input.
 *
 * Files: an argument that is the name of a document in the seed corpus
 * directories (examples/data, tests/data/contradictions,
 * tests/data/invalid, tests/data/fuzz-regressions/document), such as
 * `cyber-2017-2020.json` or `minimal.json`, is replaced by its path.  Any
 * other argument that names an existing file, and any argument with a `/`,
 * rejects the input, so that the fuzzer never reads /dev/zero or a FIFO
 * and the result does not depend on the working directory.
 *
 * GOption prints the help and calls exit(0) for -h, -?, --help and
 * --help-all after a command (`stance check --help`); those inputs are
 * rejected too, because exit() ends the fuzzer.  That is the only exit()
 * on the tool's argument paths.
 *
 * The tool's standard output and standard error go to /dev/null: the
 * harness asks libFuzzer for -close_fd_mask=3, which keeps libFuzzer's and
 * the sanitizers' reports on a copy of standard error.  GLib warnings and
 * criticals (fatal here) are written to that copy too.
 */

#include "fuzz-common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

int stance_tool_main (int    argc,
                      char **argv);

#define main stance_tool_main
#include "libstance/tools/stance.c"
#undef main

#define FUZZ_MAX_ARGS 24

static GHashTable *fuzz_files;    /* basename -> path */
static int fuzz_stdin_fd = -1;    /* the file behind fd 0 */
static int fuzz_stderr_fd = -1;   /* a copy of the real standard error */

static void
fuzz_add_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".json") &&
          g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          !g_hash_table_contains (fuzz_files, name))
        g_hash_table_insert (fuzz_files, g_strdup (name), g_steal_pointer (&path));
    }
}

static void fuzz_cli_fail (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

/* Standard error is /dev/null while the tool runs: write to the copy. */
static void
fuzz_cli_fail (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  dprintf (fuzz_stderr_fd >= 0 ? fuzz_stderr_fd : 2, "fuzz check failed: %s\n", message);
  abort ();
}

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_autofree char *text = g_log_writer_format_fields (level, fields, n_fields, FALSE);
      gsize len = strlen (text);

      if (write (fuzz_stderr_fd, text, len) < 0 || write (fuzz_stderr_fd, "\n", 1) < 0)
        return G_LOG_WRITER_UNHANDLED;
    }
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char * const dirs[] = { FUZZ_DOCUMENT_DIRS };
  g_autofree char *tmp_path = NULL;
  char **args;

  fuzz_init_glib (argc, argv);

  fuzz_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    fuzz_add_dir (dirs[i]);
  if (g_hash_table_size (fuzz_files) == 0)
    g_printerr ("fuzz-cli: no documents found in the seed corpus directories\n");

  fuzz_stdin_fd = g_file_open_tmp ("stance-fuzz-stdin-XXXXXX", &tmp_path, NULL);
  if (fuzz_stdin_fd < 0 || dup2 (fuzz_stdin_fd, 0) < 0)
    {
      g_printerr ("fuzz-cli: cannot set up standard input: %s\n", g_strerror (errno));
      abort ();
    }
  unlink (tmp_path);

  fuzz_stderr_fd = dup (2);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

  /* -close_fd_mask=3 first, so that one on the command line wins. */
  args = g_new0 (char *, *argc + 2);
  args[0] = (*argv)[0];
  args[1] = (char *) "-close_fd_mask=3";
  for (int i = 1; i < *argc; i++)
    args[i + 1] = (*argv)[i];
  *argv = args;
  (*argc)++;

  return 0;
}

/* Whether GOption would print the help and exit() on @arg. */
static gboolean
fuzz_asks_for_help (const char *arg)
{
  if (g_str_has_prefix (arg, "--"))
    return g_str_has_prefix (arg, "--help");
  return arg[0] == '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  char *args[FUZZ_MAX_ARGS + 2];
  int argc = 0;
  gsize pos = 0;
  int status;

  args[argc++] = (char *) "stance";
  while (pos < size)
    {
      const uint8_t *nul = memchr (data + pos, '\0', size - pos);
      gsize end = nul != NULL ? (gsize) (nul - data) : size;
      const char *path;
      char *arg;

      if (end == pos)
        {
          pos++;  /* the rest is standard input */
          break;
        }
      if (argc > FUZZ_MAX_ARGS)
        return -1;

      arg = g_strndup ((const char *) data + pos, end - pos);
      g_ptr_array_add (owned, arg);
      pos = end + 1;

      if (strchr (arg, '/') != NULL)
        return -1;
      if ((path = g_hash_table_lookup (fuzz_files, arg)) != NULL)
        arg = (char *) path;
      else if (strcmp (arg, "-") != 0 && g_file_test (arg, G_FILE_TEST_EXISTS))
        return -1;
      if (argc >= 2 && fuzz_asks_for_help (arg))
        return -1;

      args[argc++] = arg;
    }
  args[argc] = NULL;

  /* `convert IN OUT` writes OUT: here OUT may only be standard output, so
   * that the fuzzer never writes a file, least of all over a seed document
   * (whose name an argument may resolve to).  So every positional argument
   * but one seed document must be `-`, and `--` (after which `-x` would be
   * a file name) is refused. */
  if (argc >= 2 && strcmp (args[1], "convert") == 0)
    {
      guint documents = 0;

      for (int i = 2; i < argc; i++)
        {
          if (strcmp (args[i], "--") == 0)
            return -1;
          if (strcmp (args[i], "--from") == 0 || strcmp (args[i], "--to") == 0)
            i++;  /* its value is a form, not a file */
          else if (g_path_is_absolute (args[i]))
            documents++;
          else if (args[i][0] != '-')
            return -1;
        }
      if (documents > 1)
        return -1;
    }

  /* Standard input: the rest of the data, from its start. */
  if (ftruncate (fuzz_stdin_fd, 0) < 0 ||
      (pos < size && pwrite (fuzz_stdin_fd, data + pos, size - pos, 0) != (ssize_t) (size - pos)) ||
      lseek (0, 0, SEEK_SET) != 0)
    fuzz_cli_fail ("cannot write standard input: %s", g_strerror (errno));

  /* The tool runs once per process; here main() runs again and again. */
  tool_opt_json = FALSE;

  status = stance_tool_main (argc, args);
  fflush (stdout);
  fflush (stderr);

  if (status != EXIT_SUCCESS && status != EXIT_FOUND && status != EXIT_INVALID)
    fuzz_cli_fail ("the tool exited %d", status);

  return 0;
}
