/* stance-graph.c: who said what, when, about what
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "stance-acts-private.h"
#include "stance-actor.h"
#include "stance-change-private.h"
#include "stance-claim.h"
#include "stance-contradiction-list-private.h"
#include "stance-edge-private.h"
#include "stance-error.h"
#include "stance-edit-private.h"
#include "stance-graph-private.h"
#include "stance-index-private.h"
#include "stance-node-list-private.h"
#include "stance-node-private.h"
#include "stance-quote-private.h"
#include "stance-statement.h"
#include "stance-suggest-private.h"

/**
 * StanceGraph:
 *
 * Who said what, when, about what: the actors, claims and statements of a
 * story, with the stances the statements take, and the contradictions among
 * them.
 *
 * Build a graph with [method@Stance.Graph.add_actor],
 * [method@Stance.Graph.add_claim], [method@Stance.Graph.add_statement] and
 * [method@Stance.Statement.add_stance], or load a document with
 * [ctor@Stance.Graph.new_from_file]; then ask
 * [method@Stance.Graph.find_contradictions].
 *
 * Every edit validates its arguments first and reports a bad one through a
 * [error@Stance.Error]: an edit is made whole or not at all.
 *
 * A graph and its nodes are not thread-safe: use them from one thread at a
 * time.  The asynchronous load reads and checks a document in a worker
 * thread and adds it to the graph in the thread that called it.
 *
 * Any handler of a signal of the graph or of its list models may edit the
 * graph or drop any model: the edit applies at once, and its
 * notifications are delivered after the current one, in order.  When the
 * outermost edit returns, every live model equals a fresh query.  See the
 * "Threads and re-entrancy" chapter.
 *
 * Since: 1.0
 */

G_DEFINE_FINAL_TYPE (StanceGraph, stance_graph, G_TYPE_OBJECT)

guint _stance_graph_signals[STANCE_GRAPH_N_SIGNALS];

static void
stance_graph_dispose (GObject *object)
{
  StanceGraph *self = STANCE_GRAPH (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    {
      if (self->lists[i] != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->lists[i]), (gpointer *) &self->lists[i]);
      self->lists[i] = NULL;
    }
  if (self->live != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->live), (gpointer *) &self->live);
  self->live = NULL;

  G_OBJECT_CLASS (stance_graph_parent_class)->dispose (object);
}

static void
stance_graph_finalize (GObject *object)
{
  StanceGraph *self = STANCE_GRAPH (object);

  /* Every view holds a reference on its graph, so none is left. */
  g_warn_if_fail (g_hash_table_size (self->objects) == 0);

  g_clear_pointer (&self->acts, _stance_act_index_free);
  g_clear_pointer (&self->found, g_array_unref);
  g_clear_pointer (&self->index, _stance_index_free);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->store, _stance_store_free);
  /* Every model holds a reference on its graph too. */
  g_warn_if_fail (self->observers->len == 0 && g_queue_is_empty (&self->pending));
  g_clear_pointer (&self->observers, g_array_unref);

  G_OBJECT_CLASS (stance_graph_parent_class)->finalize (object);
}

