/* stance-graph.c: who said what, when, about what
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-acts-private.h"
#include "stance-actor.h"
#include "stance-change-private.h"
#include "stance-claim.h"
#include "stance-contradiction-filter-private.h"
#include "stance-contradiction-list-private.h"
#include "stance-contradiction-writer-private.h"
#include "stance-edge-private.h"
#include "stance-error.h"
#include "stance-finder-private.h"
#include "stance-camps-private.h"
#include "stance-edit-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-live-contradictions-private.h"
#include "stance-node-list-private.h"
#include "stance-node-private.h"
#include "stance-quote-private.h"
#include "stance-statement.h"
#include "stance-suggest-private.h"

/**
 * StanceGraph:
 *
 * Who said what, when, about what: the actors, claims and statements of a
 * story, with the stances the statements take, and the contradictions among
 * them.
 *
 * Build a graph with [method@Stance.Graph.add_actor],
 * [method@Stance.Graph.add_claim], [method@Stance.Graph.add_statement] and
 * [method@Stance.Statement.add_stance], or load a document with
 * [ctor@Stance.Graph.new_from_file]; then ask
 * [method@Stance.Graph.find_contradictions].
 *
 * Every edit validates its arguments first and reports a bad one through a
 * [error@Stance.Error]: an edit is made whole or not at all.
 *
 * A graph and its nodes are not thread-safe: use them from one thread at a
 * time.  The asynchronous load reads and checks a document in a worker
 * thread and adds it to the graph in the thread that called it.
 *
 * Any handler of a signal of the graph or of its list models may edit the
 * graph or drop any model: the edit applies at once, and its
 * notifications are delivered after the current one, in order.  When the
 * outermost edit returns, every live model equals a fresh query.  See the
 * "Threads and re-entrancy" chapter.
 *
 * Since: 1.0
 */

struct _StanceGraph
{
  GObject         parent_instance;

  StanceStore    *store;
  /* The live views, keyed by node reference or stance index; not owned: a
   * view removes itself as it is finalized (_stance_graph_forget_object). */
  GHashTable     *objects;
  /* Built on demand, kept while the store's serial says it is current. */
  StanceActIndex *acts;
  /* The live node lists handed out, weak, indexed by StanceSort. */
  GListModel     *lists[4];
  /* The live contradictions handed out, weak: kept current while alive. */
  StanceContradictionList *live;
  /* The last statement appended, index + 1: stances usually follow their
   * statement, and a comparison is cheaper than a lookup by id. */
  guint32         last_appended;
  /* The last answer of find_contradictions(), kept while the store's
   * serial says it is current, so that asking twice costs nothing. */
  GArray         *found;
  guint64         found_serial;
  /* Change notifications (stance-change-private.h): the live models, the
   * changes not yet delivered, and whether a delivery is under way. */
  GArray         *observers;   /* Observer */
  GQueue          pending;     /* StanceChange */
  guint64         last_serial;
  gboolean        delivering;
  guint           editing;     /* _stance_graph_begin_edit() depth */
  /* The inverse links (stance-index.c), made when first asked for, and
   * kept current at every edit, as the store is. */
  StanceIndex    *index;
};

/* A live model that takes the graph's changes (see "Announcing changes"). */
typedef struct
{
  GObject            *model;   /* weak */
  StanceObserverFunc  func;
  guint64             synced;  /* the last change it has seen */
} Observer;

G_DEFINE_FINAL_TYPE (StanceGraph, stance_graph, G_TYPE_OBJECT)

enum {
  NODE_ADDED,
  STANCE_ADDED,
  STANCE_REMOVED,
  CONTRADICTION_ADDED,
  CONTRADICTION_REMOVED,
  NODE_REMOVED,
  STANCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stance_graph_dispose (GObject *object)
{
  StanceGraph *self = STANCE_GRAPH (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    {
      if (self->lists[i] != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->lists[i]), (gpointer *) &self->lists[i]);
      self->lists[i] = NULL;
    }
  if (self->live != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->live), (gpointer *) &self->live);
  self->live = NULL;

  G_OBJECT_CLASS (stance_graph_parent_class)->dispose (object);
}

