/* test-document.c: SPEC §2 — loading and saving documents
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Round trips (the story byte for byte, every vector, meta, Unicode), the
 * catalogue of invalid documents in tests/data/invalid with exact error
 * classes and places, further invalid inputs written here, streams, files,
 * atomic saves, and the asynchronous load and save.
 */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "stance-enum-types.h"
#include "stance-error.h"
#include "stance-graph.h"

#include "test-catalogue.h"
#include "test-json.h"

/* ------------------------------------------------------------------------ */
/* JSON: exact structural comparison with a path to the first difference    */

static JsonNode *
json_parse_ok (const char *data,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = test_json_parse_data (data, length, &error);

  g_assert_no_error (error);
  return node;
}

/* The line where two texts first differ, for a message. */
static char *
first_difference (const char *got,
                  const char *expected)
{
  guint line = 1;
  const char *g = got, *e = expected;
  const char *gl = got, *el = expected;

  while (*g != '\0' && *g == *e)
    {
      if (*g == '\n')
        {
          line++;
          gl = g + 1;
          el = e + 1;
        }
      g++;
      e++;
    }

  return g_strdup_printf ("line %u:\n    got      %.*s\n    expected %.*s", line,
                          (int) strcspn (gl, "\n"), gl, (int) strcspn (el, "\n"), el);
}

/* ------------------------------------------------------------------------ */
/* Files and graphs                                                         */

static char *
story_path (void)
{
  const char *examples = g_getenv ("STANCE_EXAMPLES");

  if (examples == NULL)
    return NULL;
  return g_build_filename (examples, "data", "cyber-2017-2020.json", NULL);
}

/* The story's path, or NULL after skipping the test. */
static char *
story_or_skip (void)
{
  char *path = story_path ();

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("STANCE_EXAMPLES is not set or has no data/cyber-2017-2020.json");
      g_free (path);
      return NULL;
    }
  return path;
}

static char *
save (StanceGraph *graph)
{
  gsize length = 0;
  char *text = stance_graph_save_to_data (graph, &length);

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_true (g_utf8_validate (text, length, NULL));
  return text;
}

static StanceGraph *
load_ok (const char *data,
         gssize      length)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *graph = stance_graph_new_from_data (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

/* A graph that already holds something, with ids no test document uses. */
static StanceGraph *
non_empty_graph (void)
{
  static const char document[] =
    "{\"stance\": 1,"
    " \"kinds\": [{\"name\": \"pre-kind\", \"polarity\": \"negative\", \"meta\": {\"m\": 1}}],"
    " \"actors\": [{\"id\": \"pre-actor\", \"name\": \"Pre\", \"kind\": \"media\", \"aliases\": [\"P\"]}],"
    " \"claims\": [{\"id\": \"pre-claim\", \"text\": \"Pre\", \"lang\": \"en\"}],"
    " \"statements\": [{\"id\": \"pre-statement\", \"speaker\": \"pre-actor\", \"time\": \"2001-02-03\","
    "   \"text\": \"pre\", \"stances\": [{\"kind\": \"pre-kind\", \"target\": \"pre-claim\"}]}]}";
  StanceGraph *graph = load_ok (document, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, "pre-actor-2", "Pre 2", STANCE_ACTOR_KIND_STATE, &error);
  g_autoptr(StanceStatement) statement = NULL;
  g_autoptr(StanceNode) claim = stance_graph_lookup (graph, "pre-claim");
  g_autoptr(StanceEdge) edge = NULL;

  g_assert_no_error (error);
  statement = stance_graph_add_statement (graph, "pre-statement-2", actor, "2001-02-04T10:00+01:00", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (statement, "proposes", claim, NULL, &error);
  g_assert_no_error (error);

  return graph;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in a directory, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-document-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* ------------------------------------------------------------------------ */
/* Round trips                                                              */

/* load -> save -> load -> save: both saves the same bytes.  Returns the
 * first save. */
static char *
check_round_trip (const char *what,
                  const char *data,
                  gsize       length)
{
  g_autoptr(StanceGraph) first = load_ok (data, length);
  g_autoptr(StanceGraph) second = NULL;
  char *saved = save (first);
  g_autofree char *resaved = NULL;

  second = load_ok (saved, -1);
  resaved = save (second);
  if (strcmp (saved, resaved) != 0)
    {
      g_autofree char *where = first_difference (resaved, saved);

      g_test_message ("%s: the second save differs from the first at %s", what, where);
      g_test_fail ();
    }

  g_assert_cmpuint (stance_graph_get_n_actors (first), ==, stance_graph_get_n_actors (second));
  g_assert_cmpuint (stance_graph_get_n_claims (first), ==, stance_graph_get_n_claims (second));
  g_assert_cmpuint (stance_graph_get_n_statements (first), ==, stance_graph_get_n_statements (second));
  g_assert_cmpuint (stance_graph_get_n_stances (first), ==, stance_graph_get_n_stances (second));

  return saved;
}

static void
test_round_trip_story (void)
{
  g_autofree char *path = story_or_skip ();
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  if (path == NULL)
    return;

  contents = read_file (path, &length);
  saved = check_round_trip (path, contents, length);

  /* The story is written in the writer's style: the same bytes. */
  if (strcmp (saved, contents) != 0)
    {
      g_autofree char *where = first_difference (saved, contents);
      g_autoptr(JsonNode) a = json_parse_ok (saved, -1);
      g_autoptr(JsonNode) b = json_parse_ok (contents, length);

      g_test_message ("%s: the save is not byte-identical to the file; first difference at %s", path, where);
      g_test_fail ();
      test_json_check_same ("the saved story, parsed, against the file", a, b);
    }
}

/* A parsed input with what the format treats as absent taken out, so that it
 * can be compared with a save: null members, empty arrays of the format's
 * own members, the default actor kind, fractional seconds.  Meta is never
 * touched. */
static void
normalize_document (JsonNode   *node,
                    const char *context)
{
  static const char * const array_members[] = {
    "kinds", "actors", "claims", "statements", "aliases", "member_of", "stances",
  };
  JsonObject *object;
  GList *members;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        normalize_document (json_array_get_element (array, i), context);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);

      if (strcmp (name, "meta") == 0)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        {
          json_object_remove_member (object, name);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (array_members); i++)
        {
          if (strcmp (name, array_members[i]) == 0 && JSON_NODE_HOLDS_ARRAY (value) &&
              json_array_get_length (json_node_get_array (value)) == 0)
            {
              json_object_remove_member (object, name);
              value = NULL;
              break;
            }
        }
      if (value == NULL)
        continue;
      if (strcmp (context, "actors") == 0 && strcmp (name, "kind") == 0 &&
          JSON_NODE_HOLDS_VALUE (value) && g_strcmp0 (json_node_get_string (value), "other") == 0)
        {
          json_object_remove_member (object, name);
          continue;
        }
      if (strcmp (context, "statements") == 0 && strcmp (name, "time") == 0 && JSON_NODE_HOLDS_VALUE (value))
        {
          g_autoptr(GRegex) fraction = g_regex_new ("(:[0-9]{2})\\.[0-9]+", 0, 0, NULL);
          g_autofree char *time = g_regex_replace (fraction, json_node_get_string (value), -1, 0, "\\1", 0, NULL);

          json_object_set_string_member (object, name, time);
          continue;
        }
      normalize_document (value, strcmp (context, "") == 0 ? name : context);
    }
  g_list_free (members);
}

static void
test_round_trip_vector (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *what = NULL;
  gsize length;

  contents = read_file (path, &length);
  saved = check_round_trip (path, contents, length);

  /* The same data, and only what the format treats as absent left out. */
  input = json_parse_ok (contents, length);
  output = json_parse_ok (saved, -1);
  normalize_document (input, "");
  what = g_strdup_printf ("%s: the save against the input (nulls, empty arrays, the default kind and "
                          "fractional seconds left out)", path);
  test_json_check_same (what, output, input);
}

static const char meta_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"kinds\": [ { \"name\": \"praises\", \"polarity\": \"positive\", \"meta\": { \"on\": \"kind\", \"n\": [1, 2.5] } } ],\n"
  "  \"actors\": [\n"
  "    { \"id\": \"a\", \"name\": \"A\", \"meta\": { \"on\": \"actor\", \"empty\": {}, \"list\": [],\n"
  "        \"numbers\": [0, -1, 9007199254740993, 9223372036854775807, -9223372036854775808, 1.0, -0.0, 0.1,\n"
  "                    1e-7, 1.5e300, -2.5E-300, 123456.789],\n"
  "        \"literals\": [true, false, null], \"z\": 1, \"a\": 2, \"\": \"empty name\",\n"
  "        \"speeker\": \"not an error inside meta\", \"stance\": 2,\n"
  "        \"nested\": { \"deeper\": { \"deepest\": [ { \"x\": null }, [[[]]] ] } } } },\n"
  "    { \"id\": \"b\", \"name\": \"B\", \"meta\": {} }\n"
  "  ],\n"
  "  \"claims\": [ { \"id\": \"c\", \"text\": \"C\", \"meta\": { \"on\": \"claim\", \"text\": \"\\u00e9\\n\\u2028\\ud83d\\ude00\" } } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017-07-09\",\n"
  "      \"stances\": [ { \"kind\": \"praises\", \"target\": \"c\", \"meta\": { \"on\": \"stance\", \"w\": 0.5 } },\n"
  "                     { \"kind\": \"opposes\", \"target\": \"c\", \"holder\": \"b\" } ],\n"
  "      \"meta\": { \"on\": \"statement\", \"seeds\": [\"000\", \"002\"] } }\n"
  "  ]\n"
  "}\n";

/* The meta of each object of the document, parsed with json-glib. */
static JsonNode *
meta_at (JsonNode   *document,
         const char *array,
         guint       index,
         int         stance)
{
  JsonObject *object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (document), array), index);

  if (stance >= 0)
    object = json_array_get_object_element (json_object_get_array_member (object, "stances"), stance);
  return json_object_get_member (object, "meta");
}

