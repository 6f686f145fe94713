/* stance-snapshot.c: the binary snapshot, a cache of a whole store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The layout (doc/snapshot.md has the full table): a 256-byte header with
 * a section table, then the sections, each at a 64-byte boundary, in a
 * fixed order, strings last.  Records that hold no pointer (stances, the
 * id index) are the store's own, used in place from a private, copy-on-write
 * mapping; statement records are the store's own too, with the id pointer
 * replaced by an offset into the string section, and are copied once on
 * open.  Everything else (kinds, actors, claims, extras, meta) is small or
 * rare and is rebuilt.
 *
 * The loader trusts nothing: it checks the header, the bounds and order of
 * every section, a checksum of everything after the header, every string
 * reference, every index and reference of every record, every time, the
 * statements' stance lists, and the absence of part_of and reports cycles,
 * before the store is handed out.  What it does not check is whether the
 * id index places each id where its hash says, nor whether ids are distinct:
 * that would cost a hash of every id, which is what the index is there to
 * save.  A file that lies there makes lookups by id miss, never read out of
 * bounds (see doc/snapshot.md).
 *
 * This file and stance-store.c are the only ones that know how records are
 * laid out (their fields, the 1-based links, the statements' stance lists):
 * a snapshot is the records as they are in memory, so it must.  Everything
 * else uses the store's private API (stance-store-private.h).
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#else
#include <io.h>
#endif

#include "stance-document-private.h"
#include "stance-error.h"
#include "stance-json-writer-private.h"
#include "stance-kind-private.h"
#include "stance-snapshot-private.h"

/* The records used in place must have the sizes the format says. */
G_STATIC_ASSERT (sizeof (StanceStatementRecord) == 48 || sizeof (gpointer) != 8);
G_STATIC_ASSERT (sizeof (StanceStanceRecord) == 20);

#define BYTE_ORDER_MARK 0x01020304u
#define SECTION_ALIGN   64
#define HEADER_SIZE     256

/* The sections, in file order. */
enum {
  SEC_KINDS,
  SEC_ACTORS,
  SEC_ALIASES,
  SEC_MEMBER_OF,
  SEC_CLAIMS,
  SEC_STATEMENTS,
  SEC_EXTRAS,
  SEC_STANCES,
  SEC_STANCE_META,
  SEC_ID_TAGS,
  SEC_ID_REFS,
  SEC_STRINGS,
  N_SECTIONS
};

/* A string reference is an offset into the string section; 0 is none (the
 * section starts with a NUL that no reference names). */
typedef guint64 StringRef;

typedef struct
{
  StringRef name;
  StringRef meta;
  guint8    polarity;
  guint8    padding[7];
} FileKind;

typedef struct
{
  StringRef id;
  StringRef name;
  StringRef meta;
  guint32   first_alias;      /* into SEC_ALIASES */
  guint32   n_aliases;
  guint32   first_member_of;  /* into SEC_MEMBER_OF */
  guint32   n_member_of;
  guint8    kind;
  guint8    padding[7];
} FileActor;

typedef struct
{
  StringRef id;
  StringRef text;
  StringRef lang;
  StringRef meta;
  guint32   part_of;
  guint32   padding;
} FileClaim;

typedef struct
{
  StringRef text;
  StringRef lang;
  StringRef source;
  StringRef meta;
} FileExtra;

typedef struct
{
  guint32   stance;
  guint32   padding;
  StringRef meta;
} FileStanceMeta;

static const struct
{
  const char *name;
  gsize       size;
} section_info[N_SECTIONS] = {
  [SEC_KINDS]       = { "kinds", sizeof (FileKind) },
  [SEC_ACTORS]      = { "actors", sizeof (FileActor) },
  [SEC_ALIASES]     = { "aliases", sizeof (StringRef) },
  [SEC_MEMBER_OF]   = { "member_of", sizeof (guint32) },
  [SEC_CLAIMS]      = { "claims", sizeof (FileClaim) },
  [SEC_STATEMENTS]  = { "statements", sizeof (StanceStatementRecord) },
  [SEC_EXTRAS]      = { "extras", sizeof (FileExtra) },
  [SEC_STANCES]     = { "stances", sizeof (StanceStanceRecord) },
  [SEC_STANCE_META] = { "stance_meta", sizeof (FileStanceMeta) },
  [SEC_ID_TAGS]     = { "id_tags", 1 },
  [SEC_ID_REFS]     = { "id_refs", sizeof (StanceRef) },
  [SEC_STRINGS]     = { "strings", 1 },
};

typedef struct
{
  guint64 offset;
  guint64 count;
} Section;

typedef struct
{
  char      magic[8];
  guint32   version;
  guint32   byte_order;         /* BYTE_ORDER_MARK in the writer's byte order */
  guint32   header_size;
  guint8    pointer_size;
  guint8    n_sections;
  guint16   statement_size;     /* sizeof (StanceStatementRecord) */
  guint16   stance_size;        /* sizeof (StanceStanceRecord) */
  guint16   time_size;          /* sizeof (StanceTime) */
  guint32   n_builtin_kinds;
  guint32   n_removed_stances;
  guint32   padding;
  guint64   file_size;
  guint64   checksum;           /* of bytes [header_size, file_size) */
  StringRef meta;               /* the document's meta */
  Section   sections[N_SECTIONS];
} Header;

G_STATIC_ASSERT (sizeof (Header) == HEADER_SIZE);
G_STATIC_ASSERT (sizeof (STANCE_SNAPSHOT_MAGIC) - 1 == 8);

/* ------------------------------------------------------------------------ */
/* The checksum: four lanes of 64-bit xor-multiply-shift over 8-byte words,
 * in the file's byte order, then folded.  Each step is a bijection of the
 * lane, so any change confined to one word always changes the result; it
 * runs at memory speed.  Not a defence against a forger: the structural
 * checks are. */

#define SUM_K1 G_GUINT64_CONSTANT (0x9fb21c651e98df25)
#define SUM_K2 G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f)

