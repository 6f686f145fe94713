/* stance-viewer-application.c: the viewer's application: options, windows, screenshots
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Opens a window per document named on the command line (or an empty one
 * with an "Open" button).  Two options make the viewer testable without a
 * person in front of it:
 *
 *  --demo-add          once the document is loaded, add a statement that
 *                      takes a stance, through the API, as the "Add stance"
 *                      dialog does, so that the contradictions update live;
 *  --screenshot=FILE   once everything is shown, render the window to a PNG
 *                      with GSK (no window manager or screen grab involved),
 *                      report on standard output what was shown, and quit.
 */

#include <stdio.h>

#include "stance-viewer-application.h"
#include "stance-viewer-util.h"
#include "stance-viewer-window.h"

#define APPLICATION_ID "org.example.StanceViewer"

/* How long --demo-add waits after the load, so that the document is seen
 * first, and how long a screenshot run may take at most. */
#define DEMO_ADD_DELAY_MS 300
#define SCREENSHOT_TIMEOUT_S 60
/* Frames to let pass before the screenshot, for the lists to lay out. */
#define SETTLE_FRAMES 3

struct _StanceViewerApplication
{
#ifdef HAVE_ADWAITA
  AdwApplication      parent_instance;
#else
  GtkApplication      parent_instance;
#endif

  char               *screenshot;
  char               *page;
  gboolean            demo_add;
  gboolean            demo_pending;
  int                 exit_status;
  guint               frames;
  guint               timeout_id;
  StanceViewerWindow *window;  /* the window a screenshot is taken of */
};

#ifdef HAVE_ADWAITA
G_DEFINE_FINAL_TYPE (StanceViewerApplication, stance_viewer_application, ADW_TYPE_APPLICATION)
#else
G_DEFINE_FINAL_TYPE (StanceViewerApplication, stance_viewer_application, GTK_TYPE_APPLICATION)
#endif

static const GOptionEntry options[] = {
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    "Save a PNG of the window once the document is shown, then quit", "FILE" },
  { "demo-add", 0, 0, G_OPTION_ARG_NONE, NULL,
    "After loading, add a statement and its stance, to show the live update", NULL },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    "Show the statements (the default) or the network", "statements|network" },
  { NULL },
};

/* Screenshots */

static gboolean
save_screenshot (GtkWidget   *widget,
                 const char  *filename,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window has nothing to render");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, filename))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", filename);
      return FALSE;
    }

  printf ("screenshot: %s %dx%d\n", filename, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  return TRUE;
}

/* Where a list is in the screenshot, for the test to look for text there. */
static void
print_region (StanceViewerApplication *self,
              const char              *name,
              GtkWidget               *list)
{
  graphene_rect_t bounds;

  if (gtk_widget_compute_bounds (list, GTK_WIDGET (self->window), &bounds))
    printf ("region %s: %d %d %d %d\n", name, (int) bounds.origin.x, (int) bounds.origin.y,
            (int) bounds.size.width, (int) bounds.size.height);
}

/* Closes the windows, so that they and their graphs are finalized, then
 * quits. */
static void
quit (StanceViewerApplication *self)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (self));
}

static gboolean
capture_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  StanceViewerApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (++self->frames < SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  print_region (self, "timeline", stance_viewer_window_get_timeline_view (self->window));
  print_region (self, "contradictions", stance_viewer_window_get_contradictions_view (self->window));
  print_region (self, "network", stance_viewer_window_get_network_view (self->window));
  if (!save_screenshot (widget, self->screenshot, &error))
    {
      fprintf (stderr, "stance-viewer: %s\n", error->message);
      self->exit_status = 1;
    }
  fflush (stdout);

  quit (self);
  return G_SOURCE_REMOVE;
}

/* Everything is shown: let a few frames lay it out, then take the picture. */
static void
capture_soon (StanceViewerApplication *self)
{
  self->frames = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->window), capture_tick_cb, self, NULL);
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  StanceViewerApplication *self = user_data;

  self->timeout_id = 0;
  fprintf (stderr, "stance-viewer: no screenshot after %d s\n", SCREENSHOT_TIMEOUT_S);
  self->exit_status = 3;
  quit (self);

  return G_SOURCE_REMOVE;
}

/* --demo-add: the statement that the SPEC's example document has and the
 * example story gives only by month — Putin at the Hamburg press conference
 * on 8 July 2017, saying that Trump agreed to the working group.  Trump
 * gave the unit up on 10 July, so this attribution is one more disputed
 * attribution. */
static gboolean
demo_add (StanceViewerApplication  *self,
          GError                  **error)
{
  StanceGraph *graph = stance_viewer_window_get_graph (self->window);
  g_autoptr(StanceNode) putin = stance_graph_lookup (graph, "putin");
  g_autoptr(StanceNode) trump = stance_graph_lookup (graph, "trump");
  g_autoptr(StanceNode) unit = stance_graph_lookup (graph, "cyber-unit");
  g_autoptr(StanceStatement) statement = NULL;

  if (!STANCE_IS_ACTOR (putin) || !STANCE_IS_ACTOR (trump) || unit == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "--demo-add needs the actors \"putin\" and \"trump\" and the claim \"cyber-unit\" "
                   "of examples/data/cyber-2017-2020.json");
      return FALSE;
    }

  statement = stance_viewer_add_statement (graph, STANCE_ACTOR (putin), "2017-07-08",
                                           "The US President and I have agreed to establish a working group "
                                           "and make joint efforts to monitor security in the cyberspace",
                                           "endorses", unit, STANCE_ACTOR (trump), error);
  if (statement == NULL)
    return FALSE;

  if (self->screenshot != NULL)
    printf ("added: %s\n", stance_node_get_id (STANCE_NODE (statement)));
  return TRUE;
}

