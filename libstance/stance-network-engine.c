/* stance-network-engine.c: the arithmetic behind networks and polarisation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The definitions are DNA's (doc/networks.md gives each one and says where
 * libstance differs); the code is libstance's own.  DNA loops over every
 * pair of rows and every column for every network; here the counted
 * stances are folded once into their distinct (target, holder) cells, and
 * a one-mode network adds, target by target, the products of the holders
 * active on that target: the cost is the number of co-active pairs, not
 * rows² × columns.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stance-error.h"
#include "stance-network-engine-private.h"
#include "stance-time-private.h"

/* ---- calendar ---------------------------------------------------------- */

#define DAY 86400

#define floor_div _stance_time_floor_div
#define civil_from_days _stance_time_civil_from_days
#define days_from_civil _stance_time_days_from_civil
#define days_in_month _stance_time_days_in_month

gint64
_stance_net_add_units (gint64         t,
                       StanceTimeUnit unit,
                       gint64         n)
{
  gint64 days, secs, y, months;
  int m, d;

  switch (unit)
    {
    case STANCE_TIME_UNIT_DAYS:
      return t + n * DAY;
    case STANCE_TIME_UNIT_WEEKS:
      return t + n * 7 * DAY;
    case STANCE_TIME_UNIT_MONTHS:
    case STANCE_TIME_UNIT_YEARS:
    default:
      days = floor_div (t, DAY);
      secs = t - days * DAY;
      civil_from_days (days, &y, &m, &d);
      months = y * 12 + (m - 1) + (unit == STANCE_TIME_UNIT_YEARS ? 12 * n : n);
      y = floor_div (months, 12);
      m = (int) (months - y * 12) + 1;
      d = MIN (d, days_in_month ((int) y, m));
      return days_from_civil (y, m, d) * DAY + secs;
    }
}

/* gamma − t in whole units, truncated towards zero as java.time's
 * Duration.toDays() and Period.between() do; months and years compare the
 * calendar dates only. */
gint64
_stance_net_diff_units (gint64         t,
                        gint64         gamma,
                        StanceTimeUnit unit)
{
  gint64 y1, y2, months;
  int m1, d1, m2, d2;

  switch (unit)
    {
    case STANCE_TIME_UNIT_DAYS:
      return (gamma - t) / DAY;
    case STANCE_TIME_UNIT_WEEKS:
      return ((gamma - t) / DAY) / 7;
    case STANCE_TIME_UNIT_MONTHS:
    case STANCE_TIME_UNIT_YEARS:
    default:
      civil_from_days (floor_div (t, DAY), &y1, &m1, &d1);
      civil_from_days (floor_div (gamma, DAY), &y2, &m2, &d2);
      months = (y2 * 12 + m2) - (y1 * 12 + m1);
      if (months > 0 && d2 < d1)
        months--;
      else if (months < 0 && d2 > d1)
        months++;
      return unit == STANCE_TIME_UNIT_YEARS ? months / 12 : months;
    }
}

double
_stance_net_kernel (StanceNetworkKernel kernel,
                    double              d)
{
  switch (kernel)
    {
    case STANCE_NETWORK_KERNEL_NONE:
      return d >= -1.0 && d <= 1.0 ? 1.0 : 0.0;
    case STANCE_NETWORK_KERNEL_UNIFORM:
      return d >= -1.0 && d <= 1.0 ? 0.5 : 0.0;
    case STANCE_NETWORK_KERNEL_EPANECHNIKOV:
      return d >= -1.0 && d <= 1.0 ? 0.75 * (1.0 - d * d) : 0.0;
    case STANCE_NETWORK_KERNEL_TRIANGULAR:
      return d >= -1.0 && d <= 1.0 ? 1.0 - fabs (d) : 0.0;
    case STANCE_NETWORK_KERNEL_GAUSSIAN:
    default:
      return exp (-0.5 * d * d) / sqrt (2.0 * G_PI);
    }
}

/* The bucket a stance's time falls into for a duplicates setting. */
static gint64
duplicate_bucket (StanceNetworkDuplicates duplicates,
                  gint64                  t)
{
  gint64 days = floor_div (t, DAY), y;
  int m, d;

  switch (duplicates)
    {
    case STANCE_NETWORK_DUPLICATES_YEAR:
      civil_from_days (days, &y, &m, &d);
      return y;
    case STANCE_NETWORK_DUPLICATES_MONTH:
      civil_from_days (days, &y, &m, &d);
      return y * 12 + m;
    case STANCE_NETWORK_DUPLICATES_WEEK:
      /* ISO 8601 weeks run Monday to Sunday, so numbering the weeks from
       * Monday 1969-12-29 (1970-01-01 was a Thursday) names each one. */
      return floor_div (days + 3, 7);
    case STANCE_NETWORK_DUPLICATES_INCLUDE:
    case STANCE_NETWORK_DUPLICATES_DOCUMENT:
    case STANCE_NETWORK_DUPLICATES_ACROSSRANGE:
    default:
      return 0;
    }
}

/* ---- gathering the counted stances -------------------------------------- */

/* 2^28 cells: 2 GiB of doubles. */
#define STANCE_NET_MAX_CELLS (G_GUINT64_CONSTANT (1) << 28)

typedef struct
{
  guint32 actor;   /* the row's actor */
  StanceRef target;
  guint64 bucket;  /* document or period */
  guint8  q;
} DupKey;

