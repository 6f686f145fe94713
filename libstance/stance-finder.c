/* stance-finder.c: the four contradictions of SPEC §3
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything works on the act index (stance-acts.c), where each holder's
 * own stances on each target are a contiguous run in act order.  The cost is
 * one sort of the acts, linear sweeps over them, and for conflicts work in
 * proportion to the pairs of opposite acts that hold at the same time: no
 * step compares every act with every other.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stance-finder-private.h"

static void
add_finding (GArray                  *findings,
             StanceContradictionKind  kind,
             StanceRef                target,
             guint32                  holder,
             guint32                  other,
             guint32                  first,
             guint32                  second)
{
  StanceFinding finding = { target, holder, other, first, second, kind };

  g_array_append_val (findings, finding);
}

/* 1. reversal and 2. inconsistency: adjacent acts of one holder on one
 * target.  Neutral stances sit in the index for timelines but are not acts,
 * so they are skipped when deciding what is adjacent. */
static void
find_in_group (GArray          *findings,
               const StanceAct *acts,
               guint            n)
{
  const StanceAct *prev = NULL;

  for (guint i = 0; i < n; i++)
    {
      const StanceAct *act = &acts[i];

      if (act->polarity == STANCE_POLARITY_NEUTRAL)
        continue;

      if (prev != NULL && _stance_act_is_positional (prev))
        {
          if (prev->end <= act->start)
            {
              if (act->polarity != prev->polarity)
                add_finding (findings, STANCE_CONTRADICTION_KIND_REVERSAL, act->target,
                             act->holder, 0, prev->stance, act->stance);
            }
          else if (_stance_polarities_opposite (prev->polarity, act->polarity))
            {
              add_finding (findings, STANCE_CONTRADICTION_KIND_INCONSISTENCY, act->target,
                           act->holder, 0, prev->stance, act->stance);
            }
        }

      prev = act;
    }
}

/* 3. conflict.  An act holds from its start until the start of its holder's
 * next act on the target that starts later.  A sweep over the target's
 * positional acts in act order keeps the spans that still hold; each new
 * span meets exactly the opposite spans that hold when it starts, and the
 * overlap of such a pair starts at the new span's start.  Spans that have
 * ended are dropped the first time a sweep step passes over them. */

typedef struct
{
  gint64           end;   /* when the span stops holding; G_MAXINT64 for ever */
  const StanceAct *act;
} Span;

typedef struct
{
  guint32          lo;    /* holders in byte order of their ids */
  guint32          hi;
  gint64           start; /* where the overlap starts */
  const StanceAct *lo_act;
  const StanceAct *hi_act;
} Meeting;

/* The best meeting of each pair of holders on the current target.  The
 * sweep meets pairs in the order their overlaps start, so the first
 * meeting of a pair starts earliest and a later one can only win a tie
 * (same start, earlier acts).  Slots are open-addressed by the pair, and
 * belong to the current target only while their generation is current, so
 * moving to the next target clears the table in O(1). */
typedef struct
{
  guint64 pair;
  guint32 generation;
  guint32 meeting;  /* index into the meetings array */
} PairSlot;

typedef struct
{
  PairSlot *slots;
  guint     mask;   /* size - 1; the size is a power of two */
  guint     used;
  guint32   generation;
} PairTable;

