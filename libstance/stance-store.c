/* stance-store.c: the compact record store behind a StanceGraph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-error.h"
#include "stance-kind-private.h"
#include "stance-store-private.h"

static void
stance_meta_free (gpointer data)
{
  json_node_unref (data);
}

StanceStore *
_stance_store_new (void)
{
  StanceStore *store = g_new0 (StanceStore, 1);

  store->strings = g_string_chunk_new (64 * 1024);
  store->ids = g_hash_table_new (g_str_hash, g_str_equal);
  store->kinds = g_array_new (FALSE, FALSE, sizeof (StanceKindRecord));
  store->actors = g_array_new (FALSE, FALSE, sizeof (StanceActorRecord));
  store->claims = g_array_new (FALSE, FALSE, sizeof (StanceClaimRecord));
  store->statements = g_array_new (FALSE, FALSE, sizeof (StanceStatementRecord));
  store->extras = g_array_new (FALSE, FALSE, sizeof (StanceStatementExtra));
  store->stances = g_array_new (FALSE, FALSE, sizeof (StanceStanceRecord));
  store->stance_meta = g_hash_table_new_full (NULL, NULL, NULL, stance_meta_free);
  store->kind_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (store->removed); i++)
    store->removed[i] = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < _stance_n_builtin_kinds; i++)
    _stance_store_declare_kind (store, _stance_builtin_kinds[i].name, _stance_builtin_kinds[i].polarity);
  for (guint i = 0; i < store->kinds->len; i++)
    STANCE_STORE_KIND (store, i)->builtin = TRUE;
  store->n_builtin_kinds = store->kinds->len;

  return store;
}

void
_stance_store_free (StanceStore *store)
{
  if (store == NULL)
    return;

  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);

      g_strfreev (actor->aliases);
      g_clear_pointer (&actor->member_of, g_array_unref);
      g_clear_pointer (&actor->meta, json_node_unref);
    }
  for (guint i = 0; i < store->claims->len; i++)
    g_clear_pointer (&STANCE_STORE_CLAIM (store, i)->meta, json_node_unref);
  for (guint i = 0; i < store->extras->len; i++)
    g_clear_pointer (&g_array_index (store->extras, StanceStatementExtra, i).meta, json_node_unref);
  for (guint i = 0; i < store->kinds->len; i++)
    g_clear_pointer (&STANCE_STORE_KIND (store, i)->meta, json_node_unref);

  g_clear_pointer (&store->meta, json_node_unref);
  for (guint i = 0; i < G_N_ELEMENTS (store->removed); i++)
    g_array_unref (store->removed[i]);
  g_hash_table_unref (store->kind_names);
  g_hash_table_unref (store->stance_meta);
  g_array_unref (store->stances);
  g_array_unref (store->extras);
  g_array_unref (store->statements);
  g_array_unref (store->claims);
  g_array_unref (store->actors);
  g_array_unref (store->kinds);
  g_hash_table_unref (store->ids);
  g_string_chunk_free (store->strings);
  g_free (store);
}

gboolean
_stance_store_is_empty (StanceStore *store)
{
  /* Removed records count: their views may be alive, so no swap. */
  return g_hash_table_size (store->ids) == 0 && store->kinds->len == store->n_builtin_kinds &&
         store->meta == NULL && store->actors->len + store->claims->len + store->statements->len == 0;
}

void
_stance_store_swap (StanceStore *a,
                    StanceStore *b)
{
  StanceStore tmp = *a;

  *a = *b;
  *b = tmp;
}

const char *
_stance_sort_name (StanceSort sort)
{
  switch (sort)
    {
    case STANCE_SORT_ACTOR: return "an actor";
    case STANCE_SORT_CLAIM: return "a claim";
    case STANCE_SORT_STATEMENT: return "a statement";
    default: return "a node";
    }
}

StanceRef
_stance_store_lookup (StanceStore *store,
                      const char  *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (store->ids, id));
}

