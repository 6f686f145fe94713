/* test-networks.c: discourse networks against rDNA's numbers and against the formulas
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Three kinds of check:
 * - DNA's sample (shared/data/dna-sample/statements.csv), read here with a
 *   minimal CSV reader into a graph (organisations' members speak, the
 *   concepts are claims, agreement 1/0 is supports/opposes, the document is
 *   the source), must give the numbers rDNA's tests assert, through the
 *   library and through `stance network`.
 * - Random graphs: every combination of options against a brute-force
 *   computation written from the definitions in doc/networks.md, the way
 *   DNA's Exporter loops (every pair of rows, every column, every
 *   polarity), with DNA's duplicate filter (each statement against all
 *   kept ones) and time windows built with GDateTime.
 * - Polarisation: the score against its definition, the exhaustive search
 *   against enumeration, and the local search against the exhaustive one.
 */

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <libstance/stance.h>

#include "stance-network-engine-private.h"

static gboolean
quick (void)
{
  return g_getenv ("STANCE_TEST_QUICK") != NULL;
}

/* ---- DNA's sample --------------------------------------------------------- */

/* Splits one CSV line with "quoted, fields" into fields. */
static GPtrArray *
csv_fields (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else if (*p == '"')
        {
          if (quoted && p[1] == '"')
            g_string_append_c (field, *++p);
          else
            quoted = !quoted;
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

static gboolean
has_node (StanceGraph *graph,
          const char  *id)
{
  g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

  return node != NULL;
}

static StanceGraph *
load_dna_sample (void)
{
  const char *shared = g_getenv ("STANCE_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  StanceGraph *graph;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, "dna-sample", "statements.csv", NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  graph = stance_graph_new ();
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) f = NULL;
      const char *id, *doc, *date, *person, *org, *concept, *agreement;
      g_autofree char *sid = NULL;
      g_autofree char *source = NULL;

      if (lines[i][0] == '\0')
        continue;
      f = csv_fields (lines[i]);
      g_assert_cmpuint (f->len, ==, 7);
      id = f->pdata[0];
      doc = f->pdata[1];
      date = f->pdata[2];
      person = f->pdata[3];
      org = f->pdata[4];
      concept = f->pdata[5];
      agreement = f->pdata[6];

      if (!has_node (graph, org))
        g_clear_object (&(StanceActor *) { stance_graph_add_actor (graph, org, org, STANCE_ACTOR_KIND_ORGANIZATION, &error) });
      g_assert_no_error (error);
      if (!has_node (graph, person))
        {
          g_autoptr(StanceActor) p = stance_graph_add_actor (graph, person, person, STANCE_ACTOR_KIND_PERSON, &error);
          g_autoptr(StanceNode) o = stance_graph_lookup (graph, org);

          g_assert_no_error (error);
          stance_actor_add_member_of (p, STANCE_ACTOR (o), &error);
          g_assert_no_error (error);
        }
      if (!has_node (graph, concept))
        g_clear_object (&(StanceClaim *) { stance_graph_add_claim (graph, concept, concept, &error) });
      g_assert_no_error (error);

      sid = g_strconcat ("s", id, NULL);
      source = g_strconcat ("doc", doc, NULL);
      stance_graph_append_statement (graph, sid, person, date, NULL, NULL, source, &error);
      g_assert_no_error (error);
      stance_graph_append_stance (graph, sid, strcmp (agreement, "1") == 0 ? "supports" : "opposes",
                                  concept, NULL, &error);
      g_assert_no_error (error);
    }
  return graph;
}

static StanceNetwork *
dna_network (StanceGraph               *graph,
             StanceNetworkMode          mode,
             StanceNetworkAggregation   aggregation,
             StanceNetworkNormalization normalization,
             gboolean                   exclude)
{
  g_autoptr(StanceNetworkOptions) options = stance_network_options_new ();
  g_autoptr(GError) error = NULL;
  StanceNetwork *network;

  /* rDNA's defaults: duplicates "include", no isolates; persons roll up to
   * their organisations, DNA's variable1. */
  stance_network_options_set_roll_up (options, TRUE);
  stance_network_options_set_mode (options, mode);
  stance_network_options_set_aggregation (options, aggregation);
  stance_network_options_set_normalization (options, normalization);
  if (exclude)
    {
      stance_network_options_exclude_target (options, "There should be legislation to regulate emissions.");
      stance_network_options_exclude_holder (options, "Senate");
      stance_network_options_exclude_holder (options, "Sierra Club");
    }
  network = stance_network_new (graph, options, &error);
  g_assert_no_error (error);
  return network;
}

static void
test_dna_sample (void)
{
  g_autoptr(StanceGraph) graph = load_dna_sample ();
  g_autoptr(StanceNetwork) twomode = NULL;
  g_autoptr(StanceNetwork) onemode = NULL;
  g_autoptr(StanceNetwork) average = NULL;
  g_autoptr(StanceNetwork) excluded = NULL;
  g_autoptr(StanceNetworkOptions) options = stance_network_options_new ();
  g_autoptr(StancePolarization) polarization = NULL;
  g_autoptr(GListModel) windows = NULL;
  g_autoptr(GError) error = NULL;

  if (graph == NULL)
    {
      g_test_skip ("shared/data/dna-sample is absent");
      return;
    }

  /* test-network.R: dna_network(networkType = "twomode"). */
  twomode = dna_network (graph, STANCE_NETWORK_MODE_TWOMODE, STANCE_NETWORK_AGGREGATION_IGNORE,
                         STANCE_NETWORK_NORMALIZATION_NO, FALSE);
  g_assert_cmpuint (stance_network_get_n_rows (twomode), ==, 7);
  g_assert_cmpuint (stance_network_get_n_cols (twomode), ==, 6);
  g_assert_cmpfloat (stance_network_get_sum (twomode), ==, 40);
  /* "Ener*     2     0": Energy and Environmental Analysis, 2 on CO2 ... */
  g_assert_cmpstr (stance_network_get_row_ids (twomode)[1], ==, "Energy and Environmental Analysis, Inc.");
  g_assert_cmpfloat (stance_network_get_value (twomode, 1, 0), ==, 2);
  g_assert_cmpfloat (stance_network_get_value (twomode, 1, 1), ==, 0);

  /* dna_network(networkType = "onemode"): qualifier aggregation "ignore". */
  onemode = dna_network (graph, STANCE_NETWORK_MODE_ONEMODE, STANCE_NETWORK_AGGREGATION_IGNORE,
                         STANCE_NETWORK_NORMALIZATION_NO, FALSE);
  g_assert_cmpuint (stance_network_get_n_rows (onemode), ==, 7);
  g_assert_cmpuint (stance_network_get_n_cols (onemode), ==, 7);
  g_assert_cmpfloat (stance_network_get_sum (onemode), ==, 276);
  /* "Envi*    10     2": EPA with the Alliance, and with Energy ... */
  g_assert_cmpfloat (stance_network_get_value (onemode, 2, 0), ==, 10);
  g_assert_cmpfloat (stance_network_get_value (onemode, 2, 1), ==, 2);

  /* "excluding values in dna_network works": congruence, average. */
  average = dna_network (graph, STANCE_NETWORK_MODE_ONEMODE, STANCE_NETWORK_AGGREGATION_CONGRUENCE,
                         STANCE_NETWORK_NORMALIZATION_AVERAGE, FALSE);
  g_assert_cmpuint (stance_network_get_n_rows (average), ==, 7);
  g_assert_cmpfloat (round (stance_network_get_sum (average)), ==, 26);
  excluded = dna_network (graph, STANCE_NETWORK_MODE_ONEMODE, STANCE_NETWORK_AGGREGATION_CONGRUENCE,
                          STANCE_NETWORK_NORMALIZATION_AVERAGE, TRUE);
  g_assert_cmpuint (stance_network_get_n_rows (excluded), ==, 5);
  g_assert_cmpuint (stance_network_get_n_cols (excluded), ==, 5);
  g_assert_cmpfloat (round (stance_network_get_sum (excluded)), ==, 10);

  /* test-polarization.R: the genetic algorithm found 0.5342493 with
   * normalised scores (the test allows ± 0.1); the exhaustive search over
   * the same balanced splits finds exactly that maximum. */
  stance_network_options_set_roll_up (options, TRUE);
  stance_network_options_set_normalization (options, STANCE_NETWORK_NORMALIZATION_AVERAGE);
  stance_network_options_set_normalize_scores (options, TRUE);
  polarization = stance_polarization_new (graph, options, &error);
  g_assert_no_error (error);
  g_assert_true (stance_polarization_is_exact (polarization));
  g_assert_cmpfloat (fabs (stance_polarization_get_score (polarization) - 0.5342493), <, 1e-7);
  g_assert_cmpuint (g_strv_length ((char **) stance_polarization_get_camp (polarization, 0)), ==, 4);
  g_assert_cmpuint (g_strv_length ((char **) stance_polarization_get_camp (polarization, 1)), ==, 3);

  /* dna_polarization(timeWindow = "days", windowSize = 8, kernel =
   * "gaussian"): 22 windows, one per day from 26 January to 16 February. */
  stance_network_options_set_window (options, STANCE_TIME_UNIT_DAYS, 8, 1, STANCE_NETWORK_KERNEL_GAUSSIAN);
  windows = stance_polarization_new_windows (graph, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (windows), ==, 22);
}

/* The same numbers through `stance network`. */
static double
tool_sum (const char  *document,
          const char **args,
          guint       *n_rows,
          guint       *n_cols)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *matrix;
  double sum = 0;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("STANCE_TOOL"));
  g_ptr_array_add (argv, "network");
  g_ptr_array_add (argv, (char *) document);
  g_ptr_array_add (argv, "--roll-up");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  matrix = json_object_get_array_member (root, "matrix");
  *n_rows = json_array_get_length (json_object_get_array_member (root, "rows"));
  *n_cols = json_array_get_length (json_object_get_array_member (root, "cols"));
  g_assert_cmpuint (json_array_get_length (matrix), ==, *n_rows);
  for (guint i = 0; i < *n_rows; i++)
    {
      JsonArray *row = json_array_get_array_element (matrix, i);

      g_assert_cmpuint (json_array_get_length (row), ==, *n_cols);
      for (guint j = 0; j < *n_cols; j++)
        sum += json_array_get_double_element (row, j);
    }
  return sum;
}

