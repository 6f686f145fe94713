/* stance-input-private.h: reading a document in bounded memory
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads the document file @filename, never more than
 * STANCE_DOCUMENT_MAX_SIZE bytes (see stance-input.c for what is refused
 * and how).  Errors: GFileError, STANCE_ERROR_LIMIT, G_IO_ERROR_CANCELLED;
 * messages quote the path with _stance_quote(). */
GBytes *_stance_input_read_file   (const char    *filename,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Reads @stream to its end, refusing more than STANCE_DOCUMENT_MAX_SIZE
 * bytes as soon as it has read one byte more. */
GBytes *_stance_input_read_stream (GInputStream  *stream,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
