/* stance-document-resolve.c: references and cycles, after a document is read
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A reference may point forward (a statement may report a later one,
 * `kinds` may follow `statements`, a JSON Lines record may name a node of
 * a later line), so what cannot be resolved when read waits in a pending
 * list, in document order, and is resolved once everything is read.  The
 * error reported is the first failure in document order; then come the
 * part_of and reports cycles.  See stance-document-schema-private.h.
 */

#include "config.h"

#include <string.h>

#include "stance-document-schema-private.h"
#include "stance-suggest-private.h"

/* How many nodes of a cycle a message names. */
#define CYCLE_SHOWN_MAX 10

static const struct
{
  guint       sort_mask;  /* 0: a stance kind */
  const char *member;
} pending_fields[] = {
  [STANCE_PENDING_MEMBER_OF] = { STANCE_SORT_MASK (STANCE_SORT_ACTOR), "member_of" },
  [STANCE_PENDING_PART_OF] = { STANCE_SORT_MASK (STANCE_SORT_CLAIM), "part_of" },
  [STANCE_PENDING_SPEAKER] = { STANCE_SORT_MASK (STANCE_SORT_ACTOR), "speaker" },
  [STANCE_PENDING_REPORTS] = { STANCE_SORT_MASK (STANCE_SORT_STATEMENT), "reports" },
  [STANCE_PENDING_TARGET] = { STANCE_SORT_MASK_ANY, "target" },
  [STANCE_PENDING_HOLDER] = { STANCE_SORT_MASK (STANCE_SORT_ACTOR), "holder" },
  [STANCE_PENDING_KIND] = { 0, "kind" },
};

/* The link a field stores for @ref: an index, or the reference itself for
 * a target. */
static guint32
link_of (StancePendingField field,
         StanceRef          ref)
{
  switch (field)
    {
    case STANCE_PENDING_TARGET:
      return ref;
    case STANCE_PENDING_PART_OF:
    case STANCE_PENDING_REPORTS:
    case STANCE_PENDING_MEMBER_OF:
    case STANCE_PENDING_SPEAKER:
    case STANCE_PENDING_HOLDER:
    case STANCE_PENDING_KIND:
    default:
      return stance_ref_index (ref);
    }
}

void
_stance_document_reference (StanceDocumentReader *r,
                            StancePendingField    field,
                            guint32               record,
                            guint32               sub,
                            const char           *name,
                            gsize                 len,
                            guint32              *value)
{
  guint mask = pending_fields[field].sort_mask;
  StancePending pending;

  if (mask == 0)
    {
      int kind = _stance_store_find_kind (r->store, name);

      if (kind >= 0)
        {
          *value = (guint32) kind;
          return;
        }
    }
  else
    {
      StanceRef ref = _stance_store_lookup_hashed (r->store, name, _stance_id_hash_len (name, len));

      if (ref != 0 && (STANCE_SORT_MASK (stance_ref_sort (ref)) & mask) != 0)
        {
          *value = link_of (field, ref);
          return;
        }
    }

  /* Unknown for now, or of the wrong sort: decided, and reported in
   * document order, at the end. */
  *value = 0;
  pending.name = g_string_chunk_insert_const (r->pending_names, name);
  pending.line = r->scan.line;
  pending.record = record;
  pending.sub = sub;
  pending.field = field;
  g_array_append_val (r->pending, pending);
}

/* "statements[4] (\"trump-2017\")" in a document, "statement (\"trump-2017\")"
 * in JSON Lines (whose line the message gives first): where a node is,
 * and which. */
void
_stance_document_append_node (GString    *out,
                              const char *array,
                              guint32     index,
                              guint64     line,
                              const char *id)
{
  if (line > 0)
    g_string_append_len (out, array, strlen (array) - 1);
  else
    g_string_append_printf (out, "%s[%u]", array, index);
  if (id != NULL && id[0] != '\0')
    {
      g_string_append (out, " (\"");
      _stance_json_append_shown (out, id, strlen (id), STANCE_JSON_SHOWN_MAX);
      g_string_append (out, "\")");
    }
}

