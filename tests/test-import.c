/* test-import.c: the importers and exporters on real data and bad input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *  - DNA: the sample database and its CSV export give the same graph;
 *  - AIF: the OVA and synthetic maps import, and AIF -> graph -> AIF ->
 *    graph gives the same graph (locutions, speakers, propositions,
 *    stances);
 *  - RumourEval: the data README's reading, with its 43 reversals;
 *  - ICEWS: every event, with the CAMEO table's kinds;
 *  - CSV: a table with a kind map, quoted fields and attributions;
 *  - every file of tests/data/import-invalid/FORMAT is refused, from a file
 *    and from a stream, with the located error of FILE.error;
 *  - the table exporters: RFC 4180 quoting, JSON Lines, the columns.
 *
 * The real data sets are read from $STANCE_SHARED_DATA and skipped where
 * absent.
 */

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "stance-error.h"
#include "stance-exporter.h"
#include "stance-graph.h"
#include "stance-importer.h"

static char *
shared (const char *relative)
{
  const char *dir = g_getenv ("STANCE_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static StanceGraph *
import_file (const char  *format,
             const char  *path,
             const char  *const *options)
{
  g_autoptr(StanceImporter) importer = stance_importer_for_format (format, NULL);
  g_autoptr(GError) error = NULL;
  StanceGraph *graph;

  g_assert_nonnull (importer);
  for (guint i = 0; options != NULL && options[i] != NULL; i += 2)
    {
      stance_importer_set_option (importer, options[i], options[i + 1], &error);
      g_assert_no_error (error);
    }
  graph = stance_importer_import_file (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static guint
count_kind (StanceGraph             *graph,
            StanceContradictionKind  kind)
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);

      n += stance_contradiction_get_kind (c) == kind;
    }
  return n;
}

static gboolean
time_is (gpointer     statement,
         const char  *expected)
{
  g_autofree char *time = stance_statement_dup_time_string (STANCE_STATEMENT (statement));

  return g_strcmp0 (time, expected) == 0;
}

static void
test_formats (void)
{
  const char * const *formats = stance_importer_list_formats ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceImporter) bad = stance_importer_for_format ("xml", &error);
  g_autoptr(StanceImporter) csv = stance_importer_for_format ("csv", NULL);

  g_assert_cmpuint (g_strv_length ((char **) formats), ==, 5);
  g_assert_null (bad);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (stance_importer_get_format (csv), ==, "csv");
  g_assert_cmpstr (stance_importer_get_option (csv, "speaker"), ==, "speaker");
  g_assert_nonnull (stance_importer_describe_option (csv, "kind-map"));
  g_assert_false (stance_importer_set_option (csv, "colour", "red", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(StanceImporter) importer = stance_importer_for_format (formats[i], NULL);

      g_assert_cmpstr (stance_importer_get_format (importer), ==, formats[i]);
    }
}

static void
test_dna (void)
{
  g_autofree char *db = shared ("dna-sample/sample.dna");
  g_autofree char *csv = shared ("dna-sample/statements.csv");
  const char *plain[] = { "excerpt", "no", NULL };
  g_autoptr(StanceGraph) from_db = NULL;
  g_autoptr(StanceGraph) from_csv = NULL;
  g_autoptr(StanceGraph) with_text = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(StanceNode) s1 = NULL;
  g_autoptr(StanceNode) person = NULL;

  if (db == NULL || csv == NULL)
    {
      g_test_skip ("the DNA sample is not in $STANCE_SHARED_DATA/dna-sample");
      return;
    }
  from_db = import_file ("dna", db, plain);
  from_csv = import_file ("dna", csv, NULL);
  a = stance_graph_save_to_data (from_db, NULL);
  b = stance_graph_save_to_data (from_csv, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (stance_graph_get_n_statements (from_db), ==, 40);
  g_assert_cmpuint (stance_graph_get_n_stances (from_db), ==, 40);
  g_assert_cmpuint (stance_graph_get_n_claims (from_db), ==, 6);

  /* By default the database also gives the coded words. */
  with_text = import_file ("dna", db, NULL);
  s1 = stance_graph_lookup (with_text, "dna-1");
  g_assert_nonnull (stance_statement_get_text (STANCE_STATEMENT (s1)));
  g_assert_cmpstr (stance_statement_get_source (STANCE_STATEMENT (s1)), ==, "document 1");
  person = stance_graph_lookup (with_text, "joel-bluestein");
  g_assert_true (STANCE_IS_ACTOR (person));
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (STANCE_ACTOR (person));

    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpstr (stance_actor_get_name (groups->pdata[0]), ==, "Energy and Environmental Analysis, Inc.");
  }
}

static void
test_dna_person_meta (void)
{
  g_autofree char *csv = shared ("dna-sample/statements.csv");
  const char *options[] = { "person-as", "meta", NULL };
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) s = NULL;
  g_autoptr(StanceNode) person = NULL;
  JsonNode *meta;

  if (csv == NULL)
    {
      g_test_skip ("the DNA sample is not in $STANCE_SHARED_DATA/dna-sample");
      return;
    }
  graph = import_file ("dna", csv, options);
  s = stance_graph_lookup (graph, "dna-6");
  meta = stance_node_get_meta (s);
  g_assert_nonnull (meta);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (meta), "person"), ==, "George Voinovich");
  person = stance_graph_lookup (graph, "george-voinovich");
  g_assert_null (person);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 7);
}

