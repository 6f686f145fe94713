/* stance-viewer-statement-row.c: one statement on the timeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shows when a statement was made, who made it, the kinds of the stances
 * it takes (coloured by polarity; attributed ones outlined) and its words,
 * ellipsized.  A row is recycled by its list view: set_statement() binds it
 * to another statement, or to none.
 */

#include "stance-viewer-statement-row.h"
#include "stance-viewer-util.h"

/* Beyond this many kinds a row shows "+N" with the rest in its tooltip. */
#define MAX_CHIPS 2

struct _StanceViewerStatementRow
{
  GtkBox           parent_instance;

  StanceStatement *statement;
  gulong           stance_added_id;

  GtkLabel        *time;
  GtkLabel        *speaker;
  GtkBox          *chips;
  GtkLabel        *words;
};

G_DEFINE_FINAL_TYPE (StanceViewerStatementRow, stance_viewer_statement_row, GTK_TYPE_BOX)

static gboolean
same_chip (StanceEdge *a,
           StanceEdge *b)
{
  return g_str_equal (stance_edge_get_kind (a), stance_edge_get_kind (b)) &&
         stance_edge_is_attributed (a) == stance_edge_is_attributed (b);
}

/* The statement's stances, one chip per kind: its speaker's own first, then
 * the attributed ones, each in document order. */
static void
update_chips (StanceViewerStatementRow *self)
{
  g_autoptr(GPtrArray) stances = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GString) rest = g_string_new (NULL);
  guint n_rest = 0;

  stance_viewer_box_remove_all (self->chips);
  if (self->statement == NULL)
    return;

  stances = stance_statement_dup_stances (self->statement);
  for (int attributed = 0; attributed <= 1; attributed++)
    {
      for (guint i = 0; i < stances->len; i++)
        {
          StanceEdge *edge = g_ptr_array_index (stances, i);
          gboolean seen = FALSE;

          if (stance_edge_is_attributed (edge) != attributed)
            continue;
          for (guint j = 0; j < shown->len && !seen; j++)
            seen = same_chip (edge, g_ptr_array_index (shown, j));
          if (seen)
            continue;

          g_ptr_array_add (shown, edge);
          if (shown->len <= MAX_CHIPS)
            gtk_box_append (self->chips, stance_viewer_edge_chip_new (edge));
          else
            {
              g_string_append_printf (rest, "%s%s%s", n_rest > 0 ? ", " : "", stance_edge_get_kind (edge),
                                      attributed ? " (attributed)" : "");
              n_rest++;
            }
        }
    }

  if (n_rest > 0)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n_rest);
      GtkWidget *chip = stance_viewer_chip_new (more, "more");

      gtk_widget_set_tooltip_text (chip, rest->str);
      gtk_box_append (self->chips, chip);
    }
}

static void
stance_added_cb (StanceGraph              *graph,
                 StanceEdge               *edge,
                 StanceViewerStatementRow *self)
{
  if (stance_edge_get_statement (edge) == self->statement)
    update_chips (self);
}

static void
update (StanceViewerStatementRow *self)
{
  g_autofree char *time = NULL;
  const char *words;
  gboolean is_note;

  if (self->statement == NULL)
    {
      gtk_label_set_text (self->time, "");
      gtk_label_set_text (self->speaker, "");
      gtk_label_set_text (self->words, "");
      update_chips (self);
      return;
    }

  time = stance_viewer_statement_dup_time_label (self->statement);
  gtk_label_set_text (self->time, time);
  gtk_label_set_text (self->speaker, stance_actor_get_name (stance_statement_get_speaker (self->statement)));

  words = stance_viewer_statement_get_words (self->statement, &is_note);
  gtk_label_set_text (self->words, words != NULL ? words : "No words recorded");
  if (words == NULL || is_note)
    gtk_widget_add_css_class (GTK_WIDGET (self->words), "note");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->words), "note");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->words),
                               is_note ? "Not the speaker’s words: the document’s note on its sources" : words);

  update_chips (self);
}

void
stance_viewer_statement_row_set_statement (StanceViewerStatementRow *self,
                                           StanceStatement          *statement)
{
  g_return_if_fail (STANCE_VIEWER_IS_STATEMENT_ROW (self));
  g_return_if_fail (statement == NULL || STANCE_IS_STATEMENT (statement));

  if (self->statement == statement)
    return;

  if (self->statement != NULL)
    g_clear_signal_handler (&self->stance_added_id, stance_node_get_graph (STANCE_NODE (self->statement)));
  g_set_object (&self->statement, statement);

  /* A stance added to this statement later must show here too. */
  if (statement != NULL)
    self->stance_added_id = g_signal_connect_object (stance_node_get_graph (STANCE_NODE (statement)), "stance-added",
                                                     G_CALLBACK (stance_added_cb), self, 0);

  update (self);
}

static void
stance_viewer_statement_row_dispose (GObject *object)
{
  StanceViewerStatementRow *self = STANCE_VIEWER_STATEMENT_ROW (object);

  stance_viewer_statement_row_set_statement (self, NULL);

  G_OBJECT_CLASS (stance_viewer_statement_row_parent_class)->dispose (object);
}

static void
stance_viewer_statement_row_class_init (StanceViewerStatementRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stance_viewer_statement_row_dispose;
}

static void
stance_viewer_statement_row_init (StanceViewerStatementRow *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "statement-row");

  self->time = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->time, 0);
  gtk_label_set_width_chars (self->time, 10);
  gtk_label_set_max_width_chars (self->time, 10);
  gtk_label_set_wrap (self->time, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->time), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->time), "time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->time), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->time));

  self->speaker = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->speaker, 0);
  gtk_label_set_ellipsize (self->speaker, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->speaker), "heading");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->speaker));

  self->chips = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->chips));
  gtk_box_append (GTK_BOX (column), line);

  self->words = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->words, 0);
  gtk_label_set_wrap (self->words, TRUE);
  gtk_label_set_wrap_mode (self->words, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->words, 2);
  gtk_label_set_ellipsize (self->words, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->words, 20);
  gtk_label_set_max_width_chars (self->words, 60);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->words));

  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (self), column);
}

GtkWidget *
stance_viewer_statement_row_new (void)
{
  return g_object_new (STANCE_VIEWER_TYPE_STATEMENT_ROW, NULL);
}
