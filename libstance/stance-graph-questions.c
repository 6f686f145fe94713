/* stance-graph-questions.c: what a graph answers: its contradictions, and
 * the questions from every side (who said what on what, when)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-acts-private.h"
#include "stance-actor.h"
#include "stance-camps-private.h"
#include "stance-claim.h"
#include "stance-contradiction-filter-private.h"
#include "stance-contradiction-list-private.h"
#include "stance-contradiction-writer-private.h"
#include "stance-error.h"
#include "stance-finder-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-live-contradictions-private.h"
#include "stance-node-private.h"
#include "stance-statement.h"

/* The contradictions (stance-finder.c finds them). */

static StanceActIndex *
current_acts (StanceGraph *self)
{
  if (self->acts == NULL || self->acts->serial != _stance_store_serial (self->store))
    {
      g_clear_pointer (&self->acts, _stance_act_index_free);
      self->acts = _stance_act_index_new (self->store);
    }

  return self->acts;
}

/**
 * stance_graph_find_contradictions:
 * @self: a graph
 *
 * Finds every contradiction in the graph: reversals, inconsistencies,
 * conflicts and disputed attributions, as the "Contradictions" chapter of
 * the manual defines them.  They come sorted by kind, target, holder(s) and
 * statements, as `stance check` prints them.
 *
 * The result is a snapshot: it does not change when the graph does.  The
 * graph keeps its answer until it changes, so asking again costs nothing
 * (since 1.2).  To count, filter or write the contradictions of a large
 * graph without a list of them all, see
 * [method@Stance.Graph.count_contradictions],
 * [method@Stance.Graph.find_contradictions_filtered] and
 * [method@Stance.Graph.write_contradictions].
 *
 * Returns: (transfer full): a list model of [class@Stance.Contradiction]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_find_contradictions (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  if (self->found == NULL || self->found_serial != _stance_store_serial (self->store))
    {
      g_clear_pointer (&self->found, g_array_unref);
      self->found = _stance_find_contradictions (self->store, current_acts (self));
      self->found_serial = _stance_store_serial (self->store);
    }

  /* Lists never change their findings, so they share the cached ones. */
  return G_LIST_MODEL (_stance_contradiction_list_new (self, g_array_ref (self->found)));
}

/**
 * stance_graph_get_contradictions:
 * @self: a graph
 *
 * Gets the graph's contradictions as a live list model, for views that show
 * them as the graph changes: in the order of
 * [method@Stance.Graph.find_contradictions], and kept current as stances are
 * added or removed and statements move in time, emitting
 * [signal@Gio.ListModel::items-changed] and
 * [signal@Stance.Graph::contradiction-added] or
 * [signal@Stance.Graph::contradiction-removed] for each one that appears or
 * goes away.  A contradiction that stays keeps its object.
 *
 * A change costs the work of finding the contradictions on the targets it
 * touches, not on the whole graph; while no live model is alive, changes
 * cost nothing extra.
 *
 * Handlers of its signals may edit the graph or drop the model: their
 * edits reach the model after the change it is announcing, and when the
 * outermost edit returns it equals [method@Stance.Graph.find_contradictions].
 *
 * Returns: (transfer full): a list model of [class@Stance.Contradiction]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_contradictions (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  if (self->live != NULL)
    return g_object_ref (G_LIST_MODEL (self->live));

  self->live = _stance_live_contradictions_new (self);
  g_object_add_weak_pointer (G_OBJECT (self->live), (gpointer *) &self->live);

  return G_LIST_MODEL (self->live);
}

static gboolean
check_query (StanceGraph  *self,
             StanceActor  *holder,
             StanceNode   *target,
             GError      **error)
{
  return _stance_graph_owns_node (self, holder, "holder", error) &&
         _stance_graph_owns_node (self, target, "target", error);
}

/**
 * stance_graph_get_stance_at:
 * @self: a graph
 * @holder: an actor of the graph
 * @target: a node of the graph
 * @time: a time in the document format's syntax, such as `2017-07-09`
 * @error: return location for an error
 *
 * Answers the question a reader asks most: what stance did @holder have on
 * @target at @time, and which statement says so?
 *
 * The answer is the holder's latest act on the target, in act order, that
 * it had taken by the end of the period @time names: its own positive,
 * negative or withdrawal stance, whose statement is the one that says so.
 * A withdrawal means the holder had given its stance up.
 *
 * Returns: (transfer full) (nullable): the stance in force, or %NULL when
 *   the holder had taken none by then (or on a bad argument, with
 *   %STANCE_ERROR_INVALID_TIME or %STANCE_ERROR_WRONG_NODE set)
 *
 * Since: 1.0
 */
