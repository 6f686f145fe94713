/* command-export.c: `stance export FILE --format csv|jsonl|aif|sqlite`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A document's tables as CSV or JSON Lines (--table), the whole graph as an
 * SQLite database (-o FILE.db) or as an AIF map, through the library's
 * exporters (stance-exporter.h); doc/exporters.md documents the columns.
 */

#include <gio/gunixoutputstream.h>

#include "stance-tool.h"

static char *opt_table;
static char *opt_format;
static char *opt_output;

static void
reset_options (void)
{
  g_clear_pointer (&opt_table, g_free);
  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_output, g_free);
  tool_opt_json = FALSE;
}

static int
run (const ToolCommand *command,
     int                argc,
     char             **argv)
{
  GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_STRING, &opt_table,
      "statements, stances, acts, contradictions, actors, memberships, claims or kinds", "TABLE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format, "csv (default), jsonl, aif or sqlite", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write to OUT (default: standard output; sqlite needs it)", "OUT" },
    { NULL }
  };
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  gboolean ok;

  if (!tool_parse (command, entries, &argc, &argv, 1, 1))
    return EXIT_INVALID;
  format = opt_format != NULL ? opt_format : "csv";
  if (strcmp (format, "csv") != 0 && strcmp (format, "jsonl") != 0 && strcmp (format, "aif") != 0 &&
      strcmp (format, "sqlite") != 0)
    {
      tool_error ("export: unknown format '%s' (csv, jsonl, aif or sqlite)", format);
      return EXIT_INVALID;
    }
  if ((strcmp (format, "csv") == 0 || strcmp (format, "jsonl") == 0))
    {
      if (opt_table == NULL)
        {
          tool_error ("export: --format %s needs --table (statements, stances, acts, contradictions, …)", format);
          return EXIT_INVALID;
        }
      if (stance_graph_list_export_columns (opt_table) == NULL)
        {
          tool_error ("export: unknown table '%s' (see 'stance export --help')", opt_table);
          return EXIT_INVALID;
        }
    }
  else if (opt_table != NULL)
    {
      tool_error ("export: --table is for csv and jsonl; --format %s writes every table", format);
      return EXIT_INVALID;
    }
  if (strcmp (format, "sqlite") == 0 && (opt_output == NULL || strcmp (opt_output, "-") == 0))
    {
      tool_error ("export: --format sqlite needs -o FILE.db");
      return EXIT_INVALID;
    }

  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;

  if (strcmp (format, "sqlite") == 0)
    {
      if (!stance_graph_export_sqlite (graph, opt_output, &error))
        {
          tool_error ("export: %s", error->message);
          return EXIT_INVALID;
        }
      return EXIT_SUCCESS;
    }

  if (opt_output == NULL || strcmp (opt_output, "-") == 0)
    {
      fflush (stdout);
      out = g_unix_output_stream_new (1, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (opt_output);

      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        {
          tool_error ("export: %s: %s", opt_output, error->message);
          return EXIT_INVALID;
        }
    }

  if (strcmp (format, "aif") == 0)
    ok = stance_graph_export_aif (graph, out, NULL, &error);
  else
    ok = stance_graph_export_table (graph, opt_table, format, out, NULL, &error);
  if (ok)
    ok = g_output_stream_close (out, NULL, &error);
  if (!ok)
    {
      tool_error ("export: %s", error->message);
      return EXIT_INVALID;
    }
  return EXIT_SUCCESS;
}

int
tool_run_export (const ToolCommand *command,
                 int                argc,
                 char             **argv)
{
  int status;

  reset_options ();
  status = run (command, argc, argv);
  reset_options ();
  return status;
}
