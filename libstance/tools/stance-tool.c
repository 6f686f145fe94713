/* stance-tool.c: what every subcommand of the stance tool shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include "stance-tool.h"
#include "stance-json-writer-private.h"
#include "stance-quote-private.h"
#include "stance-graph-private.h"
#include "stance-suggest-private.h"

gboolean tool_opt_json;

void
tool_error (const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  fputs ("stance: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

/* Text from outside (an id, a file name) quoted for a message by the
 * library's one quoting helper.  The results live in a small ring, so that
 * a message may show a few and callers need not free them; not interned,
 * as a GQuark table that grows leaks its old array and the CLI fuzzer sees
 * millions of names. */
const char *
tool_quote (const char *text)
{
  static char *ring[4];
  static guint next;

  next = (next + 1) % G_N_ELEMENTS (ring);
  g_free (ring[next]);
  ring[next] = _stance_quote (text, -1);
  return ring[next];
}

/* A file name as messages show it: as it is when it is printable UTF-8,
 * else quoted with escapes. */
const char *
tool_display_name (const char *file)
{
  const char *quoted;
  gsize length = strlen (file);

  if (strcmp (file, "-") == 0)
    return "<stdin>";

  quoted = tool_quote (file);
  if (strlen (quoted) == length + 2 && strncmp (quoted + 1, file, length) == 0)
    return file;
  return quoted;
}

/* Standard input has no name to tell JSON Lines by, so its first line
 * does: a JSON Lines document starts with its header, a whole object on
 * one line ({"stance": 1, ...}), and goes on with records; a document
 * whose first line is a whole object and that has nothing after it is
 * the same graph read either way, so it is read as JSON. */
static gboolean
stdin_is_jsonl (GBufferedInputStream *in)
{
  const char *peeked;
  const char *newline;
  gsize available;

  /* Fill the buffer once (a pipe may deliver less: then decide on that). */
  if (g_buffered_input_stream_fill (in, -1, NULL, NULL) < 0)
    return FALSE;
  peeked = g_buffered_input_stream_peek_buffer (in, &available);
  newline = memchr (peeked, '\n', available);
  if (newline == NULL || !g_str_has_prefix (peeked, "{\"stance\""))
    return FALSE;
  while (newline > peeked && (newline[-1] == '\r' || newline[-1] == ' '))
    newline--;
  if (newline[-1] != '}')
    return FALSE;
  /* Anything but white space after the first line: records follow. */
  for (const char *p = memchr (peeked, '\n', available) + 1; p < peeked + available; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;

  return FALSE;
}

/* FILE `-` is standard input, so that `stance check -` reads a pipe; a
 * file is read in the form its extension names (.stance: a snapshot;
 * .jsonl: JSON Lines; else JSON). */
StanceGraph *
tool_load (const char *file)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *graph;

  if (strcmp (file, "-") == 0)
    {
      g_autoptr(GInputStream) raw = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GInputStream) in = g_buffered_input_stream_new_sized (raw, 64 * 1024);

      if (stdin_is_jsonl (G_BUFFERED_INPUT_STREAM (in)))
        graph = stance_graph_new_from_jsonl_stream (in, NULL, &error);
      else
        graph = stance_graph_new_from_stream (in, NULL, &error);
    }
  else if (g_str_has_suffix (file, ".stance"))
    graph = stance_graph_new_from_snapshot (file, &error);
  else
    graph = stance_graph_new_from_file (file, &error);

  if (graph == NULL)
    tool_error ("%s: %s", tool_display_name (file), error->message);

  return graph;
}

const char *
tool_id_of (gpointer node)
{
  return stance_node_get_id (STANCE_NODE (node));
}

/* Parses the subcommand's options (--json and @extra, which may be NULL);
 * on a mistake prints it and returns FALSE.  The subcommand takes from
 * @min_args to @max_args positional arguments. */
