/* stance-gstring-private.h: GString appends without a call
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GLib 2.74 does not inline g_string_append_len() or g_string_append_c()
 * (2.76 does).  The JSON writer makes a dozen short appends per record and
 * the scanner a few per member; over millions of them the calls were a
 * third of the writer's time and a tenth of the reader's.  These do the
 * same when the text fits and call GLib when the string must grow.
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

static inline void
_stance_gstring_append_len (GString    *out,
                            const char *text,
                            gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

static inline void
_stance_gstring_append_c (GString *out,
                          char     c)
{
  if (G_LIKELY (out->len + 1 < out->allocated_len))
    {
      out->str[out->len++] = c;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_c (out, c);
}

/* g_string_truncate() for a length at most the current one. */
static inline void
_stance_gstring_truncate (GString *out,
                          gsize    len)
{
  if (len < out->len)
    {
      out->len = len;
      out->str[len] = '\0';
    }
}

G_END_DECLS
