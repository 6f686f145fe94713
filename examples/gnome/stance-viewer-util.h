/* stance-viewer-util.h: labels and chips shared by the viewer's widgets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

char       *stance_viewer_node_dup_label            (StanceNode       *node);
char       *stance_viewer_statement_dup_time_label  (StanceStatement  *statement);
const char *stance_viewer_statement_get_words       (StanceStatement  *statement,
                                                     gboolean         *is_note);
const char *stance_viewer_polarity_style_class      (StancePolarity    polarity);
GtkWidget  *stance_viewer_chip_new                  (const char       *text,
                                                     const char       *style_class);
GtkWidget  *stance_viewer_edge_chip_new             (StanceEdge       *edge);
void        stance_viewer_box_remove_all            (GtkBox           *box);

StanceStatement *stance_viewer_add_statement        (StanceGraph      *graph,
                                                     StanceActor      *speaker,
                                                     const char       *time,
                                                     const char       *text,
                                                     const char       *kind,
                                                     StanceNode       *target,
                                                     StanceActor      *holder,
                                                     GError          **error);

G_END_DECLS
