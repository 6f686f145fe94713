/* stance-types.h: forward declarations shared by the public headers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _StanceGraph         StanceGraph;
typedef struct _StanceNode          StanceNode;
typedef struct _StanceActor         StanceActor;
typedef struct _StanceClaim         StanceClaim;
typedef struct _StanceStatement     StanceStatement;
typedef struct _StanceEdge          StanceEdge;
typedef struct _StanceContradiction StanceContradiction;

/* Declares a GObject type whose instance and class structures stay inside
 * the library, as GDK_DECLARE_INTERNAL_TYPE does: the type, its cast and
 * check functions and its g_autoptr() cleanup are public, but nothing
 * outside libstance can derive from it.  Used for StanceNode and its three
 * sorts, which only a graph makes (their structures are in
 * stance-node-private.h and the .c files). */
#define _STANCE_DECLARE_OPAQUE_TYPE(ModuleObjName, module_obj_name, MODULE, OBJ_NAME)     \
  GType module_obj_name##_get_type (void);                                               \
  typedef struct _##ModuleObjName##Class ModuleObjName##Class;                          \
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS                                                       \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModuleObjName, g_object_unref)                          \
  G_GNUC_END_IGNORE_DEPRECATIONS                                                         \
  G_GNUC_UNUSED static inline ModuleObjName *MODULE##_##OBJ_NAME (gpointer ptr) {        \
    return G_TYPE_CHECK_INSTANCE_CAST (ptr, module_obj_name##_get_type (), ModuleObjName); } \
  G_GNUC_UNUSED static inline gboolean MODULE##_IS_##OBJ_NAME (gpointer ptr) {           \
    return G_TYPE_CHECK_INSTANCE_TYPE (ptr, module_obj_name##_get_type ()); }

G_END_DECLS
