/* stance-viewer-application.h: the viewer's application: options, windows, screenshots
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#ifdef HAVE_ADWAITA
# include <adwaita.h>
#else
# include <gtk/gtk.h>
#endif

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_APPLICATION (stance_viewer_application_get_type ())
#ifdef HAVE_ADWAITA
G_DECLARE_FINAL_TYPE (StanceViewerApplication, stance_viewer_application, STANCE_VIEWER, APPLICATION, AdwApplication)
#else
G_DECLARE_FINAL_TYPE (StanceViewerApplication, stance_viewer_application, STANCE_VIEWER, APPLICATION, GtkApplication)
#endif

StanceViewerApplication *stance_viewer_application_new             (void);
int                      stance_viewer_application_get_exit_status (StanceViewerApplication *self);

G_END_DECLS
