/* stance-enum.c: enum values as the names documents and the tool use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-enum-private.h"

/* Enum classes of static types are never freed, so the reference taken
 * here is only what makes the first lookup load the class. */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

const char *
_stance_enum_to_nick (GType type,
                      int   value)
{
  GEnumValue *found = g_enum_get_value (enum_class (type), value);

  return found != NULL ? found->value_nick : NULL;
}

gboolean
_stance_enum_from_nick (GType       type,
                        const char *nick,
                        int        *value)
{
  GEnumValue *found = g_enum_get_value_by_nick (enum_class (type), nick);

  if (found == NULL)
    return FALSE;

  *value = found->value;

  return TRUE;
}
