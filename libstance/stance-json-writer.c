/* stance-json-writer.c: the one JSON layout the library writes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Appends to a GString with no DOM: documents, contradiction records,
 * networks and tables are written straight from the store.  The layout is
 * Python's json.dumps (indent=2, ensure_ascii=False), which is what lets
 * hand-written documents round-trip byte for byte; see the header.
 */

#include "config.h"

#include <string.h>

#include "stance-gstring-private.h"
#include "stance-json-writer-private.h"

void
_stance_json_writer_init (StanceJsonWriter *w,
                          gsize             reserve,
                          gboolean          compact)
{
  memset (w, 0, sizeof *w);
  w->out = g_string_sized_new (reserve);
  w->first = TRUE;
  w->compact = compact;
}

void
_stance_json_writer_set_flush (StanceJsonWriter    *w,
                               StanceJsonFlushFunc  flush,
                               gpointer             user_data)
{
  w->flush = flush;
  w->flush_data = user_data;
}

gboolean
_stance_json_flush_to_stream (const char  *data,
                              gsize        length,
                              gpointer     user_data,
                              GError     **error)
{
  StanceJsonStream *target = user_data;

  return g_output_stream_write_all (target->stream, data, length, NULL, target->cancellable, error);
}

gboolean
_stance_json_writer_flush (StanceJsonWriter *w,
                           gsize             threshold)
{
  if (w->error != NULL)
    {
      g_string_truncate (w->out, 0);
      return FALSE;
    }
  if (w->flush == NULL || w->out->len == 0 || w->out->len < threshold)
    return TRUE;

  if (!w->flush (w->out->str, w->out->len, w->flush_data, &w->error))
    {
      g_string_truncate (w->out, 0);
      return FALSE;
    }
  g_string_truncate (w->out, 0);

  return TRUE;
}

gboolean
_stance_json_writer_finish (StanceJsonWriter  *w,
                            GError           **error)
{
  gboolean ok = _stance_json_writer_flush (w, 0);

  g_string_free (w->out, TRUE);
  w->out = NULL;
  if (!ok)
    {
      g_propagate_error (error, w->error);
      w->error = NULL;
    }

  return ok;
}

char *
_stance_json_writer_steal (StanceJsonWriter *w,
                           gsize            *length)
{
  if (length != NULL)
    *length = w->out->len;
  g_clear_error (&w->error);

  return g_string_free (g_steal_pointer (&w->out), FALSE);
}

static void
newline (StanceJsonWriter *w)
{
  /* One append for the line break and its indentation, as deep as
   * records go: output of millions of records spends its time here. */
  static const char indented[] = "\n                ";

  if (w->compact)
    return;
  if (w->depth <= (sizeof indented - 2) / 2)
    {
      _stance_gstring_append_len (w->out, indented, 1 + 2 * w->depth);
      return;
    }
  _stance_gstring_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append_len (w->out, "  ", 2);
}

/* Whether any of the 8 bytes of @x needs escaping: below 0x20, '"' or
 * '\\' (the classic tests for a zero or a small byte in a word). */
static inline gboolean
word_needs_escape (guint64 x)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = x ^ (ones * '"');
  guint64 backslash = x ^ (ones * '\\');

  guint64 found = ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);

  return (found & highs) != 0;
}

void
_stance_json_writer_string (StanceJsonWriter *w,
                            const char       *text)
{
  GString *out = w->out;
  const char *run = text;
  const char *end = text + strlen (text);
  const char *p = text;

  _stance_gstring_append_c (out, '"');
  /* Copy runs of plain bytes at once, finding their end a word at a time;
   * escape only what JSON requires. */
  for (;;)
    {
      guchar c;
      const char *escape = NULL;

      for (guint64 x; end - p >= 8 && (memcpy (&x, p, 8), !word_needs_escape (x)); p += 8)
        ;
      while (p < end && (guchar) *p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p == end)
        break;

      c = *p;
      _stance_gstring_append_len (out, run, p - run);
      run = ++p;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
      if (escape != NULL)
        _stance_gstring_append_len (out, escape, 2);
    }
  _stance_gstring_append_len (out, run, end - run);
  _stance_gstring_append_c (out, '"');
}

static void
open_container (StanceJsonWriter *w,
                char              bracket)
{
  _stance_gstring_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
close_container (StanceJsonWriter *w,
                 char              bracket)
{
  w->depth--;
  if (!w->first)
    newline (w);
  _stance_gstring_append_c (w->out, bracket);
  w->first = FALSE;
}

void
_stance_json_writer_begin_object (StanceJsonWriter *w)
{
  open_container (w, '{');
}

void
_stance_json_writer_end_object (StanceJsonWriter *w)
{
  close_container (w, '}');
}

void
_stance_json_writer_begin_array (StanceJsonWriter *w)
{
  open_container (w, '[');
}

void
_stance_json_writer_end_array (StanceJsonWriter *w)
{
  close_container (w, ']');
}

void
_stance_json_writer_item (StanceJsonWriter *w,
                          const char       *name)
{
  if (!w->first)
    _stance_gstring_append_len (w->out, ", ", w->compact ? 2 : 1);
  newline (w);
  w->first = FALSE;
  if (name != NULL)
    {
      _stance_json_writer_string (w, name);
      _stance_gstring_append_len (w->out, ": ", 2);
    }
}

void
_stance_json_writer_member_string (StanceJsonWriter *w,
                                   const char       *name,
                                   const char       *value)
{
  if (value == NULL)
    return;

  _stance_json_writer_item (w, name);
  _stance_json_writer_string (w, value);
}

void
_stance_json_writer_int (StanceJsonWriter *w,
                         gint64            value)
{
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

/* The shortest text that reads back as the same double (so 0.1 stays
 * "0.1", as Python writes it), marked as a fraction so that it reads back
 * as a double at all. */
void
_stance_json_writer_double (StanceJsonWriter *w,
                            double            value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (w->out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (w->out, ".0");
}

void
_stance_json_writer_boolean (StanceJsonWriter *w,
                             gboolean          value)
{
  g_string_append (w->out, value ? "true" : "false");
}

void
_stance_json_writer_null (StanceJsonWriter *w)
{
  g_string_append (w->out, "null");
}

void
_stance_json_writer_end_line (StanceJsonWriter *w)
{
  _stance_gstring_append_c (w->out, '\n');
}

void
_stance_json_writer_node (StanceJsonWriter *w,
                          JsonNode         *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        GList *members = json_object_get_members (object);

        open_container (w, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            _stance_json_writer_item (w, l->data);
            _stance_json_writer_node (w, json_object_get_member (object, l->data));
          }
        close_container (w, '}');
        g_list_free (members);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        open_container (w, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            _stance_json_writer_item (w, NULL);
            _stance_json_writer_node (w, json_array_get_element (array, i));
          }
        close_container (w, ']');
      }
      break;

    case JSON_NODE_NULL:
      _stance_json_writer_null (w);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          _stance_json_writer_int (w, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          _stance_json_writer_double (w, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          _stance_json_writer_boolean (w, json_node_get_boolean (node));
          break;

        case G_TYPE_STRING:
          _stance_json_writer_string (w, json_node_get_string (node));
          break;

        default:
          _stance_json_writer_null (w);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}
