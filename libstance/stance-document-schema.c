/* stance-document-schema.c: the members of the document format (SPEC §2), as tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every object of the format (the document, a kind declaration, an actor,
 * a claim, a statement, a stance; the header and the records of JSON
 * Lines) is read by one loop, read_object(), from a table of its members:
 * their names, what type of value each takes and what is required.  A
 * member is checked as soon as it is read; a missing required member is
 * reported when its object closes; then the object's finish function
 * appends its record to the store.  References wait for
 * stance-document-resolve.c.
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
 */

#include "config.h"

#include <string.h>

#include "stance-document-schema-private.h"
#include "stance-enum-types.h"
#include "stance-gstring-private.h"
#include "stance-suggest-private.h"

typedef StanceDocumentReader Reader;
typedef StanceSchemaValues Values;

/* What a member's value is, and so how it is read and checked. */
typedef enum {
  TYPE_VERSION,      /* "stance": checked by the pre-scan, skimmed here */
  TYPE_STRING,       /* a string, kept in the object's values */
  TYPE_ID,           /* a new node's id, checked at once */
  TYPE_TIME,         /* a time, parsed at once */
  TYPE_POLARITY,     /* a kind's polarity */
  TYPE_ACTOR_KIND,   /* an actor's kind */
  TYPE_STANCE_KIND,  /* a stance's kind: looked up, or pending */
  TYPE_REFERENCE,    /* an id: resolved, or pending */
  TYPE_ALIASES,      /* an array of strings */
  TYPE_MEMBER_OF,    /* an array of references */
  TYPE_META,         /* an object, kept as JSON */
  TYPE_OBJECTS,      /* an array of objects of another schema */
  TYPE_OBJECT,       /* one object of another schema (a JSON Lines record) */
} MemberType;

typedef struct
{
  const char *name;
  guint8      len;
  guint8      type;  /* MemberType */
  guint8      arg;   /* the schema of TYPE_OBJECT(S), the field of a reference */
} Member;

#define MEMBER(s, type, arg) { s, sizeof (s) - 1, type, arg }
#define BIT(i) (1u << (i))

typedef struct
{
  const Member *members;
  guint         n_members;
  guint         required;   /* BIT (member index) of each required member */
  guint8        id_member;  /* the index of "id", or G_MAXUINT8 */
  void        (*begin)  (Reader *r, Values *v);
  gboolean    (*finish) (Reader *r, Values *v);
} Schema;

/* The members of each object, in the order SPEC §2 lists them (which is
 * the order check_required() reports missing ones in). */

enum { DOC_STANCE, DOC_KINDS, DOC_ACTORS, DOC_CLAIMS, DOC_STATEMENTS, DOC_META };
static const Member document_members[] = {
  MEMBER ("stance", TYPE_VERSION, 0),
  MEMBER ("kinds", TYPE_OBJECTS, STANCE_SCHEMA_KIND),
  MEMBER ("actors", TYPE_OBJECTS, STANCE_SCHEMA_ACTOR),
  MEMBER ("claims", TYPE_OBJECTS, STANCE_SCHEMA_CLAIM),
  MEMBER ("statements", TYPE_OBJECTS, STANCE_SCHEMA_STATEMENT),
  MEMBER ("meta", TYPE_META, 0),
};

/* A JSON Lines header: the document without its nodes. */
enum { HEADER_STANCE, HEADER_KINDS, HEADER_META };
static const Member header_members[] = {
  MEMBER ("stance", TYPE_VERSION, 0),
  MEMBER ("kinds", TYPE_OBJECTS, STANCE_SCHEMA_KIND),
  MEMBER ("meta", TYPE_META, 0),
};

/* A JSON Lines record: one node. */
static const Member record_members[] = {
  MEMBER ("actor", TYPE_OBJECT, STANCE_SCHEMA_ACTOR),
  MEMBER ("claim", TYPE_OBJECT, STANCE_SCHEMA_CLAIM),
  MEMBER ("statement", TYPE_OBJECT, STANCE_SCHEMA_STATEMENT),
};

enum { KIND_NAME, KIND_POLARITY, KIND_META };
static const Member kind_members[] = {
  MEMBER ("name", TYPE_STRING, 0),
  MEMBER ("polarity", TYPE_POLARITY, 0),
  MEMBER ("meta", TYPE_META, 0),
};

enum { ACTOR_ID, ACTOR_NAME, ACTOR_KIND, ACTOR_ALIASES, ACTOR_MEMBER_OF, ACTOR_META };
static const Member actor_members[] = {
  MEMBER ("id", TYPE_ID, 0),
  MEMBER ("name", TYPE_STRING, 0),
  MEMBER ("kind", TYPE_ACTOR_KIND, 0),
  MEMBER ("aliases", TYPE_ALIASES, 0),
  MEMBER ("member_of", TYPE_MEMBER_OF, STANCE_PENDING_MEMBER_OF),
  MEMBER ("meta", TYPE_META, 0),
};

