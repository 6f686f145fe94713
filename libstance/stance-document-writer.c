/* stance-document-writer.c: a graph as a JSON document (SPEC §2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The writer walks the store and writes with the library's one JSON
 * writer (stance-json-writer.c): no DOM, so saving a million statements
 * costs the text and nothing more, in the layout of Python's json.dumps
 * (indent=2, ensure_ascii=False), so hand-written documents in that style
 * round-trip byte for byte.  Members come in the order SPEC §2 lists them, `meta`
 * last; optional members that are absent or empty are left out.
 *
 * The JSON Lines form (doc/document-format.md) writes the same objects,
 * compact, one node a line after a header, through a flush hook: a stream
 * of any length in bounded memory.
 */

#include "config.h"

#include <string.h>

#include "stance-document-private.h"
#include "stance-json-writer-private.h"

typedef StanceJsonWriter Writer;

static void
member_meta (Writer   *w,
             JsonNode *meta)
{
  if (meta == NULL)
    return;

  _stance_json_writer_item (w, "meta");
  _stance_json_writer_node (w, meta);
}

/* Each record's object, the same in both forms. */

static void
write_kind (Writer      *w,
            StanceStore *store,
            guint        i)
{
  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "name", _stance_store_kind_name (store, i));
  _stance_json_writer_member_string (w, "polarity", stance_polarity_to_string (_stance_store_kind_polarity (store, i)));
  member_meta (w, _stance_store_kind_meta (store, i));
  _stance_json_writer_end_object (w);
}

static void
write_actor (Writer      *w,
             StanceStore *store,
             guint        i)
{
  StanceActorKind kind = _stance_store_actor_kind (store, i);
  char **aliases = _stance_store_actor_aliases (store, i);
  const GArray *member_of = _stance_store_actor_member_of (store, i);

  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "id", _stance_store_actor_id (store, i));
  _stance_json_writer_member_string (w, "name", _stance_store_actor_name (store, i));
  /* "other" is the default: written only when it says something. */
  if (kind != STANCE_ACTOR_KIND_OTHER)
    _stance_json_writer_member_string (w, "kind", stance_actor_kind_to_string (kind));
  if (aliases != NULL && aliases[0] != NULL)
    {
      _stance_json_writer_item (w, "aliases");
      _stance_json_writer_begin_array (w);
      for (guint a = 0; aliases[a] != NULL; a++)
        {
          _stance_json_writer_item (w, NULL);
          _stance_json_writer_string (w, aliases[a]);
        }
      _stance_json_writer_end_array (w);
    }
  if (member_of != NULL && member_of->len > 0)
    {
      _stance_json_writer_item (w, "member_of");
      _stance_json_writer_begin_array (w);
      for (guint m = 0; m < member_of->len; m++)
        {
          _stance_json_writer_item (w, NULL);
          _stance_json_writer_string (w, _stance_store_actor_id (store, g_array_index (member_of, guint32, m)));
        }
      _stance_json_writer_end_array (w);
    }
  member_meta (w, _stance_store_actor_meta (store, i));
  _stance_json_writer_end_object (w);
}

static void
write_claim (Writer      *w,
             StanceStore *store,
             guint        i)
{
  guint32 whole = _stance_store_claim_part_of (store, i);

  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "id", _stance_store_claim_id (store, i));
  _stance_json_writer_member_string (w, "text", _stance_store_claim_text (store, i));
  _stance_json_writer_member_string (w, "lang", _stance_store_claim_lang (store, i));
  if (whole != STANCE_STORE_NO_INDEX)
    _stance_json_writer_member_string (w, "part_of", _stance_store_claim_id (store, whole));
  member_meta (w, _stance_store_claim_meta (store, i));
  _stance_json_writer_end_object (w);
}

static void
write_stance (Writer      *w,
              StanceStore *store,
              guint32      index)
{
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "kind", _stance_store_kind_name (store, _stance_store_stance_kind (store, index)));
  _stance_json_writer_member_string (w, "target", _stance_store_ref_id (store, _stance_store_stance_target (store, index)));
  if (_stance_store_stance_is_attributed (store, index) || _stance_store_stance_has_explicit_holder (store, index))
    _stance_json_writer_member_string (w, "holder", _stance_store_actor_id (store, _stance_store_stance_holder (store, index)));
  member_meta (w, _stance_store_get_stance_meta (store, index));
  _stance_json_writer_end_object (w);
}

static void
write_statement (Writer      *w,
                 StanceStore *store,
                 guint        i)
{
  guint32 reported = _stance_store_statement_reports (store, i);
  char time[STANCE_TIME_FORMAT_SIZE];

  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "id", _stance_store_statement_id (store, i));
  _stance_json_writer_member_string (w, "speaker", _stance_store_actor_id (store, _stance_store_statement_speaker (store, i)));
  _stance_time_format (_stance_store_statement_time (store, i), time);
  _stance_json_writer_member_string (w, "time", time);
  _stance_json_writer_member_string (w, "text", _stance_store_statement_text (store, i));
  _stance_json_writer_member_string (w, "lang", _stance_store_statement_lang (store, i));
  _stance_json_writer_member_string (w, "source", _stance_store_statement_source (store, i));
  if (reported != STANCE_STORE_NO_INDEX)
    _stance_json_writer_member_string (w, "reports", _stance_store_statement_id (store, reported));
  if (_stance_store_statement_has_stances (store, i))
    {
      _stance_json_writer_item (w, "stances");
      _stance_json_writer_begin_array (w);
      STANCE_STORE_FOREACH_STANCE_OF (store, i, stance)
        write_stance (w, store, stance);
      _stance_json_writer_end_array (w);
    }
  member_meta (w, _stance_store_statement_meta (store, i));
  _stance_json_writer_end_object (w);
}

