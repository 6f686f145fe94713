/* stance-index.c: a graph seen from every side, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-change-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"

/* The store links each record to what it refers to: a stance to its target
 * and holder, a statement to its speaker and the statement it reports, an
 * actor to its groups, a claim to its whole.  The questions of issue 10 go
 * the other way ("who holds a stance on this claim?", "what did Putin
 * say?"), so this index keeps, per map and key, the sorted list of the
 * records that refer to the key:
 *
 * - stances (ON, ATTRIBUTED) in graph order: by statement index, then by
 *   stance index (a statement's stances have increasing indices);
 * - statements (SAID) in time order: by period start, period end, then
 *   statement index, which is act order for a speaker's own stances;
 * - statements (REPORTERS), actors (MEMBERS) and claims (PARTS) by index.
 *
 * A question is then a hash lookup and the answer: O(1 + answer), and a
 * position in a list by binary search.  The index is built on the first
 * question (a pipeline that never asks pays nothing), then kept current
 * one record at a time by every edit, at the edit, as the store is: an
 * insertion or removal costs a binary search and a move of the key's
 * list.  What changed in a key's list is queued as a change of the graph
 * (STANCE_CHANGE_INDEX_CHANGED, stance-change-private.h) when a live list
 * model of that key (stance-index-list.c) exists, and reaches the model in
 * order with every other change.  A load of many records rebuilds it
 * instead. */

struct _StanceIndex
{
  StanceGraph *graph;            /* not owned: the graph owns the index */
  gboolean     built;
  GHashTable  *maps[STANCE_INDEX_N_MAPS];  /* key -> GArray of guint32 */
  guint        seen[4];          /* records of each sort covered */
  guint        seen_stances;
  GPtrArray   *lists;            /* live StanceIndexList, not owned */
};

/* Past this many new records a bulk append rebuilds the index. */
#define REBUILD_THRESHOLD 64

static StanceStore *
store_of (StanceIndex *index)
{
  return _stance_graph_get_store (index->graph);
}

static void
array_free (gpointer data)
{
  g_array_unref (data);
}

static void
maps_reset (StanceIndex *index)
{
  for (guint m = 0; m < STANCE_INDEX_N_MAPS; m++)
    {
      g_clear_pointer (&index->maps[m], g_hash_table_unref);
      index->maps[m] = g_hash_table_new_full (NULL, NULL, NULL, array_free);
    }
}

StanceIndex *
_stance_index_new (StanceGraph *graph)
{
  StanceIndex *index = g_new0 (StanceIndex, 1);

  index->graph = graph;
  index->lists = g_ptr_array_new ();

  return index;
}

void
_stance_index_free (StanceIndex *index)
{
  if (index == NULL)
    return;

  for (guint m = 0; m < STANCE_INDEX_N_MAPS; m++)
    g_clear_pointer (&index->maps[m], g_hash_table_unref);
  g_ptr_array_unref (index->lists);
  g_free (index);
}

/* The orders */

