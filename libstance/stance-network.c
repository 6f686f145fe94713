/* stance-network.c: a discourse network, as DNA defines them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-network-private.h"

/**
 * StanceNetwork:
 *
 * A discourse network: a matrix of ties between holders and the targets of
 * their stances (two-mode) or between holders through the targets they
 * share (one-mode), computed from a graph's stances with the definitions of
 * the Discourse Network Analyzer (DNA).
 *
 * A stance counts as one of DNA's statements: its holder is DNA's first
 * variable (usually the organisation), its target the second (the
 * concept), and its polarity the qualifier (positive 1, negative 0).  The
 * formulas are in the chapter on networks.
 *
 * Rows and columns are sorted by id.  The matrix is dense and row-major.
 *
 * Since: 1.2
 */

struct _StanceNetwork
{
  GObject                  parent_instance;

  StanceNetworkMode        mode;
  StanceNetworkAggregation aggregation;
  gboolean                 integer;
  guint                    n_rows;
  guint                    n_cols;
  GStrv                    row_ids;
  GStrv                    col_ids;
  GStrv                    row_names;
  GStrv                    col_names;
  guint                   *row_freq;
  guint                   *col_freq;
  double                  *matrix;
  guint                    n_stances;
  gboolean                 windowed;
  StanceNetWindow          window;
};

G_DEFINE_FINAL_TYPE (StanceNetwork, stance_network, G_TYPE_OBJECT)

static void
stance_network_finalize (GObject *object)
{
  StanceNetwork *self = STANCE_NETWORK (object);

  g_strfreev (self->row_ids);
  g_strfreev (self->col_ids);
  g_strfreev (self->row_names);
  g_strfreev (self->col_names);
  g_free (self->row_freq);
  g_free (self->col_freq);
  g_free (self->matrix);

  G_OBJECT_CLASS (stance_network_parent_class)->finalize (object);
}

static void
stance_network_class_init (StanceNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_network_finalize;
}

static void
stance_network_init (StanceNetwork *self)
{
}

static const char *
node_name (StanceStore *store,
           StanceRef    ref)
{
  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR:
      return _stance_store_actor_name (store, stance_ref_index (ref));
    case STANCE_SORT_CLAIM:
      return _stance_store_claim_text (store, stance_ref_index (ref));
    case STANCE_SORT_STATEMENT:
    default:
      return _stance_store_ref_id (store, ref);
    }
}

StanceNetwork *
_stance_network_new_from_data (const StanceNetData      *data,
                               StanceNetworkMode         mode,
                               StanceNetworkAggregation  aggregation,
                               gboolean                  integer,
                               double                   *matrix,
                               const StanceNetWindow    *window,
                               guint                     lo,
                               guint                     hi,
                               const double             *weights)
{
  StanceNetwork *self = g_object_new (STANCE_TYPE_NETWORK, NULL);
  StanceStore *store = data->store;
  gboolean onemode = mode == STANCE_NETWORK_MODE_ONEMODE;
  guint nc = onemode ? data->n_rows : data->n_cols;

  self->mode = mode;
  self->aggregation = aggregation;
  self->integer = integer;
  self->n_rows = data->n_rows;
  self->n_cols = nc;
  self->matrix = matrix;
  self->row_ids = g_new0 (char *, data->n_rows + 1);
  self->row_names = g_new0 (char *, data->n_rows + 1);
  for (guint i = 0; i < data->n_rows; i++)
    {
      self->row_ids[i] = g_strdup (_stance_store_actor_id (store, data->row_actors[i]));
      self->row_names[i] = g_strdup (_stance_store_actor_name (store, data->row_actors[i]));
    }
  if (onemode)
    {
      self->col_ids = g_strdupv (self->row_ids);
      self->col_names = g_strdupv (self->row_names);
    }
  else
    {
      self->col_ids = g_new0 (char *, nc + 1);
      self->col_names = g_new0 (char *, nc + 1);
      for (guint j = 0; j < nc; j++)
        {
          self->col_ids[j] = g_strdup (_stance_store_ref_id (store, data->col_refs[j]));
          self->col_names[j] = g_strdup (node_name (store, data->col_refs[j]));
        }
    }

  /* How many counted stances stand behind each row and column. */
  self->row_freq = g_new0 (guint, data->n_rows + 1);
  self->col_freq = g_new0 (guint, nc + 1);
  for (guint i = lo; i < hi; i++)
    {
      const StanceNetRecord *r = &g_array_index (data->records, StanceNetRecord, i);

      if (weights != NULL && weights[i - lo] == 0)
        continue;
      self->n_stances++;
      self->row_freq[r->row]++;
      if (!onemode)
        self->col_freq[r->col]++;
    }
  if (onemode)
    memcpy (self->col_freq, self->row_freq, sizeof (guint) * nc);

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
  return _stance_net_data_init (data, _stance_graph_get_store (graph), options, by_time, error);
}

