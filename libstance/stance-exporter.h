/* stance-exporter.h: a graph as tables (CSV, JSON Lines, SQLite) and as AIF
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

STANCE_AVAILABLE_IN_1_2
const char * const *stance_graph_list_export_tables  (void);
STANCE_AVAILABLE_IN_1_2
const char * const *stance_graph_list_export_columns (const char     *table);
STANCE_AVAILABLE_IN_1_2
gboolean            stance_graph_export_table        (StanceGraph    *self,
                                                      const char     *table,
                                                      const char     *format,
                                                      GOutputStream  *stream,
                                                      GCancellable   *cancellable,
                                                      GError        **error);
STANCE_AVAILABLE_IN_1_2
gboolean            stance_graph_export_aif          (StanceGraph    *self,
                                                      GOutputStream  *stream,
                                                      GCancellable   *cancellable,
                                                      GError        **error);
STANCE_AVAILABLE_IN_1_2
gboolean            stance_graph_export_sqlite       (StanceGraph    *self,
                                                      const char     *filename,
                                                      GError        **error);

G_END_DECLS
