/* stance-quote.c: names, ids and paths made safe to print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Ids, names and file names come from outside: a document, a caller, a
 * command line.  Echoed raw into a message they can be bytes that are not
 * UTF-8 (a GError message must be UTF-8) or escapes that drive a terminal.
 * Everything that quotes one goes through _stance_quote().
 */

#include "config.h"

#include <string.h>

#include "stance-quote-private.h"

char *
_stance_quote (const char *bytes,
               gssize      len)
{
  GString *out;
  const char *p, *end;

  if (bytes == NULL)
    return g_strdup ("(null)");

  if (len < 0)
    len = strlen (bytes);
  end = bytes + len;

  out = g_string_sized_new (len + 2);
  g_string_append_c (out, '"');
  for (p = bytes; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (or cut short): show the byte, go on with the next. */
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          /* Controls (C0, DEL, C1), line and paragraph separators,
           * bidirectional overrides and the like: shown by number. */
          if ((g_unichar_isprint (c) || c == ' ') &&
              g_unichar_type (c) != G_UNICODE_LINE_SEPARATOR &&
              g_unichar_type (c) != G_UNICODE_PARAGRAPH_SEPARATOR)
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append_printf (out, "\\u{%04X}", c);
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}