typedef struct
{
  guint64 lanes[4];
  guint8  tail[32];
  gsize   tail_len;
  guint64 total;
} Checksum;

static void
checksum_init (Checksum *sum)
{
  memset (sum, 0, sizeof *sum);
  for (guint i = 0; i < 4; i++)
    sum->lanes[i] = SUM_K2 * (i + 1);
}

static inline void
checksum_blocks (Checksum     *sum,
                 const guint8 *data,
                 gsize         n_blocks)
{
  guint64 a = sum->lanes[0], b = sum->lanes[1], c = sum->lanes[2], d = sum->lanes[3];

  for (gsize i = 0; i < n_blocks; i++, data += 32)
    {
      guint64 w[4];

      memcpy (w, data, 32);
      a = (a ^ w[0]) * SUM_K1; a ^= a >> 29;
      b = (b ^ w[1]) * SUM_K1; b ^= b >> 29;
      c = (c ^ w[2]) * SUM_K1; c ^= c >> 29;
      d = (d ^ w[3]) * SUM_K1; d ^= d >> 29;
    }

  sum->lanes[0] = a; sum->lanes[1] = b; sum->lanes[2] = c; sum->lanes[3] = d;
}

static void
checksum_update (Checksum   *sum,
                 const void *data,
                 gsize       length)
{
  const guint8 *p = data;

  sum->total += length;
  if (sum->tail_len > 0)
    {
      gsize take = MIN (length, 32 - sum->tail_len);

      memcpy (sum->tail + sum->tail_len, p, take);
      sum->tail_len += take;
      p += take;
      length -= take;
      if (sum->tail_len < 32)
        return;
      checksum_blocks (sum, sum->tail, 1);
      sum->tail_len = 0;
    }

  checksum_blocks (sum, p, length / 32);
  p += length / 32 * 32;
  memcpy (sum->tail, p, length % 32);
  sum->tail_len = length % 32;
}

static guint64
checksum_finish (Checksum *sum)
{
  guint64 h = sum->total * SUM_K2;

  memset (sum->tail + sum->tail_len, 0, 32 - sum->tail_len);
  checksum_blocks (sum, sum->tail, 1);
  for (guint i = 0; i < 4; i++)
    {
      h = (h ^ sum->lanes[i]) * SUM_K2;
      h ^= h >> 31;
    }

  return h;
}

/* The checksum of a whole file: that of the header with its checksum field
 * as zeros, folded with that of the rest (which the writer computes as it
 * streams, before the header is known). */
static guint64
seal_value (const Header *header,
            guint64       body)
{
  Header copy = *header;
  Checksum sum;

  copy.checksum = 0;
  checksum_init (&sum);
  checksum_update (&sum, &copy, HEADER_SIZE);

  return (checksum_finish (&sum) ^ body) * SUM_K1;
}

/* ------------------------------------------------------------------------ */
/* Writing */

#define WRITE_BUFFER_SIZE (1024 * 1024)

typedef struct
{
  int          fd;
  const char  *filename;
  GError     **error;
  gboolean     failed;
  guint8      *buffer;
  gsize        buffered;
  guint64      position;   /* of the next byte, in the file */
  Checksum     sum;
  GString     *strings;    /* the string section: a gsize length, as it may pass 4 GiB */
  GHashTable  *shared;     /* languages and the like: written once, text -> ref */
  Header       header;
} Writer;

static gboolean
write_all (Writer     *w,
           const void *data,
           gsize       length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gssize n = write (w->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (w->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "failed to write to %s: %s", w->filename, g_strerror (saved));
          w->failed = TRUE;
          return FALSE;
        }
      p += n;
      length -= n;
    }

  return TRUE;
}

static void
writer_flush (Writer *w)
{
  if (!w->failed && w->buffered > 0)
    write_all (w, w->buffer, w->buffered);
  w->buffered = 0;
}

static void
emit (Writer     *w,
      const void *data,
      gsize       length)
{
  const guint8 *p = data;

  if (length == 0)
    return;
  checksum_update (&w->sum, data, length);
  w->position += length;
  while (length > 0 && !w->failed)
    {
      gsize take = MIN (length, WRITE_BUFFER_SIZE - w->buffered);

      memcpy (w->buffer + w->buffered, p, take);
      w->buffered += take;
      p += take;
      length -= take;
      if (w->buffered == WRITE_BUFFER_SIZE)
        writer_flush (w);
    }
}

static void
section_begin (Writer *w,
               guint   section)
{
  static const guint8 zeros[SECTION_ALIGN] = { 0 };

  emit (w, zeros, (SECTION_ALIGN - w->position % SECTION_ALIGN) % SECTION_ALIGN);
  w->header.sections[section].offset = w->position;
}

static void
section_end (Writer *w,
             guint   section)
{
  guint64 bytes = w->position - w->header.sections[section].offset;

  g_assert (bytes % section_info[section].size == 0);
  w->header.sections[section].count = bytes / section_info[section].size;
}

static StringRef
string_ref (Writer     *w,
            const char *text)
{
  StringRef ref;

  if (text == NULL)
    return 0;

  ref = w->strings->len;
  g_string_append_len (w->strings, text, strlen (text) + 1);

  return ref;
}

/* For strings that many records share (languages): one copy. */
static StringRef
shared_ref (Writer     *w,
            const char *text)
{
  gpointer found;
  StringRef ref;

  if (text == NULL)
    return 0;
  if (g_hash_table_lookup_extended (w->shared, text, NULL, &found))
    return *(StringRef *) found;

  ref = string_ref (w, text);
  g_hash_table_insert (w->shared, (gpointer) text, g_memdup2 (&ref, sizeof ref));

  return ref;
}

static StringRef
meta_ref (Writer   *w,
          JsonNode *meta)
{
  StanceJsonWriter json;
  g_autofree char *text = NULL;
  StringRef ref;

  if (meta == NULL)
    return 0;

  _stance_json_writer_init (&json, 64, TRUE);
  _stance_json_writer_node (&json, meta);
  text = _stance_json_writer_steal (&json, NULL);
  ref = string_ref (w, text);

  return ref;
}

