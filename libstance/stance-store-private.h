/* stance-store-private.h: the compact record store behind a StanceGraph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "stance-actor.h"
#include "stance-kind.h"
#include "stance-time-private.h"

G_BEGIN_DECLS

/* A graph can hold millions of statements, so it keeps no object per node:
 * nodes and stances are plain records in arrays, ids are interned in one
 * string chunk, and a node is named by a 32-bit reference whose top two bits
 * say which array (actor, claim, statement) and the rest the index in it.
 * GObjects are made only when the API hands a node out (see stance-graph.c).
 *
 * The store is append-only: records never move to another index, so an index
 * or a reference stays valid for the life of the store, and strings in the
 * chunk are never freed before the store is. */

typedef guint32 StanceRef;

typedef enum {
  STANCE_SORT_ACTOR     = 1,
  STANCE_SORT_CLAIM     = 2,
  STANCE_SORT_STATEMENT = 3,
} StanceSort;

#define STANCE_REF_SHIFT      30
#define STANCE_REF_INDEX_MASK ((1u << STANCE_REF_SHIFT) - 1)
/* The largest number of records of one sort, and of stances. */
#define STANCE_STORE_MAX_RECORDS STANCE_REF_INDEX_MASK
/* Kind indices are 16 bits wide in a stance record. */
#define STANCE_STORE_MAX_KINDS G_MAXUINT16

/* Masks for _stance_store_resolve(): which sorts a reference may name. */
#define STANCE_SORT_MASK(sort) (1u << (sort))
#define STANCE_SORT_MASK_ANY   (STANCE_SORT_MASK (STANCE_SORT_ACTOR) | \
                                STANCE_SORT_MASK (STANCE_SORT_CLAIM) | \
                                STANCE_SORT_MASK (STANCE_SORT_STATEMENT))

static inline StanceRef
stance_ref_make (StanceSort sort,
                 guint32    index)
{
  return ((guint32) sort << STANCE_REF_SHIFT) | index;
}

static inline StanceSort
stance_ref_sort (StanceRef ref)
{
  return (StanceSort) (ref >> STANCE_REF_SHIFT);
}

static inline guint32
stance_ref_index (StanceRef ref)
{
  return ref & STANCE_REF_INDEX_MASK;
}

/* Optional links are stored as index + 1, so that 0 means none. */
#define STANCE_NONE 0u

typedef struct
{
  const char *id;
  const char *name;
  char      **aliases;    /* owned, NULL-terminated; NULL when none */
  GArray     *member_of;  /* guint32 actor indices; NULL when none */
  JsonNode   *meta;       /* owned; NULL when none */
  guint8      kind;       /* StanceActorKind */
} StanceActorRecord;

typedef struct
{
  const char *id;
  const char *text;
  const char *lang;
  JsonNode   *meta;
  guint32     part_of;    /* claim index + 1, or STANCE_NONE */
} StanceClaimRecord;

/* What most machine-extracted statements lack lives out of line, so that a
 * statement without text costs no pointers for it. */
typedef struct
{
  const char *text;
  const char *lang;
  const char *source;
  JsonNode   *meta;
} StanceStatementExtra;

typedef struct
{
  const char *id;
  StanceTime  time;
  guint32     speaker;       /* actor index */
  guint32     reports;       /* statement index + 1, or STANCE_NONE */
  guint32     first_stance;  /* stance index + 1, or STANCE_NONE */
  guint32     last_stance;   /* stance index + 1, or STANCE_NONE */
  guint32     extra;         /* extras index + 1, or STANCE_NONE */
} StanceStatementRecord;

enum {
  STANCE_STANCE_HAS_META        = 1 << 0,
  STANCE_STANCE_EXPLICIT_HOLDER = 1 << 1,  /* "holder" was written, even if equal to the speaker */
  STANCE_STANCE_REMOVED         = 1 << 2,  /* taken back: unlinked from its statement, kept for its views */
};

typedef struct
{
  guint32   statement;  /* statement index */
  StanceRef target;
  guint32   holder;     /* actor index; the speaker's unless attributed */
  guint32   next;       /* the statement's next stance, index + 1, or STANCE_NONE */
  guint16   kind;       /* index into the kind table */
  guint16   flags;
} StanceStanceRecord;

typedef struct
{
  const char *name;
  JsonNode   *meta;
  guint8      polarity;  /* StancePolarity */
  guint8      builtin;
} StanceKindRecord;

