/* stance-input.c: reading a document in bounded memory
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader needs the whole document in memory, so what decides the memory
 * a load takes is how much is read.  Never more than
 * STANCE_DOCUMENT_MAX_SIZE bytes (stance-document-private.h):
 *
 *  - A regular file is measured first (fstat on the opened file) and
 *    refused with STANCE_ERROR_LIMIT, without reading a byte, when it is
 *    larger; otherwise read into one buffer of its size (and a file that
 *    grows while it is read is still cut at the limit).
 *  - A FIFO (a pipe, `/dev/fd/N` from a shell's process substitution) is
 *    read as a stream: chunk by chunk, refused as soon as it passes the
 *    limit, so that endless input costs at most the limit.
 *  - A device (`/dev/zero`, `/dev/urandom`, a terminal), a socket or a
 *    directory is refused at once with G_FILE_ERROR_INVAL (or _ISDIR): no
 *    document comes from there, and a device may never end.  Standard
 *    input is read with stance_graph_load_from_stream() (the tool's `-`).
 *
 * Files are not mapped: a file truncated by another process while it is
 * mapped would kill this one with SIGBUS.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "stance-document-private.h"
#include "stance-error.h"
#include "stance-input-private.h"
#include "stance-quote-private.h"

#define INPUT_CHUNK (64 * 1024)

static void
set_too_large (GError **error)
{
  g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
               "document: larger than %" G_GSIZE_FORMAT " bytes, the most this library reads",
               STANCE_DOCUMENT_MAX_SIZE);
}

GBytes *
_stance_input_read_stream (GInputStream  *stream,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (INPUT_CHUNK);

  for (;;)
    {
      gsize before = bytes->len;
      gsize want;
      gssize n;

      /* Not every stream checks it (memory streams do not). */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* Never more than one byte past the limit, which is enough to know. */
      want = MIN (INPUT_CHUNK, STANCE_DOCUMENT_MAX_SIZE + 1 - before);
      g_byte_array_set_size (bytes, before + want);
      n = g_input_stream_read (stream, bytes->data + before, want, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (bytes, before + (gsize) n);
      if (n == 0)
        break;

      if (bytes->len > STANCE_DOCUMENT_MAX_SIZE)
        {
          set_too_large (error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
file_error (GError     **error,
            int          saved_errno,
            const char  *filename,
            const char  *what)
{
  g_autofree char *quoted = _stance_quote (filename, -1);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "cannot read %s: %s%s%s", quoted, what != NULL ? what : "", what != NULL ? ": " : "",
               g_strerror (saved_errno));
  return FALSE;
}

/* Only regular files and FIFOs hold documents (see the top of the file). */
static gboolean
check_kind (const char         *filename,
            const struct stat  *st,
            GError            **error)
{
  g_autofree char *quoted = NULL;
  const char *what;

  if (S_ISREG (st->st_mode) || S_ISFIFO (st->st_mode))
    return TRUE;

  quoted = _stance_quote (filename, -1);
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "cannot read %s: it is a directory", quoted);
      return FALSE;
    }

  what = S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode) ? "a device" :
         S_ISSOCK (st->st_mode) ? "a socket" : "not a file";
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               "cannot read %s: it is %s, not a document file", quoted, what);
  return FALSE;
}

/* A big file is read in two halves at once, the second by a thread: most
 * of a read into fresh memory is the kernel clearing and mapping the
 * pages, which two cores do in half the time (123 MB: 0.062 s -> 0.035 s).
 *
 * The buffer is plain memory.  Asking for huge pages (MADV_HUGEPAGE) once
 * saved a single-threaded read 40 ms, but this machine gives them slowly at
 * times (a read of 123 MB took 0.017 s to 0.32 s), and with two halves
 * read at once plain pages came out ahead: skewed 1M `stance check --json`
 * 0.90 -> 0.82 s, 10M 9.7-11.9 s -> 8.8-9.0 s. */
#define SPLIT_MIN (32 * 1024 * 1024)

typedef struct
{
  int    fd;
  char  *data;
  gsize  from;
  gsize  to;
  int    saved_errno;  /* of a failed read, or 0 */
  gsize  done;         /* where the read stopped: @to unless the file shrank */
} Range;

