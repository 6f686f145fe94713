/* stance-edit.c: removing nodes with what refers to them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-change-private.h"
#include "stance-edge.h"
#include "stance-edit-private.h"
#include "stance-error.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"

/* Removing a node is planned whole before anything changes, so that a
 * refused removal changes nothing:
 *
 * - a statement takes its own stances with it;
 * - what refers to a node is a stance on it, a statement it spoke, a stance
 *   attributed to it, and a `reports`, `part_of` or `member_of` link to it.
 *   Unless asked to, the removal is refused while any exists; when asked,
 *   referring stances and spoken statements are removed too (and so what
 *   refers to those, and so on), and links are cleared, the referring node
 *   staying.
 *
 * The index answers "what refers to it" without a scan.  Records stay in
 * the store, flagged, so that views stay valid. */

typedef struct
{
  StanceRef referrer;  /* the node whose link is cleared */
  guint32   target;    /* the removed node's index */
} Link;

typedef struct
{
  StanceGraph *graph;
  StanceStore *store;
  StanceIndex *index;
  GHashTable  *nodes;     /* StanceRef set */
  GArray      *node_order;
  GHashTable  *stances;   /* stance index + 1 set */
  GArray      *stance_order;
  GArray      *links;     /* Link */
  guint        n_referrers;
  char        *first_referrer;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_hash_table_unref (plan->nodes);
  g_array_unref (plan->node_order);
  g_hash_table_unref (plan->stances);
  g_array_unref (plan->stance_order);
  g_array_unref (plan->links);
  g_free (plan->first_referrer);
}

