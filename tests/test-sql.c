/* test-sql.c: libstance/sql/contradictions.sql against the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Random graphs (partial times with offsets, overlaps, attributions,
 * withdrawals, neutral and declared kinds, several stances per statement,
 * ids with commas, quotes, line breaks and non-ASCII letters) are exported
 * with stance_graph_export_sqlite(); the query, run through libsqlite3,
 * must print exactly the records of stance_graph_find_contradictions(), in
 * the same order.  Each graph is many small independent documents side by
 * side (ids prefixed per document), so that thousands of documents are
 * checked in a few databases.
 *
 * `test-sql --write-corpus DIR` writes one such graph's statements, stances
 * and kinds tables as CSV, and the expected records (each ended by a NUL
 * byte: a record may hold a line break), for the DuckDB test
 * (tests/duckdb/).
 */

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "stance-exporter.h"
#include "stance-graph.h"
#include "stance-importer-private.h"

#define DOCS_PER_GRAPH 250

/* Under AddressSanitizer the random rounds run five times slower: fewer of
 * them keep the test inside meson's timeout on a busy machine. */
#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

static const char *const builtin_kinds[] = {
  "proposes", "endorses", "supports", "confirms", "opposes", "rejects", "denies", "retracts", "questions", "comments",
};

/* Ids that test the CSV quoting and the bytewise order. */
static const char *const actor_names[] = { "a", "b", "B", "c,d", "e\"f", "ä", "g\nh", "z" };
static const char *const claim_names[] = { "x", "y", "X", "y z" };

static char *
random_time (GRand *rand)
{
  int month = g_rand_int_range (rand, 1, 4), day = g_rand_int_range (rand, 1, 6);
  int hour = g_rand_int_range (rand, 0, 24), minute = g_rand_int_range (rand, 0, 2) * 30;
  static const char *const offsets[] = { "Z", "+02:00", "-05:00", "" };
  const char *offset = offsets[g_rand_int_range (rand, 0, 4)];

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      return g_strdup ("2017");
    case 1:
      return g_strdup_printf ("2017-%02d", month);
    case 2:
    case 3:
      return g_strdup_printf ("2017-%02d-%02d", month, day);
    case 4:
      return g_strdup_printf ("2017-%02d-%02dT%02d:%02d%s", month, day, hour, minute, offset);
    case 5:
      return g_strdup_printf ("2017-%02d-%02dT%02d:%02d:%02d%s", month, day, hour, minute,
                              g_rand_int_range (rand, 0, 2) * 30, offset);
    default:
      return g_strdup_printf ("2017-%02d-%02d", month, g_rand_int_range (rand, 1, 3));
    }
}

/* One small document, its ids prefixed with "dN:", into @graph. */
static void
add_document (StanceGraph *graph,
              GRand       *rand,
              guint        doc)
{
  guint n_actors = g_rand_int_range (rand, 2, G_N_ELEMENTS (actor_names) + 1);
  guint n_claims = g_rand_int_range (rand, 1, G_N_ELEMENTS (claim_names) + 1);
  guint n_statements = g_rand_int_range (rand, 1, 14);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
    g_ptr_array_add (kinds, g_strdup (builtin_kinds[i]));
  for (guint i = 0; i < 3; i++)
    {
      char *name = g_strdup_printf ("k%u-%u", doc, i);

      g_assert_true (stance_graph_declare_kind (graph, name, (StancePolarity) g_rand_int_range (rand, 0, 4), NULL));
      g_ptr_array_add (kinds, name);
    }
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u:%s", doc, actor_names[i]);
      g_autoptr(StanceActor) a = stance_graph_add_actor (graph, id, actor_names[i], STANCE_ACTOR_KIND_PERSON, NULL);

      g_assert_nonnull (a);
    }
  for (guint i = 0; i < n_claims; i++)
    {
      char *id = g_strdup_printf ("d%u:%s", doc, claim_names[i]);
      g_autoptr(StanceClaim) c = stance_graph_add_claim (graph, id, claim_names[i], NULL);

      g_assert_nonnull (c);
      g_ptr_array_add (targets, id);
    }
  /* Now and then an actor is a target too. */
  if (g_rand_boolean (rand))
    g_ptr_array_add (targets, g_strdup_printf ("d%u:%s", doc, actor_names[0]));

  for (guint s = 0; s < n_statements; s++)
    {
      char *id = g_strdup_printf ("d%u:s%u%s", doc, s, g_rand_int_range (rand, 0, 8) == 0 ? ",\"" : "");
      g_autofree char *speaker = g_strdup_printf ("d%u:%s", doc, actor_names[g_rand_int_range (rand, 0, n_actors)]);
      g_autofree char *time = random_time (rand);
      guint n_stances = g_rand_int_range (rand, 0, 4);

      g_autoptr(GError) error = NULL;

      stance_graph_append_statement (graph, id, speaker, time, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (statements, id);
      for (guint k = 0; k < n_stances; k++)
        {
          const char *kind = kinds->pdata[g_rand_int_range (rand, 0, kinds->len)];
          const char *target = targets->pdata[g_rand_int_range (rand, 0, targets->len)];
          g_autofree char *holder = NULL;
          int h = g_rand_int_range (rand, 0, 8);

          if (h == 0)
            holder = g_strdup (speaker);  /* written out, still an act */
          else if (h <= 2)
            holder = g_strdup_printf ("d%u:%s", doc, actor_names[g_rand_int_range (rand, 0, n_actors)]);
          /* A statement as a target, rarely. */
          if (g_rand_int_range (rand, 0, 20) == 0)
            target = statements->pdata[g_rand_int_range (rand, 0, statements->len)];
          g_assert_true (stance_graph_append_stance (graph, id, kind, target, holder, NULL));
        }
    }
}

