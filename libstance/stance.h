/* stance.h: the one header to include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __STANCE_INSIDE__

#include "stance-version.h"
#include "stance-version-macros.h"
#include "stance-types.h"
#include "stance-error.h"
#include "stance-time.h"
#include "stance-kind.h"
#include "stance-node.h"
#include "stance-actor.h"
#include "stance-claim.h"
#include "stance-statement.h"
#include "stance-edge.h"
#include "stance-contradiction.h"
#include "stance-contradiction-filter.h"
#include "stance-contradiction-filter-model.h"
#include "stance-camps.h"
#include "stance-graph.h"
#include "stance-importer.h"
#include "stance-exporter.h"
#include "stance-enum-types.h"
#include "stance-network-options.h"
#include "stance-network.h"
#include "stance-polarization.h"

#undef __STANCE_INSIDE__
