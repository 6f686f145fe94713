/* stance-network-options.h: how a discourse network is made from a graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>

#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * StanceNetworkMode:
 * @STANCE_NETWORK_MODE_TWOMODE: holders × targets
 * @STANCE_NETWORK_MODE_ONEMODE: holders × holders, tied by the targets they
 *   share
 *
 * The shape of a [class@Stance.Network], as the Discourse Network Analyzer
 * (DNA) calls them.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_NETWORK_MODE_TWOMODE,
  STANCE_NETWORK_MODE_ONEMODE,
} StanceNetworkMode;

/**
 * StanceNetworkAggregation:
 * @STANCE_NETWORK_AGGREGATION_IGNORE: count stances whatever their polarity
 * @STANCE_NETWORK_AGGREGATION_CONGRUENCE: one-mode: count pairs of stances of
 *   the same polarity on a shared target
 * @STANCE_NETWORK_AGGREGATION_CONFLICT: one-mode: count pairs of stances of
 *   opposite polarity on a shared target
 * @STANCE_NETWORK_AGGREGATION_SUBTRACT: two-mode: positive minus negative
 *   stances; one-mode: congruence minus conflict
 * @STANCE_NETWORK_AGGREGATION_COMBINE: two-mode: 1 where a holder was only
 *   positive on a target, 2 where only negative, 3 where both
 *
 * How the polarity of stances (DNA's qualifier) enters a tie.  The formulas
 * are in the chapter on networks.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_NETWORK_AGGREGATION_IGNORE,
  STANCE_NETWORK_AGGREGATION_CONGRUENCE,
  STANCE_NETWORK_AGGREGATION_CONFLICT,
  STANCE_NETWORK_AGGREGATION_SUBTRACT,
  STANCE_NETWORK_AGGREGATION_COMBINE,
} StanceNetworkAggregation;

/**
 * StanceNetworkNormalization:
 * @STANCE_NETWORK_NORMALIZATION_NO: raw counts
 * @STANCE_NETWORK_NORMALIZATION_ACTIVITY: two-mode: each row divided by the
 *   holder's activity
 * @STANCE_NETWORK_NORMALIZATION_PROMINENCE: two-mode: each column divided by
 *   the target's prominence
 * @STANCE_NETWORK_NORMALIZATION_AVERAGE: one-mode: each tie divided by the
 *   average activity of its two holders
 * @STANCE_NETWORK_NORMALIZATION_JACCARD: one-mode: DNA's Jaccard denominator
 * @STANCE_NETWORK_NORMALIZATION_COSINE: one-mode: DNA's cosine denominator
 *
 * How ties are scaled.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_NETWORK_NORMALIZATION_NO,
  STANCE_NETWORK_NORMALIZATION_ACTIVITY,
  STANCE_NETWORK_NORMALIZATION_PROMINENCE,
  STANCE_NETWORK_NORMALIZATION_AVERAGE,
  STANCE_NETWORK_NORMALIZATION_JACCARD,
  STANCE_NETWORK_NORMALIZATION_COSINE,
} StanceNetworkNormalization;

/**
 * StanceNetworkDuplicates:
 * @STANCE_NETWORK_DUPLICATES_INCLUDE: count every stance
 * @STANCE_NETWORK_DUPLICATES_DOCUMENT: count a holder's stance on a target
 *   once per document (the statements' `source`)
 * @STANCE_NETWORK_DUPLICATES_WEEK: once per ISO calendar week
 * @STANCE_NETWORK_DUPLICATES_MONTH: once per calendar month
 * @STANCE_NETWORK_DUPLICATES_YEAR: once per calendar year
 * @STANCE_NETWORK_DUPLICATES_ACROSSRANGE: once over the whole time range
 *
 * Which repeated stances count.  Two stances are duplicates when they have
 * the same holder and target (and the same polarity, unless the aggregation
 * is %STANCE_NETWORK_AGGREGATION_IGNORE) and fall into the same period or
 * document; the earliest is kept.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_NETWORK_DUPLICATES_INCLUDE,
  STANCE_NETWORK_DUPLICATES_DOCUMENT,
  STANCE_NETWORK_DUPLICATES_WEEK,
  STANCE_NETWORK_DUPLICATES_MONTH,
  STANCE_NETWORK_DUPLICATES_YEAR,
  STANCE_NETWORK_DUPLICATES_ACROSSRANGE,
} StanceNetworkDuplicates;

/**
 * StanceNetworkKernel:
 * @STANCE_NETWORK_KERNEL_NONE: every stance in the window weighs 1
 * @STANCE_NETWORK_KERNEL_UNIFORM: every stance in the window weighs 1/2
 * @STANCE_NETWORK_KERNEL_GAUSSIAN: the standard normal density of the
 *   standardised distance to the window's mid-point, over all stances
 * @STANCE_NETWORK_KERNEL_EPANECHNIKOV: 3/4 (1 − d²) in the window
 * @STANCE_NETWORK_KERNEL_TRIANGULAR: 1 − |d| in the window
 *
 * How a time window weighs a stance by its distance d (−1 … 1 across the
 * window) from the window's mid-point.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_NETWORK_KERNEL_NONE,
  STANCE_NETWORK_KERNEL_UNIFORM,
  STANCE_NETWORK_KERNEL_GAUSSIAN,
  STANCE_NETWORK_KERNEL_EPANECHNIKOV,
  STANCE_NETWORK_KERNEL_TRIANGULAR,
} StanceNetworkKernel;

/**
 * StanceTimeUnit:
 * @STANCE_TIME_UNIT_DAYS: days
 * @STANCE_TIME_UNIT_WEEKS: weeks of seven days
 * @STANCE_TIME_UNIT_MONTHS: calendar months
 * @STANCE_TIME_UNIT_YEARS: calendar years
 *
 * The unit of a time window's size and step.
 *
 * Since: 1.2
 */
