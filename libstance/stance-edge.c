/* stance-edge.c: a typed stance from a statement to a target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-edge-private.h"
#include "stance-error.h"
#include "stance-enum-types.h"
#include "stance-graph-private.h"
#include "stance-limits-private.h"
#include "stance-node-private.h"
#include "stance-suggest-private.h"

/**
 * StanceEdge:
 *
 * One stance: a typed edge from a statement to its target (a claim, a
 * statement or an actor), held by the statement's speaker or, when
 * attributed, by the actor the speaker says holds it.  Kaspersky's tweet
 * `endorses` Putin's plan; Putin's statement says that Trump `endorses` the
 * working group.
 *
 * Edges are made by [method@Stance.Statement.add_stance] or by loading a
 * document.  Like nodes, they are views: while one is alive, the same stance
 * is always handed out as the same object.
 *
 * Since: 1.0
 */

struct _StanceEdge
{
  GObject          parent_instance;

  StanceGraph     *graph;
  guint32          index;
  /* The views of the nodes it links, made when first asked for: a pipeline
   * that adds a stance and drops the edge at once never pays for them. */
  StanceStatement *statement;
  StanceNode      *target;
  StanceActor     *holder;
  /* Views replaced by a change of target or holder, kept until the edge
   * goes: a caller may still hold them as (transfer none). */
  GPtrArray       *stale;
};

G_DEFINE_FINAL_TYPE (StanceEdge, stance_edge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_KIND,
  PROP_POLARITY,
  PROP_STATEMENT,
  PROP_TARGET,
  PROP_HOLDER,
  PROP_ATTRIBUTED,
  PROP_META,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_edge_dispose (GObject *object)
{
  StanceEdge *self = STANCE_EDGE (object);

  g_clear_object (&self->statement);
  g_clear_object (&self->target);
  g_clear_object (&self->holder);
  g_clear_pointer (&self->stale, g_ptr_array_unref);

  G_OBJECT_CLASS (stance_edge_parent_class)->dispose (object);
}

static void
stance_edge_finalize (GObject *object)
{
  StanceEdge *self = STANCE_EDGE (object);

  _stance_graph_forget_object (self->graph, self->index);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_edge_parent_class)->finalize (object);
}

