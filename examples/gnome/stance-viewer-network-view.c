/* stance-viewer-network-view.c: the discourse network and a claim's camps over time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two pictures, drawn with cairo in GtkDrawingAreas from the library's
 * public API:
 *
 *  - the network: the one-mode "subtract" network of the speakers
 *    (agreement minus disagreement on the claims they share, as the
 *    Discourse Network Analyzer defines it), the speakers on a circle with
 *    each polarisation camp on its own side; ties green where agreement
 *    outweighs, red and dashed where disagreement does, wider as they weigh
 *    more;
 *  - the camps of the claim chosen above it: one lane per holder over time,
 *    a bar in the colour of the stance it holds from each act to the next
 *    (for, against, withdrawn) and a mark for each statement.
 */

#include <math.h>

#include "stance-viewer-network-view.h"

struct _StanceViewerNetworkView
{
  GtkBox          parent_instance;

  StanceGraph    *graph;
  StanceNetwork  *network;
  GHashTable     *camp;         /* holder id -> GINT_TO_POINTER (camp + 1) */
  double          score;
  GPtrArray      *claim_ids;    /* of the drop-down's entries */
  GtkStringList  *claim_texts;

  GtkWidget      *network_area;
  GtkWidget      *camps_area;
  GtkWidget      *claims;
  GtkLabel       *summary;
};

G_DEFINE_FINAL_TYPE (StanceViewerNetworkView, stance_viewer_network_view, GTK_TYPE_BOX)

/* The GNOME palette, as in viewer.css. */
static void
set_green (cairo_t *cr, double alpha) { cairo_set_source_rgba (cr, 0.18, 0.76, 0.49, alpha); }
static void
set_red (cairo_t *cr, double alpha) { cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, alpha); }
static void
set_grey (cairo_t *cr, double alpha) { cairo_set_source_rgba (cr, 0.47, 0.46, 0.48, alpha); }
static void
set_ink (cairo_t *cr) { cairo_set_source_rgb (cr, 0.14, 0.14, 0.16); }

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text,
           double      align)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  cairo_move_to (cr, x - align * ext.x_advance, y);
  cairo_show_text (cr, text);
}

static const char *
actor_name (StanceGraph *graph,
            const char  *id)
{
  g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

  /* The graph keeps its nodes' strings for its own life. */
  return node != NULL && STANCE_IS_ACTOR (node) ? stance_actor_get_name (STANCE_ACTOR (node)) : id;
}

static void
draw_network (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  StanceViewerNetworkView *self = user_data;
  const char * const *ids;
  guint n;
  double max = 0, cx = width / 2.0, cy = height / 2.0 + 6, rx = width / 2.0 - 210, ry = height / 2.0 - 40;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  guint side_count[2] = { 0, 0 }, side_seen[2] = { 0, 0 };

  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  if (self->network == NULL || stance_network_get_n_rows (self->network) == 0)
    {
      set_grey (cr, 1);
      show_text (cr, cx, cy, "No holder has taken a position yet", 0.5);
      return;
    }

  ids = stance_network_get_row_ids (self->network);
  n = stance_network_get_n_rows (self->network);
  x = g_new (double, n);
  y = g_new (double, n);

  /* Around an ellipse, camp 1 first and then camp 2, so that each camp is
   * one arc of it. */
  for (guint i = 0; i < n; i++)
    side_count[GPOINTER_TO_INT (g_hash_table_lookup (self->camp, ids[i])) == 2]++;
  for (guint i = 0; i < n; i++)
    {
      guint side = GPOINTER_TO_INT (g_hash_table_lookup (self->camp, ids[i])) == 2;
      guint slot = (side == 0 ? 0 : side_count[0]) + side_seen[side]++;
      double angle = G_PI / 2 + 2 * G_PI * (slot + 0.5) / n;

      x[i] = cx + rx * cos (angle);
      y[i] = cy - ry * sin (angle);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      max = MAX (max, fabs (stance_network_get_value (self->network, i, j)));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double v = stance_network_get_value (self->network, i, j);
        double dash[] = { 6, 4 };

        if (v == 0)
          continue;
        if (v > 0)
          set_green (cr, 0.85);
        else
          set_red (cr, 0.85);
        cairo_set_dash (cr, dash, v < 0 ? 2 : 0, 0);
        cairo_set_line_width (cr, 1.5 + 6 * fabs (v) / max);
        cairo_move_to (cr, x[i], y[i]);
        cairo_line_to (cr, x[j], y[j]);
        cairo_stroke (cr);
      }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      int camp = GPOINTER_TO_INT (g_hash_table_lookup (self->camp, ids[i]));
      gboolean left = x[i] < cx;

      if (camp == 1)
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      else if (camp == 2)
        cairo_set_source_rgb (cr, 0.96, 0.47, 0.00);
      else
        set_grey (cr, 1);
      cairo_new_path (cr);
      cairo_arc (cr, x[i], y[i], 9, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      set_ink (cr);
      show_text (cr, x[i] + (left ? -14 : 14), y[i] + 4, actor_name (self->graph, ids[i]), left ? 1 : 0);
    }
}