static void
stance_graph_finalize (GObject *object)
{
  StanceGraph *self = STANCE_GRAPH (object);

  /* Every view holds a reference on its graph, so none is left. */
  g_warn_if_fail (g_hash_table_size (self->objects) == 0);

  g_clear_pointer (&self->acts, _stance_act_index_free);
  g_clear_pointer (&self->found, g_array_unref);
  g_clear_pointer (&self->index, _stance_index_free);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->store, _stance_store_free);
  /* Every model holds a reference on its graph too. */
  g_warn_if_fail (self->observers->len == 0 && g_queue_is_empty (&self->pending));
  g_clear_pointer (&self->observers, g_array_unref);

  G_OBJECT_CLASS (stance_graph_parent_class)->finalize (object);
}

static void
stance_graph_class_init (StanceGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_graph_dispose;
  object_class->finalize = stance_graph_finalize;

  /**
   * StanceGraph::node-added:
   * @self: the graph
   * @node: the new actor, claim or statement
   *
   * Emitted after a node was added, by the API or by a load.
   */
  signals[NODE_ADDED] =
    g_signal_new ("node-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_NODE);

  /**
   * StanceGraph::stance-added:
   * @self: the graph
   * @stance: the new stance
   *
   * Emitted after a stance was added, by the API or by a load.
   */
  signals[STANCE_ADDED] =
    g_signal_new ("stance-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);

  /**
   * StanceGraph::stance-removed:
   * @self: the graph
   * @stance: the stance taken back
   *
   * Emitted after a stance was removed with
   * [method@Stance.Statement.remove_stance].
   */
  signals[STANCE_REMOVED] =
    g_signal_new ("stance-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);

  /**
   * StanceGraph::contradiction-added:
   * @self: the graph
   * @contradiction: the contradiction that appeared
   *
   * Emitted, while a model from [method@Stance.Graph.get_contradictions] is
   * alive, when a change to the graph makes a new contradiction appear.
   */
  signals[CONTRADICTION_ADDED] =
    g_signal_new ("contradiction-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_CONTRADICTION);

  /**
   * StanceGraph::contradiction-removed:
   * @self: the graph
   * @contradiction: the contradiction that went away
   *
   * Emitted, while a model from [method@Stance.Graph.get_contradictions] is
   * alive, when a change to the graph makes a contradiction go away.
   */
  signals[CONTRADICTION_REMOVED] =
    g_signal_new ("contradiction-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_CONTRADICTION);

  /**
   * StanceGraph::node-removed:
   * @self: the graph
   * @node: the actor, claim or statement removed
   *
   * Emitted after a node was removed with [method@Stance.Graph.remove_node].
   * The node's properties still read as they were, so that a handler can
   * record what it takes to add it back.
   *
   * Since: 1.2
   */
  signals[NODE_REMOVED] =
    g_signal_new ("node-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_NODE);

  /**
   * StanceGraph::stance-changed:
   * @self: the graph
   * @stance: the stance whose kind, target or holder changed
   *
   * Emitted after [method@Stance.Edge.set_kind],
   * [method@Stance.Edge.set_target] or [method@Stance.Edge.set_holder]
   * changed a stance.
   *
   * Since: 1.2
   */
  signals[STANCE_CHANGED] =
    g_signal_new ("stance-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);
}

static void
stance_graph_init (StanceGraph *self)
{
  self->store = _stance_store_new ();
  self->objects = g_hash_table_new (NULL, NULL);
  self->observers = g_array_new (FALSE, FALSE, sizeof (Observer));
}

/**
 * stance_graph_new:
 *
 * Creates an empty graph that knows the built-in stance kinds.
 *
 * Returns: (transfer full): a new graph
 *
 * Since: 1.0
 */
StanceGraph *
stance_graph_new (void)
{
  return g_object_new (STANCE_TYPE_GRAPH, NULL);
}

StanceStore *
_stance_graph_get_store (StanceGraph *self)
{
  return self->store;
}

StanceNode *
_stance_graph_ref_node (StanceGraph *self,
                        StanceRef    ref)
{
  StanceNode *node = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (ref));
  GType type;

  if (node != NULL)
    return g_object_ref (node);

  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR: type = STANCE_TYPE_ACTOR; break;
    case STANCE_SORT_CLAIM: type = STANCE_TYPE_CLAIM; break;
    case STANCE_SORT_STATEMENT: type = STANCE_TYPE_STATEMENT; break;
    default: g_return_val_if_reached (NULL);
    }

  node = g_object_new (type, NULL);
  _stance_node_bind (node, self, ref);
  g_hash_table_insert (self->objects, GUINT_TO_POINTER (ref), node);

  return node;
}

StanceEdge *
_stance_graph_ref_edge (StanceGraph *self,
                        guint32      stance)
{
  StanceEdge *edge = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (stance));

  if (edge != NULL)
    return g_object_ref (edge);

  /* Stance indices are below 2^30, node references above: one table. */
  edge = _stance_edge_new (self, stance);
  g_hash_table_insert (self->objects, GUINT_TO_POINTER (stance), edge);

  return edge;
}

void
_stance_graph_forget_object (StanceGraph *self,
                             guint32      key)
{
  g_hash_table_remove (self->objects, GUINT_TO_POINTER (key));
}

gboolean
_stance_graph_owns_node (StanceGraph  *self,
                         gpointer      node,
                         const char   *what,
                         GError      **error)
{
  if (stance_node_get_graph (node) != self)
    {
      g_autofree char *shown = _stance_quote (stance_node_get_id (node), -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the %s %s belongs to another graph", what, shown);
      return FALSE;
    }
  if (_stance_store_is_removed (self->store, _stance_node_get_ref (node)))
    {
      g_autofree char *shown = _stance_quote (stance_node_get_id (node), -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the %s %s was removed from the graph", what, shown);
      return FALSE;
    }

  return TRUE;
}

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
    case STANCE_CHANGE_NODES_ADDED: signal_id = signals[NODE_ADDED]; break;
    case STANCE_CHANGE_STANCES_ADDED: signal_id = signals[STANCE_ADDED]; break;
    case STANCE_CHANGE_STANCE_REMOVED: signal_id = signals[STANCE_REMOVED]; break;
    case STANCE_CHANGE_NODE_REMOVED: signal_id = signals[NODE_REMOVED]; break;
    case STANCE_CHANGE_STANCE_CHANGED: signal_id = signals[STANCE_CHANGED]; break;
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
      if (g_array_index (self->observers, Observer, i).model == where_the_model_was)
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
  Observer observer = { model, func, self->last_serial };

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
          if (!g_signal_has_handler_pending (self, signals[NODE_ADDED], 0, FALSE))
            break;
          node = _stance_graph_ref_node (self, stance_ref_make (change->sort, i));
          g_signal_emit (self, signals[NODE_ADDED], 0, node);
        }
      break;

    case STANCE_CHANGE_STANCES_ADDED:
      for (guint32 i = change->first; i < change->first + change->n; i++)
        {
          g_autoptr(StanceEdge) edge = NULL;

          if (!g_signal_has_handler_pending (self, signals[STANCE_ADDED], 0, FALSE))
            break;
          edge = _stance_graph_ref_edge (self, i);
          g_signal_emit (self, signals[STANCE_ADDED], 0, edge);
        }
      break;

    case STANCE_CHANGE_STANCE_REMOVED:
      g_signal_emit (self, signals[STANCE_REMOVED], 0, change->edge);
      break;

    case STANCE_CHANGE_NODE_REMOVED:
      if (g_signal_has_handler_pending (self, signals[NODE_REMOVED], 0, FALSE))
        {
          g_autoptr(StanceNode) node = _stance_graph_ref_node (self, stance_ref_make (change->sort, change->first));

          g_signal_emit (self, signals[NODE_REMOVED], 0, node);
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
        else if (g_signal_has_handler_pending (self, signals[STANCE_CHANGED], 0, FALSE))
          edge = _stance_graph_ref_edge (self, change->first);
        if (edge != NULL)
          {
            g_signal_emit (self, signals[STANCE_CHANGED], 0, edge);
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
    g_ptr_array_add (models, g_object_ref (g_array_index (self->observers, Observer, i).model));

  for (guint m = 0; m < models->len; m++)
    {
      for (guint i = 0; i < self->observers->len; i++)
        {
          Observer *observer = &g_array_index (self->observers, Observer, i);

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

/* Queues a change; delivered by the next deliver_pending(). */
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
static void
deliver_pending (StanceGraph *self)
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
  deliver_pending (self);
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
    deliver_pending (self);
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
  g_signal_emit (self, signals[CONTRADICTION_ADDED], 0, contradiction);
}

void
_stance_graph_emit_contradiction_removed (StanceGraph         *self,
                                          StanceContradiction *contradiction)
{
  g_signal_emit (self, signals[CONTRADICTION_REMOVED], 0, contradiction);
}

/* These two only queue, and keep the index current: the edit delivers
 * with deliver_pending(). */
static void
announce_nodes (StanceGraph *self,
                StanceSort   sort,
                guint        first,
                guint        n)
{
  StanceChange change = { .kind = STANCE_CHANGE_NODES_ADDED, .sort = sort, .first = first, .n = n };

  if (n == 0)
    return;

  queue_change (self, &change);
  if (self->index != NULL)
    _stance_index_appended (self->index);
}

static void
announce_stances (StanceGraph *self,
                  guint32      first,
                  guint32      n)
{
  StanceChange change = { .kind = STANCE_CHANGE_STANCES_ADDED, .first = first, .n = n };

  if (n == 0)
    return;

  queue_change (self, &change);
  if (self->index != NULL)
    _stance_index_appended (self->index);
}

void
_stance_graph_stance_added (StanceGraph *self,
                            guint32      stance)
{
  announce_stances (self, stance, 1);
  deliver_pending (self);
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
  deliver_pending (self);
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
      for (guint32 at = STANCE_STORE_STATEMENT (store, statement)->first_stance;
           at != STANCE_NONE;
           at = STANCE_STORE_STANCE (store, at - 1)->next)
        add_target (change.targets, STANCE_STORE_STANCE (store, at - 1)->target);
      queue_change (self, &change);
    }

  if (self->index != NULL)
    _stance_index_statement_moved (self->index, statement);
  deliver_pending (self);
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
  self->store->serial++;
  if (self->index != NULL)
    _stance_index_link_node (self->index, node);
  deliver_pending (self);
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
  deliver_pending (self);
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

  self->store->serial++;
  /* The view drops its cached target and holder now, so that its getters
   * answer about the stance as it is; it notifies when the change is
   * delivered. */
  if (edge != NULL)
    _stance_edge_relinked (edge);

  if (anyone_listens (self, change.kind))
    {
      change.targets = g_array_new (FALSE, FALSE, sizeof (StanceRef));
      add_target (change.targets, old_target);
      add_target (change.targets, STANCE_STORE_STANCE (self->store, stance)->target);
      queue_change (self, &change);
    }
  if (self->index != NULL)
    _stance_index_link_stance (self->index, stance);
  deliver_pending (self);
}

static gboolean
check_new_node (StanceGraph   *self,
                StanceRecords *records,
                const char   *id,
                GError      **error)
{
  return _stance_store_check_new_id (self->store, id, error) &&
         _stance_store_check_capacity (self->store, records, error);
}

/**
 * stance_graph_add_actor:
 * @self: a graph
 * @id: the new actor's id, unique among all nodes of the graph
 * @name: the actor's name, such as "Donald J. Trump"
 * @kind: what sort of actor it is
 * @error: return location for an error
 *
 * Adds an actor.
 *
 * Returns: (transfer full): the new actor; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID,
 *   %STANCE_ERROR_ENCODING (not UTF-8) or %STANCE_ERROR_INVALID_VALUE on a
 *   bad argument, in which case nothing changed
 *
 * Since: 1.0
 */
StanceActor *
stance_graph_add_actor (StanceGraph      *self,
                        const char       *id,
                        const char       *name,
                        StanceActorKind   kind,
                        GError          **error)
{
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) kind > STANCE_ACTOR_KIND_OTHER)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "invalid actor kind %d", kind);
      return NULL;
    }
  if (!check_new_node (self, self->store->actors, id, error) ||
      !_stance_check_utf8 (name, "name", error))
    return NULL;

  index = _stance_store_add_actor (self->store, id, name, kind);
  announce_nodes (self, STANCE_SORT_ACTOR, index, 1);
  deliver_pending (self);

  return STANCE_ACTOR (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_ACTOR, index)));
}

/**
 * stance_graph_add_claim:
 * @self: a graph
 * @id: the new claim's id, unique among all nodes of the graph
 * @text: the claim in words
 * @error: return location for an error
 *
 * Adds a claim.
 *
 * Returns: (transfer full): the new claim; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID or
 *   %STANCE_ERROR_ENCODING (not UTF-8) on a bad argument, in which case
 *   nothing changed
 *
 * Since: 1.0
 */
StanceClaim *
stance_graph_add_claim (StanceGraph  *self,
                        const char   *id,
                        const char   *text,
                        GError      **error)
{
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_node (self, self->store->claims, id, error) ||
      !_stance_check_utf8 (text, "text", error))
    return NULL;

  index = _stance_store_add_claim (self->store, id, text);
  announce_nodes (self, STANCE_SORT_CLAIM, index, 1);
  deliver_pending (self);

  return STANCE_CLAIM (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_CLAIM, index)));
}

