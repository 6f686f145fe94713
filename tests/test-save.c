/* test-save.c: a save leaves the old document or the new one, never less
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The findings of issue 7 about saving, each a test that failed before
 * stance-save.c: a full disk (a small tmpfs where this process may mount
 * one, an injected ENOSPC otherwise) and an I/O error, sync and async;
 * async saves cancelled at every step and at random moments; a FIFO, a
 * device and a directory as the target; the replaced file's mode and
 * owner; symbolic links; read-only files.
 */

/* unshare() */
#define _GNU_SOURCE

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libstance/stance.h>

#include "stance-save-private.h"

/* A graph whose document is about 27 KB per 100 statements; the
 * generations differ in every statement. */
static StanceGraph *
build_graph (guint n,
             guint generation)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(StanceActor) speaker = stance_graph_add_actor (graph, "speaker", "A speaker", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "claim", "A claim", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *text = g_strdup_printf ("generation %u, statement %u, with some words to make it longer", generation, i);
      g_autoptr(StanceStatement) statement = stance_graph_add_statement (graph, id, speaker, "2017-07-09", NULL);
      G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, i % 2 ? "proposes" : "retracts",
                                                                              STANCE_NODE (claim), NULL, NULL);

      stance_statement_set_text (statement, text);
    }

  return graph;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* Names in @dir: a save must leave no temporary file behind. */
static guint
count_entries (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  g_dir_close (listing);
  return n;
}

static void
remove_tree (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_dir_close (listing);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The async save, waited for in a main loop of its own. */
typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  gboolean   done;
} Wait;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = stance_graph_save_to_file_finish (STANCE_GRAPH (object), result, &wait->error);
  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
}

static gboolean
save_async (StanceGraph   *graph,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, FALSE };

  stance_graph_save_to_file_async (graph, file, cancellable, saved_cb, &wait);
  /* A callback that never comes fails the test by its timeout. */
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_true (wait.done);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

typedef gboolean (*SaveFunc) (StanceGraph *graph, const char *path, GCancellable *cancellable, GError **error);

static gboolean
save_sync (StanceGraph   *graph,
           const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  return stance_graph_save_to_file (graph, path, error);
}

static const struct { const char *name; SaveFunc save; } savers[] = {
  { "sync", save_sync },
  { "async", save_async },
};

/* A failed save: the old file is exactly as it was, nothing else is left,
 * and nothing changes later either (the old async save replaced the file
 * half a second after reporting the error). */
static void
assert_old_intact (const char *dir,
                   const char *path,
                   const char *old_text)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *now = read_file (path);

      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpstr (now, ==, old_text);
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_usleep (G_USEC_PER_SEC / 5);
    }
}

/* 1. A full disk. */

/* A small tmpfs on @dir, in a mount namespace of this process's own, so
 * that it goes away with the process even when a failed assertion ends it
 * before it could unmount.  Only root (or CAP_SYS_ADMIN) may. */