static void
test_dna_sample_tool (void)
{
  g_autoptr(StanceGraph) graph = load_dna_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *document = NULL;
  const char *twomode[] = { NULL };
  const char *onemode[] = { "--mode", "onemode", NULL };
  const char *average[] = { "--mode", "onemode", "--aggregate", "congruence", "--normalize", "average", NULL };
  const char *excluded[] = { "--mode", "onemode", "--aggregate", "congruence", "--normalize", "average",
                             "--exclude-target", "There should be legislation to regulate emissions.",
                             "--exclude-holder", "Senate", "--exclude-holder", "Sierra Club", NULL };
  guint rows, cols;

  if (graph == NULL || g_getenv ("STANCE_TOOL") == NULL)
    {
      g_test_skip ("shared/data/dna-sample or the tool is absent");
      return;
    }
  dir = g_dir_make_tmp ("test-networks-XXXXXX", &error);
  g_assert_no_error (error);
  document = g_build_filename (dir, "dna-sample.json", NULL);
  stance_graph_save_to_file (graph, document, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (tool_sum (document, twomode, &rows, &cols), ==, 40);
  g_assert_cmpuint (rows, ==, 7);
  g_assert_cmpuint (cols, ==, 6);
  g_assert_cmpfloat (tool_sum (document, onemode, &rows, &cols), ==, 276);
  g_assert_cmpuint (rows, ==, 7);
  g_assert_cmpfloat (round (tool_sum (document, average, &rows, &cols)), ==, 26);
  g_assert_cmpfloat (round (tool_sum (document, excluded, &rows, &cols)), ==, 10);
  g_assert_cmpuint (rows, ==, 5);
  g_assert_cmpuint (cols, ==, 5);

  g_unlink (document);
  g_rmdir (dir);
}

/* Runs the tool; returns its exit status and its output.  Drawing goes
 * through fontconfig, which keeps caches that LeakSanitizer calls leaks
 * (.ci/hardening runs this test under ASan): not ours to report. */
static int
run_tool (const char * const *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *asan = g_environ_getenv (env, "ASAN_OPTIONS");
  g_autofree char *asan_no_leaks = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                                "detect_leaks=0", NULL);
  gboolean draws = FALSE;
  int status;

  for (guint i = 0; args[i] != NULL; i++)
    draws |= strcmp (args[i], "svg") == 0 || strcmp (args[i], "png") == 0 || strcmp (args[i], "dot") == 0 ||
             strcmp (args[i], "plot") == 0;
  if (draws)
    env = g_environ_setenv (env, "ASAN_OPTIONS", asan_no_leaks, TRUE);

  g_ptr_array_add (argv, (char *) g_getenv ("STANCE_TOOL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_tool_formats (void)
{
  g_autofree char *story = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *args[12]; int status; const char *needle; } cases[] = {
    /* Each format says what it is. */
    { { "network", NULL, "--format", "csv", NULL }, 0, "\"\";\"" },
    { { "network", NULL, "--format", "graphml", NULL }, 0, "<graphml" },
    { { "network", NULL, "--format", "dot", "--mode", "onemode", "--aggregate", "subtract", NULL }, 0, "graph network" },
    { { "network", NULL, "--format", "svg", "--labels", "name", NULL }, 0, "<svg" },
    { { "network", NULL, "--window", "6months", "--kernel", "gaussian", NULL }, 0, "\"time\"" },
    { { "polarization", NULL, "--json", NULL }, 0, "\"camps\"" },
    { { "polarization", NULL, "--window", "1y", NULL }, 0, "score" },
    /* Mistakes: exit 2, a message, nothing on standard output. */
    { { "network", NULL, "--aggregate", "congruence", NULL }, 2, NULL },
    { { "network", NULL, "--mode", "threemode", NULL }, 2, NULL },
    { { "network", NULL, "--normalize", "jaccard", NULL }, 2, NULL },
    { { "network", NULL, "--exclude-holder", "nobody", NULL }, 2, NULL },
    { { "network", NULL, "--window", "8fortnights", NULL }, 2, NULL },
    { { "network", NULL, "--kernel", "gaussian", NULL }, 2, NULL },
    { { "network", NULL, "--window", "8d", "--format", "csv", NULL }, 2, NULL },
    { { "network", NULL, "--format", "xml", NULL }, 2, NULL },
    { { "network", NULL, "--window", "8d", "--step", "0", NULL }, 2, NULL },
    { { "polarization", NULL, "--normalize", "activity", NULL }, 2, NULL },
    { { "plot", NULL, "nothing-here", "-o", "x.svg", NULL }, 2, NULL },
    { { "plot", NULL, "cyber-unit", NULL }, 2, NULL },
  };

  if (g_getenv ("STANCE_TOOL") == NULL || g_getenv ("STANCE_EXAMPLES") == NULL)
    {
      g_test_skip ("the tool or the examples are absent");
      return;
    }
  story = g_build_filename (g_getenv ("STANCE_EXAMPLES"), "data", "cyber-2017-2020.json", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      cases[c].args[1] = story;
      status = run_tool (cases[c].args, &out, &err);
      if (status != cases[c].status)
        g_error ("stance %s ... %s: exit %d, expected %d; stderr: %s", cases[c].args[0], cases[c].args[2],
                 status, cases[c].status, err);
      if (cases[c].status == 0)
        g_assert_nonnull (strstr (out, cases[c].needle));
      else
        {
          g_assert_cmpstr (out, ==, "");
          g_assert_true (g_str_has_prefix (err, "stance: "));
        }
    }

  /* Files: one per window, and a plot. */
  dir = g_dir_make_tmp ("test-networks-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *base = g_build_filename (dir, "net.graphml", NULL);
    g_autofree char *plot = g_build_filename (dir, "camps.svg", NULL);
    const char *window_args[] = { "network", story, "--window", "1year", "--format", "graphml", "-o", base, NULL };
    const char *plot_args[] = { "plot", story, "cyber-unit", "-o", plot, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *plot_out = NULL;
    g_autofree char *plot_err = NULL;
    g_autofree char *svg = NULL;
    g_autoptr(GDir) listing = NULL;
    const char *name;
    guint files = 0;

    g_assert_cmpint (run_tool (window_args, &out, &err), ==, 0);
    g_assert_cmpint (run_tool (plot_args, &plot_out, &plot_err), ==, 0);
    g_assert_true (g_file_get_contents (plot, &svg, NULL, NULL));
    g_assert_nonnull (strstr (svg, "<svg"));
    listing = g_dir_open (dir, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        files += g_str_has_prefix (name, "net-") && g_str_has_suffix (name, ".graphml");
        g_unlink (path);
      }
    /* The story runs from 2016 to 2020: a mid-point a year apart from the
     * first statement to the last. */
    g_assert_cmpuint (files, >=, 4);
  }
  g_rmdir (dir);
}

/* ---- random graphs against brute force ---------------------------------- */

typedef struct
{
  char    *holder;   /* holder id */
  char    *speaker;
  char    *target;
  int      polarity; /* 1 positive, 0 negative, -1 neither */
  gint64   time;
  char    *doc;      /* document key */
  guint    seq;
} Truth;

typedef struct
{
  StanceGraph *graph;
  GArray      *truths;     /* Truth */
  GHashTable  *member_of;  /* actor id -> GPtrArray of group ids */
  GPtrArray   *actor_ids;
  GPtrArray   *claim_ids;
} World;

static void
truth_clear (gpointer p)
{
  Truth *t = p;

  g_free (t->holder);
  g_free (t->speaker);
  g_free (t->target);
  g_free (t->doc);
}

static void
world_free (World *w)
{
  g_object_unref (w->graph);
  g_array_unref (w->truths);
  g_hash_table_unref (w->member_of);
  g_ptr_array_unref (w->actor_ids);
  g_ptr_array_unref (w->claim_ids);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

static World *
make_world (GRand *rand,
            guint  span_days)
{
  static const char *kinds[] = { "supports", "opposes", "endorses", "rejects", "questions", "retracts" };
  static const int polarity[] = { 1, 0, 1, 0, -1, -1 };
  World *w = g_new0 (World, 1);
  guint n_persons = g_rand_int_range (rand, 2, 7), n_groups = g_rand_int_range (rand, 0, 3);
  guint n_claims = g_rand_int_range (rand, 1, 5), n_statements = g_rand_int_range (rand, 0, 40);
  g_autoptr(GError) error = NULL;
  guint seq = 0;

  w->graph = stance_graph_new ();
  w->truths = g_array_new (FALSE, FALSE, sizeof (Truth));
  g_array_set_clear_func (w->truths, truth_clear);
  w->member_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  w->actor_ids = g_ptr_array_new_with_free_func (g_free);
  w->claim_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_groups; i++)
    {
      g_autofree char *id = g_strdup_printf ("g%u", i);

      g_clear_object (&(StanceActor *) { stance_graph_add_actor (w->graph, id, id, STANCE_ACTOR_KIND_ORGANIZATION, &error) });
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_persons; i++)
    {
      char *id = g_strdup_printf ("p%u", i);
      g_autoptr(StanceActor) actor = stance_graph_add_actor (w->graph, id, id, STANCE_ACTOR_KIND_PERSON, &error);
      GPtrArray *groups = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      for (guint k = 0; k < n_groups; k++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            g_autofree char *gid = g_strdup_printf ("g%u", k);
            g_autoptr(StanceNode) group = stance_graph_lookup (w->graph, gid);

            stance_actor_add_member_of (actor, STANCE_ACTOR (group), &error);
            g_assert_no_error (error);
            g_ptr_array_add (groups, g_strdup (gid));
          }
      g_hash_table_insert (w->member_of, g_strdup (id), groups);
      g_ptr_array_add (w->actor_ids, id);
    }
  for (guint i = 0; i < n_claims; i++)
    {
      char *id = g_strdup_printf ("c%u", i);

      g_clear_object (&(StanceClaim *) { stance_graph_add_claim (w->graph, id, id, &error) });
      g_assert_no_error (error);
      g_ptr_array_add (w->claim_ids, id);
    }

  for (guint s = 0; s < n_statements; s++)
    {
      const char *speaker = w->actor_ids->pdata[g_rand_int_range (rand, 0, w->actor_ids->len)];
      g_autofree char *sid = g_strdup_printf ("s%u", s);
      gint64 t = (gint64) 1104537600 /* 2005-01-01 */ + (gint64) g_rand_int_range (rand, 0, span_days) * 86400 +
                 (g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 86400) : 0);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
      g_autofree char *time = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
      int doc = g_rand_int_range (rand, 0, 4);  /* 3: no source */
      g_autofree char *source = doc < 3 ? g_strdup_printf ("doc%d", doc) : NULL;
      guint n_stances = g_rand_int_range (rand, 0, 4);

      stance_graph_append_statement (w->graph, sid, speaker, time, NULL, NULL, source, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < n_stances; k++)
        {
          guint kind = g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));
          const char *target = g_rand_int_range (rand, 0, 6) == 0
                               ? w->actor_ids->pdata[g_rand_int_range (rand, 0, w->actor_ids->len)]
                               : w->claim_ids->pdata[g_rand_int_range (rand, 0, w->claim_ids->len)];
          const char *holder = g_rand_int_range (rand, 0, 5) == 0
                               ? w->actor_ids->pdata[g_rand_int_range (rand, 0, w->actor_ids->len)]
                               : speaker;
          Truth truth;

          stance_graph_append_stance (w->graph, sid, kinds[kind], target,
                                      holder == speaker ? NULL : holder, &error);
          g_assert_no_error (error);
          truth.holder = g_strdup (holder);
          truth.speaker = g_strdup (speaker);
          truth.target = g_strdup (target);
          truth.polarity = polarity[kind];
          truth.time = t;
          truth.doc = source != NULL ? g_strdup (source) : g_strdup (sid);
          truth.seq = seq++;
          g_array_append_val (w->truths, truth);
        }
    }
  return w;
}