/* A growable array of records.  GArray would do, but it always grows to a
 * power of two bytes: at a million statements that is up to twice the
 * records, and it cannot start on records that belong to someone else.
 * This one doubles while small and then grows by an eighth (glibc moves a
 * large block with mremap, without copying), and it can borrow its records
 * from a mapped snapshot: they are used in place, written in place (the
 * mapping is private, copy-on-write) and copied only when the array has to
 * grow.  data and len mean what they mean in a GArray. */
typedef struct
{
  char     *data;
  guint     len;
  guint     alloc;      /* records data has room for */
  guint     elt_size;
  gboolean  borrowed;   /* data is not ours: never realloc'd nor freed */
} StanceRecords;

/* The id index: open addressing with triangular probing over 32-bit node
 * references.  A GHashTable entry costs 16 bytes per slot (key, value, hash)
 * at a load of at most a half; this costs 5 bytes per slot at a load of at
 * most three quarters: the reference, and a tag byte with 7 bits of the
 * hash, so that a probe rarely has to compare the id itself (it is found
 * through the reference, in the record).  The hash (_stance_id_hash) is part
 * of the snapshot format, which maps the table in place. */
typedef struct
{
  guint8    *tags;      /* 0 for an empty slot, else STANCE_ID_TAG (hash) */
  StanceRef *refs;
  guint      mask;      /* capacity - 1; the capacity is a power of two, or 0 */
  guint      count;
  guint      tombstones;  /* slots of removed ids: STANCE_ID_TOMBSTONE, ref 0 */
  gboolean   borrowed;  /* tags and refs are in a mapped snapshot */
} StanceIdTable;

#define STANCE_ID_TAG(hash) ((guint8) (0x80u | (guint8) ((hash) >> 57)))
/* A removed id's slot: no id's tag, so lookups pass it by. */
#define STANCE_ID_TOMBSTONE ((guint8) 1)
/* The bits of a hash that pick the home slot (tables have at most 2^31). */
#define STANCE_ID_HOME_MASK ((G_GUINT64_CONSTANT (1) << 57) - 1)

guint64      _stance_id_hash                (const char        *id);
/* The same, for an id of @len bytes (no NUL): without a strlen(). */
guint64      _stance_id_hash_len            (const char        *id,
                                             gsize              len);

typedef struct
{
  GStringChunk *strings;
  StanceIdTable ids;          /* id -> StanceRef */
  GArray       *kinds;        /* StanceKindRecord; the built-in ones first */
  StanceRecords *actors;      /* StanceActorRecord */
  StanceRecords *claims;      /* StanceClaimRecord */
  StanceRecords *statements;  /* StanceStatementRecord */
  GArray       *extras;       /* StanceStatementExtra */
  StanceRecords *stances;     /* StanceStanceRecord */
  GHashTable   *stance_meta;  /* stance index -> JsonNode */
  GHashTable   *kind_names;   /* kind name (in strings) -> index + 1 */
  JsonNode     *meta;         /* the document's own, or NULL */
  guint         n_builtin_kinds;
  guint         n_removed_stances;
  /* Removed nodes, per StanceSort: sorted record indices.  Their records
   * stay, as removed stances' do, so that views stay valid; their ids are
   * free again.  Positions in graph order skip them (O(log n)). */
  GArray       *removed[4];
  /* Bumped by every change that can change an answer about acts, so that
   * derived indexes know when they are stale. */
  guint64       serial;
  /* The mapped snapshot (stance-snapshot.c) that records, strings and the
   * id table may point into, or NULL; it lives as long as the store. */
  GBytes       *backing;
} StanceStore;

void         _stance_records_init           (StanceRecords     *records,
                                             guint              elt_size);
void         _stance_records_clear          (StanceRecords     *records);
StanceRecords *
             _stance_records_new            (guint              elt_size);
void         _stance_records_free           (StanceRecords     *records);
void         _stance_records_reserve        (StanceRecords     *records,
                                             guint              n);
gpointer     _stance_records_append         (StanceRecords     *records);

StanceStore *_stance_store_new              (void);
void         _stance_store_free             (StanceStore       *store);
gboolean     _stance_store_is_empty         (StanceStore       *store);

/* Ids and references.  The _hashed variants take @id's
 * _stance_id_hash(), computed once by a reader that needs it twice, or in
 * another thread (stance-document-ahead.c). */
StanceRef    _stance_store_lookup           (StanceStore       *store,
                                             const char        *id);
StanceRef    _stance_store_lookup_hashed    (StanceStore       *store,
                                             const char        *id,
                                             guint64            hash);
gboolean     _stance_store_check_new_id     (StanceStore       *store,
                                             const char        *id,
                                             GError           **error);
