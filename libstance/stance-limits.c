/* stance-limits.c: what a graph may hold (see stance-limits-private.h)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "stance-error.h"
#include "stance-limits-private.h"
#include "stance-quote-private.h"

/* Member names that are plain identifiers are shown as they are. */
static void
path_push_member (GString    *path,
                  const char *name)
{
  gboolean plain = name[0] != '\0' && (g_ascii_isalpha (name[0]) || name[0] == '_');

  for (const char *p = name; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';

  if (plain)
    g_string_append_printf (path, ".%s", name);
  else
    {
      g_autofree char *quoted = _stance_quote (name, -1);

      g_string_append_printf (path, "[%s]", quoted);
    }
}

static gboolean
refuse (GError     **error,
        int          code,
        GString     *path,
        const char  *message)
{
  g_set_error (error, STANCE_ERROR, code, "%s: %s", path->str, message);
  return FALSE;
}

static gboolean
check_value (JsonNode  *node,
             guint      level,
             GString   *path,
             GError   **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
          return refuse (error, STANCE_ERROR_INVALID_VALUE, path,
                         "not a finite number (a document has no NaN or infinity)");
        if (type == G_TYPE_STRING)
          {
            const char *text = json_node_get_string (node);

            if (text == NULL)
              return refuse (error, STANCE_ERROR_INVALID_VALUE, path, "a string node without a string");
            if (!g_utf8_validate (text, -1, NULL))
              return refuse (error, STANCE_ERROR_ENCODING, path, "the string is not valid UTF-8");
          }
        return TRUE;
      }

    case JSON_NODE_ARRAY:
    case JSON_NODE_OBJECT:
      break;

    default:
      return refuse (error, STANCE_ERROR_TYPE, path, "not a JSON value");
    }

  if (level > STANCE_LIMIT_MAX_DEPTH)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                   "%s: nesting deeper than %d levels (counted from the document's top)",
                   path->str, STANCE_LIMIT_MAX_DEPTH);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = path->len;

          g_string_append_printf (path, "[%u]", i);
          if (!check_value (json_array_get_element (array, i), level + 1, path, error))
            return FALSE;
          g_string_truncate (path, mark);
        }
    }
  else
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        {
          gsize mark = path->len;

          if (!g_utf8_validate (name, -1, NULL))
            {
              g_autofree char *quoted = _stance_quote (name, -1);

              g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING,
                           "%s: the member name %s is not valid UTF-8", path->str, quoted);
              return FALSE;
            }
          path_push_member (path, name);
          if (!check_value (member, level + 1, path, error))
            return FALSE;
          g_string_truncate (path, mark);
        }
    }

  return TRUE;
}

gboolean
_stance_limits_check_meta (JsonNode  *meta,
                           guint      level,
                           GError   **error)
{
  g_autoptr(GString) path = NULL;

  if (meta == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (meta))
    {
      g_set_error_literal (error, STANCE_ERROR, STANCE_ERROR_TYPE, "meta must be a JSON object");
      return FALSE;
    }

  path = g_string_new ("meta");
  return check_value (meta, level, path, error);
}
