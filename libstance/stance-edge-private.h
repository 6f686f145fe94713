/* stance-edge-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-edge.h"

G_BEGIN_DECLS

StanceEdge *_stance_edge_new       (StanceGraph *graph,
                                    guint32      stance);
guint32     _stance_edge_get_index (StanceEdge  *self);
/* Drops the cached views of a changed stance, at the edit. */
void        _stance_edge_relinked  (StanceEdge  *self);
/* Notifies the properties of a changed stance, when the change is
 * delivered. */
void        _stance_edge_notify_changed (StanceEdge *self);

G_END_DECLS