enum { CLAIM_ID, CLAIM_TEXT, CLAIM_LANG, CLAIM_PART_OF, CLAIM_META };
static const Member claim_members[] = {
  MEMBER ("id", TYPE_ID, 0),
  MEMBER ("text", TYPE_STRING, 0),
  MEMBER ("lang", TYPE_STRING, 0),
  MEMBER ("part_of", TYPE_REFERENCE, STANCE_PENDING_PART_OF),
  MEMBER ("meta", TYPE_META, 0),
};

enum { ST_ID, ST_SPEAKER, ST_TIME, ST_TEXT, ST_LANG, ST_SOURCE, ST_REPORTS, ST_STANCES, ST_META };
static const Member statement_members[] = {
  MEMBER ("id", TYPE_ID, 0),
  MEMBER ("speaker", TYPE_REFERENCE, STANCE_PENDING_SPEAKER),
  MEMBER ("time", TYPE_TIME, 0),
  MEMBER ("text", TYPE_STRING, 0),
  MEMBER ("lang", TYPE_STRING, 0),
  MEMBER ("source", TYPE_STRING, 0),
  MEMBER ("reports", TYPE_REFERENCE, STANCE_PENDING_REPORTS),
  MEMBER ("stances", TYPE_OBJECTS, STANCE_SCHEMA_STANCE),
  MEMBER ("meta", TYPE_META, 0),
};

enum { SN_KIND, SN_TARGET, SN_HOLDER, SN_META };
static const Member stance_members[] = {
  MEMBER ("kind", TYPE_STANCE_KIND, STANCE_PENDING_KIND),
  MEMBER ("target", TYPE_REFERENCE, STANCE_PENDING_TARGET),
  MEMBER ("holder", TYPE_REFERENCE, STANCE_PENDING_HOLDER),
  MEMBER ("meta", TYPE_META, 0),
};

static void begin_actor (Reader *r, Values *v);
static void begin_statement (Reader *r, Values *v);
static gboolean finish_document (Reader *r, Values *v);
static gboolean finish_record (Reader *r, Values *v);
static gboolean finish_kind (Reader *r, Values *v);
static gboolean finish_actor (Reader *r, Values *v);
static gboolean finish_claim (Reader *r, Values *v);
static gboolean finish_statement (Reader *r, Values *v);
static gboolean finish_stance (Reader *r, Values *v);

#define MEMBERS(m) m, G_N_ELEMENTS (m)
#define NO_ID G_MAXUINT8

static const Schema schemas[STANCE_N_SCHEMAS] = {
  [STANCE_SCHEMA_DOCUMENT] = { MEMBERS (document_members), 0, NO_ID, NULL, finish_document },
  [STANCE_SCHEMA_HEADER] = { MEMBERS (header_members), 0, NO_ID, NULL, finish_document },
  [STANCE_SCHEMA_RECORD] = { MEMBERS (record_members), 0, NO_ID, NULL, finish_record },
  [STANCE_SCHEMA_KIND] = { MEMBERS (kind_members), BIT (KIND_NAME) | BIT (KIND_POLARITY), NO_ID,
                           NULL, finish_kind },
  [STANCE_SCHEMA_ACTOR] = { MEMBERS (actor_members), BIT (ACTOR_ID) | BIT (ACTOR_NAME), ACTOR_ID,
                            begin_actor, finish_actor },
  [STANCE_SCHEMA_CLAIM] = { MEMBERS (claim_members), BIT (CLAIM_ID) | BIT (CLAIM_TEXT), CLAIM_ID,
                            NULL, finish_claim },
  [STANCE_SCHEMA_STATEMENT] = { MEMBERS (statement_members), BIT (ST_ID) | BIT (ST_SPEAKER) | BIT (ST_TIME), ST_ID,
                                begin_statement, finish_statement },
  [STANCE_SCHEMA_STANCE] = { MEMBERS (stance_members), BIT (SN_KIND) | BIT (SN_TARGET), NO_ID,
                             NULL, finish_stance },
};

/* The reader */

static void
clear_values (Reader *r)
{
  for (guint s = 0; s < STANCE_N_SCHEMAS; s++)
    {
      Values *v = &r->values[s];

      for (guint m = 0; m < STANCE_SCHEMA_MAX_MEMBERS; m++)
        {
          if (v->strings[m] != NULL)
            g_string_free (g_steal_pointer (&v->strings[m]), TRUE);
        }
      g_clear_pointer (&v->meta, json_node_unref);
    }
}

