/* stance-importer-rumoureval.c: RumourEval 2017 / PHEME threads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * JSON Lines, one tweet a line: event, thread, id, source, created_at,
 * user_id, user, in_reply_to, lang, text, label (support, deny, query,
 * comment), as in shared/data/rumoureval2017/tweets.jsonl.  The reading is
 * the data README's: each thread's rumour is a claim (`thread-ID`, the words
 * of its source tweet, its event in meta); the source tweet's author
 * `proposes` it, whatever its label; a reply is a statement by its author
 * that `supports`, `denies`, `questions` or `comments` on it, and
 * `reports` the tweet it answers.  Users are actors `user-ID`, named by
 * their screen name (a later one is kept as an alias); tweets are
 * statements `tweet-ID` at the second they were posted.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "stance-importer-private.h"

typedef struct { StanceImporter parent_instance; } StanceRumourevalImporter;
typedef struct { StanceImporterClass parent_class; } StanceRumourevalImporterClass;

G_DEFINE_TYPE (StanceRumourevalImporter, _stance_rumoureval_importer, STANCE_TYPE_IMPORTER)

static const StanceImporterOption rumoureval_options[] = {
  { NULL }
};

static const char *
member_string (JsonObject  *o,
               const char  *name,
               gboolean     nullable,
               GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (!nullable)
        g_set_error (error, STANCE_ERROR, STANCE_ERROR_MISSING_MEMBER, "%s: missing", name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "%s: not a string", name);
      return NULL;
    }
  return json_node_get_string (n);
}

/* Twitter's "Wed Jan 07 11:07:51 +0000 2015" in the format's syntax. */
static char *
twitter_time (const char  *text,
              GError     **error)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  char wday[4], mon[4], zone[6];
  int day, h, m, s, year, consumed = 0;
  const char *found;

  if (sscanf (text, "%3s %3s %d %d:%d:%d %5s %d%n", wday, mon, &day, &h, &m, &s, zone, &year, &consumed) != 8 ||
      text[consumed] != '\0' || (found = strstr (months, mon)) == NULL || (found - months) % 3 != 0 ||
      (zone[0] != '+' && zone[0] != '-') || strspn (zone + 1, "0123456789") != 4)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME,
                   "created_at: \"%s\" is not a Twitter time (Wed Jan 07 11:07:51 +0000 2015)", text);
      return NULL;
    }
  {
    g_autofree char *iso = NULL;
    g_autofree char *checked = NULL;

    if (strcmp (zone + 1, "0000") == 0)
      iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, (int) (found - months) / 3 + 1, day, h, m, s);
    else
      iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%.2s:%.2s", year, (int) (found - months) / 3 + 1,
                             day, h, m, s, zone[0], zone + 1, zone + 3);
    if ((checked = _stance_import_time (iso, error)) == NULL)
      g_prefix_error (error, "created_at: ");
    return g_steal_pointer (&checked);
  }
}

static gboolean
add_alias (StanceGraph  *graph,
           const char   *actor_id,
           const char   *name)
{
  g_autoptr(StanceNode) node = stance_graph_lookup (graph, actor_id);
  StanceActor *actor = STANCE_ACTOR (node);
  const char * const *aliases = stance_actor_get_aliases (actor);
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) all = NULL;

  if (strcmp (stance_actor_get_name (actor), name) == 0 || (aliases != NULL && g_strv_contains (aliases, name)))
    return TRUE;
  b = g_strv_builder_new ();
  if (aliases != NULL)
    g_strv_builder_addv (b, (const char **) aliases);
  g_strv_builder_add (b, name);
  all = g_strv_builder_end (b);
  stance_actor_set_aliases (actor, (const char * const *) all);
  return TRUE;
}

typedef struct { char *tweet; char *reply_to; guint64 line; } Reply;

static void
reply_free (gpointer p)
{
  Reply *r = p;

  g_free (r->tweet);
  g_free (r->reply_to);
  g_free (r);
}

