/* stance-contradiction-writer-private.h: records written as they are found
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-contradiction-filter.h"
#include "stance-finder-private.h"
#include "stance-json-writer-private.h"

G_BEGIN_DECLS

/* Writes the records that @filter keeps in @format, in the order of SPEC
 * §4, handing the text to @flush in pieces of about 64 KiB: memory holds
 * one target's records of one kind, never all of them.  Sets *@n_written
 * to the number of records. */
gboolean _stance_write_contradictions (StanceStore               *store,
                                       StanceActIndex            *index,
                                       const StanceFindingFilter *filter,
                                       StanceContradictionFormat  format,
                                       StanceJsonFlushFunc        flush,
                                       gpointer                   flush_data,
                                       guint64                   *n_written,
                                       GError                   **error);

/* Counts the records that @filter keeps, by kind, without sorting them or
 * making anything for them. */
void     _stance_count_contradictions (StanceStore               *store,
                                       StanceActIndex            *index,
                                       const StanceFindingFilter *filter,
                                       guint64                    counts[4]);

G_END_DECLS
