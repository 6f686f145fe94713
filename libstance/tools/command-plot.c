/* command-plot.c: `stance plot`: a target's camps over time, drawn with cairo
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One lane per holder: a bar in the colour of the stance it holds from each
 * of its acts to the next (for: green, against: red, withdrawn: grey) and a
 * mark for every statement; above the lanes, how many holders are for and
 * against at each moment.  SVG, or PNG when the output ends in .png.
 */

#include <math.h>

#include <cairo.h>
#include <cairo-svg.h>

#include "stance-tool.h"
#include "stance-graph-private.h"

typedef struct
{
  guint32 holder;
  gint64  time;
  guint32 seq;
  guint8  polarity;
} PlotAct;

typedef struct
{
  guint32 holder;
  guint   first;   /* index of its first act */
  guint   n;
  guint8  last;    /* the polarity it ends with */
} PlotLane;

static char *opt_output;

static int
compare_acts (const void *a,
              const void *b)
{
  const PlotAct *x = a, *y = b;

  if (x->holder != y->holder)
    return x->holder < y->holder ? -1 : 1;
  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
compare_acts_by_time (const void *a,
                      const void *b)
{
  const PlotAct *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static StanceStore *lane_store;

static int
lane_rank (guint8 polarity)
{
  return polarity == STANCE_POLARITY_POSITIVE ? 0 : polarity == STANCE_POLARITY_NEGATIVE ? 1 : 2;
}

static int
compare_lanes (const void *a,
               const void *b)
{
  const PlotLane *x = a, *y = b;

  if (lane_rank (x->last) != lane_rank (y->last))
    return lane_rank (x->last) - lane_rank (y->last);
  return strcmp (_stance_store_actor_id (lane_store, x->holder), _stance_store_actor_id (lane_store, y->holder));
}

static void
set_polarity_color (cairo_t *cr,
                    guint8   polarity,
                    double   alpha)
{
  if (polarity == STANCE_POLARITY_POSITIVE)
    cairo_set_source_rgba (cr, 0.18, 0.49, 0.20, alpha);
  else if (polarity == STANCE_POLARITY_NEGATIVE)
    cairo_set_source_rgba (cr, 0.78, 0.16, 0.16, alpha);
  else
    cairo_set_source_rgba (cr, 0.46, 0.46, 0.46, alpha);
}

static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text,
           double      align)  /* 0 left, 0.5 centre, 1 right */
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  cairo_move_to (cr, x - align * ext.x_advance, y);
  cairo_show_text (cr, text);
}

static char *
shorten (const char *text,
         glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, max - 1);

    return g_strconcat (head, "…", NULL);
  }
}

#define PLOT_WIDTH   960.0
#define PLOT_LEFT    230.0
#define PLOT_RIGHT   30.0
#define PLOT_TOP     64.0
#define PLOT_SUMMARY 90.0
#define PLOT_LANE    24.0
#define PLOT_BOTTOM  64.0

