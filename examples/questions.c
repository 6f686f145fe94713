/* questions.c: the seed story asked from every side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Who is for and against the cyber-security unit on 9 July 2017?
 * Everything Putin said.  Who endorsed Putin's 2020 plan, and who
 * reported it?  Run it from the source root, or give the story's path.
 */

#include <locale.h>
#include <stdio.h>

#include <libstance/stance.h>

static void
print_camp (const char *title,
            GListModel *camp)
{
  printf ("  %s:%s", title, g_list_model_get_n_items (camp) == 0 ? " nobody" : "");
  for (guint i = 0; i < g_list_model_get_n_items (camp); i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (camp, i);

      printf ("%s %s (%s)", i > 0 ? "," : "", stance_node_get_id (STANCE_NODE (stance_edge_get_holder (edge))),
              stance_edge_get_kind (edge));
    }
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "examples/data/cyber-2017-2020.json";
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) unit = NULL;
  g_autoptr(StanceNode) putin = NULL;
  g_autoptr(StanceNode) plan = NULL;
  g_autoptr(StanceNode) plan_statement = NULL;
  g_autoptr(StanceCamps) camps = NULL;
  g_autoptr(GListModel) said = NULL;
  g_autoptr(GListModel) on_plan = NULL;
  g_autoptr(GListModel) reporters = NULL;

  setlocale (LC_ALL, "");

  graph = stance_graph_new_from_file (path, &error);
  if (graph == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  unit = stance_graph_lookup (graph, "cyber-unit");
  putin = stance_graph_lookup (graph, "putin");
  plan = stance_graph_lookup (graph, "plan-2020");
  plan_statement = stance_graph_lookup (graph, "putin-2020-09-25");

  /* Who is for and against the unit on 9 July 2017? */
  camps = stance_graph_get_camps (graph, unit, "2017-07-09", &error);
  g_assert_no_error (error);
  printf ("On 9 July 2017, on the cyber-security unit:\n");
  print_camp ("for", stance_camps_get_positive (camps));
  print_camp ("against", stance_camps_get_negative (camps));
  print_camp ("withdrawn", stance_camps_get_withdrawn (camps));

  /* Everything Putin said, in time order. */
  said = stance_graph_get_statements_by (graph, STANCE_ACTOR (putin));
  printf ("\nEverything Putin said:\n");
  for (guint i = 0; i < g_list_model_get_n_items (said); i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (said, i);
      g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);
      g_autofree char *time = stance_statement_dup_time_string (statement);

      printf ("  %s %s:", time, stance_node_get_id (STANCE_NODE (statement)));
      for (guint k = 0; k < stances->len; k++)
        {
          StanceEdge *edge = g_ptr_array_index (stances, k);

          printf ("%s %s %s", k > 0 ? "," : "", stance_edge_get_kind (edge),
                  stance_node_get_id (stance_edge_get_target (edge)));
        }
      printf ("\n");
    }

  /* Who endorsed the plan (in their own words, or as others say), and who
   * reported Putin's statement, in which language? */
  on_plan = stance_graph_get_stances_on (graph, plan);
  printf ("\nEndorsements of Putin's 2020 plan:\n");
  for (guint i = 0; i < g_list_model_get_n_items (on_plan); i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (on_plan, i);
      StanceStatement *statement = stance_edge_get_statement (edge);

      if (g_strcmp0 (stance_edge_get_kind (edge), "endorses") != 0)
        continue;
      if (stance_edge_is_attributed (edge))
        printf ("  %s, as %s says in %s\n", stance_node_get_id (STANCE_NODE (stance_edge_get_holder (edge))),
                stance_node_get_id (STANCE_NODE (stance_statement_get_speaker (statement))),
                stance_node_get_id (STANCE_NODE (statement)));
      else
        {
          g_autoptr(GListModel) quoted = stance_graph_get_reporters (graph, statement);

          printf ("  %s, in %s\n", stance_node_get_id (STANCE_NODE (stance_edge_get_holder (edge))),
                  stance_node_get_id (STANCE_NODE (statement)));
          for (guint k = 0; k < g_list_model_get_n_items (quoted); k++)
            {
              g_autoptr(StanceStatement) report = g_list_model_get_item (quoted, k);

              printf ("    reported by %s in %s (%s)\n",
                      stance_node_get_id (STANCE_NODE (stance_statement_get_speaker (report))),
                      stance_node_get_id (STANCE_NODE (report)), stance_statement_get_lang (report));
            }
        }
    }

  reporters = stance_graph_get_reporters (graph, STANCE_STATEMENT (plan_statement));
  printf ("\nWho reported putin-2020-09-25:\n");
  for (guint i = 0; i < g_list_model_get_n_items (reporters); i++)
    {
      g_autoptr(StanceStatement) report = g_list_model_get_item (reporters, i);
      g_autofree char *time = stance_statement_dup_time_string (report);

      printf ("  %s %s (%s, in %s)\n", time, stance_node_get_id (STANCE_NODE (report)),
              stance_node_get_id (STANCE_NODE (stance_statement_get_speaker (report))),
              stance_statement_get_lang (report) != NULL ? stance_statement_get_lang (report) : "?");
    }

  return 0;
}
