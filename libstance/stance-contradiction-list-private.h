/* stance-contradiction-list-private.h: contradictions as a GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stance-contradiction.h"
#include "stance-finder-private.h"
#include "stance-graph.h"

G_BEGIN_DECLS

#define STANCE_TYPE_CONTRADICTION_LIST (stance_contradiction_list_get_type ())

G_DECLARE_FINAL_TYPE (StanceContradictionList, stance_contradiction_list, STANCE, CONTRADICTION_LIST, GObject)

/* Takes @findings (StanceFinding, in SPEC §4 order); objects are made as
 * items are asked for. */
StanceContradictionList *_stance_contradiction_list_new      (StanceGraph             *graph,
                                                              GArray                  *findings);
StanceGraph             *_stance_contradiction_list_get_graph (StanceContradictionList *self);
const GArray            *_stance_contradiction_list_get_findings (StanceContradictionList *self);

/* For the live model: insert in order, or remove, emitting items-changed.
 * Both give the item concerned (transfer full), which a handler of
 * items-changed cannot take away. */
StanceContradiction     *_stance_contradiction_list_insert   (StanceContradictionList *self,
                                                              const StanceFinding     *finding);
StanceContradiction     *_stance_contradiction_list_remove   (StanceContradictionList *self,
                                                              guint                    position);

/* What keeps a live list current (stance-live-contradictions.c), owned by
 * the list and freed with it. */
void                     _stance_contradiction_list_set_tracker (StanceContradictionList *self,
                                                                 gpointer                 tracker,
                                                                 GDestroyNotify           free_tracker);
gpointer                 _stance_contradiction_list_get_tracker (StanceContradictionList *self);

G_END_DECLS
