/* bench-snapshot.c: the memory of a graph per stance, and how fast a binary
 * snapshot is written and opened
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds N statements with one stance each (no texts, day-precision
 * times, built-in kinds) through the append API, in one of two shapes:
 *
 *   friendly  1,000 actors and 1,000 claims, drawn uniformly
 *   skewed    1,000 actors and 50,000 claims, Pareto-like: the most
 *             discussed claim gets ~40% of the stances and the most active
 *             speaker ~40% of the statements (issue 8's document)
 *
 * and reports:
 *
 *   graph     heap growth of building, per stance (glibc mallinfo2(): arena
 *             bytes in use plus mmapped bytes), as tests/bench.c measures it
 *   write     stance_graph_save_snapshot(), and the file's size
 *   open      stance_graph_new_from_snapshot() of that file (the page cache
 *             is warm: it was just written), then a lookup by id, then the
 *             heap growth of the opened graph
 *
 * See doc/benchmarks.md ("Snapshots and the compact store").  Exits 0
 * whatever the figures; non-zero only when the library refuses its input.
 */

#include <malloc.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include <libstance/stance.h>

static gint64    opt_statements = 1000000;
static char     *opt_shape = NULL;
static char     *opt_dir = NULL;
static gboolean  opt_keep = FALSE;
static int       opt_repeat = 5;

static GOptionEntry entries[] = {
  { "statements", 'n', 0, G_OPTION_ARG_INT64, &opt_statements, "Statements, one stance each (default 1000000)", "N" },
  { "shape", 0, 0, G_OPTION_ARG_STRING, &opt_shape, "friendly or skewed (default friendly)", "SHAPE" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Where to write the snapshot (default: the temporary folder)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the snapshot file", NULL },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat, "Opens of the snapshot; the median and the fastest are reported (default 5)", "R" },
  { NULL }
};

static const char * const positive[] = { "proposes", "endorses", "supports", "confirms" };
static const char * const negative[] = { "opposes", "rejects", "denies" };

/* splitmix64: the same numbers on every machine. */
static guint64
next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
uniform (guint64 *state)
{
  return (double) (next (state) >> 11) * (1.0 / 9007199254740992.0);
}

/* An index below @n: uniform, or with probability @top the first, and
 * otherwise heavy towards the small indices (the cube of a uniform) over
 * the rest. */
static guint
draw (guint64 *state,
      guint    n,
      double   top,
      gboolean skewed)
{
  double u = uniform (state);

  if (!skewed)
    return (guint) (u * n);
  if (u < top)
    return 0;
  u = uniform (state);
  return 1 + (guint) (u * u * u * (n - 1));
}

static gint64
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-snapshot: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (2);
}

static StanceGraph *
build (guint    n,
       gboolean skewed)
{
  guint n_actors = 1000, n_claims = skewed ? 50000 : 1000;
  StanceGraph *graph = stance_graph_new ();
  guint64 state = 20170709;
  GError *error = NULL;
  char id[32], target[32], speaker[32], time[16];

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(StanceActor) actor = NULL;

      g_snprintf (id, sizeof id, "a%u", a);
      if ((actor = stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, &error)) == NULL)
        die ("add_actor", error);
    }
  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(StanceClaim) claim = NULL;

      g_snprintf (id, sizeof id, "c%u", c);
      if ((claim = stance_graph_add_claim (graph, id, "a claim", &error)) == NULL)
        die ("add_claim", error);
    }

  for (guint i = 0; i < n; i++)
    {
      guint a = draw (&state, n_actors, 0.4, skewed);
      guint c = draw (&state, n_claims, 0.4, skewed);
      guint day = (guint) (uniform (&state) * 3652);
      GDate date;
      const char *kind = (next (&state) & 1) ? positive[next (&state) % 4] : negative[next (&state) % 3];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2010);
      g_date_add_days (&date, day);
      g_snprintf (time, sizeof time, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      g_snprintf (id, sizeof id, "s%u", i);
      g_snprintf (speaker, sizeof speaker, "a%u", a);
      g_snprintf (target, sizeof target, "c%u", c);
      if (!stance_graph_append_statement (graph, id, speaker, time, NULL, NULL, NULL, &error) ||
          !stance_graph_append_stance (graph, id, kind, target, NULL, &error))
        die ("append", error);
    }

  return graph;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
