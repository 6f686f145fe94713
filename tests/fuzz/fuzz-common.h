/* fuzz-common.h: set-up shared by the libFuzzer harnesses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* GLib 2.74 hands GObjects and many structures out of GSlice magazines,
 * where a leaked block stays reachable and LeakSanitizer cannot see it.
 * G_SLICE is read once, before main(), so when it is not set the process
 * runs itself again with it.  Criticals and warnings are bugs: fatal. */
static void
fuzz_init_glib (int    *argc,
                char ***argv)
{
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      g_setenv ("G_DEBUG", "gc-friendly", FALSE);
      execv ("/proc/self/exe", *argv);
      /* Not fatal: only leak detection is weaker. */
      g_printerr ("fuzz: could not run again with G_SLICE=always-malloc; leaks in GSlice memory will be missed\n");
    }

  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