typedef struct
{
  gint64         time;
  StancePolarity polarity;
} Act;

static void
draw_camps (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  StanceViewerNetworkView *self = user_data;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->claims));
  g_autoptr(StanceNode) target = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 t0 = G_MAXINT64, t1 = G_MININT64, span;
  double left = 190, right = width - 24, lane_h;

  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  if (self->graph == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->claim_ids->len)
    return;
  target = stance_graph_lookup (self->graph, g_ptr_array_index (self->claim_ids, selected));
  if (target == NULL)
    return;

  /* Each holder's own acts on the claim, in order. */
  actors = stance_graph_get_actors (self->graph);
  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(StanceActor) actor = g_list_model_get_item (actors, a);
      g_autoptr(GListModel) timeline = stance_graph_get_timeline (self->graph, actor, target);
      GArray *acts = g_array_new (FALSE, FALSE, sizeof (Act));

      for (guint k = 0; k < g_list_model_get_n_items (timeline); k++)
        {
          g_autoptr(StanceEdge) edge = g_list_model_get_item (timeline, k);
          g_autoptr(StanceTime) time = stance_statement_dup_time (stance_edge_get_statement (edge));
          Act act = { stance_time_get_start (time), stance_edge_get_polarity (edge) };

          if (act.polarity == STANCE_POLARITY_NEUTRAL)
            continue;
          g_array_append_val (acts, act);
          t0 = MIN (t0, act.time);
          t1 = MAX (t1, act.time);
        }
      if (acts->len == 0)
        {
          g_array_unref (acts);
          continue;
        }
      g_ptr_array_add (lanes, acts);
      g_ptr_array_add (names, (gpointer) stance_actor_get_name (actor));
    }
  if (lanes->len == 0)
    {
      set_grey (cr, 1);
      show_text (cr, width / 2.0, 40, "Nobody took a position on this claim", 0.5);
      return;
    }
  span = MAX (t1 - t0, 86400);
  t0 -= span / 20;
  t1 += span / 20;
  span = t1 - t0;
  lane_h = MIN (30.0, (height - 50.0) / lanes->len);