static guint
dup_key_hash (gconstpointer p)
{
  const DupKey *k = p;
  guint64 h = k->actor * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h ^= (k->target + (h << 6) + (h >> 2)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  h ^= (k->bucket + (h << 6) + (h >> 2)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  h ^= k->q;
  return (guint) (h ^ (h >> 32));
}

static gboolean
dup_key_equal (gconstpointer a,
               gconstpointer b)
{
  const DupKey *x = a, *y = b;

  return x->actor == y->actor && x->target == y->target && x->bucket == y->bucket && x->q == y->q;
}

static int
compare_ids (const char *a,
             const char *b)
{
  return strcmp (a, b);
}

static StanceStore *sort_store;  /* only during the label sorts below */

static int
compare_actor_ids (const void *a,
                   const void *b)
{
  return compare_ids (_stance_store_actor_id (sort_store, *(const guint32 *) a),
                      _stance_store_actor_id (sort_store, *(const guint32 *) b));
}

static int
compare_ref_ids (const void *a,
                 const void *b)
{
  return compare_ids (_stance_store_ref_id (sort_store, *(const StanceRef *) a),
                      _stance_store_ref_id (sort_store, *(const StanceRef *) b));
}

static int
compare_records_by_time (const void *a,
                         const void *b)
{
  const StanceNetRecord *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static gboolean
check_options (StanceNetworkOptions *o,
               GError              **error)
{
  gboolean onemode = o->mode == STANCE_NETWORK_MODE_ONEMODE;

  /* DNA quietly replaces a setting that does not fit the mode; a silent
   * change of meaning is worse than an error, so libstance refuses. */
  if (onemode && o->aggregation == STANCE_NETWORK_AGGREGATION_COMBINE)
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                           "aggregation \"combine\" is for two-mode networks only");
      return FALSE;
    }
  if (!onemode && (o->aggregation == STANCE_NETWORK_AGGREGATION_CONGRUENCE ||
                   o->aggregation == STANCE_NETWORK_AGGREGATION_CONFLICT))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "aggregation \"%s\" is for one-mode networks only",
                   o->aggregation == STANCE_NETWORK_AGGREGATION_CONFLICT ? "conflict" : "congruence");
      return FALSE;
    }
  if (onemode && (o->normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ||
                  o->normalization == STANCE_NETWORK_NORMALIZATION_PROMINENCE))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "normalization \"%s\" is for two-mode networks only",
                   o->normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ? "activity" : "prominence");
      return FALSE;
    }
  if (!onemode && o->normalization >= STANCE_NETWORK_NORMALIZATION_AVERAGE)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "normalization \"%s\" is for one-mode networks only",
                   o->normalization == STANCE_NETWORK_NORMALIZATION_AVERAGE ? "average" :
                   o->normalization == STANCE_NETWORK_NORMALIZATION_JACCARD ? "jaccard" : "cosine");
      return FALSE;
    }
  return TRUE;
}

/* Resolves excluded ids into a set of references. */
static GHashTable *
resolve_exclusions (StanceStore *store,
                    GPtrArray   *ids,
                    guint        sort_mask,
                    const char  *what,
                    GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      StanceRef ref = _stance_store_lookup (store, id);

      if (ref == 0)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID,
                       "excluded %s: unknown id \"%s\"", what, id);
          return NULL;
        }
      if ((STANCE_SORT_MASK (stance_ref_sort (ref)) & sort_mask) == 0)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                       "excluded %s: \"%s\" is not an actor", what, id);
          return NULL;
        }
      g_hash_table_add (set, GUINT_TO_POINTER (ref));
    }
  return g_steal_pointer (&set);
}

typedef struct
{
  gint64    time;
  guint32   seq;
  guint32   actor;   /* the row's actor, after roll-up */
  StanceRef target;
  guint64   doc;
  guint8    q;
} Candidate;

/* The distinct (column, row) pairs of the records, sorted by column then
 * row: two stable counting sorts of the record indices, then one scan. */
static void
assign_cells (StanceNetData *data)
{
  guint n = data->records->len;
  StanceNetRecord *recs = (StanceNetRecord *) (void *) data->records->data;
  g_autofree guint32 *by_row = g_new (guint32, n + 1);
  g_autofree guint32 *order = g_new (guint32, n + 1);
  g_autofree guint32 *count = g_new0 (guint32, MAX (data->n_rows, data->n_cols) + 2);
  guint32 prev_row = G_MAXUINT32, prev_col = G_MAXUINT32;

  for (guint i = 0; i < n; i++)
    count[recs[i].row + 1]++;
  for (guint r = 0; r < data->n_rows; r++)
    count[r + 1] += count[r];
  for (guint i = 0; i < n; i++)
    by_row[count[recs[i].row]++] = i;

  memset (count, 0, sizeof (guint32) * (MAX (data->n_rows, data->n_cols) + 2));
  for (guint i = 0; i < n; i++)
    count[recs[i].col + 1]++;
  for (guint j = 0; j < data->n_cols; j++)
    count[j + 1] += count[j];
  for (guint i = 0; i < n; i++)
    order[count[recs[by_row[i]].col]++] = by_row[i];

  data->cell_row = g_new (guint32, n + 1);
  data->col_start = g_new0 (guint32, data->n_cols + 1);
  data->n_cells = 0;
  for (guint i = 0; i < n; i++)
    {
      StanceNetRecord *r = &recs[order[i]];

      if (r->row != prev_row || r->col != prev_col)
        {
          data->cell_row[data->n_cells++] = r->row;
          data->col_start[r->col + 1]++;
          prev_row = r->row;
          prev_col = r->col;
        }
      r->cell = data->n_cells - 1;
    }
  for (guint j = 0; j < data->n_cols; j++)
    data->col_start[j + 1] += data->col_start[j];
}