static void
stance_graph_class_init (StanceGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stance_graph_dispose;
  object_class->finalize = stance_graph_finalize;

  /**
   * StanceGraph::node-added:
   * @self: the graph
   * @node: the new actor, claim or statement
   *
   * Emitted after a node was added, by the API or by a load.
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_ADDED] =
    g_signal_new ("node-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_NODE);

  /**
   * StanceGraph::stance-added:
   * @self: the graph
   * @stance: the new stance
   *
   * Emitted after a stance was added, by the API or by a load.
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_ADDED] =
    g_signal_new ("stance-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);

  /**
   * StanceGraph::stance-removed:
   * @self: the graph
   * @stance: the stance taken back
   *
   * Emitted after a stance was removed with
   * [method@Stance.Statement.remove_stance].
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_REMOVED] =
    g_signal_new ("stance-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);

  /**
   * StanceGraph::contradiction-added:
   * @self: the graph
   * @contradiction: the contradiction that appeared
   *
   * Emitted, while a model from [method@Stance.Graph.get_contradictions] is
   * alive, when a change to the graph makes a new contradiction appear.
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_CONTRADICTION_ADDED] =
    g_signal_new ("contradiction-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_CONTRADICTION);

  /**
   * StanceGraph::contradiction-removed:
   * @self: the graph
   * @contradiction: the contradiction that went away
   *
   * Emitted, while a model from [method@Stance.Graph.get_contradictions] is
   * alive, when a change to the graph makes a contradiction go away.
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_CONTRADICTION_REMOVED] =
    g_signal_new ("contradiction-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_CONTRADICTION);

  /**
   * StanceGraph::node-removed:
   * @self: the graph
   * @node: the actor, claim or statement removed
   *
   * Emitted after a node was removed with [method@Stance.Graph.remove_node].
   * The node's properties still read as they were, so that a handler can
   * record what it takes to add it back.
   *
   * Since: 1.2
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_NODE_REMOVED] =
    g_signal_new ("node-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_NODE);

  /**
   * StanceGraph::stance-changed:
   * @self: the graph
   * @stance: the stance whose kind, target or holder changed
   *
   * Emitted after [method@Stance.Edge.set_kind],
   * [method@Stance.Edge.set_target] or [method@Stance.Edge.set_holder]
   * changed a stance.
   *
   * Since: 1.2
   */
  _stance_graph_signals[STANCE_GRAPH_SIGNAL_STANCE_CHANGED] =
    g_signal_new ("stance-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, STANCE_TYPE_EDGE);
}

static void
stance_graph_init (StanceGraph *self)
{
  self->store = _stance_store_new ();
  self->objects = g_hash_table_new (NULL, NULL);
  self->observers = g_array_new (FALSE, FALSE, sizeof (StanceGraphObserver));
}

/**
 * stance_graph_new:
 *
 * Creates an empty graph that knows the built-in stance kinds.
 *
 * Returns: (transfer full): a new graph
 *
 * Since: 1.0
 */
StanceGraph *
stance_graph_new (void)
{
  return g_object_new (STANCE_TYPE_GRAPH, NULL);
}

StanceStore *
_stance_graph_get_store (StanceGraph *self)
{
  return self->store;
}

StanceNode *
_stance_graph_ref_node (StanceGraph *self,
                        StanceRef    ref)
{
  StanceNode *node = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (ref));
  GType type;

  if (node != NULL)
    return g_object_ref (node);

  switch (stance_ref_sort (ref))
    {
    case STANCE_SORT_ACTOR: type = STANCE_TYPE_ACTOR; break;
    case STANCE_SORT_CLAIM: type = STANCE_TYPE_CLAIM; break;
    case STANCE_SORT_STATEMENT: type = STANCE_TYPE_STATEMENT; break;
    default: g_return_val_if_reached (NULL);
    }

  node = g_object_new (type, NULL);
  _stance_node_bind (node, self, ref);
  g_hash_table_insert (self->objects, GUINT_TO_POINTER (ref), node);

  return node;
}

StanceEdge *
_stance_graph_ref_edge (StanceGraph *self,
                        guint32      stance)
{
  StanceEdge *edge = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (stance));

  if (edge != NULL)
    return g_object_ref (edge);

  /* Stance indices are below 2^30, node references above: one table. */
  edge = _stance_edge_new (self, stance);
  g_hash_table_insert (self->objects, GUINT_TO_POINTER (stance), edge);

  return edge;
}

void
_stance_graph_forget_object (StanceGraph *self,
                             guint32      key)
{
  g_hash_table_remove (self->objects, GUINT_TO_POINTER (key));
}

gboolean
_stance_graph_owns_node (StanceGraph  *self,
                         gpointer      node,
                         const char   *what,
                         GError      **error)
{
  if (stance_node_get_graph (node) != self)
    {
      g_autofree char *shown = _stance_quote (stance_node_get_id (node), -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the %s %s belongs to another graph", what, shown);
      return FALSE;
    }
  if (_stance_store_is_removed (self->store, _stance_node_get_ref (node)))
    {
      g_autofree char *shown = _stance_quote (stance_node_get_id (node), -1);

      g_set_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE,
                   "the %s %s was removed from the graph", what, shown);
      return FALSE;
    }

  return TRUE;
}


static gboolean
check_new_node (StanceGraph  *self,
                StanceSort    sort,
                const char   *id,
                GError      **error)
{
  return _stance_store_check_new_id (self->store, id, error) &&
         _stance_store_check_node_room (self->store, sort, error);
}

