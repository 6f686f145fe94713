/* stance-contradiction-filter-model.c: the contradictions of a list model that a filter keeps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GLib has no filtering list model (GTK's needs GTK), and a generic one
 * would have to make every item to test it.  This one knows the library's
 * own lists, the snapshot of find_contradictions() and the live model of
 * get_contradictions(): it tests their compact findings, so that filtering
 * a million contradictions makes an object only for those a view shows.
 */

#include "config.h"

#include "stance-contradiction-filter-model.h"
#include "stance-contradiction-filter-private.h"
#include "stance-contradiction-list-private.h"
#include "stance-graph-private.h"

/**
 * StanceContradictionFilterModel:
 *
 * A list model of the contradictions of another list model (usually
 * [method@Stance.Graph.get_contradictions], the live one) that a
 * [struct@Stance.ContradictionFilter] keeps, in the same order, and kept
 * current as that model changes: a change of the model costs in proportion
 * to the items it adds or removes, plus the items kept.
 *
 * Since: 1.2
 */
struct _StanceContradictionFilterModel
{
  GObject                    parent_instance;

  GListModel                *model;
  StanceContradictionFilter *filter;   /* NULL: keeps everything */
  GArray                    *kept;     /* guint: positions in the model, ascending */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
filter_model_get_item_type (GListModel *model)
{
  return STANCE_TYPE_CONTRADICTION;
}

static guint
filter_model_get_n_items (GListModel *model)
{
  return STANCE_CONTRADICTION_FILTER_MODEL (model)->kept->len;
}

static gpointer
filter_model_get_item (GListModel *model,
                       guint       position)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (model);

  if (position >= self->kept->len)
    return NULL;

  return g_list_model_get_item (self->model, g_array_index (self->kept, guint, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = filter_model_get_item_type;
  iface->get_n_items = filter_model_get_n_items;
  iface->get_item = filter_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StanceContradictionFilterModel, stance_contradiction_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Whether the filter keeps the model's item at @position. */
static gboolean
keeps (StanceContradictionFilterModel *self,
       guint                           position)
{
  g_autoptr(StanceContradiction) item = NULL;

  if (self->filter == NULL)
    return TRUE;

  /* The library's own lists: test the finding, make no object. */
  if (STANCE_IS_CONTRADICTION_LIST (self->model))
    {
      StanceContradictionList *list = STANCE_CONTRADICTION_LIST (self->model);
      const GArray *findings = _stance_contradiction_list_get_findings (list);

      return _stance_finding_filter_keeps (_stance_contradiction_filter_get_finding_filter (self->filter),
                                           _stance_graph_get_store (_stance_contradiction_list_get_graph (list)),
                                           &g_array_index (findings, StanceFinding, position));
    }

  item = g_list_model_get_item (self->model, position);
  return item != NULL && stance_contradiction_filter_matches (self->filter, item);
}

/* The first index of kept whose position is at least @position. */
static guint
lower_bound (GArray *kept,
             guint   position)
{
  guint lo = 0, hi = kept->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (kept, guint, mid) < position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
model_items_changed (GListModel                     *model,
                     guint                           position,
                     guint                           removed,
                     guint                           added,
                     StanceContradictionFilterModel *self)
{
  guint lo = lower_bound (self->kept, position);
  guint hi = lower_bound (self->kept, position + removed);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = hi; i < self->kept->len; i++)
    g_array_index (self->kept, guint, i) += added - removed;

  for (guint p = position; p < position + added; p++)
    {
      if (keeps (self, p))
        g_array_append_val (fresh, p);
    }

  g_array_remove_range (self->kept, lo, hi - lo);
  g_array_insert_vals (self->kept, lo, fresh->data, fresh->len);

  if (hi > lo || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo, fresh->len);
}

/* Filters the whole model again, without a signal. */
static void
fill (StanceContradictionFilterModel *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->kept, 0);
  for (guint p = 0; p < n; p++)
    {
      if (keeps (self, p))
        g_array_append_val (self->kept, p);
    }
}

static void
refilter (StanceContradictionFilterModel *self)
{
  guint before = self->kept->len;

  fill (self);
  if (before > 0 || self->kept->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->kept->len);
}

static void
stance_contradiction_filter_model_dispose (GObject *object)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->filter, stance_contradiction_filter_unref);

  G_OBJECT_CLASS (stance_contradiction_filter_model_parent_class)->dispose (object);
}