static gsize
matrix_size (const StanceNetData *data,
             StanceNetworkMode    mode)
{
  return (gsize) data->n_rows * (mode == STANCE_NETWORK_MODE_ONEMODE ? data->n_rows : data->n_cols);
}

/**
 * stance_network_new:
 * @graph: a graph
 * @options: how to make the network
 * @error: return location for an error
 *
 * Computes the network of all of @graph's counted stances (time windows in
 * @options are ignored: see [func@Stance.Network.new_windows]).
 *
 * Returns: (transfer full): the network, or %NULL with
 *   %STANCE_ERROR_INVALID_VALUE when the options do not fit together (such
 *   as `congruence` in a two-mode network) or %STANCE_ERROR_UNKNOWN_ID when
 *   an excluded id names no node
 *
 * Since: 1.2
 */
StanceNetwork *
stance_network_new (StanceGraph           *graph,
                    StanceNetworkOptions  *options,
                    GError               **error)
{
  StanceNetData data;
  double *matrix;
  StanceNetwork *network;

  g_return_val_if_fail (STANCE_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare (graph, options, FALSE, &data, error))
    {
      _stance_net_data_clear (&data);
      return NULL;
    }
  matrix = g_new0 (double, matrix_size (&data, options->mode) + 1);
  _stance_net_compute (&data, options->mode, options->aggregation, options->normalization,
                       0, data.records->len, NULL, matrix);
  network = _stance_network_new_from_data (&data, options->mode, options->aggregation,
                                           options->normalization == STANCE_NETWORK_NORMALIZATION_NO,
                                           matrix, NULL, 0, data.records->len, NULL);
  _stance_net_data_clear (&data);
  return network;
}

static gpointer
window_network (const StanceNetData   *data,
                const StanceNetWindow *window,
                guint                  lo,
                guint                  hi,
                const double          *weights,
                gpointer               user_data)
{
  StanceNetworkOptions *options = data->options;
  double *matrix = g_new0 (double, matrix_size (data, options->mode) + 1);

  _stance_net_compute (data, options->mode, options->aggregation, options->normalization,
                       lo, hi, weights, matrix);
  return _stance_network_new_from_data (data, options->mode, options->aggregation,
                                        options->normalization == STANCE_NETWORK_NORMALIZATION_NO &&
                                        options->kernel == STANCE_NETWORK_KERNEL_NONE,
                                        matrix, window, lo, hi, weights);
}

/**
 * stance_network_new_windows:
 * @graph: a graph
 * @options: how to make the networks, with a time window
 *   ([method@Stance.NetworkOptions.set_window])
 * @error: return location for an error
 *
 * Computes a sequence of networks over time windows, as DNA's
 * kernel-smoothed time windows do.  The mid-points run from the first
 * counted stance to the last (indented by half a window with
 * [method@Stance.NetworkOptions.set_indent]) in steps of the window's step;
 * a window reaches half its size either side of its mid-point, clipped to
 * the data's range, and weighs each stance with the kernel.  All networks
 * have the same rows and columns.
 *
 * Returns: (transfer full): a list of [class@Stance.Network], each with its
 *   window's times, or %NULL with an error as for
 *   [ctor@Stance.Network.new], or %STANCE_ERROR_INVALID_VALUE when
 *   @options ask for no time window, or %STANCE_ERROR_LIMIT for more than
 *   a million windows
 *
 * Since: 1.2
 */
GListModel *
stance_network_new_windows (StanceGraph           *graph,
                            StanceNetworkOptions  *options,
                            GError               **error)
{
  StanceNetData data;
  GListModel *list = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (prepare (graph, options, TRUE, &data, error))
    list = _stance_net_map_windows (&data, STANCE_TYPE_NETWORK, window_network, NULL, error);
  _stance_net_data_clear (&data);
  return list;
}

