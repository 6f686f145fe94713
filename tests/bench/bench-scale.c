/* bench-scale.c: libstance on real shapes of data, at scale
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two jobs, so that the documents measured are files that `stance check`
 * and tests/bench/sweep.py read too:
 *
 *   bench-scale --shape SHAPE --statements N --write FILE
 *       writes a generated document (one stance per statement, built-in
 *       kinds, day or minute precision times, 1,000 actors):
 *         friendly  each actor speaks on an agenda of 20 of 1,000 claims,
 *                   speakers uniform (the shape of tests/bench.c);
 *         skewed    Pareto-like attention: speakers and claims drawn from a
 *                   Zipf law of exponent 1.5, so that the most active
 *                   speaker makes ~40% of the statements and the most
 *                   discussed claim draws ~40% of the stances; N / 20
 *                   claims;
 *         dense     1,000 actors x 1,000 claims, both uniform.
 *
 *   bench-scale --document FILE [--repeat R] [--phase P]
 *       times each phase on it, R times, and prints the medians:
 *         load    stance_graph_new_from_file()
 *         find    stance_graph_count_contradictions() (every record
 *                 found, none made or sorted)
 *         output  stance_graph_write_contradictions() as JSON to
 *                 /dev/null (found again, sorted per target, written)
 *       and the peak RSS of the process.  With --phase, that phase alone,
 *       once, for callgrind:
 *
 *   valgrind --tool=callgrind --collect-atstart=no --toggle-collect=phase_find \
 *     bench-scale --document skewed-100k.json --phase find
 *
 * See doc/benchmarks.md and tests/bench/run-scale.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gio/gio.h>
#include <libstance/stance.h>

#include "bench-rng.h"

static char    *opt_shape = NULL;
static gint64   opt_statements = 100000;
static char    *opt_write = NULL;
static char    *opt_document = NULL;
static int      opt_repeat = 3;
static char    *opt_phase = NULL;
static gint64   opt_seed = 20170709;

static GOptionEntry entries[] = {
  { "shape", 's', 0, G_OPTION_ARG_STRING, &opt_shape, "friendly, skewed or dense", "SHAPE" },
  { "statements", 'n', 0, G_OPTION_ARG_INT64, &opt_statements, "Statements to generate (default 100000)", "N" },
  { "write", 'w', 0, G_OPTION_ARG_FILENAME, &opt_write, "Write the generated document to FILE", "FILE" },
  { "document", 'd', 0, G_OPTION_ARG_FILENAME, &opt_document, "Time the phases on FILE", "FILE" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat, "Runs of each phase; the median is reported (default 3)", "R" },
  { "phase", 0, 0, G_OPTION_ARG_STRING, &opt_phase, "Run one phase once: load, find or output (for callgrind)", "NAME" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the generator (default 20170709)", "S" },
  { NULL }
};

/* ------------------------------------------------------------------------ */
/* Generating */

#define N_ACTORS   1000
#define FIRST_YEAR 2010
#define N_DAYS     3652

static const char * const positive_kinds[] = { "proposes", "endorses", "supports", "confirms" };
static const char * const negative_kinds[] = { "opposes", "rejects", "denies" };
static const char * const neutral_kinds[] = { "comments", "questions" };

/* A Zipf law over n items: the cumulative weights of 1 / (i + 1)^s. */
typedef struct
{
  double *cdf;
  guint   n;
} Zipf;

static void
zipf_init (Zipf   *z,
           guint   n,
           double  s)
{
  double total = 0;

  z->n = n;
  z->cdf = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      total += 1.0 / pow (i + 1, s);
      z->cdf[i] = total;
    }
  for (guint i = 0; i < n; i++)
    z->cdf[i] /= total;
}

