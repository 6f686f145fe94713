/* stance-polarization.c: how split a discourse is into two camps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-network-private.h"
#include "stance-polarization-private.h"

/**
 * StancePolarization:
 *
 * How polarised a discourse is: DNA 3's score (`qualityAbsdiff`) of the
 * best balanced split of the holders into two camps (their sizes differ by
 * one at most, as in DNA), where congruence within the camps and conflict
 * between them stand out most against what an even spread would give.
 *
 * DNA searches the splits with a genetic algorithm that can stop short of
 * the best; libstance tries every balanced split where there are at most 20
 * holders, so that the score is the maximum, and beyond that runs a
 * seeded multi-start swap search (see the chapter on networks).
 *
 * Since: 1.2
 */

struct _StancePolarization
{
  GObject   parent_instance;

  double    score;
  gboolean  exact;
  GStrv     camps[2];
  gboolean  windowed;
  StanceNetWindow window;
};

G_DEFINE_FINAL_TYPE (StancePolarization, stance_polarization, G_TYPE_OBJECT)

static void
stance_polarization_finalize (GObject *object)
{
  StancePolarization *self = STANCE_POLARIZATION (object);

  g_strfreev (self->camps[0]);
  g_strfreev (self->camps[1]);

  G_OBJECT_CLASS (stance_polarization_parent_class)->finalize (object);
}

static void
stance_polarization_class_init (StancePolarizationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_polarization_finalize;
}

static void
stance_polarization_init (StancePolarization *self)
{
}

/* Splits the holders of the square matrices @c and @f, named @ids. */
static StancePolarization *
polarize (const double       *c,
          const double       *f,
          guint               n,
          const char * const *ids,
          gboolean            normalize,
          guint32             seed)
{
  StancePolarization *self = g_object_new (STANCE_TYPE_POLARIZATION, NULL);
  g_autofree guint8 *camp = g_new0 (guint8, n + 1);
  GPtrArray *camps[2];

  self->score = _stance_polarization_best (c, f, n, normalize, seed, STANCE_POLARIZATION_EXACT_MAX,
                                           camp, &self->exact);
  camps[0] = g_ptr_array_new ();
  camps[1] = g_ptr_array_new ();
  /* DNA reports no camps where it did not split (two holders or fewer, or
   * no ties at all). */
  if (self->score > 0 || n > 2)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (camps[camp[i]], g_strdup (ids[i]));
  for (guint k = 0; k < 2; k++)
    {
      g_ptr_array_add (camps[k], NULL);
      self->camps[k] = (GStrv) g_ptr_array_free (camps[k], FALSE);
    }
  return self;
}

static gboolean
check_options (StanceNetworkOptions  *options,
               GError               **error)
{
  if (options->normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ||
      options->normalization == STANCE_NETWORK_NORMALIZATION_PROMINENCE)
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                           "polarization needs a one-mode normalization (DNA uses \"average\")");
      return FALSE;
    }
  return TRUE;
}

/* The congruence and conflict networks of records [lo, hi) with @weights,
 * then the best split. */
static StancePolarization *
polarize_data (const StanceNetData   *data,
               StanceNetworkOptions  *options,
               guint                  lo,
               guint                  hi,
               const double          *weights,
               const StanceNetWindow *window)
{
  guint n = data->n_rows, m = 0;
  g_autofree double *c = g_new0 (double, (gsize) n * n + 1);
  g_autofree double *f = g_new0 (double, (gsize) n * n + 1);
  g_autofree const char **ids = g_new0 (const char *, n + 1);
  g_autofree guint32 *active = g_new0 (guint32, n + 1);
  StancePolarization *self;

  _stance_net_compute (data, STANCE_NETWORK_MODE_ONEMODE, STANCE_NETWORK_AGGREGATION_CONGRUENCE,
                       options->normalization, lo, hi, weights, c);
  _stance_net_compute (data, STANCE_NETWORK_MODE_ONEMODE, STANCE_NETWORK_AGGREGATION_CONFLICT,
                       options->normalization, lo, hi, weights, f);

  /* Only the holders with a stance in the window take part, as DNA makes
   * each window's networks of its own holders: the others would change the
   * numbers of pairs and so the expectations. */
  for (guint i = lo; i < hi; i++)
    if (weights == NULL || weights[i - lo] != 0)
      active[g_array_index (data->records, StanceNetRecord, i).row] = 1;
  for (guint i = 0; i < n; i++)
    if (active[i])
      active[m++] = i;
  for (guint a = 0; a < m; a++)
    {
      ids[a] = _stance_store_actor_id (data->store, data->row_actors[active[a]]);
      for (guint b = 0; b < m; b++)
        {
          c[(gsize) a * m + b] = c[(gsize) active[a] * n + active[b]];
          f[(gsize) a * m + b] = f[(gsize) active[a] * n + active[b]];
        }
    }
  self = polarize (c, f, m, ids, options->normalize_scores, options->seed);
  if (window != NULL)
    {
      self->windowed = TRUE;
      self->window = *window;
    }
  return self;
}