void
_stance_document_reader_init (Reader *r)
{
  memset (r, 0, sizeof *r);
  r->error = &r->local_error;
  _stance_json_scanner_init (&r->scan, r->error);
  r->store = _stance_store_new ();
  r->member_of = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->pending = g_array_new (FALSE, FALSE, sizeof (StancePending));
  r->pending_names = g_string_chunk_new (4096);
  r->claims_at = G_MAXUINT64;
  r->statements_at = G_MAXUINT64;
}

StanceStore *
_stance_document_reader_finish (Reader   *r,
                                gboolean  read,
                                GError  **error)
{
  gboolean ok = read && _stance_document_resolve (r) && _stance_document_check_cycles (r);
  StanceStore *store = g_steal_pointer (&r->store);

  clear_values (r);
  _stance_json_scanner_clear (&r->scan);
  g_array_unref (r->member_of);
  g_clear_pointer (&r->aliases, g_ptr_array_unref);
  g_array_unref (r->pending);
  g_string_chunk_free (r->pending_names);

  if (ok)
    _stance_store_changed (store);
  else
    {
      g_assert (r->local_error != NULL);
      g_propagate_error (error, g_steal_pointer (&r->local_error));
      g_clear_pointer (&store, _stance_store_free);
    }
  return store;
}

/* Members */

/* Identifies the member just named (s->name) among @members and pushes its
 * path: its index, or -1 after an error for an unknown or repeated one. */
static int
member_begin (Reader       *r,
              const Schema *schema,
              Values       *v,
              gsize        *mark)
{
  StanceJsonScanner *s = &r->scan;
  const char *name = s->name->str;
  gsize len = s->name->len;
  int index = -1;

  for (guint i = 0; i < schema->n_members && index < 0; i++)
    {
      /* Byte by byte, not with memcmp(): the names are a few bytes, and a
       * call per member of a million objects shows. */
      const char *known = schema->members[i].name;
      gsize k = 0;

      if (schema->members[i].len != len)
        continue;
      while (k < len && known[k] == name[k])
        k++;
      if (k == len)
        index = (int) i;
    }

  *mark = _stance_json_path_push_member (s, name, len, index >= 0);

  if (index < 0)
    {
      StanceSuggest suggest;
      const char *maybe;

      _stance_suggest_init (&suggest, name, len);
      for (guint i = 0; i < schema->n_members; i++)
        _stance_suggest_offer (&suggest, schema->members[i].name);
      maybe = _stance_suggest_result (&suggest);

      if (maybe != NULL)
        _stance_json_path_error (s, STANCE_ERROR_UNKNOWN_MEMBER, "unknown member (did you mean \"%s\"?)", maybe);
      else
        _stance_json_path_error (s, STANCE_ERROR_UNKNOWN_MEMBER, "unknown member");
      return -1;
    }

  if (v->seen & BIT (index))
    {
      _stance_json_path_error (s, STANCE_ERROR_INVALID_VALUE, "duplicate member");
      return -1;
    }
  v->seen |= BIT (index);

  return index;
}

/* Checks that the required members are there, in the order of @members. */
static gboolean
check_required (Reader       *r,
                const Schema *schema,
                Values       *v)
{
  guint missing = schema->required & ~v->present;

  if (missing != 0)
    {
      const Member *m = &schema->members[g_bit_nth_lsf (missing, -1)];

      _stance_json_path_push_member (&r->scan, m->name, m->len, TRUE);
      return _stance_json_path_error (&r->scan, STANCE_ERROR_MISSING_MEMBER, "missing member");
    }

  return TRUE;
}

/* The record a reference read now will belong to: records are appended
 * when their object closes, and nothing inside an object appends another
 * of its sort, so it is the next index of its array. */
static guint32
next_record (Reader             *r,
             StancePendingField  field)
{
  switch (field)
    {
    case STANCE_PENDING_MEMBER_OF:
      return _stance_store_n_actors (r->store);
    case STANCE_PENDING_PART_OF:
      return _stance_store_n_claims (r->store);
    case STANCE_PENDING_SPEAKER:
    case STANCE_PENDING_REPORTS:
      return _stance_store_n_statements (r->store);
    case STANCE_PENDING_TARGET:
    case STANCE_PENDING_HOLDER:
    case STANCE_PENDING_KIND:
    default:
      return _stance_store_n_stances (r->store);
    }
}

static GString *
values_string (Values *v,
               guint   member)
{
  if (v->strings[member] == NULL)
    v->strings[member] = g_string_sized_new (64);
  return v->strings[member];
}

/* Checks that the id @id (@len bytes) of the object whose values are @v
 * is new; its hash is kept for the record. */
