/* stance-camps-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-camps.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* The camps on @target at @when (NULL: with every act); @time is how the
 * caller wrote it, kept for the property. */
StanceCamps *_stance_camps_new (StanceGraph      *graph,
                                StanceRef         target,
                                const char       *time,
                                const StanceTime *when);

G_END_DECLS