static void
test_meta (void)
{
  g_autoptr(StanceGraph) graph = load_ok (meta_document, -1);
  g_autofree char *saved = save (graph);
  g_autoptr(JsonNode) input = json_parse_ok (meta_document, -1);
  g_autoptr(JsonNode) output = json_parse_ok (saved, -1);
  g_autoptr(StanceNode) a = stance_graph_lookup (graph, "a");
  g_autoptr(StanceNode) b = stance_graph_lookup (graph, "b");
  g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");
  g_autoptr(StanceNode) s = stance_graph_lookup (graph, "s");
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (STANCE_STATEMENT (s));
  static const struct { const char *array; guint index; int stance; } where[] = {
    { "kinds", 0, -1 }, { "actors", 0, -1 }, { "actors", 1, -1 }, { "claims", 0, -1 },
    { "statements", 0, -1 }, { "statements", 0, 0 },
  };
  g_autofree char *resaved = NULL;

  /* In the saved document, exactly as written, member order included. */
  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      g_autofree char *what = g_strdup_printf ("the saved meta of %s[%u]%s", where[i].array, where[i].index,
                                               where[i].stance >= 0 ? ".stances[0]" : "");
      JsonNode *saved_meta = meta_at (output, where[i].array, where[i].index, where[i].stance);

      if (saved_meta == NULL)
        {
          g_test_message ("%s is missing", what);
          g_test_fail ();
          continue;
        }
      test_json_check_same (what, saved_meta, meta_at (input, where[i].array, where[i].index, where[i].stance));
    }

  /* Through the API. */
  g_assert_nonnull (stance_node_get_meta (a));
  test_json_check_same ("stance_node_get_meta (a)", stance_node_get_meta (a), meta_at (input, "actors", 0, -1));
  test_json_check_same ("stance_node_get_meta (b)", stance_node_get_meta (b), meta_at (input, "actors", 1, -1));
  test_json_check_same ("stance_node_get_meta (c)", stance_node_get_meta (c), meta_at (input, "claims", 0, -1));
  test_json_check_same ("stance_node_get_meta (s)", stance_node_get_meta (s), meta_at (input, "statements", 0, -1));
  g_assert_cmpuint (stances->len, ==, 2);
  test_json_check_same ("stance_edge_get_meta (s#0)", stance_edge_get_meta (stances->pdata[0]),
                   meta_at (input, "statements", 0, 0));
  g_assert_null (stance_edge_get_meta (stances->pdata[1]));

  /* And again from the save. */
  resaved = check_round_trip ("the meta document", saved, strlen (saved));
  g_assert_cmpstr (resaved, ==, saved);
}