static void
write_kinds (Writer      *w,
             StanceStore *store)
{
  section_begin (w, SEC_KINDS);
  for (guint i = 0; i < store->kinds->len; i++)
    {
      StanceKindRecord *kind = STANCE_STORE_KIND (store, i);
      FileKind out = { 0 };

      out.name = shared_ref (w, kind->name);
      out.meta = meta_ref (w, kind->meta);
      out.polarity = kind->polarity;
      emit (w, &out, sizeof out);
    }
  section_end (w, SEC_KINDS);
}

static void
write_actors (Writer      *w,
              StanceStore *store)
{
  guint32 n_aliases = 0, n_member_of = 0;

  section_begin (w, SEC_ACTORS);
  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);
      FileActor out = { 0 };

      out.id = string_ref (w, actor->id);
      out.name = string_ref (w, actor->name);
      out.meta = meta_ref (w, actor->meta);
      out.first_alias = n_aliases;
      out.n_aliases = actor->aliases != NULL ? g_strv_length (actor->aliases) : 0;
      out.first_member_of = n_member_of;
      out.n_member_of = actor->member_of != NULL ? actor->member_of->len : 0;
      out.kind = actor->kind;
      n_aliases += out.n_aliases;
      n_member_of += out.n_member_of;
      emit (w, &out, sizeof out);
    }
  section_end (w, SEC_ACTORS);

  section_begin (w, SEC_ALIASES);
  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);

      for (guint a = 0; actor->aliases != NULL && actor->aliases[a] != NULL; a++)
        {
          StringRef ref = string_ref (w, actor->aliases[a]);

          emit (w, &ref, sizeof ref);
        }
    }
  section_end (w, SEC_ALIASES);

  section_begin (w, SEC_MEMBER_OF);
  for (guint i = 0; i < store->actors->len; i++)
    {
      StanceActorRecord *actor = STANCE_STORE_ACTOR (store, i);

      if (actor->member_of != NULL)
        emit (w, actor->member_of->data, actor->member_of->len * sizeof (guint32));
    }
  section_end (w, SEC_MEMBER_OF);
}

static void
write_claims (Writer      *w,
              StanceStore *store)
{
  section_begin (w, SEC_CLAIMS);
  for (guint i = 0; i < store->claims->len; i++)
    {
      StanceClaimRecord *claim = STANCE_STORE_CLAIM (store, i);
      FileClaim out = { 0 };

      out.id = string_ref (w, claim->id);
      out.text = string_ref (w, claim->text);
      out.lang = shared_ref (w, claim->lang);
      out.meta = meta_ref (w, claim->meta);
      out.part_of = claim->part_of;
      emit (w, &out, sizeof out);
    }
  section_end (w, SEC_CLAIMS);
}

static void
write_statements (Writer      *w,
                  StanceStore *store)
{
  /* The records as they are, the id pointer replaced by its string
   * reference, a batch at a time. */
  enum { BATCH = 4096 };
  g_autofree StanceStatementRecord *batch = g_new (StanceStatementRecord, BATCH);

  section_begin (w, SEC_STATEMENTS);
  for (guint i = 0; i < store->statements->len; i += BATCH)
    {
      guint n = MIN (BATCH, store->statements->len - i);

      memcpy (batch, STANCE_STORE_STATEMENT (store, i), n * sizeof *batch);
      for (guint j = 0; j < n; j++)
        {
          StringRef ref = string_ref (w, batch[j].id);

          memcpy (&batch[j].id, &ref, sizeof ref);
        }
      emit (w, batch, n * sizeof *batch);
    }
  section_end (w, SEC_STATEMENTS);

  section_begin (w, SEC_EXTRAS);
  for (guint i = 0; i < store->extras->len; i++)
    {
      StanceStatementExtra *extra = &g_array_index (store->extras, StanceStatementExtra, i);
      FileExtra out;

      out.text = string_ref (w, extra->text);
      out.lang = shared_ref (w, extra->lang);
      out.source = string_ref (w, extra->source);
      out.meta = meta_ref (w, extra->meta);
      emit (w, &out, sizeof out);
    }
  section_end (w, SEC_EXTRAS);
}

static void
write_stances (Writer      *w,
               StanceStore *store)
{
  section_begin (w, SEC_STANCES);
  emit (w, store->stances->data, (gsize) store->stances->len * sizeof (StanceStanceRecord));
  section_end (w, SEC_STANCES);

  section_begin (w, SEC_STANCE_META);
  for (guint i = 0; i < store->stances->len; i++)
    {
      FileStanceMeta out = { 0 };

      if ((STANCE_STORE_STANCE (store, i)->flags & STANCE_STANCE_HAS_META) == 0)
        continue;
      out.stance = i;
      out.meta = meta_ref (w, _stance_store_get_stance_meta (store, i));
      emit (w, &out, sizeof out);
    }
  section_end (w, SEC_STANCE_META);
}

static void
write_id_table (Writer      *w,
                StanceStore *store)
{
  gsize capacity = store->ids.tags != NULL ? (gsize) store->ids.mask + 1 : 0;

  section_begin (w, SEC_ID_TAGS);
  emit (w, store->ids.tags, capacity);
  section_end (w, SEC_ID_TAGS);

  section_begin (w, SEC_ID_REFS);
  emit (w, store->ids.refs, capacity * sizeof (StanceRef));
  section_end (w, SEC_ID_REFS);
}

static void
writer_clear (Writer *w)
{
  g_free (w->buffer);
  if (w->strings != NULL)
    g_string_free (w->strings, TRUE);
  if (w->shared != NULL)
    g_hash_table_unref (w->shared);
}

