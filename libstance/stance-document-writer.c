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

static void
write_kinds (Writer      *w,
             StanceStore *store)
{
  if (store->kinds->len == store->n_builtin_kinds)
    return;

  _stance_json_writer_item (w, "kinds");
  _stance_json_writer_begin_array (w);
  for (guint i = store->n_builtin_kinds; i < store->kinds->len; i++)
    {
      StanceKindRecord *kind = STANCE_STORE_KIND (store, i);

      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_member_string (w, "name", kind->name);
      _stance_json_writer_member_string (w, "polarity", stance_polarity_to_string (kind->polarity));
      member_meta (w, kind->meta);
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);
}

static void
write_actors (Writer      *w,
              StanceStore *store)
{
  if (_stance_store_n_nodes (store, STANCE_SORT_ACTOR) == 0)
    return;

  _stance_json_writer_item (w, "actors");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);

      if (_stance_store_is_removed (store, stance_ref_make (STANCE_SORT_ACTOR, i)))
        continue;

      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_member_string (w, "id", actor->id);
      _stance_json_writer_member_string (w, "name", actor->name);
      /* "other" is the default: written only when it says something. */
      if (actor->kind != STANCE_ACTOR_KIND_OTHER)
        _stance_json_writer_member_string (w, "kind", stance_actor_kind_to_string (actor->kind));
      if (actor->aliases != NULL && actor->aliases[0] != NULL)
        {
          _stance_json_writer_item (w, "aliases");
          _stance_json_writer_begin_array (w);
          for (guint a = 0; actor->aliases[a] != NULL; a++)
            {
              _stance_json_writer_item (w, NULL);
              _stance_json_writer_string (w, actor->aliases[a]);
            }
          _stance_json_writer_end_array (w);
        }
      if (actor->member_of != NULL && actor->member_of->len > 0)
        {
          _stance_json_writer_item (w, "member_of");
          _stance_json_writer_begin_array (w);
          for (guint m = 0; m < actor->member_of->len; m++)
            {
              _stance_json_writer_item (w, NULL);
              _stance_json_writer_string (w, STANCE_STORE_ACTOR (store, g_array_index (actor->member_of, guint32, m))->id);
            }
          _stance_json_writer_end_array (w);
        }
      member_meta (w, actor->meta);
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);
}

static void
write_claims (Writer      *w,
              StanceStore *store)
{
  if (_stance_store_n_nodes (store, STANCE_SORT_CLAIM) == 0)
    return;

  _stance_json_writer_item (w, "claims");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < store->claims->len; i++)
    {
      StanceClaimRecord *claim = STANCE_STORE_CLAIM (store, i);

      if (_stance_store_is_removed (store, stance_ref_make (STANCE_SORT_CLAIM, i)))
        continue;

      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_member_string (w, "id", claim->id);
      _stance_json_writer_member_string (w, "text", claim->text);
      _stance_json_writer_member_string (w, "lang", claim->lang);
      if (claim->part_of != STANCE_NONE)
        _stance_json_writer_member_string (w, "part_of", STANCE_STORE_CLAIM (store, claim->part_of - 1)->id);
      member_meta (w, claim->meta);
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);
}

static void
write_stance (Writer      *w,
              StanceStore *store,
              guint32      index)
{
  StanceStanceRecord *stance = STANCE_STORE_STANCE (store, index);
  StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, stance->statement);

  _stance_json_writer_item (w, NULL);
  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "kind", STANCE_STORE_KIND (store, stance->kind)->name);
  _stance_json_writer_member_string (w, "target", _stance_store_ref_id (store, stance->target));
  if (stance->holder != statement->speaker || (stance->flags & STANCE_STANCE_EXPLICIT_HOLDER))
    _stance_json_writer_member_string (w, "holder", STANCE_STORE_ACTOR (store, stance->holder)->id);
  member_meta (w, _stance_store_get_stance_meta (store, index));
  _stance_json_writer_end_object (w);
}

static void
write_statements (Writer      *w,
                  StanceStore *store)
{
  char time[STANCE_TIME_FORMAT_SIZE];

  if (_stance_store_n_nodes (store, STANCE_SORT_STATEMENT) == 0)
    return;

  _stance_json_writer_item (w, "statements");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < store->statements->len; i++)
    {
      StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, i);
      StanceStatementExtra *extra = _stance_store_statement_extra (store, i, FALSE);

      if (_stance_store_is_removed (store, stance_ref_make (STANCE_SORT_STATEMENT, i)))
        continue;

      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_member_string (w, "id", statement->id);
      _stance_json_writer_member_string (w, "speaker", STANCE_STORE_ACTOR (store, statement->speaker)->id);
      _stance_time_format (&statement->time, time);
      _stance_json_writer_member_string (w, "time", time);
      if (extra != NULL)
        {
          _stance_json_writer_member_string (w, "text", extra->text);
          _stance_json_writer_member_string (w, "lang", extra->lang);
          _stance_json_writer_member_string (w, "source", extra->source);
        }
      if (statement->reports != STANCE_NONE)
        _stance_json_writer_member_string (w, "reports", STANCE_STORE_STATEMENT (store, statement->reports - 1)->id);
      if (statement->first_stance != STANCE_NONE)
        {
          _stance_json_writer_item (w, "stances");
          _stance_json_writer_begin_array (w);
          for (guint32 at = statement->first_stance; at != STANCE_NONE; at = STANCE_STORE_STANCE (store, at - 1)->next)
            write_stance (w, store, at - 1);
          _stance_json_writer_end_array (w);
        }
      if (extra != NULL)
        member_meta (w, extra->meta);
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);
}

char *
_stance_document_write (StanceStore *store,
                        gsize       *length)
{
  /* About 120 bytes a statement without text: one allocation for most. */
  Writer w;

  _stance_json_writer_init (&w, 256 + (gsize) store->statements->len * 128, FALSE);

  _stance_json_writer_begin_object (&w);
  _stance_json_writer_item (&w, "stance");
  _stance_json_writer_int (&w, 1);
  write_kinds (&w, store);
  write_actors (&w, store);
  write_claims (&w, store);
  write_statements (&w, store);
  member_meta (&w, store->meta);
  _stance_json_writer_end_object (&w);
  _stance_json_writer_end_line (&w);

  return _stance_json_writer_steal (&w, length);
}
