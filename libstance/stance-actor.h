/* stance-actor.h: a person, organisation, state, outlet or group that holds stances
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include "stance-node.h"

G_BEGIN_DECLS

/**
 * StanceActorKind:
 * @STANCE_ACTOR_KIND_PERSON: a person
 * @STANCE_ACTOR_KIND_ORGANIZATION: an organisation
 * @STANCE_ACTOR_KIND_STATE: a state or government
 * @STANCE_ACTOR_KIND_MEDIA: a media outlet
 * @STANCE_ACTOR_KIND_GROUP: a group of people
 * @STANCE_ACTOR_KIND_OTHER: anything else (the default)
 *
 * What sort of actor an [class@Stance.Actor] is.
 *
 * Since: 1.0
 */
typedef enum {
  STANCE_ACTOR_KIND_PERSON,
  STANCE_ACTOR_KIND_ORGANIZATION,
  STANCE_ACTOR_KIND_STATE,
  STANCE_ACTOR_KIND_MEDIA,
  STANCE_ACTOR_KIND_GROUP,
  STANCE_ACTOR_KIND_OTHER,
} StanceActorKind;

#define STANCE_TYPE_ACTOR (stance_actor_get_type ())

STANCE_AVAILABLE_IN_1_0
_STANCE_DECLARE_OPAQUE_TYPE (StanceActor, stance_actor, STANCE, ACTOR)

STANCE_AVAILABLE_IN_1_0
const char         *stance_actor_kind_to_string   (StanceActorKind      kind);
STANCE_AVAILABLE_IN_1_0
gboolean            stance_actor_kind_from_string (const char          *text,
                                                   StanceActorKind     *kind);
STANCE_AVAILABLE_IN_1_0
const char         *stance_actor_get_name         (StanceActor         *self);
STANCE_AVAILABLE_IN_1_0
void                stance_actor_set_name         (StanceActor         *self,
                                                   const char          *name);
STANCE_AVAILABLE_IN_1_0
StanceActorKind     stance_actor_get_kind         (StanceActor         *self);
STANCE_AVAILABLE_IN_1_0
void                stance_actor_set_kind         (StanceActor         *self,
                                                   StanceActorKind      kind);
STANCE_AVAILABLE_IN_1_0
const char * const *stance_actor_get_aliases      (StanceActor         *self);
STANCE_AVAILABLE_IN_1_0
void                stance_actor_set_aliases      (StanceActor         *self,
                                                   const char * const  *aliases);
STANCE_AVAILABLE_IN_1_0
GPtrArray          *stance_actor_dup_member_of    (StanceActor         *self);
STANCE_AVAILABLE_IN_1_0
gboolean            stance_actor_add_member_of    (StanceActor         *self,
                                                   StanceActor         *group,
                                                   GError             **error);

G_END_DECLS
