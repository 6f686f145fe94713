/* fuzz-document.c: the document loader (stance-document-reader.c), the
 * writer and the contradiction finder on arbitrary bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is loaded with stance_graph_new_from_data().  A refusal must
 * be a STANCE_ERROR with a valid UTF-8 message.  An accepted document is
 * saved, the save is loaded and saved again (the two saves must be the same
 * bytes), the contradictions of both graphs are found and compared, and the
 * save is merged into a non-empty graph (a refused merge must leave the
 * graph as it was; an accepted one must round-trip in its turn).  Every
 * graph must be finalized when its last reference goes.  See fuzz-checks.h.
 */

#include "fuzz-common.h"
#include "fuzz-checks.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_check_document (data, size);
  return 0;
}