typedef struct
{
  const char *row;
  const char *col;
  int         q;
  gint64      time;
  const char *doc;
  guint       seq;
} BruteRecord;

static int
compare_brute_time (gconstpointer a,
                    gconstpointer b)
{
  const BruteRecord *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  return strcmp (x->row, y->row);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_period (StanceNetworkDuplicates duplicates,
             const BruteRecord      *a,
             const BruteRecord      *b)
{
  g_autoptr(GDateTime) x = g_date_time_new_from_unix_utc (a->time);
  g_autoptr(GDateTime) y = g_date_time_new_from_unix_utc (b->time);

  switch (duplicates)
    {
    case STANCE_NETWORK_DUPLICATES_DOCUMENT:
      return strcmp (a->doc, b->doc) == 0;
    case STANCE_NETWORK_DUPLICATES_WEEK:
      return g_date_time_get_week_numbering_year (x) == g_date_time_get_week_numbering_year (y) &&
             g_date_time_get_week_of_year (x) == g_date_time_get_week_of_year (y);
    case STANCE_NETWORK_DUPLICATES_MONTH:
      return g_date_time_get_year (x) == g_date_time_get_year (y) &&
             g_date_time_get_month (x) == g_date_time_get_month (y);
    case STANCE_NETWORK_DUPLICATES_YEAR:
      return g_date_time_get_year (x) == g_date_time_get_year (y);
    case STANCE_NETWORK_DUPLICATES_ACROSSRANGE:
      return TRUE;
    case STANCE_NETWORK_DUPLICATES_INCLUDE:
    default:
      return FALSE;
    }
}

typedef struct
{
  StanceNetworkMode          mode;
  StanceNetworkAggregation   aggregation;
  StanceNetworkNormalization normalization;
  StanceNetworkDuplicates    duplicates;
  gboolean                   attributed;
  gboolean                   roll_up;
  gboolean                   isolates;
  const char                *exclude_holder;
  const char                *exclude_target;
} Settings;

static GPtrArray *
keys_of (GHashTable *set)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

/* The counted records after roll-up, exclusions and duplicates, and the
 * labels, literally from the definitions. */
static GArray *
brute_records (World          *w,
               const Settings *s,
               GPtrArray     **rows,
               GPtrArray     **cols)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (BruteRecord));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (BruteRecord));
  g_autoptr(GHashTable) row_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) col_set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < w->truths->len; i++)
    {
      Truth *t = &g_array_index (w->truths, Truth, i);
      GPtrArray *groups = g_hash_table_lookup (w->member_of, t->holder);

      if (t->polarity < 0 || (!s->attributed && strcmp (t->holder, t->speaker) != 0))
        continue;
      if (g_strcmp0 (t->target, s->exclude_target) == 0 || g_strcmp0 (t->holder, s->exclude_holder) == 0)
        continue;
      for (guint g = 0; g < (s->roll_up && groups->len > 0 ? groups->len : 1); g++)
        {
          BruteRecord r = { s->roll_up && groups->len > 0 ? groups->pdata[g] : t->holder,
                            t->target, t->polarity, t->time, t->doc, t->seq };

          if (g_strcmp0 (r.row, s->exclude_holder) == 0)
            continue;
          g_array_append_val (all, r);
        }
    }
  g_array_sort (all, compare_brute_time);

  /* DNA's filter: a statement is dropped when any kept one has the same
   * holder and target (and polarity unless ignored) in the same period. */
  for (guint i = 0; i < all->len; i++)
    {
      BruteRecord *r = &g_array_index (all, BruteRecord, i);
      gboolean duplicate = FALSE;

      for (guint k = 0; k < kept->len && s->duplicates != STANCE_NETWORK_DUPLICATES_INCLUDE; k++)
        {
          BruteRecord *p = &g_array_index (kept, BruteRecord, k);

          if (strcmp (p->row, r->row) == 0 && strcmp (p->col, r->col) == 0 &&
              (s->aggregation == STANCE_NETWORK_AGGREGATION_IGNORE || p->q == r->q) &&
              same_period (s->duplicates, p, r))
            duplicate = TRUE;
        }
      if (!duplicate)
        g_array_append_val (kept, *r);
    }

  for (guint i = 0; i < (s->isolates ? all : kept)->len; i++)
    {
      BruteRecord *r = &g_array_index (s->isolates ? all : kept, BruteRecord, i);

      g_hash_table_add (row_set, (gpointer) r->row);
      g_hash_table_add (col_set, (gpointer) r->col);
    }
  *rows = keys_of (row_set);
  *cols = keys_of (col_set);
  g_ptr_array_sort (*rows, compare_strings);
  g_ptr_array_sort (*cols, compare_strings);
  g_array_unref (all);
  return kept;
}

