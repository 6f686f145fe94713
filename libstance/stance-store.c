/* stance-store.c: the compact record store behind a StanceGraph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-error.h"
#include "stance-kind-private.h"
#include "stance-limits-private.h"
#include "stance-quote-private.h"
#include "stance-store-private.h"

static void
stance_meta_free (gpointer data)
{
  json_node_unref (data);
}

/* Records */

void
_stance_records_init (StanceRecords *records,
                      guint          elt_size)
{
  memset (records, 0, sizeof *records);
  records->elt_size = elt_size;
}

void
_stance_records_clear (StanceRecords *records)
{
  if (!records->borrowed)
    g_free (records->data);
  _stance_records_init (records, records->elt_size);
}

StanceRecords *
_stance_records_new (guint elt_size)
{
  StanceRecords *records = g_new (StanceRecords, 1);

  _stance_records_init (records, elt_size);
  return records;
}

void
_stance_records_free (StanceRecords *records)
{
  if (records != NULL)
    {
      _stance_records_clear (records);
      g_free (records);
    }
}

/* Makes room for @n more records. */
void
_stance_records_reserve (StanceRecords *records,
                         guint          n)
{
  gsize want = (gsize) records->len + n;
  gsize alloc = records->alloc;

  if (want <= alloc)
    return;

  /* Doubling while small keeps the number of copies low; from 64 KiB on,
   * an eighth more at a time bounds the slack to 12.5%, and glibc grows a
   * block that large in place or with mremap.  The callers keep len under
   * STANCE_STORE_MAX_RECORDS, so this cannot overflow a guint. */
  if (alloc == 0 && want > 16)
    alloc = want;  /* a bulk load knows its size */
  while (alloc < want)
    alloc = alloc * records->elt_size < 64 * 1024 ? MAX (alloc * 2, 16) : alloc + alloc / 8;

  if (records->borrowed)
    {
      char *data = g_malloc (alloc * records->elt_size);

      memcpy (data, records->data, (gsize) records->len * records->elt_size);
      records->data = data;
      records->borrowed = FALSE;
    }
  else
    records->data = g_realloc (records->data, alloc * records->elt_size);
  records->alloc = (guint) alloc;
}

/* Appends a zeroed record and returns it. */
gpointer
_stance_records_append (StanceRecords *records)
{
  gpointer record;

  _stance_records_reserve (records, 1);
  record = records->data + (gsize) records->len * records->elt_size;
  memset (record, 0, records->elt_size);
  records->len++;

  return record;
}

/* The id index */

/* A 64-bit finalizer (MurmurHash3's constants): every bit of the input
 * reaches the low bits, which pick the slot, and the top bits, the tag. */
static inline guint64
fmix64 (guint64 x)
{
  x = (x ^ (x >> 33)) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x = (x ^ (x >> 33)) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  return x ^ (x >> 33);
}

/* The hash of an id.  Its top 7 bits are the tag, and its low bits pick the
 * home slot.  Both are the same on every machine (a snapshot stores the
 * table that places ids by them): see doc/snapshot.md.
 *
 * The home slot comes from a hash of all but the last byte, plus the last
 * byte: ids that differ only there, such as s1234560 … s1234569, get
 * neighbouring slots.  A pipeline adds ids in such runs, and each new id is
 * first looked up (to refuse a duplicate), so that a million-slot table is
 * walked through in order instead of missing the cache on every add.  The
 * tag mixes in the last byte, so that neighbours rarely share a tag, and
 * the table probes triangularly, so that runs do not pile up.  Not for
 * hostile keys: the table's probes are bounded, so
 * colliding ids cost time, not safety. */
guint64
_stance_id_hash (const char *id)
{
  return _stance_id_hash_len (id, strlen (id));
}

