/* test-catalogue.c: catalogues of invalid documents and the errors they must give
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by test-document.c (tests/data/invalid, JSON) and test-jsonl.c
 * (tests/data/invalid-jsonl, JSON Lines): each directory has NAME.EXT files
 * and an expected.tsv of NAME<TAB>CODE<TAB>WHERE (see its README.md).
 */

#include <string.h>

#include "stance-enum-types.h"
#include "stance-error.h"

#include "test-catalogue.h"

char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

GPtrArray *
test_documents (const char *subdir)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".expected.json"))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  return paths;
}

const char *
error_nick (const GError *error)
{
  GEnumClass *klass = g_type_class_ref (STANCE_TYPE_ERROR);
  GEnumValue *value = g_enum_get_value (klass, error->code);
  const char *nick = value != NULL ? value->value_nick : "(not a StanceError code)";

  g_type_class_unref (klass);
  return nick;
}

/* "line L, column C: " with L, C > 0 */
gboolean
has_position_prefix (const char *message)
{
  return g_regex_match_simple ("^line [1-9][0-9]*, column [1-9][0-9]*: .", message, 0, 0);
}

/* Checks the error against the catalogue's CODE and WHERE. */
void
check_error_where (const char   *what,
                   const GError *error,
                   const char   *code,
                   const char   *where)
{
  g_autofree char *prefix = NULL;
  gboolean placed;

  if (error == NULL)
    {
      g_test_message ("%s: loaded, but it is invalid (%s at %s)", what, code, where);
      g_test_fail ();
      return;
    }
  if (error->domain != STANCE_ERROR)
    {
      g_test_message ("%s: error in domain %s, not StanceError: %s", what, g_quark_to_string (error->domain),
                      error->message);
      g_test_fail ();
      return;
    }
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_test_message ("%s: the message is not UTF-8", what);
      g_test_fail ();
    }
  if (strcmp (error_nick (error), code) != 0)
    {
      g_test_message ("%s: error %s, expected %s; message: %s", what, error_nick (error), code, error->message);
      g_test_fail ();
    }

  if (strcmp (where, "syntax") == 0)
    placed = has_position_prefix (error->message);
  else if (strcmp (where, "-") == 0)
    placed = g_str_has_prefix (error->message, "document: ") || has_position_prefix (error->message);
  else if (g_regex_match_simple ("^[0-9]+:[0-9]+$", where, 0, 0))
    {
      g_auto(GStrv) lc = g_strsplit (where, ":", 2);

      prefix = g_strdup_printf ("line %s, column %s: ", lc[0], lc[1]);
      placed = g_str_has_prefix (error->message, prefix);
    }
  else
    {
      prefix = g_strconcat (where, ": ", NULL);
      placed = g_str_has_prefix (error->message, prefix);
    }

  if (!placed)
    {
      g_test_message ("%s: the message does not start with %s%s%s: %s", what,
                      prefix != NULL ? "\"" : "", prefix != NULL ? prefix : (strcmp (where, "-") == 0 ? "\"document: \" or a line and column" : "a line and column"),
                      prefix != NULL ? "\"" : "", error->message);
      g_test_fail ();
    }
}


void
invalid_case_free (gpointer data)
{
  InvalidCase *c = data;

  g_free (c->name);
  g_free (c->code);
  g_free (c->where);
  g_free (c->path);
  g_free (c);
}

GPtrArray *
read_invalid_catalogue (const char *subdir,
                        const char *ext)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autofree char *tsv_path = g_build_filename (dir, "expected.tsv", NULL);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (invalid_case_free);

  if (!g_file_get_contents (tsv_path, &tsv, NULL, NULL))
    return cases;

  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      InvalidCase *c;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 3)
        g_error ("%s:%u: expected NAME<TAB>CODE<TAB>WHERE, got \"%s\"", tsv_path, i + 1, lines[i]);

      c = g_new0 (InvalidCase, 1);
      c->name = g_strdup (fields[0]);
      c->code = g_strdup (fields[1]);
      c->where = g_strdup (fields[2]);
      c->path = g_strconcat (dir, G_DIR_SEPARATOR_S, fields[0], ext, NULL);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

void
check_catalogue (const char *subdir,
                 const char *ext)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autoptr(GPtrArray) cases = read_invalid_catalogue (subdir, ext);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GEnumClass *klass = g_type_class_ref (STANCE_TYPE_ERROR);
  const char *name;

  g_assert_cmpuint (cases->len, >, 0);
  for (guint i = 0; i < cases->len; i++)
    {
      InvalidCase *c = cases->pdata[i];

      g_assert_true (g_file_test (c->path, G_FILE_TEST_IS_REGULAR));
      if (g_enum_get_value_by_nick (klass, c->code) == NULL)
        {
          g_test_message ("%s: \"%s\" is not a StanceError nick", c->name, c->code);
          g_test_fail ();
        }
      g_hash_table_add (listed, c->name);
    }
  g_type_class_unref (klass);

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *stem = NULL;

      /* base.EXT, where there is one, is the valid document the cases change. */
      if (!g_str_has_suffix (name, ext) || strcmp (name, "base.jsonl") == 0)
        continue;
      stem = g_strndup (name, strlen (name) - strlen (ext));
      if (!g_hash_table_contains (listed, stem))
        {
          g_test_message ("%s/%s has no line in expected.tsv", dir, name);
          g_test_fail ();
        }
    }
}

