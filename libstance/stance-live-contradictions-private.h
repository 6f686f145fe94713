/* stance-live-contradictions-private.h: the contradictions of a graph, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

#define STANCE_TYPE_LIVE_CONTRADICTIONS (stance_live_contradictions_get_type ())

G_DECLARE_FINAL_TYPE (StanceLiveContradictions, stance_live_contradictions, STANCE, LIVE_CONTRADICTIONS, GObject)

GListModel *_stance_live_contradictions_new            (StanceGraph              *graph);
/* Tells the model that these stances were added (they may be new targets'). */
void        _stance_live_contradictions_stances_added  (StanceLiveContradictions *self,
                                                        guint32                   first,
                                                        guint32                   n);
/* Tells the model that the contradictions on this target may have changed. */
void        _stance_live_contradictions_target_changed (StanceLiveContradictions *self,
                                                        StanceRef                 target);

G_END_DECLS