/**
 * stance_graph_add_actor:
 * @self: a graph
 * @id: the new actor's id, unique among all nodes of the graph
 * @name: the actor's name, such as "Donald J. Trump"
 * @kind: what sort of actor it is
 * @error: return location for an error
 *
 * Adds an actor.
 *
 * Returns: (transfer full): the new actor; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID,
 *   %STANCE_ERROR_ENCODING (not UTF-8) or %STANCE_ERROR_INVALID_VALUE on a
 *   bad argument, in which case nothing changed
 *
 * Since: 1.0
 */
StanceActor *
stance_graph_add_actor (StanceGraph      *self,
                        const char       *id,
                        const char       *name,
                        StanceActorKind   kind,
                        GError          **error)
{
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) kind > STANCE_ACTOR_KIND_OTHER)
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE, "invalid actor kind %d", kind);
      return NULL;
    }
  if (!check_new_node (self, STANCE_SORT_ACTOR, id, error) ||
      !_stance_check_utf8 (name, "name", error))
    return NULL;

  index = _stance_store_add_actor (self->store, id, name, kind);
  _stance_graph_announce_nodes (self, STANCE_SORT_ACTOR, index, 1);
  _stance_graph_deliver_pending (self);

  return STANCE_ACTOR (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_ACTOR, index)));
}

/**
 * stance_graph_add_claim:
 * @self: a graph
 * @id: the new claim's id, unique among all nodes of the graph
 * @text: the claim in words
 * @error: return location for an error
 *
 * Adds a claim.
 *
 * Returns: (transfer full): the new claim; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID or
 *   %STANCE_ERROR_ENCODING (not UTF-8) on a bad argument, in which case
 *   nothing changed
 *
 * Since: 1.0
 */
StanceClaim *
stance_graph_add_claim (StanceGraph  *self,
                        const char   *id,
                        const char   *text,
                        GError      **error)
{
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_node (self, STANCE_SORT_CLAIM, id, error) ||
      !_stance_check_utf8 (text, "text", error))
    return NULL;

  index = _stance_store_add_claim (self->store, id, text);
  _stance_graph_announce_nodes (self, STANCE_SORT_CLAIM, index, 1);
  _stance_graph_deliver_pending (self);

  return STANCE_CLAIM (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_CLAIM, index)));
}

/**
 * stance_graph_add_statement:
 * @self: a graph
 * @id: the new statement's id, unique among all nodes of the graph
 * @speaker: who made the statement: an actor of this graph
 * @time: when, in the document format's syntax, as precise as the source:
 *   `2017`, `2017-07`, `2017-07-09`, `2017-07-09T21:15Z` or
 *   `2017-07-09T21:15:33+02:00`
 * @error: return location for an error
 *
 * Adds a statement.  Give it stances with
 * [method@Stance.Statement.add_stance].
 *
 * Returns: (transfer full): the new statement; %NULL with
 *   %STANCE_ERROR_INVALID_ID, %STANCE_ERROR_DUPLICATE_ID,
 *   %STANCE_ERROR_WRONG_NODE or %STANCE_ERROR_INVALID_TIME on a bad argument,
 *   in which case nothing changed
 *
 * Since: 1.0
 */
StanceStatement *
stance_graph_add_statement (StanceGraph  *self,
                            const char   *id,
                            StanceActor  *speaker,
                            const char   *time,
                            GError      **error)
{
  StanceTime parsed;
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (speaker), NULL);
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_node (self, STANCE_SORT_STATEMENT, id, error) ||
      !_stance_graph_owns_node (self, speaker, "speaker", error) ||
      !_stance_time_parse (&parsed, time, strlen (time), error))
    return NULL;

  index = _stance_store_add_statement (self->store, id, STANCE_NODE_INDEX (speaker), &parsed);
  _stance_graph_announce_nodes (self, STANCE_SORT_STATEMENT, index, 1);
  _stance_graph_deliver_pending (self);

  return STANCE_STATEMENT (_stance_graph_ref_node (self, stance_ref_make (STANCE_SORT_STATEMENT, index)));
}

/* Pipelines that extract statements by the million add them by id and never
 * look at the objects add_statement() and add_stance() hand out: making and
 * dropping those views costs more than the store's work, so these two add
 * the same records without them. */

