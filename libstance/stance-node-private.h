/* stance-node-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-node.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* The node's structures are private, so that nobody outside the library
 * derives a node: a node is a view that only its graph makes.
 * StanceActor, StanceClaim and StanceStatement derive from it. */
struct _StanceNode
{
  GObject parent_instance;
};

struct _StanceNodeClass
{
  GObjectClass parent_class;
};

/* A node object is a view: its graph and its reference into the graph's
 * store.  It holds a reference on the graph, so that a node handed out keeps
 * its graph alive; the graph holds none on its views (see stance-graph.c). */
void         _stance_node_bind      (StanceNode  *self,
                                     StanceGraph *graph,
                                     StanceRef    ref);
StanceRef    _stance_node_get_ref   (StanceNode  *self);
guint32      _stance_node_get_index (StanceNode  *self);
StanceStore *_stance_node_get_store (StanceNode  *self);

/* For the subclasses: the record behind the view. */
#define STANCE_NODE_STORE(self) (_stance_node_get_store (STANCE_NODE (self)))
#define STANCE_NODE_INDEX(self) (_stance_node_get_index (STANCE_NODE (self)))

G_END_DECLS
