/* stance-finder-private.h: the four contradictions of SPEC §3
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-acts-private.h"
#include "stance-contradiction.h"

G_BEGIN_DECLS

/* One contradiction in store terms; objects are made only when the list
 * model hands one out. */
typedef struct
{
  StanceRef target;
  guint32   holder;  /* actor index: the holder, or a conflict's first holder */
  guint32   other;   /* a conflict's second holder, or the attributing speaker */
  guint32   first;   /* stance index of the first statement's stance */
  guint32   second;  /* stance index of the second statement's stance */
  guint8    kind;    /* StanceContradictionKind */
} StanceFinding;

/* Every contradiction among the stances of @acts (the whole graph, or one
 * target's stances), sorted as SPEC §4 sorts its records.  @acts must be
 * current for @store. */
GArray *_stance_find_contradictions (StanceStore         *store,
                                     StanceActIndex      *acts);
/* The order of SPEC §4; 0 only for the same contradiction. */
int     _stance_finding_cmp         (const StanceFinding *a,
                                     const StanceFinding *b,
                                     StanceStore         *store);

G_END_DECLS
