/* stance-contradiction-filter-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-contradiction-filter.h"
#include "stance-finder-private.h"

G_BEGIN_DECLS

/* The finder's view of a filter (NULL for none). */
const StanceFindingFilter *_stance_contradiction_filter_get_finding_filter (StanceContradictionFilter *self);

G_END_DECLS
