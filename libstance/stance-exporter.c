/* stance-exporter.c: a graph as tables (CSV, JSON Lines, SQLite) and as AIF
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tables are defined once, below (tables[]): each is a list of columns
 * and a function that walks the store and hands each row to a sink.  The
 * three sinks (RFC 4180 CSV, JSON Lines through the library's JSON writer,
 * an SQLite database) only write what they are given, so that every format
 * has the same columns with the same values.  doc/exporters.md documents
 * the columns; libstance/sql/contradictions.sql reads the SQLite form.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "stance-exporter.h"
#include "stance-acts-private.h"
#include "stance-error.h"
#include "stance-finder-private.h"
#include "stance-graph-private.h"
#include "stance-importer-private.h"
#include "stance-json-writer-private.h"
#include "stance-kind.h"

typedef struct
{
  const char *text;     /* NULL: no value */
  gint64      number;
  gboolean    is_number;
} Value;

typedef struct _Sink Sink;
struct _Sink
{
  gboolean (*row) (Sink *sink, const Value *values, GError **error);
};

typedef struct
{
  const char        *name;
  const char *const *columns;  /* NULL-terminated */
  const char        *types;    /* one letter per column: T text, I integer */
  gboolean         (*rows) (StanceStore *store, Sink *sink, GError **error);
} Table;

#define TEXT(s)  ((Value) { (s), 0, FALSE })
#define INT(n)   ((Value) { NULL, (n), TRUE })

static const char *
ref_id (StanceStore *store,
        StanceRef    ref)
{
  return _stance_store_ref_id (store, ref);
}

static const char *
actor_id (StanceStore *store,
          guint32      actor)
{
  return _stance_store_actor_id (store, actor);
}

static const char *
polarity_name (guint8 polarity)
{
  return stance_polarity_to_string ((StancePolarity) polarity);
}

