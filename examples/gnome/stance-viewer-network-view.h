/* stance-viewer-network-view.h: the discourse network and a claim's camps over time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

#define STANCE_VIEWER_TYPE_NETWORK_VIEW (stance_viewer_network_view_get_type ())
G_DECLARE_FINAL_TYPE (StanceViewerNetworkView, stance_viewer_network_view, STANCE_VIEWER, NETWORK_VIEW, GtkBox)

GtkWidget *stance_viewer_network_view_new              (void);
void       stance_viewer_network_view_set_graph        (StanceViewerNetworkView *self,
                                                        StanceGraph             *graph);
GtkWidget *stance_viewer_network_view_get_network_area (StanceViewerNetworkView *self);

G_END_DECLS