static gboolean
demo_add_cb (gpointer user_data)
{
  StanceViewerApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!demo_add (self, &error))
    {
      fprintf (stderr, "stance-viewer: %s\n", error->message);
      self->exit_status = 1;
      self->demo_pending = FALSE;
      if (self->screenshot != NULL)
        capture_soon (self);
    }

  return G_SOURCE_REMOVE;
}

static void
load_finished_cb (StanceViewerWindow      *window,
                  gboolean                 ok,
                  const char              *message,
                  StanceViewerApplication *self)
{
  if (!ok)
    {
      /* The window shows the message; a test also reads it here. */
      if (self->screenshot != NULL)
        {
          fprintf (stderr, "stance-viewer: %s\n", message);
          self->exit_status = 1;
          capture_soon (self);
        }
      return;
    }

  if (self->screenshot != NULL)
    printf ("loaded: %u statements\n", stance_graph_get_n_statements (stance_viewer_window_get_graph (window)));
  if (self->page != NULL)
    stance_viewer_window_show_page (window, self->page);

  if (self->demo_add)
    {
      self->demo_add = FALSE;
      self->demo_pending = TRUE;
      g_timeout_add (DEMO_ADD_DELAY_MS, demo_add_cb, self);
    }
  else if (self->screenshot != NULL)
    capture_soon (self);
}

static void
contradictions_changed_cb (StanceViewerWindow      *window,
                           guint                    n,
                           guint                    n_new,
                           StanceViewerApplication *self)
{
  if (self->screenshot == NULL)
    return;

  printf ("contradictions: %u (%u new)\n", n, n_new);
  fflush (stdout);

  /* The first report after the demo's edit is the live update. */
  if (self->demo_pending)
    {
      self->demo_pending = FALSE;
      capture_soon (self);
    }
}

static StanceViewerWindow *
new_window (StanceViewerApplication *self)
{
  StanceViewerWindow *window = stance_viewer_window_new (GTK_APPLICATION (self));

  if (self->screenshot != NULL && self->window == NULL)
    {
      self->window = window;
      g_signal_connect (window, "load-finished", G_CALLBACK (load_finished_cb), self);
      g_signal_connect (window, "contradictions-changed", G_CALLBACK (contradictions_changed_cb), self);
    }

  return window;
}

static void
stance_viewer_application_activate (GApplication *application)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  gtk_window_present (window);

  /* Nothing to load: the picture is of the empty window. */
  if (self->screenshot != NULL && STANCE_VIEWER_WINDOW (window) == self->window)
    capture_soon (self);
}

static void
stance_viewer_application_open (GApplication  *application,
                                GFile        **files,
                                int            n_files,
                                const char    *hint)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      StanceViewerWindow *window = new_window (self);

      gtk_window_present (GTK_WINDOW (window));
      stance_viewer_window_open (window, files[i]);
      if (self->screenshot != NULL)
        break;
    }
}

static int
stance_viewer_application_handle_local_options (GApplication *application,
                                                GVariantDict *dict)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (application);

  if (g_variant_dict_lookup (dict, "screenshot", "^ay", &self->screenshot))
    {
      if (*self->screenshot == '\0')
        g_clear_pointer (&self->screenshot, g_free);
    }
  self->demo_add = g_variant_dict_contains (dict, "demo-add");
  if (g_variant_dict_lookup (dict, "page", "s", &self->page) &&
      strcmp (self->page, "statements") != 0 && strcmp (self->page, "network") != 0)
    {
      fprintf (stderr, "stance-viewer: --page: \"%s\" is neither \"statements\" nor \"network\"\n", self->page);
      return 2;
    }

  return -1;
}

static void
stance_viewer_application_startup (GApplication *application)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  static const char * const open_accels[] = { "<Control>o", NULL };
  static const char * const add_accels[] = { "<Control>n", NULL };
  static const char * const close_accels[] = { "<Control>w", "<Control>q", NULL };

  G_APPLICATION_CLASS (stance_viewer_application_parent_class)->startup (application);

  gtk_css_provider_load_from_resource (css, "/org/example/StanceViewer/viewer.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.add-stance", add_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  if (self->screenshot != NULL)
    {
      /* A picture of the end state, not of a transition. */
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      self->timeout_id = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_S, screenshot_timeout_cb, self);
    }
}

static void
stance_viewer_application_shutdown (GApplication *application)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (application);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_APPLICATION_CLASS (stance_viewer_application_parent_class)->shutdown (application);
}

static void
stance_viewer_application_finalize (GObject *object)
{
  StanceViewerApplication *self = STANCE_VIEWER_APPLICATION (object);

  g_free (self->screenshot);
  g_free (self->page);

  G_OBJECT_CLASS (stance_viewer_application_parent_class)->finalize (object);
}

static void
stance_viewer_application_class_init (StanceViewerApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = stance_viewer_application_finalize;
  application_class->activate = stance_viewer_application_activate;
  application_class->open = stance_viewer_application_open;
  application_class->handle_local_options = stance_viewer_application_handle_local_options;
  application_class->startup = stance_viewer_application_startup;
  application_class->shutdown = stance_viewer_application_shutdown;
}

static void
stance_viewer_application_init (StanceViewerApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), "[FILE]");
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            "Shows a stance document: its statements on a timeline "
                                            "and the contradictions among them.");
}

StanceViewerApplication *
stance_viewer_application_new (void)
{
  return g_object_new (STANCE_VIEWER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

int
stance_viewer_application_get_exit_status (StanceViewerApplication *self)
{
  g_return_val_if_fail (STANCE_VIEWER_IS_APPLICATION (self), 1);

  return self->exit_status;
}