gboolean
_stance_check_utf8 (const char  *text,
                    const char  *what,
                    GError     **error)
{
  /* What the graph holds must be writable as a document that loads. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING, "the %s is not valid UTF-8", what);
      return FALSE;
    }

  return TRUE;
}

gboolean
_stance_store_check_new_id (StanceStore  *store,
                            const char   *id,
                            GError      **error)
{
  if (!_stance_check_utf8 (id, "id", error))
    return FALSE;

  if (id[0] == '\0')
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID, "empty id");
      return FALSE;
    }

  if (_stance_store_lookup (store, id) != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID,
                   "duplicate id \"%s\": %s already has it", id,
                   _stance_sort_name (stance_ref_sort (_stance_store_lookup (store, id))));
      return FALSE;
    }

  return TRUE;
}

static const char *
sort_mask_name (guint sort_mask)
{
  if (sort_mask == STANCE_SORT_MASK (STANCE_SORT_ACTOR))
    return "an actor";
  if (sort_mask == STANCE_SORT_MASK (STANCE_SORT_CLAIM))
    return "a claim";
  if (sort_mask == STANCE_SORT_MASK (STANCE_SORT_STATEMENT))
    return "a statement";
  return "a node";
}

StanceRef
_stance_store_resolve (StanceStore  *store,
                       const char   *id,
                       guint         sort_mask,
                       GError      **error)
{
  StanceRef ref = _stance_store_lookup (store, id);

  if (ref == 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID, "unknown id \"%s\"", id);
      return 0;
    }

  if ((STANCE_SORT_MASK (stance_ref_sort (ref)) & sort_mask) == 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "\"%s\" is %s, not %s", id,
                   _stance_sort_name (stance_ref_sort (ref)), sort_mask_name (sort_mask));
      return 0;
    }

  return ref;
}

const char *
_stance_store_ref_id (StanceStore *store,
                      StanceRef    ref)
{
  guint32 index = stance_ref_index (ref);

  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR: return STANCE_STORE_ACTOR (store, index)->id;
    case STANCE_SORT_CLAIM: return STANCE_STORE_CLAIM (store, index)->id;
    case STANCE_SORT_STATEMENT: return STANCE_STORE_STATEMENT (store, index)->id;
    default: g_return_val_if_reached (NULL);
    }
}

int
_stance_store_find_kind (StanceStore *store,
                         const char  *name)
{
  /* Stances refer to kinds by index; names are looked up only when a
   * stance is added or a kind declared, but a document may declare many. */
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (store->kind_names, name)) - 1;
}

gboolean
_stance_store_check_kind (StanceStore     *store,
                          const char      *name,
                          StancePolarity   polarity,
                          GError         **error)
{
  int found;

  if (!stance_kind_name_is_valid (name))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND,
                   "invalid kind name \"%s\": use lower-case ASCII letters, digits and '-', "
                   "starting with a letter", name);
      return FALSE;
    }

  if ((guint) polarity > STANCE_POLARITY_NEUTRAL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND, "invalid polarity %d", polarity);
      return FALSE;
    }

  if (stance_kind_is_builtin (name))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND,
                   "\"%s\" is a built-in kind and cannot be redeclared", name);
      return FALSE;
    }

  found = _stance_store_find_kind (store, name);
  if (found >= 0 && STANCE_STORE_KIND (store, found)->polarity != polarity)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND,
                   "kind \"%s\" is already declared %s", name,
                   stance_polarity_to_string (STANCE_STORE_KIND (store, found)->polarity));
      return FALSE;
    }

  if (found < 0 && store->kinds->len >= STANCE_STORE_MAX_KINDS)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "too many stance kinds (at most %u)", STANCE_STORE_MAX_KINDS);
      return FALSE;
    }

  return TRUE;
}

guint16
_stance_store_declare_kind (StanceStore    *store,
                            const char     *name,
                            StancePolarity  polarity)
{
  StanceKindRecord kind = { 0 };
  int found = _stance_store_find_kind (store, name);

  /* Declaring a kind again with the same polarity is harmless: two
   * documents that both declare "praises" can be loaded into one graph. */
  if (found >= 0)
    return (guint16) found;

  kind.name = g_string_chunk_insert_const (store->strings, name);
  kind.polarity = polarity;
  g_array_append_val (store->kinds, kind);
  g_hash_table_insert (store->kind_names, (gpointer) kind.name, GUINT_TO_POINTER (store->kinds->len));
  store->serial++;

  return (guint16) (store->kinds->len - 1);
}

