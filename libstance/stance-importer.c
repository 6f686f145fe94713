/* stance-importer.c: other formats into a stance graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One abstract class; one private subclass per format (stance-importer-*.c).
 * Every importer builds a fresh graph through the public API
 * (stance_graph_add_actor, stance_graph_append_statement,
 * stance_graph_append_stance, stance_graph_declare_kind), so that what it
 * makes is checked as anything else a program adds; on any error that graph
 * is dropped, so nothing of a refused input is ever seen.
 */

#include "config.h"

#include <string.h>

#include "stance-importer-private.h"
#include "stance-time-private.h"

/**
 * StanceImporter:
 *
 * Reads data in another format into a new [class@Stance.Graph].
 *
 * Make one with [func@Stance.Importer.for_format] and a format name from
 * [func@Stance.Importer.list_formats]: `csv` (any table), `dna` (Discourse
 * Network Analyzer databases and CSV exports), `aif` (Argument Interchange
 * Format JSON from OVA and AIFdb), `rumoureval` (the RumourEval / PHEME
 * tweets as JSON Lines) or `events` (CAMEO-coded event data: ICEWS and
 * GDELT).  Set its options with [method@Stance.Importer.set_option], then
 * import a file, a stream or data.
 *
 * An importer reads its input as it streams (a table row by row, JSON Lines
 * line by line, a database through a cursor); AIF maps are read whole.  A
 * refused input gives a [error@Stance.Error] that says where, in the
 * input's own terms: row and column of a table, line of JSON Lines, JSON
 * path of an AIF node, table and rowid of a DNA database.
 *
 * The libstance manual's "Importers" chapter documents each format's
 * reading and options.
 *
 * Since: 1.2
 */

typedef struct
{
  GHashTable *options;  /* name -> value, as set */
} StanceImporterPrivate;

typedef struct
{
  const char                 *format;
  const StanceImporterOption *options;
} StanceImporterInfo;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StanceImporter, stance_importer, G_TYPE_OBJECT)

static GQuark
info_quark (void)
{
  return g_quark_from_static_string ("stance-importer-info");
}

static const StanceImporterInfo *
get_info (StanceImporter *self)
{
  return g_type_get_qdata (G_OBJECT_TYPE (self), info_quark ());
}

void
_stance_importer_class_setup (StanceImporterClass        *klass,
                              const char                 *format,
                              const StanceImporterOption *options)
{
  StanceImporterInfo *info = g_new0 (StanceImporterInfo, 1);

  info->format = format;
  info->options = options;
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), info_quark (), info);
}

static const StanceImporterOption *
find_option (StanceImporter *self,
             const char     *name)
{
  const StanceImporterInfo *info = get_info (self);

  for (const StanceImporterOption *o = info->options; o != NULL && o->name != NULL; o++)
    if (strcmp (o->name, name) == 0)
      return o;
  return NULL;
}

static gboolean
stance_importer_real_import_file (StanceImporter *self,
                                  StanceGraph    *graph,
                                  const char     *filename,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autoptr(GInputStream) buffered = NULL;

  if (in == NULL)
    return FALSE;
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), 65536);
  return STANCE_IMPORTER_GET_CLASS (self)->read_stream (self, graph, buffered, cancellable, error);
}

static void
stance_importer_finalize (GObject *object)
{
  StanceImporterPrivate *priv = stance_importer_get_instance_private (STANCE_IMPORTER (object));

  g_hash_table_unref (priv->options);
  G_OBJECT_CLASS (stance_importer_parent_class)->finalize (object);
}

static void
stance_importer_class_init (StanceImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stance_importer_finalize;
  klass->read_file = stance_importer_real_import_file;
}