#define X(t) (left + (right - left) * (double) ((t) - t0) / (double) span)

  for (guint l = 0; l < lanes->len; l++)
    {
      GArray *acts = g_ptr_array_index (lanes, l);
      double yc = 12 + l * lane_h + lane_h / 2;

      if (l % 2 == 0)
        {
          cairo_set_source_rgba (cr, 0.47, 0.46, 0.48, 0.07);
          cairo_rectangle (cr, 0, yc - lane_h / 2, width, lane_h);
          cairo_fill (cr);
        }
      set_ink (cr);
      show_text (cr, left - 12, yc + 4, g_ptr_array_index (names, l), 1);
      for (guint k = 0; k < acts->len; k++)
        {
          Act *act = &g_array_index (acts, Act, k);
          gint64 end = k + 1 < acts->len ? g_array_index (acts, Act, k + 1).time : t1;

          if (act->polarity == STANCE_POLARITY_POSITIVE)
            set_green (cr, 0.35);
          else if (act->polarity == STANCE_POLARITY_NEGATIVE)
            set_red (cr, 0.3);
          else
            set_grey (cr, 0.25);
          cairo_rectangle (cr, X (act->time), yc - 6, MAX (X (end) - X (act->time), 2), 12);
          cairo_fill (cr);
        }
      for (guint k = 0; k < acts->len; k++)
        {
          Act *act = &g_array_index (acts, Act, k);

          if (act->polarity == STANCE_POLARITY_POSITIVE)
            set_green (cr, 1);
          else if (act->polarity == STANCE_POLARITY_NEGATIVE)
            set_red (cr, 1);
          else
            set_grey (cr, 1);
          cairo_new_path (cr);
          cairo_arc (cr, X (act->time), yc, 5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The time axis, with five dates. */
  {
    double ya = 12 + lanes->len * lane_h + 8;

    set_grey (cr, 1);
    cairo_set_line_width (cr, 1);
    cairo_move_to (cr, left, ya + 0.5);
    cairo_line_to (cr, right, ya + 0.5);
    cairo_stroke (cr);
    for (guint k = 0; k <= 4; k++)
      {
        gint64 t = t0 + span * k / 4;
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
        g_autofree char *label = g_date_time_format (dt, span > 2 * 365 * 86400LL ? "%Y-%m" : "%Y-%m-%d");

        show_text (cr, X (t), ya + 16, label, k == 0 ? 0 : k == 4 ? 1 : 0.5);
      }
  }
#undef X
}

static void
claim_selected_cb (StanceViewerNetworkView *self)
{
  gtk_widget_queue_draw (self->camps_area);
}

static void
stance_viewer_network_view_dispose (GObject *object)
{
  StanceViewerNetworkView *self = STANCE_VIEWER_NETWORK_VIEW (object);

  g_clear_object (&self->network);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->camp, g_hash_table_unref);
  g_clear_pointer (&self->claim_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (stance_viewer_network_view_parent_class)->dispose (object);
}

static void
stance_viewer_network_view_class_init (StanceViewerNetworkViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stance_viewer_network_view_dispose;
}

static GtkWidget *
section_header (const char *title,
                GtkLabel  **detail)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (header, "pane-header");
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (header), label);
  if (detail != NULL)
    {
      *detail = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (*detail), "dim-label");
      gtk_label_set_ellipsize (*detail, PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (header), GTK_WIDGET (*detail));
    }
  return header;
}

static void
stance_viewer_network_view_init (StanceViewerNetworkView *self)
{
  GtkWidget *camps_header;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->camp = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->claim_ids = g_ptr_array_new_with_free_func (g_free);
  self->claim_texts = gtk_string_list_new (NULL);

  gtk_box_append (GTK_BOX (self), section_header ("Who Agrees with Whom", &self->summary));
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->network_area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->network_area, TRUE);
  gtk_widget_set_size_request (self->network_area, -1, 300);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->network_area), draw_network, self, NULL);
  gtk_box_append (GTK_BOX (self), self->network_area);

  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  camps_header = section_header ("Camps over Time", NULL);
  self->claims = gtk_drop_down_new (G_LIST_MODEL (self->claim_texts), NULL);
  gtk_widget_set_hexpand (self->claims, TRUE);
  gtk_widget_set_halign (self->claims, GTK_ALIGN_START);
  g_signal_connect_swapped (self->claims, "notify::selected", G_CALLBACK (claim_selected_cb), self);
  gtk_box_append (GTK_BOX (camps_header), self->claims);
  gtk_box_append (GTK_BOX (self), camps_header);
  self->camps_area = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->camps_area, -1, 230);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->camps_area), draw_camps, self, NULL);
  gtk_box_append (GTK_BOX (self), self->camps_area);
}

