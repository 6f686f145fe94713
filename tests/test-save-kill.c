/* test-save-kill.c: a save killed half-way leaves the old file intact
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A child process saves a large graph over a file again and again; the
 * parent kills it with SIGKILL at a different moment each round, usually
 * in the middle of writing.  Whatever the moment, the file must hold either
 * the old document or the new one, whole: never a torn mix, never nothing.
 */

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libstance/stance.h>

#define N_STATEMENTS 100000

static StanceGraph *
build_graph (guint generation)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(StanceActor) speaker = stance_graph_add_actor (graph, "speaker", "A speaker", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "claim", "A claim", NULL);

  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(StanceStatement) statement = stance_graph_add_statement (graph, id, speaker, "2017-07-09", NULL);
      G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, i % 2 ? "proposes" : "retracts",
                                                                STANCE_NODE (claim), NULL, NULL);

      /* The generations differ in every statement, so a torn file would
       * mix them and be recognisably neither. */
      stance_statement_set_text (statement, generation == 0 ? "the old words" : "the new words, longer than the old");
    }

  return graph;
}

static void
test_save_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(StanceGraph) old_graph = build_graph (0);
  g_autoptr(StanceGraph) new_graph = build_graph (1);
  g_autofree char *old_text = stance_graph_save_to_data (old_graph, NULL);
  g_autofree char *new_text = stance_graph_save_to_data (new_graph, NULL);
  guint saw_old = 0, saw_new = 0;
  const char *name;
  GDir *listing;

  g_assert_no_error (error);

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(StanceGraph) reloaded = NULL;
      int status;
      pid_t child;

      g_assert_true (stance_graph_save_to_file (old_graph, path, &error));
      g_assert_no_error (error);

      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          /* Save for ever; the parent decides when this ends. */
          for (;;)
            stance_graph_save_to_file (new_graph, path, NULL);
        }

      /* From before the first write to well into later ones. */
      g_usleep (2000 + round * 40000);
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_no_error (error);
      if (g_str_equal (contents, old_text))
        saw_old++;
      else if (g_str_equal (contents, new_text))
        saw_new++;
      else
        g_error ("round %u: the file is neither the old nor the new document", round);

      reloaded = stance_graph_new_from_data (contents, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (stance_graph_get_n_statements (reloaded), ==, N_STATEMENTS);
    }

  g_test_message ("old file kept %u times, new file complete %u times", saw_old, saw_new);

  /* A killed save may leave its temporary file behind (the kernel gives no
   * chance to remove it), but never in place of the document. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (file), ==, 0);
    }
  g_dir_close (listing);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_refused_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = build_graph (0);
  g_autofree char *dir = g_dir_make_tmp ("stance-save-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "story.json", NULL);
  g_autofree char *parent = g_path_get_dirname (missing);

  g_assert_no_error (error);

  /* Into a directory that does not exist: a clear error, nothing made. */
  g_assert_false (stance_graph_save_to_file (graph, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The check itself, as an unprivileged user: a save onto a read-only file in
 * a read-only directory fails with a clear error and changes nothing. */
static gboolean
save_onto_read_only (StanceGraph *graph,
                     const char  *path,
                     const char  *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  if (stance_graph_save_to_file (graph, path, &error))
    return FALSE;
  if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) || strstr (error->message, path) == NULL)
    return FALSE;

  return g_file_get_contents (path, &after, NULL, NULL) && g_str_equal (before, after);
}

static void
test_save_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) old_graph = build_graph (0);
  g_autoptr(StanceGraph) new_graph = build_graph (1);
  g_autofree char *dir = g_dir_make_tmp ("stance-ro-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *before = stance_graph_save_to_data (old_graph, NULL);
  gboolean ok;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, before, -1, &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (geteuid () != 0)
    ok = save_onto_read_only (new_graph, path, before);
  else
    {
      /* Root may write anywhere, and CI runs as root: check as nobody. */
      int status;
      pid_t child = fork ();

      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          /* 3 for a failed check, 4 when privileges cannot be dropped:
           * codes that valgrind's own (1) cannot be mistaken for. */
          int code = 4;

          if (setgid (65534) == 0 && setuid (65534) == 0)
            code = save_onto_read_only (new_graph, path, before) ? 0 : 3;
          /* _exit skips the automatic cleanups: free what this process
           * holds, so that a leak checker sees no leak that is not one. */
          g_clear_object (&old_graph);
          g_clear_object (&new_graph);
          g_clear_pointer (&before, g_free);
          g_clear_pointer (&path, g_free);
          g_clear_pointer (&dir, g_free);
          _exit (code);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFEXITED (status));
      if (WEXITSTATUS (status) == 4)
        {
          g_test_skip ("cannot become an unprivileged user to test permissions");
          ok = TRUE;
        }
      else
        ok = WEXITSTATUS (status) == 0;
    }

  g_assert_true (ok);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/killed", test_save_killed);
  g_test_add_func ("/save/refused-changes-nothing", test_save_refused_changes_nothing);
  g_test_add_func ("/save/read-only", test_save_read_only);

  return g_test_run ();
}