static StanceGraph *
aif_round_trip (StanceGraph *graph)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("aif", NULL);
  StanceGraph *again;

  g_assert_true (stance_graph_export_aif (graph, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  again = stance_importer_import_data (importer, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), &error);
  g_assert_no_error (error);
  return again;
}

static void
test_aif (gconstpointer data)
{
  const char *name = data;
  g_autofree char *relative = g_strconcat ("aif/", name, NULL);
  g_autofree char *path = shared (relative);
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) again = NULL;
  g_autofree char *a = NULL, *b = NULL;

  if (path == NULL)
    {
      g_test_skip ("the AIF maps are not in $STANCE_SHARED_DATA/aif");
      return;
    }
  graph = import_file ("aif", path, NULL);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), >, 0);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), >, 0);
  again = aif_round_trip (graph);
  a = stance_graph_save_to_data (graph, NULL);
  b = stance_graph_save_to_data (again, NULL);
  g_assert_cmpstr (a, ==, b);
}

static void
test_aif_ova_reading (void)
{
  g_autofree char *path = shared ("aif/ova-28111.json");
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) by_locution = NULL;
  g_autoptr(StanceNode) by_text = NULL;
  g_autoptr(StanceNode) unlisted = NULL;

  if (path == NULL)
    {
      g_test_skip ("the AIF maps are not in $STANCE_SHARED_DATA/aif");
      return;
    }
  graph = import_file ("aif", path, NULL);
  /* 24 L-nodes, 14 I-nodes; 16 participants, and the speakers named in
   * the L-nodes without a locution. */
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 24);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 14);
  by_locution = stance_graph_lookup (graph, "59_169592100787552656");
  g_assert_cmpstr (stance_node_get_id (STANCE_NODE (stance_statement_get_speaker (STANCE_STATEMENT (by_locution)))),
                   ==, "participant-16");
  by_text = stance_graph_lookup (graph, "2_6736212904209960058");
  g_assert_cmpstr (stance_actor_get_name (stance_statement_get_speaker (STANCE_STATEMENT (by_text))), ==, "HFC");
  g_assert_true (time_is (by_text, "0001"));
  unlisted = stance_graph_lookup (graph, "participant-1");
  g_assert_true (STANCE_IS_ACTOR (unlisted));
}