static guint
index_of (GPtrArray  *labels,
          const char *id)
{
  guint i;

  g_assert_true (g_ptr_array_find_with_equal_func (labels, id, g_str_equal, &i));
  return i;
}

/* DNA's network from the records with weights (1 without a window), the
 * way its Exporter loops; a pair of stances weighs sqrt(z1·z2). */
static double *
brute_network (const Settings *s,
               GArray         *records,
               const double   *weights,
               GPtrArray      *rows,
               GPtrArray      *cols)
{
  guint nr = rows->len, nc = cols->len;
  gboolean onemode = s->mode == STANCE_NETWORK_MODE_ONEMODE;
  g_autofree double *a = g_new0 (double, (gsize) nr * nc * 2 + 1);  /* a[i][j][k] */
  double *out = g_new0 (double, (gsize) nr * (onemode ? nr : nc) + 1);
#define A(i, j, k) a[((gsize) (i) * nc + (j)) * 2 + (k)]

  for (guint r = 0; r < records->len; r++)
    {
      BruteRecord *rec = &g_array_index (records, BruteRecord, r);

      A (index_of (rows, rec->row), index_of (cols, rec->col), rec->q) += weights[r];
    }

  if (!onemode)
    {
      for (guint i = 0; i < nr; i++)
        for (guint j = 0; j < nc; j++)
          {
            double *m = &out[(gsize) i * nc + j];

            if (s->aggregation == STANCE_NETWORK_AGGREGATION_COMBINE)
              *m = (A (i, j, 0) > 0 ? 2 : 0) + (A (i, j, 1) > 0 ? 1 : 0);
            else if (s->aggregation == STANCE_NETWORK_AGGREGATION_SUBTRACT)
              *m = A (i, j, 1) - A (i, j, 0);
            else
              *m = A (i, j, 0) + A (i, j, 1);
          }
      if (s->normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY ||
          s->normalization == STANCE_NETWORK_NORMALIZATION_PROMINENCE)
        {
          gboolean activity = s->normalization == STANCE_NETWORK_NORMALIZATION_ACTIVITY;
          guint n_outer = activity ? nr : nc, n_inner = activity ? nc : nr;

          for (guint x = 0; x < n_outer; x++)
            {
              double den = 0;

              for (guint y = 0; y < n_inner; y++)
                {
                  guint i = activity ? x : y, j = activity ? y : x;
                  double v = out[(gsize) i * nc + j];

                  if (s->aggregation == STANCE_NETWORK_AGGREGATION_COMBINE)
                    den += v > 0;
                  else if (s->aggregation == STANCE_NETWORK_AGGREGATION_SUBTRACT)
                    den += A (i, j, 0) + A (i, j, 1);
                  else
                    den += v;
                }
              for (guint y = 0; y < n_inner; y++)
                {
                  guint i = activity ? x : y, j = activity ? y : x;

                  out[(gsize) i * nc + j] = den == 0 ? 0 : out[(gsize) i * nc + j] / den;
                }
            }
        }
      return out;
    }

  {
    g_autofree double *m = g_new0 (double, (gsize) nr * nr + 1);
    g_autofree double *m11 = g_new0 (double, (gsize) nr * nr + 1);
    g_autofree guint *row_of = g_new (guint, records->len + 1);

    for (guint r = 0; r < records->len; r++)
      row_of[r] = index_of (rows, g_array_index (records, BruteRecord, r).row);
    /* Every pair of stances of two holders on one target. */
    for (guint r1 = 0; r1 < records->len; r1++)
      for (guint r2 = 0; r2 < records->len; r2++)
        {
          BruteRecord *x = &g_array_index (records, BruteRecord, r1);
          BruteRecord *y = &g_array_index (records, BruteRecord, r2);
          gsize cell = (gsize) row_of[r1] * nr + row_of[r2];
          double z;

          if (row_of[r1] == row_of[r2] || strcmp (x->col, y->col) != 0)
            continue;
          z = sqrt (weights[r1]) * sqrt (weights[r2]);
          if (x->q == y->q)
            m11[cell] += z;
          switch (s->aggregation)
            {
            case STANCE_NETWORK_AGGREGATION_CONGRUENCE:
              m[cell] += x->q == y->q ? z : 0;
              break;
            case STANCE_NETWORK_AGGREGATION_CONFLICT:
              m[cell] += x->q != y->q ? z : 0;
              break;
            case STANCE_NETWORK_AGGREGATION_SUBTRACT:
              m[cell] += x->q == y->q ? z : -z;
              break;
            case STANCE_NETWORK_AGGREGATION_IGNORE:
            case STANCE_NETWORK_AGGREGATION_COMBINE:
            default:
              m[cell] += z;
              break;
            }
        }

    for (guint i1 = 0; i1 < nr; i1++)
      for (guint i2 = 0; i2 < nr; i2++)
        {
          double norm = 1, c1 = 0, c2 = 0;

          if (i1 == i2)
            continue;
          for (guint j = 0; j < nc; j++)
            for (guint k = 0; k < 2; k++)
              {
                c1 += A (i1, j, k);
                c2 += A (i2, j, k);
              }
          if (s->normalization == STANCE_NETWORK_NORMALIZATION_AVERAGE)
            norm = (c1 + c2) / 2;
          else if (s->normalization == STANCE_NETWORK_NORMALIZATION_COSINE)
            norm = c1 * c2;  /* DNA's sqrt (c1²) · sqrt (c2²), without its underflow */
          else if (s->normalization == STANCE_NETWORK_NORMALIZATION_JACCARD)
            {
              double m10 = 0, m01 = 0;

              for (guint j = 0; j < nc; j++)
                for (guint k = 0; k < 2; k++)
                  {
                    if (A (i2, j, k) == 0)
                      m10 += A (i1, j, k);
                    if (A (i1, j, k) == 0)
                      m01 += A (i2, j, k);
                  }
              norm = m10 + m01 + m11[(gsize) i1 * nr + i2];
            }
          out[(gsize) i1 * nr + i2] = norm == 0 ? 0 : m[(gsize) i1 * nr + i2] / norm;
        }
  }
#undef A
  return out;
}