StanceEdge *
stance_graph_get_stance_at (StanceGraph  *self,
                            StanceActor  *holder,
                            StanceNode   *target,
                            const char   *time,
                            GError      **error)
{
  StanceActIndex *acts;
  const StanceAct *group;
  StanceTime when;
  guint first, n;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (holder), NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_query (self, holder, target, error) ||
      !_stance_time_parse (&when, time, strlen (time), error))
    return NULL;

  acts = current_acts (self);
  _stance_act_index_group (acts, _stance_node_get_ref (target), STANCE_NODE_INDEX (holder), &first, &n);
  group = &g_array_index (acts->acts, StanceAct, first);

  /* The group is in act order, so scan back from its end. */
  for (guint i = n; i-- > 0; )
    {
      if (group[i].polarity != STANCE_POLARITY_NEUTRAL && group[i].start < when.end)
        return _stance_graph_ref_edge (self, group[i].stance);
    }

  return NULL;
}

/**
 * stance_graph_get_timeline:
 * @self: a graph
 * @holder: an actor of the graph
 * @target: a node of the graph
 *
 * Gets @holder's own stances on @target — every stance it took in its own
 * words, neutral ones included — in act order: by time, then by the order of
 * the statements in the graph and of the stances in a statement.
 * Attributed stances are not part of the holder's timeline.
 *
 * Returns: (transfer full): a list model of [class@Stance.Edge]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_timeline (StanceGraph *self,
                           StanceActor *holder,
                           StanceNode  *target)
{
  StanceActIndex *acts;
  GListStore *timeline;
  guint first, n;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (holder), NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (holder)) == self, NULL);
  g_return_val_if_fail (stance_node_get_graph (target) == self, NULL);

  timeline = g_list_store_new (STANCE_TYPE_EDGE);
  acts = current_acts (self);
  _stance_act_index_group (acts, _stance_node_get_ref (target), STANCE_NODE_INDEX (holder), &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(StanceEdge) edge = _stance_graph_ref_edge (self, g_array_index (acts->acts, StanceAct, i).stance);

      g_list_store_append (timeline, edge);
    }

  return G_LIST_MODEL (timeline);
}


static void
append_to_array (const StanceFinding *finding,
                 gpointer             user_data)
{
  g_array_append_vals (user_data, finding, 1);
}

/* The cached answer of find_contradictions(), if it is current. */
static GArray *
current_found (StanceGraph *self)
{
  if (self->found != NULL && self->found_serial == _stance_store_serial (self->store))
    return self->found;
  return NULL;
}

