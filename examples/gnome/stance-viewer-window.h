/* stance-viewer-window.h: a stance document: its timeline and its contradictions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#ifdef HAVE_ADWAITA
# include <adwaita.h>
#else
# include <gtk/gtk.h>
#endif
#include <libstance/stance.h>

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_WINDOW (stance_viewer_window_get_type ())
#ifdef HAVE_ADWAITA
G_DECLARE_FINAL_TYPE (StanceViewerWindow, stance_viewer_window, STANCE_VIEWER, WINDOW, AdwApplicationWindow)
#else
G_DECLARE_FINAL_TYPE (StanceViewerWindow, stance_viewer_window, STANCE_VIEWER, WINDOW, GtkApplicationWindow)
#endif

StanceViewerWindow *stance_viewer_window_new                    (GtkApplication     *application);
void                stance_viewer_window_open                   (StanceViewerWindow *self,
                                                                 GFile              *file);
StanceGraph        *stance_viewer_window_get_graph              (StanceViewerWindow *self);
guint               stance_viewer_window_get_n_contradictions   (StanceViewerWindow *self);
GtkWidget          *stance_viewer_window_get_timeline_view      (StanceViewerWindow *self);
GtkWidget          *stance_viewer_window_get_contradictions_view (StanceViewerWindow *self);
/* "statements" (the default) or "network". */
void                stance_viewer_window_show_page              (StanceViewerWindow *self,
                                                                 const char         *name);
GtkWidget          *stance_viewer_window_get_network_view       (StanceViewerWindow *self);

G_END_DECLS