static void
check_same (StanceNetwork *network,
            GPtrArray     *rows,
            GPtrArray     *cols,
            const double  *expected,
            const char    *what)
{
  const char * const *row_ids = stance_network_get_row_ids (network);
  const char * const *col_ids = stance_network_get_col_ids (network);
  gboolean onemode = stance_network_get_mode (network) == STANCE_NETWORK_MODE_ONEMODE;
  guint nc = onemode ? rows->len : cols->len;

  if (stance_network_get_n_rows (network) != rows->len || stance_network_get_n_cols (network) != nc)
    g_error ("%s: %u x %u, expected %u x %u", what, stance_network_get_n_rows (network),
             stance_network_get_n_cols (network), rows->len, nc);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (row_ids[i], ==, rows->pdata[i]);
  for (guint j = 0; j < nc; j++)
    g_assert_cmpstr (col_ids[j], ==, (onemode ? rows : cols)->pdata[j]);
  for (guint i = 0; i < rows->len; i++)
    for (guint j = 0; j < nc; j++)
      {
        double got = stance_network_get_value (network, i, j), want = expected[(gsize) i * nc + j];

        if (fabs (got - want) > 1e-9 * MAX (1.0, fabs (want)))
          g_error ("%s: [%s][%s] is %.17g, expected %.17g", what, row_ids[i], col_ids[j], got, want);
      }
}

static StanceNetworkOptions *
options_of (const Settings *s)
{
  StanceNetworkOptions *o = stance_network_options_new ();

  stance_network_options_set_mode (o, s->mode);
  stance_network_options_set_aggregation (o, s->aggregation);
  stance_network_options_set_normalization (o, s->normalization);
  stance_network_options_set_duplicates (o, s->duplicates);
  stance_network_options_set_attributed (o, s->attributed);
  stance_network_options_set_roll_up (o, s->roll_up);
  stance_network_options_set_isolates (o, s->isolates);
  if (s->exclude_holder != NULL)
    stance_network_options_exclude_holder (o, s->exclude_holder);
  if (s->exclude_target != NULL)
    stance_network_options_exclude_target (o, s->exclude_target);
  return o;
}

