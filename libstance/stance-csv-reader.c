/* stance-csv-reader.c: RFC 4180 CSV and plain TSV, one record at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The importers of tables (csv, dna's CSV export, events) read through this
 * reader, so that a table of any length costs one record of memory.  It
 * takes what spreadsheets write: a UTF-8 byte-order mark, CRLF or LF line
 * ends, quoted fields with "" for a quote and line breaks inside; an
 * unterminated quote, a quote in the middle of an unquoted field, a record
 * beyond STANCE_CSV_MAX_RECORD and invalid UTF-8 are errors with their row
 * and column.
 */

#include "config.h"

#include <string.h>

#include "stance-importer-private.h"

#define STANCE_CSV_MAX_RECORD (16 * 1024 * 1024)

struct _StanceCsvReader
{
  GInputStream *stream;
  char          delimiter;
  gboolean      quotes;
  guint8        buffer[65536];
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      started;    /* the byte-order mark has been looked for */
  guint64       line;       /* the current line, 1-based */
  guint64       row;        /* the line where the last record began */
  GString      *text;       /* the record's fields, each NUL-terminated */
  GArray       *offsets;    /* gsize: where each field begins in text */
  GPtrArray    *fields;     /* pointers into text */
};

StanceCsvReader *
_stance_csv_reader_new (GInputStream *stream,
                        char          delimiter,
                        gboolean      quotes)
{
  StanceCsvReader *r = g_new0 (StanceCsvReader, 1);

  r->stream = g_object_ref (stream);
  r->delimiter = delimiter;
  r->quotes = quotes;
  r->line = 1;
  r->text = g_string_new (NULL);
  r->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->fields = g_ptr_array_new ();
  return r;
}

void
_stance_csv_reader_free (StanceCsvReader *r)
{
  if (r == NULL)
    return;
  g_object_unref (r->stream);
  g_string_free (r->text, TRUE);
  g_array_unref (r->offsets);
  g_ptr_array_unref (r->fields);
  g_free (r);
}

guint64
_stance_csv_reader_row (StanceCsvReader *r)
{
  return r->row;
}

/* The next byte, or -1 at the end of the input or on an error. */
static int
next_byte (StanceCsvReader  *r,
           GCancellable     *cancellable,
           GError          **error)
{
  if (r->pos == r->len)
    {
      gssize n;

      if (r->eof)
        return -1;
      n = g_input_stream_read (r->stream, r->buffer, sizeof r->buffer, cancellable, error);
      if (n <= 0)
        {
          r->eof = TRUE;
          return -1;
        }
      r->pos = 0;
      r->len = n;
    }
  return r->buffer[r->pos++];
}

static int
peek_byte (StanceCsvReader  *r,
           GCancellable     *cancellable,
           GError          **error)
{
  int c = next_byte (r, cancellable, error);

  if (c >= 0)
    r->pos--;
  return c;
}

static void
end_field (StanceCsvReader *r)
{
  g_string_append_c (r->text, '\0');
}

static void
start_field (StanceCsvReader *r)
{
  gsize at = r->text->len;

  g_array_append_val (r->offsets, at);
}

static gboolean
fail (StanceCsvReader  *r,
      GError          **error,
      int               code,
      const char       *message)
{
  g_set_error (error, STANCE_ERROR, code, "row %" G_GUINT64_FORMAT ", column %u: %s",
               r->row, r->offsets->len, message);
  return FALSE;
}