static gboolean
prepare (StanceGraph           *graph,
         StanceNetworkOptions  *options,
         gboolean               by_time,
         StanceNetData         *data,
         GError               **error)
{
  StanceNetworkMode mode = options->mode;
  StanceNetworkAggregation aggregation = options->aggregation;
  gboolean ok;

  if (!check_options (options, error))
    {
      memset (data, 0, sizeof *data);
      return FALSE;
    }
  /* Polarisation is always of one-mode congruence and conflict networks,
   * whatever the options say; duplicates compare polarity. */
  options->mode = STANCE_NETWORK_MODE_ONEMODE;
  options->aggregation = STANCE_NETWORK_AGGREGATION_CONGRUENCE;
  ok = _stance_net_data_init (data, _stance_graph_get_store (graph), options, by_time, error);
  options->mode = mode;
  options->aggregation = aggregation;
  return ok;
}

/**
 * stance_polarization_new:
 * @graph: a graph
 * @options: which stances count, as for a network; the mode and
 *   aggregation are ignored (polarisation is of the one-mode congruence
 *   and conflict networks), the normalisation must be a one-mode one (DNA
 *   uses `average`)
 * @error: return location for an error
 *
 * Finds the best split of the holders into two camps over all time.
 *
 * Returns: (transfer full): the polarisation, or %NULL with an error as for
 *   [ctor@Stance.Network.new]
 *
 * Since: 1.2
 */
StancePolarization *
stance_polarization_new (StanceGraph           *graph,
                         StanceNetworkOptions  *options,
                         GError               **error)
{
  StanceNetData data;
  StancePolarization *self;

  g_return_val_if_fail (STANCE_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare (graph, options, FALSE, &data, error))
    {
      _stance_net_data_clear (&data);
      return NULL;
    }
  self = polarize_data (&data, options, 0, data.records->len, NULL, NULL);
  _stance_net_data_clear (&data);
  return self;
}

static gpointer
window_polarization (const StanceNetData   *data,
                     const StanceNetWindow *window,
                     guint                  lo,
                     guint                  hi,
                     const double          *weights,
                     gpointer               user_data)
{
  return polarize_data (data, data->options, lo, hi, weights, window);
}

/**
 * stance_polarization_new_windows:
 * @graph: a graph
 * @options: as for [ctor@Stance.Polarization.new], with a time window
 * @error: return location for an error
 *
 * Finds the best split of the holders into two camps in each time window
 * (see [func@Stance.Network.new_windows] for the windows).
 *
 * Returns: (transfer full): a list of [class@Stance.Polarization], one per
 *   window, or %NULL with an error as for
 *   [func@Stance.Network.new_windows]
 *
 * Since: 1.2
 */
GListModel *
stance_polarization_new_windows (StanceGraph           *graph,
                                 StanceNetworkOptions  *options,
                                 GError               **error)
{
  StanceNetData data;
  GListModel *list = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (prepare (graph, options, TRUE, &data, error))
    list = _stance_net_map_windows (&data, STANCE_TYPE_POLARIZATION, window_polarization, NULL, error);
  _stance_net_data_clear (&data);
  return list;
}

/**
 * stance_polarization_new_from_networks:
 * @congruence: a one-mode congruence network
 * @conflict: the conflict network of the same holders
 * @normalize: whether to divide the score by its maximum (DNA's
 *   `normalizeScores`)
 * @seed: the seed of the search where there are more than 20 holders
 * @error: return location for an error
 *
 * Finds the best split of the holders of two networks that were computed
 * already, such as those of one time window.
 *
 * Returns: (transfer full): the polarisation, or %NULL with
 *   %STANCE_ERROR_INVALID_VALUE when the networks are not one-mode networks
 *   of the same holders
 *
 * Since: 1.2
 */