static gboolean
check_id (Reader     *r,
          Values     *v,
          const char *id,
          gsize       len)
{
  v->id_hash = _stance_id_hash_len (id, len);
  return _stance_store_check_new_id_hashed (r->store, id, v->id_hash, r->error);
}

static StanceSchemaId
schema_id (const Schema *schema)
{
  return (StanceSchemaId) (schema - schemas);
}

static gboolean read_object (Reader         *r,
                             StanceSchemaId  id);

/* An element of aliases (a string) or of member_of (a reference).
 * Elements may not be null. */
static gboolean
read_string_element (Reader       *r,
                     const Member *m,
                     guint         index)
{
  StanceJsonScanner *s = &r->scan;
  StanceJsonValueKind kind;
  guint32 link;

  _stance_json_skip_ws (s);
  if (s->pos < s->length && s->data[s->pos] != '"')
    {
      if (!_stance_json_value_begin (s, &kind))
        return FALSE;
      return _stance_json_type_error (s, "a string", kind);
    }
  if (_stance_json_read_string (s, s->buf, NULL) < 0)
    return FALSE;

  if (m->type == TYPE_ALIASES)
    {
      if (r->aliases == NULL)
        r->aliases = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (r->aliases, g_strndup (s->buf->str, s->buf->len));
    }
  else
    {
      _stance_document_reference (r, m->arg, next_record (r, m->arg), index, s->buf->str, s->buf->len, &link);
      g_array_append_val (r->member_of, link);
    }

  return TRUE;
}

/* An array member: of strings, of references or of objects (of the
 * schema m->arg); absent when null. */
static gboolean
read_array (Reader       *r,
            const Member *m,
            gboolean     *present)
{
  StanceJsonScanner *s = &r->scan;
  StanceJsonValueKind kind;
  gboolean first = TRUE;
  guint index = 0;
  int more;

  *present = FALSE;
  if (!_stance_json_value_begin (s, &kind))
    return FALSE;
  if (kind == STANCE_JSON_NULL)
    return TRUE;
  if (kind != STANCE_JSON_ARRAY)
    return _stance_json_type_error (s, "an array", kind);
  if (!_stance_json_enter (s))
    return FALSE;

  *present = TRUE;
  while ((more = _stance_json_array_next (s, &first)) > 0)
    {
      gsize mark = _stance_json_path_push_index (s, index);
      gboolean ok = m->type == TYPE_OBJECTS ? read_object (r, m->arg) : read_string_element (r, m, index);

      if (!ok)
        return FALSE;
      _stance_json_path_pop (s, mark);
      index++;
    }

  return more == 0;
}

/* Members whose value is one of a few words: the nicks of an enum. */
static gboolean
parse_enum (GType       type,
            const char *text,
            int        *value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, text);

  if (found != NULL)
    *value = found->value;
  g_type_class_unref (klass);

  return found != NULL;
}

typedef struct
{
  GType     (*get_type) (void);
  StanceError code;
  const char *what;
  const char *choices;
} EnumMember;

static const EnumMember enum_members[] = {
  { stance_polarity_get_type, STANCE_ERROR_INVALID_KIND, "polarity", "positive, negative, withdrawal or neutral" },
  { stance_actor_kind_get_type, STANCE_ERROR_INVALID_VALUE, "actor kind", "person, organization, state, media, group or other" },
};

/* Reads the value of member @index of @schema into @v: 1 when present, 0
 * when null (absent), -1 on error. */
