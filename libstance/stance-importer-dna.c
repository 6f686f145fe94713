/* stance-importer-dna.c: Discourse Network Analyzer data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two inputs, one reading: DNA 3's own database (an SQLite file: DOCUMENTS,
 * STATEMENTTYPES, VARIABLES, STATEMENTS, DATASHORTTEXT, DATABOOLEAN,
 * DATAINTEGER, ENTITIES), read through a cursor with libsqlite3, and DNA's
 * CSV export of statements (id, doc, date, person, org, concept,
 * agreement).  A statement (`dna-ID`) of type "DNA Statement" is made by its
 * holder (the organisation), on the date of its document, with one stance on
 * the claim of its target (the concept): the qualifier (agreement) 1 is
 * `supports`, 0 `opposes` (kind-map changes this).  The person is kept as an
 * actor that is a member of the organisation, or in the statement's meta.
 * See doc/importers.md.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "stance-importer-private.h"

typedef struct { StanceImporter parent_instance; } StanceDnaImporter;
typedef struct { StanceImporterClass parent_class; } StanceDnaImporterClass;

G_DEFINE_TYPE (StanceDnaImporter, _stance_dna_importer, STANCE_TYPE_IMPORTER)

static const StanceImporterOption dna_options[] = {
  { "holder", "organization", "the variable of the holder, who speaks (organization; org and organisation are the same)" },
  { "target", "concept", "the variable of the target claim" },
  { "qualifier", "agreement", "the variable whose value is the stance kind, through kind-map" },
  { "kind-map", "1=supports,0=opposes", "qualifier values as kinds" },
  { "person", "person", "the variable of the person who spoke for the holder (empty: none)" },
  { "person-as", "member_of", "the person as an actor that is a member of the holder (member_of), in the statement's meta (meta), or not at all (none)" },
  { "statement-type", "DNA Statement", "the statement type to read (database only)" },
  { "excerpt", "yes", "the coded excerpt of the document as the statement's text (database only): yes or no" },
  { NULL }
};

/* What one DNA statement becomes, from either input. */
typedef struct
{
  StanceImporter  *self;
  StanceGraph     *graph;
  StanceImportIds  ids;
  GHashTable      *kind_map;  /* qualifier value -> kind */
  const char      *person_as;
} DnaRun;

static gboolean
run_init (DnaRun          *run,
          StanceImporter  *self,
          StanceGraph     *graph,
          GError         **error)
{
  const char *spec = stance_importer_get_option (self, "kind-map");
  g_auto(GStrv) items = g_strsplit (spec != NULL ? spec : "", ",", -1);

  run->self = self;
  run->graph = graph;
  run->person_as = stance_importer_get_option (self, "person-as");
  _stance_import_ids_init (&run->ids, graph);
  run->kind_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_strcmp0 (run->person_as, "member_of") != 0 && g_strcmp0 (run->person_as, "meta") != 0 &&
      g_strcmp0 (run->person_as, "none") != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "option person-as: \"%s\" is not member_of, meta or none", run->person_as ? run->person_as : "");
      return FALSE;
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *eq = strrchr (items[i], '=');

      if (*items[i] == '\0')
        continue;
      if (eq == NULL || !stance_graph_lookup_kind (graph, eq + 1, NULL))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND,
                       "option kind-map: \"%s\" is not VALUE=KIND with a built-in kind", items[i]);
          return FALSE;
        }
      g_hash_table_insert (run->kind_map, g_strndup (items[i], eq - items[i]), g_strdup (eq + 1));
    }
  return TRUE;
}

static void
run_clear (DnaRun *run)
{
  _stance_import_ids_clear (&run->ids);
  g_clear_pointer (&run->kind_map, g_hash_table_unref);
}

/* The values of a DNA statement, for the location of an error. */
enum { FIELD_ID, FIELD_DATE, FIELD_HOLDER, FIELD_TARGET, FIELD_QUALIFIER, FIELD_PERSON };

/* One statement; errors without a location: the caller adds it, with the
 * value that *@field names. */