static void
draw (cairo_t     *cr,
      StanceStore *store,
      const char  *title,
      GArray      *acts,
      GArray      *lanes,
      double       height)
{
  double x0 = PLOT_LEFT, x1 = PLOT_WIDTH - PLOT_RIGHT;
  double lanes_top = PLOT_TOP + PLOT_SUMMARY + 16;
  gint64 t0 = G_MAXINT64, t1 = G_MININT64, span;
  g_autofree char *short_title = shorten (title, 110);
  guint n_holders = lanes->len;
  int max_count = 1;

  for (guint i = 0; i < acts->len; i++)
    {
      gint64 t = g_array_index (acts, PlotAct, i).time;

      t0 = MIN (t0, t);
      t1 = MAX (t1, t);
    }
  if (acts->len == 0)
    t0 = t1 = 0;
  span = MAX (t1 - t0, 86400);
  t0 -= span / 25;
  t1 += span / 25;
  span = t1 - t0;
#define X(t) (x0 + (x1 - x0) * (double) ((t) - t0) / (double) span)

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 15);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_text (cr, 16, 28, short_title, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  {
    g_autofree char *sub = g_strdup_printf ("%u holder%s, %u statement%s", n_holders, n_holders == 1 ? "" : "s",
                                            acts->len, acts->len == 1 ? "" : "s");

    cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
    draw_text (cr, 16, 46, sub, 0);
  }

  /* The camps over time: at each act, how many holders are for and
   * against; drawn as steps, for above the line and against below. */
  {
    g_autofree guint8 *current = g_new0 (guint8, _stance_store_n_actors (store) + 1);
    g_autofree PlotAct *sorted = g_memdup2 (acts->data, sizeof (PlotAct) * acts->len + 1);
    double mid = PLOT_TOP + PLOT_SUMMARY / 2;
    int counts[2] = { 0, 0 };
    g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (int) * 3);

    if (acts->len > 1)
      qsort (sorted, acts->len, sizeof (PlotAct), compare_acts_by_time);
    for (guint i = 0; i < acts->len; i++)
      {
        PlotAct *a = &sorted[i];
        int step[3];

        if (current[a->holder] == STANCE_POLARITY_POSITIVE + 1)
          counts[0]--;
        else if (current[a->holder] == STANCE_POLARITY_NEGATIVE + 1)
          counts[1]--;
        current[a->holder] = a->polarity + 1;
        if (a->polarity == STANCE_POLARITY_POSITIVE)
          counts[0]++;
        else if (a->polarity == STANCE_POLARITY_NEGATIVE)
          counts[1]++;
        max_count = MAX (max_count, MAX (counts[0], counts[1]));
        step[0] = i;
        step[1] = counts[0];
        step[2] = counts[1];
        g_array_append_vals (steps, step, 1);
      }
    for (guint side = 0; side < 2; side++)
      {
        double sign = side == 0 ? -1 : 1;

        set_polarity_color (cr, side == 0 ? STANCE_POLARITY_POSITIVE : STANCE_POLARITY_NEGATIVE, 0.55);
        cairo_move_to (cr, x0, mid);
        for (guint i = 0; i < steps->len; i++)
          {
            int *step = &g_array_index (steps, int, i * 3);
            double x = X (sorted[step[0]].time);
            double y = mid + sign * (PLOT_SUMMARY / 2 - 4) * step[1 + side] / max_count;

            {
              double cx, cy;

              cairo_get_current_point (cr, &cx, &cy);
              cairo_line_to (cr, x, cy);
              cairo_line_to (cr, x, y);
            }
          }
        {
          double cx, cy;

          cairo_get_current_point (cr, &cx, &cy);
          cairo_line_to (cr, x1, cy);
          cairo_line_to (cr, x1, mid);
        }
        cairo_close_path (cr);
        cairo_fill (cr);
      }
    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
    cairo_set_line_width (cr, 1);
    cairo_move_to (cr, x0, mid + 0.5);
    cairo_line_to (cr, x1, mid + 0.5);
    cairo_stroke (cr);
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    {
      g_autofree char *up = g_strdup_printf ("for (max %d)", max_count);

      draw_text (cr, x0 - 8, mid - 10, up, 1);
      draw_text (cr, x0 - 8, mid + 18, "against", 1);
    }
  }

  /* The lanes. */
  for (guint l = 0; l < lanes->len; l++)
    {
      PlotLane *lane = &g_array_index (lanes, PlotLane, l);
      double y = lanes_top + l * PLOT_LANE + PLOT_LANE / 2;
      g_autofree char *name = shorten (_stance_store_actor_name (store, lane->holder), 32);

      if (l % 2 == 0)
        {
          cairo_set_source_rgb (cr, 0.965, 0.965, 0.965);
          cairo_rectangle (cr, 8, y - PLOT_LANE / 2, PLOT_WIDTH - 16, PLOT_LANE);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      draw_text (cr, x0 - 10, y + 4, name, 1);

      for (guint k = 0; k < lane->n; k++)
        {
          PlotAct *a = &g_array_index (acts, PlotAct, lane->first + k);
          gint64 end = k + 1 < lane->n ? g_array_index (acts, PlotAct, lane->first + k + 1).time : t1;

          set_polarity_color (cr, a->polarity, a->polarity == STANCE_POLARITY_WITHDRAWAL ? 0.25 : 0.35);
          cairo_rectangle (cr, X (a->time), y - 6, MAX (X (end) - X (a->time), 1), 12);
          cairo_fill (cr);
        }
      for (guint k = 0; k < lane->n; k++)
        {
          PlotAct *a = &g_array_index (acts, PlotAct, lane->first + k);
          double x = X (a->time);

          set_polarity_color (cr, a->polarity, 1);
          if (a->polarity == STANCE_POLARITY_WITHDRAWAL)
            {
              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, x - 4, y - 4);
              cairo_line_to (cr, x + 4, y + 4);
              cairo_move_to (cr, x - 4, y + 4);
              cairo_line_to (cr, x + 4, y - 4);
              cairo_stroke (cr);
            }
          else
            {
              cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
              cairo_fill_preserve (cr);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
        }
    }

  /* The time axis. */
  {
    double ya = lanes_top + lanes->len * PLOT_LANE + 8;

    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    cairo_set_line_width (cr, 1);
    cairo_move_to (cr, x0, ya + 0.5);
    cairo_line_to (cr, x1, ya + 0.5);
    cairo_stroke (cr);
    for (guint k = 0; k <= 5; k++)
      {
        gint64 t = t0 + span * k / 5;
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
        g_autofree char *label = dt != NULL ? g_date_time_format (dt, span > 3 * 365 * 86400LL ? "%Y-%m" : "%Y-%m-%d")
                                            : g_strdup ("?");

        cairo_move_to (cr, X (t) + 0.5, ya);
        cairo_line_to (cr, X (t) + 0.5, ya + 5);
        cairo_stroke (cr);
        draw_text (cr, X (t), ya + 18, label, k == 0 ? 0 : k == 5 ? 1 : 0.5);
      }

    /* The legend. */
    {
      static const struct { guint8 polarity; const char *label; } items[] = {
        { STANCE_POLARITY_POSITIVE, "for" },
        { STANCE_POLARITY_NEGATIVE, "against" },
        { STANCE_POLARITY_WITHDRAWAL, "withdrawn" },
      };
      double lx = x0;

      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        {
          set_polarity_color (cr, items[i].polarity, 0.35);
          cairo_rectangle (cr, lx, ya + 32, 22, 10);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          draw_text (cr, lx + 28, ya + 41, items[i].label, 0);
          lx += 110;
        }
      draw_text (cr, lx, ya + 41, "● a statement   ✕ a withdrawal", 0);
    }
  }
  (void) height;
#undef X
}

