/* stance-graph-io.c: a graph's documents in and out
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The load and save entry points of StanceGraph, in every form: the JSON
 * document, JSON Lines and binary snapshots, synchronous and asynchronous.
 * Reading builds a separate store (stance-document-reader.c,
 * stance-document-jsonl.c, stance-snapshot.c) through the bounded input of
 * stance-input.c, so an invalid document never touches the graph; a valid
 * one is adopted whole by _stance_graph_adopt() (stance-graph.c).  Every
 * file is written through the one save path, stance-save.c.
 */

#include "config.h"

#include <string.h>

#include "stance-document-private.h"
#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-input-private.h"
#include "stance-save-private.h"
#include "stance-snapshot-private.h"

static gboolean load_jsonl_file (StanceGraph  *self,
                                 const char   *filename,
                                 GError      **error);

/**
 * stance_graph_load_from_data:
 * @self: a graph
 * @data: (array length=length) (element-type guint8): a document
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for an error
 *
 * Reads a document (the JSON format of the "Document format" chapter) and
 * adds what it holds to the graph.  Its ids must not be in the graph yet.
 *
 * Invalid input is refused whole: nothing of it is added, and the error
 * says where — a syntax error by line and column, anything else by its
 * path, with the id of the node it is in, such as
 * `statements[4] ("putin-2020-09-25").stances[0].target: unknown id "cyber-unt" (did you mean "cyber-unit"?)`.
 *
 * Returns: %TRUE on success; %FALSE with a [error@Stance.Error] otherwise
 *
 * Since: 1.0
 */
gboolean
stance_graph_load_from_data (StanceGraph  *self,
                             const char   *data,
                             gssize        length,
                             GError      **error)
{
  StanceStore *loaded;
  gboolean ok;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = _stance_document_read (data, length < 0 ? strlen (data) : (gsize) length, error);
  if (loaded == NULL)
    return FALSE;

  ok = _stance_graph_adopt (self, loaded, error);
  _stance_store_free (loaded);

  return ok;
}

static gboolean load_jsonl_file (StanceGraph  *self,
                                 const char   *filename,
                                 GError      **error);

/**
 * stance_graph_load_from_file:
 * @self: a graph
 * @filename: (type filename): the path of a document
 * @error: return location for an error
 *
 * Reads a document from a file and adds what it holds to the graph, as
 * [method@Stance.Graph.load_from_data] does.  A file whose name ends in
 * `.jsonl` is read as JSON Lines, as
 * [method@Stance.Graph.load_from_jsonl_stream] does.
 *
 * A file larger than the document size limit is refused before it is
 * read, and so is a device or a directory; a FIFO is read up to the limit.
 * See the "Robustness" chapter.
 *
 * Returns: %TRUE on success; %FALSE with a [error@Stance.Error] or a
 *   [error@GLib.FileError] (a [error@Gio.IOErrorEnum] for `.jsonl`) otherwise
 *
 * Since: 1.0
 */
