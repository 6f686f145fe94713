/* stance-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-error.h"

/**
 * stance_error_quark:
 *
 * Gets the quark of the [error@Stance.Error] domain: %STANCE_ERROR.
 *
 * Returns: the error domain's quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (stance-error-quark, stance_error)
