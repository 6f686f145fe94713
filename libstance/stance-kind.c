/* stance-kind.c: stance kinds and their polarity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-enum-private.h"
#include "stance-enum-types.h"
#include "stance-kind-private.h"

const StanceBuiltinKind _stance_builtin_kinds[] = {
  { "proposes",  STANCE_POLARITY_POSITIVE },
  { "endorses",  STANCE_POLARITY_POSITIVE },
  { "supports",  STANCE_POLARITY_POSITIVE },
  { "confirms",  STANCE_POLARITY_POSITIVE },
  { "opposes",   STANCE_POLARITY_NEGATIVE },
  { "rejects",   STANCE_POLARITY_NEGATIVE },
  { "denies",    STANCE_POLARITY_NEGATIVE },
  { "retracts",  STANCE_POLARITY_WITHDRAWAL },
  { "questions", STANCE_POLARITY_NEUTRAL },
  { "comments",  STANCE_POLARITY_NEUTRAL },
};

const guint _stance_n_builtin_kinds = G_N_ELEMENTS (_stance_builtin_kinds);

/**
 * stance_polarity_to_string:
 * @polarity: a polarity
 *
 * Gives the name of @polarity as the document format writes it.
 *
 * Returns: (transfer none): `positive`, `negative`, `withdrawal` or `neutral`
 *
 * Since: 1.0
 */
const char *
stance_polarity_to_string (StancePolarity polarity)
{
  const char *name = _stance_enum_to_nick (STANCE_TYPE_POLARITY, polarity);

  g_return_val_if_fail (name != NULL, NULL);

  return name;
}

/**
 * stance_polarity_from_string:
 * @text: a polarity's name, such as `negative`
 * @polarity: (out): where to store the polarity
 *
 * Reads a polarity's name as the document format writes it.
 *
 * Returns: %TRUE if @text names a polarity
 *
 * Since: 1.0
 */
gboolean
stance_polarity_from_string (const char     *text,
                             StancePolarity *polarity)
{
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (polarity != NULL, FALSE);

  if (!_stance_enum_from_nick (STANCE_TYPE_POLARITY, text, &value))
    return FALSE;

  *polarity = (StancePolarity) value;

  return TRUE;
}

/**
 * stance_kind_name_is_valid:
 * @name: a would-be stance kind name
 *
 * Checks the syntax of a kind name: lower-case ASCII letters, digits and
 * `-`, starting with a letter.  Whether the kind exists is a question for
 * a graph: see [method@Stance.Graph.lookup_kind].
 *
 * Returns: %TRUE if @name is well-formed
 *
 * Since: 1.0
 */
gboolean
stance_kind_name_is_valid (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_ascii_islower (name[0]))
    return FALSE;

  for (const char *p = name + 1; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/**
 * stance_kind_is_builtin:
 * @name: a stance kind name
 *
 * Tells whether @name is one of the kinds every graph knows, which a
 * document or a program cannot redeclare.
 *
 * Returns: %TRUE for `proposes`, `endorses`, `supports`, `confirms`,
 *   `opposes`, `rejects`, `denies`, `retracts`, `questions` and `comments`
 *
 * Since: 1.0
 */
gboolean
stance_kind_is_builtin (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < _stance_n_builtin_kinds; i++)
    {
      if (strcmp (name, _stance_builtin_kinds[i].name) == 0)
        return TRUE;
    }

  return FALSE;
}