/**
 * stance_graph_find_contradictions_filtered:
 * @self: a graph
 * @filter: (nullable): which contradictions to keep, or %NULL for all
 *
 * Finds the contradictions that @filter keeps, in the order of
 * [method@Stance.Graph.find_contradictions].  Kinds, targets and shards
 * that the filter leaves out are not searched, and nothing is made for the
 * records it drops, so that a narrow question on a large graph costs
 * little.  When the graph's contradictions were found since its last
 * change, they are filtered instead of searched again.
 *
 * Returns: (transfer full): a list model of [class@Stance.Contradiction]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_find_contradictions_filtered (StanceGraph               *self,
                                           StanceContradictionFilter *filter)
{
  const StanceFindingFilter *ff;
  GArray *found;
  GArray *kept;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  if (filter == NULL)
    return stance_graph_find_contradictions (self);

  ff = _stance_contradiction_filter_get_finding_filter (filter);
  if ((found = current_found (self)) != NULL)
    {
      kept = g_array_new (FALSE, FALSE, sizeof (StanceFinding));
      for (guint i = 0; i < found->len; i++)
        {
          const StanceFinding *finding = &g_array_index (found, StanceFinding, i);

          if (_stance_finding_filter_keeps (ff, self->store, finding))
            g_array_append_vals (kept, finding, 1);
        }
    }
  else
    {
      kept = g_array_new (FALSE, FALSE, sizeof (StanceFinding));
      _stance_find_each (self->store, current_acts (self), ff, TRUE, append_to_array, kept);
    }

  return G_LIST_MODEL (_stance_contradiction_list_new (self, kept));
}

void
_stance_graph_count_contradictions (StanceGraph               *self,
                                    StanceContradictionFilter *filter,
                                    guint64                    counts[4])
{
  GArray *found;

  if (filter == NULL && (found = current_found (self)) != NULL)
    {
      for (guint k = 0; k < 4; k++)
        counts[k] = 0;
      for (guint i = 0; i < found->len; i++)
        counts[g_array_index (found, StanceFinding, i).kind]++;
      return;
    }

  _stance_count_contradictions (self->store, current_acts (self),
                                _stance_contradiction_filter_get_finding_filter (filter), counts);
}

/**
 * stance_graph_count_contradictions:
 * @self: a graph
 * @filter: (nullable): which contradictions to count, or %NULL for all
 *
 * Counts the contradictions that @filter keeps, without sorting them or
 * making anything for them: a graph with tens of millions of conflicts is
 * counted in the time it takes to find them.  To count by kind, give a
 * filter with one kind, once per kind (each kind is searched apart, so
 * that costs no more than one count of all).
 *
 * Returns: the number of contradictions kept
 *
 * Since: 1.2
 */
guint64
stance_graph_count_contradictions (StanceGraph               *self,
                                   StanceContradictionFilter *filter)
{
  guint64 counts[4];

  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  _stance_graph_count_contradictions (self, filter, counts);

  return counts[0] + counts[1] + counts[2] + counts[3];
}

gboolean
_stance_graph_write_contradictions (StanceGraph                *self,
                                    StanceContradictionFilter  *filter,
                                    StanceContradictionFormat   format,
                                    StanceJsonFlushFunc         flush,
                                    gpointer                    flush_data,
                                    guint64                    *n_written,
                                    GError                    **error)
{
  return _stance_write_contradictions (self->store, current_acts (self),
                                       _stance_contradiction_filter_get_finding_filter (filter),
                                       format, flush, flush_data, n_written, error);
}

/**
 * stance_graph_write_contradictions:
 * @self: a graph
 * @filter: (nullable): which contradictions to write, or %NULL for all
 * @format: how to write them
 * @stream: where to write them
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for an error
 *
 * Writes the contradictions that @filter keeps to @stream as they are
 * found, in the order of [method@Stance.Graph.find_contradictions]: as the
 * JSON document of `stance check --json`, as JSON Lines (`stance check
 * --jsonl`), or as the text lines of `stance check`.  Memory does not grow
 * with the number of records (it holds one target's records of one kind
 * at a time), so that a pipeline can stream millions of records to a file.
 * The stream is not closed.
 *
 * Returns: %TRUE on success; %FALSE with the stream's error, or
 *   %G_IO_ERROR_CANCELLED, if writing failed (what was written stays)
 *
 * Since: 1.2
 */