gboolean     _stance_store_check_new_id_hashed (StanceStore    *store,
                                                const char     *id,
                                                guint64         hash,
                                                GError        **error);
StanceRef    _stance_store_resolve          (StanceStore       *store,
                                             const char        *id,
                                             guint              sort_mask,
                                             GError           **error);
const char  *_stance_store_ref_id           (StanceStore       *store,
                                             StanceRef          ref);
const char  *_stance_sort_name              (StanceSort         sort);

/* Kinds */
int          _stance_store_find_kind        (StanceStore       *store,
                                             const char        *name);
gboolean     _stance_store_check_kind       (StanceStore       *store,
                                             const char        *name,
                                             StancePolarity     polarity,
                                             GError           **error);
guint16      _stance_store_declare_kind     (StanceStore       *store,
                                             const char        *name,
                                             StancePolarity     polarity);
int          _stance_store_resolve_kind     (StanceStore       *store,
                                             const char        *name,
                                             GError           **error);

/* Adding.  The callers validate first (ids, references, times), so that a
 * failed edit changes nothing; these only append. */
guint32      _stance_store_add_actor        (StanceStore       *store,
                                             const char        *id,
                                             const char        *name,
                                             StanceActorKind    kind);
guint32      _stance_store_add_claim        (StanceStore       *store,
                                             const char        *id,
                                             const char        *text);
guint32      _stance_store_add_statement    (StanceStore       *store,
                                             const char        *id,
                                             guint32            speaker,
                                             const StanceTime  *time);
guint32      _stance_store_add_statement_hashed (StanceStore   *store,
                                                 const char    *id,
                                                 guint64        hash,
                                                 guint32        speaker,
                                                 const StanceTime *time);
guint32      _stance_store_add_stance       (StanceStore       *store,
                                             guint32            statement,
                                             guint16            kind,
                                             StanceRef          target,
                                             guint32            holder,
                                             gboolean           explicit_holder);
/* For a reader whose statement record comes after its stances: appends
 * the stance to the list whose ends are *@first and *@last (opaque; start
 * both at STANCE_NONE), which _stance_store_set_statement_stances() then
 * gives to the statement. */
guint32      _stance_store_append_stance    (StanceStore       *store,
                                             guint32            statement,
                                             guint16            kind,
                                             StanceRef          target,
                                             guint32            holder,
                                             gboolean           explicit_holder,
                                             guint32           *first,
                                             guint32           *last);
/* The store's and the snapshot's; others ask _stance_store_check_node_room()
 * or _stance_store_check_stance_room(). */
gboolean     _stance_store_check_capacity   (StanceStore       *store,
                                             StanceRecords     *records,
                                             GError           **error);

/* Setting optional fields.  _stance_store_statement_extra() is the store's
 * and the snapshot's; others use _stance_store_set_statement_string(). */
const char  *_stance_store_intern           (StanceStore       *store,
                                             const char        *text);
StanceStatementExtra *
             _stance_store_statement_extra  (StanceStore       *store,
                                             guint32            statement,
                                             gboolean           create);
void         _stance_store_set_stance_meta  (StanceStore       *store,
                                             guint32            stance,
                                             JsonNode          *meta);
JsonNode    *_stance_store_get_stance_meta  (StanceStore       *store,
                                             guint32            stance);
void         _stance_store_remove_stance    (StanceStore       *store,
                                             guint32            stance);
void         _stance_store_add_member_of    (StanceStore       *store,
                                             guint32            actor,
                                             guint32            group);
gboolean     _stance_store_part_of_cycles   (StanceStore       *store,
                                             guint32            claim,
                                             guint32            whole);
gboolean     _stance_store_reports_cycles   (StanceStore       *store,
                                             guint32            statement,
                                             guint32            reported);
gboolean     _stance_check_utf8             (const char        *text,
                                             const char        *what,
                                             GError           **error);
/* @level: where the meta object would be in a document
 * (STANCE_LIMIT_META_LEVEL_NODE or _STANCE, stance-limits-private.h). */
gboolean     _stance_check_meta             (JsonNode          *meta,
                                             guint              level,
                                             GError           **error);

/* Moving a whole store into another */
gboolean     _stance_store_merge            (StanceStore       *dest,
                                             StanceStore       *src,
                                             GError           **error);
void         _stance_store_swap             (StanceStore       *a,
                                             StanceStore       *b);

/* Removing nodes (see removed above) */
gboolean     _stance_store_is_removed       (StanceStore       *store,
                                             StanceRef          ref);
