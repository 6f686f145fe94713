/* stance-live-contradictions-private.h: the contradictions of a graph, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-contradiction-list-private.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* A contradiction list that a tracker keeps current (see the .c file): an
 * observer of @graph's changes (stance-change-private.h). */
StanceContradictionList *_stance_live_contradictions_new (StanceGraph *graph);

G_END_DECLS