static int
read_member (Reader       *r,
             const Schema *schema,
             Values       *v,
             guint         index)
{
  StanceJsonScanner *s = &r->scan;
  const Member *m = &schema->members[index];
  gboolean present = FALSE;
  int got;

  switch ((MemberType) m->type)
    {
    case TYPE_VERSION:
      /* The pre-scan read the first "stance"; a second is a duplicate. */
      return _stance_json_skim_value (s) ? 1 : -1;

    case TYPE_STRING:
    case TYPE_ID:
      got = _stance_json_read_string (s, values_string (v, index), NULL);
      if (got > 0 && r->ahead != NULL)
        _stance_document_ahead_value (r->ahead, schema_id (schema), index, v->strings[index]->str,
                                      v->strings[index]->len);
      else if (got > 0 && m->type == TYPE_ID && !check_id (r, v, v->strings[index]->str, v->strings[index]->len))
        {
          _stance_json_path_prefix (s);
          return -1;
        }
      return got;

    case TYPE_TIME:
      /* With the store's thread, that thread parses it (see
       * stance-document-ahead.c: its errors make the reading start again). */
      got = _stance_json_read_string (s, s->buf, NULL);
      if (got > 0 && r->ahead != NULL)
        _stance_document_ahead_value (r->ahead, schema_id (schema), index, s->buf->str, s->buf->len);
      else if (got > 0 && !_stance_time_parse (&v->time, s->buf->str, s->buf->len, r->error))
        {
          _stance_json_path_prefix (s);
          return -1;
        }
      return got;

    case TYPE_POLARITY:
    case TYPE_ACTOR_KIND:
      got = _stance_json_read_string (s, s->buf, NULL);
      if (got > 0)
        {
          const EnumMember *e = &enum_members[m->type == TYPE_POLARITY ? 0 : 1];

          if (!parse_enum (e->get_type (), s->buf->str, &v->enum_value))
            {
              g_autofree char *text = _stance_json_shown (s->buf->str, s->buf->len);

              _stance_json_path_error (s, e->code, "unknown %s \"%s\": use %s", e->what, text, e->choices);
              return -1;
            }
        }
      return got;

    case TYPE_STANCE_KIND:
    case TYPE_REFERENCE:
      got = _stance_json_read_string (s, s->buf, NULL);
      if (got > 0 && r->ahead != NULL)
        _stance_document_ahead_value (r->ahead, schema_id (schema), index, s->buf->str, s->buf->len);
      else if (got > 0)
        _stance_document_reference (r, m->arg, next_record (r, m->arg), 0, s->buf->str, s->buf->len,
                                    &v->refs[index]);
      return got;

    case TYPE_ALIASES:
    case TYPE_MEMBER_OF:
      if (!read_array (r, m, &present))
        return -1;
      return present;

    case TYPE_META:
      if (!_stance_json_read_meta (s, &v->meta))
        return -1;
      return v->meta != NULL;

    case TYPE_OBJECTS:
      if (m->arg == STANCE_SCHEMA_CLAIM && r->claims_at == G_MAXUINT64)
        r->claims_at = s->pos;
      if (m->arg == STANCE_SCHEMA_STATEMENT && r->statements_at == G_MAXUINT64)
        r->statements_at = s->pos;
      if (m->arg == STANCE_SCHEMA_STATEMENT)
        {
          /* The store's work may go to a thread of its own meanwhile. */
          r->ahead = _stance_document_ahead_start (r);
          got = read_array (r, m, &present);
          if (r->ahead != NULL)
            got = _stance_document_ahead_join (r, g_steal_pointer (&r->ahead), got);
        }
      else
        got = read_array (r, m, &present);
      if (!got)
        return -1;
      return present;

    case TYPE_OBJECT:
    default:
      if (m->arg == STANCE_SCHEMA_CLAIM && r->claims_at == G_MAXUINT64)
        r->claims_at = s->line;
      if (m->arg == STANCE_SCHEMA_STATEMENT && r->statements_at == G_MAXUINT64)
        r->statements_at = s->line;
      return read_object (r, m->arg) ? 1 : -1;
    }
}

/* Names the node being read in the path, after its array index, so that
 * every error in it says which: `statements[6] ("biden-2019-06-06")`. */
static void
show_id (Reader     *r,
         Values     *v,
         const char *id,
         gsize       len)
{
  GString *path = r->scan.path;

  if (v->id_shown || len == 0 || path->len != v->path_end || r->scan.no_path)
    return;
  g_string_append (path, " (\"");
  _stance_json_append_shown (path, id, len, STANCE_JSON_SHOWN_MAX);
  g_string_append (path, "\")");
  v->id_shown = TRUE;
}

/* When the object just entered does not start with its "id" (documents
 * the library writes always do), looks ahead for it without reading, so
 * that errors in the members before it can name the node too.  Errors are
 * not reported here: the reading that follows finds them. */
static void
peek_id (Reader *r,
         Values *v)
{
  StanceJsonScanner *s = &r->scan;
  gsize pos = s->pos;
  guint depth = s->depth;
  GError **error = s->error;
  gboolean check_strings = s->check_strings;
  gboolean first = TRUE;

  _stance_json_skip_ws (s);
  if (s->length - s->pos >= 4 && memcmp (s->data + s->pos, "\"id\"", 4) == 0)
    {
      s->pos = pos;
      return;
    }

  s->error = NULL;
  s->check_strings = FALSE;
  while (_stance_json_object_next (s, &first) > 0)
    {
      if (s->name->len == 2 && memcmp (s->name->str, "id", 2) == 0)
        {
          _stance_json_skip_ws (s);
          if (s->pos < s->length && s->data[s->pos] == '"' &&
              _stance_json_scan_string (s, s->buf) && !s->has_nul)
            show_id (r, v, s->buf->str, s->buf->len);
          break;
        }
      if (!_stance_json_skim_value (s))
        break;
    }
  s->pos = pos;
  s->depth = depth;
  s->error = error;
  s->check_strings = check_strings;
}