typedef void (*RecordFunc) (Writer      *w,
                            StanceStore *store,
                            guint        index);

/* The record arrays of the two forms, in the order SPEC §2 lists them. */
static const struct
{
  const char *array;   /* a document's member */
  const char *record;  /* a JSON Lines record's member */
  StanceSort  sort;
  RecordFunc  write;
} record_arrays[] = {
  { "actors", "actor", STANCE_SORT_ACTOR, write_actor },
  { "claims", "claim", STANCE_SORT_CLAIM, write_claim },
  { "statements", "statement", STANCE_SORT_STATEMENT, write_statement },
};

/* Removed nodes keep their records (the store is append-only): a
 * document holds only the others. */
static gboolean
is_written (StanceStore *store,
            guint        array,
            guint        i)
{
  return !_stance_store_is_removed (store, stance_ref_make (record_arrays[array].sort, i));
}

static guint
n_records (StanceStore *store,
           guint        array)
{
  StanceSort sort = record_arrays[array].sort;

  return _stance_store_n_records (store, sort);
}

/* The document's own members but its nodes: the whole of a JSON Lines
 * header, and the start of a document. */
static void
write_head (Writer      *w,
            StanceStore *store)
{
  _stance_json_writer_item (w, "stance");
  _stance_json_writer_int (w, 1);
  if (_stance_store_n_kinds (store) > _stance_store_n_builtin_kinds (store))
    {
      _stance_json_writer_item (w, "kinds");
      _stance_json_writer_begin_array (w);
      for (guint i = _stance_store_n_builtin_kinds (store); i < _stance_store_n_kinds (store); i++)
        {
          _stance_json_writer_item (w, NULL);
          write_kind (w, store, i);
        }
      _stance_json_writer_end_array (w);
    }
}

char *
_stance_document_write (StanceStore *store,
                        gsize       *length)
{
  /* About 120 bytes a statement without text: one allocation for most. */
  Writer w;

  _stance_json_writer_init (&w, 256 + (gsize) _stance_store_n_statements (store) * 128, FALSE);

  _stance_json_writer_begin_object (&w);
  write_head (&w, store);
  for (guint a = 0; a < G_N_ELEMENTS (record_arrays); a++)
    {
      guint n = n_records (store, a);

      if (_stance_store_n_nodes (store, record_arrays[a].sort) == 0)
        continue;
      _stance_json_writer_item (&w, record_arrays[a].array);
      _stance_json_writer_begin_array (&w);
      for (guint i = 0; i < n; i++)
        {
          if (!is_written (store, a, i))
            continue;
          _stance_json_writer_item (&w, NULL);
          record_arrays[a].write (&w, store, i);
        }
      _stance_json_writer_end_array (&w);
    }
  member_meta (&w, _stance_store_document_meta (store));
  _stance_json_writer_end_object (&w);
  _stance_json_writer_end_line (&w);

  return _stance_json_writer_steal (&w, length);
}

/* JSON Lines: a header line, then one node a line, written to @w and
 * flushed every 64 KiB so that memory does not grow with the document.
 * The header carries the document's meta, which a document writes last. */
static gboolean
write_jsonl (Writer      *w,
             StanceStore *store)
{
  _stance_json_writer_begin_object (w);
  write_head (w, store);
  member_meta (w, _stance_store_document_meta (store));
  _stance_json_writer_end_object (w);
  _stance_json_writer_end_line (w);

  for (guint a = 0; a < G_N_ELEMENTS (record_arrays); a++)
    {
      guint n = n_records (store, a);

      for (guint i = 0; i < n; i++)
        {
          if (!is_written (store, a, i))
            continue;
          _stance_json_writer_begin_object (w);
          _stance_json_writer_item (w, record_arrays[a].record);
          record_arrays[a].write (w, store, i);
          _stance_json_writer_end_object (w);
          _stance_json_writer_end_line (w);
          if (!_stance_json_writer_flush (w, 64 * 1024))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_stance_document_write_jsonl (StanceStore    *store,
                              GOutputStream  *stream,
                              GCancellable   *cancellable,
                              GError        **error)
{
  StanceJsonStream target = { stream, cancellable };
  Writer w;

  _stance_json_writer_init (&w, 128 * 1024, TRUE);
  _stance_json_writer_set_flush (&w, _stance_json_flush_to_stream, &target);
  write_jsonl (&w, store);

  return _stance_json_writer_finish (&w, error);
}

char *
_stance_document_write_jsonl_data (StanceStore *store,
                                   gsize       *length)
{
  Writer w;

  _stance_json_writer_init (&w, 256 + (gsize) _stance_store_n_statements (store) * 128, TRUE);
  write_jsonl (&w, store);

  return _stance_json_writer_steal (&w, length);
}

gboolean
_stance_document_is_jsonl_name (const char *filename)
{
  return g_str_has_suffix (filename, ".jsonl");
}
