/* stance-importer-events.c: CAMEO-coded event data (ICEWS, GDELT)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One statement per event, by its source actor, on its date, with one stance
 * on its target actor whose kind comes from the event's CAMEO code or name
 * through the table below (doc/importers.md prints it).  Verbal cooperation
 * and verbal conflict are stances; everything else (consultations, visits,
 * aid, force …) `comments`: it happened, but it says no position.
 *
 * Three layouts, found from the first row (dialect=auto):
 *  - icews: the four TAB-separated columns of the ICEWS05-15 research
 *    splits: source, event text, target, date (no header);
 *  - icews with a header: Dataverse's ICEWS files ("Event ID", "Event
 *    Date", "Source Name", "Event Text", "CAMEO Code", "Target Name" …);
 *  - gdelt: GDELT 1.0 (58 columns) or 2.0 (61) event files: Actor1Name,
 *    Actor2Name, EventCode, SQLDATE, GLOBALEVENTID, SOURCEURL.
 */

#include "config.h"

#include <string.h>

#include "stance-importer-private.h"

typedef struct { StanceImporter parent_instance; } StanceEventsImporter;
typedef struct { StanceImporterClass parent_class; } StanceEventsImporterClass;

G_DEFINE_TYPE (StanceEventsImporter, _stance_events_importer, STANCE_TYPE_IMPORTER)

static const StanceImporterOption events_options[] = {
  { "dialect", "auto", "icews (source, event, target, date), gdelt (GDELT 1.0/2.0 event files) or auto" },
  { "neutral", "keep", "events that take no position: keep (as comments) or drop" },
  { NULL }
};

typedef struct
{
  const char *code;  /* CAMEO code; a prefix covers its sub-codes */
  const char *name;  /* the CAMEO / ICEWS event text */
  const char *kind;
} CameoEntry;

/* The CAMEO codes that take a position on the target, longest first where
 * they nest.  Anything else is `comments`. */
static const CameoEntry cameo[] = {
  { "019", "Express accord", "supports" },
  { "051", "Praise or endorse", "endorses" },
  { "052", "Defend verbally", "supports" },
  { "053", "Rally support on behalf of", "supports" },
  { "054", "Grant diplomatic recognition", "supports" },
  { "056", "Forgive", "supports" },
  { "057", "Sign formal agreement", "supports" },
  { "110", "Disapprove", "opposes" },
  { "111", "Criticize or denounce", "opposes" },
  { "1121", "Accuse of crime, corruption", "opposes" },
  { "1122", "Accuse of human rights abuses", "opposes" },
  { "1123", "Accuse of aggression", "opposes" },
  { "1124", "Accuse of war crimes", "opposes" },
  { "1125", "Accuse of espionage, treason", "opposes" },
  { "112", "Accuse", "opposes" },
  { "113", "Rally opposition against", "opposes" },
  { "114", "Complain officially", "opposes" },
  { "115", "Bring lawsuit against", "opposes" },
  { "116", "Find guilty or liable (legally)", "opposes" },
  { "12", "Reject", "rejects" },
  { "13", "Threaten", "opposes" },
  { "14", "Protest", "opposes" },
  { "16", "Reduce relations", "opposes" },
};

/* ICEWS writes the CAMEO name of the event, not its code; the names of the
 * sub-codes of 12, 13, 14 and 16 begin with these words. */
static const CameoEntry icews_prefixes[] = {
  { "12", "Reject", "rejects" },
  { "12", "Refuse to", "rejects" },
  { "128", "Defy norms, law", "rejects" },
  { "129", "Veto", "rejects" },
  { "13", "Threaten", "opposes" },
  { "14", "Demonstrate", "opposes" },
  { "14", "Protest", "opposes" },
  { "14", "Conduct strike or boycott", "opposes" },
  { "14", "Conduct hunger strike", "opposes" },
  { "14", "Engage in political dissent", "opposes" },
  { "14", "Engage in violent protest", "opposes" },
  { "16", "Reduce or break", "opposes" },
  { "16", "Reduce or stop", "opposes" },
  { "16", "Halt negotiations", "opposes" },
  { "16", "Halt mediation", "opposes" },
  { "16", "Expel or withdraw", "opposes" },
};

static const char *
kind_of_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (cameo); i++)
    if (g_str_has_prefix (code, cameo[i].code))
      return cameo[i].kind;
  return "comments";
}

static const char *
kind_of_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cameo); i++)
    if (g_ascii_strcasecmp (name, cameo[i].name) == 0)
      return cameo[i].kind;
  for (guint i = 0; i < G_N_ELEMENTS (icews_prefixes); i++)
    if (g_ascii_strncasecmp (name, icews_prefixes[i].name, strlen (icews_prefixes[i].name)) == 0)
      return icews_prefixes[i].kind;
  return "comments";
}

typedef enum { DIALECT_ICEWS, DIALECT_ICEWS_HEADER, DIALECT_GDELT } Dialect;

