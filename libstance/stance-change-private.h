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
} StanceChangeKind;

typedef struct
{
  StanceChangeKind  kind;
  StanceSort        sort;      /* NODES_ADDED */
  guint32           first;
  guint32           n;
  StanceEdge       *edge;      /* STANCE_REMOVED */
  GArray           *targets;   /* TARGETS_CHANGED: StanceRef, owned */
  guint64           serial;    /* set by the graph: the order of changes */
} StanceChange;

/* The one entry point: queues a copy of @change (taking its @edge and
 * @targets) and, unless a delivery is under way, delivers the queue. */
void _stance_graph_changed (StanceGraph        *self,
                            const StanceChange *change);

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
