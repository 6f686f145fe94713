/* stance-importer-aif.c: Argument Interchange Format (AIF, xAIF) JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * As OVA and AIFdb write it: nodes (nodeID, text, type), edges (fromID,
 * toID), locutions (nodeID, personID, start), participants (participantID,
 * firstname, surname), at the top level or under "AIF".  The reading
 * (doc/importers.md):
 *
 *  - a participant is an actor `participant-ID`;
 *  - an I-node (proposition) is a claim, its id the nodeID;
 *  - an L-node (locution) is a statement, its id the nodeID, its words the
 *    node's text, by the participant of its locution; a personID that no
 *    participant lists is an actor `participant-ID` named "participant ID";
 *    an L-node without a locution is by the name before ": " in its text
 *    (OVA writes "Bob: …"), or else by the actor `unknown-speaker`;
 *  - its time is the locution's start (or the node's timestamp); without
 *    one, the option time (default 0001: unknown, so that undated
 *    locutions are unordered among themselves);
 *  - a YA (illocution) from a locution to a proposition is a stance of that
 *    statement on that claim, of the kind named after the illocution
 *    ("Pure Questioning" -> pure-questioning), declared with the polarity
 *    of the table below; a YA anchored in a TA (transition L1 -> L2) is a
 *    stance of L2, on its proposition or on the conclusion of the RA / the
 *    attacked proposition of the CA it points to.
 *  - RA, CA and MA relations themselves are not stances; edges to nodes
 *    that the map does not have are ignored.
 *
 * A map is read whole (a graph has no order to stream in), up to
 * STANCE_IMPORT_MAX_WHOLE bytes.
 */

#include "config.h"

#include <string.h>

#include "stance-importer-private.h"

typedef struct { StanceImporter parent_instance; } StanceAifImporter;
typedef struct { StanceImporterClass parent_class; } StanceAifImporterClass;

G_DEFINE_TYPE (StanceAifImporter, _stance_aif_importer, STANCE_TYPE_IMPORTER)

static const StanceImporterOption aif_options[] = {
  { "time", "0001", "the time of a locution that has none (0001: unknown)" },
  { NULL }
};

/* Illocutions that take a position; every other one is neutral. */
static const struct { const char *kind; StancePolarity polarity; } illocutions[] = {
  { "asserting", STANCE_POLARITY_POSITIVE },
  { "agreeing", STANCE_POLARITY_POSITIVE },
  { "arguing", STANCE_POLARITY_POSITIVE },
  { "restating", STANCE_POLARITY_POSITIVE },
  { "conceding", STANCE_POLARITY_POSITIVE },
  { "default-illocuting", STANCE_POLARITY_POSITIVE },
  { "disagreeing", STANCE_POLARITY_NEGATIVE },
  { "withdrawing", STANCE_POLARITY_WITHDRAWAL },
};

typedef struct
{
  GHashTable *index;    /* nodeID text -> node index in the nodes array */
  GPtrArray  *types;    /* const char * per node */
  GPtrArray  *texts;    /* const char * per node */
  GPtrArray  *ids;      /* char * per node */
  GPtrArray  *in;       /* GArray of guint (from-nodes) per node */
  GPtrArray  *out;      /* GArray of guint (to-nodes) per node */
} AifMap;

static void
aif_map_clear (AifMap *m)
{
  g_clear_pointer (&m->index, g_hash_table_unref);
  g_clear_pointer (&m->types, g_ptr_array_unref);
  g_clear_pointer (&m->texts, g_ptr_array_unref);
  g_clear_pointer (&m->ids, g_ptr_array_unref);
  g_clear_pointer (&m->in, g_ptr_array_unref);
  g_clear_pointer (&m->out, g_ptr_array_unref);
}

/* A nodeID, personID or participantID: a string or an integer, as text. */
static char *
id_text (JsonNode *n)
{
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    return *json_node_get_string (n) != '\0' ? g_strdup (json_node_get_string (n)) : NULL;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
  return NULL;
}

static const char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* The array member @name, or NULL when absent or null; an error when it is
 * something else. */
static gboolean
array_member (JsonObject  *o,
              const char  *path,
              const char  *name,
              JsonArray  **out,
              GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "%s%s: not an array", path, name);
      return FALSE;
    }
  *out = json_node_get_array (n);
  return TRUE;
}

static JsonObject *
element_object (JsonArray   *a,
                guint        i,
                const char  *path,
                const char  *name,
                GError     **error)
{
  JsonNode *n = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "%s%s[%u]: not an object", path, name, i);
      return NULL;
    }
  return json_node_get_object (n);
}

