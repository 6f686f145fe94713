/* stance-viewer-window.c: a stance document: its timeline and its contradictions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The window loads a document without blocking (a spinner meanwhile, the
 * loader's message on error) and then shows, side by side:
 *
 *  - the timeline: the graph's live list of statements, sorted by time in
 *    a GtkSortListModel, so that a statement added later takes its place;
 *  - the contradictions: the graph's live contradictions model, which the
 *    library keeps current as stances are added; those that appear after
 *    the document was opened are marked "new".
 */

#include "stance-viewer-window.h"
#include "stance-viewer-add-dialog.h"
#include "stance-viewer-contradiction-row.h"
#include "stance-viewer-network-view.h"
#include "stance-viewer-statement-row.h"

struct _StanceViewerWindow
{
#ifdef HAVE_ADWAITA
  AdwApplicationWindow  parent_instance;
#else
  GtkApplicationWindow  parent_instance;
#endif

  StanceGraph          *graph;
  GFile                *file;
  GCancellable         *cancellable;
  gulong                stance_added_id;
  gulong                node_added_id;
  gulong                appeared_id;
  guint                 edit_done_id;

  /* The contradictions that appeared since the document was opened, and
   * how many of them the edit under way brought. */
  GHashTable           *fresh;   /* StanceContradiction * set */
  guint                 edit_fresh;
  guint                 first_fresh;

  GtkSortListModel     *timeline;
  GListModel           *contradictions;  /* the live model, or an empty store */
  GtkNoSelection       *contradictions_selection;

  GtkWidget            *title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkWidget            *loading_page;
  GtkWidget            *error_page;
  GtkLabel             *error_message;
  GtkWidget            *timeline_view;
  GtkWidget            *contradictions_view;
  GtkLabel             *timeline_count;
  GtkLabel             *contradictions_count;
  GtkStack             *pages;           /* the statements, or the network */
  GtkWidget            *network_view;
#ifdef HAVE_ADWAITA
  AdwToastOverlay      *toasts;
#endif
};

#ifdef HAVE_ADWAITA
G_DEFINE_FINAL_TYPE (StanceViewerWindow, stance_viewer_window, ADW_TYPE_APPLICATION_WINDOW)
#else
G_DEFINE_FINAL_TYPE (StanceViewerWindow, stance_viewer_window, GTK_TYPE_APPLICATION_WINDOW)
#endif

enum {
  LOAD_FINISHED,
  CONTRADICTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Title and subtitle: AdwWindowTitle, or two labels as GTK's own header
 * bar draws them. */

static GtkWidget *
window_title_new (void)
{
#ifdef HAVE_ADWAITA
  return adw_window_title_new ("Stance Viewer", NULL);
#else
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new ("Stance Viewer");
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title, "title");
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (subtitle, FALSE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  return box;
#endif
}

static void
set_titles (StanceViewerWindow *self,
            const char         *title,
            const char         *subtitle)
{
#ifdef HAVE_ADWAITA
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), subtitle);
#else
  GtkWidget *label = gtk_widget_get_first_child (self->title);

  gtk_label_set_text (GTK_LABEL (label), title);
  label = gtk_widget_get_next_sibling (label);
  gtk_label_set_text (GTK_LABEL (label), subtitle);
  gtk_widget_set_visible (label, subtitle != NULL && *subtitle != '\0');
#endif
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* A page that says what there is to say when there is no document to show:
 * AdwStatusPage, or an icon and a title over @child. */

static GtkWidget *
status_page_new (const char *icon_name,
                 const char *title,
                 GtkWidget  *child)
{
#ifdef HAVE_ADWAITA
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), child);
  return page;
#else
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_valign (page, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (page, 36);
  gtk_widget_set_margin_end (page, 36);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_box_append (GTK_BOX (page), icon);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (page), label);
  g_object_set_data (G_OBJECT (page), "title-label", label);
  if (child != NULL)
    gtk_box_append (GTK_BOX (page), child);
  return page;
#endif
}

static void
status_page_set_title (GtkWidget  *page,
                       const char *title)
{
#ifdef HAVE_ADWAITA
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
#else
  gtk_label_set_text (g_object_get_data (G_OBJECT (page), "title-label"), title);
#endif
}

static void
show_toast (StanceViewerWindow *self,
            const char         *text)
{
#ifdef HAVE_ADWAITA
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
#endif
}