/* The one loop: an object of @id, member by member, then its record. */
static gboolean
read_object (Reader         *r,
             StanceSchemaId  id)
{
  StanceJsonScanner *s = &r->scan;
  const Schema *schema = &schemas[id];
  Values *v = &r->values[id];
  StanceJsonValueKind kind;
  gboolean first = TRUE;
  int more;

  if (!_stance_json_value_begin (s, &kind))
    return FALSE;
  if (kind != STANCE_JSON_OBJECT)
    return _stance_json_type_error (s, "an object", kind);
  if (!_stance_json_enter (s))
    return FALSE;

  v->seen = 0;
  v->present = 0;
  v->enum_value = 0;
  memset (v->refs, 0, sizeof v->refs);
  v->path_end = s->path->len;
  v->id_shown = FALSE;
  g_clear_pointer (&v->meta, json_node_unref);
  if (schema->begin != NULL)
    schema->begin (r, v);
  if (schema->id_member != NO_ID && !s->no_path)
    peek_id (r, v);

  while ((more = _stance_json_object_next (s, &first)) > 0)
    {
      gsize mark;
      int member = member_begin (r, schema, v, &mark);
      int got;

      if (member < 0)
        return FALSE;
      got = read_member (r, schema, v, (guint) member);
      if (got < 0)
        return FALSE;
      if (got > 0)
        v->present |= BIT (member);
      _stance_json_path_pop (s, mark);
      if (got > 0 && (guint) member == schema->id_member)
        show_id (r, v, v->strings[member]->str, v->strings[member]->len);
    }
  if (more < 0)
    return FALSE;

  if (!check_required (r, schema, v))
    return FALSE;

  if (r->ahead != NULL)
    return _stance_document_ahead_finish (r, id, v->present, g_steal_pointer (&v->meta));
  return schema->finish (r, v);
}

/* Replaying, in the thread of stance-document-ahead.c, the steps that
 * read_member() and read_object() hand over instead of taking them: the
 * same calls, in the same order, on a shadow reader's values. */

void
_stance_document_reader_init_shadow (Reader *shadow,
                                     Reader *r)
{
  memset (shadow, 0, sizeof *shadow);
  shadow->error = &shadow->local_error;
  _stance_json_scanner_init (&shadow->scan, shadow->error);
  shadow->store = r->store;
  shadow->pending = r->pending;
  shadow->pending_names = r->pending_names;
  shadow->first_stance = STANCE_NONE;
  shadow->last_stance = STANCE_NONE;
}

void
_stance_document_reader_clear_shadow (Reader *shadow)
{
  clear_values (shadow);
  _stance_json_scanner_clear (&shadow->scan);
  g_clear_error (&shadow->local_error);
}

gboolean
_stance_document_replay_value (Reader         *r,
                               StanceSchemaId  schema,
                               guint           member,
                               const char     *text,
                               gsize           len)
{
  const Member *m = &schemas[schema].members[member];
  Values *v = &r->values[schema];
  GString *value;

  switch ((MemberType) m->type)
    {
    case TYPE_REFERENCE:
    case TYPE_STANCE_KIND:
      _stance_document_reference (r, m->arg, next_record (r, m->arg), 0, text, len, &v->refs[member]);
      return TRUE;

    case TYPE_TIME:
      return _stance_time_parse (&v->time, text, len, r->error);

    case TYPE_ID:
    case TYPE_STRING:
    default:
      value = values_string (v, member);
      _stance_gstring_truncate (value, 0);
      _stance_gstring_append_len (value, text, len);
      return m->type != TYPE_ID || check_id (r, v, value->str, value->len);
    }
}

gboolean
_stance_document_replay_finish (Reader         *r,
                                StanceSchemaId  schema,
                                guint           present,
                                JsonNode       *meta)
{
  const Schema *sc = &schemas[schema];
  Values *v = &r->values[schema];
  gboolean ok;

  v->present = present;
  v->meta = meta;
  ok = sc->finish (r, v);

  /* Ready for the next object, as read_object() makes it. */
  g_clear_pointer (&v->meta, json_node_unref);
  memset (v->refs, 0, sizeof v->refs);
  v->present = 0;
  if (sc->begin != NULL)
    sc->begin (r, v);

  return ok;
}

/* Records */

static gboolean
finish_document (Reader *r,
                 Values *v)
{
  /* SPEC §2: every object may carry meta, the document too. */
  if (v->meta != NULL)
    _stance_store_take_document_meta (r->store, g_steal_pointer (&v->meta));
  return TRUE;
}

