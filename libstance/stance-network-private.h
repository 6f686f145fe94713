/* stance-network-private.h: what the tool and polarisation need of a network
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-json-writer-private.h"
#include "stance-network-engine-private.h"
#include "stance-network.h"

G_BEGIN_DECLS

/* Takes @matrix.  @window is NULL for a network over all time. */
StanceNetwork *_stance_network_new_from_data (const StanceNetData     *data,
                                              StanceNetworkMode        mode,
                                              StanceNetworkAggregation aggregation,
                                              gboolean                 integer,
                                              double                  *matrix,
                                              const StanceNetWindow   *window,
                                              guint                    lo,
                                              guint                    hi,
                                              const double            *weights);
/* The row counts of stances behind each row and column (GraphML's
 * frequency). */
const guint   *_stance_network_get_row_frequencies (StanceNetwork *self);
const guint   *_stance_network_get_col_frequencies (StanceNetwork *self);
gboolean       _stance_network_get_window (StanceNetwork *self,
                                           gint64        *mid,
                                           gint64        *start,
                                           gint64        *stop);
/* {"rows": [...], "cols": [...], "matrix": [[...]...]} and, for a window,
 * "time", "start" and "stop". */
void           _stance_network_write_json (StanceNetwork    *self,
                                           StanceJsonWriter *w,
                                           gboolean          names);
/* "time", "start" and "stop" members of a window. */
void           _stance_network_write_window_json (const StanceNetWindow *window,
                                                  StanceJsonWriter      *w);
/* A time as ISO 8601 UTC text (g_free). */
char          *_stance_network_format_time (gint64 t);

G_END_DECLS