gboolean
_stance_net_data_init (StanceNetData        *data,
                       StanceStore          *store,
                       StanceNetworkOptions *o,
                       gboolean              by_time,
                       GError              **error)
{
  g_autoptr(GHashTable) ex_holders = NULL;
  g_autoptr(GHashTable) ex_targets = NULL;
  g_autoptr(GHashTable) docs = NULL;
  g_autoptr(GArray) cands = NULL;
  g_autofree guint32 *row_of_actor = NULL;
  g_autofree guint8 *actor_seen = NULL;
  /* Per sort of target (actor, claim, statement): its column, or
   * G_MAXUINT32 while unseen; 0 marks seen before the columns are known. */
  g_autofree guint32 *col_of_actor = NULL;
  g_autofree guint32 *col_of_claim = NULL;
  g_autofree guint32 *col_of_statement = NULL;
  guint32 *col_of[4];
  guint n_of_sort[4];
  gboolean ignore_q = o->aggregation == STANCE_NETWORK_AGGREGATION_IGNORE;
  guint n_actors = _stance_store_n_actors (store);
  GArray *rows, *cols;

  memset (data, 0, sizeof *data);
  data->store = store;
  data->options = o;

  if (!check_options (o, error))
    return FALSE;
  if ((ex_holders = resolve_exclusions (store, o->exclude_holders, STANCE_SORT_MASK (STANCE_SORT_ACTOR),
                                        "holder", error)) == NULL ||
      (ex_targets = resolve_exclusions (store, o->exclude_targets, STANCE_SORT_MASK_ANY,
                                        "target", error)) == NULL)
    return FALSE;

  docs = g_hash_table_new (g_str_hash, g_str_equal);
  cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  actor_seen = g_new0 (guint8, n_actors + 1);
  n_of_sort[0] = 0;
  n_of_sort[STANCE_SORT_ACTOR] = n_actors;
  n_of_sort[STANCE_SORT_CLAIM] = _stance_store_n_claims (store);
  n_of_sort[STANCE_SORT_STATEMENT] = _stance_store_n_statements (store);
  col_of[0] = NULL;
  col_of[STANCE_SORT_ACTOR] = col_of_actor = g_new (guint32, n_actors + 1);
  col_of[STANCE_SORT_CLAIM] = col_of_claim = g_new (guint32, _stance_store_n_claims (store) + 1);
  col_of[STANCE_SORT_STATEMENT] = col_of_statement = g_new (guint32, _stance_store_n_statements (store) + 1);
  for (StanceSort sort = STANCE_SORT_ACTOR; sort <= STANCE_SORT_STATEMENT; sort++)
    memset (col_of[sort], 0xff, sizeof (guint32) * (n_of_sort[sort] + 1));

  /* Pass 1: the stances that count, after roll-up and exclusions. */
  for (guint32 s = 0; s < _stance_store_n_stances (store); s++)
    {
      guint32 statement, holder;
      const GArray *groups;
      StancePolarity polarity;
      Candidate c;
      guint n_groups;

      if (_stance_store_stance_is_removed (store, s))
        continue;
      polarity = _stance_store_stance_polarity (store, s);
      if (polarity != STANCE_POLARITY_POSITIVE && polarity != STANCE_POLARITY_NEGATIVE)
        continue;
      statement = _stance_store_stance_statement (store, s);
      holder = _stance_store_stance_holder (store, s);
      if (holder != _stance_store_statement_speaker (store, statement) && !o->attributed)
        continue;
      if (g_hash_table_contains (ex_targets, GUINT_TO_POINTER (_stance_store_stance_target (store, s))) ||
          g_hash_table_contains (ex_holders, GUINT_TO_POINTER (stance_ref_make (STANCE_SORT_ACTOR, holder))))
        continue;

      c.time = _stance_store_statement_time (store, statement)->start;
      c.seq = s;
      c.target = _stance_store_stance_target (store, s);
      c.q = polarity == STANCE_POLARITY_POSITIVE;
      c.doc = G_GUINT64_CONSTANT (1) << 63 | statement;
      if (o->duplicates == STANCE_NETWORK_DUPLICATES_DOCUMENT)
        {
          const char *source = _stance_store_statement_source (store, statement);

          /* One source text is one document. */
          if (source != NULL)
            {
              gpointer index = g_hash_table_lookup (docs, source);

              if (index == NULL)
                {
                  index = GUINT_TO_POINTER (g_hash_table_size (docs) + 1);
                  g_hash_table_insert (docs, (gpointer) source, index);
                }
              c.doc = GPOINTER_TO_UINT (index);
            }
        }

      groups = _stance_store_actor_member_of (store, holder);
      n_groups = o->roll_up && groups != NULL ? groups->len : 0;
      for (guint g = 0; g < MAX (n_groups, 1); g++)
        {
          c.actor = n_groups > 0 ? g_array_index (groups, guint32, g) : holder;
          if (n_groups > 0 &&
              g_hash_table_contains (ex_holders, GUINT_TO_POINTER (stance_ref_make (STANCE_SORT_ACTOR, c.actor))))
            continue;
          g_array_append_val (cands, c);
          if (o->isolates)
            {
              actor_seen[c.actor] = 1;
              col_of[stance_ref_sort (c.target)][stance_ref_index (c.target)] = 0;
            }
        }
    }

  /* Pass 2: duplicates.  DNA keeps the first of each group in time order
   * and compares every statement with all kept ones; for its buckets that is
   * the same as keeping the earliest stance of each (holder, target,
   * polarity unless ignored, bucket). */
  if (o->duplicates != STANCE_NETWORK_DUPLICATES_INCLUDE)
    {
      g_autoptr(GHashTable) kept = g_hash_table_new (dup_key_hash, dup_key_equal);
      g_autofree DupKey *dkeys = g_new (DupKey, cands->len);
      g_autofree guint8 *keep = g_new0 (guint8, cands->len);
      guint n = 0;

      for (guint i = 0; i < cands->len; i++)
        {
          Candidate *c = &g_array_index (cands, Candidate, i);
          DupKey *k = &dkeys[i];
          gpointer prev;

          k->actor = c->actor;
          k->target = c->target;
          k->q = ignore_q ? 0 : c->q;
          k->bucket = o->duplicates == STANCE_NETWORK_DUPLICATES_DOCUMENT ? c->doc
                      : (guint64) duplicate_bucket (o->duplicates, c->time);
          if (g_hash_table_lookup_extended (kept, k, NULL, &prev))
            {
              Candidate *p = &g_array_index (cands, Candidate, GPOINTER_TO_UINT (prev));

              if (c->time < p->time || (c->time == p->time && c->seq < p->seq))
                {
                  keep[GPOINTER_TO_UINT (prev)] = 0;
                  keep[i] = 1;
                  g_hash_table_insert (kept, k, GUINT_TO_POINTER (i));
                }
            }
          else
            {
              keep[i] = 1;
              g_hash_table_insert (kept, k, GUINT_TO_POINTER (i));
            }
        }
      for (guint i = 0; i < cands->len; i++)
        if (keep[i])
          g_array_index (cands, Candidate, n++) = g_array_index (cands, Candidate, i);
      g_array_set_size (cands, n);
    }

  /* Labels: the holders and targets left (or, with isolates, all that had
   * a counted stance before duplicates), sorted by id. */
  if (!o->isolates)
    for (guint i = 0; i < cands->len; i++)
      {
        Candidate *c = &g_array_index (cands, Candidate, i);

        actor_seen[c->actor] = 1;
        col_of[stance_ref_sort (c->target)][stance_ref_index (c->target)] = 0;
      }

  rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 a = 0; a < n_actors; a++)
    if (actor_seen[a])
      g_array_append_val (rows, a);
  cols = g_array_new (FALSE, FALSE, sizeof (StanceRef));
  for (StanceSort sort = STANCE_SORT_ACTOR; sort <= STANCE_SORT_STATEMENT; sort++)
    for (guint32 i = 0; i < n_of_sort[sort]; i++)
      if (col_of[sort][i] != G_MAXUINT32)
        {
          StanceRef ref = stance_ref_make (sort, i);

          g_array_append_val (cols, ref);
        }
  sort_store = store;
  /* qsort() must not be given NULL, even for nothing. */
  if (rows->len > 1)
    qsort (rows->data, rows->len, sizeof (guint32), compare_actor_ids);
  if (cols->len > 1)
    qsort (cols->data, cols->len, sizeof (StanceRef), compare_ref_ids);
  sort_store = NULL;

  data->n_rows = rows->len;
  data->row_actors = (guint32 *) (void *) g_array_free (rows, FALSE);
  data->n_cols = cols->len;
  data->col_refs = (StanceRef *) (void *) g_array_free (cols, FALSE);

  /* The matrix is dense: refuse one that would not fit, rather than abort
   * on the allocation. */
  if ((guint64) data->n_rows * (o->mode == STANCE_NETWORK_MODE_ONEMODE ? data->n_rows : data->n_cols) >
      STANCE_NET_MAX_CELLS)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "a network of %u x %u is beyond the limit of %u cells: exclude holders or targets",
                   data->n_rows, o->mode == STANCE_NETWORK_MODE_ONEMODE ? data->n_rows : data->n_cols,
                   (guint) STANCE_NET_MAX_CELLS);
      return FALSE;
    }

  row_of_actor = g_new (guint32, n_actors + 1);
  for (guint r = 0; r < data->n_rows; r++)
    row_of_actor[data->row_actors[r]] = r;
  for (guint j = 0; j < data->n_cols; j++)
    col_of[stance_ref_sort (data->col_refs[j])][stance_ref_index (data->col_refs[j])] = j;

  data->records = g_array_sized_new (FALSE, FALSE, sizeof (StanceNetRecord), cands->len);
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = &g_array_index (cands, Candidate, i);
      StanceNetRecord r;

      r.time = c->time;
      r.seq = c->seq;
      r.row = row_of_actor[c->actor];
      r.col = col_of[stance_ref_sort (c->target)][stance_ref_index (c->target)];
      r.q = c->q;
      r.cell = 0;
      g_array_append_val (data->records, r);
    }
  /* Windows find their stances by binary search in time order. */
  if (by_time && data->records->len > 1)
    qsort (data->records->data, data->records->len, sizeof (StanceNetRecord), compare_records_by_time);
  assign_cells (data);

  return TRUE;
}