/* The timeline: statements by time.  The sort is stable, so statements of
 * the same time keep their graph order, as acts do. */

static int
compare_statement_times (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  g_autoptr(StanceTime) time_a = stance_statement_dup_time ((StanceStatement *) a);
  g_autoptr(StanceTime) time_b = stance_statement_dup_time ((StanceStatement *) b);

  return stance_time_compare (time_a, time_b);
}

static void
setup_statement_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gtk_list_item_set_child (item, stance_viewer_statement_row_new ());
}

static void
bind_statement_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  stance_viewer_statement_row_set_statement (STANCE_VIEWER_STATEMENT_ROW (gtk_list_item_get_child (item)),
                                             gtk_list_item_get_item (item));
}

static void
unbind_statement_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  stance_viewer_statement_row_set_statement (STANCE_VIEWER_STATEMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_contradiction_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  gtk_list_item_set_child (item, stance_viewer_contradiction_row_new ());
}

static void
bind_contradiction_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       StanceViewerWindow       *self)
{
  gpointer contradiction = gtk_list_item_get_item (item);

  stance_viewer_contradiction_row_set_contradiction (STANCE_VIEWER_CONTRADICTION_ROW (gtk_list_item_get_child (item)),
                                                     contradiction,
                                                     g_hash_table_contains (self->fresh, contradiction));
}

static void
unbind_contradiction_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  stance_viewer_contradiction_row_set_contradiction (STANCE_VIEWER_CONTRADICTION_ROW (gtk_list_item_get_child (item)),
                                                     NULL, FALSE);
}

static void
update_counts (StanceViewerWindow *self)
{
  guint n_statements = stance_graph_get_n_statements (self->graph);
  guint n_contradictions = g_list_model_get_n_items (self->contradictions);
  g_autofree char *statements = g_strdup_printf ("%u statement%s, by time", n_statements,
                                                 n_statements == 1 ? "" : "s");
  g_autofree char *contradictions = g_strdup_printf ("%u found", n_contradictions);
  g_autofree char *title = g_file_get_basename (self->file);
  g_autofree char *subtitle = g_strdup_printf ("%u statements · %u contradiction%s", n_statements,
                                               n_contradictions, n_contradictions == 1 ? "" : "s");

  gtk_label_set_text (self->timeline_count, statements);
  gtk_label_set_text (self->contradictions_count, contradictions);
  set_titles (self, title, subtitle);
}

/* The live model tells us what changed as it changes; this runs first
 * (connected before the view's model), so that rows are bound already
 * knowing which items are new. */
static void
contradictions_changed_cb (GListModel         *model,
                           guint               position,
                           guint               removed,
                           guint               added,
                           StanceViewerWindow *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(StanceContradiction) contradiction = g_list_model_get_item (model, i);

      /* The set holds its own reference: the item may leave the model. */
      g_hash_table_add (self->fresh, g_object_ref (contradiction));
      self->edit_fresh++;
      self->first_fresh = MIN (self->first_fresh, i);
    }
}

/* An edit comes one call at a time (a statement, then its stance): report
 * on it once, when it is over. */
static gboolean
edit_done_cb (gpointer user_data)
{
  StanceViewerWindow *self = user_data;
  guint n = g_list_model_get_n_items (self->contradictions);

  self->edit_done_id = 0;
  update_counts (self);

  /* Show what it brought, marked "new", or say that it brought nothing. */
  if (self->edit_fresh > 0)
    gtk_widget_activate_action (self->contradictions_view, "list.scroll-to-item", "u", self->first_fresh);
  else
    show_toast (self, "No new contradictions");

  stance_viewer_network_view_set_graph (STANCE_VIEWER_NETWORK_VIEW (self->network_view), self->graph);
  g_signal_emit (self, signals[CONTRADICTIONS_CHANGED], 0, n, self->edit_fresh);
  self->edit_fresh = 0;
  self->first_fresh = G_MAXUINT;

  return G_SOURCE_REMOVE;
}

static void
graph_changed_cb (StanceViewerWindow *self)
{
  if (self->edit_done_id == 0)
    self->edit_done_id = g_idle_add (edit_done_cb, self);
}

