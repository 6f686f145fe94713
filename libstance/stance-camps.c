/* stance-camps.c: who is for, against, and withdrawn on a target at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-camps-private.h"
#include "stance-edge-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-node-private.h"

/**
 * StanceCamps:
 *
 * Who is for, who is against, and who has withdrawn on one target at one
 * time, each with the stance that says so: the answer of
 * [method@Stance.Graph.get_camps].
 *
 * Each holder appears once, in the camp of its standing act: its latest
 * act on the target, in act order, taken by the end of the time asked
 * (as [method@Stance.Graph.get_stance_at] answers it).  Holders with only
 * neutral or attributed stances on the target are in no camp.  Each camp
 * lists [class@Stance.Edge]s, by holder id in byte order.
 *
 * The camps are live: each camp is a list model that changes, with
 * [signal@Gio.ListModel::items-changed], as stances on the target are
 * added, removed or changed and as statements move in time, so that a view
 * bound to them stays current.  The time asked stays the same.
 *
 * Since: 1.2
 */

struct _StanceCamps
{
  GObject     parent_instance;

  StanceGraph *graph;
  StanceNode  *target;
  char        *time;
  StanceTime   when;
  gboolean     has_when;
  GListStore  *camps[3];  /* positive, negative, withdrawn */
  /* The live stances on the target: any change to them may move a holder
   * between camps, so each recomputes the camps (stance-index-list.c). */
  GListModel  *on;
};

