/* stance-viewer-contradiction-row.c: one contradiction, its two statements side by side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A header — the kind of contradiction, styled; the target; the holder or
 * holders — over two cards, one per statement behind it: time, speaker, the
 * kind of the stance that contradicts, and the words.
 */

#include "stance-viewer-contradiction-row.h"
#include "stance-viewer-util.h"

typedef struct
{
  GtkWidget *card;
  GtkLabel  *time;
  GtkLabel  *speaker;
  GtkBox    *chip;
  GtkLabel  *attribution;
  GtkLabel  *words;
} Card;

struct _StanceViewerContradictionRow
{
  GtkBox                parent_instance;

  StanceContradiction  *contradiction;

  GtkLabel             *kind;
  GtkWidget            *new_chip;
  GtkLabel             *target;
  GtkLabel             *holders;
  GtkLabel             *connector;
  Card                  cards[2];
};

G_DEFINE_FINAL_TYPE (StanceViewerContradictionRow, stance_viewer_contradiction_row, GTK_TYPE_BOX)

static const char * const kind_classes[] = {
  "reversal", "inconsistency", "conflict", "disputed-attribution",
};

static void
set_card (Card       *card,
          StanceEdge *edge)
{
  StanceStatement *statement = stance_edge_get_statement (edge);
  g_autofree char *time = stance_viewer_statement_dup_time_label (statement);
  const char *words;
  gboolean is_note;

  gtk_label_set_text (card->time, time);
  gtk_label_set_text (card->speaker, stance_actor_get_name (stance_statement_get_speaker (statement)));

  stance_viewer_box_remove_all (card->chip);
  gtk_box_append (card->chip, stance_viewer_edge_chip_new (edge));

  if (stance_edge_is_attributed (edge))
    {
      g_autofree char *text = g_strdup_printf ("attributed to %s", stance_actor_get_name (stance_edge_get_holder (edge)));

      gtk_label_set_text (card->attribution, text);
      gtk_widget_set_visible (GTK_WIDGET (card->attribution), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (card->attribution), FALSE);

  words = stance_viewer_statement_get_words (statement, &is_note);
  gtk_label_set_text (card->words, words != NULL ? words : "No words recorded");
  if (words == NULL || is_note)
    gtk_widget_add_css_class (GTK_WIDGET (card->words), "note");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (card->words), "note");
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->words), words);
}

void
stance_viewer_contradiction_row_set_contradiction (StanceViewerContradictionRow *self,
                                                   StanceContradiction          *contradiction,
                                                   gboolean                      is_new)
{
  StanceContradictionKind kind;
  g_autofree char *kind_label = NULL;
  g_autofree char *target = NULL;
  g_autofree char *on_target = NULL;
  g_autofree char *holders = NULL;
  g_autofree char *description = NULL;
  const char *holder;

  g_return_if_fail (STANCE_VIEWER_IS_CONTRADICTION_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind), kind_classes[i]);
  gtk_widget_set_visible (self->new_chip, is_new && contradiction != NULL);
  if (is_new)
    gtk_widget_add_css_class (GTK_WIDGET (self), "new");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "new");

  g_set_object (&self->contradiction, contradiction);
  if (contradiction == NULL)
    return;

  kind = stance_contradiction_get_kind (contradiction);
  kind_label = g_strdelimit (g_strdup (stance_contradiction_kind_to_string (kind)), "-", ' ');
  gtk_label_set_text (self->kind, kind_label);
  if ((guint) kind < G_N_ELEMENTS (kind_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->kind), kind_classes[kind]);

  target = stance_viewer_node_dup_label (stance_contradiction_get_target (contradiction));
  on_target = g_strdup_printf ("on “%s”", target);
  gtk_label_set_text (self->target, on_target);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target), target);

  holder = stance_actor_get_name (stance_contradiction_get_holder (contradiction));
  switch (kind)
    {
    case STANCE_CONTRADICTION_KIND_CONFLICT:
      holders = g_strdup_printf ("%s vs. %s", holder,
                                 stance_actor_get_name (stance_contradiction_get_other_holder (contradiction)));
      gtk_label_set_text (self->connector, "vs.");
      break;
    case STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION:
      holders = g_strdup_printf ("%s, as told by %s", holder,
                                 stance_actor_get_name (stance_contradiction_get_attributed_by (contradiction)));
      gtk_label_set_text (self->connector, "but");
      break;
    case STANCE_CONTRADICTION_KIND_INCONSISTENCY:
      holders = g_strdup (holder);
      gtk_label_set_text (self->connector, "≠");
      break;
    case STANCE_CONTRADICTION_KIND_REVERSAL:
    default:
      holders = g_strdup (holder);
      gtk_label_set_text (self->connector, "→");
      break;
    }
  gtk_label_set_text (self->holders, holders);

  set_card (&self->cards[0], stance_contradiction_get_first (contradiction));
  set_card (&self->cards[1], stance_contradiction_get_second (contradiction));

  /* The line `stance check` prints, for the whole story in one place. */
  description = stance_contradiction_describe (contradiction);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind), description);
}

