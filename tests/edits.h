/* edits.h: long random edit sequences whose handlers edit too, checked
 * against fresh queries after every step; shared by tests/test-reentrancy.c
 * (driven by a GRand) and tests/fuzz/fuzz-edits.c (driven by the fuzzer's
 * bytes)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A sequence adds actors, claims, statements and stances (by objects and by
 * ids, also ids of removed nodes again, and taken ones, which are
 * refused), takes stances back, moves statements in time, merges
 * documents, sets meta (also values no document may hold: NaN, infinities,
 * bytes that are not UTF-8, nesting past the depth limit), removes
 * statements, actors and claims (with and without what refers to them),
 * changes a stance's kind, target or holder, links statements, actors and
 * claims (reports, member_of, part_of), and takes and drops live models:
 * the node lists, the live contradictions, and the index lists of issue 10
 * (stances on a node, statements by an actor, attributions, reporters,
 * members, parts).  Every signal of the graph and of every model it holds has a
 * handler that, now and then, does the same: edits the graph, drops a
 * model (also the one emitting), or takes a new one.  A budget bounds the
 * handlers' edits per step, so that a sequence ends.
 *
 * After each step (the outermost edit has returned) every model held must
 * equal a fresh query (stance_graph_find_contradictions(), the graph's
 * counts and lookups, a fresh index list, which must in turn equal what a
 * scan of the whole graph finds), and the mirror of each model, kept by its items-changed alone,
 * must equal the model: so an items-changed that came out of order or was
 * lost is caught too.  At the end the graph is saved, loaded and saved
 * again: the two documents must be the same bytes (whatever the API took,
 * a document holds).  Any failure aborts (edits_fail).
 */

#pragma once

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstance/stance.h>