static gboolean
stance_events_import_stream (StanceImporter *self,
                             StanceGraph    *graph,
                             GInputStream   *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  const char *dialect_opt = stance_importer_get_option (self, "dialect");
  const char *neutral = stance_importer_get_option (self, "neutral");
  g_autoptr(StanceCsvReader) reader = _stance_csv_reader_new (stream, '\t', FALSE);
  StanceImportIds ids;
  GPtrArray *row;
  GError *local = NULL;
  Dialect dialect = DIALECT_ICEWS;
  /* columns: id, date, source, event text, CAMEO code, target, url */
  int c_id = -1, c_date = 3, c_source = 0, c_text = 1, c_code = -1, c_target = 2, c_url = -1;
  guint n_columns = 4;
  gboolean first = TRUE, keep_neutral, ok = FALSE;

  if (g_strcmp0 (dialect_opt, "auto") != 0 && g_strcmp0 (dialect_opt, "icews") != 0 &&
      g_strcmp0 (dialect_opt, "gdelt") != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "option dialect: \"%s\" is not auto, icews or gdelt", dialect_opt ? dialect_opt : "");
      return FALSE;
    }
  if (g_strcmp0 (neutral, "keep") != 0 && g_strcmp0 (neutral, "drop") != 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "option neutral: \"%s\" is not keep or drop", neutral ? neutral : "");
      return FALSE;
    }
  keep_neutral = strcmp (neutral, "keep") == 0;

  _stance_import_ids_init (&ids, graph);
  while (_stance_csv_reader_next (reader, &row, cancellable, &local))
    {
      guint64 r = _stance_csv_reader_row (reader);
      const char *source, *target, *kind, *date;
      g_autofree char *id = NULL;
      g_autofree char *time = NULL;
      int bad = -1;

      if (first)
        {
          first = FALSE;
          if (row->len > 0 && strcmp (row->pdata[0], "Event ID") == 0 && strcmp (dialect_opt, "gdelt") != 0)
            {
              const char *need[] = { "Event Date", "Source Name", "Event Text", "Target Name" };
              int *cols[] = { &c_date, &c_source, &c_text, &c_target };

              dialect = DIALECT_ICEWS_HEADER;
              for (guint i = 0; i < G_N_ELEMENTS (need); i++)
                if ((*cols[i] = _stance_csv_find_column (row, need[i])) < 0)
                  {
                    g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER,
                                 "row 1: no column \"%s\" in the ICEWS header", need[i]);
                    goto out;
                  }
              c_id = 0;
              c_code = _stance_csv_find_column (row, "CAMEO Code");
              n_columns = row->len;
              continue;
            }
          if (strcmp (dialect_opt, "gdelt") == 0 ||
              (strcmp (dialect_opt, "auto") == 0 && (row->len == 58 || row->len == 61)))
            {
              if (row->len != 58 && row->len != 61)
                {
                  g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX,
                               "row %" G_GUINT64_FORMAT ": %u columns, but GDELT events have 58 (1.0) or 61 (2.0)",
                               r, row->len);
                  goto out;
                }
              dialect = DIALECT_GDELT;
              n_columns = row->len;
              c_id = 0, c_date = 1, c_source = 6, c_target = 16, c_code = 26, c_text = -1;
              c_url = row->len - 1;
            }
        }

      if (row->len != n_columns)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX,
                       "row %" G_GUINT64_FORMAT ": %u columns, expected %u (%s)", r, row->len, n_columns,
                       dialect == DIALECT_GDELT ? "GDELT" : "ICEWS: source, event, target, date");
          goto out;
        }

      if (c_code >= 0 && *(const char *) row->pdata[c_code] != '\0')
        kind = kind_of_code (row->pdata[c_code]);
      else
        kind = c_text >= 0 ? kind_of_name (row->pdata[c_text]) : "comments";
      if (!keep_neutral && strcmp (kind, "comments") == 0)
        continue;

      date = row->pdata[c_date];
      if (dialect == DIALECT_GDELT)
        {
          /* SQLDATE: YYYYMMDD */
          if (strlen (date) == 8 && strspn (date, "0123456789") == 8)
            time = g_strdup_printf ("%.4s-%.2s-%.2s", date, date + 4, date + 6);
          else
            {
              g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME, "\"%s\" is not a date YYYYMMDD", date);
              bad = c_date;
            }
        }
      else if ((time = _stance_import_time (date, error)) == NULL)
        bad = c_date;

      if (bad < 0)
        {
          if (dialect == DIALECT_GDELT)
            id = g_strdup_printf ("gdelt-%s", (const char *) row->pdata[c_id]);
          else if (c_id >= 0)
            id = g_strdup_printf ("icews-%s", (const char *) row->pdata[c_id]);
          else
            id = g_strdup_printf ("event-%" G_GUINT64_FORMAT, r);
          id = _stance_import_statement_id (&ids, id, error);

          if (id == NULL)
            bad = c_id >= 0 ? c_id : 0;
          else if ((source = _stance_import_actor (&ids, row->pdata[c_source], row->pdata[c_source],
                                              STANCE_ACTOR_KIND_OTHER, error)) == NULL)
            bad = c_source;
          else if ((target = _stance_import_actor (&ids, row->pdata[c_target], row->pdata[c_target],
                                                   STANCE_ACTOR_KIND_OTHER, error)) == NULL)
            bad = c_target;
          else if (!stance_graph_append_statement (graph, id, source, time,
                                                   c_text >= 0 ? row->pdata[c_text] : row->pdata[c_code], NULL,
                                                   c_url >= 0 && *(const char *) row->pdata[c_url] ? row->pdata[c_url] : NULL,
                                                   error))
            bad = c_id >= 0 ? c_id : c_source;
          else if (!stance_graph_append_stance (graph, id, kind, target, NULL, error))
            bad = c_target;
        }
      if (bad >= 0)
        {
          g_prefix_error (error, "row %" G_GUINT64_FORMAT ", column %d: ", r, bad + 1);
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
_stance_events_importer_class_init (StanceEventsImporterClass *klass)
{
  STANCE_IMPORTER_CLASS (klass)->read_stream = stance_events_import_stream;
  _stance_importer_class_setup (STANCE_IMPORTER_CLASS (klass), "events", events_options);
}

static void
_stance_events_importer_init (StanceEventsImporter *self)
{
}
