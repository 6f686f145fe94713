/* test-json.c: comparing JSON exactly, for the tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-json.h"

char *
test_json_text (JsonNode *node,
           gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

static gboolean
json_differ (JsonNode   *a,
             JsonNode   *b,
             GString    *path,
             GString    *why,
             const char *what)
{
  g_autofree char *ta = test_json_text (a, FALSE);
  g_autofree char *tb = test_json_text (b, FALSE);

  g_string_append_printf (why, "at %s (%s):\n    got      %s\n    expected %s",
                          path->len > 0 ? path->str : "the top", what, ta, tb);
  return FALSE;
}

/* Types, values, array order and member order must all be the same. */
gboolean
test_json_same (JsonNode *a,
           JsonNode *b,
           GString  *path,
           GString  *why)
{
  JsonNodeType type = json_node_get_node_type (a);

  if (type != json_node_get_node_type (b))
    return json_differ (a, b, path, why, "different JSON types");

  switch (type)
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return json_differ (a, b, path, why, "different value types");
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          return json_node_get_int (a) == json_node_get_int (b) || json_differ (a, b, path, why, "different numbers");
        case G_TYPE_DOUBLE:
          return json_node_get_double (a) == json_node_get_double (b) || json_differ (a, b, path, why, "different numbers");
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (a) == json_node_get_boolean (b) || json_differ (a, b, path, why, "different booleans");
        case G_TYPE_STRING:
          return strcmp (json_node_get_string (a), json_node_get_string (b)) == 0 ||
                 json_differ (a, b, path, why, "different strings");
        default:
          return json_differ (a, b, path, why, "unexpected value type");
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *xa = json_node_get_array (a);
        JsonArray *xb = json_node_get_array (b);
        guint n = json_array_get_length (xa);

        for (guint i = 0; i < n && i < json_array_get_length (xb); i++)
          {
            gsize mark = path->len;

            g_string_append_printf (path, "[%u]", i);
            if (!test_json_same (json_array_get_element (xa, i), json_array_get_element (xb, i), path, why))
              return FALSE;
            g_string_truncate (path, mark);
          }
        if (n != json_array_get_length (xb))
          return json_differ (a, b, path, why, n < json_array_get_length (xb) ? "elements missing" : "elements too many");
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a);
        JsonObject *ob = json_node_get_object (b);
        GList *ma = json_object_get_members (oa);
        GList *mb = json_object_get_members (ob);
        gboolean same = TRUE;
        GList *la, *lb;

        for (la = ma, lb = mb; same && la != NULL && lb != NULL; la = la->next, lb = lb->next)
          {
            gsize mark = path->len;

            if (strcmp (la->data, lb->data) != 0)
              {
                g_autofree char *what = g_strdup_printf ("member \"%s\" where \"%s\" was expected",
                                                         (char *) la->data, (char *) lb->data);

                same = json_differ (a, b, path, why, what);
                break;
              }
            g_string_append_printf (path, ".%s", (char *) la->data);
            same = test_json_same (json_object_get_member (oa, la->data), json_object_get_member (ob, lb->data), path, why);
            if (same)
              g_string_truncate (path, mark);
          }
        if (same && (la != NULL || lb != NULL))
          same = json_differ (a, b, path, why, la != NULL ? "members too many" : "members missing");
        g_list_free (ma);
        g_list_free (mb);
        return same;
      }

    default:
      return json_differ (a, b, path, why, "unexpected node type");
    }
}

JsonNode *
test_json_parse_file (const char  *filename,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, filename, error))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
test_json_parse_data (const char  *data,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

/* Fails the test with both texts and the first difference, naming @what. */
gboolean
test_json_check_same (const char *what,
                 JsonNode   *got,
                 JsonNode   *expected)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) why = g_string_new (NULL);
  g_autofree char *got_text = NULL;
  g_autofree char *expected_text = NULL;

  if (test_json_same (got, expected, path, why))
    return TRUE;

  got_text = test_json_text (got, TRUE);
  expected_text = test_json_text (expected, TRUE);
  g_test_message ("%s: differs from what was expected\n  first difference %s\n--- got:\n%s\n--- expected:\n%s",
                  what, why->str, got_text, expected_text);
  g_test_fail ();
  return FALSE;
}


StanceGraph *
test_load_story (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
  g_autoptr(GError) error = NULL;
  StanceGraph *graph = stance_graph_new_from_file (path, &error);

  g_assert_no_error (error);
  return graph;
}

gpointer
test_lookup (StanceGraph *graph,
             const char  *id)
{
  StanceNode *node = stance_graph_lookup (graph, id);

  if (node == NULL)
    g_error ("no node \"%s\"", id);
  return node;
}