guint64
_stance_id_hash_len (const char *id,
                     gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  const guchar *p = (const guchar *) id;
  guint64 last = len > 0 ? p[len - 1] : 0;
  guint64 w = 0, home, tag;

  if (len > 0)
    len--;  /* the last byte is added, not hashed */

  for (; len >= 8; len -= 8, p += 8)
    {
      memcpy (&w, p, 8);
      h = (h ^ GUINT64_FROM_LE (w)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      h ^= h >> 29;
    }

  w = 0;
  for (gsize i = 0; i < len; i++)
    w |= (guint64) p[i] << (8 * i);

  h = fmix64 (h ^ w);
  home = h + last;
  tag = fmix64 (h ^ (last * G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f)));

  return (tag & ~STANCE_ID_HOME_MASK) | (home & STANCE_ID_HOME_MASK);
}

static void
id_table_clear (StanceIdTable *table)
{
  if (!table->borrowed)
    {
      g_free (table->tags);
      g_free (table->refs);
    }
  memset (table, 0, sizeof *table);
}

/* Places @ref, whose id hashes to @hash and is not in the table yet. */
static inline void
id_table_place (StanceIdTable *table,
                guint64        hash,
                StanceRef      ref)
{
  guint i = (guint) hash & table->mask;

  for (guint step = 1; table->tags[i] != 0; step++)
    i = (i + step) & table->mask;

  table->tags[i] = STANCE_ID_TAG (hash);
  table->refs[i] = ref;
  table->count++;
}

/* Doubles the table and places every node of the store in it again, the
 * one being registered included.  Nodes are visited in record order, not in
 * slot order, so that their records and ids are read one after the other
 * rather than at random. */
static void
id_table_grow (StanceStore *store)
{
  StanceRecords *sorts[] = { NULL, store->actors, store->claims, store->statements };
  StanceIdTable *table = &store->ids;
  guint capacity = table->tags == NULL ? 64 : (table->mask + 1) * 2;

  id_table_clear (table);
  table->tags = g_malloc0 (capacity);
  table->refs = g_new0 (StanceRef, capacity);  /* zeros in empty slots: a snapshot writes them */
  table->mask = capacity - 1;

  for (StanceSort sort = STANCE_SORT_ACTOR; sort <= STANCE_SORT_STATEMENT; sort++)
    for (guint i = 0; i < sorts[sort]->len; i++)
      {
        StanceRef ref = stance_ref_make (sort, i);

        /* A removed node's id is free, maybe taken by a later node. */
        if (!_stance_store_is_removed (store, ref))
          id_table_place (table, _stance_id_hash (_stance_store_ref_id (store, ref)), ref);
      }
}

/* Takes @ref out of the table.  Triangular probing cannot shift the
 * entries after a hole back (their probe sequences differ), so the slot
 * becomes a tombstone: STANCE_ID_TOMBSTONE, a tag no id has (real tags
 * have their high bit set), with no reference.  Lookups probe past it;
 * the next growth, which the tombstones count toward, leaves them out.
 * Removals are edits of a few nodes at a time, so they stay rare. */
static void
id_table_remove (StanceStore *store,
                 StanceRef    ref)
{
  StanceIdTable *table = &store->ids;
  guint i = (guint) _stance_id_hash (_stance_store_ref_id (store, ref)) & table->mask;

  for (guint probes = 0; table->refs[i] != ref; probes++)
    {
      g_return_if_fail (table->tags[i] != 0 && probes <= table->mask);
      i = (i + probes + 1) & table->mask;
    }

  table->tags[i] = STANCE_ID_TOMBSTONE;
  table->refs[i] = 0;
  table->count--;
  table->tombstones++;
}