void         _stance_store_remove_node      (StanceStore       *store,
                                             StanceRef          ref);
guint        _stance_store_n_nodes          (StanceStore       *store,
                                             StanceSort         sort);
guint        _stance_store_position_of      (StanceStore       *store,
                                             StanceSort         sort,
                                             guint32            index);
guint32      _stance_store_index_at         (StanceStore       *store,
                                             StanceSort         sort,
                                             guint              position);
/* The same over any sorted array of removed indices (a node list keeps
 * the removals it has announced). */
guint        _stance_removed_below          (const GArray      *removed,
                                             guint32            index);
guint32      _stance_removed_index_at       (const GArray      *removed,
                                             guint              position);

/* Record access: the layout of the records.  Only the store
 * (stance-store.c) and the snapshot (stance-snapshot.c, which maps the
 * records on disk as they are in memory) use these five macros and the
 * record types' fields; every other file goes through the small API below,
 * which says what it wants (count, look at, iterate, link, set) and not how
 * the records are laid out.  All of it is static inline, so that a loop
 * over millions of records costs what the raw field reads cost. */
#define STANCE_RECORDS_INDEX(r,T,i) (((T *) (void *) (r)->data) + (i))
#define STANCE_STORE_ACTOR(s,i)     STANCE_RECORDS_INDEX ((s)->actors, StanceActorRecord, (i))
#define STANCE_STORE_CLAIM(s,i)     STANCE_RECORDS_INDEX ((s)->claims, StanceClaimRecord, (i))
#define STANCE_STORE_STATEMENT(s,i) STANCE_RECORDS_INDEX ((s)->statements, StanceStatementRecord, (i))
#define STANCE_STORE_STANCE(s,i)    STANCE_RECORDS_INDEX ((s)->stances, StanceStanceRecord, (i))
#define STANCE_STORE_KIND(s,i)      (&g_array_index ((s)->kinds, StanceKindRecord, (i)))

/* The private API.
 *
 * Records are named by their index (0-based) in their sort; stances by
 * their index among all stances; kinds by their index in the kind table.
 * An optional link (a claim's part_of, a statement's reports) is answered
 * as an index or STANCE_STORE_NO_INDEX, never as the stored index + 1.
 *
 * Counts of records include removed ones (their records stay, see
 * removed above): they bound the indices.  _stance_store_n_nodes() counts
 * the nodes still in the graph. */

#define STANCE_STORE_NO_INDEX G_MAXUINT32

/* Counts */

static inline guint
_stance_store_n_records (StanceStore *store,
                         StanceSort   sort)
{
  switch (sort)
    {
    case STANCE_SORT_ACTOR: return store->actors->len;
    case STANCE_SORT_CLAIM: return store->claims->len;
    case STANCE_SORT_STATEMENT: return store->statements->len;
    default: return 0;
    }
}

static inline guint
_stance_store_n_actors (StanceStore *store)
{
  return store->actors->len;
}

static inline guint
_stance_store_n_claims (StanceStore *store)
{
  return store->claims->len;
}

static inline guint
_stance_store_n_statements (StanceStore *store)
{
  return store->statements->len;
}

/* Every stance ever added, taken back ones included. */
static inline guint
_stance_store_n_stances (StanceStore *store)
{
  return store->stances->len;
}

/* The stances still part of their statement. */
static inline guint
_stance_store_n_live_stances (StanceStore *store)
{
  return store->stances->len - store->n_removed_stances;
}

/* The kinds: the built-in ones are [0, n_builtin_kinds). */
static inline guint
_stance_store_n_kinds (StanceStore *store)
{
  return store->kinds->len;
}

static inline guint
_stance_store_n_builtin_kinds (StanceStore *store)
{
  return store->n_builtin_kinds;
}

/* Whether one more node of @sort, or one more stance, fits
 * (STANCE_STORE_MAX_RECORDS); a %STANCE_ERROR_LIMIT error if not. */
static inline gboolean
_stance_store_check_node_room (StanceStore  *store,
                               StanceSort    sort,
                               GError      **error)
{
  StanceRecords *records = sort == STANCE_SORT_ACTOR ? store->actors :
                           sort == STANCE_SORT_CLAIM ? store->claims : store->statements;

  return _stance_store_check_capacity (store, records, error);
}

static inline gboolean
_stance_store_check_stance_room (StanceStore  *store,
                                 GError      **error)
{
  return _stance_store_check_capacity (store, store->stances, error);
}

/* The serial (see StanceStore): derived data compares it to know whether
 * it is current; a change made outside the store's own functions bumps it. */
