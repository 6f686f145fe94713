/* stance-finder.c: the four contradictions of SPEC §3
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything works on the act index (stance-acts.c), where each holder's
 * own stances on each target are a contiguous run in act order.  Every
 * contradiction lives on one target, so the finder works one target at a
 * time, and one kind at a time: that is what lets it hand the records out
 * in the order of SPEC §4 (kind, target id, holders, statements) as it
 * finds them, sorting only one target's records of one kind at a time,
 * so that memory does not grow with the number of records (see
 * doc/scale.md).
 *
 * The cost is one sort of the acts, linear sweeps over them, and for
 * conflicts a sweep whose work is bounded by the records it reports (see
 * find_conflicts): no step compares every act with every other, nor every
 * act with every holder.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stance-finder-private.h"

#define NO_ACT G_MAXUINT32

/* An attribution, flattened for sorting by (target, holder, statement). */
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

/* The stances of one target: its acts and its attributions. */
typedef struct
{
  StanceRef   target;
  guint       act_begin;
  guint       act_end;
  guint       attr_begin;
  guint       attr_end;
  const char *id;
} TargetSpan;

typedef struct
{
  GArray *positions;  /* guint: index of the act within the group */
  GArray *max_end;    /* gint64: running maximum of their ends */
} PolarityRun;

/* One holder's run of acts on the current target, in the conflict sweep. */
typedef struct
{
  guint at;    /* the next act that is not neutral */
  guint end;   /* where the run ends */
  guint run;   /* the run's number on the target */
} Cursor;

/* What the sweep knows of a holder on the current target: the acts that
 * hold now (all start together), by polarity. */
typedef struct
{
  guint32 first[2];  /* index of the first positive / negative act holding, or NO_ACT */
  guint32 holder;
  guint32 n_met;     /* holders met so far */
  guint8  held;      /* bit q: a polarity-q act holds */
  guint8  gained;    /* bits of held that are new at this step */
} RunState;

/* The pairs of holders met on the current target, when there are too many
 * holders for the bit matrix: open-addressed by the pair, and belonging to
 * the current target only while their generation is current, so that
 * moving to the next target clears the table in O(1). */
typedef struct
{
  guint64 pair;
  guint32 generation;
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

/* Adds @pair; FALSE if the current target had it already. */
static gboolean
pair_table_add (PairTable *table,
                guint64    pair)
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
  if (slot->generation == table->generation)
    return FALSE;

  slot->generation = table->generation;
  slot->pair = pair;
  table->used++;
  return TRUE;
}

/* Up to this many holders on one target, the pairs met are a bit matrix
 * (32 MiB at most); beyond, a hash set. */
#define MATRIX_MAX_RUNS 16384

/* What the conflict sweep reuses from one target to the next. */
typedef struct
{
  guint      capacity;    /* runs */
  gsize      met_words;   /* allocated words of met */
  Cursor    *cursors;     /* a heap, by the start of each cursor's act */
  RunState  *states;      /* by run */
  guint     *changed;     /* runs that gained a polarity at this step */
  guint64   *holding[2];  /* bit per run: holds a positive / negative act */
  guint64   *met;         /* bit matrix of runs: the pair is reported */
  PairTable  pairs;
} Sweep;

/* Everything one search keeps. */
typedef struct
{
  StanceStore               *store;
  StanceActIndex            *index;
  const StanceFindingFilter *filter;
  StanceFindingFunc          func;
  gpointer                   user_data;
  gboolean                   ordered;
  GArray                    *attributions;  /* Attribution, by (target, holder, statement, stance) */
  GArray                    *targets;       /* TargetSpan */
  guint32                   *actor_rank;    /* by actor index: place in byte order of ids */
  guint64                    n_ranks;       /* how many actors are ranked */
  GHashTable                *rank_table;    /* or, for a small index: actor index -> rank + 1 */
  GArray                    *buffer;        /* StanceFinding: one target's records of one kind */
  guint                      buffer_room;   /* what buffer has room for */
  PolarityRun                runs[3];
  Sweep                      sweep;
} Finder;

/* FNV-1a, 64 bits, of the id's bytes: the same on every machine. */
guint64
_stance_finding_filter_hash (const char *id)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return hash;
}

static gboolean
filter_keeps_target (const StanceFindingFilter *filter,
                     const char                *id)
{
  if (filter == NULL)
    return TRUE;
  if (filter->targets != NULL && !g_hash_table_contains (filter->targets, id))
    return FALSE;
  if (filter->n_shards > 0 && _stance_finding_filter_hash (id) % filter->n_shards != filter->shard)
    return FALSE;
  return TRUE;
}

