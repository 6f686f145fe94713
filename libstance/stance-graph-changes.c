/* stance-graph-changes.c: a graph's change queue, and how each edit is announced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-edge-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-node-private.h"

/* Announcing changes.  Every edit changes the store at once and then calls
 * _stance_graph_changed(): the one entry point of all change notifications
 * (see stance-change-private.h and doc/threading.md).  Changes are queued,
 * and the outermost call delivers them in order: to the live models first,
 * then as the graph's signals.  A handler's edit only adds to the queue,
 * so a model never changes under a handler that is running, and a model
 * that a handler drops stays alive until its delivery is over.
 *
 * Signals carry objects, and a pipeline adding millions of nodes has
 * nobody listening: without observers or handlers, nothing is queued and
 * no object is made. */

static void
change_clear (StanceChange *change)
{
  g_clear_object (&change->edge);
  g_clear_pointer (&change->targets, g_array_unref);
  g_clear_pointer (&change->values, g_array_unref);
}

static void
change_free (gpointer data)
{
  change_clear (data);
  g_free (data);
}

static gboolean
anyone_listens (StanceGraph      *self,
                StanceChangeKind  kind)
{
  guint signal_id;

  if (self->delivering || self->observers->len > 0)
    return TRUE;

  switch (kind)
    {
    case STANCE_CHANGE_NODES_ADDED: signal_id = _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_ADDED]; break;
    case STANCE_CHANGE_STANCES_ADDED: signal_id = _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_ADDED]; break;
    case STANCE_CHANGE_STANCE_REMOVED: signal_id = _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_REMOVED]; break;
    case STANCE_CHANGE_NODE_REMOVED: signal_id = _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_REMOVED]; break;
    case STANCE_CHANGE_STANCE_CHANGED: signal_id = _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_CHANGED]; break;
    default: return FALSE;
    }

  return g_signal_has_handler_pending (self, signal_id, 0, FALSE);
}

static void
forget_observer (gpointer  data,
                 GObject  *where_the_model_was)
{
  StanceGraph *self = data;

  for (guint i = 0; i < self->observers->len; i++)
    {
      if (g_array_index (self->observers, StanceGraphObserver, i).model == where_the_model_was)
        {
          g_array_remove_index (self->observers, i);
          return;
        }
    }
}

void
_stance_graph_add_observer (StanceGraph        *self,
                            gpointer            model,
                            StanceObserverFunc  func)
{
  /* Built from the store as it is, which includes every change still in
   * the queue: those are not for it. */
  StanceGraphObserver observer = { model, func, self->last_serial };

  g_array_append_val (self->observers, observer);
  g_object_weak_ref (model, forget_observer, self);
}

static void
emit_change (StanceGraph        *self,
             const StanceChange *change)
{
  switch (change->kind)
    {
    case STANCE_CHANGE_NODES_ADDED:
      for (guint32 i = change->first; i < change->first + change->n; i++)
        {
          g_autoptr(StanceNode) node = NULL;

          /* A handler may have been disconnected by the previous one. */
          if (!g_signal_has_handler_pending (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_ADDED], 0, FALSE))
            break;
          node = _stance_graph_ref_node (self, stance_ref_make (change->sort, i));
          g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_ADDED], 0, node);
        }
      break;

    case STANCE_CHANGE_STANCES_ADDED:
      for (guint32 i = change->first; i < change->first + change->n; i++)
        {
          g_autoptr(StanceEdge) edge = NULL;

          if (!g_signal_has_handler_pending (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_ADDED], 0, FALSE))
            break;
          edge = _stance_graph_ref_edge (self, i);
          g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_ADDED], 0, edge);
        }
      break;

    case STANCE_CHANGE_STANCE_REMOVED:
      g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_REMOVED], 0, change->edge);
      break;

    case STANCE_CHANGE_NODE_REMOVED:
      if (g_signal_has_handler_pending (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_REMOVED], 0, FALSE))
        {
          g_autoptr(StanceNode) node = _stance_graph_ref_node (self, stance_ref_make (change->sort, change->first));

          g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_REMOVED], 0, node);
        }
      break;

    case STANCE_CHANGE_STANCE_CHANGED:
      {
        StanceEdge *edge = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (change->first));

        /* A view that is alive tells its own property handlers first. */
        if (edge != NULL)
          {
            g_object_ref (edge);
            _stance_edge_notify_changed (edge);
          }
        else if (g_signal_has_handler_pending (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_CHANGED], 0, FALSE))
          edge = _stance_graph_ref_edge (self, change->first);
        if (edge != NULL)
          {
            g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_CHANGED], 0, edge);
            g_object_unref (edge);
          }
      }
      break;

    case STANCE_CHANGE_INDEX_CHANGED:

    case STANCE_CHANGE_TARGETS_CHANGED:
    default:
      break;
    }
}