static int
stance_graph_cmp (StanceStore *store,
                  guint32      a,
                  guint32      b)
{
  guint32 sa = _stance_store_stance_statement (store, a);
  guint32 sb = _stance_store_stance_statement (store, b);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int
statement_time_cmp (StanceStore *store,
                    guint32      a,
                    guint32      b)
{
  const StanceTime *ta = _stance_store_statement_time (store, a);
  const StanceTime *tb = _stance_store_statement_time (store, b);

  if (ta->start != tb->start)
    return ta->start < tb->start ? -1 : 1;
  if (ta->end != tb->end)
    return ta->end < tb->end ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int
element_cmp (StanceStore    *store,
             StanceIndexMap  map,
             guint32         a,
             guint32         b)
{
  switch (map)
    {
    case STANCE_INDEX_ON:
    case STANCE_INDEX_ATTRIBUTED:
      return stance_graph_cmp (store, a, b);
    case STANCE_INDEX_SAID:
      return statement_time_cmp (store, a, b);
    default:
      return a < b ? -1 : a > b;
    }
}

typedef struct
{
  StanceStore    *store;
  StanceIndexMap  map;
} SortData;

static int
element_sort_cmp (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortData *data = user_data;

  return element_cmp (data->store, data->map, *(const guint32 *) a, *(const guint32 *) b);
}

/* Changing one key's list */

/* Whether a live list model shows the list of (@map, @key). */
static gboolean
watched (StanceIndex    *index,
         StanceIndexMap  map,
         guint32         key)
{
  for (guint i = 0; i < index->lists->len; i++)
    {
      StanceIndexList *list = g_ptr_array_index (index->lists, i);

      if (_stance_index_list_get_map (list) == map && _stance_index_list_get_key (list) == key)
        return TRUE;
    }

  return FALSE;
}

/* Queues the change of one key's list for its live list models: @removed
 * elements at @position replaced by the @n_values @values (copied).  The
 * graph delivers it in order with every other change.  Nothing is made
 * when no live list shows the key. */
static void
notify (StanceIndex    *index,
        StanceIndexMap  map,
        guint32         key,
        guint           position,
        guint           removed,
        const guint32  *values,
        guint           n_values)
{
  StanceChange change = {
    .kind = STANCE_CHANGE_INDEX_CHANGED,
    .map = map,
    .key = key,
    .position = position,
    .n = removed,
  };

  if (!watched (index, map, key))
    return;

  if (n_values > 0)
    {
      change.values = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_values);
      g_array_append_vals (change.values, values, n_values);
    }
  _stance_graph_queue_change (index->graph, &change);
}

static void
insert (StanceIndex    *index,
        StanceIndexMap  map,
        guint32         key,
        guint32         value,
        gboolean        announce)
{
  StanceStore *store = store_of (index);
  GArray *list = g_hash_table_lookup (index->maps[map], GUINT_TO_POINTER (key));
  guint lo = 0, hi;

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (index->maps[map], GUINT_TO_POINTER (key), list);
    }

  if (!announce)
    {
      /* Building: append now, sort once at the end. */
      g_array_append_val (list, value);
      return;
    }

  /* After every element that sorts before or with it. */
  hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (element_cmp (store, map, g_array_index (list, guint32, mid), value) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (list, lo, value);
  notify (index, map, key, lo, 0, &value, 1);
}

static void
erase (StanceIndex    *index,
        StanceIndexMap  map,
        guint32         key,
        guint32         value)
{
  GArray *list = g_hash_table_lookup (index->maps[map], GUINT_TO_POINTER (key));

  if (list == NULL)
    return;

  /* A linear search, not a binary one: a statement's key (its time) may
   * already have changed when it is unlinked.  The move that follows is
   * linear anyway. */
  for (guint i = 0; i < list->len; i++)
    {
      if (g_array_index (list, guint32, i) == value)
        {
          g_array_remove_index (list, i);
          if (list->len == 0)
            g_hash_table_remove (index->maps[map], GUINT_TO_POINTER (key));
          notify (index, map, key, i, 1, NULL, 0);
          return;
        }
    }
}

/* Linking records */

/* Adds @value to, or takes it from, the list of @key. */
static void
put (StanceIndex    *index,
     StanceIndexMap  map,
     guint32         key,
     guint32         value,
     gboolean        add,
     gboolean        announce)
{
  if (add)
    insert (index, map, key, value, announce);
  else
    erase (index, map, key, value);
}

static void
put_stance (StanceIndex *index,
            guint32      stance,
            gboolean     add,
            gboolean     announce)
{
  StanceStore *store = store_of (index);
  if (add && _stance_store_stance_is_removed (store, stance))
    return;

  put (index, STANCE_INDEX_ON, _stance_store_stance_target (store, stance), stance, add, announce);
  if (_stance_store_stance_is_attributed (store, stance))
    put (index, STANCE_INDEX_ATTRIBUTED, _stance_store_stance_holder (store, stance), stance, add, announce);
}

/* A node's links, into the lists of what it refers to (or out of them). */
static void
put_node (StanceIndex *index,
          StanceRef    ref,
          gboolean     add,
          gboolean     announce)
{
  StanceStore *store = store_of (index);
  guint32 i = stance_ref_index (ref);

  if (add && _stance_store_is_removed (store, ref))
    return;

  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR:
      {
        const GArray *groups = _stance_store_actor_member_of (store, i);

        for (guint g = 0; groups != NULL && g < groups->len; g++)
          put (index, STANCE_INDEX_MEMBERS, g_array_index (groups, guint32, g), i, add, announce);
      }
      break;
    case STANCE_SORT_CLAIM:
      if (_stance_store_claim_part_of (store, i) != STANCE_STORE_NO_INDEX)
        put (index, STANCE_INDEX_PARTS, _stance_store_claim_part_of (store, i), i, add, announce);
      break;
    case STANCE_SORT_STATEMENT:
      put (index, STANCE_INDEX_SAID, _stance_store_statement_speaker (store, i), i, add, announce);
      if (_stance_store_statement_reports (store, i) != STANCE_STORE_NO_INDEX)
        put (index, STANCE_INDEX_REPORTERS, _stance_store_statement_reports (store, i), i, add, announce);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
build (StanceIndex *index)
{
  StanceStore *store = store_of (index);
  GHashTableIter iter;
  gpointer list;

  maps_reset (index);
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    put_node (index, stance_ref_make (STANCE_SORT_ACTOR, i), TRUE, FALSE);
  for (guint i = 0; i < _stance_store_n_claims (store); i++)
    put_node (index, stance_ref_make (STANCE_SORT_CLAIM, i), TRUE, FALSE);
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    put_node (index, stance_ref_make (STANCE_SORT_STATEMENT, i), TRUE, FALSE);
  for (guint i = 0; i < _stance_store_n_stances (store); i++)
    put_stance (index, i, TRUE, FALSE);

  for (guint m = 0; m < STANCE_INDEX_N_MAPS; m++)
    {
      SortData data = { store, m };

      g_hash_table_iter_init (&iter, index->maps[m]);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        g_array_sort_with_data (list, element_sort_cmp, &data);
    }

  index->seen[STANCE_SORT_ACTOR] = _stance_store_n_actors (store);
  index->seen[STANCE_SORT_CLAIM] = _stance_store_n_claims (store);
  index->seen[STANCE_SORT_STATEMENT] = _stance_store_n_statements (store);
  index->seen_stances = _stance_store_n_stances (store);
  index->built = TRUE;
}

GArray *
_stance_index_lookup (StanceIndex    *index,
                      StanceIndexMap  map,
                      guint32         key)
{
  if (!index->built)
    build (index);

  return g_hash_table_lookup (index->maps[map], GUINT_TO_POINTER (key));
}

void
_stance_index_link_stance (StanceIndex *index,
                           guint32      stance)
{
  if (index->built)
    put_stance (index, stance, TRUE, TRUE);
}

void
_stance_index_unlink_stance (StanceIndex *index,
                             guint32      stance)
{
  if (index->built)
    put_stance (index, stance, FALSE, TRUE);
}

void
_stance_index_link_node (StanceIndex *index,
                         StanceRef    node)
{
  if (index->built)
    put_node (index, node, TRUE, TRUE);
}

void
_stance_index_unlink_node (StanceIndex *index,
                           StanceRef    node)
{
  if (index->built)
    put_node (index, node, FALSE, TRUE);
}

/* Tells the live lists of @key that the row of @value changed in place. */
static void
touch (StanceIndex    *index,
       StanceIndexMap  map,
       guint32         key,
       guint32         value)
{
  GArray *list = g_hash_table_lookup (index->maps[map], GUINT_TO_POINTER (key));

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      if (g_array_index (list, guint32, i) == value)
        {
          notify (index, map, key, i, 1, &value, 1);
          return;
        }
    }
}

void
_stance_index_statement_moved (StanceIndex *index,
                               guint32      statement)
{
  StanceStore *store;
  StanceRef ref = stance_ref_make (STANCE_SORT_STATEMENT, statement);

  if (!index->built)
    return;

  /* Its time is its place in its speaker's list... */
  put_node (index, ref, FALSE, TRUE);
  put_node (index, ref, TRUE, TRUE);

  /* ... but not in the graph-ordered lists of its stances, whose rows
   * (and what is computed from them, such as camps) changed all the same. */
  store = store_of (index);
  STANCE_STORE_FOREACH_STANCE_OF (store, statement, stance)
    {
      touch (index, STANCE_INDEX_ON, _stance_store_stance_target (store, stance), stance);
      if (_stance_store_stance_is_attributed (store, stance))
        touch (index, STANCE_INDEX_ATTRIBUTED, _stance_store_stance_holder (store, stance), stance);
    }
}

typedef struct
{
  StanceIndexMap  map;
  guint32         key;
  GArray         *was;
} Watched;

void
_stance_index_appended (StanceIndex *index)
{
  StanceStore *store;
  guint n_new;

  if (!index->built)
    return;

  store = store_of (index);
  n_new = (_stance_store_n_actors (store) - index->seen[STANCE_SORT_ACTOR]) +
          (_stance_store_n_claims (store) - index->seen[STANCE_SORT_CLAIM]) +
          (_stance_store_n_statements (store) - index->seen[STANCE_SORT_STATEMENT]) +
          (_stance_store_n_stances (store) - index->seen_stances);
  if (n_new == 0)
    return;

  if (n_new > REBUILD_THRESHOLD)
    {
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (Watched));

      /* Queue a change for each watched list only if its contents changed
       * (a load adds records that refer to its own nodes, so most do
       * not), once per (map, key): two models of one list share it. */
      for (guint i = 0; i < index->lists->len; i++)
        {
          StanceIndexList *list = g_ptr_array_index (index->lists, i);
          Watched w = { _stance_index_list_get_map (list), _stance_index_list_get_key (list), NULL };
          GArray *was = g_hash_table_lookup (index->maps[w.map], GUINT_TO_POINTER (w.key));
          guint k;

          for (k = 0; k < before->len; k++)
            if (g_array_index (before, Watched, k).map == w.map && g_array_index (before, Watched, k).key == w.key)
              break;
          if (k < before->len)
            continue;
          w.was = was != NULL ? g_array_copy (was) : g_array_new (FALSE, FALSE, sizeof (guint32));
          g_array_append_val (before, w);
        }
      build (index);
      for (guint k = 0; k < before->len; k++)
        {
          Watched *w = &g_array_index (before, Watched, k);
          GArray *now = g_hash_table_lookup (index->maps[w->map], GUINT_TO_POINTER (w->key));
          guint after = now != NULL ? now->len : 0;

          if (w->was->len != after ||
              (after > 0 && memcmp (w->was->data, now->data, after * sizeof (guint32)) != 0))
            notify (index, w->map, w->key, 0, w->was->len, now != NULL ? (const guint32 *) now->data : NULL, after);
          g_array_unref (w->was);
        }
      return;
    }

  /* A few: one at a time, nodes before the stances that refer to them.
   * Each is counted before it is linked, as a handler told of it may add
   * more. */
  while (index->seen[STANCE_SORT_ACTOR] < _stance_store_n_actors (store))
    put_node (index, stance_ref_make (STANCE_SORT_ACTOR, index->seen[STANCE_SORT_ACTOR]++), TRUE, TRUE);
  while (index->seen[STANCE_SORT_CLAIM] < _stance_store_n_claims (store))
    put_node (index, stance_ref_make (STANCE_SORT_CLAIM, index->seen[STANCE_SORT_CLAIM]++), TRUE, TRUE);
  while (index->seen[STANCE_SORT_STATEMENT] < _stance_store_n_statements (store))
    put_node (index, stance_ref_make (STANCE_SORT_STATEMENT, index->seen[STANCE_SORT_STATEMENT]++), TRUE, TRUE);
  while (index->seen_stances < _stance_store_n_stances (store))
    put_stance (index, index->seen_stances++, TRUE, TRUE);
}