static gint64
stance_start (StanceStore *store,
              guint32      stance)
{
  return _stance_store_stance_time (store, stance)->start;
}

/* What the filter says of a record, once its target is kept. */
static gboolean
filter_keeps_record (const StanceFindingFilter *filter,
                     StanceStore               *store,
                     const StanceFinding       *finding)
{
  if (filter == NULL)
    return TRUE;
  if (filter->holders != NULL &&
      !g_hash_table_contains (filter->holders, _stance_store_actor_id (store, finding->holder)) &&
      !(finding->kind == STANCE_CONTRADICTION_KIND_CONFLICT &&
        g_hash_table_contains (filter->holders, _stance_store_actor_id (store, finding->other))))
    return FALSE;
  if (filter->from != G_MININT64 || filter->to != G_MAXINT64)
    {
      /* A record arises when the later of its two statements starts. */
      gint64 t = MAX (stance_start (store, finding->first), stance_start (store, finding->second));

      if (t < filter->from || t >= filter->to)
        return FALSE;
    }
  return TRUE;
}

gboolean
_stance_finding_filter_keeps (const StanceFindingFilter *filter,
                              StanceStore               *store,
                              const StanceFinding       *finding)
{
  if (filter == NULL)
    return TRUE;
  if (filter->kinds != 0 && !(filter->kinds & (1u << finding->kind)))
    return FALSE;
  return filter_keeps_target (filter, _stance_store_ref_id (store, finding->target)) &&
         filter_keeps_record (filter, store, finding);
}

static void
add_finding (Finder                  *f,
             StanceContradictionKind  kind,
             StanceRef                target,
             guint32                  holder,
             guint32                  other,
             guint32                  first,
             guint32                  second)
{
  StanceFinding finding = { target, holder, other, first, second, kind };

  if (!filter_keeps_record (f->filter, f->store, &finding))
    return;
  if (f->ordered)
    {
      GArray *buffer = f->buffer;

      /* Without a call but to grow: g_array_append_val() is a third of
       * the instructions of a search that reports millions of records. */
      if (G_UNLIKELY (buffer->len == f->buffer_room))
        {
          guint len = buffer->len;

          f->buffer_room = MAX (2 * len, 1024);
          g_array_set_size (buffer, f->buffer_room);
          g_array_set_size (buffer, len);
        }
      g_array_index (buffer, StanceFinding, buffer->len++) = finding;
    }
  else
    f->func (&finding, f->user_data);
}

/* 1. reversal and 2. inconsistency: adjacent acts of one holder on one
 * target.  Neutral stances sit in the index for timelines but are not acts,
 * so they are skipped when deciding what is adjacent. */
static void
find_in_group (Finder                  *f,
               StanceContradictionKind  kind,
               const StanceAct         *acts,
               guint                    n)
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
              if (kind == STANCE_CONTRADICTION_KIND_REVERSAL && act->polarity != prev->polarity)
                add_finding (f, kind, act->target, act->holder, 0, prev->stance, act->stance);
            }
          else if (kind == STANCE_CONTRADICTION_KIND_INCONSISTENCY &&
                   _stance_polarities_opposite (prev->polarity, act->polarity))
            {
              add_finding (f, kind, act->target, act->holder, 0, prev->stance, act->stance);
            }
        }

      prev = act;
    }
}

/* 3. conflict.
 *
 * An act holds from its start until the start of its holder's next act on
 * the target that starts later.  So at any time t what a holder holds is the
 * set of its acts that start at the latest start <= t: they all start, and
 * end, together.  Two holders conflict from the first time their sets hold
 * opposite acts, and that time is where the reported overlap starts (SPEC
 * §3 and doc/contradictions.md: the overlap that starts first); at that time
 * every opposite pair of their sets overlaps from there, so the tie-breaks
 * (the first holder's act first in act order, then the second's) pick among
 * the two sets only: the first positive act of one against the first
 * negative of the other, or the reverse.
 *
 * The sweep visits the target's distinct start times in order (a heap of
 * one cursor per holder), replaces the sets of the holders that act then,
 * and keeps for each polarity the bit set of holders that hold it.  A pair
 * of holders can first meet at t only if one of them *gained* a polarity at
 * t that the other holds: had both held those polarities before, they would
 * have met before.  A holder that gains polarity q meets the holders in the
 * opposite bit set that it has not met yet: a word-wide AND NOT with its row
 * of the matrix of pairs met.  So the work is the acts (times the log of
 * the holders, for the heap), plus a word operation per 64 holders for each
 * polarity gained, plus the records: a pair, once reported, is never looked
 * at again, however many more acts its holders take. */