static void edits_fail (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
edits_fail (const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "edits check failed: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  abort ();
}

/* Where choices come from: a GRand, or bytes (0 once they run out). */
typedef struct
{
  GRand        *rand;
  const guint8 *data;
  gsize         size;
  gsize         pos;
} EditsSource;

static guint
edits_pick (EditsSource *src,
            guint        n)
{
  if (n <= 1)
    return 0;
  if (src->rand != NULL)
    return g_rand_int_range (src->rand, 0, n);
  if (src->pos >= src->size)
    return 0;
  return src->data[src->pos++] % n;
}

static gboolean
edits_exhausted (EditsSource *src)
{
  return src->rand == NULL && src->pos >= src->size;
}

/* What the sequences did, over all runs: a test checks that they did
 * exercise the edits and models it means to. */
static struct
{
  guint64 removals;        /* nodes removed, with or without referrers */
  guint64 refused;         /* removals refused: something refers */
  guint64 stance_changes;  /* kind, target or holder changed */
  guint64 index_items;     /* items of index models checked */
} edits_stats;

typedef enum
{
  MODEL_ACTORS,
  MODEL_CLAIMS,
  MODEL_STATEMENTS,
  MODEL_CONTRADICTIONS,
  MODEL_STANCES_ON,
  MODEL_STATEMENTS_BY,
  MODEL_ATTRIBUTIONS,
  MODEL_REPORTERS,
  MODEL_MEMBERS,
  MODEL_PARTS,
  MODEL_CAMPS,      /* one camp of a live StanceCamps */
  N_MODELS
} ModelKind;

typedef struct _Edits Edits;

/* A model held, and what its items-changed alone says it holds. */
typedef struct
{
  Edits      *edits;
  ModelKind   kind;
  StanceNode *key;     /* the node an index list is about, or NULL */
  GObject    *owner;   /* what keeps the model live (a StanceCamps), or NULL */
  guint       camp;    /* MODEL_CAMPS: 0 positive, 1 negative, 2 withdrawn */
  const char *time;    /* MODEL_CAMPS: the time asked (static), or NULL */
  GListModel *model;
  GPtrArray  *mirror;
} Held;

struct _Edits
{
  StanceGraph *graph;
  EditsSource *src;
  GPtrArray   *held;      /* Held */
  guint        budget;    /* what handlers may still do in this step */
  guint        next_id;
  guint        handler_calls;
  /* Ids are a0, a1 … (c…, s…) up to these; removed ones may come back. */
  guint        n_ids[3];
};

enum { IDS_ACTOR, IDS_CLAIM, IDS_STATEMENT };

static const char * const edits_kinds[] = {
  "proposes", "endorses", "opposes", "denies", "retracts", "questions", "no-such-kind",
};

static const char * const edits_times[] = {
  "2017", "2017-07", "2017-07-09", "2017-07-10", "2017-07-10T12:00Z", "2017-08", "2018", "2017-13",
};

static void edits_step (Edits *edits);

static void
held_free (gpointer data)
{
  Held *held = data;

  g_signal_handlers_disconnect_by_data (held->model, held);
  g_object_unref (held->model);
  g_clear_object (&held->key);
  g_clear_object (&held->owner);
  g_ptr_array_unref (held->mirror);
  g_free (held);
}

/* Handlers: most of the time nothing, else one of the things a step does.
 * The budget is spent before the edit, which may call handlers in turn. */
static void
edits_react (Edits *edits)
{
  edits->handler_calls++;
  if (edits->budget == 0 || edits_pick (edits->src, 4) != 0)
    return;
  edits->budget--;
  edits_step (edits);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Held       *held)
{
  if (position + removed > held->mirror->len)
    edits_fail ("items-changed (%u, %u, %u) past the %u items it announced before",
                position, removed, added, held->mirror->len);
  g_ptr_array_remove_range (held->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (model, position + i);

      if (item == NULL)
        edits_fail ("items-changed announced item %u, which the model does not have", position + i);
      g_ptr_array_insert (held->mirror, position + i, item);
    }
  if (held->mirror->len != g_list_model_get_n_items (model))
    edits_fail ("after items-changed the model has %u items, its announcements say %u",
                g_list_model_get_n_items (model), held->mirror->len);
}

static void
on_items_changed_react (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Held       *held)
{
  edits_react (held->edits);
}

static void
on_graph_signal (StanceGraph *graph,
                 GObject     *object,
                 Edits       *edits)
{
  if (object == NULL)
    edits_fail ("a graph signal without its object");
  edits_react (edits);
}

static StanceNode *pick_node (Edits *edits, const char *prefix, guint n);
static StanceNode *pick_target (Edits *edits);

/* A fresh index list of @kind about @key. */
static GListModel *
index_query (StanceGraph *graph,
             ModelKind    kind,
             StanceNode  *key)
{
  switch (kind)
    {
    case MODEL_STANCES_ON: return stance_graph_get_stances_on (graph, key);
    case MODEL_STATEMENTS_BY: return stance_graph_get_statements_by (graph, STANCE_ACTOR (key));
    case MODEL_ATTRIBUTIONS: return stance_graph_get_attributions (graph, STANCE_ACTOR (key));
    case MODEL_REPORTERS: return stance_graph_get_reporters (graph, STANCE_STATEMENT (key));
    case MODEL_MEMBERS: return stance_graph_get_members (graph, STANCE_ACTOR (key));
    case MODEL_PARTS: return stance_graph_get_parts (graph, STANCE_CLAIM (key));
    default: g_assert_not_reached ();
    }
}

static GListModel *
camp_of (StanceCamps *camps,
         guint        camp)
{
  return camp == 0 ? stance_camps_get_positive (camps) :
         camp == 1 ? stance_camps_get_negative (camps) : stance_camps_get_withdrawn (camps);
}

static void
take_model (Edits     *edits,
            ModelKind  kind)
{
  Held *held;
  StanceNode *key = NULL;
  guint n;

  switch (kind)
    {
    case MODEL_STANCES_ON: key = pick_target (edits); break;
    case MODEL_STATEMENTS_BY:
    case MODEL_ATTRIBUTIONS:
    case MODEL_MEMBERS: key = pick_node (edits, "a", edits->n_ids[IDS_ACTOR]); break;
    case MODEL_REPORTERS: key = pick_node (edits, "s", edits->n_ids[IDS_STATEMENT]); break;
    case MODEL_PARTS: key = pick_node (edits, "c", edits->n_ids[IDS_CLAIM]); break;
    case MODEL_CAMPS: key = pick_target (edits); break;
    default: break;
    }
  if (kind >= MODEL_STANCES_ON && key == NULL)
    return;

  held = g_new0 (Held, 1);
  held->edits = edits;
  held->kind = kind;
  held->key = key;
  switch (kind)
    {
    case MODEL_ACTORS: held->model = stance_graph_get_actors (edits->graph); break;
    case MODEL_CLAIMS: held->model = stance_graph_get_claims (edits->graph); break;
    case MODEL_STATEMENTS: held->model = stance_graph_get_statements (edits->graph); break;
    case MODEL_CONTRADICTIONS: held->model = stance_graph_get_contradictions (edits->graph); break;
    case MODEL_CAMPS:
      held->camp = edits_pick (edits->src, 3);
      /* Now, or a time that leaves some acts out. */
      held->time = edits_pick (edits->src, 2) ? NULL : edits_times[edits_pick (edits->src, G_N_ELEMENTS (edits_times) - 1)];
      held->owner = G_OBJECT (stance_graph_get_camps (edits->graph, key, held->time, NULL));
      held->model = g_object_ref (camp_of (STANCE_CAMPS (held->owner), held->camp));
      break;
    default: held->model = index_query (edits->graph, kind, key); break;
    }
  held->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (held->model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (held->mirror, g_list_model_get_item (held->model, i));
  /* The mirror first, so that it is current when the reaction runs. */
  g_signal_connect (held->model, "items-changed", G_CALLBACK (on_items_changed), held);
  g_signal_connect (held->model, "items-changed", G_CALLBACK (on_items_changed_react), held);
  g_ptr_array_add (edits->held, held);
}

static char *
pick_id (Edits      *edits,
         const char *prefix,
         guint       n)
{
  /* Ids are prefix + number; now and then one that does not exist. */
  return g_strdup_printf ("%s%u", prefix, edits_pick (edits->src, n + 1));
}

static StanceNode *
pick_node (Edits      *edits,
           const char *prefix,
           guint       n)
{
  g_autofree char *id = NULL;

  if (n == 0)
    return NULL;
  id = g_strdup_printf ("%s%u", prefix, edits_pick (edits->src, n));
  return stance_graph_lookup (edits->graph, id);
}

static StanceNode *
pick_target (Edits *edits)
{
  switch (edits_pick (edits->src, 4))
    {
    case 0: return pick_node (edits, "a", edits->n_ids[IDS_ACTOR]);
    case 1: return pick_node (edits, "s", edits->n_ids[IDS_STATEMENT]);
    default: return pick_node (edits, "c", edits->n_ids[IDS_CLAIM]);
    }
}


/* An id for a new node: mostly a new one, sometimes one used before (taken
 * or removed). */
static char *
new_id (Edits      *edits,
        const char *prefix,
        guint       ids)
{
  guint n = edits_pick (edits->src, edits->n_ids[ids] + 2);

  if (n >= edits->n_ids[ids])
    n = edits->n_ids[ids]++;
  return g_strdup_printf ("%s%u", prefix, n);
}

/* Checks an add by id: refused with DUPLICATE_ID exactly when @existed. */
static void
check_add (gpointer     added,
           gboolean     existed,
           const char  *what,
           GError      *error)
{
  if (existed && (added != NULL || !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID)))
    edits_fail ("%s of a taken id was not refused as a duplicate", what);
  if (!existed && added == NULL)
    edits_fail ("%s: %s", what, error->message);
}

/* A stance of a random statement, or NULL. */
static StanceEdge *
pick_stance (Edits *edits)
{
  g_autoptr(StanceNode) statement = pick_node (edits, "s", edits->n_ids[IDS_STATEMENT]);
  g_autoptr(GPtrArray) stances = NULL;

  if (statement == NULL)
    return NULL;
  stances = stance_statement_dup_stances (STANCE_STATEMENT (statement));
  if (stances->len == 0)
    return NULL;
  return g_object_ref (stances->pdata[edits_pick (edits->src, stances->len)]);
}

static void
remove_node (Edits *edits)
{
  g_autoptr(StanceNode) node = pick_target (edits);
  g_autoptr(GError) error = NULL;
  gboolean with_referrers = edits_pick (edits->src, 2);

  if (node == NULL)
    return;
  if (stance_graph_remove_node (edits->graph, node, with_referrers, &error))
    {
      g_autoptr(StanceNode) found = stance_graph_lookup (edits->graph, stance_node_get_id (node));

      edits_stats.removals++;
      /* A handler may have taken the id again, for a new node. */
      if (found == node)
        edits_fail ("a removed node is still found by its id");
      /* Removed already: refused, nothing changed. */
      if (stance_graph_remove_node (edits->graph, node, TRUE, &error) ||
          !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE))
        edits_fail ("a removed node was removed again");
    }
  else if (with_referrers || !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_IN_USE))
    edits_fail ("remove_node: %s", error->message);
  else
    edits_stats.refused++;
}