static gpointer
read_range (gpointer data)
{
  Range *range = data;
  gsize at = range->from;

  while (at < range->to)
    {
      gssize n = pread (range->fd, range->data + at, MIN (range->to - at, (gsize) 16 * 1024 * 1024), (off_t) at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          range->saved_errno = errno;
          break;
        }
      if (n == 0)
        break;
      at += n;
    }
  range->done = at;

  return NULL;
}

/* Reads the first @size bytes of the regular file @fd into @data in two
 * halves at once.  Returns how many were read: @size, or 0 when the file
 * shrank meanwhile (the caller then reads it from the start in one go),
 * or -1 with errno set. */
static gssize
read_halves (int   fd,
             char *data,
             gsize size)
{
  Range first = { fd, data, 0, size / 2, 0, 0 };
  Range second = { fd, data, size / 2, size, 0, 0 };
  GThread *thread = g_thread_try_new ("stance-input", read_range, &second, NULL);

  if (thread == NULL)
    return 0;
  read_range (&first);
  g_thread_join (thread);

  if (first.saved_errno != 0 || second.saved_errno != 0)
    {
      errno = first.saved_errno != 0 ? first.saved_errno : second.saved_errno;
      return -1;
    }
  if (first.done != first.to || second.done != second.to)
    return 0;
  return (gssize) size;
}

/* Reads @fd to its end into one buffer: @size bytes expected (0 for a
 * FIFO), then growing by doubling, and refused one byte past the limit. */
static GBytes *
read_fd (int            fd,
              const char    *filename,
              gsize          size,
              GCancellable  *cancellable,
              GError       **error)
{
  /* One byte more than the size: enough to see that the file grew. */
  gsize capacity = MIN (size, STANCE_DOCUMENT_MAX_SIZE) + 1;
  g_autofree char *data = g_try_malloc (capacity);
  gsize done = 0;

  if (data == NULL)
    {
      file_error (error, ENOMEM, filename, NULL);
      return NULL;
    }

  if (size >= SPLIT_MIN && size <= STANCE_DOCUMENT_MAX_SIZE && g_get_num_processors () >= 2)
    {
      gssize n = read_halves (fd, data, size);

      if (n < 0)
        {
          file_error (error, errno, filename, NULL);
          return NULL;
        }
      /* Then on from there, as for any file: it may have grown. */
      done = (gsize) n;
      if (lseek (fd, (off_t) done, SEEK_SET) < 0)
        {
          file_error (error, errno, filename, NULL);
          return NULL;
        }
    }

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (done == capacity)
        {
          if (capacity > STANCE_DOCUMENT_MAX_SIZE)
            {
              set_too_large (error);
              return NULL;
            }
          /* It grew while read: go on in chunks, up to the limit. */
          capacity = MIN (capacity + MAX (capacity, (gsize) INPUT_CHUNK), STANCE_DOCUMENT_MAX_SIZE + 1);
          data = g_realloc (data, capacity);
        }

      n = read (fd, data + done, MIN (capacity - done, (gsize) 16 * 1024 * 1024));
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          file_error (error, errno, filename, NULL);
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
    }

  if (done > STANCE_DOCUMENT_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), done);
}

GBytes *
_stance_input_read_file (const char    *filename,
                         GCancellable  *cancellable,
                         GError       **error)
{
  struct stat st;
  int fd;
  GBytes *bytes;

  /* Looked at before it is opened: opening a device may have effects. */
  if (g_stat (filename, &st) != 0)
    {
      file_error (error, errno, filename, NULL);
      return NULL;
    }
  if (!check_kind (filename, &st, error))
    return NULL;

  fd = g_open (filename, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      file_error (error, errno, filename, NULL);
      return NULL;
    }

  /* The file opened may not be the one looked at: look again. */
  if (fstat (fd, &st) != 0 || !check_kind (filename, &st, error))
    {
      if (error != NULL && *error == NULL)
        file_error (error, errno, filename, NULL);
      close (fd);
      return NULL;
    }

  if (S_ISREG (st.st_mode) && (guint64) st.st_size > STANCE_DOCUMENT_MAX_SIZE)
    {
      /* Refused before a byte is read. */
      set_too_large (error);
      bytes = NULL;
    }
  else
    bytes = read_fd (fd, filename, S_ISREG (st.st_mode) ? (gsize) st.st_size : 0, cancellable, error);
  close (fd);

  return bytes;
}
