/* networks.c: who agrees with whom in the cyber-security story, as DNA would draw it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loads examples/data/cyber-2017-2020.json (or the document named on the
 * command line) and prints three discourse networks, as the Discourse
 * Network Analyzer (DNA) defines them (doc/networks.md):
 *
 *   1. the two-mode network of the states and groups (speakers roll up to
 *      the actors they are members of) and the claims, positive minus
 *      negative stances;
 *   2. the one-mode "subtract" network of the speakers: agreement minus
 *      disagreement on the claims they share;
 *   3. the two camps that split them most (DNA 3's polarisation score).
 *
 *   cc networks.c $(pkg-config --cflags --libs libstance-1.0) -o networks
 */

#include <stdio.h>

#include <libstance/stance.h>

static void
print_network (StanceNetwork *network)
{
  const char * const *rows = stance_network_get_row_ids (network);
  const char * const *cols = stance_network_get_col_ids (network);

  for (guint i = 0; i < stance_network_get_n_rows (network); i++)
    for (guint j = 0; j < stance_network_get_n_cols (network); j++)
      {
        double v = stance_network_get_value (network, i, j);

        /* A one-mode network is symmetric: each pair once. */
        if (v != 0 && (stance_network_get_mode (network) == STANCE_NETWORK_MODE_TWOMODE || i < j))
          printf ("  %-14s %-30s %+g\n", rows[i], cols[j], v);
      }
}

int
main (int    argc,
      char **argv)
{
  const char *path = argc > 1 ? argv[1] : "examples/data/cyber-2017-2020.json";
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceNetworkOptions) options = NULL;
  g_autoptr(StanceNetwork) twomode = NULL;
  g_autoptr(StanceNetwork) onemode = NULL;
  g_autoptr(StancePolarization) polarization = NULL;

  if (graph == NULL)
    {
      fprintf (stderr, "networks: %s\n", error->message);
      return 1;
    }

  /* 1. States and groups × claims: positive minus negative stances. */
  options = stance_network_options_new ();
  stance_network_options_set_roll_up (options, TRUE);
  stance_network_options_set_aggregation (options, STANCE_NETWORK_AGGREGATION_SUBTRACT);
  twomode = stance_network_new (graph, options, &error);
  if (twomode == NULL)
    {
      fprintf (stderr, "networks: %s\n", error->message);
      return 1;
    }
  printf ("Groups and claims (positive minus negative stances), %u x %u:\n",
          stance_network_get_n_rows (twomode), stance_network_get_n_cols (twomode));
  print_network (twomode);

  /* 2. Speakers × speakers: agreement minus disagreement. */
  g_clear_object (&options);
  options = stance_network_options_new ();
  stance_network_options_set_mode (options, STANCE_NETWORK_MODE_ONEMODE);
  stance_network_options_set_aggregation (options, STANCE_NETWORK_AGGREGATION_SUBTRACT);
  onemode = stance_network_new (graph, options, &error);
  if (onemode == NULL)
    {
      fprintf (stderr, "networks: %s\n", error->message);
      return 1;
    }
  printf ("\nWho agrees (+) or disagrees (-) with whom, on %u stances:\n",
          stance_network_get_n_stances (onemode));
  print_network (onemode);

  /* 3. The two camps, on average-normalised congruence and conflict. */
  stance_network_options_set_normalization (options, STANCE_NETWORK_NORMALIZATION_AVERAGE);
  polarization = stance_polarization_new (graph, options, &error);
  if (polarization == NULL)
    {
      fprintf (stderr, "networks: %s\n", error->message);
      return 1;
    }
  printf ("\nPolarisation %.3f (%s):\n", stance_polarization_get_score (polarization),
          stance_polarization_is_exact (polarization) ? "every split tried" : "best split found");
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *camp = g_strjoinv (", ", (char **) stance_polarization_get_camp (polarization, k));

      printf ("  camp %u: %s\n", k + 1, camp);
    }

  return 0;
}
