/* test-snapshot.c: binary snapshots round-trip, stay editable, and refuse
 * every corrupt file cleanly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <glib/gstdio.h>

#include <libstance/stance.h>

#include "stance-graph-private.h"
#include "stance-snapshot-private.h"
#include "stance-store-private.h"

#include "test-catalogue.h"

static char *
examples_path (const char *name)
{
  const char *dir = g_getenv ("STANCE_EXAMPLES");

  if (dir != NULL)
    return g_build_filename (dir, "data", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "examples", "data", name, NULL);
}

static char *
document_of (StanceGraph *graph)
{
  gsize length;

  return stance_graph_save_to_data (graph, &length);
}

/* Every contradiction, described, in the list's order. */
static char *
contradictions_of (StanceGraph *graph)
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autofree char *text = stance_contradiction_describe (c);

      g_string_append_printf (out, "%s\n", text);
    }

  return g_string_free (out, FALSE);
}

/* A fresh path in the test's temporary folder. */
static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("test-snapshot-XXXXXX", &error);
      g_assert_no_error (error);
    }

  return g_build_filename (dir, name, NULL);
}

static GBytes *
snapshot_bytes (StanceGraph *graph)
{
  g_autofree char *path = temp_path ("bytes.stance");
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (stance_graph_save_snapshot (graph, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_unlink (path);

  return g_bytes_new_take (contents, length);
}

/* graph -> snapshot -> graph: the same document and the same contradictions. */
static StanceGraph *
round_trip (StanceGraph *graph)
{
  g_autofree char *path = temp_path ("round-trip.stance");
  g_autofree char *before = document_of (graph);
  g_autofree char *found_before = contradictions_of (graph);
  g_autofree char *after = NULL;
  g_autofree char *found_after = NULL;
  g_autoptr(GError) error = NULL;
  StanceGraph *loaded;

  g_assert_true (stance_graph_save_snapshot (graph, path, &error));
  g_assert_no_error (error);
  loaded = stance_graph_new_from_snapshot (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_unlink (path);  /* the mapping stays valid */

  after = document_of (loaded);
  found_after = contradictions_of (loaded);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (found_after, ==, found_before);
  g_assert_cmpuint (stance_graph_get_n_stances (loaded), ==, stance_graph_get_n_stances (graph));

  return loaded;
}

static void
test_example (void)
{
  g_autofree char *path = examples_path ("cyber-2017-2020.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceGraph) loaded = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  loaded = round_trip (graph);

  /* The example is written in the writer's layout: byte for byte. */
  g_assert_true (g_file_get_contents (path, &original, NULL, &error));
  after = document_of (loaded);
  g_assert_cmpstr (after, ==, original);
}

static void
test_vectors (void)
{
  g_autoptr(GPtrArray) paths = test_documents ("contradictions");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StanceGraph) graph = stance_graph_new_from_file (g_ptr_array_index (paths, i), &error);
      g_autoptr(StanceGraph) loaded = NULL;

      g_assert_no_error (error);
      loaded = round_trip (graph);
    }
  g_assert_cmpuint (paths->len, >, 40);
}

/* A random graph that uses every member of the format. */
static StanceGraph *
random_graph (GRand *rand)
{
  static const char * const kinds[] = { "supports", "opposes", "comments", "retracts", "praises", "doubts" };
  static const char * const langs[] = { "en", "de", "fr" };
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_actors = g_rand_int_range (rand, 1, 6);
  guint n_claims = g_rand_int_range (rand, 1, 5);
  guint n_statements = g_rand_int_range (rand, 0, 40);

  stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error);
  g_assert_no_error (error);
  stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEGATIVE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u\xc3\xa9", i);
      StanceActor *actor = stance_graph_add_actor (graph, id, "Name \xe2\x80\x94", STANCE_ACTOR_KIND_PERSON, &error);

      g_assert_no_error (error);
      if (g_rand_boolean (rand))
        {
          const char *aliases[] = { "x", "y\xc3\xbc", NULL };

          stance_actor_set_aliases (actor, (const char * const *) aliases);
        }
      if (i > 0 && g_rand_boolean (rand))
        stance_actor_add_member_of (actor, g_ptr_array_index (actors, 0), NULL);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(JsonNode) meta = json_from_string ("{\"n\": 1.5, \"l\": [true, null, \"s\"], \"o\": {}}", &error);

          g_assert_no_error (error);
          stance_node_set_meta (STANCE_NODE (actor), meta, &error);
          g_assert_no_error (error);
        }
      g_ptr_array_add (actors, actor);
    }

  for (guint i = 0; i < n_claims; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      StanceClaim *claim = stance_graph_add_claim (graph, id, "A claim", &error);

      g_assert_no_error (error);
      if (g_rand_boolean (rand))
        stance_claim_set_lang (claim, langs[g_rand_int_range (rand, 0, 3)]);
      if (i > 0 && g_rand_boolean (rand))
        stance_claim_set_part_of (claim, g_ptr_array_index (claims, g_rand_int_range (rand, 0, i)), NULL);
      g_ptr_array_add (claims, claim);
    }

  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *time = g_strdup_printf (g_rand_boolean (rand) ? "2017-0%d-1%d" : "2017-0%d-1%dT10:00+02:00",
                                               g_rand_int_range (rand, 1, 10), g_rand_int_range (rand, 0, 10));
      StanceActor *speaker = g_ptr_array_index (actors, g_rand_int_range (rand, 0, n_actors));
      StanceStatement *statement = stance_graph_add_statement (graph, id, speaker, time, &error);
      guint n_stances = g_rand_int_range (rand, 0, 4);

      g_assert_no_error (error);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          stance_statement_set_text (statement, "Said \"so\"\n");
          stance_statement_set_lang (statement, langs[g_rand_int_range (rand, 0, 3)]);
        }
      if (g_rand_int_range (rand, 0, 5) == 0)
        stance_statement_set_source (statement, "https://example.org/1");
      if (i > 0 && g_rand_int_range (rand, 0, 5) == 0)
        stance_statement_set_reports (statement, g_ptr_array_index (statements, g_rand_int_range (rand, 0, i)), NULL);

      for (guint k = 0; k < n_stances; k++)
        {
          StanceNode *target = g_rand_boolean (rand) ? g_ptr_array_index (claims, g_rand_int_range (rand, 0, n_claims))
                                                     : g_ptr_array_index (actors, g_rand_int_range (rand, 0, n_actors));
          StanceActor *holder = g_rand_int_range (rand, 0, 5) == 0 ? g_ptr_array_index (actors, g_rand_int_range (rand, 0, n_actors)) : NULL;
          g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                                                    target, holder, &error);

          g_assert_no_error (error);
          if (g_rand_int_range (rand, 0, 6) == 0)
            {
              g_autoptr(JsonNode) meta = json_from_string ("{\"confidence\": 0.75}", &error);

              stance_edge_set_meta (edge, meta, &error);
              g_assert_no_error (error);
            }
          if (g_rand_int_range (rand, 0, 8) == 0)
            {
              stance_statement_remove_stance (statement, edge, &error);
              g_assert_no_error (error);
            }
        }
      g_ptr_array_add (statements, statement);
    }

  return graph;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170709);

  guint n = g_getenv ("STANCE_TEST_QUICK") != NULL ? 20 : 200;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceGraph) graph = random_graph (rand);
      g_autoptr(StanceGraph) loaded = round_trip (graph);
      /* A graph opened from a snapshot snapshots in its turn. */
      g_autoptr(StanceGraph) again = round_trip (loaded);

      g_assert_cmpuint (stance_graph_get_n_statements (again), ==, stance_graph_get_n_statements (graph));
    }
}

