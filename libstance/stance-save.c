/* stance-save.c: the one way a document reaches a file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Both stance_graph_save_to_file() and stance_graph_save_to_file_async()
 * come here, so that they give one guarantee:
 *
 *  - The target is looked at first, without opening it: a FIFO, a device,
 *    a socket or a directory is refused at once (opening a FIFO would
 *    block until a reader comes), and so is a read-only file.
 *  - A symbolic link is followed, as text editors and g_file_replace() do:
 *    the file it points to is replaced, the link stays a link.
 *  - The document is written to a new temporary file in the directory of
 *    the file it replaces (so that the rename stays on one file system),
 *    with the old file's permission bits and, where the process may, its
 *    owner and group: a private 0600 document stays private.
 *  - The temporary is synced to the disk, then renamed over the target, and
 *    the directory is synced: after a crash the name holds the old
 *    document or the new one, whole (tests/test-save-kill.c).
 *  - Any error or cancellation before the rename removes the temporary and
 *    leaves the old file as it was, byte for byte and with its metadata.
 *    Once the rename is done the save has happened: a cancellation that
 *    comes later is ignored and the save reports success, so that a caller
 *    is never told "cancelled" about a file that did change.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "stance-quote-private.h"
#include <gio/gunixoutputstream.h>

#include "stance-save-private.h"

/* Written in chunks so that a cancellation is seen while a large document
 * is written, and the test hook can fail "half-way". */
#define SAVE_CHUNK (256 * 1024)

/* The most links followed, as the kernel's MAXSYMLINKS. */
#define SAVE_MAX_LINKS 40

static StanceSaveHook test_hook;
static gpointer test_hook_data;

void
_stance_save_set_test_hook (StanceSaveHook hook,
                            gpointer       user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

static int
run_hook (StanceSaveStep step)
{
  return test_hook != NULL ? test_hook (step, test_hook_data) : 0;
}

static gboolean
fail (GError     **error,
      int          saved_errno,
      const char  *filename,
      const char  *what)
{
  g_autofree char *quoted = _stance_quote (filename, -1);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "cannot save to %s: %s: %s", quoted, what, g_strerror (saved_errno));
  return FALSE;
}

/* Follows @filename's symbolic links to the file a save replaces (which may
 * not exist yet: a dangling link makes its target).  Sets @st and returns
 * TRUE in @exists when that file exists. */
static char *
resolve_target (const char   *filename,
                struct stat  *st,
                gboolean     *exists,
                GError      **error)
{
  g_autofree char *path = g_strdup (filename);

  for (guint links = 0; ; links++)
    {
      g_autofree char *link = NULL;
      GError *local = NULL;

      if (lstat (path, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            {
              fail (error, saved_errno, filename, "cannot look at it");
              return NULL;
            }
          *exists = FALSE;
          return g_steal_pointer (&path);
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&path);
        }

      if (links == SAVE_MAX_LINKS)
        {
          fail (error, ELOOP, filename, "cannot follow its links");
          return NULL;
        }

      link = g_file_read_link (path, &local);
      if (link == NULL)
        {
          g_autofree char *quoted = _stance_quote (filename, -1);

          g_set_error (error, G_FILE_ERROR, local->code, "cannot save to %s: cannot follow its link", quoted);
          g_error_free (local);
          return NULL;
        }

      if (g_path_is_absolute (link))
        {
          g_free (path);
          path = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (path);

          g_free (path);
          path = g_build_filename (dir, link, NULL);
        }
    }
}

static gboolean
check_target (const char         *filename,
              const struct stat  *st,
              GError            **error)
{
  g_autofree char *quoted = _stance_quote (filename, -1);
  const char *what;

  if (S_ISREG (st->st_mode))
    {
      /* An editor does not silently replace a file marked read-only, even
       * where it could (as root, or in a writable directory). */
      if ((st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || access (filename, W_OK) != 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                       "cannot save to %s: the file is read-only", quoted);
          return FALSE;
        }
      return TRUE;
    }

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "cannot save to %s: it is a directory", quoted);
      return FALSE;
    }

  if (S_ISFIFO (st->st_mode))
    what = "a FIFO";
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    what = "a device";
  else if (S_ISSOCK (st->st_mode))
    what = "a socket";
  else
    what = "not a file";
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               "cannot save to %s: it is %s, not a regular file", quoted, what);
  return FALSE;
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
sync_temporary (int          fd,
                const char  *filename,
                GError     **error)
{
  int hook_errno;

  if (fsync (fd) != 0)
    return fail (error, errno, filename, "cannot sync");

  if ((hook_errno = run_hook (STANCE_SAVE_STEP_SYNCED)) != 0)
    return fail (error, hook_errno, filename, "cannot sync");

  return TRUE;
}

/* Writes and syncs the temporary; FALSE with @error on any failure or
 * cancellation (the caller removes the file). */
