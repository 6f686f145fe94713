/* stance-node-list.c: a graph's actors, claims or statements as a live GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-actor.h"
#include "stance-change-private.h"
#include "stance-claim.h"
#include "stance-graph-private.h"
#include "stance-node-list-private.h"
#include "stance-statement.h"

/* The list is a window onto one of the store's arrays, in graph order,
 * skipping removed records; it owns no items.  Nodes are appended, so an
 * addition is an items-changed at the end, and a removal one at the node's
 * position.  The list shows the records it has announced, not the store's:
 * while the graph delivers its changes (stance-change-private.h), the array
 * may already hold nodes whose change has not reached the list, and the
 * store may have removed nodes the list still shows; a view must never see
 * an item before the items-changed that brings it, nor lose one before the
 * items-changed that takes it.  So the list keeps its own count (@n_items)
 * and its own copy of the removed records it has announced (@removed), and
 * maps a position to a record by those. */
struct _StanceNodeList
{
  GObject      parent_instance;

  StanceGraph *graph;
  StanceSort   sort;
  guint        n_items;
  GArray      *removed;  /* guint32 record indices, sorted */
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
  return STANCE_NODE_LIST (model)->n_items;
}

static gpointer
stance_node_list_get_item (GListModel *model,
                           guint       position)
{
  StanceNodeList *self = STANCE_NODE_LIST (model);

  if (position >= self->n_items)
    return NULL;

  return _stance_graph_ref_node (self->graph,
                                 stance_ref_make (self->sort, _stance_removed_index_at (self->removed, position)));
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
  g_clear_pointer (&self->removed, g_array_unref);

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

static void
node_list_changed (gpointer            model,
                   const StanceChange *change)
{
  StanceNodeList *self = model;
  guint position = self->n_items;

  if (change->sort != self->sort)
    return;

  switch (change->kind)
    {
    case STANCE_CHANGE_NODES_ADDED:
      /* Changes come in order, and nodes are appended after every record
       * the list knows, live or removed. */
      g_return_if_fail (change->first == self->n_items + self->removed->len);
      self->n_items += change->n;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, change->n);
      break;

    case STANCE_CHANGE_NODE_REMOVED:
      /* The list's removals are the store's as they were at the edit, so
       * the position the edit computed is the list's too. */
      g_return_if_fail (change->position == change->first - _stance_removed_below (self->removed, change->first));
      g_array_insert_val (self->removed, _stance_removed_below (self->removed, change->first), change->first);
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), change->position, 1, 0);
      break;

    default:
      break;
    }
}

GListModel *
_stance_node_list_new (StanceGraph *graph,
                       StanceSort   sort)
{
  StanceNodeList *self = g_object_new (STANCE_TYPE_NODE_LIST, NULL);

  self->graph = g_object_ref (graph);
  self->sort = sort;
  self->removed = g_array_copy (_stance_graph_get_store (graph)->removed[sort]);
  self->n_items = _stance_store_n_records (_stance_graph_get_store (self->graph), self->sort) - self->removed->len;
  _stance_graph_add_observer (graph, self, node_list_changed);

  return G_LIST_MODEL (self);
}