int
tool_run_plot (const ToolCommand *command,
               int                argc,
               char             **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write the picture to FILE (.svg, or .png)", "FILE" },
    { NULL }
  };
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(GArray) acts = NULL;
  g_autoptr(GArray) lanes = NULL;
  StanceStore *store;
  StanceRef target;
  const char *title;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  gboolean png;
  int status = EXIT_INVALID;

  g_clear_pointer (&opt_output, g_free);
  tool_opt_json = FALSE;
  if (!tool_parse (command, entries, &argc, &argv, 2, 2))
    goto out;
  if (opt_output == NULL)
    {
      tool_error ("plot: give the picture's file with -o FILE.svg");
      goto out;
    }
  if (tool_opt_json)
    {
      tool_error ("plot: draws a picture; --json does not apply");
      goto out;
    }
  if ((graph = tool_load (argv[1])) == NULL)
    goto out;
  store = _stance_graph_get_store (graph);
  target = _stance_store_lookup (store, argv[2]);
  if (target == 0)
    {
      tool_error ("plot: unknown target '%s'", argv[2]);
      goto out;
    }
  title = stance_ref_sort (target) == STANCE_SORT_CLAIM ? _stance_store_claim_text (store, stance_ref_index (target))
        : stance_ref_sort (target) == STANCE_SORT_ACTOR ? _stance_store_actor_name (store, stance_ref_index (target))
        : argv[2];

  /* The holders' own acts on the target (SPEC §3), by holder and time. */
  acts = g_array_new (FALSE, FALSE, sizeof (PlotAct));
  for (guint32 s = 0; s < _stance_store_n_stances (store); s++)
    {
      PlotAct a;

      if (_stance_store_stance_target (store, s) != target || _stance_store_stance_is_removed (store, s) ||
          !_stance_store_stance_is_act (store, s))
        continue;
      a.holder = _stance_store_stance_holder (store, s);
      a.time = _stance_store_stance_time (store, s)->start;
      a.seq = s;
      a.polarity = _stance_store_stance_polarity (store, s);
      g_array_append_val (acts, a);
    }
  if (acts->len > 1)
    qsort (acts->data, acts->len, sizeof (PlotAct), compare_acts);
  lanes = g_array_new (FALSE, FALSE, sizeof (PlotLane));
  for (guint i = 0; i < acts->len; i++)
    {
      PlotAct *a = &g_array_index (acts, PlotAct, i);

      if (i == 0 || a->holder != g_array_index (acts, PlotAct, i - 1).holder)
        {
          PlotLane lane = { a->holder, i, 0, 0 };

          g_array_append_val (lanes, lane);
        }
      g_array_index (lanes, PlotLane, lanes->len - 1).n++;
      g_array_index (lanes, PlotLane, lanes->len - 1).last = a->polarity;
    }
  lane_store = store;
  if (lanes->len > 1)
    qsort (lanes->data, lanes->len, sizeof (PlotLane), compare_lanes);
  lane_store = NULL;

  height = PLOT_TOP + PLOT_SUMMARY + 16 + lanes->len * PLOT_LANE + PLOT_BOTTOM;
  png = g_str_has_suffix (opt_output, ".png");
  surface = png ? cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) PLOT_WIDTH, (int) ceil (height))
                : cairo_svg_surface_create (opt_output, PLOT_WIDTH, height);
  cr = cairo_create (surface);
  draw (cr, store, title, acts, lanes, height);
  cairo_destroy (cr);
  if (png)
    {
      if (cairo_surface_write_to_png (surface, opt_output) != CAIRO_STATUS_SUCCESS)
        {
          tool_error ("plot: could not write %s", opt_output);
          cairo_surface_destroy (surface);
          goto out;
        }
    }
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      tool_error ("plot: could not write %s: %s", opt_output, cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      goto out;
    }
  cairo_surface_destroy (surface);
  /* Drop cairo's font caches, so that memory checkers see only leaks. */
  cairo_debug_reset_static_data ();
  status = EXIT_SUCCESS;

out:
  g_clear_pointer (&opt_output, g_free);
  return status;
}