int
_stance_store_resolve_kind (StanceStore  *store,
                            const char   *name,
                            GError      **error)
{
  int kind = _stance_store_find_kind (store, name);

  if (kind < 0)
    g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND,
                 "unknown stance kind \"%s\"", name);

  return kind;
}

gboolean
_stance_store_check_capacity (StanceStore  *store,
                              GArray       *records,
                              GError      **error)
{
  if (records->len >= STANCE_STORE_MAX_RECORDS)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "the graph is full (at most %u records of a sort)", STANCE_STORE_MAX_RECORDS);
      return FALSE;
    }

  return TRUE;
}

const char *
_stance_store_intern (StanceStore *store,
                      const char  *text)
{
  return text != NULL ? g_string_chunk_insert (store->strings, text) : NULL;
}

static void
register_id (StanceStore *store,
             const char  *id,
             StanceRef    ref)
{
  g_hash_table_insert (store->ids, (gpointer) id, GUINT_TO_POINTER (ref));
}

guint32
_stance_store_add_actor (StanceStore     *store,
                         const char      *id,
                         const char      *name,
                         StanceActorKind  kind)
{
  StanceActorRecord actor = { 0 };
  guint32 index = store->actors->len;

  actor.id = _stance_store_intern (store, id);
  actor.name = _stance_store_intern (store, name);
  actor.kind = kind;
  g_array_append_val (store->actors, actor);
  register_id (store, actor.id, stance_ref_make (STANCE_SORT_ACTOR, index));

  return index;
}

guint32
_stance_store_add_claim (StanceStore *store,
                         const char  *id,
                         const char  *text)
{
  StanceClaimRecord claim = { 0 };
  guint32 index = store->claims->len;

  claim.id = _stance_store_intern (store, id);
  claim.text = _stance_store_intern (store, text);
  g_array_append_val (store->claims, claim);
  register_id (store, claim.id, stance_ref_make (STANCE_SORT_CLAIM, index));

  return index;
}

guint32
_stance_store_add_statement (StanceStore      *store,
                             const char       *id,
                             guint32           speaker,
                             const StanceTime *time)
{
  StanceStatementRecord statement = { 0 };
  guint32 index = store->statements->len;

  statement.id = _stance_store_intern (store, id);
  statement.time = *time;
  statement.speaker = speaker;
  g_array_append_val (store->statements, statement);
  register_id (store, statement.id, stance_ref_make (STANCE_SORT_STATEMENT, index));

  return index;
}

guint32
_stance_store_add_stance (StanceStore *store,
                          guint32      statement,
                          guint16      kind,
                          StanceRef    target,
                          guint32      holder,
                          gboolean     explicit_holder)
{
  StanceStanceRecord stance = { 0 };
  StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, statement);
  guint32 index = store->stances->len;

  stance.statement = statement;
  stance.kind = kind;
  stance.target = target;
  stance.holder = holder;
  stance.flags = explicit_holder ? STANCE_STANCE_EXPLICIT_HOLDER : 0;
  g_array_append_val (store->stances, stance);

  /* Append to the statement's list in O(1) through its tail. */
  if (st->last_stance != STANCE_NONE)
    STANCE_STORE_STANCE (store, st->last_stance - 1)->next = index + 1;
  else
    st->first_stance = index + 1;
  st->last_stance = index + 1;
  store->serial++;

  return index;
}

void
_stance_store_remove_stance (StanceStore *store,
                             guint32      stance)
{
  StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);
  StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, record->statement);
  guint32 prev = STANCE_NONE;

  g_return_if_fail ((record->flags & STANCE_STANCE_REMOVED) == 0);

  /* A statement has a handful of stances: a walk finds the predecessor. */
  for (guint32 at = st->first_stance; at != stance + 1; at = STANCE_STORE_STANCE (store, at - 1)->next)
    prev = at;

  if (prev == STANCE_NONE)
    st->first_stance = record->next;
  else
    STANCE_STORE_STANCE (store, prev - 1)->next = record->next;
  if (st->last_stance == stance + 1)
    st->last_stance = prev;

  record->next = STANCE_NONE;
  record->flags |= STANCE_STANCE_REMOVED;
  store->n_removed_stances++;
  store->serial++;
}

