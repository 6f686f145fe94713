/* stance-importer.h: other formats into a stance graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <gio/gio.h>

#include "stance-graph.h"
#include "stance-version-macros.h"

G_BEGIN_DECLS

#define STANCE_TYPE_IMPORTER (stance_importer_get_type ())

STANCE_AVAILABLE_IN_1_2
G_DECLARE_DERIVABLE_TYPE (StanceImporter, stance_importer, STANCE, IMPORTER, GObject)

/**
 * StanceImporterClass:
 * @parent_class: the parent class
 * @read_stream: reads a whole input from a stream into @graph, an empty
 *   graph of the importer's own; on failure the graph is dropped
 * @read_file: reads the file @filename into @graph; the default opens the
 *   file and calls @import_stream
 *
 * The class of an importer.  Every format of [func@Stance.Importer.list_formats]
 * is a private subclass, made by [func@Stance.Importer.for_format].
 *
 * Since: 1.2
 */
struct _StanceImporterClass
{
  GObjectClass parent_class;

  gboolean (*read_stream) (StanceImporter *self,
                             StanceGraph    *graph,
                             GInputStream   *stream,
                             GCancellable   *cancellable,
                             GError        **error);
  gboolean (*read_file)     (StanceImporter *self,
                             StanceGraph    *graph,
                             const char     *filename,
                             GCancellable   *cancellable,
                             GError        **error);

  /*< private >*/
  gpointer padding[8];
};

STANCE_AVAILABLE_IN_1_2
const char * const *stance_importer_list_formats  (void);
STANCE_AVAILABLE_IN_1_2
StanceImporter     *stance_importer_for_format           (const char      *format,
                                                   GError         **error);
STANCE_AVAILABLE_IN_1_2
const char         *stance_importer_get_format    (StanceImporter  *self);
STANCE_AVAILABLE_IN_1_2
char              **stance_importer_list_options  (StanceImporter  *self);
STANCE_AVAILABLE_IN_1_2
const char         *stance_importer_describe_option (StanceImporter *self,
                                                   const char      *name);
STANCE_AVAILABLE_IN_1_2
const char         *stance_importer_get_option    (StanceImporter  *self,
                                                   const char      *name);
STANCE_AVAILABLE_IN_1_2
gboolean            stance_importer_set_option    (StanceImporter  *self,
                                                   const char      *name,
                                                   const char      *value,
                                                   GError         **error);
STANCE_AVAILABLE_IN_1_2
StanceGraph        *stance_importer_import_file   (StanceImporter  *self,
                                                   const char      *filename,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
STANCE_AVAILABLE_IN_1_2
StanceGraph        *stance_importer_import_stream (StanceImporter  *self,
                                                   GInputStream    *stream,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
STANCE_AVAILABLE_IN_1_2
StanceGraph        *stance_importer_import_data   (StanceImporter  *self,
                                                   const char      *data,
                                                   gssize           length,
                                                   GError         **error);

G_END_DECLS