/**
 * stance_network_get_mode:
 * @self: a network
 *
 * Gets whether the network is two-mode or one-mode.
 *
 * Returns: the mode
 *
 * Since: 1.2
 */
StanceNetworkMode
stance_network_get_mode (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), STANCE_NETWORK_MODE_TWOMODE);

  return self->mode;
}

/**
 * stance_network_get_aggregation:
 * @self: a network
 *
 * Gets how polarity entered the ties, which says what a negative tie
 * means.
 *
 * Returns: the aggregation
 *
 * Since: 1.2
 */
StanceNetworkAggregation
stance_network_get_aggregation (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), STANCE_NETWORK_AGGREGATION_IGNORE);

  return self->aggregation;
}

/**
 * stance_network_get_n_rows:
 * @self: a network
 *
 * Gets the number of rows (holders).
 *
 * Returns: the number of rows
 *
 * Since: 1.2
 */
guint
stance_network_get_n_rows (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), 0);

  return self->n_rows;
}

/**
 * stance_network_get_n_cols:
 * @self: a network
 *
 * Gets the number of columns (targets, or holders in a one-mode network).
 *
 * Returns: the number of columns
 *
 * Since: 1.2
 */
guint
stance_network_get_n_cols (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), 0);

  return self->n_cols;
}

/**
 * stance_network_get_row_ids:
 * @self: a network
 *
 * Gets the ids of the rows' holders, sorted.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 *
 * Since: 1.2
 */
const char * const *
stance_network_get_row_ids (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return (const char * const *) self->row_ids;
}

/**
 * stance_network_get_col_ids:
 * @self: a network
 *
 * Gets the ids of the columns' nodes, sorted.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 *
 * Since: 1.2
 */
const char * const *
stance_network_get_col_ids (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return (const char * const *) self->col_ids;
}

/**
 * stance_network_get_row_names:
 * @self: a network
 *
 * Gets the names of the rows' holders, in row order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the names
 *
 * Since: 1.2
 */
const char * const *
stance_network_get_row_names (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return (const char * const *) self->row_names;
}

/**
 * stance_network_get_col_names:
 * @self: a network
 *
 * Gets the names of the columns' nodes, in column order: an actor's name, a
 * claim's text, a statement's id.
 *
 * Returns: (transfer none) (array zero-terminated=1): the names
 *
 * Since: 1.2
 */
const char * const *
stance_network_get_col_names (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return (const char * const *) self->col_names;
}

/**
 * stance_network_get_value:
 * @self: a network
 * @row: a row index
 * @col: a column index
 *
 * Gets one tie.
 *
 * Returns: the value at @row, @col, or 0 outside the matrix
 *
 * Since: 1.2
 */
double
stance_network_get_value (StanceNetwork *self,
                          guint          row,
                          guint          col)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), 0);
  g_return_val_if_fail (row < self->n_rows && col < self->n_cols, 0);

  return self->matrix[(gsize) row * self->n_cols + col];
}

/**
 * stance_network_get_matrix:
 * @self: a network
 * @n_values: (out): the number of values, rows × columns
 *
 * Gets the whole matrix, row after row.
 *
 * Returns: (transfer none) (array length=n_values): the values
 *
 * Since: 1.2
 */
const double *
stance_network_get_matrix (StanceNetwork *self,
                           gsize         *n_values)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = (gsize) self->n_rows * self->n_cols;
  return self->matrix;
}

/**
 * stance_network_get_sum:
 * @self: a network
 *
 * Adds up all values of the matrix, as R's `sum()` does for rDNA's.
 *
 * Returns: the sum
 *
 * Since: 1.2
 */
double
stance_network_get_sum (StanceNetwork *self)
{
  double sum = 0;

  g_return_val_if_fail (STANCE_IS_NETWORK (self), 0);

  for (gsize k = 0; k < (gsize) self->n_rows * self->n_cols; k++)
    sum += self->matrix[k];
  return sum;
}

/**
 * stance_network_is_integer:
 * @self: a network
 *
 * Gets whether every value is a whole number by construction (no
 * normalisation and no kernel weights), as DNA marks such networks for
 * its CSV export.
 *
 * Returns: %TRUE for a network of counts
 *
 * Since: 1.2
 */
gboolean
stance_network_is_integer (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), FALSE);

  return self->integer;
}

