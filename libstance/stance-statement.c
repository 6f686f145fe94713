/* stance-statement.c: one utterance: who spoke, when, the words and where
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-edge-private.h"
#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-node-private.h"
#include "stance-quote-private.h"
#include "stance-suggest-private.h"
#include "stance-statement.h"

/**
 * StanceStatement:
 *
 * One utterance: who spoke, when, the words, their language and where they
 * appeared, such as Trump's tweet of 9 July 2017.  A statement may report
 * another (an article quoting a tweet), and carries the stances it takes:
 * see [method@Stance.Statement.add_stance].
 *
 * Since: 1.0
 */

struct _StanceStatement
{
  StanceNode   parent_instance;

  StanceActor *speaker;  /* made when first asked for */
};

struct _StanceStatementClass
{
  StanceNodeClass parent_class;
};

G_DEFINE_FINAL_TYPE (StanceStatement, stance_statement, STANCE_TYPE_NODE)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_TIME,
  PROP_TEXT,
  PROP_LANG,
  PROP_SOURCE,
  PROP_REPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_statement_dispose (GObject *object)
{
  StanceStatement *self = STANCE_STATEMENT (object);

  g_clear_object (&self->speaker);

  G_OBJECT_CLASS (stance_statement_parent_class)->dispose (object);
}