static void
sweep_init (Sweep *sweep)
{
  memset (sweep, 0, sizeof *sweep);
  pair_table_init (&sweep->pairs);
}

static void
sweep_clear (Sweep *sweep)
{
  g_free (sweep->cursors);
  g_free (sweep->states);
  g_free (sweep->changed);
  g_free (sweep->holding[0]);
  g_free (sweep->holding[1]);
  g_free (sweep->met);
  g_free (sweep->pairs.slots);
}

static void
sweep_reserve (Sweep *sweep,
               guint  n_runs)
{
  guint words = (n_runs + 63) / 64;

  if (n_runs > sweep->capacity)
    {
      sweep->capacity = MAX (n_runs, sweep->capacity * 2);
      sweep->cursors = g_renew (Cursor, sweep->cursors, sweep->capacity);
      sweep->states = g_renew (RunState, sweep->states, sweep->capacity);
      sweep->changed = g_renew (guint, sweep->changed, sweep->capacity);
      sweep->holding[0] = g_renew (guint64, sweep->holding[0], (sweep->capacity + 63) / 64);
      sweep->holding[1] = g_renew (guint64, sweep->holding[1], (sweep->capacity + 63) / 64);
    }

  memset (sweep->holding[0], 0, words * sizeof (guint64));
  memset (sweep->holding[1], 0, words * sizeof (guint64));

  if (n_runs <= MATRIX_MAX_RUNS)
    {
      gsize need = (gsize) n_runs * words;

      if (need > sweep->met_words)
        {
          g_free (sweep->met);
          sweep->met_words = MAX (need, sweep->met_words * 2);
          sweep->met = g_new (guint64, sweep->met_words);
        }
      memset (sweep->met, 0, need * sizeof (guint64));
      /* A holder never meets itself. */
      for (guint r = 0; r < n_runs; r++)
        sweep->met[(gsize) r * words + r / 64] |= G_GUINT64_CONSTANT (1) << (r % 64);
    }
  else
    pair_table_reset (&sweep->pairs);
}

static inline gint64
cursor_start (const Cursor    *cursor,
              const StanceAct *acts)
{
  return acts[cursor->at].start;
}

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

      if (left < size && cursor_start (&heap[left], acts) < cursor_start (&heap[least], acts))
        least = left;
      if (right < size && cursor_start (&heap[right], acts) < cursor_start (&heap[least], acts))
        least = right;
      if (least == k)
        return;

      tmp = heap[k];
      heap[k] = heap[least];
      heap[least] = tmp;
      k = least;
    }
}

/* The place of an actor among those that can occur, in byte order of ids. */
static inline guint32
rank_of (const Finder *f,
         guint32       actor)
{
  if (f->actor_rank != NULL)
    return f->actor_rank[actor];
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->rank_table, GUINT_TO_POINTER (actor))) - 1;
}

/* Runs @a and @b meet for the first time: report the pair. */
static void
report_pair (Finder          *f,
             const StanceAct *acts,
             const RunState  *a,
             const RunState  *b)
{
  const RunState *lo = rank_of (f, a->holder) < rank_of (f, b->holder) ? a : b;
  const RunState *hi = lo == a ? b : a;
  guint32 lo_act = NO_ACT, hi_act = NO_ACT;

  /* Within one holder's run, index order is act order. */
  for (guint q = 0; q < 2; q++)
    {
      if (lo->first[q] != NO_ACT && hi->first[1 - q] != NO_ACT && lo->first[q] < lo_act)
        {
          lo_act = lo->first[q];
          hi_act = hi->first[1 - q];
        }
    }
  g_assert (lo_act != NO_ACT);

  add_finding (f, STANCE_CONTRADICTION_KIND_CONFLICT, acts[lo_act].target, lo->holder, hi->holder,
               acts[lo_act].stance, acts[hi_act].stance);
}

/* Run @r gained polarity @q: it meets every holder of the opposite polarity
 * that it has not met yet. */
