/* stance-node.h: what actors, claims and statements have in common
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_NODE (stance_node_get_type ())

STANCE_AVAILABLE_IN_1_0
_STANCE_DECLARE_OPAQUE_TYPE (StanceNode, stance_node, STANCE, NODE)

STANCE_AVAILABLE_IN_1_0
const char  *stance_node_get_id    (StanceNode   *self);
STANCE_AVAILABLE_IN_1_0
StanceGraph *stance_node_get_graph (StanceNode   *self);
STANCE_AVAILABLE_IN_1_0
JsonNode    *stance_node_get_meta  (StanceNode   *self);
STANCE_AVAILABLE_IN_1_0
gboolean     stance_node_set_meta  (StanceNode   *self,
                                    JsonNode     *meta,
                                    GError      **error);

G_END_DECLS