static void
change_stance (Edits *edits)
{
  g_autoptr(StanceEdge) edge = pick_stance (edits);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (edge == NULL)
    return;
  edits_stats.stance_changes++;
  switch (edits_pick (edits->src, 3))
    {
    case 0:
      ok = stance_edge_set_kind (edge, edits_kinds[edits_pick (edits->src, G_N_ELEMENTS (edits_kinds))], &error);
      if (!ok && !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND))
        edits_fail ("set_kind: %s", error->message);
      break;
    case 1:
      {
        g_autoptr(StanceNode) target = pick_target (edits);

        if (target != NULL && !stance_edge_set_target (edge, target, &error))
          edits_fail ("set_target: %s", error->message);
      }
      break;
    default:
      {
        g_autoptr(StanceNode) holder = edits_pick (edits->src, 3) ? pick_node (edits, "a", edits->n_ids[IDS_ACTOR]) : NULL;

        if (!stance_edge_set_holder (edge, holder != NULL ? STANCE_ACTOR (holder) : NULL, &error))
          edits_fail ("set_holder: %s", error->message);
      }
      break;
    }
}

/* reports, member_of and part_of: what the reporters, members and parts
 * lists show.  A cycle is refused. */
static void
link_nodes (Edits *edits)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (edits_pick (edits->src, 3))
    {
    case 0:
      {
        g_autoptr(StanceNode) statement = pick_node (edits, "s", edits->n_ids[IDS_STATEMENT]);
        g_autoptr(StanceNode) reported = edits_pick (edits->src, 4) ? pick_node (edits, "s", edits->n_ids[IDS_STATEMENT]) : NULL;

        if (statement != NULL)
          ok = stance_statement_set_reports (STANCE_STATEMENT (statement), (StanceStatement *) reported, &error);
      }
      break;
    case 1:
      {
        g_autoptr(StanceNode) actor = pick_node (edits, "a", edits->n_ids[IDS_ACTOR]);
        g_autoptr(StanceNode) group = pick_node (edits, "a", edits->n_ids[IDS_ACTOR]);

        if (actor != NULL && group != NULL)
          ok = stance_actor_add_member_of (STANCE_ACTOR (actor), STANCE_ACTOR (group), &error);
      }
      break;
    default:
      {
        g_autoptr(StanceNode) claim = pick_node (edits, "c", edits->n_ids[IDS_CLAIM]);
        g_autoptr(StanceNode) whole = edits_pick (edits->src, 4) ? pick_node (edits, "c", edits->n_ids[IDS_CLAIM]) : NULL;

        if (claim != NULL)
          ok = stance_claim_set_part_of (STANCE_CLAIM (claim), (StanceClaim *) whole, &error);
      }
      break;
    }
  if (!ok && (error == NULL || error->domain != STANCE_ERROR))
    edits_fail ("a link was refused without a STANCE_ERROR");
}