static gboolean
run_statement (DnaRun      *run,
               const char  *dna_id,
               const char  *time,
               const char  *source,
               const char  *holder_name,
               const char  *target_text,
               const char  *qualifier,
               const char  *person_name,
               const char  *text,
               int         *field,
               GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *t = NULL;
  const char *holder, *target, *kind;

  *field = FIELD_ID;
  if ((id = _stance_import_statement_id (&run->ids, g_strdup_printf ("dna-%s", dna_id), error)) == NULL)
    return FALSE;
  *field = FIELD_HOLDER;

  if (holder_name == NULL || *holder_name == '\0')
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "no %s (the holder)",
                   stance_importer_get_option (run->self, "holder"));
      return FALSE;
    }
  *field = FIELD_TARGET;
  if (target_text == NULL || *target_text == '\0')
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "no %s (the target)",
                   stance_importer_get_option (run->self, "target"));
      return FALSE;
    }
  *field = FIELD_QUALIFIER;
  if (qualifier == NULL || (kind = g_hash_table_lookup (run->kind_map, qualifier)) == NULL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND,
                   "%s \"%s\" is not in the kind-map", stance_importer_get_option (run->self, "qualifier"),
                   qualifier ? qualifier : "");
      return FALSE;
    }
  *field = FIELD_DATE;
  if ((t = _stance_import_time (time, error)) == NULL)
    return FALSE;
  *field = FIELD_HOLDER;
  if ((holder = _stance_import_actor (&run->ids, holder_name, holder_name,
                                      STANCE_ACTOR_KIND_ORGANIZATION, error)) == NULL)
    return FALSE;
  *field = FIELD_PERSON;
  if (person_name != NULL && *person_name != '\0' && strcmp (run->person_as, "member_of") == 0)
    {
      const char *person = _stance_import_actor (&run->ids, person_name, person_name,
                                                 STANCE_ACTOR_KIND_PERSON, error);
      g_autoptr(StanceNode) p = NULL;
      g_autoptr(StanceNode) o = NULL;

      if (person == NULL)
        return FALSE;
      p = stance_graph_lookup (run->graph, person);
      o = stance_graph_lookup (run->graph, holder);
      if (!STANCE_IS_ACTOR (p) || !STANCE_IS_ACTOR (o))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE, "person \"%s\" is not an actor", person_name);
          return FALSE;
        }
      if (p != o)
        {
          g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (STANCE_ACTOR (p));
          gboolean known = FALSE;

          for (guint i = 0; i < groups->len; i++)
            known |= groups->pdata[i] == (gpointer) o;
          if (!known && !stance_actor_add_member_of (STANCE_ACTOR (p), STANCE_ACTOR (o), error))
            return FALSE;
        }
    }
  *field = FIELD_TARGET;
  if ((target = _stance_import_claim (&run->ids, target_text, target_text, error)) == NULL)
    return FALSE;
  *field = FIELD_ID;
  if (!stance_graph_append_statement (run->graph, id, holder, t, text, NULL, source, error))
    return FALSE;
  if (person_name != NULL && *person_name != '\0' && strcmp (run->person_as, "meta") == 0)
    {
      g_autoptr(StanceNode) s = stance_graph_lookup (run->graph, id);
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) meta = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_string_value (b, person_name);
      json_builder_end_object (b);
      meta = json_builder_get_root (b);
      if (!stance_node_set_meta (s, meta, error))
        return FALSE;
    }
  *field = FIELD_QUALIFIER;
  return stance_graph_append_stance (run->graph, id, kind, target, NULL, error);
}

/* ---- DNA's CSV export ------------------------------------------------ */

/* DNA calls the variable "organization"; its exports and its users also
 * say "org" and "organisation". */
static int
find_variable_column (GPtrArray  *header,
                      const char *name)
{
  static const char *const orgs[] = { "organization", "organisation", "org", NULL };
  int i = _stance_csv_find_column (header, name);

  if (i < 0 && g_strv_contains (orgs, name))
    for (guint k = 0; orgs[k] != NULL && i < 0; k++)
      i = _stance_csv_find_column (header, orgs[k]);
  return i;
}