static void
test_aif_unlisted_person (void)
{
  const char *map = "{\"AIF\": {\"nodes\": [{\"nodeID\": \"1\", \"text\": \"it rains\", \"type\": \"I\"},"
                    " {\"nodeID\": \"2\", \"text\": \"it rains\", \"type\": \"L\"},"
                    " {\"nodeID\": \"3\", \"text\": \"Disagreeing\", \"type\": \"YA\"}],"
                    " \"edges\": [{\"fromID\": \"2\", \"toID\": \"3\"}, {\"fromID\": \"3\", \"toID\": \"1\"},"
                    " {\"fromID\": \"3\", \"toID\": \"99\"}],"
                    " \"locutions\": [{\"nodeID\": \"2\", \"personID\": 7, \"start\": \"2019-06-01 10:00:00\"}],"
                    " \"participants\": []}}";
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("aif", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_importer_import_data (importer, map, -1, &error);
  g_autoptr(StanceNode) s = NULL;
  g_autoptr(GPtrArray) stances = NULL;
  StancePolarity polarity;

  g_assert_no_error (error);
  s = stance_graph_lookup (graph, "2");
  g_assert_cmpstr (stance_actor_get_name (stance_statement_get_speaker (STANCE_STATEMENT (s))), ==, "participant 7");
  g_assert_true (time_is (s, "2019-06-01T10:00:00"));
  stances = stance_statement_dup_stances (STANCE_STATEMENT (s));
  g_assert_cmpuint (stances->len, ==, 1);
  g_assert_cmpstr (stance_edge_get_kind (stances->pdata[0]), ==, "disagreeing");
  g_assert_true (stance_graph_lookup_kind (graph, "disagreeing", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_NEGATIVE);
}

/* A speaker named like a node gets another id: node ids are the map's. */
static void
test_aif_speaker_id (void)
{
  const char *map = "{\"nodes\": [{\"nodeID\": \"bob\", \"text\": \"bob: hi\", \"type\": \"L\"},"
                    " {\"nodeID\": 2, \"text\": \"hi\", \"type\": \"I\"}]}";
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("aif", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_importer_import_data (importer, map, -1, &error);
  g_autoptr(StanceNode) s = NULL;

  g_assert_no_error (error);
  s = stance_graph_lookup (graph, "bob");
  g_assert_true (STANCE_IS_STATEMENT (s));
  g_assert_cmpstr (stance_node_get_id (STANCE_NODE (stance_statement_get_speaker (STANCE_STATEMENT (s)))), ==, "bob-2");
}

static void
test_rumoureval (void)
{
  g_autofree char *path = shared ("rumoureval2017/tweets.jsonl");
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) source = NULL;
  g_autoptr(GPtrArray) stances = NULL;

  if (path == NULL)
    {
      g_test_skip ("RumourEval is not in $STANCE_SHARED_DATA/rumoureval2017");
      return;
    }
  graph = import_file ("rumoureval", path, NULL);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 3085);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 297);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 4519);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 4519);
  /* The README's reading: every source tweet proposes its rumour, even the
   * ones labelled deny or comment. */
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_REVERSAL), ==, 43);
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_INCONSISTENCY), ==, 0);
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION), ==, 0);
  source = stance_graph_lookup (graph, "tweet-552783667052167168");
  stances = stance_statement_dup_stances (STANCE_STATEMENT (source));
  g_assert_cmpstr (stance_edge_get_kind (stances->pdata[0]), ==, "proposes");
  g_assert_true (time_is (source, "2015-01-07T11:07:51Z"));
}

static char *
export_string (StanceGraph *graph,
               const char  *table,
               const char  *format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (stance_graph_export_table (graph, table, format, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The next line of [*cursor, limit), NUL-terminated in place (a CR
 * before the LF dropped), or NULL at the end. */
static char *
next_line (char **cursor,
           char  *limit)
{
  char *line = *cursor, *end;

  if (line >= limit)
    return NULL;
  end = memchr (line, '\n', limit - line);
  if (end == NULL)
    end = limit;
  *end = '\0';
  if (end > line && end[-1] == '\r')
    end[-1] = '\0';
  *cursor = end + 1;
  return line;
}

static void
test_icews (void)
{
  g_autofree char *path = shared ("icews05-15/test.tsv");
  g_autoptr(StanceGraph) graph = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stances = NULL;
  gsize length;
  char *cursor, *limit;
  guint n = 0, praise = 0, endorses = 0, reject = 0, rejects = 0, opposing = 0, opposes = 0;

  if (path == NULL)
    {
      g_test_skip ("ICEWS is not in $STANCE_SHARED_DATA/icews05-15");
      return;
    }
  graph = import_file ("events", path, NULL);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  cursor = text;
  limit = text + length;
  /* Line by line by hand: g_strsplit() searches the rest of the text for
   * each line, which the sanitizers make quadratic. */
  for (char *line; (line = next_line (&cursor, limit)) != NULL;)
    {
      char *event;

      event = strchr (line, '\t');
      if (event == NULL)
        continue;
      n++;
      event++;
      praise += g_str_has_prefix (event, "Praise or endorse\t");
      reject += g_str_has_prefix (event, "Reject") || g_str_has_prefix (event, "Refuse to") ||
                g_str_has_prefix (event, "Veto\t") || g_str_has_prefix (event, "Defy norms, law\t");
      opposing += g_str_has_prefix (event, "Criticize or denounce\t") || g_str_has_prefix (event, "Accuse") ||
                  g_str_has_prefix (event, "Threaten");
    }
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, n);

  /* One stance per event, in the stances table (statement,pos,kind,…). */
  stances = export_string (graph, "stances", "csv");
  cursor = stances;
  limit = stances + strlen (stances);
  g_assert_nonnull (next_line (&cursor, limit));  /* the header */
  for (char *row; (row = next_line (&cursor, limit)) != NULL;)
    {
      g_auto(GStrv) f = g_strsplit (row, ",", 4);

      endorses += strcmp (f[2], "endorses") == 0;
      rejects += strcmp (f[2], "rejects") == 0;
      opposes += strcmp (f[2], "opposes") == 0;
    }
  g_assert_cmpuint (endorses, ==, praise);
  g_assert_cmpuint (rejects, ==, reject);
  /* Protests and reduced relations oppose too. */
  g_assert_cmpuint (opposes, >=, opposing);
  g_assert_cmpuint (opposes, <, opposing + 1000);
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_CONFLICT), >, 0);
}

