/* stance-contradiction.h: a derived fact that explains itself by the statements behind it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * StanceContradictionKind:
 * @STANCE_CONTRADICTION_KIND_REVERSAL: a holder takes a position and later
 *   takes another one (the opposite, or a withdrawal) on the same target
 * @STANCE_CONTRADICTION_KIND_INCONSISTENCY: a holder takes opposite
 *   positions on one target at overlapping times
 * @STANCE_CONTRADICTION_KIND_CONFLICT: two holders take opposite positions
 *   on one target that hold at the same time
 * @STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION: a speaker attributes a
 *   position to a holder whose own words, not earlier than the attribution,
 *   say otherwise
 *
 * The four kinds of contradiction, in the order in which they are sorted.
 * Their exact definitions are in the "Contradictions" chapter of the manual.
 *
 * Since: 1.0
 */
typedef enum {
  STANCE_CONTRADICTION_KIND_REVERSAL,
  STANCE_CONTRADICTION_KIND_INCONSISTENCY,
  STANCE_CONTRADICTION_KIND_CONFLICT,
  STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION,
} StanceContradictionKind;

#define STANCE_TYPE_CONTRADICTION (stance_contradiction_get_type ())

STANCE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (StanceContradiction, stance_contradiction, STANCE, CONTRADICTION, GObject)

STANCE_AVAILABLE_IN_1_0
const char              *stance_contradiction_kind_to_string   (StanceContradictionKind  kind);
STANCE_AVAILABLE_IN_1_2
gboolean                 stance_contradiction_kind_from_string (const char              *text,
                                                                StanceContradictionKind *kind);
STANCE_AVAILABLE_IN_1_0
StanceContradictionKind  stance_contradiction_get_kind         (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
StanceNode              *stance_contradiction_get_target       (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
StanceActor             *stance_contradiction_get_holder       (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
StanceActor             *stance_contradiction_get_other_holder (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
StanceActor             *stance_contradiction_get_attributed_by (StanceContradiction    *self);
STANCE_AVAILABLE_IN_1_0
StanceEdge              *stance_contradiction_get_first        (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
StanceEdge              *stance_contradiction_get_second       (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
GPtrArray               *stance_contradiction_get_statements   (StanceContradiction     *self);
STANCE_AVAILABLE_IN_1_0
char                    *stance_contradiction_describe         (StanceContradiction     *self);

G_END_DECLS