static char *
pending_path (StanceDocumentReader *r,
              const StancePending  *p)
{
  StanceStore *store = r->store;
  GString *out = g_string_new (NULL);
  const char *member = pending_fields[p->field].member;

  if (p->line > 0)
    g_string_append_printf (out, "line %" G_GUINT64_FORMAT ": ", p->line);

  switch ((StancePendingField) p->field)
    {
    case STANCE_PENDING_MEMBER_OF:
      _stance_document_append_node (out, "actors", p->record, p->line, _stance_store_actor_id (store, p->record));
      g_string_append_printf (out, ".%s[%u]", member, p->sub);
      break;
    case STANCE_PENDING_PART_OF:
      _stance_document_append_node (out, "claims", p->record, p->line, _stance_store_claim_id (store, p->record));
      g_string_append_printf (out, ".%s", member);
      break;
    case STANCE_PENDING_SPEAKER:
    case STANCE_PENDING_REPORTS:
      _stance_document_append_node (out, "statements", p->record, p->line,
                                    _stance_store_statement_id (store, p->record));
      g_string_append_printf (out, ".%s", member);
      break;
    case STANCE_PENDING_TARGET:
    case STANCE_PENDING_HOLDER:
    case STANCE_PENDING_KIND:
    default:
      {
        guint32 statement = _stance_store_stance_statement (store, p->record);

        _stance_document_append_node (out, "statements", statement, p->line,
                                      _stance_store_statement_id (store, statement));
      }
      g_string_append_printf (out, ".stances[%u].%s", _stance_store_stance_position (store, p->record), member);
      break;
    }

  return g_string_free (out, FALSE);
}

void
_stance_document_default_holders (StanceStore *store,
                                  guint32      statement)
{
  guint32 speaker = _stance_store_statement_speaker (store, statement);

  STANCE_STORE_FOREACH_STANCE_OF (store, statement, stance)
    if (!_stance_store_stance_has_explicit_holder (store, stance))
      _stance_store_set_stance_holder (store, stance, speaker, FALSE);
}

static void
patch (StanceStore         *store,
       const StancePending *p,
       guint32              link)
{
  switch ((StancePendingField) p->field)
    {
    case STANCE_PENDING_MEMBER_OF:
      _stance_store_set_member_of_at (store, p->record, p->sub, link);
      break;
    case STANCE_PENDING_PART_OF:
      _stance_store_set_claim_part_of (store, p->record, link);
      break;
    case STANCE_PENDING_SPEAKER:
      _stance_store_set_statement_speaker (store, p->record, link);
      _stance_document_default_holders (store, p->record);
      break;
    case STANCE_PENDING_REPORTS:
      _stance_store_set_statement_reports (store, p->record, link);
      break;
    case STANCE_PENDING_TARGET:
      _stance_store_set_stance_target (store, p->record, link);
      break;
    case STANCE_PENDING_HOLDER:
      /* A holder is pending only when it was written. */
      _stance_store_set_stance_holder (store, p->record, link, TRUE);
      break;
    case STANCE_PENDING_KIND:
    default:
      _stance_store_set_stance_kind (store, p->record, link);
      break;
    }
}

/* "Did you mean" for an unknown kind (@mask 0) or id (of the sorts in
 * @mask): the closest declared kind or id of a node of those sorts. */
static const char *
suggest (StanceStore *store,
         const char  *name,
         guint        mask)
{
  return _stance_suggest_in_store (store, name, mask);
}

gboolean
_stance_document_resolve (StanceDocumentReader *r)
{
  StanceStore *store = r->store;

  for (guint i = 0; i < r->pending->len; i++)
    {
      const StancePending *p = &g_array_index (r->pending, StancePending, i);
      guint mask = pending_fields[p->field].sort_mask;
      GError *error = NULL;
      guint32 link;

      if (mask == 0)
        {
          int kind = _stance_store_resolve_kind (store, p->name, &error);

          link = (guint32) kind;
        }
      else
        {
          StanceRef ref = _stance_store_resolve (store, p->name, mask, &error);

          link = link_of ((StancePendingField) p->field, ref);
        }

      if (error != NULL)
        {
          g_autofree char *path = pending_path (r, p);
          const char *maybe = suggest (store, p->name, mask);

          if (maybe != NULL && !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE))
            {
              char *message = g_strdup_printf ("%s (did you mean \"%s\"?)", error->message, maybe);

              g_free (error->message);
              error->message = message;
            }

          g_prefix_error (&error, "%s: ", path);
          g_propagate_error (r->error, error);
          return FALSE;
        }
      patch (store, p, link);
    }

  return TRUE;
}

