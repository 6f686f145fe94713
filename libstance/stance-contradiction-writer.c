/* stance-contradiction-writer.c: records written as they are found
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The finder hands records out in the order of SPEC §4, one target's
 * records of one kind at a time (stance-finder.c), and this writes each
 * one at once with the library's JSON writer, flushing as it goes: the
 * output of `stance check` takes memory in proportion to the largest
 * target's records, not to all of them.
 */

#include "config.h"

#include <string.h>

#include "stance-contradiction-private.h"
#include "stance-contradiction-writer-private.h"
#include "stance-gstring-private.h"

/* Flushed when this much text has accumulated. */
#define FLUSH_THRESHOLD (64 * 1024)

/* A record's text is the same for every record of a kind but for its five
 * ids, and the ids of a busy target or a prolific holder recur in millions
 * of records.  So each id is quoted once (QuotedIds), and each record is
 * written from a template: the text between its ids, taken from one record
 * that write_record() renders with placeholders.  The layout stays the
 * writer's; the records are the same bytes, several times faster. */

enum { SLOT_HOLDER, SLOT_OTHER, SLOT_TARGET, SLOT_FIRST, SLOT_SECOND, N_SLOTS };

typedef struct
{
  GString *text;                   /* the pieces, one after another */
  gsize    piece_end[N_SLOTS + 1]; /* piece i ends at piece_end[i] */
  guint8   slot[N_SLOTS];          /* the id after piece i */
  guint    n_slots;
} Template;

/* An id's quoted text is at offset (span >> 24) of @text, (span & 0xFFFFFF)
 * bytes long; 0: not quoted yet.  Ids whose quoted text is longer than that
 * are quoted each time. */
#define QUOTED_LEN_BITS 24

typedef struct
{
  GString *text;
  guint64 *spans[STANCE_SORT_STATEMENT + 1];  /* by StanceSort, by index */
} QuotedIds;

typedef struct
{
  StanceStore               *store;
  StanceJsonWriter           w;
  StanceContradictionFormat  format;
  guint64                    n;
  Template                   templates[4];   /* by kind; text NULL until used */
  QuotedIds                  quoted;
} Writer;

/* One record of SPEC §4: kind, holder or holders, attributed_by, target,
 * statements.  The layout of every record; the writer renders it once per
 * kind, with placeholders for the ids (template_init()). */
static void
write_record (StanceJsonWriter        *w,
              StanceContradictionKind  kind,
              const char              *ids[N_SLOTS])
{
  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "kind", stance_contradiction_kind_to_string (kind));
  if (kind == STANCE_CONTRADICTION_KIND_CONFLICT)
    {
      _stance_json_writer_item (w, "holders");
      _stance_json_writer_begin_array (w);
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_string (w, ids[SLOT_HOLDER]);
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_string (w, ids[SLOT_OTHER]);
      _stance_json_writer_end_array (w);
    }
  else
    _stance_json_writer_member_string (w, "holder", ids[SLOT_HOLDER]);
  if (kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION)
    _stance_json_writer_member_string (w, "attributed_by", ids[SLOT_OTHER]);
  _stance_json_writer_member_string (w, "target", ids[SLOT_TARGET]);
  _stance_json_writer_item (w, "statements");
  _stance_json_writer_begin_array (w);
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_string (w, ids[SLOT_FIRST]);
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_string (w, ids[SLOT_SECOND]);
  _stance_json_writer_end_array (w);
  _stance_json_writer_end_object (w);
}

/* Renders a record of @kind at the depth and in the form of @w, with
 * "@0@" … "@4@" for the ids (nothing else in a record has an '@'), and
 * cuts it at them. */