/**
 * stance_graph_add_statement:
 * @self: a graph
 * @id: the new statement's id, unique among all nodes of the graph
 * @speaker: who made the statement: an actor of this graph
 * @time: when, in the document format's syntax, as precise as the source:
 *   `2017`, `2017-07`, `2017-07-09`, `2017-07-09T21:15Z` or
 *   `2017-07-09T21:15:33+02:00`
 * @error: return location for an error
 *
 * Adds a statement.  Give it stances with
 * [method@Stance.Statement.add_stance].
 *
 * Returns: (transfer full): the new statement; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID,
 *   %STANCE_ERROR_WRONG_NODE or %STANCE_ERROR_INVALID_TIME on a bad argument,
 *   in which case nothing changed
 *
 * Since: 1.0
 */
StanceStatement *
stance_graph_add_statement (StanceGraph  *self,
                            const char   *id,
                            StanceActor  *speaker,
                            const char   *time,
                            GError      **error)
{
  StanceTime parsed;
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (speaker), NULL);
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_node (self, self->store->statements, id, error) ||
      !_stance_graph_owns_node (self, speaker, "speaker", error) ||
      !_stance_time_parse (&parsed, time, strlen (time), error))
    return NULL;

  index = _stance_store_add_statement (self->store, id, STANCE_NODE_INDEX (speaker), &parsed);
  announce_nodes (self, STANCE_SORT_STATEMENT, index, 1);
  deliver_pending (self);

  return STANCE_STATEMENT (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_STATEMENT, index)));
}

