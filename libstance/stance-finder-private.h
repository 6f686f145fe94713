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

/* What a search keeps: the inside of a StanceContradictionFilter.  Nodes
 * are named by id, so that one filter serves any graph.  A NULL filter
 * keeps everything. */
#define STANCE_FINDING_ALL_KINDS 0xfu

typedef struct
{
  guint       kinds;     /* 1 << kind for each kind kept; 0: every kind */
  GHashTable *targets;   /* target id set, or NULL for every target */
  GHashTable *holders;   /* actor id set, or NULL for every holder */
  gint64      from;      /* records arising at or after; G_MININT64: open */
  gint64      to;        /* records arising before; G_MAXINT64: open */
  guint       shard;     /* 0-based */
  guint       n_shards;  /* 0: no sharding */
} StanceFindingFilter;

typedef void (*StanceFindingFunc) (const StanceFinding *finding,
                                   gpointer             user_data);

/* Hands every contradiction that @filter keeps to @func: in the order of
 * SPEC §4 if @ordered (only one target's records of one kind are in memory
 * at a time), else in any order, without sorting (for counting). */
void    _stance_find_each           (StanceStore               *store,
                                     StanceActIndex            *index,
                                     const StanceFindingFilter *filter,
                                     gboolean                   ordered,
                                     StanceFindingFunc          func,
                                     gpointer                   user_data);
typedef void (*StanceFindingBatchFunc) (const StanceFinding *findings,
                                        guint                n_findings,
                                        gpointer             user_data);

/* _stance_find_each(), ordered, handing the records to @func a batch at a
 * time, with the search in a thread of its own one batch ahead of @func,
 * which runs in the caller's thread; for a small index, or on one core,
 * the same without a thread (stance-finder-ahead.c). */
void    _stance_find_each_ahead     (StanceStore               *store,
                                     StanceActIndex            *index,
                                     const StanceFindingFilter *filter,
                                     StanceFindingBatchFunc     func,
                                     gpointer                   user_data);
/* The shard hash of a target id: FNV-1a, 64 bits, of its bytes. */
guint64 _stance_finding_filter_hash (const char                *id);
/* Whether @filter keeps @finding (a finding of @store). */
gboolean _stance_finding_filter_keeps (const StanceFindingFilter *filter,
                                       StanceStore               *store,
                                       const StanceFinding       *finding);

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
