/* stance-time.h: partial ISO 8601 times and the periods they cover
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>

#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * StanceTimePrecision:
 * @STANCE_TIME_PRECISION_YEAR: a year, such as `2017`
 * @STANCE_TIME_PRECISION_MONTH: a month, such as `2017-07`
 * @STANCE_TIME_PRECISION_DAY: a day (UTC), such as `2017-07-09`
 * @STANCE_TIME_PRECISION_MINUTE: a minute, such as `2017-07-09T21:15Z`
 * @STANCE_TIME_PRECISION_SECOND: a second, such as `2017-07-09T21:15:33+02:00`
 *
 * How precise a [struct@Stance.Time] is: the length of the period it covers.
 *
 * Since: 1.0
 */
typedef enum {
  STANCE_TIME_PRECISION_YEAR,
  STANCE_TIME_PRECISION_MONTH,
  STANCE_TIME_PRECISION_DAY,
  STANCE_TIME_PRECISION_MINUTE,
  STANCE_TIME_PRECISION_SECOND,
} StanceTimePrecision;

#define STANCE_TYPE_TIME (stance_time_get_type ())

typedef struct _StanceTime StanceTime;

STANCE_AVAILABLE_IN_1_0
GType                stance_time_get_type        (void) G_GNUC_CONST;
STANCE_AVAILABLE_IN_1_0
StanceTime          *stance_time_new_from_string (const char        *text,
                                                  GError           **error);
STANCE_AVAILABLE_IN_1_0
StanceTime          *stance_time_copy            (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
void                 stance_time_free            (StanceTime        *self);
STANCE_AVAILABLE_IN_1_0
char                *stance_time_to_string       (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
StanceTimePrecision  stance_time_get_precision   (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
gint64               stance_time_get_start       (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
gint64               stance_time_get_end         (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
gboolean             stance_time_has_offset      (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
int                  stance_time_get_offset      (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
GDateTime           *stance_time_to_date_time    (const StanceTime  *self);
STANCE_AVAILABLE_IN_1_0
gboolean             stance_time_precedes        (const StanceTime  *self,
                                                  const StanceTime  *other);
STANCE_AVAILABLE_IN_1_0
gboolean             stance_time_overlaps        (const StanceTime  *self,
                                                  const StanceTime  *other);
STANCE_AVAILABLE_IN_1_0
int                  stance_time_compare         (const StanceTime  *self,
                                                  const StanceTime  *other);
STANCE_AVAILABLE_IN_1_0
gboolean             stance_time_equal           (const StanceTime  *self,
                                                  const StanceTime  *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StanceTime, stance_time_free)

G_END_DECLS