/* Pipelines that extract statements by the million add them by id and never
 * look at the objects add_statement() and add_stance() hand out: making and
 * dropping those views costs more than the store's work, so these two add
 * the same records without them. */

/**
 * stance_graph_append_statement:
 * @self: a graph
 * @id: the new statement's id, unique among all nodes of the graph
 * @speaker: the id of an actor of the graph
 * @time: when, in the document format's syntax, such as `2017-07-09`
 * @text: (nullable): the words, or %NULL
 * @lang: (nullable): the language of the words, as a BCP 47 tag, or %NULL
 * @source: (nullable): where the statement appeared, or %NULL
 * @error: return location for an error
 *
 * Adds a statement by ids, as [method@Stance.Graph.add_statement] does, but
 * without making an object for it: for pipelines that add statements by
 * the million.  Give it stances with [method@Stance.Graph.append_stance].
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_ID,
 *   %STANCE_ERROR_DUPLICATE_ID, %STANCE_ERROR_ENCODING,
 *   %STANCE_ERROR_UNKNOWN_ID, %STANCE_ERROR_WRONG_NODE or
 *   %STANCE_ERROR_INVALID_TIME on a bad argument, in which case nothing
 *   changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_append_statement (StanceGraph  *self,
                               const char   *id,
                               const char   *speaker,
                               const char   *time,
                               const char   *text,
                               const char   *lang,
                               const char   *source,
                               GError      **error)
{
  StanceTime parsed;
  StanceRef speaker_ref;
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (speaker != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_new_node (self, self->store->statements, id, error) ||
      (speaker_ref = _stance_resolve_suggesting (self->store, speaker, STANCE_SORT_MASK (STANCE_SORT_ACTOR), error)) == 0 ||
      !_stance_time_parse (&parsed, time, strlen (time), error) ||
      (text != NULL && !_stance_check_utf8 (text, "text", error)) ||
      (lang != NULL && !_stance_check_utf8 (lang, "lang", error)) ||
      (source != NULL && !_stance_check_utf8 (source, "source", error)))
    return FALSE;

  index = _stance_store_add_statement (self->store, id, stance_ref_index (speaker_ref), &parsed);
  self->last_appended = index + 1;
  if (text != NULL || lang != NULL || source != NULL)
    {
      StanceStatementExtra *extra = _stance_store_statement_extra (self->store, index, TRUE);

      extra->text = _stance_store_intern (self->store, text);
      extra->lang = lang != NULL ? g_string_chunk_insert_const (self->store->strings, lang) : NULL;
      extra->source = _stance_store_intern (self->store, source);
    }
  announce_nodes (self, STANCE_SORT_STATEMENT, index, 1);
  deliver_pending (self);

  return TRUE;
}

/**
 * stance_graph_append_stance:
 * @self: a graph
 * @statement: the id of a statement of the graph
 * @kind: a stance kind, built in or declared
 * @target: the id of the node the stance is on
 * @holder: (nullable): the id of the actor whose stance it is; %NULL for the
 *   statement's speaker
 * @error: return location for an error
 *
 * Adds a stance by ids, as [method@Stance.Statement.add_stance] does, but
 * without making objects: the counterpart of
 * [method@Stance.Graph.append_statement].
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_UNKNOWN_ID,
 *   %STANCE_ERROR_WRONG_NODE or %STANCE_ERROR_UNKNOWN_KIND on a bad argument,
 *   in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_append_stance (StanceGraph  *self,
                            const char   *statement,
                            const char   *kind,
                            const char   *target,
                            const char   *holder,
                            GError      **error)
{
  StanceRef statement_ref, target_ref, holder_ref = 0;
  guint32 stance;
  int kind_index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (statement != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->last_appended != STANCE_NONE &&
      strcmp (STANCE_STORE_STATEMENT (self->store, self->last_appended - 1)->id, statement) == 0)
    statement_ref = stance_ref_make (STANCE_SORT_STATEMENT, self->last_appended - 1);
  else
    statement_ref = _stance_resolve_suggesting (self->store, statement, STANCE_SORT_MASK (STANCE_SORT_STATEMENT), error);

  if (statement_ref == 0 ||
      (kind_index = _stance_resolve_kind_suggesting (self->store, kind, error)) < 0 ||
      (target_ref = _stance_resolve_suggesting (self->store, target, STANCE_SORT_MASK_ANY, error)) == 0 ||
      (holder != NULL &&
       (holder_ref = _stance_resolve_suggesting (self->store, holder, STANCE_SORT_MASK (STANCE_SORT_ACTOR), error)) == 0) ||
      !_stance_store_check_capacity (self->store, self->store->stances, error))
    return FALSE;

  stance = _stance_store_add_stance (self->store, stance_ref_index (statement_ref), (guint16) kind_index, target_ref,
                                     holder != NULL ? stance_ref_index (holder_ref)
                                                    : STANCE_STORE_STATEMENT (self->store, stance_ref_index (statement_ref))->speaker,
                                     holder != NULL);
  announce_stances (self, stance, 1);
  deliver_pending (self);

  return TRUE;
}

/**
 * stance_graph_declare_kind:
 * @self: a graph
 * @name: the kind's name: lower-case ASCII letters, digits and `-`, starting
 *   with a letter, such as `praises`
 * @polarity: the kind's polarity
 * @error: return location for an error
 *
 * Declares a stance kind beyond the built-in ones.  Declaring a kind again
 * with the same polarity does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_KIND if the
 *   name is malformed or built in, or the kind is declared with another
 *   polarity, in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_declare_kind (StanceGraph     *self,
                           const char      *name,
                           StancePolarity   polarity,
                           GError         **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_store_check_kind (self->store, name, polarity, error))
    return FALSE;

  _stance_store_declare_kind (self->store, name, polarity);

  return TRUE;
}

/**
 * stance_graph_lookup:
 * @self: a graph
 * @id: a node id
 *
 * Finds the node with the id @id.
 *
 * Returns: (transfer full) (nullable): the actor, claim or statement, or
 *   %NULL if the graph has no node with that id
 *
 * Since: 1.0
 */
