/* stance-document-jsonl.c: reading the JSON Lines form of a document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The same document as a header line ({"stance": 1, "kinds": […],
 * "meta": {…}}) and then one node a line ({"actor": {…}}, {"claim": {…}}
 * or {"statement": {…}}), for pipelines (doc/document-format.md).  The
 * stream is read a line at a time into a buffer that holds one line, and
 * each line goes through the scanner and the schema of the JSON reader
 * (stance-document-schema.c), so records stream into the store and
 * memory holds the store, one line and the references that point forward.
 * Those are resolved at the end (stance-document-resolve.c), as in a
 * document.  Every error starts with its line: "line 7, column 3: …" for
 * syntax, "line 7: statement.stances[1].target: …" otherwise.
 */

#include "config.h"

#include <string.h>

#include "stance-document-schema-private.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  GByteArray   *buffer;  /* the current line and what was read after it */
  gsize         start;   /* where the next line starts in buffer */
  gboolean      eof;
} LineReader;

/* Finds the next line (without its '\n'): TRUE with it in @line and
 * @length, FALSE at the end (with *error unset) or on error. */
static gboolean
next_line (LineReader    *in,
           guint64        number,
           const guchar **line,
           gsize         *length,
           GError       **error)
{
  gsize scanned = 0;

  for (;;)
    {
      const guchar *begin = in->buffer->data + in->start;
      gsize available = in->buffer->len - in->start;
      const guchar *nl = memchr (begin + scanned, '\n', available - scanned);
      gssize n;

      if (nl != NULL || (in->eof && available > 0))
        {
          *line = begin;
          *length = nl != NULL ? (gsize) (nl - begin) : available;
          in->start += *length + (nl != NULL ? 1 : 0);
          return TRUE;
        }
      if (in->eof)
        return FALSE;

      scanned = available;
      if (available > STANCE_DOCUMENT_MAX_LINE)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": longer than %" G_GSIZE_FORMAT " bytes, the most this library reads",
                       number, STANCE_DOCUMENT_MAX_LINE);
          return FALSE;
        }

      /* Drop the lines already read, then read more. */
      if (in->start > 0)
        {
          g_byte_array_remove_range (in->buffer, 0, in->start);
          in->start = 0;
        }
      if (g_cancellable_set_error_if_cancelled (in->cancellable, error))
        return FALSE;
      g_byte_array_set_size (in->buffer, available + CHUNK_SIZE);
      n = g_input_stream_read (in->stream, in->buffer->data + available, CHUNK_SIZE, in->cancellable, error);
      if (n < 0)
        return FALSE;
      g_byte_array_set_size (in->buffer, available + (gsize) n);
      if (n == 0)
        in->eof = TRUE;
    }
}

static gboolean
is_blank (const guchar *line,
          gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_lines (StanceDocumentReader *r,
            LineReader           *in)
{
  StanceJsonScanner *s = &r->scan;
  const guchar *line = NULL;
  gsize length = 0;
  guint64 number = 0;

  for (;;)
    {
      GError *io_error = NULL;

      if (!next_line (in, number + 1, &line, &length, &io_error))
        {
          if (io_error != NULL)
            {
              g_propagate_error (r->error, io_error);
              return FALSE;
            }
          break;
        }
      number++;
      _stance_json_scanner_reset (s, line, length, number);
      if (!_stance_json_check_encoding (s))
        return FALSE;

      if (number == 1)
        {
          if (!_stance_document_check_version (r) ||
              !_stance_document_read_value (r, STANCE_SCHEMA_HEADER))
            return FALSE;
          continue;
        }

      if (is_blank (line, length))
        return _stance_json_syntax_error (s, 0, "an empty line: JSON Lines has one record a line");
      if (!_stance_document_read_value (r, STANCE_SCHEMA_RECORD))
        return FALSE;
    }

  if (number == 0)
    {
      /* No line at all: the header is missing, as in an empty first line. */
      _stance_json_scanner_reset (s, NULL, 0, 1);
      return _stance_document_check_version (r);
    }

  return TRUE;
}

StanceStore *
_stance_document_read_jsonl (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  StanceDocumentReader r;
  LineReader in = { stream, cancellable, NULL, 0, FALSE };
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in.buffer = g_byte_array_sized_new (CHUNK_SIZE);
  _stance_document_reader_init (&r);
  ok = read_lines (&r, &in);
  g_byte_array_unref (in.buffer);

  return _stance_document_reader_finish (&r, ok, error);
}