static gboolean
finish_record (Reader *r,
               Values *v)
{
  if (v->present == 0)
    return _stance_json_path_error (&r->scan, STANCE_ERROR_MISSING_MEMBER,
                                    "a record is an object with one member, \"actor\", \"claim\" or \"statement\"");
  if ((v->present & (v->present - 1)) != 0)
    return _stance_json_path_error (&r->scan, STANCE_ERROR_INVALID_VALUE,
                                    "one record per line: \"actor\", \"claim\" or \"statement\", not two");
  return TRUE;
}

/* @room: what _stance_store_check_node_room() or _stance_store_check_stance_room() said. */
static gboolean
check_capacity (Reader   *r,
                gboolean  room)
{
  if (!room)
    return _stance_json_path_prefix (&r->scan);
  return TRUE;
}

/* kinds[i] */
static gboolean
finish_kind (Reader *r,
             Values *v)
{
  StanceStore *store = r->store;
  GString *name = v->strings[KIND_NAME];
  StancePolarity polarity = v->enum_value;
  guint16 declared;
  gsize mark;
  int found;

  mark = _stance_json_path_push_member (&r->scan, "name", 4, TRUE);
  found = _stance_store_find_kind (store, name->str);
  if (found >= 0 && (guint) found >= _stance_store_n_builtin_kinds (store))
    {
      g_autofree char *text = _stance_json_shown (name->str, name->len);

      return _stance_json_path_error (&r->scan, STANCE_ERROR_INVALID_KIND, "kind \"%s\" is declared twice", text);
    }
  if (!_stance_store_check_kind (store, name->str, polarity, r->error))
    return _stance_json_path_prefix (&r->scan);
  _stance_json_path_pop (&r->scan, mark);

  declared = _stance_store_declare_kind (store, name->str, polarity);
  _stance_store_set_kind_meta (store, declared, g_steal_pointer (&v->meta));

  return TRUE;
}

/* actors[i] */
static void
begin_actor (Reader *r,
             Values *v)
{
  v->enum_value = STANCE_ACTOR_KIND_OTHER;
  g_array_set_size (r->member_of, 0);
  g_clear_pointer (&r->aliases, g_ptr_array_unref);
}

static gboolean
finish_actor (Reader *r,
              Values *v)
{
  StanceStore *store = r->store;
  guint32 actor;

  if (!check_capacity (r, _stance_store_check_node_room (store, STANCE_SORT_ACTOR, r->error)))
    return FALSE;

  actor = _stance_store_add_actor (store, v->strings[ACTOR_ID]->str, v->strings[ACTOR_NAME]->str,
                                   (StanceActorKind) v->enum_value);
  if (r->aliases != NULL && r->aliases->len > 0)
    {
      g_ptr_array_add (r->aliases, NULL);
      _stance_store_take_actor_aliases (store, actor, (char **) g_ptr_array_free (g_steal_pointer (&r->aliases), FALSE));
    }
  g_clear_pointer (&r->aliases, g_ptr_array_unref);
  _stance_store_take_actor_meta (store, actor, g_steal_pointer (&v->meta));

  /* Pending ones are placeholders, patched by the resolution. */
  for (guint i = 0; i < r->member_of->len; i++)
    _stance_store_add_member_of (store, actor, g_array_index (r->member_of, guint32, i));

  return TRUE;
}

/* claims[i] */
static gboolean
finish_claim (Reader *r,
              Values *v)
{
  StanceStore *store = r->store;
  guint32 claim;

  if (!check_capacity (r, _stance_store_check_node_room (store, STANCE_SORT_CLAIM, r->error)))
    return FALSE;

  claim = _stance_store_add_claim (store, v->strings[CLAIM_ID]->str, v->strings[CLAIM_TEXT]->str);
  if (v->present & BIT (CLAIM_LANG))
    _stance_store_set_claim_lang (store, claim, v->strings[CLAIM_LANG]->str);
  if (v->present & BIT (CLAIM_PART_OF))
    _stance_store_set_claim_part_of (store, claim, v->refs[CLAIM_PART_OF]);
  _stance_store_take_claim_meta (store, claim, g_steal_pointer (&v->meta));

  return TRUE;
}

/* statements[i] */
static void
begin_statement (Reader *r,
                 Values *v)
{
  r->first_stance = STANCE_NONE;
  r->last_stance = STANCE_NONE;
}

static const char *
present_string (Values *v,
                guint   member)
{
  return (v->present & BIT (member)) ? v->strings[member]->str : NULL;
}