static void
stance_edge_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StanceEdge *self = STANCE_EDGE (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;

    case PROP_KIND:
      g_value_set_string (value, stance_edge_get_kind (self));
      break;

    case PROP_POLARITY:
      g_value_set_enum (value, stance_edge_get_polarity (self));
      break;

    case PROP_STATEMENT:
      g_value_set_object (value, stance_edge_get_statement (self));
      break;

    case PROP_TARGET:
      g_value_set_object (value, stance_edge_get_target (self));
      break;

    case PROP_HOLDER:
      g_value_set_object (value, stance_edge_get_holder (self));
      break;

    case PROP_ATTRIBUTED:
      g_value_set_boolean (value, stance_edge_is_attributed (self));
      break;

    case PROP_META:
      g_value_set_boxed (value, stance_edge_get_meta (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_edge_class_init (StanceEdgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_edge_dispose;
  object_class->finalize = stance_edge_finalize;
  object_class->get_property = stance_edge_get_property;

  /**
   * StanceEdge:graph:
   *
   * The graph the stance belongs to.
   */
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL,
                         STANCE_TYPE_GRAPH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:kind:
   *
   * The stance's kind, such as `proposes`.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:polarity:
   *
   * The polarity of the stance's kind.
   */
  properties[PROP_POLARITY] =
    g_param_spec_enum ("polarity", NULL, NULL,
                       STANCE_TYPE_POLARITY,
                       STANCE_POLARITY_NEUTRAL,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:statement:
   *
   * The statement that takes the stance.
   */
  properties[PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL,
                         STANCE_TYPE_STATEMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:target:
   *
   * The node the stance is on.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         STANCE_TYPE_NODE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:holder:
   *
   * Whose stance it is: the speaker, unless the stance is attributed.
   */
  properties[PROP_HOLDER] =
    g_param_spec_object ("holder", NULL, NULL,
                         STANCE_TYPE_ACTOR,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:attributed:
   *
   * Whether the speaker attributes the stance to another actor.
   */
  properties[PROP_ATTRIBUTED] =
    g_param_spec_boolean ("attributed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceEdge:meta:
   *
   * Whatever the document carried in the stance's `meta` member, or %NULL.
   */
  properties[PROP_META] =
    g_param_spec_boxed ("meta", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_edge_init (StanceEdge *self)
{
}

StanceEdge *
_stance_edge_new (StanceGraph *graph,
                  guint32      stance)
{
  StanceEdge *self = g_object_new (STANCE_TYPE_EDGE, NULL);

  self->graph = g_object_ref (graph);
  self->index = stance;

  return self;
}

guint32
_stance_edge_get_index (StanceEdge *self)
{
  return self->index;
}

/**
 * stance_edge_get_graph:
 * @self: a stance
 *
 * Gets the graph the stance belongs to.
 *
 * Returns: (transfer none): the graph
 *
 * Since: 1.0
 */
StanceGraph *
stance_edge_get_graph (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  return self->graph;
}

/**
 * stance_edge_get_kind:
 * @self: a stance
 *
 * Gets the stance's kind, such as `proposes`.
 *
 * Returns: (transfer none): the kind's name
 *
 * Since: 1.0
 */
const char *
stance_edge_get_kind (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  return _stance_store_kind_name (_stance_graph_get_store (self->graph), _stance_store_stance_kind (_stance_graph_get_store (self->graph), self->index));
}

/**
 * stance_edge_get_polarity:
 * @self: a stance
 *
 * Gets the polarity of the stance's kind.
 *
 * Returns: the polarity
 *
 * Since: 1.0
 */
StancePolarity
stance_edge_get_polarity (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), STANCE_POLARITY_NEUTRAL);

  return _stance_store_stance_polarity (_stance_graph_get_store (self->graph), self->index);
}

/**
 * stance_edge_get_statement:
 * @self: a stance
 *
 * Gets the statement that takes the stance.
 *
 * Returns: (transfer none): the statement
 *
 * Since: 1.0
 */
StanceStatement *
stance_edge_get_statement (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  if (self->statement == NULL)
    self->statement = STANCE_STATEMENT (_stance_graph_ref_node (self->graph,
                                                                stance_ref_make (STANCE_SORT_STATEMENT, _stance_store_stance_statement (_stance_graph_get_store (self->graph), self->index))));

  return self->statement;
}

/**
 * stance_edge_get_target:
 * @self: a stance
 *
 * Gets the node the stance is on.
 *
 * Returns: (transfer none): the target
 *
 * Since: 1.0
 */
StanceNode *
stance_edge_get_target (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  if (self->target == NULL)
    self->target = _stance_graph_ref_node (self->graph, _stance_store_stance_target (_stance_graph_get_store (self->graph), self->index));

  return self->target;
}

/**
 * stance_edge_get_holder:
 * @self: a stance
 *
 * Gets whose stance it is: the speaker, unless it is attributed.
 *
 * Returns: (transfer none): the holder
 *
 * Since: 1.0
 */
StanceActor *
stance_edge_get_holder (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  if (self->holder == NULL)
    self->holder = STANCE_ACTOR (_stance_graph_ref_node (self->graph,
                                                         stance_ref_make (STANCE_SORT_ACTOR, _stance_store_stance_holder (_stance_graph_get_store (self->graph), self->index))));

  return self->holder;
}

/**
 * stance_edge_is_attributed:
 * @self: a stance
 *
 * Tells whether the speaker attributes the stance to another actor.
 *
 * Returns: %TRUE if the holder is not the speaker
 *
 * Since: 1.0
 */
gboolean
stance_edge_is_attributed (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);

  return _stance_store_stance_is_attributed (_stance_graph_get_store (self->graph), self->index);
}

/**
 * stance_edge_is_act:
 * @self: a stance
 *
 * Tells whether the stance is an act: taken by its holder in its own words
 * with a positive, negative or withdrawal polarity.  Only acts make
 * reversals, inconsistencies and conflicts.
 *
 * Returns: %TRUE if the stance is an act
 *
 * Since: 1.0
 */
gboolean
stance_edge_is_act (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);

  return _stance_store_stance_is_act (_stance_graph_get_store (self->graph), self->index);
}

/**
 * stance_edge_get_meta:
 * @self: a stance
 *
 * Gets the stance's `meta`.
 *
 * Returns: (transfer none) (nullable): a JSON object node, or %NULL
 *
 * Since: 1.0
 */
JsonNode *
stance_edge_get_meta (StanceEdge *self)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), NULL);

  return _stance_store_get_stance_meta (_stance_graph_get_store (self->graph), self->index);
}

/**
 * stance_edge_set_meta:
 * @self: a stance
 * @meta: (nullable): a JSON object node, or %NULL to remove it
 * @error: return location for an error
 *
 * Replaces the stance's `meta`. *
 * @meta must be something a document can hold, so that a save of the graph
 * loads again: nesting within the document's depth limit (64 levels,
 * counted from the document's top), finite numbers (no NaN or infinity),
 * UTF-8 strings and member names.  The graph keeps a reference to @meta
 * and seals it (json_node_seal()): it cannot change afterwards.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_TYPE if @meta is not
 *   an object, %STANCE_ERROR_LIMIT if it nests too deep,
 *   %STANCE_ERROR_INVALID_VALUE for a number that is not finite, or
 *   %STANCE_ERROR_ENCODING for a string or member name that is not UTF-8,
 *   with the path of the bad value; in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_edge_set_meta (StanceEdge  *self,
                      JsonNode    *meta,
                      GError     **error)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_check_meta (meta, STANCE_LIMIT_META_LEVEL_STANCE, error))
    return FALSE;
  /* Checked once: sealed, so that it cannot change behind the check. */
  if (meta != NULL)
    json_node_seal (meta);
  if (stance_edge_get_meta (self) == meta)
    return TRUE;

  _stance_store_set_stance_meta (_stance_graph_get_store (self->graph), self->index, meta);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_META]);

  return TRUE;
}