double_cmp (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, double_cmp);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
minimum (double *values,
         int     n)
{
  double best = values[0];

  for (int i = 1; i < n; i++)
    best = MIN (best, values[i]);
  return best;
}

/* CPU seconds of this process, user and system: on a busy machine these
 * say more than the wall clock. */
static void
cpu_seconds (double *user,
             double *sys)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  *sys = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- snapshot and store benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  StanceGraph *graph, *opened = NULL;
  g_autofree double *opens = NULL;
  g_autofree double *cpus = NULL;
  g_autofree char *loadavg = NULL;
  gboolean skewed;
  gint64 heap0, heap1, start;
  double build_s, write_s, open_s, lookup_s;
  double user0, sys0, user1, sys1;
  GStatBuf st;
  guint n;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (opt_statements < 1 || opt_statements > 100000000)
    die ("--statements", NULL);
  skewed = g_strcmp0 (opt_shape, "skewed") == 0;
  if (opt_shape != NULL && !skewed && strcmp (opt_shape, "friendly") != 0)
    die ("--shape must be friendly or skewed", NULL);
  n = (guint) opt_statements;
  path = g_build_filename (opt_dir != NULL ? opt_dir : g_get_tmp_dir (), "bench-snapshot.stance", NULL);

  heap0 = heap_in_use ();
  start = g_get_monotonic_time ();
  graph = build (n, skewed);
  build_s = seconds_since (start);
  heap1 = heap_in_use ();

  start = g_get_monotonic_time ();
  if (!stance_graph_save_snapshot (graph, path, &error))
    die ("save_snapshot", error);
  write_s = seconds_since (start);
  if (g_stat (path, &st) != 0)
    die ("stat", NULL);
  g_object_unref (graph);

  heap0 = heap1 - heap0;  /* the graph's growth, kept */

  /* Each open makes a graph and drops it, R times; the last is kept for
   * the lookup and the memory. */
  opens = g_new (double, MAX (opt_repeat, 1));
  cpus = g_new (double, MAX (opt_repeat, 1));
  for (int i = 0; i < MAX (opt_repeat, 1); i++)
    {
      g_clear_object (&opened);
      heap1 = heap_in_use ();
      cpu_seconds (&user0, &sys0);
      start = g_get_monotonic_time ();
      opened = stance_graph_new_from_snapshot (path, &error);
      opens[i] = seconds_since (start);
      cpu_seconds (&user1, &sys1);
      cpus[i] = (user1 - user0) + (sys1 - sys0);
      if (opened == NULL)
        die ("new_from_snapshot", error);
    }
  open_s = median (opens, MAX (opt_repeat, 1));
  start = g_get_monotonic_time ();
  {
    g_autofree char *last = g_strdup_printf ("s%u", n - 1);
    g_autoptr(StanceNode) node = stance_graph_lookup (opened, last);

    if (node == NULL)
      die ("lookup after open", NULL);
  }
  lookup_s = seconds_since (start);

  if (!g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    loadavg = g_strdup ("unknown");
  g_print ("bench-snapshot: %u statements, one stance each, %s shape (load average %.14s)\n", n,
           skewed ? "skewed" : "friendly", loadavg);
  g_print ("  graph: %.1f bytes/stance (heap growth of building, %.1f MB), built in %.2f s\n",
           (double) heap0 / n, heap0 / 1e6, build_s);
  g_print ("  snapshot: %.1f bytes/stance (%.1f MB), written in %.2f s\n",
           (double) st.st_size / n, st.st_size / 1e6, write_s);
  g_print ("  open (%d runs): median %.3f s wall (%.0f ns/stance), fastest %.3f s; median %.3f s CPU,\n"
           "        the last user %.3f + system %.3f;\n"
           "        then a lookup by id %.1f us; heap growth %.1f bytes/stance\n",
           MAX (opt_repeat, 1), open_s, open_s * 1e9 / n, minimum (opens, MAX (opt_repeat, 1)),
           median (cpus, MAX (opt_repeat, 1)), user1 - user0, sys1 - sys0,
           lookup_s * 1e6, (double) (heap_in_use () - heap1) / n);

  g_object_unref (opened);
  if (!opt_keep)
    g_unlink (path);

  return 0;
}
