/* graph-test-helpers.c: what the test-graph-*.c files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "graph-test-helpers.h"


void
graph_state_take (GraphState  *state,
                  StanceGraph *graph)
{
  state->n_actors = stance_graph_get_n_actors (graph);
  state->n_claims = stance_graph_get_n_claims (graph);
  state->n_statements = stance_graph_get_n_statements (graph);
  state->n_stances = stance_graph_get_n_stances (graph);
  state->saved = stance_graph_save_to_data (graph, NULL);
  state->kinds = stance_graph_dup_kinds (graph);
}

void
graph_state_assert_same (GraphState  *state,
                         StanceGraph *graph)
{
  g_autofree char *saved = stance_graph_save_to_data (graph, NULL);
  g_auto(GStrv) kinds = stance_graph_dup_kinds (graph);

  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, state->n_actors);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, state->n_claims);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, state->n_statements);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, state->n_stances);
  g_assert_cmpstr (saved, ==, state->saved);
  g_assert_cmpstrv (kinds, state->kinds);
}

void
graph_state_clear (GraphState *state)
{
  g_clear_pointer (&state->saved, g_free);
  g_clear_pointer (&state->kinds, g_strfreev);
}


void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  NotifyCount *count = user_data;

  count->n++;
}

gulong
watch (gpointer     object,
       const char  *property,
       NotifyCount *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  count->n = 0;
  return g_signal_connect (object, signal, G_CALLBACK (count_notify), count);
}


void
life_ended (gpointer  data,
            GObject  *where_the_object_was)
{
  Life *life = data;

  life->alive = FALSE;
}

void
life_watch (Life     *life,
            gpointer  object)
{
  life->alive = TRUE;
  g_object_weak_ref (G_OBJECT (object), life_ended, life);
}

const char *
node_id (gpointer node)
{
  return stance_node_get_id (STANCE_NODE (node));
}

const char *
statement_id_of (StanceEdge *edge)
{
  return node_id (stance_edge_get_statement (edge));
}


void
story_build (Story *story)
{
  GError *error = NULL;

  story->graph = stance_graph_new ();
  story->trump = stance_graph_add_actor (story->graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  story->unit = stance_graph_add_claim (story->graph, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  story->s1 = stance_graph_add_statement (story->graph, "t1", story->trump, "2017-07-09", &error);
  g_assert_no_error (error);
  story->proposes = stance_statement_add_stance (story->s1, "proposes", STANCE_NODE (story->unit), NULL, &error);
  g_assert_no_error (error);
  story->s2 = stance_graph_add_statement (story->graph, "t2", story->trump, "2017-07-10", &error);
  g_assert_no_error (error);
  story->retracts = stance_statement_add_stance (story->s2, "retracts", STANCE_NODE (story->unit), NULL, &error);
  g_assert_no_error (error);
}

void
story_clear (Story *story)
{
  g_clear_object (&story->retracts);
  g_clear_object (&story->proposes);
  g_clear_object (&story->s2);
  g_clear_object (&story->s1);
  g_clear_object (&story->unit);
  g_clear_object (&story->trump);
  g_assert_finalize_object (story->graph);
  story->graph = NULL;
}


/* Records every notify of an object, as "name;" per emission. */
void
log_notify (GObject    *object,
            GParamSpec *pspec,
            gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s;", pspec->name);
}

GString *
notify_log_new (gpointer object)
{
  GString *log = g_string_new (NULL);

  g_signal_connect (object, "notify", G_CALLBACK (log_notify), log);
  return log;
}

void
notify_log_free (gpointer  object,
                 GString  *log)
{
  g_assert_cmpuint (g_signal_handlers_disconnect_by_data (object, log), ==, 1);
  g_string_free (log, TRUE);
}

void
add_one (StanceGraph *graph,
         const char  *id,
         StanceActor *speaker,
         const char  *time,
         const char  *kinds,  /* space-separated */
         StanceNode  *target,
         StanceActor *holder)
{
  g_autoptr(StanceStatement) statement = NULL;
  g_auto(GStrv) list = g_strsplit (kinds, " ", -1);
  GError *error = NULL;

  statement = stance_graph_add_statement (graph, id, speaker, time, &error);
  g_assert_no_error (error);
  for (guint i = 0; list[i] != NULL; i++)
    {
      G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, list[i], target, holder, &error);
      g_assert_no_error (error);
    }
}

/* Records items-changed of a model, as "pos,removed,added:n_items;". */
void
log_items_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%u,%u,%u:%u;", position, removed, added, g_list_model_get_n_items (model));
  /* The new items are there to be had. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_nonnull (item);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (model)));
    }
}


void
on_node_added (StanceGraph *graph,
               StanceNode  *node,
               gpointer     user_data)
{
  Announcements *seen = user_data;

  g_assert_true (STANCE_IS_NODE (node));
  g_assert_true (stance_node_get_graph (node) == graph);
  /* The node is in the graph when it is announced. */
  {
    g_autoptr(StanceNode) found = stance_graph_lookup (graph, stance_node_get_id (node));
    g_assert_true (found == node);
  }
  g_ptr_array_add (seen->nodes, g_object_ref (node));
}

void
on_stance_added (StanceGraph *graph,
                 StanceEdge  *edge,
                 gpointer     user_data)
{
  Announcements *seen = user_data;

  g_assert_true (STANCE_IS_EDGE (edge));
  g_assert_true (stance_edge_get_graph (edge) == graph);
  g_ptr_array_add (seen->stances, g_object_ref (edge));
}

void
announcements_init (Announcements *seen,
                    StanceGraph   *graph)
{
  seen->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  seen->stances = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (graph, "node-added", G_CALLBACK (on_node_added), seen);
  g_signal_connect (graph, "stance-added", G_CALLBACK (on_stance_added), seen);
}

void
announcements_clear (Announcements *seen,
                     StanceGraph   *graph)
{
  g_assert_cmpuint (g_signal_handlers_disconnect_by_data (graph, seen), ==, 2);
  g_clear_pointer (&seen->nodes, g_ptr_array_unref);
  g_clear_pointer (&seen->stances, g_ptr_array_unref);
}

void
assert_model_ids (GListModel *model,
                  GType       type,
                  const char *expected)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_true (g_list_model_get_item_type (model) == type);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceNode) node = g_list_model_get_item (model, i);
      g_autoptr(StanceNode) found = stance_graph_lookup (stance_node_get_graph (node), node_id (node));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (node, type));
      g_assert_true (found == node);
      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", node_id (node));
    }
  g_assert_null (g_list_model_get_item (model, n));
  g_assert_null (g_list_model_get_item (model, n + 1000));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_cmpstr (ids->str, ==, expected);
  g_string_free (ids, TRUE);
}

/* The stance in force as "statement:kind", "" for none. */
char *
stance_at (StanceGraph *graph,
           gpointer     holder,
           gpointer     target,
           const char  *time)
{
  GError *error = NULL;
  g_autoptr(StanceEdge) edge = stance_graph_get_stance_at (graph, holder, target, time, &error);

  g_assert_no_error (error);
  if (edge == NULL)
    return g_strdup ("");

  g_assert_true (stance_edge_get_holder (edge) == holder);
  g_assert_true (stance_edge_get_target (edge) == target);
  g_assert_true (stance_edge_is_act (edge));
  return g_strdup_printf ("%s:%s", statement_id_of (edge), stance_edge_get_kind (edge));
}
