/* stance-actor.c: a person, organisation, state, outlet or group
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-actor.h"
#include "stance-enum-private.h"
#include "stance-enum-types.h"
#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-node-private.h"

/**
 * StanceActor:
 *
 * Someone who can hold a stance: a person, organisation, state, media
 * outlet or group, such as Donald Trump, Reuters or Russia.
 *
 * Actors are made by [method@Stance.Graph.add_actor] or by loading a
 * document.
 *
 * Since: 1.0
 */

struct _StanceActor
{
  StanceNode parent_instance;
};

struct _StanceActorClass
{
  StanceNodeClass parent_class;
};

G_DEFINE_FINAL_TYPE (StanceActor, stance_actor, STANCE_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_ALIASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_actor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StanceActor *self = STANCE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, stance_actor_get_name (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, stance_actor_get_kind (self));
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, stance_actor_get_aliases (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_actor_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StanceActor *self = STANCE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      stance_actor_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      stance_actor_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ALIASES:
      stance_actor_set_aliases (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_actor_class_init (StanceActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = stance_actor_get_property;
  object_class->set_property = stance_actor_set_property;

  /**
   * StanceActor:name:
   *
   * The actor's name for people to read, such as "Donald J. Trump".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceActor:kind:
   *
   * What sort of actor this is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STANCE_TYPE_ACTOR_KIND,
                       STANCE_ACTOR_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceActor:aliases:
   *
   * Other names the actor goes by, such as "@realDonaldTrump".
   */
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_actor_init (StanceActor *self)
{
}

/**
 * stance_actor_kind_to_string:
 * @kind: an actor kind
 *
 * Gives the name of @kind as the document format writes it.
 *
 * Returns: (transfer none): `person`, `organization`, `state`, `media`,
 *   `group` or `other`
 *
 * Since: 1.0
 */
const char *
stance_actor_kind_to_string (StanceActorKind kind)
{
  const char *name = _stance_enum_to_nick (STANCE_TYPE_ACTOR_KIND, kind);

  g_return_val_if_fail (name != NULL, NULL);

  return name;
}

/**
 * stance_actor_kind_from_string:
 * @text: an actor kind's name, such as `media`
 * @kind: (out): where to store the kind
 *
 * Reads an actor kind's name as the document format writes it.
 *
 * Returns: %TRUE if @text names an actor kind
 *
 * Since: 1.0
 */
gboolean
stance_actor_kind_from_string (const char      *text,
                               StanceActorKind *kind)
{
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (!_stance_enum_from_nick (STANCE_TYPE_ACTOR_KIND, text, &value))
    return FALSE;

  *kind = (StanceActorKind) value;

  return TRUE;
}

/**
 * stance_actor_get_name:
 * @self: an actor
 *
 * Gets the actor's name.
 *
 * Returns: (transfer none): the name
 *
 * Since: 1.0
 */
const char *
stance_actor_get_name (StanceActor *self)
{
  g_return_val_if_fail (STANCE_IS_ACTOR (self), NULL);

  return _stance_store_actor_name (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
}

/**
 * stance_actor_set_name:
 * @self: an actor
 * @name: the new name
 *
 * Sets the actor's name.
 *
 * Since: 1.0
 */
void
stance_actor_set_name (StanceActor *self,
                       const char  *name)
{
  g_return_if_fail (STANCE_IS_ACTOR (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (g_utf8_validate (name, -1, NULL));

  if (g_strcmp0 (_stance_store_actor_name (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)), name) == 0)
    return;

  _stance_store_set_actor_name (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * stance_actor_get_kind:
 * @self: an actor
 *
 * Gets what sort of actor this is.
 *
 * Returns: the actor's kind
 *
 * Since: 1.0
 */
StanceActorKind
stance_actor_get_kind (StanceActor *self)
{
  g_return_val_if_fail (STANCE_IS_ACTOR (self), STANCE_ACTOR_KIND_OTHER);

  return _stance_store_actor_kind (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
}

/**
 * stance_actor_set_kind:
 * @self: an actor
 * @kind: the actor's kind
 *
 * Sets what sort of actor this is.
 *
 * Since: 1.0
 */
void
stance_actor_set_kind (StanceActor     *self,
                       StanceActorKind  kind)
{
  g_return_if_fail (STANCE_IS_ACTOR (self));
  g_return_if_fail ((guint) kind <= STANCE_ACTOR_KIND_OTHER);

  if (_stance_store_actor_kind (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)) == kind)
    return;

  _stance_store_set_actor_kind (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * stance_actor_get_aliases:
 * @self: an actor
 *
 * Gets the other names the actor goes by.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   aliases, or %NULL when there are none
 *
 * Since: 1.0
 */
const char * const *
stance_actor_get_aliases (StanceActor *self)
{
  g_return_val_if_fail (STANCE_IS_ACTOR (self), NULL);

  return (const char * const *) _stance_store_actor_aliases (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
}

/**
 * stance_actor_set_aliases:
 * @self: an actor
 * @aliases: (array zero-terminated=1) (nullable): the aliases, or %NULL
 *
 * Replaces the other names the actor goes by.
 *
 * Since: 1.0
 */
void
stance_actor_set_aliases (StanceActor        *self,
                          const char * const *aliases)
{
  char **current;

  g_return_if_fail (STANCE_IS_ACTOR (self));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    g_return_if_fail (g_utf8_validate (aliases[i], -1, NULL));

  current = _stance_store_actor_aliases (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
  if (aliases != NULL && aliases[0] == NULL)
    aliases = NULL;
  if (aliases == NULL && current == NULL)
    return;
  if (aliases != NULL && current != NULL &&
      g_strv_equal ((const char * const *) current, aliases))
    return;

  _stance_store_take_actor_aliases (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), g_strdupv ((char **) aliases));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

/**
 * stance_actor_dup_member_of:
 * @self: an actor
 *
 * Gets the actors that this one is a member of, such as a state for its
 * president.
 *
 * Returns: (transfer container) (element-type StanceActor): the groups, in the
 *   order they were added
 *
 * Since: 1.0
 */
GPtrArray *
stance_actor_dup_member_of (StanceActor *self)
{
  const GArray *member_of;
  GPtrArray *groups;

  g_return_val_if_fail (STANCE_IS_ACTOR (self), NULL);

  member_of = _stance_store_actor_member_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
  groups = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; member_of != NULL && i < member_of->len; i++)
    g_ptr_array_add (groups,
                     _stance_graph_ref_node (stance_node_get_graph (STANCE_NODE (self)),
                                             stance_ref_make (STANCE_SORT_ACTOR,
                                                              g_array_index (member_of, guint32, i))));

  return groups;
}

/**
 * stance_actor_add_member_of:
 * @self: an actor
 * @group: an actor of the same graph that @self is a member of
 * @error: return location for an error
 *
 * Records that @self is a member of @group.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_WRONG_NODE if @group
 *   belongs to another graph, in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_actor_add_member_of (StanceActor  *self,
                            StanceActor  *group,
                            GError      **error)
{
  StanceGraph *graph;

  g_return_val_if_fail (STANCE_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (STANCE_IS_ACTOR (group), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  graph = stance_node_get_graph (STANCE_NODE (self));
  if (!_stance_graph_owns_node (graph, self, "actor", error) ||
      !_stance_graph_owns_node (graph, group, "group", error))
    return FALSE;

  /* Membership is a set: once is enough. */
  {
    const GArray *groups = _stance_store_actor_member_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));

    for (guint i = 0; groups != NULL && i < groups->len; i++)
      if (g_array_index (groups, guint32, i) == STANCE_NODE_INDEX (group))
        return TRUE;
  }

  _stance_graph_node_relinking (graph, _stance_node_get_ref (STANCE_NODE (self)));
  _stance_store_add_member_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), STANCE_NODE_INDEX (group));
  _stance_graph_node_relinked (graph, _stance_node_get_ref (STANCE_NODE (self)));

  return TRUE;
}
