/* stance-polarization-private.h: what the tool needs of a polarisation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-json-writer-private.h"
#include "stance-polarization.h"

G_BEGIN_DECLS

/* {"score": S, "camps": [[ID...], [ID...]]} and, for a window, "time",
 * "start" and "stop". */
void _stance_polarization_write_json (StancePolarization *self,
                                      StanceJsonWriter   *w);
gboolean _stance_polarization_get_window (StancePolarization *self,
                                          gint64             *mid,
                                          gint64             *start,
                                          gint64             *stop);

G_END_DECLS
