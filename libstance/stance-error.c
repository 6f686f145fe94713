/* stance-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-error.h"

G_DEFINE_QUARK (stance-error-quark, stance_error)