static gboolean
write_temporary (int            fd,
                 const char    *filename,
                 const char    *data,
                 gsize          length,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gsize done = 0;
  int hook_errno;

  if ((hook_errno = run_hook (STANCE_SAVE_STEP_OPENED)) != 0)
    return fail (error, hook_errno, filename, "cannot write");

  while (done < length)
    {
      gsize chunk = MIN (length - done, SAVE_CHUNK);
      gssize written;

      if (cancelled (cancellable, error))
        return FALSE;

      written = write (fd, data + done, chunk);
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return fail (error, errno, filename, "cannot write");
        }
      done += written;

      if ((hook_errno = run_hook (STANCE_SAVE_STEP_WROTE)) != 0)
        return fail (error, hook_errno, filename, "cannot write");
    }

  return sync_temporary (fd, filename, error);
}

/* What a streaming writer produced, written through a GOutputStream on
 * the temporary, then synced like the rest. */
typedef struct
{
  StanceSaveWriteFunc write;
  gpointer            user_data;
} StreamFill;

static gboolean
fill_from_stream (int            fd,
                  const char    *filename,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  StreamFill *fill = data;
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (fd, FALSE);
  int hook_errno;

  if ((hook_errno = run_hook (STANCE_SAVE_STEP_OPENED)) != 0)
    return fail (error, hook_errno, filename, "cannot write");
  if (!fill->write (out, fill->user_data, cancellable, error) ||
      !g_output_stream_close (out, cancellable, error))
    return FALSE;
  if ((hook_errno = run_hook (STANCE_SAVE_STEP_WROTE)) != 0)
    return fail (error, hook_errno, filename, "cannot write");

  return sync_temporary (fd, filename, error);
}

typedef struct
{
  const char *data;
  gsize       length;
} BytesFill;

static gboolean
fill_from_bytes (int            fd,
                 const char    *filename,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  BytesFill *fill = data;

  return write_temporary (fd, filename, fill->data, fill->length, cancellable, error);
}

/* The replaced file's owner, group and permission bits, where the process
 * may give them; a new file gets 0666 less the umask, as any editor's. */
static void
copy_metadata (int                fd,
               const struct stat *old)
{
  if (old->st_uid != geteuid () || old->st_gid != getegid ())
    {
      /* Only root may give a file away; anyone may pick a group of theirs.
       * Neither is an error: the bits below still keep it private. */
      if (fchown (fd, old->st_uid, old->st_gid) != 0 &&
          fchown (fd, (uid_t) -1, old->st_gid) != 0)
        {
          /* The group stays the process's: the bits below still apply. */
        }
    }

  /* After the chown, which may clear set-id bits. */
  if (fchmod (fd, old->st_mode & 07777) != 0)
    {
      /* Only on a file system without modes (a FAT stick): nothing to keep. */
    }
}

typedef gboolean (*FillFunc) (int            fd,
                              const char    *filename,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error);

/* The one save path: @fill writes and syncs the temporary. */
static gboolean
save_with (const char    *filename,
           FillFunc       fill,
           gpointer       fill_data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean exists = FALSE;
  int fd, dir_fd, hook_errno;

  if (cancelled (cancellable, error))
    return FALSE;

  target = resolve_target (filename, &st, &exists, error);
  if (target == NULL || (exists && !check_target (filename, &st, error)))
    return FALSE;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail (error, errno, filename, "cannot create a temporary file beside it");

  if (exists)
    copy_metadata (fd, &st);

  if (!fill (fd, filename, fill_data, cancellable, error))
    {
      close (fd);
      g_unlink (temp);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      fail (error, errno, filename, "cannot write");
      g_unlink (temp);
      return FALSE;
    }

  /* The last moment a cancellation can stop the save. */
  if (cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, target) != 0)
    {
      fail (error, errno, filename, "cannot replace it");
      g_unlink (temp);
      return FALSE;
    }

  /* The save is done: from here on nothing is reported but success.  The
   * directory is synced so that the rename itself survives a crash. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  hook_errno = run_hook (STANCE_SAVE_STEP_RENAMED);
  (void) hook_errno;

  return TRUE;
}

gboolean
_stance_save_file (const char    *filename,
                   const char    *data,
                   gsize          length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  BytesFill fill = { data, length };

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return save_with (filename, fill_from_bytes, &fill, cancellable, error);
}

gboolean
_stance_save_file_streaming (const char          *filename,
                             StanceSaveWriteFunc  write,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  StreamFill fill = { write, user_data };

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  return save_with (filename, fill_from_stream, &fill, cancellable, error);
}

/* The asynchronous save: the same routine in a worker thread. */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_object_unref (save->file);
  g_bytes_unref (save->bytes);
  g_free (save);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autofree char *path = g_file_get_path (save->file);
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (save->bytes, &length);
  gboolean ok;

  if (path != NULL)
    ok = _stance_save_file (path, data != NULL ? data : "", length, cancellable, &error);
  else
    /* Not a local file (a GVfs location): GIO's replace is all there is. */
    ok = g_file_replace_contents (save->file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_stance_save_file_async (gpointer             source_object,
                         gpointer             source_tag,
                         GFile               *file,
                         GBytes              *bytes,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  SaveData *save = g_new0 (SaveData, 1);

  g_task_set_source_tag (task, source_tag);
  /* The thread alone decides: a cancellation after the rename is a success,
   * so GTask must not turn the result into "cancelled" on its own. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_return_on_cancel (task, FALSE);

  save->file = g_object_ref (file);
  save->bytes = g_bytes_ref (bytes);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}