static guint
zipf_draw (const Zipf *z,
           Rng        *rng)
{
  double u = unit (rng_next (rng));
  guint lo = 0, hi = z->n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (z->cdf[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

typedef enum { SHAPE_FRIENDLY, SHAPE_SKEWED, SHAPE_DENSE } Shape;

static const char *
pick (Rng                *rng,
      const char * const *names,
      guint               n)
{
  return names[below (rng, n)];
}

/* An actor's usual side on a claim: 55% are for it. */
static gboolean
usually_positive (guint32 actor,
                  guint32 claim)
{
  return mix64 (((guint64) actor << 32) ^ claim ^ G_GUINT64_CONSTANT (0x0b1e55ed)) % 100 < 55;
}

static void
generate (Shape        shape,
          guint        n_statements,
          const char  *filename)
{
  guint n_claims = shape == SHAPE_SKEWED ? MAX (50, n_statements / 20) : 1000;
  Rng rng = { (guint64) opt_seed };
  Zipf speakers = { NULL, 0 }, claims = { NULL, 0 };
  FILE *out = fopen (filename, "w");
  static char buffer[1 << 20];
  GDate date;
  guint32 first_day;

  if (out == NULL)
    {
      g_printerr ("bench-scale: cannot write %s\n", filename);
      exit (2);
    }
  setvbuf (out, buffer, _IOFBF, sizeof buffer);

  if (shape == SHAPE_SKEWED)
    {
      zipf_init (&speakers, N_ACTORS, 1.5);
      zipf_init (&claims, n_claims, 1.5);
    }

  fputs ("{\"stance\": 1,\n\"actors\": [\n", out);
  for (guint a = 0; a < N_ACTORS; a++)
    fprintf (out, "{\"id\": \"actor-%u\", \"name\": \"Actor %u\"}%s\n", a, a, a + 1 < N_ACTORS ? "," : "");
  fputs ("],\n\"claims\": [\n", out);
  for (guint c = 0; c < n_claims; c++)
    fprintf (out, "{\"id\": \"claim-%u\", \"text\": \"Claim %u\"}%s\n", c, c, c + 1 < n_claims ? "," : "");
  fputs ("],\n\"statements\": [\n", out);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_YEAR);
  first_day = g_date_get_julian (&date);

  for (guint i = 0; i < n_statements; i++)
    {
      guint32 speaker, claim, holder;
      guint64 r = rng_next (&rng);
      const char *kind;
      gboolean positive;

      switch (shape)
        {
        case SHAPE_SKEWED:
          speaker = zipf_draw (&speakers, &rng);
          claim = zipf_draw (&claims, &rng);
          holder = zipf_draw (&speakers, &rng);
          break;
        case SHAPE_DENSE:
          speaker = below (&rng, N_ACTORS);
          claim = below (&rng, n_claims);
          holder = below (&rng, N_ACTORS);
          break;
        case SHAPE_FRIENDLY:
        default:
          speaker = below (&rng, N_ACTORS);
          /* The k-th claim of the speaker's agenda of 20. */
          claim = mix64 (((guint64) speaker << 8) ^ below (&rng, 20)) % n_claims;
          holder = below (&rng, N_ACTORS);
          break;
        }

      /* 5% attributed, 15% neutral, 3% withdrawals; positions follow the
       * holder's usual side 75% of the time. */
      if (r % 100 < 5 && holder != speaker)
        positive = usually_positive (holder, claim) == ((r >> 8) % 100 < 80);
      else
        {
          holder = speaker;
          positive = usually_positive (speaker, claim) == ((r >> 8) % 100 < 75);
        }
      if ((r >> 16) % 100 < 15)
        kind = pick (&rng, neutral_kinds, G_N_ELEMENTS (neutral_kinds));
      else if ((r >> 16) % 100 < 18)
        kind = "retracts";
      else if (positive)
        kind = pick (&rng, positive_kinds, G_N_ELEMENTS (positive_kinds));
      else
        kind = pick (&rng, negative_kinds, G_N_ELEMENTS (negative_kinds));

      g_date_set_julian (&date, first_day + below (&rng, N_DAYS));
      fprintf (out, "{\"id\": \"s%u\", \"speaker\": \"actor-%u\", \"time\": \"%04u-%02u-%02u",
               i, speaker, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      if ((r >> 24) % 100 < 20)
        fprintf (out, "T%02u:%02uZ", (guint) ((r >> 32) % 24), (guint) ((r >> 40) % 60));
      fprintf (out, "\", \"stances\": [{\"kind\": \"%s\", \"target\": \"claim-%u\"", kind, claim);
      if (holder != speaker)
        fprintf (out, ", \"holder\": \"actor-%u\"", holder);
      fprintf (out, "}]}%s\n", i + 1 < n_statements ? "," : "");
    }
  fputs ("]}\n", out);

  if (fclose (out) != 0)
    {
      g_printerr ("bench-scale: cannot write %s\n", filename);
      exit (2);
    }
  g_free (speakers.cdf);
  g_free (claims.cdf);
}

/* ------------------------------------------------------------------------ */
/* Timing */

#if defined(__GNUC__) && !defined(__clang__)
# define PHASE_FUNCTION __attribute__ ((noipa))
#else
# define PHASE_FUNCTION G_GNUC_NO_INLINE
#endif

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-scale: %s: %s\n", what, error->message);
  exit (2);
}

static PHASE_FUNCTION StanceGraph *
phase_load (const char *filename)
{
  GError *error = NULL;
  StanceGraph *graph = stance_graph_new_from_file (filename, &error);

  if (graph == NULL)
    die (filename, error);
  return graph;
}

static PHASE_FUNCTION guint64
phase_find (StanceGraph *graph)
{
  return stance_graph_count_contradictions (graph, NULL);
}

static PHASE_FUNCTION void
phase_output (StanceGraph *graph)
{
  g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileOutputStream) stream = g_file_append_to (null, G_FILE_CREATE_NONE, NULL, NULL);
  g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 1 << 16);
  GError *error = NULL;

  if (!stance_graph_write_contradictions (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON, buffered, NULL, &error))
    die ("output", error);
}