void
_stance_edge_relinked (StanceEdge *self)
{
  if (self->stale == NULL && (self->target != NULL || self->holder != NULL))
    self->stale = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->target != NULL)
    g_ptr_array_add (self->stale, g_steal_pointer (&self->target));
  if (self->holder != NULL)
    g_ptr_array_add (self->stale, g_steal_pointer (&self->holder));
}

void
_stance_edge_notify_changed (StanceEdge *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLARITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLDER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Changing a stance.  Each setter checks everything, then changes the record
 * between the graph's two calls, which move it in the index at once and
 * queue the change (the live contradictions of the old and new targets,
 * the edge's property notifications and ::stance-changed follow when it is
 * delivered).  Each is its own
 * inverse: set the old value back to undo it. */

static gboolean
check_changeable (StanceEdge  *self,
                  GError     **error)
{
  StanceStore *store = _stance_graph_get_store (self->graph);

  if (_stance_store_stance_is_removed (_stance_graph_get_store (self->graph), self->index))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the stance was removed from \"%s\"",
                   _stance_store_stance_statement_id (store, self->index));
      return FALSE;
    }

  return TRUE;
}

static void
change (StanceEdge *self,
        int         kind,
        StanceRef   target,
        gint64      holder,
        gboolean    explicit_holder)
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  StanceRef old_target = _stance_store_stance_target (store, self->index);

  _stance_graph_stance_changing (self->graph, self->index);
  if (kind >= 0)
    _stance_store_set_stance_kind (store, self->index, (guint) kind);
  if (target != 0)
    _stance_store_set_stance_target (store, self->index, target);
  if (holder >= 0)
    _stance_store_set_stance_holder (store, self->index, (guint32) holder, explicit_holder);
  _stance_graph_stance_changed (self->graph, self->index, old_target);
}

