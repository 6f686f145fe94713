/* bench.c: how fast libstance builds a large graph, finds its contradictions,
 * saves and loads it, and how much memory the graph takes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A deterministic generator makes N statements with one stance each, by
 * ~1000 actors on ~1000 claims, and the benchmark times, per stance:
 *
 *   add    building the graph through the public API, dropping every object
 *          it returns at once, as a pipeline would
 *   find   stance_graph_find_contradictions() (the list makes its items
 *          lazily, so this is the search alone)
 *   touch  g_list_model_get_item() on every contradiction found
 *   save   stance_graph_save_to_data()
 *   load   stance_graph_new_from_data() of that document
 *
 * each R times, quoting the median.  Memory is the heap growth of building
 * the graph (glibc mallinfo2(): in-use arena bytes plus mmapped bytes).
 * With ICEWS data beside the checkout it also builds a graph of real events.
 *
 * Wall-clock times on a shared machine are noisy: for figures that repeat,
 * count instructions with callgrind, one phase at a time, e.g.
 *
 *   valgrind --tool=callgrind --collect-atstart=no --toggle-collect=bench_add \
 *     bench --statements 100000 --repeat 1 --phase add
 *
 * See doc/benchmarks.md.  The benchmark exits 0 whatever the figures are: it
 * says MISSED when a target is missed.  It exits non-zero only when the
 * library refuses the generated input, which is a bug.
 */

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <libstance/stance.h>

#include "bench/bench-rng.h"

/* The issue's targets, for 1,000,000 statements with one stance each. */
#define TARGET_ADD_FIND_NS     1000.0
#define TARGET_BYTES_PER_STANCE 200.0
#define TARGET_STATEMENTS      1000000

#define NO_HOLDER G_MAXUINT32

/* The built-in kinds by polarity; the generator picks among them. */
static const char * const positive_kinds[] = { "proposes", "endorses", "supports", "confirms" };
static const char * const negative_kinds[] = { "opposes", "rejects", "denies" };
static const char * const neutral_kinds[]  = { "comments", "comments", "comments", "questions" };

static const char * const kind_names[] = {
  "proposes", "endorses", "supports", "confirms",
  "opposes", "rejects", "denies",
  "retracts",
  "questions", "comments",
};

/* Options */
static gint64    opt_statements = TARGET_STATEMENTS;
static int       opt_repeat = 5;
static int       opt_holders = 1000;
static int       opt_targets = 1000;
static int       opt_agenda = 20;
static gint64    opt_seed = 20170709;
static gboolean  opt_with_text = FALSE;
static char     *opt_phase = NULL;
static gboolean  opt_json = FALSE;
static char     *opt_data = NULL;
static gboolean  opt_no_data = FALSE;
static gboolean  opt_objects = FALSE;

static GOptionEntry entries[] = {
  { "statements", 'n', 0, G_OPTION_ARG_INT64, &opt_statements, "Statements to generate, one stance each (default 1000000)", "N" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat, "Runs of each phase; the median is reported (default 5)", "R" },
  { "holders", 0, 0, G_OPTION_ARG_INT, &opt_holders, "Actors who speak and hold stances (default 1000)", "H" },
  { "targets", 0, 0, G_OPTION_ARG_INT, &opt_targets, "Claims that stances are taken on (default 1000)", "T" },
  { "agenda", 0, 0, G_OPTION_ARG_INT, &opt_agenda, "Claims each actor speaks about (default 20)", "K" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the generator (default 20170709)", "S" },
  { "with-text", 0, 0, G_OPTION_ARG_NONE, &opt_with_text, "Give every statement a ~100-byte text", NULL },
  { "phase", 0, 0, G_OPTION_ARG_STRING, &opt_phase, "Run one phase once: add, find, touch, save, load or icews (for callgrind)", "NAME" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print the results as JSON", NULL },
  { "data", 0, 0, G_OPTION_ARG_FILENAME, &opt_data, "Folder of the shared data sets (default: $STANCE_SHARED_DATA, else ../shared/data)", "DIR" },
  { "no-data", 0, 0, G_OPTION_ARG_NONE, &opt_no_data, "Skip the measurements on real data", NULL },
  { "objects", 0, 0, G_OPTION_ARG_NONE, &opt_objects,
    "Add through add_statement/add_stance, which hand out objects, instead of append_statement/append_stance", NULL },
  { NULL }
};

/* The phases and what the table calls them. */
enum {
  PHASE_ADD,
  PHASE_FIND,
  PHASE_TOUCH,
  PHASE_SAVE,
  PHASE_LOAD,
  N_PHASES
};

static const char * const phase_names[N_PHASES] = { "add", "find", "touch", "save", "load" };

/* ------------------------------------------------------------------------ */
/* The generator is splitmix64: bench/bench-rng.h. */

/* Half uniform, half skewed towards index 0 (density ~ 1/sqrt): a few actors
 * speak much more than most, and a few claims draw many more holders. */
static inline guint32
skewed (guint64 bits,
        guint32 n)
{
  double u = unit (bits);
  guint32 i;

  if (bits & 1)
    u = u * u;
  i = (guint32) (u * n);
  return MIN (i, n - 1);
}

/* ------------------------------------------------------------------------ */
/* The workload: everything the API calls take, made before any timing. */

typedef struct
{
  guint32 speaker;   /* actor index */
  guint32 target;    /* claim index */
  guint32 holder;    /* actor index, or NO_HOLDER for the speaker */
  guint32 id;        /* offsets into Workload.strings */
  guint32 time;
  guint32 text;
  guint8  kind;      /* index into kind_names */
} Planned;

typedef struct
{
  guint     n_actors;
  guint     n_claims;
  guint     n_statements;
  guint     n_attributed;
  guint     n_minute;
  guint     kind_counts[G_N_ELEMENTS (kind_names)];
  Planned  *plan;
  GString  *strings;   /* ids, names, times and texts, NUL-separated */
  guint32  *actor_id;  /* offsets of actor ids and names */
  guint32  *actor_name;
  guint32  *claim_id;
  guint32  *claim_text;
  gboolean  with_text;
} Workload;

static guint32
add_string (GString    *strings,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static guint32
add_string (GString    *strings,
            const char *format,
            ...)
{
  guint32 offset = strings->len;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (strings, format, args);
  va_end (args);
  g_string_append_c (strings, '\0');

  return offset;
}

#define WORKLOAD_STRING(w, offset) ((w)->strings->str + (offset))

/* Times over ten years, 2010 to 2019. */
#define FIRST_YEAR 2010
#define N_DAYS     3652

/* Each actor speaks about a fixed agenda of claims: its k-th claim. */
static guint32
agenda_claim (guint64 seed,
              guint32 actor,
              guint32 slot,
              guint32 n_claims)
{
  return skewed (mix64 (seed ^ G_GUINT64_CONSTANT (0xa6e4da5c0ffee) ^ ((guint64) actor << 24) ^ slot), n_claims);
}

/* An actor's opinion on a claim: 55% positive; 15% of actors change their
 * mind once, on a day of their own. */
static gboolean
opinion_positive (guint64 seed,
                  guint32 actor,
                  guint32 claim,
                  guint32 day)
{
  guint64 h = mix64 (seed ^ G_GUINT64_CONSTANT (0x0b1e55ed) ^ ((guint64) actor << 32) ^ claim);
  gboolean positive = h % 100 < 55;

  if ((h >> 8) % 100 < 15 && day >= (h >> 16) % N_DAYS)
    positive = !positive;

  return positive;
}

static G_GNUC_NO_INLINE guint8
kind_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (kind_names[i], name) == 0)
        return (guint8) i;
    }
  g_assert_not_reached ();
}