static guint
pair_hash (guint64 pair)
{
  /* Fibonacci hashing: the high bits of the product are well mixed. */
  return (guint) ((pair * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

/* The slot of @pair: its own if the current target has it, else an empty
 * one where it would go. */
static PairSlot *
pair_table_find (PairTable *table,
                 guint64    pair)
{
  for (guint i = pair_hash (pair) & table->mask; ; i = (i + 1) & table->mask)
    {
      PairSlot *slot = &table->slots[i];

      if (slot->generation != table->generation || slot->pair == pair)
        return slot;
    }
}

static void
pair_table_init (PairTable *table)
{
  table->mask = 63;
  table->slots = g_new0 (PairSlot, table->mask + 1);
  /* Zeroed slots have generation 0, which is never current. */
  table->generation = 1;
  table->used = 0;
}

static void
pair_table_reset (PairTable *table)
{
  table->used = 0;
  if (++table->generation == 0)
    {
      memset (table->slots, 0, (table->mask + 1) * sizeof (PairSlot));
      table->generation = 1;
    }
}

/* The slot for @pair, made if the current target has none: then its
 * generation is set and the caller fills in the meeting. */
static PairSlot *
pair_table_insert (PairTable *table,
                   guint64    pair,
                   gboolean  *is_new)
{
  PairSlot *slot;

  /* At most half full, so that probes stay short. */
  if ((table->used + 1) * 2 > table->mask + 1)
    {
      PairSlot *old = table->slots;
      guint old_size = table->mask + 1;

      table->mask = old_size * 2 - 1;
      table->slots = g_new0 (PairSlot, table->mask + 1);
      for (guint k = 0; k < old_size; k++)
        {
          if (old[k].generation == table->generation)
            *pair_table_find (table, old[k].pair) = old[k];
        }
      g_free (old);
    }

  slot = pair_table_find (table, pair);
  *is_new = slot->generation != table->generation;
  if (*is_new)
    {
      slot->generation = table->generation;
      slot->pair = pair;
      table->used++;
    }

  return slot;
}

/* A holder's run within a target: the next positional act to merge, and
 * where the run ends. */
typedef struct
{
  guint at;
  guint end;
} Cursor;

static void
heap_sift_down (Cursor          *heap,
                guint            size,
                guint            k,
                const StanceAct *acts)
{
  for (;;)
    {
      guint least = k, left = 2 * k + 1, right = 2 * k + 2;
      Cursor tmp;

      if (left < size && _stance_act_order_cmp (&acts[heap[left].at], &acts[heap[least].at]) < 0)
        least = left;
      if (right < size && _stance_act_order_cmp (&acts[heap[right].at], &acts[heap[least].at]) < 0)
        least = right;
      if (least == k)
        return;

      tmp = heap[k];
      heap[k] = heap[least];
      heap[least] = tmp;
      k = least;
    }
}

/* What the sweep reuses from one target to the next. */
typedef struct
{
  guint      capacity;
  gint64    *ends;        /* per act of the target: when its holding ends */
  Cursor    *cursors;     /* per holder run */
  Span      *holding[2];  /* positive and negative spans that may still hold */
  GArray    *meetings;    /* Meeting: the best one of each pair */
  PairTable  pairs;
} Sweep;

static void
sweep_init (Sweep *sweep)
{
  memset (sweep, 0, sizeof *sweep);
  sweep->meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  pair_table_init (&sweep->pairs);
}

static void
sweep_clear (Sweep *sweep)
{
  g_free (sweep->ends);
  g_free (sweep->cursors);
  g_free (sweep->holding[0]);
  g_free (sweep->holding[1]);
  g_array_unref (sweep->meetings);
  g_free (sweep->pairs.slots);
}

static void
sweep_reserve (Sweep *sweep,
               guint  n)
{
  if (n <= sweep->capacity)
    return;

  sweep->capacity = MAX (n, sweep->capacity * 2);
  sweep->ends = g_renew (gint64, sweep->ends, sweep->capacity);
  sweep->cursors = g_renew (Cursor, sweep->cursors, sweep->capacity);
  sweep->holding[0] = g_renew (Span, sweep->holding[0], sweep->capacity);
  sweep->holding[1] = g_renew (Span, sweep->holding[1], sweep->capacity);
}

/* Span @span starts and meets @other, which holds then: keep the pair's
 * best meeting. */
static void
meet (StanceStore *store,
      Sweep       *sweep,
      const Span  *other,
      const Span  *span)
{
  guint32 h1 = other->act->holder;
  guint32 h2 = span->act->holder;
  guint64 key = h1 < h2 ? ((guint64) h1 << 32) | h2 : ((guint64) h2 << 32) | h1;
  gboolean is_new;
  PairSlot *slot = pair_table_insert (&sweep->pairs, key, &is_new);

  if (is_new)
    {
      /* The holders' byte order, needed once per pair. */
      gboolean other_first = strcmp (STANCE_STORE_ACTOR (store, h1)->id, STANCE_STORE_ACTOR (store, h2)->id) < 0;
      Meeting meeting;

      meeting.lo = other_first ? h1 : h2;
      meeting.hi = other_first ? h2 : h1;
      meeting.start = span->act->start;
      meeting.lo_act = other_first ? other->act : span->act;
      meeting.hi_act = other_first ? span->act : other->act;
      slot->meeting = sweep->meetings->len;
      g_array_append_val (sweep->meetings, meeting);
    }
  else
    {
      Meeting *best = &g_array_index (sweep->meetings, Meeting, slot->meeting);

      /* Overlaps are met in the order they start, so only a tie can do
       * better: then the earlier acts win, the first holder's first. */
      if (span->act->start == best->start)
        {
          const StanceAct *lo_act = other->act->holder == best->lo ? other->act : span->act;
          const StanceAct *hi_act = lo_act == other->act ? span->act : other->act;
          int c = _stance_act_order_cmp (lo_act, best->lo_act);

          if (c < 0 || (c == 0 && _stance_act_order_cmp (hi_act, best->hi_act) < 0))
            {
              best->lo_act = lo_act;
              best->hi_act = hi_act;
            }
        }
    }
}

static void
find_conflicts (StanceStore     *store,
                GArray          *findings,
                const StanceAct *acts,
                guint            n,
                Sweep           *sweep)
{
  guint n_holding[2] = { 0, 0 };
  guint n_runs = 0;

  sweep_reserve (sweep, n);
  g_array_set_size (sweep->meetings, 0);
  pair_table_reset (&sweep->pairs);

  /* Each holder's run: a span ends at the first later start in the run.
   * Walking the run backwards, the smallest start seen so far is that later
   * start, unless it equals this act's start, when the end is the same as
   * for the act that has it. */
  for (guint i = 0; i < n; )
    {
      gint64 seen_start = G_MAXINT64;
      gint64 seen_end = G_MAXINT64;
      Cursor cursor = { G_MAXUINT, 0 };
      guint j = i;

      while (j < n && acts[j].holder == acts[i].holder)
        j++;

      for (guint k = j; k-- > i; )
        {
          if (acts[k].polarity == STANCE_POLARITY_NEUTRAL)
            continue;

          sweep->ends[k] = seen_start > acts[k].start ? seen_start : seen_end;
          seen_start = acts[k].start;
          seen_end = sweep->ends[k];
          if (_stance_act_is_positional (&acts[k]))
            cursor.at = k;
        }

      if (cursor.at != G_MAXUINT)
        {
          cursor.end = j;
          sweep->cursors[n_runs++] = cursor;
        }
      i = j;
    }

  /* Conflicts need two holders. */
  if (n_runs < 2)
    return;

  /* The runs are each in act order: merging them (a heap of one cursor per
   * holder) gives the target's spans in act order for the cost of
   * log(holders) per span, where a sort would pay log(acts).  Each span,
   * as it comes, meets the opposite spans that still hold at its start;
   * spans that have stopped holding are dropped as they are passed. */
  for (guint k = n_runs / 2; k-- > 0; )
    heap_sift_down (sweep->cursors, n_runs, k, acts);

  while (n_runs > 0)
    {
      Cursor *top = &sweep->cursors[0];
      Span span = { sweep->ends[top->at], &acts[top->at] };
      guint side = span.act->polarity == STANCE_POLARITY_POSITIVE ? 0 : 1;
      Span *opposite = sweep->holding[1 - side];
      guint kept = 0;
      guint next;

      for (guint k = 0; k < n_holding[1 - side]; k++)
        {
          if (opposite[k].end <= span.act->start)
            continue;  /* no longer holds, nor will for any later span */

          opposite[kept++] = opposite[k];
          if (opposite[k].act->holder != span.act->holder)
            meet (store, sweep, &opposite[k], &span);
        }
      n_holding[1 - side] = kept;
      sweep->holding[side][n_holding[side]++] = span;

      for (next = top->at + 1; next < top->end && !_stance_act_is_positional (&acts[next]); next++)
        ;
      if (next < top->end)
        top->at = next;
      else
        *top = sweep->cursors[--n_runs];
      heap_sift_down (sweep->cursors, n_runs, 0, acts);
    }

  /* One record per pair of holders: the meeting whose overlap starts
   * first, ties broken by the act order of the first holder's act, then of
   * the second's. */
  for (guint i = 0; i < sweep->meetings->len; i++)
    {
      const Meeting *m = &g_array_index (sweep->meetings, Meeting, i);

      add_finding (findings, STANCE_CONTRADICTION_KIND_CONFLICT, m->lo_act->target,
                   m->lo, m->hi, m->lo_act->stance, m->hi_act->stance);
    }
}

/* 4. disputed attribution.  For an attribution of polarity p made at time
 * t, the holder's first act (in act order) with another polarity that does
 * not precede the attribution, i.e. whose period ends after t starts.  For
 * each polarity q the group's acts of polarity q are kept with the running
 * maximum of their ends; that maximum only grows, so the first act of
 * polarity q ending after t is found by binary search. */

typedef struct
{
  guint32   stance;     /* the attributed stance */
  guint32   statement;
  guint32   holder;
  guint32   speaker;
  StanceRef target;
  gint64    start;      /* the attribution's period start */
  guint8    polarity;
} Attribution;

static int
attribution_cmp (const void *pa,
                 const void *pb)
{
  const Attribution *a = pa;
  const Attribution *b = pb;

  if (a->target != b->target)
    return a->target < b->target ? -1 : 1;
  if (a->holder != b->holder)
    return a->holder < b->holder ? -1 : 1;
  if (a->statement != b->statement)
    return a->statement < b->statement ? -1 : 1;
  if (a->stance != b->stance)
    return a->stance < b->stance ? -1 : 1;
  return 0;
}

typedef struct
{
  GArray *positions;  /* guint: index of the act within the group */
  GArray *max_end;    /* gint64: running maximum of their ends */
} PolarityRun;

static const StanceAct *
first_act_ending_after (const StanceAct   *group,
                        const PolarityRun *run,
                        gint64             t)
{
  guint lo = 0, hi = run->max_end->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (run->max_end, gint64, mid) > t)
        hi = mid;
      else
        lo = mid + 1;
    }

  if (lo == run->max_end->len)
    return NULL;

  return &group[g_array_index (run->positions, guint, lo)];
}

static void
find_disputed (StanceStore    *store,
               StanceActIndex *index,
               GArray         *findings)
{
  g_autoptr(GArray) attributions = g_array_new (FALSE, FALSE, sizeof (Attribution));
  PolarityRun runs[3];

  for (guint a = 0; a < index->attributions->len; a++)
    {
      guint32 i = g_array_index (index->attributions, guint32, a);
      const StanceStanceRecord *stance = STANCE_STORE_STANCE (store, i);
      const StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, stance->statement);
      Attribution attribution;

      attribution.stance = i;
      attribution.statement = stance->statement;
      attribution.holder = stance->holder;
      attribution.speaker = statement->speaker;
      attribution.target = stance->target;
      attribution.start = statement->time.start;
      attribution.polarity = _stance_store_polarity (store, stance);
      g_array_append_val (attributions, attribution);
    }

  if (attributions->len == 0)
    return;

  qsort (attributions->data, attributions->len, sizeof (Attribution), attribution_cmp);

  for (guint q = 0; q < 3; q++)
    {
      runs[q].positions = g_array_new (FALSE, FALSE, sizeof (guint));
      runs[q].max_end = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  for (guint i = 0; i < attributions->len; )
    {
      const Attribution *head = &g_array_index (attributions, Attribution, i);
      const StanceAct *group;
      guint first, n, j = i;

      while (j < attributions->len &&
             g_array_index (attributions, Attribution, j).target == head->target &&
             g_array_index (attributions, Attribution, j).holder == head->holder)
        j++;

      _stance_act_index_group (index, head->target, head->holder, &first, &n);
      group = &g_array_index (index->acts, StanceAct, first);

      for (guint q = 0; q < 3; q++)
        {
          g_array_set_size (runs[q].positions, 0);
          g_array_set_size (runs[q].max_end, 0);
        }
      for (guint k = 0; k < n; k++)
        {
          guint q = group[k].polarity;
          gint64 end = group[k].end;

          if (q == STANCE_POLARITY_NEUTRAL)
            continue;
          if (runs[q].max_end->len > 0)
            end = MAX (end, g_array_index (runs[q].max_end, gint64, runs[q].max_end->len - 1));
          g_array_append_val (runs[q].positions, k);
          g_array_append_val (runs[q].max_end, end);
        }

      /* Attributions of one statement are adjacent here: one record per
       * statement, holder and target, with the first act that disputes any
       * of them. */
      for (guint k = i; k < j; )
        {
          const Attribution *a = &g_array_index (attributions, Attribution, k);
          const StanceAct *best = NULL;
          guint32 best_stance = a->stance;
          guint l = k;

          for (; l < j && g_array_index (attributions, Attribution, l).statement == a->statement; l++)
            {
              const Attribution *b = &g_array_index (attributions, Attribution, l);

              for (guint q = 0; q < 3; q++)
                {
                  const StanceAct *act;

                  if (q == b->polarity)
                    continue;
                  act = first_act_ending_after (group, &runs[q], b->start);
                  if (act != NULL && (best == NULL || _stance_act_order_cmp (act, best) < 0))
                    {
                      best = act;
                      best_stance = b->stance;
                    }
                }
            }

          if (best != NULL)
            add_finding (findings, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION, a->target,
                         a->holder, a->speaker, best_stance, best->stance);
          k = l;
        }

      i = j;
    }

  for (guint q = 0; q < 3; q++)
    {
      g_array_unref (runs[q].positions);
      g_array_unref (runs[q].max_end);
    }
}

/* SPEC §4: by kind, target, holder(s), then statements; ids by bytes. */
int
_stance_finding_cmp (const StanceFinding *a,
                     const StanceFinding *b,
                     StanceStore         *store)
{
  int c;

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->target != b->target &&
      (c = strcmp (_stance_store_ref_id (store, a->target), _stance_store_ref_id (store, b->target))) != 0)
    return c;
  if (a->holder != b->holder &&
      (c = strcmp (STANCE_STORE_ACTOR (store, a->holder)->id, STANCE_STORE_ACTOR (store, b->holder)->id)) != 0)
    return c;
  if (a->kind >= STANCE_CONTRADICTION_KIND_CONFLICT && a->other != b->other &&
      (c = strcmp (STANCE_STORE_ACTOR (store, a->other)->id, STANCE_STORE_ACTOR (store, b->other)->id)) != 0)
    return c;
  if ((c = strcmp (STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, a->first)->statement)->id,
                   STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, b->first)->statement)->id)) != 0)
    return c;
  if ((c = strcmp (STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, a->second)->statement)->id,
                   STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, b->second)->statement)->id)) != 0)
    return c;
  /* Only stances of the same statements are left: keep the output stable. */
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->second != b->second)
    return a->second < b->second ? -1 : 1;
  return 0;
}

