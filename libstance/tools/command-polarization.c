/* command-polarization.c: `stance polarization`: DNA 3's polarisation score and camps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"
#include "stance-json-writer-private.h"
#include "stance-network-private.h"
#include "stance-polarization-private.h"

static gboolean opt_normalize_scores;
static int opt_seed;

static void
print_text (StancePolarization *p)
{
  gint64 mid, start, stop;

  if (_stance_polarization_get_window (p, &mid, &start, &stop))
    {
      g_autofree char *time = _stance_network_format_time (mid);

      printf ("%s: ", time);
    }
  printf ("score %.6f%s\n", stance_polarization_get_score (p),
          stance_polarization_is_exact (p) ? "" : " (best found; too many holders to try every split)");
  for (guint k = 0; k < 2; k++)
    {
      const char * const *camp = stance_polarization_get_camp (p, k);
      g_autofree char *joined = g_strjoinv (", ", (char **) camp);

      if (camp[0] != NULL)
        printf ("  camp %u: %s\n", k + 1, joined);
    }
}

int
tool_run_polarization (const ToolCommand *command,
                       int                argc,
                       char             **argv)
{
  const GOptionEntry *shared = tool_network_option_entries ();
  const GOptionEntry own[] = {
    { "normalize-scores", 0, 0, G_OPTION_ARG_NONE, &opt_normalize_scores, "Divide the score by its maximum (DNA's normalizeScores)", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the search beyond 20 holders (default 0)", "N" },
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNetworkOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  gboolean windowed;
  int status = EXIT_INVALID;

  tool_network_reset_options ();
  opt_normalize_scores = FALSE;
  opt_seed = 0;
  for (guint i = 0; shared[i].long_name != NULL; i++)
    {
      /* The mode and aggregation are fixed: one-mode congruence and
       * conflict. */
      if (strcmp (shared[i].long_name, "mode") == 0 || strcmp (shared[i].long_name, "aggregate") == 0)
        continue;
      g_array_append_val (entries, shared[i]);
    }
  g_array_append_vals (entries, own, G_N_ELEMENTS (own));

  if (!tool_parse (command, (const GOptionEntry *) (void *) entries->data, &argc, &argv, 1, 1))
    goto out;
  /* DNA computes polarisation on average-normalised networks. */
  if ((graph = tool_load (argv[1])) == NULL)
    goto out;
  if ((options = tool_network_options (graph, STANCE_NETWORK_NORMALIZATION_AVERAGE)) == NULL)
    goto out;
  stance_network_options_set_normalize_scores (options, opt_normalize_scores);
  stance_network_options_set_seed (options, (guint32) opt_seed);
  windowed = stance_network_options_get_window (options, NULL, NULL, NULL, NULL);

  {
    g_autoptr(GListModel) list = NULL;
    g_autoptr(StancePolarization) single = NULL;
    guint n;

    if (windowed)
      list = stance_polarization_new_windows (graph, options, &error);
    else
      single = stance_polarization_new (graph, options, &error);
    if (list == NULL && single == NULL)
      {
        tool_error ("polarization: %s", error->message);
        goto out;
      }
    n = list != NULL ? g_list_model_get_n_items (list) : 1;

    if (tool_opt_json)
      {
        StanceJsonWriter w;
        gsize length;
        g_autofree char *text = NULL;

        _stance_json_writer_init (&w, 4096, FALSE);
        if (list != NULL)
          _stance_json_writer_begin_array (&w);
        for (guint k = 0; k < n; k++)
          {
            g_autoptr(StancePolarization) p = list != NULL ? g_list_model_get_item (list, k) : g_object_ref (single);

            if (list != NULL)
              _stance_json_writer_item (&w, NULL);
            _stance_polarization_write_json (p, &w);
          }
        if (list != NULL)
          _stance_json_writer_end_array (&w);
        _stance_json_writer_end_line (&w);
        text = _stance_json_writer_steal (&w, &length);
        fwrite (text, 1, length, stdout);
      }
    else
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(StancePolarization) p = list != NULL ? g_list_model_get_item (list, k) : g_object_ref (single);

          print_text (p);
        }
  }
  status = EXIT_SUCCESS;

out:
  tool_network_reset_options ();
  return status;
}