static void
template_init (Template                *t,
               const StanceJsonWriter  *w,
               StanceContradictionKind  kind)
{
  static const char *placeholders[N_SLOTS] = { "@0@", "@1@", "@2@", "@3@", "@4@" };
  StanceJsonWriter r;
  g_autofree char *rendered = NULL;
  const char *p, *run;

  _stance_json_writer_init (&r, 256, w->compact);
  r.depth = w->depth;
  write_record (&r, kind, placeholders);
  rendered = _stance_json_writer_steal (&r, NULL);

  t->text = g_string_new (NULL);
  t->n_slots = 0;
  for (p = run = rendered; (p = strstr (p, "\"@")) != NULL; p += 5)
    {
      g_assert (t->n_slots < N_SLOTS && p[2] >= '0' && p[2] < '0' + N_SLOTS && strncmp (p + 3, "@\"", 2) == 0);
      g_string_append_len (t->text, run, p - run);
      t->piece_end[t->n_slots] = t->text->len;
      t->slot[t->n_slots++] = p[2] - '0';
      run = p + 5;
    }
  g_string_append (t->text, run);
  t->piece_end[t->n_slots] = t->text->len;
}

/* Appends the quoted id of the record @index of @sort. */
static void
put_id (Writer     *writer,
        StanceSort  sort,
        guint32     index)
{
  QuotedIds *q = &writer->quoted;
  GString *out = writer->w.out;
  guint64 span;

  if (q->spans[sort] == NULL)
    {
      guint n = _stance_store_n_records (writer->store, sort);

      q->spans[sort] = g_new0 (guint64, MAX (n, 1));
    }

  span = q->spans[sort][index];
  if (span == 0)
    {
      gsize start = q->text->len;
      StanceJsonWriter quoter = { .out = q->text };
      const char *id = _stance_store_ref_id (writer->store, stance_ref_make (sort, index));

      _stance_json_writer_string (&quoter, id);
      if (q->text->len - start >= (1u << QUOTED_LEN_BITS))
        {
          _stance_gstring_truncate (q->text, start);
          _stance_json_writer_string (&writer->w, id);
          return;
        }
      span = ((guint64) start << QUOTED_LEN_BITS) | (q->text->len - start);
      q->spans[sort][index] = span;
    }

  _stance_gstring_append_len (out, q->text->str + (span >> QUOTED_LEN_BITS),
                              span & ((1u << QUOTED_LEN_BITS) - 1));
}

static void
put_record (Writer              *writer,
            const StanceFinding *finding)
{
  StanceStore *store = writer->store;
  Template *t = &writer->templates[finding->kind];
  GString *out = writer->w.out;
  gsize piece = 0;

  if (t->text == NULL)
    template_init (t, &writer->w, finding->kind);

  for (guint i = 0; i < t->n_slots; i++)
    {
      guint32 stance;

      _stance_gstring_append_len (out, t->text->str + piece, t->piece_end[i] - piece);
      piece = t->piece_end[i];
      switch (t->slot[i])
        {
        case SLOT_HOLDER:
          put_id (writer, STANCE_SORT_ACTOR, finding->holder);
          break;
        case SLOT_OTHER:
          put_id (writer, STANCE_SORT_ACTOR, finding->other);
          break;
        case SLOT_TARGET:
          put_id (writer, stance_ref_sort (finding->target), stance_ref_index (finding->target));
          break;
        default:
          stance = t->slot[i] == SLOT_FIRST ? finding->first : finding->second;
          put_id (writer, STANCE_SORT_STATEMENT, _stance_store_stance_statement (store, stance));
        }
    }
  _stance_gstring_append_len (out, t->text->str + piece, t->piece_end[t->n_slots] - piece);
  /* As after write_record()'s last call. */
  writer->w.first = FALSE;
}

static void
write_one (const StanceFinding *finding,
           gpointer             user_data)
{
  Writer *writer = user_data;
  StanceJsonWriter *w = &writer->w;

  /* After a failed write, the rest is dropped. */
  if (w->error != NULL)
    return;

  switch (writer->format)
    {
    case STANCE_CONTRADICTION_FORMAT_JSON:
      _stance_json_writer_item (w, NULL);
      put_record (writer, finding);
      break;

    case STANCE_CONTRADICTION_FORMAT_JSON_LINES:
      put_record (writer, finding);
      _stance_json_writer_end_line (w);
      break;

    case STANCE_CONTRADICTION_FORMAT_TEXT:
    default:
      _stance_finding_describe (writer->store, finding, w->out);
      g_string_append_c (w->out, '\n');
      break;
    }

  writer->n++;
  _stance_json_writer_flush (w, FLUSH_THRESHOLD);
}

