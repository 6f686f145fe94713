/* stance-network.h: a discourse network, as DNA defines them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-network-options.h"

G_BEGIN_DECLS

#define STANCE_TYPE_NETWORK (stance_network_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_FINAL_TYPE (StanceNetwork, stance_network, STANCE, NETWORK, GObject)

STANCE_AVAILABLE_IN_1_2
StanceNetwork            *stance_network_new             (StanceGraph           *graph,
                                                          StanceNetworkOptions  *options,
                                                          GError               **error);
STANCE_AVAILABLE_IN_1_2
GListModel               *stance_network_new_windows     (StanceGraph           *graph,
                                                          StanceNetworkOptions  *options,
                                                          GError               **error);

STANCE_AVAILABLE_IN_1_2
StanceNetworkMode         stance_network_get_mode        (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
StanceNetworkAggregation  stance_network_get_aggregation (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
guint                     stance_network_get_n_rows      (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
guint                     stance_network_get_n_cols      (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
const char * const       *stance_network_get_row_ids     (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
const char * const       *stance_network_get_col_ids     (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
const char * const       *stance_network_get_row_names   (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
const char * const       *stance_network_get_col_names   (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
double                    stance_network_get_value       (StanceNetwork         *self,
                                                          guint                  row,
                                                          guint                  col);
STANCE_AVAILABLE_IN_1_2
const double             *stance_network_get_matrix      (StanceNetwork         *self,
                                                          gsize                 *n_values);
STANCE_AVAILABLE_IN_1_2
double                    stance_network_get_sum         (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
gboolean                  stance_network_is_integer      (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
guint                     stance_network_get_n_stances   (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
GDateTime                *stance_network_dup_time        (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
GDateTime                *stance_network_dup_start       (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
GDateTime                *stance_network_dup_stop        (StanceNetwork         *self);
STANCE_AVAILABLE_IN_1_2
char                     *stance_network_to_csv          (StanceNetwork         *self,
                                                          gboolean               names);
STANCE_AVAILABLE_IN_1_2
char                     *stance_network_to_graphml      (StanceNetwork         *self,
                                                          gboolean               names);

G_END_DECLS
