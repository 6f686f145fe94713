/* stance-network-options.c: how a discourse network is made from a graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-network-options-private.h"

/**
 * StanceNetworkOptions:
 *
 * The settings of a discourse network, as the Discourse Network Analyzer
 * (DNA) names them: the mode, how polarity is aggregated, the
 * normalisation, which duplicates count, which holders and targets are left
 * out, and the time windows.
 *
 * A new options object asks for DNA's defaults: a two-mode network,
 * aggregation `ignore`, normalisation `no`, duplicates `include`, only the
 * holders' own positive and negative stances, no isolates, no roll-up and
 * no time windows.
 *
 * Since: 1.2
 */

G_DEFINE_FINAL_TYPE (StanceNetworkOptions, stance_network_options, G_TYPE_OBJECT)

static void
stance_network_options_finalize (GObject *object)
{
  StanceNetworkOptions *self = STANCE_NETWORK_OPTIONS (object);

  g_ptr_array_unref (self->exclude_holders);
  g_ptr_array_unref (self->exclude_targets);

  G_OBJECT_CLASS (stance_network_options_parent_class)->finalize (object);
}

static void
stance_network_options_class_init (StanceNetworkOptionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_network_options_finalize;
}

static void
stance_network_options_init (StanceNetworkOptions *self)
{
  self->exclude_holders = g_ptr_array_new_with_free_func (g_free);
  self->exclude_targets = g_ptr_array_new_with_free_func (g_free);
  self->unit = STANCE_TIME_UNIT_DAYS;
  self->size = 1;
  self->step = 1;
  self->kernel = STANCE_NETWORK_KERNEL_UNIFORM;
}

/**
 * stance_network_options_new:
 *
 * Creates options with DNA's defaults.
 *
 * Returns: (transfer full): new options
 *
 * Since: 1.2
 */
StanceNetworkOptions *
stance_network_options_new (void)
{
  return g_object_new (STANCE_TYPE_NETWORK_OPTIONS, NULL);
}

/**
 * stance_network_options_set_mode:
 * @self: options
 * @mode: two-mode (the default) or one-mode
 *
 * Sets the shape of the network.
 *
 * Since: 1.2
 */
void
stance_network_options_set_mode (StanceNetworkOptions *self,
                                 StanceNetworkMode     mode)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (mode <= STANCE_NETWORK_MODE_ONEMODE);

  self->mode = mode;
}

/**
 * stance_network_options_get_mode:
 * @self: options
 *
 * Gets the shape of the network.
 *
 * Returns: the mode
 *
 * Since: 1.2
 */
StanceNetworkMode
stance_network_options_get_mode (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), STANCE_NETWORK_MODE_TWOMODE);

  return self->mode;
}

/**
 * stance_network_options_set_aggregation:
 * @self: options
 * @aggregation: how polarity enters a tie
 *
 * Sets how polarity enters a tie (DNA's qualifier aggregation).  Which
 * aggregations fit which mode is checked when the network is made.
 *
 * Since: 1.2
 */
void
stance_network_options_set_aggregation (StanceNetworkOptions     *self,
                                        StanceNetworkAggregation  aggregation)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (aggregation <= STANCE_NETWORK_AGGREGATION_COMBINE);

  self->aggregation = aggregation;
}

/**
 * stance_network_options_get_aggregation:
 * @self: options
 *
 * Gets how polarity enters a tie.
 *
 * Returns: the aggregation
 *
 * Since: 1.2
 */
StanceNetworkAggregation
stance_network_options_get_aggregation (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), STANCE_NETWORK_AGGREGATION_IGNORE);

  return self->aggregation;
}

/**
 * stance_network_options_set_normalization:
 * @self: options
 * @normalization: how ties are scaled
 *
 * Sets how ties are scaled.  Which normalisations fit which mode is checked
 * when the network is made.
 *
 * Since: 1.2
 */
void
stance_network_options_set_normalization (StanceNetworkOptions       *self,
                                          StanceNetworkNormalization  normalization)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (normalization <= STANCE_NETWORK_NORMALIZATION_COSINE);

  self->normalization = normalization;
}

