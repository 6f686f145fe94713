/* stance-document-ahead.c: the statements read one batch ahead of the store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loading a big document is two jobs of about the same size: reading the
 * JSON and checking it against the schema (stance-json-scanner.c,
 * stance-document-schema.c), and putting what it says into the store:
 * checking that ids are new, looking references up, appending records.
 * On the skewed 1M benchmark each takes about 0.3 s of one core.  On a
 * machine with a second core they need not take turns: while the reader
 * reads the top-level `statements` array, it hands the steps that change
 * the store, in the order it meets them, to a thread of its own, a batch
 * of statements at a time.  That thread replays them with the very calls
 * the reader would have made (_stance_document_replay_value() and
 * _stance_document_replay_finish(), in stance-document-schema.c), on a
 * shadow reader that shares the store and the pending references, so the
 * store and every reference left pending come out the same, in the same
 * order.
 *
 * Errors: a document is refused with the first error in document order,
 * with the path of where it is (stance-document-schema.c).  Here, that
 * order is lost (two threads find errors), and so is the path: the reader
 * does not keep it meanwhile, nor look ahead for ids to show in it, which
 * is a tenth of its work.  So any error -- the reader's own (syntax, types,
 * members) or the thread's (a duplicate id, a time, a full store) -- stops
 * both at the next batch, and the whole document is read again in one
 * thread (stance-document-reader.c), which reports the first error with its
 * path.  A refused document costs up to twice the time of reading it; an
 * accepted one, never.
 *
 * Only the statements array is read this way: it is where the data is, and
 * nothing in it declares a kind or adds an actor or a claim, which the
 * reader would look up.  Memory stays bounded: N_BATCHES batches, of at
 * most BATCH_STATEMENTS statements or a little more than BATCH_TEXT bytes
 * of strings each; the reader waits for an empty one when it is that far
 * ahead.
 */

#include "config.h"

#include "stance-document-schema-private.h"
#include "stance-gstring-private.h"

/* Statements per batch: passing a batch (two queue operations) costs
 * nothing beside reading a thousand statements. */
#define BATCH_STATEMENTS 1024
/* A batch is handed over early when its strings pass this many bytes, so
 * that statements with long texts do not make batches big. */
#define BATCH_TEXT (256 * 1024)
/* Batches in all: the reader may be this many batches ahead. */
#define N_BATCHES 16

/* Below this many bytes left in the document the work is too short to be
 * worth a thread (about 70,000 statements of the benchmark's shape). */
#define AHEAD_MIN_BYTES (8 * 1024 * 1024)

/* One step that changes the store, as the reader met it. */
typedef enum {
  OP_VALUE,   /* a member's value: an id checked, a reference looked up, a time parsed */
  OP_FINISH,  /* the object's end: its record */
} OpCode;

typedef struct
{
  guint8      code;     /* OpCode */
  guint8      schema;   /* StanceSchemaId */
  guint8      member;   /* OP_VALUE: the member's index */
  guint32     present;  /* OP_FINISH: the members present */
  gsize       text;     /* OP_VALUE: where in the batch's text */
  gsize       len;
  JsonNode   *meta;     /* OP_FINISH: taken, or NULL */
} Op;

typedef struct
{
  GArray  *ops;         /* Op */
  guint    room;        /* what ops has room for */
  GString *text;        /* the strings of the ops, each followed by a NUL */
  guint    statements;  /* statements finished in it */
} Batch;

struct _StanceDocumentAhead
{
  StanceDocumentReader  shadow;  /* the thread's reader */
  GAsyncQueue          *full;    /* batches in order, then the end */
  GAsyncQueue          *empty;   /* batches handed back */
  Batch                *batch;   /* the one the reader fills */
  GThread              *thread;
  gint                  failed;  /* atomic: the thread (or the reader) met an error */
};

/* Marks the end of the batches in @full. */
static Batch end_of_batches;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->room = 4 * BATCH_STATEMENTS;
  batch->ops = g_array_sized_new (FALSE, FALSE, sizeof (Op), batch->room);
  batch->text = g_string_sized_new (64 * BATCH_STATEMENTS);
  return batch;
}

