/* stance-quote-private.h: names, ids, paths and times made safe to print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns @bytes (@len bytes, or up to the NUL if @len < 0) between double
 * quotes, as UTF-8 that a terminal shows as it is: `"` and `\` escaped
 * with a backslash, control characters (and each byte that is not UTF-8)
 * as \xNN, other unprintable characters (C1 controls, bidirectional
 * overrides, line separators) as \uXXXX.  Every message of the library and
 * the tool quotes ids, names, paths and times with it, so that no message
 * carries raw bytes or terminal escapes.  %NULL gives (null). */
char *_stance_quote         (const char *bytes,
                             gssize      len);

/* The same for at most @max bytes of @bytes, cut between characters, with
 * an ellipsis (…) before the closing quote when something was left out. */
char *_stance_quote_at_most (const char *bytes,
                             gssize      len,
                             gsize       max);

G_END_DECLS
