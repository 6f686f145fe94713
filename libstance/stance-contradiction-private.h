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

G_END_DECLS
