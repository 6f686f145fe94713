/* fuzz-time.c: the time parser (_stance_time_parse) on arbitrary bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A refusal must be STANCE_ERROR_INVALID_TIME with a message that quotes
 * the text in valid UTF-8.  An accepted time must cover a non-empty period
 * and round-trip through _stance_time_format(): the same period, precision
 * and offset, and the same text again.  See fuzz-checks.h.
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
  /* Times are short; longer inputs only repeat the trailing-garbage path. */
  if (size > 256)
    return -1;

  fuzz_check_time (data, size);
  return 0;
}