gboolean
tool_parse (const ToolCommand  *command,
            const GOptionEntry *extra,
            int                *argc,
            char             ***argv,
            int                 min_args,
            int                 max_args)
{
  g_autofree char *usage = g_strdup_printf ("%s - %s", command->args, command->summary);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &tool_opt_json, "Print JSON instead of text", NULL },
    { NULL }
  };
  g_autofree char *prgname = g_strdup_printf ("stance %s", command->name);
  int n;

  g_set_prgname (prgname);
  g_option_context_add_main_entries (context, entries, NULL);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      tool_error ("%s: %s (see 'stance %s --help')", command->name, error->message, command->name);
      return FALSE;
    }

  n = *argc - 1;
  if (n < min_args || n > max_args)
    {
      tool_error ("%s: expected %s, got %d argument%s (see 'stance %s --help')",
                  command->name, command->args, n, n == 1 ? "" : "s", command->name);
      return FALSE;
    }

  return TRUE;
}

/* Prints with the library's writer, so that the tool and documents share
 * one JSON layout. */
void
tool_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  StanceJsonWriter w;
  g_autofree char *text = NULL;
  gsize length;

  _stance_json_writer_init (&w, 4096, FALSE);
  _stance_json_writer_node (&w, root);
  _stance_json_writer_end_line (&w);
  text = _stance_json_writer_steal (&w, &length);
  fwrite (text, 1, length, stdout);
}

void
tool_add_member_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Looks @id up as a node of @type (an actor, or any node with
 * STANCE_TYPE_NODE); on a miss prints an error that says what was wrong,
 * with a "did you mean" for a near miss, and returns NULL. */
StanceNode *
tool_lookup (StanceGraph *graph,
             const char  *file,
             const char  *id,
             GType        type)
{
  g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

  if (node == NULL)
    {
      const char *maybe = _stance_suggest_id (_stance_graph_get_store (graph), id);

      if (maybe != NULL)
        tool_error ("%s: no node with the id %s (did you mean %s?)", tool_display_name (file), tool_quote (id), tool_quote (maybe));
      else
        tool_error ("%s: no node with the id %s", tool_display_name (file), tool_quote (id));
      return NULL;
    }

  if (!g_type_is_a (G_OBJECT_TYPE (node), type))
    {
      tool_error ("%s: %s is not %s", tool_display_name (file), tool_quote (id),
                  type == STANCE_TYPE_ACTOR ? "an actor" : type == STANCE_TYPE_STATEMENT ? "a statement" : "a claim");
      return NULL;
    }

  return g_steal_pointer (&node);
}

/* The members of a stance as `stance at --json` prints it, into an open
 * object. */
void
tool_add_edge_members (JsonBuilder *builder,
                       StanceEdge  *edge)
{
  StanceStatement *statement = stance_edge_get_statement (edge);
  g_autofree char *time = stance_statement_dup_time_string (statement);

  tool_add_member_string (builder, "kind", stance_edge_get_kind (edge));
  tool_add_member_string (builder, "polarity", stance_polarity_to_string (stance_edge_get_polarity (edge)));
  tool_add_member_string (builder, "statement", tool_id_of (statement));
  tool_add_member_string (builder, "time", time);
  if (stance_statement_get_text (statement) != NULL)
    tool_add_member_string (builder, "text", stance_statement_get_text (statement));
}

/* A stance as `stance at --json` prints it. */
void
tool_add_edge_json (JsonBuilder *builder,
                    StanceEdge  *edge)
{
  json_builder_begin_object (builder);
  tool_add_edge_members (builder, edge);
  json_builder_end_object (builder);
}

/* A stance as `stance at` prints it: time, kind (polarity), statement and
 * words. */
void
tool_print_edge (StanceEdge *edge)
{
  StanceStatement *statement = stance_edge_get_statement (edge);
  g_autofree char *time = stance_statement_dup_time_string (statement);
  const char *text = stance_statement_get_text (statement);

  printf ("%s  %s (%s) %s", time, stance_edge_get_kind (edge),
          stance_polarity_to_string (stance_edge_get_polarity (edge)), tool_id_of (statement));
  if (text != NULL)
    printf (": \"%s\"", text);
  putchar ('\n');
}

/* A string member, or null when @value is NULL. */
void
tool_add_member_nullable (JsonBuilder *builder,
                          const char  *member,
                          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