void
_stance_net_data_clear (StanceNetData *data)
{
  g_clear_pointer (&data->row_actors, g_free);
  g_clear_pointer (&data->col_refs, g_free);
  g_clear_pointer (&data->records, g_array_unref);
  g_clear_pointer (&data->cell_row, g_free);
  g_clear_pointer (&data->col_start, g_free);
}

/* ---- the networks ------------------------------------------------------- */

static void
compute_twomode (const StanceNetData        *data,
                 StanceNetworkAggregation    aggregation,
                 StanceNetworkNormalization  normalization,
                 const double               *a0,
                 const double               *a1,
                 double                     *out)
{
  guint nr = data->n_rows, nc = data->n_cols;
  g_autofree double *denominator = NULL;

  memset (out, 0, sizeof (double) * nr * nc);
  for (guint j = 0; j < nc; j++)
    for (guint k = data->col_start[j]; k < data->col_start[j + 1]; k++)
      {
        double v;

        switch (aggregation)
          {
          case STANCE_NETWORK_AGGREGATION_SUBTRACT:
            v = a1[k] - a0[k];
            break;
          case STANCE_NETWORK_AGGREGATION_COMBINE:
            /* DNA's lexical rank of the (negative, positive) pattern. */
            v = (a0[k] > 0 ? 2 : 0) + (a1[k] > 0 ? 1 : 0);
            break;
          case STANCE_NETWORK_AGGREGATION_IGNORE:
          default:
            v = a0[k] + a1[k];
            break;
          }
        out[(gsize) data->cell_row[k] * nc + j] = v;
      }

  if (normalization != STANCE_NETWORK_NORMALIZATION_ACTIVITY &&
      normalization != STANCE_NETWORK_NORMALIZATION_PROMINENCE)
    return;

  /* Activity divides a row, prominence a column, by: the sum of its
   * values (ignore), the number of its non-zero cells (combine), or the
   * number of stances in it (subtract). */
  if (normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY)
    denominator = g_new0 (double, nr + 1);
  else
    denominator = g_new0 (double, nc + 1);
  for (guint j = 0; j < nc; j++)
    for (guint k = data->col_start[j]; k < data->col_start[j + 1]; k++)
      {
        guint i = data->cell_row[k];
        double v = out[(gsize) i * nc + j], add;

        if (aggregation == STANCE_NETWORK_AGGREGATION_COMBINE)
          add = v > 0 ? 1 : 0;
        else if (aggregation == STANCE_NETWORK_AGGREGATION_SUBTRACT)
          add = a0[k] + a1[k];
        else
          add = v;
        denominator[normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ? i : j] += add;
      }
  for (guint i = 0; i < nr; i++)
    for (guint j = 0; j < nc; j++)
      {
        double den = denominator[normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ? i : j];
        double *cell = &out[(gsize) i * nc + j];

        *cell = den == 0 ? 0 : *cell / den;
      }
}

