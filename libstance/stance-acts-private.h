/* stance-acts-private.h: every holder's own stances, sorted into act order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-store-private.h"

G_BEGIN_DECLS

/* A stance that its holder takes in its own words (holder = speaker),
 * flattened with what ordering needs, so that sorting touches no other
 * record.  Neutral ones are kept for timelines; they are never acts. */
typedef struct
{
  gint64    start;
  gint64    end;
  StanceRef target;
  guint32   holder;
  guint32   statement;
  guint32   stance;
  guint8    polarity;  /* StancePolarity */
} StanceAct;

/* The acts of a graph in (target, holder, act order) order: all of one
 * holder's own stances on one target form a contiguous group, sorted as
 * SPEC §3 orders acts — period start, period end, statement order, stance
 * order.  Built in O(n log n) and kept until the store changes. */
typedef struct
{
  GArray  *acts;          /* StanceAct */
  GArray  *attributions;  /* guint32: attributed stances with a position */
  guint64  serial;        /* the store's serial when built */
} StanceActIndex;

StanceActIndex *_stance_act_index_new    (StanceStore          *store);
/* The same for some stances only, such as those on one target. */
StanceActIndex *_stance_act_index_new_for (StanceStore         *store,
                                           const guint32       *stances,
                                           guint                n_stances);
void            _stance_act_index_free   (StanceActIndex       *index);
/* Finds the group of (target, holder): sets *first and *n, or *n = 0. */
void            _stance_act_index_group  (StanceActIndex       *index,
                                          StanceRef             target,
                                          guint32               holder,
                                          guint                *first,
                                          guint                *n);
int             _stance_act_order_cmp    (const StanceAct      *a,
                                          const StanceAct      *b);

static inline gboolean
_stance_act_is_positional (const StanceAct *act)
{
  return act->polarity == STANCE_POLARITY_POSITIVE || act->polarity == STANCE_POLARITY_NEGATIVE;
}

static inline gboolean
_stance_polarities_opposite (guint8 a,
                             guint8 b)
{
  return (a == STANCE_POLARITY_POSITIVE && b == STANCE_POLARITY_NEGATIVE) ||
         (a == STANCE_POLARITY_NEGATIVE && b == STANCE_POLARITY_POSITIVE);
}

G_END_DECLS