static void referrer (Plan       *plan,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
referrer (Plan       *plan,
          const char *format,
          ...)
{
  va_list args;

  if (plan->n_referrers++ > 0)
    return;

  va_start (args, format);
  plan->first_referrer = g_strdup_vprintf (format, args);
  va_end (args);
}

static void
add_node (Plan      *plan,
          StanceRef  ref)
{
  if (g_hash_table_add (plan->nodes, GUINT_TO_POINTER (ref)))
    g_array_append_val (plan->node_order, ref);
}

static void
add_stance (Plan    *plan,
            guint32  stance)
{
  if (g_hash_table_add (plan->stances, GUINT_TO_POINTER (stance + 1)))
    g_array_append_val (plan->stance_order, stance);
}

static GArray *
lookup (Plan           *plan,
        StanceIndexMap  map,
        guint32         key)
{
  return _stance_index_lookup (plan->index, map, key);
}

/* Everything that refers to @ref, into the plan. */
static void
plan_referrers (Plan      *plan,
                StanceRef  ref)
{
  StanceStore *store = plan->store;
  guint32 i = stance_ref_index (ref);
  GArray *list;

  if ((list = lookup (plan, STANCE_INDEX_ON, ref)) != NULL)
    for (guint k = 0; k < list->len; k++)
      {
        guint32 stance = g_array_index (list, guint32, k);
        guint32 statement = _stance_store_stance_statement (store, stance);

        /* A statement's stance on itself goes with it anyway. */
        if (ref != stance_ref_make (STANCE_SORT_STATEMENT, statement))
          referrer (plan, "a stance of \"%s\" is on it", _stance_store_statement_id (store, statement));
        add_stance (plan, stance);
      }

  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR:
      if ((list = lookup (plan, STANCE_INDEX_SAID, i)) != NULL)
        for (guint k = 0; k < list->len; k++)
          {
            guint32 statement = g_array_index (list, guint32, k);

            referrer (plan, "it is the speaker of \"%s\"", _stance_store_statement_id (store, statement));
            add_node (plan, stance_ref_make (STANCE_SORT_STATEMENT, statement));
          }
      if ((list = lookup (plan, STANCE_INDEX_ATTRIBUTED, i)) != NULL)
        for (guint k = 0; k < list->len; k++)
          {
            guint32 stance = g_array_index (list, guint32, k);

            referrer (plan, "\"%s\" attributes a stance to it",
                      _stance_store_stance_statement_id (store, stance));
            add_stance (plan, stance);
          }
      if ((list = lookup (plan, STANCE_INDEX_MEMBERS, i)) != NULL)
        for (guint k = 0; k < list->len; k++)
          {
            Link link = { stance_ref_make (STANCE_SORT_ACTOR, g_array_index (list, guint32, k)), i };

            referrer (plan, "\"%s\" is a member of it", _stance_store_actor_id (store, stance_ref_index (link.referrer)));
            g_array_append_val (plan->links, link);
          }
      break;

    case STANCE_SORT_CLAIM:
      if ((list = lookup (plan, STANCE_INDEX_PARTS, i)) != NULL)
        for (guint k = 0; k < list->len; k++)
          {
            Link link = { stance_ref_make (STANCE_SORT_CLAIM, g_array_index (list, guint32, k)), i };

            referrer (plan, "\"%s\" is part of it", _stance_store_claim_id (store, stance_ref_index (link.referrer)));
            g_array_append_val (plan->links, link);
          }
      break;

    case STANCE_SORT_STATEMENT:
      /* Its own stances are part of it, not referrers. */
      STANCE_STORE_FOREACH_STANCE_OF (store, i, stance)
        add_stance (plan, stance);
      if ((list = lookup (plan, STANCE_INDEX_REPORTERS, i)) != NULL)
        for (guint k = 0; k < list->len; k++)
          {
            Link link = { stance_ref_make (STANCE_SORT_STATEMENT, g_array_index (list, guint32, k)), i };

            referrer (plan, "\"%s\" reports it", _stance_store_statement_id (store, stance_ref_index (link.referrer)));
            g_array_append_val (plan->links, link);
          }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
clear_link (StanceStore *store,
            const Link  *link)
{
  guint32 i = stance_ref_index (link->referrer);

  switch (stance_ref_sort (link->referrer))
    {
    case STANCE_SORT_ACTOR:
      _stance_store_remove_member_of (store, i, link->target);
      break;
    case STANCE_SORT_CLAIM:
      _stance_store_set_claim_part_of (store, i, STANCE_STORE_NO_INDEX);
      break;
    case STANCE_SORT_STATEMENT:
      _stance_store_set_statement_reports (store, i, STANCE_STORE_NO_INDEX);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
_stance_edit_remove_node (StanceGraph  *graph,
                          StanceRef     node,
                          gboolean      with_referrers,
                          GError      **error)
{
  StanceStore *store = _stance_graph_get_store (graph);
  Plan plan = {
    graph, store, _stance_graph_get_index (graph),
    g_hash_table_new (NULL, NULL), g_array_new (FALSE, FALSE, sizeof (StanceRef)),
    g_hash_table_new (NULL, NULL), g_array_new (FALSE, FALSE, sizeof (guint32)),
    g_array_new (FALSE, FALSE, sizeof (Link)), 0, NULL,
  };

  add_node (&plan, node);
  plan_referrers (&plan, node);
  if (plan.n_referrers > 0 && !with_referrers)
    {
      g_autofree char *more = plan.n_referrers > 1 ? g_strdup_printf (" (and %u more references)", plan.n_referrers - 1)
                                                   : g_strdup ("");

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_IN_USE,
                   "cannot remove \"%s\": %s%s; remove %s first, or remove it with what refers to it",
                   _stance_store_ref_id (store, node), plan.first_referrer, more,
                   plan.n_referrers > 1 ? "those" : "that");
      plan_clear (&plan);
      return FALSE;
    }
  /* The closure: removed statements take what refers to them. */
  for (guint k = 1; k < plan.node_order->len; k++)
    plan_referrers (&plan, g_array_index (plan.node_order, StanceRef, k));

  /* Nothing can fail from here on.  The store and the index change at
   * once; the notifications are queued, and delivered when all is done. */
  _stance_graph_begin_edit (graph);
  for (guint k = 0; k < plan.stance_order->len; k++)
    {
      guint32 stance = g_array_index (plan.stance_order, guint32, k);
      g_autoptr(StanceEdge) edge = NULL;

      if (_stance_store_stance_is_removed (store, stance))
        continue;
      _stance_store_remove_stance (store, stance);
      edge = _stance_graph_ref_edge (graph, stance);
      _stance_graph_stance_removed (graph, edge);
    }

  for (guint k = 0; k < plan.links->len; k++)
    {
      const Link *link = &g_array_index (plan.links, Link, k);

      if (g_hash_table_contains (plan.nodes, GUINT_TO_POINTER (link->referrer)))
        continue;
      _stance_graph_node_relinking (graph, link->referrer);
      clear_link (store, link);
      _stance_graph_node_relinked (graph, link->referrer);
    }

  for (guint k = 0; k < plan.node_order->len; k++)
    {
      StanceRef ref = g_array_index (plan.node_order, StanceRef, k);

      _stance_graph_node_removed (graph, ref);
    }
  _stance_graph_end_edit (graph);

  plan_clear (&plan);

  return TRUE;
}
