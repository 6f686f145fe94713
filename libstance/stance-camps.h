/* stance-camps.h: who is for, against, and withdrawn on a target at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_CAMPS (stance_camps_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_FINAL_TYPE (StanceCamps, stance_camps, STANCE, CAMPS, GObject)

STANCE_AVAILABLE_IN_1_2
StanceNode *stance_camps_get_target    (StanceCamps *self);
STANCE_AVAILABLE_IN_1_2
const char *stance_camps_get_time      (StanceCamps *self);
STANCE_AVAILABLE_IN_1_2
GListModel *stance_camps_get_positive  (StanceCamps *self);
STANCE_AVAILABLE_IN_1_2
GListModel *stance_camps_get_negative  (StanceCamps *self);
STANCE_AVAILABLE_IN_1_2
GListModel *stance_camps_get_withdrawn (StanceCamps *self);

G_END_DECLS
