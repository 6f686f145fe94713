/* stance-graph.h: who said what, when, about what
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-actor.h"
#include "stance-camps.h"
#include "stance-claim.h"
#include "stance-contradiction.h"
#include "stance-contradiction-filter.h"
#include "stance-edge.h"
#include "stance-kind.h"
#include "stance-statement.h"
#include "stance-types.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_GRAPH (stance_graph_get_type ())

STANCE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (StanceGraph, stance_graph, STANCE, GRAPH, GObject)

STANCE_AVAILABLE_IN_1_0
StanceGraph     *stance_graph_new                   (void);

/* Building */
STANCE_AVAILABLE_IN_1_0
StanceActor     *stance_graph_add_actor             (StanceGraph          *self,
                                                     const char           *id,
                                                     const char           *name,
                                                     StanceActorKind       kind,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
StanceClaim     *stance_graph_add_claim             (StanceGraph          *self,
                                                     const char           *id,
                                                     const char           *text,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
StanceStatement *stance_graph_add_statement         (StanceGraph          *self,
                                                     const char           *id,
                                                     StanceActor          *speaker,
                                                     const char           *time,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_append_statement      (StanceGraph          *self,
                                                     const char           *id,
                                                     const char           *speaker,
                                                     const char           *time,
                                                     const char           *text,
                                                     const char           *lang,
                                                     const char           *source,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_append_stance         (StanceGraph          *self,
                                                     const char           *statement,
                                                     const char           *kind,
                                                     const char           *target,
                                                     const char           *holder,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_declare_kind          (StanceGraph          *self,
                                                     const char           *name,
                                                     StancePolarity        polarity,
                                                     GError              **error);

/* Looking up */
STANCE_AVAILABLE_IN_1_0
StanceNode      *stance_graph_lookup                (StanceGraph          *self,
                                                     const char           *id);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_lookup_kind           (StanceGraph          *self,
                                                     const char           *name,
                                                     StancePolarity       *polarity);
STANCE_AVAILABLE_IN_1_0
char           **stance_graph_dup_kinds             (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
guint            stance_graph_get_n_actors          (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
guint            stance_graph_get_n_claims          (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
guint            stance_graph_get_n_statements      (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
guint            stance_graph_get_n_stances         (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_get_actors            (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_get_claims            (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_get_statements        (StanceGraph          *self);

/* Questions */
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_find_contradictions   (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_get_contradictions    (StanceGraph          *self);
STANCE_AVAILABLE_IN_1_0
StanceEdge      *stance_graph_get_stance_at         (StanceGraph          *self,
                                                     StanceActor          *holder,
                                                     StanceNode           *target,
                                                     const char           *time,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
GListModel      *stance_graph_get_timeline          (StanceGraph          *self,
                                                     StanceActor          *holder,
                                                     StanceNode           *target);

/* Documents */
STANCE_AVAILABLE_IN_1_0
StanceGraph     *stance_graph_new_from_file         (const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
StanceGraph     *stance_graph_new_from_data         (const char           *data,
                                                     gssize                length,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
StanceGraph     *stance_graph_new_from_stream       (GInputStream         *stream,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_load_from_file        (StanceGraph          *self,
                                                     const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_load_from_data        (StanceGraph          *self,
                                                     const char           *data,
                                                     gssize                length,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_load_from_stream      (StanceGraph          *self,
                                                     GInputStream         *stream,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
void             stance_graph_load_from_file_async  (StanceGraph          *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_load_from_file_finish (StanceGraph          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
char            *stance_graph_save_to_data          (StanceGraph          *self,
                                                     gsize                *length);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_save_to_file          (StanceGraph          *self,
                                                     const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_0
void             stance_graph_save_to_file_async    (StanceGraph          *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_graph_save_to_file_finish   (StanceGraph          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_find_contradictions_filtered (StanceGraph               *self,
                                                            StanceContradictionFilter *filter);
STANCE_AVAILABLE_IN_1_2
guint64          stance_graph_count_contradictions  (StanceGraph               *self,
                                                     StanceContradictionFilter *filter);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_write_contradictions  (StanceGraph               *self,
                                                     StanceContradictionFilter *filter,
                                                     StanceContradictionFormat  format,
                                                     GOutputStream             *stream,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
/* Binary snapshots */
STANCE_AVAILABLE_IN_1_2
StanceGraph     *stance_graph_new_from_snapshot     (const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_load_snapshot         (StanceGraph          *self,
                                                     const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_save_snapshot         (StanceGraph          *self,
                                                     const char           *filename,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_load_from_jsonl_stream (StanceGraph         *self,
                                                      GInputStream        *stream,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
STANCE_AVAILABLE_IN_1_2
StanceGraph     *stance_graph_new_from_jsonl_stream  (GInputStream        *stream,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_save_to_jsonl_stream   (StanceGraph         *self,
                                                      GOutputStream       *stream,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_save_to_jsonl_file     (StanceGraph         *self,
                                                      const char          *filename,
                                                      GError             **error);
STANCE_AVAILABLE_IN_1_2
void             stance_graph_load_snapshot_async   (StanceGraph          *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_load_snapshot_finish  (StanceGraph          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Questions from every side */
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_stances_on        (StanceGraph          *self,
                                                     StanceNode           *target);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_statements_by     (StanceGraph          *self,
                                                     StanceActor          *speaker);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_attributions      (StanceGraph          *self,
                                                     StanceActor          *holder);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_reporters         (StanceGraph          *self,
                                                     StanceStatement      *statement);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_report_chain      (StanceGraph          *self,
                                                     StanceStatement      *statement);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_members           (StanceGraph          *self,
                                                     StanceActor          *group);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_parts             (StanceGraph          *self,
                                                     StanceClaim          *whole);
STANCE_AVAILABLE_IN_1_2
GListModel      *stance_graph_get_positions         (StanceGraph          *self,
                                                     StanceActor          *holder,
                                                     const char           *time,
                                                     GError              **error);
STANCE_AVAILABLE_IN_1_2
StanceCamps     *stance_graph_get_camps             (StanceGraph          *self,
                                                     StanceNode           *target,
                                                     const char           *time,
                                                     GError              **error);

/* Editing */
STANCE_AVAILABLE_IN_1_2
gboolean         stance_graph_remove_node           (StanceGraph          *self,
                                                     StanceNode           *node,
                                                     gboolean              with_referrers,
                                                     GError              **error);

G_END_DECLS