/* Empties @batch; the meta of steps not replayed (after an error) goes. */
static void
batch_reset (Batch *batch)
{
  for (guint i = 0; i < batch->ops->len; i++)
    g_clear_pointer (&g_array_index (batch->ops, Op, i).meta, json_node_unref);
  g_array_set_size (batch->ops, 0);
  g_string_truncate (batch->text, 0);
  batch->statements = 0;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  batch_reset (batch);
  g_array_unref (batch->ops);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

/* The thread */

/* Replays @batch's steps on the shadow reader; FALSE at the first error. */
static gboolean
replay (StanceDocumentReader *r,
        Batch                *batch)
{
  for (guint i = 0; i < batch->ops->len; i++)
    {
      Op *op = &g_array_index (batch->ops, Op, i);
      const char *text = batch->text->str + op->text;

      switch ((OpCode) op->code)
        {
        case OP_VALUE:
          if (!_stance_document_replay_value (r, op->schema, op->member, text, op->len))
            return FALSE;
          break;

        case OP_FINISH:
        default:
          if (!_stance_document_replay_finish (r, op->schema, op->present, g_steal_pointer (&op->meta)))
            return FALSE;
          break;
        }
    }

  return TRUE;
}

static gpointer
replay_batches (gpointer data)
{
  StanceDocumentAhead *ahead = data;
  Batch *batch;

  /* After an error the batches still come, and are only emptied: the
   * reader stops at its next one. */
  while ((batch = g_async_queue_pop (ahead->full)) != &end_of_batches)
    {
      if (!g_atomic_int_get (&ahead->failed) && !replay (&ahead->shadow, batch))
        g_atomic_int_set (&ahead->failed, TRUE);
      batch_reset (batch);
      g_async_queue_push (ahead->empty, batch);
    }

  return NULL;
}

/* The reader's side */

StanceDocumentAhead *
_stance_document_ahead_start (StanceDocumentReader *r)
{
  StanceDocumentAhead *ahead;

  if (r->mode == STANCE_DOCUMENT_READ_SERIAL)
    return NULL;
  if (r->mode == STANCE_DOCUMENT_READ_AUTO &&
      (r->scan.length - r->scan.pos < AHEAD_MIN_BYTES || g_get_num_processors () < 2))
    return NULL;

  ahead = g_new0 (StanceDocumentAhead, 1);
  _stance_document_reader_init_shadow (&ahead->shadow, r);
  ahead->full = g_async_queue_new ();
  ahead->empty = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (ahead->empty, batch_new ());
  ahead->batch = g_async_queue_pop (ahead->empty);

  ahead->thread = g_thread_try_new ("stance-reader", replay_batches, ahead, NULL);
  if (ahead->thread != NULL)
    r->scan.no_path = TRUE;  /* any error makes the reading start again */
  if (ahead->thread == NULL)
    {
      /* No thread to be had: the reader does it all, as for a small document. */
      batch_free (ahead->batch);
      g_async_queue_unref (ahead->full);
      g_async_queue_unref (ahead->empty);
      _stance_document_reader_clear_shadow (&ahead->shadow);
      g_free (ahead);
      return NULL;
    }

  return ahead;
}

static Op *
add_op (StanceDocumentAhead *ahead,
        OpCode               code,
        StanceSchemaId       schema,
        guint                member)
{
  Batch *batch = ahead->batch;
  Op *op;

  /* A call only to grow: this runs a few times per statement. */
  if (G_UNLIKELY (batch->ops->len == batch->room))
    {
      guint len = batch->ops->len;

      batch->room *= 2;
      g_array_set_size (batch->ops, batch->room);
      g_array_set_size (batch->ops, len);
    }
  op = &g_array_index (batch->ops, Op, batch->ops->len++);
  op->code = code;
  op->schema = schema;
  op->member = member;
  op->meta = NULL;  /* batch_reset() frees what is left */
  return op;
}

void
_stance_document_ahead_value (StanceDocumentAhead *ahead,
                              StanceSchemaId       schema,
                              guint                member,
                              const char          *text,
                              gsize                len)
{
  GString *out = ahead->batch->text;
  Op *op = add_op (ahead, OP_VALUE, schema, member);

  op->text = out->len;
  op->len = len;
  _stance_gstring_append_len (out, text, len);
  _stance_gstring_append_c (out, '\0');
}

static void
hand_over (StanceDocumentAhead *ahead)
{
  g_async_queue_push (ahead->full, ahead->batch);
  ahead->batch = g_async_queue_pop (ahead->empty);
}

/* Stops the reader: the document will be read again (see the top). */
static gboolean
read_again (StanceDocumentReader *r)
{
  r->read_again = TRUE;
  if (r->local_error == NULL)
    g_set_error_literal (r->error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                         "the document is read again to find its first error");
  return FALSE;
}

gboolean
_stance_document_ahead_finish (StanceDocumentReader *r,
                               StanceSchemaId        schema,
                               guint                 present,
                               JsonNode             *meta)
{
  StanceDocumentAhead *ahead = r->ahead;
  Batch *batch = ahead->batch;
  Op *op = add_op (ahead, OP_FINISH, schema, 0);

  op->present = present;
  op->meta = meta;

  if (schema == STANCE_SCHEMA_STATEMENT &&
      (++batch->statements >= BATCH_STATEMENTS || batch->text->len >= BATCH_TEXT))
    {
      hand_over (ahead);
      if (g_atomic_int_get (&ahead->failed))
        return read_again (r);
    }

  return TRUE;
}

gboolean
_stance_document_ahead_join (StanceDocumentReader *r,
                             StanceDocumentAhead  *ahead,
                             gboolean              read)
{
  gboolean failed;

  if (!read)
    g_atomic_int_set (&ahead->failed, TRUE);  /* read again anyway: the thread only empties its queue */
  else if (ahead->batch->ops->len > 0)
    hand_over (ahead);
  g_async_queue_push (ahead->full, &end_of_batches);
  g_thread_join (ahead->thread);
  failed = g_atomic_int_get (&ahead->failed);

  batch_free (ahead->batch);
  g_async_queue_unref (ahead->full);
  g_async_queue_unref (ahead->empty);
  _stance_document_reader_clear_shadow (&ahead->shadow);
  g_free (ahead);

  r->scan.no_path = FALSE;
  if (failed || !read)
    return read_again (r);
  return TRUE;
}