/**
 * stance_graph_append_statement:
 * @self: a graph
 * @id: the new statement's id, unique among all nodes of the graph
 * @speaker: the id of an actor of the graph
 * @time: when, in the document format's syntax, such as `2017-07-09`
 * @text: (nullable): the words, or %NULL
 * @lang: (nullable): the language of the words, as a BCP 47 tag, or %NULL
 * @source: (nullable): where the statement appeared, or %NULL
 * @error: return location for an error
 *
 * Adds a statement by ids, as [method@Stance.Graph.add_statement] does, but
 * without making an object for it: for pipelines that add statements by
 * the million.  Give it stances with [method@Stance.Graph.append_stance].
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_ID,
 *   %STANCE_ERROR_DUPLICATE_ID, %STANCE_ERROR_ENCODING,
 *   %STANCE_ERROR_UNKNOWN_ID, %STANCE_ERROR_WRONG_NODE or
 *   %STANCE_ERROR_INVALID_TIME on a bad argument, in which case nothing
 *   changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_append_statement (StanceGraph  *self,
                               const char   *id,
                               const char   *speaker,
                               const char   *time,
                               const char   *text,
                               const char   *lang,
                               const char   *source,
                               GError      **error)
{
  StanceTime parsed;
  StanceRef speaker_ref;
  guint32 index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (speaker != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_new_node (self, STANCE_SORT_STATEMENT, id, error) ||
      (speaker_ref = _stance_resolve_suggesting (self->store, speaker, STANCE_SORT_MASK (STANCE_SORT_ACTOR), error)) == 0 ||
      !_stance_time_parse (&parsed, time, strlen (time), error) ||
      (text != NULL && !_stance_check_utf8 (text, "text", error)) ||
      (lang != NULL && !_stance_check_utf8 (lang, "lang", error)) ||
      (source != NULL && !_stance_check_utf8 (source, "source", error)))
    return FALSE;

  index = _stance_store_add_statement (self->store, id, stance_ref_index (speaker_ref), &parsed);
  self->last_appended = index + 1;
  _stance_store_set_statement_string (self->store, index, STANCE_STATEMENT_TEXT, text);
  _stance_store_set_statement_string (self->store, index, STANCE_STATEMENT_LANG, lang);
  _stance_store_set_statement_string (self->store, index, STANCE_STATEMENT_SOURCE, source);
  _stance_graph_announce_nodes (self, STANCE_SORT_STATEMENT, index, 1);
  _stance_graph_deliver_pending (self);

  return TRUE;
}

/**
 * stance_graph_append_stance:
 * @self: a graph
 * @statement: the id of a statement of the graph
 * @kind: a stance kind, built in or declared
 * @target: the id of the node the stance is on
 * @holder: (nullable): the id of the actor whose stance it is; %NULL for the
 *   statement's speaker
 * @error: return location for an error
 *
 * Adds a stance by ids, as [method@Stance.Statement.add_stance] does, but
 * without making objects: the counterpart of
 * [method@Stance.Graph.append_statement].
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_UNKNOWN_ID,
 *   %STANCE_ERROR_WRONG_NODE or %STANCE_ERROR_UNKNOWN_KIND on a bad argument,
 *   in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_append_stance (StanceGraph  *self,
                            const char   *statement,
                            const char   *kind,
                            const char   *target,
                            const char   *holder,
                            GError      **error)
{
  StanceRef statement_ref, target_ref, holder_ref = 0;
  guint32 stance;
  int kind_index;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (statement != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->last_appended != STANCE_NONE &&
      strcmp (_stance_store_statement_id (self->store, self->last_appended - 1), statement) == 0)
    statement_ref = stance_ref_make (STANCE_SORT_STATEMENT, self->last_appended - 1);
  else
    statement_ref = _stance_resolve_suggesting (self->store, statement, STANCE_SORT_MASK (STANCE_SORT_STATEMENT), error);

  if (statement_ref == 0 ||
      (kind_index = _stance_resolve_kind_suggesting (self->store, kind, error)) < 0 ||
      (target_ref = _stance_resolve_suggesting (self->store, target, STANCE_SORT_MASK_ANY, error)) == 0 ||
      (holder != NULL &&
       (holder_ref = _stance_resolve_suggesting (self->store, holder, STANCE_SORT_MASK (STANCE_SORT_ACTOR), error)) == 0) ||
      !_stance_store_check_stance_room (self->store, error))
    return FALSE;

  stance = _stance_store_add_stance (self->store, stance_ref_index (statement_ref), (guint16) kind_index, target_ref,
                                     holder != NULL ? stance_ref_index (holder_ref)
                                                    : _stance_store_statement_speaker (self->store, stance_ref_index (statement_ref)),
                                     holder != NULL);
  _stance_graph_announce_stances (self, stance, 1);
  _stance_graph_deliver_pending (self);

  return TRUE;
}

/**
 * stance_graph_declare_kind:
 * @self: a graph
 * @name: the kind's name: lower-case ASCII letters, digits and `-`, starting
 *   with a letter, such as `praises`
 * @polarity: the kind's polarity
 * @error: return location for an error
 *
 * Declares a stance kind beyond the built-in ones.  Declaring a kind again
 * with the same polarity does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_INVALID_KIND if the
 *   name is malformed or built in, or the kind is declared with another
 *   polarity, in which case nothing changed
 *
 * Since: 1.0
 */