gboolean
stance_graph_write_contradictions (StanceGraph                *self,
                                   StanceContradictionFilter  *filter,
                                   StanceContradictionFormat   format,
                                   GOutputStream              *stream,
                                   GCancellable               *cancellable,
                                   GError                    **error)
{
  StanceJsonStream sink = { stream, cancellable };

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail ((guint) format <= STANCE_CONTRADICTION_FORMAT_TEXT, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _stance_graph_write_contradictions (self, filter, format, _stance_json_flush_to_stream, &sink, NULL, error);
}


/* Questions from every side (issue 10).  The index behind them lives in
 * stance-index.c; these are its public doors. */

static gboolean
check_time (const char  *time,
            StanceTime  *when,
            GError     **error)
{
  return time == NULL || _stance_time_parse (when, time, strlen (time), error);
}

/**
 * stance_graph_get_stances_on:
 * @self: a graph
 * @target: an actor, claim or statement of the graph
 *
 * Gets every stance whose target is @target — taken by speakers in their
 * own words and attributed to others — in graph order: by statement, then
 * by the order of the stances in a statement.  "Who holds a stance on this
 * claim?", "what do people say about this statement?"
 *
 * The model is live: it changes as stances are added, removed or changed.
 * The first question builds an index of the whole graph, in time linear in
 * its size; after that each answer costs O(1 + its length), and each edit
 * keeps the index current.
 *
 * Returns: (transfer full): a list model of [class@Stance.Edge]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_stances_on (StanceGraph *self,
                             StanceNode  *target)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);
  g_return_val_if_fail (stance_node_get_graph (target) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_ON, _stance_node_get_ref (target));
}

/**
 * stance_graph_get_statements_by:
 * @self: a graph
 * @speaker: an actor of the graph
 *
 * Gets everything @speaker said: its statements in time order (by the start
 * of their periods, then their ends, then graph order).
 *
 * The model is live, as [method@Stance.Graph.get_stances_on]'s is: it
 * changes as statements are added, removed or moved in time.
 *
 * Returns: (transfer full): a list model of [class@Stance.Statement]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_statements_by (StanceGraph *self,
                                StanceActor *speaker)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (speaker), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (speaker)) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_SAID, STANCE_NODE_INDEX (speaker));
}

/**
 * stance_graph_get_attributions:
 * @self: a graph
 * @holder: an actor of the graph
 *
 * Gets what others say @holder holds: every attributed stance whose holder
 * is @holder, in graph order.  Its own stances are not among them.
 *
 * The model is live.
 *
 * Returns: (transfer full): a list model of [class@Stance.Edge]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_attributions (StanceGraph *self,
                               StanceActor *holder)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (holder), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (holder)) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_ATTRIBUTED, STANCE_NODE_INDEX (holder));
}

/**
 * stance_graph_get_reporters:
 * @self: a graph
 * @statement: a statement of the graph
 *
 * Gets the statements that report (quote) @statement directly, in graph
 * order.  Ask again of each to follow the quotes further; go the other way,
 * to the first appearance, with [method@Stance.Graph.get_report_chain].
 *
 * The model is live.
 *
 * Returns: (transfer full): a list model of [class@Stance.Statement]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_reporters (StanceGraph     *self,
                            StanceStatement *statement)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (statement)) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_REPORTERS, STANCE_NODE_INDEX (statement));
}

/**
 * stance_graph_get_report_chain:
 * @self: a graph
 * @statement: a statement of the graph
 *
 * Follows `reports` from @statement up to the first appearance: the
 * statement it reports, the one that one reports, and so on, nearest
 * first; the last is the first appearance.  Empty when @statement reports
 * nothing.  "Who quoted whom, in which language."
 *
 * Returns: (transfer full): a list model of [class@Stance.Statement], a
 *   snapshot
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_report_chain (StanceGraph     *self,
                               StanceStatement *statement)
{
  GListStore *chain;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (statement)) == self, NULL);

  chain = g_list_store_new (STANCE_TYPE_STATEMENT);
  /* reports has no cycles (every edit and load checks it). */
  for (guint32 at = _stance_store_statement_reports (self->store, STANCE_NODE_INDEX (statement));
       at != STANCE_STORE_NO_INDEX;
       at = _stance_store_statement_reports (self->store, at))
    {
      g_autoptr(StanceNode) node = _stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_STATEMENT, at));

      g_list_store_append (chain, node);
    }

  return G_LIST_MODEL (chain);
}

