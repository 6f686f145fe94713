/* main.c: stance-viewer, the GNOME example of libstance
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   stance-viewer [FILE]
 *   stance-viewer --screenshot OUT.png [--demo-add] FILE
 */

#include "stance-viewer-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StanceViewerApplication) application = stance_viewer_application_new ();
  int status = g_application_run (G_APPLICATION (application), argc, argv);

  return status != 0 ? status : stance_viewer_application_get_exit_status (application);
}