static void
test_events_gdelt (void)
{
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("events", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) s = NULL;
  g_autoptr(GPtrArray) stances = NULL;

  /* One GDELT 2.0 event (61 columns): USA criticizes Russia. */
  for (guint i = 0; i < 61; i++)
    {
      const char *v = i == 0 ? "42" : i == 1 ? "20150107" : i == 6 ? "UNITED STATES" : i == 16 ? "RUSSIA" :
                      i == 26 ? "111" : i == 60 ? "https://example.org/a" : "";
      g_string_append_printf (row, "%s%s", i ? "\t" : "", v);
    }
  g_string_append_c (row, '\n');
  graph = stance_importer_import_data (importer, row->str, row->len, &error);
  g_assert_no_error (error);
  s = stance_graph_lookup (graph, "gdelt-42");
  g_assert_cmpstr (stance_statement_get_source (STANCE_STATEMENT (s)), ==, "https://example.org/a");
  g_assert_true (time_is (s, "2015-01-07"));
  stances = stance_statement_dup_stances (STANCE_STATEMENT (s));
  g_assert_cmpstr (stance_edge_get_kind (stances->pdata[0]), ==, "opposes");
  g_assert_cmpstr (stance_node_get_id (stance_edge_get_target (stances->pdata[0])), ==, "russia");
}

static void
test_csv_kind_map (void)
{
  const char *table =
    "who,when,stance,about,on behalf of,words\r\n"
    "Trump,2017-07-09,agree,cyber unit,,\"Putin & I discussed forming an \"\"impenetrable\"\" unit\"\r\n"
    "Trump,2017-07-10 08:00:00,disagree,cyber unit,,\"It can't,\nbut a ceasefire can\"\r\n"
    "Putin,2017-07,agree,cyber unit,Trump,\r\n";
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNode) s = NULL;
  const char *options[][2] = {
    { "speaker", "who" }, { "time", "when" }, { "kind", "stance" }, { "target", "about" },
    { "holder", "on behalf of" }, { "text", "words" }, { "kind-map", "agree=supports,disagree=opposes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_true (stance_importer_set_option (importer, options[i][0], options[i][1], NULL));
  graph = stance_importer_import_data (importer, table, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 3);
  s = stance_graph_lookup (graph, "row-3");
  g_assert_cmpstr (stance_statement_get_text (STANCE_STATEMENT (s)), ==, "It can't,\nbut a ceasefire can");
  g_assert_true (time_is (s, "2017-07-10T08:00:00"));
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_REVERSAL), ==, 1);
  g_assert_cmpuint (count_kind (graph, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION), ==, 1);
}