static void
stance_contradiction_filter_model_finalize (GObject *object)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (object);

  g_array_unref (self->kept);

  G_OBJECT_CLASS (stance_contradiction_filter_model_parent_class)->finalize (object);
}

static void
stance_contradiction_filter_model_get_property (GObject    *object,
                                                guint       prop_id,
                                                GValue     *value,
                                                GParamSpec *pspec)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_contradiction_filter_model_set_property (GObject      *object,
                                                guint         prop_id,
                                                const GValue *value,
                                                GParamSpec   *pspec)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      if (self->model != NULL)
        g_signal_connect (self->model, "items-changed", G_CALLBACK (model_items_changed), self);
      break;

    case PROP_FILTER:
      stance_contradiction_filter_model_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stance_contradiction_filter_model_constructed (GObject *object)
{
  StanceContradictionFilterModel *self = STANCE_CONTRADICTION_FILTER_MODEL (object);

  G_OBJECT_CLASS (stance_contradiction_filter_model_parent_class)->constructed (object);

  /* Silently: nobody can be listening yet. */
  fill (self);
}

static void
stance_contradiction_filter_model_class_init (StanceContradictionFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_contradiction_filter_model_dispose;
  object_class->finalize = stance_contradiction_filter_model_finalize;
  object_class->get_property = stance_contradiction_filter_model_get_property;
  object_class->set_property = stance_contradiction_filter_model_set_property;
  object_class->constructed = stance_contradiction_filter_model_constructed;

  /**
   * StanceContradictionFilterModel:model:
   *
   * The list model of [class@Stance.Contradiction] that is filtered.
   *
   * Since: 1.2
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StanceContradictionFilterModel:filter:
   *
   * The filter, or %NULL to keep every contradiction.
   *
   * Since: 1.2
   */
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, STANCE_TYPE_CONTRADICTION_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stance_contradiction_filter_model_init (StanceContradictionFilterModel *self)
{
  self->kept = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * stance_contradiction_filter_model_new:
 * @model: a list model of [class@Stance.Contradiction]
 * @filter: (nullable): which of them to keep, or %NULL for all
 *
 * Makes a list model of the contradictions of @model that @filter keeps.
 * A change to @filter after this is not seen: give the model the changed
 * filter again with [method@Stance.ContradictionFilterModel.set_filter].
 *
 * Returns: (transfer full): a new list model
 *
 * Since: 1.2
 */
StanceContradictionFilterModel *
stance_contradiction_filter_model_new (GListModel                *model,
                                       StanceContradictionFilter *filter)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (STANCE_TYPE_CONTRADICTION_FILTER_MODEL, "model", model, "filter", filter, NULL);
}

/**
 * stance_contradiction_filter_model_get_model:
 * @self: a filter model
 *
 * Gets the model that is filtered.
 *
 * Returns: (transfer none): the model
 *
 * Since: 1.2
 */
GListModel *
stance_contradiction_filter_model_get_model (StanceContradictionFilterModel *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION_FILTER_MODEL (self), NULL);

  return self->model;
}

/**
 * stance_contradiction_filter_model_get_filter:
 * @self: a filter model
 *
 * Gets the filter.
 *
 * Returns: (transfer none) (nullable): the filter, or %NULL
 *
 * Since: 1.2
 */
StanceContradictionFilter *
stance_contradiction_filter_model_get_filter (StanceContradictionFilterModel *self)
{
  g_return_val_if_fail (STANCE_IS_CONTRADICTION_FILTER_MODEL (self), NULL);

  return self->filter;
}

/**
 * stance_contradiction_filter_model_set_filter:
 * @self: a filter model
 * @filter: (nullable): which contradictions to keep, or %NULL for all
 *
 * Filters the model again with @filter, emitting
 * [signal@Gio.ListModel::items-changed] for the whole list.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_model_set_filter (StanceContradictionFilterModel *self,
                                              StanceContradictionFilter      *filter)
{
  g_return_if_fail (STANCE_IS_CONTRADICTION_FILTER_MODEL (self));

  if (filter != NULL)
    stance_contradiction_filter_ref (filter);
  g_clear_pointer (&self->filter, stance_contradiction_filter_unref);
  self->filter = filter;

  /* During construction the model is not set yet: constructed() filters. */
  if (self->model != NULL)
    refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}