typedef enum {
  STANCE_TIME_UNIT_DAYS,
  STANCE_TIME_UNIT_WEEKS,
  STANCE_TIME_UNIT_MONTHS,
  STANCE_TIME_UNIT_YEARS,
} StanceTimeUnit;

#define STANCE_TYPE_NETWORK_OPTIONS (stance_network_options_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_FINAL_TYPE (StanceNetworkOptions, stance_network_options, STANCE, NETWORK_OPTIONS, GObject)

STANCE_AVAILABLE_IN_1_2
StanceNetworkOptions      *stance_network_options_new                 (void);

STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_mode            (StanceNetworkOptions       *self,
                                                                       StanceNetworkMode           mode);
STANCE_AVAILABLE_IN_1_2
StanceNetworkMode          stance_network_options_get_mode            (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_aggregation     (StanceNetworkOptions       *self,
                                                                       StanceNetworkAggregation    aggregation);
STANCE_AVAILABLE_IN_1_2
StanceNetworkAggregation   stance_network_options_get_aggregation     (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_normalization   (StanceNetworkOptions       *self,
                                                                       StanceNetworkNormalization  normalization);
STANCE_AVAILABLE_IN_1_2
StanceNetworkNormalization stance_network_options_get_normalization   (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_duplicates      (StanceNetworkOptions       *self,
                                                                       StanceNetworkDuplicates     duplicates);
STANCE_AVAILABLE_IN_1_2
StanceNetworkDuplicates    stance_network_options_get_duplicates      (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_attributed      (StanceNetworkOptions       *self,
                                                                       gboolean                    attributed);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_network_options_get_attributed      (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_isolates        (StanceNetworkOptions       *self,
                                                                       gboolean                    isolates);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_network_options_get_isolates        (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_roll_up         (StanceNetworkOptions       *self,
                                                                       gboolean                    roll_up);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_network_options_get_roll_up         (StanceNetworkOptions       *self);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_exclude_holder      (StanceNetworkOptions       *self,
                                                                       const char                 *id);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_exclude_target      (StanceNetworkOptions       *self,
                                                                       const char                 *id);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_window          (StanceNetworkOptions       *self,
                                                                       StanceTimeUnit              unit,
                                                                       guint                       size,
                                                                       guint                       step,
                                                                       StanceNetworkKernel         kernel);
STANCE_AVAILABLE_IN_1_2
gboolean                   stance_network_options_get_window          (StanceNetworkOptions       *self,
                                                                       StanceTimeUnit             *unit,
                                                                       guint                      *size,
                                                                       guint                      *step,
                                                                       StanceNetworkKernel        *kernel);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_indent          (StanceNetworkOptions       *self,
                                                                       gboolean                    indent);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_normalize_scores (StanceNetworkOptions      *self,
                                                                       gboolean                    normalize);
STANCE_AVAILABLE_IN_1_2
void                       stance_network_options_set_seed            (StanceNetworkOptions       *self,
                                                                       guint32                     seed);

G_END_DECLS