/* SPEC §2: "Every object may carry meta": the document is an object too. */
static void
test_meta_document (void)
{
  static const char document[] =
    "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}],"
    " \"meta\": {\"generator\": \"hand\", \"version\": 2, \"list\": [1, {\"x\": null}]}}";
  g_autoptr(StanceGraph) graph = load_ok (document, -1);
  g_autofree char *saved = save (graph);
  g_autoptr(JsonNode) input = json_parse_ok (document, -1);
  g_autoptr(JsonNode) output = json_parse_ok (saved, -1);
  JsonObject *out = json_node_get_object (output);

  if (!json_object_has_member (out, "meta"))
    {
      g_test_message ("the document's own meta is lost on a load and a save; saved:\n%s", saved);
      g_test_fail ();
      return;
    }
  test_json_check_same ("the document's meta", json_object_get_member (out, "meta"),
                   json_object_get_member (json_node_get_object (input), "meta"));
}

static JsonObject *
saved_stance (JsonNode *document,
              guint     statement,
              guint     stance)
{
  JsonArray *statements = json_object_get_array_member (json_node_get_object (document), "statements");
  JsonObject *object = json_array_get_object_element (statements, statement);

  return json_array_get_object_element (json_object_get_array_member (object, "stances"), stance);
}

static void
test_explicit_holder (void)
{
  static const char document[] =
    "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}],"
    " \"claims\": [{\"id\": \"c\", \"text\": \"C\"}],"
    " \"statements\": ["
    "  {\"id\": \"s1\", \"speaker\": \"a\", \"time\": \"2017-07-01\", \"stances\": ["
    "    {\"kind\": \"proposes\", \"target\": \"c\", \"holder\": \"a\"},"
    "    {\"kind\": \"proposes\", \"target\": \"c\", \"holder\": null},"
    "    {\"kind\": \"proposes\", \"target\": \"c\"},"
    "    {\"kind\": \"endorses\", \"target\": \"c\", \"holder\": \"b\"}]}]}";
  g_autoptr(StanceGraph) graph = load_ok (document, -1);
  g_autoptr(StanceNode) s1 = stance_graph_lookup (graph, "s1");
  g_autoptr(StanceNode) a = stance_graph_lookup (graph, "a");
  g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");
  g_autoptr(GPtrArray) stances = stance_statement_dup_stances (STANCE_STATEMENT (s1));
  g_autoptr(StanceStatement) s2 = NULL;
  g_autoptr(StanceEdge) e1 = NULL;
  g_autoptr(StanceEdge) e2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) output = NULL;

  g_assert_cmpuint (stances->len, ==, 4);
  /* Given or not, the speaker's own stance is an act. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (stance_edge_is_act (stances->pdata[i]));
      g_assert_false (stance_edge_is_attributed (stances->pdata[i]));
      g_assert_true (stance_edge_get_holder (stances->pdata[i]) == STANCE_ACTOR (a));
    }
  g_assert_true (stance_edge_is_attributed (stances->pdata[3]));

  /* Through the API: a holder given as the speaker is written too. */
  s2 = stance_graph_add_statement (graph, "s2", STANCE_ACTOR (a), "2017-07-02", &error);
  g_assert_no_error (error);
  e1 = stance_statement_add_stance (s2, "opposes", c, STANCE_ACTOR (a), &error);
  g_assert_no_error (error);
  e2 = stance_statement_add_stance (s2, "opposes", c, NULL, &error);
  g_assert_no_error (error);

  saved = save (graph);
  output = json_parse_ok (saved, -1);
  g_assert_cmpstr (json_object_get_string_member (saved_stance (output, 0, 0), "holder"), ==, "a");
  g_assert_false (json_object_has_member (saved_stance (output, 0, 1), "holder"));
  g_assert_false (json_object_has_member (saved_stance (output, 0, 2), "holder"));
  g_assert_cmpstr (json_object_get_string_member (saved_stance (output, 0, 3), "holder"), ==, "b");
  g_assert_cmpstr (json_object_get_string_member (saved_stance (output, 1, 0), "holder"), ==, "a");
  g_assert_false (json_object_has_member (saved_stance (output, 1, 1), "holder"));

  g_free (check_round_trip ("explicit holders", saved, strlen (saved)));
}

static const char unicode_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"actors\": [\n"
  "    { \"id\": \"j\\u00fcrgen\", \"name\": \"Jürgen Groß\", \"aliases\": [\"Grüße\", \"\\ud83d\\ude00\", \"tab\\there\"] },\n"
  "    { \"id\": \"bjørn\", \"name\": \"Bjørn Ærø Åsen\", \"kind\": \"person\" },\n"
  "    { \"id\": \"😀\", \"name\": \"emoji 😀🇳🇴\" }\n"
  "  ],\n"
  "  \"claims\": [\n"
  "    { \"id\": \"einheit\", \"text\": \"Rückzieher des Vorschlages – „kaum realisierbar“ (?)\\nZeile 2\", \"lang\": \"de\" },\n"
  "    { \"id\": \"enhet\", \"text\": \"Ønsker å samarbeide om cybersikkerhet\", \"lang\": \"nb\" }\n"
  "  ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"s-😀\", \"speaker\": \"jürgen\", \"time\": \"2017-07-09\",\n"
  "      \"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"quoted\\\" back\\\\slash \\/ \\u001f \\b\\f\\r\\t\\n end\\u007f\",\n"
  "      \"lang\": \"de\", \"source\": \"https://example.org/ø?q=1&r=ä#😀\",\n"
  "      \"stances\": [ { \"kind\": \"proposes\", \"target\": \"einheit\",\n"
  "                     \"meta\": { \"ключ\": \"значение\", \"emoji 😀\": \"\\ud83d\\ude00\", \"nul-free \\u00e9\": \"é\" } } ] },\n"
  "    { \"id\": \"s-bjørn\", \"speaker\": \"bjørn\", \"time\": \"2017-07-10\", \"text\": \"Nei – det går ikke.\",\n"
  "      \"stances\": [ { \"kind\": \"rejects\", \"target\": \"einheit\" }, { \"kind\": \"supports\", \"target\": \"😀\" } ] }\n"
  "  ]\n"
  "}\n";