gboolean
stance_graph_load_from_file (StanceGraph  *self,
                             const char   *filename,
                             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_stance_document_is_jsonl_name (filename))
    return load_jsonl_file (self, filename, error);

  bytes = _stance_input_read_file (filename, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return stance_graph_load_from_data (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/**
 * stance_graph_load_from_stream:
 * @self: a graph
 * @stream: a stream to read a document from, to its end
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Reads a document from a stream and adds what it holds to the graph, as
 * [method@Stance.Graph.load_from_data] does.
 *
 * Returns: %TRUE on success; %FALSE with a [error@Stance.Error] or a
 *   [error@Gio.IOErrorEnum] otherwise
 *
 * Since: 1.0
 */
gboolean
stance_graph_load_from_stream (StanceGraph   *self,
                               GInputStream  *stream,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = _stance_input_read_stream (stream, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  return stance_graph_load_from_data (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/**
 * stance_graph_new_from_data:
 * @data: (array length=length) (element-type guint8): a document
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for an error
 *
 * Creates a graph from a document in memory.
 *
 * Returns: (transfer full): the new graph, or %NULL with a
 *   [error@Stance.Error] that says where the document is wrong
 *
 * Since: 1.0
 */
StanceGraph *
stance_graph_new_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(StanceGraph) self = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = stance_graph_new ();
  if (!stance_graph_load_from_data (self, data, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stance_graph_new_from_file:
 * @filename: (type filename): the path of a document
 * @error: return location for an error
 *
 * Creates a graph from a document file: JSON, or JSON Lines when its name
 * ends in `.jsonl`.
 *
 * Returns: (transfer full): the new graph, or %NULL with a
 *   [error@Stance.Error] that says where the document is wrong, or a
 *   [error@GLib.FileError]
 *
 * Since: 1.0
 */
StanceGraph *
stance_graph_new_from_file (const char  *filename,
                            GError     **error)
{
  g_autoptr(StanceGraph) self = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = stance_graph_new ();
  if (!stance_graph_load_from_file (self, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stance_graph_new_from_stream:
 * @stream: a stream to read a document from, to its end
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Creates a graph from a document read from a stream.
 *
 * Returns: (transfer full): the new graph, or %NULL with an error
 *
 * Since: 1.0
 */
StanceGraph *
stance_graph_new_from_stream (GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(StanceGraph) self = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = stance_graph_new ();
  if (!stance_graph_load_from_stream (self, stream, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The asynchronous load: a worker thread reads and checks the document into
 * a store of its own — the slow part, touching nothing shared — and the
 * graph adopts it in the caller's thread, where the graph lives. */

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  StanceStore *loaded;

  if (basename != NULL && _stance_document_is_jsonl_name (basename))
    {
      g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, &error);

      loaded = in != NULL ? _stance_document_read_jsonl (G_INPUT_STREAM (in), cancellable, &error) : NULL;
      if (loaded == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, loaded, (GDestroyNotify) _stance_store_free);
      return;
    }

  /* Bounded as the synchronous loads are (stance-input.c); the errors of
   * a file are GIO's here, as g_file_load_contents() gave them. */
  if (path != NULL)
    {
      bytes = _stance_input_read_file (path, cancellable, &error);
      if (error != NULL && error->domain == G_FILE_ERROR)
        {
          error->domain = G_IO_ERROR;
          error->code = g_io_error_from_file_error (error->code);
        }
    }
  else
    {
      g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, &error);

      if (stream != NULL)
        bytes = _stance_input_read_stream (G_INPUT_STREAM (stream), cancellable, &error);
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  loaded = _stance_document_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) _stance_store_free);
}

static void
load_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StanceGraph *self = g_task_get_source_object (task);
  StanceStore *loaded;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Cancelled after reading but before adopting: leave the graph alone. */
  if (g_task_return_error_if_cancelled (task))
    {
      _stance_store_free (loaded);
      return;
    }

  if (_stance_graph_adopt (self, loaded, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  _stance_store_free (loaded);
}

/* Reads @file into a store with @read in a worker thread; load_read_cb
 * adopts it in this thread and completes a task tagged @source_tag. */
static void
start_load (StanceGraph         *self,
            GFile               *file,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag,
            GTaskThreadFunc      read)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) reader = NULL;

  g_task_set_source_tag (task, source_tag);
  reader = g_task_new (self, cancellable, load_read_cb, g_object_ref (task));
  g_task_set_source_tag (reader, read);
  g_task_set_task_data (reader, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (reader, read);
}

/**
 * stance_graph_load_from_file_async:
 * @self: a graph
 * @file: the document to read
 * @cancellable: (nullable): a cancellable, or %NULL
 * @callback: (scope async): called when the document is loaded
 * @user_data: data for @callback
 *
 * Reads a document without blocking, as a GNOME app needs: the file is read
 * and checked in a worker thread, and what it holds is added to the graph
 * in this thread's main context just before @callback runs — or not at all,
 * if the document is invalid or @cancellable was cancelled.
 *
 * Finish with [method@Stance.Graph.load_from_file_finish].
 *
 * Since: 1.0
 */
void
stance_graph_load_from_file_async (StanceGraph         *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (STANCE_IS_GRAPH (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, file, cancellable, callback, user_data, stance_graph_load_from_file_async, load_in_thread);
}

/**
 * stance_graph_load_from_file_finish:
 * @self: a graph
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Stance.Graph.load_from_file_async].
 *
 * Returns: %TRUE if the document was added to the graph; %FALSE with an
 *   error otherwise, in which case the graph is as it was
 *
 * Since: 1.0
 */
gboolean
stance_graph_load_from_file_finish (StanceGraph   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stance_graph_load_from_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * stance_graph_save_to_data:
 * @self: a graph
 * @length: (out) (optional): where to store the length of the document
 *
 * Writes the graph as a document: the members in the format's order and
 * the arrays in graph order, so that loading it back gives the same graph
 * and saving that gives the same text.
 *
 * Returns: (transfer full): the document, UTF-8, NUL-terminated
 *
 * Since: 1.0
 */
char *
stance_graph_save_to_data (StanceGraph *self,
                           gsize       *length)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return _stance_document_write (_stance_graph_get_store (self), length);
}

/**
 * stance_graph_save_to_file:
 * @self: a graph
 * @filename: (type filename): where to save the document
 * @error: return location for an error
 *
 * Saves the graph as a document, atomically and durably: the document is
 * written to a new file beside @filename, synced to the disk, and renamed
 * over @filename, so that a crash during the save leaves the old file
 * intact.
 *
 * The new file keeps the replaced file's permission bits (a private 0600
 * document stays private) and, where the process may, its owner and group.
 * A symbolic link is followed: the file it points to is replaced and the
 * link stays.  A FIFO, a device, a directory, or a file that is read-only
 * (no write permission bit, or not writable by this process) is refused at
 * once and left alone.  See the "Robustness" chapter.
 *
 * A name that ends in `.jsonl` is saved as JSON Lines, as
 * [method@Stance.Graph.save_to_jsonl_file] does.
 *
 * Returns: %TRUE on success; %FALSE with a [error@GLib.FileError] otherwise,
 *   in which case @filename is as it was and no temporary file is left
 *
 * Since: 1.0
 */
gboolean
stance_graph_save_to_file (StanceGraph  *self,
                           const char   *filename,
                           GError      **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_stance_document_is_jsonl_name (filename))
    return stance_graph_save_to_jsonl_file (self, filename, error);

  contents = _stance_document_write (_stance_graph_get_store (self), &length);

  return _stance_save_file (filename, contents, length, NULL, error);
}

/**
 * stance_graph_save_to_file_async:
 * @self: a graph
 * @file: where to save the document
 * @cancellable: (nullable): a cancellable, or %NULL
 * @callback: (scope async): called when the document is saved
 * @user_data: data for @callback
 *
 * Saves the graph without blocking on the disk.  The document is written
 * out in this thread (a snapshot: later edits are not part of it), then
 * stored in a worker thread exactly as [method@Stance.Graph.save_to_file]
 * stores it: through a temporary file that replaces @file, so that a
 * crash, an error or a cancellation leaves the old file intact.
 *
 * @callback is always called, also when @file is a FIFO or a device (an
 * error at once) and after a cancellation.  A cancellation that comes
 * after the new file took the old one's place does not undo it: the save
 * then reports success.
 *
 * A file whose name ends in `.jsonl` is saved as JSON Lines.
 *
 * Finish with [method@Stance.Graph.save_to_file_finish].
 *
 * Since: 1.0
 */
void
stance_graph_save_to_file_async (StanceGraph         *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  char *contents;
  gsize length;

  g_return_if_fail (STANCE_IS_GRAPH (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  basename = g_file_get_basename (file);
  if (basename != NULL && _stance_document_is_jsonl_name (basename))
    contents = _stance_document_write_jsonl_data (_stance_graph_get_store (self), &length);
  else
    contents = _stance_document_write (_stance_graph_get_store (self), &length);
  bytes = g_bytes_new_take (contents, length);
  _stance_save_file_async (self, stance_graph_save_to_file_async, file, bytes,
                           cancellable, callback, user_data);
}

/**
 * stance_graph_save_to_file_finish:
 * @self: a graph
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Stance.Graph.save_to_file_async].
 *
 * Returns: %TRUE if the document was saved; %FALSE with an error otherwise,
 *   in which case the file is as it was
 *
 * Since: 1.0
 */
gboolean
stance_graph_save_to_file_finish (StanceGraph   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stance_graph_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * stance_graph_load_snapshot:
 * @self: a graph
 * @filename: (type filename): the path of a snapshot
 * @error: return location for an error
 *
 * Opens a binary snapshot (see the "Snapshots" chapter) and adds what it
 * holds to the graph, as [method@Stance.Graph.load_from_file] does for a
 * document.  Into an empty graph this maps the file and uses most of it in
 * place, so that even ten million statements open in well under a second;
 * into a graph that has nodes, what the snapshot holds is copied.
 *
 * The file is checked before anything is added: one that is corrupt,
 * truncated, or written by another version or for another architecture is
 * refused whole with %STANCE_ERROR_INVALID_SNAPSHOT.  A snapshot is a cache:
 * keep the document, and make the snapshot again from it when it is
 * refused.  The file must not be truncated or rewritten in place while the
 * graph uses it ([method@Stance.Graph.save_snapshot] replaces a file
 * without touching the one in use).
 *
 * Returns: %TRUE on success; %FALSE with a [error@Stance.Error] or a
 *   [error@GLib.FileError] otherwise, in which case nothing was added
 *
 * Since: 1.2
 */
gboolean
stance_graph_load_snapshot (StanceGraph  *self,
                            const char   *filename,
                            GError      **error)
{
  StanceStore *loaded;
  gboolean ok;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = _stance_snapshot_read (filename, error);
  if (loaded == NULL)
    return FALSE;

  ok = _stance_graph_adopt (self, loaded, error);
  _stance_store_free (loaded);

  return ok;
}

/**
 * stance_graph_new_from_snapshot:
 * @filename: (type filename): the path of a snapshot
 * @error: return location for an error
 *
 * Creates a graph from a binary snapshot, as
 * [method@Stance.Graph.load_snapshot] reads it.  The graph can be edited
 * like any other; the records it uses in place are copied when written.
 *
 * Returns: (transfer full): the new graph, or %NULL with an error
 *
 * Since: 1.2
 */
StanceGraph *
stance_graph_new_from_snapshot (const char  *filename,
                                GError     **error)
{
  g_autoptr(StanceGraph) self = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = stance_graph_new ();
  if (!stance_graph_load_snapshot (self, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stance_graph_save_snapshot:
 * @self: a graph
 * @filename: (type filename): where to save the snapshot
 * @error: return location for an error
 *
 * Saves the graph as a binary snapshot: a cache that
 * [ctor@Stance.Graph.new_from_snapshot] opens at about the speed of the
 * disk, for this version of the library on this architecture.  It holds
 * all that a document holds; the document stays the format to exchange and
 * to keep.  The snapshot is written to a new file that then replaces
 * @filename, so that a crash leaves the old file intact and a graph that
 * has the old one open keeps it.
 *
 * Returns: %TRUE on success; %FALSE with a [error@GLib.FileError] otherwise,
 *   in which case @filename is as it was
 *
 * Since: 1.2
 */
gboolean
stance_graph_save_snapshot (StanceGraph  *self,
                            const char   *filename,
                            GError      **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_stance_graph_get_store (self)->removed[STANCE_SORT_ACTOR]->len + _stance_graph_get_store (self)->removed[STANCE_SORT_CLAIM]->len +
      _stance_graph_get_store (self)->removed[STANCE_SORT_STATEMENT]->len > 0)
    {
      /* Removed nodes keep their records (and their ids, which a later node
       * may reuse), which the snapshot format has no place for: write what
       * a load of the document would give, without them. */
      gsize length;
      g_autofree char *data = _stance_document_write (_stance_graph_get_store (self), &length);
      StanceStore *compact = _stance_document_read (data, length, error);
      gboolean ok;

      if (compact == NULL)
        return FALSE;
      ok = _stance_snapshot_write (compact, filename, NULL, error);
      _stance_store_free (compact);
      return ok;
    }

  return _stance_snapshot_write (_stance_graph_get_store (self), filename, NULL, error);
}

/* JSON Lines */

/**
 * stance_graph_load_from_jsonl_stream:
 * @self: a graph
 * @stream: a stream to read a JSON Lines document from, to its end
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Reads a document in its JSON Lines form (a header line, then one actor,
 * claim or statement a line: see the "Document format" chapter) and adds
 * what it holds to the graph.  The stream is read a line at a time, so
 * memory holds the records read, never the text: a pipeline may pipe in
 * millions of statements.  References may point forward to later lines.
 *
 * As with [method@Stance.Graph.load_from_data], invalid input is refused
 * whole, and the error says where, starting with its line:
 * `line 7: statement ("s6").stances[1].target: unknown id "x"`.
 *
 * Returns: %TRUE on success; %FALSE with a [error@Stance.Error] or a
 *   [error@Gio.IOErrorEnum] otherwise
 *
 * Since: 1.2
 */
gboolean
stance_graph_load_from_jsonl_stream (StanceGraph   *self,
                                     GInputStream  *stream,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  StanceStore *loaded;
  gboolean ok;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = _stance_document_read_jsonl (stream, cancellable, error);
  if (loaded == NULL)
    return FALSE;

  ok = _stance_graph_adopt (self, loaded, error);
  _stance_store_free (loaded);

  return ok;
}

static gboolean
load_jsonl_file (StanceGraph  *self,
                 const char   *filename,
                 GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);

  if (in == NULL)
    return FALSE;

  return stance_graph_load_from_jsonl_stream (self, G_INPUT_STREAM (in), NULL, error);
}

/**
 * stance_graph_new_from_jsonl_stream:
 * @stream: a stream to read a JSON Lines document from, to its end
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Creates a graph from a document in its JSON Lines form, as
 * [method@Stance.Graph.load_from_jsonl_stream] reads it.
 *
 * Returns: (transfer full): the new graph, or %NULL with an error
 *
 * Since: 1.2
 */
StanceGraph *
stance_graph_new_from_jsonl_stream (GInputStream  *stream,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(StanceGraph) self = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = stance_graph_new ();
  if (!stance_graph_load_from_jsonl_stream (self, stream, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * stance_graph_save_to_jsonl_stream:
 * @self: a graph
 * @stream: where to write
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Writes the graph as a document in its JSON Lines form: a header line
 * with the version, the declared kinds and the document's meta, then one
 * line for each actor, claim and statement, in graph order, each a compact
 * JSON object.  It is written as it goes, in memory that does not grow
 * with the graph.  Loading it back gives the same graph, and saving that
 * as JSON gives the same text as [method@Stance.Graph.save_to_data].
 *
 * The stream is not closed.
 *
 * Returns: %TRUE on success; %FALSE with a [error@Gio.IOErrorEnum]
 *   otherwise, in which case part of the document may have been written
 *
 * Since: 1.2
 */
gboolean
stance_graph_save_to_jsonl_stream (StanceGraph    *self,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _stance_document_write_jsonl (_stance_graph_get_store (self), stream, cancellable, error);
}

static gboolean
write_jsonl_to (GOutputStream  *out,
                gpointer        store,
                GCancellable   *cancellable,
                GError        **error)
{
  return _stance_document_write_jsonl (store, out, cancellable, error);
}

/**
 * stance_graph_save_to_jsonl_file:
 * @self: a graph
 * @filename: (type filename): where to save the document
 * @error: return location for an error
 *
 * Saves the graph as a document in its JSON Lines form, as
 * [method@Stance.Graph.save_to_jsonl_stream] writes it, whatever the
 * file's name, atomically: the lines stream into a new file that replaces
 * @filename only when all of it is written, as
 * [method@Stance.Graph.save_to_file] saves (the replaced file's mode and
 * owner kept; see the "Robustness" chapter).
 *
 * Returns: %TRUE on success; %FALSE with a [error@GLib.FileError] or a
 *   [error@Gio.IOErrorEnum] otherwise, in which case @filename is as it was
 *
 * Since: 1.2
 */
gboolean
stance_graph_save_to_jsonl_file (StanceGraph  *self,
                                 const char   *filename,
                                 GError      **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The one save path (stance-save.c), written as a stream. */
  return _stance_save_file_streaming (filename, write_jsonl_to, _stance_graph_get_store (self), NULL, error);
}

static void
snapshot_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  StanceStore *loaded;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "a snapshot is mapped, so it must be a local file");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  loaded = _stance_snapshot_read (path, &error);
  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) _stance_store_free);
}

/**
 * stance_graph_load_snapshot_async:
 * @self: a graph
 * @file: the snapshot to open (a local file)
 * @cancellable: (nullable): a cancellable, or %NULL
 * @callback: (scope async): called when the snapshot is loaded
 * @user_data: data for @callback
 *
 * Opens a binary snapshot without blocking, as
 * [method@Stance.Graph.load_from_file_async] reads a document: the file is
 * mapped and checked in a worker thread, and what it holds is added to the
 * graph in this thread's main context just before @callback runs — or not
 * at all, if the snapshot is refused or @cancellable was cancelled.
 *
 * Finish with [method@Stance.Graph.load_snapshot_finish].
 *
 * Since: 1.2
 */
void
stance_graph_load_snapshot_async (StanceGraph         *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STANCE_IS_GRAPH (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The same adoption as a document's, once the worker has a store. */
  start_load (self, file, cancellable, callback, user_data, stance_graph_load_snapshot_async, snapshot_in_thread);
}

/**
 * stance_graph_load_snapshot_finish:
 * @self: a graph
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Stance.Graph.load_snapshot_async].
 *
 * Returns: %TRUE if the snapshot was added to the graph; %FALSE with an
 *   error otherwise, in which case the graph is as it was
 *
 * Since: 1.2
 */
gboolean
stance_graph_load_snapshot_finish (StanceGraph   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stance_graph_load_snapshot_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