gboolean
_stance_csv_reader_next (StanceCsvReader  *r,
                         GPtrArray       **fields,
                         GCancellable     *cancellable,
                         GError          **error)
{
  GError *local = NULL;
  int c;

  if (!r->started)
    {
      r->started = TRUE;
      if (peek_byte (r, cancellable, &local) == 0xEF && r->len - r->pos >= 3 &&
          memcmp (r->buffer + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    }

  for (;;)
    {
      gboolean quoted = FALSE, was_quoted = FALSE;

      g_string_truncate (r->text, 0);
      g_array_set_size (r->offsets, 0);
      g_ptr_array_set_size (r->fields, 0);
      r->row = r->line;

      c = next_byte (r, cancellable, &local);
      if (c < 0)
        {
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          *fields = NULL;
          return FALSE;
        }
      /* An empty line is no record. */
      if (c == '\n' || (c == '\r' && peek_byte (r, cancellable, &local) == '\n'))
        {
          if (c == '\r')
            next_byte (r, cancellable, &local);
          r->line++;
          continue;
        }

      start_field (r);
      for (;; c = next_byte (r, cancellable, &local))
        {
          if (c < 0)
            {
              if (local != NULL)
                {
                  g_propagate_error (error, local);
                  return FALSE;
                }
              if (quoted)
                return fail (r, error, STANCE_ERROR_SYNTAX, "a quoted field is not closed at the end of the input");
              break;
            }
          if (r->text->len > STANCE_CSV_MAX_RECORD)
            return fail (r, error, STANCE_ERROR_LIMIT, "the record is longer than 16 MiB");
          if (quoted)
            {
              if (c == '"')
                {
                  if (peek_byte (r, cancellable, &local) == '"')
                    {
                      next_byte (r, cancellable, &local);
                      g_string_append_c (r->text, '"');
                    }
                  else
                    quoted = FALSE;
                  continue;
                }
              if (c == '\n')
                r->line++;
              if (c == '\0')
                return fail (r, error, STANCE_ERROR_ENCODING, "a NUL byte");
              g_string_append_c (r->text, c);
              continue;
            }
          if (c == r->delimiter)
            {
              end_field (r);
              start_field (r);
              was_quoted = FALSE;
              continue;
            }
          if (c == '\n' || (c == '\r' && peek_byte (r, cancellable, &local) == '\n'))
            {
              if (c == '\r')
                next_byte (r, cancellable, &local);
              r->line++;
              break;
            }
          if (c == '"' && r->quotes)
            {
              gsize start = g_array_index (r->offsets, gsize, r->offsets->len - 1);

              if (r->text->len != start || was_quoted)
                return fail (r, error, STANCE_ERROR_SYNTAX,
                             "a quote inside an unquoted field (quote the whole field and double the quote)");
              quoted = was_quoted = TRUE;
              continue;
            }
          if (was_quoted)
            return fail (r, error, STANCE_ERROR_SYNTAX, "text after the closing quote of a field");
          if (c == '\0')
            return fail (r, error, STANCE_ERROR_ENCODING, "a NUL byte");
          g_string_append_c (r->text, c);
        }
      end_field (r);
      break;
    }

  for (guint i = 0; i < r->offsets->len; i++)
    {
      const char *field = r->text->str + g_array_index (r->offsets, gsize, i);
      const char *bad;

      if (!g_utf8_validate (field, -1, &bad))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING,
                       "row %" G_GUINT64_FORMAT ", column %u: not valid UTF-8 (byte %" G_GSIZE_FORMAT " of the field)",
                       r->row, i + 1, (gsize) (bad - field) + 1);
          return FALSE;
        }
      g_ptr_array_add (r->fields, (gpointer) field);
    }
  *fields = r->fields;
  return TRUE;
}

int
_stance_csv_find_column (GPtrArray  *header,
                         const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (strcmp (header->pdata[i], name) == 0)
      return i;
  for (guint i = 0; i < header->len; i++)
    if (g_ascii_strcasecmp (header->pdata[i], name) == 0)
      return i;
  return -1;
}

GPtrArray *
_stance_csv_reader_header (StanceCsvReader  *reader,
                           GCancellable     *cancellable,
                           GError          **error)
{
  GPtrArray *row, *header;
  GError *local = NULL;

  if (!_stance_csv_reader_next (reader, &row, cancellable, &local))
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "row 1: no header row");
      return NULL;
    }
  header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < row->len; i++)
    g_ptr_array_add (header, g_strdup (row->pdata[i]));
  return header;
}

void
_stance_csv_append_field (GString    *out,
                          const char *text)
{
  if (text[strcspn (text, ",\"\r\n")] == '\0')
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
