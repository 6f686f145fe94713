/* command-convert.c: `stance convert IN OUT`: a graph from one form to another
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The forms are the JSON document (.json), JSON Lines (.jsonl) and the
 * binary snapshot (.stance), chosen by extension, or by --from and --to,
 * which `-` (standard input or output) needs.  Reading and writing each go
 * through one switch on the form.
 */

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "stance-tool.h"

typedef enum {
  FORMAT_NONE,
  FORMAT_JSON,
  FORMAT_JSONL,
  FORMAT_STANCE,
} Format;

static const struct
{
  const char *name;
  const char *extension;
  Format      format;
} formats[] = {
  { "json", ".json", FORMAT_JSON },
  { "jsonl", ".jsonl", FORMAT_JSONL },
  { "stance", ".stance", FORMAT_STANCE },
};

static char *opt_from;
static char *opt_to;

/* The form named by @option (--from or --to), else by the extension of
 * @file; FORMAT_NONE after an error. */
static Format
format_of (const char *file,
           const char *option,
           const char *option_name)
{
  if (option != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (strcmp (option, formats[i].name) == 0)
          return formats[i].format;
      tool_error ("convert: %s %s: unknown form (json, jsonl or stance)", option_name, option);
      return FORMAT_NONE;
    }

  if (strcmp (file, "-") == 0)
    {
      tool_error ("convert: give %s json, jsonl or stance for '-'", option_name);
      return FORMAT_NONE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (file, formats[i].extension))
      return formats[i].format;

  tool_error ("convert: %s: cannot tell the form from the name (.json, .jsonl or .stance; or use %s)",
              file, option_name);
  return FORMAT_NONE;
}

/* JSON Lines is read as a stream, a line at a time, from a file or
 * standard input, whatever the file's name. */
static StanceGraph *
read_jsonl (const char  *file,
            GError     **error)
{
  g_autoptr(GInputStream) in = NULL;

  if (strcmp (file, "-") == 0)
    in = g_unix_input_stream_new (0, FALSE);
  else
    {
      g_autoptr(GFile) gfile = g_file_new_for_path (file);

      in = G_INPUT_STREAM (g_file_read (gfile, NULL, error));
      if (in == NULL)
        return NULL;
    }

  return stance_graph_new_from_jsonl_stream (in, NULL, error);
}

/* And written as one: to standard output, or atomically to a file. */
static gboolean
write_jsonl (StanceGraph  *graph,
             const char   *file,
             GError      **error)
{
  if (strcmp (file, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);

      return stance_graph_save_to_jsonl_stream (graph, out, NULL, error) &&
             g_output_stream_flush (out, NULL, error);
    }

  return stance_graph_save_to_jsonl_file (graph, file, error);
}

/* A snapshot is mapped, not streamed: standard input goes to a temporary
 * file first (unlinked at once; the mapping keeps it). */
static StanceGraph *
read_snapshot_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *path = NULL;
  StanceGraph *graph = NULL;
  int fd = g_file_open_tmp ("stance-convert-XXXXXX.stance", &path, error);

  if (fd < 0)
    return NULL;
  out = g_unix_output_stream_new (fd, TRUE);
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) >= 0)
    graph = stance_graph_new_from_snapshot (path, error);
  g_unlink (path);

  return graph;
}

static StanceGraph *
read_graph (const char *file,
            Format      format)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *graph = NULL;

  switch (format)
    {
    case FORMAT_JSON:
      return tool_load (file);

    case FORMAT_JSONL:
      graph = read_jsonl (file, &error);
      break;

    case FORMAT_STANCE:
      if (strcmp (file, "-") == 0)
        graph = read_snapshot_stdin (&error);
      else
        graph = stance_graph_new_from_snapshot (file, &error);
      break;

    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (graph == NULL)
    tool_error ("%s: %s", tool_display_name (file), error->message);

  return graph;
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed to write to standard output");
      return FALSE;
    }

  return TRUE;
}

/* A snapshot is written to a file (it is sought back into for its header):
 * for standard output, a temporary one. */
static gboolean
write_snapshot_stdout (StanceGraph  *graph,
                       GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;
  int fd = g_file_open_tmp ("stance-convert-XXXXXX.stance", &path, error);

  if (fd < 0)
    return FALSE;
  close (fd);

  ok = stance_graph_save_snapshot (graph, path, error) &&
       g_file_get_contents (path, &contents, &length, error) &&
       write_stdout (contents, length, error);
  g_unlink (path);

  return ok;
}

static gboolean
write_graph (StanceGraph *graph,
             const char  *file,
             Format       format)
{
  g_autoptr(GError) error = NULL;
  gboolean to_stdout = strcmp (file, "-") == 0;
  gboolean ok = FALSE;

  switch (format)
    {
    case FORMAT_JSON:
      if (to_stdout)
        {
          gsize length;
          g_autofree char *text = stance_graph_save_to_data (graph, &length);

          ok = write_stdout (text, length, &error);
        }
      else
        ok = stance_graph_save_to_file (graph, file, &error);
      break;

    case FORMAT_JSONL:
      ok = write_jsonl (graph, file, &error);
      break;

    case FORMAT_STANCE:
      ok = to_stdout ? write_snapshot_stdout (graph, &error) : stance_graph_save_snapshot (graph, file, &error);
      break;

    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    tool_error ("%s: %s", to_stdout ? "<stdout>" : file, error->message);

  return ok;
}

int
tool_run_convert (const ToolCommand *command,
                  int                argc,
                  char             **argv)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, "The form of IN: json, jsonl or stance (default: by extension)", "FORM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, "The form of OUT: json, jsonl or stance (default: by extension)", "FORM" },
    { NULL }
  };
  g_autoptr(StanceGraph) graph = NULL;
  Format from, to;

  /* main() may run again in the same process (the CLI fuzzer). */
  g_clear_pointer (&opt_from, g_free);
  g_clear_pointer (&opt_to, g_free);

  if (!tool_parse (command, entries, &argc, &argv, 2, 2))
    return EXIT_INVALID;
  if ((from = format_of (argv[1], opt_from, "--from")) == FORMAT_NONE ||
      (to = format_of (argv[2], opt_to, "--to")) == FORMAT_NONE)
    return EXIT_INVALID;

  if ((graph = read_graph (argv[1], from)) == NULL)
    return EXIT_INVALID;
  if (!write_graph (graph, argv[2], to))
    return EXIT_INVALID;

  return EXIT_SUCCESS;
}