static StanceGraph *
random_graph (guint32 seed,
              guint   n_docs)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  StanceGraph *graph = stance_graph_new ();

  for (guint d = 0; d < n_docs; d++)
    add_document (graph, rand, d);
  return graph;
}

/* The library's records, as the query prints them, one per element. */
static GPtrArray *
library_records (StanceGraph *graph)
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) st = stance_contradiction_get_statements (c);
      StanceActor *other = stance_contradiction_get_other_holder (c);
      GString *line = g_string_new (stance_contradiction_kind_to_string (stance_contradiction_get_kind (c)));

      if (other == NULL)
        other = stance_contradiction_get_attributed_by (c);
      g_string_append_c (line, ',');
      _stance_csv_append_field (line, stance_node_get_id (stance_contradiction_get_target (c)));
      g_string_append_c (line, ',');
      _stance_csv_append_field (line, stance_node_get_id (STANCE_NODE (stance_contradiction_get_holder (c))));
      g_string_append_c (line, ',');
      _stance_csv_append_field (line, other != NULL ? stance_node_get_id (STANCE_NODE (other)) : "");
      g_string_append_c (line, ',');
      _stance_csv_append_field (line, stance_node_get_id (st->pdata[0]));
      g_string_append_c (line, ',');
      _stance_csv_append_field (line, stance_node_get_id (st->pdata[1]));
      g_ptr_array_add (records, g_string_free (line, FALSE));
    }
  return records;
}

static char *
read_query (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "libstance", "sql", "contradictions.sql", NULL);
  char *sql = NULL;

  g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
  return sql;
}

static GPtrArray *
sql_records (const char *db_path)
{
  g_autofree char *sql = read_query ();
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;
  g_autofree char *rest = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, &tail);
  if (rc != SQLITE_OK)
    g_error ("contradictions.sql: %s", sqlite3_errmsg (db));
  /* One statement, and nothing after it but white space. */
  rest = g_strstrip (g_strdup (tail));
  g_assert_cmpstr (rest, ==, "");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return records;
}

static void
assert_same_records (GPtrArray *expected,
                     GPtrArray *got,
                     const char *what)
{
  for (guint i = 0; i < MIN (expected->len, got->len); i++)
    if (strcmp (expected->pdata[i], got->pdata[i]) != 0)
      g_error ("%s: record %u differs:\n  library: %s\n  sql:     %s", what, i,
               (char *) expected->pdata[i], (char *) got->pdata[i]);
  g_assert_cmpuint (got->len, ==, expected->len);
}