GtkWidget *
stance_viewer_network_view_new (void)
{
  return g_object_new (STANCE_VIEWER_TYPE_NETWORK_VIEW, NULL);
}

/* Recomputes the network, the camps and the list of claims; keeps the
 * chosen claim, or chooses the one with the most stances. */
void
stance_viewer_network_view_set_graph (StanceViewerNetworkView *self,
                                      StanceGraph             *graph)
{
  g_autoptr(StanceNetworkOptions) options = stance_network_options_new ();
  g_autoptr(StancePolarization) polarization = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->claims)), best = 0, best_count = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->claim_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->claim_ids, selected));
  g_set_object (&self->graph, graph);
  g_clear_object (&self->network);
  g_hash_table_remove_all (self->camp);

  stance_network_options_set_mode (options, STANCE_NETWORK_MODE_ONEMODE);
  stance_network_options_set_aggregation (options, STANCE_NETWORK_AGGREGATION_SUBTRACT);
  self->network = stance_network_new (graph, options, &error);
  stance_network_options_set_normalization (options, STANCE_NETWORK_NORMALIZATION_AVERAGE);
  polarization = self->network != NULL ? stance_polarization_new (graph, options, &error) : NULL;
  if (polarization != NULL)
    {
      g_autofree char *summary = NULL;

      for (guint k = 0; k < 2; k++)
        {
          const char * const *camp = stance_polarization_get_camp (polarization, k);

          for (guint i = 0; camp[i] != NULL; i++)
            g_hash_table_insert (self->camp, g_strdup (camp[i]), GINT_TO_POINTER (k + 1));
        }
      self->score = stance_polarization_get_score (polarization);
      summary = g_strdup_printf ("%u speakers, %u positions · green agrees, red disagrees · "
                                 "polarisation %.2f, camps in blue and orange",
                                 stance_network_get_n_rows (self->network),
                                 stance_network_get_n_stances (self->network), self->score);
      gtk_label_set_text (self->summary, summary);
    }
  else if (error != NULL)
    gtk_label_set_text (self->summary, error->message);

  /* How many positions each target has: the two-mode network's columns. */
  {
    g_autoptr(StanceNetworkOptions) twomode = stance_network_options_new ();
    g_autoptr(StanceNetwork) network = stance_network_new (graph, twomode, NULL);

    for (guint c = 0; network != NULL && c < stance_network_get_n_cols (network); c++)
      {
        guint count = 0;

        for (guint r = 0; r < stance_network_get_n_rows (network); r++)
          count += (guint) stance_network_get_value (network, r, c);
        g_hash_table_insert (positions, g_strdup (stance_network_get_col_ids (network)[c]), GUINT_TO_POINTER (count));
      }
  }

  /* The claims, in the graph's order. */
  g_ptr_array_set_size (self->claim_ids, 0);
  gtk_string_list_splice (self->claim_texts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->claim_texts)), NULL);
  claims = stance_graph_get_claims (graph);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(StanceNode) claim = g_list_model_get_item (claims, i);
      const char *id = stance_node_get_id (claim);
      g_autofree char *text = g_strdup (stance_claim_get_text (STANCE_CLAIM (claim)));

      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (positions, id));

      if (g_utf8_strlen (text, -1) > 70)
        {
          g_autofree char *head = g_utf8_substring (text, 0, 69);

          g_free (text);
          text = g_strconcat (head, "…", NULL);
        }
      g_ptr_array_add (self->claim_ids, g_strdup (id));
      gtk_string_list_append (self->claim_texts, text);
      if (chosen != NULL ? strcmp (chosen, id) == 0 : count > best_count)
        {
          best = i;
          best_count = MAX (count, 1);
        }
    }
  if (self->claim_ids->len > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->claims), best);

  gtk_widget_queue_draw (self->network_area);
  gtk_widget_queue_draw (self->camps_area);
}

GtkWidget *
stance_viewer_network_view_get_network_area (StanceViewerNetworkView *self)
{
  return self->network_area;
}
