/* command-check.c: `stance check`, the contract of SPEC §4
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <json-glib/json-glib.h>

#include "stance-tool.h"

int
tool_run_check (const ToolCommand *command,
                int                argc,
                char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  guint n;

  if (!tool_parse (command, NULL, &argc, &argv, 1, 1))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;

  found = stance_graph_find_contradictions (graph);
  n = g_list_model_get_n_items (found);

  if (tool_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "contradictions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
          g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
          StanceContradictionKind kind = stance_contradiction_get_kind (c);

          json_builder_begin_object (builder);
          tool_add_member_string (builder, "kind", stance_contradiction_kind_to_string (kind));
          if (kind == STANCE_CONTRADICTION_KIND_CONFLICT)
            {
              json_builder_set_member_name (builder, "holders");
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, tool_id_of (stance_contradiction_get_holder (c)));
              json_builder_add_string_value (builder, tool_id_of (stance_contradiction_get_other_holder (c)));
              json_builder_end_array (builder);
            }
          else
            tool_add_member_string (builder, "holder", tool_id_of (stance_contradiction_get_holder (c)));
          if (kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION)
            tool_add_member_string (builder, "attributed_by", tool_id_of (stance_contradiction_get_attributed_by (c)));
          tool_add_member_string (builder, "target", tool_id_of (stance_contradiction_get_target (c)));
          json_builder_set_member_name (builder, "statements");
          json_builder_begin_array (builder);
          for (guint s = 0; s < statements->len; s++)
            json_builder_add_string_value (builder, tool_id_of (statements->pdata[s]));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  else if (n == 0)
    puts ("no contradictions");
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
          g_autofree char *line = stance_contradiction_describe (c);

          puts (line);
        }
    }

  return n == 0 ? EXIT_SUCCESS : EXIT_FOUND;
}
