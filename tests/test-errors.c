/* test-errors.c: document errors that help
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Beyond saying where (test-document.c, test-jsonl.c): a member path
 * names the node it is in by its id, wherever the id stands in the object;
 * unknown kinds and ids get a "did you mean"; a malformed time names the
 * accepted forms.  And the suggestion rule itself (stance-suggest.c).
 */

#include <string.h>

#include <gio/gio.h>
#include <libstance/stance.h>

#include "stance-suggest-private.h"

#define TIME_FORMS "use an ISO 8601 date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z"

static char *
load_error (const char *document,
            int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (document, -1, &error);

  g_assert_null (graph);
  g_assert_error (error, STANCE_ERROR, code);
  return g_strdup (error->message);
}

static char *
load_jsonl_error (const char *document,
                  int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (document, -1, NULL);
  g_autoptr(StanceGraph) graph = stance_graph_new_from_jsonl_stream (in, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, STANCE_ERROR, code);
  return g_strdup (error->message);
}

#define ACTORS "\"actors\": [{\"id\": \"biden\", \"name\": \"Joe Biden\"}, {\"id\": \"hyde\", \"name\": \"H\"}], "
#define CLAIMS "\"claims\": [{\"id\": \"hyde-amendment\", \"text\": \"The Hyde Amendment\"}], "

static void
test_did_you_mean_kind (void)
{
  g_autofree char *message = load_error ("{\"stance\": 1, " ACTORS CLAIMS "\"statements\": ["
                                         "{\"id\": \"biden-2019-06-05\", \"speaker\": \"biden\", \"time\": \"2019-06-05\"}, "
                                         "{\"id\": \"biden-2019-06-06\", \"speaker\": \"biden\", \"time\": \"2019-06-06\", "
                                         "\"stances\": [{\"kind\": \"oposes\", \"target\": \"hyde-amendment\"}]}]}",
                                         STANCE_ERROR_UNKNOWN_KIND);

  g_assert_cmpstr (message, ==, "statements[1] (\"biden-2019-06-06\").stances[0].kind: "
                                "unknown stance kind \"oposes\" (did you mean \"opposes\"?)");
}

static void
test_did_you_mean_declared_kind (void)
{
  /* Declared kinds are candidates too, even when declared after. */
  g_autofree char *message = load_error ("{\"stance\": 1, " ACTORS CLAIMS "\"statements\": ["
                                         "{\"id\": \"s\", \"speaker\": \"biden\", \"time\": \"2019\", "
                                         "\"stances\": [{\"kind\": \"praise\", \"target\": \"hyde\"}]}], "
                                         "\"kinds\": [{\"name\": \"praises\", \"polarity\": \"positive\"}]}",
                                         STANCE_ERROR_UNKNOWN_KIND);

  g_assert_true (g_str_has_suffix (message, "unknown stance kind \"praise\" (did you mean \"praises\"?)"));
}

static void
test_did_you_mean_id (void)
{
  g_autofree char *message = load_error ("{\"stance\": 1, " ACTORS CLAIMS "\"statements\": ["
                                         "{\"id\": \"biden-2019-06-06\", \"speaker\": \"biden\", \"time\": \"2019-06-06\", "
                                         "\"stances\": [{\"kind\": \"opposes\", \"target\": \"hyde-amendmnt\"}]}]}",
                                         STANCE_ERROR_UNKNOWN_ID);
  g_autofree char *speaker = load_error ("{\"stance\": 1, " ACTORS CLAIMS "\"statements\": ["
                                         "{\"id\": \"s\", \"speaker\": \"hyde-amendmnt\", \"time\": \"2019\"}]}",
                                         STANCE_ERROR_UNKNOWN_ID);
  g_autofree char *far = load_error ("{\"stance\": 1, " ACTORS CLAIMS "\"statements\": ["
                                     "{\"id\": \"s\", \"speaker\": \"obama\", \"time\": \"2019\"}]}",
                                     STANCE_ERROR_UNKNOWN_ID);

  g_assert_cmpstr (message, ==, "statements[0] (\"biden-2019-06-06\").stances[0].target: "
                                "unknown id \"hyde-amendmnt\" (did you mean \"hyde-amendment\"?)");
  /* Only ids of the sort the member takes: a speaker is an actor. */
  g_assert_cmpstr (speaker, ==, "statements[0] (\"s\").speaker: unknown id \"hyde-amendmnt\"");
  g_assert_cmpstr (far, ==, "statements[0] (\"s\").speaker: unknown id \"obama\"");
}

static void
test_id_before_and_after (void)
{
  /* The id is named wherever it stands in the object. */
  g_autofree char *after = load_error ("{\"stance\": 1, \"actors\": [{\"name\": 7, \"id\": \"trump\"}]}",
                                       STANCE_ERROR_TYPE);
  g_autofree char *missing = load_error ("{\"stance\": 1, \"claims\": [{\"text\": \"t\", \"id\": \"c\", \"lang\": null, "
                                         "\"meta\": {}}, {\"id\": \"d\"}]}",
                                         STANCE_ERROR_MISSING_MEMBER);
  g_autofree char *no_id = load_error ("{\"stance\": 1, \"actors\": [{\"name\": 7}]}", STANCE_ERROR_TYPE);
  g_autofree char *nested = load_error ("{\"stance\": 1, \"statements\": [{\"stances\": [{\"kind\": 1}], "
                                        "\"id\": \"s\", \"speaker\": \"a\", \"time\": \"2017\"}]}",
                                        STANCE_ERROR_TYPE);
  /* A long id is cut, a control character escaped. */
  g_autofree char *long_id = load_error ("{\"stance\": 1, \"actors\": [{\"id\": "
                                         "\"an-actor-with-a-very-long-id-that-goes-on-and-on\\n\", \"name\": 1}]}",
                                         STANCE_ERROR_TYPE);
  g_autofree char *control = load_error ("{\"stance\": 1, \"actors\": [{\"id\": \"tab\\tid\", \"name\": 1}]}",
                                         STANCE_ERROR_TYPE);

  g_assert_cmpstr (after, ==, "actors[0] (\"trump\").name: expected a string, got a number");
  g_assert_cmpstr (missing, ==, "claims[1] (\"d\").text: missing member");
  g_assert_cmpstr (no_id, ==, "actors[0].name: expected a string, got a number");
  g_assert_cmpstr (nested, ==, "statements[0] (\"s\").stances[0].kind: expected a string, got a number");
  g_assert_cmpstr (long_id, ==, "actors[0] (\"an-actor-with-a-very-long-id-that-goes-o…\").name: "
                                "expected a string, got a number");
  g_assert_cmpstr (control, ==, "actors[0] (\"tab\\u0009id\").name: expected a string, got a number");
}