/* A JSON value from the source: sometimes one no document may hold. */
static JsonNode *
make_value (Edits *edits,
            guint  depth)
{
  static const char * const strings[] = { "ok", "caf\xc3\xa9", "\xff\xfe", "\x1b[31m", "" };

  switch (depth > 80 ? 0 : edits_pick (edits->src, 9))
    {
    case 0: return json_node_init_int (json_node_alloc (), edits_pick (edits->src, 1000));
    case 1: return json_node_init_double (json_node_alloc (), edits_pick (edits->src, 3) == 0 ? NAN : 0.5);
    case 2: return json_node_init_double (json_node_alloc (), edits_pick (edits->src, 2) ? INFINITY : -INFINITY);
    case 3: return json_node_init_string (json_node_alloc (), strings[edits_pick (edits->src, G_N_ELEMENTS (strings))]);
    case 4: return json_node_init_boolean (json_node_alloc (), TRUE);
    case 5: return json_node_init_null (json_node_alloc ());
    case 6:
      {
        /* Deep: a chain of arrays, near and past the depth limit. */
        JsonNode *node = make_value (edits, depth + 60);
        guint levels = 55 + edits_pick (edits->src, 15);

        for (guint i = 0; i < levels; i++)
          {
            JsonArray *array = json_array_new ();

            json_array_add_element (array, node);
            node = json_node_init_array (json_node_alloc (), array);
            json_array_unref (array);
          }
        return node;
      }
    case 7:
      {
        JsonArray *array = json_array_new ();
        JsonNode *node;

        for (guint i = edits_pick (edits->src, 3); i > 0; i--)
          json_array_add_element (array, make_value (edits, depth + 1));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();
        JsonNode *node;

        for (guint i = edits_pick (edits->src, 3); i > 0; i--)
          json_object_set_member (object, strings[edits_pick (edits->src, G_N_ELEMENTS (strings))],
                                  make_value (edits, depth + 1));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}

static void
set_meta (Edits *edits)
{
  g_autoptr(JsonNode) meta = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_object_new ();
  g_autoptr(StanceNode) node = pick_target (edits);
  gboolean ok;

  json_object_set_member (object, "v", make_value (edits, 0));
  meta = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  if (node == NULL)
    return;
  if (STANCE_IS_STATEMENT (node) && edits_pick (edits->src, 2) == 0)
    {
      g_autoptr(GPtrArray) stances = stance_statement_dup_stances (STANCE_STATEMENT (node));

      if (stances->len == 0)
        return;
      ok = stance_edge_set_meta (stances->pdata[edits_pick (edits->src, stances->len)], meta, &error);
    }
  else
    ok = stance_node_set_meta (node, meta, &error);

  if (!ok && (error == NULL || error->domain != STANCE_ERROR || !g_utf8_validate (error->message, -1, NULL)))
    edits_fail ("set_meta refused without a STANCE_ERROR in UTF-8");
}

static void
merge_document (Edits *edits)
{
  guint n = edits->next_id++;
  g_autofree char *doc = g_strdup_printf (
    "{\"stance\": 1, \"actors\": [{\"id\": \"m%u-a\", \"name\": \"M\"}], \"claims\": [{\"id\": \"m%u-c\", \"text\": \"C\"}], "
    "\"statements\": [{\"id\": \"m%u-s1\", \"speaker\": \"m%u-a\", \"time\": \"2017\", \"stances\": [{\"kind\": \"proposes\", \"target\": \"m%u-c\"}]}, "
    "{\"id\": \"m%u-s2\", \"speaker\": \"m%u-a\", \"time\": \"2018\", \"stances\": [{\"kind\": \"opposes\", \"target\": \"m%u-c\"}]}]}",
    n, n, n, n, n, n, n, n);
  g_autoptr(GError) error = NULL;

  if (!stance_graph_load_from_data (edits->graph, doc, -1, &error))
    edits_fail ("a merge of new ids was refused: %s", error->message);
}

/* One edit, or taking or dropping a model. */
static void
edits_step (Edits *edits)
{
  StanceGraph *graph = edits->graph;
  guint n_actors = edits->n_ids[IDS_ACTOR];
  guint n_claims = edits->n_ids[IDS_CLAIM];
  guint n_statements = edits->n_ids[IDS_STATEMENT];
  g_autoptr(GError) error = NULL;

  switch (edits_pick (edits->src, 20))
    {
    case 0:
      {
        g_autofree char *id = new_id (edits, "a", IDS_ACTOR);
        g_autoptr(StanceNode) taken = stance_graph_lookup (graph, id);
        g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, &error);

        check_add (actor, taken != NULL, "add_actor", error);
        break;
      }
    case 1:
      {
        g_autofree char *id = new_id (edits, "c", IDS_CLAIM);
        g_autoptr(StanceNode) taken = stance_graph_lookup (graph, id);
        g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, id, &error);

        check_add (claim, taken != NULL, "add_claim", error);
        break;
      }
    case 2:
      {
        g_autoptr(StanceNode) speaker = pick_node (edits, "a", n_actors);
        g_autofree char *id = NULL;
        g_autoptr(StanceNode) taken = NULL;
        g_autoptr(StanceStatement) statement = NULL;

        if (speaker == NULL)
          break;
        id = new_id (edits, "s", IDS_STATEMENT);
        taken = stance_graph_lookup (graph, id);
        statement = stance_graph_add_statement (graph, id, STANCE_ACTOR (speaker),
                                                edits_times[edits_pick (edits->src, G_N_ELEMENTS (edits_times) - 1)], &error);
        check_add (statement, taken != NULL, "add_statement", error);
        break;
      }
    case 3:
    case 4:
      {
        g_autoptr(StanceNode) statement = pick_node (edits, "s", n_statements);
        g_autoptr(StanceNode) target = pick_target (edits);
        g_autoptr(StanceNode) holder = edits_pick (edits->src, 4) == 0 ? pick_node (edits, "a", n_actors) : NULL;
        g_autoptr(StanceEdge) edge = NULL;

        if (statement == NULL || target == NULL)
          break;
        edge = stance_statement_add_stance (STANCE_STATEMENT (statement),
                                            edits_kinds[edits_pick (edits->src, G_N_ELEMENTS (edits_kinds))],
                                            target, holder != NULL ? STANCE_ACTOR (holder) : NULL, &error);
        if (edge == NULL && error->domain != STANCE_ERROR)
          edits_fail ("add_stance: %s", error->message);
        break;
      }
    case 5:
      {
        /* By ids, which may not exist: refused then, with nothing changed. */
        g_autofree char *statement = pick_id (edits, "s", n_statements);
        g_autofree char *target = pick_id (edits, "c", n_claims);
        g_autofree char *holder = edits_pick (edits->src, 3) == 0 ? pick_id (edits, "a", n_actors) : NULL;

        if (!stance_graph_append_stance (graph, statement, edits_kinds[edits_pick (edits->src, G_N_ELEMENTS (edits_kinds))],
                                         target, holder, &error) &&
            error->domain != STANCE_ERROR)
          edits_fail ("append_stance: %s", error->message);
        break;
      }
    case 6:
    case 7:
      {
        g_autoptr(StanceNode) statement = pick_node (edits, "s", n_statements);
        g_autoptr(GPtrArray) stances = NULL;

        if (statement == NULL)
          break;
        stances = stance_statement_dup_stances (STANCE_STATEMENT (statement));
        if (stances->len > 0 &&
            !stance_statement_remove_stance (STANCE_STATEMENT (statement),
                                             stances->pdata[edits_pick (edits->src, stances->len)], &error))
          edits_fail ("remove_stance: %s", error->message);
        break;
      }
    case 8:
      {
        g_autoptr(StanceNode) statement = pick_node (edits, "s", n_statements);
        const char *time = edits_times[edits_pick (edits->src, G_N_ELEMENTS (edits_times))];

        if (statement != NULL &&
            !stance_statement_set_time (STANCE_STATEMENT (statement), time, &error) &&
            !g_error_matches (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME))
          edits_fail ("set_time: %s", error->message);
        break;
      }
    case 9:
      merge_document (edits);
      break;
    case 10:
      set_meta (edits);
      break;
    case 11:
    case 12:
      take_model (edits, edits_pick (edits->src, N_MODELS));
      break;
    case 13:
      remove_node (edits);
      break;
    case 14:
    case 15:
      change_stance (edits);
      break;
    case 16:
      merge_document (edits);
      break;
    case 17:
      link_nodes (edits);
      break;
    default:
      if (edits->held->len > 0)
        g_ptr_array_remove_index (edits->held, edits_pick (edits->src, edits->held->len));
      break;
    }
}

