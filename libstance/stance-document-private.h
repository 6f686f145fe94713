/* stance-document-private.h: the JSON document format of SPEC §2
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stance-limits-private.h"
#include "stance-store-private.h"

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects a document may have (meta
 * included): the graph's limit (stance-limits-private.h). */
#define STANCE_DOCUMENT_MAX_DEPTH STANCE_LIMIT_MAX_DEPTH

/* The largest document read from a stream into memory, in bytes: a
 * GByteArray's length is a guint.  Documents in memory and files have no
 * limit but the machine's memory: references are not byte offsets. */
#define STANCE_DOCUMENT_MAX_SIZE ((gsize) G_MAXUINT32 - 1)

/* Reads and checks a whole document into a new store (stance-document-reader.c).
 * Nothing is shared with any graph, so this may run in a worker thread.  On
 * error returns NULL with a STANCE_ERROR that says where. */
StanceStore *_stance_document_read        (const char     *data,
                                           gsize           length,
                                           GError        **error);

/* Writes @store as a document (stance-document-writer.c): members in the
 * format's order, arrays in graph order, two-space indentation. */
char        *_stance_document_write       (StanceStore    *store,
                                           gsize          *length);

G_END_DECLS
