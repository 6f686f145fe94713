/* stance-snapshot-private.h: the binary snapshot, a cache of a whole store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A snapshot is a store as it is in memory, for one architecture, so that
 * opening a big corpus costs little more than mapping the file: stances
 * and the id index are used in place, statements are copied once with
 * their ids pointed at the mapped strings.  Everything is checked before
 * the store is handed out, so a corrupt or hostile file gives an error,
 * never a crash.  doc/snapshot.md documents the layout and the checks.
 */

#pragma once

#include <gio/gio.h>

#include "stance-store-private.h"

G_BEGIN_DECLS

#define STANCE_SNAPSHOT_VERSION 1

/* The first eight bytes of every snapshot. */
#define STANCE_SNAPSHOT_MAGIC "\211stance\n"

/* Writes @store to @filename, atomically (a new file renamed over the old
 * one, so that a process that has the old one mapped keeps it intact). */
gboolean     _stance_snapshot_write      (StanceStore   *store,
                                          const char    *filename,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Maps @filename and checks it into a new store that borrows from the
 * mapping.  Nothing is shared with any graph, so this may run in a worker
 * thread.  On error returns NULL with a STANCE_ERROR_INVALID_SNAPSHOT (or a
 * G_FILE_ERROR) that says what is wrong and where. */
StanceStore *_stance_snapshot_read       (const char    *filename,
                                          GError       **error);

/* The same from memory: @data is copied (for the fuzzer and the tests). */
StanceStore *_stance_snapshot_read_data  (const void    *data,
                                          gsize          length,
                                          GError       **error);

/* Sets the checksum of the snapshot in @data (at least a header long) to
 * match its bytes, so that the tests and the fuzzer can reach the
 * structural checks with corrupt files. */
void         _stance_snapshot_seal       (void          *data,
                                          gsize          length);

/* Whether @data starts like a snapshot. */
gboolean     _stance_snapshot_has_magic  (const void    *data,
                                          gsize          length);

G_END_DECLS