G_DEFINE_FINAL_TYPE (StanceCamps, stance_camps, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_TIME,
  PROP_POSITIVE,
  PROP_NEGATIVE,
  PROP_WITHDRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stance_camps_dispose (GObject *object)
{
  StanceCamps *self = STANCE_CAMPS (object);

  if (self->on != NULL)
    g_signal_handlers_disconnect_by_data (self->on, self);
  g_clear_object (&self->on);
  g_clear_object (&self->target);
  g_clear_object (&self->graph);
  for (guint i = 0; i < G_N_ELEMENTS (self->camps); i++)
    g_clear_object (&self->camps[i]);

  G_OBJECT_CLASS (stance_camps_parent_class)->dispose (object);
}

static void
stance_camps_finalize (GObject *object)
{
  g_free (STANCE_CAMPS (object)->time);

  G_OBJECT_CLASS (stance_camps_parent_class)->finalize (object);
}

static void
stance_camps_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StanceCamps *self = STANCE_CAMPS (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_POSITIVE:
    case PROP_NEGATIVE:
    case PROP_WITHDRAWN:
      g_value_set_object (value, self->camps[prop_id - PROP_POSITIVE]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_camps_class_init (StanceCampsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_camps_dispose;
  object_class->finalize = stance_camps_finalize;
  object_class->get_property = stance_camps_get_property;

  /**
   * StanceCamps:target:
   *
   * The node the camps are about.
   *
   * Since: 1.2
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, STANCE_TYPE_NODE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * StanceCamps:time:
   *
   * The time asked, as it was written, or %NULL for "now" (every act).
   *
   * Since: 1.2
   */
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * StanceCamps:positive:
   *
   * The holders for: a list model of [class@Stance.Edge].
   *
   * Since: 1.2
   */
  properties[PROP_POSITIVE] =
    g_param_spec_object ("positive", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * StanceCamps:negative:
   *
   * The holders against: a list model of [class@Stance.Edge].
   *
   * Since: 1.2
   */
  properties[PROP_NEGATIVE] =
    g_param_spec_object ("negative", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * StanceCamps:withdrawn:
   *
   * The holders whose standing act is a withdrawal: a list model of
   * [class@Stance.Edge].
   *
   * Since: 1.2
   */
  properties[PROP_WITHDRAWN] =
    g_param_spec_object ("withdrawn", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_camps_init (StanceCamps *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->camps); i++)
    self->camps[i] = g_list_store_new (STANCE_TYPE_EDGE);
}

/* Act order (SPEC §3): period start, period end, statement, stance. */
static int
act_cmp (StanceStore *store,
         guint32      a,
         guint32      b)
{
  guint32 sa = _stance_store_stance_statement (store, a);
  guint32 sb = _stance_store_stance_statement (store, b);
  const StanceTime *ta = _stance_store_statement_time (store, sa);
  const StanceTime *tb = _stance_store_statement_time (store, sb);

  if (ta->start != tb->start)
    return ta->start < tb->start ? -1 : 1;
  if (ta->end != tb->end)
    return ta->end < tb->end ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int
holder_id_cmp (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  StanceStore *store = user_data;

  return strcmp (_stance_store_actor_id (store, _stance_store_stance_holder (store, *(const guint32 *) a)),
                 _stance_store_actor_id (store, _stance_store_stance_holder (store, *(const guint32 *) b)));
}

/* The standing acts on the target, by camp, each sorted by holder id. */
static void
compute (StanceCamps *self,
         GArray      *camps[3])
{
  StanceStore *store = _stance_graph_get_store (self->graph);
  GArray *on = _stance_index_lookup (_stance_graph_get_index (self->graph), STANCE_INDEX_ON,
                                     _stance_node_get_ref (self->target));
  g_autoptr(GHashTable) standing = g_hash_table_new (NULL, NULL);  /* holder -> stance + 1 */
  GHashTableIter iter;
  gpointer value;

  /* One pass over the target's stances: each holder's latest act in act
   * order, among those begun before the end of the time asked. */
  for (guint i = 0; on != NULL && i < on->len; i++)
    {
      guint32 stance = g_array_index (on, guint32, i);
      guint32 holder = _stance_store_stance_holder (store, stance);
      gpointer best;

      if (!_stance_store_stance_is_act (store, stance) ||
          (self->has_when && _stance_store_stance_time (store, stance)->start >= self->when.end))
        continue;

      best = g_hash_table_lookup (standing, GUINT_TO_POINTER (holder));
      if (best == NULL || act_cmp (store, GPOINTER_TO_UINT (best) - 1, stance) < 0)
        g_hash_table_insert (standing, GUINT_TO_POINTER (holder), GUINT_TO_POINTER (stance + 1));
    }

  for (guint c = 0; c < 3; c++)
    camps[c] = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_hash_table_iter_init (&iter, standing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint32 stance = GPOINTER_TO_UINT (value) - 1;
      StancePolarity polarity = _stance_store_stance_polarity (store, stance);
      guint camp = polarity == STANCE_POLARITY_POSITIVE ? 0 : polarity == STANCE_POLARITY_NEGATIVE ? 1 : 2;

      g_array_append_val (camps[camp], stance);
    }
  for (guint c = 0; c < 3; c++)
    g_array_sort_with_data (camps[c], holder_id_cmp, store);
}

/* Recomputes the camps and replaces each one whose stances changed. */
static void
update (StanceCamps *self)
{
  /* A handler of the camps' items-changed or notify may drop the last
   * reference to them (doc/threading.md): they stay alive, and so do their
   * lists, until every list has been brought up to date. */
  g_autoptr(StanceCamps) keep = g_object_ref (self);
  GArray *camps[3];

  compute (keep, camps);
  for (guint c = 0; c < 3; c++)
    {
      GListModel *model = G_LIST_MODEL (self->camps[c]);
      guint n = g_list_model_get_n_items (model);
      gboolean same = n == camps[c]->len;
      g_autoptr(GPtrArray) edges = NULL;

      for (guint i = 0; same && i < n; i++)
        {
          g_autoptr(StanceEdge) edge = g_list_model_get_item (model, i);

          same = _stance_edge_get_index (edge) == g_array_index (camps[c], guint32, i);
        }
      if (!same)
        {
          g_autoptr(GListStore) list = g_object_ref (self->camps[c]);

          edges = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < camps[c]->len; i++)
            g_ptr_array_add (edges, _stance_graph_ref_edge (self->graph, g_array_index (camps[c], guint32, i)));
          g_list_store_splice (list, 0, n, edges->pdata, edges->len);
        }
      g_array_unref (camps[c]);
    }
}

static void
on_changed (GListModel  *model,
            guint        position,
            guint        removed,
            guint        added,
            StanceCamps *self)
{
  update (self);
}

StanceCamps *
_stance_camps_new (StanceGraph      *graph,
                   StanceRef         target,
                   const char       *time,
                   const StanceTime *when)
{
  StanceCamps *self = g_object_new (STANCE_TYPE_CAMPS, NULL);

  self->graph = g_object_ref (graph);
  self->target = _stance_graph_ref_node (graph, target);
  self->time = g_strdup (time);
  self->has_when = when != NULL;
  if (when != NULL)
    self->when = *when;
  self->on = _stance_index_list_new (graph, STANCE_INDEX_ON, target);
  g_signal_connect (self->on, "items-changed", G_CALLBACK (on_changed), self);
  update (self);

  return self;
}

/**
 * stance_camps_get_target:
 * @self: camps
 *
 * Gets the node the camps are about.
 *
 * Returns: (transfer none): the target
 *
 * Since: 1.2
 */
StanceNode *
stance_camps_get_target (StanceCamps *self)
{
  g_return_val_if_fail (STANCE_IS_CAMPS (self), NULL);

  return self->target;
}

/**
 * stance_camps_get_time:
 * @self: camps
 *
 * Gets the time asked, as it was written.
 *
 * Returns: (nullable): the time, or %NULL for "now"
 *
 * Since: 1.2
 */
const char *
stance_camps_get_time (StanceCamps *self)
{
  g_return_val_if_fail (STANCE_IS_CAMPS (self), NULL);

  return self->time;
}

/**
 * stance_camps_get_positive:
 * @self: camps
 *
 * Gets the holders for the target: each one's standing positive act.
 *
 * Returns: (transfer none): a list model of [class@Stance.Edge]
 *
 * Since: 1.2
 */
GListModel *
stance_camps_get_positive (StanceCamps *self)
{
  g_return_val_if_fail (STANCE_IS_CAMPS (self), NULL);

  return G_LIST_MODEL (self->camps[0]);
}

/**
 * stance_camps_get_negative:
 * @self: camps
 *
 * Gets the holders against the target: each one's standing negative act.
 *
 * Returns: (transfer none): a list model of [class@Stance.Edge]
 *
 * Since: 1.2
 */
GListModel *
stance_camps_get_negative (StanceCamps *self)
{
  g_return_val_if_fail (STANCE_IS_CAMPS (self), NULL);

  return G_LIST_MODEL (self->camps[1]);
}

/**
 * stance_camps_get_withdrawn:
 * @self: camps
 *
 * Gets the holders who had withdrawn: each one's standing withdrawal.
 *
 * Returns: (transfer none): a list model of [class@Stance.Edge]
 *
 * Since: 1.2
 */
GListModel *
stance_camps_get_withdrawn (StanceCamps *self)
{
  g_return_val_if_fail (STANCE_IS_CAMPS (self), NULL);

  return G_LIST_MODEL (self->camps[2]);
}