gboolean
stance_graph_declare_kind (StanceGraph     *self,
                           const char      *name,
                           StancePolarity   polarity,
                           GError         **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_store_check_kind (self->store, name, polarity, error))
    return FALSE;

  _stance_store_declare_kind (self->store, name, polarity);

  return TRUE;
}

/**
 * stance_graph_lookup:
 * @self: a graph
 * @id: a node id
 *
 * Finds the node with the id @id.
 *
 * Returns: (transfer full) (nullable): the actor, claim or statement, or
 *   %NULL if the graph has no node with that id
 *
 * Since: 1.0
 */
StanceNode *
stance_graph_lookup (StanceGraph *self,
                     const char  *id)
{
  StanceRef ref;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  ref = _stance_store_lookup (self->store, id);

  return ref != 0 ? _stance_graph_ref_node (self, ref) : NULL;
}

/**
 * stance_graph_lookup_kind:
 * @self: a graph
 * @name: a stance kind's name
 * @polarity: (out) (optional): where to store the kind's polarity
 *
 * Finds a stance kind, built in or declared.
 *
 * Returns: %TRUE if the graph knows the kind
 *
 * Since: 1.0
 */
gboolean
stance_graph_lookup_kind (StanceGraph    *self,
                          const char     *name,
                          StancePolarity *polarity)
{
  int kind;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  kind = _stance_store_find_kind (self->store, name);
  if (kind < 0)
    return FALSE;

  if (polarity != NULL)
    *polarity = _stance_store_kind_polarity (self->store, kind);

  return TRUE;
}

/**
 * stance_graph_dup_kinds:
 * @self: a graph
 *
 * Lists the stance kinds the graph knows: the built-in ones, then the
 * declared ones in the order they were declared.
 *
 * Returns: (transfer full) (array zero-terminated=1): the kinds' names
 *
 * Since: 1.0
 */
char **
stance_graph_dup_kinds (StanceGraph *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < _stance_store_n_kinds (self->store); i++)
    g_strv_builder_add (builder, _stance_store_kind_name (self->store, i));

  return g_strv_builder_end (builder);
}

/**
 * stance_graph_get_n_actors:
 * @self: a graph
 *
 * Counts the graph's actors.
 *
 * Returns: the number of actors
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_actors (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_ACTOR);
}

/**
 * stance_graph_get_n_claims:
 * @self: a graph
 *
 * Counts the graph's claims.
 *
 * Returns: the number of claims
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_claims (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_CLAIM);
}

/**
 * stance_graph_get_n_statements:
 * @self: a graph
 *
 * Counts the graph's statements.
 *
 * Returns: the number of statements
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_statements (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_nodes (self->store, STANCE_SORT_STATEMENT);
}

/**
 * stance_graph_get_n_stances:
 * @self: a graph
 *
 * Counts the stances of all the graph's statements.
 *
 * Returns: the number of stances
 *
 * Since: 1.0
 */
guint
stance_graph_get_n_stances (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), 0);

  return _stance_store_n_live_stances (self->store);
}

static GListModel *
get_list (StanceGraph *self,
          StanceSort   sort)
{
  if (self->lists[sort] != NULL)
    return g_object_ref (self->lists[sort]);

  self->lists[sort] = _stance_node_list_new (self, sort);
  g_object_add_weak_pointer (G_OBJECT (self->lists[sort]), (gpointer *) &self->lists[sort]);

  return self->lists[sort];
}

