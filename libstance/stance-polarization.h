/* stance-polarization.h: how split a discourse is into two camps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-network.h"
#include "stance-network-options.h"

G_BEGIN_DECLS

#define STANCE_TYPE_POLARIZATION (stance_polarization_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_FINAL_TYPE (StancePolarization, stance_polarization, STANCE, POLARIZATION, GObject)

STANCE_AVAILABLE_IN_1_2
StancePolarization *stance_polarization_new               (StanceGraph           *graph,
                                                           StanceNetworkOptions  *options,
                                                           GError               **error);
STANCE_AVAILABLE_IN_1_2
GListModel         *stance_polarization_new_windows       (StanceGraph           *graph,
                                                           StanceNetworkOptions  *options,
                                                           GError               **error);
STANCE_AVAILABLE_IN_1_2
StancePolarization *stance_polarization_new_from_networks (StanceNetwork         *congruence,
                                                           StanceNetwork         *conflict,
                                                           gboolean               normalize,
                                                           guint32                seed,
                                                           GError               **error);

STANCE_AVAILABLE_IN_1_2
double              stance_polarization_get_score         (StancePolarization    *self);
STANCE_AVAILABLE_IN_1_2
const char * const *stance_polarization_get_camp          (StancePolarization    *self,
                                                           guint                  index);
STANCE_AVAILABLE_IN_1_2
gboolean            stance_polarization_is_exact          (StancePolarization    *self);
STANCE_AVAILABLE_IN_1_2
GDateTime          *stance_polarization_dup_time          (StancePolarization    *self);

G_END_DECLS