StanceStore *
_stance_store_new (void)
{
  StanceStore *store = g_new0 (StanceStore, 1);

  store->strings = g_string_chunk_new (64 * 1024);
  store->kinds = g_array_new (FALSE, FALSE, sizeof (StanceKindRecord));
  store->actors = _stance_records_new (sizeof (StanceActorRecord));
  store->claims = _stance_records_new (sizeof (StanceClaimRecord));
  store->statements = _stance_records_new (sizeof (StanceStatementRecord));
  store->extras = g_array_new (FALSE, FALSE, sizeof (StanceStatementExtra));
  store->stances = _stance_records_new (sizeof (StanceStanceRecord));
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
  _stance_records_free (store->stances);
  g_array_unref (store->extras);
  _stance_records_free (store->statements);
  _stance_records_free (store->claims);
  _stance_records_free (store->actors);
  g_array_unref (store->kinds);
  id_table_clear (&store->ids);
  g_string_chunk_free (store->strings);
  g_clear_pointer (&store->backing, g_bytes_unref);
  g_free (store);
}

gboolean
_stance_store_is_empty (StanceStore *store)
{
  /* Removed records count: their views may be alive, so no swap. */
  return store->ids.count == 0 && store->kinds->len == store->n_builtin_kinds &&
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
  if (store->ids.count == 0)
    return 0;
  return _stance_store_lookup_hashed (store, id, _stance_id_hash (id));
}

StanceRef
_stance_store_lookup_hashed (StanceStore *store,
                             const char  *id,
                             guint64      hash)
{
  StanceIdTable *table = &store->ids;
  guint8 tag;
  guint i;

  if (table->count == 0)
    return 0;

  tag = STANCE_ID_TAG (hash);
  i = (guint) hash & table->mask;

  /* Triangular probing (home, +1, +3, +6, …) visits every slot of a table
   * of a power of two, and the table always has an empty slot (a
   * snapshot's is checked for one), so this ends; the count bounds it all
   * the same.  Unlike stepping by one, it does not let the runs of
   * neighbouring homes (see _stance_id_hash) pile up into long clusters. */
  for (guint probes = 0; probes <= table->mask && table->tags[i] != 0; probes++)
    {
      if (table->tags[i] == tag && strcmp (_stance_store_ref_id (store, table->refs[i]), id) == 0)
        return table->refs[i];
      i = (i + probes + 1) & table->mask;
    }

  return 0;
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
  return _stance_store_check_new_id_hashed (store, id, _stance_id_hash (id), error);
}

