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
_stance_document_read_with (const char              *data,
                            gsize                    length,
                            StanceDocumentReadMode   mode,
                            GError                 **error)
{
  StanceDocumentReader r;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _stance_document_reader_init (&r);
  r.mode = mode;
  _stance_json_scanner_reset (&r.scan, (const guchar *) data, length, 0);

  ok = _stance_json_check_encoding (&r.scan) &&
       _stance_document_check_version (&r) &&
       _stance_document_read_value (&r, STANCE_SCHEMA_DOCUMENT);

  if (!ok && r.read_again)
    {
      /* An error met while the store's work was in a thread of its own
       * (stance-document-ahead.c): which one comes first in the document,
       * and where, only a reading in one thread says. */
      _stance_store_free (_stance_document_reader_finish (&r, FALSE, NULL));
      return _stance_document_read_with (data, length, STANCE_DOCUMENT_READ_SERIAL, error);
    }

  return _stance_document_reader_finish (&r, ok, error);
}

StanceStore *
_stance_document_read (const char  *data,
                       gsize        length,
                       GError     **error)
{
  return _stance_document_read_with (data, length, STANCE_DOCUMENT_READ_AUTO, error);
}