void
_stance_index_add_list (StanceIndex     *index,
                        StanceIndexList *list)
{
  g_ptr_array_add (index->lists, list);
}

void
_stance_index_remove_list (StanceIndex     *index,
                           StanceIndexList *list)
{
  g_ptr_array_remove_fast (index->lists, list);
}

GArray *
_stance_index_positions (StanceIndex      *index,
                         guint32           holder,
                         const StanceTime *when)
{
  StanceStore *store = store_of (index);
  GArray *said = _stance_index_lookup (index, STANCE_INDEX_SAID, holder);
  g_autoptr(GHashTable) standing = g_hash_table_new (NULL, NULL);  /* target -> slot + 1 */
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint kept = 0;

  /* The holder's statements in time order, and each one's stances in
   * order, are its acts in act order: the last act seen on a target is the
   * standing one.  Statements are sorted by start, so the walk stops at
   * the first that begins after the time asked. */
  for (guint i = 0; said != NULL && i < said->len; i++)
    {
      guint32 statement = g_array_index (said, guint32, i);
      if (when != NULL && _stance_store_statement_time (store, statement)->start >= when->end)
        break;

      STANCE_STORE_FOREACH_STANCE_OF (store, statement, stance)
        {
          StanceRef target = _stance_store_stance_target (store, stance);
          guint slot;

          if (!_stance_store_stance_is_act (store, stance))
            continue;

          slot = GPOINTER_TO_UINT (g_hash_table_lookup (standing, GUINT_TO_POINTER (target)));
          if (slot != 0)
            {
              /* Superseded: mark the old slot, append the new act. */
              g_array_index (result, guint32, slot - 1) = G_MAXUINT32;
              kept--;
            }
          g_array_append_val (result, stance);
          kept++;
          g_hash_table_insert (standing, GUINT_TO_POINTER (target), GUINT_TO_POINTER (result->len));
        }
    }

  /* Standing acts in act order: drop the superseded slots. */
  for (guint from = 0, to = 0; from < result->len; from++)
    {
      if (g_array_index (result, guint32, from) != G_MAXUINT32)
        g_array_index (result, guint32, to++) = g_array_index (result, guint32, from);
    }
  g_array_set_size (result, kept);

  return result;
}
