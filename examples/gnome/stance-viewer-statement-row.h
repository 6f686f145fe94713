/* stance-viewer-statement-row.h: one statement on the timeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_STATEMENT_ROW (stance_viewer_statement_row_get_type ())
G_DECLARE_FINAL_TYPE (StanceViewerStatementRow, stance_viewer_statement_row,
                      STANCE_VIEWER, STATEMENT_ROW, GtkBox)

GtkWidget *stance_viewer_statement_row_new           (void);
void       stance_viewer_statement_row_set_statement (StanceViewerStatementRow *self,
                                                      StanceStatement          *statement);

G_END_DECLS
