/* stance-document-writer.c: a graph as a JSON document (SPEC §2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The writer walks the store and appends to one GString: no DOM, so saving
 * a million statements costs the text and nothing more.  The layout is the
 * common pretty form (two-space indentation, one member per line, non-ASCII
 * written as it is), the same as Python's json.dumps (indent=2,
 * ensure_ascii=False), so hand-written documents in that style round-trip
 * byte for byte.  Members come in the order SPEC §2 lists them, `meta`
 * last; optional members that are absent or empty are left out.
 */

#include "config.h"

#include <string.h>

#include "stance-document-private.h"

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;  /* no member or element written yet at this depth */
} Writer;

static void
newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
write_string (Writer     *w,
              const char *text)
{
  GString *out = w->out;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
open_container (Writer *w,
                char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  w->depth--;
  if (!w->first)
    newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

/* Starts the next element of an array or member of an object. */
static void
next_item (Writer     *w,
           const char *member)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  newline (w);
  w->first = FALSE;
  if (member != NULL)
    {
      write_string (w, member);
      g_string_append (w->out, ": ");
    }
}

static void
member_string (Writer     *w,
               const char *member,
               const char *value)
{
  if (value == NULL)
    return;

  next_item (w, member);
  write_string (w, value);
}

/* The shortest text that reads back as the same double (so 0.1 stays
 * "0.1", as Python writes it), marked as a fraction so that it reads back
 * as a double at all. */
static void
write_double (Writer *w,
              double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (w->out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (w->out, ".0");
}

static void write_json (Writer *w, JsonNode *node);

static void
write_json_object (Writer     *w,
                   JsonObject *object)
{
  GList *members = json_object_get_members (object);

  open_container (w, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      next_item (w, l->data);
      write_json (w, json_object_get_member (object, l->data));
    }
  close_container (w, '}');
  g_list_free (members);
}

static void
write_json (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_json_object (w, json_node_get_object (node));
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        open_container (w, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            next_item (w, NULL);
            write_json (w, json_array_get_element (array, i));
          }
        close_container (w, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          write_double (w, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_STRING:
          write_string (w, json_node_get_string (node));
          break;

        default:
          g_string_append (w->out, "null");
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
member_meta (Writer   *w,
             JsonNode *meta)
{
  if (meta == NULL)
    return;

  next_item (w, "meta");
  write_json (w, meta);
}

static void
write_kinds (Writer      *w,
             StanceStore *store)
{
  if (store->kinds->len == store->n_builtin_kinds)
    return;

  next_item (w, "kinds");
  open_container (w, '[');
  for (guint i = store->n_builtin_kinds; i < store->kinds->len; i++)
    {
      StanceKindRecord *kind = STANCE_STORE_KIND (store, i);

      next_item (w, NULL);
      open_container (w, '{');
      member_string (w, "name", kind->name);
      member_string (w, "polarity", stance_polarity_to_string (kind->polarity));
      member_meta (w, kind->meta);
      close_container (w, '}');
    }
  close_container (w, ']');
}

static void
write_actors (Writer      *w,
              StanceStore *store)
{
  if (store->actors->len == 0)
    return;

  next_item (w, "actors");
  open_container (w, '[');
  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);

      next_item (w, NULL);
      open_container (w, '{');
      member_string (w, "id", actor->id);
      member_string (w, "name", actor->name);
      /* "other" is the default: written only when it says something. */
      if (actor->kind != STANCE_ACTOR_KIND_OTHER)
        member_string (w, "kind", stance_actor_kind_to_string (actor->kind));
      if (actor->aliases != NULL && actor->aliases[0] != NULL)
        {
          next_item (w, "aliases");
          open_container (w, '[');
          for (guint a = 0; actor->aliases[a] != NULL; a++)
            {
              next_item (w, NULL);
              write_string (w, actor->aliases[a]);
            }
          close_container (w, ']');
        }
      if (actor->member_of != NULL && actor->member_of->len > 0)
        {
          next_item (w, "member_of");
          open_container (w, '[');
          for (guint m = 0; m < actor->member_of->len; m++)
            {
              next_item (w, NULL);
              write_string (w, STANCE_STORE_ACTOR (store, g_array_index (actor->member_of, guint32, m))->id);
            }
          close_container (w, ']');
        }
      member_meta (w, actor->meta);
      close_container (w, '}');
    }
  close_container (w, ']');
}

static void
write_claims (Writer      *w,
              StanceStore *store)
{
  if (store->claims->len == 0)
    return;

  next_item (w, "claims");
  open_container (w, '[');
  for (guint i = 0; i < store->claims->len; i++)
    {
      StanceClaimRecord *claim = STANCE_STORE_CLAIM (store, i);

      next_item (w, NULL);
      open_container (w, '{');
      member_string (w, "id", claim->id);
      member_string (w, "text", claim->text);
      member_string (w, "lang", claim->lang);
      if (claim->part_of != STANCE_NONE)
        member_string (w, "part_of", STANCE_STORE_CLAIM (store, claim->part_of - 1)->id);
      member_meta (w, claim->meta);
      close_container (w, '}');
    }
  close_container (w, ']');
}

static void
write_stance (Writer      *w,
              StanceStore *store,
              guint32      index)
{
  StanceStanceRecord *stance = STANCE_STORE_STANCE (store, index);
  StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, stance->statement);

  next_item (w, NULL);
  open_container (w, '{');
  member_string (w, "kind", STANCE_STORE_KIND (store, stance->kind)->name);
  member_string (w, "target", _stance_store_ref_id (store, stance->target));
  if (stance->holder != statement->speaker || (stance->flags & STANCE_STANCE_EXPLICIT_HOLDER))
    member_string (w, "holder", STANCE_STORE_ACTOR (store, stance->holder)->id);
  member_meta (w, _stance_store_get_stance_meta (store, index));
  close_container (w, '}');
}

static void
write_statements (Writer      *w,
                  StanceStore *store)
{
  char time[STANCE_TIME_FORMAT_SIZE];

  if (store->statements->len == 0)
    return;

  next_item (w, "statements");
  open_container (w, '[');
  for (guint i = 0; i < store->statements->len; i++)
    {
      StanceStatementRecord *statement = STANCE_STORE_STATEMENT (store, i);
      StanceStatementExtra *extra = _stance_store_statement_extra (store, i, FALSE);

      next_item (w, NULL);
      open_container (w, '{');
      member_string (w, "id", statement->id);
      member_string (w, "speaker", STANCE_STORE_ACTOR (store, statement->speaker)->id);
      _stance_time_format (&statement->time, time);
      member_string (w, "time", time);
      if (extra != NULL)
        {
          member_string (w, "text", extra->text);
          member_string (w, "lang", extra->lang);
          member_string (w, "source", extra->source);
        }
      if (statement->reports != STANCE_NONE)
        member_string (w, "reports", STANCE_STORE_STATEMENT (store, statement->reports - 1)->id);
      if (statement->first_stance != STANCE_NONE)
        {
          next_item (w, "stances");
          open_container (w, '[');
          for (guint32 at = statement->first_stance; at != STANCE_NONE; at = STANCE_STORE_STANCE (store, at - 1)->next)
            write_stance (w, store, at - 1);
          close_container (w, ']');
        }
      if (extra != NULL)
        member_meta (w, extra->meta);
      close_container (w, '}');
    }
  close_container (w, ']');
}

char *
_stance_document_write (StanceStore *store,
                        gsize       *length)
{
  /* About 120 bytes a statement without text: one allocation for most. */
  Writer w = { g_string_sized_new (256 + store->statements->len * 128), 0, TRUE };

  open_container (&w, '{');
  next_item (&w, "stance");
  g_string_append (w.out, "1");
  write_kinds (&w, store);
  write_actors (&w, store);
  write_claims (&w, store);
  write_statements (&w, store);
  member_meta (&w, store->meta);
  close_container (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;

  return g_string_free (w.out, FALSE);
}
