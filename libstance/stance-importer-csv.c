/* stance-importer-csv.c: any table, with its columns mapped by options
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One statement per row (or per run of rows with the same id), by the
 * actor of the speaker column, at the time of the time column; when the
 * row has a kind, one stance of that kind (through kind-map) on the claim
 * whose text is the target column, held by the holder column's actor (the
 * speaker when empty).  See doc/importers.md.
 */

#include "config.h"

#include <string.h>

#include "stance-importer-private.h"

typedef struct { StanceImporter parent_instance; } StanceCsvImporter;
typedef struct { StanceImporterClass parent_class; } StanceCsvImporterClass;

G_DEFINE_TYPE (StanceCsvImporter, _stance_csv_importer, STANCE_TYPE_IMPORTER)

static const StanceImporterOption csv_options[] = {
  { "speaker", "speaker", "the column of the speaker (an actor, by name)" },
  { "time", "time", "the column of the time (ISO 8601, or YYYY-MM-DD HH:MM:SS in UTC)" },
  { "kind", "kind", "the column of the stance kind (a row without one is a statement without a stance)" },
  { "target", "target", "the column of the target (a claim, by its text)" },
  { "holder", "holder", "the column of the holder (an actor; empty: the speaker)" },
  { "text", "text", "the column of the statement's words" },
  { "lang", "lang", "the column of the language" },
  { "source", "source", "the column of where the statement appeared" },
  { "id", "id", "the column of the statement id (rows in a run with one id are one statement; default: row-N)" },
  { "kind-map", NULL, "values of the kind column as kinds: agree=supports,disagree=opposes" },
  { "kinds", NULL, "kinds to declare: praises=positive,mocks=negative" },
  { "delimiter", ",", "the field separator: one character, or tab" },
  { NULL }
};

/* The index of the column that an option names; -1 when the table has no
 * such column (the options with a default may be absent; named ones not). */
static gboolean
column_of (StanceImporter  *self,
           GPtrArray       *header,
           const char      *option,
           gboolean         required,
           int             *index,
           GError         **error)
{
  const char *name = stance_importer_get_option (self, option);
  const char *dflt = NULL;

  for (const StanceImporterOption *o = csv_options; o->name != NULL; o++)
    if (strcmp (o->name, option) == 0)
      dflt = o->default_value;

  *index = name != NULL ? _stance_csv_find_column (header, name) : -1;
  if (*index < 0 && name != NULL && (required || g_strcmp0 (name, dflt) != 0))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER,
                   "row 1: no column \"%s\" for --%s", name, option);
      return FALSE;
    }
  return TRUE;
}

static const char *
field (GPtrArray *row,
       int        index)
{
  return index >= 0 && (guint) index < row->len ? row->pdata[index] : "";
}

static gboolean
located (GError     **error,
         guint64      row,
         int          column,
         GPtrArray   *header)
{
  g_prefix_error (error, "row %" G_GUINT64_FORMAT ", column %d (%s): ", row, column + 1,
                  (const char *) header->pdata[column]);
  return FALSE;
}

