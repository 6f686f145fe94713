/* stance-node-list-private.h: a graph's actors, claims or statements as a live GListModel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

#define STANCE_TYPE_NODE_LIST (stance_node_list_get_type ())

G_DECLARE_FINAL_TYPE (StanceNodeList, stance_node_list, STANCE, NODE_LIST, GObject)

GListModel *_stance_node_list_new (StanceGraph *graph,
                                   StanceSort   sort);

G_END_DECLS
