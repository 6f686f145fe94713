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

static int
meeting_cmp (gconstpointer pa,
             gconstpointer pb)
{
  const Meeting *a = pa;
  const Meeting *b = pb;
  int c;

  if (a->lo != b->lo)
    return a->lo < b->lo ? -1 : 1;
  if (a->hi != b->hi)
    return a->hi < b->hi ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  c = _stance_act_order_cmp (a->lo_act, b->lo_act);
  if (c != 0)
    return c;
  return _stance_act_order_cmp (a->hi_act, b->hi_act);
}

static int
span_cmp (gconstpointer pa,
          gconstpointer pb)
{
  return _stance_act_order_cmp (((const Span *) pa)->act, ((const Span *) pb)->act);
}

static void
find_conflicts (StanceStore     *store,
                GArray          *findings,
                const StanceAct *acts,
                guint            n,
                GArray          *spans,
                GArray          *meetings)
{
  GArray *holding[2];

  g_array_set_size (spans, 0);
  g_array_set_size (meetings, 0);

  /* Each holder's run: a span ends at the first later start in the run.
   * Walking the run backwards, the smallest start seen so far is that later
   * start, unless it equals this act's start, when the end is the same as
   * for the act that has it. */
  for (guint i = 0; i < n; )
    {
      gint64 seen_start = G_MAXINT64;
      gint64 seen_end = G_MAXINT64;
      guint j = i;

      while (j < n && acts[j].holder == acts[i].holder)
        j++;

      for (guint k = j; k-- > i; )
        {
          Span span = { G_MAXINT64, &acts[k] };

          if (acts[k].polarity == STANCE_POLARITY_NEUTRAL)
            continue;

          span.end = seen_start > acts[k].start ? seen_start : seen_end;
          seen_start = acts[k].start;
          seen_end = span.end;

          if (_stance_act_is_positional (&acts[k]))
            g_array_append_val (spans, span);
        }

      i = j;
    }

  if (spans->len < 2)
    return;

  g_array_sort (spans, span_cmp);

  holding[0] = g_array_new (FALSE, FALSE, sizeof (Span));
  holding[1] = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      guint side = span->act->polarity == STANCE_POLARITY_POSITIVE ? 0 : 1;
      GArray *opposite = holding[1 - side];
      guint kept = 0;

      for (guint k = 0; k < opposite->len; k++)
        {
          Span other = g_array_index (opposite, Span, k);

          if (other.end <= span->act->start)
            continue;  /* no longer holds, nor will for any later span */

          g_array_index (opposite, Span, kept++) = other;

          if (other.act->holder != span->act->holder)
            {
              const char *a = STANCE_STORE_ACTOR (store, other.act->holder)->id;
              const char *b = STANCE_STORE_ACTOR (store, span->act->holder)->id;
              gboolean other_first = strcmp (a, b) < 0;
              Meeting meeting;

              meeting.lo = other_first ? other.act->holder : span->act->holder;
              meeting.hi = other_first ? span->act->holder : other.act->holder;
              meeting.start = span->act->start;
              meeting.lo_act = other_first ? other.act : span->act;
              meeting.hi_act = other_first ? span->act : other.act;
              g_array_append_val (meetings, meeting);
            }
        }
      g_array_set_size (opposite, kept);
      g_array_append_val (holding[side], *span);
    }

  g_array_unref (holding[0]);
  g_array_unref (holding[1]);

  /* One record per pair of holders: the meeting whose overlap starts
   * first, ties broken by the act order of the first holder's act, then of
   * the second's. */
  g_array_sort (meetings, meeting_cmp);
  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *m = &g_array_index (meetings, Meeting, i);

      if (i > 0)
        {
          const Meeting *prev = &g_array_index (meetings, Meeting, i - 1);

          if (prev->lo == m->lo && prev->hi == m->hi)
            continue;
        }

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
attribution_cmp (gconstpointer pa,
                 gconstpointer pb)
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

  g_array_sort (attributions, attribution_cmp);

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

static int
finding_cmp (gconstpointer a,
             gconstpointer b,
             gpointer      store)
{
  return _stance_finding_cmp (a, b, store);
}

GArray *
_stance_find_contradictions (StanceStore    *store,
                             StanceActIndex *index)
{
  GArray *findings = g_array_new (FALSE, FALSE, sizeof (StanceFinding));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  const StanceAct *acts = (const StanceAct *) index->acts->data;
  guint n = index->acts->len;

  g_return_val_if_fail (index->serial == store->serial, findings);

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

      find_conflicts (store, findings, &acts[i], j - i, spans, meetings);
      i = j;
    }

  find_disputed (store, index, findings);

  g_array_sort_with_data (findings, finding_cmp, store);

  return findings;
}