static void
card_init (Card *card)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  card->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (card->card, "statement-card");
  gtk_widget_set_hexpand (card->card, TRUE);

  card->time = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (card->time), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (card->time), "dim-label");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (card->time));

  card->speaker = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->speaker, 0);
  gtk_label_set_ellipsize (card->speaker, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (card->speaker), "heading");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (card->speaker));

  card->chip = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_set_hexpand (GTK_WIDGET (card->chip), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (card->chip), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (card->chip));
  gtk_box_append (GTK_BOX (card->card), line);

  card->attribution = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->attribution, 0);
  gtk_label_set_ellipsize (card->attribution, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (card->attribution), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (card->attribution), "dim-label");
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->attribution));

  card->words = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->words, 0);
  gtk_label_set_yalign (card->words, 0);
  gtk_label_set_wrap (card->words, TRUE);
  gtk_label_set_wrap_mode (card->words, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (card->words, 3);
  gtk_label_set_ellipsize (card->words, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (card->words, 16);
  gtk_label_set_max_width_chars (card->words, 40);
  gtk_widget_set_vexpand (GTK_WIDGET (card->words), TRUE);
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->words));
}

static void
stance_viewer_contradiction_row_dispose (GObject *object)
{
  StanceViewerContradictionRow *self = STANCE_VIEWER_CONTRADICTION_ROW (object);

  g_clear_object (&self->contradiction);

  G_OBJECT_CLASS (stance_viewer_contradiction_row_parent_class)->dispose (object);
}

static void
stance_viewer_contradiction_row_class_init (StanceViewerContradictionRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stance_viewer_contradiction_row_dispose;
}

static void
stance_viewer_contradiction_row_init (StanceViewerContradictionRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkSizeGroup *same_width = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "contradiction-row");

  self->kind = GTK_LABEL (stance_viewer_chip_new (NULL, "kind"));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->kind));

  self->new_chip = stance_viewer_chip_new ("new", "new");
  gtk_widget_set_tooltip_text (self->new_chip, "Found after the last stance was added");
  gtk_widget_set_visible (self->new_chip, FALSE);
  gtk_box_append (GTK_BOX (header), self->new_chip);

  /* Who, then what about: the holder(s) beside the kind, the target under. */
  self->holders = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->holders, 0);
  gtk_label_set_ellipsize (self->holders, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->holders), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->holders), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->holders));
  gtk_box_append (GTK_BOX (self), header);

  self->target = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->target, 0);
  gtk_label_set_ellipsize (self->target, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->target), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->target), "target");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->target));

  /* The two statements, equally wide, with what joins them between. */
  card_init (&self->cards[0]);
  card_init (&self->cards[1]);
  self->connector = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->connector), "connector");
  gtk_widget_add_css_class (GTK_WIDGET (self->connector), "dim-label");
  gtk_label_set_width_chars (self->connector, 3);
  gtk_box_append (GTK_BOX (pair), self->cards[0].card);
  gtk_box_append (GTK_BOX (pair), GTK_WIDGET (self->connector));
  gtk_box_append (GTK_BOX (pair), self->cards[1].card);
  gtk_widget_set_margin_top (pair, 8);
  gtk_box_append (GTK_BOX (self), pair);

  /* The widgets keep the group. */
  gtk_size_group_add_widget (same_width, self->cards[0].card);
  gtk_size_group_add_widget (same_width, self->cards[1].card);
  g_object_unref (same_width);
}

GtkWidget *
stance_viewer_contradiction_row_new (void)
{
  return g_object_new (STANCE_VIEWER_TYPE_CONTRADICTION_ROW, NULL);
}
