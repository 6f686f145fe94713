/* stance-document-reader.c: reading the JSON document format of SPEC §2
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "stance-document-private.h"
#include "stance-error.h"

/* The loader has its own strict JSON reader instead of JsonParser, which is
 * too lenient for this contract (duplicate members, 1e400, big integers,
 * strings cut at \u0000 and 01 all pass it) and builds a DOM, too heavy for
 * a million statements.  A pull tokenizer feeds a recursive-descent reader
 * that streams records straight into a StanceStore; json-glib is only the
 * data model of `meta` values.
 *
 * The order in which errors are found, so that one input always gives the
 * same error:
 *
 *  1. a byte order mark.  Invalid UTF-8 is found up front too, but
 *     reported where the reading meets it: in a string, by the string's
 *     path (SPEC §2 locates all but syntax errors by path); elsewhere, as
 *     the syntax error it is;
 *  2. the version: a pre-scan skims the top-level object, without
 *     recursion, up to its `stance` member.  Syntax errors met on the way
 *     are reported as such; when there is no `stance` member, the whole
 *     document has been skimmed, so a missing version is only reported for
 *     well-formed JSON;
 *  3. the members in document order: syntax, types, unknown and duplicate
 *     members, ids (empty or duplicate), times, kind declarations, meta
 *     values, depth.  A missing required member is reported when its
 *     object closes;
 *  4. references (speaker, holder, target, reports, part_of, member_of and
 *     stance kinds), resolved after the whole document has been read, since
 *     they may point forward and `kinds` may follow `statements`.  The one
 *     reported is the first in document order;
 *  5. part_of and reports cycles: the cycle of the first node in document
 *     order that lies on one, in the top-level array that comes first.
 *
 * While streaming, every reference is kept as the byte offset of its string
 * token in the input (documents are smaller than 2 GiB, so an offset fits
 * the record's 32-bit link, and it is never 0 because a document starts
 * with '{').  Resolution decodes the token again and patches the link in
 * place, so references cost no memory beyond their records. */

/* How many bytes of a value, or of a member name, a message quotes. */
#define SHOWN_MAX       40
#define NAME_SHOWN_MAX  100
/* How many nodes of a cycle a message names. */
#define CYCLE_SHOWN_MAX 10

typedef enum {
  VALUE_OBJECT,
  VALUE_ARRAY,
  VALUE_STRING,
  VALUE_NUMBER,
  VALUE_TRUE,
  VALUE_FALSE,
  VALUE_NULL,
} ValueKind;

static const char * const value_kind_names[] = {
  [VALUE_OBJECT] = "an object",
  [VALUE_ARRAY] = "an array",
  [VALUE_STRING] = "a string",
  [VALUE_NUMBER] = "a number",
  [VALUE_TRUE] = "a boolean",
  [VALUE_FALSE] = "a boolean",
  [VALUE_NULL] = "null",
};

typedef struct
{
  const char *name;
  gsize       len;
} Member;

#define MEMBER(s) { s, sizeof (s) - 1 }

enum { TOP_STANCE, TOP_KINDS, TOP_ACTORS, TOP_CLAIMS, TOP_STATEMENTS, TOP_META };
static const Member top_members[] = {
  MEMBER ("stance"), MEMBER ("kinds"), MEMBER ("actors"), MEMBER ("claims"), MEMBER ("statements"),
  MEMBER ("meta"),
};

enum { KIND_NAME, KIND_POLARITY, KIND_META };
static const Member kind_members[] = {
  MEMBER ("name"), MEMBER ("polarity"), MEMBER ("meta"),
};

enum { ACTOR_ID, ACTOR_NAME, ACTOR_KIND, ACTOR_ALIASES, ACTOR_MEMBER_OF, ACTOR_META };
static const Member actor_members[] = {
  MEMBER ("id"), MEMBER ("name"), MEMBER ("kind"), MEMBER ("aliases"), MEMBER ("member_of"), MEMBER ("meta"),
};

enum { CLAIM_ID, CLAIM_TEXT, CLAIM_LANG, CLAIM_PART_OF, CLAIM_META };
static const Member claim_members[] = {
  MEMBER ("id"), MEMBER ("text"), MEMBER ("lang"), MEMBER ("part_of"), MEMBER ("meta"),
};

enum { ST_ID, ST_SPEAKER, ST_TIME, ST_TEXT, ST_LANG, ST_SOURCE, ST_REPORTS, ST_STANCES, ST_META };
static const Member statement_members[] = {
  MEMBER ("id"), MEMBER ("speaker"), MEMBER ("time"), MEMBER ("text"), MEMBER ("lang"),
  MEMBER ("source"), MEMBER ("reports"), MEMBER ("stances"), MEMBER ("meta"),
};

enum { SN_KIND, SN_TARGET, SN_HOLDER, SN_META };
static const Member stance_members[] = {
  MEMBER ("kind"), MEMBER ("target"), MEMBER ("holder"), MEMBER ("meta"),
};

#define BIT(i) (1u << (i))

/* A stance whose kind was not declared yet when it was read. */
typedef struct
{
  guint32 stance;
  guint32 offset;
} PendingKind;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  guint         depth;
  GError      **error;

  /* The first byte that is not UTF-8, or length.  A string that holds it
   * is reported by its path, as SPEC §2 locates every error but syntax by
   * path; a bad byte outside strings is a syntax error where it stands. */
  gsize         bad_utf8;
  /* FALSE while the version pre-scan skims, so that the version is still
   * the first thing checked. */
  gboolean      check_strings;

  /* What the last scan_string() and scan_number() found. */
  gboolean      has_nul;
  gsize         number_start;
  gsize         number_end;
  gboolean      number_is_int;

  StanceStore  *store;

  GString      *path;    /* the member path of what is being read */
  GString      *name;    /* the last member name */
  GString      *buf;     /* string values, reused */
  GString      *id;      /* the current node's id */
  GString      *text;    /* the current node's name or text */
  GByteArray   *stack;   /* containers open in skim_value() */
  GArray       *member_of;       /* guint32 offsets, the current actor's */
  GPtrArray    *aliases;         /* the current actor's, or NULL */
  GArray       *pending_kinds;   /* PendingKind */
  JsonNode     *meta;            /* the current kind's, actor's, claim's or statement's */
  JsonNode     *stance_meta;

  gsize         claims_at;       /* offsets of the top-level arrays */
  gsize         statements_at;
} Reader;

/* Errors */

