/* stance-document-schema-private.h: what the document readers share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-document-private.h"
#include "stance-json-scanner-private.h"

G_BEGIN_DECLS

/* Reading a document is three concerns, one file each:
 *
 *  - stance-json-scanner.c: JSON tokens, their syntax, the member path;
 *  - stance-document-schema.c: what the members of each object kind mean,
 *    as tables read by one loop, records streamed into a store;
 *  - stance-document-resolve.c: references that could not be resolved
 *    when read (forward ones, kinds declared later, and wrong ones), and
 *    the cycle checks, after the whole input.
 *
 * The JSON reader (stance-document-reader.c) runs them over a whole
 * document, the JSON Lines reader (stance-document-jsonl.c) over one line
 * at a time; both get the same checks in the same order. */

/* The schemas: the JSON document's top-level object, and the objects in
 * it.  A JSON Lines document has a header and then records. */
typedef enum {
  STANCE_SCHEMA_DOCUMENT,
  STANCE_SCHEMA_HEADER,
  STANCE_SCHEMA_RECORD,
  STANCE_SCHEMA_KIND,
  STANCE_SCHEMA_ACTOR,
  STANCE_SCHEMA_CLAIM,
  STANCE_SCHEMA_STATEMENT,
  STANCE_SCHEMA_STANCE,
  STANCE_N_SCHEMAS
} StanceSchemaId;

/* Which field of which record a pending reference patches. */
typedef enum {
  STANCE_PENDING_MEMBER_OF,  /* actors[record].member_of[sub] */
  STANCE_PENDING_PART_OF,    /* claims[record].part_of */
  STANCE_PENDING_SPEAKER,    /* statements[record].speaker */
  STANCE_PENDING_REPORTS,    /* statements[record].reports */
  STANCE_PENDING_TARGET,     /* stances[record].target */
  STANCE_PENDING_HOLDER,     /* stances[record].holder */
  STANCE_PENDING_KIND,       /* stances[record].kind */
} StancePendingField;

/* A reference not resolved when it was read.  Pending references are
 * appended in reading order, which is document order, so the first that
 * fails at the end is the one to report.  Only these keep their id (in
 * pending_names): a reference to a node read before it costs nothing, and
 * neither reader needs the input after reading it, so documents may be of
 * any size. */
typedef struct
{
  const char *name;
  guint64     line;    /* the JSON Lines line, or 0 */
  guint32     record;
  guint32     sub;
  guint8      field;   /* StancePendingField */
} StancePending;

/* The values of the members of one object being read, reused from one
 * object to the next. */
#define STANCE_SCHEMA_MAX_MEMBERS 9

typedef struct
{
  guint       seen;     /* members met, by index, to refuse duplicates */
  guint       present;  /* members met and not null */
  GString    *strings[STANCE_SCHEMA_MAX_MEMBERS];
  guint32     refs[STANCE_SCHEMA_MAX_MEMBERS];
  JsonNode   *meta;
  StanceTime  time;
  guint64     id_hash;  /* the _stance_id_hash() of the id */
  int         enum_value;  /* a polarity, an actor kind, or a stance's kind index (-1: pending) */
  gsize       path_end;    /* where the object's own path element ends */
  gboolean    id_shown;    /* its id is in the path */
} StanceSchemaValues;

typedef struct _StanceDocumentAhead StanceDocumentAhead;

typedef struct
{
  StanceJsonScanner   scan;
  GError            **error;          /* &local_error */
  GError             *local_error;
  StanceStore        *store;
  StanceSchemaValues  values[STANCE_N_SCHEMAS];

  /* The current actor's member_of (guint32) and aliases, the current
   * statement's first and last stance (index + 1). */
  GArray             *member_of;
  GPtrArray          *aliases;
  guint32             first_stance;
  guint32             last_stance;

  GArray             *pending;        /* StancePending */
  GStringChunk       *pending_names;
  /* Where the claims and the statements began (a byte offset, or a line):
   * of two cycles, the one in what comes first is reported. */
  guint64             claims_at;
  guint64             statements_at;

  /* Whether the top-level statements array may be read with the store's
   * work in a thread of its own (stance-document-ahead.c), and, while it
   * is, where that work goes instead of into the store (else NULL). */
  StanceDocumentReadMode mode;
  StanceDocumentAhead *ahead;
  /* Set when that thread met an error: the document is read again without
   * it, which finds the first error in document order. */
  gboolean            read_again;
} StanceDocumentReader;

/* The reader always collects its error, even when the caller does not
 * want it: every check returns through it. */