StanceStatementExtra *
_stance_store_statement_extra (StanceStore *store,
                               guint32      statement,
                               gboolean     create)
{
  StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, statement);

  if (st->extra == STANCE_NONE)
    {
      StanceStatementExtra extra = { 0 };

      if (!create)
        return NULL;

      g_array_append_val (store->extras, extra);
      st->extra = store->extras->len;
    }

  return &g_array_index (store->extras, StanceStatementExtra, st->extra - 1);
}

void
_stance_store_set_stance_meta (StanceStore *store,
                               guint32      stance,
                               JsonNode    *meta)
{
  StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);

  if (meta != NULL)
    {
      g_hash_table_insert (store->stance_meta, GUINT_TO_POINTER (stance), json_node_ref (meta));
      record->flags |= STANCE_STANCE_HAS_META;
    }
  else
    {
      g_hash_table_remove (store->stance_meta, GUINT_TO_POINTER (stance));
      record->flags &= ~STANCE_STANCE_HAS_META;
    }
}

JsonNode *
_stance_store_get_stance_meta (StanceStore *store,
                               guint32      stance)
{
  if ((STANCE_STORE_STANCE (store, stance)->flags & STANCE_STANCE_HAS_META) == 0)
    return NULL;

  return g_hash_table_lookup (store->stance_meta, GUINT_TO_POINTER (stance));
}

void
_stance_store_add_member_of (StanceStore *store,
                             guint32      actor,
                             guint32      group)
{
  StanceActorRecord *record = STANCE_STORE_ACTOR (store, actor);

  if (record->member_of == NULL)
    record->member_of = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (record->member_of, group);
}

gboolean
_stance_store_part_of_cycles (StanceStore *store,
                              guint32      claim,
                              guint32      whole)
{
  /* Setting claim's part_of to whole closes a cycle exactly when claim is
   * already on whole's chain.  The chain has no cycle yet, so this ends. */
  for (guint32 at = whole + 1; at != STANCE_NONE; at = STANCE_STORE_CLAIM (store, at - 1)->part_of)
    {
      if (at - 1 == claim)
        return TRUE;
    }

  return FALSE;
}

gboolean
_stance_store_reports_cycles (StanceStore *store,
                              guint32      statement,
                              guint32      reported)
{
  for (guint32 at = reported + 1; at != STANCE_NONE; at = STANCE_STORE_STATEMENT (store, at - 1)->reports)
    {
      if (at - 1 == statement)
        return TRUE;
    }

  return FALSE;
}

gboolean
_stance_check_meta (JsonNode  *meta,
                    GError   **error)
{
  if (meta != NULL && !JSON_NODE_HOLDS_OBJECT (meta))
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_TYPE, "meta must be a JSON object");
      return FALSE;
    }

  return TRUE;
}

/* Merging: the loader reads a document into a store of its own, so that
 * nothing of an invalid document ever reaches the graph; a valid one is then
 * appended here.  Everything that can fail is checked before anything moves. */