static void
position_of (Reader *r,
             gsize   offset,
             guint  *line,
             guint  *column)
{
  const guchar *p = r->data;
  const guchar *end = r->data + offset;
  const guchar *nl;

  *line = 1;
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

static gboolean G_GNUC_PRINTF (4, 5)
error_at (Reader      *r,
          gsize        offset,
          StanceError  code,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (r->error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (r, offset, &line, &column);
  g_set_error (r->error, STANCE_ERROR, code, "line %u, column %u: %s", line, column, message);

  return FALSE;
}

#define syntax_error(r, offset, ...) error_at ((r), (offset), STANCE_ERROR_SYNTAX, __VA_ARGS__)

static const char *
path_or_document (Reader *r)
{
  return r->path->len > 0 ? r->path->str : "document";
}

static gboolean G_GNUC_PRINTF (3, 4)
path_error (Reader      *r,
            StanceError  code,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, STANCE_ERROR, code, "%s: %s", path_or_document (r), message);

  return FALSE;
}

/* Prefixes an error from a store or time function with the current path. */
static gboolean
path_prefix (Reader *r)
{
  if (r->error != NULL)
    g_prefix_error (r->error, "%s: ", path_or_document (r));
  return FALSE;
}

/* Appends @len bytes of UTF-8 @text for a message: control characters
 * escaped (a member name may hold any), cut at a character boundary after
 * @max bytes. */
static void
append_shown (GString    *out,
              const char *text,
              gsize       len,
              gsize       max)
{
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) text[i];
      gsize n = (c < 0x80) ? 1 : (gsize) g_utf8_skip[c];

      if (i >= max)
        {
          g_string_append (out, "…");
          return;
        }
      /* A message must be UTF-8 whatever it quotes: a byte that does not
       * start a whole, valid character within @len is shown as \xNN. */
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

static char *
shown (const char *text,
       gsize       len)
{
  GString *out = g_string_sized_new (MIN (len, SHOWN_MAX) + 8);

  append_shown (out, text, len, SHOWN_MAX);
  return g_string_free (out, FALSE);
}

/* Paths */

static gsize
path_push_member (Reader     *r,
                  const char *name,
                  gsize       len,
                  gboolean    known)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  if (known)
    g_string_append_len (r->path, name, len);
  else
    append_shown (r->path, name, len, NAME_SHOWN_MAX);

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
    g_string_append_c (out, digits[--n]);
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize mark = r->path->len;

  g_string_append_c (r->path, '[');
  append_uint (r->path, index);
  g_string_append_c (r->path, ']');

  return mark;
}

