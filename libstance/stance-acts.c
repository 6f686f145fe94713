/* stance-acts.c: every holder's own stances, sorted into act order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-acts-private.h"

#define CMP(a, b) G_STMT_START { if ((a) != (b)) return (a) < (b) ? -1 : 1; } G_STMT_END

/* SPEC §3: by period start, then period end, then statement order in the
 * graph, then stance order in the statement.  Stance indices grow in the
 * order stances are appended, which within one statement is its order. */
int
_stance_act_order_cmp (const StanceAct *a,
                       const StanceAct *b)
{
  CMP (a->start, b->start);
  CMP (a->end, b->end);
  CMP (a->statement, b->statement);
  CMP (a->stance, b->stance);
  return 0;
}

static inline gboolean
act_before (const StanceAct *a,
            const StanceAct *b)
{
  return _stance_act_order_cmp (a, b) < 0;
}

/* Sorts @acts[0, n) into act order, with @scratch as long.  A merge sort
 * with the comparison inlined and acts moved by assignment: qsort() calls
 * the comparison through a pointer and, for elements of 40 bytes, sorts
 * pointers and then moves the acts with memcpy(); on the skewed 1M
 * document, where one speaker's group on the hottest claim holds 160,000
 * acts, that was a tenth of `stance check`. */
#define INSERTION_RUN 16

static void
sort_group (StanceAct *acts,
            StanceAct *scratch,
            guint      n)
{
  StanceAct *from = acts, *to = scratch;

  for (guint begin = 0; begin < n; begin += INSERTION_RUN)
    {
      guint end = MIN (begin + INSERTION_RUN, n);

      for (guint i = begin + 1; i < end; i++)
        {
          StanceAct act = acts[i];
          guint j = i;

          for (; j > begin && act_before (&act, &acts[j - 1]); j--)
            acts[j] = acts[j - 1];
          acts[j] = act;
        }
    }

  for (guint width = INSERTION_RUN; width < n; width *= 2)
    {
      StanceAct *swap;

      for (guint begin = 0; begin < n; begin += 2 * width)
        {
          guint mid = MIN (begin + width, n), end = MIN (begin + 2 * width, n);
          guint i = begin, j = mid, k = begin;

          while (i < mid && j < end)
            to[k++] = act_before (&from[j], &from[i]) ? from[j++] : from[i++];
          while (i < mid)
            to[k++] = from[i++];
          while (j < end)
            to[k++] = from[j++];
        }
      swap = from;
      from = to;
      to = swap;
    }

  if (from != acts)
    memcpy (acts, from, n * sizeof (StanceAct));
}

/* A target's place among all nodes: the three sorts' indices laid end to
 * end, so that targets can be counted into dense buckets. */
static inline guint
dense_target (StanceStore *store,
              StanceRef    target)
{
  switch (stance_ref_sort (target))
    {
    case STANCE_SORT_ACTOR: return stance_ref_index (target);
    case STANCE_SORT_CLAIM: return _stance_store_n_actors (store) + stance_ref_index (target);
    default: return _stance_store_n_actors (store) + _stance_store_n_claims (store) + stance_ref_index (target);
    }
}