/* A value whose id is the one a row's statement would have. */
static void
test_csv_row_ids (void)
{
  const char *table = "speaker,time,kind,target\nrow 3,2017,proposes,unit\nb,2017,opposes,unit\n";
  g_autoptr(StanceImporter) importer = stance_importer_for_format ("csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_importer_import_data (importer, table, -1, &error);
  g_autoptr(StanceNode) actor = NULL;
  g_autoptr(StanceNode) statement = NULL;

  g_assert_no_error (error);
  actor = stance_graph_lookup (graph, "row-3");
  statement = stance_graph_lookup (graph, "row-3-2");
  g_assert_true (STANCE_IS_ACTOR (actor));
  g_assert_true (STANCE_IS_STATEMENT (statement));
}

static void
test_invalid (gconstpointer data)
{
  const char *path = data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *format = g_path_get_basename (dir);
  g_autofree char *expected_path = g_strconcat (path, ".error", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  g_autoptr(StanceImporter) importer = stance_importer_for_format (format, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) graph2 = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_strstrip (expected);
  graph = stance_importer_import_file (importer, path, NULL, &error);
  g_assert_null (graph);
  g_assert_nonnull (error);
  g_assert_true (error->domain == STANCE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, expected) == NULL)
    g_error ("%s: expected an error with \"%s\", got \"%s\"", path, expected, error->message);

  /* From a stream, the same error. */
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  graph2 = stance_importer_import_data (importer, bytes, length, &error2);
  g_assert_null (graph2);
  g_assert_nonnull (error2);
  g_assert_cmpstr (error2->message, ==, error->message);
}

static void
test_export_tables (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autofree char *csv = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *acts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_object_unref (stance_graph_add_actor (graph, "a,\"b\"", "A", STANCE_ACTOR_KIND_PERSON, NULL));
  g_object_unref (stance_graph_add_claim (graph, "c", "C", NULL));
  g_assert_true (stance_graph_append_statement (graph, "s1", "a,\"b\"", "2017-07-09", "one\ntwo", "en", NULL, NULL));
  g_assert_true (stance_graph_append_stance (graph, "s1", "proposes", "c", NULL, NULL));
  g_assert_true (stance_graph_append_statement (graph, "s2", "a,\"b\"", "2017-07-10", NULL, NULL, NULL, NULL));
  g_assert_true (stance_graph_append_stance (graph, "s2", "retracts", "c", NULL, NULL));

  csv = export_string (graph, "statements", "csv");
  g_assert_cmpstr (csv, ==,
                   "seq,id,speaker,time,period_start,period_end,text,lang,source,reports\r\n"
                   "0,s1,\"a,\"\"b\"\"\",2017-07-09,1499558400,1499644800,\"one\ntwo\",en,,\r\n"
                   "1,s2,\"a,\"\"b\"\"\",2017-07-10,1499644800,1499731200,,,,\r\n");
  jsonl = export_string (graph, "contradictions", "jsonl");
  g_assert_cmpstr (jsonl, ==,
                   "{\"kind\": \"reversal\", \"target\": \"c\", \"holder\": \"a,\\\"b\\\"\", \"other\": null, "
                   "\"first\": \"s1\", \"second\": \"s2\"}\n");
  acts = export_string (graph, "acts", "csv");
  g_assert_true (g_str_has_prefix (acts, "target,holder,rank,statement,pos,kind,polarity,time,period_start,period_end\r\n"
                                         "c,\"a,\"\"b\"\"\",1,s1,0,proposes,positive,"));
  for (const char * const *t = stance_graph_list_export_tables (); *t != NULL; t++)
    {
      g_autofree char *text = export_string (graph, *t, "csv");
      g_autofree char *header = g_strjoinv (",", (char **) stance_graph_list_export_columns (*t));

      g_assert_true (g_str_has_prefix (text, header));
    }
  g_assert_false (stance_graph_export_table (graph, "edges", "csv", out, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (stance_graph_export_table (graph, "acts", "xlsx", out, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
}

static int
run_tool (const char * const *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("STANCE_TOOL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, NULL));
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_tool (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "import-invalid", "csv", "bad-time.csv", NULL);
  g_autofree char *story = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("stance-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "coded.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "coded.json", NULL);
  g_autofree char *jsonl = g_build_filename (dir, "coded.jsonl", NULL);
  const char *table = "who,when,stance,about\nTrump,2017-07-09,agree,unit\nTrump,2017-07-10,disagree,unit\n";
  struct { const char *args[18]; int status; const char *out; const char *err; } cases[] = {
    { { "import", "csv", bad, NULL }, 2, "", "row 3, column 2 (time): malformed time" },
    { { "import", "xml", bad, NULL }, 2, "", "unknown import format \"xml\"" },
    { { "import", "csv", bad, "--option", "colour=red", NULL }, 2, "", "has no option \"colour\"" },
    { { "import", "dna", bad, "--speaker", "who", NULL }, 2, "", "the dna importer has no option \"speaker\"" },
    { { "import", "csv", csv, "--speaker", "who", "--time", "when", "--kind", "stance", "--target", "about",
        "--kind-map", "agree=supports,disagree=opposes", "-o", jsonl, NULL }, 0, "", "" },
    { { "check", "--json", jsonl, NULL }, 1, "\"kind\": \"reversal\"", "" },
    { { "import", "csv", csv, "--speaker", "who", "--time", "when", "--kind", "stance", "--target", "about",
        "--kind-map", "agree=supports,disagree=opposes", "-o", json, NULL }, 0, "", "" },
    { { "check", "--json", json, NULL }, 1, "\"kind\": \"reversal\"", "" },
    { { "export", story, "--table", "acts", "--format", "jsonl", NULL }, 0, "{\"target\": ", "" },
    { { "export", story, "--format", "aif", NULL }, 0, "\"AIF\": {", "" },
    { { "export", story, NULL }, 2, "", "needs --table" },
    { { "export", story, "--table", "edges", NULL }, 2, "", "unknown table 'edges'" },
    { { "export", story, "--format", "sqlite", NULL }, 2, "", "needs -o FILE.db" },
    { { "export", story, "--format", "xlsx", NULL }, 2, "", "unknown format 'xlsx'" },
    { { "export", bad, "--table", "acts", NULL }, 2, "", "bad-time.csv: " },
  };

  g_assert_true (g_file_set_contents (csv, table, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      int status = run_tool (cases[i].args, &out, &err);

      if (status != cases[i].status || strstr (out, cases[i].out) == NULL || strstr (err, cases[i].err) == NULL ||
          (*cases[i].out == '\0' && status != 0 && *out != '\0'))
        g_error ("stance %s %s: exit %d, out \"%.200s\", err \"%s\"", cases[i].args[0], cases[i].args[1],
                 status, out, err);
    }
  g_assert_true (g_file_test (jsonl, G_FILE_TEST_EXISTS));
  g_unlink (jsonl);
  g_unlink (json);
  g_unlink (csv);
  g_rmdir (dir);
}

static void
add_invalid_tests (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "import-invalid", NULL);
  const char * const *formats = stance_importer_list_formats ();

  for (guint f = 0; formats[f] != NULL; f++)
    {
      g_autofree char *dir = g_build_filename (root, formats[f], NULL);
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (d);
      while ((name = g_dir_read_name (d)) != NULL)
        if (!g_str_has_suffix (name, ".error"))
          g_ptr_array_add (names, g_strdup (name));
      g_assert_cmpuint (names->len, >=, 4);
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *test = g_strdup_printf ("/import/invalid/%s/%s", formats[f], (char *) names->pdata[i]);

          g_test_add_data_func_full (test, g_build_filename (dir, names->pdata[i], NULL), test_invalid, g_free);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/formats", test_formats);
  g_test_add_func ("/import/dna/database-and-csv", test_dna);
  g_test_add_func ("/import/dna/person-meta", test_dna_person_meta);
  g_test_add_data_func ("/import/aif/round-trip/ova-28111", "ova-28111.json", test_aif);
  g_test_add_data_func ("/import/aif/round-trip/synthetic-data", "synthetic-data.json", test_aif);
  g_test_add_func ("/import/aif/ova-reading", test_aif_ova_reading);
  g_test_add_func ("/import/aif/unlisted-person", test_aif_unlisted_person);
  g_test_add_func ("/import/aif/speaker-id", test_aif_speaker_id);
  g_test_add_func ("/import/rumoureval", test_rumoureval);
  g_test_add_func ("/import/events/icews", test_icews);
  g_test_add_func ("/import/events/gdelt", test_events_gdelt);
  g_test_add_func ("/import/csv/kind-map", test_csv_kind_map);
  g_test_add_func ("/import/csv/row-ids", test_csv_row_ids);
  g_test_add_func ("/export/tables", test_export_tables);
  g_test_add_func ("/import/tool", test_tool);
  add_invalid_tests ();
  return g_test_run ();
}