StanceNode *
stance_graph_lookup (StanceGraph *self,
                     const char  *id)
{
  StanceRef ref;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  ref = _stance_store_lookup (self->store, id);

  return ref != 0 ? _stance_graph_ref_node (self, ref) : NULL;
}

/**
 * stance_graph_lookup_kind:
 * @self: a graph
 * @name: a stance kind's name
 * @polarity: (out) (optional): where to store the kind's polarity
 *
 * Finds a stance kind, built in or declared.
 *
 * Returns: %TRUE if the graph knows the kind
 *
 * Since: 1.0
 */
gboolean
stance_graph_lookup_kind (StanceGraph    *self,
                          const char     *name,
                          StancePolarity *polarity)
{
  int kind;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  kind = _stance_store_find_kind (self->store, name);
  if (kind < 0)
    return FALSE;

  if (polarity != NULL)
    *polarity = STANCE_STORE_KIND (self->store, kind)->polarity;

  return TRUE;
}

/**
 * stance_graph_dup_kinds:
 * @self: a graph
 *
 * Lists the stance kinds the graph knows: the built-in ones, then the
 * declared ones in the order they were declared.
 *
 * Returns: (transfer full) (array zero-terminated=1): the kinds' names
 *
 * Since: 1.0
 */
char **
stance_graph_dup_kinds (StanceGraph *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->store->kinds->len; i++)
    g_strv_builder_add (builder, STANCE_STORE_KIND (self->store, i)->name);

  return g_strv_builder_end (builder);
}