/* A graph opened from a snapshot takes every edit, as one loaded from the
 * document does, and gives the same document after them. */
static void
test_edit_after_open (void)
{
  g_autofree char *path = examples_path ("cyber-2017-2020.json");
  g_autofree char *snapshot = temp_path ("edit.stance");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) from_json = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceGraph) from_snapshot = NULL;
  StanceGraph *graphs[2];

  g_assert_no_error (error);
  g_assert_true (stance_graph_save_snapshot (from_json, snapshot, &error));
  from_snapshot = stance_graph_new_from_snapshot (snapshot, &error);
  g_assert_no_error (error);
  graphs[0] = from_json;
  graphs[1] = from_snapshot;

  for (guint g = 0; g < 2; g++)
    {
      StanceGraph *graph = graphs[g];
      g_autoptr(StanceNode) trump = stance_graph_lookup (graph, "trump");
      g_autoptr(StanceActor) newcomer = NULL;
      g_autoptr(StanceStatement) statement = NULL;
      g_autoptr(StanceEdge) edge = NULL;
      g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
      g_autoptr(StanceStatement) first = g_list_model_get_item (statements, 0);
      g_autoptr(GListModel) found = NULL;

      g_assert_nonnull (trump);
      g_assert_null (stance_graph_add_actor (graph, "trump", "Again", STANCE_ACTOR_KIND_PERSON, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_clear_error (&error);

      /* Enough new nodes to make the id index and the arrays grow. */
      for (guint i = 0; i < 300; i++)
        {
          g_autofree char *id = g_strdup_printf ("new-%u", i);

          g_assert_true (stance_graph_append_statement (graph, id, "trump", "2021-01-0" "1", NULL, NULL, NULL, &error));
          g_assert_no_error (error);
          g_assert_true (stance_graph_append_stance (graph, id, i % 2 ? "supports" : "opposes", "russia", NULL, &error));
          g_assert_no_error (error);
        }
      newcomer = stance_graph_add_actor (graph, "newcomer", "New", STANCE_ACTOR_KIND_ORGANIZATION, &error);
      g_assert_no_error (error);
      statement = stance_graph_add_statement (graph, "late", newcomer, "2022", &error);
      g_assert_no_error (error);
      edge = stance_statement_add_stance (statement, "denies", trump, NULL, &error);
      g_assert_no_error (error);

      /* Edits of records that the snapshot graph uses in place. */
      stance_statement_set_text (first, "changed");
      g_assert_true (stance_statement_set_time (first, "2016-11-08T20:00Z", &error));
      g_assert_no_error (error);
      {
        g_autoptr(GPtrArray) stances = stance_statement_dup_stances (first);
        StanceEdge *taken = g_ptr_array_index (stances, 0);

        g_assert_true (stance_statement_remove_stance (first, taken, &error));
        g_assert_no_error (error);
      }
      found = stance_graph_find_contradictions (graph);
      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
    }

  {
    g_autofree char *a = document_of (from_json);
    g_autofree char *b = document_of (from_snapshot);
    g_autofree char *ca = contradictions_of (from_json);
    g_autofree char *cb = contradictions_of (from_snapshot);

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (ca, ==, cb);
  }
  g_unlink (snapshot);
}

/* Loading into a graph that has nodes merges, and refuses duplicate ids. */
static void
test_merge (void)
{
  g_autofree char *path = examples_path ("cyber-2017-2020.json");
  g_autofree char *snapshot = temp_path ("merge.stance");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceGraph) other = stance_graph_new ();
  g_autoptr(StanceActor) actor = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  g_assert_true (stance_graph_save_snapshot (graph, snapshot, &error));

  actor = stance_graph_add_actor (other, "someone-else", "X", STANCE_ACTOR_KIND_OTHER, &error);
  g_assert_true (stance_graph_load_snapshot (other, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_actors (other), ==, stance_graph_get_n_actors (graph) + 1);
  g_assert_cmpuint (stance_graph_get_n_stances (other), ==, stance_graph_get_n_stances (graph));

  before = document_of (other);
  g_assert_false (stance_graph_load_snapshot (other, snapshot, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  {
    g_autofree char *after = document_of (other);

    g_assert_cmpstr (after, ==, before);
  }

  g_assert_false (stance_graph_load_snapshot (other, "/nonexistent/x.stance", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_null (stance_graph_new_from_snapshot (path, &error));  /* a JSON document */
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_SNAPSHOT);
  g_unlink (snapshot);
}

/* Loads @data; a refusal must be an INVALID_SNAPSHOT error, and a graph
 * that loads must be usable. */
static gboolean
try_load (const guint8 *data,
          gsize         length)
{
  g_autoptr(GError) error = NULL;
  StanceStore *store = _stance_snapshot_read_data (data, length, &error);

  if (store == NULL)
    {
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_SNAPSHOT);
      return FALSE;
    }

  g_assert_no_error (error);
  {
    g_autoptr(StanceGraph) graph = stance_graph_new ();
    g_autofree char *text = NULL;

    _stance_store_swap (_stance_graph_get_store (graph), store);
    text = document_of (graph);
    g_free (contradictions_of (graph));
  }
  _stance_store_free (store);

  return TRUE;
}

static GBytes *
example_snapshot (void)
{
  g_autofree char *path = examples_path ("cyber-2017-2020.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(StanceActor) actor = NULL;
  g_autoptr(JsonNode) meta = json_from_string ("{\"k\": [1, 2]}", &error);
  const char *aliases[] = { "one", "two", NULL };

  g_assert_no_error (error);
  /* Aliases, member_of and meta, so that every section has records. */
  actor = STANCE_ACTOR (stance_graph_lookup (graph, "trump"));
  stance_actor_set_aliases (actor, (const char * const *) aliases);
  stance_node_set_meta (STANCE_NODE (actor), meta, &error);
  g_assert_no_error (error);
  stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error);
  g_assert_no_error (error);

  return snapshot_bytes (graph);
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) bytes = example_snapshot ();
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  const guint64 *sections = (const guint64 *) (data + 64);  /* (offset, count) pairs */
  guint stride = g_test_slow () ? 1 : g_getenv ("STANCE_TEST_QUICK") != NULL ? 97 : 11;

  g_assert_true (try_load (data, length));
  /* At every section boundary, one byte either side, and all along. */
  for (guint i = 0; i < 12; i++)
    for (int d = -1; d <= 1; d++)
      if (sections[2 * i] + d < length)
        g_assert_false (try_load (data, sections[2 * i] + d));
  for (gsize cut = 0; cut < length; cut += stride)
    g_assert_false (try_load (data, cut));
}

static void
test_flipped (void)
{
  g_autoptr(GBytes) bytes = example_snapshot ();
  gsize length;
  g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);

  guint stride = g_test_slow () ? 1 : g_getenv ("STANCE_TEST_QUICK") != NULL ? 53 : 5;

  /* The checksum catches every flipped bit. */
  for (gsize at = 0; at < length; at += stride)
    {
      data[at] ^= 1u << (at % 8);
      g_assert_false (try_load (data, length));
      data[at] ^= 1u << (at % 8);
    }
  g_assert_true (try_load (data, length));
}

/* With the checksum made to match, the structural checks alone: every
 * 32-bit word set to values that are likely out of range.  Each file is
 * refused or loads into a usable graph. */
static void
test_resealed (void)
{
  static const guint32 values[] = { 0, 1, 0x7fffffff, 0xffffffff, 0x40000001, 0xc0000000 };
  g_autoptr(GBytes) bytes = example_snapshot ();
  gsize length;
  g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);
  g_autofree guint8 *copy = g_malloc (length);
  guint refused = 0, loaded = 0;
  guint step = g_test_slow () ? 4 : g_getenv ("STANCE_TEST_QUICK") != NULL ? 124 : 12;

  for (gsize at = 0; at + 4 <= length; at += step)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        memcpy (copy, data, length);
        memcpy (copy + at, &values[v], 4);
        if (memcmp (copy, data, length) == 0)
          continue;
        _stance_snapshot_seal (copy, length);
        if (try_load (copy, length))
          loaded++;
        else
          refused++;
      }

  /* Most words are references, counts or offsets. */
  g_test_message ("%u refused, %u loaded", refused, loaded);
  g_assert_cmpuint (refused, >, loaded);
}