StancePolarization *
stance_polarization_new_from_networks (StanceNetwork  *congruence,
                                       StanceNetwork  *conflict,
                                       gboolean        normalize,
                                       guint32         seed,
                                       GError        **error)
{
  const double *c, *f;
  gsize nc, nf;
  const char * const *ids_c, *const *ids_f;
  guint n;

  g_return_val_if_fail (STANCE_IS_NETWORK (congruence), NULL);
  g_return_val_if_fail (STANCE_IS_NETWORK (conflict), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = stance_network_get_n_rows (congruence);
  ids_c = stance_network_get_row_ids (congruence);
  ids_f = stance_network_get_row_ids (conflict);
  if (stance_network_get_mode (congruence) != STANCE_NETWORK_MODE_ONEMODE ||
      stance_network_get_mode (conflict) != STANCE_NETWORK_MODE_ONEMODE ||
      stance_network_get_n_rows (conflict) != n ||
      !g_strv_equal ((const char * const *) ids_c, (const char * const *) ids_f))
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                           "polarization needs two one-mode networks of the same holders");
      return NULL;
    }
  c = stance_network_get_matrix (congruence, &nc);
  f = stance_network_get_matrix (conflict, &nf);
  return polarize (c, f, n, ids_c, normalize, seed);
}

/**
 * stance_polarization_get_score:
 * @self: a polarisation
 *
 * Gets DNA's polarisation score of the best split found.
 *
 * Returns: the score (0 where there is nothing to split)
 *
 * Since: 1.2
 */
double
stance_polarization_get_score (StancePolarization *self)
{
  g_return_val_if_fail (STANCE_IS_POLARIZATION (self), 0);

  return self->score;
}

/**
 * stance_polarization_get_camp:
 * @self: a polarisation
 * @index: 0 or 1
 *
 * Gets the ids of the holders in one camp, sorted.  Camp 0 holds the
 * first holder by id.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids (empty where
 *   nothing was split)
 *
 * Since: 1.2
 */
const char * const *
stance_polarization_get_camp (StancePolarization *self,
                              guint               index)
{
  g_return_val_if_fail (STANCE_IS_POLARIZATION (self), NULL);
  g_return_val_if_fail (index < 2, NULL);

  return (const char * const *) self->camps[index];
}

/**
 * stance_polarization_is_exact:
 * @self: a polarisation
 *
 * Gets whether every split was tried, so that the score is the maximum.
 *
 * Returns: %TRUE for an exhaustive search
 *
 * Since: 1.2
 */
gboolean
stance_polarization_is_exact (StancePolarization *self)
{
  g_return_val_if_fail (STANCE_IS_POLARIZATION (self), FALSE);

  return self->exact;
}

/**
 * stance_polarization_dup_time:
 * @self: a polarisation
 *
 * Gets the mid-point of the time window the polarisation is of.
 *
 * Returns: (transfer full) (nullable): the mid-point, in UTC, or %NULL over
 *   all time
 *
 * Since: 1.2
 */
GDateTime *
stance_polarization_dup_time (StancePolarization *self)
{
  g_return_val_if_fail (STANCE_IS_POLARIZATION (self), NULL);

  return self->windowed ? g_date_time_new_from_unix_utc (self->window.mid) : NULL;
}

gboolean
_stance_polarization_get_window (StancePolarization *self,
                                 gint64             *mid,
                                 gint64             *start,
                                 gint64             *stop)
{
  *mid = self->window.mid;
  *start = self->window.start;
  *stop = self->window.stop;
  return self->windowed;
}

void
_stance_polarization_write_json (StancePolarization *self,
                                 StanceJsonWriter   *w)
{
  _stance_json_writer_begin_object (w);
  if (self->windowed)
    _stance_network_write_window_json (&self->window, w);
  _stance_json_writer_item (w, "score");
  _stance_json_writer_double (w, self->score);
  _stance_json_writer_item (w, "exact");
  _stance_json_writer_boolean (w, self->exact);
  _stance_json_writer_item (w, "camps");
  _stance_json_writer_begin_array (w);
  for (guint k = 0; k < 2; k++)
    {
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_array (w);
      for (guint i = 0; self->camps[k][i] != NULL; i++)
        {
          _stance_json_writer_item (w, NULL);
          _stance_json_writer_string (w, self->camps[k][i]);
        }
      _stance_json_writer_end_array (w);
    }
  _stance_json_writer_end_array (w);
  _stance_json_writer_end_object (w);
}