/* Sorting the results as _stance_finding_cmp() orders them, but without
 * comparing id strings for every pair: the targets and actors that occur
 * are few, so they are ranked by id once, and the results sorted by those
 * integer ranks; statement ids are compared only between results that tie
 * on everything else. */

/* Everything a comparison needs, so that plain qsort() sorts the keys. */
typedef struct
{
  guint64      kind_target;   /* kind << 32 | target rank */
  guint64      holders;       /* holder rank << 32 | other rank */
  const char  *first_id;      /* the statements' ids */
  const char  *second_id;
  guint32      first;         /* the stances */
  guint32      second;
  guint32      index;         /* into the findings */
} SortKey;

typedef struct
{
  const char *id;
  StanceRef   ref;
} Named;

static int
named_cmp (const void *a,
           const void *b)
{
  return strcmp (((const Named *) a)->id, ((const Named *) b)->id);
}

/* Ranks by id, for each sort of node an array over its records (0: not
 * seen); arrays rather than hash tables, since every result is looked up. */
typedef struct
{
  StanceStore *store;
  guint32     *rank[4];  /* indexed by StanceSort */
  GArray      *seen;     /* Named: the distinct nodes met */
} Ranks;

static void
ranks_init (Ranks       *ranks,
            StanceStore *store)
{
  ranks->store = store;
  ranks->rank[0] = NULL;
  ranks->rank[STANCE_SORT_ACTOR] = g_new0 (guint32, store->actors->len);
  ranks->rank[STANCE_SORT_CLAIM] = g_new0 (guint32, store->claims->len);
  ranks->rank[STANCE_SORT_STATEMENT] = g_new0 (guint32, store->statements->len);
  ranks->seen = g_array_new (FALSE, FALSE, sizeof (Named));
}

