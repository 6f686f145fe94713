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

#include "stance-contradiction-private.h"
#include "stance-contradiction-writer-private.h"

/* Flushed when this much text has accumulated. */
#define FLUSH_THRESHOLD (64 * 1024)

typedef struct
{
  StanceStore               *store;
  StanceJsonWriter           w;
  StanceContradictionFormat  format;
  guint64                    n;
} Writer;

static const char *
statement_id (StanceStore *store,
              guint32      stance)
{
  return _stance_store_stance_statement_id (store, stance);
}

/* One record of SPEC §4: kind, holder or holders, attributed_by, target,
 * statements. */
static void
write_record (StanceJsonWriter    *w,
              StanceStore         *store,
              const StanceFinding *finding)
{
  const char *holder = _stance_store_actor_id (store, finding->holder);

  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "kind", stance_contradiction_kind_to_string (finding->kind));
  if (finding->kind == STANCE_CONTRADICTION_KIND_CONFLICT)
    {
      _stance_json_writer_item (w, "holders");
      _stance_json_writer_begin_array (w);
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_string (w, holder);
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_string (w, _stance_store_actor_id (store, finding->other));
      _stance_json_writer_end_array (w);
    }
  else
    _stance_json_writer_member_string (w, "holder", holder);
  if (finding->kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION)
    _stance_json_writer_member_string (w, "attributed_by", _stance_store_actor_id (store, finding->other));
  _stance_json_writer_member_string (w, "target", _stance_store_ref_id (store, finding->target));
  _stance_json_writer_item (w, "statements");
  _stance_json_writer_begin_array (w);
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_string (w, statement_id (store, finding->first));
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_string (w, statement_id (store, finding->second));
  _stance_json_writer_end_array (w);
  _stance_json_writer_end_object (w);
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
      write_record (w, writer->store, finding);
      break;

    case STANCE_CONTRADICTION_FORMAT_JSON_LINES:
      write_record (w, writer->store, finding);
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

  _stance_json_writer_init (&writer.w, FLUSH_THRESHOLD + 4096, format == STANCE_CONTRADICTION_FORMAT_JSON_LINES);
  _stance_json_writer_set_flush (&writer.w, flush, flush_data);

  if (format == STANCE_CONTRADICTION_FORMAT_JSON)
    {
      _stance_json_writer_begin_object (&writer.w);
      _stance_json_writer_item (&writer.w, "contradictions");
      _stance_json_writer_begin_array (&writer.w);
    }

  _stance_find_each (store, index, filter, TRUE, write_one, &writer);

  if (format == STANCE_CONTRADICTION_FORMAT_JSON)
    {
      _stance_json_writer_end_array (&writer.w);
      _stance_json_writer_end_object (&writer.w);
      _stance_json_writer_end_line (&writer.w);
    }

  ok = _stance_json_writer_finish (&writer.w, error);
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