static void
check_same_contradictions (GListModel *live,
                           GListModel *fresh)
{
  guint n = g_list_model_get_n_items (fresh);

  if (g_list_model_get_n_items (live) != n)
    edits_fail ("the live model has %u contradictions, a fresh query %u", g_list_model_get_n_items (live), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceContradiction) a = g_list_model_get_item (live, i);
      g_autoptr(StanceContradiction) b = g_list_model_get_item (fresh, i);

      /* Views are the same objects while alive, and both hold theirs. */
      if (stance_contradiction_get_kind (a) != stance_contradiction_get_kind (b) ||
          stance_contradiction_get_target (a) != stance_contradiction_get_target (b) ||
          stance_contradiction_get_holder (a) != stance_contradiction_get_holder (b) ||
          stance_contradiction_get_other_holder (a) != stance_contradiction_get_other_holder (b) ||
          stance_contradiction_get_attributed_by (a) != stance_contradiction_get_attributed_by (b) ||
          stance_contradiction_get_first (a) != stance_contradiction_get_first (b) ||
          stance_contradiction_get_second (a) != stance_contradiction_get_second (b))
        edits_fail ("contradiction %u of the live model differs from a fresh query's", i);
    }
}

/* What an index list must hold, found by a scan of the whole graph, not
 * by the index: the stances or nodes that refer to @key, in graph order
 * (statements by an actor: in time order, then graph order). */