static inline guint64
_stance_store_serial (StanceStore *store)
{
  return store->serial;
}

static inline void
_stance_store_changed (StanceStore *store)
{
  store->serial++;
}

/* The document's own meta object, or NULL. */
static inline JsonNode *
_stance_store_document_meta (StanceStore *store)
{
  return store->meta;
}

/* Takes @meta (or NULL). */
static inline void
_stance_store_take_document_meta (StanceStore *store,
                                  JsonNode    *meta)
{
  g_clear_pointer (&store->meta, json_node_unref);
  store->meta = meta;
}

/* Like _stance_store_intern(), for strings that repeat (languages): kept
 * once per distinct value. */
static inline const char *
_stance_store_intern_shared (StanceStore *store,
                             const char  *text)
{
  return text != NULL ? g_string_chunk_insert_const (store->strings, text) : NULL;
}

/* Actors */

static inline const char *
_stance_store_actor_id (StanceStore *store,
                        guint32      actor)
{
  return STANCE_STORE_ACTOR (store, actor)->id;
}

static inline const char *
_stance_store_actor_name (StanceStore *store,
                          guint32      actor)
{
  return STANCE_STORE_ACTOR (store, actor)->name;
}

static inline StanceActorKind
_stance_store_actor_kind (StanceStore *store,
                          guint32      actor)
{
  return (StanceActorKind) STANCE_STORE_ACTOR (store, actor)->kind;
}

/* NULL-terminated, or NULL when none. */
static inline char **
_stance_store_actor_aliases (StanceStore *store,
                             guint32      actor)
{
  return STANCE_STORE_ACTOR (store, actor)->aliases;
}

/* The groups @actor is a member of: guint32 actor indices in the order
 * they were added, or NULL when none. */
static inline const GArray *
_stance_store_actor_member_of (StanceStore *store,
                               guint32      actor)
{
  return STANCE_STORE_ACTOR (store, actor)->member_of;
}

static inline JsonNode *
_stance_store_actor_meta (StanceStore *store,
                          guint32      actor)
{
  return STANCE_STORE_ACTOR (store, actor)->meta;
}

/* Claims */

static inline const char *
_stance_store_claim_id (StanceStore *store,
                        guint32      claim)
{
  return STANCE_STORE_CLAIM (store, claim)->id;
}

static inline const char *
_stance_store_claim_text (StanceStore *store,
                          guint32      claim)
{
  return STANCE_STORE_CLAIM (store, claim)->text;
}

static inline const char *
_stance_store_claim_lang (StanceStore *store,
                          guint32      claim)
{
  return STANCE_STORE_CLAIM (store, claim)->lang;
}

/* The claim @claim is part of, or STANCE_STORE_NO_INDEX. */
static inline guint32
_stance_store_claim_part_of (StanceStore *store,
                             guint32      claim)
{
  return STANCE_STORE_CLAIM (store, claim)->part_of - 1;
}

static inline JsonNode *
_stance_store_claim_meta (StanceStore *store,
                          guint32      claim)
{
  return STANCE_STORE_CLAIM (store, claim)->meta;
}

/* Statements */

static inline const char *
_stance_store_statement_id (StanceStore *store,
                            guint32      statement)
{
  return STANCE_STORE_STATEMENT (store, statement)->id;
}

static inline guint32
_stance_store_statement_speaker (StanceStore *store,
                                 guint32      statement)
{
  return STANCE_STORE_STATEMENT (store, statement)->speaker;
}

static inline const StanceTime *
_stance_store_statement_time (StanceStore *store,
                              guint32      statement)
{
  return &STANCE_STORE_STATEMENT (store, statement)->time;
}

/* The statement @statement reports, or STANCE_STORE_NO_INDEX. */
static inline guint32
_stance_store_statement_reports (StanceStore *store,
                                 guint32      statement)
{
  return STANCE_STORE_STATEMENT (store, statement)->reports - 1;
}

/* What few statements have (text, lang, source, meta) is kept out of
 * line; these answer NULL for a statement without it. */
static inline const StanceStatementExtra *
_stance_store_statement_peek_extra (StanceStore *store,
                                    guint32      statement)
{
  guint32 extra = STANCE_STORE_STATEMENT (store, statement)->extra;

  return extra != STANCE_NONE ? &g_array_index (store->extras, StanceStatementExtra, extra - 1) : NULL;
}

typedef enum
{
  STANCE_STATEMENT_TEXT,
  STANCE_STATEMENT_LANG,
  STANCE_STATEMENT_SOURCE,
} StanceStatementString;