static void
stance_importer_init (StanceImporter *self)
{
  StanceImporterPrivate *priv = stance_importer_get_instance_private (self);

  priv->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char * const formats[] = { "aif", "csv", "dna", "events", "rumoureval", NULL };

/**
 * stance_importer_list_formats:
 *
 * Lists the formats that [func@Stance.Importer.for_format] takes.
 *
 * Returns: (transfer none) (array zero-terminated=1): the format names, in
 *   byte order
 *
 * Since: 1.2
 */
const char * const *
stance_importer_list_formats (void)
{
  return formats;
}

/**
 * stance_importer_for_format:
 * @format: a format name, such as `csv` or `dna`
 * @error: return location for an error
 *
 * Makes an importer for @format, with every option at its default.
 *
 * Returns: (transfer full) (nullable): the importer, or %NULL with
 *   %STANCE_ERROR_INVALID_VALUE for a format that libstance does not know
 *
 * Since: 1.2
 */
StanceImporter *
stance_importer_for_format (const char  *format,
                     GError     **error)
{
  GType type = G_TYPE_INVALID;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (format, "csv") == 0)
    type = _stance_csv_importer_get_type ();
  else if (strcmp (format, "dna") == 0)
    type = _stance_dna_importer_get_type ();
  else if (strcmp (format, "aif") == 0)
    type = _stance_aif_importer_get_type ();
  else if (strcmp (format, "rumoureval") == 0)
    type = _stance_rumoureval_importer_get_type ();
  else if (strcmp (format, "events") == 0)
    type = _stance_events_importer_get_type ();

  if (type == G_TYPE_INVALID)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) formats);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "unknown import format \"%s\" (known: %s)",
                   g_utf8_validate (format, -1, NULL) ? format : "?", known);
      return NULL;
    }

  return g_object_new (type, NULL);
}

/**
 * stance_importer_get_format:
 * @self: an importer
 *
 * Gets the name of the format that @self reads.
 *
 * Returns: the format name
 *
 * Since: 1.2
 */
const char *
stance_importer_get_format (StanceImporter *self)
{
  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);

  return get_info (self)->format;
}

/**
 * stance_importer_list_options:
 * @self: an importer
 *
 * Lists the names of the options that @self takes, in the order of its
 * documentation.
 *
 * Returns: (transfer full) (array zero-terminated=1): the option names
 *
 * Since: 1.2
 */
char **
stance_importer_list_options (StanceImporter *self)
{
  const StanceImporterInfo *info;
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);

  info = get_info (self);
  for (const StanceImporterOption *o = info->options; o != NULL && o->name != NULL; o++)
    g_ptr_array_add (names, g_strdup (o->name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * stance_importer_describe_option:
 * @self: an importer
 * @name: an option name
 *
 * Describes an option in one line, with its default.
 *
 * Returns: (nullable): the description, or %NULL if @self has no option
 *   @name
 *
 * Since: 1.2
 */
const char *
stance_importer_describe_option (StanceImporter *self,
                                 const char     *name)
{
  const StanceImporterOption *o;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  o = find_option (self, name);
  return o != NULL ? o->description : NULL;
}

/**
 * stance_importer_get_option:
 * @self: an importer
 * @name: an option name
 *
 * Gets an option's value: as set, or its default.
 *
 * Returns: (nullable): the value, or %NULL if the option is unset and has
 *   no default, or @self has no option @name
 *
 * Since: 1.2
 */
const char *
stance_importer_get_option (StanceImporter *self,
                            const char     *name)
{
  StanceImporterPrivate *priv;
  const StanceImporterOption *o;
  const char *value;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  priv = stance_importer_get_instance_private (self);
  if ((o = find_option (self, name)) == NULL)
    return NULL;
  value = g_hash_table_lookup (priv->options, name);
  return value != NULL ? value : o->default_value;
}

/**
 * stance_importer_set_option:
 * @self: an importer
 * @name: an option name, from [method@Stance.Importer.list_options]
 * @value: (nullable): the value, or %NULL for the default
 * @error: return location for an error
 *
 * Sets an option.  Values are text, as on the command line (`stance import
 * csv --option kind-map=agree=supports`); each is checked when an input is
 * imported.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_VALUE for an
 *   option that @self does not have, or a value that is not UTF-8
 *
 * Since: 1.2
 */
gboolean
stance_importer_set_option (StanceImporter  *self,
                            const char      *name,
                            const char      *value,
                            GError         **error)
{
  StanceImporterPrivate *priv;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = stance_importer_get_instance_private (self);
  if (!g_utf8_validate (name, -1, NULL) || find_option (self, name) == NULL)
    {
      g_auto(GStrv) names = stance_importer_list_options (self);
      g_autofree char *known = g_strjoinv (", ", names);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "the %s importer has no option \"%s\" (options: %s)",
                   get_info (self)->format, g_utf8_validate (name, -1, NULL) ? name : "?", known);
      return FALSE;
    }
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING,
                   "option %s: the value is not valid UTF-8", name);
      return FALSE;
    }

  if (value == NULL)
    g_hash_table_remove (priv->options, name);
  else
    g_hash_table_insert (priv->options, g_strdup (name), g_strdup (value));
  return TRUE;
}

