/* stance-graph-private.h: what the node and edge views need from their graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-acts-private.h"
#include "stance-change-private.h"
#include "stance-contradiction-list-private.h"
#include "stance-graph.h"
#include "stance-index-private.h"
#include "stance-json-writer-private.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

StanceStore *_stance_graph_get_store      (StanceGraph  *self);
/* The one live object for a node or stance, made when first asked for. */
StanceNode  *_stance_graph_ref_node       (StanceGraph  *self,
                                           StanceRef     ref);
StanceEdge  *_stance_graph_ref_edge       (StanceGraph  *self,
                                           guint32       stance);
/* Called by a view as it is finalized, so that the cache forgets it. */
void         _stance_graph_forget_object  (StanceGraph  *self,
                                           guint32       key);
/* Announces a stance added through a statement view. */
void         _stance_graph_stance_added   (StanceGraph  *self,
                                           guint32       stance);
/* Announces a stance taken back, and a statement whose time changed. */
void         _stance_graph_stance_removed (StanceGraph  *self,
                                           StanceEdge   *edge);
void         _stance_graph_statement_moved (StanceGraph *self,
                                            guint32      statement);
/* The index of inverse links (stance-index.c), made when first asked for. */
struct _StanceIndex *
             _stance_graph_get_index      (StanceGraph  *self);
/* Announces a change of a node's links (reports, part_of, member_of):
 * call relinking before the record changes and relinked after. */
void         _stance_graph_node_relinking (StanceGraph  *self,
                                           StanceRef     node);
void         _stance_graph_node_relinked  (StanceGraph  *self,
                                           StanceRef     node);
/* Announces a node just removed from the store (its record is kept). */
void         _stance_graph_node_removed   (StanceGraph  *self,
                                           StanceRef     node);
/* Announces a change of a stance's kind, target or holder: changing
 * before the record changes, changed after. */
void         _stance_graph_stance_changing (StanceGraph *self,
                                            guint32      stance);
void         _stance_graph_stance_changed  (StanceGraph *self,
                                            guint32      stance,
                                            StanceRef    old_target);
/* Checks that @node is a node of @self, for the error of a bad argument. */
gboolean     _stance_graph_owns_node      (StanceGraph  *self,
                                           gpointer      node,
                                           const char   *what,
                                           GError      **error);

/* For the stance tool: the records @filter keeps, written to @flush as
 * they are found, and counted by kind without making anything. */
gboolean     _stance_graph_write_contradictions (StanceGraph               *self,
                                                 StanceContradictionFilter *filter,
                                                 StanceContradictionFormat  format,
                                                 StanceJsonFlushFunc        flush,
                                                 gpointer                   flush_data,
                                                 guint64                   *n_written,
                                                 GError                   **error);
void         _stance_graph_count_contradictions (StanceGraph               *self,
                                                 StanceContradictionFilter *filter,
                                                 guint64                    counts[4]);

/* Takes a store read from a document, snapshot or JSON Lines (the entry
 * points are in stance-graph-io.c): whole or not at all, announced. */
gboolean     _stance_graph_adopt          (StanceGraph  *self,
                                           StanceStore  *loaded,
                                           GError      **error);

/* The graph's own state, shared by the files that make up StanceGraph and by
 * no other: stance-graph.c (the object, its views and edits),
 * stance-graph-changes.c (the change queue), stance-graph-questions.c (the
 * contradictions and the questions) and stance-graph-io.c (loading and
 * saving).  Everything else goes through the functions above. */

/* A live model that takes the graph's changes (stance-graph-changes.c). */
typedef struct
{
  GObject            *model;   /* weak */
  StanceObserverFunc  func;
  guint64             synced;  /* the last change it has seen */
} StanceGraphObserver;

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
  GArray         *observers;   /* StanceGraphObserver */
  GQueue          pending;     /* StanceChange */
  guint64         last_serial;
  gboolean        delivering;
  guint           editing;     /* _stance_graph_begin_edit() depth */
  /* The inverse links (stance-index.c), made when first asked for, and
   * kept current at every edit, as the store is. */
  StanceIndex    *index;
};

enum {
  STANCE_GRAPH_SIGNAL_NODE_ADDED,
  STANCE_GRAPH_SIGNAL_STANCE_ADDED,
  STANCE_GRAPH_SIGNAL_STANCE_REMOVED,
  STANCE_GRAPH_SIGNAL_CONTRADICTION_ADDED,
  STANCE_GRAPH_SIGNAL_CONTRADICTION_REMOVED,
  STANCE_GRAPH_SIGNAL_NODE_REMOVED,
  STANCE_GRAPH_SIGNAL_STANCE_CHANGED,
  STANCE_GRAPH_N_SIGNALS
};

/* Set by the class (stance-graph.c), emitted by the change queue. */
extern guint _stance_graph_signals[STANCE_GRAPH_N_SIGNALS];

/* The change queue's own steps (stance-graph-changes.c), for the edits:
 * queue the nodes or stances just appended (keeping the index current),
 * then deliver once the edit is whole. */
void         _stance_graph_announce_nodes    (StanceGraph  *self,
                                              StanceSort    sort,
                                              guint         first,
                                              guint         n);
void         _stance_graph_announce_stances  (StanceGraph  *self,
                                              guint32       first,
                                              guint32       n);
void         _stance_graph_deliver_pending   (StanceGraph  *self);

G_END_DECLS