/**
 * stance_network_get_n_stances:
 * @self: a network
 *
 * Gets the number of counted stances behind the network (in a window: those
 * with a weight other than 0).
 *
 * Returns: the number of stances
 *
 * Since: 1.2
 */
guint
stance_network_get_n_stances (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), 0);

  return self->n_stances;
}

static GDateTime *
date_time (StanceNetwork *self,
           gint64         t)
{
  if (!self->windowed)
    return NULL;
  return g_date_time_new_from_unix_utc (t);
}

/**
 * stance_network_dup_time:
 * @self: a network
 *
 * Gets the mid-point of the network's time window.
 *
 * Returns: (transfer full) (nullable): the mid-point, in UTC, or %NULL for a
 *   network over all time
 *
 * Since: 1.2
 */
GDateTime *
stance_network_dup_time (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return date_time (self, self->window.mid);
}

/**
 * stance_network_dup_start:
 * @self: a network
 *
 * Gets the start of the network's time window.
 *
 * Returns: (transfer full) (nullable): the start, in UTC, or %NULL for a
 *   network over all time
 *
 * Since: 1.2
 */
GDateTime *
stance_network_dup_start (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return date_time (self, self->window.start);
}

/**
 * stance_network_dup_stop:
 * @self: a network
 *
 * Gets the end of the network's time window (inclusive).
 *
 * Returns: (transfer full) (nullable): the end, in UTC, or %NULL for a
 *   network over all time
 *
 * Since: 1.2
 */
GDateTime *
stance_network_dup_stop (StanceNetwork *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  return date_time (self, self->window.stop);
}

const guint *
_stance_network_get_row_frequencies (StanceNetwork *self)
{
  return self->row_freq;
}

const guint *
_stance_network_get_col_frequencies (StanceNetwork *self)
{
  return self->col_freq;
}

gboolean
_stance_network_get_window (StanceNetwork *self,
                            gint64        *mid,
                            gint64        *start,
                            gint64        *stop)
{
  *mid = self->window.mid;
  *start = self->window.start;
  *stop = self->window.stop;
  return self->windowed;
}

char *
_stance_network_format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  if (dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, t);
  if (g_date_time_get_hour (dt) == 0 && g_date_time_get_minute (dt) == 0 && g_date_time_get_second (dt) == 0)
    return g_date_time_format (dt, "%Y-%m-%d");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

void
_stance_network_write_window_json (const StanceNetWindow *window,
                                   StanceJsonWriter      *w)
{
  g_autofree char *mid = _stance_network_format_time (window->mid);
  g_autofree char *start = _stance_network_format_time (window->start);
  g_autofree char *stop = _stance_network_format_time (window->stop);

  _stance_json_writer_member_string (w, "time", mid);
  _stance_json_writer_member_string (w, "start", start);
  _stance_json_writer_member_string (w, "stop", stop);
}

static const char * const *
labels (StanceNetwork *self,
        gboolean       rows,
        gboolean       names)
{
  if (rows)
    return (const char * const *) (names ? self->row_names : self->row_ids);
  return (const char * const *) (names ? self->col_names : self->col_ids);
}

void
_stance_network_write_json (StanceNetwork    *self,
                            StanceJsonWriter *w,
                            gboolean          names)
{
  _stance_json_writer_begin_object (w);
  if (self->windowed)
    _stance_network_write_window_json (&self->window, w);
  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *l = labels (self, pass == 0, names);

      _stance_json_writer_item (w, pass == 0 ? "rows" : "cols");
      _stance_json_writer_begin_array (w);
      for (guint i = 0; l[i] != NULL; i++)
        {
          _stance_json_writer_item (w, NULL);
          _stance_json_writer_string (w, l[i]);
        }
      _stance_json_writer_end_array (w);
    }
  _stance_json_writer_item (w, "matrix");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_rows; i++)
    {
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_array (w);
      for (guint j = 0; j < self->n_cols; j++)
        {
          double v = self->matrix[(gsize) i * self->n_cols + j];

          _stance_json_writer_item (w, NULL);
          if (self->integer && fabs (v) < 9e15)
            _stance_json_writer_int (w, (gint64) v);
          else
            _stance_json_writer_double (w, v);
        }
      _stance_json_writer_end_array (w);
    }
  _stance_json_writer_end_array (w);
  _stance_json_writer_end_object (w);
}

