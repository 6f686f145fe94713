/* command-camps.c: `stance camps`: who is for, against and withdrawn on a target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"

static const struct {
  const char *member;
  const char *title;
  GListModel *(*get) (StanceCamps *camps);
} camp_kinds[] = {
  { "positive", "for", stance_camps_get_positive },
  { "negative", "against", stance_camps_get_negative },
  { "withdrawn", "withdrawn", stance_camps_get_withdrawn },
};

int
tool_run_camps (const ToolCommand *command,
                int                argc,
                char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(StanceCamps) camps = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *time;

  if (!tool_parse (command, NULL, &argc, &argv, 2, 3))
    return EXIT_INVALID;
  time = argc > 3 ? argv[3] : NULL;
  if ((graph = tool_load (argv[1])) == NULL ||
      (target = tool_lookup (graph, argv[1], argv[2], STANCE_TYPE_NODE)) == NULL)
    return EXIT_INVALID;

  camps = stance_graph_get_camps (graph, target, time, &error);
  if (camps == NULL)
    {
      tool_error ("%s", error->message);
      return EXIT_INVALID;
    }

  json_builder_begin_object (builder);
  tool_add_member_string (builder, "target", argv[2]);
  tool_add_member_nullable (builder, "time", time);

  for (guint c = 0; c < G_N_ELEMENTS (camp_kinds); c++)
    {
      GListModel *camp = camp_kinds[c].get (camps);
      guint n = g_list_model_get_n_items (camp);

      json_builder_set_member_name (builder, camp_kinds[c].member);
      json_builder_begin_array (builder);
      if (!tool_opt_json)
        printf ("%s%s:%s\n", c > 0 ? "\n" : "", camp_kinds[c].title, n == 0 ? " nobody" : "");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StanceEdge) edge = g_list_model_get_item (camp, i);
          StanceStatement *statement = stance_edge_get_statement (edge);
          g_autofree char *when = stance_statement_dup_time_string (statement);

          if (tool_opt_json)
            {
              json_builder_begin_object (builder);
              tool_add_member_string (builder, "holder", tool_id_of (stance_edge_get_holder (edge)));
              tool_add_member_string (builder, "statement", tool_id_of (statement));
              tool_add_member_string (builder, "kind", stance_edge_get_kind (edge));
              json_builder_end_object (builder);
            }
          else
            printf ("  %s %s (%s, %s)\n", tool_id_of (stance_edge_get_holder (edge)),
                    stance_edge_get_kind (edge), tool_id_of (statement), when);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  if (tool_opt_json)
    tool_print_json (builder);

  return EXIT_SUCCESS;
}
