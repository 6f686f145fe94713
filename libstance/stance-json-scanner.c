/* stance-json-scanner.c: the strict pull tokenizer under the document readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See stance-json-scanner-private.h for what it does and does not know.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "stance-gstring-private.h"
#include "stance-json-scanner-private.h"

static const char * const value_kind_names[] = {
  [STANCE_JSON_OBJECT] = "an object",
  [STANCE_JSON_ARRAY] = "an array",
  [STANCE_JSON_STRING] = "a string",
  [STANCE_JSON_NUMBER] = "a number",
  [STANCE_JSON_TRUE] = "a boolean",
  [STANCE_JSON_FALSE] = "a boolean",
  [STANCE_JSON_NULL] = "null",
};

void
_stance_json_scanner_init (StanceJsonScanner  *s,
                           GError            **error)
{
  memset (s, 0, sizeof *s);
  s->error = error;
  s->path = g_string_sized_new (64);
  s->name = g_string_sized_new (32);
  s->buf = g_string_sized_new (256);
  s->stack = g_byte_array_new ();
}

void
_stance_json_scanner_clear (StanceJsonScanner *s)
{
  g_string_free (s->path, TRUE);
  g_string_free (s->name, TRUE);
  g_string_free (s->buf, TRUE);
  g_byte_array_unref (s->stack);
}

void
_stance_json_scanner_reset (StanceJsonScanner *s,
                            const guchar      *data,
                            gsize              length,
                            guint64            line)
{
  static const guchar empty[1] = { 0 };

  s->data = data != NULL ? data : empty;
  s->length = length;
  s->line = line;
  s->pos = 0;
  s->depth = 0;
  s->bad_utf8 = length;
  s->check_strings = TRUE;
  g_string_truncate (s->path, 0);
}

/* Errors */

/* The line and column (both from 1) of @offset.  In a JSON Lines line,
 * s->line is the line's number, and the data holds no newline. */
static void
position_of (StanceJsonScanner *s,
             gsize              offset,
             guint64           *line,
             guint64           *column)
{
  const guchar *p = s->data;
  const guchar *end = s->data + offset;
  const guchar *nl;

  *line = s->line > 0 ? s->line : 1;
  *column = 1;
  if (offset == 0)
    return;

  while ((nl = memchr (p, '\n', end - p)) != NULL)
    {
      (*line)++;
      p = nl + 1;
    }

  /* Columns count characters; the input before any error is valid UTF-8. */
  for (; p < end; p++)
    {
      if ((*p & 0xC0) != 0x80)
        (*column)++;
    }
}