static guint8
pick_kind (Rng      *rng,
           gboolean  positive)
{
  if (positive)
    return kind_index (positive_kinds[below (rng, G_N_ELEMENTS (positive_kinds))]);
  return kind_index (negative_kinds[below (rng, G_N_ELEMENTS (negative_kinds))]);
}

static const char * const words[] = {
  "the", "plan", "joint", "unit", "security", "talks", "said", "will", "not", "agree",
  "minister", "statement", "support", "policy", "reform", "deal", "against", "today",
  "government", "proposal", "we", "they", "must", "never", "again", "strongly",
};

static Workload *
workload_new (guint    n_statements,
              guint    n_actors,
              guint    n_claims,
              guint    agenda,
              guint64  seed,
              gboolean with_text)
{
  Workload *w = g_new0 (Workload, 1);
  Rng rng = { seed };
  /* Texts draw from a stream of their own, so that --with-text makes the
   * same graph, only with texts. */
  Rng text_rng = { seed ^ G_GUINT64_CONSTANT (0x7e47) };
  GDate date;
  guint32 first_day;

  w->n_actors = n_actors;
  w->n_claims = n_claims;
  w->n_statements = n_statements;
  w->with_text = with_text;
  w->plan = g_new0 (Planned, n_statements);
  w->strings = g_string_sized_new ((gsize) n_statements * (with_text ? 128 : 24) + 64 * (n_actors + n_claims));
  w->actor_id = g_new (guint32, n_actors);
  w->actor_name = g_new (guint32, n_actors);
  w->claim_id = g_new (guint32, n_claims);
  w->claim_text = g_new (guint32, n_claims);

  for (guint a = 0; a < n_actors; a++)
    {
      w->actor_id[a] = add_string (w->strings, "actor-%u", a);
      w->actor_name[a] = add_string (w->strings, "Actor %u", a);
    }
  for (guint c = 0; c < n_claims; c++)
    {
      w->claim_id[c] = add_string (w->strings, "claim-%u", c);
      w->claim_text[c] = add_string (w->strings, "Claim number %u of the benchmark", c);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_YEAR);
  first_day = g_date_get_julian (&date);
  for (guint i = 0; i < n_statements; i++)
    {
      Planned *p = &w->plan[i];
      guint32 day = below (&rng, N_DAYS);
      guint64 r = rng_next (&rng);
      double u = unit (rng_next (&rng));

      p->speaker = skewed (rng_next (&rng), n_actors);
      p->holder = NO_HOLDER;

      if (u < 0.05 && n_actors > 1)
        {
          /* An attributed stance: the speaker (an outlet, a rival) says
           * what another actor holds, right 80% of the time. */
          guint32 holder = skewed (rng_next (&rng), n_actors);

          if (holder == p->speaker)
            holder = (holder + 1) % n_actors;
          p->holder = holder;
          p->target = agenda_claim (seed, holder, below (&rng, agenda), n_claims);
          p->kind = pick_kind (&rng, opinion_positive (seed, holder, p->target, day) == (r % 100 < 80));
          w->n_attributed++;
        }
      else
        {
          p->target = agenda_claim (seed, p->speaker, below (&rng, agenda), n_claims);
          if (u < 0.45)
            /* 40% neutral: comments and questions. */
            p->kind = kind_index (neutral_kinds[r % G_N_ELEMENTS (neutral_kinds)]);
          else if (r % 100 < 3)
            p->kind = kind_index ("retracts");
          else
            /* The actor's opinion, or 4% of the time a slip that says the
             * opposite. */
            p->kind = pick_kind (&rng, opinion_positive (seed, p->speaker, p->target, day) == (r % 100 >= 7));
        }
      w->kind_counts[p->kind]++;

      p->id = add_string (w->strings, "s%u", i);
      g_date_set_julian (&date, first_day + day);
      if ((r >> 32) % 100 < 20)
        {
          p->time = add_string (w->strings, "%04u-%02u-%02uT%02u:%02uZ",
                                g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                (guint) ((r >> 40) % 24), (guint) ((r >> 48) % 60));
          w->n_minute++;
        }
      else
        {
          p->time = add_string (w->strings, "%04u-%02u-%02u",
                                g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
        }

      if (with_text)
        {
          guint32 offset = w->strings->len;

          g_string_append_printf (w->strings, "Actor %u on claim %u, %s:", p->speaker, p->target,
                                  WORKLOAD_STRING (w, p->time));
          while (w->strings->len - offset < 96)
            {
              g_string_append_c (w->strings, ' ');
              g_string_append (w->strings, words[below (&text_rng, G_N_ELEMENTS (words))]);
            }
          g_string_append_c (w->strings, '.');
          g_string_append_c (w->strings, '\0');
          p->text = offset;
        }
    }

  return w;
}

static void
workload_free (Workload *w)
{
  g_free (w->plan);
  g_string_free (w->strings, TRUE);
  g_free (w->actor_id);
  g_free (w->actor_name);
  g_free (w->claim_id);
  g_free (w->claim_text);
  g_free (w);
}

/* ------------------------------------------------------------------------ */
/* Measuring */

static gint64
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

/* A field of /proc/self/status in kB, or -1. */
static gint64
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *at;
  gsize len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  for (at = status; at != NULL && *at != '\0'; )
    {
      if (strncmp (at, field, len) == 0 && at[len] == ':')
        return g_ascii_strtoll (at + len + 1, NULL, 10);
      at = strchr (at, '\n');
      if (at != NULL)
        at++;
    }

  return -1;
}