static void
test_unicode (void)
{
  g_autoptr(StanceGraph) graph = load_ok (unicode_document, -1);
  g_autoptr(StanceNode) jurgen = stance_graph_lookup (graph, "jürgen");
  g_autoptr(StanceNode) emoji = stance_graph_lookup (graph, "😀");
  g_autoptr(StanceNode) einheit = stance_graph_lookup (graph, "einheit");
  g_autoptr(StanceNode) statement = stance_graph_lookup (graph, "s-😀");
  g_autoptr(StanceGraph) reloaded = NULL;
  g_autoptr(StanceNode) statement2 = NULL;
  g_autoptr(JsonNode) input = json_parse_ok (unicode_document, -1);
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  const char * const *aliases;

  g_assert_nonnull (jurgen);
  g_assert_nonnull (emoji);
  g_assert_nonnull (statement);
  g_assert_cmpstr (stance_actor_get_name (STANCE_ACTOR (jurgen)), ==, "Jürgen Groß");
  aliases = stance_actor_get_aliases (STANCE_ACTOR (jurgen));
  g_assert_cmpstr (aliases[0], ==, "Grüße");
  g_assert_cmpstr (aliases[1], ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (aliases[2], ==, "tab\there");
  g_assert_cmpstr (stance_actor_get_name (STANCE_ACTOR (emoji)), ==, "emoji 😀🇳🇴");
  g_assert_cmpstr (stance_claim_get_text (STANCE_CLAIM (einheit)), ==,
                   "Rückzieher des Vorschlages – „kaum realisierbar“ (?)\nZeile 2");
  g_assert_cmpstr (stance_statement_get_text (STANCE_STATEMENT (statement)), ==,
                   "caf\xc3\xa9 \xf0\x9f\x98\x80 \"quoted\" back\\slash / \x1f \b\f\r\t\n end\x7f");
  g_assert_cmpstr (stance_statement_get_source (STANCE_STATEMENT (statement)), ==, "https://example.org/ø?q=1&r=ä#😀");

  saved = save (graph);
  /* Non-ASCII is written as it is; control characters are escaped. */
  g_assert_nonnull (strstr (saved, "\"name\": \"Jürgen Groß\""));
  g_assert_nonnull (strstr (saved, "\"id\": \"s-😀\""));
  g_assert_nonnull (strstr (saved, "caf\xc3\xa9 \xf0\x9f\x98\x80 \\\"quoted\\\" back\\\\slash / \\u001f \\b\\f\\r\\t\\n end\x7f"));

  /* The data is the same as json-glib reads from the input. */
  output = json_parse_ok (saved, -1);
  normalize_document (input, "");
  test_json_check_same ("the Unicode document after a load and a save", output, input);

  reloaded = load_ok (saved, -1);
  statement2 = stance_graph_lookup (reloaded, "s-😀");
  g_assert_cmpstr (stance_statement_get_text (STANCE_STATEMENT (statement2)), ==,
                   stance_statement_get_text (STANCE_STATEMENT (statement)));
  resaved = save (reloaded);
  g_assert_cmpstr (resaved, ==, saved);
}

/* Deep meta below the limit loads and round-trips. */
static void
test_deep_meta (void)
{
  g_autoptr(GString) document = g_string_new ("{\"stance\": 1, \"claims\": [{\"id\": \"c\", \"text\": \"t\", \"meta\": {\"x\": ");
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) output = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (document, "[");
  g_string_append (document, "{\"leaf\": true}");
  for (guint i = 0; i < 40; i++)
    g_string_append (document, "]");
  g_string_append (document, "}}]}");

  saved = check_round_trip ("40 nested arrays in meta", document->str, document->len);
  input = json_parse_ok (document->str, -1);
  output = json_parse_ok (saved, -1);
  test_json_check_same ("40 nested arrays in meta", output, input);
}

/* ------------------------------------------------------------------------ */
/* The invalid catalogue                                                    */

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GError) error3 = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) target = non_empty_graph ();
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = save (target);
  g_autofree char *after = NULL;
  g_autofree char *what = NULL;
  guint n_actors = stance_graph_get_n_actors (target);
  guint n_stances = stance_graph_get_n_stances (target);
  gsize length;

  /* From the file, into a new graph. */
  graph = stance_graph_new_from_file (c->path, &error);
  g_assert_null (graph);
  what = g_strdup_printf ("stance_graph_new_from_file (%s)", c->path);
  check_error_where (what, error, c->code, c->where);
  if (error != NULL)
    g_test_message ("%s: %s", c->name, error->message);

  /* From memory, into a graph that holds something: the same error, and
   * the graph as it was. */
  contents = read_file (c->path, &length);
  g_assert_false (stance_graph_load_from_data (target, contents, length, &error2));
  g_free (what);
  what = g_strdup_printf ("stance_graph_load_from_data (%s) into a non-empty graph", c->name);
  check_error_where (what, error2, c->code, c->where);
  if (error != NULL && error2 != NULL)
    g_assert_cmpstr (error2->message, ==, error->message);

  /* And from a stream. */
  stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_assert_false (stance_graph_load_from_stream (target, stream, NULL, &error3));
  if (error != NULL && error3 != NULL)
    g_assert_cmpstr (error3->message, ==, error->message);

  after = save (target);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (stance_graph_get_n_actors (target), ==, n_actors);
  g_assert_cmpuint (stance_graph_get_n_stances (target), ==, n_stances);
}

/* The catalogue is there, each line has its file, and each file its line;
 * every code it uses is one of StanceError's nicks. */
static void
test_invalid_catalogue (void)
{
  check_catalogue ("invalid", ".json");
}

/* ------------------------------------------------------------------------ */
/* Invalid inputs written here                                              */

typedef struct
{
  const char  *name;
  const char  *document;
  gssize       length;     /* -1: NUL-terminated */
  int          code;       /* a StanceError, or -1 for any */
  const char  *prefix;     /* the message starts with it; "line" for any position */
  const char  *contains;   /* (optional) and contains it */
} ErrorCase;

static const char kind_after_statements[] =
  "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}], \"claims\": [{\"id\": \"c\", \"text\": \"C\"}],"
  " \"statements\": [{\"id\": \"s1\", \"speaker\": \"a\", \"time\": \"2017-07-01\", \"stances\": [{\"kind\": \"praises\", \"target\": \"c\"}]},"
  "                {\"id\": \"s2\", \"speaker\": \"a\", \"time\": \"2017-07-02\", \"stances\": [{\"kind\": \"opposes\", \"target\": \"c\"}]}],"
  " \"kinds\": [{\"name\": \"praises\", \"polarity\": \"positive\"}]}";

#define RAW_NUL "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\0\"}]}"
#define BASE "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}], \"claims\": [{\"id\": \"c\", \"text\": \"C\"}], "

