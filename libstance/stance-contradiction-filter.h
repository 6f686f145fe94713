/* stance-contradiction-filter.h: which contradictions a search keeps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include "stance-contradiction.h"
#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * StanceContradictionFormat:
 * @STANCE_CONTRADICTION_FORMAT_JSON: the JSON document of `stance check
 *   --json` (SPEC §4): `{"contradictions": [...]}`, indented
 * @STANCE_CONTRADICTION_FORMAT_JSON_LINES: JSON Lines, as `stance check
 *   --jsonl` writes them: one record per line, with the same members as a
 *   record of the JSON document
 * @STANCE_CONTRADICTION_FORMAT_TEXT: one line per record for a person to
 *   read, as [method@Stance.Contradiction.describe] gives it
 *
 * How [method@Stance.Graph.write_contradictions] writes the records.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_CONTRADICTION_FORMAT_JSON,
  STANCE_CONTRADICTION_FORMAT_JSON_LINES,
  STANCE_CONTRADICTION_FORMAT_TEXT,
} StanceContradictionFormat;

#define STANCE_TYPE_CONTRADICTION_FILTER (stance_contradiction_filter_get_type ())

/**
 * StanceContradictionFilter:
 *
 * Which contradictions a search keeps: some kinds, some targets, some
 * holders, a time range, one shard of the targets.  Each criterion that is
 * set must hold; a criterion that is not set keeps everything, so a new
 * filter keeps every contradiction.
 *
 * Targets and holders are named by id, so one filter serves any graph.  A
 * filter is given to [method@Stance.Graph.find_contradictions_filtered],
 * [method@Stance.Graph.count_contradictions],
 * [method@Stance.Graph.write_contradictions] or a
 * [class@Stance.ContradictionFilterModel], which find only what it keeps,
 * without making an object for the rest.  See the "Contradictions at scale"
 * chapter of the manual.
 *
 * Since: 1.2
 */
typedef struct _StanceContradictionFilter StanceContradictionFilter;

STANCE_AVAILABLE_IN_1_2
GType                      stance_contradiction_filter_get_type       (void) G_GNUC_CONST;
STANCE_AVAILABLE_IN_1_2
StanceContradictionFilter *stance_contradiction_filter_new            (void);
STANCE_AVAILABLE_IN_1_2
StanceContradictionFilter *stance_contradiction_filter_ref            (StanceContradictionFilter *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_contradiction_filter_unref          (StanceContradictionFilter *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_contradiction_filter_add_kind       (StanceContradictionFilter *self,
                                                                       StanceContradictionKind    kind);
STANCE_AVAILABLE_IN_1_2
void                       stance_contradiction_filter_add_target     (StanceContradictionFilter *self,
                                                                       const char                *id);
STANCE_AVAILABLE_IN_1_2
void                       stance_contradiction_filter_add_holder     (StanceContradictionFilter *self,
                                                                       const char                *id);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_contradiction_filter_set_from       (StanceContradictionFilter *self,
                                                                       const char                *time,
                                                                       GError                   **error);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_contradiction_filter_set_to         (StanceContradictionFilter *self,
                                                                       const char                *time,
                                                                       GError                   **error);
STANCE_AVAILABLE_IN_1_2
void                       stance_contradiction_filter_set_shard      (StanceContradictionFilter *self,
                                                                       guint                      shard,
                                                                       guint                      n_shards);
STANCE_AVAILABLE_IN_1_2
guint                      stance_contradiction_filter_shard_of       (const char                *target_id,
                                                                       guint                      n_shards);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_contradiction_filter_matches        (StanceContradictionFilter *self,
                                                                       StanceContradiction       *contradiction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StanceContradictionFilter, stance_contradiction_filter_unref)

G_END_DECLS