static const StanceNetworkAggregation twomode_aggregations[] = {
  STANCE_NETWORK_AGGREGATION_IGNORE, STANCE_NETWORK_AGGREGATION_SUBTRACT, STANCE_NETWORK_AGGREGATION_COMBINE,
};
static const StanceNetworkNormalization twomode_normalizations[] = {
  STANCE_NETWORK_NORMALIZATION_NO, STANCE_NETWORK_NORMALIZATION_ACTIVITY, STANCE_NETWORK_NORMALIZATION_PROMINENCE,
};
static const StanceNetworkAggregation onemode_aggregations[] = {
  STANCE_NETWORK_AGGREGATION_IGNORE, STANCE_NETWORK_AGGREGATION_CONGRUENCE,
  STANCE_NETWORK_AGGREGATION_CONFLICT, STANCE_NETWORK_AGGREGATION_SUBTRACT,
};
static const StanceNetworkNormalization onemode_normalizations[] = {
  STANCE_NETWORK_NORMALIZATION_NO, STANCE_NETWORK_NORMALIZATION_AVERAGE,
  STANCE_NETWORK_NORMALIZATION_JACCARD, STANCE_NETWORK_NORMALIZATION_COSINE,
};

/* Calls @check for every valid (mode, aggregation, normalisation). */
static void
for_each_shape (Settings *s,
                void    (*check) (World *, Settings *, gpointer),
                World    *w,
                gpointer  data)
{
  for (guint mode = 0; mode < 2; mode++)
    {
      gboolean onemode = mode == STANCE_NETWORK_MODE_ONEMODE;
      guint na = onemode ? G_N_ELEMENTS (onemode_aggregations) : G_N_ELEMENTS (twomode_aggregations);
      guint nn = onemode ? G_N_ELEMENTS (onemode_normalizations) : G_N_ELEMENTS (twomode_normalizations);

      for (guint a = 0; a < na; a++)
        for (guint n = 0; n < nn; n++)
          {
            s->mode = mode;
            s->aggregation = onemode ? onemode_aggregations[a] : twomode_aggregations[a];
            s->normalization = onemode ? onemode_normalizations[n] : twomode_normalizations[n];
            check (w, s, data);
          }
    }
}

static void
check_plain (World    *w,
             Settings *s,
             gpointer  data)
{
  g_autoptr(StanceNetworkOptions) options = options_of (s);
  g_autoptr(StanceNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cols = NULL;
  g_autoptr(GArray) records = brute_records (w, s, &rows, &cols);
  g_autofree double *weights = g_new (double, records->len + 1);
  g_autofree double *expected = NULL;
  g_autofree char *what = g_strdup_printf ("mode %d aggregation %d normalization %d duplicates %d "
                                           "attributed %d roll-up %d isolates %d exclude %s/%s",
                                           s->mode, s->aggregation, s->normalization, s->duplicates,
                                           s->attributed, s->roll_up, s->isolates,
                                           s->exclude_holder, s->exclude_target);

  for (guint i = 0; i < records->len; i++)
    weights[i] = 1;
  expected = brute_network (s, records, weights, rows, cols);
  network = stance_network_new (w->graph, options, &error);
  g_assert_no_error (error);
  check_same (network, rows, cols, expected, what);
  g_assert_cmpuint (stance_network_get_n_stances (network), ==, records->len);
  (*(guint *) data)++;
}

static void
test_random_networks (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint rounds = quick () ? 2 : 12, checked = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(World) w = make_world (rand, round % 2 == 0 ? 20 : 800);

      for (guint d = 0; d <= STANCE_NETWORK_DUPLICATES_ACROSSRANGE; d++)
        for (guint flags = 0; flags < 16; flags++)
          {
            Settings s = { 0 };

            s.duplicates = d;
            s.attributed = flags & 1;
            s.roll_up = (flags >> 1) & 1;
            s.isolates = (flags >> 2) & 1;
            if (flags & 8)
              {
                s.exclude_holder = w->actor_ids->pdata[0];
                s.exclude_target = w->claim_ids->pdata[0];
              }
            for_each_shape (&s, check_plain, w, &checked);
          }
    }
  g_test_message ("%u networks checked", checked);
}

/* ---- time windows ------------------------------------------------------- */

static GDateTime *
add_units (GDateTime     *t,
           StanceTimeUnit unit,
           int            n)
{
  switch (unit)
    {
    case STANCE_TIME_UNIT_DAYS:
      return g_date_time_add_days (t, n);
    case STANCE_TIME_UNIT_WEEKS:
      return g_date_time_add_weeks (t, n);
    case STANCE_TIME_UNIT_MONTHS:
      return g_date_time_add_months (t, n);
    case STANCE_TIME_UNIT_YEARS:
    default:
      return g_date_time_add_years (t, n);
    }
}

/* java.time's Duration and Period, as DNA's zeta() uses them. */
static gint64
units_between (GDateTime     *t,
               GDateTime     *gamma,
               StanceTimeUnit unit)
{
  gint64 seconds = g_date_time_to_unix (gamma) - g_date_time_to_unix (t), months;

  switch (unit)
    {
    case STANCE_TIME_UNIT_DAYS:
      return seconds / 86400;
    case STANCE_TIME_UNIT_WEEKS:
      return seconds / 86400 / 7;
    case STANCE_TIME_UNIT_MONTHS:
    case STANCE_TIME_UNIT_YEARS:
    default:
      months = (g_date_time_get_year (gamma) - g_date_time_get_year (t)) * 12 +
               g_date_time_get_month (gamma) - g_date_time_get_month (t);
      if (months > 0 && g_date_time_get_day_of_month (gamma) < g_date_time_get_day_of_month (t))
        months--;
      else if (months < 0 && g_date_time_get_day_of_month (gamma) > g_date_time_get_day_of_month (t))
        months++;
      return unit == STANCE_TIME_UNIT_MONTHS ? months : months / 12;
    }
}

static double
kernel_weight (StanceNetworkKernel kernel,
               double              d)
{
  gboolean inside = fabs (d) <= 1;

  switch (kernel)
    {
    case STANCE_NETWORK_KERNEL_NONE:
      return inside ? 1 : 0;
    case STANCE_NETWORK_KERNEL_UNIFORM:
      return inside ? 0.5 : 0;
    case STANCE_NETWORK_KERNEL_EPANECHNIKOV:
      return inside ? 0.75 * (1 - d * d) : 0;
    case STANCE_NETWORK_KERNEL_TRIANGULAR:
      return inside ? 1 - fabs (d) : 0;
    case STANCE_NETWORK_KERNEL_GAUSSIAN:
    default:
      return exp (-d * d / 2) / sqrt (2 * G_PI);
    }
}

typedef struct
{
  StanceTimeUnit      unit;
  guint               size;
  guint               step;
  StanceNetworkKernel kernel;
  gboolean            indent;
  guint               checked;
} WindowSettings;