gboolean G_GNUC_PRINTF (4, 5)
_stance_json_error_at (StanceJsonScanner *s,
                       gsize              offset,
                       StanceError        code,
                       const char        *format,
                       ...)
{
  g_autofree char *message = NULL;
  guint64 line, column;
  va_list args;

  if (s->error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (s, offset, &line, &column);
  g_set_error (s->error, STANCE_ERROR, code, "line %" G_GUINT64_FORMAT ", column %" G_GUINT64_FORMAT ": %s",
               line, column, message);

  return FALSE;
}


/* Where a path error is: its path, after "line N: " in a JSON Lines
 * line; "document" for the whole of a document. */
static char *
where (StanceJsonScanner *s)
{
  if (s->line > 0)
    return s->path->len > 0 ? g_strdup_printf ("line %" G_GUINT64_FORMAT ": %s", s->line, s->path->str)
                            : g_strdup_printf ("line %" G_GUINT64_FORMAT, s->line);
  return g_strdup (s->path->len > 0 ? s->path->str : "document");
}

gboolean G_GNUC_PRINTF (3, 4)
_stance_json_path_error (StanceJsonScanner *s,
                         StanceError        code,
                         const char        *format,
                         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *at = NULL;
  va_list args;

  if (s->error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  at = where (s);
  g_set_error (s->error, STANCE_ERROR, code, "%s: %s", at, message);

  return FALSE;
}

/* Prefixes an error from a store or time function with the current path. */
gboolean
_stance_json_path_prefix (StanceJsonScanner *s)
{
  if (s->error != NULL)
    {
      g_autofree char *at = where (s);

      g_prefix_error (s->error, "%s: ", at);
    }
  return FALSE;
}

/* Appends @len bytes of UTF-8 @text for a message: control characters
 * escaped (a member name may hold any), cut at a character boundary after
 * @max bytes. */
void
_stance_json_append_shown (GString    *out,
                           const char *text,
                           gsize       len,
                           gsize       max)
{
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) text[i];
      gsize n = (c < 0x80) ? 1 : (gsize) g_utf8_skip[c];
      gsize run = i;

      /* Printable ASCII at once: every node's path shows its id. */
      while (run < len && run < max && (guchar) text[run] >= 0x20 && (guchar) text[run] < 0x7F)
        run++;
      if (run > i)
        {
          _stance_gstring_append_len (out, text + i, run - i);
          i = run;
          continue;
        }

      if (i >= max)
        {
          g_string_append (out, "…");
          return;
        }
      /* A message must be UTF-8 whatever it quotes: a byte that does not
       * start a whole, valid character within @len is _stance_json_shown as \xNN. */
      if (c >= 0x80 && (n > len - i || !g_utf8_validate (text + i, n, NULL)))
        {
          g_string_append_printf (out, "\\x%02X", c);
          i++;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, text + i, n);
      i += n;
    }
}

char *
_stance_json_shown (const char *text,
                    gsize       len)
{
  GString *out = g_string_sized_new (MIN (len, STANCE_JSON_SHOWN_MAX) + 8);

  _stance_json_append_shown (out, text, len, STANCE_JSON_SHOWN_MAX);
  return g_string_free (out, FALSE);
}

/* Paths */

gsize
_stance_json_path_push_member (StanceJsonScanner *s,
                               const char        *name,
                               gsize              len,
                               gboolean           known)
{
  gsize mark = s->path->len;

  if (s->no_path)
    return mark;
  if (mark > 0)
    _stance_gstring_append_c (s->path, '.');
  if (known)
    _stance_gstring_append_len (s->path, name, len);
  else
    _stance_json_append_shown (s->path, name, len, STANCE_JSON_NAME_SHOWN_MAX);

  return mark;
}

static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  int n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    _stance_gstring_append_c (out, digits[--n]);
}

gsize
_stance_json_path_push_index (StanceJsonScanner *s,
                              guint              index)
{
  gsize mark = s->path->len;

  if (s->no_path)
    return mark;
  _stance_gstring_append_c (s->path, '[');
  append_uint (s->path, index);
  _stance_gstring_append_c (s->path, ']');

  return mark;
}

void
_stance_json_path_pop (StanceJsonScanner *s,
                       gsize              mark)
{
  _stance_gstring_truncate (s->path, mark);
}

/* Encoding: the whole input is checked before anything else reads it. */

/* Returns the offset of the first byte that does not start a well-formed
 * UTF-8 sequence (RFC 3629: no overlong forms, surrogates or code points
 * beyond U+10FFFF), or @len if there is none.  NUL is valid UTF-8: JSON
 * rejects it in its own terms. */
