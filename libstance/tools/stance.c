/* stance.c: the stance command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `stance check FILE [--json]` is the contract of SPEC §4: exit 0 with no
 * contradictions, 1 with some, 2 when the input or the command is invalid,
 * with the error on standard error and nothing on standard output.  The
 * other subcommands answer the questions a reader asks next.
 */

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include <libstance/stance.h>

#define EXIT_FOUND   1
#define EXIT_INVALID 2

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static gboolean opt_json;

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  fputs ("stance: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

static const char *
display_name (const char *file)
{
  return strcmp (file, "-") == 0 ? "<stdin>" : file;
}

/* FILE `-` is standard input, so that `stance check -` reads a pipe. */
static StanceGraph *
load (const char *file)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *graph;

  if (strcmp (file, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

      graph = stance_graph_new_from_stream (in, NULL, &error);
    }
  else
    graph = stance_graph_new_from_file (file, &error);

  if (graph == NULL)
    print_error ("%s: %s", display_name (file), error->message);

  return graph;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  puts (text);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static const char *
id_of (gpointer node)
{
  return stance_node_get_id (STANCE_NODE (node));
}

/* Parses the subcommand's options; on a mistake prints it with the usage
 * and returns FALSE.  @n_args is how many positional arguments it takes. */
static gboolean
parse_options (const Command  *command,
               int            *argc,
               char         ***argv,
               int             n_args)
{
  g_autofree char *usage = g_strdup_printf ("%s - %s", command->args, command->summary);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &opt_json, "Print JSON instead of text", NULL },
    { NULL }
  };
  g_autofree char *prgname = g_strdup_printf ("stance %s", command->name);

  g_set_prgname (prgname);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s: %s (see 'stance %s --help')", command->name, error->message, command->name);
      return FALSE;
    }

  if (*argc - 1 != n_args)
    {
      print_error ("%s: expected %s, got %d argument%s (see 'stance %s --help')",
                   command->name, command->args, *argc - 1, *argc - 1 == 1 ? "" : "s", command->name);
      return FALSE;
    }

  return TRUE;
}

static int run_check    (int argc, char **argv);
static int run_at       (int argc, char **argv);
static int run_timeline (int argc, char **argv);
static int run_summary  (int argc, char **argv);

static const Command commands[] = {
  { "check", "FILE", "print the contradictions of a document (FILE - reads standard input)", run_check },
  { "at", "FILE HOLDER TARGET TIME", "what stance HOLDER had on TARGET at TIME, and which statement says so", run_at },
  { "timeline", "FILE HOLDER TARGET", "HOLDER's own stances on TARGET, in order", run_timeline },
  { "summary", "FILE", "what a document holds, and its contradictions by kind", run_summary },
};

static int
run_check (int    argc,
           char **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  guint n;

  if (!parse_options (&commands[0], &argc, &argv, 1))
    return EXIT_INVALID;
  if ((graph = load (argv[1])) == NULL)
    return EXIT_INVALID;

  found = stance_graph_find_contradictions (graph);
  n = g_list_model_get_n_items (found);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "contradictions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
          g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
          StanceContradictionKind kind = stance_contradiction_get_kind (c);

          json_builder_begin_object (builder);
          add_member_string (builder, "kind", stance_contradiction_kind_to_string (kind));
          if (kind == STANCE_CONTRADICTION_KIND_CONFLICT)
            {
              json_builder_set_member_name (builder, "holders");
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, id_of (stance_contradiction_get_holder (c)));
              json_builder_add_string_value (builder, id_of (stance_contradiction_get_other_holder (c)));
              json_builder_end_array (builder);
            }
          else
            add_member_string (builder, "holder", id_of (stance_contradiction_get_holder (c)));
          if (kind == STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION)
            add_member_string (builder, "attributed_by", id_of (stance_contradiction_get_attributed_by (c)));
          add_member_string (builder, "target", id_of (stance_contradiction_get_target (c)));
          json_builder_set_member_name (builder, "statements");
          json_builder_begin_array (builder);
          for (guint s = 0; s < statements->len; s++)
            json_builder_add_string_value (builder, id_of (statements->pdata[s]));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else if (n == 0)
    puts ("no contradictions");
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
          g_autofree char *line = stance_contradiction_describe (c);

          puts (line);
        }
    }

  return n == 0 ? EXIT_SUCCESS : EXIT_FOUND;
}