/* Cycles, after resolution */

typedef guint32 (*NextFunc) (StanceStore *store,
                             guint32      index);

static guint32
claim_next (StanceStore *store,
            guint32      index)
{
  return _stance_store_claim_part_of (store, index);
}

static guint32
statement_next (StanceStore *store,
                guint32      index)
{
  return _stance_store_statement_reports (store, index);
}

/* Finds the first node (lowest index) that lies on a cycle of @next links
 * (an index, or STANCE_STORE_NO_INDEX), in linear time: every node is walked once,
 * coloured with the walk that reached it, then done. */
static gboolean
find_cycle (StanceStore *store,
            guint32      n,
            NextFunc     next,
            guint32     *on_cycle)
{
  const guint32 done = G_MAXUINT32;
  g_autofree guint32 *colour = NULL;
  guint32 best = G_MAXUINT32;

  if (n == 0)
    return FALSE;

  colour = g_new0 (guint32, n);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 walk = i + 1;
      guint32 at;

      if (colour[i] != 0)
        continue;

      for (at = i; at != STANCE_STORE_NO_INDEX && colour[at] == 0; at = next (store, at))
        colour[at] = walk;

      if (at != STANCE_STORE_NO_INDEX && colour[at] == walk)
        {
          /* This walk closed a cycle through at: find its first node. */
          guint32 start = at;
          guint32 lowest = start;

          for (guint32 x = next (store, start); x != start; x = next (store, x))
            lowest = MIN (lowest, x);
          best = MIN (best, lowest);
        }

      for (at = i; at != STANCE_STORE_NO_INDEX && colour[at] == walk; at = next (store, at))
        colour[at] = done;
    }

  *on_cycle = best;
  return best != G_MAXUINT32;
}

static gboolean
cycle_error (StanceDocumentReader *r,
             const char           *array,
             const char           *member,
             NextFunc              next,
             StanceSort            sort,
             guint32               start)
{
  g_autoptr(GString) chain = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  guint32 at = start;
  guint n = 0;

  do
    {
      g_string_append_printf (chain, "\"%s\" → ", _stance_store_ref_id (r->store, stance_ref_make (sort, at)));
      at = next (r->store, at);
      if (++n == CYCLE_SHOWN_MAX && at != start)
        {
          g_string_append (chain, "… → ");
          break;
        }
    }
  while (at != start);
  g_string_append_printf (chain, "\"%s\"", _stance_store_ref_id (r->store, stance_ref_make (sort, start)));

  /* A JSON Lines reader keeps no line per record: the node is named by
   * its sort and its id. */
  _stance_document_append_node (path, array, start, r->scan.line,
                                _stance_store_ref_id (r->store, stance_ref_make (sort, start)));
  g_set_error (r->error, STANCE_ERROR, STANCE_ERROR_CYCLE, "%s.%s: %s cycle: %s",
               path->str, member, member, chain->str);
  return FALSE;
}

gboolean
_stance_document_check_cycles (StanceDocumentReader *r)
{
  StanceStore *store = r->store;
  guint32 claim = 0, statement = 0;
  gboolean claim_cycle = find_cycle (store, _stance_store_n_claims (store), claim_next, &claim);
  gboolean statement_cycle = find_cycle (store, _stance_store_n_statements (store), statement_next, &statement);

  if (claim_cycle && (!statement_cycle || r->claims_at < r->statements_at))
    return cycle_error (r, "claims", "part_of", claim_next, STANCE_SORT_CLAIM, claim);
  if (statement_cycle)
    return cycle_error (r, "statements", "reports", statement_next, STANCE_SORT_STATEMENT, statement);

  return TRUE;
}
