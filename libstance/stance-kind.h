/* stance-kind.h: stance kinds and their polarity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>

#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * StancePolarity:
 * @STANCE_POLARITY_POSITIVE: the holder is for the target (`proposes`,
 *   `endorses`, `supports`, `confirms`)
 * @STANCE_POLARITY_NEGATIVE: the holder is against the target (`opposes`,
 *   `rejects`, `denies`)
 * @STANCE_POLARITY_WITHDRAWAL: the holder gives up whatever stance it held
 *   (`retracts`)
 * @STANCE_POLARITY_NEUTRAL: no position (`questions`, `comments`)
 *
 * What a stance kind says about its holder's position.  Every kind, built in
 * or declared, has exactly one polarity, and contradictions are defined by
 * polarities alone.
 *
 * Since: 1.0
 */
typedef enum {
  STANCE_POLARITY_POSITIVE,
  STANCE_POLARITY_NEGATIVE,
  STANCE_POLARITY_WITHDRAWAL,
  STANCE_POLARITY_NEUTRAL,
} StancePolarity;

STANCE_AVAILABLE_IN_1_0
const char *stance_polarity_to_string     (StancePolarity   polarity);
STANCE_AVAILABLE_IN_1_0
gboolean    stance_polarity_from_string   (const char      *text,
                                           StancePolarity  *polarity);
STANCE_AVAILABLE_IN_1_0
gboolean    stance_kind_name_is_valid     (const char      *name);
STANCE_AVAILABLE_IN_1_0
gboolean    stance_kind_is_builtin        (const char      *name);

G_END_DECLS