static void
ranks_clear (Ranks *ranks)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranks->rank); i++)
    g_free (ranks->rank[i]);
  g_array_unref (ranks->seen);
}

static inline guint32 *
rank_slot (Ranks     *ranks,
           StanceRef  ref)
{
  return &ranks->rank[stance_ref_sort (ref)][stance_ref_index (ref)];
}

static void
ranks_see (Ranks     *ranks,
           StanceRef  ref)
{
  guint32 *slot = rank_slot (ranks, ref);

  if (*slot == 0)
    {
      Named named = { _stance_store_ref_id (ranks->store, ref), ref };

      *slot = 1;
      g_array_append_val (ranks->seen, named);
    }
}

/* Sorts what was seen by id and numbers it from 1. */
static void
ranks_assign (Ranks *ranks)
{
  qsort (ranks->seen->data, ranks->seen->len, sizeof (Named), named_cmp);
  for (guint i = 0; i < ranks->seen->len; i++)
    *rank_slot (ranks, g_array_index (ranks->seen, Named, i).ref) = i + 1;
}

static inline guint64
rank_of (Ranks     *ranks,
         StanceRef  ref)
{
  return *rank_slot (ranks, ref);
}

static int
sort_key_cmp (const void *pa,
              const void *pb)
{
  const SortKey *a = pa;
  const SortKey *b = pb;
  int c;

  if (a->kind_target != b->kind_target)
    return a->kind_target < b->kind_target ? -1 : 1;
  if (a->holders != b->holders)
    return a->holders < b->holders ? -1 : 1;
  if ((c = strcmp (a->first_id, b->first_id)) != 0)
    return c;
  if ((c = strcmp (a->second_id, b->second_id)) != 0)
    return c;
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->second != b->second)
    return a->second < b->second ? -1 : 1;
  return 0;
}

