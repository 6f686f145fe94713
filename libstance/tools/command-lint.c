/* command-lint.c: `stance lint`: valid, but probably a coding mistake
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "stance-tool.h"
#include "stance-edge-private.h"
#include "stance-graph-private.h"
#include "stance-store-private.h"

/* Each check reads the graph through the index's questions (who refers to
 * this node?) and the store, so a lint of a big document is linear. */

typedef struct
{
  JsonBuilder *builder;
  const char  *file;
  guint        n;
} Findings;

static void finding (Findings   *findings,
                     const char *check,
                     const char *node,
                     const char *format,
                     ...) G_GNUC_PRINTF (4, 5);

static void
finding (Findings   *findings,
         const char *check,
         const char *node,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  findings->n++;
  if (tool_opt_json)
    {
      json_builder_begin_object (findings->builder);
      tool_add_member_string (findings->builder, "check", check);
      tool_add_member_string (findings->builder, "node", node);
      tool_add_member_string (findings->builder, "message", message);
      json_builder_end_object (findings->builder);
    }
  else
    printf ("%s: %s: %s: %s\n", tool_display_name (findings->file), node, check, message);
}

static gboolean
has_any (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  return g_list_model_get_n_items (owned) > 0;
}

static void
lint_statement (Findings        *findings,
                StanceGraph     *graph,
                StanceStatement *statement)
{
  StanceStore *store = _stance_graph_get_store (graph);
  const char *id = tool_id_of (statement);
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);
  g_autoptr(StanceStatement) reported = stance_statement_dup_reports (statement);
  StanceActor *speaker = stance_statement_get_speaker (statement);

  if (stances->len == 0)
    finding (findings, "no-stance", id, "the statement takes no stance");

  for (guint k = 0; k < stances->len; k++)
    {
      StanceEdge *edge = g_ptr_array_index (stances, k);
      gboolean explicit_holder = FALSE;

      /* The same kind, target and holder twice: one stance coded twice. */
      for (guint j = 0; j < k; j++)
        {
          StanceEdge *before = g_ptr_array_index (stances, j);

          if (g_str_equal (stance_edge_get_kind (before), stance_edge_get_kind (edge)) &&
              stance_edge_get_target (before) == stance_edge_get_target (edge) &&
              stance_edge_get_holder (before) == stance_edge_get_holder (edge))
            {
              finding (findings, "duplicate-stance", id, "stances[%u] repeats stances[%u] (%s %s)",
                       k, j, stance_edge_get_kind (edge), tool_id_of (stance_edge_get_target (edge)));
              break;
            }
        }

      /* "holder" written as the speaker: meant to be someone else? */
      explicit_holder = _stance_store_stance_has_explicit_holder (store, _stance_edge_get_index (edge));
      if (explicit_holder && stance_edge_get_holder (edge) == speaker)
        finding (findings, "self-attribution", id, "stances[%u] attributes a stance to the speaker, %s, itself",
                 k, tool_id_of (speaker));
    }

  if (reported != NULL)
    {
      g_autoptr(StanceTime) time = stance_statement_dup_time (statement);
      g_autoptr(StanceTime) original = stance_statement_dup_time (reported);

      if (stance_time_precedes (time, original))
        {
          g_autofree char *when = stance_time_to_string (time);
          g_autofree char *then = stance_time_to_string (original);

          finding (findings, "report-before-original", id, "reports %s (%s) but is earlier (%s)",
                   tool_id_of (reported), then, when);
        }
    }
}

static void
lint (Findings    *findings,
      StanceGraph *graph)
{
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (statements, i);

      lint_statement (findings, graph, statement);
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(StanceActor) actor = g_list_model_get_item (actors, i);

      if (!has_any (stance_graph_get_statements_by (graph, actor)) &&
          !has_any (stance_graph_get_stances_on (graph, STANCE_NODE (actor))) &&
          !has_any (stance_graph_get_attributions (graph, actor)) &&
          !has_any (stance_graph_get_members (graph, actor)))
        finding (findings, "unreferenced", tool_id_of (actor),
                 "nobody refers to the actor: it says nothing, holds nothing, is the target of nothing "
                 "and has no members");
    }

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(StanceClaim) claim = g_list_model_get_item (claims, i);

      if (!has_any (stance_graph_get_stances_on (graph, STANCE_NODE (claim))) &&
          !has_any (stance_graph_get_parts (graph, claim)))
        finding (findings, "unreferenced", tool_id_of (claim),
                 "nobody refers to the claim: no stance is on it and it has no parts");
    }
}

int
tool_run_lint (const ToolCommand *command,
               int                argc,
               char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Findings findings = { builder, NULL, 0 };

  if (!tool_parse (command, NULL, &argc, &argv, 1, 1))
    return EXIT_INVALID;
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;

  findings.file = argv[1];
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  lint (&findings, graph);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (tool_opt_json)
    tool_print_json (builder);

  return findings.n > 0 ? EXIT_FOUND : EXIT_SUCCESS;
}