static gboolean
import_tweet (StanceGraph  *graph,
              JsonNode     *root,
              GPtrArray    *replies,
              guint64       line,
              GError      **error)
{
  static const char *const labels[][2] = {
    { "support", "supports" }, { "deny", "denies" }, { "query", "questions" }, { "comment", "comments" },
  };
  JsonObject *o;
  JsonNode *src;
  const char *event, *thread, *id, *created, *user_id, *user, *reply_to, *lang, *text, *label;
  const char *kind = NULL;
  g_autofree char *actor = NULL, *claim = NULL, *statement = NULL, *time = NULL, *url = NULL;
  g_autoptr(StanceNode) existing = NULL;
  gboolean is_source;
  GError *e = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_TYPE, "not a JSON object");
      return FALSE;
    }
  o = json_node_get_object (root);
  if ((event = member_string (o, "event", FALSE, &e)) == NULL ||
      (thread = member_string (o, "thread", FALSE, &e)) == NULL ||
      (id = member_string (o, "id", FALSE, &e)) == NULL ||
      (created = member_string (o, "created_at", FALSE, &e)) == NULL ||
      (user_id = member_string (o, "user_id", FALSE, &e)) == NULL ||
      (user = member_string (o, "user", FALSE, &e)) == NULL ||
      (label = member_string (o, "label", FALSE, &e)) == NULL ||
      ((reply_to = member_string (o, "in_reply_to", TRUE, &e)), e != NULL) ||
      ((lang = member_string (o, "lang", TRUE, &e)), e != NULL) ||
      ((text = member_string (o, "text", TRUE, &e)), e != NULL))
    {
      g_propagate_error (error, e);
      return FALSE;
    }
  src = json_object_get_member (o, "source");
  if (src == NULL || !JSON_NODE_HOLDS_VALUE (src) || json_node_get_value_type (src) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, STANCE_ERROR, src == NULL ? STANCE_ERROR_MISSING_MEMBER : STANCE_ERROR_TYPE,
                   "source: %s", src == NULL ? "missing" : "not true or false");
      return FALSE;
    }
  is_source = json_node_get_boolean (src);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (label, labels[i][0]) == 0)
      kind = labels[i][1];
  if (kind == NULL)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE,
                   "label: \"%s\" is not support, deny, query or comment", label);
      return FALSE;
    }
  if (is_source)
    kind = "proposes";
  if ((time = twitter_time (created, error)) == NULL)
    return FALSE;

  actor = g_strconcat ("user-", user_id, NULL);
  existing = stance_graph_lookup (graph, actor);
  if (existing == NULL)
    {
      g_autoptr(StanceActor) a = stance_graph_add_actor (graph, actor, user, STANCE_ACTOR_KIND_PERSON, error);

      if (a == NULL)
        {
          g_prefix_error (error, "user_id: ");
          return FALSE;
        }
    }
  else if (!STANCE_IS_ACTOR (existing))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE, "user_id: \"%s\" is not a user", actor);
      return FALSE;
    }
  else if (*user != '\0')
    add_alias (graph, actor, user);

  /* The thread's claim is made by its first tweet; the source tweet gives
   * it its words, wherever it comes in the file. */
  claim = g_strconcat ("thread-", thread, NULL);
  g_clear_object (&existing);
  existing = stance_graph_lookup (graph, claim);
  if (existing == NULL)
    {
      g_autofree char *placeholder = g_strdup_printf ("the rumour of thread %s", thread);
      g_autoptr(StanceClaim) c = stance_graph_add_claim (graph, claim, is_source && text && *text ? text : placeholder,
                                                         error);
      g_autoptr(JsonNode) meta = json_from_string ("{}", NULL);

      if (c == NULL)
        {
          g_prefix_error (error, "thread: ");
          return FALSE;
        }
      json_object_set_string_member (json_node_get_object (meta), "event", event);
      stance_node_set_meta (STANCE_NODE (c), meta, NULL);
      existing = g_object_ref (STANCE_NODE (c));
    }
  else if (!STANCE_IS_CLAIM (existing))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE, "thread: \"%s\" is not a thread", claim);
      return FALSE;
    }
  else if (is_source && text != NULL && *text != '\0')
    stance_claim_set_text (STANCE_CLAIM (existing), text);
  if (is_source && lang != NULL && *lang != '\0')
    stance_claim_set_lang (STANCE_CLAIM (existing), lang);

  statement = g_strconcat ("tweet-", id, NULL);
  url = g_strdup_printf ("https://twitter.com/%s/status/%s", user, id);
  if (!stance_graph_append_statement (graph, statement, actor, time, text && *text ? text : NULL,
                                      lang && *lang ? lang : NULL, url, error))
    {
      g_prefix_error (error, "id: ");
      return FALSE;
    }
  if (!stance_graph_append_stance (graph, statement, kind, claim, NULL, error))
    return FALSE;
  if (reply_to != NULL && *reply_to != '\0')
    {
      Reply *r = g_new0 (Reply, 1);

      r->tweet = g_steal_pointer (&statement);
      r->reply_to = g_strconcat ("tweet-", reply_to, NULL);
      r->line = line;
      g_ptr_array_add (replies, r);
    }
  return TRUE;
}