/**
 * stance_importer_import_file:
 * @self: an importer
 * @filename: (type filename): the input file
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Reads @filename into a new graph.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with an error
 *   that says where the input is wrong (in the %STANCE_ERROR domain) or why
 *   it could not be read (%G_IO_ERROR)
 *
 * Since: 1.2
 */
StanceGraph *
stance_importer_import_file (StanceImporter  *self,
                             const char      *filename,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(StanceGraph) graph = NULL;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  graph = stance_graph_new ();
  if (!STANCE_IMPORTER_GET_CLASS (self)->read_file (self, graph, filename, cancellable, error))
    return NULL;
  return g_steal_pointer (&graph);
}

/**
 * stance_importer_import_stream:
 * @self: an importer
 * @stream: the input
 * @cancellable: (nullable): a cancellable, or %NULL
 * @error: return location for an error
 *
 * Reads @stream to its end into a new graph.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with an error
 *
 * Since: 1.2
 */
StanceGraph *
stance_importer_import_stream (StanceImporter  *self,
                               GInputStream    *stream,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(StanceGraph) graph = NULL;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  graph = stance_graph_new ();
  if (!STANCE_IMPORTER_GET_CLASS (self)->read_stream (self, graph, stream, cancellable, error))
    return NULL;
  return g_steal_pointer (&graph);
}

/**
 * stance_importer_import_data:
 * @self: an importer
 * @data: (array length=length) (element-type guint8): the input
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for an error
 *
 * Reads an input in memory into a new graph.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with an error
 *
 * Since: 1.2
 */
StanceGraph *
stance_importer_import_data (StanceImporter  *self,
                             const char      *data,
                             gssize           length,
                             GError         **error)
{
  g_autoptr(GInputStream) in = NULL;

  g_return_val_if_fail (STANCE_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  in = g_memory_input_stream_new_from_data (length > 0 ? data : "", length, NULL);
  return stance_importer_import_stream (self, in, NULL, error);
}

/* ---- shared by the formats ------------------------------------------- */

void
_stance_import_ids_init (StanceImportIds *ids,
                         StanceGraph     *graph)
{
  ids->graph = graph;
  ids->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ids->reserved = NULL;
}

void
_stance_import_ids_clear (StanceImportIds *ids)
{
  g_clear_pointer (&ids->keys, g_hash_table_unref);
}

/* Short enough to read, long enough to tell claims apart. */
#define SLUG_MAX 64

char *
_stance_import_slug (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = text; *p != '\0' && out->len < SLUG_MAX;)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80)
        {
          /* Letters of other scripts are kept whole: ids are UTF-8. */
          const char *next = g_utf8_find_next_char (p, NULL);
          gsize n = next != NULL ? (gsize) (next - p) : strlen (p);

          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_len (out, p, n);
          p += n;
          continue;
        }
      if (g_ascii_isalnum (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, g_ascii_tolower (c));
        }
      else
        dash = TRUE;
      p++;
    }
  if (out->len == 0)
    g_string_append (out, "x");
  return g_string_free (out, FALSE);
}

static gboolean
id_taken (StanceImportIds *ids,
          const char      *id)
{
  g_autoptr(StanceNode) node = NULL;

  if (ids->reserved != NULL && g_hash_table_contains (ids->reserved, id))
    return TRUE;
  node = stance_graph_lookup (ids->graph, id);
  return node != NULL;
}

char *
_stance_import_unique_id (StanceImportIds *ids,
                          const char      *text)
{
  g_autofree char *slug = _stance_import_slug (text);
  char *id = g_strdup (slug);

  for (guint n = 2; id_taken (ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, n);
    }
  return id;
}