static gboolean
import_csv (StanceImporter *self,
            StanceGraph    *graph,
            GInputStream   *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(StanceCsvReader) reader = _stance_csv_reader_new (stream, ',', TRUE);
  g_autoptr(GPtrArray) header = NULL;
  const char *person_var = stance_importer_get_option (self, "person");
  const char *names[] = { "id", "doc", "date", stance_importer_get_option (self, "holder"),
                          stance_importer_get_option (self, "target"),
                          stance_importer_get_option (self, "qualifier") };
  int col[G_N_ELEMENTS (names)], c_person = -1, field;
  GPtrArray *row;
  GError *local = NULL;
  DnaRun run = { 0 };
  gboolean ok = FALSE;

  if (!run_init (&run, self, graph, error))
    goto out;
  if ((header = _stance_csv_reader_header (reader, cancellable, error)) == NULL)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if ((col[i] = names[i] != NULL ? find_variable_column (header, names[i]) : -1) < 0)
      {
        g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER,
                     "row 1: no column \"%s\"", names[i] ? names[i] : "");
        goto out;
      }
  if (person_var != NULL && *person_var != '\0')
    c_person = _stance_csv_find_column (header, person_var);

  while (_stance_csv_reader_next (reader, &row, cancellable, &local))
    {
      guint64 r = _stance_csv_reader_row (reader);
      g_autofree char *source = NULL;

      if (row->len != header->len)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX,
                       "row %" G_GUINT64_FORMAT ": %u fields, but the header has %u", r, row->len, header->len);
          goto out;
        }
      source = g_strdup_printf ("document %s", (const char *) row->pdata[col[1]]);
      if (!run_statement (&run, row->pdata[col[0]], row->pdata[col[2]], source,
                          row->pdata[col[3]], row->pdata[col[4]], row->pdata[col[5]],
                          c_person >= 0 ? row->pdata[c_person] : NULL, NULL, &field, error))
        {
          int c = field == FIELD_PERSON ? c_person : col[(int[]) { 0, 2, 3, 4, 5 }[field]];

          g_prefix_error (error, "row %" G_GUINT64_FORMAT ", column %d (%s): ", r, c + 1,
                          (const char *) header->pdata[c]);
          goto out;
        }
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto out;
    }
  ok = TRUE;

out:
  run_clear (&run);
  return ok;
}

/* ---- DNA's database --------------------------------------------------- */

static gboolean
db_fail (sqlite3     *db,
         const char  *where,
         GError     **error)
{
  /* SQLite quotes the damaged schema in its message: it may be any bytes. */
  g_autofree char *why = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db) : "cannot open", -1);

  g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "%s: not a DNA 3 database (%s)", where, why);
  return FALSE;
}

/* The id of a row found by one text parameter, or -1 with an error. */
static sqlite3_int64
db_lookup (sqlite3     *db,
           const char  *sql,
           const char  *where,
           const char  *value,
           sqlite3_int64 type,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 id = -1;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_fail (db, where, error);
      return -1;
    }
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, type);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "%s: no \"%s\"", where, value);
  else
    db_fail (db, where, error);
  sqlite3_finalize (stmt);
  return id;
}