static gsize
utf8_check (const guchar *s,
            gsize         len)
{
  gsize i = 0;

  while (i < len)
    {
      guchar c;

      if (len - i >= 8)
        {
          guint64 word;

          memcpy (&word, s + i, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              i += 8;
              continue;
            }
        }

      c = s[i];
      if (c < 0x80)
        {
          i++;
        }
      else if (c < 0xC2)
        {
          return i;
        }
      else if (c < 0xE0)
        {
          if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80)
            return i;
          i += 2;
        }
      else if (c < 0xF0)
        {
          if (i + 2 >= len ||
              (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
              (c == 0xE0 && s[i + 1] < 0xA0) ||
              (c == 0xED && s[i + 1] > 0x9F))
            return i;
          i += 3;
        }
      else if (c < 0xF5)
        {
          if (i + 3 >= len ||
              (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80 ||
              (c == 0xF0 && s[i + 1] < 0x90) ||
              (c == 0xF4 && s[i + 1] > 0x8F))
            return i;
          i += 4;
        }
      else
        {
          return i;
        }
    }

  return len;
}

gboolean
_stance_json_check_encoding (StanceJsonScanner *s)
{
  gsize bad;

  if (s->length >= 3 && s->data[0] == 0xEF && s->data[1] == 0xBB && s->data[2] == 0xBF)
    return _stance_json_error_at (s, 0, STANCE_ERROR_ENCODING,
                     "byte order mark at the start: save the document as UTF-8 without a BOM");

  bad = utf8_check (s->data, s->length);
  s->bad_utf8 = bad;

  return TRUE;
}

/* Tokens */

void
_stance_json_skip_ws (StanceJsonScanner *s)
{
  const guchar *d = s->data;
  gsize pos = s->pos, len = s->length;

  /* In locals: the bytes read could alias the scanner's fields, which the
   * compiler would then read again at every byte. */
  while (pos < len && (d[pos] == ' ' || d[pos] == '\n' || d[pos] == '\r' || d[pos] == '\t'))
    pos++;
  s->pos = pos;
}

/* Reports the end of the input where more must come. */
static gboolean
at_end (StanceJsonScanner *s)
{
  if (s->pos < s->length)
    return FALSE;
  _stance_json_syntax_error (s, s->pos, "unexpected end of input");
  return TRUE;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (StanceJsonScanner *s,
           gsize              at,
           gunichar          *out)
{
  gunichar value = 0;

  if (at + 4 > s->length)
    return FALSE;

  for (gsize i = at; i < at + 4; i++)
    {
      int h = hex_value (s->data[i]);

      if (h < 0)
        return FALSE;
      value = value * 16 + (gunichar) h;
    }

  *out = value;
  return TRUE;
}

/* The bytes that end a run of a string's plain bytes: the quote, the
 * backslash and the control characters.  A table, one load per byte,
 * instead of three comparisons. */
static const guint8 string_stops[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
  [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1,
  [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
  [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
  ['"'] = 1, ['\\'] = 1,
};

/* Reads the string token at s->pos (its opening quote), decoding it into
 * @out unless that is NULL.  Sets s->has_nul when it holds U+0000. */
gboolean
_stance_json_scan_string (StanceJsonScanner *s,
                          GString           *out)
{
  const guchar *d = s->data;
  gsize len = s->length;
  gsize start = s->pos;
  gsize i = start + 1;

  s->has_nul = FALSE;
  if (out != NULL)
    _stance_gstring_truncate (out, 0);

  for (;;)
    {
      gsize run = i;
      gunichar cp;

      while (i < len && !string_stops[d[i]])
        i++;
      if (out != NULL && i > run)
        _stance_gstring_append_len (out, (const char *) d + run, i - run);

      if (i >= len)
        return _stance_json_syntax_error (s, start, "unterminated string");
      if (d[i] == '"')
        {
          s->pos = i + 1;
          if (s->check_strings && s->bad_utf8 > start && s->bad_utf8 < i)
            {
              guint64 line, column;

              position_of (s, s->bad_utf8, &line, &column);
              return _stance_json_path_error (s, STANCE_ERROR_ENCODING,
                                              "invalid UTF-8 at line %" G_GUINT64_FORMAT ", column %" G_GUINT64_FORMAT,
                                              line, column);
            }
          return TRUE;
        }
      if (d[i] < 0x20)
        return _stance_json_syntax_error (s, i, "unescaped control character in a string");

      /* A backslash */
      if (i + 1 >= len)
        return _stance_json_syntax_error (s, start, "unterminated string");

      switch (d[i + 1])
        {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
          if (!read_hex4 (s, i + 2, &cp))
            return _stance_json_syntax_error (s, i, "invalid \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF)
            {
              gunichar low;

              if (i + 7 < len && d[i + 6] == '\\' && d[i + 7] == 'u' &&
                  read_hex4 (s, i + 8, &low) && low >= 0xDC00 && low <= 0xDFFF)
                {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                  i += 6;
                }
              else
                return _stance_json_syntax_error (s, i, "invalid \\u escape");
            }
          else if (cp >= 0xDC00 && cp <= 0xDFFF)
            return _stance_json_syntax_error (s, i, "invalid \\u escape");

          if (cp == 0)
            s->has_nul = TRUE;
          if (out != NULL)
            {
              if (cp == 0)
                _stance_gstring_append_c (out, '\0');
              else
                g_string_append_unichar (out, cp);
            }
          i += 6;
          continue;
        default:
          if (d[i + 1] < 0x20)
            return _stance_json_syntax_error (s, i + 1, "unescaped control character in a string");
          {
            /* Quote the character after the backslash: one whole UTF-8
             * character within the input, or the lone byte, which
             * _stance_json_shown() writes as \xNN. */
            gsize n = d[i + 1] < 0x80 ? 1 : (gsize) g_utf8_skip[d[i + 1]];
            g_autofree char *what = NULL;

            if (n > len - (i + 1) || !g_utf8_validate ((const char *) d + i + 1, n, NULL))
              n = 1;
            what = _stance_json_shown ((const char *) d + i + 1, n);
            return _stance_json_syntax_error (s, i, "invalid escape '\\%s' in a string", what);
          }
        }

      if (out != NULL)
        _stance_gstring_append_c (out, (char) cp);
      i += 2;
    }
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

/* Reads the number token at s->pos.  The token is taken to be the whole
 * run of characters that can belong to a number or a word, so that `01`,
 * `1.` or `0x10` are one invalid number rather than a number and then
 * something unexpected. */
static gboolean
scan_number (StanceJsonScanner *s)
{
  const guchar *d = s->data;
  gsize start = s->pos;
  gsize end = start;
  gsize i = start;
  gboolean is_int = TRUE;

  while (end < s->length &&
         (g_ascii_isalnum (d[end]) || d[end] == '.' || d[end] == '+' || d[end] == '-' || d[end] == '_'))
    end++;

  if (i < end && d[i] == '-')
    i++;
  if (i < end && d[i] == '0')
    i++;
  else if (i < end && d[i] >= '1' && d[i] <= '9')
    while (i < end && is_digit (d[i]))
      i++;
  else
    goto bad;

  if (i < end && d[i] == '.')
    {
      i++;
      is_int = FALSE;
      if (i >= end || !is_digit (d[i]))
        goto bad;
      while (i < end && is_digit (d[i]))
        i++;
    }

  if (i < end && (d[i] == 'e' || d[i] == 'E'))
    {
      i++;
      is_int = FALSE;
      if (i < end && (d[i] == '+' || d[i] == '-'))
        i++;
      if (i >= end || !is_digit (d[i]))
        goto bad;
      while (i < end && is_digit (d[i]))
        i++;
    }

  if (i != end)
    goto bad;

  s->number_start = start;
  s->number_end = end;
  s->number_is_int = is_int;
  s->pos = end;
  return TRUE;

bad:
  return _stance_json_syntax_error (s, start, "invalid number");
}

static gboolean
word_is (const guchar *word,
         gsize         len,
         const char   *literal)
{
  return len == strlen (literal) && memcmp (word, literal, len) == 0;
}

static gboolean
scan_literal (StanceJsonScanner   *s,
              StanceJsonValueKind *kind)
{
  const guchar *d = s->data;
  gsize start = s->pos;
  gsize end = start;

  while (end < s->length && (g_ascii_isalnum (d[end]) || d[end] == '_'))
    end++;

  if (word_is (d + start, end - start, "true"))
    *kind = STANCE_JSON_TRUE;
  else if (word_is (d + start, end - start, "false"))
    *kind = STANCE_JSON_FALSE;
  else if (word_is (d + start, end - start, "null"))
    *kind = STANCE_JSON_NULL;
  else if (word_is (d + start, end - start, "NaN") || word_is (d + start, end - start, "Infinity"))
    return _stance_json_syntax_error (s, start, "invalid number");
  else
    return _stance_json_syntax_error (s, start, "invalid literal");

  s->pos = end;
  return TRUE;
}

/* Looks at the next value.  A number or a literal is read whole (its
 * syntax checked); an object, an array or a string is left at s->pos for
 * the caller. */
gboolean
_stance_json_value_begin (StanceJsonScanner   *s,
                          StanceJsonValueKind *kind)
{
  guchar c;

  _stance_json_skip_ws (s);
  if (at_end (s))
    return FALSE;

  c = s->data[s->pos];
  if (c == '{')
    *kind = STANCE_JSON_OBJECT;
  else if (c == '[')
    *kind = STANCE_JSON_ARRAY;
  else if (c == '"')
    *kind = STANCE_JSON_STRING;
  else if (is_digit (c) || c == '-' || c == '+' || c == '.')
    {
      *kind = STANCE_JSON_NUMBER;
      return scan_number (s);
    }
  else if (g_ascii_isalpha (c))
    return scan_literal (s, kind);
  else
    return _stance_json_syntax_error (s, s->pos, "expected a value");

  return TRUE;
}

/* Containers.  s->pos is at '{' or '['. */
gboolean
_stance_json_enter (StanceJsonScanner *s)
{
  if (s->depth >= STANCE_DOCUMENT_MAX_DEPTH)
    return _stance_json_path_error (s, STANCE_ERROR_LIMIT, "nesting deeper than %d levels", STANCE_DOCUMENT_MAX_DEPTH);

  s->depth++;
  s->pos++;
  return TRUE;
}

/* Moves to the next member of an object: 1 with its name in s->name and
 * s->pos after the ':', 0 after the closing '}', -1 on error. */
int
_stance_json_object_next (StanceJsonScanner *s,
                          gboolean          *first)
{
  _stance_json_skip_ws (s);
  if (at_end (s))
    return -1;

  /* '}' ends the object, whether empty or after a member. */
  if (s->data[s->pos] == '}')
    {
      s->pos++;
      s->depth--;
      return 0;
    }

  if (!*first)
    {
      if (s->data[s->pos] != ',')
        {
          _stance_json_syntax_error (s, s->pos, "expected ',' or '}' after a member");
          return -1;
        }
      s->pos++;
      _stance_json_skip_ws (s);
      if (at_end (s))
        return -1;
    }
  *first = FALSE;

  if (s->data[s->pos] != '"')
    {
      _stance_json_syntax_error (s, s->pos, "expected a member name (a string)");
      return -1;
    }
  if (!_stance_json_scan_string (s, s->name))
    return -1;

  _stance_json_skip_ws (s);
  if (at_end (s))
    return -1;
  if (s->data[s->pos] != ':')
    {
      _stance_json_syntax_error (s, s->pos, "expected ':' after a member name");
      return -1;
    }
  s->pos++;

  return 1;
}

/* Moves to the next element of an array: 1 with s->pos at the element, 0
 * after the closing ']', -1 on error. */
int
_stance_json_array_next (StanceJsonScanner *s,
                         gboolean          *first)
{
  _stance_json_skip_ws (s);
  if (at_end (s))
    return -1;

  if (*first)
    {
      *first = FALSE;
      if (s->data[s->pos] == ']')
        {
          s->pos++;
          s->depth--;
          return 0;
        }
      return 1;
    }

  if (s->data[s->pos] == ']')
    {
      s->pos++;
      s->depth--;
      return 0;
    }
  if (s->data[s->pos] != ',')
    {
      _stance_json_syntax_error (s, s->pos, "expected ',' or ']' after an element");
      return -1;
    }
  s->pos++;

  return 1;
}

/* Skips a value without building anything and without recursion (open
 * containers are kept in s->stack, one byte each), checking its syntax.
 * Only the version pre-scan skips values. */
gboolean
_stance_json_skim_value (StanceJsonScanner *s)
{
  GByteArray *stack = s->stack;
  StanceJsonValueKind kind;

  g_byte_array_set_size (stack, 0);

value:
  if (!_stance_json_value_begin (s, &kind))
    return FALSE;
  if (kind == STANCE_JSON_STRING)
    {
      if (!_stance_json_scan_string (s, NULL))
        return FALSE;
    }
  else if (kind == STANCE_JSON_OBJECT || kind == STANCE_JSON_ARRAY)
    {
      guint8 k = (guint8) kind;

      s->pos++;
      g_byte_array_append (stack, &k, 1);
      _stance_json_skip_ws (s);
      if (s->pos < s->length && s->data[s->pos] == (kind == STANCE_JSON_OBJECT ? '}' : ']'))
        {
          s->pos++;
          g_byte_array_set_size (stack, stack->len - 1);
        }
      else if (kind == STANCE_JSON_OBJECT)
        goto name;
      else
        goto value;
    }
  goto after;

name:
  _stance_json_skip_ws (s);
  if (at_end (s))
    return FALSE;
  if (s->data[s->pos] != '"')
    return _stance_json_syntax_error (s, s->pos, "expected a member name (a string)");
  if (!_stance_json_scan_string (s, NULL))
    return FALSE;
  _stance_json_skip_ws (s);
  if (at_end (s))
    return FALSE;
  if (s->data[s->pos] != ':')
    return _stance_json_syntax_error (s, s->pos, "expected ':' after a member name");
  s->pos++;
  goto value;

after:
  while (stack->len > 0)
    {
      gboolean in_object = stack->data[stack->len - 1] == STANCE_JSON_OBJECT;

      _stance_json_skip_ws (s);
      if (at_end (s))
        return FALSE;
      if (s->data[s->pos] == ',')
        {
          s->pos++;
          if (in_object)
            goto name;
          goto value;
        }
      if (s->data[s->pos] != (in_object ? '}' : ']'))
        return _stance_json_syntax_error (s, s->pos, in_object ? "expected ',' or '}' after a member"
                                                  : "expected ',' or ']' after an element");
      s->pos++;
      g_byte_array_set_size (stack, stack->len - 1);
    }

  return TRUE;
}

/* Values */

gboolean
_stance_json_type_error (StanceJsonScanner   *s,
                         const char          *expected,
                         StanceJsonValueKind  kind)
{
  /* A string is read first, so that a malformed one is a syntax error. */
  if (kind == STANCE_JSON_STRING && !_stance_json_scan_string (s, NULL))
    return FALSE;

  return _stance_json_path_error (s, STANCE_ERROR_TYPE, "expected %s, got %s", expected, value_kind_names[kind]);
}

/* Reads a string value into @out (or only checks it when @out is NULL),
 * giving the offset of its token in @offset: 1 when read, 0 for null, -1
 * on error. */
int
_stance_json_read_string (StanceJsonScanner *s,
                          GString           *out,
                          gsize             *offset)
{
  StanceJsonValueKind kind;

  if (!_stance_json_value_begin (s, &kind))
    return -1;
  if (kind == STANCE_JSON_NULL)
    return 0;
  if (kind != STANCE_JSON_STRING)
    {
      _stance_json_type_error (s, "a string", kind);
      return -1;
    }

  if (offset != NULL)
    *offset = s->pos;
  if (!_stance_json_scan_string (s, out))
    return -1;
  if (s->has_nul)
    {
      _stance_json_path_error (s, STANCE_ERROR_ENCODING, "a string contains a NUL character");
      return -1;
    }

  return 1;
}

/* Meta values.  The recursion is bounded by STANCE_DOCUMENT_MAX_DEPTH. */

static JsonNode *read_meta_value (StanceJsonScanner   *s,
                                  StanceJsonValueKind  kind);

static JsonNode *
read_meta_number (StanceJsonScanner *s)
{
  JsonNode *node;
  char *end = NULL;

  g_string_truncate (s->buf, 0);
  g_string_append_len (s->buf, (const char *) s->data + s->number_start, s->number_end - s->number_start);

  if (s->number_is_int)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (s->buf->str, &end, 10);
      if (errno == ERANGE)
        {
          _stance_json_path_error (s, STANCE_ERROR_INVALID_VALUE, "number out of range");
          return NULL;
        }
      node = json_node_init_int (json_node_alloc (), value);
    }
  else
    {
      double value = g_ascii_strtod (s->buf->str, &end);

      if (!isfinite (value))
        {
          _stance_json_path_error (s, STANCE_ERROR_INVALID_VALUE, "number out of range");
          return NULL;
        }
      node = json_node_init_double (json_node_alloc (), value);
    }

  return node;
}

static JsonNode *
read_meta_object (StanceJsonScanner *s)
{
  g_autoptr(JsonObject) object = NULL;
  gboolean first = TRUE;
  int more;

  if (!_stance_json_enter (s))
    return NULL;

  object = json_object_new ();
  while ((more = _stance_json_object_next (s, &first)) > 0)
    {
      g_autofree char *key = NULL;
      gsize mark = _stance_json_path_push_member (s, s->name->str, s->name->len, FALSE);
      JsonNode *value;
      StanceJsonValueKind kind;

      if (s->has_nul)
        {
          _stance_json_path_error (s, STANCE_ERROR_ENCODING, "a string contains a NUL character");
          return NULL;
        }
      if (json_object_has_member (object, s->name->str))
        {
          _stance_json_path_error (s, STANCE_ERROR_INVALID_VALUE, "duplicate member");
          return NULL;
        }

      key = g_strndup (s->name->str, s->name->len);
      if (!_stance_json_value_begin (s, &kind))
        return NULL;
      value = read_meta_value (s, kind);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, key, value);
      _stance_json_path_pop (s, mark);
    }
  if (more < 0)
    return NULL;

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
read_meta_array (StanceJsonScanner *s)
{
  g_autoptr(JsonArray) array = NULL;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  if (!_stance_json_enter (s))
    return NULL;

  array = json_array_new ();
  while ((more = _stance_json_array_next (s, &first)) > 0)
    {
      gsize mark = _stance_json_path_push_index (s, index++);
      JsonNode *value;
      StanceJsonValueKind kind;

      if (!_stance_json_value_begin (s, &kind))
        return NULL;
      value = read_meta_value (s, kind);
      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      _stance_json_path_pop (s, mark);
    }
  if (more < 0)
    return NULL;

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
read_meta_value (StanceJsonScanner   *s,
                 StanceJsonValueKind  kind)
{
  switch (kind)
    {
    case STANCE_JSON_OBJECT:
      return read_meta_object (s);
    case STANCE_JSON_ARRAY:
      return read_meta_array (s);
    case STANCE_JSON_STRING:
      if (!_stance_json_scan_string (s, s->buf))
        return NULL;
      if (s->has_nul)
        {
          _stance_json_path_error (s, STANCE_ERROR_ENCODING, "a string contains a NUL character");
          return NULL;
        }
      return json_node_init_string (json_node_alloc (), s->buf->str);
    case STANCE_JSON_NUMBER:
      return read_meta_number (s);
    case STANCE_JSON_TRUE:
    case STANCE_JSON_FALSE:
      return json_node_init_boolean (json_node_alloc (), kind == STANCE_JSON_TRUE);
    case STANCE_JSON_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* Reads a `meta` member into *@out: absent when null, else an object. */
gboolean
_stance_json_read_meta (StanceJsonScanner  *s,
                        JsonNode          **out)
{
  StanceJsonValueKind kind;

  if (!_stance_json_value_begin (s, &kind))
    return FALSE;
  if (kind == STANCE_JSON_NULL)
    return TRUE;
  if (kind != STANCE_JSON_OBJECT)
    return _stance_json_type_error (s, "an object", kind);

  *out = read_meta_object (s);
  return *out != NULL;
}

/* Members of the format's objects */