/* Lies that the checks must see, one at a time. */
static void
test_lies (void)
{
  g_autofree char *path = examples_path ("cyber-2017-2020.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, &error);
  g_autoptr(GBytes) bytes = snapshot_bytes (graph);
  StanceStore *store = _stance_graph_get_store (graph);
  gsize length;
  g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);
  g_autofree guint8 *copy = g_malloc (length);
  const guint64 *sections = (const guint64 *) (data + 64);  /* (offset, count) pairs */
  guint64 stances = sections[2 * 7], statements = sections[2 * 5];
  guint64 strings = sections[2 * 11];
  struct { const char *what; guint64 at; guint32 value; } lies[] = {
    { "stance's statement", stances + 0, 100000 },
    { "stance's target sort", stances + 4, 0x00000001 },
    { "stance's target index", stances + 4, 0x80000000 | 4000 },
    { "stance's holder", stances + 8, 4000 },
    { "stance's next (a cycle)", stances + 12, 1 },
    { "stance's kind and flags", stances + 16, 0x00ff0000 },
    { "statement's id", statements + 0, 3 },
    { "statement's time (not a day)", statements + 8, 1 },
    { "statement's speaker", statements + 28, 4000 },
    { "statement's reports (itself)", statements + 32, 1 },
    { "statement's first stance", statements + 36, 0 },
    { "statement's extra", statements + 44, 4000 },
    { "strings' first NUL", strings, 0x41 },
    { "a string not UTF-8", strings + 8, 0xffffffff },
    { "byte order", 12, 0x04030201 },
    { "version", 8, 2 },
    { "a section offset", 64, 1 },
    { "a section count", 72, 0xffffffff },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (_stance_store_n_statements (store), ==, sections[2 * 5 + 1]);
  for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
    {
      g_test_message ("lie: %s", lies[i].what);
      memcpy (copy, data, length);
      g_assert_cmpuint (lies[i].at + 4, <=, length);
      memcpy (copy + lies[i].at, &lies[i].value, 4);
      _stance_snapshot_seal (copy, length);
      g_assert_false (try_load (copy, length));
    }
}

/* Runs the stance tool with @args (NULL-terminated) and @input on its
 * standard input; returns the exit status. */
static int
run_tool (const char * const *args,
          GBytes              *input,
          GBytes             **out,
          char               **err)
{
  const char *tool = g_getenv ("STANCE_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) none = g_bytes_new_static ("", 0);

    g_subprocess_communicate (process, input != NULL ? input : none, NULL, out, &err_bytes, &error);
  }
  g_assert_no_error (error);
  *err = g_bytes_get_size (err_bytes) > 0 ? g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes))
                                           : g_strdup ("");

  return g_subprocess_get_exit_status (process);
}

