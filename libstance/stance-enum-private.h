/* stance-enum-private.h: enum values as the names documents and the tool use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The name of every enum value that appears in a document or an output is
 * its nick, as glib-mkenums registers it from the header
 * (STANCE_ACTOR_KIND_ORGANIZATION is "organization",
 * STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION "disputed-attribution"):
 * one table, written by the build, instead of a hand-kept copy per file. */

/* The nick of @value, or NULL if @value is not one of @type's values. */
const char *_stance_enum_to_nick   (GType       type,
                                    int         value);
/* Sets *@value from a nick; FALSE (and *@value untouched) if none. */
gboolean    _stance_enum_from_nick (GType       type,
                                    const char *nick,
                                    int        *value);

G_END_DECLS
