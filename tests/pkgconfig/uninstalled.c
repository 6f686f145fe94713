/* uninstalled.c: a program built against the build tree with nothing but
 * `pkg-config --cflags --libs libstance-1.0` on meson-uninstalled/
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <stdio.h>

#include <libstance/stance.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s STORY\n", argv[0]);
      return 2;
    }

  graph = stance_graph_new_from_file (argv[1], &error);
  if (graph == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  found = stance_graph_find_contradictions (graph);
  printf ("%u statements, %u contradictions, version %s\n", stance_graph_get_n_statements (graph),
          g_list_model_get_n_items (found), STANCE_VERSION_S);

  return g_list_model_get_n_items (found) > 0 ? 0 : 1;
}
