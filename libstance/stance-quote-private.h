/* stance-quote-private.h: names, ids and paths made safe to print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns @bytes (@len bytes, or up to the NUL if @len < 0) between double
 * quotes, as UTF-8 that a terminal shows as it is: `"` and `\` escaped
 * with a backslash, control and other unprintable characters as \n, \t,
 * \r or \u{XXXX}, and each byte that is not UTF-8 as \xNN.  Every message
 * of the library and the tool quotes ids, names and paths with it, so that
 * no message can carry raw bytes or terminal escapes.  %NULL gives (null). */
char *_stance_quote (const char *bytes,
                     gssize      len);

G_END_DECLS
