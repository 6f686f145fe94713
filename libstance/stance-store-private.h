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

/* Ids and references */
StanceRef    _stance_store_lookup           (StanceStore       *store,
                                             const char        *id);
gboolean     _stance_store_check_new_id     (StanceStore       *store,
                                             const char        *id,
                                             GError           **error);
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
guint32      _stance_store_add_stance       (StanceStore       *store,
                                             guint32            statement,
                                             guint16            kind,
                                             StanceRef          target,
                                             guint32            holder,
                                             gboolean           explicit_holder);
guint32      _stance_store_append_stance    (StanceStore       *store,
                                             guint32            statement,
                                             guint16            kind,
                                             StanceRef          target,
                                             guint32            holder,
                                             guint16            flags,
                                             guint32           *first,
                                             guint32           *last);
gboolean     _stance_store_check_capacity   (StanceStore       *store,
                                             StanceRecords     *records,
                                             GError           **error);

/* Setting optional fields */
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

/* Record access */
#define STANCE_RECORDS_INDEX(r,T,i) (((T *) (void *) (r)->data) + (i))
#define STANCE_STORE_ACTOR(s,i)     STANCE_RECORDS_INDEX ((s)->actors, StanceActorRecord, (i))
#define STANCE_STORE_CLAIM(s,i)     STANCE_RECORDS_INDEX ((s)->claims, StanceClaimRecord, (i))
#define STANCE_STORE_STATEMENT(s,i) STANCE_RECORDS_INDEX ((s)->statements, StanceStatementRecord, (i))
#define STANCE_STORE_STANCE(s,i)    STANCE_RECORDS_INDEX ((s)->stances, StanceStanceRecord, (i))
#define STANCE_STORE_KIND(s,i)      (&g_array_index ((s)->kinds, StanceKindRecord, (i)))

/* An act is a stance a holder takes in its own words with a position:
 * SPEC §3.  Attributed and neutral stances are never acts. */
static inline gboolean
_stance_store_is_act (StanceStore              *store,
                      const StanceStanceRecord *stance)
{
  const StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, stance->statement);

  return stance->holder == st->speaker &&
         STANCE_STORE_KIND (store, stance->kind)->polarity != STANCE_POLARITY_NEUTRAL;
}

static inline StancePolarity
_stance_store_polarity (StanceStore              *store,
                        const StanceStanceRecord *stance)
{
  return (StancePolarity) STANCE_STORE_KIND (store, stance->kind)->polarity;
}

G_END_DECLS