static void
deliver (StanceGraph        *self,
         const StanceChange *change)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);

  /* The models alive now, held while they take the change: a handler may
   * drop the last reference to any of them, or make new ones (which were
   * built with this change in and are not in this list). */
  for (guint i = 0; i < self->observers->len; i++)
    g_ptr_array_add (models, g_object_ref (g_array_index (self->observers, StanceGraphObserver, i).model));

  for (guint m = 0; m < models->len; m++)
    {
      for (guint i = 0; i < self->observers->len; i++)
        {
          StanceGraphObserver *observer = &g_array_index (self->observers, StanceGraphObserver, i);

          if (observer->model == models->pdata[m])
            {
              StanceObserverFunc func = observer->func;

              if (observer->synced >= change->serial)
                break;
              /* Before the call, which may add observers and move this one. */
              observer->synced = change->serial;
              func (models->pdata[m], change);
              break;
            }
        }
    }

  emit_change (self, change);
}

/* Queues a change; delivered by the next _stance_graph_deliver_pending(). */
static void
queue_change (StanceGraph        *self,
              const StanceChange *change)
{
  StanceChange *queued;

  if (!anyone_listens (self, change->kind))
    {
      change_clear ((StanceChange *) change);
      return;
    }

  queued = g_memdup2 (change, sizeof *change);
  queued->serial = ++self->last_serial;
  g_queue_push_tail (&self->pending, queued);
}

/* Delivers the queue, unless a delivery is under way (then this is a
 * handler's edit, and the delivery under way takes its changes in turn).
 * An edit calls it once, after queueing all its changes, so that no
 * handler runs between the changes of one edit. */
void
_stance_graph_deliver_pending (StanceGraph *self)
{
  StanceChange *queued;

  if (self->delivering || self->editing > 0 || g_queue_is_empty (&self->pending))
    return;

  self->delivering = TRUE;
  g_object_ref (self);
  while ((queued = g_queue_pop_head (&self->pending)) != NULL)
    {
      deliver (self, queued);
      change_free (queued);
    }
  self->delivering = FALSE;
  g_object_unref (self);
}

void
_stance_graph_changed (StanceGraph        *self,
                       const StanceChange *change)
{
  queue_change (self, change);
  _stance_graph_deliver_pending (self);
}

void
_stance_graph_queue_change (StanceGraph        *self,
                            const StanceChange *change)
{
  queue_change (self, change);
}

void
_stance_graph_begin_edit (StanceGraph *self)
{
  self->editing++;
}

void
_stance_graph_end_edit (StanceGraph *self)
{
  g_return_if_fail (self->editing > 0);

  if (--self->editing == 0)
    _stance_graph_deliver_pending (self);
}

gboolean
_stance_graph_has_observers (StanceGraph *self)
{
  return self->observers->len > 0;
}

void
_stance_graph_emit_contradiction_added (StanceGraph         *self,
                                        StanceContradiction *contradiction)
{
  g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_CONTRADICTION_ADDED], 0, contradiction);
}

void
_stance_graph_emit_contradiction_removed (StanceGraph         *self,
                                          StanceContradiction *contradiction)
{
  g_signal_emit (self, _stance_graph_signals[STANCE_GRAPH_SIGNAL_CONTRADICTION_REMOVED], 0, contradiction);
}

/* These two only queue, and keep the index current: the edit delivers
 * with _stance_graph_deliver_pending(). */
/* Queues the addition of @change->n records, which the index follows. */
static void
announce_added (StanceGraph  *self,
                StanceChange *change)
{
  if (change->n == 0)
    return;

  queue_change (self, change);
  if (self->index != NULL)
    _stance_index_appended (self->index);
}

void
_stance_graph_announce_nodes (StanceGraph *self,
                              StanceSort   sort,
                              guint        first,
                              guint        n)
{
  StanceChange change = { .kind = STANCE_CHANGE_NODES_ADDED, .sort = sort, .first = first, .n = n };

  announce_added (self, &change);
}

void
_stance_graph_announce_stances (StanceGraph *self,
                                guint32      first,
                                guint32      n)
{
  StanceChange change = { .kind = STANCE_CHANGE_STANCES_ADDED, .first = first, .n = n };

  announce_added (self, &change);
}