static inline const char *
_stance_store_statement_string (StanceStore           *store,
                                guint32                statement,
                                StanceStatementString  which)
{
  const StanceStatementExtra *extra = _stance_store_statement_peek_extra (store, statement);

  if (extra == NULL)
    return NULL;
  switch (which)
    {
    case STANCE_STATEMENT_TEXT: return extra->text;
    case STANCE_STATEMENT_LANG: return extra->lang;
    case STANCE_STATEMENT_SOURCE:
    default: return extra->source;
    }
}

static inline const char *
_stance_store_statement_text (StanceStore *store,
                              guint32      statement)
{
  return _stance_store_statement_string (store, statement, STANCE_STATEMENT_TEXT);
}

static inline const char *
_stance_store_statement_lang (StanceStore *store,
                              guint32      statement)
{
  return _stance_store_statement_string (store, statement, STANCE_STATEMENT_LANG);
}

static inline const char *
_stance_store_statement_source (StanceStore *store,
                                guint32      statement)
{
  return _stance_store_statement_string (store, statement, STANCE_STATEMENT_SOURCE);
}

static inline JsonNode *
_stance_store_statement_meta (StanceStore *store,
                              guint32      statement)
{
  const StanceStatementExtra *extra = _stance_store_statement_peek_extra (store, statement);

  return extra != NULL ? extra->meta : NULL;
}

/* Sets a statement's text, lang or source (interned; a lang once per
 * distinct value), making its out-of-line part when @value is not NULL. */
void         _stance_store_set_statement_string (StanceStore          *store,
                                                 guint32               statement,
                                                 StanceStatementString which,
                                                 const char           *value);
/* Takes @meta (or NULL) as the statement's meta. */
void         _stance_store_take_statement_meta  (StanceStore          *store,
                                                 guint32               statement,
                                                 JsonNode             *meta);

static inline gboolean
_stance_store_statement_has_stances (StanceStore *store,
                                     guint32      statement)
{
  return STANCE_STORE_STATEMENT (store, statement)->first_stance != STANCE_NONE;
}

/* Fetching ahead: a loop that will read a record a few iterations on (the
 * contradiction writer) asks for it now, so that the misses of the cache
 * overlap.  Macros, not functions: GCC takes a function that only
 * prefetches for one without effects and drops its calls. */
#define STANCE_STORE_PREFETCH_STANCE(store, stance) \
  __builtin_prefetch (STANCE_STORE_STANCE ((store), (stance)))
#define STANCE_STORE_PREFETCH_STATEMENT(store, statement) \
  __builtin_prefetch (STANCE_STORE_STATEMENT ((store), (statement)))
/* The id of a statement, which the statement's record points to. */
#define STANCE_STORE_PREFETCH_STATEMENT_ID(store, statement) \
  __builtin_prefetch (STANCE_STORE_STATEMENT ((store), (statement))->id)

/* Iterates the stances of @statement in their order, with @stance (a
 * guint32 the macro declares) the index of each:
 *
 *   STANCE_STORE_FOREACH_STANCE_OF (store, statement, stance)
 *     do_something (stance);
 *
 * break and continue work as in any for loop.  Taken-back stances are not
 * in the list.  The loop must not add or take back stances of @statement. */
#define STANCE_STORE_FOREACH_STANCE_OF(store, statement, stance) \
  for (guint32 stance##_next_ = STANCE_STORE_STATEMENT ((store), (statement))->first_stance, stance = 0; \
       stance##_next_ != STANCE_NONE && ((stance) = stance##_next_ - 1, TRUE); \
       stance##_next_ = STANCE_STORE_STANCE ((store), (stance))->next)

/* Stances */

/* Which of its statement's stances @stance is, from 0 (a walk: a
 * statement has a handful). */
guint        _stance_store_stance_position  (StanceStore       *store,
                                             guint32            stance);

static inline guint32
_stance_store_stance_statement (StanceStore *store,
                                guint32      stance)
{
  return STANCE_STORE_STANCE (store, stance)->statement;
}

/* An index into the kind table. */
static inline guint
_stance_store_stance_kind (StanceStore *store,
                           guint32      stance)
{
  return STANCE_STORE_STANCE (store, stance)->kind;
}

static inline StanceRef
_stance_store_stance_target (StanceStore *store,
                             guint32      stance)
{
  return STANCE_STORE_STANCE (store, stance)->target;
}

/* The actor whose stance it is: the speaker's, unless attributed. */
static inline guint32
_stance_store_stance_holder (StanceStore *store,
                             guint32      stance)
{
  return STANCE_STORE_STANCE (store, stance)->holder;
}

/* The time of the statement the stance is in. */
static inline const StanceTime *
_stance_store_stance_time (StanceStore *store,
                           guint32      stance)
{
  return &STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, stance)->statement)->time;
}