/**
 * stance_network_options_get_normalization:
 * @self: options
 *
 * Gets how ties are scaled.
 *
 * Returns: the normalisation
 *
 * Since: 1.2
 */
StanceNetworkNormalization
stance_network_options_get_normalization (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), STANCE_NETWORK_NORMALIZATION_NO);

  return self->normalization;
}

/**
 * stance_network_options_set_duplicates:
 * @self: options
 * @duplicates: which repeated stances count
 *
 * Sets which repeated stances count.
 *
 * Since: 1.2
 */
void
stance_network_options_set_duplicates (StanceNetworkOptions    *self,
                                       StanceNetworkDuplicates  duplicates)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (duplicates <= STANCE_NETWORK_DUPLICATES_ACROSSRANGE);

  self->duplicates = duplicates;
}

/**
 * stance_network_options_get_duplicates:
 * @self: options
 *
 * Gets which repeated stances count.
 *
 * Returns: the duplicates setting
 *
 * Since: 1.2
 */
StanceNetworkDuplicates
stance_network_options_get_duplicates (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), STANCE_NETWORK_DUPLICATES_INCLUDE);

  return self->duplicates;
}

/**
 * stance_network_options_set_attributed:
 * @self: options
 * @attributed: whether attributed stances count
 *
 * Sets whether stances that a speaker attributes to another holder count
 * as that holder's (by default only holders' own stances count).
 *
 * Since: 1.2
 */
void
stance_network_options_set_attributed (StanceNetworkOptions *self,
                                       gboolean              attributed)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->attributed = !!attributed;
}

/**
 * stance_network_options_get_attributed:
 * @self: options
 *
 * Gets whether attributed stances count.
 *
 * Returns: %TRUE if they do
 *
 * Since: 1.2
 */
gboolean
stance_network_options_get_attributed (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), FALSE);

  return self->attributed;
}

/**
 * stance_network_options_set_isolates:
 * @self: options
 * @isolates: whether to keep holders and targets without ties
 *
 * Sets whether the network keeps a row (and column) for every holder and
 * target of a counted kind of stance in the graph, even where none is left
 * after duplicates and time windows.
 *
 * Since: 1.2
 */
void
stance_network_options_set_isolates (StanceNetworkOptions *self,
                                     gboolean              isolates)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->isolates = !!isolates;
}

/**
 * stance_network_options_get_isolates:
 * @self: options
 *
 * Gets whether isolates are kept.
 *
 * Returns: %TRUE if they are
 *
 * Since: 1.2
 */
gboolean
stance_network_options_get_isolates (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), FALSE);

  return self->isolates;
}

/**
 * stance_network_options_set_roll_up:
 * @self: options
 * @roll_up: whether members count as their groups
 *
 * Sets whether a holder that is a member of other actors (`member_of`,
 * such as a person of an organisation) counts as each of those actors
 * instead of itself.
 *
 * Since: 1.2
 */
void
stance_network_options_set_roll_up (StanceNetworkOptions *self,
                                    gboolean              roll_up)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->roll_up = !!roll_up;
}

/**
 * stance_network_options_get_roll_up:
 * @self: options
 *
 * Gets whether members count as their groups.
 *
 * Returns: %TRUE if they do
 *
 * Since: 1.2
 */
gboolean
stance_network_options_get_roll_up (StanceNetworkOptions *self)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), FALSE);

  return self->roll_up;
}

/**
 * stance_network_options_exclude_holder:
 * @self: options
 * @id: the id of an actor
 *
 * Leaves out the stances of a holder (after roll-up, the stances of the
 * group's members too).  An id that names no actor is an error when the
 * network is made.
 *
 * Since: 1.2
 */
void
stance_network_options_exclude_holder (StanceNetworkOptions *self,
                                       const char           *id)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (id != NULL);

  g_ptr_array_add (self->exclude_holders, g_strdup (id));
}