static void
check_windows (World    *w,
               Settings *s,
               gpointer  data)
{
  WindowSettings *ws = data;
  g_autoptr(StanceNetworkOptions) options = options_of (s);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cols = NULL;
  g_autoptr(GArray) records = brute_records (w, s, &rows, &cols);
  g_autoptr(GDateTime) b = NULL;
  g_autoptr(GDateTime) e = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  guint size = ws->size + ws->size % 2, half = size / 2, k;

  stance_network_options_set_window (options, ws->unit, ws->size, ws->step, ws->kernel);
  stance_network_options_set_indent (options, ws->indent);
  list = stance_network_new_windows (w->graph, options, &error);
  g_assert_no_error (error);
  if (records->len == 0)
    {
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      return;
    }

  b = g_date_time_new_from_unix_utc (g_array_index (records, BruteRecord, 0).time);
  e = g_date_time_new_from_unix_utc (g_array_index (records, BruteRecord, records->len - 1).time);
  first = ws->indent ? add_units (b, ws->unit, half) : g_date_time_ref (b);
  last = ws->indent ? add_units (e, ws->unit, -(int) half) : g_date_time_ref (e);
  for (k = 0;; k++)
    {
      g_autoptr(GDateTime) gamma = add_units (first, ws->unit, k * ws->step);
      g_autoptr(GDateTime) lo = NULL;
      g_autoptr(GDateTime) hi = NULL;
      g_autoptr(StanceNetwork) network = NULL;
      g_autoptr(GDateTime) got_time = NULL;
      g_autofree double *weights = g_new0 (double, records->len + 1);
      g_autofree double *expected = NULL;
      g_autofree char *what = NULL;

      if (g_date_time_compare (gamma, last) > 0)
        break;
      g_assert_cmpuint (k, <, g_list_model_get_n_items (list));
      lo = add_units (gamma, ws->unit, -(int) half);
      hi = add_units (gamma, ws->unit, half);
      if (g_date_time_compare (lo, b) < 0)
        {
          g_date_time_unref (lo);
          lo = g_date_time_ref (b);
        }
      if (g_date_time_compare (hi, e) > 0)
        {
          g_date_time_unref (hi);
          hi = g_date_time_ref (e);
        }
      for (guint r = 0; r < records->len; r++)
        {
          g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (g_array_index (records, BruteRecord, r).time);

          if (ws->kernel != STANCE_NETWORK_KERNEL_GAUSSIAN &&
              (g_date_time_compare (t, lo) < 0 || g_date_time_compare (t, hi) > 0))
            continue;
          weights[r] = kernel_weight (ws->kernel, 2.0 * units_between (t, gamma, ws->unit) / size);
        }
      expected = brute_network (s, records, weights, rows, cols);
      network = g_list_model_get_item (list, k);
      got_time = stance_network_dup_time (network);
      g_assert_true (g_date_time_equal (got_time, gamma));
      what = g_strdup_printf ("window %u (unit %d size %u step %u kernel %d indent %d) of mode %d "
                              "aggregation %d normalization %d", k, ws->unit, ws->size, ws->step, ws->kernel,
                              ws->indent, s->mode, s->aggregation, s->normalization);
      check_same (network, rows, cols, expected, what);
      ws->checked++;
    }
  g_assert_cmpuint (k, ==, g_list_model_get_n_items (list));
}

static void
test_random_windows (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint rounds = quick () ? 1 : 6, checked = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(World) w = make_world (rand, 60);

      for (guint kernel = 0; kernel <= STANCE_NETWORK_KERNEL_TRIANGULAR; kernel++)
        for (guint unit = 0; unit <= STANCE_TIME_UNIT_YEARS; unit++)
          {
            static const guint sizes[] = { 14, 4, 3, 1 };  /* by unit */
            WindowSettings ws = { unit, sizes[unit] + (guint) g_rand_int_range (rand, 0, 3),
                                  (guint) g_rand_int_range (rand, 1, 3), kernel, g_rand_boolean (rand), 0 };
            Settings s = { 0 };

            s.duplicates = g_rand_int_range (rand, 0, STANCE_NETWORK_DUPLICATES_ACROSSRANGE + 1);
            s.roll_up = g_rand_boolean (rand);
            s.attributed = g_rand_boolean (rand);
            s.isolates = g_rand_boolean (rand);
            if (g_rand_int_range (rand, 0, 4) == 0)
              {
                s.exclude_holder = w->actor_ids->pdata[0];
                s.exclude_target = w->claim_ids->pdata[0];
              }
            for_each_shape (&s, check_windows, w, &ws);
            checked += ws.checked;
          }
    }
  g_test_message ("%u windows checked", checked);
}

