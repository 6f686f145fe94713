/* command-import.c: `stance import FORMAT INPUT [-o OUT]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reads INPUT (`-`: standard input) with the library's importer for FORMAT
 * (StanceImporter) and writes the graph as a document: to standard output,
 * or to OUT in the form its extension names (see write_output()).  Options
 * of the importer are set with --option NAME=VALUE, or with the shorthands
 * below (--speaker COL is --option speaker=COL).
 */

#include <gio/gunixinputstream.h>

#include "stance-tool.h"

static char *opt_output;
static char **opt_options;
/* The shorthands, each the importer option of the same name. */
static char *opt_speaker, *opt_time, *opt_kind, *opt_target, *opt_holder, *opt_text, *opt_lang,
            *opt_source, *opt_id, *opt_kind_map, *opt_kinds, *opt_delimiter, *opt_qualifier,
            *opt_person, *opt_person_as, *opt_dialect;

static const struct { const char *name; char **value; } shorthands[] = {
  { "speaker", &opt_speaker }, { "time", &opt_time }, { "kind", &opt_kind }, { "target", &opt_target },
  { "holder", &opt_holder }, { "text", &opt_text }, { "lang", &opt_lang }, { "source", &opt_source },
  { "id", &opt_id }, { "kind-map", &opt_kind_map }, { "kinds", &opt_kinds }, { "delimiter", &opt_delimiter },
  { "qualifier", &opt_qualifier }, { "person", &opt_person }, { "person-as", &opt_person_as },
  { "dialect", &opt_dialect },
};

static void
reset_options (void)
{
  g_clear_pointer (&opt_output, g_free);
  g_clear_pointer (&opt_options, g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (shorthands); i++)
    g_clear_pointer (shorthands[i].value, g_free);
  tool_opt_json = FALSE;
}

static gboolean
set_options (StanceImporter *importer)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shorthands); i++)
    if (*shorthands[i].value != NULL &&
        !stance_importer_set_option (importer, shorthands[i].name, *shorthands[i].value, &error))
      {
        tool_error ("import: --%s: %s", shorthands[i].name, error->message);
        return FALSE;
      }
  for (guint i = 0; opt_options != NULL && opt_options[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (opt_options[i]);
      char *eq = strchr (name, '=');

      if (eq == NULL)
        {
          tool_error ("import: --option %s: expected NAME=VALUE", opt_options[i]);
          return FALSE;
        }
      *eq = '\0';
      if (!stance_importer_set_option (importer, name, eq + 1, &error))
        {
          tool_error ("import: --option: %s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* THE place where the output's form is chosen by its extension: a
 * snapshot for .stance; save_to_file() writes JSON Lines for .jsonl and
 * the JSON document otherwise. */
static gboolean
write_output (StanceGraph *graph,
              const char  *output)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      g_autofree char *text = stance_graph_save_to_data (graph, NULL);

      fputs (text, stdout);
      return TRUE;
    }
  if (g_str_has_suffix (output, ".stance") ? !stance_graph_save_snapshot (graph, output, &error)
                                            : !stance_graph_save_to_file (graph, output, &error))
    {
      tool_error ("import: %s: %s", output, error->message);
      return FALSE;
    }
  return TRUE;
}

int
tool_run_import (const ToolCommand *command,
                 int                argc,
                 char             **argv)
{
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write the document to OUT (.json; default: standard output)", "OUT" },
    { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &opt_options, "Set an importer option (see doc/importers.md)", "NAME=VALUE" },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &opt_speaker, "csv: the speaker column", "COL" },
    { "time", 0, 0, G_OPTION_ARG_STRING, &opt_time, "csv: the time column", "COL" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, "csv: the stance kind column", "COL" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &opt_target, "csv: the target column; dna: the target variable", "COL" },
    { "holder", 0, 0, G_OPTION_ARG_STRING, &opt_holder, "csv: the holder column; dna: the holder variable", "COL" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &opt_text, "csv: the text column", "COL" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, "csv: the language column", "COL" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &opt_source, "csv: the source column", "COL" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &opt_id, "csv: the statement id column", "COL" },
    { "kind-map", 0, 0, G_OPTION_ARG_STRING, &opt_kind_map, "csv, dna: values as kinds", "VALUE=KIND,…" },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &opt_kinds, "csv: kinds to declare", "NAME=POLARITY,…" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &opt_delimiter, "csv: the field separator", "CHAR" },
    { "qualifier", 0, 0, G_OPTION_ARG_STRING, &opt_qualifier, "dna: the qualifier variable", "VAR" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &opt_person, "dna: the person variable", "VAR" },
    { "person-as", 0, 0, G_OPTION_ARG_STRING, &opt_person_as, "dna: member_of, meta or none", "HOW" },
    { "dialect", 0, 0, G_OPTION_ARG_STRING, &opt_dialect, "events: icews, gdelt or auto", "NAME" },
    { NULL }
  };
  g_autoptr(StanceImporter) importer = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  const char *input;

  reset_options ();
  if (!tool_parse (command, entries, &argc, &argv, 2, 2))
    {
      reset_options ();
      return EXIT_INVALID;
    }
  input = argv[2];
  if ((importer = stance_importer_for_format (argv[1], &error)) == NULL)
    {
      tool_error ("import: %s", error->message);
      reset_options ();
      return EXIT_INVALID;
    }
  if (!set_options (importer))
    {
      reset_options ();
      return EXIT_INVALID;
    }

  if (strcmp (input, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      graph = stance_importer_import_stream (importer, in, NULL, &error);
    }
  else
    graph = stance_importer_import_file (importer, input, NULL, &error);
  if (graph == NULL)
    {
      tool_error ("%s: %s", tool_display_name (input), error->message);
      reset_options ();
      return EXIT_INVALID;
    }

  if (!write_output (graph, opt_output))
    {
      reset_options ();
      return EXIT_INVALID;
    }
  reset_options ();
  return EXIT_SUCCESS;
}