void     _stance_document_reader_init     (StanceDocumentReader  *r);
/* When @read (everything was read without error), resolves the pending
 * references and checks cycles.  Frees the reader and returns the store,
 * or NULL with the first error. */
StanceStore *
         _stance_document_reader_finish   (StanceDocumentReader  *r,
                                           gboolean               read,
                                           GError               **error);

/* stance-document-schema.c */

/* The version pre-scan of the buffer in r->scan: its top-level object must
 * have "stance": 1.  Skims without recursion and checks strings only for
 * syntax, so that a bad version is the first error reported. */
gboolean _stance_document_check_version   (StanceDocumentReader  *r);
/* Reads the buffer in r->scan as one whole value of @schema (the
 * document, a header or a record), then checks that nothing follows. */
gboolean _stance_document_read_value      (StanceDocumentReader  *r,
                                           StanceSchemaId         schema);

/* The steps that change the store, for the thread of
 * stance-document-ahead.c, which runs them in the order the reader met
 * them, with @r a reader made by _stance_document_reader_init_shadow():
 * the value of member @member of an object of @schema, a string (an id is
 * checked at once, a reference resolved or left pending, a time parsed);
 * then the object's end, with the members that were present and its meta
 * (taken).  FALSE, with r->local_error set, on an error. */
gboolean _stance_document_replay_value     (StanceDocumentReader  *r,
                                           StanceSchemaId         schema,
                                           guint                  member,
                                           const char            *text,
                                           gsize                  len);
gboolean _stance_document_replay_finish    (StanceDocumentReader  *r,
                                           StanceSchemaId         schema,
                                           guint                  present,
                                           JsonNode              *meta);
/* A reader that shares @r's store and pending references, with values and
 * an error of its own; cleared with _stance_document_reader_clear_shadow(). */
void     _stance_document_reader_init_shadow  (StanceDocumentReader *shadow,
                                               StanceDocumentReader *r);
void     _stance_document_reader_clear_shadow (StanceDocumentReader *shadow);

/* stance-document-ahead.c */

/* Starts the store's thread for the statements array that @r is about to
 * read, when r->mode and the size of what is left say so; NULL when not. */
StanceDocumentAhead *
         _stance_document_ahead_start     (StanceDocumentReader  *r);
/* What the reader hands over instead of changing the store: see
 * _stance_document_replay_value() and _stance_document_replay_finish().
 * The text is copied.  _stance_document_ahead_finish() returns FALSE, with
 * an error in @r, when the thread has met an error (reading on is then
 * pointless). */
void     _stance_document_ahead_value     (StanceDocumentAhead   *ahead,
                                           StanceSchemaId         schema,
                                           guint                  member,
                                           const char            *text,
                                           gsize                  len);
gboolean _stance_document_ahead_finish    (StanceDocumentReader  *r,
                                           StanceSchemaId         schema,
                                           guint                  present,
                                           JsonNode              *meta);
/* After the array (@read: whether it was read without error): hands over
 * what is left, waits for the thread and frees @ahead.  Returns @read,
 * or FALSE with r->read_again set when the thread met an error. */
gboolean _stance_document_ahead_join      (StanceDocumentReader  *r,
                                           StanceDocumentAhead   *ahead,
                                           gboolean               read);

/* stance-document-resolve.c */

/* Resolves @name (@len bytes, no NUL) now if it names a node of the right
 * sort already read, storing the link in *@value; else keeps it pending
 * (*@value is then a placeholder) for _stance_document_resolve(). */
void     _stance_document_reference       (StanceDocumentReader  *r,
                                           StancePendingField     field,
                                           guint32                record,
                                           guint32                sub,
                                           const char            *name,
                                           gsize                  len,
                                           guint32               *value);
/* After the whole input: the pending references in document order, then
 * part_of and reports cycles. */
gboolean _stance_document_resolve         (StanceDocumentReader  *r);
gboolean _stance_document_check_cycles    (StanceDocumentReader  *r);
/* Appends where a node is to a message: "statements[4] (\"id\")" in a
 * document (@line 0), "statement (\"id\")" in JSON Lines.  @array is the
 * plural; @id may be NULL or empty, and is then left out. */
void     _stance_document_append_node     (GString               *out,
                                           const char            *array,
                                           guint32                index,
                                           guint64                line,
                                           const char            *id);
/* Sets each stance of @statement that names no holder to be held by the
 * statement's speaker. */
void     _stance_document_default_holders (StanceStore           *store,
                                           guint32                statement);

G_END_DECLS