static guint
column_of (const StanceNetData *data,
           guint                cell)
{
  guint lo = 0, hi = data->n_cols;

  /* The last column whose cells start at or before @cell. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (data->col_start[mid] <= cell)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* DNA's m10 + m01 + m11 for rows i (cells ia..iz) and j (ja..jz): the
 * weight of each where the other is silent (per target and polarity), and
 * the products where both speak.  Summed directly rather than as totals
 * minus overlaps, which cancel badly under tiny kernel weights; only for
 * pairs with a tie, by a merge of their column-sorted cells. */
static double
jaccard_denominator (const StanceNetData *data,
                     const double        *a0,
                     const double        *a1,
                     const double        *r0,
                     const double        *r1,
                     const guint32       *cells,
                     guint                ia,
                     guint                iz,
                     guint                ja,
                     guint                jz)
{
  double sum = 0;

  while (ia < iz || ja < jz)
    {
      guint ki = ia < iz ? cells[ia] : G_MAXUINT32, kj = ja < jz ? cells[ja] : G_MAXUINT32;
      /* Cells are sorted by column, and a column's cells by row. */
      guint ci = ki != G_MAXUINT32 ? column_of (data, ki) : G_MAXUINT32;
      guint cj = kj != G_MAXUINT32 ? column_of (data, kj) : G_MAXUINT32;

      if (ci < cj)
        {
          sum += a0[ki] + a1[ki];
          ia++;
        }
      else if (cj < ci)
        {
          sum += a0[kj] + a1[kj];
          ja++;
        }
      else
        {
          sum += (a0[kj] == 0 ? a0[ki] : 0) + (a1[kj] == 0 ? a1[ki] : 0);
          sum += (a0[ki] == 0 ? a0[kj] : 0) + (a1[ki] == 0 ? a1[kj] : 0);
          sum += r0[ki] * r0[kj] + r1[ki] * r1[kj];
          ia++;
          ja++;
        }
    }
  return sum;
}

static void
compute_onemode (const StanceNetData        *data,
                 StanceNetworkAggregation    aggregation,
                 StanceNetworkNormalization  normalization,
                 const double               *a0,
                 const double               *a1,
                 const double               *r0,
                 const double               *r1,
                 double                     *out)
{
  guint n = data->n_rows;
  gboolean jaccard = normalization == STANCE_NETWORK_NORMALIZATION_JACCARD;
  g_autofree double *total = g_new0 (double, n + 1);
  g_autofree guint32 *row_start = NULL;  /* Jaccard: each row's active cells, by column */
  g_autofree guint32 *row_cells = NULL;
  g_autofree guint32 *act_row = g_new (guint32, n + 1);
  g_autofree double *x = g_new (double, n + 1);
  g_autofree double *y = g_new (double, n + 1);
  g_autofree double *p0 = g_new (double, n + 1);
  g_autofree double *p1 = g_new (double, n + 1);

  memset (out, 0, sizeof (double) * n * n);
  if (jaccard)
    {
      guint32 *fill;

      row_start = g_new0 (guint32, n + 2);
      row_cells = g_new (guint32, data->n_cells + 1);
      for (guint k = 0; k < data->n_cells; k++)
        if (a0[k] != 0 || a1[k] != 0)
          row_start[data->cell_row[k] + 2]++;
      for (guint i = 0; i < n; i++)
        row_start[i + 2] += row_start[i + 1];
      /* Walking the columns in order leaves each row's cells by column. */
      fill = row_start + 1;
      for (guint j = 0; j < data->n_cols; j++)
        for (guint k = data->col_start[j]; k < data->col_start[j + 1]; k++)
          if (a0[k] != 0 || a1[k] != 0)
            row_cells[fill[data->cell_row[k]]++] = k;
    }

  for (guint j = 0; j < data->n_cols; j++)
    {
      guint m = 0;

      for (guint k = data->col_start[j]; k < data->col_start[j + 1]; k++)
        {
          if (a0[k] == 0 && a1[k] == 0)
            continue;
          act_row[m] = data->cell_row[k];
          p0[m] = r0[k];
          p1[m] = r1[k];
          total[act_row[m]] += a0[k] + a1[k];
          m++;
        }
      if (m < 2)
        continue;

      /* Each aggregation is a sum of products x_i·y_j (or two of them):
       * ignore (p0+p1)(p0+p1), subtract (p0−p1)(p0−p1), congruence
       * p0·p0 + p1·p1, conflict p0·p1 + p1·p0. */
      switch (aggregation)
        {
        case STANCE_NETWORK_AGGREGATION_IGNORE:
        case STANCE_NETWORK_AGGREGATION_SUBTRACT:
          for (guint a = 0; a < m; a++)
            x[a] = aggregation == STANCE_NETWORK_AGGREGATION_IGNORE ? p0[a] + p1[a] : p0[a] - p1[a];
          for (guint a = 0; a < m; a++)
            {
              double *row = out + (gsize) act_row[a] * n;
              double xa = x[a];

              for (guint b = a + 1; b < m; b++)
                row[act_row[b]] += xa * x[b];
            }
          break;
        case STANCE_NETWORK_AGGREGATION_CONGRUENCE:
        case STANCE_NETWORK_AGGREGATION_CONFLICT:
        default:
          memcpy (x, aggregation == STANCE_NETWORK_AGGREGATION_CONFLICT ? p1 : p0, sizeof (double) * m);
          memcpy (y, aggregation == STANCE_NETWORK_AGGREGATION_CONFLICT ? p0 : p1, sizeof (double) * m);
          for (guint a = 0; a < m; a++)
            {
              double *row = out + (gsize) act_row[a] * n;
              double p0a = p0[a], p1a = p1[a];

              for (guint b = a + 1; b < m; b++)
                row[act_row[b]] += p0a * x[b] + p1a * y[b];
            }
          break;
        }
    }
  /* Mirror the upper triangle, then normalise. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double v = out[(gsize) i * n + j], norm = 1.0;

        switch (normalization)
          {
          case STANCE_NETWORK_NORMALIZATION_AVERAGE:
            norm = (total[i] + total[j]) / 2;
            break;
          case STANCE_NETWORK_NORMALIZATION_COSINE:
            /* DNA's "cosine" is the product of the two activities. */
            norm = total[i] * total[j];
            break;
          case STANCE_NETWORK_NORMALIZATION_JACCARD:
            norm = v == 0 ? 0 : jaccard_denominator (data, a0, a1, r0, r1, row_cells,
                                                     row_start[i], row_start[i + 1],
                                                     row_start[j], row_start[j + 1]);
            break;
          case STANCE_NETWORK_NORMALIZATION_NO:
          case STANCE_NETWORK_NORMALIZATION_ACTIVITY:
          case STANCE_NETWORK_NORMALIZATION_PROMINENCE:
          default:
            break;
          }
        v = norm == 0 ? 0 : v / norm;
        out[(gsize) i * n + j] = v;
        out[(gsize) j * n + i] = v;
      }
}

