/* stance-node-list.c: a graph's actors, claims or statements as a live GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-actor.h"
#include "stance-claim.h"
#include "stance-graph-private.h"
#include "stance-node-list-private.h"
#include "stance-statement.h"

/* The list is a window onto one of the store's arrays, in graph order,
 * skipping removed records; it owns no items.  Nodes are appended, so the
 * graph announces an addition as items-changed at the end, and a removal
 * at the node's position (see stance-graph.c). */
struct _StanceNodeList
{
  GObject      parent_instance;

  StanceGraph *graph;
  StanceSort   sort;
};

static GType
stance_node_list_get_item_type (GListModel *model)
{
  switch (STANCE_NODE_LIST (model)->sort)
    {
    case STANCE_SORT_ACTOR: return STANCE_TYPE_ACTOR;
    case STANCE_SORT_CLAIM: return STANCE_TYPE_CLAIM;
    case STANCE_SORT_STATEMENT: return STANCE_TYPE_STATEMENT;
    default: g_assert_not_reached ();
    }
}

static guint
stance_node_list_get_n_items (GListModel *model)
{
  StanceNodeList *self = STANCE_NODE_LIST (model);

  return _stance_store_n_nodes (_stance_graph_get_store (self->graph), self->sort);
}

static gpointer
stance_node_list_get_item (GListModel *model,
                           guint       position)
{
  StanceNodeList *self = STANCE_NODE_LIST (model);

  StanceStore *store = _stance_graph_get_store (self->graph);

  if (position >= _stance_store_n_nodes (store, self->sort))
    return NULL;

  /* Removed nodes keep their records: positions skip them. */
  return _stance_graph_ref_node (self->graph,
                                 stance_ref_make (self->sort, _stance_store_index_at (store, self->sort, position)));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stance_node_list_get_item_type;
  iface->get_n_items = stance_node_list_get_n_items;
  iface->get_item = stance_node_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StanceNodeList, stance_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
stance_node_list_finalize (GObject *object)
{
  StanceNodeList *self = STANCE_NODE_LIST (object);

  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_node_list_parent_class)->finalize (object);
}

static void
stance_node_list_class_init (StanceNodeListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_node_list_finalize;
}

static void
stance_node_list_init (StanceNodeList *self)
{
}

GListModel *
_stance_node_list_new (StanceGraph *graph,
                       StanceSort   sort)
{
  StanceNodeList *self = g_object_new (STANCE_TYPE_NODE_LIST, NULL);

  self->graph = g_object_ref (graph);
  self->sort = sort;

  return G_LIST_MODEL (self);
}