static gboolean
merge_check (StanceStore  *dest,
             StanceStore  *src,
             GError      **error)
{
  static const struct { StanceSort sort; const char *member; } arrays[] = {
    { STANCE_SORT_ACTOR, "actors" },
    { STANCE_SORT_CLAIM, "claims" },
    { STANCE_SORT_STATEMENT, "statements" },
  };

  for (guint i = src->n_builtin_kinds; i < src->kinds->len; i++)
    {
      StanceKindRecord *kind = STANCE_STORE_KIND (src, i);

      if (!_stance_store_check_kind (dest, kind->name, kind->polarity, error))
        {
          g_prefix_error (error, "kinds[%u].name: ", i - src->n_builtin_kinds);
          return FALSE;
        }
    }

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      GArray *records = arrays[a].sort == STANCE_SORT_ACTOR ? src->actors :
                        arrays[a].sort == STANCE_SORT_CLAIM ? src->claims : src->statements;

      if ((guint64) records->len +
          (arrays[a].sort == STANCE_SORT_ACTOR ? dest->actors->len :
           arrays[a].sort == STANCE_SORT_CLAIM ? dest->claims->len : dest->statements->len) > STANCE_STORE_MAX_RECORDS)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                       "%s: the graph would be too large (at most %u records of a sort)",
                       arrays[a].member, STANCE_STORE_MAX_RECORDS);
          return FALSE;
        }

      for (guint i = 0; i < records->len; i++)
        {
          const char *id = _stance_store_ref_id (src, stance_ref_make (arrays[a].sort, i));

          if (_stance_store_lookup (dest, id) != 0)
            {
              g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID,
                           "%s[%u].id: duplicate id \"%s\": the graph already has %s with it",
                           arrays[a].member, i, id,
                           _stance_sort_name (stance_ref_sort (_stance_store_lookup (dest, id))));
              return FALSE;
            }
        }
    }

  if ((guint64) src->stances->len + dest->stances->len > STANCE_STORE_MAX_RECORDS)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "statements: the graph would have too many stances (at most %u)",
                   STANCE_STORE_MAX_RECORDS);
      return FALSE;
    }

  return TRUE;
}

static const char *
move_string (StanceStore *dest,
             const char  *text)
{
  return _stance_store_intern (dest, text);
}

gboolean
_stance_store_merge (StanceStore  *dest,
                     StanceStore  *src,
                     GError      **error)
{
  guint32 actor_base = dest->actors->len;
  guint32 claim_base = dest->claims->len;
  guint32 statement_base = dest->statements->len;
  g_autofree guint16 *kind_map = NULL;
  guint32 ref_base[4];

  if (!merge_check (dest, src, error))
    return FALSE;

  kind_map = g_new (guint16, src->kinds->len);
  for (guint i = 0; i < src->kinds->len; i++)
    {
      StanceKindRecord *kind = STANCE_STORE_KIND (src, i);
      int existing = _stance_store_find_kind (dest, kind->name);

      kind_map[i] = _stance_store_declare_kind (dest, kind->name, kind->polarity);
      if (existing < 0 && kind->meta != NULL)
        STANCE_STORE_KIND (dest, kind_map[i])->meta = g_steal_pointer (&kind->meta);
    }

  ref_base[STANCE_SORT_ACTOR] = actor_base;
  ref_base[STANCE_SORT_CLAIM] = claim_base;
  ref_base[STANCE_SORT_STATEMENT] = statement_base;

#define REMAP_REF(ref) stance_ref_make (stance_ref_sort (ref), stance_ref_index (ref) + ref_base[stance_ref_sort (ref)])

  for (guint i = 0; i < src->actors->len; i++)
    {
      StanceActorRecord *from = STANCE_STORE_ACTOR (src, i);
      guint32 index = _stance_store_add_actor (dest, from->id, from->name, from->kind);
      StanceActorRecord *to = STANCE_STORE_ACTOR (dest, index);

      to->aliases = g_steal_pointer (&from->aliases);
      to->meta = g_steal_pointer (&from->meta);
      if (from->member_of != NULL)
        {
          to->member_of = g_steal_pointer (&from->member_of);
          for (guint m = 0; m < to->member_of->len; m++)
            g_array_index (to->member_of, guint32, m) += actor_base;
        }
    }

  for (guint i = 0; i < src->claims->len; i++)
    {
      StanceClaimRecord *from = STANCE_STORE_CLAIM (src, i);
      guint32 index = _stance_store_add_claim (dest, from->id, from->text);
      StanceClaimRecord *to = STANCE_STORE_CLAIM (dest, index);

      to->lang = from->lang != NULL ? g_string_chunk_insert_const (dest->strings, from->lang) : NULL;
      to->meta = g_steal_pointer (&from->meta);
      to->part_of = from->part_of != STANCE_NONE ? from->part_of + claim_base : STANCE_NONE;
    }

  for (guint i = 0; i < src->statements->len; i++)
    {
      StanceStatementRecord *from = STANCE_STORE_STATEMENT (src, i);
      guint32 index = _stance_store_add_statement (dest, from->id, from->speaker + actor_base, &from->time);
      StanceStatementRecord *to = STANCE_STORE_STATEMENT (dest, index);

      to->reports = from->reports != STANCE_NONE ? from->reports + statement_base : STANCE_NONE;
      if (from->extra != STANCE_NONE)
        {
          StanceStatementExtra *efrom = &g_array_index (src->extras, StanceStatementExtra, from->extra - 1);
          StanceStatementExtra *eto = _stance_store_statement_extra (dest, index, TRUE);

          eto->text = move_string (dest, efrom->text);
          eto->lang = efrom->lang != NULL ? g_string_chunk_insert_const (dest->strings, efrom->lang) : NULL;
          eto->source = move_string (dest, efrom->source);
          eto->meta = g_steal_pointer (&efrom->meta);
        }
    }

  /* Stances keep their order, so each statement's list can be appended
   * stance by stance in the source's global order. */
  for (guint i = 0; i < src->stances->len; i++)
    {
      StanceStanceRecord *from = STANCE_STORE_STANCE (src, i);
      guint32 index = _stance_store_add_stance (dest, from->statement + statement_base,
                                                kind_map[from->kind], REMAP_REF (from->target),
                                                from->holder + actor_base,
                                                (from->flags & STANCE_STANCE_EXPLICIT_HOLDER) != 0);

      if (from->flags & STANCE_STANCE_HAS_META)
        _stance_store_set_stance_meta (dest, index, _stance_store_get_stance_meta (src, i));
    }

#undef REMAP_REF

  /* A graph has one document meta: the first document's stays. */
  if (dest->meta == NULL)
    dest->meta = g_steal_pointer (&src->meta);
  dest->serial++;

  return TRUE;
}

