/* stance-types.h: forward declarations shared by the public headers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _StanceGraph         StanceGraph;
typedef struct _StanceNode          StanceNode;
typedef struct _StanceActor         StanceActor;
typedef struct _StanceClaim         StanceClaim;
typedef struct _StanceStatement     StanceStatement;
typedef struct _StanceEdge          StanceEdge;
typedef struct _StanceContradiction StanceContradiction;

G_END_DECLS
