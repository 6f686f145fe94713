/* stance-live-contradictions.c: the contradictions of a graph, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every contradiction of SPEC §3 is about one target: its acts, its holding
 * spans and its attributions are all the target's.  So when a stance is
 * added or removed, or a statement's time changes, only the contradictions
 * on the targets it touches can change.  The model keeps each target's
 * stances, finds that target's contradictions again (stance-finder.c over
 * an act index of that target alone), and merges the result into its
 * sorted list: what went away is removed, what appeared is inserted, what
 * stayed keeps its object.  A change costs the work of one target, not of
 * the graph.
 */

#include "config.h"

#include "stance-contradiction-private.h"
#include "stance-finder-private.h"
#include "stance-graph-private.h"
#include "stance-live-contradictions-private.h"

struct _StanceLiveContradictions
{
  GObject      parent_instance;

  StanceGraph *graph;
  GHashTable  *by_target;  /* StanceRef -> GArray of guint32 stance indices */
  GArray      *findings;   /* StanceFinding, in SPEC §4 order */
  GPtrArray   *items;      /* StanceContradiction or NULL, parallel to findings */
};

static void
unref_if_made (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GType
stance_live_contradictions_get_item_type (GListModel *model)
{
  return STANCE_TYPE_CONTRADICTION;
}

static guint
stance_live_contradictions_get_n_items (GListModel *model)
{
  return STANCE_LIVE_CONTRADICTIONS (model)->findings->len;
}

static StanceContradiction *
item_at (StanceLiveContradictions *self,
         guint                     position)
{
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] =
      _stance_contradiction_new (self->graph, &g_array_index (self->findings, StanceFinding, position));

  return self->items->pdata[position];
}

static gpointer
stance_live_contradictions_get_item (GListModel *model,
                                     guint       position)
{
  StanceLiveContradictions *self = STANCE_LIVE_CONTRADICTIONS (model);

  if (position >= self->findings->len)
    return NULL;

  return g_object_ref (item_at (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stance_live_contradictions_get_item_type;
  iface->get_n_items = stance_live_contradictions_get_n_items;
  iface->get_item = stance_live_contradictions_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StanceLiveContradictions, stance_live_contradictions, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
stance_live_contradictions_finalize (GObject *object)
{
  StanceLiveContradictions *self = STANCE_LIVE_CONTRADICTIONS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_array_unref);
  g_clear_pointer (&self->by_target, g_hash_table_unref);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_live_contradictions_parent_class)->finalize (object);
}

static void
stance_live_contradictions_class_init (StanceLiveContradictionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_live_contradictions_finalize;
}

static void
stance_live_contradictions_init (StanceLiveContradictions *self)
{
}

static void
track_stances (StanceLiveContradictions *self,
               guint32                   first,
               guint32                   n)
{
  StanceStore *store = _stance_graph_get_store (self->graph);

  for (guint32 i = first; i < first + n; i++)
    {
      StanceRef target = STANCE_STORE_STANCE (store, i)->target;
      GArray *stances = g_hash_table_lookup (self->by_target, GUINT_TO_POINTER (target));

      if (stances == NULL)
        {
          stances = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (self->by_target, GUINT_TO_POINTER (target), stances);
        }
      g_array_append_val (stances, i);
    }
}

GListModel *
_stance_live_contradictions_new (StanceGraph *graph)
{
  StanceLiveContradictions *self = g_object_new (STANCE_TYPE_LIVE_CONTRADICTIONS, NULL);
  StanceStore *store = _stance_graph_get_store (graph);
  g_autoptr(GListModel) snapshot = NULL;

  self->graph = g_object_ref (graph);
  self->by_target = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  track_stances (self, 0, store->stances->len);

  {
    StanceActIndex *index = _stance_act_index_new (store);

    self->findings = _stance_find_contradictions (store, index);
    _stance_act_index_free (index);
  }
  self->items = g_ptr_array_new_full (self->findings->len, unref_if_made);
  g_ptr_array_set_size (self->items, self->findings->len);

  return G_LIST_MODEL (self);
}

void
_stance_live_contradictions_stances_added (StanceLiveContradictions *self,
                                           guint32                   first,
                                           guint32                   n)
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer target;

  track_stances (self, first, n);

  for (guint32 i = first; i < first + n; i++)
    g_hash_table_add (targets, GUINT_TO_POINTER (STANCE_STORE_STANCE (store, i)->target));

  g_hash_table_iter_init (&iter, targets);
  while (g_hash_table_iter_next (&iter, &target, NULL))
    _stance_live_contradictions_target_changed (self, GPOINTER_TO_UINT (target));
}

/* Where @finding is, or would be inserted, in the sorted list. */
static guint
lower_bound (StanceLiveContradictions *self,
             const StanceFinding      *finding)
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  guint lo = 0, hi = self->findings->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_stance_finding_cmp (&g_array_index (self->findings, StanceFinding, mid), finding, store) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
remove_at (StanceLiveContradictions *self,
           guint                     position)
{
  g_autoptr(StanceContradiction) gone = g_object_ref (item_at (self, position));

  g_array_remove_index (self->findings, position);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit_by_name (self->graph, "contradiction-removed", gone);
}

static void
insert (StanceLiveContradictions *self,
        const StanceFinding      *finding)
{
  guint position = lower_bound (self, finding);

  g_array_insert_val (self->findings, position, *finding);
  g_ptr_array_insert (self->items, position, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit_by_name (self->graph, "contradiction-added", item_at (self, position));
}

void
_stance_live_contradictions_target_changed (StanceLiveContradictions *self,
                                            StanceRef                 target)
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  GArray *stances = g_hash_table_lookup (self->by_target, GUINT_TO_POINTER (target));
  g_autoptr(GArray) found = NULL;
  g_autofree gboolean *present = NULL;
  StanceActIndex *index;

  /* Removed stances stay in the target's list until it is found again;
   * the act index skips them.  Prune them now that it is. */
  if (stances != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < stances->len; i++)
        {
          guint32 stance = g_array_index (stances, guint32, i);

          if ((STANCE_STORE_STANCE (store, stance)->flags & STANCE_STANCE_REMOVED) == 0)
            g_array_index (stances, guint32, kept++) = stance;
        }
      g_array_set_size (stances, kept);
    }

  index = _stance_act_index_new_for (store, stances != NULL ? (const guint32 *) stances->data : NULL,
                                     stances != NULL ? stances->len : 0);
  found = _stance_find_contradictions (store, index);
  _stance_act_index_free (index);

  /* The old contradictions on the target are scattered over the four
   * kinds' sections of the list.  Those found again stay, with their
   * objects; the rest go; the new ones are inserted in order. */
  present = g_new0 (gboolean, found->len);
  for (guint i = 0; i < self->findings->len; )
    {
      const StanceFinding *old = &g_array_index (self->findings, StanceFinding, i);
      guint lo = 0, hi = found->len;

      if (old->target != target)
        {
          i++;
          continue;
        }

      /* @found is in the same order as the list: binary search. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (_stance_finding_cmp (&g_array_index (found, StanceFinding, mid), old, store) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }

      if (lo < found->len && _stance_finding_cmp (&g_array_index (found, StanceFinding, lo), old, store) == 0)
        {
          present[lo] = TRUE;
          i++;
        }
      else
        remove_at (self, i);
    }

  for (guint k = 0; k < found->len; k++)
    {
      if (!present[k])
        insert (self, &g_array_index (found, StanceFinding, k));
    }
}
