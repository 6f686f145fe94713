/* stance-contradiction-filter.c: which contradictions a search keeps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A small value, handed to the finder as it is (StanceFindingFilter), so
 * that targets, kinds and shards it drops are never searched, and records
 * it drops are never made into objects.
 */

#include "config.h"

#include <string.h>

#include "stance-contradiction-filter-private.h"
#include "stance-contradiction-private.h"
#include "stance-error.h"
#include "stance-time-private.h"

struct _StanceContradictionFilter
{
  grefcount           ref_count;
  StanceFindingFilter finding;
};

G_DEFINE_BOXED_TYPE (StanceContradictionFilter, stance_contradiction_filter,
                     stance_contradiction_filter_ref, stance_contradiction_filter_unref)

/**
 * stance_contradiction_filter_new:
 *
 * Makes a filter that keeps every contradiction, until criteria are added.
 *
 * Returns: (transfer full): a new filter
 *
 * Since: 1.2
 */
StanceContradictionFilter *
stance_contradiction_filter_new (void)
{
  StanceContradictionFilter *self = g_new0 (StanceContradictionFilter, 1);

  g_ref_count_init (&self->ref_count);
  self->finding.from = G_MININT64;
  self->finding.to = G_MAXINT64;

  return self;
}

/**
 * stance_contradiction_filter_ref:
 * @self: a filter
 *
 * Takes a reference on the filter.
 *
 * Returns: (transfer full): @self
 *
 * Since: 1.2
 */
StanceContradictionFilter *
stance_contradiction_filter_ref (StanceContradictionFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * stance_contradiction_filter_unref:
 * @self: (transfer full): a filter
 *
 * Drops a reference on the filter, freeing it with the last one.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_unref (StanceContradictionFilter *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->finding.targets, g_hash_table_unref);
  g_clear_pointer (&self->finding.holders, g_hash_table_unref);
  g_free (self);
}

/**
 * stance_contradiction_filter_add_kind:
 * @self: a filter
 * @kind: a kind of contradiction to keep
 *
 * Keeps contradictions of @kind.  Once a kind is added, only the kinds
 * added are kept; other kinds are never searched for.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_add_kind (StanceContradictionFilter *self,
                                      StanceContradictionKind    kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) kind <= STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION);

  self->finding.kinds |= 1u << kind;
}

static void
add_id (GHashTable **set,
        const char  *id)
{
  if (*set == NULL)
    *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (*set, g_strdup (id));
}

/**
 * stance_contradiction_filter_add_target:
 * @self: a filter
 * @id: the id of a target (a claim, an actor or a statement)
 *
 * Keeps contradictions on the target @id.  Once a target is added, only
 * the targets added are kept (and searched); an id that a graph does not
 * have keeps nothing there.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_add_target (StanceContradictionFilter *self,
                                        const char                *id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  add_id (&self->finding.targets, id);
}

/**
 * stance_contradiction_filter_add_holder:
 * @self: a filter
 * @id: the id of an actor
 *
 * Keeps contradictions whose holder is @id: the `holder` of a reversal, an
 * inconsistency or a disputed attribution, or either of the two `holders`
 * of a conflict (not the `attributed_by` of a disputed attribution).  Once
 * a holder is added, only records of the holders added are kept.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_add_holder (StanceContradictionFilter *self,
                                        const char                *id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  add_id (&self->finding.holders, id);
}

/* Sets the lower bound to the start of @time, or the upper one to its
 * end; NULL opens the bound. */
static gboolean
set_bound (gint64      *bound,
           gboolean     upper,
           const char  *time,
           GError     **error)
{
  g_autoptr(GError) local = NULL;
  StanceTime parsed;

  if (time == NULL)
    {
      *bound = upper ? G_MAXINT64 : G_MININT64;
      return TRUE;
    }
  if (!_stance_time_parse (&parsed, time, strlen (time), &local))
    {
      g_set_error (error, STANCE_ERROR, local->code, "invalid time range: %s", local->message);
      return FALSE;
    }
  *bound = upper ? parsed.end : parsed.start;
  return TRUE;
}

