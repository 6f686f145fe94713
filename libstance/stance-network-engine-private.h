/* stance-network-engine-private.h: the arithmetic behind networks and polarisation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-network-options-private.h"
#include "stance-store-private.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* One counted stance (DNA's statement): its holder's row, its target's
 * column, its polarity (1 positive, 0 negative) and its time (the start of
 * the statement's period).  seq orders stances of the same time. */
typedef struct
{
  gint64  time;
  guint32 seq;
  guint32 row;
  guint32 col;
  guint32 cell;  /* the (col, row) pair's index among the distinct pairs */
  guint8  q;
} StanceNetRecord;

/* Everything that does not change between the windows of one request: the
 * labels, the counted stances sorted by time, and the distinct (target,
 * holder) cells sorted by target then holder, so that each target's
 * holders are a run (col_start). */
typedef struct
{
  StanceStore          *store;
  StanceNetworkOptions *options;
  guint                 n_rows;
  guint32              *row_actors;   /* actor index of each row */
  guint                 n_cols;
  StanceRef            *col_refs;     /* target of each column */
  GArray               *records;      /* StanceNetRecord, by time then seq for windows */
  guint                 n_cells;
  guint32              *cell_row;
  guint32              *col_start;    /* n_cols + 1 offsets into the cells */
} StanceNetData;

typedef struct
{
  gint64 mid;
  gint64 start;
  gint64 stop;
} StanceNetWindow;

/* Checks that the options fit together and name existing nodes, then
 * gathers the counted stances (sorted by time if @by_time, for windows). */
gboolean _stance_net_data_init    (StanceNetData           *data,
                                   StanceStore             *store,
                                   StanceNetworkOptions    *options,
                                   gboolean                 by_time,
                                   GError                 **error);
void     _stance_net_data_clear   (StanceNetData           *data);

/* The network of the records [lo, hi), each weighing weights[i - lo] (all
 * 1 when @weights is NULL), into @out: n_rows × n_cols (two-mode) or
 * n_rows × n_rows (one-mode), row-major. */
void     _stance_net_compute      (const StanceNetData     *data,
                                   StanceNetworkMode        mode,
                                   StanceNetworkAggregation aggregation,
                                   StanceNetworkNormalization normalization,
                                   guint                    lo,
                                   guint                    hi,
                                   const double            *weights,
                                   double                  *out);

/* The windows of the options over the records' time range. */
gboolean _stance_net_windows      (const StanceNetData     *data,
                                   GArray                 **windows,
                                   GError                 **error);
/* The records a window sees and their weights (g_free). */
double  *_stance_net_window_weights (const StanceNetData   *data,
                                   const StanceNetWindow   *window,
                                   guint                   *lo,
                                   guint                   *hi);

/* Makes one object per window of @data's options with @func, into a list
 * of @type; an error when the options ask for no window. */
typedef gpointer (*StanceNetWindowFunc) (const StanceNetData   *data,
                                         const StanceNetWindow *window,
                                         guint                  lo,
                                         guint                  hi,
                                         const double          *weights,
                                         gpointer               user_data);
GListModel *_stance_net_map_windows (const StanceNetData   *data,
                                     GType                  type,
                                     StanceNetWindowFunc    func,
                                     gpointer               user_data,
                                     GError               **error);

/* Calendar arithmetic on UTC seconds, as java.time does it (months clamp
 * the day to the month's length). */
gint64   _stance_net_add_units    (gint64                   t,
                                   StanceTimeUnit           unit,
                                   gint64                   n);
gint64   _stance_net_diff_units   (gint64                   t,
                                   gint64                   gamma,
                                   StanceTimeUnit           unit);
double   _stance_net_kernel       (StanceNetworkKernel      kernel,
                                   double                   d);

/* DNA's polarisation score (qualityAbsdiff) of a two-camp split of the n
 * holders of the congruence network @c and conflict network @f. */
double   _stance_polarization_score (const double          *c,
                                     const double          *f,
                                     guint                  n,
                                     const guint8          *camp,
                                     gboolean               normalize);
/* The best balanced split (camps' sizes differ by one at most, as DNA's
 * searches keep them): exhaustive up to @exact_max holders, a multi-start
 * swap search beyond.  Returns the score; sets @exact. */
#define STANCE_POLARIZATION_EXACT_MAX 20
double   _stance_polarization_best  (const double          *c,
                                     const double          *f,
                                     guint                  n,
                                     gboolean               normalize,
                                     guint32                seed,
                                     guint                  exact_max,
                                     guint8                *camp,
                                     gboolean              *exact);

G_END_DECLS