static char *
cpu_model (void)
{
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &info, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "model name"))
        {
          const char *colon = strchr (lines[i], ':');

          if (colon != NULL)
            return g_strstrip (g_strdup (colon + 1));
        }
    }

  return g_strdup ("unknown");
}

static int
double_cmp (gconstpointer pa,
            gconstpointer pb)
{
  double a = *(const double *) pa;
  double b = *(const double *) pb;

  return a < b ? -1 : a > b ? 1 : 0;
}

typedef struct
{
  double median;
  double min;
  double max;
} Summary;

static Summary
summarize (const GArray *samples)
{
  Summary s = { 0, 0, 0 };
  g_autofree double *sorted = NULL;
  guint n = samples->len;

  if (n == 0)
    return s;

  sorted = g_memdup2 (samples->data, n * sizeof (double));
  qsort (sorted, n, sizeof (double), double_cmp);
  s.min = sorted[0];
  s.max = sorted[n - 1];
  s.median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

  return s;
}

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (2);
}

/* ------------------------------------------------------------------------ */
/* The phases.  Each is a function of its own, never inlined nor cloned
 * under another name, so that callgrind can count it alone:
 * --toggle-collect=bench_add and so on. */

#if defined(__GNUC__) && !defined(__clang__)
# define PHASE_FUNCTION __attribute__ ((noipa))
#else
# define PHASE_FUNCTION G_GNUC_NO_INLINE
#endif

static PHASE_FUNCTION StanceGraph *
bench_add (const Workload *w)
{
  StanceGraph *graph = stance_graph_new ();
  g_autofree StanceActor **actors = g_new (StanceActor *, w->n_actors);
  g_autofree StanceNode **claims = g_new (StanceNode *, w->n_claims);
  GError *error = NULL;

  /* A pipeline keeps its actors and claims while it adds statements, and
   * drops each statement and stance as soon as it has added it. */
  for (guint a = 0; a < w->n_actors; a++)
    {
      actors[a] = stance_graph_add_actor (graph, WORKLOAD_STRING (w, w->actor_id[a]),
                                          WORKLOAD_STRING (w, w->actor_name[a]),
                                          STANCE_ACTOR_KIND_PERSON, &error);
      if (actors[a] == NULL)
        die ("adding an actor", error);
    }
  for (guint c = 0; c < w->n_claims; c++)
    {
      claims[c] = STANCE_NODE (stance_graph_add_claim (graph, WORKLOAD_STRING (w, w->claim_id[c]),
                                                       WORKLOAD_STRING (w, w->claim_text[c]), &error));
      if (claims[c] == NULL)
        die ("adding a claim", error);
    }

  for (guint i = 0; i < w->n_statements && opt_objects; i++)
    {
      const Planned *p = &w->plan[i];
      StanceStatement *statement;
      StanceEdge *edge;

      statement = stance_graph_add_statement (graph, WORKLOAD_STRING (w, p->id), actors[p->speaker],
                                              WORKLOAD_STRING (w, p->time), &error);
      if (statement == NULL)
        die ("adding a statement", error);
      if (w->with_text)
        stance_statement_set_text (statement, WORKLOAD_STRING (w, p->text));
      edge = stance_statement_add_stance (statement, kind_names[p->kind], claims[p->target],
                                          p->holder == NO_HOLDER ? NULL : actors[p->holder], &error);
      if (edge == NULL)
        die ("adding a stance", error);
      g_object_unref (edge);
      g_object_unref (statement);
    }

  /* The pipeline's path: by ids, with no object handed out. */
  for (guint i = 0; i < w->n_statements && !opt_objects; i++)
    {
      const Planned *p = &w->plan[i];
      const char *id = WORKLOAD_STRING (w, p->id);

      if (!stance_graph_append_statement (graph, id, WORKLOAD_STRING (w, w->actor_id[p->speaker]),
                                          WORKLOAD_STRING (w, p->time),
                                          w->with_text ? WORKLOAD_STRING (w, p->text) : NULL, NULL, NULL, &error))
        die ("adding a statement", error);
      if (!stance_graph_append_stance (graph, id, kind_names[p->kind], WORKLOAD_STRING (w, w->claim_id[p->target]),
                                       p->holder == NO_HOLDER ? NULL : WORKLOAD_STRING (w, w->actor_id[p->holder]),
                                       &error))
        die ("adding a stance", error);
    }

  for (guint a = 0; a < w->n_actors; a++)
    g_object_unref (actors[a]);
  for (guint c = 0; c < w->n_claims; c++)
    g_object_unref (claims[c]);

  return graph;
}

static PHASE_FUNCTION GListModel *
bench_find (StanceGraph *graph)
{
  return stance_graph_find_contradictions (graph);
}

/* Makes every item of the list (the list makes them lazily) and counts them
 * by kind. */
static PHASE_FUNCTION void
bench_touch (GListModel *list,
             guint       counts[4])
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      StanceContradiction *c = g_list_model_get_item (list, i);
      StanceContradictionKind kind = stance_contradiction_get_kind (c);

      if ((guint) kind < 4)
        counts[kind]++;
      g_object_unref (c);
    }
}

static PHASE_FUNCTION char *
bench_save (StanceGraph *graph,
            gsize       *length)
{
  return stance_graph_save_to_data (graph, length);
}

static PHASE_FUNCTION StanceGraph *
bench_load (const char  *document,
            gsize        length,
            GError     **error)
{
  return stance_graph_new_from_data (document, length, error);
}