static inline void
path_pop (Reader *r,
          gsize   mark)
{
  g_string_truncate (r->path, mark);
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

static gboolean
check_encoding (Reader *r)
{
  gsize bad;

  if (r->length >= 3 && r->data[0] == 0xEF && r->data[1] == 0xBB && r->data[2] == 0xBF)
    return error_at (r, 0, STANCE_ERROR_ENCODING,
                     "byte order mark at the start: save the document as UTF-8 without a BOM");

  bad = utf8_check (r->data, r->length);
  r->bad_utf8 = bad;

  return TRUE;
}

/* Tokens */

static inline void
skip_ws (Reader *r)
{
  while (r->pos < r->length)
    {
      guchar c = r->data[r->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      r->pos++;
    }
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
read_hex4 (Reader   *r,
           gsize     at,
           gunichar *out)
{
  gunichar value = 0;

  if (at + 4 > r->length)
    return FALSE;

  for (gsize i = at; i < at + 4; i++)
    {
      int h = hex_value (r->data[i]);

      if (h < 0)
        return FALSE;
      value = value * 16 + (gunichar) h;
    }

  *out = value;
  return TRUE;
}

/* Reads the string token at r->pos (its opening quote), decoding it into
 * @out unless that is NULL.  Sets r->has_nul when it holds U+0000. */
static gboolean
scan_string (Reader  *r,
             GString *out)
{
  const guchar *d = r->data;
  gsize len = r->length;
  gsize start = r->pos;
  gsize i = start + 1;

  r->has_nul = FALSE;
  if (out != NULL)
    g_string_truncate (out, 0);

  for (;;)
    {
      gsize run = i;
      gunichar cp;

      while (i < len && d[i] != '"' && d[i] != '\\' && d[i] >= 0x20)
        i++;
      if (out != NULL && i > run)
        g_string_append_len (out, (const char *) d + run, i - run);

      if (i >= len)
        return syntax_error (r, start, "unterminated string");
      if (d[i] == '"')
        {
          r->pos = i + 1;
          if (r->check_strings && r->bad_utf8 > start && r->bad_utf8 < i)
            {
              guint line, column;

              position_of (r, r->bad_utf8, &line, &column);
              return path_error (r, STANCE_ERROR_ENCODING, "invalid UTF-8 at line %u, column %u", line, column);
            }
          return TRUE;
        }
      if (d[i] < 0x20)
        return syntax_error (r, i, "unescaped control character in a string");

      /* A backslash */
      if (i + 1 >= len)
        return syntax_error (r, start, "unterminated string");

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
          if (!read_hex4 (r, i + 2, &cp))
            return syntax_error (r, i, "invalid \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF)
            {
              gunichar low;

              if (i + 7 < len && d[i + 6] == '\\' && d[i + 7] == 'u' &&
                  read_hex4 (r, i + 8, &low) && low >= 0xDC00 && low <= 0xDFFF)
                {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                  i += 6;
                }
              else
                return syntax_error (r, i, "invalid \\u escape");
            }
          else if (cp >= 0xDC00 && cp <= 0xDFFF)
            return syntax_error (r, i, "invalid \\u escape");

          if (cp == 0)
            r->has_nul = TRUE;
          if (out != NULL)
            {
              if (cp == 0)
                g_string_append_c (out, '\0');
              else
                g_string_append_unichar (out, cp);
            }
          i += 6;
          continue;
        default:
          if (d[i + 1] < 0x20)
            return syntax_error (r, i + 1, "unescaped control character in a string");
          {
            /* Quote the character after the backslash: one whole UTF-8
             * character within the input, or the lone byte, which
             * shown() writes as \xNN. */
            gsize n = d[i + 1] < 0x80 ? 1 : (gsize) g_utf8_skip[d[i + 1]];
            g_autofree char *what = NULL;

            if (n > len - (i + 1) || !g_utf8_validate ((const char *) d + i + 1, n, NULL))
              n = 1;
            what = shown ((const char *) d + i + 1, n);
            return syntax_error (r, i, "invalid escape '\\%s' in a string", what);
          }
        }

      if (out != NULL)
        g_string_append_c (out, (char) cp);
      i += 2;
    }
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

/* Reads the number token at r->pos.  The token is taken to be the whole
 * run of characters that can belong to a number or a word, so that `01`,
 * `1.` or `0x10` are one invalid number rather than a number and then
 * something unexpected. */
static gboolean
scan_number (Reader *r)
{
  const guchar *d = r->data;
  gsize start = r->pos;
  gsize end = start;
  gsize i = start;
  gboolean is_int = TRUE;

  while (end < r->length &&
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

  r->number_start = start;
  r->number_end = end;
  r->number_is_int = is_int;
  r->pos = end;
  return TRUE;

bad:
  return syntax_error (r, start, "invalid number");
}

static gboolean
word_is (const guchar *word,
         gsize         len,
         const char   *literal)
{
  return len == strlen (literal) && memcmp (word, literal, len) == 0;
}

static gboolean
scan_literal (Reader    *r,
              ValueKind *kind)
{
  const guchar *d = r->data;
  gsize start = r->pos;
  gsize end = start;

  while (end < r->length && (g_ascii_isalnum (d[end]) || d[end] == '_'))
    end++;

  if (word_is (d + start, end - start, "true"))
    *kind = VALUE_TRUE;
  else if (word_is (d + start, end - start, "false"))
    *kind = VALUE_FALSE;
  else if (word_is (d + start, end - start, "null"))
    *kind = VALUE_NULL;
  else if (word_is (d + start, end - start, "NaN") || word_is (d + start, end - start, "Infinity"))
    return syntax_error (r, start, "invalid number");
  else
    return syntax_error (r, start, "invalid literal");

  r->pos = end;
  return TRUE;
}

/* Looks at the next value.  A number or a literal is read whole (its
 * syntax checked); an object, an array or a string is left at r->pos for
 * the caller. */
static gboolean
value_begin (Reader    *r,
             ValueKind *kind)
{
  guchar c;

  skip_ws (r);
  if (r->pos >= r->length)
    return syntax_error (r, r->pos, "unexpected end of input");

  c = r->data[r->pos];
  if (c == '{')
    *kind = VALUE_OBJECT;
  else if (c == '[')
    *kind = VALUE_ARRAY;
  else if (c == '"')
    *kind = VALUE_STRING;
  else if (is_digit (c) || c == '-' || c == '+' || c == '.')
    {
      *kind = VALUE_NUMBER;
      return scan_number (r);
    }
  else if (g_ascii_isalpha (c))
    return scan_literal (r, kind);
  else
    return syntax_error (r, r->pos, "expected a value");

  return TRUE;
}

/* Containers.  r->pos is at '{' or '['. */
static gboolean
enter (Reader *r)
{
  if (r->depth >= STANCE_DOCUMENT_MAX_DEPTH)
    return path_error (r, STANCE_ERROR_LIMIT, "nesting deeper than %d levels", STANCE_DOCUMENT_MAX_DEPTH);

  r->depth++;
  r->pos++;
  return TRUE;
}

/* Moves to the next member of an object: 1 with its name in r->name and
 * r->pos after the ':', 0 after the closing '}', -1 on error. */
static int
object_next (Reader   *r,
             gboolean *first)
{
  skip_ws (r);
  if (r->pos >= r->length)
    {
      syntax_error (r, r->pos, "unexpected end of input");
      return -1;
    }

  /* '}' ends the object, whether empty or after a member. */
  if (r->data[r->pos] == '}')
    {
      r->pos++;
      r->depth--;
      return 0;
    }

  if (!*first)
    {
      if (r->data[r->pos] != ',')
        {
          syntax_error (r, r->pos, "expected ',' or '}' after a member");
          return -1;
        }
      r->pos++;
      skip_ws (r);
      if (r->pos >= r->length)
        {
          syntax_error (r, r->pos, "unexpected end of input");
          return -1;
        }
    }
  *first = FALSE;

  if (r->data[r->pos] != '"')
    {
      syntax_error (r, r->pos, "expected a member name (a string)");
      return -1;
    }
  if (!scan_string (r, r->name))
    return -1;

  skip_ws (r);
  if (r->pos >= r->length)
    {
      syntax_error (r, r->pos, "unexpected end of input");
      return -1;
    }
  if (r->data[r->pos] != ':')
    {
      syntax_error (r, r->pos, "expected ':' after a member name");
      return -1;
    }
  r->pos++;

  return 1;
}

/* Moves to the next element of an array: 1 with r->pos at the element, 0
 * after the closing ']', -1 on error. */
static int
array_next (Reader   *r,
            gboolean *first)
{
  skip_ws (r);
  if (r->pos >= r->length)
    {
      syntax_error (r, r->pos, "unexpected end of input");
      return -1;
    }

  if (*first)
    {
      *first = FALSE;
      if (r->data[r->pos] == ']')
        {
          r->pos++;
          r->depth--;
          return 0;
        }
      return 1;
    }

  if (r->data[r->pos] == ']')
    {
      r->pos++;
      r->depth--;
      return 0;
    }
  if (r->data[r->pos] != ',')
    {
      syntax_error (r, r->pos, "expected ',' or ']' after an element");
      return -1;
    }
  r->pos++;

  return 1;
}

/* Skips a value without building anything and without recursion (open
 * containers are kept in r->stack, one byte each), checking its syntax.
 * Only the version pre-scan skips values. */
static gboolean
skim_value (Reader *r)
{
  GByteArray *stack = r->stack;
  ValueKind kind;

  g_byte_array_set_size (stack, 0);

value:
  if (!value_begin (r, &kind))
    return FALSE;
  if (kind == VALUE_STRING)
    {
      if (!scan_string (r, NULL))
        return FALSE;
    }
  else if (kind == VALUE_OBJECT || kind == VALUE_ARRAY)
    {
      guint8 k = (guint8) kind;

      r->pos++;
      g_byte_array_append (stack, &k, 1);
      skip_ws (r);
      if (r->pos < r->length && r->data[r->pos] == (kind == VALUE_OBJECT ? '}' : ']'))
        {
          r->pos++;
          g_byte_array_set_size (stack, stack->len - 1);
        }
      else if (kind == VALUE_OBJECT)
        goto name;
      else
        goto value;
    }
  goto after;

name:
  skip_ws (r);
  if (r->pos >= r->length)
    return syntax_error (r, r->pos, "unexpected end of input");
  if (r->data[r->pos] != '"')
    return syntax_error (r, r->pos, "expected a member name (a string)");
  if (!scan_string (r, NULL))
    return FALSE;
  skip_ws (r);
  if (r->pos >= r->length)
    return syntax_error (r, r->pos, "unexpected end of input");
  if (r->data[r->pos] != ':')
    return syntax_error (r, r->pos, "expected ':' after a member name");
  r->pos++;
  goto value;

after:
  while (stack->len > 0)
    {
      gboolean in_object = stack->data[stack->len - 1] == VALUE_OBJECT;

      skip_ws (r);
      if (r->pos >= r->length)
        return syntax_error (r, r->pos, "unexpected end of input");
      if (r->data[r->pos] == ',')
        {
          r->pos++;
          if (in_object)
            goto name;
          goto value;
        }
      if (r->data[r->pos] != (in_object ? '}' : ']'))
        return syntax_error (r, r->pos, in_object ? "expected ',' or '}' after a member"
                                                  : "expected ',' or ']' after an element");
      r->pos++;
      g_byte_array_set_size (stack, stack->len - 1);
    }

  return TRUE;
}

/* Values */

static gboolean
type_error (Reader     *r,
            const char *expected,
            ValueKind   kind)
{
  /* A string is read first, so that a malformed one is a syntax error. */
  if (kind == VALUE_STRING && !scan_string (r, NULL))
    return FALSE;

  return path_error (r, STANCE_ERROR_TYPE, "expected %s, got %s", expected, value_kind_names[kind]);
}

/* Reads a string value into @out (or only checks it when @out is NULL),
 * giving the offset of its token in @offset: 1 when read, 0 for null, -1
 * on error. */
static int
read_string (Reader  *r,
             GString *out,
             gsize   *offset)
{
  ValueKind kind;

  if (!value_begin (r, &kind))
    return -1;
  if (kind == VALUE_NULL)
    return 0;
  if (kind != VALUE_STRING)
    {
      type_error (r, "a string", kind);
      return -1;
    }

  if (offset != NULL)
    *offset = r->pos;
  if (!scan_string (r, out))
    return -1;
  if (r->has_nul)
    {
      path_error (r, STANCE_ERROR_ENCODING, "a string contains a NUL character");
      return -1;
    }

  return 1;
}

/* Meta values.  The recursion is bounded by STANCE_DOCUMENT_MAX_DEPTH. */

static JsonNode *read_meta_value (Reader    *r,
                                  ValueKind  kind);

static JsonNode *
read_meta_number (Reader *r)
{
  JsonNode *node;
  char *end = NULL;

  g_string_truncate (r->buf, 0);
  g_string_append_len (r->buf, (const char *) r->data + r->number_start, r->number_end - r->number_start);

  if (r->number_is_int)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (r->buf->str, &end, 10);
      if (errno == ERANGE)
        {
          path_error (r, STANCE_ERROR_INVALID_VALUE, "number out of range");
          return NULL;
        }
      node = json_node_init_int (json_node_alloc (), value);
    }
  else
    {
      double value = g_ascii_strtod (r->buf->str, &end);

      if (!isfinite (value))
        {
          path_error (r, STANCE_ERROR_INVALID_VALUE, "number out of range");
          return NULL;
        }
      node = json_node_init_double (json_node_alloc (), value);
    }

  return node;
}

static JsonNode *
read_meta_object (Reader *r)
{
  g_autoptr(JsonObject) object = NULL;
  gboolean first = TRUE;
  int more;

  if (!enter (r))
    return NULL;

  object = json_object_new ();
  while ((more = object_next (r, &first)) > 0)
    {
      g_autofree char *key = NULL;
      gsize mark = path_push_member (r, r->name->str, r->name->len, FALSE);
      JsonNode *value;
      ValueKind kind;

      if (r->has_nul)
        {
          path_error (r, STANCE_ERROR_ENCODING, "a string contains a NUL character");
          return NULL;
        }
      if (json_object_has_member (object, r->name->str))
        {
          path_error (r, STANCE_ERROR_INVALID_VALUE, "duplicate member");
          return NULL;
        }

      key = g_strndup (r->name->str, r->name->len);
      if (!value_begin (r, &kind))
        return NULL;
      value = read_meta_value (r, kind);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, key, value);
      path_pop (r, mark);
    }
  if (more < 0)
    return NULL;

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
read_meta_array (Reader *r)
{
  g_autoptr(JsonArray) array = NULL;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  if (!enter (r))
    return NULL;

  array = json_array_new ();
  while ((more = array_next (r, &first)) > 0)
    {
      gsize mark = path_push_index (r, index++);
      JsonNode *value;
      ValueKind kind;

      if (!value_begin (r, &kind))
        return NULL;
      value = read_meta_value (r, kind);
      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      path_pop (r, mark);
    }
  if (more < 0)
    return NULL;

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
read_meta_value (Reader    *r,
                 ValueKind  kind)
{
  switch (kind)
    {
    case VALUE_OBJECT:
      return read_meta_object (r);
    case VALUE_ARRAY:
      return read_meta_array (r);
    case VALUE_STRING:
      if (!scan_string (r, r->buf))
        return NULL;
      if (r->has_nul)
        {
          path_error (r, STANCE_ERROR_ENCODING, "a string contains a NUL character");
          return NULL;
        }
      return json_node_init_string (json_node_alloc (), r->buf->str);
    case VALUE_NUMBER:
      return read_meta_number (r);
    case VALUE_TRUE:
    case VALUE_FALSE:
      return json_node_init_boolean (json_node_alloc (), kind == VALUE_TRUE);
    case VALUE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* Reads a `meta` member into *@out: absent when null, else an object. */
static gboolean
read_meta (Reader    *r,
           JsonNode **out)
{
  ValueKind kind;

  if (!value_begin (r, &kind))
    return FALSE;
  if (kind == VALUE_NULL)
    return TRUE;
  if (kind != VALUE_OBJECT)
    return type_error (r, "an object", kind);

  *out = read_meta_object (r);
  return *out != NULL;
}

/* Members of the format's objects */

/* Optimal string alignment distance, for "did you mean". */
static guint
edit_distance (const char *a,
               gsize       la,
               const char *b,
               gsize       lb)
{
  guint rows[3][16];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  g_assert (lb < G_N_ELEMENTS (rows[0]));

  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint *tmp;

      cur[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
        }
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return prev[lb];
}

static const char *
suggest (const Member *members,
         guint         n_members,
         const char   *name,
         gsize         len)
{
  const char *best = NULL;
  guint best_distance = 3;
  gboolean tie = FALSE;

  for (guint i = 0; i < n_members; i++)
    {
      guint distance;

      if (len > members[i].len + 2 || members[i].len > len + 2)
        continue;
      distance = edit_distance (name, len, members[i].name, members[i].len);
      /* Two edits turn any short name into another: "x" is no "id". */
      if (distance >= members[i].len)
        continue;
      if (distance < best_distance)
        {
          best = members[i].name;
          best_distance = distance;
          tie = FALSE;
        }
      else if (distance == best_distance)
        tie = TRUE;
    }

  return tie ? NULL : best;
}

/* Identifies the member just named (r->name) among @members and pushes its
 * path: its index, or -1 after an error for an unknown or repeated one. */
static int
member_begin (Reader       *r,
              const Member *members,
              guint         n_members,
              guint        *seen,
              gsize        *mark)
{
  const char *name = r->name->str;
  gsize len = r->name->len;
  int index = -1;

  for (guint i = 0; i < n_members; i++)
    {
      if (members[i].len == len && memcmp (members[i].name, name, len) == 0)
        {
          index = (int) i;
          break;
        }
    }

  *mark = path_push_member (r, name, len, index >= 0);

  if (index < 0)
    {
      const char *maybe = suggest (members, n_members, name, len);

      if (maybe != NULL)
        path_error (r, STANCE_ERROR_UNKNOWN_MEMBER, "unknown member (did you mean \"%s\"?)", maybe);
      else
        path_error (r, STANCE_ERROR_UNKNOWN_MEMBER, "unknown member");
      return -1;
    }

  if (*seen & BIT (index))
    {
      path_error (r, STANCE_ERROR_INVALID_VALUE, "duplicate member");
      return -1;
    }
  *seen |= BIT (index);

  return index;
}

/* Checks that the required members are there, in the order of @members. */
static gboolean
check_required (Reader       *r,
                const Member *members,
                guint         required,
                guint         present)
{
  guint missing = required & ~present;

  if (missing != 0)
    {
      guint i = (guint) g_bit_nth_lsf (missing, -1);

      path_push_member (r, members[i].name, members[i].len, TRUE);
      return path_error (r, STANCE_ERROR_MISSING_MEMBER, "missing member");
    }

  return TRUE;
}

/* Opens an element that must be an object. */
static gboolean
object_begin (Reader *r)
{
  ValueKind kind;

  if (!value_begin (r, &kind))
    return FALSE;
  if (kind != VALUE_OBJECT)
    return type_error (r, "an object", kind);

  return enter (r);
}

/* Reads a reference: the offset of its token, checked as a string. */
static int
read_reference (Reader  *r,
                guint32 *offset)
{
  gsize at = 0;
  int got = read_string (r, NULL, &at);

  if (got > 0)
    *offset = (guint32) at;

  return got;
}

static gboolean
check_new_id (Reader *r)
{
  if (!_stance_store_check_new_id (r->store, r->id->str, r->error))
    return path_prefix (r);

  return TRUE;
}

/* kinds[i] */
static gboolean
read_kind (Reader *r,
           guint   index)
{
  StanceStore *store = r->store;
  StancePolarity polarity = STANCE_POLARITY_NEUTRAL;
  gboolean first = TRUE;
  guint seen = 0, present = 0;
  int found;
  guint16 declared;
  gsize mark;
  int more;

  if (!object_begin (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      int member = member_begin (r, kind_members, G_N_ELEMENTS (kind_members), &seen, &mark);
      int got = 0;

      switch (member)
        {
        case KIND_NAME:
          got = read_string (r, r->text, NULL);
          break;

        case KIND_POLARITY:
          got = read_string (r, r->buf, NULL);
          if (got > 0 && !stance_polarity_from_string (r->buf->str, &polarity))
            {
              g_autofree char *text = shown (r->buf->str, r->buf->len);

              return path_error (r, STANCE_ERROR_INVALID_KIND,
                                 "unknown polarity \"%s\": use positive, negative, withdrawal or neutral",
                                 text);
            }
          break;

        case KIND_META:
          if (!read_meta (r, &r->meta))
            return FALSE;
          got = r->meta != NULL;
          break;

        default:
          return FALSE;
        }

      if (got < 0)
        return FALSE;
      if (got > 0)
        present |= BIT (member);
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, kind_members, BIT (KIND_NAME) | BIT (KIND_POLARITY), present))
    return FALSE;

  mark = path_push_member (r, "name", 4, TRUE);
  found = _stance_store_find_kind (store, r->text->str);
  if (found >= 0 && (guint) found >= store->n_builtin_kinds)
    {
      g_autofree char *text = shown (r->text->str, r->text->len);

      return path_error (r, STANCE_ERROR_INVALID_KIND, "kind \"%s\" is declared twice", text);
    }
  if (!_stance_store_check_kind (store, r->text->str, polarity, r->error))
    return path_prefix (r);
  path_pop (r, mark);

  declared = _stance_store_declare_kind (store, r->text->str, polarity);
  STANCE_STORE_KIND (store, declared)->meta = g_steal_pointer (&r->meta);

  return TRUE;
}

/* An array of strings, such as aliases or member_of: each string is passed
 * to @element with its offset, while its path is pushed. */
typedef gboolean (*StringElementFunc) (Reader  *r,
                                       gsize    offset);

static gboolean
read_string_array (Reader            *r,
                   gboolean          *present,
                   GString           *out,
                   StringElementFunc  element)
{
  ValueKind kind;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  *present = FALSE;
  if (!value_begin (r, &kind))
    return FALSE;
  if (kind == VALUE_NULL)
    return TRUE;
  if (kind != VALUE_ARRAY)
    return type_error (r, "an array", kind);
  if (!enter (r))
    return FALSE;

  *present = TRUE;
  while ((more = array_next (r, &first)) > 0)
    {
      gsize mark = path_push_index (r, index++);
      gsize offset = 0;
      ValueKind element_kind;

      /* Elements may not be null. */
      skip_ws (r);
      if (r->pos < r->length && r->data[r->pos] != '"')
        {
          if (!value_begin (r, &element_kind))
            return FALSE;
          return type_error (r, "a string", element_kind);
        }
      if (read_string (r, out, &offset) < 0)
        return FALSE;
      if (!element (r, offset))
        return FALSE;
      path_pop (r, mark);
    }

  return more == 0;
}

static gboolean
add_alias (Reader *r,
           gsize   offset)
{
  if (r->aliases == NULL)
    r->aliases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (r->aliases, g_strndup (r->buf->str, r->buf->len));
  return TRUE;
}

static gboolean
add_member_of (Reader *r,
               gsize   offset)
{
  guint32 at = (guint32) offset;

  g_array_append_val (r->member_of, at);
  return TRUE;
}

/* actors[i] */
static gboolean
read_actor (Reader *r,
            guint   index)
{
  StanceStore *store = r->store;
  StanceActorKind actor_kind = STANCE_ACTOR_KIND_OTHER;
  StanceActorRecord *record;
  gboolean first = TRUE;
  guint seen = 0, present = 0;
  guint32 actor;
  gsize mark;
  int more;

  if (!object_begin (r))
    return FALSE;

  g_array_set_size (r->member_of, 0);
  g_clear_pointer (&r->aliases, g_ptr_array_unref);

  while ((more = object_next (r, &first)) > 0)
    {
      int member = member_begin (r, actor_members, G_N_ELEMENTS (actor_members), &seen, &mark);
      gboolean array_present = FALSE;
      int got = 0;

      switch (member)
        {
        case ACTOR_ID:
          got = read_string (r, r->id, NULL);
          if (got > 0 && !check_new_id (r))
            return FALSE;
          break;

        case ACTOR_NAME:
          got = read_string (r, r->text, NULL);
          break;

        case ACTOR_KIND:
          got = read_string (r, r->buf, NULL);
          if (got > 0)
            {
              if (!stance_actor_kind_from_string (r->buf->str, &actor_kind))
                {
                  g_autofree char *text = shown (r->buf->str, r->buf->len);

                  return path_error (r, STANCE_ERROR_INVALID_VALUE,
                                     "unknown actor kind \"%s\": use person, organization, state, media, group or other",
                                     text);
                }
            }
          break;

        case ACTOR_ALIASES:
          if (!read_string_array (r, &array_present, r->buf, add_alias))
            return FALSE;
          got = array_present;
          break;

        case ACTOR_MEMBER_OF:
          if (!read_string_array (r, &array_present, NULL, add_member_of))
            return FALSE;
          got = array_present;
          break;

        case ACTOR_META:
          if (!read_meta (r, &r->meta))
            return FALSE;
          got = r->meta != NULL;
          break;

        default:
          return FALSE;
        }

      if (got < 0)
        return FALSE;
      if (got > 0)
        present |= BIT (member);
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, actor_members, BIT (ACTOR_ID) | BIT (ACTOR_NAME), present))
    return FALSE;
  if (!_stance_store_check_capacity (store, store->actors, r->error))
    return path_prefix (r);

  actor = _stance_store_add_actor (store, r->id->str, r->text->str, actor_kind);
  record = STANCE_STORE_ACTOR (store, actor);
  if (r->aliases != NULL && r->aliases->len > 0)
    {
      g_ptr_array_add (r->aliases, NULL);
      record->aliases = (char **) g_ptr_array_free (g_steal_pointer (&r->aliases), FALSE);
    }
  g_clear_pointer (&r->aliases, g_ptr_array_unref);
  record->meta = g_steal_pointer (&r->meta);

  /* Placeholders: the offsets of the ids, resolved at the end. */
  for (guint i = 0; i < r->member_of->len; i++)
    _stance_store_add_member_of (store, actor, g_array_index (r->member_of, guint32, i));

  return TRUE;
}

/* claims[i] */
static gboolean
read_claim (Reader *r,
            guint   index)
{
  StanceStore *store = r->store;
  StanceClaimRecord *record;
  const char *lang = NULL;
  guint32 part_of = STANCE_NONE;
  gboolean first = TRUE;
  guint seen = 0, present = 0;
  guint32 claim;
  gsize mark;
  int more;

  if (!object_begin (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      int member = member_begin (r, claim_members, G_N_ELEMENTS (claim_members), &seen, &mark);
      int got = 0;

      switch (member)
        {
        case CLAIM_ID:
          got = read_string (r, r->id, NULL);
          if (got > 0 && !check_new_id (r))
            return FALSE;
          break;

        case CLAIM_TEXT:
          got = read_string (r, r->text, NULL);
          break;

        case CLAIM_LANG:
          got = read_string (r, r->buf, NULL);
          if (got > 0)
            lang = g_string_chunk_insert_const (store->strings, r->buf->str);
          break;

        case CLAIM_PART_OF:
          got = read_reference (r, &part_of);
          break;

        case CLAIM_META:
          if (!read_meta (r, &r->meta))
            return FALSE;
          got = r->meta != NULL;
          break;

        default:
          return FALSE;
        }

      if (got < 0)
        return FALSE;
      if (got > 0)
        present |= BIT (member);
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, claim_members, BIT (CLAIM_ID) | BIT (CLAIM_TEXT), present))
    return FALSE;
  if (!_stance_store_check_capacity (store, store->claims, r->error))
    return path_prefix (r);

  claim = _stance_store_add_claim (store, r->id->str, r->text->str);
  record = STANCE_STORE_CLAIM (store, claim);
  record->lang = lang;
  record->part_of = part_of;  /* a placeholder offset, resolved at the end */
  record->meta = g_steal_pointer (&r->meta);

  return TRUE;
}

/* statements[i].stances[k]: appended at once, for the statement that will
 * be appended when its object closes (statement index @statement). */
static gboolean
read_stance (Reader  *r,
             guint32  statement,
             guint32 *first_stance,
             guint32 *last_stance)
{
  StanceStore *store = r->store;
  StanceStanceRecord record = { 0 };
  guint32 kind_offset = 0;
  gboolean kind_known = FALSE;
  gboolean first = TRUE;
  guint seen = 0, present = 0;
  guint32 index;
  gsize mark;
  int more;

  if (!object_begin (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      int member = member_begin (r, stance_members, G_N_ELEMENTS (stance_members), &seen, &mark);
      gsize at = 0;
      int got = 0;

      switch (member)
        {
        case SN_KIND:
          got = read_string (r, r->buf, &at);
          if (got > 0)
            {
              int found = _stance_store_find_kind (store, r->buf->str);

              /* Kinds declared later are resolved at the end. */
              kind_known = found >= 0;
              record.kind = kind_known ? (guint16) found : 0;
              kind_offset = (guint32) at;
            }
          break;

        case SN_TARGET:
          got = read_reference (r, &record.target);
          break;

        case SN_HOLDER:
          got = read_reference (r, &record.holder);
          break;

        case SN_META:
          if (!read_meta (r, &r->stance_meta))
            return FALSE;
          got = r->stance_meta != NULL;
          break;

        default:
          return FALSE;
        }

      if (got < 0)
        return FALSE;
      if (got > 0)
        present |= BIT (member);
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, stance_members, BIT (SN_KIND) | BIT (SN_TARGET), present))
    return FALSE;
  if (!_stance_store_check_capacity (store, store->stances, r->error))
    return path_prefix (r);

  index = store->stances->len;
  record.statement = statement;
  record.flags = (present & BIT (SN_HOLDER)) ? STANCE_STANCE_EXPLICIT_HOLDER : 0;
  g_array_append_val (store->stances, record);

  if (*last_stance != STANCE_NONE)
    STANCE_STORE_STANCE (store, *last_stance - 1)->next = index + 1;
  else
    *first_stance = index + 1;
  *last_stance = index + 1;

  if (!kind_known)
    {
      PendingKind pending = { index, kind_offset };

      g_array_append_val (r->pending_kinds, pending);
    }

  if (r->stance_meta != NULL)
    {
      _stance_store_set_stance_meta (store, index, r->stance_meta);
      g_clear_pointer (&r->stance_meta, json_node_unref);
    }

  return TRUE;
}

static gboolean
read_stances (Reader  *r,
              guint32  statement,
              gboolean *present,
              guint32 *first_stance,
              guint32 *last_stance)
{
  ValueKind kind;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  *present = FALSE;
  if (!value_begin (r, &kind))
    return FALSE;
  if (kind == VALUE_NULL)
    return TRUE;
  if (kind != VALUE_ARRAY)
    return type_error (r, "an array", kind);
  if (!enter (r))
    return FALSE;

  *present = TRUE;
  while ((more = array_next (r, &first)) > 0)
    {
      gsize mark = path_push_index (r, index++);

      if (!read_stance (r, statement, first_stance, last_stance))
        return FALSE;
      path_pop (r, mark);
    }

  return more == 0;
}

/* statements[i] */
static gboolean
read_statement (Reader *r,
                guint   index)
{
  StanceStore *store = r->store;
  StanceStatementRecord *record;
  StanceTime time = { 0 };
  const char *text = NULL, *lang = NULL, *source = NULL;
  guint32 speaker = 0, reports = STANCE_NONE;
  guint32 first_stance = STANCE_NONE, last_stance = STANCE_NONE;
  guint32 statement = store->statements->len;
  gboolean first = TRUE;
  guint seen = 0, present = 0;
  gsize mark;
  int more;

  if (!object_begin (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      int member = member_begin (r, statement_members, G_N_ELEMENTS (statement_members), &seen, &mark);
      gboolean array_present = FALSE;
      int got = 0;

      switch (member)
        {
        case ST_ID:
          got = read_string (r, r->id, NULL);
          if (got > 0 && !check_new_id (r))
            return FALSE;
          break;

        case ST_SPEAKER:
          got = read_reference (r, &speaker);
          break;

        case ST_TIME:
          got = read_string (r, r->buf, NULL);
          if (got > 0 && !_stance_time_parse (&time, r->buf->str, r->buf->len, r->error))
            return path_prefix (r);
          break;

        case ST_TEXT:
          got = read_string (r, r->buf, NULL);
          if (got > 0)
            text = _stance_store_intern (store, r->buf->str);
          break;

        case ST_LANG:
          got = read_string (r, r->buf, NULL);
          if (got > 0)
            lang = g_string_chunk_insert_const (store->strings, r->buf->str);
          break;

        case ST_SOURCE:
          got = read_string (r, r->buf, NULL);
          if (got > 0)
            source = _stance_store_intern (store, r->buf->str);
          break;

        case ST_REPORTS:
          got = read_reference (r, &reports);
          break;

        case ST_STANCES:
          if (!read_stances (r, statement, &array_present, &first_stance, &last_stance))
            return FALSE;
          got = array_present;
          break;

        case ST_META:
          if (!read_meta (r, &r->meta))
            return FALSE;
          got = r->meta != NULL;
          break;

        default:
          return FALSE;
        }

      if (got < 0)
        return FALSE;
      if (got > 0)
        present |= BIT (member);
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, statement_members, BIT (ST_ID) | BIT (ST_SPEAKER) | BIT (ST_TIME), present))
    return FALSE;
  if (!_stance_store_check_capacity (store, store->statements, r->error))
    return path_prefix (r);

  _stance_store_add_statement (store, r->id->str, speaker, &time);
  record = STANCE_STORE_STATEMENT (store, statement);
  record->reports = reports;
  record->first_stance = first_stance;
  record->last_stance = last_stance;

  if (text != NULL || lang != NULL || source != NULL || r->meta != NULL)
    {
      StanceStatementExtra *extra = _stance_store_statement_extra (store, statement, TRUE);

      extra->text = text;
      extra->lang = lang;
      extra->source = source;
      extra->meta = g_steal_pointer (&r->meta);
    }

  return TRUE;
}

typedef gboolean (*ElementFunc) (Reader *r,
                                 guint   index);

/* A top-level array: absent when null. */
static gboolean
read_array (Reader      *r,
            ElementFunc  element)
{
  ValueKind kind;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  if (!value_begin (r, &kind))
    return FALSE;
  if (kind == VALUE_NULL)
    return TRUE;
  if (kind != VALUE_ARRAY)
    return type_error (r, "an array", kind);
  if (!enter (r))
    return FALSE;

  while ((more = array_next (r, &first)) > 0)
    {
      gsize mark = path_push_index (r, index);

      if (!element (r, index))
        return FALSE;
      path_pop (r, mark);
      index++;
    }

  return more == 0;
}

/* The version, before anything else */

static gboolean
check_version (Reader *r)
{
  gboolean first = TRUE;
  ValueKind kind;
  int more;

  r->pos = 0;
  skip_ws (r);
  if (r->pos >= r->length)
    return syntax_error (r, 0, "the document is empty");

  if (!value_begin (r, &kind))
    return FALSE;
  if (kind != VALUE_OBJECT)
    return type_error (r, "an object", kind);
  if (!enter (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      if (r->name->len == 6 && memcmp (r->name->str, "stance", 6) == 0)
        {
          gsize start;
          g_autofree char *text = NULL;

          path_push_member (r, "stance", 6, TRUE);
          skip_ws (r);
          start = r->pos;
          if (!skim_value (r))
            return FALSE;
          if (r->pos - start == 1 && r->data[start] == '1')
            return TRUE;

          text = shown ((const char *) r->data + start, r->pos - start);
          return path_error (r, STANCE_ERROR_VERSION,
                             "unsupported format version %s: this library reads version 1", text);
        }

      if (!skim_value (r))
        return FALSE;
    }
  if (more < 0)
    return FALSE;

  skip_ws (r);
  if (r->pos < r->length)
    return syntax_error (r, r->pos, "trailing characters after the document");

  path_push_member (r, "stance", 6, TRUE);
  return path_error (r, STANCE_ERROR_VERSION, "missing member: a document starts with \"stance\": 1");
}

/* The members, in document order */

static gboolean
read_document (Reader *r)
{
  gboolean first = TRUE;
  guint seen = 0;
  ValueKind kind;
  int more;

  r->pos = 0;
  r->depth = 0;
  r->check_strings = TRUE;
  g_string_truncate (r->path, 0);

  if (!value_begin (r, &kind))
    return FALSE;
  g_assert (kind == VALUE_OBJECT);  /* check_version() saw it */
  if (!enter (r))
    return FALSE;

  while ((more = object_next (r, &first)) > 0)
    {
      gsize at = r->pos;
      gsize mark;
      int member = member_begin (r, top_members, G_N_ELEMENTS (top_members), &seen, &mark);
      gboolean ok;

      switch (member)
        {
        case TOP_STANCE:
          /* check_version() read the first "stance"; a second is a duplicate. */
          ok = skim_value (r);
          break;
        case TOP_KINDS:
          ok = read_array (r, read_kind);
          break;
        case TOP_ACTORS:
          ok = read_array (r, read_actor);
          break;
        case TOP_CLAIMS:
          r->claims_at = at;
          ok = read_array (r, read_claim);
          break;
        case TOP_STATEMENTS:
          r->statements_at = at;
          ok = read_array (r, read_statement);
          break;
        case TOP_META:
          /* SPEC §2: every object may carry meta, the document too. */
          ok = read_meta (r, &r->store->meta);
          break;
        default:
          return FALSE;
        }

      if (!ok)
        return FALSE;
      path_pop (r, mark);
    }
  if (more < 0)
    return FALSE;

  skip_ws (r);
  if (r->pos < r->length)
    return syntax_error (r, r->pos, "trailing characters after the document");

  return TRUE;
}

/* References, after the whole document */

/* The error of the reference that comes first in the document. */
typedef struct
{
  gsize   offset;
  GError *error;
} FirstError;

static void G_GNUC_PRINTF (4, 5)
offer_error (FirstError *first,
             gsize       offset,
             GError     *error,
             const char *format,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  g_prefix_error (&error, "%s: ", path);
  g_clear_error (&first->error);
  first->error = error;
  first->offset = offset;
}

/* Decodes the string token at @offset again (it was checked when read). */
static const char *
string_at (Reader *r,
           gsize   offset)
{
  gsize saved = r->pos;
  G_GNUC_UNUSED gboolean ok;

  r->pos = offset;
  ok = scan_string (r, r->buf);
  g_assert (ok);
  r->pos = saved;

  return r->buf->str;
}

static StanceRef
resolve_at (Reader  *r,
            gsize    offset,
            guint    sort_mask,
            GError **error)
{
  return _stance_store_resolve (r->store, string_at (r, offset), sort_mask, error);
}

/* Which of a statement's stances @stance is: they are contiguous. */
static guint
stance_position (StanceStore *store,
                 guint32      stance)
{
  StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);

  return stance - (STANCE_STORE_STATEMENT (store, record->statement)->first_stance - 1);
}

static gboolean
resolve_references (Reader *r)
{
  StanceStore *store = r->store;
  FirstError first = { G_MAXSIZE, NULL };
  const guint actor_mask = STANCE_SORT_MASK (STANCE_SORT_ACTOR);

  /* Each loop runs in document order, so within one loop only the first
   * failure can come before the best so far; later ones are skipped. */

  for (guint a = 0; a < store->actors->len; a++)
    {
      GArray *member_of = STANCE_STORE_ACTOR (store, a)->member_of;

      for (guint m = 0; member_of != NULL && m < member_of->len; m++)
        {
          guint32 *link = &g_array_index (member_of, guint32, m);
          GError *error = NULL;
          StanceRef ref;

          if (*link >= first.offset)
            break;
          ref = resolve_at (r, *link, actor_mask, &error);
          if (ref == 0)
            offer_error (&first, *link, error, "actors[%u].member_of[%u]", a, m);
          else
            *link = stance_ref_index (ref);
        }
    }

  for (guint c = 0; c < store->claims->len; c++)
    {
      StanceClaimRecord *claim = STANCE_STORE_CLAIM (store, c);
      GError *error = NULL;
      StanceRef ref;

      if (claim->part_of == STANCE_NONE || claim->part_of >= first.offset)
        continue;
      ref = resolve_at (r, claim->part_of, STANCE_SORT_MASK (STANCE_SORT_CLAIM), &error);
      if (ref == 0)
        offer_error (&first, claim->part_of, error, "claims[%u].part_of", c);
      else
        claim->part_of = stance_ref_index (ref) + 1;
    }

  for (guint s = 0; s < store->statements->len; s++)
    {
      StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, s);
      GError *error = NULL;
      StanceRef ref;

      if (statement->speaker < first.offset)
        {
          ref = resolve_at (r, statement->speaker, actor_mask, &error);
          if (ref == 0)
            offer_error (&first, statement->speaker, error, "statements[%u].speaker", s);
          else
            statement->speaker = stance_ref_index (ref);
        }

      if (statement->reports != STANCE_NONE && statement->reports < first.offset)
        {
          ref = resolve_at (r, statement->reports, STANCE_SORT_MASK (STANCE_SORT_STATEMENT), &error);
          if (ref == 0)
            offer_error (&first, statement->reports, error, "statements[%u].reports", s);
          else
            statement->reports = stance_ref_index (ref) + 1;
        }
    }

  for (guint i = 0; i < store->stances->len; i++)
    {
      StanceStanceRecord *stance = STANCE_STORE_STANCE (store, i);
      GError *error = NULL;
      StanceRef ref;

      if (stance->target < first.offset)
        {
          ref = resolve_at (r, stance->target, STANCE_SORT_MASK_ANY, &error);
          if (ref == 0)
            offer_error (&first, stance->target, error, "statements[%u].stances[%u].target",
                         stance->statement, stance_position (store, i));
          else
            stance->target = ref;
        }

      if ((stance->flags & STANCE_STANCE_EXPLICIT_HOLDER) == 0)
        stance->holder = STANCE_STORE_STATEMENT (store, stance->statement)->speaker;
      else if (stance->holder < first.offset)
        {
          ref = resolve_at (r, stance->holder, actor_mask, &error);
          if (ref == 0)
            offer_error (&first, stance->holder, error, "statements[%u].stances[%u].holder",
                         stance->statement, stance_position (store, i));
          else
            stance->holder = stance_ref_index (ref);
        }
    }

  for (guint p = 0; p < r->pending_kinds->len; p++)
    {
      PendingKind *pending = &g_array_index (r->pending_kinds, PendingKind, p);
      StanceStanceRecord *stance = STANCE_STORE_STANCE (store, pending->stance);
      const char *name;
      int found;

      if (pending->offset >= first.offset)
        break;
      name = string_at (r, pending->offset);
      found = _stance_store_find_kind (store, name);
      if (found >= 0)
        stance->kind = (guint16) found;
      else
        {
          GError *error = NULL;

          _stance_store_resolve_kind (store, name, &error);
          offer_error (&first, pending->offset, error, "statements[%u].stances[%u].kind",
                       stance->statement, stance_position (store, pending->stance));
        }
    }

  if (first.error != NULL)
    {
      g_propagate_error (r->error, first.error);
      return FALSE;
    }

  return TRUE;
}

/* Cycles, after resolution */

typedef guint32 (*NextFunc) (StanceStore *store,
                             guint32      index);

static guint32
claim_next (StanceStore *store,
            guint32      index)
{
  return STANCE_STORE_CLAIM (store, index)->part_of;
}

static guint32
statement_next (StanceStore *store,
                guint32      index)
{
  return STANCE_STORE_STATEMENT (store, index)->reports;
}

/* Finds the first node (lowest index) that lies on a cycle of @next links
 * (index + 1, or STANCE_NONE), in linear time: every node is walked once,
 * coloured with the walk that reached it, then done. */
static gboolean
find_cycle (StanceStore *store,
            guint32      n,
            NextFunc     next,
            guint32     *on_cycle)
{
  const guint32 done = G_MAXUINT32;
  g_autofree guint32 *colour = NULL;
  guint32 best = G_MAXUINT32;

  if (n == 0)
    return FALSE;

  colour = g_new0 (guint32, n);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 walk = i + 1;
      guint32 at;

      if (colour[i] != 0)
        continue;

      for (at = i + 1; at != STANCE_NONE && colour[at - 1] == 0; at = next (store, at - 1))
        colour[at - 1] = walk;

      if (at != STANCE_NONE && colour[at - 1] == walk)
        {
          /* This walk closed a cycle through at - 1: find its first node. */
          guint32 start = at - 1;
          guint32 lowest = start;

          for (guint32 x = next (store, start) - 1; x != start; x = next (store, x) - 1)
            lowest = MIN (lowest, x);
          best = MIN (best, lowest);
        }

      for (at = i + 1; at != STANCE_NONE && colour[at - 1] == walk; at = next (store, at - 1))
        colour[at - 1] = done;
    }

  *on_cycle = best;
  return best != G_MAXUINT32;
}

static gboolean
cycle_error (Reader     *r,
             const char *array,
             const char *member,
             NextFunc    next,
             StanceSort  sort,
             guint32     start)
{
  g_autoptr(GString) chain = g_string_new (NULL);
  guint32 at = start;
  guint n = 0;

  do
    {
      g_string_append_printf (chain, "\"%s\" → ", _stance_store_ref_id (r->store, stance_ref_make (sort, at)));
      at = next (r->store, at) - 1;
      if (++n == CYCLE_SHOWN_MAX && at != start)
        {
          g_string_append (chain, "… → ");
          break;
        }
    }
  while (at != start);
  g_string_append_printf (chain, "\"%s\"", _stance_store_ref_id (r->store, stance_ref_make (sort, start)));

  g_set_error (r->error, STANCE_ERROR, STANCE_ERROR_CYCLE, "%s[%u].%s: %s cycle: %s",
               array, start, member, member, chain->str);
  return FALSE;
}

static gboolean
check_cycles (Reader *r)
{
  StanceStore *store = r->store;
  guint32 claim = 0, statement = 0;
  gboolean claim_cycle = find_cycle (store, store->claims->len, claim_next, &claim);
  gboolean statement_cycle = find_cycle (store, store->statements->len, statement_next, &statement);

  if (claim_cycle && (!statement_cycle || r->claims_at < r->statements_at))
    return cycle_error (r, "claims", "part_of", claim_next, STANCE_SORT_CLAIM, claim);
  if (statement_cycle)
    return cycle_error (r, "statements", "reports", statement_next, STANCE_SORT_STATEMENT, statement);

  return TRUE;
}

/* Entry points */

static void
reader_clear (Reader *r)
{
  g_string_free (r->path, TRUE);
  g_string_free (r->name, TRUE);
  g_string_free (r->buf, TRUE);
  g_string_free (r->id, TRUE);
  g_string_free (r->text, TRUE);
  g_byte_array_unref (r->stack);
  g_array_unref (r->member_of);
  g_clear_pointer (&r->aliases, g_ptr_array_unref);
  g_array_unref (r->pending_kinds);
  g_clear_pointer (&r->meta, json_node_unref);
  g_clear_pointer (&r->stance_meta, json_node_unref);
  g_clear_pointer (&r->store, _stance_store_free);
}

StanceStore *
_stance_document_read (const char  *data,
                       gsize        length,
                       GError     **error)
{
  static const guchar empty[1] = { 0 };
  GError *local_error = NULL;
  StanceStore *store = NULL;
  Reader r = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > STANCE_DOCUMENT_MAX_SIZE)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "document: larger than %" G_GSIZE_FORMAT " bytes, the most this library reads",
                   STANCE_DOCUMENT_MAX_SIZE);
      return NULL;
    }

  r.data = data != NULL ? (const guchar *) data : empty;
  r.length = length;
  /* Always collect the error: its text is needed even when the caller
   * does not want it, because every check returns through it. */
  r.error = &local_error;
  r.store = _stance_store_new ();
  r.path = g_string_sized_new (64);
  r.name = g_string_sized_new (32);
  r.buf = g_string_sized_new (256);
  r.id = g_string_sized_new (64);
  r.text = g_string_sized_new (256);
  r.stack = g_byte_array_new ();
  r.member_of = g_array_new (FALSE, FALSE, sizeof (guint32));
  r.pending_kinds = g_array_new (FALSE, FALSE, sizeof (PendingKind));
  r.claims_at = G_MAXSIZE;
  r.statements_at = G_MAXSIZE;

  if (check_encoding (&r) &&
      check_version (&r) &&
      read_document (&r) &&
      resolve_references (&r) &&
      check_cycles (&r))
    {
      store = g_steal_pointer (&r.store);
      store->serial++;
    }
  else
    {
      g_assert (local_error != NULL);
      g_propagate_error (error, local_error);
    }

  reader_clear (&r);

  return store;
}