static gboolean
write_snapshot (Writer      *w,
                StanceStore *store)
{
  static const guint8 zeros[HEADER_SIZE] = { 0 };
  Header *h = &w->header;

  /* The header goes last, when the sizes and the checksum are known: a
   * placeholder first, which the checksum does not cover. */
  if (!write_all (w, zeros, HEADER_SIZE))
    return FALSE;
  w->position = HEADER_SIZE;
  h->meta = meta_ref (w, store->meta);

  write_kinds (w, store);
  write_actors (w, store);
  write_claims (w, store);
  write_statements (w, store);
  write_stances (w, store);
  write_id_table (w, store);

  section_begin (w, SEC_STRINGS);
  emit (w, w->strings->str, w->strings->len);
  section_end (w, SEC_STRINGS);
  writer_flush (w);
  if (w->failed)
    return FALSE;

  memcpy (h->magic, STANCE_SNAPSHOT_MAGIC, 8);
  h->version = STANCE_SNAPSHOT_VERSION;
  h->byte_order = BYTE_ORDER_MARK;
  h->header_size = HEADER_SIZE;
  h->pointer_size = sizeof (gpointer);
  h->n_sections = N_SECTIONS;
  h->statement_size = sizeof (StanceStatementRecord);
  h->stance_size = sizeof (StanceStanceRecord);
  h->time_size = sizeof (StanceTime);
  h->n_builtin_kinds = store->n_builtin_kinds;
  h->n_removed_stances = store->n_removed_stances;
  h->file_size = w->position;
  h->checksum = seal_value (h, checksum_finish (&w->sum));

  if (lseek (w->fd, 0, SEEK_SET) != 0)
    {
      int saved = errno;

      g_set_error (w->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "failed to write to %s: %s", w->filename, g_strerror (saved));
      return FALSE;
    }

  return write_all (w, h, sizeof *h);
}

gboolean
_stance_snapshot_write (StanceStore   *store,
                        const char    *filename,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *temp = g_strconcat (filename, ".XXXXXX", NULL);
  Writer w = { 0 };
  gboolean ok;

  w.fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (w.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "failed to create a file next to %s: %s", filename, g_strerror (saved));
      return FALSE;
    }

  w.filename = filename;
  w.error = error;
  w.buffer = g_malloc (WRITE_BUFFER_SIZE);
  w.strings = g_string_sized_new (1024 * 1024);
  w.shared = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_string_append_len (w.strings, "", 1);  /* reference 0: none */
  checksum_init (&w.sum);

  ok = write_snapshot (&w, store);
  writer_clear (&w);

  if (ok && g_fsync (w.fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "failed to write %s: %s", filename, g_strerror (saved));
      ok = FALSE;
    }
  if (!g_close (w.fd, ok ? error : NULL))
    ok = FALSE;
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (temp, filename) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "failed to rename %s to %s: %s", temp, filename, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Reading */

typedef struct
{
  guint8       *base;      /* the file, writable (private), 8-aligned */
  gsize         size;
  const Header *header;
  const char   *strings;
  gsize         strings_size;
  StanceStore  *store;
  GError      **error;
} Reader;

static gboolean G_GNUC_PRINTF (2, 3)
fail (Reader     *r,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, STANCE_ERROR, STANCE_ERROR_INVALID_SNAPSHOT, "invalid snapshot: %s", message);

  return FALSE;
}

static inline gpointer
section_data (Reader *r,
              guint   section)
{
  return r->base + r->header->sections[section].offset;
}

static inline guint64
section_count (Reader *r,
               guint   section)
{
  return r->header->sections[section].count;
}

static gboolean
check_header (Reader *r)
{
  const Header *h = (const Header *) r->base;
  guint64 end = HEADER_SIZE;

  if (r->size < 8 || memcmp (h->magic, STANCE_SNAPSHOT_MAGIC, 8) != 0)
    return fail (r, "not a snapshot (no magic number)");
  if (r->size < HEADER_SIZE)
    return fail (r, "truncated header (%" G_GSIZE_FORMAT " bytes)", r->size);
  if (h->byte_order != BYTE_ORDER_MARK)
    return fail (r, "written on a machine of another byte order: make it again from the document");
  if (h->version != STANCE_SNAPSHOT_VERSION)
    return fail (r, "format version %u, but this library reads version %u: make it again from the document",
                 h->version, STANCE_SNAPSHOT_VERSION);
  if (h->pointer_size != sizeof (gpointer) || h->statement_size != sizeof (StanceStatementRecord) ||
      h->stance_size != sizeof (StanceStanceRecord) || h->time_size != sizeof (StanceTime))
    return fail (r, "written for another architecture (%u-bit): make it again from the document",
                 h->pointer_size * 8u);
  if (h->header_size != HEADER_SIZE || h->n_sections != N_SECTIONS)
    return fail (r, "header of %u bytes with %u sections (expected %u and %u)",
                 h->header_size, h->n_sections, HEADER_SIZE, N_SECTIONS);
  if (h->file_size != r->size)
    return fail (r, "the header gives a size of %" G_GUINT64_FORMAT " bytes, the file has %" G_GSIZE_FORMAT
                 " (truncated?)", h->file_size, r->size);

  /* Sections in order, aligned, within the file, not overlapping. */
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const Section *s = &h->sections[i];

      if (s->offset % SECTION_ALIGN != 0 || s->offset < end || s->offset > r->size)
        return fail (r, "section %s at offset %" G_GUINT64_FORMAT " is out of place",
                     section_info[i].name, s->offset);
      if (s->count > (r->size - s->offset) / section_info[i].size)
        return fail (r, "section %s: %" G_GUINT64_FORMAT " records at offset %" G_GUINT64_FORMAT
                     " go past the end of the file", section_info[i].name, s->count, s->offset);
      end = s->offset + s->count * section_info[i].size;
    }

  r->header = h;

  return TRUE;
}

static guint64
file_checksum (const guint8 *data,
               gsize         size)
{
  Checksum sum;

  checksum_init (&sum);
  checksum_update (&sum, data + HEADER_SIZE, size - HEADER_SIZE);

  return seal_value ((const Header *) data, checksum_finish (&sum));
}

static gboolean
check_checksum (Reader *r)
{
  if (file_checksum (r->base, r->size) != r->header->checksum)
    return fail (r, "checksum mismatch: the file is corrupt");

  return TRUE;
}