static void
test_cycle_names_node (void)
{
  g_autofree char *message = load_error ("{\"stance\": 1, \"claims\": ["
                                         "{\"id\": \"plan\", \"text\": \"P\", \"part_of\": \"plan-p3\"}, "
                                         "{\"id\": \"plan-p3\", \"text\": \"P3\", \"part_of\": \"plan\"}]}",
                                         STANCE_ERROR_CYCLE);

  g_assert_cmpstr (message, ==, "claims[0] (\"plan\").part_of: part_of cycle: \"plan\" → \"plan-p3\" → \"plan\"");
}

static void
test_time_forms (void)
{
  g_autofree char *message = load_error ("{\"stance\": 1, " ACTORS "\"statements\": ["
                                         "{\"id\": \"biden-2019-06-06\", \"speaker\": \"biden\", \"time\": \"06/06/2019\"}]}",
                                         STANCE_ERROR_INVALID_TIME);
  g_autofree char *range = load_error ("{\"stance\": 1, " ACTORS "\"statements\": ["
                                       "{\"id\": \"s\", \"speaker\": \"biden\", \"time\": \"2019-13\"}]}",
                                       STANCE_ERROR_INVALID_TIME);

  g_assert_cmpstr (message, ==, "statements[0] (\"biden-2019-06-06\").time: malformed time \"06/06/2019\": "
                                "expected a digit at byte 2; " TIME_FORMS);
  /* A field out of range is in the right form: no list of forms. */
  g_assert_cmpstr (range, ==, "statements[0] (\"s\").time: malformed time \"2019-13\": month 13 is out of range");
}

static void
test_jsonl (void)
{
  g_autofree char *message = load_jsonl_error ("{\"stance\": 1}\n"
                                               "{\"actor\": {\"id\": \"biden\", \"name\": \"Joe Biden\"}}\n"
                                               "{\"statement\": {\"id\": \"s1\", \"speaker\": \"biden\", \"time\": \"2019\", "
                                               "\"stances\": [{\"kind\": \"opposes\", \"target\": \"hyde-amendment\"}, "
                                               "{\"kind\": \"opposes\", \"target\": \"hyde-amendmnt\"}]}}\n"
                                               "{\"claim\": {\"id\": \"hyde-amendment\", \"text\": \"H\"}}\n",
                                               STANCE_ERROR_UNKNOWN_ID);

  g_assert_cmpstr (message, ==, "line 3: statement (\"s1\").stances[1].target: "
                                "unknown id \"hyde-amendmnt\" (did you mean \"hyde-amendment\"?)");
}

static void
test_suggest (void)
{
  static const char * const kinds[] = { "proposes", "endorses", "opposes", "retracts", "praises", "prizes", NULL };
  static const char * const short_names[] = { "id", "name", NULL };
  g_autofree char *long_word = g_strnfill (100, 'a');
  g_autofree char *long_candidate = g_strnfill (101, 'a');
  const char * const long_candidates[] = { long_candidate, NULL };

  g_assert_cmpstr (_stance_suggest (kinds, "oposes"), ==, "opposes");
  g_assert_cmpstr (_stance_suggest (kinds, "Proposes"), ==, "proposes");
  g_assert_cmpstr (_stance_suggest (kinds, "endrose"), ==, "endorses");  /* a swap is one edit */
  g_assert_null (_stance_suggest (kinds, "slams"));
  /* Two equally close: no guess. */
  g_assert_null (_stance_suggest (kinds, "prises"));  /* praises, prizes */
  /* The word itself is no suggestion. */
  g_assert_null (_stance_suggest (kinds, "opposes"));
  /* Two edits turn any short name into another. */
  g_assert_null (_stance_suggest (short_names, "x"));
  g_assert_cmpstr (_stance_suggest (short_names, "nmae"), ==, "name");
  /* Long words cost no fixed-size table. */
  g_assert_cmpstr (_stance_suggest (long_candidates, long_word), ==, long_candidate);
  g_assert_null (_stance_suggest (NULL, "x"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/errors/did-you-mean/kind", test_did_you_mean_kind);
  g_test_add_func ("/errors/did-you-mean/declared-kind", test_did_you_mean_declared_kind);
  g_test_add_func ("/errors/did-you-mean/id", test_did_you_mean_id);
  g_test_add_func ("/errors/path/id-before-and-after", test_id_before_and_after);
  g_test_add_func ("/errors/path/cycle", test_cycle_names_node);
  g_test_add_func ("/errors/time-forms", test_time_forms);
  g_test_add_func ("/errors/jsonl", test_jsonl);
  g_test_add_func ("/errors/suggest", test_suggest);

  return g_test_run ();
}
