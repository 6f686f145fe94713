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