static const ErrorCase error_cases[] = {
  { "trailing-comma", "{\"stance\": 1,}", -1, STANCE_ERROR_SYNTAX, "line 1, column 14: ", NULL },
  { "trailing-comma-line-2", "{\n  \"stance\": 1,\n}", -1, STANCE_ERROR_SYNTAX, "line 3, column 1: ", NULL },
  { "truncated", "{\"stance\": 1, \"actors\": [", -1, STANCE_ERROR_SYNTAX, "line 1, column 26: ", NULL },
  { "truncated-in-string", "{\"stance\": 1, \"actors\": [{\"id\": \"a", -1, STANCE_ERROR_SYNTAX, "line", NULL },
  { "truncated-after-version", "{\"stance\": 1", -1, STANCE_ERROR_SYNTAX, "line 1, column 13: ", NULL },
  { "empty", "", 0, STANCE_ERROR_SYNTAX, "line 1, column 1: ", NULL },
  { "only-whitespace", " \n\t\r\n", -1, STANCE_ERROR_SYNTAX, "line", NULL },
  { "bom", "\xef\xbb\xbf{\"stance\": 1}", -1, -1, "line 1, column 1: ", NULL },
  { "top-array", "[]", -1, STANCE_ERROR_TYPE, "document: ", NULL },
  { "top-string", "\"stance\"", -1, STANCE_ERROR_TYPE, "document: ", NULL },
  { "top-null", "null", -1, STANCE_ERROR_TYPE, "document: ", NULL },
  { "speeker",
    BASE "\"statements\": [{\"id\": \"s\", \"speeker\": \"a\", \"speaker\": \"a\", \"time\": \"2017\"}]}",
    -1, STANCE_ERROR_UNKNOWN_MEMBER, "statements[0] (\"s\").speeker: ", "did you mean \"speaker\"" },
  { "duplicate-member", "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"name\": \"B\"}]}",
    -1, STANCE_ERROR_INVALID_VALUE, "actors[0] (\"a\").name: ", "duplicate" },
  { "duplicate-version", "{\"stance\": 1, \"stance\": 1}", -1, STANCE_ERROR_INVALID_VALUE, "stance: ", "duplicate" },
  { "duplicate-meta-member", BASE "\"meta\": {\"k\": 1, \"k\": 2}}", -1, STANCE_ERROR_INVALID_VALUE, "meta.k: ", "duplicate" },
  { "version-2", "{\"stance\": 2}", -1, STANCE_ERROR_VERSION, "stance: ", NULL },
  { "version-2-after-members", "{\"actors\": [], \"stance\": 2}", -1, STANCE_ERROR_VERSION, "stance: ", NULL },
  { "version-missing", "{}", -1, STANCE_ERROR_VERSION, "stance: ", NULL },
  { "version-true", "{\"stance\": true}", -1, STANCE_ERROR_VERSION, "stance: ", NULL },
  { "nul-in-text",
    BASE "\"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\", \"text\": \"x\\u0000y\"}]}",
    -1, STANCE_ERROR_ENCODING, "statements[0] (\"s\").text: ", NULL },
  { "nul-in-id", "{\"stance\": 1, \"actors\": [{\"id\": \"a\\u0000b\", \"name\": \"A\"}]}",
    -1, STANCE_ERROR_ENCODING, "actors[0].id: ", NULL },
  { "nul-in-meta", "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"meta\": {\"k\": [\"\\u0000\"]}}]}",
    -1, STANCE_ERROR_ENCODING, "actors[0] (\"a\").meta", NULL },
  { "raw-nul", RAW_NUL, sizeof RAW_NUL - 1, -1, "", NULL },
  { "lone-surrogate", "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"\\ud800\"}]}", -1, -1, "", NULL },
  { "huge-number", "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"meta\": {\"big\": 1e400}}]}",
    -1, STANCE_ERROR_INVALID_VALUE, "actors[0] (\"a\").meta.big: ", NULL },
  { "huge-integer",
    "{\"stance\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"meta\": {\"big\": 123456789012345678901234567890}}]}",
    -1, STANCE_ERROR_INVALID_VALUE, "actors[0] (\"a\").meta.big: ", NULL },
  { "leading-zero", "{\"stance\": 1, \"meta\": {\"n\": 01}}", -1, STANCE_ERROR_SYNTAX, "line 1, column ", NULL },
  { "unknown-kind",
    BASE "\"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\", \"stances\": [{\"kind\": \"slams\", \"target\": \"c\"}]}]}",
    -1, STANCE_ERROR_UNKNOWN_KIND, "statements[0] (\"s\").stances[0].kind: ", "slams" },
  { "kind-declared-twice-other-polarity",
    BASE "\"kinds\": [{\"name\": \"praises\", \"polarity\": \"positive\"}, {\"name\": \"praises\", \"polarity\": \"neutral\"}]}",
    -1, STANCE_ERROR_INVALID_KIND, "kinds[1].name: ", NULL },
  { "unknown-id-dangling",
    BASE "\"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\", \"stances\": [{\"kind\": \"proposes\", \"target\": \"cyber-unt\"}]}]}",
    -1, STANCE_ERROR_UNKNOWN_ID, "statements[0] (\"s\").stances[0].target: ", "\"cyber-unt\"" },
};

#undef BASE
#undef RAW_NUL

static void
check_error_case (const ErrorCase *c,
                  const GError    *error)
{
  if (error == NULL)
    {
      g_test_message ("%s: loaded, but it is invalid", c->name);
      g_test_fail ();
      return;
    }
  g_test_message ("%s: %s", c->name, error->message);
  if (error->domain != STANCE_ERROR || (c->code >= 0 && error->code != c->code))
    {
      GEnumClass *klass = g_type_class_ref (STANCE_TYPE_ERROR);
      GEnumValue *want = c->code >= 0 ? g_enum_get_value (klass, c->code) : NULL;

      g_test_message ("%s: error %s %d (%s), expected StanceError %s", c->name, g_quark_to_string (error->domain),
                      error->code, error->domain == STANCE_ERROR ? error_nick (error) : "?",
                      want != NULL ? want->value_nick : "any");
      g_type_class_unref (klass);
      g_test_fail ();
    }
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_test_message ("%s: the message is not UTF-8", c->name);
      g_test_fail ();
    }
  if (strcmp (c->prefix, "line") == 0 ? !has_position_prefix (error->message)
      : !g_str_has_prefix (error->message, c->prefix))
    {
      g_test_message ("%s: the message does not start with \"%s\": %s", c->name, c->prefix, error->message);
      g_test_fail ();
    }
  /* A place, whichever: a position, a path, or the document. */
  if (!has_position_prefix (error->message) && strstr (error->message, ": ") == NULL)
    {
      g_test_message ("%s: the message says nowhere: %s", c->name, error->message);
      g_test_fail ();
    }
  if (c->contains != NULL && strstr (error->message, c->contains) == NULL)
    {
      g_test_message ("%s: the message does not say \"%s\": %s", c->name, c->contains, error->message);
      g_test_fail ();
    }
}

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  gsize length = c->length >= 0 ? (gsize) c->length : strlen (c->document);
  g_autofree char *copy = g_memdup2 (c->document, length + 1);  /* exactly what is passed, on the heap */
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (copy, length, &error);
  g_autoptr(StanceGraph) target = non_empty_graph ();
  g_autofree char *before = save (target);
  g_autofree char *after = NULL;

  g_assert_null (graph);
  check_error_case (c, error);

  g_assert_false (stance_graph_load_from_data (target, copy, length, &error2));
  g_assert_nonnull (error2);
  if (error != NULL)
    g_assert_cmpstr (error2->message, ==, error->message);
  after = save (target);
  g_assert_cmpstr (after, ==, before);
}