/**
 * stance_graph_get_actors:
 * @self: a graph
 *
 * Gets the graph's actors as a list model, in the order they were added.
 * The model is live: it emits [signal@Gio.ListModel::items-changed] as
 * actors are added and removed.
 *
 * Returns: (transfer full): a list model of [class@Stance.Actor]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_actors (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_ACTOR);
}

/**
 * stance_graph_get_claims:
 * @self: a graph
 *
 * Gets the graph's claims as a live list model, in the order they were
 * added.
 *
 * Returns: (transfer full): a list model of [class@Stance.Claim]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_claims (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_CLAIM);
}

/**
 * stance_graph_get_statements:
 * @self: a graph
 *
 * Gets the graph's statements as a live list model, in the order they were
 * added (graph order, which breaks ties between acts).
 *
 * Returns: (transfer full): a list model of [class@Stance.Statement]
 *
 * Since: 1.0
 */
GListModel *
stance_graph_get_statements (StanceGraph *self)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), NULL);

  return get_list (self, STANCE_SORT_STATEMENT);
}

/* Documents (stance-graph-io.c).  Reading builds a separate store, so an
 * invalid document never touches the graph; a valid one is adopted here:
 * swapped in whole when the graph is empty, else merged, then announced. */

gboolean
_stance_graph_adopt (StanceGraph  *self,
                     StanceStore  *loaded,
                     GError      **error)
{
  guint before[4] = { 0, _stance_store_n_actors (self->store), _stance_store_n_claims (self->store), _stance_store_n_statements (self->store) };
  guint first_stance = _stance_store_n_stances (self->store);

  if (_stance_store_is_empty (self->store))
    /* Nothing to keep and no view can exist: take the store as it is. */
    _stance_store_swap (self->store, loaded);
  else if (!_stance_store_merge (self->store, loaded, error))
    return FALSE;

  _stance_graph_announce_nodes (self, STANCE_SORT_ACTOR, before[STANCE_SORT_ACTOR], _stance_store_n_actors (self->store) - before[STANCE_SORT_ACTOR]);
  _stance_graph_announce_nodes (self, STANCE_SORT_CLAIM, before[STANCE_SORT_CLAIM], _stance_store_n_claims (self->store) - before[STANCE_SORT_CLAIM]);
  _stance_graph_announce_nodes (self, STANCE_SORT_STATEMENT, before[STANCE_SORT_STATEMENT], _stance_store_n_statements (self->store) - before[STANCE_SORT_STATEMENT]);
  _stance_graph_announce_stances (self, first_stance, _stance_store_n_stances (self->store) - first_stance);
  _stance_graph_deliver_pending (self);

  return TRUE;
}


/**
 * stance_graph_remove_node:
 * @self: a graph
 * @node: an actor, claim or statement of the graph
 * @with_referrers: whether to remove what refers to @node too
 * @error: return location for an error
 *
 * Removes a node.  A statement goes with its own stances.  What refers to
 * a node — a stance on it, a statement it spoke, a stance attributed to
 * it, a `reports`, `part_of` or `member_of` link to it — keeps it: unless
 * @with_referrers is %TRUE, the removal is refused with
 * %STANCE_ERROR_IN_USE and an error that names the first referrer.  With
 * @with_referrers, referring stances and the statements the node spoke are
 * removed too (and, in turn, what refers to those), and links to it are
 * cleared, the nodes that had them staying.
 *
 * The removal is planned whole before anything changes: it is made whole
 * or not at all.  Every model updates: the node lists, the live
 * contradictions and the models of the questions, with
 * [signal@Stance.Graph::stance-removed] for each stance and
 * [signal@Stance.Graph::node-removed] for each node.  Views of removed
 * nodes stay valid and read as before, but refuse edits and cannot be
 * used as arguments.  The id is free again: to undo, add the node back
 * (it then comes last in graph order) with its stances and links.
 *
 * Ids do not change: an id is what documents, other graphs and undo logs
 * refer to a node by.  To rename, remove the node and add it back.
 *
 * Returns: %TRUE on success; %FALSE with %STANCE_ERROR_IN_USE or
 *   %STANCE_ERROR_WRONG_NODE (another graph's node, or removed already), in
 *   which case nothing changed
 *
 * Since: 1.2
 */
gboolean
stance_graph_remove_node (StanceGraph  *self,
                          StanceNode   *node,
                          gboolean      with_referrers,
                          GError      **error)
{
  g_return_val_if_fail (STANCE_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (STANCE_IS_NODE (node), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_stance_graph_owns_node (self, node, "node", error))
    return FALSE;

  return _stance_edit_remove_node (self, _stance_node_get_ref (node), with_referrers, error);
}