/* ------------------------------------------------------------------------ */
/* The generated graph */

typedef struct
{
  GArray  *ns[N_PHASES];       /* double: ns per stance (touch: per stance too) */
  GArray  *touch_per_item;     /* double: ns per contradiction */
  GArray  *graph_bytes;        /* double: heap growth of building, per stance */
  GArray  *index_bytes;        /* double: more after find (the cached act index) */
  GArray  *loaded_bytes;       /* double: heap growth of loading, per stance */
  guint    counts[4];
  guint    n_found;
  gsize    document_bytes;
  guint    n_stances;
  gboolean memory_measured;  /* mallinfo2() sees the heap (not under valgrind) */
  gboolean load_failed;
  char    *load_error;
} Results;

static void
results_init (Results *r)
{
  memset (r, 0, sizeof *r);
  for (guint i = 0; i < N_PHASES; i++)
    r->ns[i] = g_array_new (FALSE, FALSE, sizeof (double));
  r->touch_per_item = g_array_new (FALSE, FALSE, sizeof (double));
  r->graph_bytes = g_array_new (FALSE, FALSE, sizeof (double));
  r->index_bytes = g_array_new (FALSE, FALSE, sizeof (double));
  r->loaded_bytes = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
results_clear (Results *r)
{
  for (guint i = 0; i < N_PHASES; i++)
    g_array_unref (r->ns[i]);
  g_array_unref (r->touch_per_item);
  g_array_unref (r->graph_bytes);
  g_array_unref (r->index_bytes);
  g_array_unref (r->loaded_bytes);
  g_free (r->load_error);
}

static void
sample (GArray *samples,
        double  value)
{
  g_array_append_val (samples, value);
}

/* One run of every phase; with only >= 0, that phase alone (and what it
 * needs, untimed in the report). */
static void
run_once (const Workload *w,
          Results        *r,
          int             only)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *document = NULL;
  gsize length = 0;
  gint64 heap0, heap1, heap2, t0, t1;
  guint n, counts[4] = { 0, 0, 0, 0 };

  heap0 = heap_in_use ();
  t0 = g_get_monotonic_time ();
  graph = bench_add (w);
  t1 = g_get_monotonic_time ();
  heap1 = heap_in_use ();
  n = stance_graph_get_n_stances (graph);
  r->n_stances = n;
  r->memory_measured = heap1 > heap0;
  if (only < 0 || only == PHASE_ADD)
    {
      sample (r->ns[PHASE_ADD], (t1 - t0) * 1000.0 / n);
      sample (r->graph_bytes, (double) (heap1 - heap0) / n);
    }
  if (only == PHASE_ADD)
    return;

  if (only < 0 || only == PHASE_FIND || only == PHASE_TOUCH)
    {
      t0 = g_get_monotonic_time ();
      found = bench_find (graph);
      t1 = g_get_monotonic_time ();
      heap2 = heap_in_use ();
      sample (r->ns[PHASE_FIND], (t1 - t0) * 1000.0 / n);
      sample (r->index_bytes, (double) (heap2 - heap1) / n);
      r->n_found = g_list_model_get_n_items (found);
    }
  if (only == PHASE_FIND)
    return;

  if (only < 0 || only == PHASE_TOUCH)
    {
      t0 = g_get_monotonic_time ();
      bench_touch (found, counts);
      t1 = g_get_monotonic_time ();
      sample (r->ns[PHASE_TOUCH], (t1 - t0) * 1000.0 / n);
      if (r->n_found > 0)
        sample (r->touch_per_item, (t1 - t0) * 1000.0 / r->n_found);
      memcpy (r->counts, counts, sizeof counts);
      g_clear_object (&found);
    }
  if (only == PHASE_TOUCH)
    return;

  t0 = g_get_monotonic_time ();
  document = bench_save (graph, &length);
  t1 = g_get_monotonic_time ();
  if (only < 0 || only == PHASE_SAVE)
    sample (r->ns[PHASE_SAVE], (t1 - t0) * 1000.0 / n);
  r->document_bytes = length;
  if (only == PHASE_SAVE)
    return;

  /* The built graph is not needed to load: drop it, so that the peak is
   * that of one graph and its document. */
  g_clear_object (&graph);

  if (only < 0 || only == PHASE_LOAD)
    {
      g_autoptr(StanceGraph) loaded = NULL;
      g_autoptr(GError) error = NULL;

      heap1 = heap_in_use ();
      t0 = g_get_monotonic_time ();
      loaded = bench_load (document, length, &error);
      t1 = g_get_monotonic_time ();
      heap2 = heap_in_use ();
      if (loaded == NULL)
        {
          r->load_failed = TRUE;
          if (r->load_error == NULL)
            r->load_error = g_strdup (error->message);
          return;
        }
      if (stance_graph_get_n_stances (loaded) != n)
        {
          g_printerr ("bench: the loaded graph has %u stances, not %u\n", stance_graph_get_n_stances (loaded), n);
          exit (2);
        }
      sample (r->ns[PHASE_LOAD], (t1 - t0) * 1000.0 / n);
      sample (r->loaded_bytes, (double) (heap2 - heap1) / n);
    }
}

/* ------------------------------------------------------------------------ */
/* Real data: ICEWS 2005–2015 events, one statement per event */

typedef struct
{
  guint32 source;
  guint32 target;
  guint8  kind;
  guint32 time;   /* offsets into IcewsData.strings */
  guint32 id;
} IcewsEvent;

typedef struct
{
  GString    *strings;
  GArray     *actor_names;   /* guint32 offsets */
  GArray     *events;        /* IcewsEvent */
  guint       n_files;
  guint       n_skipped;
  guint       kind_counts[G_N_ELEMENTS (kind_names)];
} IcewsData;

/* CAMEO event types that are stances towards the target actor; every other
 * event (consult, visit, make statement …) is a neutral comment. */