void
_stance_snapshot_seal (void  *data,
                       gsize  length)
{
  Header *header = data;

  if (length >= HEADER_SIZE)
    header->checksum = file_checksum (data, length);
}

static gboolean
check_counts (Reader *r)
{
  static const guint limited[] = { SEC_ACTORS, SEC_CLAIMS, SEC_STATEMENTS, SEC_STANCES, SEC_EXTRAS };
  guint64 nodes = section_count (r, SEC_ACTORS) + section_count (r, SEC_CLAIMS) +
                  section_count (r, SEC_STATEMENTS);
  guint64 capacity = section_count (r, SEC_ID_TAGS);

  for (guint i = 0; i < G_N_ELEMENTS (limited); i++)
    {
      if (section_count (r, limited[i]) > STANCE_STORE_MAX_RECORDS)
        return fail (r, "%s: more than %u records", section_info[limited[i]].name, STANCE_STORE_MAX_RECORDS);
    }
  if (section_count (r, SEC_KINDS) > STANCE_STORE_MAX_KINDS ||
      section_count (r, SEC_KINDS) < r->header->n_builtin_kinds ||
      r->header->n_builtin_kinds != _stance_n_builtin_kinds)
    return fail (r, "kinds: %" G_GUINT64_FORMAT " kinds, %u built in (this library has %u)",
                 section_count (r, SEC_KINDS), r->header->n_builtin_kinds, _stance_n_builtin_kinds);
  if (section_count (r, SEC_ALIASES) > G_MAXUINT32 || section_count (r, SEC_MEMBER_OF) > G_MAXUINT32 ||
      section_count (r, SEC_STANCE_META) > section_count (r, SEC_STANCES))
    return fail (r, "too many aliases, member_of entries or stance meta");
  if (section_count (r, SEC_ID_REFS) != capacity ||
      (capacity & (capacity - 1)) != 0 || capacity > G_MAXUINT32 ||
      (nodes > 0 && nodes * 4 > capacity * 3))
    return fail (r, "id index: %" G_GUINT64_FORMAT " slots for %" G_GUINT64_FORMAT " nodes", capacity, nodes);
  if (section_count (r, SEC_STRINGS) < 1)
    return fail (r, "strings: empty section");

  return TRUE;
}