/**
 * stance_edge_set_kind:
 * @self: a stance
 * @kind: a stance kind, built in or declared
 * @error: return location for an error
 *
 * Changes the stance's kind, keeping its place among the statement's
 * stances.  Set the old kind back to undo it.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_UNKNOWN_KIND or
 *   %STANCE_ERROR_WRONG_NODE (the stance was removed), in which case
 *   nothing changed
 *
 * Since: 1.2
 */
gboolean
stance_edge_set_kind (StanceEdge  *self,
                      const char  *kind,
                      GError     **error)
{
  int kind_index;

  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_changeable (self, error) ||
      (kind_index = _stance_resolve_kind_suggesting (_stance_graph_get_store (self->graph), kind, error)) < 0)
    return FALSE;

  if (_stance_store_stance_kind (_stance_graph_get_store (self->graph), self->index) != (guint) kind_index)
    change (self, kind_index, 0, -1, FALSE);

  return TRUE;
}

/**
 * stance_edge_set_target:
 * @self: a stance
 * @target: the node the stance is to be on: an actor, claim or statement
 *   of the same graph
 * @error: return location for an error
 *
 * Changes what the stance is on.  Set the old target back to undo it.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_WRONG_NODE (another
 *   graph's node, a removed node, or a removed stance), in which case
 *   nothing changed
 *
 * Since: 1.2
 */
gboolean
stance_edge_set_target (StanceEdge  *self,
                        StanceNode  *target,
                        GError     **error)
{
  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);
  g_return_val_if_fail (STANCE_IS_NODE (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_changeable (self, error) ||
      !_stance_graph_owns_node (self->graph, target, "target", error))
    return FALSE;

  if (_stance_store_stance_target (_stance_graph_get_store (self->graph), self->index) != _stance_node_get_ref (target))
    change (self, -1, _stance_node_get_ref (target), -1, FALSE);

  return TRUE;
}

/**
 * stance_edge_set_holder:
 * @self: a stance
 * @holder: (nullable): the actor whose stance it is to be, or %NULL for
 *   the statement's speaker
 * @error: return location for an error
 *
 * Changes whose stance it is: giving an actor other than the speaker makes
 * it an attributed stance, %NULL makes it the speaker's own.  Undo it by
 * setting the old holder back (%NULL if it was the speaker's own and
 * written without a `holder`).
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_WRONG_NODE (another
 *   graph's actor, a removed actor, or a removed stance), in which case
 *   nothing changed
 *
 * Since: 1.2
 */
gboolean
stance_edge_set_holder (StanceEdge   *self,
                        StanceActor  *holder,
                        GError      **error)
{
  StanceStore *store;
  guint32 value;

  g_return_val_if_fail (STANCE_IS_EDGE (self), FALSE);
  g_return_val_if_fail (holder == NULL || STANCE_IS_ACTOR (holder), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_changeable (self, error) ||
      (holder != NULL && !_stance_graph_owns_node (self->graph, holder, "holder", error)))
    return FALSE;

  store = _stance_graph_get_store (self->graph);
  value = holder != NULL ? STANCE_NODE_INDEX (holder)
                         : _stance_store_statement_speaker (store, _stance_store_stance_statement (store, self->index));
  if (_stance_store_stance_holder (store, self->index) != value ||
      _stance_store_stance_has_explicit_holder (store, self->index) != (holder != NULL))
    change (self, -1, 0, value, holder != NULL);

  return TRUE;
}
