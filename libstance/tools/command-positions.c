/* command-positions.c: `stance positions`: one holder's standing acts on every target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"

int
tool_run_positions (const ToolCommand *command,
                    int                argc,
                    char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) holder = NULL;
  g_autoptr(GListModel) positions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *time;
  guint n;

  if (!tool_parse (command, NULL, &argc, &argv, 2, 3))
    return EXIT_INVALID;
  time = argc > 3 ? argv[3] : NULL;
  if ((graph = tool_load (argv[1])) == NULL ||
      (holder = tool_lookup (graph, argv[1], argv[2], STANCE_TYPE_ACTOR)) == NULL)
    return EXIT_INVALID;

  positions = stance_graph_get_positions (graph, STANCE_ACTOR (holder), time, &error);
  if (positions == NULL)
    {
      tool_error ("%s", error->message);
      return EXIT_INVALID;
    }
  n = g_list_model_get_n_items (positions);

  json_builder_begin_object (builder);
  tool_add_member_string (builder, "holder", argv[2]);
  tool_add_member_nullable (builder, "time", time);
  json_builder_set_member_name (builder, "positions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (positions, i);
      const char *target = tool_id_of (stance_edge_get_target (edge));

      if (tool_opt_json)
        {
          /* The object of `stance at --json`, with the target first. */
          json_builder_begin_object (builder);
          tool_add_member_string (builder, "target", target);
          tool_add_edge_members (builder, edge);
          json_builder_end_object (builder);
        }
      else
        {
          StanceStatement *statement = stance_edge_get_statement (edge);
          g_autofree char *when = stance_statement_dup_time_string (statement);

          /* One short line per target: the words are a `stance said` away. */
          printf ("%s  %s  %s (%s) %s\n", target, when, stance_edge_get_kind (edge),
                  stance_polarity_to_string (stance_edge_get_polarity (edge)), tool_id_of (statement));
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (tool_opt_json)
    tool_print_json (builder);
  else if (n == 0)
    printf ("%s had taken no stance%s%s\n", argv[2], time != NULL ? " by " : "", time != NULL ? time : "");

  return EXIT_SUCCESS;
}
