/* stance-claim.c: a proposition or proposal that stances are taken on
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-claim.h"
#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-node-private.h"
#include "stance-quote-private.h"

/**
 * StanceClaim:
 *
 * A proposition or proposal that stances are taken on, such as "form a
 * joint US–Russian cyber-security unit".  A claim may be part of a larger
 * one, as each point of a plan is part of the plan.
 *
 * Since: 1.0
 */

struct _StanceClaim
{
  StanceNode parent_instance;
};

struct _StanceClaimClass
{
  StanceNodeClass parent_class;
};

G_DEFINE_FINAL_TYPE (StanceClaim, stance_claim, STANCE_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LANG,
  PROP_PART_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_claim_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StanceClaim *self = STANCE_CLAIM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, stance_claim_get_text (self));
      break;

    case PROP_LANG:
      g_value_set_string (value, stance_claim_get_lang (self));
      break;

    case PROP_PART_OF:
      g_value_take_object (value, stance_claim_dup_part_of (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_claim_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StanceClaim *self = STANCE_CLAIM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      stance_claim_set_text (self, g_value_get_string (value));
      break;

    case PROP_LANG:
      stance_claim_set_lang (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_claim_class_init (StanceClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = stance_claim_get_property;
  object_class->set_property = stance_claim_set_property;

  /**
   * StanceClaim:text:
   *
   * The claim in words.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceClaim:lang:
   *
   * The language of the claim's text, as a BCP 47 tag such as `en`, or
   * %NULL when unknown.
   */
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceClaim:part-of:
   *
   * The larger claim this one is part of, or %NULL.  Set it with
   * [method@Stance.Claim.set_part_of], which refuses cycles.
   */
  properties[PROP_PART_OF] =
    g_param_spec_object ("part-of", NULL, NULL,
                         STANCE_TYPE_CLAIM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_claim_init (StanceClaim *self)
{
}

/**
 * stance_claim_get_text:
 * @self: a claim
 *
 * Gets the claim in words.
 *
 * Returns: (transfer none): the text
 *
 * Since: 1.0
 */
const char *
stance_claim_get_text (StanceClaim *self)
{
  g_return_val_if_fail (STANCE_IS_CLAIM (self), NULL);

  return _stance_store_claim_text (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
}

/**
 * stance_claim_set_text:
 * @self: a claim
 * @text: the claim in words
 *
 * Sets the claim's text.
 *
 * Since: 1.0
 */
void
stance_claim_set_text (StanceClaim *self,
                       const char  *text)
{
  g_return_if_fail (STANCE_IS_CLAIM (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  if (g_strcmp0 (_stance_store_claim_text (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)), text) == 0)
    return;

  _stance_store_set_claim_text (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * stance_claim_get_lang:
 * @self: a claim
 *
 * Gets the language of the claim's text.
 *
 * Returns: (transfer none) (nullable): a BCP 47 tag, or %NULL
 *
 * Since: 1.0
 */
const char *
stance_claim_get_lang (StanceClaim *self)
{
  g_return_val_if_fail (STANCE_IS_CLAIM (self), NULL);

  return _stance_store_claim_lang (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
}

/**
 * stance_claim_set_lang:
 * @self: a claim
 * @lang: (nullable): a BCP 47 tag such as `en`, or %NULL
 *
 * Sets the language of the claim's text.
 *
 * Since: 1.0
 */
void
stance_claim_set_lang (StanceClaim *self,
                       const char  *lang)
{
  g_return_if_fail (STANCE_IS_CLAIM (self));
  g_return_if_fail (lang == NULL || g_utf8_validate (lang, -1, NULL));

  if (g_strcmp0 (_stance_store_claim_lang (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)), lang) == 0)
    return;

  _stance_store_set_claim_lang (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), lang);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

/**
 * stance_claim_dup_part_of:
 * @self: a claim
 *
 * Gets the larger claim this one is part of.
 *
 * Returns: (transfer full) (nullable): the whole, or %NULL
 *
 * Since: 1.0
 */
StanceClaim *
stance_claim_dup_part_of (StanceClaim *self)
{
  guint32 whole;

  g_return_val_if_fail (STANCE_IS_CLAIM (self), NULL);

  whole = _stance_store_claim_part_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
  if (whole == STANCE_STORE_NO_INDEX)
    return NULL;

  return STANCE_CLAIM (_stance_graph_ref_node (stance_node_get_graph (STANCE_NODE (self)),
                                               stance_ref_make (STANCE_SORT_CLAIM, whole)));
}

/**
 * stance_claim_set_part_of:
 * @self: a claim
 * @whole: (nullable): a claim of the same graph, or %NULL for none
 * @error: return location for an error
 *
 * Makes @self a part of @whole, as a point is part of a plan.  Stances on a
 * part are not stances on the whole.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_CYCLE if @whole is
 *   @self or a part of it, or %STANCE_ERROR_WRONG_NODE if @whole belongs to
 *   another graph; then nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_claim_set_part_of (StanceClaim  *self,
                          StanceClaim  *whole,
                          GError      **error)
{
  StanceStore *store;
  guint32 value;

  g_return_val_if_fail (STANCE_IS_CLAIM (self), FALSE);
  g_return_val_if_fail (whole == NULL || STANCE_IS_CLAIM (whole), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = STANCE_NODE_STORE (self);
  if (!_stance_graph_owns_node (stance_node_get_graph (STANCE_NODE (self)), self, "claim", error))
    return FALSE;
  if (whole != NULL)
    {
      if (!_stance_graph_owns_node (stance_node_get_graph (STANCE_NODE (self)), whole, "whole", error))
        return FALSE;

      if (_stance_store_part_of_cycles (store, STANCE_NODE_INDEX (self), STANCE_NODE_INDEX (whole)))
        {
          g_autofree char *shown_whole = _stance_quote (stance_node_get_id (STANCE_NODE (whole)), -1);
          g_autofree char *shown_self = _stance_quote (stance_node_get_id (STANCE_NODE (self)), -1);

          g_set_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE,
                       "part_of cycle: %s is %s or one of its parts", shown_whole, shown_self);
          return FALSE;
        }
    }

  value = whole != NULL ? STANCE_NODE_INDEX (whole) : STANCE_STORE_NO_INDEX;
  if (_stance_store_claim_part_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)) == value)
    return TRUE;

  _stance_graph_node_relinking (stance_node_get_graph (STANCE_NODE (self)), _stance_node_get_ref (STANCE_NODE (self)));
  _stance_store_set_claim_part_of (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), value);
  _stance_graph_node_relinked (stance_node_get_graph (STANCE_NODE (self)), _stance_node_get_ref (STANCE_NODE (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART_OF]);

  return TRUE;
}
