/* stance-change-private.h: every change of a graph, announced one way
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See doc/threading.md, "Re-entrancy".  In short: an edit changes the store
 * at once and then hands a StanceChange to _stance_graph_changed(), the one
 * entry point of all change notifications.  The graph queues it; the
 * outermost call delivers the queue in order, each change first to every
 * live model (observers, which update themselves and emit items-changed
 * and the like) and then as the graph's own signals.  A handler that edits
 * the graph only adds to the queue, so no model is ever changed while it is
 * emitting, and when the outermost edit returns the queue is empty and
 * every live model equals a fresh query.
 */

#pragma once

#include "stance-graph.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

typedef enum
{
  /* @sort's records [first, first + n) were appended. */
  STANCE_CHANGE_NODES_ADDED,
  /* Stances [first, first + n) were appended. */
  STANCE_CHANGE_STANCES_ADDED,
  /* Stance @first was taken back; @edge is its view (owned). */
  STANCE_CHANGE_STANCE_REMOVED,
  /* The acts on the targets in @targets may be ordered differently (a
   * statement's time changed): their contradictions may have changed. */
  STANCE_CHANGE_TARGETS_CHANGED,
  /* @sort's record @first was removed (stance_graph_remove_node()); it was
   * at @position in graph order among the nodes of its sort just before. */
  STANCE_CHANGE_NODE_REMOVED,
  /* Stance @first changed its kind, target or holder; @targets holds its
   * target before and, if different, after (owned). */
  STANCE_CHANGE_STANCE_CHANGED,
  /* The index's list of (@map, @key) (stance-index-private.h) lost @n
   * elements at @position and gained @values (guint32, owned, or NULL for
   * none) there: what a live index list announces as items-changed. */
  STANCE_CHANGE_INDEX_CHANGED,
} StanceChangeKind;

typedef struct
{
  StanceChangeKind  kind;
  StanceSort        sort;      /* NODES_ADDED, NODE_REMOVED */
  guint32           first;
  guint32           n;
  guint32           position;  /* NODE_REMOVED, INDEX_CHANGED */
  guint             map;       /* INDEX_CHANGED: a StanceIndexMap */
  guint32           key;       /* INDEX_CHANGED */
  GArray           *values;    /* INDEX_CHANGED: guint32, owned */
  StanceEdge       *edge;      /* STANCE_REMOVED */
  GArray           *targets;   /* TARGETS_CHANGED, STANCE_CHANGED: StanceRef, owned */
  guint64           serial;    /* set by the graph: the order of changes */
} StanceChange;

/* The one entry point: queues a copy of @change (taking its @edge,
 * @targets and @values) and, unless a delivery is under way or an edit
 * holds it back (_stance_graph_begin_edit()), delivers the queue. */
void _stance_graph_changed (StanceGraph        *self,
                            const StanceChange *change);

/* Only queues @change: for derived data kept current at the edit (the
 * index), whose edit delivers when it is done. */
void _stance_graph_queue_change (StanceGraph        *self,
                                 const StanceChange *change);

/* An edit of many changes (removing a node with what refers to it) holds
 * delivery back until it is done, so that no handler runs between its
 * changes: begin, queue, then end, which delivers.  They nest. */
void _stance_graph_begin_edit (StanceGraph *self);
void _stance_graph_end_edit   (StanceGraph *self);

/* Whether a live model is registered: derived data queues its changes
 * only then. */
gboolean _stance_graph_has_observers (StanceGraph *self);

/* A live model's part: called for each change made after it was made, in
 * order, never while another change is being delivered to it.  The model
 * is kept alive (a reference) during the call. */
typedef void (*StanceObserverFunc) (gpointer            model,
                                    const StanceChange *change);

/* Registers @model (a GObject: weak, forgotten when it is finalized).  A
 * model built from the store as it is now sees only changes made later. */
void _stance_graph_add_observer (StanceGraph        *self,
                                 gpointer            model,
                                 StanceObserverFunc  func);

/* The graph's contradiction signals, for the live model. */
void _stance_graph_emit_contradiction_added   (StanceGraph         *self,
                                               StanceContradiction *contradiction);
void _stance_graph_emit_contradiction_removed (StanceGraph         *self,
                                               StanceContradiction *contradiction);

G_END_DECLS