void
_stance_net_compute (const StanceNetData        *data,
                     StanceNetworkMode           mode,
                     StanceNetworkAggregation    aggregation,
                     StanceNetworkNormalization  normalization,
                     guint                       lo,
                     guint                       hi,
                     const double               *weights,
                     double                     *out)
{
  gsize nc = data->n_cells + 1;
  g_autofree double *a0 = g_new0 (double, nc);
  g_autofree double *a1 = g_new0 (double, nc);
  g_autofree double *r0 = NULL;
  g_autofree double *r1 = NULL;

  /* a: the (kernel-weighted) number of stances per cell and polarity; r:
   * the sum of the square roots of the weights, so that a pair of stances
   * weighs sqrt(z1·z2) as in DNA's kernel smoothing.  Without weights the
   * two are the same counts. */
  if (weights != NULL)
    {
      r0 = g_new0 (double, nc);
      r1 = g_new0 (double, nc);
    }
  for (guint i = lo; i < hi; i++)
    {
      const StanceNetRecord *r = &g_array_index (data->records, StanceNetRecord, i);
      double w = weights != NULL ? weights[i - lo] : 1.0;

      if (w == 0)
        continue;
      (r->q ? a1 : a0)[r->cell] += w;
      if (weights != NULL)
        (r->q ? r1 : r0)[r->cell] += sqrt (w);
    }

  if (mode == STANCE_NETWORK_MODE_TWOMODE)
    compute_twomode (data, aggregation, normalization, a0, a1, out);
  else
    compute_onemode (data, aggregation, normalization, a0, a1,
                     weights != NULL ? r0 : a0, weights != NULL ? r1 : a1, out);
}

/* ---- time windows ------------------------------------------------------- */

#define STANCE_NET_MAX_WINDOWS 1000000

gboolean
_stance_net_windows (const StanceNetData  *data,
                     GArray              **windows,
                     GError              **error)
{
  StanceNetworkOptions *o = data->options;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (StanceNetWindow));
  gint64 b, e, first, last, half = o->size / 2;

  *windows = out;
  if (data->records->len == 0)
    return TRUE;

  b = g_array_index (data->records, StanceNetRecord, 0).time;
  e = g_array_index (data->records, StanceNetRecord, data->records->len - 1).time;
  first = o->indent ? _stance_net_add_units (b, o->unit, half) : b;
  last = o->indent ? _stance_net_add_units (e, o->unit, -half) : e;

  for (gint64 k = 0;; k++)
    {
      StanceNetWindow w;

      w.mid = _stance_net_add_units (first, o->unit, k * o->step);
      if (w.mid > last)
        break;
      if (out->len >= STANCE_NET_MAX_WINDOWS)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                       "more than %d time windows: choose a larger step", STANCE_NET_MAX_WINDOWS);
          g_clear_pointer (windows, g_array_unref);
          return FALSE;
        }
      w.start = MAX (b, _stance_net_add_units (w.mid, o->unit, -half));
      w.stop = MIN (e, _stance_net_add_units (w.mid, o->unit, half));
      g_array_append_val (out, w);
    }
  return TRUE;
}

double *
_stance_net_window_weights (const StanceNetData   *data,
                            const StanceNetWindow *window,
                            guint                 *lo,
                            guint                 *hi)
{
  StanceNetworkOptions *o = data->options;
  const StanceNetRecord *recs = (const StanceNetRecord *) (void *) data->records->data;
  guint n = data->records->len, a = 0, z = n;
  double *weights;

  /* The Gaussian kernel weighs every stance; the others only those in
   * [start, stop], found by binary search in the time-sorted records. */
  if (o->kernel != STANCE_NETWORK_KERNEL_GAUSSIAN)
    {
      guint l = 0, h = n;

      while (l < h)
        {
          guint mid = l + (h - l) / 2;

          if (recs[mid].time < window->start)
            l = mid + 1;
          else
            h = mid;
        }
      a = l;
      h = n;
      while (l < h)
        {
          guint mid = l + (h - l) / 2;

          if (recs[mid].time <= window->stop)
            l = mid + 1;
          else
            h = mid;
        }
      z = l;
    }

  weights = g_new (double, (z - a) + 1);
  for (guint i = a; i < z; i++)
    {
      double d = 2.0 * (double) _stance_net_diff_units (recs[i].time, window->mid, o->unit) / (double) o->size;

      weights[i - a] = _stance_net_kernel (o->kernel, d);
    }
  *lo = a;
  *hi = z;
  return weights;
}