/* Looks up HOLDER and TARGET for `at` and `timeline`. */
static gboolean
lookup_pair (StanceGraph  *graph,
             const char   *file,
             const char   *holder_id,
             const char   *target_id,
             StanceActor **holder,
             StanceNode  **target)
{
  g_autoptr(StanceNode) h = stance_graph_lookup (graph, holder_id);

  if (h == NULL || !STANCE_IS_ACTOR (h))
    {
      print_error ("%s: %s \"%s\"", display_name (file), h == NULL ? "no node with the id" : "not an actor:", holder_id);
      return FALSE;
    }

  *target = stance_graph_lookup (graph, target_id);
  if (*target == NULL)
    {
      print_error ("%s: no node with the id \"%s\"", display_name (file), target_id);
      return FALSE;
    }

  *holder = STANCE_ACTOR (g_steal_pointer (&h));

  return TRUE;
}

static void
add_edge_json (JsonBuilder *builder,
               StanceEdge  *edge)
{
  StanceStatement *statement = stance_edge_get_statement (edge);
  g_autofree char *time = stance_statement_dup_time_string (statement);

  json_builder_begin_object (builder);
  add_member_string (builder, "kind", stance_edge_get_kind (edge));
  add_member_string (builder, "polarity", stance_polarity_to_string (stance_edge_get_polarity (edge)));
  add_member_string (builder, "statement", id_of (statement));
  add_member_string (builder, "time", time);
  if (stance_statement_get_text (statement) != NULL)
    add_member_string (builder, "text", stance_statement_get_text (statement));
  json_builder_end_object (builder);
}

static void
print_edge (StanceEdge *edge)
{
  StanceStatement *statement = stance_edge_get_statement (edge);
  g_autofree char *time = stance_statement_dup_time_string (statement);
  const char *text = stance_statement_get_text (statement);

  printf ("%s  %s (%s) %s", time, stance_edge_get_kind (edge),
          stance_polarity_to_string (stance_edge_get_polarity (edge)), id_of (statement));
  if (text != NULL)
    printf (": \"%s\"", text);
  putchar ('\n');
}

static int
run_at (int    argc,
        char **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceActor) holder = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&commands[1], &argc, &argv, 4))
    return EXIT_INVALID;
  if ((graph = load (argv[1])) == NULL)
    return EXIT_INVALID;
  if (!lookup_pair (graph, argv[1], argv[2], argv[3], &holder, &target))
    return EXIT_INVALID;

  edge = stance_graph_get_stance_at (graph, holder, target, argv[4], &error);
  if (error != NULL)
    {
      print_error ("%s", error->message);
      return EXIT_INVALID;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_member_string (builder, "holder", argv[2]);
      add_member_string (builder, "target", argv[3]);
      add_member_string (builder, "time", argv[4]);
      json_builder_set_member_name (builder, "stance");
      if (edge != NULL)
        add_edge_json (builder, edge);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else if (edge == NULL)
    printf ("%s had taken no stance on %s by %s\n", argv[2], argv[3], argv[4]);
  else
    print_edge (edge);

  return EXIT_SUCCESS;
}

static int
run_timeline (int    argc,
              char **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceActor) holder = NULL;
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  if (!parse_options (&commands[2], &argc, &argv, 3))
    return EXIT_INVALID;
  if ((graph = load (argv[1])) == NULL)
    return EXIT_INVALID;
  if (!lookup_pair (graph, argv[1], argv[2], argv[3], &holder, &target))
    return EXIT_INVALID;

  timeline = stance_graph_get_timeline (graph, holder, target);
  n = g_list_model_get_n_items (timeline);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (timeline, i);

      if (opt_json)
        add_edge_json (builder, edge);
      else
        print_edge (edge);
    }
  json_builder_end_array (builder);

  if (opt_json)
    print_json (builder);
  else if (n == 0)
    printf ("%s took no stance of its own on %s\n", argv[2], argv[3]);

  return EXIT_SUCCESS;
}

