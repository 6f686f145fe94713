/* stance-network-options-private.h: the options as the network code reads them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-network-options.h"

G_BEGIN_DECLS

struct _StanceNetworkOptions
{
  GObject                    parent_instance;

  StanceNetworkMode          mode;
  StanceNetworkAggregation   aggregation;
  StanceNetworkNormalization normalization;
  StanceNetworkDuplicates    duplicates;
  gboolean                   attributed;
  gboolean                   isolates;
  gboolean                   roll_up;
  GPtrArray                 *exclude_holders;  /* owned ids */
  GPtrArray                 *exclude_targets;  /* owned ids */

  gboolean                   windowed;
  StanceTimeUnit             unit;
  guint                      size;
  guint                      step;
  StanceNetworkKernel        kernel;
  gboolean                   indent;

  gboolean                   normalize_scores;
  guint32                    seed;
};

G_END_DECLS