static void
test_convert (void)
{
  g_autofree char *json = examples_path ("cyber-2017-2020.json");
  g_autofree char *snapshot = temp_path ("convert.stance");
  g_autofree char *back = temp_path ("convert.json");
  g_autofree char *bad = temp_path ("convert-bad.stance");
  g_autofree char *original = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_getenv ("STANCE_TOOL") == NULL)
    {
      g_test_skip ("STANCE_TOOL is not set");
      return;
    }
  g_assert_true (g_file_get_contents (json, &original, &length, &error));

  /* json -> stance -> json: the same bytes. */
  {
    const char *to[] = { "convert", json, snapshot, NULL };
    const char *from[] = { "convert", snapshot, back, NULL };
    g_autoptr(GBytes) out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_tool (to, NULL, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_bytes_unref);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_tool (from, NULL, &out, &err), ==, 0);
    g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
    g_assert_true (g_file_get_contents (back, &again, NULL, &error));
    g_assert_cmpstr (again, ==, original);
  }

  /* Through standard streams, with --from and --to. */
  {
    const char *to[] = { "convert", "--to", "stance", json, "-", NULL };
    const char *from[] = { "convert", "--from", "stance", "--to", "json", "-", "-", NULL };
    g_autoptr(GBytes) snap = NULL;
    g_autoptr(GBytes) out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *err2 = NULL;

    g_assert_cmpint (run_tool (to, NULL, &snap, &err), ==, 0);
    g_assert_true (_stance_snapshot_has_magic (g_bytes_get_data (snap, NULL), g_bytes_get_size (snap)));
    g_assert_cmpint (run_tool (from, snap, &out, &err2), ==, 0);
    g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), original, length);
  }

  /* json -> jsonl -> stance -> json, through standard streams: the same
   * bytes. */
  {
    const char *to_jsonl[] = { "convert", "--to", "jsonl", json, "-", NULL };
    const char *to_stance[] = { "convert", "--from", "jsonl", "--to", "stance", "-", "-", NULL };
    const char *to_json[] = { "convert", "--from", "stance", "--to", "json", "-", "-", NULL };
    g_autoptr(GBytes) lines = NULL;
    g_autoptr(GBytes) snap = NULL;
    g_autoptr(GBytes) out = NULL;
    g_autofree char *err1 = NULL;
    g_autofree char *err2 = NULL;
    g_autofree char *err3 = NULL;

    g_assert_cmpint (run_tool (to_jsonl, NULL, &lines, &err1), ==, 0);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (lines, NULL), "{\"stance\": 1"));
    g_assert_cmpint (run_tool (to_stance, lines, &snap, &err2), ==, 0);
    g_assert_cmpint (run_tool (to_json, snap, &out, &err3), ==, 0);
    g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), original, length);
  }

  /* Refusals: status 2, nothing on standard output, a message. */
  g_assert_true (g_file_set_contents (bad, "\211stance\nnot really", -1, &error));
  {
    const char *cases[][6] = {
      { "convert", json, "out.txt", NULL },
      { "convert", "--from", "jsonl", json, "out.json", NULL },
      { "convert", json, "-", NULL },
      { "convert", "--from", "yaml", json, snapshot, NULL },
      { "convert", bad, "out.json", NULL },
      { "convert", json, NULL },
    };
    const char *expected[] = { "cannot tell the form", "line 1, column 2", "give --to", "unknown form",
                               "invalid snapshot", "expected IN OUT" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GBytes) out = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (run_tool (cases[i], NULL, &out, &err), ==, 2);
        g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
        g_assert_nonnull (strstr (err, expected[i]));
      }
  }

  g_unlink (snapshot);
  g_unlink (back);
  g_unlink (bad);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Loaded;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  stance_graph_load_snapshot_finish (STANCE_GRAPH (object), result, &loaded->error);
  loaded->done = TRUE;
}

