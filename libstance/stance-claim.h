/* stance-claim.h: a proposition or proposal that stances are taken on
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include "stance-node.h"

G_BEGIN_DECLS

#define STANCE_TYPE_CLAIM (stance_claim_get_type ())

STANCE_AVAILABLE_IN_1_0
_STANCE_DECLARE_OPAQUE_TYPE (StanceClaim, stance_claim, STANCE, CLAIM)

STANCE_AVAILABLE_IN_1_0
const char  *stance_claim_get_text     (StanceClaim  *self);
STANCE_AVAILABLE_IN_1_0
void         stance_claim_set_text     (StanceClaim  *self,
                                        const char   *text);
STANCE_AVAILABLE_IN_1_0
const char  *stance_claim_get_lang     (StanceClaim  *self);
STANCE_AVAILABLE_IN_1_0
void         stance_claim_set_lang     (StanceClaim  *self,
                                        const char   *lang);
STANCE_AVAILABLE_IN_1_0
StanceClaim *stance_claim_dup_part_of  (StanceClaim  *self);
STANCE_AVAILABLE_IN_1_0
gboolean     stance_claim_set_part_of  (StanceClaim  *self,
                                        StanceClaim  *whole,
                                        GError      **error);

G_END_DECLS