static GPtrArray *
scan_graph (StanceGraph *graph,
            ModelKind    kind,
            StanceNode  *key)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) nodes = kind == MODEL_MEMBERS ? stance_graph_get_actors (graph) :
                                kind == MODEL_PARTS ? stance_graph_get_claims (graph) :
                                stance_graph_get_statements (graph);
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) node = g_list_model_get_item (nodes, i);

      switch (kind)
        {
        case MODEL_STANCES_ON:
        case MODEL_ATTRIBUTIONS:
          {
            g_autoptr(GPtrArray) stances = stance_statement_dup_stances (STANCE_STATEMENT (node));

            for (guint k = 0; k < stances->len; k++)
              {
                StanceEdge *edge = stances->pdata[k];

                if (kind == MODEL_STANCES_ON ? stance_edge_get_target (edge) == key
                                             : (stance_edge_is_attributed (edge) &&
                                                STANCE_NODE (stance_edge_get_holder (edge)) == key))
                  g_ptr_array_add (found, g_object_ref (edge));
              }
          }
          break;
        case MODEL_STATEMENTS_BY:
          if (STANCE_NODE (stance_statement_get_speaker (STANCE_STATEMENT (node))) == key)
            g_ptr_array_add (found, g_object_ref (node));
          break;
        case MODEL_REPORTERS:
          {
            g_autoptr(StanceStatement) reported = stance_statement_dup_reports (STANCE_STATEMENT (node));

            if (reported != NULL && STANCE_NODE (reported) == key)
              g_ptr_array_add (found, g_object_ref (node));
          }
          break;
        case MODEL_MEMBERS:
          {
            g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (STANCE_ACTOR (node));

            for (guint k = 0; groups != NULL && k < groups->len; k++)
              if (groups->pdata[k] == (gpointer) key)
                {
                  g_ptr_array_add (found, g_object_ref (node));
                  break;
                }
          }
          break;
        case MODEL_PARTS:
          {
            g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (STANCE_CLAIM (node));

            if (whole != NULL && STANCE_NODE (whole) == key)
              g_ptr_array_add (found, g_object_ref (node));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (kind == MODEL_STATEMENTS_BY)
    {
      /* Insertion sort by (start, end): stable, so graph order breaks ties. */
      for (guint i = 1; i < found->len; i++)
        for (guint j = i; j > 0; j--)
          {
            g_autoptr(StanceTime) a = stance_statement_dup_time (found->pdata[j - 1]);
            g_autoptr(StanceTime) b = stance_statement_dup_time (found->pdata[j]);
            gpointer swap;

            if (stance_time_get_start (a) < stance_time_get_start (b) ||
                (stance_time_get_start (a) == stance_time_get_start (b) &&
                 stance_time_get_end (a) <= stance_time_get_end (b)))
              break;
            swap = found->pdata[j - 1];
            found->pdata[j - 1] = found->pdata[j];
            found->pdata[j] = swap;
          }
    }

  return found;
}

/* An index list equals a fresh one, and what a scan of the graph finds. */
static void
check_index_list (Edits *edits,
                  Held  *held)
{
  g_autoptr(GListModel) fresh = index_query (edits->graph, held->kind, held->key);
  g_autoptr(GPtrArray) scanned = scan_graph (edits->graph, held->kind, held->key);
  guint n = g_list_model_get_n_items (held->model);

  edits_stats.index_items += n;
  if (g_list_model_get_n_items (fresh) != n)
    edits_fail ("index model %d of %s: %u items, a fresh query %u", held->kind,
                stance_node_get_id (held->key), n, g_list_model_get_n_items (fresh));
  if (scanned->len != n)
    edits_fail ("index model %d of %s: %u items, a scan of the graph %u", held->kind,
                stance_node_get_id (held->key), n, scanned->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (held->model, i);
      g_autoptr(GObject) b = g_list_model_get_item (fresh, i);

      if (a != b || a != scanned->pdata[i])
        edits_fail ("index model %d of %s: item %u differs from a fresh query's or a scan's", held->kind,
                    stance_node_get_id (held->key), i);
    }
}

/* A live camp equals the same camp asked again. */
static void
check_camp (Edits *edits,
            Held  *held)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceCamps) camps = stance_graph_get_camps (edits->graph, held->key, held->time, &error);
  GListModel *fresh;
  guint n = g_list_model_get_n_items (held->model);

  if (camps == NULL)
    {
      /* The target was removed: the camp must be empty then. */
      if (!g_error_matches (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE) || n != 0)
        edits_fail ("camp %u of %s: %s, with %u items", held->camp, stance_node_get_id (held->key),
                    error->message, n);
      return;
    }
  fresh = camp_of (camps, held->camp);
  edits_stats.index_items += n;
  if (g_list_model_get_n_items (fresh) != n)
    edits_fail ("camp %u of %s: %u items, a fresh one %u", held->camp, stance_node_get_id (held->key),
                n, g_list_model_get_n_items (fresh));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (held->model, i);
      g_autoptr(GObject) b = g_list_model_get_item (fresh, i);

      if (a != b)
        edits_fail ("camp %u of %s: item %u differs from a fresh one's", held->camp,
                    stance_node_get_id (held->key), i);
    }
}

