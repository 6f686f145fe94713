/* stance-index-list.c: one key's list of the index as a live GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-actor.h"
#include "stance-change-private.h"
#include "stance-claim.h"
#include "stance-edge.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-statement.h"

/* The index's list for one (map, key), such as the stances on one claim,
 * as the model has announced it: it makes each view in get_item.  The
 * index changes at every edit; what changed in this key's list reaches the
 * model as a change of the graph (STANCE_CHANGE_INDEX_CHANGED), in order
 * with all others (stance-change-private.h), and only then does the model
 * change its copy and announce it.  So, as a node list, it never shows an
 * item before the items-changed that brings it, nor changes under a
 * handler that is running, and a GTK view bound to it sees exactly the
 * rows that changed.  The copy costs a word per item, and only for models
 * that are alive. */
struct _StanceIndexList
{
  GObject         parent_instance;

  StanceGraph    *graph;
  StanceIndexMap  map;
  guint32         key;
  GArray         *items;  /* guint32: stance or record indices */
};

#define STANCE_TYPE_INDEX_LIST (stance_index_list_get_type ())
G_DECLARE_FINAL_TYPE (StanceIndexList, stance_index_list, STANCE, INDEX_LIST, GObject)

static GType
stance_index_list_get_item_type (GListModel *model)
{
  switch (STANCE_INDEX_LIST (model)->map)
    {
    case STANCE_INDEX_ON:
    case STANCE_INDEX_ATTRIBUTED:
      return STANCE_TYPE_EDGE;
    case STANCE_INDEX_SAID:
    case STANCE_INDEX_REPORTERS:
      return STANCE_TYPE_STATEMENT;
    case STANCE_INDEX_MEMBERS:
      return STANCE_TYPE_ACTOR;
    case STANCE_INDEX_PARTS:
      return STANCE_TYPE_CLAIM;
    default:
      g_assert_not_reached ();
    }
}

static guint
stance_index_list_get_n_items (GListModel *model)
{
  return STANCE_INDEX_LIST (model)->items->len;
}

static gpointer
stance_index_list_get_item (GListModel *model,
                            guint       position)
{
  StanceIndexList *self = STANCE_INDEX_LIST (model);
  guint32 value;

  if (position >= self->items->len)
    return NULL;

  value = g_array_index (self->items, guint32, position);

  switch (self->map)
    {
    case STANCE_INDEX_ON:
    case STANCE_INDEX_ATTRIBUTED:
      return _stance_graph_ref_edge (self->graph, value);
    case STANCE_INDEX_SAID:
    case STANCE_INDEX_REPORTERS:
      return _stance_graph_ref_node (self->graph, stance_ref_make (STANCE_SORT_STATEMENT, value));
    case STANCE_INDEX_MEMBERS:
      return _stance_graph_ref_node (self->graph, stance_ref_make (STANCE_SORT_ACTOR, value));
    case STANCE_INDEX_PARTS:
      return _stance_graph_ref_node (self->graph, stance_ref_make (STANCE_SORT_CLAIM, value));
    default:
      g_assert_not_reached ();
    }
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stance_index_list_get_item_type;
  iface->get_n_items = stance_index_list_get_n_items;
  iface->get_item = stance_index_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StanceIndexList, stance_index_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
stance_index_list_finalize (GObject *object)
{
  StanceIndexList *self = STANCE_INDEX_LIST (object);

  _stance_index_remove_list (_stance_graph_get_index (self->graph), self);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (stance_index_list_parent_class)->finalize (object);
}

static void
stance_index_list_class_init (StanceIndexListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_index_list_finalize;
}

static void
stance_index_list_init (StanceIndexList *self)
{
}

static void
index_list_changed (gpointer            model,
                    const StanceChange *change)
{
  StanceIndexList *self = model;
  guint added;

  if (change->kind != STANCE_CHANGE_INDEX_CHANGED ||
      change->map != (guint) self->map || change->key != self->key)
    return;

  /* Changes come in order, each computed against the list as the one
   * before left it: the model's copy is that list. */
  g_return_if_fail (change->position + change->n <= self->items->len);
  added = change->values != NULL ? change->values->len : 0;
  g_array_remove_range (self->items, change->position, change->n);
  if (added > 0)
    g_array_insert_vals (self->items, change->position, change->values->data, added);
  g_list_model_items_changed (G_LIST_MODEL (self), change->position, change->n, added);
}

GListModel *
_stance_index_list_new (StanceGraph    *graph,
                        StanceIndexMap  map,
                        guint32         key)
{
  StanceIndexList *self = g_object_new (STANCE_TYPE_INDEX_LIST, NULL);
  StanceIndex *index = _stance_graph_get_index (graph);
  GArray *list = _stance_index_lookup (index, map, key);

  self->graph = g_object_ref (graph);
  self->map = map;
  self->key = key;
  /* Built from the index as it is, which includes every change still in
   * the graph's queue: those are not for it. */
  self->items = list != NULL ? g_array_copy (list) : g_array_new (FALSE, FALSE, sizeof (guint32));
  _stance_index_add_list (index, self);
  _stance_graph_add_observer (graph, self, index_list_changed);

  return G_LIST_MODEL (self);
}

StanceIndexMap
_stance_index_list_get_map (StanceIndexList *list)
{
  return list->map;
}

guint32
_stance_index_list_get_key (StanceIndexList *list)
{
  return list->key;
}