static void
sort_findings (StanceStore *store,
               GArray      *findings)
{
  g_autofree SortKey *keys = NULL;
  g_autoptr(GArray) sorted = NULL;
  Ranks ranks;

  if (findings->len < 2)
    return;

  /* Targets and actors are ranked together: ids are unique across all
   * nodes, so one order by id serves both. */
  ranks_init (&ranks, store);
  for (guint i = 0; i < findings->len; i++)
    {
      const StanceFinding *f = &g_array_index (findings, StanceFinding, i);

      ranks_see (&ranks, f->target);
      ranks_see (&ranks, stance_ref_make (STANCE_SORT_ACTOR, f->holder));
      if (f->kind >= STANCE_CONTRADICTION_KIND_CONFLICT)
        ranks_see (&ranks, stance_ref_make (STANCE_SORT_ACTOR, f->other));
    }
  ranks_assign (&ranks);

  keys = g_new (SortKey, findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      const StanceFinding *f = &g_array_index (findings, StanceFinding, i);
      guint64 other = 0;

      if (f->kind >= STANCE_CONTRADICTION_KIND_CONFLICT)
        other = rank_of (&ranks, stance_ref_make (STANCE_SORT_ACTOR, f->other));
      keys[i].kind_target = ((guint64) f->kind << 32) | rank_of (&ranks, f->target);
      keys[i].holders = (rank_of (&ranks, stance_ref_make (STANCE_SORT_ACTOR, f->holder)) << 32) | other;
      keys[i].first_id = STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, f->first)->statement)->id;
      keys[i].second_id = STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, f->second)->statement)->id;
      keys[i].first = f->first;
      keys[i].second = f->second;
      keys[i].index = i;
    }
  ranks_clear (&ranks);

  qsort (keys, findings->len, sizeof (SortKey), sort_key_cmp);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (StanceFinding), findings->len);
  for (guint i = 0; i < findings->len; i++)
    g_array_append_val (sorted, g_array_index (findings, StanceFinding, keys[i].index));
  memcpy (findings->data, sorted->data, findings->len * sizeof (StanceFinding));
}

GArray *
_stance_find_contradictions (StanceStore    *store,
                             StanceActIndex *index)
{
  GArray *findings = g_array_new (FALSE, FALSE, sizeof (StanceFinding));
  const StanceAct *acts = (const StanceAct *) index->acts->data;
  guint n = index->acts->len;
  Sweep sweep;

  g_return_val_if_fail (index->serial == store->serial, findings);

  sweep_init (&sweep);

  for (guint i = 0; i < n; )
    {
      guint j = i;

      /* One target at a time; within it, one holder's run at a time. */
      while (j < n && acts[j].target == acts[i].target)
        j++;

      for (guint k = i; k < j; )
        {
          guint l = k;

          while (l < j && acts[l].holder == acts[k].holder)
            l++;
          find_in_group (findings, &acts[k], l - k);
          k = l;
        }

      find_conflicts (store, findings, &acts[i], j - i, &sweep);
      i = j;
    }

  sweep_clear (&sweep);

  find_disputed (store, index, findings);

  sort_findings (store, findings);

  return findings;
}