static sqlite3_int64
db_variable (sqlite3     *db,
             const char  *name,
             sqlite3_int64 type,
             GError     **error)
{
  static const char *const orgs[] = { "organization", "organisation", "org", NULL };
  const char *sql = "SELECT ID FROM VARIABLES WHERE Variable = ?1 AND StatementTypeId = ?2";
  g_autofree char *where = g_strdup_printf ("table VARIABLES (statement type %" G_GINT64_FORMAT ")", (gint64) type);
  sqlite3_int64 id;

  if (g_strv_contains (orgs, name))
    for (guint k = 0; orgs[k] != NULL; k++)
      {
        g_autoptr(GError) ignored = NULL;

        if (strcmp (orgs[k], name) != 0 && (id = db_lookup (db, sql, where, orgs[k], type, &ignored)) >= 0)
          return id;
      }
  return db_lookup (db, sql, where, name, type, error);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static gboolean
import_db (StanceImporter *self,
           StanceGraph    *graph,
           sqlite3        *db,
           GError        **error)
{
  const char *sql =
    "SELECT s.ID, s.DocumentId, d.Date,"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity"
    "   WHERE x.StatementId = s.ID AND x.VariableId = ?1),"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity"
    "   WHERE x.StatementId = s.ID AND x.VariableId = ?2),"
    " COALESCE((SELECT Value FROM DATABOOLEAN WHERE StatementId = s.ID AND VariableId = ?3),"
    "          (SELECT Value FROM DATAINTEGER WHERE StatementId = s.ID AND VariableId = ?3)),"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity"
    "   WHERE x.StatementId = s.ID AND x.VariableId = ?4),"
    " CASE WHEN ?6 THEN substr(d.Text, s.Start + 1, s.Stop - s.Start) END,"
    " d.ID IS NULL"
    " FROM STATEMENTS s LEFT JOIN DOCUMENTS d ON d.ID = s.DocumentId"
    " WHERE s.StatementTypeId = ?5 ORDER BY s.ID";
  const char *person_var = stance_importer_get_option (self, "person");
  const char *excerpt = stance_importer_get_option (self, "excerpt");
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 type, v_holder, v_target, v_qualifier, v_person = -1;
  int field;
  DnaRun run = { 0 };
  gboolean ok = FALSE;
  int rc;

  if (g_strcmp0 (excerpt, "yes") != 0 && g_strcmp0 (excerpt, "no") != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "option excerpt: \"%s\" is not yes or no",
                   excerpt ? excerpt : "");
      return FALSE;
    }
  if (!run_init (&run, self, graph, error))
    goto out;
  if ((type = db_lookup (db, "SELECT ID FROM STATEMENTTYPES WHERE Label = ?1 ORDER BY ID",
                         "table STATEMENTTYPES", stance_importer_get_option (self, "statement-type"),
                         0, error)) < 0 ||
      (v_holder = db_variable (db, stance_importer_get_option (self, "holder"), type, error)) < 0 ||
      (v_target = db_variable (db, stance_importer_get_option (self, "target"), type, error)) < 0 ||
      (v_qualifier = db_variable (db, stance_importer_get_option (self, "qualifier"), type, error)) < 0)
    goto out;
  if (person_var != NULL && *person_var != '\0' &&
      (v_person = db_variable (db, person_var, type, error)) < 0)
    goto out;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_fail (db, "table STATEMENTS", error);
      goto out;
    }
  sqlite3_bind_int64 (stmt, 1, v_holder);
  sqlite3_bind_int64 (stmt, 2, v_target);
  sqlite3_bind_int64 (stmt, 3, v_qualifier);
  sqlite3_bind_int64 (stmt, 4, v_person);
  sqlite3_bind_int64 (stmt, 5, type);
  sqlite3_bind_int (stmt, 6, strcmp (excerpt, "yes") == 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);
      g_autofree char *dna_id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) rowid);
      g_autofree char *source = NULL;
      g_autofree char *time = NULL;
      g_autoptr(GDateTime) date = NULL;
      const char *excerpt_text = column_text (stmt, 7);

      if (sqlite3_column_int (stmt, 8))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID,
                       "table STATEMENTS, rowid %s: no document %" G_GINT64_FORMAT,
                       dna_id, (gint64) sqlite3_column_int64 (stmt, 1));
          goto out;
        }
      /* DNA keeps a document's date as seconds since 1970 (UTC); a date at
       * midnight is a day, as the CSV export writes it. */
      date = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 2));
      if (date == NULL || g_date_time_get_year (date) < 1 || g_date_time_get_year (date) > 9999)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME,
                       "table DOCUMENTS, rowid %" G_GINT64_FORMAT ": the date %" G_GINT64_FORMAT " is out of range",
                       (gint64) sqlite3_column_int64 (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2));
          goto out;
        }
      time = sqlite3_column_int64 (stmt, 2) % 86400 == 0
               ? g_date_time_format (date, "%Y-%m-%d")
               : g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
      source = g_strdup_printf ("document %" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
      if (excerpt_text != NULL && !g_utf8_validate (excerpt_text, -1, NULL))
        excerpt_text = NULL;
      for (int c = 3; c <= 6; c++)
        if (column_text (stmt, c) != NULL && !g_utf8_validate (column_text (stmt, c), -1, NULL))
          {
            g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING,
                         "table STATEMENTS, rowid %s: a value is not valid UTF-8", dna_id);
            goto out;
          }
      if (!run_statement (&run, dna_id, time, source, column_text (stmt, 3), column_text (stmt, 4),
                          column_text (stmt, 5), column_text (stmt, 6),
                          excerpt_text != NULL && *excerpt_text != '\0' ? excerpt_text : NULL, &field, error))
        {
          g_prefix_error (error, "table STATEMENTS, rowid %s: ", dna_id);
          goto out;
        }
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (db, "table STATEMENTS", error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  run_clear (&run);
  return ok;
}

