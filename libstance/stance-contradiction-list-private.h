/* stance-contradiction-list-private.h: contradictions as a GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stance-graph.h"

G_BEGIN_DECLS

#define STANCE_TYPE_CONTRADICTION_LIST (stance_contradiction_list_get_type ())

G_DECLARE_FINAL_TYPE (StanceContradictionList, stance_contradiction_list, STANCE, CONTRADICTION_LIST, GObject)

/* Takes @findings (StanceFinding); objects are made as items are asked for. */
GListModel *_stance_contradiction_list_new (StanceGraph *graph,
                                            GArray      *findings);

G_END_DECLS
