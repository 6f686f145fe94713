/* stance-contradiction-filter-model.h: the contradictions of a list model that a filter keeps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-contradiction-filter.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_CONTRADICTION_FILTER_MODEL (stance_contradiction_filter_model_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_FINAL_TYPE (StanceContradictionFilterModel, stance_contradiction_filter_model,
                      STANCE, CONTRADICTION_FILTER_MODEL, GObject)

STANCE_AVAILABLE_IN_1_2
StanceContradictionFilterModel *stance_contradiction_filter_model_new        (GListModel                     *model,
                                                                              StanceContradictionFilter      *filter);
STANCE_AVAILABLE_IN_1_2
GListModel                     *stance_contradiction_filter_model_get_model  (StanceContradictionFilterModel *self);
STANCE_AVAILABLE_IN_1_2
StanceContradictionFilter      *stance_contradiction_filter_model_get_filter (StanceContradictionFilterModel *self);
STANCE_AVAILABLE_IN_1_2
void                            stance_contradiction_filter_model_set_filter (StanceContradictionFilterModel *self,
                                                                              StanceContradictionFilter      *filter);

G_END_DECLS
