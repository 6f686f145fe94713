/* test-cli-questions.c: `stance on`, `said`, `positions`, `camps` and `lint`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Runs the built tool (STANCE_TOOL) on the seed story and on
 * tests/data/lint/, and checks the JSON it prints, its exit status, and
 * that an error prints nothing on standard output.
 */

#include <libstance/stance.h>

#include "test-json.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
story (void)
{
  return g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
}

static gboolean
run_tool (Run        *run,
          const char *first,
          ...)
{
  const char *tool = g_getenv ("STANCE_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  if (tool == NULL)
    {
      g_test_skip ("STANCE_TOOL is not set");
      return FALSE;
    }

  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  return TRUE;
}

static JsonNode *
parse_out (Run *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = test_json_parse_data (run->out, -1, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_camps_json (void)
{
  g_autofree char *file = story ();
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const want =
    "{\"target\": \"cyber-unit\", \"time\": \"2017-07-09\", \"positive\": ["
    "{\"holder\": \"mnuchin\", \"statement\": \"mnuchin-2017-07\", \"kind\": \"supports\"},"
    "{\"holder\": \"putin\", \"statement\": \"putin-2017-07\", \"kind\": \"confirms\"},"
    "{\"holder\": \"trump\", \"statement\": \"trump-2017-07-09\", \"kind\": \"proposes\"}],"
    "\"negative\": ["
    "{\"holder\": \"graham\", \"statement\": \"graham-2017-07\", \"kind\": \"mocks\"},"
    "{\"holder\": \"rubio\", \"statement\": \"rubio-2017-07\", \"kind\": \"opposes\"}],"
    "\"withdrawn\": []}";

  if (!run_tool (&run, "camps", file, "cyber-unit", "2017-07-09", "--json", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  got = parse_out (&run);
  expected = test_json_parse_data (want, -1, &error);
  g_assert_no_error (error);
  g_assert_true (test_json_check_same ("camps", got, expected));
}

static void
test_questions_json (void)
{
  g_autofree char *file = story ();
  g_auto(Run) said = { 0 };
  g_auto(Run) on = { 0 };
  g_auto(Run) positions = { 0 };
  g_auto(Run) now = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (!run_tool (&said, "said", file, "putin", "--json", NULL))
    return;
  g_assert_cmpint (said.status, ==, 0);
  node = parse_out (&said);
  array = json_object_get_array_member (json_node_get_object (node), "statements");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "id"), ==, "putin-2020-09-25");
  g_clear_pointer (&node, json_node_unref);

  g_assert_true (run_tool (&on, "on", file, "plan-2020", "--json", NULL));
  g_assert_cmpint (on.status, ==, 0);
  node = parse_out (&on);
  array = json_object_get_array_member (json_node_get_object (node), "stances");
  g_assert_cmpuint (json_array_get_length (array), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "holder"), ==, "kaspersky");
  g_clear_pointer (&node, json_node_unref);

  g_assert_true (run_tool (&positions, "positions", file, "trump", "2017-07-09", "--json", NULL));
  g_assert_cmpint (positions.status, ==, 0);
  node = parse_out (&positions);
  array = json_object_get_array_member (json_node_get_object (node), "positions");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "kind"), ==, "proposes");
  g_clear_pointer (&node, json_node_unref);

  /* No TIME: now; "time" is null. */
  g_assert_true (run_tool (&now, "positions", file, "trump", "--json", NULL));
  node = parse_out (&now);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "time"));
  array = json_object_get_array_member (json_node_get_object (node), "positions");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
}

static void
test_errors (void)
{
  g_autofree char *file = story ();
  g_auto(Run) typo = { 0 };
  g_auto(Run) not_actor = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_auto(Run) arity = { 0 };

  if (!run_tool (&typo, "on", file, "cyber-unt", NULL))
    return;
  g_assert_cmpint (typo.status, ==, 2);
  g_assert_cmpstr (typo.out, ==, "");
  g_assert_nonnull (strstr (typo.err, "did you mean \"cyber-unit\"?"));

  g_assert_true (run_tool (&not_actor, "said", file, "cyber-unit", "--json", NULL));
  g_assert_cmpint (not_actor.status, ==, 2);
  g_assert_cmpstr (not_actor.out, ==, "");

  g_assert_true (run_tool (&bad_time, "camps", file, "cyber-unit", "06/06/2019", NULL));
  g_assert_cmpint (bad_time.status, ==, 2);
  g_assert_cmpstr (bad_time.out, ==, "");

  g_assert_true (run_tool (&arity, "positions", file, NULL));
  g_assert_cmpint (arity.status, ==, 2);
}

static void
test_lint (void)
{
  g_autofree char *file = story ();
  g_autofree char *mistakes = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "lint", "mistakes.json", NULL);
  g_autofree char *invalid = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "lint", "invalid.json", NULL);
  g_auto(Run) clean = { 0 };
  g_auto(Run) found = { 0 };
  g_auto(Run) broken = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  const char *checks[] = { "duplicate-stance", "self-attribution", "no-stance", "report-before-original",
                           "unreferenced", "unreferenced" };

  if (!run_tool (&clean, "lint", file, NULL))
    return;
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");

  g_assert_true (run_tool (&found, "lint", mistakes, "--json", NULL));
  g_assert_cmpint (found.status, ==, 1);
  node = parse_out (&found);
  array = json_object_get_array_member (json_node_get_object (node), "findings");
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (checks));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "check"), ==, checks[i]);

  g_assert_true (run_tool (&broken, "lint", invalid, NULL));
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_cmpstr (broken.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/camps-json", test_camps_json);
  g_test_add_func ("/cli/questions-json", test_questions_json);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/lint", test_lint);

  return g_test_run ();
}
