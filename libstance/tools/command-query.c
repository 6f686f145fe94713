/* command-query.c: `stance at` and `stance timeline`: one holder on one target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <json-glib/json-glib.h>

#include "stance-tool.h"

/* Looks up HOLDER and TARGET for `at` and `timeline`. */
static gboolean
lookup_pair (StanceGraph  *graph,
             const char   *file,
             const char   *holder_id,
             const char   *target_id,
             StanceActor **holder,
             StanceNode  **target)
{
  *holder = (StanceActor *) tool_lookup (graph, file, holder_id, STANCE_TYPE_ACTOR);
  if (*holder == NULL)
    return FALSE;

  *target = tool_lookup (graph, file, target_id, STANCE_TYPE_NODE);

  return *target != NULL;
}

int
tool_run_at (const ToolCommand *command,
             int                argc,
             char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceActor) holder = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(GError) error = NULL;

  if (!tool_parse (command, NULL, &argc, &argv, 4, 4))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;
  if (!lookup_pair (graph, argv[1], argv[2], argv[3], &holder, &target))
    return EXIT_INVALID;

  edge = stance_graph_get_stance_at (graph, holder, target, argv[4], &error);
  if (error != NULL)
    {
      tool_error ("%s", error->message);
      return EXIT_INVALID;
    }

  if (tool_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      tool_add_member_string (builder, "holder", argv[2]);
      tool_add_member_string (builder, "target", argv[3]);
      tool_add_member_string (builder, "time", argv[4]);
      json_builder_set_member_name (builder, "stance");
      if (edge != NULL)
        tool_add_edge_json (builder, edge);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  else if (edge == NULL)
    printf ("%s had taken no stance on %s by %s\n", argv[2], argv[3], argv[4]);
  else
    tool_print_edge (edge);

  return EXIT_SUCCESS;
}

int
tool_run_timeline (const ToolCommand *command,
                   int                argc,
                   char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceActor) holder = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  if (!tool_parse (command, NULL, &argc, &argv, 3, 3))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;
  if (!lookup_pair (graph, argv[1], argv[2], argv[3], &holder, &target))
    return EXIT_INVALID;

  timeline = stance_graph_get_timeline (graph, holder, target);
  n = g_list_model_get_n_items (timeline);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (timeline, i);

      if (tool_opt_json)
        tool_add_edge_json (builder, edge);
      else
        tool_print_edge (edge);
    }
  json_builder_end_array (builder);

  if (tool_opt_json)
    tool_print_json (builder);
  else if (n == 0)
    printf ("%s took no stance of its own on %s\n", argv[2], argv[3]);

  return EXIT_SUCCESS;
}