/* One stable counting-sort pass of @from into @to by @key (below @n_keys). */
static void
counting_pass (const StanceAct *from,
               StanceAct       *to,
               guint            n,
               guint           *count,
               guint            n_keys,
               StanceStore     *store,
               gboolean         by_target)
{
  memset (count, 0, (n_keys + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    count[(by_target ? dense_target (store, from[i].target) : from[i].holder) + 1]++;
  for (guint k = 0; k < n_keys; k++)
    count[k + 1] += count[k];
  for (guint i = 0; i < n; i++)
    to[count[by_target ? dense_target (store, from[i].target) : from[i].holder]++] = from[i];
}

/* Sorts each (target, holder) group of @acts[begin, end), which starts
 * and ends at group boundaries, into act order; a group uses the same
 * stretch of @scratch. */
static void
sort_groups (StanceAct *acts,
             StanceAct *scratch,
             guint      begin,
             guint      end)
{
  for (guint i = begin; i < end; )
    {
      guint j = i + 1;

      while (j < end && acts[j].target == acts[i].target && acts[j].holder == acts[i].holder)
        j++;
      if (j - i > 1)
        sort_group (acts + i, scratch + i, j - i);
      i = j;
    }
}

typedef struct
{
  StanceAct *acts;
  StanceAct *scratch;
  guint      begin;
  guint      end;
} GroupRange;

static gpointer
sort_groups_thread (gpointer data)
{
  GroupRange *range = data;

  sort_groups (range->acts, range->scratch, range->begin, range->end);

  return NULL;
}

/* Below this many acts, sorting the groups is not worth a thread. */
#define SORT_THREAD_MIN_ACTS 65536

/* The groups are independent: on a big graph and two cores or more, a
 * thread sorts the second half of them (from the first group boundary
 * after the middle) while this one sorts the first.  Each touches only
 * its own acts and its own stretch of @scratch. */
static void
sort_groups_on_two_cores (StanceAct *acts,
                          StanceAct *scratch,
                          guint      n)
{
  GroupRange second = { acts, scratch, n / 2, n };
  GThread *thread;

  if (n < SORT_THREAD_MIN_ACTS || g_get_num_processors () < 2)
    {
      sort_groups (acts, scratch, 0, n);
      return;
    }

  while (second.begin < n && acts[second.begin].target == acts[second.begin - 1].target &&
         acts[second.begin].holder == acts[second.begin - 1].holder)
    second.begin++;

  thread = g_thread_new ("stance-acts", sort_groups_thread, &second);
  sort_groups (acts, scratch, 0, second.begin);
  g_thread_join (thread);
}

/* Sorts the acts by (target, holder, act order).  Targets and holders are
 * dense integers, so two stable counting passes (holder, then target) put
 * each (target, holder) group together in linear time; only the groups,
 * usually short, are then sorted by act order.  A comparison sort of the
 * whole array was the larger part of finding contradictions. */
static void
sort_acts (StanceStore *store,
           GArray      *acts)
{
  guint n = acts->len;
  guint n_targets = _stance_store_n_actors (store) + _stance_store_n_claims (store) + _stance_store_n_statements (store);
  g_autofree StanceAct *scratch = NULL;
  g_autofree guint *count = NULL;
  StanceAct *data = (StanceAct *) acts->data;

  if (n < 2)
    return;

  scratch = g_new (StanceAct, n);
  count = g_new (guint, MAX (n_targets, _stance_store_n_actors (store)) + 1);
  counting_pass (data, scratch, n, count, _stance_store_n_actors (store), store, FALSE);
  counting_pass (scratch, data, n, count, n_targets, store, TRUE);

  sort_groups_on_two_cores (data, scratch, n);
}

static void
index_stance (StanceStore    *store,
              StanceActIndex *index,
              guint32         i)
{
  guint32 statement = _stance_store_stance_statement (store, i);
  const StanceTime *time = _stance_store_statement_time (store, statement);
  StanceAct act;

  if (_stance_store_stance_is_removed (store, i))
    return;

  act.polarity = _stance_store_stance_polarity (store, i);

  if (_stance_store_stance_holder (store, i) != _stance_store_statement_speaker (store, statement))
    {
      /* Attributed: not an act, but the finder checks it against acts. */
      if (act.polarity != STANCE_POLARITY_NEUTRAL)
        g_array_append_val (index->attributions, i);
      return;
    }

  act.start = time->start;
  act.end = time->end;
  act.target = _stance_store_stance_target (store, i);
  act.holder = _stance_store_stance_holder (store, i);
  act.statement = statement;
  act.stance = i;
  /* index_new() made room for every stance: a store, not a call. */
  g_array_index (index->acts, StanceAct, index->acts->len++) = act;
}

static StanceActIndex *
index_new (StanceStore   *store,
           const guint32 *stances,
           guint          n_stances)
{
  StanceActIndex *index = g_new0 (StanceActIndex, 1);

  index->serial = _stance_store_serial (store);
  index->acts = g_array_sized_new (FALSE, FALSE, sizeof (StanceAct), n_stances);
  index->attributions = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < n_stances; i++)
    index_stance (store, index, stances != NULL ? stances[i] : i);

  sort_acts (store, index->acts);

  return index;
}

StanceActIndex *
_stance_act_index_new (StanceStore *store)
{
  return index_new (store, NULL, _stance_store_n_stances (store));
}

StanceActIndex *
_stance_act_index_new_for (StanceStore   *store,
                           const guint32 *stances,
                           guint          n_stances)
{
  return index_new (store, stances, n_stances);
}

void
_stance_act_index_free (StanceActIndex *index)
{
  if (index == NULL)
    return;

  g_array_unref (index->acts);
  g_array_unref (index->attributions);
  g_free (index);
}

void
_stance_act_index_group (StanceActIndex *index,
                         StanceRef       target,
                         guint32         holder,
                         guint          *first,
                         guint          *n)
{
  const StanceAct *acts = (const StanceAct *) index->acts->data;
  guint lo = 0, hi = index->acts->len;
  guint begin;

  /* Lower bound of (target, holder), then the run that follows it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (acts[mid].target < target || (acts[mid].target == target && acts[mid].holder < holder))
        lo = mid + 1;
      else
        hi = mid;
    }

  begin = lo;
  while (lo < index->acts->len && acts[lo].target == target && acts[lo].holder == holder)
    lo++;

  *first = begin;
  *n = lo - begin;
}
