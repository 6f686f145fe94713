/* stance-live-contradictions-private.h: the contradictions of a graph, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-contradiction-list-private.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* A contradiction list that a tracker keeps current (see the .c file). */
StanceContradictionList *_stance_live_contradictions_new            (StanceGraph             *graph);
/* Tells the list that these stances were added (they may be new targets'). */
void                     _stance_live_contradictions_stances_added  (StanceContradictionList *live,
                                                                     guint32                  first,
                                                                     guint32                  n);
/* Tells the list that the contradictions on this target may have changed. */
void                     _stance_live_contradictions_target_changed (StanceContradictionList *live,
                                                                     StanceRef                target);

G_END_DECLS