static void
stance_statement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StanceStatement *self = STANCE_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      g_value_set_object (value, stance_statement_get_speaker (self));
      break;

    case PROP_TIME:
      g_value_take_boxed (value, stance_statement_dup_time (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, stance_statement_get_text (self));
      break;

    case PROP_LANG:
      g_value_set_string (value, stance_statement_get_lang (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, stance_statement_get_source (self));
      break;

    case PROP_REPORTS:
      g_value_take_object (value, stance_statement_dup_reports (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_statement_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StanceStatement *self = STANCE_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      stance_statement_set_text (self, g_value_get_string (value));
      break;

    case PROP_LANG:
      stance_statement_set_lang (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      stance_statement_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_statement_class_init (StanceStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_statement_dispose;
  object_class->get_property = stance_statement_get_property;
  object_class->set_property = stance_statement_set_property;

  /**
   * StanceStatement:speaker:
   *
   * Who spoke.
   */
  properties[PROP_SPEAKER] =
    g_param_spec_object ("speaker", NULL, NULL,
                         STANCE_TYPE_ACTOR,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceStatement:time:
   *
   * When the statement was made, as precisely as the source says.  Set it
   * with [method@Stance.Statement.set_time].
   */
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL,
                        STANCE_TYPE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceStatement:text:
   *
   * The words of the statement, or %NULL.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceStatement:lang:
   *
   * The language of the words, as a BCP 47 tag such as `de`, or %NULL.
   */
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceStatement:source:
   *
   * Where the statement appeared: a URI or a citation, or %NULL.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StanceStatement:reports:
   *
   * The statement that this one quotes or reports, or %NULL.  Set it with
   * [method@Stance.Statement.set_reports], which refuses cycles.
   */
  properties[PROP_REPORTS] =
    g_param_spec_object ("reports", NULL, NULL,
                         STANCE_TYPE_STATEMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_statement_init (StanceStatement *self)
{
}

/**
 * stance_statement_get_speaker:
 * @self: a statement
 *
 * Gets who made the statement.
 *
 * Returns: (transfer none): the speaker
 *
 * Since: 1.0
 */
StanceActor *
stance_statement_get_speaker (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  if (self->speaker == NULL)
    self->speaker = STANCE_ACTOR (_stance_graph_ref_node (stance_node_get_graph (STANCE_NODE (self)),
                                                          stance_ref_make (STANCE_SORT_ACTOR, _stance_store_statement_speaker (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)))));

  return self->speaker;
}

/**
 * stance_statement_dup_time:
 * @self: a statement
 *
 * Gets when the statement was made.
 *
 * Returns: (transfer full): a copy of the statement's time
 *
 * Since: 1.0
 */
StanceTime *
stance_statement_dup_time (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  return stance_time_copy (_stance_store_statement_time (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)));
}

/**
 * stance_statement_dup_time_string:
 * @self: a statement
 *
 * Gets when the statement was made, in the document format's syntax, such
 * as `2017-07-09`.
 *
 * Returns: (transfer full): the time as text
 *
 * Since: 1.0
 */
char *
stance_statement_dup_time_string (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  return stance_time_to_string (_stance_store_statement_time (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)));
}

/**
 * stance_statement_set_time:
 * @self: a statement
 * @time: a time in the document format's syntax, such as `2017-07-09`
 * @error: return location for an error
 *
 * Changes when the statement was made.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_TIME if
 *   @time is malformed, in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_statement_set_time (StanceStatement  *self,
                           const char       *time,
                           GError          **error)
{
  StanceTime parsed;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_time_parse (&parsed, time, strlen (time), error))
    return FALSE;

  if (stance_time_equal (_stance_store_statement_time (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)), &parsed))
    return TRUE;

  _stance_store_set_statement_time (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), &parsed);
  STANCE_NODE_STORE (self)->serial++;
  _stance_graph_statement_moved (stance_node_get_graph (STANCE_NODE (self)), STANCE_NODE_INDEX (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);

  return TRUE;
}

static const char *
get_extra_string (StanceStatement       *self,
                  StanceStatementString  which)
{
  return _stance_store_statement_string (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), which);
}

static void
set_extra_string (StanceStatement       *self,
                  StanceStatementString  which,
                  const char            *value,
                  guint                  prop_id)
{
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  if (g_strcmp0 (get_extra_string (self, which), value) == 0)
    return;

  _stance_store_set_statement_string (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), which, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * stance_statement_get_text:
 * @self: a statement
 *
 * Gets the statement's words.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL
 *
 * Since: 1.0
 */
const char *
stance_statement_get_text (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  return get_extra_string (self, STANCE_STATEMENT_TEXT);
}

/**
 * stance_statement_set_text:
 * @self: a statement
 * @text: (nullable): the words, or %NULL
 *
 * Sets the statement's words.
 *
 * Since: 1.0
 */
void
stance_statement_set_text (StanceStatement *self,
                           const char      *text)
{
  g_return_if_fail (STANCE_IS_STATEMENT (self));

  set_extra_string (self, STANCE_STATEMENT_TEXT, text, PROP_TEXT);
}

/**
 * stance_statement_get_lang:
 * @self: a statement
 *
 * Gets the language of the statement's words.
 *
 * Returns: (transfer none) (nullable): a BCP 47 tag, or %NULL
 *
 * Since: 1.0
 */
const char *
stance_statement_get_lang (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  return get_extra_string (self, STANCE_STATEMENT_LANG);
}

/**
 * stance_statement_set_lang:
 * @self: a statement
 * @lang: (nullable): a BCP 47 tag such as `nb`, or %NULL
 *
 * Sets the language of the statement's words.
 *
 * Since: 1.0
 */
void
stance_statement_set_lang (StanceStatement *self,
                           const char      *lang)
{
  g_return_if_fail (STANCE_IS_STATEMENT (self));

  set_extra_string (self, STANCE_STATEMENT_LANG, lang, PROP_LANG);
}

/**
 * stance_statement_get_source:
 * @self: a statement
 *
 * Gets where the statement appeared.
 *
 * Returns: (transfer none) (nullable): a URI or citation, or %NULL
 *
 * Since: 1.0
 */
const char *
stance_statement_get_source (StanceStatement *self)
{
  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  return get_extra_string (self, STANCE_STATEMENT_SOURCE);
}

/**
 * stance_statement_set_source:
 * @self: a statement
 * @source: (nullable): a URI or citation, or %NULL
 *
 * Sets where the statement appeared.
 *
 * Since: 1.0
 */
void
stance_statement_set_source (StanceStatement *self,
                             const char      *source)
{
  g_return_if_fail (STANCE_IS_STATEMENT (self));

  set_extra_string (self, STANCE_STATEMENT_SOURCE, source, PROP_SOURCE);
}

/**
 * stance_statement_dup_reports:
 * @self: a statement
 *
 * Gets the statement that this one quotes or reports.
 *
 * Returns: (transfer full) (nullable): the reported statement, or %NULL
 *
 * Since: 1.0
 */
StanceStatement *
stance_statement_dup_reports (StanceStatement *self)
{
  guint32 reported;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  reported = _stance_store_statement_reports (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self));
  if (reported == STANCE_STORE_NO_INDEX)
    return NULL;

  return STANCE_STATEMENT (_stance_graph_ref_node (stance_node_get_graph (STANCE_NODE (self)),
                                                   stance_ref_make (STANCE_SORT_STATEMENT, reported)));
}

/**
 * stance_statement_set_reports:
 * @self: a statement
 * @reported: (nullable): a statement of the same graph, or %NULL for none
 * @error: return location for an error
 *
 * Records that @self quotes or reports @reported, as an article reports a
 * tweet.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_CYCLE if @reported is
 *   @self or reports it, directly or not, or %STANCE_ERROR_WRONG_NODE if it
 *   belongs to another graph; then nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_statement_set_reports (StanceStatement  *self,
                              StanceStatement  *reported,
                              GError          **error)
{
  guint32 value;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (reported == NULL || STANCE_IS_STATEMENT (reported), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_graph_owns_node (stance_node_get_graph (STANCE_NODE (self)), self, "statement", error))
    return FALSE;
  if (reported != NULL)
    {
      if (!_stance_graph_owns_node (stance_node_get_graph (STANCE_NODE (self)), reported, "reported statement", error))
        return FALSE;

      if (_stance_store_reports_cycles (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), STANCE_NODE_INDEX (reported)))
        {
          g_autofree char *shown_reported = _stance_quote (stance_node_get_id (STANCE_NODE (reported)), -1);
          g_autofree char *shown_self = _stance_quote (stance_node_get_id (STANCE_NODE (self)), -1);

          g_set_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE,
                       "reports cycle: %s is %s or reports it", shown_reported, shown_self);
          return FALSE;
        }
    }

  value = reported != NULL ? STANCE_NODE_INDEX (reported) : STANCE_STORE_NO_INDEX;
  if (_stance_store_statement_reports (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)) == value)
    return TRUE;

  _stance_graph_node_relinking (stance_node_get_graph (STANCE_NODE (self)), _stance_node_get_ref (STANCE_NODE (self)));
  _stance_store_set_statement_reports (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self), value);
  _stance_graph_node_relinked (stance_node_get_graph (STANCE_NODE (self)), _stance_node_get_ref (STANCE_NODE (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTS]);

  return TRUE;
}

/**
 * stance_statement_add_stance:
 * @self: a statement
 * @kind: a stance kind, built in (such as `proposes`) or declared in the graph
 * @target: the node the stance is on: a claim, a statement or an actor of
 *   the same graph
 * @holder: (nullable): whose stance it is; %NULL for the statement's speaker.
 *   Another actor makes an attributed stance: the speaker says that the
 *   holder holds it.
 * @error: return location for an error
 *
 * Adds a stance to the statement, after those it has.
 *
 * Returns: (transfer full): the new stance; %NULL with
 *   %STANCE_ERROR_UNKNOWN_KIND or %STANCE_ERROR_WRONG_NODE on a bad
 *   argument, in which case nothing changed
 *
 * Since: 1.0
 */
StanceEdge *
stance_statement_add_stance (StanceStatement  *self,
                             const char       *kind,
                             StanceNode       *target,
                             StanceActor      *holder,
                             GError          **error)
{
  StanceGraph *graph;
  StanceStore *store;
  guint32 stance;
  int kind_index;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);
  g_return_val_if_fail (holder == NULL || STANCE_IS_ACTOR (holder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  graph = stance_node_get_graph (STANCE_NODE (self));
  store = STANCE_NODE_STORE (self);

  if (!_stance_graph_owns_node (graph, self, "statement", error))
    return NULL;
  kind_index = _stance_resolve_kind_suggesting (store, kind, error);
  if (kind_index < 0)
    return NULL;
  if (!_stance_graph_owns_node (graph, target, "target", error))
    return NULL;
  if (holder != NULL && !_stance_graph_owns_node (graph, holder, "holder", error))
    return NULL;
  if (!_stance_store_check_stance_room (store, error))
    return NULL;

  stance = _stance_store_add_stance (store, STANCE_NODE_INDEX (self), (guint16) kind_index,
                                     _stance_node_get_ref (target),
                                     holder != NULL ? STANCE_NODE_INDEX (holder) : _stance_store_statement_speaker (STANCE_NODE_STORE (self), STANCE_NODE_INDEX (self)),
                                     holder != NULL);
  _stance_graph_stance_added (graph, stance);

  return _stance_graph_ref_edge (graph, stance);
}

/**
 * stance_statement_remove_stance:
 * @self: a statement
 * @stance: one of the statement's stances
 * @error: return location for an error
 *
 * Takes a stance back: it is no longer part of the statement, of the graph's
 * contradictions or of its documents.  The @stance object stays valid and
 * keeps describing what it was.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_WRONG_NODE if
 *   @stance is not one of the statement's stances (or was removed already),
 *   in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_statement_remove_stance (StanceStatement  *self,
                                StanceEdge       *stance,
                                GError          **error)
{
  StanceStore *store;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (STANCE_IS_EDGE (stance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = STANCE_NODE_STORE (self);
  if (stance_edge_get_graph (stance) != stance_node_get_graph (STANCE_NODE (self)) ||
      _stance_store_stance_statement (store, _stance_edge_get_index (stance)) != STANCE_NODE_INDEX (self) ||
      _stance_store_stance_is_removed (store, _stance_edge_get_index (stance)))
    {
      g_autofree char *shown = _stance_quote (stance_node_get_id (STANCE_NODE (self)), -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the stance is not one of the stances of %s", shown);
      return FALSE;
    }

  _stance_store_remove_stance (store, _stance_edge_get_index (stance));
  _stance_graph_stance_removed (stance_node_get_graph (STANCE_NODE (self)), stance);

  return TRUE;
}

/**
 * stance_statement_get_n_stances:
 * @self: a statement
 *
 * Counts the stances the statement takes.
 *
 * Returns: the number of stances
 *
 * Since: 1.0
 */
guint
stance_statement_get_n_stances (StanceStatement *self)
{
  StanceStore *store;
  guint n = 0;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), 0);

  store = STANCE_NODE_STORE (self);
  STANCE_STORE_FOREACH_STANCE_OF (store, STANCE_NODE_INDEX (self), stance)
    n++;

  return n;
}

/**
 * stance_statement_dup_stances:
 * @self: a statement
 *
 * Gets the stances the statement takes, in their order.
 *
 * Returns: (transfer container) (element-type StanceEdge): the stances
 *
 * Since: 1.0
 */
GPtrArray *
stance_statement_dup_stances (StanceStatement *self)
{
  StanceGraph *graph;
  StanceStore *store;
  GPtrArray *stances;

  g_return_val_if_fail (STANCE_IS_STATEMENT (self), NULL);

  graph = stance_node_get_graph (STANCE_NODE (self));
  store = STANCE_NODE_STORE (self);
  stances = g_ptr_array_new_with_free_func (g_object_unref);
  STANCE_STORE_FOREACH_STANCE_OF (store, STANCE_NODE_INDEX (self), stance)
    g_ptr_array_add (stances, _stance_graph_ref_edge (graph, stance));

  return stances;
}