/* Records are written from the store's arrays in an order of their own,
 * and at a million statements each id read is a miss of the cache.  So
 * the ids of the records a few places ahead are fetched in advance, in
 * three steps of DISTANCE records each: the stances (to find their
 * statements); then the statements' entries in the quoted ids and the
 * statements themselves; then the quoted text, or, for an id not quoted
 * yet, the id.  Each step finds in the cache what the one before fetched. */
#define DISTANCE 8

static void
write_batch (const StanceFinding *findings,
             guint                n,
             gpointer             user_data)
{
  Writer *writer = user_data;
  StanceStore *store = writer->store;

  /* In the loop itself, not in a helper: GCC takes a function that only
   * prefetches for one without effects, and drops its calls. */
  for (guint i = 0; i < n; i++)
    {
      const guint64 *spans = writer->quoted.spans[STANCE_SORT_STATEMENT];

      for (guint step = 0; step < 3; step++)
        {
          const StanceFinding *ahead = &findings[i + (3 - step) * DISTANCE];

          if (i + (3 - step) * DISTANCE >= n)
            continue;
          for (guint k = 0; k < 2; k++)
            {
              guint32 stance = k == 0 ? ahead->first : ahead->second;
              guint32 statement;

              if (step == 0)
                {
                  STANCE_STORE_PREFETCH_STANCE (store, stance);
                  continue;
                }
              statement = _stance_store_stance_statement (store, stance);
              if (step == 1)
                {
                  STANCE_STORE_PREFETCH_STATEMENT (store, statement);
                  if (spans != NULL)
                    __builtin_prefetch (&spans[statement]);
                }
              else if (spans != NULL && spans[statement] != 0)
                __builtin_prefetch (writer->quoted.text->str + (spans[statement] >> QUOTED_LEN_BITS));
              else
                STANCE_STORE_PREFETCH_STATEMENT_ID (store, statement);
            }
        }
      write_one (&findings[i], writer);
    }
}

gboolean
_stance_write_contradictions (StanceStore                *store,
                              StanceActIndex             *index,
                              const StanceFindingFilter  *filter,
                              StanceContradictionFormat   format,
                              StanceJsonFlushFunc         flush,
                              gpointer                    flush_data,
                              guint64                    *n_written,
                              GError                    **error)
{
  Writer writer = { store, { 0 }, format, 0 };
  gboolean ok;

  writer.quoted.text = g_string_new (NULL);

  _stance_json_writer_init (&writer.w, FLUSH_THRESHOLD + 4096, format == STANCE_CONTRADICTION_FORMAT_JSON_LINES);
  _stance_json_writer_set_flush (&writer.w, flush, flush_data);

  if (format == STANCE_CONTRADICTION_FORMAT_JSON)
    {
      _stance_json_writer_begin_object (&writer.w);
      _stance_json_writer_item (&writer.w, "contradictions");
      _stance_json_writer_begin_array (&writer.w);
    }

  _stance_find_each_ahead (store, index, filter, write_batch, &writer);

  if (format == STANCE_CONTRADICTION_FORMAT_JSON)
    {
      _stance_json_writer_end_array (&writer.w);
      _stance_json_writer_end_object (&writer.w);
      _stance_json_writer_end_line (&writer.w);
    }

  ok = _stance_json_writer_finish (&writer.w, error);
  for (guint k = 0; k < G_N_ELEMENTS (writer.templates); k++)
    if (writer.templates[k].text != NULL)
      g_string_free (writer.templates[k].text, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (writer.quoted.spans); s++)
    g_free (writer.quoted.spans[s]);
  g_string_free (writer.quoted.text, TRUE);
  if (n_written != NULL)
    *n_written = writer.n;

  return ok;
}

static void
count_one (const StanceFinding *finding,
           gpointer             user_data)
{
  guint64 *counts = user_data;

  counts[finding->kind]++;
}

void
_stance_count_contradictions (StanceStore               *store,
                              StanceActIndex            *index,
                              const StanceFindingFilter *filter,
                              guint64                    counts[4])
{
  for (guint k = 0; k < 4; k++)
    counts[k] = 0;

  _stance_find_each (store, index, filter, FALSE, count_one, counts);
}
