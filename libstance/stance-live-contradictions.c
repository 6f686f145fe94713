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
 *
 * The list is an observer of its graph (stance-change-private.h): it takes
 * the graph's changes one at a time, in order, never while it is emitting,
 * and is held alive while it takes one, so that its handlers — and those
 * of the graph's contradiction signals, which it emits — may edit the graph
 * or drop the list.  It finds a target's contradictions from the store as
 * it is then, which may already hold later changes: those changes are still
 * on their way to it, and finding the same answer again changes nothing.
 */

#include "config.h"

#include "stance-change-private.h"
#include "stance-finder-private.h"
#include "stance-graph-private.h"
#include "stance-live-contradictions-private.h"

/* What the live list keeps besides its contradictions: each target's
 * stances, so that a target's contradictions can be found again alone. */
typedef struct
{
  GHashTable *by_target;  /* StanceRef -> GArray of guint32 stance indices */
} Tracker;

static void
tracker_free (gpointer data)
{
  Tracker *tracker = data;

  g_hash_table_unref (tracker->by_target);
  g_free (tracker);
}

static void
track_stances (StanceContradictionList *live,
               guint32                  first,
               guint32                  n)
{
  Tracker *tracker = _stance_contradiction_list_get_tracker (live);
  StanceStore *store = _stance_graph_get_store (_stance_contradiction_list_get_graph (live));

  for (guint32 i = first; i < first + n; i++)
    {
      StanceRef target = _stance_store_stance_target (store, i);
      GArray *stances = g_hash_table_lookup (tracker->by_target, GUINT_TO_POINTER (target));

      if (stances == NULL)
        {
          stances = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (tracker->by_target, GUINT_TO_POINTER (target), stances);
        }
      g_array_append_val (stances, i);
    }
}

/* Tracks @stance on its target as the store has it now, unless it is
 * there already. */
static void
track_moved (StanceContradictionList *live,
             guint32                  stance)
{
  Tracker *tracker = _stance_contradiction_list_get_tracker (live);
  StanceStore *store = _stance_graph_get_store (_stance_contradiction_list_get_graph (live));
  GArray *stances = g_hash_table_lookup (tracker->by_target,
                                         GUINT_TO_POINTER (_stance_store_stance_target (store, stance)));

  for (guint i = 0; stances != NULL && i < stances->len; i++)
    if (g_array_index (stances, guint32, i) == stance)
      return;
  track_stances (live, stance, 1);
}

static void live_changed (gpointer model, const StanceChange *change);

StanceContradictionList *
_stance_live_contradictions_new (StanceGraph *graph)
{
  StanceStore *store = _stance_graph_get_store (graph);
  StanceActIndex *index = _stance_act_index_new (store);
  StanceContradictionList *live = _stance_contradiction_list_new (graph, _stance_find_contradictions (store, index));
  Tracker *tracker = g_new0 (Tracker, 1);

  _stance_act_index_free (index);
  tracker->by_target = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  _stance_contradiction_list_set_tracker (live, tracker, tracker_free);
  track_stances (live, 0, _stance_store_n_stances (store));
  _stance_graph_add_observer (graph, live, live_changed);

  return live;
}

static void target_changed (StanceContradictionList *live, StanceRef target);

static void
stances_added (StanceContradictionList *live,
                                           guint32                  first,
                                           guint32                  n)
{
  StanceStore *store = _stance_graph_get_store (_stance_contradiction_list_get_graph (live));
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer target;

  track_stances (live, first, n);

  for (guint32 i = first; i < first + n; i++)
    g_hash_table_add (targets, GUINT_TO_POINTER (_stance_store_stance_target (store, i)));

  g_hash_table_iter_init (&iter, targets);
  while (g_hash_table_iter_next (&iter, &target, NULL))
    target_changed (live, GPOINTER_TO_UINT (target));
}

static void
target_changed (StanceContradictionList *live,
                StanceRef                target)
{
  Tracker *tracker = _stance_contradiction_list_get_tracker (live);
  StanceGraph *graph = _stance_contradiction_list_get_graph (live);
  StanceStore *store = _stance_graph_get_store (graph);
  GArray *stances = g_hash_table_lookup (tracker->by_target, GUINT_TO_POINTER (target));
  const GArray *findings = _stance_contradiction_list_get_findings (live);
  g_autoptr(GArray) found = NULL;
  g_autofree gboolean *present = NULL;
  StanceActIndex *index;

  /* Removed stances stay in the target's list until it is found again;
   * the act index skips them.  Prune them now that it is (and any stance
   * that is no longer on this target). */
  if (stances != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < stances->len; i++)
        {
          guint32 stance = g_array_index (stances, guint32, i);

          if (!_stance_store_stance_is_removed (store, stance) &&
              _stance_store_stance_target (store, stance) == target)
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
  for (guint i = 0; i < findings->len; )
    {
      const StanceFinding *old = &g_array_index (findings, StanceFinding, i);
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
        {
          g_autoptr(StanceContradiction) gone = _stance_contradiction_list_remove (live, i);

          _stance_graph_emit_contradiction_removed (graph, gone);
        }
    }

  for (guint k = 0; k < found->len; k++)
    {
      if (!present[k])
        {
          g_autoptr(StanceContradiction) added = _stance_contradiction_list_insert (live, &g_array_index (found, StanceFinding, k));

          _stance_graph_emit_contradiction_added (graph, added);
        }
    }
}

static void
live_changed (gpointer            model,
              const StanceChange *change)
{
  StanceContradictionList *live = model;
  StanceStore *store = _stance_graph_get_store (_stance_contradiction_list_get_graph (live));

  switch (change->kind)
    {
    case STANCE_CHANGE_STANCES_ADDED:
      stances_added (live, change->first, change->n);
      break;

    case STANCE_CHANGE_STANCE_REMOVED:
      target_changed (live, _stance_store_stance_target (store, change->first));
      break;

    case STANCE_CHANGE_STANCE_CHANGED:
      /* Its kind, holder or target changed: it is on its target as it is
       * now (a later change may move it on, and will say so), and the old
       * target drops it as it is found again. */
      track_moved (live, change->first);
      for (guint i = 0; i < change->targets->len; i++)
        target_changed (live, g_array_index (change->targets, StanceRef, i));
      break;

    case STANCE_CHANGE_TARGETS_CHANGED:
      for (guint i = 0; i < change->targets->len; i++)
        target_changed (live, g_array_index (change->targets, StanceRef, i));
      break;

    case STANCE_CHANGE_NODES_ADDED:
    default:
      break;
    }
}