GListModel *
_stance_net_map_windows (const StanceNetData  *data,
                         GType                 type,
                         StanceNetWindowFunc   func,
                         gpointer              user_data,
                         GError              **error)
{
  g_autoptr(GArray) windows = NULL;
  GListStore *list;

  if (!data->options->windowed)
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "no time window was set");
      return NULL;
    }
  if (!_stance_net_windows (data, &windows, error))
    return NULL;
  list = g_list_store_new (type);
  for (guint k = 0; k < windows->len; k++)
    {
      const StanceNetWindow *w = &g_array_index (windows, StanceNetWindow, k);
      g_autofree double *weights = NULL;
      gpointer item;
      guint lo, hi;

      weights = _stance_net_window_weights (data, w, &lo, &hi);
      item = func (data, w, lo, hi, weights, user_data);
      g_list_store_append (list, item);
      g_object_unref (item);
    }
  return G_LIST_MODEL (list);
}

/* ---- polarisation ------------------------------------------------------- */

static void
matrix_norms (const double *c,
              const double *f,
              guint         n,
              double       *c_norm,
              double       *f_norm)
{
  *c_norm = 0;
  *f_norm = 0;
  for (gsize k = 0; k < (gsize) n * n; k++)
    {
      *c_norm += fabs (c[k]);
      *f_norm += fabs (f[k]);
    }
}

static double
score_with_norms (const double *c,
                  const double *f,
                  guint         n,
                  const guint8 *camp,
                  gboolean      normalize,
                  double        c_norm,
                  double        f_norm)
{
  double absdiff = 0, within_dyads, between_dyads, expected_within[2], expected_between;
  guint size[2] = { 0, 0 };

  for (guint i = 0; i < n; i++)
    size[camp[i]]++;
  if (size[0] == 0 || size[1] == 0 || c_norm + f_norm == 0)
    return 0;

  /* Ordered pairs, as DNA counts them. */
  within_dyads = (double) size[0] * (size[0] - 1) + (double) size[1] * (size[1] - 1);
  between_dyads = (double) n * (n - 1) - within_dyads;
  for (guint k = 0; k < 2; k++)
    expected_within[k] = within_dyads == 0 ? 0 :
      ((double) size[k] * (size[k] - 1) / within_dyads) * (c_norm / within_dyads);
  expected_between = ((double) size[0] * size[1] / between_dyads) * (f_norm / between_dyads);

  for (guint i = 0; i < n; i++)
    {
      const double *ci = c + (gsize) i * n, *fi = f + (gsize) i * n;

      for (guint j = 0; j < n; j++)
        {
          if (i == j)
            continue;
          if (camp[i] == camp[j])
            absdiff += fabs (ci[j] - expected_within[camp[i]]) + fabs (fi[j]);
          else
            absdiff += fabs (ci[j]) + fabs (fi[j] - expected_between);
        }
    }
  return normalize ? absdiff / (2.0 * (c_norm + f_norm)) : absdiff * 0.5;
}

double
_stance_polarization_score (const double *c,
                            const double *f,
                            guint         n,
                            const guint8 *camp,
                            gboolean      normalize)
{
  double c_norm, f_norm;

  matrix_norms (c, f, n, &c_norm, &f_norm);
  return score_with_norms (c, f, n, camp, normalize, c_norm, f_norm);
}

/* DNA searches only balanced splits: its genetic algorithm starts from
 * camps of ⌈n/2⌉ and ⌊n/2⌋ holders, rebalances every child and mutates by
 * swapping two holders, and its greedy search swaps too.  So do these. */
static gboolean
balanced (const guint8 *camp,
          guint         n)
{
  guint ones = 0;

  for (guint i = 0; i < n; i++)
    ones += camp[i];
  return ones == n / 2 || ones == (n + 1) / 2;
}

/* With the camps' sizes fixed, the expectations are constants and the score
 * is a sum over pairs, so a swap's gain is known from each holder's gain of
 * moving alone (d[]) in O(1), and a swap updates d[] in O(n). */
typedef struct
{
  const double *c;
  const double *f;
  guint         n;
  double        e[2];  /* expected congruence within camp 0, camp 1 */
  double        eb;    /* expected conflict between the camps */
  guint8       *camp;
  double       *d;
} SwapSearch;

static double
pair_term (const SwapSearch *s,
           guint             i,
           guint             j,
           int               within)  /* camp of both, or -1 for between */
{
  gsize k = (gsize) i * s->n + j;

  if (within >= 0)
    return fabs (s->c[k] - s->e[within]) + fabs (s->f[k]);
  return fabs (s->c[k]) + fabs (s->f[k] - s->eb);
}

/* What the pair (u, v) adds if u moves to the other camp. */
static double
move_term (const SwapSearch *s,
           guint             u,
           guint             v)
{
  int now = s->camp[u] == s->camp[v] ? s->camp[u] : -1;
  int then = s->camp[u] != s->camp[v] ? s->camp[v] : -1;

  return pair_term (s, u, v, then) - pair_term (s, u, v, now);
}

static void
flip (SwapSearch *s,
      guint       v)
{
  for (guint u = 0; u < s->n; u++)
    if (u != v)
      s->d[u] -= move_term (s, u, v);
  s->camp[v] ^= 1;
  for (guint u = 0; u < s->n; u++)
    if (u != v)
      s->d[u] += move_term (s, u, v);
}