static gboolean
try_mount_tmpfs (const char *dir,
                 const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s", size);

  return unshare (CLONE_NEWNS) == 0 &&
         mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
         mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

static int
fail_with_errno (StanceSaveStep step,
                 gpointer       user_data)
{
  /* Half-way: after the first chunk is written. */
  return step == STANCE_SAVE_STEP_WROTE ? GPOINTER_TO_INT (user_data) : 0;
}

static void
check_write_error (const char *dir,
                   int         injected)
{
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(StanceGraph) small = build_graph (10, 0);
  /* About 530 KB: more than the small tmpfs holds, and two chunks. */
  g_autoptr(StanceGraph) large = build_graph (2000, 1);
  g_autofree char *old_text = stance_graph_save_to_data (small, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (savers); s++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s save, %s", savers[s].name, injected ? g_strerror (injected) : "a full tmpfs");
      g_assert_true (stance_graph_save_to_file (small, path, &error));
      g_assert_no_error (error);

      if (injected != 0)
        _stance_save_set_test_hook (fail_with_errno, GINT_TO_POINTER (injected));
      g_assert_false (savers[s].save (large, path, NULL, &error));
      _stance_save_set_test_hook (NULL, NULL);
      g_assert_error (error, G_FILE_ERROR, (int) g_file_error_from_errno (injected ? injected : ENOSPC));
      g_assert_nonnull (strstr (error->message, "story.json"));

      assert_old_intact (dir, path, old_text);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (!g_test_subprocess ())
    {
      /* The child mounts, in its own mount namespace. */
      g_test_trap_subprocess (NULL, 300 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("stance-full-XXXXXX", &error);
  g_assert_no_error (error);
  if (try_mount_tmpfs (dir, "256k"))
    {
      check_write_error (dir, 0);
      g_assert_cmpint (umount (dir), ==, 0);
    }
  else
    {
      g_test_message ("cannot mount a tmpfs here: an injected ENOSPC instead");
      check_write_error (dir, ENOSPC);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_write_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-eio-XXXXXX", &error);

  g_assert_no_error (error);
  check_write_error (dir, EIO);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* 2. Cancellation: at each step, then at random moments. */

typedef struct
{
  StanceSaveStep  step;
  GCancellable   *cancellable;
} CancelAt;

static int
cancel_at_step (StanceSaveStep step,
                gpointer       user_data)
{
  CancelAt *at = user_data;

  if (step == at->step)
    g_cancellable_cancel (at->cancellable);
  return 0;
}

static void
test_cancel_at_each_step (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-cancel-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(StanceGraph) old_graph = build_graph (100, 0);
  g_autoptr(StanceGraph) new_graph = build_graph (100, 1);
  g_autofree char *old_text = stance_graph_save_to_data (old_graph, NULL);
  g_autofree char *new_text = stance_graph_save_to_data (new_graph, NULL);

  g_assert_no_error (error);
  for (StanceSaveStep step = STANCE_SAVE_STEP_OPENED; step <= STANCE_SAVE_STEP_RENAMED; step++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      CancelAt at = { step, cancellable };
      g_autofree char *now = NULL;
      gboolean ok;

      g_assert_true (stance_graph_save_to_file (old_graph, path, &error));
      _stance_save_set_test_hook (cancel_at_step, &at);
      ok = save_async (new_graph, path, cancellable, &error);
      _stance_save_set_test_hook (NULL, NULL);

      now = read_file (path);
      if (step == STANCE_SAVE_STEP_RENAMED)
        {
          /* Too late to stop: the save happened and says so. */
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (now, ==, new_text);
        }
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_false (ok);
          g_clear_error (&error);
          g_assert_cmpstr (now, ==, old_text);
        }
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  /* Cancelled before it starts: nothing happens, and the callback comes. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *now = NULL;

    g_assert_true (stance_graph_save_to_file (old_graph, path, &error));
    g_cancellable_cancel (cancellable);
    g_assert_false (save_async (new_graph, path, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    now = read_file (path);
    g_assert_cmpstr (now, ==, old_text);
  }

  remove_tree (dir);
}

typedef struct
{
  GCancellable *cancellable;
  gulong        delay;
} Canceller;

static gpointer
cancel_later (gpointer data)
{
  Canceller *canceller = data;

  g_usleep (canceller->delay);
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

static void
test_cancel_random (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-cancel-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  StanceGraph *graphs[2] = { build_graph (150, 0), build_graph (150, 1) };
  char *texts[2] = { stance_graph_save_to_data (graphs[0], NULL), stance_graph_save_to_data (graphs[1], NULL) };
  guint rounds = g_test_quick () ? 50 : 200;
  guint n_cancelled = 0, n_saved = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (texts[0]), >, 30000);
  g_assert_true (stance_graph_save_to_file (graphs[0], path, &error));

  for (guint round = 0; round < rounds; round++)
    {
      guint old = round % 2, new = 1 - old;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Canceller canceller = { cancellable, g_test_rand_int_range (0, 3000) };
      GThread *thread;
      g_autofree char *now = NULL;
      gboolean ok;

      /* Make sure the file holds the old generation. */
      now = read_file (path);
      if (!g_str_equal (now, texts[old]))
        g_assert_true (stance_graph_save_to_file (graphs[old], path, &error));
      g_clear_pointer (&now, g_free);

      thread = g_thread_new ("cancel", cancel_later, &canceller);
      ok = save_async (graphs[new], path, cancellable, &error);
      g_thread_join (thread);

      now = read_file (path);
      g_assert_cmpuint (strlen (now), >, 0);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (now, ==, texts[new]);
          n_saved++;
        }
      else
        {
          /* "Cancelled" only when nothing changed. */
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&error);
          g_assert_cmpstr (now, ==, texts[old]);
          n_cancelled++;
          /* Keep the parity: the next round saves over this generation. */
          g_assert_true (stance_graph_save_to_file (graphs[new], path, &error));
        }
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }
  g_test_message ("%u saves cancelled, %u done", n_cancelled, n_saved);

  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (graphs[i]);
      g_free (texts[i]);
    }
  remove_tree (dir);
}

/* 3. Targets that are not regular files. */

static void
test_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-fifo-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr(StanceGraph) graph = build_graph (3, 0);
  struct { const char *path; GFileError code; const char *says; } targets[] = {
    { fifo, G_FILE_ERROR_INVAL, "FIFO" },
    { "/dev/null", G_FILE_ERROR_INVAL, "device" },
    { dir, G_FILE_ERROR_ISDIR, "directory" },
  };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint s = 0; s < G_N_ELEMENTS (savers); s++)
      {
        struct stat st;

        /* Before the fix the async save onto a FIFO never called back: the
         * main loop of save_async() ran for ever. */
        g_assert_false (savers[s].save (graph, targets[t].path, NULL, &error));
        g_assert_error (error, G_FILE_ERROR, (int) targets[t].code);
        g_assert_nonnull (strstr (error->message, targets[t].says));
        g_clear_error (&error);
        g_assert_cmpint (lstat (targets[t].path, &st), ==, 0);
      }
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

/* 4. What happens to the file replaced. */

static void
test_keeps_mode_and_owner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-mode-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "private.json", NULL);
  g_autoptr(StanceGraph) graph = build_graph (3, 0);
  const guint modes[] = { 0600, 0640, 0664, 0620 };

  g_assert_no_error (error);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    for (guint s = 0; s < G_N_ELEMENTS (savers); s++)
      {
        struct stat st;

        g_assert_true (stance_graph_save_to_file (graph, path, &error));
        g_assert_cmpint (g_chmod (path, modes[m]), ==, 0);
        /* As root the owner is kept too: give the file away first. */
        if (geteuid () == 0)
          g_assert_cmpint (chown (path, 65534, 65534), ==, 0);

        g_assert_true (savers[s].save (graph, path, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 07777, ==, modes[m]);
        if (geteuid () == 0)
          {
            g_assert_cmpint (st.st_uid, ==, 65534);
            g_assert_cmpint (st.st_gid, ==, 65534);
          }
        g_assert_cmpint (g_unlink (path), ==, 0);
      }

  remove_tree (dir);
}

