/* stance-suggest.c: "did you mean" for a misspelt name
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by the document readers (unknown members, kinds and ids) and
 * meant for the API and the tool, so that every "did you mean" follows
 * the same rule.  See stance-suggest-private.h.
 */

#include "config.h"

#include <string.h>

#include "stance-error.h"
#include "stance-quote-private.h"
#include "stance-suggest-private.h"

/* The most edits a suggestion may be away. */
#define SUGGEST_MAX_EDITS 2

/* Optimal string alignment distance. */
static guint
edit_distance (const char *a,
               gsize       la,
               const char *b,
               gsize       lb)
{
  guint small[3][32];
  g_autofree guint *big = NULL;
  guint *prev2, *prev, *cur;

  if (lb < G_N_ELEMENTS (small[0]))
    {
      prev2 = small[0];
      prev = small[1];
      cur = small[2];
    }
  else
    {
      big = g_new (guint, 3 * (lb + 1));
      prev2 = big;
      prev = big + lb + 1;
      cur = big + 2 * (lb + 1);
    }

  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint *tmp;

      cur[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
        }
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return prev[lb];
}

void
_stance_suggest_init (StanceSuggest *suggest,
                      const char    *word,
                      gssize         len)
{
  suggest->word = word;
  suggest->len = len < 0 ? strlen (word) : (gsize) len;
  suggest->best = NULL;
  suggest->best_distance = SUGGEST_MAX_EDITS + 1;
  suggest->tie = FALSE;
}

void
_stance_suggest_offer (StanceSuggest *suggest,
                       const char    *candidate)
{
  gsize len = strlen (candidate);
  guint distance;

  /* Too long or too short to be within reach. */
  if (suggest->len > len + SUGGEST_MAX_EDITS || len > suggest->len + SUGGEST_MAX_EDITS)
    return;

  distance = edit_distance (suggest->word, suggest->len, candidate, len);
  /* Two edits turn any short name into another: "x" is no "id". */
  if (distance >= len || distance == 0)
    return;

  if (distance < suggest->best_distance)
    {
      suggest->best = candidate;
      suggest->best_distance = distance;
      suggest->tie = FALSE;
    }
  else if (distance == suggest->best_distance && g_strcmp0 (candidate, suggest->best) != 0)
    suggest->tie = TRUE;
}

const char *
_stance_suggest_result (StanceSuggest *suggest)
{
  return suggest->tie ? NULL : suggest->best;
}

const char *
_stance_suggest (const char * const *candidates,
                 const char         *word)
{
  StanceSuggest suggest;

  g_return_val_if_fail (word != NULL, NULL);

  _stance_suggest_init (&suggest, word, -1);
  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    _stance_suggest_offer (&suggest, candidates[i]);

  return _stance_suggest_result (&suggest);
}

/* Offers every id of a node of the sorts in @mask but removed ones: a
 * removed node's id is free, no suggestion of it. */
static void
offer_ids (StanceSuggest *suggest,
           StanceStore   *store,
           guint          mask)
{
  for (StanceSort sort = STANCE_SORT_ACTOR; sort <= STANCE_SORT_STATEMENT; sort++)
    {
      if ((mask & STANCE_SORT_MASK (sort)) == 0)
        continue;
      for (guint i = 0; i < _stance_store_n_records (store, sort); i++)
        {
          StanceRef ref = stance_ref_make (sort, i);

          if (!_stance_store_is_removed (store, ref))
            _stance_suggest_offer (suggest, _stance_store_ref_id (store, ref));
        }
    }
}

/* Unknown names are errors, so these run only on the error path: a scan
 * of every id is fine there. */
const char *
_stance_suggest_in_store (StanceStore *store,
                          const char  *word,
                          guint        mask)
{
  StanceSuggest suggest;

  _stance_suggest_init (&suggest, word, -1);
  if (mask == 0)
    {
      for (guint k = 0; k < _stance_store_n_kinds (store); k++)
        _stance_suggest_offer (&suggest, _stance_store_kind_name (store, k));
    }
  else
    offer_ids (&suggest, store, mask);

  return _stance_suggest_result (&suggest);
}

const char *
_stance_suggest_id (StanceStore *store,
                    const char  *word)
{
  return _stance_suggest_in_store (store, word, STANCE_SORT_MASK_ANY);
}

const char *
_stance_suggest_kind (StanceStore *store,
                      const char  *word)
{
  return _stance_suggest_in_store (store, word, 0);
}

static void
append_suggestion (GError     **error,
                   const char  *maybe)
{
  if (error != NULL && *error != NULL && maybe != NULL)
    {
      g_autofree char *shown = _stance_quote (maybe, -1);
      char *message = g_strdup_printf ("%s (did you mean %s?)", (*error)->message, shown);


      g_free ((*error)->message);
      (*error)->message = message;
    }
}

StanceRef
_stance_resolve_suggesting (StanceStore  *store,
                            const char   *id,
                            guint         sort_mask,
                            GError      **error)
{
  GError *local = NULL;
  StanceRef ref = _stance_store_resolve (store, id, sort_mask, &local);

  if (ref == 0 && g_error_matches (local, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID))
    append_suggestion (&local, _stance_suggest_id (store, id));
  if (local != NULL)
    g_propagate_error (error, local);

  return ref;
}

int
_stance_resolve_kind_suggesting (StanceStore  *store,
                                 const char   *name,
                                 GError      **error)
{
  GError *local = NULL;
  int kind = _stance_store_resolve_kind (store, name, &local);

  if (kind < 0)
    {
      append_suggestion (&local, _stance_suggest_kind (store, name));
      g_propagate_error (error, local);
    }

  return kind;
}
