/* command-summary.c: `stance summary`: what a document holds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <json-glib/json-glib.h>

/* The public headers first: the private ones include them directly. */
#include "stance-tool.h"
#include "stance-graph-private.h"

int
tool_run_summary (const ToolCommand *command,
                  int                argc,
                  char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_auto(GStrv) kinds = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint64 by_kind[STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION + 1] = { 0 };
  const StanceTime *earliest = NULL;
  const StanceTime *latest = NULL;
  StanceStore *store;

  if (!tool_parse (command, NULL, &argc, &argv, 1, 1))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;

  /* Counted, not found: no object per contradiction, nor per statement. */
  _stance_graph_count_contradictions (graph, NULL, by_kind);

  store = _stance_graph_get_store (graph);
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      const StanceTime *time = _stance_store_statement_time (store, i);

      if (earliest == NULL || _stance_time_cmp (time, earliest) < 0)
        earliest = time;
      if (latest == NULL || _stance_time_cmp (time, latest) > 0)
        latest = time;
    }
  if (earliest != NULL)
    {
      first = stance_time_to_string (earliest);
      last = stance_time_to_string (latest);
    }

  kinds = stance_graph_dup_kinds (graph);

  if (tool_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "actors");
      json_builder_add_int_value (builder, stance_graph_get_n_actors (graph));
      json_builder_set_member_name (builder, "claims");
      json_builder_add_int_value (builder, stance_graph_get_n_claims (graph));
      json_builder_set_member_name (builder, "statements");
      json_builder_add_int_value (builder, stance_graph_get_n_statements (graph));
      json_builder_set_member_name (builder, "stances");
      json_builder_add_int_value (builder, stance_graph_get_n_stances (graph));
      if (first != NULL)
        {
          tool_add_member_string (builder, "from", first);
          tool_add_member_string (builder, "to", last);
        }
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_array (builder);
      for (guint i = 0; kinds[i] != NULL; i++)
        json_builder_add_string_value (builder, kinds[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "contradictions");
      json_builder_begin_object (builder);
      for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
        {
          json_builder_set_member_name (builder, stance_contradiction_kind_to_string (k));
          json_builder_add_int_value (builder, by_kind[k]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  else
    {
      g_autofree char *kind_list = g_strjoinv (", ", kinds);

      printf ("%u actors, %u claims, %u statements, %u stances\n",
              stance_graph_get_n_actors (graph), stance_graph_get_n_claims (graph),
              stance_graph_get_n_statements (graph), stance_graph_get_n_stances (graph));
      if (first != NULL)
        printf ("statements from %s to %s\n", first, last);
      printf ("stance kinds: %s\n", kind_list);
      printf ("contradictions:");
      for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
        printf ("%s %" G_GUINT64_FORMAT " %s", k == 0 ? "" : ",", by_kind[k], stance_contradiction_kind_to_string (k));
      putchar ('\n');
    }

  return EXIT_SUCCESS;
}