static gboolean
stance_rumoureval_import_stream (StanceImporter *self,
                                 StanceGraph    *graph,
                                 GInputStream   *stream,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (stream);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (reply_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  guint64 line = 0;

  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  for (;;)
    {
      GError *local = NULL;
      gsize length;
      g_autofree char *text = g_data_input_stream_read_line (data, &length, cancellable, &local);

      if (text == NULL)
        {
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          break;
        }
      line++;
      if (length == 0 || strspn (text, " \t\r") == length)
        continue;
      if (strlen (text) != length || !g_utf8_validate (text, length, NULL))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING, "line %" G_GUINT64_FORMAT ": not valid UTF-8", line);
          return FALSE;
        }
      if (!_stance_import_check_json_object (text, length, error))
        {
          g_prefix_error (error, "line %" G_GUINT64_FORMAT ": ", line);
          return FALSE;
        }
      if (!json_parser_load_from_data (parser, text, length, &local))
        {
          g_set_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "line %" G_GUINT64_FORMAT ": %s", line, local->message);
          g_error_free (local);
          return FALSE;
        }
      if (!import_tweet (graph, json_parser_get_root (parser), replies, line, error))
        {
          g_prefix_error (error, "line %" G_GUINT64_FORMAT ": ", line);
          return FALSE;
        }
    }

  /* A reply reports the tweet it answers, when the data has it. */
  for (guint i = 0; i < replies->len; i++)
    {
      Reply *r = replies->pdata[i];
      g_autoptr(StanceNode) s = stance_graph_lookup (graph, r->tweet);
      g_autoptr(StanceNode) answered = stance_graph_lookup (graph, r->reply_to);

      if (answered == NULL)
        continue;
      if (!STANCE_IS_STATEMENT (answered) ||
          !stance_statement_set_reports (STANCE_STATEMENT (s), STANCE_STATEMENT (answered), error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE, "not a tweet");
          g_prefix_error (error, "line %" G_GUINT64_FORMAT ": in_reply_to: ", r->line);
          return FALSE;
        }
    }
  return TRUE;
}

static void
_stance_rumoureval_importer_class_init (StanceRumourevalImporterClass *klass)
{
  STANCE_IMPORTER_CLASS (klass)->read_stream = stance_rumoureval_import_stream;
  _stance_importer_class_setup (STANCE_IMPORTER_CLASS (klass), "rumoureval", rumoureval_options);
}

static void
_stance_rumoureval_importer_init (StanceRumourevalImporter *self)
{
}
