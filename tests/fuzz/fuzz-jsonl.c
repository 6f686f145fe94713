/* fuzz-jsonl.c: the JSON Lines reader (stance-document-jsonl.c) and writer
 * on arbitrary bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is read with stance_graph_new_from_jsonl_stream().  A refusal
 * must be a STANCE_ERROR with a valid UTF-8 message that starts with its
 * line.  An accepted document must save as JSON Lines and as JSON, both
 * loading back to the same bytes, and pass the checks of fuzz-document.
 * See fuzz_check_jsonl() in fuzz-checks.h.
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
  fuzz_check_jsonl (data, size);
  return 0;
}