/**
 * stance_contradiction_filter_set_from:
 * @self: a filter
 * @time: (nullable): a time in the document format's syntax, such as
 *   `2017-07`, or %NULL for no lower bound
 * @error: return location for an error
 *
 * Keeps contradictions that arise at or after the start of @time.  A
 * contradiction arises when the later of its two statements starts: from
 * then on, both statements have been made.
 *
 * Returns: %TRUE, or %FALSE with %STANCE_ERROR_INVALID_TIME if @time is
 *   not a valid time (the filter is then unchanged)
 *
 * Since: 1.2
 */
gboolean
stance_contradiction_filter_set_from (StanceContradictionFilter  *self,
                                      const char                 *time,
                                      GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_bound (&self->finding.from, FALSE, time, error);
}

/**
 * stance_contradiction_filter_set_to:
 * @self: a filter
 * @time: (nullable): a time in the document format's syntax, or %NULL for
 *   no upper bound
 * @error: return location for an error
 *
 * Keeps contradictions that arise before the end of @time, so that
 * `from` and `to` both `2017-07` keep what arises in July 2017.  See
 * [method@Stance.ContradictionFilter.set_from].
 *
 * Returns: %TRUE, or %FALSE with %STANCE_ERROR_INVALID_TIME if @time is
 *   not a valid time (the filter is then unchanged)
 *
 * Since: 1.2
 */
gboolean
stance_contradiction_filter_set_to (StanceContradictionFilter  *self,
                                    const char                 *time,
                                    GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_bound (&self->finding.to, TRUE, time, error);
}

/**
 * stance_contradiction_filter_set_shard:
 * @self: a filter
 * @shard: which shard to keep, from 0 to @n_shards - 1
 * @n_shards: how many shards the targets are split into, or 0 for no
 *   sharding
 *
 * Keeps only the targets of one shard: those whose id's shard number (see
 * [func@Stance.ContradictionFilter.shard_of]) is @shard.  Every
 * contradiction lives on one target, so the records of the @n_shards shards
 * together are exactly the records of the whole graph: shards can be
 * checked apart, on other machines, and their records merged.
 *
 * Since: 1.2
 */
void
stance_contradiction_filter_set_shard (StanceContradictionFilter *self,
                                       guint                      shard,
                                       guint                      n_shards)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n_shards == 0 || shard < n_shards);

  self->finding.shard = shard;
  self->finding.n_shards = n_shards;
}

/**
 * stance_contradiction_filter_shard_of:
 * @target_id: the id of a target
 * @n_shards: how many shards, at least 1
 *
 * Gives the shard of a target: the 64-bit FNV-1a hash of the bytes of its
 * id (UTF-8, without the terminating NUL), modulo @n_shards.  The same on
 * every machine, whatever its byte order, so that shards checked on
 * different machines partition the targets.
 *
 * Returns: the shard, from 0 to @n_shards - 1
 *
 * Since: 1.2
 */
guint
stance_contradiction_filter_shard_of (const char *target_id,
                                      guint       n_shards)
{
  g_return_val_if_fail (target_id != NULL, 0);
  g_return_val_if_fail (n_shards > 0, 0);

  return _stance_finding_filter_hash (target_id) % n_shards;
}

/**
 * stance_contradiction_filter_matches:
 * @self: a filter
 * @contradiction: a contradiction
 *
 * Tells whether the filter keeps @contradiction, as the searches that take
 * a filter would.
 *
 * Returns: %TRUE if @contradiction is kept
 *
 * Since: 1.2
 */
gboolean
stance_contradiction_filter_matches (StanceContradictionFilter *self,
                                     StanceContradiction       *contradiction)
{
  StanceFinding finding;
  StanceStore *store;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (STANCE_IS_CONTRADICTION (contradiction), FALSE);

  store = _stance_contradiction_get_finding (contradiction, &finding);

  return _stance_finding_filter_keeps (&self->finding, store, &finding);
}

const StanceFindingFilter *
_stance_contradiction_filter_get_finding_filter (StanceContradictionFilter *self)
{
  return self != NULL ? &self->finding : NULL;
}