/* The asynchronous open adds the snapshot in the caller's main context,
 * and leaves the graph alone when the snapshot is refused. */
static void
test_async (void)
{
  g_autofree char *json = examples_path ("cyber-2017-2020.json");
  g_autofree char *path = temp_path ("async.stance");
  g_autofree char *bad = temp_path ("async-bad.stance");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_file (json, &error);
  g_autoptr(StanceGraph) opened = stance_graph_new ();
  g_autoptr(StanceGraph) empty = stance_graph_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Loaded good = { FALSE, NULL }, refused = { FALSE, NULL };

  g_assert_no_error (error);
  g_assert_true (stance_graph_save_snapshot (graph, path, &error));

  stance_graph_load_snapshot_async (opened, file, NULL, loaded_cb, &good);
  while (!good.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (good.error);
  a = document_of (graph);
  b = document_of (opened);
  g_assert_cmpstr (a, ==, b);

  g_assert_true (g_file_set_contents (bad, "\211stance\nnot really", -1, &error));
  stance_graph_load_snapshot_async (empty, bad_file, NULL, loaded_cb, &refused);
  while (!refused.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (refused.error, STANCE_ERROR, STANCE_ERROR_INVALID_SNAPSHOT);
  g_clear_error (&refused.error);
  g_assert_cmpuint (stance_graph_get_n_actors (empty), ==, 0);

  g_unlink (path);
  g_unlink (bad);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snapshot/example", test_example);
  g_test_add_func ("/snapshot/vectors", test_vectors);
  g_test_add_func ("/snapshot/random", test_random);
  g_test_add_func ("/snapshot/edit-after-open", test_edit_after_open);
  g_test_add_func ("/snapshot/merge", test_merge);
  g_test_add_func ("/snapshot/truncated", test_truncated);
  g_test_add_func ("/snapshot/flipped", test_flipped);
  g_test_add_func ("/snapshot/resealed", test_resealed);
  g_test_add_func ("/snapshot/lies", test_lies);
  g_test_add_func ("/snapshot/convert", test_convert);
  g_test_add_func ("/snapshot/async", test_async);

  return g_test_run ();
}
