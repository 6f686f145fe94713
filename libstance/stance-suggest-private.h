/* stance-suggest-private.h: "did you mean" for unknown ids and kinds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-store-private.h"

G_BEGIN_DECLS

/* The known id or kind closest to @word (a couple of edits away, and no
 * tie), or NULL. */
const char *_stance_suggest_id           (StanceStore  *store,
                                          const char   *word);
const char *_stance_suggest_kind         (StanceStore  *store,
                                          const char   *word);
/* _stance_store_resolve() and _stance_store_resolve_kind() for the API:
 * the same, with a suggestion in the error's message. */
StanceRef   _stance_resolve_suggesting      (StanceStore  *store,
                                             const char   *id,
                                             guint         sort_mask,
                                             GError      **error);
int         _stance_resolve_kind_suggesting (StanceStore  *store,
                                             const char   *name,
                                             GError      **error);

G_END_DECLS