static void
meet_gained (Finder          *f,
             const StanceAct *acts,
             guint            n_runs,
             guint            r,
             guint            q)
{
  Sweep *sweep = &f->sweep;
  guint words = (n_runs + 63) / 64;
  const guint64 *opposite = sweep->holding[1 - q];
  RunState *states = sweep->states;

  if (states[r].n_met == n_runs - 1)
    return;  /* met everyone already */

  if (n_runs <= MATRIX_MAX_RUNS)
    {
      guint64 *row = &sweep->met[(gsize) r * words];

      for (guint w = 0; w < words; w++)
        {
          guint64 bits = opposite[w] & ~row[w];

          row[w] |= bits;
          while (bits != 0)
            {
              guint b = w * 64 + (guint) __builtin_ctzll (bits);

              bits &= bits - 1;
              sweep->met[(gsize) b * words + r / 64] |= G_GUINT64_CONSTANT (1) << (r % 64);
              states[r].n_met++;
              states[b].n_met++;
              report_pair (f, acts, &states[r], &states[b]);
            }
        }
    }
  else
    {
      for (guint w = 0; w < words; w++)
        {
          guint64 bits = opposite[w];

          while (bits != 0)
            {
              guint b = w * 64 + (guint) __builtin_ctzll (bits);
              guint64 key = r < b ? ((guint64) r << 32) | b : ((guint64) b << 32) | r;

              bits &= bits - 1;
              if (b == r || !pair_table_add (&sweep->pairs, key))
                continue;
              states[r].n_met++;
              states[b].n_met++;
              report_pair (f, acts, &states[r], &states[b]);
            }
        }
    }
}

static void
find_conflicts (Finder          *f,
                const StanceAct *acts,
                guint            n)
{
  Sweep *sweep = &f->sweep;
  guint n_runs = 0, n_heap;

  /* Holders with a position on the target; the others never conflict. */
  for (guint i = 0; i < n; )
    {
      gboolean positional = FALSE;
      guint j = i;

      for (; j < n && acts[j].holder == acts[i].holder; j++)
        positional |= _stance_act_is_positional (&acts[j]);
      n_runs += positional;
      i = j;
    }

  /* Conflicts need two holders. */
  if (n_runs < 2)
    return;

  sweep_reserve (sweep, n_runs);

  n_runs = 0;
  for (guint i = 0; i < n; )
    {
      gboolean positional = FALSE;
      guint first = G_MAXUINT;
      guint j = i;

      for (; j < n && acts[j].holder == acts[i].holder; j++)
        {
          positional |= _stance_act_is_positional (&acts[j]);
          if (first == G_MAXUINT && acts[j].polarity != STANCE_POLARITY_NEUTRAL)
            first = j;
        }
      if (positional)
        {
          Cursor cursor = { first, j, n_runs };
          RunState state = { { NO_ACT, NO_ACT }, acts[i].holder, 0, 0, 0 };

          sweep->cursors[n_runs] = cursor;
          sweep->states[n_runs] = state;
          n_runs++;
        }
      i = j;
    }

  n_heap = n_runs;
  for (guint k = n_heap / 2; k-- > 0; )
    heap_sift_down (sweep->cursors, n_heap, k, acts);

  while (n_heap > 0)
    {
      gint64 t = cursor_start (&sweep->cursors[0], acts);
      guint n_changed = 0;

      /* Every holder that acts at t: what it holds from t on. */
      while (n_heap > 0 && cursor_start (&sweep->cursors[0], acts) == t)
        {
          Cursor *top = &sweep->cursors[0];
          RunState *state = &sweep->states[top->run];
          guint32 first[2] = { NO_ACT, NO_ACT };
          guint8 held = 0, flipped;
          guint at = top->at;

          for (; at < top->end && acts[at].start == t; at++)
            {
              guint8 p = acts[at].polarity;

              if (p <= STANCE_POLARITY_NEGATIVE && first[p] == NO_ACT)
                {
                  first[p] = at;
                  held |= 1 << p;
                }
            }
          while (at < top->end && acts[at].polarity == STANCE_POLARITY_NEUTRAL)
            at++;

          flipped = held ^ state->held;
          for (guint q = 0; q < 2; q++)
            {
              if (flipped & (1 << q))
                sweep->holding[q][top->run / 64] ^= G_GUINT64_CONSTANT (1) << (top->run % 64);
            }
          state->gained = held & ~state->held;
          state->held = held;
          state->first[0] = first[0];
          state->first[1] = first[1];
          if (state->gained != 0)
            sweep->changed[n_changed++] = top->run;

          if (at < top->end)
            top->at = at;
          else
            *top = sweep->cursors[--n_heap];
          heap_sift_down (sweep->cursors, n_heap, 0, acts);
        }

      /* Then the new meetings, against what everyone holds at t. */
      for (guint c = 0; c < n_changed; c++)
        {
          guint r = sweep->changed[c];

          for (guint q = 0; q < 2; q++)
            {
              if (sweep->states[r].gained & (1 << q))
                meet_gained (f, acts, n_runs, r, q);
            }
        }
    }
}

