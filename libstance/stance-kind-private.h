/* stance-kind-private.h: the built-in stance kinds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-kind.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *name;
  StancePolarity  polarity;
} StanceBuiltinKind;

/* SPEC §1, in the order of its table; every store starts with these. */
extern const StanceBuiltinKind _stance_builtin_kinds[];
extern const guint             _stance_n_builtin_kinds;

G_END_DECLS
