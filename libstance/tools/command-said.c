/* command-said.c: `stance said`: everything one actor said
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"

static void
add_statement_json (JsonBuilder     *builder,
                    StanceStatement *statement)
{
  g_autofree char *time = stance_statement_dup_time_string (statement);
  g_autoptr(StanceStatement) reports = stance_statement_dup_reports (statement);
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);

  json_builder_begin_object (builder);
  tool_add_member_string (builder, "id", tool_id_of (statement));
  tool_add_member_string (builder, "time", time);
  if (stance_statement_get_text (statement) != NULL)
    tool_add_member_string (builder, "text", stance_statement_get_text (statement));
  if (stance_statement_get_lang (statement) != NULL)
    tool_add_member_string (builder, "lang", stance_statement_get_lang (statement));
  if (reports != NULL)
    tool_add_member_string (builder, "reports", tool_id_of (reports));
  json_builder_set_member_name (builder, "stances");
  json_builder_begin_array (builder);
  for (guint k = 0; k < stances->len; k++)
    {
      StanceEdge *edge = g_ptr_array_index (stances, k);

      json_builder_begin_object (builder);
      tool_add_member_string (builder, "kind", stance_edge_get_kind (edge));
      tool_add_member_string (builder, "target", tool_id_of (stance_edge_get_target (edge)));
      tool_add_member_string (builder, "holder", tool_id_of (stance_edge_get_holder (edge)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_statement (StanceStatement *statement)
{
  g_autofree char *time = stance_statement_dup_time_string (statement);
  g_autoptr(StanceStatement) reports = stance_statement_dup_reports (statement);
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);
  const char *text = stance_statement_get_text (statement);

  printf ("%s  %s", time, tool_id_of (statement));
  if (reports != NULL)
    printf (" (reports %s)", tool_id_of (reports));
  if (text != NULL)
    printf (": \"%s\"", text);
  putchar ('\n');
  for (guint k = 0; k < stances->len; k++)
    {
      StanceEdge *edge = g_ptr_array_index (stances, k);

      if (stance_edge_is_attributed (edge))
        printf ("    %s %s %s (attributed)\n", tool_id_of (stance_edge_get_holder (edge)),
                stance_edge_get_kind (edge), tool_id_of (stance_edge_get_target (edge)));
      else
        printf ("    %s %s\n", stance_edge_get_kind (edge), tool_id_of (stance_edge_get_target (edge)));
    }
}

int
tool_run_said (const ToolCommand *command,
               int                argc,
               char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) actor = NULL;
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  if (!tool_parse (command, NULL, &argc, &argv, 2, 2))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL ||
      (actor = tool_lookup (graph, argv[1], argv[2], STANCE_TYPE_ACTOR)) == NULL)
    return EXIT_INVALID;

  statements = stance_graph_get_statements_by (graph, STANCE_ACTOR (actor));
  n = g_list_model_get_n_items (statements);

  json_builder_begin_object (builder);
  tool_add_member_string (builder, "actor", argv[2]);
  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (statements, i);

      if (tool_opt_json)
        add_statement_json (builder, statement);
      else
        print_statement (statement);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (tool_opt_json)
    tool_print_json (builder);
  else if (n == 0)
    printf ("%s said nothing\n", argv[2]);

  return EXIT_SUCCESS;
}
