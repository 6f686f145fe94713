/* stance-json-writer-private.h: the one JSON layout the library writes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Everything libstance and the stance tool print as JSON goes through this
 * writer, so there is one layout: the pretty form of Python's
 * json.dumps (indent=2, ensure_ascii=False) -- two-space indentation, one
 * member per line, "name": value with no space before the colon -- or,
 * when @compact, the same on one line with ", " and ": " between items
 * (json.dumps's default), as JSON Lines wants.
 *
 * Text accumulates in @out.  A writer that streams gives a @flush
 * function: _stance_json_writer_flush() hands it what has accumulated, and
 * the callers call it between records, so memory does not grow with the
 * number of records.  A failed flush is remembered in @error; later writes
 * are dropped. */

typedef gboolean (*StanceJsonFlushFunc) (const char *data,
                                         gsize       length,
                                         gpointer    user_data,
                                         GError    **error);

/* The flush function for a stream: @user_data is a StanceJsonStream. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} StanceJsonStream;

gboolean _stance_json_flush_to_stream     (const char          *data,
                                           gsize                length,
                                           gpointer             user_data,
                                           GError             **error);

typedef struct
{
  GString            *out;
  guint               depth;
  gboolean            first;    /* nothing written yet at this depth */
  gboolean            compact;
  StanceJsonFlushFunc flush;
  gpointer            flush_data;
  GError             *error;    /* the first failed flush, or NULL */
} StanceJsonWriter;

void     _stance_json_writer_init         (StanceJsonWriter    *w,
                                           gsize                reserve,
                                           gboolean             compact);
void     _stance_json_writer_set_flush    (StanceJsonWriter    *w,
                                           StanceJsonFlushFunc  flush,
                                           gpointer             user_data);
/* Hands the text to the flush function when at least @threshold bytes
 * have accumulated (0: always).  Returns FALSE once a flush has failed. */
gboolean _stance_json_writer_flush        (StanceJsonWriter    *w,
                                           gsize                threshold);
/* Frees the text (after a last flush, if streaming) and returns the error,
 * if any, in @error. */
gboolean _stance_json_writer_finish       (StanceJsonWriter    *w,
                                           GError             **error);
/* Returns the text and its length; the writer is then empty. */
char    *_stance_json_writer_steal        (StanceJsonWriter    *w,
                                           gsize               *length);

void     _stance_json_writer_begin_object (StanceJsonWriter    *w);
void     _stance_json_writer_end_object   (StanceJsonWriter    *w);
void     _stance_json_writer_begin_array  (StanceJsonWriter    *w);
void     _stance_json_writer_end_array    (StanceJsonWriter    *w);
/* Starts the next member (@name) of an object or element (@name NULL) of
 * an array; a value call follows. */
void     _stance_json_writer_item         (StanceJsonWriter    *w,
                                           const char          *name);

void     _stance_json_writer_string       (StanceJsonWriter    *w,
                                           const char          *value);
void     _stance_json_writer_int          (StanceJsonWriter    *w,
                                           gint64               value);
void     _stance_json_writer_double       (StanceJsonWriter    *w,
                                           double               value);
void     _stance_json_writer_boolean      (StanceJsonWriter    *w,
                                           gboolean             value);
void     _stance_json_writer_null         (StanceJsonWriter    *w);
void     _stance_json_writer_node         (StanceJsonWriter    *w,
                                           JsonNode            *node);
/* A member with a string value; nothing when @value is NULL. */
void     _stance_json_writer_member_string (StanceJsonWriter   *w,
                                            const char         *name,
                                            const char         *value);
/* A newline, as a document or a JSON Lines record ends. */
void     _stance_json_writer_end_line     (StanceJsonWriter    *w);

G_END_DECLS