static void
check_graph (StanceGraph *graph,
             const char  *what)
{
  g_autofree char *dir = g_dir_make_tmp ("stance-sql-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "graph.db", NULL);
  g_autoptr(GPtrArray) expected = library_records (graph);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (stance_graph_export_sqlite (graph, db, &error));
  g_assert_no_error (error);
  got = sql_records (db);
  assert_same_records (expected, got, what);
  g_unlink (db);
  g_rmdir (dir);
}

static void
test_story (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, NULL);

  g_assert_nonnull (graph);
  check_graph (graph, "the story");
}

static void
test_random (void)
{
  guint rounds = g_getenv ("STANCE_TEST_QUICK") != NULL ? 4 : SANITIZED ? 12 : 40;
  guint n_records = 0;

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(StanceGraph) graph = random_graph (1000 + r, DOCS_PER_GRAPH);
      g_autofree char *what = g_strdup_printf ("random graph %u (%u documents)", r, DOCS_PER_GRAPH);
      g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);

      check_graph (graph, what);
      n_records += g_list_model_get_n_items (found);
    }
  /* The documents must make every kind of record, or the test proves
   * little. */
  g_test_message ("%u documents, %u records", rounds * DOCS_PER_GRAPH, n_records);
  g_assert_cmpuint (n_records, >, rounds * DOCS_PER_GRAPH);
}

static void
test_kinds_covered (void)
{
  g_autoptr(StanceGraph) graph = random_graph (1000, DOCS_PER_GRAPH);
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  guint seen[4] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);

      seen[stance_contradiction_get_kind (c)]++;
    }
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (seen[k], >, 10);
}

/* As the README says: `stance export FILE --format sqlite -o FILE.db`,
 * then `sqlite3 FILE.db < contradictions.sql`, against `stance export FILE
 * --table contradictions` (the library's records as CSV). */
static void
test_sqlite3_cli (void)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *story = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
  g_autofree char *query = g_test_build_filename (G_TEST_DIST, "..", "libstance", "sql", "contradictions.sql", NULL);
  g_autofree char *dir = g_dir_make_tmp ("stance-sql-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "story.db", NULL);
  g_autofree char *out = NULL, *err = NULL, *records = NULL, *shell = NULL;
  g_autoptr(GString) expected = NULL;
  int status;

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 command is not installed");
      return;
    }
  {
    const char *argv[] = { g_getenv ("STANCE_TOOL"), "export", story, "--format", "sqlite", "-o", db, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { g_getenv ("STANCE_TOOL"), "export", story, "--table", "contradictions", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &records, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* The CSV export has a header and CRLF line ends; the query prints rows
   * with the shell's line ends. */
  expected = g_string_new (strchr (records, '\n') + 1);
  g_string_replace (expected, "\r\n", "\n", 0);
  shell = g_strdup_printf ("'%s' '%s' < '%s'", sqlite3, db, query);
  {
    const char *argv[] = { "/bin/sh", "-c", shell, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_cmpuint (expected->len, >, 100);
  g_assert_cmpstr (out, ==, expected->str);
  g_unlink (db);
  g_rmdir (dir);
}

static void
write_table (StanceGraph *graph,
             const char  *dir,
             const char  *table)
{
  g_autofree char *name = g_strconcat (table, ".csv", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (out);
  g_assert_true (stance_graph_export_table (graph, table, "csv", G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
}

static int
write_corpus (const char *dir)
{
  GString *expected = g_string_new (NULL);
  g_autofree char *path = g_build_filename (dir, "expected", NULL);
  g_autoptr(StanceGraph) graph = random_graph (4242, 4000);
  g_autoptr(GPtrArray) records = library_records (graph);

  g_mkdir_with_parents (dir, 0755);
  write_table (graph, dir, "statements");
  write_table (graph, dir, "stances");
  write_table (graph, dir, "kinds");
  for (guint i = 0; i < records->len; i++)
    g_string_append_len (expected, records->pdata[i], strlen (records->pdata[i]) + 1);
  g_assert_true (g_file_set_contents (path, expected->str, expected->len, NULL));
  g_string_free (expected, TRUE);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--write-corpus") == 0)
    return write_corpus (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sql/story", test_story);
  g_test_add_func ("/sql/kinds-covered", test_kinds_covered);
  g_test_add_func ("/sql/random", test_random);
  g_test_add_func ("/sql/sqlite3-cli", test_sqlite3_cli);
  return g_test_run ();
}