static void
test_calendar (void)
{
  /* Months clamp the day, as java.time and GDateTime do. */
  g_autoptr(GDateTime) jan31 = g_date_time_new_utc (2005, 1, 31, 12, 0, 0);
  g_autoptr(GDateTime) feb28 = g_date_time_new_utc (2005, 2, 28, 12, 0, 0);
  g_autoptr(GDateTime) leap = g_date_time_new_utc (2004, 2, 29, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_new_utc (2005, 2, 28, 0, 0, 0);
  gint64 t = g_date_time_to_unix (jan31);

  g_assert_cmpint (_stance_net_add_units (t, STANCE_TIME_UNIT_MONTHS, 1), ==, g_date_time_to_unix (feb28));
  g_assert_cmpint (_stance_net_add_units (g_date_time_to_unix (leap), STANCE_TIME_UNIT_YEARS, 1), ==,
                   g_date_time_to_unix (next));
  /* Period.between(2005-01-31, 2005-02-28) is 0 months (28 < 31). */
  g_assert_cmpint (_stance_net_diff_units (t, g_date_time_to_unix (feb28), STANCE_TIME_UNIT_MONTHS), ==, 0);
  g_assert_cmpint (_stance_net_diff_units (g_date_time_to_unix (feb28), t, STANCE_TIME_UNIT_MONTHS), ==, 0);
  /* Durations truncate towards zero both ways. */
  g_assert_cmpint (_stance_net_diff_units (0, 86400 * 3 - 1, STANCE_TIME_UNIT_DAYS), ==, 2);
  g_assert_cmpint (_stance_net_diff_units (86400 * 3 - 1, 0, STANCE_TIME_UNIT_DAYS), ==, -2);
  g_assert_cmpint (_stance_net_diff_units (0, 86400 * 13, STANCE_TIME_UNIT_WEEKS), ==, 1);

  /* Random dates, 1600 to 2400, against GDateTime. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (3);

    for (guint i = 0; i < 2000; i++)
      {
        gint64 a = (gint64) g_rand_double_range (rand, -1.17e10, 1.36e10);
        int n = g_rand_int_range (rand, -30, 30);
        g_autoptr(GDateTime) da = g_date_time_new_from_unix_utc (a);
        g_autoptr(GDateTime) months = g_date_time_add_months (da, n);
        g_autoptr(GDateTime) years = g_date_time_add_years (da, n);
        gint64 b = (gint64) g_rand_double_range (rand, -1.17e10, 1.36e10);
        g_autoptr(GDateTime) db = g_date_time_new_from_unix_utc (b);

        g_assert_cmpint (_stance_net_add_units (a, STANCE_TIME_UNIT_MONTHS, n), ==, g_date_time_to_unix (months));
        g_assert_cmpint (_stance_net_add_units (a, STANCE_TIME_UNIT_YEARS, n), ==, g_date_time_to_unix (years));
        g_assert_cmpint (_stance_net_diff_units (a, b, STANCE_TIME_UNIT_MONTHS), ==,
                         units_between (da, db, STANCE_TIME_UNIT_MONTHS));
        g_assert_cmpint (_stance_net_diff_units (a, b, STANCE_TIME_UNIT_YEARS), ==,
                         units_between (da, db, STANCE_TIME_UNIT_YEARS));
      }
  }
}

/* ---- polarisation ------------------------------------------------------- */

/* DNA 3's qualityAbsdiff for two camps, written out again. */
static double
brute_score (const double *c,
             const double *f,
             guint         n,
             const guint8 *camp,
             gboolean      normalize)
{
  double cn = 0, fn = 0, sum = 0, within = 0, between;
  guint size[2] = { 0, 0 };

  for (guint i = 0; i < n * n; i++)
    {
      cn += fabs (c[i]);
      fn += fabs (f[i]);
    }
  for (guint i = 0; i < n; i++)
    size[camp[i]]++;
  for (guint k = 0; k < 2; k++)
    within += (double) size[k] * (size[k] - 1);
  between = (double) n * (n - 1) - within;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (i != j && camp[i] == camp[j])
        sum += fabs (c[i * n + j] - size[camp[i]] * (size[camp[i]] - 1.0) / within * (cn / within)) + fabs (f[i * n + j]);
      else if (i != j)
        sum += fabs (c[i * n + j]) + fabs (f[i * n + j] - size[0] * (double) size[1] / between * (fn / between));
  return normalize ? sum / (2 * (cn + fn)) : sum / 2;
}

static void
random_symmetric (GRand  *rand,
                  guint   n,
                  double *m)
{
  for (guint i = 0; i < n; i++)
    {
      m[i * n + i] = 0;
      for (guint j = i + 1; j < n; j++)
        m[i * n + j] = m[j * n + i] = g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_double_range (rand, 0, 4);
    }
}

static void
test_polarization (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint rounds = quick () ? 10 : 60, heuristic_hits = 0;

  for (guint round = 0; round < rounds; round++)
    {
      guint n = g_rand_int_range (rand, 3, 13);
      gboolean normalize = g_rand_boolean (rand);
      g_autofree double *c = g_new (double, n * n);
      g_autofree double *f = g_new (double, n * n);
      g_autofree guint8 *camp = g_new0 (guint8, n);
      g_autofree guint8 *best_camp = g_new0 (guint8, n);
      double best = -1, exact, heuristic;
      gboolean is_exact;

      random_symmetric (rand, n, c);
      random_symmetric (rand, n, f);
      /* Every split; DNA's searches keep the camps balanced (sizes
       * differ by one at most), so the best is of those. */
      for (guint mask = 1; mask < (1u << n) - 1; mask++)
        {
          double q;
          guint ones = 0;

          for (guint i = 0; i < n; i++)
            ones += camp[i] = (mask >> i) & 1;
          q = brute_score (c, f, n, camp, normalize);
          g_assert_cmpfloat (fabs (q - _stance_polarization_score (c, f, n, camp, normalize)), <, 1e-9);
          if (ones == n / 2 || ones == (n + 1) / 2)
            best = MAX (best, q);
        }
      exact = _stance_polarization_best (c, f, n, normalize, 1, STANCE_POLARIZATION_EXACT_MAX, best_camp, &is_exact);
      g_assert_true (is_exact);
      g_assert_cmpfloat (fabs (exact - best), <, 1e-9);
      g_assert_cmpfloat (fabs (brute_score (c, f, n, best_camp, normalize) - exact), <, 1e-9);
      {
        guint ones = 0;

        for (guint i = 0; i < n; i++)
          ones += best_camp[i];
        g_assert_true (ones == n / 2 || ones == (n + 1) / 2);
      }

      /* The local search never claims more than the maximum, and reaches
       * it almost always. */
      heuristic = _stance_polarization_best (c, f, n, normalize, round, 0, best_camp, &is_exact);
      g_assert_false (is_exact);
      g_assert_cmpfloat (heuristic, <=, exact + 1e-9);
      g_assert_cmpfloat (fabs (brute_score (c, f, n, best_camp, normalize) - heuristic), <, 1e-9);
      heuristic_hits += heuristic >= exact - 1e-9;
    }
  g_assert_cmpuint (heuristic_hits * 10, >=, rounds * 9);
}

static void
test_errors (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceNetworkOptions) options = stance_network_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceNetwork) network = NULL;
  g_autoptr(GListModel) windows = NULL;
  G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "c", "C", &error);

  g_assert_no_error (error);
  /* Options that do not fit the mode are refused, not replaced. */
  stance_network_options_set_aggregation (options, STANCE_NETWORK_AGGREGATION_CONGRUENCE);
  network = stance_network_new (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_assert_null (network);
  g_clear_error (&error);
  stance_network_options_set_aggregation (options, STANCE_NETWORK_AGGREGATION_IGNORE);
  stance_network_options_set_normalization (options, STANCE_NETWORK_NORMALIZATION_JACCARD);
  network = stance_network_new (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  stance_network_options_set_normalization (options, STANCE_NETWORK_NORMALIZATION_NO);

  /* Excluded ids must name nodes, and holders actors. */
  stance_network_options_exclude_holder (options, "c");
  network = stance_network_new (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_clear_object (&options);
  options = stance_network_options_new ();
  stance_network_options_exclude_target (options, "nobody");
  network = stance_network_new (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_clear_object (&options);

  /* Windows need a window; an empty graph has an empty network. */
  options = stance_network_options_new ();
  windows = stance_network_new_windows (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  network = stance_network_new (graph, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_network_get_n_rows (network), ==, 0);
  g_assert_cmpuint (stance_network_get_n_cols (network), ==, 0);
  g_clear_object (&network);

  /* A dense one-mode matrix of 16,385² cells (more than 2^28) is refused
   * with an error, not an abort on the allocation; its two-mode network is
   * small. */
  for (guint i = 0; i < 16385; i++)
    {
      char id[32], sid[32];

      g_snprintf (id, sizeof id, "a%u", i);
      g_snprintf (sid, sizeof sid, "s%u", i);
      g_clear_object (&(StanceActor *) { stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_OTHER, &error) });
      g_assert_no_error (error);
      stance_graph_append_statement (graph, sid, id, "2020", NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      stance_graph_append_stance (graph, sid, "supports", "c", NULL, &error);
      g_assert_no_error (error);
    }
  network = stance_network_new (graph, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance_network_get_n_rows (network), ==, 16385);
  g_clear_object (&network);
  stance_network_options_set_mode (options, STANCE_NETWORK_MODE_ONEMODE);
  network = stance_network_new (graph, options, &error);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_LIMIT);
  g_assert_null (network);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/networks/dna-sample", test_dna_sample);
  g_test_add_func ("/networks/dna-sample-tool", test_dna_sample_tool);
  g_test_add_func ("/networks/tool", test_tool_formats);
  g_test_add_func ("/networks/random", test_random_networks);
  g_test_add_func ("/networks/windows", test_random_windows);
  g_test_add_func ("/networks/calendar", test_calendar);
  g_test_add_func ("/networks/polarization", test_polarization);
  g_test_add_func ("/networks/errors", test_errors);

  return g_test_run ();
}