static void
test_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-link-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *made = g_build_filename (dir, "made.json", NULL);
  g_autoptr(StanceGraph) old_graph = build_graph (3, 0);
  g_autoptr(StanceGraph) new_graph = build_graph (3, 1);
  g_autofree char *new_text = stance_graph_save_to_data (new_graph, NULL);
  const char *through[] = { link, chain };

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  /* A relative link, and a link to that link. */
  g_assert_cmpint (symlink ("sub/real.json", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);

  for (guint l = 0; l < G_N_ELEMENTS (through); l++)
    for (guint s = 0; s < G_N_ELEMENTS (savers); s++)
      {
        g_autofree char *now = NULL;
        struct stat st;

        g_assert_true (stance_graph_save_to_file (old_graph, target, &error));
        g_assert_true (savers[s].save (new_graph, through[l], NULL, &error));
        g_assert_no_error (error);

        /* The link stays a link; the file it points to has the document. */
        g_assert_cmpint (lstat (link, &st), ==, 0);
        g_assert_true (S_ISLNK (st.st_mode));
        g_assert_cmpint (lstat (chain, &st), ==, 0);
        g_assert_true (S_ISLNK (st.st_mode));
        now = read_file (target);
        g_assert_cmpstr (now, ==, new_text);
        g_assert_cmpuint (count_entries (sub), ==, 1);
      }

  /* A dangling link makes the file it names, as an editor does. */
  g_assert_cmpint (symlink ("made.json", dangling), ==, 0);
  g_assert_true (stance_graph_save_to_file (new_graph, dangling, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = read_file (made);
    struct stat st;

    g_assert_cmpstr (now, ==, new_text);
    g_assert_cmpint (lstat (dangling, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }

  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  remove_tree (dir);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stance-ro-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "read-only.json", NULL);
  g_autoptr(StanceGraph) old_graph = build_graph (3, 0);
  g_autoptr(StanceGraph) new_graph = build_graph (3, 1);
  g_autofree char *old_text = stance_graph_save_to_data (old_graph, NULL);

  g_assert_no_error (error);
  g_assert_true (stance_graph_save_to_file (old_graph, path, &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* In a writable directory, even as root: refused, as an editor refuses
   * to overwrite a read-only file without being told. */
  for (guint s = 0; s < G_N_ELEMENTS (savers); s++)
    {
      g_autofree char *now = NULL;
      struct stat st;

      g_assert_false (savers[s].save (new_graph, path, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, "read-only"));
      g_clear_error (&error);
      now = read_file (path);
      g_assert_cmpstr (now, ==, old_text);
      g_assert_cmpint (stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0444);
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  remove_tree (dir);
}

/* A path that is not UTF-8 is quoted with escapes in the message. */
static void
test_message_escapes_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = build_graph (1, 0);

  g_assert_false (stance_graph_save_to_file (graph, "/nonexistent-dir/\xff\x1b[31m.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "\"/nonexistent-dir/\\xff\\x1b[31m.json\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/full-disk", test_full_disk);
  g_test_add_func ("/save/write-error", test_write_error);
  g_test_add_func ("/save/cancel/each-step", test_cancel_at_each_step);
  g_test_add_func ("/save/cancel/random", test_cancel_random);
  g_test_add_func ("/save/not-regular", test_not_regular);
  g_test_add_func ("/save/keeps-mode-and-owner", test_keeps_mode_and_owner);
  g_test_add_func ("/save/symlink", test_symlink);
  g_test_add_func ("/save/read-only", test_read_only);
  g_test_add_func ("/save/message-escapes-path", test_message_escapes_path);

  return g_test_run ();
}