/**
 * stance_graph_get_members:
 * @self: a graph
 * @group: an actor of the graph
 *
 * Gets the actors that are members of @group (whose `member_of` names it),
 * in graph order: the inverse of [method@Stance.Actor.dup_member_of].
 *
 * The model is live.
 *
 * Returns: (transfer full): a list model of [class@Stance.Actor]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_members (StanceGraph *self,
                          StanceActor *group)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (group), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (group)) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_MEMBERS, STANCE_NODE_INDEX (group));
}

/**
 * stance_graph_get_parts:
 * @self: a graph
 * @whole: a claim of the graph
 *
 * Gets the claims that are part of @whole (whose `part_of` names it), in
 * graph order: the inverse of [method@Stance.Claim.dup_part_of].
 *
 * The model is live.
 *
 * Returns: (transfer full): a list model of [class@Stance.Claim]
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_parts (StanceGraph *self,
                        StanceClaim *whole)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_CLAIM (whole), NULL);
  g_return_val_if_fail (stance_node_get_graph (STANCE_NODE (whole)) == self, NULL);

  return _stance_index_list_new (self, STANCE_INDEX_PARTS, STANCE_NODE_INDEX (whole));
}

/**
 * stance_graph_get_positions:
 * @self: a graph
 * @holder: an actor of the graph
 * @time: (nullable): a time in the document format's syntax, such as
 *   `2017-07-09`, or %NULL for now (every act)
 * @error: return location for an error
 *
 * Gets @holder's positions on all targets at @time: for each target on
 * which it had acted by the end of @time, its standing act — the one
 * [method@Stance.Graph.get_stance_at] gives for that target — whose
 * statement says so.  A withdrawal means it had given its stance up.  The
 * edges come in act order (by time).
 *
 * The cost is that of walking the holder's statements up to @time.
 *
 * Returns: (transfer full) (nullable): a list model of [class@Stance.Edge],
 *   a snapshot; %NULL with %STANCE_ERROR_INVALID_TIME or
 *   %STANCE_ERROR_WRONG_NODE on a bad argument
 *
 * Since: 1.2
 */
GListModel *
stance_graph_get_positions (StanceGraph  *self,
                            StanceActor  *holder,
                            const char   *time,
                            GError      **error)
{
  g_autoptr(GArray) positions = NULL;
  GListStore *result;
  StanceTime when;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (holder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_stance_graph_owns_node (self, holder, "holder", error) ||
      !check_time (time, &when, error))
    return NULL;

  positions = _stance_index_positions (_stance_graph_get_index (self), STANCE_NODE_INDEX (holder),
                                       time != NULL ? &when : NULL);
  result = g_list_store_new (STANCE_TYPE_EDGE);
  for (guint i = 0; i < positions->len; i++)
    {
      g_autoptr(StanceEdge) edge = _stance_graph_ref_edge (self, g_array_index (positions, guint32, i));

      g_list_store_append (result, edge);
    }

  return G_LIST_MODEL (result);
}

/**
 * stance_graph_get_camps:
 * @self: a graph
 * @target: an actor, claim or statement of the graph
 * @time: (nullable): a time in the document format's syntax, or %NULL for
 *   now (every act)
 * @error: return location for an error
 *
 * Who is for, who is against, and who has withdrawn on @target at @time:
 * every holder that had acted on it by the end of @time, in the camp of
 * its standing act, with the stance that says so (see
 * [class@Stance.Camps]).
 *
 * The camps are live: each camp changes as the stances on @target do and
 * as statements move in time.
 *
 * Returns: (transfer full) (nullable): the camps; %NULL with
 *   %STANCE_ERROR_INVALID_TIME or %STANCE_ERROR_WRONG_NODE on a bad
 *   argument
 *
 * Since: 1.2
 */
StanceCamps *
stance_graph_get_camps (StanceGraph  *self,
                        StanceNode   *target,
                        const char   *time,
                        GError      **error)
{
  StanceTime when;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_stance_graph_owns_node (self, target, "target", error) ||
      !check_time (time, &when, error))
    return NULL;

  return _stance_camps_new (self, _stance_node_get_ref (target), time, time != NULL ? &when : NULL);
}

