/* stance-node.c: what actors, claims and statements have in common
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-limits-private.h"
#include "stance-node-private.h"

/**
 * StanceNode:
 *
 * An actor, a claim or a statement of a [class@Stance.Graph]: anything that
 * has an id and that a stance can target.
 *
 * A node object is a view onto the graph's compact store, made when the API
 * hands the node out.  While it is alive, every call that hands out the same
 * node returns the same object.  A node keeps its graph alive.
 *
 * Since: 1.0
 */

typedef struct
{
  StanceGraph *graph;
  StanceRef    ref;
} StanceNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StanceNode, stance_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GRAPH,
  PROP_META,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_node_finalize (GObject *object)
{
  StanceNode *self = STANCE_NODE (object);
  StanceNodePrivate *priv = stance_node_get_instance_private (self);

  if (priv->graph != NULL)
    {
      _stance_graph_forget_object (priv->graph, priv->ref);
      g_clear_object (&priv->graph);
    }

  G_OBJECT_CLASS (stance_node_parent_class)->finalize (object);
}

static void
stance_node_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StanceNode *self = STANCE_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, stance_node_get_id (self));
      break;

    case PROP_GRAPH:
      g_value_set_object (value, stance_node_get_graph (self));
      break;

    case PROP_META:
      g_value_set_boxed (value, stance_node_get_meta (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_node_class_init (StanceNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stance_node_finalize;
  object_class->get_property = stance_node_get_property;

  /**
   * StanceNode:id:
   *
   * The node's id, unique among all the nodes of its graph.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceNode:graph:
   *
   * The graph that the node belongs to.
   */
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL,
                         STANCE_TYPE_GRAPH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceNode:meta:
   *
   * Whatever the document carried in the node's `meta` member: a JSON
   * object kept as it is through load and save, or %NULL.
   */
  properties[PROP_META] =
    g_param_spec_boxed ("meta", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_node_init (StanceNode *self)
{
}

void
_stance_node_bind (StanceNode  *self,
                   StanceGraph *graph,
                   StanceRef    ref)
{
  StanceNodePrivate *priv = stance_node_get_instance_private (self);

  priv->graph = g_object_ref (graph);
  priv->ref = ref;
}

StanceRef
_stance_node_get_ref (StanceNode *self)
{
  StanceNodePrivate *priv = stance_node_get_instance_private (self);

  return priv->ref;
}

guint32
_stance_node_get_index (StanceNode *self)
{
  return stance_ref_index (_stance_node_get_ref (self));
}

StanceStore *
_stance_node_get_store (StanceNode *self)
{
  StanceNodePrivate *priv = stance_node_get_instance_private (self);

  return _stance_graph_get_store (priv->graph);
}

/**
 * stance_node_get_id:
 * @self: a node
 *
 * Gets the node's id, unique among all the nodes of its graph.
 *
 * Returns: (transfer none): the id
 *
 * Since: 1.0
 */
const char *
stance_node_get_id (StanceNode *self)
{
  StanceNodePrivate *priv;

  g_return_val_if_fail (STANCE_IS_NODE (self), NULL);

  /* Only now: the private data is found by an offset from @self. */
  priv = stance_node_get_instance_private (self);

  return _stance_store_ref_id (_stance_graph_get_store (priv->graph), priv->ref);
}

/**
 * stance_node_get_graph:
 * @self: a node
 *
 * Gets the graph that the node belongs to.
 *
 * Returns: (transfer none): the graph
 *
 * Since: 1.0
 */
StanceGraph *
stance_node_get_graph (StanceNode *self)
{
  StanceNodePrivate *priv;

  g_return_val_if_fail (STANCE_IS_NODE (self), NULL);

  priv = stance_node_get_instance_private (self);

  return priv->graph;
}

static JsonNode **
meta_slot (StanceNode *self,
           gboolean    create)
{
  return _stance_store_node_meta_slot (_stance_node_get_store (self), _stance_node_get_ref (self), create);
}

/**
 * stance_node_get_meta:
 * @self: a node
 *
 * Gets the node's `meta`: any JSON object that the document or a program
 * attached to it, kept as it is through load and save.
 *
 * Returns: (transfer none) (nullable): a JSON object node, or %NULL
 *
 * Since: 1.0
 */
JsonNode *
stance_node_get_meta (StanceNode *self)
{
  JsonNode **slot;

  g_return_val_if_fail (STANCE_IS_NODE (self), NULL);

  slot = meta_slot (self, FALSE);

  return slot != NULL ? *slot : NULL;
}

/**
 * stance_node_set_meta:
 * @self: a node
 * @meta: (nullable): a JSON object node, or %NULL to remove it
 * @error: return location for an error
 *
 * Replaces the node's `meta`. *
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
stance_node_set_meta (StanceNode  *self,
                      JsonNode    *meta,
                      GError     **error)
{
  JsonNode **slot;

  g_return_val_if_fail (STANCE_IS_NODE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_check_meta (meta, STANCE_LIMIT_META_LEVEL_NODE, error))
    return FALSE;
  /* Checked once: sealed, so that it cannot change behind the check. */
  if (meta != NULL)
    json_node_seal (meta);

  slot = meta_slot (self, meta != NULL);
  if (slot == NULL || *slot == meta)
    return TRUE;

  g_clear_pointer (slot, json_node_unref);
  if (meta != NULL)
    *slot = json_node_ref (meta);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_META]);

  return TRUE;
}