void
_stance_graph_stance_added (StanceGraph *self,
                            guint32      stance)
{
  _stance_graph_announce_stances (self, stance, 1);
  _stance_graph_deliver_pending (self);
}

void
_stance_graph_stance_removed (StanceGraph *self,
                              StanceEdge  *edge)
{
  StanceChange change = {
    .kind = STANCE_CHANGE_STANCE_REMOVED,
    .first = _stance_edge_get_index (edge),
    .n = 1,
    .edge = g_object_ref (edge),
  };

  queue_change (self, &change);
  if (self->index != NULL)
    _stance_index_unlink_stance (self->index, _stance_edge_get_index (edge));
  _stance_graph_deliver_pending (self);
}

/* Adds @target to @targets unless it is there. */
static void
add_target (GArray    *targets,
            StanceRef  target)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_array_index (targets, StanceRef, i) == target)
      return;
  g_array_append_val (targets, target);
}

void
_stance_graph_statement_moved (StanceGraph *self,
                               guint32      statement)
{
  StanceStore *store = self->store;
  StanceChange change = { .kind = STANCE_CHANGE_TARGETS_CHANGED };

  if (anyone_listens (self, change.kind))
    {
      /* A statement's time orders its stances among all others on their
       * targets: each of those targets may have changed.  Attributions by
       * others refer to the holder's acts by time too, but they are on the
       * same targets, so these cover them. */
      change.targets = g_array_new (FALSE, FALSE, sizeof (StanceRef));
      STANCE_STORE_FOREACH_STANCE_OF (store, statement, stance)
        add_target (change.targets, _stance_store_stance_target (store, stance));
      queue_change (self, &change);
    }

  if (self->index != NULL)
    _stance_index_statement_moved (self->index, statement);
  _stance_graph_deliver_pending (self);
}

StanceIndex *
_stance_graph_get_index (StanceGraph *self)
{
  if (self->index == NULL)
    self->index = _stance_index_new (self);

  return self->index;
}

void
_stance_graph_node_relinking (StanceGraph *self,
                              StanceRef    node)
{
  if (self->index != NULL)
    _stance_index_unlink_node (self->index, node);
}

void
_stance_graph_node_relinked (StanceGraph *self,
                             StanceRef    node)
{
  _stance_store_changed (self->store);
  if (self->index != NULL)
    _stance_index_link_node (self->index, node);
  _stance_graph_deliver_pending (self);
}

void
_stance_graph_node_removed (StanceGraph *self,
                            StanceRef    node)
{
  StanceSort sort = stance_ref_sort (node);
  StanceChange change = {
    .kind = STANCE_CHANGE_NODE_REMOVED,
    .sort = sort,
    .first = stance_ref_index (node),
    .n = 1,
  };

  /* The record is kept and flagged: the index finds its links in it, and
   * the node lists their positions. */
  change.position = _stance_store_position_of (self->store, sort, stance_ref_index (node));
  _stance_store_remove_node (self->store, node);
  if (node == stance_ref_make (STANCE_SORT_STATEMENT, self->last_appended - 1))
    self->last_appended = STANCE_NONE;

  queue_change (self, &change);
  if (self->index != NULL)
    _stance_index_unlink_node (self->index, node);
  _stance_graph_deliver_pending (self);
}

void
_stance_graph_stance_changing (StanceGraph *self,
                               guint32      stance)
{
  if (self->index != NULL)
    _stance_index_unlink_stance (self->index, stance);
}

void
_stance_graph_stance_changed (StanceGraph *self,
                              guint32      stance,
                              StanceRef    old_target)
{
  StanceChange change = { .kind = STANCE_CHANGE_STANCE_CHANGED, .first = stance, .n = 1 };
  StanceEdge *edge = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (stance));

  _stance_store_changed (self->store);
  /* The view drops its cached target and holder now, so that its getters
   * answer about the stance as it is; it notifies when the change is
   * delivered. */
  if (edge != NULL)
    _stance_edge_relinked (edge);

  if (anyone_listens (self, change.kind))
    {
      change.targets = g_array_new (FALSE, FALSE, sizeof (StanceRef));
      add_target (change.targets, old_target);
      add_target (change.targets, _stance_store_stance_target (self->store, stance));
      queue_change (self, &change);
    }
  if (self->index != NULL)
    _stance_index_link_stance (self->index, stance);
  _stance_graph_deliver_pending (self);
}