static inline const char *
_stance_store_stance_statement_id (StanceStore *store,
                                   guint32      stance)
{
  return STANCE_STORE_STATEMENT (store, STANCE_STORE_STANCE (store, stance)->statement)->id;
}

/* Whether the holder is someone other than the speaker. */
static inline gboolean
_stance_store_stance_is_attributed (StanceStore *store,
                                    guint32      stance)
{
  const StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);

  return record->holder != STANCE_STORE_STATEMENT (store, record->statement)->speaker;
}

/* Whether "holder" was written, even if it names the speaker. */
static inline gboolean
_stance_store_stance_has_explicit_holder (StanceStore *store,
                                          guint32      stance)
{
  return (STANCE_STORE_STANCE (store, stance)->flags & STANCE_STANCE_EXPLICIT_HOLDER) != 0;
}

/* Whether the stance was taken back (_stance_store_remove_stance()). */
static inline gboolean
_stance_store_stance_is_removed (StanceStore *store,
                                 guint32      stance)
{
  return (STANCE_STORE_STANCE (store, stance)->flags & STANCE_STANCE_REMOVED) != 0;
}

/* Kinds */

static inline const char *
_stance_store_kind_name (StanceStore *store,
                         guint        kind)
{
  return STANCE_STORE_KIND (store, kind)->name;
}

static inline StancePolarity
_stance_store_kind_polarity (StanceStore *store,
                             guint        kind)
{
  return (StancePolarity) STANCE_STORE_KIND (store, kind)->polarity;
}

static inline gboolean
_stance_store_kind_is_builtin (StanceStore *store,
                               guint        kind)
{
  return STANCE_STORE_KIND (store, kind)->builtin != 0;
}

static inline JsonNode *
_stance_store_kind_meta (StanceStore *store,
                         guint        kind)
{
  return STANCE_STORE_KIND (store, kind)->meta;
}

/* The id of any record of a node sort (compare _stance_store_ref_id()). */
static inline const char *
_stance_store_node_id (StanceStore *store,
                       StanceSort   sort,
                       guint32      index)
{
  switch (sort)
    {
    case STANCE_SORT_ACTOR: return STANCE_STORE_ACTOR (store, index)->id;
    case STANCE_SORT_CLAIM: return STANCE_STORE_CLAIM (store, index)->id;
    case STANCE_SORT_STATEMENT: return STANCE_STORE_STATEMENT (store, index)->id;
    default: return NULL;
    }
}

/* The polarity of the stance's kind. */
static inline StancePolarity
_stance_store_stance_polarity (StanceStore *store,
                               guint32      stance)
{
  return (StancePolarity) STANCE_STORE_KIND (store, STANCE_STORE_STANCE (store, stance)->kind)->polarity;
}

/* An act is a stance a holder takes in its own words with a position:
 * SPEC §3.  Attributed and neutral stances are never acts. */
static inline gboolean
_stance_store_stance_is_act (StanceStore *store,
                             guint32      stance)
{
  const StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);

  return record->holder == STANCE_STORE_STATEMENT (store, record->statement)->speaker &&
         STANCE_STORE_KIND (store, record->kind)->polarity != STANCE_POLARITY_NEUTRAL;
}

/* Changing records (the edits; the callers validate and announce).  Each
 * says what changes; the store keeps its own encoding. */

static inline void
_stance_store_set_actor_name (StanceStore *store,
                              guint32      actor,
                              const char  *name)
{
  STANCE_STORE_ACTOR (store, actor)->name = _stance_store_intern (store, name);
}

static inline void
_stance_store_set_actor_kind (StanceStore     *store,
                              guint32          actor,
                              StanceActorKind  kind)
{
  STANCE_STORE_ACTOR (store, actor)->kind = (guint8) kind;
}

/* Takes @aliases (NULL-terminated, or NULL for none). */
static inline void
_stance_store_take_actor_aliases (StanceStore  *store,
                                  guint32       actor,
                                  char        **aliases)
{
  StanceActorRecord *record = STANCE_STORE_ACTOR (store, actor);

  g_strfreev (record->aliases);
  record->aliases = aliases;
}