static const char *
icews_kind (const char *event)
{
  if (strcmp (event, "Praise or endorse") == 0)
    return "endorses";
  if (strcmp (event, "Express accord") == 0)
    return "supports";
  if (g_str_has_prefix (event, "Criticize") || g_str_has_prefix (event, "Accuse") ||
      strcmp (event, "Complain officially") == 0)
    return "opposes";
  if (g_str_has_prefix (event, "Reject") || g_str_has_prefix (event, "Refuse") || strcmp (event, "Veto") == 0)
    return "rejects";
  if (g_str_has_prefix (event, "Deny"))
    return "denies";
  if (strcmp (event, "Apologize") == 0)
    return "retracts";
  return "comments";
}

static guint32
icews_actor (IcewsData  *data,
             GHashTable *index,
             const char *name)
{
  gpointer found;
  guint32 offset;

  if (g_hash_table_lookup_extended (index, name, NULL, &found))
    return GPOINTER_TO_UINT (found);

  offset = add_string (data->strings, "%s", name);
  g_array_append_val (data->actor_names, offset);
  g_hash_table_insert (index, g_strdup (name), GUINT_TO_POINTER (data->actor_names->len - 1));

  return data->actor_names->len - 1;
}

static gboolean
icews_read (IcewsData  *data,
            GHashTable *index,
            const char *path,
            GError    **error)
{
  g_autofree char *contents = NULL;
  char *line, *next;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  for (line = contents; line != NULL && *line != '\0'; line = next)
    {
      char *fields[4];
      guint nf = 0;
      char *at = line;
      IcewsEvent event;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (*line == '\0' || *line == '\r')
        continue;

      while (nf < 4)
        {
          char *tab = strchr (at, '\t');

          fields[nf++] = at;
          if (tab == NULL)
            break;
          *tab = '\0';
          at = tab + 1;
        }
      g_strchomp (fields[nf - 1]);
      if (nf < 4 || *fields[0] == '\0' || *fields[2] == '\0')
        {
          data->n_skipped++;
          continue;
        }

      event.source = icews_actor (data, index, fields[0]);
      event.target = icews_actor (data, index, fields[2]);
      event.kind = kind_index (icews_kind (fields[1]));
      event.time = add_string (data->strings, "%s", fields[3]);
      event.id = add_string (data->strings, "icews-%u", data->events->len);
      g_array_append_val (data->events, event);
      data->kind_counts[event.kind]++;
    }

  data->n_files++;
  return TRUE;
}

static char *
find_data_dir (void)
{
  const char *env = g_getenv ("STANCE_SHARED_DATA");

  if (opt_data != NULL)
    return g_strdup (opt_data);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_strdup ("../shared/data");
}

static IcewsData *
icews_load (const char *dir,
            char      **why_not)
{
  static const char * const files[] = { "test.tsv", "valid.tsv" };
  IcewsData *data = g_new0 (IcewsData, 1);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  data->strings = g_string_new (NULL);
  data->actor_names = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->events = g_array_new (FALSE, FALSE, sizeof (IcewsEvent));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, "icews05-15", files[i], NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (!icews_read (data, index, path, &error))
        {
          *why_not = g_strdup_printf ("%s: %s", path, error->message);
          break;
        }
    }

  if (data->events->len == 0)
    {
      if (*why_not == NULL)
        *why_not = g_strdup_printf ("no ICEWS data in %s/icews05-15", dir);
      g_string_free (data->strings, TRUE);
      g_array_unref (data->actor_names);
      g_array_unref (data->events);
      g_free (data);
      return NULL;
    }

  return data;
}

static void
icews_free (IcewsData *data)
{
  g_string_free (data->strings, TRUE);
  g_array_unref (data->actor_names);
  g_array_unref (data->events);
  g_free (data);
}

static PHASE_FUNCTION StanceGraph *
bench_icews_build (const IcewsData *data)
{
  StanceGraph *graph = stance_graph_new ();
  guint n_actors = data->actor_names->len;
  g_autofree StanceActor **actors = g_new (StanceActor *, n_actors);
  const IcewsEvent *events = (const IcewsEvent *) data->events->data;
  GError *error = NULL;

  for (guint a = 0; a < n_actors; a++)
    {
      const char *name = data->strings->str + g_array_index (data->actor_names, guint32, a);

      actors[a] = stance_graph_add_actor (graph, name, name, STANCE_ACTOR_KIND_OTHER, &error);
      if (actors[a] == NULL)
        die ("adding an ICEWS actor", error);
    }

  for (guint i = 0; i < data->events->len; i++)
    {
      const IcewsEvent *e = &events[i];
      StanceStatement *statement;
      StanceEdge *edge;

      statement = stance_graph_add_statement (graph, data->strings->str + e->id, actors[e->source],
                                              data->strings->str + e->time, &error);
      if (statement == NULL)
        die ("adding an ICEWS event", error);
      edge = stance_statement_add_stance (statement, kind_names[e->kind], STANCE_NODE (actors[e->target]),
                                          NULL, &error);
      if (edge == NULL)
        die ("adding an ICEWS stance", error);
      g_object_unref (edge);
      g_object_unref (statement);
    }

  for (guint a = 0; a < n_actors; a++)
    g_object_unref (actors[a]);

  return graph;
}

typedef struct
{
  gboolean present;
  char    *why_not;
  guint    n_events;
  guint    n_actors;
  guint    n_acts;
  guint    kind_counts[G_N_ELEMENTS (kind_names)];
  GArray  *build_ns;   /* double: ns per event */
  GArray  *find_ns;
  guint    counts[4];
  guint    n_found;
} IcewsResults;

static void
icews_run (IcewsResults *ir,
           int           repeat)
{
  g_autofree char *dir = find_data_dir ();
  IcewsData *data;

  ir->build_ns = g_array_new (FALSE, FALSE, sizeof (double));
  ir->find_ns = g_array_new (FALSE, FALSE, sizeof (double));

  data = icews_load (dir, &ir->why_not);
  if (data == NULL)
    return;

  ir->present = TRUE;
  ir->n_events = data->events->len;
  ir->n_actors = data->actor_names->len;
  memcpy (ir->kind_counts, data->kind_counts, sizeof ir->kind_counts);
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      if (strcmp (kind_names[k], "comments") != 0 && strcmp (kind_names[k], "questions") != 0)
        ir->n_acts += data->kind_counts[k];
    }

  for (int run = 0; run < repeat; run++)
    {
      g_autoptr(StanceGraph) graph = NULL;
      g_autoptr(GListModel) found = NULL;
      gint64 t0, t1, t2;
      guint counts[4] = { 0, 0, 0, 0 };

      t0 = g_get_monotonic_time ();
      graph = bench_icews_build (data);
      t1 = g_get_monotonic_time ();
      found = bench_find (graph);
      t2 = g_get_monotonic_time ();
      sample (ir->build_ns, (t1 - t0) * 1000.0 / ir->n_events);
      sample (ir->find_ns, (t2 - t1) * 1000.0 / ir->n_events);
      ir->n_found = g_list_model_get_n_items (found);
      bench_touch (found, counts);
      memcpy (ir->counts, counts, sizeof counts);
    }

  icews_free (data);
}