/**
 * stance_graph_get_n_actors:
 * @self: a graph
 *
 * Counts the graph's actors.
 *
 * Returns: the number of actors
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_actors (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_ACTOR);
}

/**
 * stance_graph_get_n_claims:
 * @self: a graph
 *
 * Counts the graph's claims.
 *
 * Returns: the number of claims
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_claims (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_CLAIM);
}

/**
 * stance_graph_get_n_statements:
 * @self: a graph
 *
 * Counts the graph's statements.
 *
 * Returns: the number of statements
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_statements (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_STATEMENT);
}

/**
 * stance_graph_get_n_stances:
 * @self: a graph
 *
 * Counts the stances of all the graph's statements.
 *
 * Returns: the number of stances
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_stances (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return self->store->stances->len - self->store->n_removed_stances;
}

static GListModel *
get_list (StanceGraph *self,
          StanceSort   sort)
{
  if (self->lists[sort] != NULL)
    return g_object_ref (self->lists[sort]);

  self->lists[sort] = _stance_node_list_new (self, sort);
  g_object_add_weak_pointer (G_OBJECT (self->lists[sort]), (gpointer *) &self->lists[sort]);

  return self->lists[sort];
}

/**
 * stance_graph_get_actors:
 * @self: a graph
 *
 * Gets the graph's actors as a list model, in the order they were added.
 * The model is live: it emits [signal@Gio.ListModel::items-changed] as
 * actors are added and removed.
 *
 * Returns: (transfer full): a list model of [class@Stance.Actor]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_actors (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_ACTOR);
}

/**
 * stance_graph_get_claims:
 * @self: a graph
 *
 * Gets the graph's claims as a live list model, in the order they were
 * added.
 *
 * Returns: (transfer full): a list model of [class@Stance.Claim]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_claims (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_CLAIM);
}

/**
 * stance_graph_get_statements:
 * @self: a graph
 *
 * Gets the graph's statements as a live list model, in the order they were
 * added (graph order, which breaks ties between acts).
 *
 * Returns: (transfer full): a list model of [class@Stance.Statement]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_statements (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_STATEMENT);
}

static StanceActIndex *
current_acts (StanceGraph *self)
{
  if (self->acts == NULL || self->acts->serial != self->store->serial)
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

  if (self->found == NULL || self->found_serial != self->store->serial)
    {
      g_clear_pointer (&self->found, g_array_unref);
      self->found = _stance_find_contradictions (self->store, current_acts (self));
      self->found_serial = self->store->serial;
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

/* Documents (stance-graph-io.c).  Reading builds a separate store, so an
 * invalid document never touches the graph; a valid one is adopted here:
 * swapped in whole when the graph is empty, else merged, then announced. */

