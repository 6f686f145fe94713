/* stance-contradiction-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-contradiction.h"
#include "stance-finder-private.h"

G_BEGIN_DECLS

StanceContradiction *_stance_contradiction_new (StanceGraph         *graph,
                                                const StanceFinding *finding);
/* The finding behind @self, and the store it is a finding of. */
StanceStore         *_stance_contradiction_get_finding (StanceContradiction *self,
                                                        StanceFinding       *finding);
/* The line of stance_contradiction_describe(), from the store alone. */
void                 _stance_finding_describe  (StanceStore         *store,
                                                const StanceFinding *finding,
                                                GString             *out);

G_END_DECLS
