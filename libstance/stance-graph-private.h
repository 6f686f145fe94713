/* stance-graph-private.h: what the node and edge views need from their graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-graph.h"
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

G_END_DECLS