gboolean
_stance_graph_adopt (StanceGraph  *self,
                     StanceStore  *loaded,
                     GError      **error)
{
  guint before[4] = { 0, self->store->actors->len, self->store->claims->len, self->store->statements->len };
  guint first_stance = self->store->stances->len;

  if (_stance_store_is_empty (self->store))
    /* Nothing to keep and no view can exist: take the store as it is. */
    _stance_store_swap (self->store, loaded);
  else if (!_stance_store_merge (self->store, loaded, error))
    return FALSE;

  announce_nodes (self, STANCE_SORT_ACTOR, before[STANCE_SORT_ACTOR], self->store->actors->len - before[STANCE_SORT_ACTOR]);
  announce_nodes (self, STANCE_SORT_CLAIM, before[STANCE_SORT_CLAIM], self->store->claims->len - before[STANCE_SORT_CLAIM]);
  announce_nodes (self, STANCE_SORT_STATEMENT, before[STANCE_SORT_STATEMENT], self->store->statements->len - before[STANCE_SORT_STATEMENT]);
  announce_stances (self, first_stance, self->store->stances->len - first_stance);
  deliver_pending (self);

  return TRUE;
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
  if (self->found != NULL && self->found_serial == self->store->serial)
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

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} StreamSink;

static gboolean
write_to_stream (const char  *data,
                 gsize        length,
                 gpointer     user_data,
                 GError     **error)
{
  StreamSink *sink = user_data;

  return g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, error);
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
  StreamSink sink = { stream, cancellable };

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail ((guint) format <= STANCE_CONTRADICTION_FORMAT_TEXT, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _stance_graph_write_contradictions (self, filter, format, write_to_stream, &sink, NULL, error);
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
  for (guint32 at = STANCE_STORE_STATEMENT (self->store, STANCE_NODE_INDEX (statement))->reports;
       at != STANCE_NONE;
       at = STANCE_STORE_STATEMENT (self->store, at - 1)->reports)
    {
      g_autoptr(StanceNode) node = _stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_STATEMENT, at - 1));

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

