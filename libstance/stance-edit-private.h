/* stance-edit-private.h: removing nodes with what refers to them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-graph.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

gboolean _stance_edit_remove_node (StanceGraph  *graph,
                                   StanceRef     node,
                                   gboolean      with_referrers,
                                   GError      **error);

G_END_DECLS