static void
recompute_gain (SwapSearch *s,
                guint       v)
{
  s->d[v] = 0;
  for (guint u = 0; u < s->n; u++)
    if (u != v)
      s->d[v] += move_term (s, v, u);
}

/* Swaps pairs of holders across the camps while that raises the score: for
 * each holder in random order, the swap with the best partner. */
static void
swap_search (SwapSearch *s,
             GRand      *rand,
             guint32    *order)
{
  gboolean improved = TRUE;

  for (guint v = 0; v < s->n; v++)
    recompute_gain (s, v);
  while (improved)
    {
      improved = FALSE;
      for (guint i = s->n - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          guint32 t = order[i];

          order[i] = order[j];
          order[j] = t;
        }
      for (guint k = 0; k < s->n; k++)
        {
          guint v = order[k], best_w = G_MAXUINT;
          double best = 1e-12 * (1 + fabs (s->d[v]));

          for (guint w = 0; w < s->n; w++)
            {
              double gain;

              if (s->camp[w] == s->camp[v])
                continue;
              /* The pair (v, w) stays between the camps: take out what the
               * two moves alone counted for it. */
              gain = s->d[v] + s->d[w]
                     - (pair_term (s, v, w, s->camp[w]) - pair_term (s, v, w, -1))
                     - (pair_term (s, v, w, s->camp[v]) - pair_term (s, v, w, -1));
              if (gain > best)
                {
                  best = gain;
                  best_w = w;
                }
            }
          if (best_w == G_MAXUINT)
            continue;
          flip (s, v);
          flip (s, best_w);
          recompute_gain (s, v);
          recompute_gain (s, best_w);
          improved = TRUE;
        }
    }
}

#define STANCE_POLARIZATION_STARTS 20

double
_stance_polarization_best (const double *c,
                           const double *f,
                           guint         n,
                           gboolean      normalize,
                           guint32       seed,
                           guint         exact_max,
                           guint8       *camp,
                           gboolean     *exact)
{
  double best = -1, c_norm, f_norm;

  memset (camp, 0, n);
  *exact = TRUE;
  /* DNA scores a network of no more holders than camps as 0, unsplit. */
  if (n <= 2)
    return 0;
  matrix_norms (c, f, n, &c_norm, &f_norm);
  if (c_norm + f_norm == 0)
    return 0;

  if (n <= exact_max)
    {
      /* Every balanced split with holder 0 in camp 0. */
      g_autofree guint8 *cur = g_new0 (guint8, n);
      guint64 total = G_GUINT64_CONSTANT (1) << (n - 1);

      for (guint64 mask = 1; mask < total; mask++)
        {
          double q;
          guint ones = __builtin_popcountll (mask);

          if (ones != n / 2 && ones != (n + 1) / 2)
            continue;
          for (guint i = 1; i < n; i++)
            cur[i] = (mask >> (i - 1)) & 1;
          q = score_with_norms (c, f, n, cur, normalize, c_norm, f_norm);
          if (q > best)
            {
              best = q;
              memcpy (camp, cur, n);
            }
        }
      return best;
    }

  *exact = FALSE;
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
    g_autofree guint8 *cur = g_new (guint8, n);
    g_autofree guint32 *order = g_new (guint32, n);
    g_autofree double *d = g_new (double, n);
    guint size[2] = { (n + 1) / 2, n / 2 };
    double within = (double) size[0] * (size[0] - 1) + (double) size[1] * (size[1] - 1);
    double between = (double) n * (n - 1) - within;
    SwapSearch s = { c, f, n, { 0, 0 }, 0, cur, d };

    for (guint k = 0; k < 2; k++)
      s.e[k] = ((double) size[k] * (size[k] - 1) / within) * (c_norm / within);
    s.eb = ((double) size[0] * size[1] / between) * (f_norm / between);

    for (guint st = 0; st < STANCE_POLARIZATION_STARTS; st++)
      {
        double q;

        /* Camp 0 gets the larger half; random starts from the seed, the
         * first from the data: the holders ranked by how much more they
         * agree than disagree with the most active one. */
        for (guint i = 0; i < n; i++)
          order[i] = i;
        if (st == 0)
          {
            guint hub = 0;
            double hub_w = -1;
            g_autofree double *lean = g_new (double, n);

            for (guint i = 0; i < n; i++)
              {
                double w = 0;

                for (guint j = 0; j < n; j++)
                  w += fabs (c[(gsize) i * n + j]) + fabs (f[(gsize) i * n + j]);
                if (w > hub_w)
                  {
                    hub_w = w;
                    hub = i;
                  }
              }
            for (guint i = 0; i < n; i++)
              lean[i] = i == hub ? G_MAXDOUBLE : c[(gsize) hub * n + i] - f[(gsize) hub * n + i];
            /* Sort by lean, descending (a simple insertion sort of the order). */
            for (guint i = 1; i < n; i++)
              for (guint j = i; j > 0 && lean[order[j - 1]] < lean[order[j]]; j--)
                {
                  guint32 t = order[j];

                  order[j] = order[j - 1];
                  order[j - 1] = t;
                }
          }
        else
          for (guint i = n - 1; i > 0; i--)
            {
              guint j = g_rand_int_range (rand, 0, i + 1);
              guint32 t = order[i];

              order[i] = order[j];
              order[j] = t;
            }
        for (guint i = 0; i < n; i++)
          cur[order[i]] = i >= size[0];
        swap_search (&s, rand, order);
        q = score_with_norms (c, f, n, cur, normalize, c_norm, f_norm);
        if (q > best)
          {
            best = q;
            memcpy (camp, cur, n);
          }
      }
  }
  /* Name the camp of the first holder camp 0, as the exact search does. */
  if (camp[0] == 1)
    for (guint i = 0; i < n; i++)
      camp[i] ^= 1;
  g_assert (balanced (camp, n));
  return best;
}
