/* bench-questions.c: the questions from every side on a large graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds N statements (one stance each, H holders, T targets, a tenth
 * attributed), then measures: the first question (which builds the
 * index), each question on random keys, and an edit while the index and
 * a live model are kept current.  Figures in doc/benchmarks.md.
 */

#include <locale.h>

#include <libstance/stance.h>

static gint64 opt_statements = 1000000;
static int    opt_holders = 1000;
static int    opt_targets = 1000;
static int    opt_questions = 1000;

static GOptionEntry entries[] = {
  { "statements", 'n', 0, G_OPTION_ARG_INT64, &opt_statements, "Statements to generate", "N" },
  { "holders", 0, 0, G_OPTION_ARG_INT, &opt_holders, "Actors", "H" },
  { "targets", 0, 0, G_OPTION_ARG_INT, &opt_targets, "Claims", "T" },
  { "questions", 0, 0, G_OPTION_ARG_INT, &opt_questions, "Questions of each sort to time", "Q" },
  { NULL }
};

static const char * const kinds[] = { "proposes", "opposes", "retracts", "supports", "comments" };

/* Reads every item of an answer, as a view showing it would. */
static guint
consume (gpointer answer)
{
  GListModel *model;
  guint n;

  if (STANCE_IS_CAMPS (answer))
    return consume (stance_camps_get_positive (answer)) + consume (stance_camps_get_negative (answer)) +
           consume (stance_camps_get_withdrawn (answer));

  model = G_LIST_MODEL (answer);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));

  return n;
}

static double
per (gint64 start,
     guint  n)
{
  return (double) (g_get_monotonic_time () - start) / n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- questions from every side on a large graph");
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170709);
  g_autoptr(GListModel) live = NULL;
  guint64 answered = 0;
  gint64 start;
  char id[64], time[16];

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  for (int i = 0; i < opt_holders; i++)
    {
      g_snprintf (id, sizeof id, "actor-%d", i);
      g_ptr_array_add (actors, stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, NULL));
    }
  for (int i = 0; i < opt_targets; i++)
    {
      g_snprintf (id, sizeof id, "claim-%d", i);
      g_ptr_array_add (claims, stance_graph_add_claim (graph, id, id, NULL));
    }

  start = g_get_monotonic_time ();
  for (gint64 s = 0; s < opt_statements; s++)
    {
      guint speaker = g_rand_int_range (rand, 0, opt_holders);
      char holder[32];

      g_snprintf (id, sizeof id, "s%" G_GINT64_FORMAT, s);
      g_snprintf (time, sizeof time, "%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2021),
                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_snprintf (holder, sizeof holder, "actor-%d", g_rand_int_range (rand, 0, opt_holders));
      if (!stance_graph_append_statement (graph, id, stance_node_get_id (g_ptr_array_index (actors, speaker)),
                                          time, NULL, NULL, NULL, &error) ||
          !stance_graph_append_stance (graph, id, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                       stance_node_get_id (g_ptr_array_index (claims, g_rand_int_range (rand, 0, opt_targets))),
                                       g_rand_int_range (rand, 0, 10) == 0 ? holder : NULL, &error))
        g_error ("%s", error->message);
    }
  g_print ("built %" G_GINT64_FORMAT " statements in %.2f s\n", opt_statements, per (start, 1) / 1e6);

  start = g_get_monotonic_time ();
  live = stance_graph_get_stances_on (graph, g_ptr_array_index (claims, 0));
  g_print ("first question (builds the index): %.1f ms\n", per (start, 1) / 1e3);

#define TIME_QUESTION(label, expr)                                                   \
  G_STMT_START {                                                                     \
    start = g_get_monotonic_time ();                                                 \
    for (int q = 0; q < opt_questions; q++)                                          \
      {                                                                              \
        g_autoptr(GObject) answer = G_OBJECT (expr);                                 \
        answered += consume (answer);                                                \
      }                                                                              \
    g_print ("%-34s %9.1f µs each, items read\n", label, per (start, opt_questions)); \
  } G_STMT_END

  TIME_QUESTION ("stances_on (a claim)",
                 stance_graph_get_stances_on (graph, g_ptr_array_index (claims, g_rand_int_range (rand, 0, opt_targets))));
  TIME_QUESTION ("statements_by (an actor)",
                 stance_graph_get_statements_by (graph, g_ptr_array_index (actors, g_rand_int_range (rand, 0, opt_holders))));
  TIME_QUESTION ("attributions (an actor)",
                 stance_graph_get_attributions (graph, g_ptr_array_index (actors, g_rand_int_range (rand, 0, opt_holders))));
  TIME_QUESTION ("positions (an actor, 2005)",
                 stance_graph_get_positions (graph, g_ptr_array_index (actors, g_rand_int_range (rand, 0, opt_holders)),
                                             "2005", NULL));
  TIME_QUESTION ("camps (a claim, 2005)",
                 stance_graph_get_camps (graph, g_ptr_array_index (claims, g_rand_int_range (rand, 0, opt_targets)),
                                         "2005", NULL));

  /* An edit with the index built and a live model listening. */
  start = g_get_monotonic_time ();
  for (int q = 0; q < opt_questions; q++)
    {
      g_snprintf (id, sizeof id, "s%d", g_rand_int_range (rand, 0, (int) MIN (opt_statements, G_MAXINT)));
      if (!stance_graph_append_stance (graph, id, "supports", "claim-0", NULL, &error))
        g_error ("%s", error->message);
    }
  g_print ("%-34s %9.1f µs each\n", "append_stance, index kept current", per (start, opt_questions));
  g_print ("(%" G_GUINT64_FORMAT " items read; the live model now has %u stances)\n", answered,
           g_list_model_get_n_items (live));

  return 0;
}
