/* stance-contradiction-list.c: contradictions as a GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-contradiction-list-private.h"
#include "stance-contradiction-private.h"
#include "stance-graph-private.h"

/* A result can hold hundreds of thousands of contradictions and a view shows
 * a screenful, so the list keeps compact findings and makes each
 * StanceContradiction the first time it is asked for, then keeps it, so that
 * asking twice gives the same object.  The same list serves the snapshot of
 * find_contradictions() and, with a tracker, the live model. */
struct _StanceContradictionList
{
  GObject         parent_instance;

  StanceGraph    *graph;
  GArray         *findings;  /* StanceFinding */
  GPtrArray      *items;     /* StanceContradiction or NULL, parallel to findings */
  gpointer        tracker;
  GDestroyNotify  free_tracker;
};

static void
unref_if_made (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static StanceContradiction *
item_at (StanceContradictionList *self,
         guint                    position)
{
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] =
      _stance_contradiction_new (self->graph, &g_array_index (self->findings, StanceFinding, position));

  return self->items->pdata[position];
}

static GType
stance_contradiction_list_get_item_type (GListModel *model)
{
  return STANCE_TYPE_CONTRADICTION;
}

static guint
stance_contradiction_list_get_n_items (GListModel *model)
{
  return STANCE_CONTRADICTION_LIST (model)->findings->len;
}

static gpointer
stance_contradiction_list_get_item (GListModel *model,
                                    guint       position)
{
  StanceContradictionList *self = STANCE_CONTRADICTION_LIST (model);

  if (position >= self->findings->len)
    return NULL;

  return g_object_ref (item_at (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stance_contradiction_list_get_item_type;
  iface->get_n_items = stance_contradiction_list_get_n_items;
  iface->get_item = stance_contradiction_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StanceContradictionList, stance_contradiction_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
stance_contradiction_list_finalize (GObject *object)
{
  StanceContradictionList *self = STANCE_CONTRADICTION_LIST (object);

  if (self->free_tracker != NULL)
    self->free_tracker (self->tracker);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_array_unref);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_contradiction_list_parent_class)->finalize (object);
}

static void
stance_contradiction_list_class_init (StanceContradictionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_contradiction_list_finalize;
}

static void
stance_contradiction_list_init (StanceContradictionList *self)
{
}

StanceContradictionList *
_stance_contradiction_list_new (StanceGraph *graph,
                                GArray      *findings)
{
  StanceContradictionList *self = g_object_new (STANCE_TYPE_CONTRADICTION_LIST, NULL);

  self->graph = g_object_ref (graph);
  self->findings = findings;
  self->items = g_ptr_array_new_full (findings->len, unref_if_made);
  g_ptr_array_set_size (self->items, findings->len);

  return self;
}

StanceGraph *
_stance_contradiction_list_get_graph (StanceContradictionList *self)
{
  return self->graph;
}

const GArray *
_stance_contradiction_list_get_findings (StanceContradictionList *self)
{
  return self->findings;
}

StanceContradiction *
_stance_contradiction_list_insert (StanceContradictionList *self,
                                   const StanceFinding     *finding)
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  StanceContradiction *inserted;
  guint lo = 0, hi = self->findings->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_stance_finding_cmp (&g_array_index (self->findings, StanceFinding, mid), finding, store) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_array_insert_val (self->findings, lo, *finding);
  g_ptr_array_insert (self->items, lo, NULL);
  /* Made and held before the signal, whose handlers may drop the list. */
  inserted = g_object_ref (item_at (self, lo));
  g_list_model_items_changed (G_LIST_MODEL (self), lo, 0, 1);

  return inserted;
}

StanceContradiction *
_stance_contradiction_list_remove (StanceContradictionList *self,
                                   guint                    position)
{
  StanceContradiction *gone = g_object_ref (item_at (self, position));

  g_array_remove_index (self->findings, position);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return gone;
}

void
_stance_contradiction_list_set_tracker (StanceContradictionList *self,
                                        gpointer                 tracker,
                                        GDestroyNotify           free_tracker)
{
  self->tracker = tracker;
  self->free_tracker = free_tracker;
}

gpointer
_stance_contradiction_list_get_tracker (StanceContradictionList *self)
{
  return self->tracker;
}
