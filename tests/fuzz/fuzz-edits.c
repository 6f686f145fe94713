/* fuzz-edits.c: edit sequences from bytes, with handlers that edit and
 * drop models, checked against fresh queries after every step
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each byte picks the next choice of tests/edits.h (which edit, which node,
 * which kind and time, whether a handler acts, what meta to try), so the
 * fuzzer explores edit sequences and re-entrant handlers the way
 * tests/test-reentrancy.c does from a GRand.  What must hold: every live
 * model equals a fresh query after each outermost edit, and its
 * items-changed announcements add up to what it holds; every set_meta is
 * taken or refused with a STANCE_ERROR; whatever graph the API built saves,
 * loads and saves again to the same bytes; the graph is finalized at its
 * last unref.  Any failure aborts, which libFuzzer reports as a crash.
 */

#include "fuzz-common.h"
#include "../edits.h"

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
  EditsSource src = { NULL, data, size, 0 };

  /* Each step takes at least one byte; handlers spend at most 12 more
   * edits per step. */
  edits_run (&src, 1000, 12);
  return 0;
}
