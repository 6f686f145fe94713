/* stance-viewer-contradiction-row.h: one contradiction, its two statements side by side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_CONTRADICTION_ROW (stance_viewer_contradiction_row_get_type ())
G_DECLARE_FINAL_TYPE (StanceViewerContradictionRow, stance_viewer_contradiction_row,
                      STANCE_VIEWER, CONTRADICTION_ROW, GtkBox)

GtkWidget *stance_viewer_contradiction_row_new               (void);
void       stance_viewer_contradiction_row_set_contradiction (StanceViewerContradictionRow *self,
                                                              StanceContradiction          *contradiction,
                                                              gboolean                      is_new);

G_END_DECLS