/* 4. disputed attribution.  For an attribution of polarity p made at time
 * t, the holder's first act (in act order) with another polarity that does
 * not precede the attribution, i.e. whose period ends after t starts.  For
 * each polarity q the group's acts of polarity q are kept with the running
 * maximum of their ends; that maximum only grows, so the first act of
 * polarity q ending after t is found by binary search. */

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
collect_attributions (Finder *f)
{
  StanceStore *store = f->store;
  StanceActIndex *index = f->index;

  for (guint a = 0; a < index->attributions->len; a++)
    {
      guint32 i = g_array_index (index->attributions, guint32, a);
      guint32 statement = _stance_store_stance_statement (store, i);
      Attribution attribution;

      attribution.stance = i;
      attribution.statement = statement;
      attribution.holder = _stance_store_stance_holder (store, i);
      attribution.speaker = _stance_store_statement_speaker (store, statement);
      attribution.target = _stance_store_stance_target (store, i);
      attribution.start = _stance_store_statement_time (store, statement)->start;
      attribution.polarity = _stance_store_stance_polarity (store, i);
      g_array_append_val (f->attributions, attribution);
    }

  /* An empty GArray has no data, and qsort() wants some. */
  if (f->attributions->len > 1)
    qsort (f->attributions->data, f->attributions->len, sizeof (Attribution), attribution_cmp);
}

static void
find_disputed (Finder *f,
               guint   begin,
               guint   end)
{
  PolarityRun *runs = f->runs;
  GArray *attributions = f->attributions;

  for (guint i = begin; i < end; )
    {
      const Attribution *head = &g_array_index (attributions, Attribution, i);
      const StanceAct *group;
      guint first, n, j = i;

      while (j < end && g_array_index (attributions, Attribution, j).holder == head->holder)
        j++;

      _stance_act_index_group (f->index, head->target, head->holder, &first, &n);
      group = &g_array_index (f->index->acts, StanceAct, first);

      for (guint q = 0; q < 3; q++)
        {
          g_array_set_size (runs[q].positions, 0);
          g_array_set_size (runs[q].max_end, 0);
        }
      for (guint k = 0; k < n; k++)
        {
          guint q = group[k].polarity;
          gint64 act_end = group[k].end;

          if (q == STANCE_POLARITY_NEUTRAL)
            continue;
          if (runs[q].max_end->len > 0)
            act_end = MAX (act_end, g_array_index (runs[q].max_end, gint64, runs[q].max_end->len - 1));
          g_array_append_val (runs[q].positions, k);
          g_array_append_val (runs[q].max_end, act_end);
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
            add_finding (f, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION, a->target,
                         a->holder, a->speaker, best_stance, best->stance);
          k = l;
        }

      i = j;
    }
}

static const char *
statement_id (StanceStore *store,
              guint32      stance)
{
  return _stance_store_stance_statement_id (store, stance);
}

/* The last keys of SPEC §4: the statements' ids, then (only stances of
 * the same statements are left) the stances, to keep the output stable. */
static inline int
statements_cmp (const char *a_first_id,
                const char *a_second_id,
                guint32     a_first,
                guint32     a_second,
                const char *b_first_id,
                const char *b_second_id,
                guint32     b_first,
                guint32     b_second)
{
  int c;

  if ((c = strcmp (a_first_id, b_first_id)) != 0)
    return c;
  if ((c = strcmp (a_second_id, b_second_id)) != 0)
    return c;
  if (a_first != b_first)
    return a_first < b_first ? -1 : 1;
  if (a_second != b_second)
    return a_second < b_second ? -1 : 1;
  return 0;
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
      (c = strcmp (_stance_store_actor_id (store, a->holder), _stance_store_actor_id (store, b->holder))) != 0)
    return c;
  if (a->kind >= STANCE_CONTRADICTION_KIND_CONFLICT && a->other != b->other &&
      (c = strcmp (_stance_store_actor_id (store, a->other), _stance_store_actor_id (store, b->other))) != 0)
    return c;
  return statements_cmp (statement_id (store, a->first), statement_id (store, a->second), a->first, a->second,
                         statement_id (store, b->first), statement_id (store, b->second), b->first, b->second);
}

