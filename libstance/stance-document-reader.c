/* stance-document-reader.c: reading the JSON document format of SPEC §2
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-document-schema-private.h"

/* The loader has its own strict JSON reader instead of JsonParser, which is
 * too lenient for this contract and builds a DOM, too heavy for a million
 * statements: a pull tokenizer (stance-json-scanner.c) feeds the schema's
 * one loop (stance-document-schema.c), which streams records straight into
 * a StanceStore; references are resolved at the end
 * (stance-document-resolve.c).  The order of errors is described in
 * stance-document-schema.c. */

StanceStore *
_stance_document_read (const char  *data,
                       gsize        length,
                       GError     **error)
{
  StanceDocumentReader r;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _stance_document_reader_init (&r);
  _stance_json_scanner_reset (&r.scan, (const guchar *) data, length, 0);

  ok = _stance_json_check_encoding (&r.scan) &&
       _stance_document_check_version (&r) &&
       _stance_document_read_value (&r, STANCE_SCHEMA_DOCUMENT);

  return _stance_document_reader_finish (&r, ok, error);
}

GBytes *
_stance_document_read_stream (GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  const gsize chunk = 64 * 1024;
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_byte_array_sized_new (chunk);
  for (;;)
    {
      gsize before = bytes->len;
      gsize want;
      gssize n;

      /* Not every stream checks it (memory streams do not). */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* Never more than one byte past the limit, which is enough to know. */
      want = MIN (chunk, STANCE_DOCUMENT_MAX_SIZE + 1 - before);
      g_byte_array_set_size (bytes, before + want);
      n = g_input_stream_read (stream, bytes->data + before, want, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (bytes, before + (gsize) n);
      if (n == 0)
        break;

      if (bytes->len > STANCE_DOCUMENT_MAX_SIZE)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                       "document: larger than %" G_GSIZE_FORMAT " bytes, the most this library reads",
                       STANCE_DOCUMENT_MAX_SIZE);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
