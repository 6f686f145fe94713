/* command-on.c: `stance on`: every stance on one node
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"

int
tool_run_on (const ToolCommand *command,
             int                argc,
             char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(GListModel) stances = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  if (!tool_parse (command, NULL, &argc, &argv, 2, 2))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL ||
      (target = tool_lookup (graph, argv[1], argv[2], STANCE_TYPE_NODE)) == NULL)
    return EXIT_INVALID;

  stances = stance_graph_get_stances_on (graph, target);
  n = g_list_model_get_n_items (stances);

  json_builder_begin_object (builder);
  tool_add_member_string (builder, "target", argv[2]);
  json_builder_set_member_name (builder, "stances");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (stances, i);
      StanceStatement *statement = stance_edge_get_statement (edge);
      const char *speaker = tool_id_of (stance_statement_get_speaker (statement));
      const char *holder = tool_id_of (stance_edge_get_holder (edge));
      g_autofree char *time = stance_statement_dup_time_string (statement);

      if (tool_opt_json)
        {
          json_builder_begin_object (builder);
          tool_add_member_string (builder, "holder", holder);
          tool_add_member_string (builder, "kind", stance_edge_get_kind (edge));
          tool_add_member_string (builder, "polarity", stance_polarity_to_string (stance_edge_get_polarity (edge)));
          tool_add_member_string (builder, "statement", tool_id_of (statement));
          tool_add_member_string (builder, "speaker", speaker);
          tool_add_member_string (builder, "time", time);
          json_builder_end_object (builder);
        }
      else if (stance_edge_is_attributed (edge))
        printf ("%s  %s says %s %s (%s) in %s\n", time, speaker, holder, stance_edge_get_kind (edge),
                stance_polarity_to_string (stance_edge_get_polarity (edge)), tool_id_of (statement));
      else
        printf ("%s  %s %s (%s) in %s\n", time, holder, stance_edge_get_kind (edge),
                stance_polarity_to_string (stance_edge_get_polarity (edge)), tool_id_of (statement));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (tool_opt_json)
    tool_print_json (builder);
  else if (n == 0)
    printf ("no stance is on %s\n", argv[2]);

  return EXIT_SUCCESS;
}
