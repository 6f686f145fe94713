/* fuzz-import.c: the importers (and, on what they accept, the exporters)
 * on arbitrary bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte picks the format (stance_importer_list_formats(), modulo
 * their number) and, through its high bits, a few options; the rest is the
 * input, given to stance_importer_import_data().  A refusal must be a
 * STANCE_ERROR with a valid UTF-8 message and no graph.  An accepted input
 * must give a graph that saves, loads back to the same document, finds its
 * contradictions, exports every table as CSV and JSON Lines and an AIF map
 * that the AIF importer takes again.
 */

#include "fuzz-common.h"
#include "fuzz-checks.h"

#include <gio/gio.h>

#include "stance-error.h"
#include "stance-exporter.h"
#include "stance-graph.h"
#include "stance-importer.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib (argc, argv);
  return 0;
}

static void
check_exports (StanceGraph *graph)
{
  for (const char * const *t = stance_graph_list_export_tables (); *t != NULL; t++)
    for (guint f = 0; f < 2; f++)
      {
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;

        if (!stance_graph_export_table (graph, *t, f ? "jsonl" : "csv", out, NULL, &error))
          fuzz_fail ("export %s: %s", *t, error->message);
      }

  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(StanceImporter) aif = stance_importer_for_format ("aif", NULL);
    g_autoptr(StanceGraph) again = NULL;
    g_autoptr(GError) error = NULL;

    if (!stance_graph_export_aif (graph, out, NULL, &error) || !g_output_stream_close (out, NULL, &error))
      fuzz_fail ("export aif: %s", error->message);
    again = stance_importer_import_data (aif, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                         g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), &error);
    if (again == NULL)
      fuzz_fail ("the AIF export does not import: %s", error->message);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char * const *formats = stance_importer_list_formats ();
  guint n_formats = g_strv_length ((char **) formats);
  g_autoptr(StanceImporter) importer = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;
  importer = stance_importer_for_format (formats[data[0] % n_formats], NULL);
  /* A few options, so that their paths are fuzzed too. */
  if (data[0] & 0x80)
    {
      stance_importer_set_option (importer, "kind-map", "agree=supports,disagree=opposes,1=supports,0=opposes", NULL);
      stance_importer_set_option (importer, "person-as", "meta", NULL);
      stance_importer_set_option (importer, "delimiter", ";", NULL);
    }
  if (data[0] & 0x40)
    {
      stance_importer_set_option (importer, "kinds", "mocks=negative,praises=positive", NULL);
      stance_importer_set_option (importer, "holder", "holder", NULL);
      stance_importer_set_option (importer, "excerpt", "no", NULL);
      stance_importer_set_option (importer, "neutral", "drop", NULL);
    }

  graph = stance_importer_import_data (importer, (const char *) data + 1, size - 1, &error);
  if (graph == NULL)
    {
      if (error == NULL || error->domain != STANCE_ERROR || !g_utf8_validate (error->message, -1, NULL))
        fuzz_fail ("%s: a refusal without a valid STANCE_ERROR: %s %s", formats[data[0] % n_formats],
                   error ? g_quark_to_string (error->domain) : "(no error)", error ? error->message : "");
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("a graph and an error");

  {
    g_autofree char *saved = stance_graph_save_to_data (graph, NULL);
    g_autoptr(StanceGraph) loaded = stance_graph_new_from_data (saved, -1, &error);
    g_autofree char *again = NULL;
    g_autoptr(GListModel) found = NULL;

    if (loaded == NULL)
      fuzz_fail ("the imported graph does not load back: %s", error->message);
    again = stance_graph_save_to_data (loaded, NULL);
    if (strcmp (saved, again) != 0)
      fuzz_fail ("the imported graph does not round-trip");
    found = stance_graph_find_contradictions (graph);
    (void) g_list_model_get_n_items (found);
  }
  check_exports (graph);
  return 0;
}