static gboolean
actors_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    {
      Value v[] = { INT (i), TEXT (_stance_store_actor_id (store, i)), TEXT (_stance_store_actor_name (store, i)),
                    TEXT (stance_actor_kind_to_string (_stance_store_actor_kind (store, i))) };

      if (!sink->row (sink, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
memberships_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    {
      const GArray *member_of = _stance_store_actor_member_of (store, i);

      for (guint k = 0; member_of != NULL && k < member_of->len; k++)
        {
          Value v[] = { TEXT (_stance_store_actor_id (store, i)), TEXT (actor_id (store, g_array_index (member_of, guint32, k))) };

          if (!sink->row (sink, v, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
claims_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_claims (store); i++)
    {
      guint32 whole = _stance_store_claim_part_of (store, i);
      Value v[] = { INT (i), TEXT (_stance_store_claim_id (store, i)), TEXT (_stance_store_claim_text (store, i)),
                    TEXT (_stance_store_claim_lang (store, i)),
                    TEXT (whole != STANCE_STORE_NO_INDEX ? _stance_store_claim_id (store, whole) : NULL) };

      if (!sink->row (sink, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kinds_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_kinds (store); i++)
    {
      Value v[] = { TEXT (_stance_store_kind_name (store, i)), TEXT (polarity_name (_stance_store_kind_polarity (store, i))),
                    INT (_stance_store_kind_is_builtin (store, i) ? 1 : 0) };

      if (!sink->row (sink, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
statements_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      const StanceTime *when = _stance_store_statement_time (store, i);
      guint32 reported = _stance_store_statement_reports (store, i);
      char time[STANCE_TIME_FORMAT_SIZE];
      Value v[10];

      _stance_time_format (when, time);
      v[0] = INT (i);
      v[1] = TEXT (_stance_store_statement_id (store, i));
      v[2] = TEXT (actor_id (store, _stance_store_statement_speaker (store, i)));
      v[3] = TEXT (time);
      v[4] = INT (when->start);
      v[5] = INT (when->end);
      v[6] = TEXT (_stance_store_statement_text (store, i));
      v[7] = TEXT (_stance_store_statement_lang (store, i));
      v[8] = TEXT (_stance_store_statement_source (store, i));
      v[9] = TEXT (reported != STANCE_STORE_NO_INDEX ? _stance_store_statement_id (store, reported) : NULL);
      if (!sink->row (sink, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
stances_rows (StanceStore *store, Sink *sink, GError **error)
{
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      gint64 pos = 0;

      STANCE_STORE_FOREACH_STANCE_OF (store, i, stance)
        {
          guint kind = _stance_store_stance_kind (store, stance);
          Value v[] = { TEXT (_stance_store_statement_id (store, i)), INT (pos++), TEXT (_stance_store_kind_name (store, kind)),
                        TEXT (polarity_name (_stance_store_kind_polarity (store, kind))),
                        TEXT (ref_id (store, _stance_store_stance_target (store, stance))),
                        TEXT (actor_id (store, _stance_store_stance_holder (store, stance))),
                        INT (_stance_store_stance_is_attributed (store, stance) ? 1 : 0) };

          if (!sink->row (sink, v, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
acts_rows (StanceStore *store, Sink *sink, GError **error)
{
  StanceActIndex *index = _stance_act_index_new (store);
  gboolean ok = TRUE;
  gint64 rank = 0;

  for (guint i = 0; ok && i < index->acts->len; i++)
    {
      StanceAct *a = &g_array_index (index->acts, StanceAct, i);
      StanceAct *prev = i > 0 ? &g_array_index (index->acts, StanceAct, i - 1) : NULL;
      char time[STANCE_TIME_FORMAT_SIZE];

      if (prev == NULL || prev->target != a->target || prev->holder != a->holder)
        rank = 0;
      if (a->polarity == STANCE_POLARITY_NEUTRAL)
        continue;
      _stance_time_format (_stance_store_statement_time (store, a->statement), time);
      {
        Value v[] = { TEXT (ref_id (store, a->target)), TEXT (actor_id (store, a->holder)), INT (++rank),
                      TEXT (_stance_store_statement_id (store, a->statement)), INT (_stance_store_stance_position (store, a->stance)),
                      TEXT (_stance_store_kind_name (store, _stance_store_stance_kind (store, a->stance))), TEXT (polarity_name (a->polarity)),
                      TEXT (time), INT (a->start), INT (a->end) };

        ok = sink->row (sink, v, error);
      }
    }
  _stance_act_index_free (index);
  return ok;
}

static gboolean
contradictions_rows (StanceStore *store, Sink *sink, GError **error)
{
  StanceActIndex *index = _stance_act_index_new (store);
  GArray *found = _stance_find_contradictions (store, index);
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < found->len; i++)
    {
      StanceFinding *f = &g_array_index (found, StanceFinding, i);
      StanceContradictionKind kind = f->kind;
      gboolean has_other = kind == STANCE_CONTRADICTION_KIND_CONFLICT ||
                           kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION;
      Value v[] = { TEXT (stance_contradiction_kind_to_string (kind)), TEXT (ref_id (store, f->target)),
                    TEXT (actor_id (store, f->holder)), TEXT (has_other ? actor_id (store, f->other) : NULL),
                    TEXT (_stance_store_statement_id (store, _stance_store_stance_statement (store, f->first))),
                    TEXT (_stance_store_statement_id (store, _stance_store_stance_statement (store, f->second))) };

      ok = sink->row (sink, v, error);
    }
  g_array_unref (found);
  _stance_act_index_free (index);
  return ok;
}

static const char *const actors_columns[] = { "seq", "id", "name", "kind", NULL };
static const char *const memberships_columns[] = { "actor", "member_of", NULL };
static const char *const claims_columns[] = { "seq", "id", "text", "lang", "part_of", NULL };
static const char *const kinds_columns[] = { "name", "polarity", "builtin", NULL };
static const char *const statements_columns[] = { "seq", "id", "speaker", "time", "period_start", "period_end",
                                                  "text", "lang", "source", "reports", NULL };
static const char *const stances_columns[] = { "statement", "pos", "kind", "polarity", "target", "holder",
                                               "attributed", NULL };
static const char *const acts_columns[] = { "target", "holder", "rank", "statement", "pos", "kind", "polarity",
                                            "time", "period_start", "period_end", NULL };
static const char *const contradictions_columns[] = { "kind", "target", "holder", "other", "first", "second", NULL };

static const Table tables[] = {
  { "statements", statements_columns, "ITTTIITTTT", statements_rows },
  { "stances", stances_columns, "TITTTTI", stances_rows },
  { "acts", acts_columns, "TTITITTTII", acts_rows },
  { "contradictions", contradictions_columns, "TTTTTT", contradictions_rows },
  { "actors", actors_columns, "ITTT", actors_rows },
  { "memberships", memberships_columns, "TT", memberships_rows },
  { "claims", claims_columns, "ITTTT", claims_rows },
  { "kinds", kinds_columns, "TTI", kinds_rows },
};

static const char *const table_names[] = {
  "statements", "stances", "acts", "contradictions", "actors", "memberships", "claims", "kinds", NULL
};

static const Table *
find_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

/**
 * stance_graph_list_export_tables:
 *
 * Lists the tables that [method@Stance.Graph.export_table] writes:
 * `statements`, `stances`, `acts`, `contradictions`, `actors`,
 * `memberships`, `claims` and `kinds`.  The libstance manual's "Exporters"
 * chapter documents their columns.
 *
 * Returns: (transfer none) (array zero-terminated=1): the table names
 *
 * Since: 1.2
 */
const char * const *
stance_graph_list_export_tables (void)
{
  return table_names;
}

/**
 * stance_graph_list_export_columns:
 * @table: a table name from [func@Stance.Graph.list_export_tables]
 *
 * Lists the columns of an exported table, in order.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the column
 *   names, or %NULL for a table that does not exist
 *
 * Since: 1.2
 */
const char * const *
stance_graph_list_export_columns (const char *table)
{
  const Table *t;

  g_return_val_if_fail (table != NULL, NULL);

  t = find_table (table);
  return t != NULL ? (const char * const *) t->columns : NULL;
}

/* ---- CSV and JSON Lines ---------------------------------------------- */

typedef struct
{
  Sink           sink;
  const Table   *table;
  StanceJsonStream out;
  GString       *csv;
  StanceJsonWriter json;
  gboolean       is_json;
} StreamSink;

static gboolean
stream_row (Sink        *sink,
            const Value *values,
            GError     **error)
{
  StreamSink *s = (StreamSink *) sink;

  if (s->is_json)
    {
      _stance_json_writer_begin_object (&s->json);
      for (guint i = 0; s->table->columns[i] != NULL; i++)
        {
          _stance_json_writer_item (&s->json, s->table->columns[i]);
          if (values[i].is_number)
            _stance_json_writer_int (&s->json, values[i].number);
          else if (values[i].text != NULL)
            _stance_json_writer_string (&s->json, values[i].text);
          else
            _stance_json_writer_null (&s->json);
        }
      _stance_json_writer_end_object (&s->json);
      _stance_json_writer_end_line (&s->json);
      if (!_stance_json_writer_flush (&s->json, 65536))
        {
          g_propagate_error (error, g_steal_pointer (&s->json.error));
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; s->table->columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s->csv, ',');
      if (values[i].is_number)
        g_string_append_printf (s->csv, "%" G_GINT64_FORMAT, values[i].number);
      else if (values[i].text != NULL)
        _stance_csv_append_field (s->csv, values[i].text);
    }
  g_string_append (s->csv, "\r\n");
  if (s->csv->len >= 65536)
    {
      gboolean ok = _stance_json_flush_to_stream (s->csv->str, s->csv->len, &s->out, error);

      g_string_truncate (s->csv, 0);
      return ok;
    }
  return TRUE;
}

/**
 * stance_graph_export_table:
 * @self: a graph
 * @table: a table from [func@Stance.Graph.list_export_tables], such as
 *   `statements` or `contradictions`
 * @format: `csv` (RFC 4180, UTF-8, a header row, CRLF line ends) or `jsonl`
 *   (JSON Lines: one object per row, members named after the columns)
 * @stream: where to write
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Writes one table of @self, row by row, so that memory does not grow with
 * the graph.  An absent value is an empty field in CSV and `null` in JSON
 * Lines.  The columns are those of
 * [func@Stance.Graph.list_export_columns], as the "Exporters" chapter of
 * the manual documents them.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_VALUE for an
 *   unknown table or format, or the stream's error
 *
 * Since: 1.2
 */
gboolean
stance_graph_export_table (StanceGraph    *self,
                           const char     *table,
                           const char     *format,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  StreamSink s = { { stream_row }, NULL, { stream, cancellable }, NULL, { 0 }, FALSE };
  StanceStore *store;
  gboolean ok;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((s.table = find_table (table)) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) table_names);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "unknown table \"%s\" (tables: %s)",
                   g_utf8_validate (table, -1, NULL) ? table : "?", known);
      return FALSE;
    }
  if (strcmp (format, "csv") != 0 && strcmp (format, "jsonl") != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "unknown table format \"%s\" (csv or jsonl)", g_utf8_validate (format, -1, NULL) ? format : "?");
      return FALSE;
    }

  store = _stance_graph_get_store (self);
  s.is_json = strcmp (format, "jsonl") == 0;
  if (s.is_json)
    {
      _stance_json_writer_init (&s.json, 65536 + 4096, TRUE);
      _stance_json_writer_set_flush (&s.json, _stance_json_flush_to_stream, &s.out);
      ok = s.table->rows (store, &s.sink, error);
      if (!_stance_json_writer_finish (&s.json, ok ? error : NULL))
        ok = FALSE;
      return ok;
    }

  s.csv = g_string_sized_new (65536 + 4096);
  for (guint i = 0; s.table->columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s.csv, ',');
      g_string_append (s.csv, s.table->columns[i]);
    }
  g_string_append (s.csv, "\r\n");
  ok = s.table->rows (store, &s.sink, error);
  if (ok && s.csv->len > 0)
    ok = _stance_json_flush_to_stream (s.csv->str, s.csv->len, &s.out, error);
  g_string_free (s.csv, TRUE);
  return ok;
}

/* ---- SQLite ------------------------------------------------------------ */

typedef struct
{
  Sink          sink;
  const Table  *table;
  sqlite3      *db;
  sqlite3_stmt *insert;
} DbSink;

static gboolean
db_error (sqlite3     *db,
          const char  *filename,
          GError     **error)
{
  g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "%s: %s", filename,
               db != NULL ? sqlite3_errmsg (db) : "cannot open the database");
  return FALSE;
}

static gboolean
db_row (Sink        *sink,
        const Value *values,
        GError     **error)
{
  DbSink *d = (DbSink *) sink;

  sqlite3_reset (d->insert);
  for (guint i = 0; d->table->columns[i] != NULL; i++)
    {
      if (values[i].is_number)
        sqlite3_bind_int64 (d->insert, i + 1, values[i].number);
      else if (values[i].text != NULL)
        sqlite3_bind_text (d->insert, i + 1, values[i].text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (d->insert, i + 1);
    }
  if (sqlite3_step (d->insert) != SQLITE_DONE)
    return db_error (d->db, "insert", error);
  return TRUE;
}

/**
 * stance_graph_export_sqlite:
 * @self: a graph
 * @filename: (type filename): the database file to write
 * @error: return location for an error
 *
 * Writes @self as an SQLite database with one table per table of
 * [func@Stance.Graph.list_export_tables], with the same columns (integers
 * as INTEGER, everything else as TEXT, absent values as NULL).  The
 * database is written to a temporary file beside @filename and renamed over
 * it, so that a reader never sees half a database.  `contradictions.sql`,
 * installed in libstance's data directory, finds the contradictions of SPEC
 * §3 from these tables in standard SQL.
 *
 * Returns: %TRUE on success; %FALSE with an error if the file could not be
 *   written
 *
 * Since: 1.2
 */
gboolean
stance_graph_export_sqlite (StanceGraph  *self,
                            const char   *filename,
                            GError      **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *db = NULL;
  StanceStore *store;
  gboolean ok = FALSE;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = _stance_graph_get_store (self);
  tmp = g_strdup_printf ("%s.tmp-%u", filename, g_random_int ());
  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      db_error (db, filename, error);
      goto out;
    }
  if (sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      db_error (db, filename, error);
      goto out;
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      const Table *table = &tables[t];
      g_autoptr(GString) create = g_string_new (NULL);
      g_autoptr(GString) insert = g_string_new (NULL);
      DbSink d = { { db_row }, table, db, NULL };
      gboolean rows_ok;

      g_string_append_printf (create, "CREATE TABLE %s (", table->name);
      g_string_append_printf (insert, "INSERT INTO %s VALUES (", table->name);
      for (guint i = 0; table->columns[i] != NULL; i++)
        {
          g_string_append_printf (create, "%s%s %s", i ? ", " : "", table->columns[i],
                                  table->types[i] == 'I' ? "INTEGER" : "TEXT");
          g_string_append_printf (insert, "%s?", i ? ", " : "");
        }
      g_string_append (create, ")");
      g_string_append (insert, ")");
      if (sqlite3_exec (db, create->str, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, insert->str, -1, &d.insert, NULL) != SQLITE_OK)
        {
          db_error (db, filename, error);
          goto out;
        }
      rows_ok = table->rows (store, &d.sink, error);
      sqlite3_finalize (d.insert);
      if (!rows_ok)
        goto out;
    }
  if (sqlite3_exec (db,
                    "CREATE INDEX stances_target ON stances (target, holder);"
                    "CREATE UNIQUE INDEX statements_id ON statements (id);"
                    "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      db_error (db, filename, error);
      goto out;
    }
  if (sqlite3_close (db) != SQLITE_OK)
    {
      db_error (db, filename, error);
      db = NULL;
      goto out;
    }
  db = NULL;
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", filename, g_strerror (saved));
      goto out;
    }
  ok = TRUE;

out:
  if (db != NULL)
    sqlite3_close (db);
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* ---- AIF --------------------------------------------------------------- */

/* "pure-questioning" -> "Pure Questioning": the illocution a kind that the
 * AIF importer made was named after.  The built-in kinds have their nearest
 * illocutions. */
static char *
illocution_of_kind (const char *kind)
{
  static const char *const builtin[][2] = {
    { "proposes", "Asserting" }, { "endorses", "Agreeing" }, { "supports", "Agreeing" },
    { "confirms", "Restating" }, { "opposes", "Disagreeing" }, { "rejects", "Disagreeing" },
    { "denies", "Disagreeing" }, { "retracts", "Withdrawing" }, { "questions", "Pure Questioning" },
    { "comments", "Default Illocuting" },
  };
  GString *out;
  gboolean start = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (strcmp (kind, builtin[i][0]) == 0)
      return g_strdup (builtin[i][1]);
  out = g_string_new (NULL);
  for (const char *p = kind; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          g_string_append_c (out, ' ');
          start = TRUE;
          continue;
        }
      g_string_append_c (out, start ? g_ascii_toupper (*p) : *p);
      start = FALSE;
    }
  return g_string_free (out, FALSE);
}

static void
aif_node (StanceJsonWriter *w,
          const char       *id,
          const char       *text,
          const char       *type)
{
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_begin_object (w);
  _stance_json_writer_member_string (w, "nodeID", id);
  _stance_json_writer_item (w, "text");
  _stance_json_writer_string (w, text != NULL ? text : "");
  _stance_json_writer_member_string (w, "type", type);
  _stance_json_writer_end_object (w);
}

static void
aif_edge (StanceJsonWriter *w,
          guint            *n,
          const char       *from,
          const char       *to)
{
  _stance_json_writer_item (w, NULL);
  _stance_json_writer_begin_object (w);
  _stance_json_writer_item (w, "edgeID");
  _stance_json_writer_int (w, ++*n);
  _stance_json_writer_member_string (w, "fromID", from);
  _stance_json_writer_member_string (w, "toID", to);
  _stance_json_writer_end_object (w);
}

/* The participant number of an actor `participant-N`, or -1. */
static gint64
participant_number (const char *id)
{
  const char *digits;
  char *end;
  gint64 n;

  if (!g_str_has_prefix (id, "participant-"))
    return -1;
  digits = id + strlen ("participant-");
  if (!g_ascii_isdigit (*digits) || (digits[0] == '0' && digits[1] != '\0'))
    return -1;
  n = g_ascii_strtoll (digits, &end, 10);
  return *end == '\0' && n >= 0 && n < G_MAXINT32 ? n : -1;
}

/* Whether the AIF importer took this statement's speaker from its words
 * ("Bob: …") or had none: then the statement needs no locution. */
static gboolean
speaker_in_text (StanceStore *store,
                 guint32      statement)
{
  guint32 speaker = _stance_store_statement_speaker (store, statement);
  const char *text = _stance_store_statement_text (store, statement);
  g_autofree char *prefix = g_strconcat (_stance_store_actor_name (store, speaker), ": ", NULL);

  if (text == NULL)
    text = "";
  if (strcmp (_stance_store_actor_id (store, speaker), "unknown-speaker") == 0)
    return TRUE;
  if (participant_number (_stance_store_actor_id (store, speaker)) >= 0)
    return FALSE;
  while (*text == '|')
    text++;
  return g_str_has_prefix (text, prefix);
}

/**
 * stance_graph_export_aif:
 * @self: a graph
 * @stream: where to write
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Writes @self as an AIF map (JSON, as OVA reads it): claims as I-nodes,
 * statements as L-nodes with a locution of their speaker (a participant)
 * and their time as its start, each stance of a statement on a claim as a
 * YA node from the L-node to the I-node, named after the kind ("Pure
 * Questioning" for `pure-questioning`; the built-in kinds as their nearest
 * illocution: `proposes` as "Asserting" …).  Attributed stances and stances
 * on actors or statements have no place in AIF and are left out.  What the
 * AIF importer read comes back as it was: its locutions, speakers,
 * propositions and stances.
 *
 * Returns: %TRUE on success; %FALSE with the stream's error
 *
 * Since: 1.2
 */
gboolean
stance_graph_export_aif (StanceGraph    *self,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  StreamSink s = { { NULL }, NULL, { stream, cancellable }, NULL, { 0 }, TRUE };
  StanceJsonWriter *w = &s.json;
  StanceStore *store;
  g_autofree gint64 *pid = NULL;
  gint64 next_pid = 0;
  guint n_edges = 0;
  g_autoptr(GHashTable) used = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = _stance_graph_get_store (self);

  /* Participant numbers: kept for actors `participant-N`, new ones after
   * the largest for actors that speak a statement needing a locution. */
  pid = g_new0 (gint64, _stance_store_n_actors (store) + 1);
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    next_pid = MAX (next_pid, participant_number (_stance_store_actor_id (store, i)));
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    pid[i] = participant_number (_stance_store_actor_id (store, i));
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      guint32 speaker = _stance_store_statement_speaker (store, i);

      if (pid[speaker] < 0 && !speaker_in_text (store, i))
        pid[speaker] = ++next_pid;
    }

  _stance_json_writer_init (w, 65536 + 4096, FALSE);
  _stance_json_writer_set_flush (w, _stance_json_flush_to_stream, &s.out);
  _stance_json_writer_begin_object (w);
  _stance_json_writer_item (w, "AIF");
  _stance_json_writer_begin_object (w);

  _stance_json_writer_item (w, "nodes");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < _stance_store_n_claims (store); i++)
    aif_node (w, _stance_store_claim_id (store, i), _stance_store_claim_text (store, i), "I");
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      aif_node (w, _stance_store_statement_id (store, i), _stance_store_statement_text (store, i), "L");
      _stance_json_writer_flush (w, 65536);
    }
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      STANCE_STORE_FOREACH_STANCE_OF (store, i, stance)
        {
          g_autofree char *id = NULL;
          g_autofree char *text = NULL;

          if (_stance_store_stance_is_attributed (store, stance) ||
              stance_ref_sort (_stance_store_stance_target (store, stance)) != STANCE_SORT_CLAIM)
            continue;
          /* Numbered from 1, as the stance's position in the whole graph. */
          id = g_strdup_printf ("ya-%u", stance + 1);
          while (_stance_store_lookup (store, id) != STANCE_NONE)
            {
              char *longer = g_strconcat (id, "'", NULL);

              g_free (id);
              id = longer;
            }
          text = illocution_of_kind (_stance_store_kind_name (store, _stance_store_stance_kind (store, stance)));
          aif_node (w, id, text, "YA");
          g_hash_table_insert (used, GUINT_TO_POINTER (stance + 1), g_steal_pointer (&id));
        }
    }
  _stance_json_writer_end_array (w);

  _stance_json_writer_item (w, "edges");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      STANCE_STORE_FOREACH_STANCE_OF (store, i, stance)
        {
          const char *ya = g_hash_table_lookup (used, GUINT_TO_POINTER (stance + 1));

          if (ya == NULL)
            continue;
          aif_edge (w, &n_edges, _stance_store_statement_id (store, i), ya);
          aif_edge (w, &n_edges, ya, ref_id (store, _stance_store_stance_target (store, stance)));
        }
      _stance_json_writer_flush (w, 65536);
    }
  _stance_json_writer_end_array (w);

  _stance_json_writer_item (w, "locutions");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < _stance_store_n_statements (store); i++)
    {
      guint32 speaker = _stance_store_statement_speaker (store, i);
      char time[STANCE_TIME_FORMAT_SIZE];

      if (pid[speaker] < 0)
        continue;
      _stance_time_format (_stance_store_statement_time (store, i), time);
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_member_string (w, "nodeID", _stance_store_statement_id (store, i));
      _stance_json_writer_item (w, "personID");
      _stance_json_writer_int (w, pid[speaker]);
      _stance_json_writer_member_string (w, "start", time);
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);

  _stance_json_writer_item (w, "participants");
  _stance_json_writer_begin_array (w);
  for (guint i = 0; i < _stance_store_n_actors (store); i++)
    {
      if (pid[i] < 0)
        continue;
      _stance_json_writer_item (w, NULL);
      _stance_json_writer_begin_object (w);
      _stance_json_writer_item (w, "participantID");
      _stance_json_writer_int (w, pid[i]);
      _stance_json_writer_member_string (w, "firstname", _stance_store_actor_name (store, i));
      _stance_json_writer_member_string (w, "surname", "");
      _stance_json_writer_end_object (w);
    }
  _stance_json_writer_end_array (w);

  _stance_json_writer_end_object (w);
  _stance_json_writer_end_object (w);
  _stance_json_writer_end_line (w);
  return _stance_json_writer_finish (w, error);
}
