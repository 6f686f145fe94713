/* stance-edge.h: a typed stance from a statement to a target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "stance-kind.h"
#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_EDGE (stance_edge_get_type ())

STANCE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (StanceEdge, stance_edge, STANCE, EDGE, GObject)

STANCE_AVAILABLE_IN_1_0
StanceGraph     *stance_edge_get_graph       (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
const char      *stance_edge_get_kind        (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
StancePolarity   stance_edge_get_polarity    (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
StanceStatement *stance_edge_get_statement   (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
StanceNode      *stance_edge_get_target      (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
StanceActor     *stance_edge_get_holder      (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_edge_is_attributed   (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_edge_is_act          (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
JsonNode        *stance_edge_get_meta        (StanceEdge   *self);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_edge_set_meta        (StanceEdge   *self,
                                              JsonNode     *meta,
                                              GError      **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_edge_set_kind        (StanceEdge   *self,
                                              const char   *kind,
                                              GError      **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_edge_set_target      (StanceEdge   *self,
                                              StanceNode   *target,
                                              GError      **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_edge_set_holder      (StanceEdge   *self,
                                              StanceActor  *holder,
                                              GError      **error);

G_END_DECLS