static char *
kind_of_illocution (const char *text)
{
  g_autofree char *slug = _stance_import_slug (text != NULL ? text : "");

  if (!stance_kind_name_is_valid (slug) || stance_kind_is_builtin (slug))
    return g_strdup ("comments");
  return g_steal_pointer (&slug);
}

static gboolean
declare_kind (StanceGraph  *graph,
              const char   *kind,
              GError      **error)
{
  StancePolarity polarity = STANCE_POLARITY_NEUTRAL;

  if (stance_kind_is_builtin (kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (illocutions); i++)
    if (strcmp (illocutions[i].kind, kind) == 0)
      polarity = illocutions[i].polarity;
  return stance_graph_declare_kind (graph, kind, polarity, error);
}

static const char *
speaker_from_text (StanceImportIds  *ids,
                   const char       *text,
                   GError          **error)
{
  const char *colon = text != NULL ? strstr (text, ": ") : NULL;

  if (colon != NULL && colon > text && colon - text <= 40 && memchr (text, '\n', colon - text) == NULL)
    {
      g_autofree char *name = g_strstrip (g_strndup (text, colon - text));

      while (*name == '|')
        memmove (name, name + 1, strlen (name));
      if (*name != '\0')
        return _stance_import_actor (ids, name, name, STANCE_ACTOR_KIND_PERSON, error);
    }
  return _stance_import_actor (ids, "unknown speaker", "unknown speaker", STANCE_ACTOR_KIND_OTHER, error);
}

static gboolean
add_stances (StanceGraph  *graph,
             AifMap       *m,
             const char   *statement,
             guint         ya,
             const char   *path,
             GError      **error)
{
  GArray *out = m->out->pdata[ya];
  g_autofree char *kind = kind_of_illocution (m->texts->pdata[ya]);

  for (guint k = 0; k < out->len; k++)
    {
      guint to = g_array_index (out, guint, k);
      const char *type = m->types->pdata[to];
      GArray *targets = NULL;

      /* A YA on an inference or a conflict is about its conclusion, or the
       * proposition it attacks. */
      if (strcmp (type, "RA") == 0 || strcmp (type, "CA") == 0)
        targets = m->out->pdata[to];
      for (guint t = 0; t < (targets != NULL ? targets->len : 1); t++)
        {
          guint target = targets != NULL ? g_array_index (targets, guint, t) : to;

          if (strcmp (m->types->pdata[target], "I") != 0)
            continue;
          if (!declare_kind (graph, kind, error) ||
              !stance_graph_append_stance (graph, statement, kind, m->ids->pdata[target], NULL, error))
            {
              g_prefix_error (error, "%snodes[%u]: ", path, ya);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
import_map (StanceImporter *self,
            StanceGraph    *graph,
            JsonNode       *root,
            GError        **error)
{
  const char *path = "";
  JsonObject *aif;
  JsonArray *nodes, *edges, *locutions, *participants;
  g_autoptr(GHashTable) locution_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) time_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  StanceImportIds ids;
  AifMap m = { 0 };
  const char *default_time = stance_importer_get_option (self, "time");
  g_autofree char *checked_default = NULL;
  gboolean ok = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "the map is not a JSON object");
      return FALSE;
    }
  if ((checked_default = _stance_import_time (default_time ? default_time : "", error)) == NULL)
    {
      g_prefix_error (error, "option time: ");
      return FALSE;
    }
  aif = json_node_get_object (root);
  if (json_object_has_member (aif, "AIF"))
    {
      JsonNode *n = json_object_get_member (aif, "AIF");

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "AIF: not an object");
          return FALSE;
        }
      aif = json_node_get_object (n);
      path = "AIF.";
    }
  if (!array_member (aif, path, "nodes", &nodes, error) ||
      !array_member (aif, path, "edges", &edges, error) ||
      !array_member (aif, path, "locutions", &locutions, error) ||
      !array_member (aif, path, "participants", &participants, error))
    return FALSE;
  if (nodes == NULL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "%snodes: missing", path);
      return FALSE;
    }

  _stance_import_ids_init (&ids, graph);
  m.index = g_hash_table_new (g_str_hash, g_str_equal);
  /* The node ids become claim and statement ids: actors keep off them. */
  ids.reserved = m.index;
  m.types = g_ptr_array_new ();
  m.texts = g_ptr_array_new ();
  m.ids = g_ptr_array_new_with_free_func (g_free);
  m.in = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  m.out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *o = element_object (nodes, i, path, "nodes", error);
      char *id;
      const char *type;

      if (o == NULL)
        goto out;
      if ((id = id_text (json_object_get_member (o, "nodeID"))) == NULL)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE,
                       "%snodes[%u].nodeID: missing, or not a string or an integer", path, i);
          goto out;
        }
      if ((type = string_member (o, "type")) == NULL)
        {
          g_free (id);
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "%snodes[%u].type: missing, or not a string", path, i);
          goto out;
        }
      if (g_hash_table_contains (m.index, id))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID, "%snodes[%u].nodeID: \"%s\" again", path, i, id);
          g_free (id);
          goto out;
        }
      g_ptr_array_add (m.ids, id);
      g_ptr_array_add (m.types, (gpointer) type);
      g_ptr_array_add (m.texts, (gpointer) string_member (o, "text"));
      g_ptr_array_add (m.in, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (m.out, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_hash_table_insert (m.index, id, GUINT_TO_POINTER (i + 1));
      if (string_member (o, "timestamp") != NULL)
        g_hash_table_insert (time_of, g_strdup (id), g_strdup (string_member (o, "timestamp")));
    }

  for (guint i = 0; edges != NULL && i < json_array_get_length (edges); i++)
    {
      JsonObject *o = element_object (edges, i, path, "edges", error);
      g_autofree char *from = NULL, *to = NULL;
      guint f, t;

      if (o == NULL)
        goto out;
      from = id_text (json_object_get_member (o, "fromID"));
      to = id_text (json_object_get_member (o, "toID"));
      if (from == NULL || to == NULL)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "%sedges[%u].%s: missing, or not a string or an integer",
                       path, i, from == NULL ? "fromID" : "toID");
          goto out;
        }
      f = GPOINTER_TO_UINT (g_hash_table_lookup (m.index, from));
      t = GPOINTER_TO_UINT (g_hash_table_lookup (m.index, to));
      if (f == 0 || t == 0)
        continue;
      g_array_append_val ((GArray *) m.out->pdata[f - 1], (guint) { t - 1 });
      g_array_append_val ((GArray *) m.in->pdata[t - 1], (guint) { f - 1 });
    }

  /* Participants: the first entry of an ID wins (exports repeat them). */
  for (guint i = 0; participants != NULL && i < json_array_get_length (participants); i++)
    {
      JsonObject *o = element_object (participants, i, path, "participants", error);
      g_autofree char *pid = NULL;
      g_autofree char *name = NULL;
      const char *first, *last;

      if (o == NULL)
        goto out;
      if ((pid = id_text (json_object_get_member (o, "participantID"))) == NULL)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE,
                       "%sparticipants[%u].participantID: missing, or not a string or an integer", path, i);
          goto out;
        }
      if (g_hash_table_contains (people, pid))
        continue;
      first = string_member (o, "firstname");
      last = string_member (o, "surname");
      /* Python-written exports say "None" for no surname. */
      if (last != NULL && strcmp (last, "None") == 0)
        last = NULL;
      name = g_strstrip (g_strdup_printf ("%s %s", first ? first : "", last ? last : ""));
      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup_printf ("participant %s", pid);
        }
      {
        g_autofree char *key = g_strconcat ("participant-", pid, NULL);
        const char *actor = _stance_import_actor (&ids, key, name, STANCE_ACTOR_KIND_PERSON, error);

        if (actor == NULL)
          {
            g_prefix_error (error, "%sparticipants[%u]: ", path, i);
            goto out;
          }
        g_hash_table_insert (people, g_steal_pointer (&pid), g_strdup (actor));
      }
    }

  for (guint i = 0; locutions != NULL && i < json_array_get_length (locutions); i++)
    {
      JsonObject *o = element_object (locutions, i, path, "locutions", error);
      g_autofree char *node = NULL;

      if (o == NULL)
        goto out;
      if ((node = id_text (json_object_get_member (o, "nodeID"))) == NULL)
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE,
                       "%slocutions[%u].nodeID: missing, or not a string or an integer", path, i);
          goto out;
        }
      if (!g_hash_table_contains (locution_of, node))
        g_hash_table_insert (locution_of, g_steal_pointer (&node), GUINT_TO_POINTER (i + 1));
    }

  /* Propositions first, so that every stance finds its claim. */
  for (guint i = 0; i < m.ids->len; i++)
    {
      const char *text = m.texts->pdata[i];
      g_autofree char *fallback = NULL;
      g_autoptr(StanceClaim) claim = NULL;

      if (strcmp (m.types->pdata[i], "I") != 0)
        continue;
      if (text == NULL || *text == '\0')
        text = fallback = g_strdup_printf ("proposition %s", (const char *) m.ids->pdata[i]);
      if ((claim = stance_graph_add_claim (graph, m.ids->pdata[i], text, error)) == NULL)
        {
          g_prefix_error (error, "%snodes[%u]: ", path, i);
          goto out;
        }
    }

  for (guint i = 0; i < m.ids->len; i++)
    {
      const char *id = m.ids->pdata[i];
      const char *text = m.texts->pdata[i];
      guint loc = GPOINTER_TO_UINT (g_hash_table_lookup (locution_of, id));
      const char *speaker = NULL;
      const char *when = g_hash_table_lookup (time_of, id);
      g_autofree char *time = NULL;
      g_autofree char *where = NULL;

      if (strcmp (m.types->pdata[i], "L") != 0)
        continue;
      where = g_strdup_printf ("%snodes[%u]", path, i);
      if (loc != 0)
        {
          JsonObject *o = json_array_get_object_element (locutions, loc - 1);
          g_autofree char *pid = id_text (json_object_get_member (o, "personID"));

          g_free (where);
          where = g_strdup_printf ("%slocutions[%u]", path, loc - 1);
          if (string_member (o, "start") != NULL && *string_member (o, "start") != '\0')
            when = string_member (o, "start");
          if (pid != NULL && (speaker = g_hash_table_lookup (people, pid)) == NULL)
            {
              /* A personID that no participant lists. */
              g_autofree char *key = g_strconcat ("participant-", pid, NULL);
              g_autofree char *name = g_strdup_printf ("participant %s", pid);

              if ((speaker = _stance_import_actor (&ids, key, name, STANCE_ACTOR_KIND_PERSON, error)) == NULL)
                {
                  g_prefix_error (error, "%s.personID: ", where);
                  goto out;
                }
            }
        }
      if (speaker == NULL && (speaker = speaker_from_text (&ids, text, error)) == NULL)
        {
          g_prefix_error (error, "%snodes[%u].text: ", path, i);
          goto out;
        }
      if ((time = _stance_import_time (when != NULL ? when : checked_default, error)) == NULL)
        {
          g_prefix_error (error, "%s.%s: ", where, loc != 0 && when != NULL ? "start" : "timestamp");
          goto out;
        }
      if (!stance_graph_append_statement (graph, id, speaker, time, text != NULL && *text != '\0' ? text : NULL,
                                          NULL, NULL, error))
        {
          g_prefix_error (error, "%snodes[%u]: ", path, i);
          goto out;
        }
    }

  /* Illocutions, in node order. */
  for (guint i = 0; i < m.ids->len; i++)
    {
      GArray *in = m.in->pdata[i];

      if (strcmp (m.types->pdata[i], "YA") != 0)
        continue;
      for (guint k = 0; k < in->len; k++)
        {
          guint from = g_array_index (in, guint, k);

          if (strcmp (m.types->pdata[from], "L") == 0)
            {
              if (!add_stances (graph, &m, m.ids->pdata[from], i, path, error))
                goto out;
            }
          else if (strcmp (m.types->pdata[from], "TA") == 0)
            {
              /* L1 -> TA -> L2: the illocution is the later locution's. */
              GArray *tout = m.out->pdata[from];

              for (guint l = 0; l < tout->len; l++)
                {
                  guint to = g_array_index (tout, guint, l);

                  if (strcmp (m.types->pdata[to], "L") == 0 &&
                      !add_stances (graph, &m, m.ids->pdata[to], i, path, error))
                    goto out;
                }
            }
        }
    }
  ok = TRUE;

out:
  aif_map_clear (&m);
  _stance_import_ids_clear (&ids);
  return ok;
}

static gboolean
stance_aif_import_stream (StanceImporter *self,
                          StanceGraph    *graph,
                          GInputStream   *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = _stance_import_read_all (stream, cancellable, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "the map is empty");
      return FALSE;
    }
  if (!g_utf8_validate (data, size, NULL) || memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING, "the map is not valid UTF-8");
      return FALSE;
    }
  if (!_stance_import_check_json_object (data, size, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, size, &local))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "%s", local->message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "the map is empty");
      return FALSE;
    }
  return import_map (self, graph, json_parser_get_root (parser), error);
}

static void
_stance_aif_importer_class_init (StanceAifImporterClass *klass)
{
  STANCE_IMPORTER_CLASS (klass)->read_stream = stance_aif_import_stream;
  _stance_importer_class_setup (STANCE_IMPORTER_CLASS (klass), "aif", aif_options);
}

static void
_stance_aif_importer_init (StanceAifImporter *self)
{
}
