/* stance-index-list.c: one key's list of the index as a live GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-actor.h"
#include "stance-claim.h"
#include "stance-edge.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-statement.h"

/* A window onto the index's list for one (map, key), such as the stances on
 * one claim: it owns no items and makes each view in get_item.  The index
 * tells it of every insertion and removal in its list
 * (_stance_index_list_changed), so it knows its length without asking, and
 * a GTK view bound to it sees exactly the rows that changed. */
struct _StanceIndexList
{
  GObject         parent_instance;

  StanceGraph    *graph;
  StanceIndexMap  map;
  guint32         key;
  guint           n_items;
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
  return STANCE_INDEX_LIST (model)->n_items;
}

static gpointer
stance_index_list_get_item (GListModel *model,
                            guint       position)
{
  StanceIndexList *self = STANCE_INDEX_LIST (model);
  GArray *list;
  guint32 value;

  if (position >= self->n_items)
    return NULL;

  list = _stance_index_lookup (_stance_graph_get_index (self->graph), self->map, self->key);
  g_return_val_if_fail (list != NULL && position < list->len, NULL);
  value = g_array_index (list, guint32, position);

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
  self->n_items = list != NULL ? list->len : 0;
  _stance_index_add_list (index, self);

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

void
_stance_index_list_changed (StanceIndexList *list,
                            guint            position,
                            guint            removed,
                            guint            added)
{
  list->n_items = list->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (list), position, removed, added);
}