static void
append_csv_label (GString    *out,
                  const char *label)
{
  /* DNA quotes every label and turns its double quotes into single ones. */
  g_string_append_c (out, '"');
  for (const char *p = label; *p != '\0'; p++)
    g_string_append_c (out, *p == '"' ? '\'' : *p);
  g_string_append_c (out, '"');
}

/**
 * stance_network_to_csv:
 * @self: a network
 * @names: %TRUE to label rows and columns with names, %FALSE with ids
 *
 * Writes the matrix as DNA's CSV export does: semicolons between fields,
 * every label quoted, a first row of column labels after an empty one,
 * whole numbers for networks of counts and six decimals otherwise.
 *
 * Returns: (transfer full): the CSV text
 *
 * Since: 1.2
 */
char *
stance_network_to_csv (StanceNetwork *self,
                       gboolean       names)
{
  GString *out;
  const char * const *rows, *const *cols;

  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  rows = labels (self, TRUE, names);
  cols = labels (self, FALSE, names);
  out = g_string_new ("\"\"");
  for (guint j = 0; j < self->n_cols; j++)
    {
      g_string_append_c (out, ';');
      append_csv_label (out, cols[j]);
    }
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_string_append_c (out, '\n');
      append_csv_label (out, rows[i]);
      for (guint j = 0; j < self->n_cols; j++)
        {
          double v = self->matrix[(gsize) i * self->n_cols + j];
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          if (self->integer)
            g_string_append_printf (out, ";%" G_GINT64_FORMAT, (gint64) v);
          else
            g_string_append_printf (out, ";%s", g_ascii_formatd (buf, sizeof buf, "%.6f", v));
        }
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The edge colours of DNA's visone GraphML: green for agreement, red for
 * disagreement, blue for both, black when polarity was ignored. */
static const char *
edge_color (StanceNetwork *self,
            double         v)
{
  switch (self->aggregation)
    {
    case STANCE_NETWORK_AGGREGATION_COMBINE:
      return v == 1 ? "#00ff00" : v == 2 ? "#ff0000" : "#0000ff";
    case STANCE_NETWORK_AGGREGATION_SUBTRACT:
      return v < 0 ? "#ff0000" : "#00ff00";
    case STANCE_NETWORK_AGGREGATION_CONFLICT:
      return "#ff0000";
    case STANCE_NETWORK_AGGREGATION_CONGRUENCE:
      return "#00ff00";
    case STANCE_NETWORK_AGGREGATION_IGNORE:
    default:
      return "#000000";
    }
}

static void
append_graphml_node (GString    *out,
                     guint       index,
                     const char *id,
                     const char *name,
                     const char *variable,
                     guint       frequency,
                     gboolean    row,
                     guint       n_nodes)
{
  double angle = 2 * G_PI * index / MAX (n_nodes, 1);

  g_string_append_printf (out, "    <node id=\"n%u\">\n      <data key=\"id\">", index);
  append_xml_text (out, id);
  g_string_append (out, "</data>\n      <data key=\"name\">");
  append_xml_text (out, name);
  g_string_append_printf (out, "</data>\n      <data key=\"variable\">%s</data>\n"
                          "      <data key=\"frequency\">%u</data>\n"
                          "      <data key=\"d0\">\n        <visone:shapeNode>\n          <y:ShapeNode>\n",
                          variable, frequency);
  /* DNA places nodes at random; a circle is as good a start and repeats. */
  g_string_append_printf (out, "            <y:Geometry height=\"20.0\" width=\"20.0\" x=\"%.1f\" y=\"%.1f\" />\n",
                          400 + 300 * cos (angle), 300 + 250 * sin (angle));
  g_string_append_printf (out, "            <y:Fill color=\"%s\" transparent=\"false\" />\n"
                          "            <y:BorderStyle color=\"#000000\" type=\"line\" width=\"1.0\" />\n"
                          "            <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" "
                          "backgroundColor=\"#FFFFFF\" fontFamily=\"Dialog\" fontSize=\"12\" fontStyle=\"plain\" "
                          "hasLineColor=\"false\" height=\"19.0\" modelName=\"eight_pos\" modelPosition=\"n\" "
                          "textColor=\"#000000\" visible=\"true\">",
                          row ? "#3399FF" : "#FF9933");
  append_xml_text (out, name);
  g_string_append_printf (out, "</y:NodeLabel>\n            <y:Shape type=\"%s\" />\n"
                          "          </y:ShapeNode>\n        </visone:shapeNode>\n      </data>\n    </node>\n",
                          row ? "ellipse" : "roundrectangle");
}

/**
 * stance_network_to_graphml:
 * @self: a network
 * @names: %TRUE to show names as the nodes' labels, %FALSE ids
 *
 * Writes the network as DNA's GraphML export does, with visone's and
 * yFiles' drawing data, so that visone, Gephi, igraph and networkx open
 * it: an undirected graph whose nodes carry `id`, `name`, `variable`
 * (`holder` or `target`) and `frequency` (the number of counted stances
 * behind them), and whose edges (one per non-zero cell; one-mode: the upper
 * triangle) carry `weight`.
 *
 * Returns: (transfer full): the GraphML text
 *
 * Since: 1.2
 */
char *
stance_network_to_graphml (StanceNetwork *self,
                           gboolean       names)
{
  gboolean twomode;
  guint n_nodes, n_edges = 0;
  GString *out;

  g_return_val_if_fail (STANCE_IS_NETWORK (self), NULL);

  twomode = self->mode == STANCE_NETWORK_MODE_TWOMODE;
  n_nodes = self->n_rows + (twomode ? self->n_cols : 0);
  for (guint i = 0; i < self->n_rows; i++)
    for (guint j = twomode ? 0 : i + 1; j < self->n_cols; j++)
      n_edges += self->matrix[(gsize) i * self->n_cols + j] != 0;

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                      "xmlns:visone=\"http://visone.info/xmlns\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
                      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns/graphml "
                      "http://www.yworks.com/xml/schema/graphml/1.0/ygraphml.xsd \">\n"
                      "  <!-- data schema -->\n"
                      "  <key for=\"node\" id=\"d0\" yfiles.type=\"nodegraphics\" />\n"
                      "  <key for=\"edge\" id=\"e0\" yfiles.type=\"edgegraphics\" />\n"
                      "  <key for=\"graph\" id=\"prop\" visone.type=\"properties\" attr.name=\"properties\" attr.type=\"string\" />\n"
                      "  <key id=\"id\" for=\"node\" attr.name=\"id\" attr.type=\"string\" />\n"
                      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\" />\n"
                      "  <key id=\"variable\" for=\"node\" attr.name=\"variable\" attr.type=\"string\" />\n"
                      "  <key id=\"frequency\" for=\"node\" attr.name=\"frequency\" attr.type=\"int\" />\n"
                      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n");
  g_string_append_printf (out, "  <graph edgedefault=\"undirected\" id=\"DNA\" parse.edges=\"%u\" "
                          "parse.nodes=\"%u\" parse.order=\"free\">\n"
                          "    <data key=\"prop\">\n"
                          "      <visone:labelAttribute edgeLabel=\"weight\" nodeLabel=\"name\" />\n"
                          "    </data>\n    <!-- nodes -->\n", n_edges, n_nodes);
  for (guint i = 0; i < self->n_rows; i++)
    append_graphml_node (out, i, self->row_ids[i], names ? self->row_names[i] : self->row_ids[i],
                         "holder", self->row_freq[i], TRUE, n_nodes);
  if (twomode)
    for (guint j = 0; j < self->n_cols; j++)
      append_graphml_node (out, self->n_rows + j, self->col_ids[j],
                           names ? self->col_names[j] : self->col_ids[j],
                           "target", self->col_freq[j], FALSE, n_nodes);
  g_string_append (out, "    <!-- edges -->\n");
  for (guint i = 0; i < self->n_rows; i++)
    for (guint j = twomode ? 0 : i + 1; j < self->n_cols; j++)
      {
        double v = self->matrix[(gsize) i * self->n_cols + j];
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (v == 0)
          continue;
        g_string_append_printf (out, "    <edge source=\"n%u\" target=\"n%u\">\n"
                                "      <data key=\"weight\">%s</data>\n"
                                "      <data key=\"e0\">\n        <visone:polyLineEdge>\n"
                                "          <y:PolyLineEdge>\n"
                                "            <y:LineStyle color=\"%s\" type=\"line\" width=\"2.0\" />\n"
                                "          </y:PolyLineEdge>\n        </visone:polyLineEdge>\n"
                                "      </data>\n    </edge>\n",
                                i, twomode ? self->n_rows + j : j,
                                g_ascii_dtostr (buf, sizeof buf, v), edge_color (self, v));
      }
  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free (out, FALSE);
}