static void
set_contradictions (StanceViewerWindow *self,
                    GListModel         *model)
{
  if (self->appeared_id != 0)
    g_clear_signal_handler (&self->appeared_id, self->contradictions);
  g_set_object (&self->contradictions, model);
  gtk_no_selection_set_model (self->contradictions_selection, model);
}

static void
disconnect_graph (StanceViewerWindow *self)
{
  g_clear_handle_id (&self->edit_done_id, g_source_remove);
  if (self->graph != NULL)
    {
      g_clear_signal_handler (&self->stance_added_id, self->graph);
      g_clear_signal_handler (&self->node_added_id, self->graph);
    }
}

static void
set_graph (StanceViewerWindow *self,
           StanceGraph        *graph)
{
  g_autoptr(GListModel) statements = NULL;

  disconnect_graph (self);
  g_set_object (&self->graph, graph);

  statements = stance_graph_get_statements (graph);
  gtk_sort_list_model_set_model (self->timeline, statements);
  {
    g_autoptr(GListModel) empty = G_LIST_MODEL (g_list_store_new (STANCE_TYPE_CONTRADICTION));

    set_contradictions (self, empty);
  }
  g_hash_table_remove_all (self->fresh);
  self->edit_fresh = 0;
  self->first_fresh = G_MAXUINT;
}

static void
set_add_enabled (StanceViewerWindow *self,
                 gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-stance");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StanceViewerWindow) self = user_data;
  StanceGraph *graph = STANCE_GRAPH (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!stance_graph_load_from_file_finish (graph, result, &error))
    {
      /* Cancelled: another document or the window's end took over. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || graph != self->graph)
        return;

      gtk_spinner_stop (self->spinner);
      where = g_file_get_parse_name (self->file);
      name = g_file_get_basename (self->file);
      /* A document error says where in the document; a file error already
       * names the file. */
      if (error->domain == STANCE_ERROR)
        message = g_strdup_printf ("%s: %s", where, error->message);
      else
        message = g_strdup (error->message);
      title = g_strdup_printf ("Could not open “%s”", name);
      status_page_set_title (self->error_page, title);
      gtk_label_set_text (self->error_message, message);
      set_titles (self, name, "Not a valid stance document");
      gtk_stack_set_visible_child (self->stack, self->error_page);
      g_signal_emit (self, signals[LOAD_FINISHED], 0, FALSE, message);
      return;
    }

  if (graph != self->graph)
    return;

  gtk_spinner_stop (self->spinner);
  /* Listen only now: a load announces every stance it adds.  The live
   * model keeps itself current from here on. */
  self->stance_added_id = g_signal_connect_swapped (graph, "stance-added", G_CALLBACK (graph_changed_cb), self);
  self->node_added_id = g_signal_connect_swapped (graph, "node-added", G_CALLBACK (graph_changed_cb), self);
  {
    g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
    gulong id = g_signal_connect (live, "items-changed", G_CALLBACK (contradictions_changed_cb), self);

    set_contradictions (self, live);
    self->appeared_id = id;
  }
  update_counts (self);
  stance_viewer_network_view_set_graph (STANCE_VIEWER_NETWORK_VIEW (self->network_view), graph);
  g_signal_emit (self, signals[CONTRADICTIONS_CHANGED], 0, g_list_model_get_n_items (self->contradictions), 0);
  gtk_stack_set_visible_child_name (self->stack, "document");
  set_add_enabled (self, TRUE);
  g_signal_emit (self, signals[LOAD_FINISHED], 0, TRUE, NULL);
}

/**
 * stance_viewer_window_open:
 * @self: a viewer window
 * @file: a stance document
 *
 * Shows @file in @self, in a new graph, loaded asynchronously; the document
 * shown before, or still loading, is dropped.
 */
void
stance_viewer_window_open (StanceViewerWindow *self,
                           GFile              *file)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *loading = g_strdup_printf ("Loading “%s”…", name);

  g_return_if_fail (STANCE_VIEWER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_graph (self, graph);
  g_set_object (&self->file, file);
  set_add_enabled (self, FALSE);
  set_titles (self, name, "Loading…");
  status_page_set_title (self->loading_page, loading);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child (self->stack, self->loading_page);

  stance_graph_load_from_file_async (graph, file, self->cancellable, load_cb, g_object_ref (self));
}