/* Sorting one target's records of one kind as _stance_finding_cmp() orders
 * them.  Kind and target are the same, so the order is by holders, then
 * by the statements' ids.  Actors are ranked by id once (rank_actors()),
 * so the holders make one integer, and the records are sorted by it with
 * a radix sort, which reads no id at all.  Only records with the same
 * holders are then compared by their statements' ids.  A conflict has
 * one record per pair of holders, so most records, on the hottest
 * targets, never reach that second step. */
typedef struct
{
  guint64 holders;  /* holder rank * n_ranks + other rank */
  guint32 index;    /* into the buffer */
} SortKey;

/* The same holders: the statements, as statements_cmp() orders them.
 * Each id's first eight bytes are kept as a number that compares as they
 * do (big-endian, zeros after the end), so that most comparisons read no
 * id: only ids with the same eight first bytes are compared whole. */
typedef struct
{
  guint64     first_prefix;
  guint64     second_prefix;
  const char *first_id;
  const char *second_id;
  guint32     first;
  guint32     second;
  guint32     index;
} TieKey;

static guint64
id_prefix (const char *id)
{
  guint64 prefix = 0;
  guint i;

  for (i = 0; i < 8 && id[i] != '\0'; i++)
    prefix = prefix << 8 | (guchar) id[i];
  return prefix << (8 * (8 - i));
}

/* Compares two statements' ids by their prefixes first; a different
 * statement has a different id. */
static inline int
id_cmp (guint64     a_prefix,
        const char *a_id,
        guint32     a,
        guint64     b_prefix,
        const char *b_id,
        guint32     b)
{
  if (a_prefix != b_prefix)
    return a_prefix < b_prefix ? -1 : 1;
  if (a == b)
    return 0;
  return strcmp (a_id, b_id);
}

static int
tie_key_cmp (const void *pa,
             const void *pb)
{
  const TieKey *a = pa;
  const TieKey *b = pb;
  int c;

  if ((c = id_cmp (a->first_prefix, a->first_id, a->first, b->first_prefix, b->first_id, b->first)) != 0)
    return c;
  /* Equal ids are the same statements (ids are unique): the same keys. */
  return id_cmp (a->second_prefix, a->second_id, a->second, b->second_prefix, b->second_id, b->second);
}