static gboolean
stance_csv_import_stream (StanceImporter *self,
                          StanceGraph    *graph,
                          GInputStream   *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  const char *delim = stance_importer_get_option (self, "delimiter");
  g_autoptr(StanceCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) kind_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *last_id = NULL;
  StanceImportIds ids;
  GPtrArray *row;
  int c_speaker, c_time, c_kind, c_target, c_holder, c_text, c_lang, c_source, c_id;
  char delimiter;
  gboolean ok = FALSE;
  GError *local = NULL;

  if (g_strcmp0 (delim, "tab") == 0 || g_strcmp0 (delim, "\\t") == 0)
    delimiter = '\t';
  else if (delim != NULL && strlen (delim) == 1 && delim[0] != '"' && delim[0] != '\n' && delim[0] != '\r')
    delimiter = delim[0];
  else
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "option delimiter: \"%s\" is not one character or tab", delim ? delim : "");
      return FALSE;
    }

  if (!_stance_import_declare_kinds (graph, stance_importer_get_option (self, "kinds"), error))
    return FALSE;
  {
    const char *spec = stance_importer_get_option (self, "kind-map");
    g_auto(GStrv) items = spec != NULL && *spec != '\0' ? g_strsplit (spec, ",", -1) : NULL;

    for (guint i = 0; items != NULL && items[i] != NULL; i++)
      {
        const char *eq = strrchr (items[i], '=');

        if (eq == NULL || eq == items[i] || !stance_graph_lookup_kind (graph, eq + 1, NULL))
          {
            g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND,
                         "option kind-map: \"%s\" is not VALUE=KIND with a built-in or declared kind", items[i]);
            return FALSE;
          }
        g_hash_table_insert (kind_map, g_strndup (items[i], eq - items[i]), g_strdup (eq + 1));
      }
  }

  reader = _stance_csv_reader_new (stream, delimiter, TRUE);
  if ((header = _stance_csv_reader_header (reader, cancellable, error)) == NULL)
    return FALSE;

  if (!column_of (self, header, "speaker", TRUE, &c_speaker, error) ||
      !column_of (self, header, "time", TRUE, &c_time, error) ||
      !column_of (self, header, "kind", FALSE, &c_kind, error) ||
      !column_of (self, header, "target", FALSE, &c_target, error) ||
      !column_of (self, header, "holder", FALSE, &c_holder, error) ||
      !column_of (self, header, "text", FALSE, &c_text, error) ||
      !column_of (self, header, "lang", FALSE, &c_lang, error) ||
      !column_of (self, header, "source", FALSE, &c_source, error) ||
      !column_of (self, header, "id", FALSE, &c_id, error))
    return FALSE;

  _stance_import_ids_init (&ids, graph);
  while (_stance_csv_reader_next (reader, &row, cancellable, &local))
    {
      guint64 r = _stance_csv_reader_row (reader);
      const char *speaker, *kind_value, *kind = NULL, *target = NULL, *holder = NULL;
      g_autofree char *id = NULL;
      g_autofree char *time = NULL;

      if (row->len != header->len)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX,
                       "row %" G_GUINT64_FORMAT ": %u fields, but the header has %u", r, row->len, header->len);
          goto out;
        }

      id = c_id >= 0 ? g_strdup (field (row, c_id))
                     : _stance_import_statement_id (&ids, g_strdup_printf ("row-%" G_GUINT64_FORMAT, r), error);
      if (id == NULL)
        {
          g_prefix_error (error, "row %" G_GUINT64_FORMAT ": ", r);
          goto out;
        }
      if (*id == '\0')
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID, "an empty id");
          located (error, r, c_id, header);
          goto out;
        }

      if (last_id == NULL || strcmp (last_id, id) != 0)
        {
          if ((speaker = _stance_import_actor (&ids, field (row, c_speaker), field (row, c_speaker),
                                               STANCE_ACTOR_KIND_OTHER, error)) == NULL)
            {
              located (error, r, c_speaker, header);
              goto out;
            }
          if ((time = _stance_import_time (field (row, c_time), error)) == NULL)
            {
              located (error, r, c_time, header);
              goto out;
            }
          if (!stance_graph_append_statement (graph, id, speaker, time,
                                              c_text >= 0 && *field (row, c_text) ? field (row, c_text) : NULL,
                                              c_lang >= 0 && *field (row, c_lang) ? field (row, c_lang) : NULL,
                                              c_source >= 0 && *field (row, c_source) ? field (row, c_source) : NULL,
                                              error))
            {
              located (error, r, c_id >= 0 ? c_id : c_speaker, header);
              goto out;
            }
          g_free (last_id);
          last_id = g_strdup (id);
        }

      kind_value = field (row, c_kind);
      if (*kind_value == '\0')
        continue;
      kind = g_hash_table_lookup (kind_map, kind_value);
      if (kind == NULL)
        kind = kind_value;
      if (!stance_graph_lookup_kind (graph, kind, NULL))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND,
                       "unknown kind \"%s\" (map it with --kind-map VALUE=KIND, or declare it with --kinds)", kind);
          located (error, r, c_kind, header);
          goto out;
        }
      if (*field (row, c_target) == '\0')
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "a stance without a target");
          located (error, r, c_target >= 0 ? c_target : c_kind, header);
          goto out;
        }
      if ((target = _stance_import_claim (&ids, field (row, c_target), field (row, c_target), error)) == NULL)
        {
          located (error, r, c_target, header);
          goto out;
        }
      if (*field (row, c_holder) != '\0' &&
          (holder = _stance_import_actor (&ids, field (row, c_holder), field (row, c_holder),
                                          STANCE_ACTOR_KIND_OTHER, error)) == NULL)
        {
          located (error, r, c_holder, header);
          goto out;
        }
      if (!stance_graph_append_stance (graph, id, kind, target, holder, error))
        {
          located (error, r, c_kind, header);
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
  _stance_import_ids_clear (&ids);
  return ok;
}

static void
_stance_csv_importer_class_init (StanceCsvImporterClass *klass)
{
  STANCE_IMPORTER_CLASS (klass)->read_stream = stance_csv_import_stream;
  _stance_importer_class_setup (STANCE_IMPORTER_CLASS (klass), "csv", csv_options);
}

static void
_stance_csv_importer_init (StanceCsvImporter *self)
{
}
