/* stance-suggest.c: "did you mean" for unknown ids and kinds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-error.h"
#include "stance-suggest-private.h"

/* A mistyped id ("hyde-amendmnt") or kind ("oposes") is usually one or two
 * edits from the meant one.  Unknown names are errors, so this runs only
 * on the error path: a scan of every id is fine there. */

/* How many edits a word of @len may be from a suggestion. */
static guint
max_edits (gsize len)
{
  return len < 4 ? 1 : 2;
}

/* Optimal string alignment distance, or @limit + 1 once it exceeds @limit. */
static guint
distance (const char *a,
          gsize       la,
          const char *b,
          gsize       lb,
          guint       limit)
{
  g_autofree guint *rows = NULL;
  guint *prev2, *prev, *cur;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  rows = g_new (guint, 3 * (lb + 1));
  prev2 = rows;
  prev = rows + lb + 1;
  cur = rows + 2 * (lb + 1);
  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint *tmp;
      guint row_min;

      cur[0] = row_min = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + (a[i - 1] != b[j - 1]));
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit)
        return limit + 1;
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return prev[lb];
}

typedef struct
{
  const char *word;
  gsize       len;
  guint       limit;
  const char *best;
  guint       best_distance;
  gboolean    tie;
} Search;

static void
consider (Search     *search,
          const char *candidate)
{
  gsize len = strlen (candidate);
  guint d = distance (search->word, search->len, candidate, len, search->limit);

  /* Too many edits, or as many as the name is long ("x" is no "id"). */
  if (d > search->limit || d >= len)
    return;
  if (d < search->best_distance)
    {
      search->best = candidate;
      search->best_distance = d;
      search->tie = FALSE;
    }
  else if (d == search->best_distance && g_strcmp0 (search->best, candidate) != 0)
    search->tie = TRUE;
}

static void
search_init (Search     *search,
             const char *word)
{
  search->word = word;
  search->len = strlen (word);
  search->limit = max_edits (search->len);
  search->best = NULL;
  search->best_distance = G_MAXUINT;
  search->tie = FALSE;
}

const char *
_stance_suggest_id (StanceStore *store,
                    const char  *word)
{
  GHashTableIter iter;
  gpointer id;
  Search search;

  search_init (&search, word);
  g_hash_table_iter_init (&iter, store->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    consider (&search, id);

  return search.tie ? NULL : search.best;
}

const char *
_stance_suggest_kind (StanceStore *store,
                      const char  *word)
{
  Search search;

  search_init (&search, word);
  for (guint i = 0; i < store->kinds->len; i++)
    consider (&search, STANCE_STORE_KIND (store, i)->name);

  return search.tie ? NULL : search.best;
}

static void
append_suggestion (GError     **error,
                   const char  *maybe)
{
  if (error != NULL && *error != NULL && maybe != NULL)
    {
      char *message = g_strdup_printf ("%s (did you mean \"%s\"?)", (*error)->message, maybe);

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
