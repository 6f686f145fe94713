/* stance-viewer-add-dialog.c: "Add stance": a new statement that takes one stance
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Asks for a speaker, a time, the words, a stance kind, a target and whose
 * stance it is, and adds them to the graph through the API.  The dialog
 * does not tell the window: the window hears the graph's ::stance-added,
 * as it would hear any other edit.
 */

#include "stance-viewer-add-dialog.h"
#include "stance-viewer-util.h"

struct _StanceViewerAddDialog
{
  GtkWindow    parent_instance;

  StanceGraph *graph;

  GtkDropDown *speaker;
  GtkEntry    *time;
  GtkEntry    *words;
  GtkDropDown *kind;
  GtkDropDown *target;
  GtkDropDown *holder;
  GtkLabel    *error;
};

G_DEFINE_FINAL_TYPE (StanceViewerAddDialog, stance_viewer_add_dialog, GTK_TYPE_WINDOW)

/* One factory for every drop-down: nodes by their label, strings as they
 * are, ellipsized so that a long claim does not widen the dialog. */
static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (STANCE_IS_NODE (object))
    {
      g_autofree char *text = stance_viewer_node_dup_label (STANCE_NODE (object));

      gtk_label_set_text (label, text);
    }
  else if (GTK_IS_STRING_OBJECT (object))
    gtk_label_set_text (label, gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
}

static char *
dup_item_label (GObject  *object,
                gpointer  user_data)
{
  if (STANCE_IS_NODE (object))
    return stance_viewer_node_dup_label (STANCE_NODE (object));
  if (GTK_IS_STRING_OBJECT (object))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  return g_strdup ("");
}

static GtkDropDown *
drop_down_new (GListModel *model)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (dup_item_label), NULL, NULL);
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (model, expression));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_enable_search (drop_down, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (drop_down), TRUE);
  g_object_unref (factory);

  return drop_down;
}

static void
show_error (StanceViewerAddDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
}

static void
add_clicked_cb (StanceViewerAddDialog *self)
{
  StanceActor *speaker = gtk_drop_down_get_selected_item (self->speaker);
  GtkStringObject *kind = gtk_drop_down_get_selected_item (self->kind);
  StanceNode *target = gtk_drop_down_get_selected_item (self->target);
  GObject *holder = gtk_drop_down_get_selected_item (self->holder);
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time));
  g_autoptr(StanceStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  if (speaker == NULL || kind == NULL || target == NULL)
    {
      show_error (self, "Choose a speaker, a kind and a target.");
      return;
    }
  if (*time == '\0')
    {
      show_error (self, "Give the statement’s time, such as 2017-07-11.");
      gtk_widget_grab_focus (GTK_WIDGET (self->time));
      return;
    }

  statement = stance_viewer_add_statement (self->graph, speaker, time,
                                           gtk_editable_get_text (GTK_EDITABLE (self->words)),
                                           gtk_string_object_get_string (kind), target,
                                           STANCE_IS_ACTOR (holder) ? STANCE_ACTOR (holder) : NULL, &error);
  if (statement == NULL)
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
attach_row (GtkGrid    *grid,
            int         row,
            const char *title,
            GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static void
stance_viewer_add_dialog_dispose (GObject *object)
{
  StanceViewerAddDialog *self = STANCE_VIEWER_ADD_DIALOG (object);

  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_viewer_add_dialog_parent_class)->dispose (object);
}

static void
stance_viewer_add_dialog_class_init (StanceViewerAddDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stance_viewer_add_dialog_dispose;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stance_viewer_add_dialog_init (StanceViewerAddDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), "Add Stance");
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

GtkWidget *
stance_viewer_add_dialog_new (GtkWindow   *parent,
                              StanceGraph *graph)
{
  StanceViewerAddDialog *self = g_object_new (STANCE_VIEWER_TYPE_ADD_DIALOG,
                                              "transient-for", parent, NULL);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic ("_Cancel");
  GtkWidget *add = gtk_button_new_with_mnemonic ("_Add");
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_auto(GStrv) kinds = stance_graph_dup_kinds (graph);
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  GListStore *holders = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkStringObject) speaker_itself = gtk_string_object_new ("The speaker");

  self->graph = g_object_ref (graph);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), add);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), add);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);

  /* Whose stance: the speaker's own, or one the speaker attributes. */
  g_list_store_append (holders, speaker_itself);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(GObject) actor = g_list_model_get_item (actors, i);

      g_list_store_append (holders, actor);
    }

  self->speaker = drop_down_new (g_object_ref (actors));
  self->time = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->time, "2017-07-11, 2017-07 or 2017-07-11T09:30Z");
  gtk_entry_set_activates_default (self->time, TRUE);
  self->words = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->words, "What was said (optional)");
  gtk_entry_set_activates_default (self->words, TRUE);
  self->kind = drop_down_new (G_LIST_MODEL (gtk_string_list_new ((const char * const *) kinds)));
  self->target = drop_down_new (stance_graph_get_claims (graph));
  self->holder = drop_down_new (G_LIST_MODEL (holders));

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 12);
  attach_row (grid, 0, "_Speaker", GTK_WIDGET (self->speaker));
  attach_row (grid, 1, "_Time", GTK_WIDGET (self->time));
  attach_row (grid, 2, "_Words", GTK_WIDGET (self->words));
  attach_row (grid, 3, "_Kind", GTK_WIDGET (self->kind));
  attach_row (grid, 4, "T_arget", GTK_WIDGET (self->target));
  attach_row (grid, 5, "_Held by", GTK_WIDGET (self->holder));

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_window_set_child (GTK_WINDOW (self), box);

  return GTK_WIDGET (self);
}