static int
double_cmp (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, double_cmp);
  return g_array_index (samples, double, samples->len / 2);
}

static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (at = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (at + 6, NULL, 10);
}

/* CPU seconds of the process: on a machine shared with other jobs, the
 * figure that wall time is not. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
time_document (const char *filename)
{
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) find = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) output = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) find_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) output_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 n_found = 0;
  guint n_stances = 0;

  if (opt_phase != NULL)
    {
      g_autoptr(StanceGraph) graph = phase_load (filename);

      if (strcmp (opt_phase, "find") == 0)
        n_found = phase_find (graph);
      else if (strcmp (opt_phase, "output") == 0)
        phase_output (graph);
      else if (strcmp (opt_phase, "load") != 0)
        {
          g_printerr ("bench-scale: unknown phase %s\n", opt_phase);
          exit (2);
        }
      g_print ("%s: %s, %" G_GUINT64_FORMAT " contradictions\n", filename, opt_phase, n_found);
      return;
    }

  for (int r = 0; r < opt_repeat; r++)
    {
      g_autoptr(StanceGraph) graph = NULL;
      gint64 t0, t1, t2, t3;
      double c0, c1, c2, c3, d;

      t0 = g_get_monotonic_time (); c0 = cpu_seconds ();
      graph = phase_load (filename);
      t1 = g_get_monotonic_time (); c1 = cpu_seconds ();
      n_found = phase_find (graph);
      t2 = g_get_monotonic_time (); c2 = cpu_seconds ();
      phase_output (graph);
      t3 = g_get_monotonic_time (); c3 = cpu_seconds ();
      n_stances = stance_graph_get_n_stances (graph);

      d = (t1 - t0) / 1e6; g_array_append_val (load, d);
      d = (t2 - t1) / 1e6; g_array_append_val (find, d);
      d = (t3 - t2) / 1e6; g_array_append_val (output, d);
      d = c1 - c0; g_array_append_val (load_cpu, d);
      d = c2 - c1; g_array_append_val (find_cpu, d);
      d = c3 - c2; g_array_append_val (output_cpu, d);
    }

  g_print ("%s: %u stances, %" G_GUINT64_FORMAT " contradictions\n", filename, n_stances, n_found);
  g_print ("  load    %8.3f s   CPU %8.3f s   (medians of %d)\n", median (load), median (load_cpu), opt_repeat);
  g_print ("  find    %8.3f s   CPU %8.3f s\n", median (find), median (find_cpu));
  g_print ("  output  %8.3f s   CPU %8.3f s\n", median (output), median (output_cpu));
  g_print ("  peak RSS %6.0f MB\n", peak_rss_kb () / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- libstance at scale");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-scale: %s\n", error->message);
      return 2;
    }

  if (opt_write != NULL)
    {
      Shape shape;

      if (g_strcmp0 (opt_shape, "skewed") == 0)
        shape = SHAPE_SKEWED;
      else if (g_strcmp0 (opt_shape, "dense") == 0)
        shape = SHAPE_DENSE;
      else if (opt_shape == NULL || strcmp (opt_shape, "friendly") == 0)
        shape = SHAPE_FRIENDLY;
      else
        {
          g_printerr ("bench-scale: unknown shape %s (friendly, skewed or dense)\n", opt_shape);
          return 2;
        }
      if (opt_statements < 1 || opt_statements > G_MAXUINT32)
        {
          g_printerr ("bench-scale: --statements must be from 1 to %u\n", G_MAXUINT32);
          return 2;
        }
      generate (shape, (guint) opt_statements, opt_write);
      return 0;
    }

  if (opt_document != NULL)
    {
      time_document (opt_document);
      return 0;
    }

  g_printerr ("bench-scale: give --write FILE or --document FILE (see --help)\n");
  return 2;
}