static void
open_response_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  StanceViewerWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        stance_viewer_window_open (self, file);
    }
  g_object_unref (chooser);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StanceViewerWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Open a Stance Document", GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", "_Cancel");
  GtkFileFilter *documents = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (documents, "Stance documents (JSON)");
  gtk_file_filter_add_mime_type (documents, "application/json");
  gtk_file_filter_add_pattern (documents, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_filter_set_name (all, "All files");
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (documents);
  g_object_unref (all);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_stance_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  StanceViewerWindow *self = user_data;

  gtk_window_present (GTK_WINDOW (stance_viewer_add_dialog_new (GTK_WINDOW (self), self->graph)));
}

/* A pane: a title, a line that counts, and a list that scrolls. */
static GtkWidget *
pane_new (const char  *title,
          GtkLabel   **count,
          GtkWidget   *list)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (header, "pane-header");
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (header), label);
  *count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (*count), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (*count), GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (*count));
  gtk_box_append (GTK_BOX (pane), header);
  gtk_box_append (GTK_BOX (pane), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (pane), scrolled);

  return pane;
}

static GtkWidget *
header_bar_new (void)
{
#ifdef HAVE_ADWAITA
  return adw_header_bar_new ();
#else
  return gtk_header_bar_new ();
#endif
}

static GtkWidget *
pill_button_new (const char *label,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *label,
                 const char *tooltip,
                 const char *action)
{
  GtkWidget *button = gtk_button_new ();

#ifdef HAVE_ADWAITA
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
#else
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (content), gtk_label_new_with_mnemonic (label));
  gtk_button_set_child (GTK_BUTTON (button), content);
#endif
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static void
stance_viewer_window_dispose (GObject *object)
{
  StanceViewerWindow *self = STANCE_VIEWER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  disconnect_graph (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  if (self->appeared_id != 0)
    g_clear_signal_handler (&self->appeared_id, self->contradictions);
  g_clear_pointer (&self->fresh, g_hash_table_unref);

  G_OBJECT_CLASS (stance_viewer_window_parent_class)->dispose (object);
}

static void
stance_viewer_window_finalize (GObject *object)
{
  StanceViewerWindow *self = STANCE_VIEWER_WINDOW (object);

  /* The lists' items hold the graph: drop them first. */
  g_clear_object (&self->contradictions_selection);
  g_clear_object (&self->contradictions);
  g_clear_object (&self->timeline);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (stance_viewer_window_parent_class)->finalize (object);
}

static void
stance_viewer_window_class_init (StanceViewerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_viewer_window_dispose;
  object_class->finalize = stance_viewer_window_finalize;

  /**
   * StanceViewerWindow::load-finished:
   * @self: the window
   * @ok: whether the document was loaded
   * @message: (nullable): what was wrong, with the file's name, if not
   */
  signals[LOAD_FINISHED] =
    g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  /**
   * StanceViewerWindow::contradictions-changed:
   * @self: the window
   * @n: how many contradictions the document has now
   * @n_new: how many of them the last edit brought (0 after the load)
   *
   * Emitted when the document is loaded, and again after every edit of the
   * graph, once the live contradictions have caught up with it.
   */
  signals[CONTRADICTIONS_CHANGED] =
    g_signal_new ("contradictions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static const GActionEntry window_actions[] = {
  { .name = "open", .activate = open_action_cb },
  { .name = "add-stance", .activate = add_stance_action_cb },
};

static void
stance_viewer_window_init (StanceViewerWindow *self)
{
  GtkWidget *header = header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *error_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkListItemFactory *factory;
  GtkCustomSorter *sorter;

  self->fresh = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->first_fresh = G_MAXUINT;
  self->graph = stance_graph_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  set_add_enabled (self, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (self), 1240, 800);
  gtk_widget_add_css_class (GTK_WIDGET (self), "stance-viewer");

  /* Header bar: open on the left, add on the right, the document between. */
  self->title = window_title_new ();
#ifdef HAVE_ADWAITA
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             icon_button_new ("document-open-symbolic", "_Open", "Open a document (Ctrl+O)", "win.open"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           icon_button_new ("list-add-symbolic", "_Add Stance", "Add a statement that takes a stance",
                                            "win.add-stance"));
#else
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), self->title);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header),
                             icon_button_new ("document-open-symbolic", "_Open", "Open a document (Ctrl+O)", "win.open"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header),
                           icon_button_new ("list-add-symbolic", "_Add Stance", "Add a statement that takes a stance",
                                            "win.add-stance"));