static gboolean
check_strings (Reader *r)
{
  const char *s = r->strings;
  gsize n = r->strings_size;
  gsize i = 0;

  if (s[0] != '\0' || s[n - 1] != '\0')
    return fail (r, "strings: the section must begin and end with a NUL");

  /* All ASCII is the common case: eight bytes at a time. */
  for (; i + 8 <= n; i += 8)
    {
      guint64 word;

      memcpy (&word, s + i, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  for (; i < n && (guchar) s[i] < 0x80; i++)
    ;
  if (i == n)
    return TRUE;

  /* Otherwise each string from the one with the first non-ASCII byte. */
  while (i > 0 && s[i - 1] != '\0')
    i--;
  while (i < n)
    {
      gsize len = strlen (s + i);

      if (!g_utf8_validate (s + i, len, NULL))
        return fail (r, "strings: the string at offset %" G_GSIZE_FORMAT " is not valid UTF-8", i);
      i += len + 1;
    }

  return TRUE;
}

/* The string that @ref names: NULL for 0, else a whole string of the
 * section (the byte before it a NUL). */
static gboolean
resolve_string (Reader      *r,
                StringRef    ref,
                gboolean     required,
                const char **out,
                const char  *what,
                guint64      index,
                const char  *member)
{
  if (ref == 0)
    {
      *out = NULL;
      if (required)
        return fail (r, "%s[%" G_GUINT64_FORMAT "].%s: missing", what, index, member);
      return TRUE;
    }

  if (ref >= r->strings_size || r->strings[ref - 1] != '\0')
    return fail (r, "%s[%" G_GUINT64_FORMAT "].%s: string reference %" G_GUINT64_FORMAT " is out of range",
                 what, index, member, ref);

  *out = r->strings + ref;

  return TRUE;
}

static gboolean
resolve_id (Reader      *r,
            StringRef    ref,
            const char **out,
            const char  *what,
            guint64      index)
{
  if (!resolve_string (r, ref, TRUE, out, what, index, "id"))
    return FALSE;
  if (**out == '\0')
    return fail (r, "%s[%" G_GUINT64_FORMAT "].id: empty id", what, index);

  return TRUE;
}

/* Meta values are compact JSON in the string section, read by the
 * document reader (strict, depth-limited) as the meta of a tiny document. */
static gboolean
resolve_meta (Reader      *r,
              StringRef    ref,
              JsonNode   **out,
              const char  *what,
              guint64      index)
{
  const char *text = NULL;
  g_autofree char *document = NULL;
  g_autoptr(GError) local = NULL;
  StanceStore *parsed;

  *out = NULL;
  if (!resolve_string (r, ref, FALSE, &text, what, index, "meta"))
    return FALSE;
  if (text == NULL)
    return TRUE;

  document = g_strconcat ("{\"stance\": 1, \"meta\": ", text, "}", NULL);
  parsed = _stance_document_read (document, strlen (document), &local);
  if (parsed == NULL || parsed->meta == NULL || parsed->ids.count != 0 ||
      parsed->kinds->len != parsed->n_builtin_kinds)
    {
      _stance_store_free (parsed);
      return fail (r, "%s[%" G_GUINT64_FORMAT "].meta: %s", what, index,
                   local != NULL ? local->message : "not a JSON object");
    }

  *out = g_steal_pointer (&parsed->meta);
  _stance_store_free (parsed);

  return TRUE;
}

static gboolean
read_kinds (Reader *r)
{
  const FileKind *kinds = section_data (r, SEC_KINDS);
  StanceStore *store = r->store;

  for (guint i = 0; i < section_count (r, SEC_KINDS); i++)
    {
      const char *name;
      JsonNode *meta;

      if (!resolve_string (r, kinds[i].name, TRUE, &name, "kinds", i, "name"))
        return FALSE;

      if (i < store->n_builtin_kinds)
        {
          if (strcmp (name, STANCE_STORE_KIND (store, i)->name) != 0 ||
              kinds[i].polarity != STANCE_STORE_KIND (store, i)->polarity || kinds[i].meta != 0)
            return fail (r, "kinds[%u]: \"%s\" is not the built-in kind \"%s\"", i, name,
                         STANCE_STORE_KIND (store, i)->name);
          continue;
        }

      if (!_stance_store_check_kind (store, name, kinds[i].polarity, NULL) ||
          _stance_store_find_kind (store, name) >= 0)
        return fail (r, "kinds[%u]: \"%s\" is invalid, built in or declared twice", i, name);
      if (!resolve_meta (r, kinds[i].meta, &meta, "kinds", i))
        return FALSE;
      _stance_store_declare_kind (store, name, kinds[i].polarity);
      STANCE_STORE_KIND (store, i)->meta = meta;
    }

  return TRUE;
}

static gboolean
read_actors (Reader *r)
{
  const FileActor *actors = section_data (r, SEC_ACTORS);
  const StringRef *aliases = section_data (r, SEC_ALIASES);
  const guint32 *member_of = section_data (r, SEC_MEMBER_OF);
  guint64 n = section_count (r, SEC_ACTORS);
  StanceStore *store = r->store;

  _stance_records_reserve (store->actors, n);
  for (guint i = 0; i < n; i++)
    {
      const FileActor *in = &actors[i];
      StanceActorRecord *out = _stance_records_append (store->actors);

      if (!resolve_id (r, in->id, &out->id, "actors", i) ||
          !resolve_string (r, in->name, TRUE, &out->name, "actors", i, "name") ||
          !resolve_meta (r, in->meta, &out->meta, "actors", i))
        return FALSE;
      if (in->kind > STANCE_ACTOR_KIND_OTHER)
        return fail (r, "actors[%u].kind: %u is not an actor kind", i, in->kind);
      out->kind = in->kind;

      if ((guint64) in->first_alias + in->n_aliases > section_count (r, SEC_ALIASES))
        return fail (r, "actors[%u].aliases: out of range", i);
      if (in->n_aliases > 0)
        {
          out->aliases = g_new0 (char *, in->n_aliases + 1);
          for (guint a = 0; a < in->n_aliases; a++)
            {
              const char *alias;

              if (!resolve_string (r, aliases[in->first_alias + a], TRUE, &alias, "actors", i, "aliases"))
                return FALSE;
              out->aliases[a] = g_strdup (alias);
            }
        }

      if ((guint64) in->first_member_of + in->n_member_of > section_count (r, SEC_MEMBER_OF))
        return fail (r, "actors[%u].member_of: out of range", i);
      if (in->n_member_of > 0)
        {
          for (guint m = 0; m < in->n_member_of; m++)
            {
              if (member_of[in->first_member_of + m] >= n)
                return fail (r, "actors[%u].member_of[%u]: actor %u is out of range", i, m,
                             member_of[in->first_member_of + m]);
            }
          out->member_of = g_array_sized_new (FALSE, FALSE, sizeof (guint32), in->n_member_of);
          g_array_append_vals (out->member_of, member_of + in->first_member_of, in->n_member_of);
        }
    }

  return TRUE;
}

/* A part_of or reports chain must end: each walk colours what it passes,
 * so that every link is followed once.  @next gives a node's link (index
 * + 1, or STANCE_NONE), already known to be in range. */
static gboolean
find_chain_cycle (guint32   n,
                  guint32 (*next) (StanceStore *store, guint32 index),
                  StanceStore *store,
                  guint32  *where)
{
  g_autofree guint8 *state = g_malloc0 (n);  /* 0 new, 1 on this walk, 2 done */
  gboolean cycle = FALSE;

  for (guint32 i = 0; i < n && !cycle; i++)
    {
      guint32 at;

      if (next (store, i) == STANCE_NONE || state[i] != 0)
        continue;
      for (at = i; at != G_MAXUINT32 && state[at] == 0; )
        {
          guint32 link = next (store, at);

          state[at] = 1;
          at = link == STANCE_NONE ? G_MAXUINT32 : link - 1;
        }
      if (at != G_MAXUINT32 && state[at] == 1)
        {
          cycle = TRUE;
          *where = i;
        }
      for (at = i; at != G_MAXUINT32 && state[at] == 1; )
        {
          guint32 link = next (store, at);

          state[at] = 2;
          at = link == STANCE_NONE ? G_MAXUINT32 : link - 1;
        }
    }

  return cycle;
}

static guint32
claim_part_of (StanceStore *store,
               guint32      index)
{
  return STANCE_STORE_CLAIM (store, index)->part_of;
}

static guint32
statement_reports (StanceStore *store,
                   guint32      index)
{
  return STANCE_STORE_STATEMENT (store, index)->reports;
}

static gboolean
read_claims (Reader *r)
{
  const FileClaim *claims = section_data (r, SEC_CLAIMS);
  guint64 n = section_count (r, SEC_CLAIMS);
  StanceStore *store = r->store;
  gboolean any_part_of = FALSE;
  guint32 where = 0;

  _stance_records_reserve (store->claims, n);
  for (guint i = 0; i < n; i++)
    {
      const FileClaim *in = &claims[i];
      StanceClaimRecord *out = _stance_records_append (store->claims);

      if (!resolve_id (r, in->id, &out->id, "claims", i) ||
          !resolve_string (r, in->text, TRUE, &out->text, "claims", i, "text") ||
          !resolve_string (r, in->lang, FALSE, &out->lang, "claims", i, "lang") ||
          !resolve_meta (r, in->meta, &out->meta, "claims", i))
        return FALSE;
      if (in->part_of > n)
        return fail (r, "claims[%u].part_of: claim %u is out of range", i, in->part_of - 1);
      out->part_of = in->part_of;
      any_part_of |= in->part_of != STANCE_NONE;
    }

  if (any_part_of && find_chain_cycle (n, claim_part_of, store, &where))
    return fail (r, "claims[%u].part_of: a cycle", where);

  return TRUE;
}

static gboolean
read_extras (Reader *r)
{
  const FileExtra *extras = section_data (r, SEC_EXTRAS);
  guint64 n = section_count (r, SEC_EXTRAS);
  StanceStore *store = r->store;

  g_array_set_size (store->extras, n);
  if (n > 0)  /* so that a store freed half-read frees no garbage */
    memset (store->extras->data, 0, n * sizeof (StanceStatementExtra));
  for (guint i = 0; i < n; i++)
    {
      const FileExtra *in = &extras[i];
      StanceStatementExtra *out = &g_array_index (store->extras, StanceStatementExtra, i);

      if (!resolve_string (r, in->text, FALSE, &out->text, "extras", i, "text") ||
          !resolve_string (r, in->lang, FALSE, &out->lang, "extras", i, "lang") ||
          !resolve_string (r, in->source, FALSE, &out->source, "extras", i, "source") ||
          !resolve_meta (r, in->meta, &out->meta, "extras", i))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_statements (Reader *r)
{
  StanceStore *store = r->store;
  guint64 n = section_count (r, SEC_STATEMENTS);
  guint32 n_actors = store->actors->len;
  guint64 n_stances = section_count (r, SEC_STANCES);
  guint64 n_extras = section_count (r, SEC_EXTRAS);
  g_autofree guint8 *extra_used = g_malloc0 (n_extras + 1);
  gboolean any_reports = FALSE;
  guint32 where = 0;

  /* Copied once, so that the id pointers can be set: the mapping's pages
   * stay clean and shared with the page cache. */
  _stance_records_reserve (store->statements, n);
  if (n > 0)
    memcpy (store->statements->data, section_data (r, SEC_STATEMENTS), n * sizeof (StanceStatementRecord));
  store->statements->len = n;

  for (guint i = 0; i < n; i++)
    {
      StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, i);
      StringRef ref;

      memcpy (&ref, &st->id, sizeof ref);
      if (!resolve_id (r, ref, &st->id, "statements", i))
        return FALSE;
      if (!_stance_time_is_valid (&st->time))
        return fail (r, "statements[%u].time: not a valid time", i);
      if (st->speaker >= n_actors)
        return fail (r, "statements[%u].speaker: actor %u is out of range", i, st->speaker);
      if (st->reports > n)
        return fail (r, "statements[%u].reports: statement %u is out of range", i, st->reports - 1);
      if (st->first_stance > n_stances || st->last_stance > n_stances ||
          (st->first_stance == STANCE_NONE) != (st->last_stance == STANCE_NONE))
        return fail (r, "statements[%u].stances: out of range", i);
      if (st->extra > n_extras || (st->extra != STANCE_NONE && extra_used[st->extra]++))
        return fail (r, "statements[%u]: extra %u is out of range or shared", i, st->extra);
      any_reports |= st->reports != STANCE_NONE;
    }

  if (any_reports && find_chain_cycle (n, statement_reports, store, &where))
    return fail (r, "statements[%u].reports: a cycle", where);

  return TRUE;
}

static gboolean
read_stances (Reader *r)
{
  StanceStore *store = r->store;
  StanceRecords *stances = store->stances;
  guint64 n = section_count (r, SEC_STANCES);
  const FileStanceMeta *metas = section_data (r, SEC_STANCE_META);
  guint64 n_metas = section_count (r, SEC_STANCE_META);
  guint32 counts[4] = { 0, store->actors->len, store->claims->len, store->statements->len };
  guint64 removed = 0, with_meta = 0, linked = 0;

  /* Used in place: writes go to private copies of the pages. */
  stances->data = section_data (r, SEC_STANCES);
  stances->len = stances->alloc = n;
  stances->borrowed = TRUE;

  for (guint i = 0; i < n; i++)
    {
      const StanceStanceRecord *sn = STANCE_STORE_STANCE (store, i);
      StanceSort sort = stance_ref_sort (sn->target);

      if (sn->statement >= counts[STANCE_SORT_STATEMENT])
        return fail (r, "stances[%u].statement: statement %u is out of range", i, sn->statement);
      if (sort < STANCE_SORT_ACTOR || stance_ref_index (sn->target) >= counts[sort])
        return fail (r, "stances[%u].target: reference %u is out of range", i, sn->target);
      if (sn->holder >= counts[STANCE_SORT_ACTOR])
        return fail (r, "stances[%u].holder: actor %u is out of range", i, sn->holder);
      if (sn->kind >= store->kinds->len)
        return fail (r, "stances[%u].kind: kind %u is out of range", i, sn->kind);
      if (sn->next > n ||
          (sn->flags & ~(STANCE_STANCE_HAS_META | STANCE_STANCE_EXPLICIT_HOLDER | STANCE_STANCE_REMOVED)) != 0 ||
          ((sn->flags & STANCE_STANCE_REMOVED) && sn->next != STANCE_NONE))
        return fail (r, "stances[%u]: bad link or flags", i);
      removed += (sn->flags & STANCE_STANCE_REMOVED) != 0;
      with_meta += (sn->flags & STANCE_STANCE_HAS_META) != 0;
    }
  if (removed != r->header->n_removed_stances)
    return fail (r, "stances: %" G_GUINT64_FORMAT " removed, the header says %u",
                 removed, r->header->n_removed_stances);
  store->n_removed_stances = removed;

  /* Every statement's list holds only its own stances, ends where the
   * statement says, and all lists together hold each live stance once: as
   * each stance names one statement, lists cannot share, and the total
   * bounds every walk, so a cycle is caught too. */
  for (guint s = 0; s < store->statements->len; s++)
    {
      const StanceStatementRecord *st = STANCE_STORE_STATEMENT (store, s);
      guint32 last = STANCE_NONE;

      for (guint32 at = st->first_stance; at != STANCE_NONE; at = STANCE_STORE_STANCE (store, at - 1)->next)
        {
          const StanceStanceRecord *sn = STANCE_STORE_STANCE (store, at - 1);

          if (sn->statement != s || (sn->flags & STANCE_STANCE_REMOVED) || ++linked > n - removed)
            return fail (r, "statements[%u].stances: stance %u does not belong in the list", s, at - 1);
          last = at;
        }
      if (last != st->last_stance)
        return fail (r, "statements[%u].stances: the list does not end at its last stance", s);
    }
  if (linked != n - removed)
    return fail (r, "stances: %" G_GUINT64_FORMAT " are in no statement's list", n - removed - linked);

  /* Meta: in stance order, each on a stance flagged for it. */
  if (n_metas != with_meta)
    return fail (r, "stance_meta: %" G_GUINT64_FORMAT " entries for %" G_GUINT64_FORMAT " stances with meta",
                 n_metas, with_meta);
  for (guint i = 0; i < n_metas; i++)
    {
      JsonNode *meta;

      if (metas[i].stance >= n || (i > 0 && metas[i].stance <= metas[i - 1].stance) ||
          (STANCE_STORE_STANCE (store, metas[i].stance)->flags & STANCE_STANCE_HAS_META) == 0)
        return fail (r, "stance_meta[%u]: stance %u is out of order or not flagged", i, metas[i].stance);
      if (!resolve_meta (r, metas[i].meta, &meta, "stance_meta", i))
        return FALSE;
      if (meta == NULL)
        return fail (r, "stance_meta[%u].meta: missing", i);
      g_hash_table_insert (store->stance_meta, GUINT_TO_POINTER (metas[i].stance), meta);
    }

  return TRUE;
}

static gboolean
read_id_table (Reader *r)
{
  StanceStore *store = r->store;
  StanceIdTable *table = &store->ids;
  guint64 capacity = section_count (r, SEC_ID_TAGS);
  guint32 counts[4] = { 0, store->actors->len, store->claims->len, store->statements->len };
  guint64 nodes = (guint64) counts[1] + counts[2] + counts[3];
  g_autofree guint32 *bits = NULL;
  guint32 *seen[4] = { NULL, NULL, NULL, NULL };
  guint64 occupied = 0;

  if (capacity == 0)
    return nodes == 0 || fail (r, "id index: empty, but there are nodes");

  table->tags = section_data (r, SEC_ID_TAGS);
  table->refs = section_data (r, SEC_ID_REFS);
  table->mask = capacity - 1;
  table->borrowed = TRUE;

  /* Each node once, in a slot with a tag: a bit per node. */
  bits = g_new0 (guint32, counts[1] / 32 + counts[2] / 32 + counts[3] / 32 + 3);
  seen[1] = bits;
  seen[2] = seen[1] + counts[1] / 32 + 1;
  seen[3] = seen[2] + counts[2] / 32 + 1;

  for (guint64 i = 0; i < capacity; i++)
    {
      StanceRef ref = table->refs[i];
      StanceSort sort = stance_ref_sort (ref);
      guint32 index = stance_ref_index (ref);

      if (table->tags[i] == 0)
        {
          if (ref != 0)
            return fail (r, "id index: empty slot %" G_GUINT64_FORMAT " has a reference", i);
          continue;
        }
      if ((table->tags[i] & 0x80) == 0 || sort < STANCE_SORT_ACTOR || index >= counts[sort] ||
          (seen[sort][index / 32] & (1u << (index % 32))))
        return fail (r, "id index: slot %" G_GUINT64_FORMAT " has a bad tag or reference", i);
      seen[sort][index / 32] |= 1u << (index % 32);
      occupied++;
    }
  if (occupied != nodes)
    return fail (r, "id index: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " nodes", occupied, nodes);
  table->count = occupied;

  return TRUE;
}

/* Reads the file in @bytes (writable, 8-aligned, kept by the store). */
static StanceStore *
read_bytes (GBytes  *bytes,
            GError **error)
{
  Reader r = { 0 };
  gsize size;
  gboolean ok;

  r.base = (guint8 *) g_bytes_get_data (bytes, &size);
  r.size = size;
  r.error = error;

  if (!check_header (&r) || !check_checksum (&r) || !check_counts (&r))
    {
      g_bytes_unref (bytes);
      return NULL;
    }

  r.strings = section_data (&r, SEC_STRINGS);
  r.strings_size = section_count (&r, SEC_STRINGS);
  r.store = _stance_store_new ();
  r.store->backing = bytes;

  ok = check_strings (&r) &&
       read_kinds (&r) &&
       read_actors (&r) &&
       read_claims (&r) &&
       read_extras (&r) &&
       read_statements (&r) &&
       read_stances (&r) &&
       read_id_table (&r) &&
       resolve_meta (&r, r.header->meta, &r.store->meta, "document", 0);

  if (!ok)
    {
      _stance_store_free (r.store);
      return NULL;
    }

  r.store->serial++;

  return r.store;
}

gboolean
_stance_snapshot_has_magic (const void *data,
                            gsize       length)
{
  return length >= 8 && memcmp (data, STANCE_SNAPSHOT_MAGIC, 8) == 0;
}

StanceStore *
_stance_snapshot_read_data (const void  *data,
                            gsize        length,
                            GError     **error)
{
  /* g_malloc's memory is aligned for any record. */
  return read_bytes (g_bytes_new_take (g_memdup2 (data, length), length), error);
}

StanceStore *
_stance_snapshot_read (const char  *filename,
                       GError     **error)
{
  GMappedFile *mapped;
  GBytes *bytes;
  int fd;

  /* Read-only on disk, writable in memory: a private mapping is
   * copy-on-write, so the records used in place can still be edited, and
   * the snapshot need not be writable by whoever opens it. */
  fd = g_open (filename, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "failed to open %s: %s", filename, g_strerror (saved));
      return NULL;
    }
  mapped = g_mapped_file_new_from_fd (fd, TRUE, error);
  g_close (fd, NULL);
  if (mapped == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  g_mapped_file_unref (mapped);

  return read_bytes (bytes, error);
}