/* Deep nesting is refused, not a crash, and says where. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) document = g_string_new ("{\"stance\": 1, \"claims\": [{\"id\": \"c\", \"text\": \"t\", \"meta\": {\"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (document, "[");
  for (guint i = 0; i < 100; i++)
    g_string_append (document, "]");
  g_string_append (document, "}}]}");

  graph = stance_graph_new_from_data (document->str, document->len, &error);
  g_assert_null (graph);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "claims[0] (\"c\").meta"));
  g_assert_nonnull (strstr (error->message, ": "));
  g_clear_error (&error);

  /* A hostile depth, far beyond any stack. */
  g_string_assign (document, "{\"stance\": 1, \"meta\": {\"x\": ");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (document, '[');
  graph = stance_graph_new_from_data (document->str, document->len, &error);
  g_assert_null (graph);
  g_assert_nonnull (error);
  g_assert_true (error->domain == STANCE_ERROR);
  g_assert_true (error->code == STANCE_ERROR_LIMIT || error->code == STANCE_ERROR_SYNTAX);
}

/* A kind may be declared after the statements that use it. */
static void
test_kind_declared_after (void)
{
  g_autoptr(StanceGraph) graph = load_ok (kind_after_statements, -1);
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  g_autoptr(StanceContradiction) c = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  StancePolarity polarity;
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) output = NULL;

  g_assert_true (stance_graph_lookup_kind (graph, "praises", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_POSITIVE);

  /* praises (positive) then opposes: a reversal, so the polarity is the declared one. */
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  c = g_list_model_get_item (found, 0);
  g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
  statements = stance_contradiction_get_statements (c);
  g_assert_cmpstr (stance_node_get_id (statements->pdata[0]), ==, "s1");
  g_assert_cmpstr (stance_node_get_id (statements->pdata[1]), ==, "s2");

  /* Saved in the format's order: kinds first. */
  saved = save (graph);
  output = json_parse_ok (saved, -1);
  {
    GList *members = json_object_get_members (json_node_get_object (output));

    g_assert_cmpstr (g_list_nth_data (members, 0), ==, "stance");
    g_assert_cmpstr (g_list_nth_data (members, 1), ==, "kinds");
    g_list_free (members);
  }
  g_free (check_round_trip ("a kind declared after the statements", saved, strlen (saved)));
}

/* ------------------------------------------------------------------------ */
/* Streams and files                                                        */