/**
 * stance_graph_remove_node:
 * @self: a graph
 * @node: an actor, claim or statement of the graph
 * @with_referrers: whether to remove what refers to @node too
 * @error: return location for an error
 *
 * Removes a node.  A statement goes with its own stances.  What refers to
 * a node — a stance on it, a statement it spoke, a stance attributed to
 * it, a `reports`, `part_of` or `member_of` link to it — keeps it: unless
 * @with_referrers is %TRUE, the removal is refused with
 * %STANCE_ERROR_IN_USE and an error that names the first referrer.  With
 * @with_referrers, referring stances and the statements the node spoke are
 * removed too (and, in turn, what refers to those), and links to it are
 * cleared, the nodes that had them staying.
 *
 * The removal is planned whole before anything changes: it is made whole
 * or not at all.  Every model updates: the node lists, the live
 * contradictions and the models of the questions, with
 * [signal@Stance.Graph::stance-removed] for each stance and
 * [signal@Stance.Graph::node-removed] for each node.  Views of removed
 * nodes stay valid and read as before, but refuse edits and cannot be
 * used as arguments.  The id is free again: to undo, add the node back
 * (it then comes last in graph order) with its stances and links.
 *
 * Ids do not change: an id is what documents, other graphs and undo logs
 * refer to a node by.  To rename, remove the node and add it back.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_IN_USE or
 *   %STANCE_ERROR_WRONG_NODE (another graph's node, or removed already), in
 *   which case nothing changed
 *
 * Since: 1.2
 */
gboolean
stance_graph_remove_node (StanceGraph  *self,
                          StanceNode   *node,
                          gboolean      with_referrers,
                          GError      **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (STANCE_IS_NODE (node), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_graph_owns_node (self, node, "node", error))
    return FALSE;

  return _stance_edit_remove_node (self, _stance_node_get_ref (node), with_referrers, error);
}