static int
sort_key_cmp (const void *pa,
              const void *pb)
{
  const SortKey *a = pa;
  const SortKey *b = pb;

  if (a->holders != b->holders)
    return a->holders < b->holders ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

#define RADIX_BITS 11
#define RADIX_MIN  256  /* fewer keys are sorted by comparison */

/* A stable least-significant-digit radix sort of @keys by holders, only on
 * the digits in which some keys differ; @tmp is as long as @keys.  Returns
 * the array that holds the result. */
static SortKey *
radix_sort (SortKey *keys,
            SortKey *tmp,
            guint    n)
{
  guint64 all_or = 0, all_and = G_MAXUINT64;

  for (guint i = 0; i < n; i++)
    {
      all_or |= keys[i].holders;
      all_and &= keys[i].holders;
    }

  for (guint shift = 0; shift < 64 && (all_or ^ all_and) >> shift != 0; shift += RADIX_BITS)
    {
      guint count[1u << RADIX_BITS] = { 0 };
      guint mask = (1u << RADIX_BITS) - 1;
      guint sum = 0;
      SortKey *swap;

      if ((((all_or ^ all_and) >> shift) & mask) == 0)
        continue;  /* every key has the same digit here */
      for (guint i = 0; i < n; i++)
        count[(keys[i].holders >> shift) & mask]++;
      for (guint d = 0; d <= mask; d++)
        {
          guint c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        tmp[count[(keys[i].holders >> shift) & mask]++] = keys[i];
      swap = keys;
      keys = tmp;
      tmp = swap;
    }

  return keys;
}

/* Sorts the records @keys[begin, end), which have the same holders, by
 * their statements. */
static void
sort_ties (Finder  *f,
           SortKey *keys,
           guint    begin,
           guint    end)
{
  StanceStore *store = f->store;
  GArray *buffer = f->buffer;
  g_autofree TieKey *ties = g_new (TieKey, end - begin);

  for (guint i = begin; i < end; i++)
    {
      const StanceFinding *finding = &g_array_index (buffer, StanceFinding, keys[i].index);
      TieKey *tie = &ties[i - begin];

      tie->first_id = statement_id (store, finding->first);
      tie->second_id = statement_id (store, finding->second);
      tie->first_prefix = id_prefix (tie->first_id);
      tie->second_prefix = id_prefix (tie->second_id);
      tie->first = finding->first;
      tie->second = finding->second;
      tie->index = keys[i].index;
    }
  qsort (ties, end - begin, sizeof (TieKey), tie_key_cmp);
  for (guint i = begin; i < end; i++)
    keys[i].index = ties[i - begin].index;
}

/* Hands the buffer out in order, then empties it. */
static void
flush_buffer (Finder *f)
{
  GArray *buffer = f->buffer;
  guint n = buffer->len;
  g_autofree SortKey *keys = NULL;
  g_autofree SortKey *tmp = NULL;
  SortKey *sorted;

  if (n == 0)
    return;

  keys = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      const StanceFinding *finding = &g_array_index (buffer, StanceFinding, i);
      guint64 other = finding->kind >= STANCE_CONTRADICTION_KIND_CONFLICT ? rank_of (f, finding->other) : 0;

      keys[i].holders = (guint64) rank_of (f, finding->holder) * f->n_ranks + other;
      keys[i].index = i;
    }

  if (n < RADIX_MIN)
    {
      qsort (keys, n, sizeof (SortKey), sort_key_cmp);
      sorted = keys;
    }
  else
    {
      tmp = g_new (SortKey, n);
      sorted = radix_sort (keys, tmp, n);
    }

  for (guint i = 0; i < n; )
    {
      guint j = i + 1;

      while (j < n && sorted[j].holders == sorted[i].holders)
        j++;
      if (j - i > 1)
        sort_ties (f, sorted, i, j);
      i = j;
    }

  for (guint i = 0; i < n; i++)
    f->func (&g_array_index (buffer, StanceFinding, sorted[i].index), f->user_data);
  g_array_set_size (buffer, 0);
}

typedef struct
{
  const char *id;
  guint32     index;
} Named;

static int
named_cmp (const void *a,
           const void *b)
{
  return strcmp (((const Named *) a)->id, ((const Named *) b)->id);
}

static int
target_span_cmp (const void *a,
                 const void *b)
{
  return strcmp (((const TargetSpan *) a)->id, ((const TargetSpan *) b)->id);
}

/* The targets that have acts or attributions, from the two arrays that are
 * both sorted by target reference; in byte order of ids if @ordered. */
static void
collect_targets (Finder *f)
{
  const StanceAct *acts = (const StanceAct *) f->index->acts->data;
  guint n_acts = f->index->acts->len;
  const Attribution *attributions = (const Attribution *) f->attributions->data;
  guint n_attributions = f->attributions->len;
  guint i = 0, a = 0;

  while (i < n_acts || a < n_attributions)
    {
      TargetSpan span;

      if (a == n_attributions || (i < n_acts && acts[i].target <= attributions[a].target))
        span.target = acts[i].target;
      else
        span.target = attributions[a].target;

      span.act_begin = i;
      while (i < n_acts && acts[i].target == span.target)
        i++;
      span.act_end = i;
      span.attr_begin = a;
      while (a < n_attributions && attributions[a].target == span.target)
        a++;
      span.attr_end = a;
      span.id = _stance_store_ref_id (f->store, span.target);

      if (filter_keeps_target (f->filter, span.id))
        g_array_append_val (f->targets, span);
    }

  if (f->ordered && f->targets->len > 1)
    qsort (f->targets->data, f->targets->len, sizeof (TargetSpan), target_span_cmp);
}

static void
see_actor (GHashTable *seen,
           guint32     actor)
{
  g_hash_table_add (seen, GUINT_TO_POINTER (actor));
}

/* Ranks the actors by id.  For the whole graph, all of them, in an array;
 * for a small index (the live model's one target), only those that occur
 * in it, so that a change costs in proportion to its target, not to the
 * graph's actors. */
static void
rank_actors (Finder *f)
{
  StanceStore *store = f->store;
  StanceActIndex *index = f->index;
  guint n = _stance_store_n_actors (store);
  g_autofree Named *named = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if ((gsize) (index->acts->len + index->attributions->len) * 2 >= n)
    {
      named = g_new (Named, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          named[i].id = _stance_store_actor_id (store, i);
          named[i].index = i;
        }
      qsort (named, n, sizeof (Named), named_cmp);

      f->actor_rank = g_new (guint32, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        f->actor_rank[named[i].index] = i;
      f->n_ranks = n;
      return;
    }

  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < index->acts->len; i++)
    see_actor (seen, g_array_index (index->acts, StanceAct, i).holder);
  for (guint i = 0; i < index->attributions->len; i++)
    {
      guint32 stance = g_array_index (index->attributions, guint32, i);

      see_actor (seen, _stance_store_stance_holder (store, stance));
      see_actor (seen, _stance_store_statement_speaker (store, _stance_store_stance_statement (store, stance)));
    }

  n = g_hash_table_size (seen);
  named = g_new (Named, MAX (n, 1));
  {
    GHashTableIter iter;
    gpointer key;
    guint k = 0;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        named[k].index = GPOINTER_TO_UINT (key);
        named[k].id = _stance_store_actor_id (store, named[k].index);
        k++;
      }
  }
  if (n > 1)
    qsort (named, n, sizeof (Named), named_cmp);

  f->n_ranks = n;
  f->rank_table = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (f->rank_table, GUINT_TO_POINTER (named[i].index), GUINT_TO_POINTER (i + 1));
}