static void
test_stream (void)
{
  g_autofree char *path = story_or_skip ();
  g_autofree char *contents = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_stream = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(StanceGraph) file_graph = NULL;
  g_autoptr(StanceGraph) stream_graph = NULL;
  g_autoptr(StanceGraph) target = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) bad = NULL;
  g_autoptr(GInputStream) cancelled_stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gsize length;

  if (path == NULL)
    return;

  contents = read_file (path, &length);
  file_graph = stance_graph_new_from_file (path, &error);
  g_assert_no_error (error);
  from_file = save (file_graph);

  stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  stream_graph = stance_graph_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  from_stream = save (stream_graph);
  g_assert_cmpstr (from_stream, ==, from_file);

  /* Into a graph that holds something: both are there afterwards. */
  target = non_empty_graph ();
  before = save (target);
  g_object_unref (stream);
  stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_assert_true (stance_graph_load_from_stream (target, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (target), ==, stance_graph_get_n_statements (file_graph) + 2);
  g_assert_cmpuint (stance_graph_get_n_actors (target), ==, stance_graph_get_n_actors (file_graph) + 2);

  /* Loading the story again clashes with every id: refused whole. */
  g_free (before);
  before = save (target);
  g_object_unref (stream);
  stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_assert_false (stance_graph_load_from_stream (target, stream, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_test_message ("loading the story twice: %s", error->message);
  g_clear_error (&error);
  after = save (target);
  g_assert_cmpstr (after, ==, before);

  /* An invalid stream. */
  bad = g_memory_input_stream_new_from_data ("{\"stance\": 1,}", -1, NULL);
  g_assert_false (stance_graph_load_from_stream (target, bad, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 1, column 14: "));
  g_clear_error (&error);

  /* A cancelled read. */
  cancelled_stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (stance_graph_load_from_stream (target, cancelled_stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (after);
  after = save (target);
  g_assert_cmpstr (after, ==, before);
}

static void
test_file (void)
{
  g_autofree char *path = story_or_skip ();
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (path == NULL)
    return;

  graph = stance_graph_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 20);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 13);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 32);

  target = non_empty_graph ();
  g_assert_true (stance_graph_load_from_file (target, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stance_graph_get_n_statements (target), ==, 34);

  /* No such file: a GFileError, the graph as it was. */
  g_clear_object (&graph);
  graph = stance_graph_new_from_file ("/nonexistent/stance/document.json", &error);
  g_assert_null (graph);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  before = save (target);
  g_assert_false (stance_graph_load_from_file (target, "/nonexistent/stance/document.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* A directory is no document. */
  g_assert_false (stance_graph_load_from_file (target, g_get_tmp_dir (), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = save (target);
  g_assert_cmpstr (after, ==, before);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

static void
test_save_to_file (void)
{
  g_autofree char *story = story_or_skip ();
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *written = NULL;
  g_autofree char *reloaded_text = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (story == NULL)
    return;

  dir = make_tmp_dir ();
  file = g_build_filename (dir, "story.json", NULL);
  graph = stance_graph_new_from_file (story, &error);
  g_assert_no_error (error);
  saved = save (graph);

  g_assert_true (stance_graph_save_to_file (graph, file, &error));
  g_assert_no_error (error);
  written = read_file (file, NULL);
  g_assert_cmpstr (written, ==, saved);
  reloaded = stance_graph_new_from_file (file, &error);
  g_assert_no_error (error);
  reloaded_text = save (reloaded);
  g_assert_cmpstr (reloaded_text, ==, saved);

  /* Over an existing file: replaced. */
  g_clear_object (&reloaded);
  reloaded = non_empty_graph ();
  g_assert_true (stance_graph_save_to_file (reloaded, file, &error));
  g_assert_no_error (error);
  g_free (written);
  written = read_file (file, NULL);
  g_free (reloaded_text);
  reloaded_text = save (reloaded);
  g_assert_cmpstr (written, ==, reloaded_text);

  /* Into a directory that does not exist: a GFileError, and nothing made. */
  missing = g_build_filename (dir, "missing", "story.json", NULL);
  g_assert_false (stance_graph_save_to_file (graph, missing, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_cmpint (error->code, ==, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "story.json");

  remove_tree (dir);
}

static void
test_save_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ro = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  static const char old[] = "{\"stance\": 1}\n";

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which ignores file permissions");
      return;
    }

  dir = make_tmp_dir ();
  ro = g_build_filename (dir, "ro", NULL);
  g_assert_cmpint (g_mkdir (ro, 0755), ==, 0);
  file = g_build_filename (ro, "doc.json", NULL);
  g_file_set_contents (file, old, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (file, 0444), ==, 0);
  g_assert_cmpint (g_chmod (ro, 0555), ==, 0);

  graph = non_empty_graph ();
  g_assert_false (stance_graph_save_to_file (graph, file, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_test_message ("saving over a read-only file: %s", error->message);
  g_clear_error (&error);

  contents = read_file (file, NULL);
  g_assert_cmpstr (contents, ==, old);
  listing = list_dir (ro);
  g_assert_cmpstr (listing, ==, "doc.json");

  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* Asynchronous load and save                                               */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gboolean      timed_out;
  guint         nodes_at_callback;
  StanceGraph  *graph;
} Wait;

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
  if (wait->graph != NULL)
    wait->nodes_at_callback = stance_graph_get_n_actors (wait->graph) + stance_graph_get_n_claims (wait->graph) +
                              stance_graph_get_n_statements (wait->graph);
  g_main_loop_quit (wait->loop);
}

static gboolean
wait_timed_out (gpointer data)
{
  Wait *wait = data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the operation's callback, at most 60 seconds. */
static void
wait_run (Wait *wait)
{
  guint timeout = g_timeout_add_seconds (60, wait_timed_out, wait);

  if (wait->result == NULL)
    g_main_loop_run (wait->loop);
  g_assert_false (wait->timed_out);
  g_assert_nonnull (wait->result);
  g_source_remove (timeout);
}

static void
wait_clear (Wait *wait)
{
  g_clear_object (&wait->result);
  g_clear_pointer (&wait->loop, g_main_loop_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wait, wait_clear)

static gboolean
load_async (StanceGraph   *graph,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, 0, graph };
  g_autoptr(GFile) file = g_file_new_for_path (path);

  stance_graph_load_from_file_async (graph, file, cancellable, got_result, &wait);
  wait_run (&wait);
  return stance_graph_load_from_file_finish (graph, wait.result, error);
}

static gboolean
save_async (StanceGraph   *graph,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, 0, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);

  stance_graph_save_to_file_async (graph, file, cancellable, got_result, &wait);
  wait_run (&wait);
  return stance_graph_save_to_file_finish (graph, wait.result, error);
}

static void
test_async_load (void)
{
  g_autofree char *path = story_or_skip ();
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceGraph) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  if (path == NULL)
    return;

  sync = stance_graph_new_from_file (path, &error);
  g_assert_no_error (error);
  expected = save (sync);

  g_assert_true (load_async (graph, path, NULL, &error));
  g_assert_no_error (error);
  got = save (graph);
  g_assert_cmpstr (got, ==, expected);
}

typedef struct
{
  GThread   *thread;
  guint      nodes;
  guint      stances;
  guint      wrong_thread;
  GPtrArray *ids;
} Signals;

static void
on_node_added (StanceGraph *graph,
               StanceNode  *node,
               gpointer     data)
{
  Signals *signals = data;

  if (g_thread_self () != signals->thread)
    signals->wrong_thread++;
  g_assert_true (stance_node_get_graph (node) == graph);
  /* The node is in the graph when it is announced. */
  {
    g_autoptr(StanceNode) found = stance_graph_lookup (graph, stance_node_get_id (node));

    g_assert_true (found == node);
  }
  g_ptr_array_add (signals->ids, g_strdup (stance_node_get_id (node)));
  signals->nodes++;
}

static void
on_stance_added (StanceGraph *graph,
                 StanceEdge  *edge,
                 gpointer     data)
{
  Signals *signals = data;

  if (g_thread_self () != signals->thread)
    signals->wrong_thread++;
  signals->stances++;
}

static void
test_async_signals (void)
{
  g_autofree char *path = story_or_skip ();
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) expected_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Signals signals = { g_thread_self (), 0, 0, 0, ids };
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, 0, NULL };
  guint n_nodes;

  if (path == NULL)
    return;

  g_signal_connect (graph, "node-added", G_CALLBACK (on_node_added), &signals);
  g_signal_connect (graph, "stance-added", G_CALLBACK (on_stance_added), &signals);

  file = g_file_new_for_path (path);
  wait.graph = graph;
  stance_graph_load_from_file_async (graph, file, NULL, got_result, &wait);
  /* Nothing happens before the main loop runs. */
  g_assert_cmpuint (signals.nodes, ==, 0);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 0);
  wait_run (&wait);
  g_assert_true (stance_graph_load_from_file_finish (graph, wait.result, &error));
  g_assert_no_error (error);

  n_nodes = stance_graph_get_n_actors (graph) + stance_graph_get_n_claims (graph) + stance_graph_get_n_statements (graph);
  g_assert_cmpuint (n_nodes, >, 0);
  g_assert_cmpuint (signals.wrong_thread, ==, 0);
  g_assert_cmpuint (signals.nodes, ==, n_nodes);
  g_assert_cmpuint (signals.stances, ==, stance_graph_get_n_stances (graph));
  /* The graph was complete when the callback ran. */
  g_assert_cmpuint (wait.nodes_at_callback, ==, n_nodes);

  /* Announced in graph order: actors, claims, statements. */
  {
    GListModel *lists[3] = { stance_graph_get_actors (graph), stance_graph_get_claims (graph),
                             stance_graph_get_statements (graph) };

    for (guint l = 0; l < 3; l++)
      {
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(StanceNode) node = g_list_model_get_item (lists[l], i);

            g_ptr_array_add (expected_ids, g_strdup (stance_node_get_id (node)));
          }
        g_object_unref (lists[l]);
      }
  }
  g_assert_cmpuint (ids->len, ==, expected_ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, expected_ids->pdata[i]);
}

static void
test_async_invalid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", "unknown-id-target.json", NULL);
  g_autoptr(StanceGraph) graph = non_empty_graph ();
  g_autoptr(StanceGraph) empty = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Signals signals = { g_thread_self (), 0, 0, 0, ids };
  g_autofree char *before = save (graph);
  g_autofree char *after = NULL;
  g_autofree char *empty_text = save (empty);
  g_autofree char *empty_after = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("tests/data/invalid/unknown-id-target.json is absent");
      return;
    }

  g_signal_connect (graph, "node-added", G_CALLBACK (on_node_added), &signals);
  g_assert_false (load_async (graph, path, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_assert_true (g_str_has_prefix (error->message, "statements[4] (\"putin-2020-09-25\").stances[0].target: "));
  g_clear_error (&error);
  after = save (graph);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (signals.nodes, ==, 0);

  g_assert_false (load_async (empty, path, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  empty_after = save (empty);
  g_assert_cmpstr (empty_after, ==, empty_text);

  /* A file that does not exist. */
  g_assert_false (load_async (graph, "/nonexistent/stance/document.json", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (after);
  after = save (graph);
  g_assert_cmpstr (after, ==, before);
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = story_or_skip ();
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) empty = stance_graph_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) later = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Signals signals = { g_thread_self (), 0, 0, 0, ids };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, 0, NULL };

  if (path == NULL)
    return;

  graph = non_empty_graph ();
  before = save (graph);
  g_signal_connect (graph, "node-added", G_CALLBACK (on_node_added), &signals);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_false (load_async (graph, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = save (graph);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (load_async (empty, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (stance_graph_get_n_actors (empty), ==, 0);

  /* Cancelled while the worker reads, before the main loop adopts. */
  file = g_file_new_for_path (path);
  stance_graph_load_from_file_async (graph, file, later, got_result, &wait);
  g_cancellable_cancel (later);
  wait_run (&wait);
  g_assert_false (stance_graph_load_from_file_finish (graph, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (after);
  after = save (graph);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (signals.nodes, ==, 0);
}

static void
test_async_save (void)
{
  g_autofree char *story = story_or_skip ();
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(StanceActor) late = NULL;
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, 0, NULL };

  if (story == NULL)
    return;

  dir = make_tmp_dir ();
  file = g_build_filename (dir, "story.json", NULL);
  graph = stance_graph_new_from_file (story, &error);
  g_assert_no_error (error);
  saved = save (graph);

  g_assert_true (save_async (graph, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = stance_graph_new_from_file (file, &error);
  g_assert_no_error (error);
  written = save (reloaded);
  g_assert_cmpstr (written, ==, saved);

  /* The document is what the graph held when the save was asked for. */
  gfile = g_file_new_for_path (file);
  g_clear_object (&reloaded);
  reloaded = non_empty_graph ();
  g_free (saved);
  saved = save (reloaded);
  stance_graph_save_to_file_async (reloaded, gfile, NULL, got_result, &wait);
  late = stance_graph_add_actor (reloaded, "late", "Late", STANCE_ACTOR_KIND_OTHER, &error);
  g_assert_no_error (error);
  wait_run (&wait);
  g_assert_true (stance_graph_save_to_file_finish (reloaded, wait.result, &error));
  g_assert_no_error (error);
  g_free (written);
  written = read_file (file, NULL);
  g_assert_cmpstr (written, ==, saved);

  /* Into a directory that does not exist. */
  missing = g_build_filename (dir, "missing", "story.json", NULL);
  g_assert_false (save_async (graph, missing, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("saving into a missing directory: %s %d: %s", g_quark_to_string (error->domain), error->code,
                  error->message);
  g_clear_error (&error);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "story.json");

  remove_tree (dir);
}

static void
test_async_save_cancelled (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *file = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(StanceGraph) graph = non_empty_graph ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  static const char old[] = "{\"stance\": 1}\n";

  g_file_set_contents (file, old, -1, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (save_async (graph, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  contents = read_file (file, NULL);
  g_assert_cmpstr (contents, ==, old);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "doc.json");

  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */

static void
free_string (gpointer data)
{
  g_free (data);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *vectors = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) invalid = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/round-trip/story", test_round_trip_story);
  vectors = g_test_build_filename (G_TEST_DIST, "data", "contradictions", NULL);
  dir = g_dir_open (vectors, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".expected.json"))
        g_ptr_array_add (files, g_strdup (name));
    }
  g_ptr_array_sort (files, compare_strings);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      g_autofree char *stem = g_strndup (file, strlen (file) - 5);
      g_autofree char *test_path = g_strconcat ("/document/round-trip/vector/", stem, NULL);

      g_test_add_data_func_full (test_path, g_build_filename (vectors, file, NULL), test_round_trip_vector, free_string);
    }

  g_test_add_func ("/document/round-trip/meta", test_meta);
  g_test_add_func ("/document/round-trip/meta-of-the-document", test_meta_document);
  g_test_add_func ("/document/round-trip/explicit-holder", test_explicit_holder);
  g_test_add_func ("/document/round-trip/unicode", test_unicode);
  g_test_add_func ("/document/round-trip/deep-meta", test_deep_meta);

  g_test_add_func ("/document/invalid/catalogue", test_invalid_catalogue);
  invalid = read_invalid_catalogue ("invalid", ".json");
  for (guint i = 0; i < invalid->len; i++)
    {
      InvalidCase *c = invalid->pdata[i];
      g_autofree char *test_path = g_strconcat ("/document/invalid/", c->name, NULL);

      g_test_add_data_func (test_path, c, test_invalid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/document/error/", error_cases[i].name, NULL);

      g_test_add_data_func (test_path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/document/error/deep-nesting", test_deep_nesting);
  g_test_add_func ("/document/kind-declared-after-statements", test_kind_declared_after);

  g_test_add_func ("/document/load/stream", test_stream);
  g_test_add_func ("/document/load/file", test_file);
  g_test_add_func ("/document/save/file", test_save_to_file);
  g_test_add_func ("/document/save/read-only", test_save_read_only);

  g_test_add_func ("/document/async/load", test_async_load);
  g_test_add_func ("/document/async/signals", test_async_signals);
  g_test_add_func ("/document/async/invalid", test_async_invalid);
  g_test_add_func ("/document/async/cancelled", test_async_cancelled);
  g_test_add_func ("/document/async/save", test_async_save);
  g_test_add_func ("/document/async/save-cancelled", test_async_save_cancelled);

  return g_test_run ();
}