static const char sqlite_magic[16] = "SQLite format 3";

static gboolean
stance_dna_import_stream (StanceImporter *self,
                          StanceGraph    *graph,
                          GInputStream   *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GBufferedInputStream) buffered = NULL;
  const guint8 *head;
  gsize n = 0;

  buffered = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new (stream));
  if (g_buffered_input_stream_fill (buffered, sizeof sqlite_magic, cancellable, error) < 0)
    return FALSE;
  head = g_buffered_input_stream_peek_buffer (buffered, &n);

  if (n >= sizeof sqlite_magic && memcmp (head, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      /* A database from a stream is read whole into memory and opened
       * there, read-only. */
      g_autoptr(GBytes) bytes = _stance_import_read_all (G_INPUT_STREAM (buffered), cancellable, error);
      sqlite3 *db = NULL;
      unsigned char *copy;
      gsize size;
      gboolean ok;

      if (bytes == NULL)
        return FALSE;
      size = g_bytes_get_size (bytes);
      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        {
          sqlite3_close (db);
          return db_fail (NULL, "the database", error);
        }
      copy = sqlite3_malloc64 (size);
      if (copy == NULL)
        {
          sqlite3_close (db);
          return db_fail (NULL, "the database", error);
        }
      memcpy (copy, g_bytes_get_data (bytes, NULL), size);
      if (sqlite3_deserialize (db, "main", copy, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
        {
          ok = db_fail (db, "the database", error);
          sqlite3_close (db);
          return ok;
        }
      ok = import_db (self, graph, db, error);
      sqlite3_close (db);
      return ok;
    }

  return import_csv (self, graph, G_INPUT_STREAM (buffered), cancellable, error);
}

static gboolean
stance_dna_import_file (StanceImporter *self,
                        StanceGraph    *graph,
                        const char     *filename,
                        GCancellable   *cancellable,
                        GError        **error)
{
  char head[sizeof sqlite_magic] = { 0 };
  FILE *f = fopen (filename, "rb");
  gboolean is_db;
  sqlite3 *db = NULL;
  gboolean ok;

  if (f == NULL)
    return STANCE_IMPORTER_CLASS (_stance_dna_importer_parent_class)->read_file (self, graph, filename, cancellable, error);
  is_db = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, sqlite_magic, sizeof head) == 0;
  fclose (f);
  if (!is_db)
    return STANCE_IMPORTER_CLASS (_stance_dna_importer_parent_class)->read_file (self, graph, filename,
                                                                                 cancellable, error);

  /* Read-only and immutable: an import never writes DNA's file. */
  {
    g_autofree char *uri = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (filename);
    g_autofree char *file_uri = g_file_get_uri (file);

    uri = g_strdup_printf ("%s?immutable=1", file_uri);
    if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
      {
        ok = db_fail (db, filename, error);
        sqlite3_close (db);
        return ok;
      }
  }
  ok = import_db (self, graph, db, error);
  sqlite3_close (db);
  return ok;
}

static void
_stance_dna_importer_class_init (StanceDnaImporterClass *klass)
{
  STANCE_IMPORTER_CLASS (klass)->read_stream = stance_dna_import_stream;
  STANCE_IMPORTER_CLASS (klass)->read_file = stance_dna_import_file;
  _stance_importer_class_setup (STANCE_IMPORTER_CLASS (klass), "dna", dna_options);
}

static void
_stance_dna_importer_init (StanceDnaImporter *self)
{
}
