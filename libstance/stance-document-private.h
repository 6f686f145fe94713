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

/* How the statements array of a document is read: by default
 * (STANCE_DOCUMENT_READ_AUTO) with the store's work in a second thread when
 * the document is big and the machine has two cores
 * (stance-document-ahead.c); always so, or never, for the tests and the
 * fuzzers, which check that both ways give the same store or error. */
typedef enum {
  STANCE_DOCUMENT_READ_AUTO,
  STANCE_DOCUMENT_READ_SERIAL,
  STANCE_DOCUMENT_READ_AHEAD,
} StanceDocumentReadMode;

StanceStore *_stance_document_read_with   (const char              *data,
                                           gsize                    length,
                                           StanceDocumentReadMode   mode,
                                           GError                 **error);

/* Writes @store as a document (stance-document-writer.c): members in the
 * format's order, arrays in graph order, two-space indentation. */
char        *_stance_document_write       (StanceStore    *store,
                                           gsize          *length);

/* JSON Lines (stance-document-jsonl.c, stance-document-writer.c): the same
 * document as a header line and then one node a line.  The reader reads
 * @stream a line at a time (a line may not be longer than
 * STANCE_DOCUMENT_MAX_LINE bytes) and holds only the store it builds. */
#define STANCE_DOCUMENT_MAX_LINE ((gsize) 256 * 1024 * 1024)

StanceStore *_stance_document_read_jsonl  (GInputStream   *stream,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean     _stance_document_write_jsonl (StanceStore    *store,
                                           GOutputStream  *stream,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* The whole JSON Lines document in memory, for the asynchronous save. */
char        *_stance_document_write_jsonl_data (StanceStore *store,
                                                gsize       *length);
/* Whether a file name says JSON Lines: it ends in ".jsonl". */
gboolean     _stance_document_is_jsonl_name (const char   *filename);

G_END_DECLS
