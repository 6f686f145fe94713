/* stance-save-private.h: the one way a document reaches a file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @length bytes of @data to @filename through a temporary file
 * beside the file it replaces: write, fsync, rename (see stance-save.c for
 * the whole guarantee).  Blocks; may run in any thread.  On error or
 * cancellation before the rename, the temporary is removed and the old
 * file is exactly as it was; a cancellation after the rename is a success.
 * Errors are GFileError, or G_IO_ERROR_CANCELLED. */
gboolean _stance_save_file (const char    *filename,
                            const char    *data,
                            gsize          length,
                            GCancellable  *cancellable,
                            GError       **error);

/* The same in a GTask thread, on a snapshot of the bytes; @callback always
 * runs, in the caller's main context, also after a cancellation.  The task
 * has @source_object and @source_tag; finish it with
 * g_task_propagate_boolean(). */
/* The same guarantee for a document written as a stream (JSON Lines),
 * so that a save holds no more of it in memory than @write does. */
typedef gboolean (*StanceSaveWriteFunc) (GOutputStream  *out,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean _stance_save_file_streaming (const char          *filename,
                                      StanceSaveWriteFunc  write,
                                      gpointer             user_data,
                                      GCancellable        *cancellable,
                                      GError             **error);

void     _stance_save_file_async (gpointer             source_object,
                                  gpointer             source_tag,
                                  GFile               *file,
                                  GBytes              *bytes,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);

/* For tests only: called at each step of a save, in the thread that saves.
 * Returning a non-zero errno makes that step fail with it, as a full disk
 * (ENOSPC) or an I/O error would. */
typedef enum
{
  STANCE_SAVE_STEP_OPENED,        /* the temporary exists, nothing written */
  STANCE_SAVE_STEP_WROTE,         /* one chunk written (called per chunk) */
  STANCE_SAVE_STEP_SYNCED,        /* all written and synced, before the rename */
  STANCE_SAVE_STEP_RENAMED,       /* the new file is in place */
} StanceSaveStep;

typedef int (*StanceSaveHook) (StanceSaveStep step,
                               gpointer       user_data);

void     _stance_save_set_test_hook (StanceSaveHook hook,
                                     gpointer       user_data);

G_END_DECLS
