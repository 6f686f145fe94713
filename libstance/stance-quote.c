/* stance-quote.c: names, ids, paths and times made safe to print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Ids, names, file names and times come from outside: a document, a
 * caller, a command line.  Echoed raw into a message they can be bytes that
 * are not UTF-8 (a GError message must be UTF-8) or escapes that drive a
 * terminal.  Everything that quotes one goes through this file.
 */

#include "config.h"

#include <string.h>

#include "stance-quote-private.h"

char *
_stance_quote_at_most (const char *bytes,
                       gssize      len,
                       gsize       max)
{
  GString *out;
  gsize i = 0, n;

  if (bytes == NULL)
    return g_strdup ("(null)");

  n = len < 0 ? strlen (bytes) : (gsize) len;
  out = g_string_sized_new (MIN (n, max) + 8);
  g_string_append_c (out, '"');
  while (i < n)
    {
      guchar c = (guchar) bytes[i];
      gunichar ch = c < 0x80 ? c : g_utf8_get_char_validated (bytes + i, MIN (n - i, 6));
      gsize skip = c < 0x80 || ch == (gunichar) -1 || ch == (gunichar) -2 ? 1 : (gsize) g_utf8_skip[c];

      /* Whole characters only, within @max bytes of the input. */
      if (i + skip > max)
        break;

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        /* Not UTF-8 (or cut short): the byte, then on with the next. */
        g_string_append_printf (out, "\\x%02x", c);
      else if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) ch);
        }
      else if (ch < 0x20 || ch == 0x7f)
        g_string_append_printf (out, "\\x%02x", ch);
      else if (ch < 0x80)
        g_string_append_c (out, (char) ch);
      else if (g_unichar_isprint (ch) &&
               g_unichar_type (ch) != G_UNICODE_LINE_SEPARATOR &&
               g_unichar_type (ch) != G_UNICODE_PARAGRAPH_SEPARATOR)
        g_string_append_len (out, bytes + i, skip);
      else
        /* C1 controls, bidirectional overrides, separators and the like. */
        g_string_append_printf (out, "\\u%04X", ch);
      i += skip;
    }
  if (i < n)
    g_string_append (out, "\xe2\x80\xa6"); /* U+2026 HORIZONTAL ELLIPSIS */
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

char *
_stance_quote (const char *bytes,
               gssize      len)
{
  return _stance_quote_at_most (bytes, len, G_MAXSIZE);
}
