/* stance-index-private.h: a graph seen from every side, kept current
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-graph.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* The inverse links of a graph: for a key (a node), the records that refer
 * to it, each list sorted (see stance-index.c for the orders). */
typedef enum {
  STANCE_INDEX_ON,          /* target (StanceRef) -> its stances, graph order */
  STANCE_INDEX_SAID,        /* speaker -> its statements, time order */
  STANCE_INDEX_ATTRIBUTED,  /* holder -> stances others attribute to it, graph order */
  STANCE_INDEX_REPORTERS,   /* statement -> statements that report it, graph order */
  STANCE_INDEX_MEMBERS,     /* actor -> actors that are members of it, graph order */
  STANCE_INDEX_PARTS,       /* claim -> claims that are part of it, graph order */
  STANCE_INDEX_N_MAPS
} StanceIndexMap;

typedef struct _StanceIndex StanceIndex;
typedef struct _StanceIndexList StanceIndexList;

StanceIndex  *_stance_index_new          (StanceGraph     *graph);
void          _stance_index_free         (StanceIndex     *index);
/* The sorted records that refer to @key (guint32 stance or record
 * indices), or NULL when none.  Builds the index the first time. */
GArray       *_stance_index_lookup       (StanceIndex     *index,
                                          StanceIndexMap   map,
                                          guint32          key);
/* Keeping current: the graph calls these at every edit, before a record's
 * links change or it is removed (unlink) and after it is added or its
 * links changed (link).  Each changes the lists of the keys involved at
 * once and queues what changed for their live list models
 * (STANCE_CHANGE_INDEX_CHANGED); the edit delivers.  Before the index is
 * built they cost nothing. */
void          _stance_index_link_stance   (StanceIndex    *index,
                                           guint32         stance);
void          _stance_index_unlink_stance (StanceIndex    *index,
                                           guint32         stance);
void          _stance_index_link_node     (StanceIndex    *index,
                                           StanceRef       node);
void          _stance_index_unlink_node   (StanceIndex    *index,
                                           StanceRef       node);
/* A statement's time changed: it moves in its speaker's list, and the
 * lists that hold its stances are told that those rows changed. */
void          _stance_index_statement_moved (StanceIndex  *index,
                                             guint32       statement);
/* Records appended in bulk (a load): link them, or rebuild when many. */
void          _stance_index_appended      (StanceIndex    *index);

/* The holder's standing act on each target at @when (NULL: now), in act
 * order: stance indices. */
GArray       *_stance_index_positions     (StanceIndex    *index,
                                           guint32         holder,
                                           const StanceTime *when);

/* The live list models handed out (stance-index-list.c). */
void          _stance_index_add_list      (StanceIndex    *index,
                                           StanceIndexList *list);
void          _stance_index_remove_list   (StanceIndex    *index,
                                           StanceIndexList *list);

/* A live GListModel of one key's list (stance-index-list.c). */
GListModel   *_stance_index_list_new      (StanceGraph    *graph,
                                           StanceIndexMap  map,
                                           guint32         key);
StanceIndexMap _stance_index_list_get_map (StanceIndexList *list);
guint32       _stance_index_list_get_key  (StanceIndexList *list);

G_END_DECLS
