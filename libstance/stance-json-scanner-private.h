/* stance-json-scanner-private.h: the strict pull tokenizer under the document readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "stance-document-private.h"
#include "stance-error.h"

G_BEGIN_DECLS

/* The scanner knows JSON, not the document format: it reads tokens, checks
 * their syntax, keeps the member path of what is being read and says where
 * an error is.  What the values mean is the schema's business
 * (stance-document-schema.c), as json-glib keeps json-scanner.c apart from
 * json-parser.c.  It is stricter than JsonParser (duplicate members, 1e400,
 * big integers, strings cut at \u0000 and 01 are refused) and builds no
 * DOM, only `meta` values.
 *
 * A scanner reads one buffer: a whole JSON document, or one line of a JSON
 * Lines document (then @line is the line's number, every error starts
 * with "line N", and the buffer holds no newline). */

/* How many bytes of a value, or of a member name, a message quotes. */
#define STANCE_JSON_SHOWN_MAX      40
#define STANCE_JSON_NAME_SHOWN_MAX 100

typedef enum {
  STANCE_JSON_OBJECT,
  STANCE_JSON_ARRAY,
  STANCE_JSON_STRING,
  STANCE_JSON_NUMBER,
  STANCE_JSON_TRUE,
  STANCE_JSON_FALSE,
  STANCE_JSON_NULL,
} StanceJsonValueKind;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  guint         depth;
  GError      **error;
  /* 0 for a whole document; else the number of the JSON Lines line that
   * data holds. */
  guint64       line;

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

  GString      *path;    /* the member path of what is being read */
  /* Set while the path is not kept: by a reader that reads again, path and
   * all, to report any error it meets (stance-document-ahead.c). */
  gboolean      no_path;
  GString      *name;    /* the last member name */
  GString      *buf;     /* string values, reused */
  GByteArray   *stack;   /* containers open in skim_value() */
} StanceJsonScanner;

void        _stance_json_scanner_init     (StanceJsonScanner    *s,
                                           GError              **error);
void        _stance_json_scanner_clear    (StanceJsonScanner    *s);
/* Points the scanner at a new buffer (a document, or line @line), from its
 * start, at depth 0, with an empty path. */
void        _stance_json_scanner_reset    (StanceJsonScanner    *s,
                                           const guchar         *data,
                                           gsize                 length,
                                           guint64               line);

/* Errors.  Each returns FALSE, so that a check reads `return error (…)`. */
gboolean    _stance_json_error_at         (StanceJsonScanner    *s,
                                           gsize                 offset,
                                           StanceError           code,
                                           const char           *format,
                                           ...) G_GNUC_PRINTF (4, 5);
#define _stance_json_syntax_error(s, offset, ...) \
  _stance_json_error_at ((s), (offset), STANCE_ERROR_SYNTAX, __VA_ARGS__)
/* "PATH: message", "document: message" at the top, after "line N: " in a
 * JSON Lines line. */
gboolean    _stance_json_path_error       (StanceJsonScanner    *s,
                                           StanceError           code,
                                           const char           *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Prefixes an error already in s->error (from the store or the time
 * parser) with where the scanner is. */
gboolean    _stance_json_path_prefix      (StanceJsonScanner    *s);
/* A value quoted for a message: control characters escaped, bad bytes as
 * \xNN, cut after @max bytes. */
void        _stance_json_append_shown     (GString              *out,
                                           const char           *text,
                                           gsize                 len,
                                           gsize                 max);
char       *_stance_json_shown            (const char           *text,
                                           gsize                 len);

/* The member path */
gsize       _stance_json_path_push_member (StanceJsonScanner    *s,
                                           const char           *name,
                                           gsize                 len,
                                           gboolean              known);
gsize       _stance_json_path_push_index  (StanceJsonScanner    *s,
                                           guint                 index);
void        _stance_json_path_pop         (StanceJsonScanner    *s,
                                           gsize                 mark);

/* The whole buffer, before anything reads it: a byte order mark is an
 * error, invalid UTF-8 is noted for the strings that hold it. */
gboolean    _stance_json_check_encoding   (StanceJsonScanner    *s);

/* Tokens */
void        _stance_json_skip_ws          (StanceJsonScanner    *s);
gboolean    _stance_json_scan_string      (StanceJsonScanner    *s,
                                           GString              *out);
gboolean    _stance_json_value_begin      (StanceJsonScanner    *s,
                                           StanceJsonValueKind  *kind);
gboolean    _stance_json_enter            (StanceJsonScanner    *s);
int         _stance_json_object_next      (StanceJsonScanner    *s,
                                           gboolean             *first);
int         _stance_json_array_next       (StanceJsonScanner    *s,
                                           gboolean             *first);
gboolean    _stance_json_skim_value       (StanceJsonScanner    *s);

/* Values */
gboolean    _stance_json_type_error       (StanceJsonScanner    *s,
                                           const char           *expected,
                                           StanceJsonValueKind   kind);
int         _stance_json_read_string      (StanceJsonScanner    *s,
                                           GString              *out,
                                           gsize                *offset);
gboolean    _stance_json_read_meta        (StanceJsonScanner    *s,
                                           JsonNode            **out);

G_END_DECLS