static void
find_kind_on (Finder                  *f,
              StanceContradictionKind  kind,
              const TargetSpan        *span)
{
  const StanceAct *acts = (const StanceAct *) f->index->acts->data;

  switch (kind)
    {
    case STANCE_CONTRADICTION_KIND_REVERSAL:
    case STANCE_CONTRADICTION_KIND_INCONSISTENCY:
      for (guint k = span->act_begin; k < span->act_end; )
        {
          guint l = k;

          while (l < span->act_end && acts[l].holder == acts[k].holder)
            l++;
          find_in_group (f, kind, &acts[k], l - k);
          k = l;
        }
      break;

    case STANCE_CONTRADICTION_KIND_CONFLICT:
      find_conflicts (f, &acts[span->act_begin], span->act_end - span->act_begin);
      break;

    case STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION:
      find_disputed (f, span->attr_begin, span->attr_end);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_stance_find_each (StanceStore               *store,
                   StanceActIndex            *index,
                   const StanceFindingFilter *filter,
                   gboolean                   ordered,
                   StanceFindingFunc          func,
                   gpointer                   user_data)
{
  guint kinds = filter != NULL && filter->kinds != 0 ? filter->kinds : STANCE_FINDING_ALL_KINDS;
  Finder f = { 0 };

  g_return_if_fail (index->serial == _stance_store_serial (store));

  f.store = store;
  f.index = index;
  f.filter = filter;
  f.func = func;
  f.user_data = user_data;
  f.ordered = ordered;
  f.attributions = g_array_new (FALSE, FALSE, sizeof (Attribution));
  f.targets = g_array_new (FALSE, FALSE, sizeof (TargetSpan));
  f.buffer = g_array_new (FALSE, FALSE, sizeof (StanceFinding));
  for (guint q = 0; q < 3; q++)
    {
      f.runs[q].positions = g_array_new (FALSE, FALSE, sizeof (guint));
      f.runs[q].max_end = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  sweep_init (&f.sweep);

  if (kinds & (1 << STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION))
    collect_attributions (&f);
  collect_targets (&f);
  rank_actors (&f);

  /* One kind at a time over the targets, so that records come out in
   * order with only one target's records of one kind in hand. */
  for (guint kind = 0; kind <= STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION; kind++)
    {
      if (!(kinds & (1 << kind)))
        continue;

      for (guint t = 0; t < f.targets->len; t++)
        {
          find_kind_on (&f, kind, &g_array_index (f.targets, TargetSpan, t));
          if (ordered)
            flush_buffer (&f);
        }
    }

  sweep_clear (&f.sweep);
  for (guint q = 0; q < 3; q++)
    {
      g_array_unref (f.runs[q].positions);
      g_array_unref (f.runs[q].max_end);
    }
  g_array_unref (f.attributions);
  g_array_unref (f.targets);
  g_array_unref (f.buffer);
  g_free (f.actor_rank);
  g_clear_pointer (&f.rank_table, g_hash_table_unref);
}

static void
append_finding (const StanceFinding *finding,
                gpointer             user_data)
{
  g_array_append_vals (user_data, finding, 1);
}

GArray *
_stance_find_contradictions (StanceStore    *store,
                             StanceActIndex *index)
{
  GArray *findings = g_array_new (FALSE, FALSE, sizeof (StanceFinding));

  g_return_val_if_fail (index->serial == _stance_store_serial (store), findings);

  _stance_find_each (store, index, NULL, TRUE, append_finding, findings);

  return findings;
}
