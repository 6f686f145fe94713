/* stance-contradiction.c: a derived fact that explains itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-enum-private.h"
#include "stance-contradiction-private.h"
#include "stance-edge-private.h"
#include "stance-node-private.h"
#include "stance-edge.h"
#include "stance-enum-types.h"
#include "stance-graph-private.h"
#include "stance-node.h"
#include "stance-statement.h"

/**
 * StanceContradiction:
 *
 * A contradiction that [method@Stance.Graph.find_contradictions] found: its
 * kind, its target, its holder or holders, and the two stances (and so the
 * two statements) behind it.  Trump `proposes` the cyber-security unit on
 * 9 July 2017 and `retracts` it on 10 July: a reversal.
 *
 * A contradiction is a snapshot: it does not change when the graph does.
 *
 * Since: 1.0
 */

struct _StanceContradiction
{
  GObject                  parent_instance;

  StanceContradictionKind  kind;
  StanceNode              *target;
  StanceActor             *holder;
  StanceActor             *other_holder;
  StanceActor             *attributed_by;
  StanceEdge              *first;
  StanceEdge              *second;
};

G_DEFINE_FINAL_TYPE (StanceContradiction, stance_contradiction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET,
  PROP_HOLDER,
  PROP_OTHER_HOLDER,
  PROP_ATTRIBUTED_BY,
  PROP_FIRST,
  PROP_SECOND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_contradiction_dispose (GObject *object)
{
  StanceContradiction *self = STANCE_CONTRADICTION (object);

  g_clear_object (&self->target);
  g_clear_object (&self->holder);
  g_clear_object (&self->other_holder);
  g_clear_object (&self->attributed_by);
  g_clear_object (&self->first);
  g_clear_object (&self->second);

  G_OBJECT_CLASS (stance_contradiction_parent_class)->dispose (object);
}

static void
stance_contradiction_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StanceContradiction *self = STANCE_CONTRADICTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_HOLDER:
      g_value_set_object (value, self->holder);
      break;

    case PROP_OTHER_HOLDER:
      g_value_set_object (value, self->other_holder);
      break;

    case PROP_ATTRIBUTED_BY:
      g_value_set_object (value, self->attributed_by);
      break;

    case PROP_FIRST:
      g_value_set_object (value, self->first);
      break;

    case PROP_SECOND:
      g_value_set_object (value, self->second);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_contradiction_class_init (StanceContradictionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_contradiction_dispose;
  object_class->get_property = stance_contradiction_get_property;

  /**
   * StanceContradiction:kind:
   *
   * Which of the four contradictions this is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STANCE_TYPE_CONTRADICTION_KIND,
                       STANCE_CONTRADICTION_KIND_REVERSAL,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:target:
   *
   * The node the contradicting stances are on.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         STANCE_TYPE_NODE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:holder:
   *
   * The holder who contradicts itself, or, for a conflict, the first of the
   * two holders in the byte order of their ids, or, for a disputed
   * attribution, the holder whose own words dispute it.
   */
  properties[PROP_HOLDER] =
    g_param_spec_object ("holder", NULL, NULL,
                         STANCE_TYPE_ACTOR,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:other-holder:
   *
   * For a conflict, the second holder; otherwise %NULL.
   */
  properties[PROP_OTHER_HOLDER] =
    g_param_spec_object ("other-holder", NULL, NULL,
                         STANCE_TYPE_ACTOR,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:attributed-by:
   *
   * For a disputed attribution, the speaker who made the attribution;
   * otherwise %NULL.
   */
  properties[PROP_ATTRIBUTED_BY] =
    g_param_spec_object ("attributed-by", NULL, NULL,
                         STANCE_TYPE_ACTOR,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:first:
   *
   * The first stance behind the contradiction: the earlier act of a
   * reversal or inconsistency, the first holder's act of a conflict, the
   * attribution of a disputed attribution.
   */
  properties[PROP_FIRST] =
    g_param_spec_object ("first", NULL, NULL,
                         STANCE_TYPE_EDGE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StanceContradiction:second:
   *
   * The second stance behind the contradiction: the later act of a reversal
   * or inconsistency, the second holder's act of a conflict, the holder's
   * own act that disputes an attribution.
   */
  properties[PROP_SECOND] =
    g_param_spec_object ("second", NULL, NULL,
                         STANCE_TYPE_EDGE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_contradiction_init (StanceContradiction *self)
{
}

StanceContradiction *
_stance_contradiction_new (StanceGraph         *graph,
                           const StanceFinding *finding)
{
  StanceContradiction *self = g_object_new (STANCE_TYPE_CONTRADICTION, NULL);

  self->kind = finding->kind;
  self->target = _stance_graph_ref_node (graph, finding->target);
  self->holder = STANCE_ACTOR (_stance_graph_ref_node (graph, stance_ref_make (STANCE_SORT_ACTOR, finding->holder)));
  if (finding->kind == STANCE_CONTRADICTION_KIND_CONFLICT)
    self->other_holder = STANCE_ACTOR (_stance_graph_ref_node (graph, stance_ref_make (STANCE_SORT_ACTOR, finding->other)));
  else if (finding->kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION)
    self->attributed_by = STANCE_ACTOR (_stance_graph_ref_node (graph, stance_ref_make (STANCE_SORT_ACTOR, finding->other)));
  self->first = _stance_graph_ref_edge (graph, finding->first);
  self->second = _stance_graph_ref_edge (graph, finding->second);

  return self;
}

/**
 * stance_contradiction_kind_to_string:
 * @kind: a contradiction kind
 *
 * Gives the name that `stance check --json` uses for @kind.
 *
 * Returns: (transfer none): `reversal`, `inconsistency`, `conflict` or
 *   `disputed-attribution`
 *
 * Since: 1.0
 */
const char *
stance_contradiction_kind_to_string (StanceContradictionKind kind)
{
  const char *name = _stance_enum_to_nick (STANCE_TYPE_CONTRADICTION_KIND, kind);

  g_return_val_if_fail (name != NULL, NULL);

  return name;
}

/**
 * stance_contradiction_kind_from_string:
 * @text: a contradiction kind's name, such as `disputed-attribution`
 * @kind: (out): where to store the kind
 *
 * Reads a contradiction kind's name as `stance check --json` writes it,
 * for example from a `--kind` option or a filter.
 *
 * Returns: %TRUE if @text names a contradiction kind
 *
 * Since: 1.2
 */
gboolean
stance_contradiction_kind_from_string (const char              *text,
                                       StanceContradictionKind *kind)
{
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (!_stance_enum_from_nick (STANCE_TYPE_CONTRADICTION_KIND, text, &value))
    return FALSE;

  *kind = (StanceContradictionKind) value;

  return TRUE;
}

/**
 * stance_contradiction_get_kind:
 * @self: a contradiction
 *
 * Gets which of the four contradictions this is.
 *
 * Returns: the kind
 *
 * Since: 1.0
 */
StanceContradictionKind
stance_contradiction_get_kind (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), STANCE_CONTRADICTION_KIND_REVERSAL);

  return self->kind;
}

/**
 * stance_contradiction_get_target:
 * @self: a contradiction
 *
 * Gets the node the contradicting stances are on.
 *
 * Returns: (transfer none): the target
 *
 * Since: 1.0
 */
StanceNode *
stance_contradiction_get_target (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->target;
}

/**
 * stance_contradiction_get_holder:
 * @self: a contradiction
 *
 * Gets the holder: see [property@Stance.Contradiction:holder].
 *
 * Returns: (transfer none): the holder
 *
 * Since: 1.0
 */
StanceActor *
stance_contradiction_get_holder (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->holder;
}

/**
 * stance_contradiction_get_other_holder:
 * @self: a contradiction
 *
 * Gets a conflict's second holder.
 *
 * Returns: (transfer none) (nullable): the second holder, or %NULL if
 *   @self is not a conflict
 *
 * Since: 1.0
 */
StanceActor *
stance_contradiction_get_other_holder (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->other_holder;
}

/**
 * stance_contradiction_get_attributed_by:
 * @self: a contradiction
 *
 * Gets the speaker who made a disputed attribution.
 *
 * Returns: (transfer none) (nullable): the attributing speaker, or %NULL
 *   if @self is not a disputed attribution
 *
 * Since: 1.0
 */
StanceActor *
stance_contradiction_get_attributed_by (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->attributed_by;
}

/**
 * stance_contradiction_get_first:
 * @self: a contradiction
 *
 * Gets the first stance behind the contradiction: see
 * [property@Stance.Contradiction:first].
 *
 * Returns: (transfer none): the first stance
 *
 * Since: 1.0
 */
StanceEdge *
stance_contradiction_get_first (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->first;
}

/**
 * stance_contradiction_get_second:
 * @self: a contradiction
 *
 * Gets the second stance behind the contradiction: see
 * [property@Stance.Contradiction:second].
 *
 * Returns: (transfer none): the second stance
 *
 * Since: 1.0
 */
StanceEdge *
stance_contradiction_get_second (StanceContradiction *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  return self->second;
}

/**
 * stance_contradiction_get_statements:
 * @self: a contradiction
 *
 * Gets the two statements behind the contradiction, in the order that
 * `stance check` prints them: the statements of the first and the second
 * stance.
 *
 * Returns: (transfer container) (element-type StanceStatement): the two
 *   statements
 *
 * Since: 1.0
 */
GPtrArray *
stance_contradiction_get_statements (StanceContradiction *self)
{
  GPtrArray *statements;

  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  statements = g_ptr_array_new_full (2, NULL);
  g_ptr_array_add (statements, stance_edge_get_statement (self->first));
  g_ptr_array_add (statements, stance_edge_get_statement (self->second));

  return statements;
}

/* "trump-2017-07-10 of 2017-07-10, \"The fact that …\"" */
static void
append_statement (GString     *out,
                  StanceStore *store,
                  guint32      stance_index)
{
  guint32 statement = _stance_store_stance_statement (store, stance_index);
  const char *text = _stance_store_statement_text (store, statement);
  char time[STANCE_TIME_FORMAT_SIZE];
  gsize time_len = _stance_time_format (_stance_store_statement_time (store, statement), time);

  g_string_append_printf (out, "%s on %.*s (%s",
                          _stance_store_kind_name (store, _stance_store_stance_kind (store, stance_index)),
                          (int) time_len, time, _stance_store_statement_id (store, statement));
  if (text != NULL)
    {
      /* Enough of the words to recognise them on one line. */
      const glong max_chars = 72;

      g_string_append (out, ": \"");
      if (g_utf8_strlen (text, -1) > max_chars)
        {
          g_string_append_len (out, text, g_utf8_offset_to_pointer (text, max_chars - 1) - text);
          g_string_append (out, "…");
        }
      else
        g_string_append (out, text);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, ')');
}

/**
 * stance_contradiction_describe:
 * @self: a contradiction
 *
 * Describes the contradiction on one line for a person to read, with the
 * times and, where the document has them, the words of its two statements.
 * This is the line `stance check` prints.
 *
 * Returns: (transfer full): the description
 *
 * Since: 1.0
 */
char *
stance_contradiction_describe (StanceContradiction *self)
{
  GString *out;
  StanceFinding finding;
  StanceStore *store;

  g_return_val_if_fail (STANCE_IS_CONTRADICTION (self), NULL);

  out = g_string_new (NULL);
  store = _stance_contradiction_get_finding (self, &finding);
  _stance_finding_describe (store, &finding, out);

  return g_string_free (out, FALSE);
}

void
_stance_finding_describe (StanceStore         *store,
                          const StanceFinding *finding,
                          GString             *out)
{
  const char *target = _stance_store_ref_id (store, finding->target);
  const char *holder = _stance_store_actor_id (store, finding->holder);
  const char *other = finding->kind >= STANCE_CONTRADICTION_KIND_CONFLICT ? _stance_store_actor_id (store, finding->other) : NULL;

  g_string_append (out, stance_contradiction_kind_to_string (finding->kind));
  g_string_append (out, ": ");

  switch (finding->kind)
    {
    case STANCE_CONTRADICTION_KIND_REVERSAL:
    case STANCE_CONTRADICTION_KIND_INCONSISTENCY:
      g_string_append_printf (out, "%s on %s: ", holder, target);
      append_statement (out, store, finding->first);
      g_string_append (out, finding->kind == STANCE_CONTRADICTION_KIND_REVERSAL ? ", then " : ", and at the same time ");
      append_statement (out, store, finding->second);
      break;

    case STANCE_CONTRADICTION_KIND_CONFLICT:
      g_string_append_printf (out, "%s and %s on %s: %s ", holder, other, target, holder);
      append_statement (out, store, finding->first);
      g_string_append_printf (out, ", while %s ", other);
      append_statement (out, store, finding->second);
      break;

    case STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION:
      g_string_append_printf (out, "%s on %s: %s says %s ", holder, target, other, holder);
      append_statement (out, store, finding->first);
      g_string_append_printf (out, ", but %s itself ", holder);
      append_statement (out, store, finding->second);
      break;

    default:
      g_assert_not_reached ();
    }
}

StanceStore *
_stance_contradiction_get_finding (StanceContradiction *self,
                                   StanceFinding       *finding)
{
  StanceActor *other = self->other_holder != NULL ? self->other_holder : self->attributed_by;

  finding->kind = self->kind;
  finding->target = _stance_node_get_ref (self->target);
  finding->holder = STANCE_NODE_INDEX (self->holder);
  finding->other = other != NULL ? STANCE_NODE_INDEX (other) : 0;
  finding->first = _stance_edge_get_index (self->first);
  finding->second = _stance_edge_get_index (self->second);

  return STANCE_NODE_STORE (self->target);
}