static gboolean
finish_statement (Reader *r,
                  Values *v)
{
  StanceStore *store = r->store;
  const char *text = present_string (v, ST_TEXT);
  const char *lang = present_string (v, ST_LANG);
  const char *source = present_string (v, ST_SOURCE);
  guint32 statement;

  if (!check_capacity (r, _stance_store_check_node_room (store, STANCE_SORT_STATEMENT, r->error)))
    return FALSE;

  statement = _stance_store_add_statement_hashed (store, v->strings[ST_ID]->str, v->id_hash, v->refs[ST_SPEAKER],
                                                  &v->time);
  if (v->present & BIT (ST_REPORTS))
    _stance_store_set_statement_reports (store, statement, v->refs[ST_REPORTS]);
  _stance_store_set_statement_stances (store, statement, r->first_stance, r->last_stance);

  /* Set again when a pending speaker is resolved. */
  _stance_document_default_holders (store, statement);

  if (text != NULL || lang != NULL || source != NULL || v->meta != NULL)
    {
      _stance_store_set_statement_string (store, statement, STANCE_STATEMENT_TEXT, text);
      _stance_store_set_statement_string (store, statement, STANCE_STATEMENT_LANG, lang);
      _stance_store_set_statement_string (store, statement, STANCE_STATEMENT_SOURCE, source);
      _stance_store_take_statement_meta (store, statement, g_steal_pointer (&v->meta));
    }

  return TRUE;
}

/* statements[i].stances[k]: appended at once, for the statement that will
 * be appended when its object closes. */
static gboolean
finish_stance (Reader *r,
               Values *v)
{
  StanceStore *store = r->store;
  guint32 index;

  if (!check_capacity (r, _stance_store_check_stance_room (store, r->error)))
    return FALSE;

  /* The statement's record comes after its stances: they are linked into
   * the reader's list, which finish_statement() hands to the record. */
  index = _stance_store_append_stance (store, _stance_store_n_statements (store), (guint16) v->refs[SN_KIND],
                                       v->refs[SN_TARGET], v->refs[SN_HOLDER],
                                       (v->present & BIT (SN_HOLDER)) != 0,
                                       &r->first_stance, &r->last_stance);

  if (v->meta != NULL)
    {
      _stance_store_set_stance_meta (store, index, v->meta);
      g_clear_pointer (&v->meta, json_node_unref);
    }

  return TRUE;
}

/* The version, before anything else */

gboolean
_stance_document_check_version (Reader *r)
{
  StanceJsonScanner *s = &r->scan;
  gboolean first = TRUE;
  StanceJsonValueKind kind;
  int more;

  s->pos = 0;
  s->check_strings = FALSE;
  _stance_json_skip_ws (s);
  if (s->pos >= s->length)
    return _stance_json_syntax_error (s, 0, s->line > 0 ? "the first line is empty: it holds the version"
                                                         : "the document is empty");

  if (!_stance_json_value_begin (s, &kind))
    return FALSE;
  if (kind != STANCE_JSON_OBJECT)
    return _stance_json_type_error (s, "an object", kind);
  if (!_stance_json_enter (s))
    return FALSE;

  while ((more = _stance_json_object_next (s, &first)) > 0)
    {
      if (s->name->len == 6 && memcmp (s->name->str, "stance", 6) == 0)
        {
          gsize start;
          g_autofree char *text = NULL;

          _stance_json_path_push_member (s, "stance", 6, TRUE);
          _stance_json_skip_ws (s);
          start = s->pos;
          if (!_stance_json_skim_value (s))
            return FALSE;
          if (s->pos - start == 1 && s->data[start] == '1')
            return TRUE;

          text = _stance_json_shown ((const char *) s->data + start, s->pos - start);
          return _stance_json_path_error (s, STANCE_ERROR_VERSION,
                                          "unsupported format version %s: this library reads version 1", text);
        }

      if (!_stance_json_skim_value (s))
        return FALSE;
    }
  if (more < 0)
    return FALSE;

  _stance_json_skip_ws (s);
  if (s->pos < s->length)
    return _stance_json_syntax_error (s, s->pos, "trailing characters after the document");

  _stance_json_path_push_member (s, "stance", 6, TRUE);
  return _stance_json_path_error (s, STANCE_ERROR_VERSION, "missing member: a document starts with \"stance\": 1");
}

/* The members, in document order */

gboolean
_stance_document_read_value (Reader         *r,
                             StanceSchemaId  schema)
{
  StanceJsonScanner *s = &r->scan;

  s->pos = 0;
  s->depth = 0;
  s->check_strings = TRUE;
  g_string_truncate (s->path, 0);

  if (!read_object (r, schema))
    return FALSE;

  _stance_json_skip_ws (s);
  if (s->pos < s->length)
    return _stance_json_syntax_error (s, s->pos, s->line > 0 ? "trailing characters after the record"
                                                             : "trailing characters after the document");

  return TRUE;
}