/* A node list shows live nodes only: each is what its id finds. */
static void
check_live_nodes (Edits *edits,
                  Held  *held)
{
  for (guint i = 0; i < held->mirror->len; i++)
    {
      g_autoptr(StanceNode) found = stance_graph_lookup (edits->graph, stance_node_get_id (held->mirror->pdata[i]));

      if (found != held->mirror->pdata[i])
        edits_fail ("node list %d: item %u (%s) is not in the graph", held->kind, i,
                    stance_node_get_id (held->mirror->pdata[i]));
    }
}

/* After the outermost edit: every model equals a fresh query. */
static void
edits_check (Edits *edits)
{
  g_autoptr(GListModel) fresh = stance_graph_find_contradictions (edits->graph);

  for (guint h = 0; h < edits->held->len; h++)
    {
      Held *held = edits->held->pdata[h];
      guint n = g_list_model_get_n_items (held->model);

      if (held->mirror->len != n)
        edits_fail ("model %d: items-changed announced %u items, it has %u", held->kind, held->mirror->len, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (held->model, i);

          if (item != held->mirror->pdata[i])
            edits_fail ("model %d: item %u is not the one items-changed announced", held->kind, i);
        }

      switch (held->kind)
        {
        case MODEL_ACTORS:
          if (n != stance_graph_get_n_actors (edits->graph))
            edits_fail ("the actors model has %u, the graph %u", n, stance_graph_get_n_actors (edits->graph));
          check_live_nodes (edits, held);
          break;
        case MODEL_CLAIMS:
          if (n != stance_graph_get_n_claims (edits->graph))
            edits_fail ("the claims model has %u, the graph %u", n, stance_graph_get_n_claims (edits->graph));
          check_live_nodes (edits, held);
          break;
        case MODEL_STATEMENTS:
          if (n != stance_graph_get_n_statements (edits->graph))
            edits_fail ("the statements model has %u, the graph %u", n, stance_graph_get_n_statements (edits->graph));
          check_live_nodes (edits, held);
          break;
        case MODEL_CONTRADICTIONS:
          check_same_contradictions (held->model, fresh);
          break;
        case MODEL_CAMPS:
          check_camp (edits, held);
          break;
        default:
          check_index_list (edits, held);
          break;
        }
    }
}