#endif

  /* The timeline, sorted by time. */
  sorter = gtk_custom_sorter_new (compare_statement_times, NULL, NULL);
  self->timeline = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_statement_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_statement_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_statement_cb), NULL);
  self->timeline_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->timeline)))),
                                           factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (self->timeline_view), TRUE);
  gtk_widget_add_css_class (self->timeline_view, "timeline");

  /* The contradictions. */
  self->contradictions = G_LIST_MODEL (g_list_store_new (STANCE_TYPE_CONTRADICTION));
  self->contradictions_selection = gtk_no_selection_new (g_object_ref (self->contradictions));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_contradiction_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_contradiction_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_contradiction_cb), NULL);
  self->contradictions_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->contradictions_selection)),
                                                 factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (self->contradictions_view), TRUE);
  gtk_widget_add_css_class (self->contradictions_view, "contradictions");

  gtk_paned_set_start_child (GTK_PANED (paned), pane_new ("Timeline", &self->timeline_count, self->timeline_view));
  gtk_paned_set_end_child (GTK_PANED (paned), pane_new ("Contradictions", &self->contradictions_count,
                                                        self->contradictions_view));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 520);

  /* The pages. */
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack,
                       status_page_new ("document-open-symbolic", "No Document",
                                        pill_button_new ("_Open a Document…", "win.open")),
                       "empty");

  self->spinner = GTK_SPINNER (spinner);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  self->loading_page = status_page_new (NULL, "Loading…", spinner);
  gtk_stack_add_named (self->stack, self->loading_page, "loading");

  self->error_message = GTK_LABEL (message);
  gtk_label_set_wrap (self->error_message, TRUE);
  gtk_label_set_wrap_mode (self->error_message, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->error_message, TRUE);
  gtk_label_set_justify (self->error_message, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->error_message, 80);
  gtk_widget_set_halign (message, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (message, "monospace");
  gtk_widget_add_css_class (message, "error-message");
  gtk_box_append (GTK_BOX (error_box), message);
  gtk_box_append (GTK_BOX (error_box), pill_button_new ("_Open Another Document…", "win.open"));
  self->error_page = status_page_new ("dialog-error-symbolic", "Could not open the document", error_box);
  gtk_stack_add_named (self->stack, self->error_page, "error");
  /* The document: its statements and contradictions, or its network. */
  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_titled (self->pages, paned, "statements", "Statements");
  self->network_view = stance_viewer_network_view_new ();
  gtk_stack_add_titled (self->pages, self->network_view, "network", "Network");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->pages), "document");
  {
    GtkWidget *switcher = gtk_stack_switcher_new ();

    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->pages);
#ifdef HAVE_ADWAITA
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), switcher);
#else
    gtk_header_bar_pack_start (GTK_HEADER_BAR (header), switcher);
#endif
  }
  gtk_stack_set_visible_child_name (self->stack, "empty");

#ifdef HAVE_ADWAITA
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), content);
#else
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  gtk_window_set_child (GTK_WINDOW (self), content);
#endif
}

StanceViewerWindow *
stance_viewer_window_new (GtkApplication *application)
{
  return g_object_new (STANCE_VIEWER_TYPE_WINDOW, "application", application, NULL);
}

StanceGraph *
stance_viewer_window_get_graph (StanceViewerWindow *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_WINDOW (self), NULL);

  return self->graph;
}

guint
stance_viewer_window_get_n_contradictions (StanceViewerWindow *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_WINDOW (self), 0);

  return g_list_model_get_n_items (self->contradictions);
}

GtkWidget *
stance_viewer_window_get_timeline_view (StanceViewerWindow *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_WINDOW (self), NULL);

  return self->timeline_view;
}

GtkWidget *
stance_viewer_window_get_contradictions_view (StanceViewerWindow *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_WINDOW (self), NULL);

  return self->contradictions_view;
}

void
stance_viewer_window_show_page (StanceViewerWindow *self,
                                const char         *name)
{
  g_return_if_fail (STANCE_VIEWER_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->pages, name);
}

GtkWidget *
stance_viewer_window_get_network_view (StanceViewerWindow *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_WINDOW (self), NULL);

  return stance_viewer_network_view_get_network_area (STANCE_VIEWER_NETWORK_VIEW (self->network_view));
}