static int
run_summary (int    argc,
             char **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) statements = NULL;
  g_auto(GStrv) kinds = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint by_kind[STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION + 1] = { 0 };
  g_autoptr(StanceTime) earliest = NULL;
  g_autoptr(StanceTime) latest = NULL;
  guint n;

  if (!parse_options (&commands[3], &argc, &argv, 1))
    return EXIT_INVALID;
  if ((graph = load (argv[1])) == NULL)
    return EXIT_INVALID;

  found = stance_graph_find_contradictions (graph);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);

      by_kind[stance_contradiction_get_kind (c)]++;
    }

  statements = stance_graph_get_statements (graph);
  n = g_list_model_get_n_items (statements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (statements, i);
      g_autoptr(StanceTime) time = stance_statement_dup_time (statement);

      if (earliest == NULL || stance_time_compare (time, earliest) < 0)
        {
          g_clear_pointer (&earliest, stance_time_free);
          earliest = stance_time_copy (time);
        }
      if (latest == NULL || stance_time_compare (time, latest) > 0)
        {
          g_clear_pointer (&latest, stance_time_free);
          latest = stance_time_copy (time);
        }
    }
  if (earliest != NULL)
    {
      first = stance_time_to_string (earliest);
      last = stance_time_to_string (latest);
    }

  kinds = stance_graph_dup_kinds (graph);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "actors");
      json_builder_add_int_value (builder, stance_graph_get_n_actors (graph));
      json_builder_set_member_name (builder, "claims");
      json_builder_add_int_value (builder, stance_graph_get_n_claims (graph));
      json_builder_set_member_name (builder, "statements");
      json_builder_add_int_value (builder, stance_graph_get_n_statements (graph));
      json_builder_set_member_name (builder, "stances");
      json_builder_add_int_value (builder, stance_graph_get_n_stances (graph));
      if (first != NULL)
        {
          add_member_string (builder, "from", first);
          add_member_string (builder, "to", last);
        }
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_array (builder);
      for (guint i = 0; kinds[i] != NULL; i++)
        json_builder_add_string_value (builder, kinds[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "contradictions");
      json_builder_begin_object (builder);
      for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
        {
          json_builder_set_member_name (builder, stance_contradiction_kind_to_string (k));
          json_builder_add_int_value (builder, by_kind[k]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *kind_list = g_strjoinv (", ", kinds);

      printf ("%u actors, %u claims, %u statements, %u stances\n",
              stance_graph_get_n_actors (graph), stance_graph_get_n_claims (graph),
              stance_graph_get_n_statements (graph), stance_graph_get_n_stances (graph));
      if (first != NULL)
        printf ("statements from %s to %s\n", first, last);
      printf ("stance kinds: %s\n", kind_list);
      printf ("contradictions:");
      for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
        printf ("%s %u %s", k == 0 ? "" : ",", by_kind[k], stance_contradiction_kind_to_string (k));
      putchar ('\n');
    }

  return EXIT_SUCCESS;
}

static void
print_usage (FILE *out)
{
  fputs ("Usage:\n  stance COMMAND [--json] ARGUMENTS\n\n"
         "Stance and contradiction modeling: who said what, when, about what.\n\n"
         "Commands:\n", out);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %-24s %s\n", commands[i].name, commands[i].args, commands[i].summary);
  fputs ("\nOptions:\n"
         "  -h, --help     Show this help, or a command's with 'stance COMMAND --help'\n"
         "  --version      Show the version\n\n"
         "'stance check' exits 0 when a document has no contradictions, 1 when it has\n"
         "some, and 2 when the document or the command is invalid.\n", out);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_INVALID;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("stance %s\n", STANCE_VERSION_S);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  print_error ("unknown command '%s' (see 'stance --help')", argv[1]);

  return EXIT_INVALID;
}