gboolean
_stance_store_check_new_id_hashed (StanceStore  *store,
                                   const char   *id,
                                   guint64       hash,
                                   GError      **error)
{
  if (!_stance_check_utf8 (id, "id", error))
    return FALSE;

  if (id[0] == '\0')
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID, "empty id");
      return FALSE;
    }

  if (_stance_store_lookup_hashed (store, id, hash) != 0)
    {
      g_autofree char *shown = _stance_quote (id, -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID,
                   "duplicate id %s: %s already has it", shown,
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
      g_autofree char *shown = _stance_quote (id, -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID, "unknown id %s", shown);
      return 0;
    }

  if ((STANCE_SORT_MASK (stance_ref_sort (ref)) & sort_mask) == 0)
    {
      g_autofree char *shown = _stance_quote (id, -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "%s is %s, not %s", shown,
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
      g_autofree char *shown = _stance_quote (name, -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND,
                   "invalid kind name %s: use lower-case ASCII letters, digits and '-', "
                   "starting with a letter", shown);
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
    {
      g_autofree char *shown = _stance_quote (name, -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND, "unknown stance kind %s", shown);
    }

  return kind;
}

gboolean
_stance_store_check_capacity (StanceStore   *store,
                              StanceRecords *records,
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

/* @hash is @id's _stance_id_hash(). */
static void
register_id_hashed (StanceStore *store,
                    guint64      hash,
                    StanceRef    ref)
{
  /* At most three quarters full, so that probes stay short and a lookup
   * always meets an empty slot. */
  if ((gsize) (store->ids.count + store->ids.tombstones + 1) * 4 > ((gsize) store->ids.mask + 1) * 3 ||
      store->ids.tags == NULL)
    id_table_grow (store);  /* which places the new node too: it has its record */
  else
    id_table_place (&store->ids, hash, ref);
}

static void
register_id (StanceStore *store,
             const char  *id,
             StanceRef    ref)
{
  register_id_hashed (store, _stance_id_hash (id), ref);
}

guint32
_stance_store_add_actor (StanceStore     *store,
                         const char      *id,
                         const char      *name,
                         StanceActorKind  kind)
{
  guint32 index = store->actors->len;
  StanceActorRecord *actor = _stance_records_append (store->actors);

  actor->id = _stance_store_intern (store, id);
  actor->name = _stance_store_intern (store, name);
  actor->kind = kind;
  register_id (store, actor->id, stance_ref_make (STANCE_SORT_ACTOR, index));

  return index;
}

guint32
_stance_store_add_claim (StanceStore *store,
                         const char  *id,
                         const char  *text)
{
  guint32 index = store->claims->len;
  StanceClaimRecord *claim = _stance_records_append (store->claims);

  claim->id = _stance_store_intern (store, id);
  claim->text = _stance_store_intern (store, text);
  register_id (store, claim->id, stance_ref_make (STANCE_SORT_CLAIM, index));

  return index;
}

guint32
_stance_store_add_statement_hashed (StanceStore      *store,
                                    const char       *id,
                                    guint64           hash,
                                    guint32           speaker,
                                    const StanceTime *time)
{
  guint32 index = store->statements->len;
  StanceStatementRecord *statement = _stance_records_append (store->statements);

  statement->id = _stance_store_intern (store, id);
  statement->time = *time;
  statement->speaker = speaker;
  register_id_hashed (store, hash, stance_ref_make (STANCE_SORT_STATEMENT, index));

  return index;
}

guint32
_stance_store_add_statement (StanceStore      *store,
                             const char       *id,
                             guint32           speaker,
                             const StanceTime *time)
{
  return _stance_store_add_statement_hashed (store, id, _stance_id_hash (id), speaker, time);
}

guint32
_stance_store_add_stance (StanceStore *store,
                          guint32      statement,
                          guint16      kind,
                          StanceRef    target,
                          guint32      holder,
                          gboolean     explicit_holder)
{
  StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, statement);

  return _stance_store_append_stance (store, statement, kind, target, holder, explicit_holder,
                                      &st->first_stance, &st->last_stance);
}

/* Appends a stance and links it at the end of the list whose head and
 * tail are *@first and *@last (index + 1): a statement's own, or, while a
 * reader streams a statement whose record comes after its stances, the
 * reader's. */
guint32
_stance_store_append_stance (StanceStore *store,
                             guint32      statement,
                             guint16      kind,
                             StanceRef    target,
                             guint32      holder,
                             gboolean     explicit_holder,
                             guint32     *first,
                             guint32     *last)
{
  guint32 index = store->stances->len;
  StanceStanceRecord *stance = _stance_records_append (store->stances);

  stance->statement = statement;
  stance->kind = kind;
  stance->target = target;
  stance->holder = holder;
  stance->next = STANCE_NONE;
  stance->flags = explicit_holder ? STANCE_STANCE_EXPLICIT_HOLDER : 0;

  /* Append to the list in O(1) through its tail. */
  if (*last != STANCE_NONE)
    STANCE_STORE_STANCE (store, *last - 1)->next = index + 1;
  else
    *first = index + 1;
  *last = index + 1;
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

void
_stance_store_set_statement_string (StanceStore           *store,
                                    guint32                statement,
                                    StanceStatementString  which,
                                    const char            *value)
{
  StanceStatementExtra *extra = _stance_store_statement_extra (store, statement, value != NULL);

  if (extra == NULL)
    return;
  switch (which)
    {
    case STANCE_STATEMENT_TEXT:
      extra->text = _stance_store_intern (store, value);
      break;
    case STANCE_STATEMENT_LANG:
      /* Languages repeat across millions of statements: kept once. */
      extra->lang = _stance_store_intern_shared (store, value);
      break;
    case STANCE_STATEMENT_SOURCE:
    default:
      extra->source = _stance_store_intern (store, value);
      break;
    }
}

void
_stance_store_take_statement_meta (StanceStore *store,
                                   guint32      statement,
                                   JsonNode    *meta)
{
  StanceStatementExtra *extra = _stance_store_statement_extra (store, statement, meta != NULL);

  if (extra == NULL)
    return;
  g_clear_pointer (&extra->meta, json_node_unref);
  extra->meta = meta;
}

guint
_stance_store_stance_position (StanceStore *store,
                               guint32      stance)
{
  guint position = 0;

  STANCE_STORE_FOREACH_STANCE_OF (store, STANCE_STORE_STANCE (store, stance)->statement, at)
    {
      if (at == stance)
        break;
      position++;
    }

  return position;
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

void
_stance_store_remove_member_of (StanceStore *store,
                                guint32      actor,
                                guint32      group)
{
  GArray *groups = STANCE_STORE_ACTOR (store, actor)->member_of;

  for (guint g = groups != NULL ? groups->len : 0; g-- > 0; )
    if (g_array_index (groups, guint32, g) == group)
      g_array_remove_index (groups, g);
}

JsonNode **
_stance_store_node_meta_slot (StanceStore *store,
                              StanceRef    node,
                              gboolean     create)
{
  guint32 index = stance_ref_index (node);
  StanceStatementExtra *extra;

  switch (stance_ref_sort (node))
    {
    case STANCE_SORT_ACTOR:
      return &STANCE_STORE_ACTOR (store, index)->meta;
    case STANCE_SORT_CLAIM:
      return &STANCE_STORE_CLAIM (store, index)->meta;
    case STANCE_SORT_STATEMENT:
      extra = _stance_store_statement_extra (store, index, create);
      return extra != NULL ? &extra->meta : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
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
                    guint      level,
                    GError   **error)
{
  /* The limits of a document (stance-limits-private.h), so that a graph
   * never holds meta that its saved document could not load. */
  return _stance_limits_check_meta (meta, level, error);
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
      StanceRecords *records = arrays[a].sort == STANCE_SORT_ACTOR ? src->actors :
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
              g_autofree char *shown = _stance_quote (id, -1);

              g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID,
                           "%s[%u].id: duplicate id %s: the graph already has %s with it",
                           arrays[a].member, i, shown,
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

/* The number of indices in @removed (sorted) below @index. */
guint
_stance_removed_below (const GArray *removed,
                       guint32       index)
{
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

guint32
_stance_removed_index_at (const GArray *removed,
                          guint         position)
{
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
  at = _stance_removed_below (removed, index);

  return at < removed->len && g_array_index (removed, guint32, at) == index;
}

void
_stance_store_remove_node (StanceStore *store,
                           StanceRef    ref)
{
  StanceSort sort = stance_ref_sort (ref);
  guint32 index = stance_ref_index (ref);

  g_return_if_fail (!_stance_store_is_removed (store, ref));

  id_table_remove (store, ref);
  g_array_insert_val (store->removed[sort], _stance_removed_below (store->removed[sort], index), index);
  store->serial++;
}

guint
_stance_store_n_nodes (StanceStore *store,
                       StanceSort   sort)
{
  StanceRecords *records = sort == STANCE_SORT_ACTOR ? store->actors :
                           sort == STANCE_SORT_CLAIM ? store->claims : store->statements;

  return records->len - store->removed[sort]->len;
}

guint
_stance_store_position_of (StanceStore *store,
                           StanceSort   sort,
                           guint32      index)
{
  return index - _stance_removed_below (store->removed[sort], index);
}

guint32
_stance_store_index_at (StanceStore *store,
                        StanceSort   sort,
                        guint        position)
{
  return _stance_removed_index_at (store->removed[sort], position);
}
