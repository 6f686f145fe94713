/* stance-viewer-add-dialog.h: "Add stance": a new statement that takes one stance
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_ADD_DIALOG (stance_viewer_add_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StanceViewerAddDialog, stance_viewer_add_dialog,
                      STANCE_VIEWER, ADD_DIALOG, GtkWindow)

GtkWidget *stance_viewer_add_dialog_new (GtkWindow   *parent,
                                         StanceGraph *graph);

G_END_DECLS
