/* stance-suggest-private.h: "did you mean" for a misspelt name
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "stance-store-private.h"

G_BEGIN_DECLS

/* The candidate closest to a misspelt word, by optimal string alignment
 * distance (insertions, deletions, substitutions and swaps of two
 * neighbours): at most two edits, fewer than the candidate's length (two
 * edits turn any short name into another: "x" is no "id"), and no
 * suggestion when two candidates are equally close.
 *
 * Candidates are offered one by one, so that they may come from anywhere
 * (a table of members, the kinds of a store, its ids):
 *
 *   StanceSuggest suggest;
 *
 *   _stance_suggest_init (&suggest, word, -1);
 *   for (…)
 *     _stance_suggest_offer (&suggest, candidate);
 *   maybe = _stance_suggest_result (&suggest);  // NULL: nothing close
 *
 * The word and the candidates must outlive the result. */
typedef struct
{
  const char *word;
  gsize       len;
  const char *best;
  guint       best_distance;
  gboolean    tie;
} StanceSuggest;

void        _stance_suggest_init   (StanceSuggest      *suggest,
                                    const char         *word,
                                    gssize              len);
void        _stance_suggest_offer  (StanceSuggest      *suggest,
                                    const char         *candidate);
const char *_stance_suggest_result (StanceSuggest      *suggest);

/* The same over a NULL-terminated array. */
const char *_stance_suggest        (const char * const *candidates,
                                    const char         *word);

/* The same over a store's ids (of nodes not removed) or kinds. */
const char *_stance_suggest_id     (StanceStore        *store,
                                    const char         *word);
const char *_stance_suggest_kind   (StanceStore        *store,
                                    const char         *word);
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