/* Whatever the API accepted, a document holds: save, load, save again. */
static void
edits_check_round_trip (StanceGraph *graph)
{
  gsize length;
  g_autofree char *saved = stance_graph_save_to_data (graph, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) loaded = stance_graph_new_from_data (saved, length, &error);
  g_autofree char *again = NULL;

  if (loaded == NULL)
    edits_fail ("the graph's document does not load: %s", error->message);
  again = stance_graph_save_to_data (loaded, NULL);
  if (strcmp (saved, again) != 0)
    edits_fail ("the graph's document does not save again the same");
}

/* Runs a sequence of @steps steps (or until the bytes run out), with
 * handlers that edit and drop; checks after each step and at the end.
 * Returns how many times a handler ran. */
static guint
edits_run (EditsSource *src,
           guint        steps,
           guint        budget)
{
  Edits edits = { 0, };
  StanceGraph *graph = stance_graph_new ();
  GWeakRef weak;

  edits.graph = graph;
  edits.src = src;
  edits.held = g_ptr_array_new_with_free_func (held_free);
  g_weak_ref_init (&weak, graph);

  g_signal_connect (graph, "node-added", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "stance-added", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "stance-removed", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "contradiction-added", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "contradiction-removed", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "node-removed", G_CALLBACK (on_graph_signal), &edits);
  g_signal_connect (graph, "stance-changed", G_CALLBACK (on_graph_signal), &edits);

  for (guint step = 0; step < steps && !edits_exhausted (src); step++)
    {
      edits.budget = budget;
      edits_step (&edits);
      edits_check (&edits);
    }

  edits_check_round_trip (graph);

  g_ptr_array_unref (edits.held);
  g_signal_handlers_disconnect_by_data (graph, &edits);
  g_object_unref (graph);
  {
    /* Nothing may keep the graph alive once its last reference is gone. */
    GObject *still = g_weak_ref_get (&weak);

    if (still != NULL)
      edits_fail ("the graph outlived its last reference");
  }
  g_weak_ref_clear (&weak);

  return edits.handler_calls;
}