static void
icews_results_clear (IcewsResults *ir)
{
  g_free (ir->why_not);
  g_clear_pointer (&ir->build_ns, g_array_unref);
  g_clear_pointer (&ir->find_ns, g_array_unref);
}

/* ------------------------------------------------------------------------ */
/* Reporting */

static const char *
met (gboolean ok)
{
  return ok ? "MET" : "MISSED";
}

static void
print_row (const char *name,
           GArray     *samples,
           guint       n)
{
  Summary s;

  if (samples->len == 0)
    return;
  s = summarize (samples);
  g_print ("  %-22s %12.1f %10.1f %10.1f %12.1f\n", name, s.median, s.min, s.max, s.median * n / 1e6);
}

static void
print_text (const Workload     *w,
            Results            *r,
            const IcewsResults *ir,
            int                 repeat,
            gint64              heap_before_all)
{
  g_autofree char *cpu = cpu_model ();
  const char *gdebug = g_getenv ("G_DEBUG");
  Summary add = summarize (r->ns[PHASE_ADD]);
  Summary find = summarize (r->ns[PHASE_FIND]);
  Summary graph_bytes = summarize (r->graph_bytes);
  double add_find = add.median + find.median;
  guint n = r->n_stances;

  g_print ("libstance benchmark\n");
  g_print ("  machine: %u cores, %s; GLib %u.%u.%u, json-glib %s\n", g_get_num_processors (), cpu,
           glib_major_version, glib_minor_version, glib_micro_version, JSON_VERSION_S);
  if (gdebug != NULL)
    g_print ("  note: G_DEBUG=%s is set (gc-friendly clears freed memory): times are higher than without it\n", gdebug);
  g_print ("  graph: %u statements, %u stances (%u attributed), %u actors, %u claims, agenda %d claims per actor,\n"
           "         times 2010-2019 (%.0f%% to the minute, the rest to the day), texts: %s\n",
           w->n_statements, n, w->n_attributed, w->n_actors, w->n_claims, opt_agenda,
           100.0 * w->n_minute / MAX (w->n_statements, 1), w->with_text ? "~100 bytes each" : "none");
  g_print ("  kinds:");
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    g_print (" %s %u%s", kind_names[k], w->kind_counts[k], k + 1 < G_N_ELEMENTS (kind_names) ? "," : "\n");
  g_print ("  runs: %d (median, min and max over the runs)\n\n", repeat);

  g_print ("  %-22s %12s %10s %10s %12s\n", "phase", "ns/stance", "min", "max", "total ms");
  for (guint i = 0; i < N_PHASES; i++)
    {
      const char *label = i == PHASE_TOUCH ? "touch (get every item)" : phase_names[i];

      print_row (label, r->ns[i], n);
    }
  if (r->touch_per_item->len > 0)
    g_print ("  touch per contradiction: %.1f ns (median)\n", summarize (r->touch_per_item).median);
  if (r->load_failed)
    g_print ("  load: FAILED: %s\n", r->load_error);
  g_print ("\n");

  g_print ("  contradictions: %u: %u reversal, %u inconsistency, %u conflict, %u disputed-attribution\n",
           r->n_found, r->counts[0], r->counts[1], r->counts[2], r->counts[3]);
  g_print ("  document: %.1f bytes/stance (%.1f MB)\n", (double) r->document_bytes / n, r->document_bytes / 1e6);
  if (!r->memory_measured)
    g_print ("  memory: not measured (mallinfo2() sees no heap: is malloc replaced, as under valgrind?)\n");
  else
    {
      g_print ("  memory: graph %.1f bytes/stance (heap growth of building, %.1f MB)\n",
               graph_bytes.median, graph_bytes.median * n / 1e6);
      if (r->index_bytes->len > 0)
        g_print ("          + %.1f bytes/stance after find (the act index the graph keeps, and the result list)\n",
                 summarize (r->index_bytes).median);
      if (r->loaded_bytes->len > 0)
        g_print ("          loaded graph %.1f bytes/stance\n", summarize (r->loaded_bytes).median);
    }
  g_print ("          peak RSS (VmHWM) %.1f MB for the whole run, workload %.1f MB of it\n",
           proc_status_kb ("VmHWM") / 1024.0, heap_before_all / 1e6);
  g_print ("\n");

  if (ir != NULL)
    {
      if (!ir->present)
        g_print ("  ICEWS: skipped: %s\n\n", ir->why_not);
      else
        {
          Summary b = summarize (ir->build_ns);
          Summary f = summarize (ir->find_ns);

          g_print ("  ICEWS 05-15: %u events (%u acts: endorses %u, supports %u, opposes %u, rejects %u, denies %u, retracts %u), %u actors\n",
                   ir->n_events, ir->n_acts, ir->kind_counts[kind_index ("endorses")],
                   ir->kind_counts[kind_index ("supports")], ir->kind_counts[kind_index ("opposes")],
                   ir->kind_counts[kind_index ("rejects")], ir->kind_counts[kind_index ("denies")],
                   ir->kind_counts[kind_index ("retracts")], ir->n_actors);
          g_print ("    build: %.1f ns/event (%.2f M events/s; min %.1f, max %.1f)\n",
                   b.median, 1e3 / b.median, b.min, b.max);
          g_print ("    find:  %.1f ns/event (%.2f M events/s; min %.1f, max %.1f)\n",
                   f.median, 1e3 / f.median, f.min, f.max);
          g_print ("    contradictions: %u: %u reversal, %u inconsistency, %u conflict, %u disputed-attribution\n\n",
                   ir->n_found, ir->counts[0], ir->counts[1], ir->counts[2], ir->counts[3]);
        }
    }

  g_print ("  targets (for %d statements with one stance each, without texts):\n", TARGET_STATEMENTS);
  if (w->n_statements != TARGET_STATEMENTS)
    g_print ("    (this run has %u statements: the check is indicative only)\n", w->n_statements);
  g_print ("    add+find = %.1f ns/stance (target < %.0f): %s, %.2fx the target\n",
           add_find, TARGET_ADD_FIND_NS, met (add_find < TARGET_ADD_FIND_NS), add_find / TARGET_ADD_FIND_NS);
  if (!r->memory_measured)
    g_print ("    graph: not measured\n");
  else if (w->with_text)
    g_print ("    graph = %.1f bytes/stance with texts (the target of < %.0f is without texts: run without --with-text)\n",
             graph_bytes.median, TARGET_BYTES_PER_STANCE);
  else
    g_print ("    graph = %.1f bytes/stance (target < %.0f): %s, %.2fx the target\n",
             graph_bytes.median, TARGET_BYTES_PER_STANCE, met (graph_bytes.median < TARGET_BYTES_PER_STANCE),
             graph_bytes.median / TARGET_BYTES_PER_STANCE);
}