/* Removing nodes.  The store stays append-only: a removed node's record is
 * kept, like a removed stance's, so that its views and every index stay
 * valid; it is listed in removed[sort] and its id is unregistered, so that
 * lookups miss it and the id can be used again.  The callers unlink what
 * refers to it first (stance-edit.c). */

/* The number of removed indices of @sort below @index. */
static guint
removed_below (StanceStore *store,
               StanceSort   sort,
               guint32      index)
{
  GArray *removed = store->removed[sort];
  guint lo = 0, hi = removed->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (removed, guint32, mid) < index)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
_stance_store_is_removed (StanceStore *store,
                          StanceRef    ref)
{
  StanceSort sort = stance_ref_sort (ref);
  guint32 index = stance_ref_index (ref);
  GArray *removed = store->removed[sort];
  guint at;

  if (removed->len == 0)
    return FALSE;
  at = removed_below (store, sort, index);

  return at < removed->len && g_array_index (removed, guint32, at) == index;
}

void
_stance_store_remove_node (StanceStore *store,
                           StanceRef    ref)
{
  StanceSort sort = stance_ref_sort (ref);
  guint32 index = stance_ref_index (ref);

  g_return_if_fail (!_stance_store_is_removed (store, ref));

  g_array_insert_val (store->removed[sort], removed_below (store, sort, index), index);
  g_hash_table_remove (store->ids, _stance_store_ref_id (store, ref));
  store->serial++;
}

guint
_stance_store_n_nodes (StanceStore *store,
                       StanceSort   sort)
{
  GArray *records = sort == STANCE_SORT_ACTOR ? store->actors :
                    sort == STANCE_SORT_CLAIM ? store->claims : store->statements;

  return records->len - store->removed[sort]->len;
}

guint
_stance_store_position_of (StanceStore *store,
                           StanceSort   sort,
                           guint32      index)
{
  return index - removed_below (store, sort, index);
}

guint32
_stance_store_index_at (StanceStore *store,
                        StanceSort   sort,
                        guint        position)
{
  GArray *removed = store->removed[sort];
  guint lo = 0, hi = removed->len;

  /* removed[j] - j live records precede removed[j], a non-decreasing
   * count: the live record at @position comes after the removed ones with
   * removed[j] - j <= position. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (removed, guint32, mid) - mid <= position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return position + lo;
}
