/* stance-statement.h: one utterance: who spoke, when, the words and where
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include "stance-node.h"
#include "stance-time.h"

G_BEGIN_DECLS

#define STANCE_TYPE_STATEMENT (stance_statement_get_type ())

STANCE_AVAILABLE_IN_1_0
_STANCE_DECLARE_OPAQUE_TYPE (StanceStatement, stance_statement, STANCE, STATEMENT)

STANCE_AVAILABLE_IN_1_0
StanceActor     *stance_statement_get_speaker     (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
StanceTime      *stance_statement_dup_time        (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
char            *stance_statement_dup_time_string (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_statement_set_time        (StanceStatement  *self,
                                                   const char       *time,
                                                   GError          **error);
STANCE_AVAILABLE_IN_1_0
const char      *stance_statement_get_text        (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
void             stance_statement_set_text        (StanceStatement  *self,
                                                   const char       *text);
STANCE_AVAILABLE_IN_1_0
const char      *stance_statement_get_lang        (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
void             stance_statement_set_lang        (StanceStatement  *self,
                                                   const char       *lang);
STANCE_AVAILABLE_IN_1_0
const char      *stance_statement_get_source      (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
void             stance_statement_set_source      (StanceStatement  *self,
                                                   const char       *source);
STANCE_AVAILABLE_IN_1_0
StanceStatement *stance_statement_dup_reports     (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_statement_set_reports     (StanceStatement  *self,
                                                   StanceStatement  *reported,
                                                   GError          **error);
STANCE_AVAILABLE_IN_1_0
StanceEdge      *stance_statement_add_stance      (StanceStatement  *self,
                                                   const char       *kind,
                                                   StanceNode       *target,
                                                   StanceActor      *holder,
                                                   GError          **error);
STANCE_AVAILABLE_IN_1_0
gboolean         stance_statement_remove_stance   (StanceStatement  *self,
                                                   StanceEdge       *stance,
                                                   GError          **error);
STANCE_AVAILABLE_IN_1_0
guint            stance_statement_get_n_stances   (StanceStatement  *self);
STANCE_AVAILABLE_IN_1_0
GPtrArray       *stance_statement_dup_stances     (StanceStatement  *self);

G_END_DECLS