/* JSON output, written by hand so that figures keep one decimal (a
 * generator would print 1317.7249999999999). */

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  need_comma;
} Json;

static void
json_key (Json       *j,
          const char *key)
{
  if (j->need_comma)
    g_string_append_c (j->out, ',');
  if (j->depth > 0)
    {
      g_string_append_c (j->out, '\n');
      for (guint i = 0; i < j->depth; i++)
        g_string_append (j->out, "  ");
    }
  if (key != NULL)
    g_string_append_printf (j->out, "\"%s\": ", key);
  j->need_comma = FALSE;
}

static void
json_open (Json       *j,
           const char *key,
           char        bracket)
{
  json_key (j, key);
  g_string_append_c (j->out, bracket);
  j->depth++;
  j->need_comma = FALSE;
}

static void
json_close (Json *j,
            char  bracket)
{
  j->depth--;
  g_string_append_c (j->out, '\n');
  for (guint i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
  g_string_append_c (j->out, bracket);
  j->need_comma = TRUE;
}

static void
json_number (Json       *j,
             const char *key,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  json_key (j, key);
  g_string_append (j->out, g_ascii_formatd (buf, sizeof buf, "%.1f", value));
  j->need_comma = TRUE;
}

static void
json_int (Json       *j,
          const char *key,
          gint64      value)
{
  json_key (j, key);
  g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
  j->need_comma = TRUE;
}

static void
json_literal (Json       *j,
              const char *key,
              const char *literal)
{
  json_key (j, key);
  g_string_append (j->out, literal);
  j->need_comma = TRUE;
}

static void
json_string (Json       *j,
             const char *key,
             const char *value)
{
  json_key (j, key);
  g_string_append_c (j->out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (j->out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (j->out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (j->out, *p);
    }
  g_string_append_c (j->out, '"');
  j->need_comma = TRUE;
}

static void
json_summary (Json       *j,
              const char *key,
              GArray     *samples)
{
  Summary s = summarize (samples);

  json_open (j, key, '{');
  json_number (j, "median", s.median);
  json_number (j, "min", s.min);
  json_number (j, "max", s.max);
  json_open (j, "samples", '[');
  for (guint i = 0; i < samples->len; i++)
    json_number (j, NULL, g_array_index (samples, double, i));
  json_close (j, ']');
  json_close (j, '}');
}

static void
json_counts (Json        *j,
             guint        total,
             const guint  counts[4])
{
  json_open (j, "contradictions", '{');
  json_int (j, "total", total);
  for (guint k = 0; k < 4; k++)
    json_int (j, stance_contradiction_kind_to_string ((StanceContradictionKind) k), counts[k]);
  json_close (j, '}');
}

static void
print_json (const Workload     *w,
            Results            *r,
            const IcewsResults *ir,
            int                 repeat)
{
  Json j = { g_string_new (NULL), 0, FALSE };
  g_autofree char *cpu = cpu_model ();
  g_autofree char *glib = g_strdup_printf ("%u.%u.%u", glib_major_version, glib_minor_version, glib_micro_version);
  Summary add = summarize (r->ns[PHASE_ADD]);
  Summary find = summarize (r->ns[PHASE_FIND]);
  Summary graph_bytes = summarize (r->graph_bytes);
  guint n = r->n_stances;

  json_open (&j, NULL, '{');

  json_open (&j, "machine", '{');
  json_int (&j, "cores", g_get_num_processors ());
  json_string (&j, "cpu", cpu);
  json_string (&j, "glib", glib);
  json_string (&j, "json_glib", JSON_VERSION_S);
  json_close (&j, '}');

  json_open (&j, "workload", '{');
  json_int (&j, "statements", w->n_statements);
  json_int (&j, "stances", n);
  json_int (&j, "attributed", w->n_attributed);
  json_int (&j, "actors", w->n_actors);
  json_int (&j, "claims", w->n_claims);
  json_int (&j, "agenda", opt_agenda);
  json_int (&j, "seed", opt_seed);
  json_literal (&j, "with_text", w->with_text ? "true" : "false");
  json_int (&j, "repeat", repeat);
  json_open (&j, "kinds", '{');
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    json_int (&j, kind_names[k], w->kind_counts[k]);
  json_close (&j, '}');
  json_close (&j, '}');

  json_open (&j, "ns_per_stance", '{');
  for (guint i = 0; i < N_PHASES; i++)
    {
      if (r->ns[i]->len > 0)
        json_summary (&j, phase_names[i], r->ns[i]);
    }
  json_close (&j, '}');
  if (r->touch_per_item->len > 0)
    json_summary (&j, "touch_ns_per_contradiction", r->touch_per_item);
  if (r->load_failed)
    json_string (&j, "load_error", r->load_error);

  json_counts (&j, r->n_found, r->counts);

  json_number (&j, "document_bytes_per_stance", (double) r->document_bytes / n);
  if (r->memory_measured)
    {
      json_summary (&j, "graph_bytes_per_stance", r->graph_bytes);
      if (r->index_bytes->len > 0)
        json_summary (&j, "after_find_bytes_per_stance", r->index_bytes);
      if (r->loaded_bytes->len > 0)
        json_summary (&j, "loaded_graph_bytes_per_stance", r->loaded_bytes);
    }
  json_int (&j, "peak_rss_kb", proc_status_kb ("VmHWM"));

  if (ir != NULL)
    {
      json_open (&j, "icews", '{');
      json_literal (&j, "present", ir->present ? "true" : "false");
      if (!ir->present)
        json_string (&j, "skipped", ir->why_not);
      else
        {
          json_int (&j, "events", ir->n_events);
          json_int (&j, "acts", ir->n_acts);
          json_int (&j, "actors", ir->n_actors);
          json_summary (&j, "build_ns_per_event", ir->build_ns);
          json_summary (&j, "find_ns_per_event", ir->find_ns);
          json_counts (&j, ir->n_found, ir->counts);
        }
      json_close (&j, '}');
    }

  json_open (&j, "targets", '{');
  json_number (&j, "add_find_ns_per_stance", add.median + find.median);
  json_number (&j, "add_find_target", TARGET_ADD_FIND_NS);
  json_literal (&j, "add_find_met", add.median + find.median < TARGET_ADD_FIND_NS ? "true" : "false");
  if (r->memory_measured)
    json_number (&j, "graph_bytes_per_stance", graph_bytes.median);
  else
    json_literal (&j, "graph_bytes_per_stance", "null");
  json_number (&j, "graph_bytes_target", TARGET_BYTES_PER_STANCE);
  /* null when not measured, or with texts: the target is without them */
  json_literal (&j, "graph_bytes_met",
                !r->memory_measured || w->with_text ? "null" :
                graph_bytes.median < TARGET_BYTES_PER_STANCE ? "true" : "false");
  json_close (&j, '}');

  json_close (&j, '}');

  g_print ("%s\n", j.out->str);
  g_string_free (j.out, TRUE);
}

/* ------------------------------------------------------------------------ */

static int
phase_from_name (const char *name)
{
  for (int i = 0; i < N_PHASES; i++)
    {
      if (strcmp (name, phase_names[i]) == 0)
        return i;
    }
  if (strcmp (name, "icews") == 0)
    return N_PHASES;
  return -1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Workload *w;
  Results results;
  IcewsResults icews = { 0 };
  gboolean run_icews;
  int only = -1;
  int repeat;
  gint64 heap_workload;

  context = g_option_context_new ("- time and measure libstance on a generated graph");
  g_option_context_set_summary (context,
                                "Builds a graph of N statements with one stance each through the API, finds its\n"
                                "contradictions, saves and loads it, and prints the median time per stance of each\n"
                                "phase and the graph's memory per stance.  See doc/benchmarks.md.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 2;
    }
  if (opt_statements < 1 || opt_statements > 100000000 || opt_repeat < 1 || opt_holders < 1 ||
      opt_targets < 1 || opt_agenda < 1)
    {
      g_printerr ("bench: --statements must be 1 to 100000000, and --repeat, --holders, --targets and --agenda positive\n");
      return 2;
    }
  if (opt_phase != NULL && (only = phase_from_name (opt_phase)) < 0)
    {
      g_printerr ("bench: unknown phase \"%s\": use add, find, touch, save, load or icews\n", opt_phase);
      return 2;
    }
  repeat = opt_phase != NULL ? 1 : opt_repeat;
  run_icews = !opt_no_data && (only < 0 || only == N_PHASES);

  /* Warm up: register the types and touch every code path once, so that
   * nothing of it counts in the first run.  Not for one phase alone: under
   * callgrind, its calls would count in the phase's. */
  if (opt_phase == NULL)
    {
      Workload *warm = workload_new (2000, 50, 50, 5, (guint64) opt_seed, opt_with_text);
      Results discard;

      results_init (&discard);
      run_once (warm, &discard, -1);
      results_clear (&discard);
      workload_free (warm);
    }

  if (only == N_PHASES)
    {
      /* ICEWS alone, once: for callgrind --toggle-collect=bench_icews_build. */
      icews_run (&icews, 1);
      if (!icews.present)
        g_print ("ICEWS: skipped: %s\n", icews.why_not);
      else
        g_print ("ICEWS: %u events, build %.1f ns/event, find %.1f ns/event, %u contradictions\n",
                 icews.n_events, g_array_index (icews.build_ns, double, 0),
                 g_array_index (icews.find_ns, double, 0), icews.n_found);
      icews_results_clear (&icews);
      return 0;
    }

  w = workload_new ((guint) opt_statements, (guint) opt_holders, (guint) opt_targets, (guint) opt_agenda,
                    (guint64) opt_seed, opt_with_text);
  heap_workload = heap_in_use ();

  results_init (&results);
  for (int run = 0; run < repeat; run++)
    {
      if (!opt_json && opt_phase == NULL)
        g_printerr ("bench: run %d of %d...\n", run + 1, repeat);
      run_once (w, &results, only);
    }

  if (opt_phase != NULL)
    {
      GArray *samples = results.ns[only];

      g_print ("phase %s: %.1f ns/stance over %u stances", opt_phase,
               samples->len > 0 ? g_array_index (samples, double, 0) : 0.0, results.n_stances);
      if (only == PHASE_ADD)
        g_print (", graph %.1f bytes/stance", g_array_index (results.graph_bytes, double, 0));
      if (only == PHASE_FIND || only == PHASE_TOUCH)
        g_print (", %u contradictions", results.n_found);
      if (only == PHASE_SAVE)
        g_print (", document %.1f bytes/stance", (double) results.document_bytes / results.n_stances);
      if (results.load_failed)
        g_print (", load FAILED: %s", results.load_error);
      g_print ("\n");
    }
  else
    {
      if (run_icews)
        icews_run (&icews, repeat);
      if (opt_json)
        print_json (w, &results, run_icews ? &icews : NULL, repeat);
      else
        print_text (w, &results, run_icews ? &icews : NULL, repeat, heap_workload);
    }

  icews_results_clear (&icews);
  results_clear (&results);
  workload_free (w);
  g_free (opt_phase);
  g_free (opt_data);

  return 0;
}