/* Takes @meta (or NULL). */
static inline void
_stance_store_take_actor_meta (StanceStore *store,
                               guint32      actor,
                               JsonNode    *meta)
{
  StanceActorRecord *record = STANCE_STORE_ACTOR (store, actor);

  g_clear_pointer (&record->meta, json_node_unref);
  record->meta = meta;
}

/* Sets the @i-th group of @actor (a reader resolving its references). */
static inline void
_stance_store_set_member_of_at (StanceStore *store,
                                guint32      actor,
                                guint        i,
                                guint32      group)
{
  g_array_index (STANCE_STORE_ACTOR (store, actor)->member_of, guint32, i) = group;
}

/* Takes @actor out of @group. */
void         _stance_store_remove_member_of (StanceStore       *store,
                                             guint32            actor,
                                             guint32            group);

static inline void
_stance_store_set_claim_text (StanceStore *store,
                              guint32      claim,
                              const char  *text)
{
  STANCE_STORE_CLAIM (store, claim)->text = _stance_store_intern (store, text);
}

/* @lang is kept once per distinct value: languages repeat. */
static inline void
_stance_store_set_claim_lang (StanceStore *store,
                              guint32      claim,
                              const char  *lang)
{
  STANCE_STORE_CLAIM (store, claim)->lang = _stance_store_intern_shared (store, lang);
}

/* Takes @meta (or NULL). */
static inline void
_stance_store_take_claim_meta (StanceStore *store,
                               guint32      claim,
                               JsonNode    *meta)
{
  StanceClaimRecord *record = STANCE_STORE_CLAIM (store, claim);

  g_clear_pointer (&record->meta, json_node_unref);
  record->meta = meta;
}

/* @whole: a claim index, or STANCE_STORE_NO_INDEX for none. */
static inline void
_stance_store_set_claim_part_of (StanceStore *store,
                                 guint32      claim,
                                 guint32      whole)
{
  STANCE_STORE_CLAIM (store, claim)->part_of = whole + 1;
}

static inline void
_stance_store_set_statement_speaker (StanceStore *store,
                                     guint32      statement,
                                     guint32      speaker)
{
  STANCE_STORE_STATEMENT (store, statement)->speaker = speaker;
}

static inline void
_stance_store_set_statement_time (StanceStore      *store,
                                  guint32           statement,
                                  const StanceTime *time)
{
  STANCE_STORE_STATEMENT (store, statement)->time = *time;
}

/* @reported: a statement index, or STANCE_STORE_NO_INDEX for none. */
static inline void
_stance_store_set_statement_reports (StanceStore *store,
                                     guint32      statement,
                                     guint32      reported)
{
  STANCE_STORE_STATEMENT (store, statement)->reports = reported + 1;
}

/* Gives @statement the list of stances a reader built with
 * _stance_store_append_stance() before the statement's record existed:
 * @first and @last as that function left them. */
static inline void
_stance_store_set_statement_stances (StanceStore *store,
                                     guint32      statement,
                                     guint32      first,
                                     guint32      last)
{
  StanceStatementRecord *record = STANCE_STORE_STATEMENT (store, statement);

  record->first_stance = first;
  record->last_stance = last;
}

static inline void
_stance_store_set_stance_kind (StanceStore *store,
                               guint32      stance,
                               guint        kind)
{
  STANCE_STORE_STANCE (store, stance)->kind = (guint16) kind;
}

static inline void
_stance_store_set_stance_target (StanceStore *store,
                                 guint32      stance,
                                 StanceRef    target)
{
  STANCE_STORE_STANCE (store, stance)->target = target;
}

/* @explicit_holder: whether "holder" is written, even if it is the speaker. */
static inline void
_stance_store_set_stance_holder (StanceStore *store,
                                 guint32      stance,
                                 guint32      holder,
                                 gboolean     explicit_holder)
{
  StanceStanceRecord *record = STANCE_STORE_STANCE (store, stance);

  record->holder = holder;
  if (explicit_holder)
    record->flags |= STANCE_STANCE_EXPLICIT_HOLDER;
  else
    record->flags &= ~STANCE_STANCE_EXPLICIT_HOLDER;
}

static inline void
_stance_store_set_kind_meta (StanceStore *store,
                             guint        kind,
                             JsonNode    *meta)
{
  STANCE_STORE_KIND (store, kind)->meta = meta;
}

/* Where a node's meta object is kept, to read or replace (the caller
 * owns the reference it puts there); NULL for a statement without extras
 * unless @create. */
JsonNode   **_stance_store_node_meta_slot   (StanceStore       *store,
                                             StanceRef          node,
                                             gboolean           create);

G_END_DECLS