/**
 * stance_network_options_exclude_target:
 * @self: options
 * @id: the id of a node
 *
 * Leaves out the stances on a target.  An id that names no node is an
 * error when the network is made.
 *
 * Since: 1.2
 */
void
stance_network_options_exclude_target (StanceNetworkOptions *self,
                                       const char           *id)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (id != NULL);

  g_ptr_array_add (self->exclude_targets, g_strdup (id));
}

/**
 * stance_network_options_set_window:
 * @self: options
 * @unit: the unit of @size and @step
 * @size: the width of a window, at least 1 (an odd width is made even, as
 *   DNA does, so that the mid-point is whole)
 * @step: how far each window's mid-point is from the last, at least 1
 * @kernel: how a stance is weighed by its distance from the mid-point
 *
 * Asks for a sequence of networks over time windows, as DNA's
 * kernel-smoothed time windows make them: see
 * [func@Stance.Network.new_windows].
 *
 * Since: 1.2
 */
void
stance_network_options_set_window (StanceNetworkOptions *self,
                                   StanceTimeUnit        unit,
                                   guint                 size,
                                   guint                 step,
                                   StanceNetworkKernel   kernel)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));
  g_return_if_fail (unit <= STANCE_TIME_UNIT_YEARS);
  g_return_if_fail (size >= 1 && size <= 100000);
  g_return_if_fail (step >= 1 && step <= 100000);
  g_return_if_fail (kernel <= STANCE_NETWORK_KERNEL_TRIANGULAR);

  self->windowed = TRUE;
  self->unit = unit;
  self->size = size + (size % 2);
  self->step = step;
  self->kernel = kernel;
}

/**
 * stance_network_options_get_window:
 * @self: options
 * @unit: (out) (optional): the unit
 * @size: (out) (optional): the width of a window (even)
 * @step: (out) (optional): the step between mid-points
 * @kernel: (out) (optional): the kernel
 *
 * Gets the time windows, if any were asked for.
 *
 * Returns: %TRUE if time windows were asked for
 *
 * Since: 1.2
 */
gboolean
stance_network_options_get_window (StanceNetworkOptions *self,
                                   StanceTimeUnit       *unit,
                                   guint                *size,
                                   guint                *step,
                                   StanceNetworkKernel  *kernel)
{
  g_return_val_if_fail (STANCE_IS_NETWORK_OPTIONS (self), FALSE);

  if (unit != NULL)
    *unit = self->unit;
  if (size != NULL)
    *size = self->size;
  if (step != NULL)
    *step = self->step;
  if (kernel != NULL)
    *kernel = self->kernel;

  return self->windowed;
}

/**
 * stance_network_options_set_indent:
 * @self: options
 * @indent: whether windows stay inside the data's time range
 *
 * Sets whether the first mid-point is half a window after the first
 * statement and the last half a window before the last, so that every
 * window lies inside the data (DNA's `indentTime`).  Off by default: the
 * mid-points run from the first statement to the last.
 *
 * Since: 1.2
 */
void
stance_network_options_set_indent (StanceNetworkOptions *self,
                                   gboolean              indent)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->indent = !!indent;
}

/**
 * stance_network_options_set_normalize_scores:
 * @self: options
 * @normalize: whether polarisation scores are divided by their maximum
 *
 * Sets whether a polarisation score is divided by its theoretical maximum,
 * twice the sum of the congruence and conflict networks' entries (DNA's
 * `normalizeScores`).  Off by default, as in DNA.
 *
 * Since: 1.2
 */
void
stance_network_options_set_normalize_scores (StanceNetworkOptions *self,
                                             gboolean              normalize)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->normalize_scores = !!normalize;
}

/**
 * stance_network_options_set_seed:
 * @self: options
 * @seed: the seed of the random starts
 *
 * Sets the seed of the partition search for polarisation where there are
 * too many holders for an exhaustive search, so that runs repeat.
 *
 * Since: 1.2
 */
void
stance_network_options_set_seed (StanceNetworkOptions *self,
                                 guint32               seed)
{
  g_return_if_fail (STANCE_IS_NETWORK_OPTIONS (self));

  self->seed = seed;
}