char *
_stance_import_statement_id (StanceImportIds  *ids,
                             char             *proposed,
                             GError          **error)
{
  g_autoptr(StanceNode) node = NULL;
  char *id;

  if (!id_taken (ids, proposed))
    return proposed;
  node = stance_graph_lookup (ids->graph, proposed);
  if (STANCE_IS_STATEMENT (node))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID, "statement \"%s\" again", proposed);
      g_free (proposed);
      return NULL;
    }
  id = _stance_import_unique_id (ids, proposed);
  g_free (proposed);
  return id;
}

static const char *
import_node (StanceImportIds *ids,
             char             sort,
             const char      *key,
             const char      *name,
             StanceActorKind  kind,
             GError         **error)
{
  g_autofree char *hkey = g_strdup_printf ("%c%s", sort, key);
  const char *found = g_hash_table_lookup (ids->keys, hkey);
  g_autofree char *id = NULL;
  g_autoptr(StanceNode) node = NULL;

  if (found != NULL)
    return found;

  if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING, "not valid UTF-8");
      return NULL;
    }
  if (*name == '\0')
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "empty %s",
                   sort == 'a' ? "actor" : "claim");
      return NULL;
    }
  id = _stance_import_unique_id (ids, key);
  if (sort == 'a')
    node = (StanceNode *) stance_graph_add_actor (ids->graph, id, name, kind, error);
  else
    node = (StanceNode *) stance_graph_add_claim (ids->graph, id, name, error);
  if (node == NULL)
    return NULL;

  found = g_strdup (id);
  g_hash_table_insert (ids->keys, g_steal_pointer (&hkey), (char *) found);
  return found;
}

const char *
_stance_import_actor (StanceImportIds  *ids,
                      const char       *key,
                      const char       *name,
                      StanceActorKind   kind,
                      GError          **error)
{
  return import_node (ids, 'a', key, name, kind, error);
}

const char *
_stance_import_claim (StanceImportIds  *ids,
                      const char       *key,
                      const char       *text,
                      GError          **error)
{
  return import_node (ids, 'c', key, text, STANCE_ACTOR_KIND_OTHER, error);
}

char *
_stance_import_time (const char  *text,
                     GError     **error)
{
  g_autofree char *copy = g_strdup (text);
  gsize len = strlen (copy);
  StanceTime t;

  /* "2005-01-26 14:30:00" (SQL, spreadsheets): a space for the T, and no
   * offset, which the format reads as UTC too. */
  if (len >= 16 && copy[10] == ' ' && g_ascii_isdigit (copy[11]))
    copy[10] = 'T';
  if (!_stance_time_parse (&t, copy, len, error))
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
_stance_import_declare_kinds (StanceGraph  *graph,
                              const char   *spec,
                              GError      **error)
{
  g_auto(GStrv) items = NULL;

  if (spec == NULL || *spec == '\0')
    return TRUE;
  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *eq = strchr (items[i], '=');
      g_autofree char *name = NULL;
      StancePolarity polarity;

      if (eq == NULL || !stance_polarity_from_string (eq + 1, &polarity))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                       "option kinds: \"%s\" is not NAME=POLARITY (positive, negative, withdrawal or neutral)",
                       items[i]);
          return FALSE;
        }
      name = g_strndup (items[i], eq - items[i]);
      if (!stance_graph_declare_kind (graph, g_strstrip (name), polarity, error))
        {
          g_prefix_error (error, "option kinds: ");
          return FALSE;
        }
    }
  return TRUE;
}

GBytes *
_stance_import_read_all (GInputStream  *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > STANCE_IMPORT_MAX_WHOLE)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT,
                       "the input is larger than %u MiB", STANCE_IMPORT_MAX_WHOLE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
_stance_import_check_json_object (const char  *data,
                                  gsize        size,
                                  GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size || data[i] != '{')
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "not a JSON object");
      return FALSE;
    }
  for (; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > 512)
            {
              g_set_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT, "JSON nested deeper than 512 levels");
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0 && --depth == 0)
        break;
    }
  /* json-glib leaks what it parsed when text follows the value. */
  for (i++; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      {
        g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "text after the end of the JSON object");
        return FALSE;
      }
  return TRUE;
}
