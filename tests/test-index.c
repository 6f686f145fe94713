/* test-index.c: questions from every side, and their live models
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The answers on the seed story, checked by hand; then random graphs under
 * random edits (stances added, removed and changed, statements moved,
 * links set, nodes removed), after each of which every live model must
 * equal a brute-force scan of the graph, and the items-changed emissions
 * must account for every difference.
 */

#include <libstance/stance.h>

#include "test-json.h"

static char *
describe (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      if (STANCE_IS_EDGE (item))
        g_string_append_printf (out, "%s:%s:%s:%s",
                                stance_node_get_id (STANCE_NODE (stance_edge_get_statement (STANCE_EDGE (item)))),
                                stance_edge_get_kind (STANCE_EDGE (item)),
                                stance_node_get_id (stance_edge_get_target (STANCE_EDGE (item))),
                                stance_node_get_id (STANCE_NODE (stance_edge_get_holder (STANCE_EDGE (item)))));
      else
        g_string_append (out, stance_node_get_id (STANCE_NODE (item)));
    }

  return g_string_free (out, FALSE);
}

static void
assert_model (GListModel *model,
              const char *expected)
{
  g_autofree char *got = describe (model);

  g_assert_cmpstr (got, ==, expected);
}

static void
count_one (guint *n)
{
  (*n)++;
}

static void
test_story_questions (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(StanceNode) unit = test_lookup (graph, "cyber-unit");
  g_autoptr(StanceActor) putin = test_lookup (graph, "putin");
  g_autoptr(StanceActor) trump = test_lookup (graph, "trump");
  g_autoptr(StanceActor) us = test_lookup (graph, "us");
  g_autoptr(StanceClaim) plan = test_lookup (graph, "plan-2020");
  g_autoptr(StanceStatement) putin_2020 = test_lookup (graph, "putin-2020-09-25");
  g_autoptr(StanceStatement) heise = test_lookup (graph, "heise-2020-09");
  g_autoptr(StanceStatement) kaspersky = test_lookup (graph, "kaspersky-2020-09-25");
  g_autoptr(GListModel) said = stance_graph_get_statements_by (graph, putin);
  g_autoptr(GListModel) on = NULL;
  g_autoptr(GListModel) attributed = stance_graph_get_attributions (graph, trump);
  g_autoptr(GListModel) reporters = stance_graph_get_reporters (graph, kaspersky);
  g_autoptr(GListModel) chain = stance_graph_get_report_chain (graph, heise);
  g_autoptr(GListModel) members = stance_graph_get_members (graph, us);
  g_autoptr(GListModel) parts = stance_graph_get_parts (graph, STANCE_CLAIM (plan));
  g_autoptr(GListModel) positions = NULL;
  g_autoptr(StanceCamps) camps = NULL;
  g_autoptr(GError) error = NULL;

  assert_model (said, "putin-2017-07 putin-2020-09-25");
  assert_model (attributed, "putin-2017-07:endorses:cyber-unit:trump duran-2017-07:endorses:cyber-unit:trump");
  assert_model (reporters, "thread-2020-09-kaspersky");
  assert_model (chain, "putin-2020-09-25");
  assert_model (parts, "plan-2020-point-1 plan-2020-point-2 plan-2020-point-3 plan-2020-point-4 plan-2020-point-5");
  g_assert_cmpuint (g_list_model_get_item_type (members), ==, STANCE_TYPE_ACTOR);

  on = stance_graph_get_stances_on (graph, STANCE_NODE (plan));
  assert_model (on, "putin-2020-09-25:proposes:plan-2020:putin kaspersky-2020-09-25:endorses:plan-2020:kaspersky "
                    "heise-2020-09:proposes:plan-2020:putin thread-2020-09-intro:proposes:plan-2020:putin "
                    "thread-2020-09-intro:comments:plan-2020:thread-author thread-2020-09-timing:comments:plan-2020:thread-author "
                    "thread-2020-09-kaspersky:endorses:plan-2020:kaspersky");
  g_clear_object (&on);
  on = stance_graph_get_stances_on (graph, STANCE_NODE (putin_2020));
  assert_model (on, "heise-2020-09:criticizes:putin-2020-09-25:heise thread-2020-09-timing:questions:putin-2020-09-25:thread-author "
                    "thread-2020-09-timing:criticizes:putin-2020-09-25:thread-author "
                    "thread-2020-09-kaspersky:comments:putin-2020-09-25:thread-author");

  /* Who is for and against the unit on 9 July 2017?  Month-precise acts
   * (2017-07) have begun by then; Trump's retraction of the 10th has not. */
  camps = stance_graph_get_camps (graph, unit, "2017-07-09", &error);
  g_assert_no_error (error);
  assert_model (stance_camps_get_positive (camps),
                "mnuchin-2017-07:supports:cyber-unit:mnuchin putin-2017-07:confirms:cyber-unit:putin "
                "trump-2017-07-09:proposes:cyber-unit:trump");
  assert_model (stance_camps_get_negative (camps),
                "graham-2017-07:mocks:cyber-unit:graham rubio-2017-07:opposes:cyber-unit:rubio");
  assert_model (stance_camps_get_withdrawn (camps), "");
  g_assert_cmpstr (stance_camps_get_time (camps), ==, "2017-07-09");
  g_assert_true (stance_camps_get_target (camps) == unit);
  g_clear_object (&camps);

  camps = stance_graph_get_camps (graph, unit, NULL, &error);
  g_assert_no_error (error);
  assert_model (stance_camps_get_withdrawn (camps), "trump-2017-07-10:retracts:cyber-unit:trump");
  g_assert_null (stance_camps_get_time (camps));
  g_clear_object (&camps);

  positions = stance_graph_get_positions (graph, trump, "2017-07-09", &error);
  g_assert_no_error (error);
  assert_model (positions, "trump-2017-07-09:proposes:cyber-unit:trump");
  g_clear_object (&positions);
  positions = stance_graph_get_positions (graph, trump, NULL, &error);
  g_assert_no_error (error);
  assert_model (positions, "trump-2017-07-10:retracts:cyber-unit:trump trump-2017-07-10:confirms:ceasefire:trump");
  g_clear_object (&positions);

  /* Camps are live: a statement moved in time, a kind changed, a
   * statement removed each move holders between camps. */
  camps = stance_graph_get_camps (graph, unit, NULL, &error);
  assert_model (stance_camps_get_withdrawn (camps), "trump-2017-07-10:retracts:cyber-unit:trump");
  {
    g_autoptr(StanceStatement) proposal = test_lookup (graph, "trump-2017-07-09");
    g_autoptr(StanceStatement) attack = test_lookup (graph, "rubio-2017-07");
    g_autoptr(GPtrArray) stances = stance_statement_dup_stances (attack);
    guint changes = 0;

    g_signal_connect_swapped (stance_camps_get_withdrawn (camps), "items-changed",
                              G_CALLBACK (count_one), &changes);
    g_assert_true (stance_statement_set_time (proposal, "2017-07-11", NULL));
    assert_model (stance_camps_get_withdrawn (camps), "");
    g_assert_cmpuint (changes, ==, 1);
    g_assert_true (stance_edge_set_kind (g_ptr_array_index (stances, 0), "supports", NULL));
    assert_model (stance_camps_get_negative (camps), "graham-2017-07:mocks:cyber-unit:graham");
    g_assert_true (stance_graph_remove_node (graph, STANCE_NODE (attack), FALSE, NULL));
    assert_model (stance_camps_get_positive (camps),
                  "mnuchin-2017-07:supports:cyber-unit:mnuchin putin-2017-07:confirms:cyber-unit:putin "
                  "trump-2017-07-09:proposes:cyber-unit:trump");
  }
  g_clear_object (&camps);

  /* Bad arguments are errors, never crashes. */
  g_assert_null (stance_graph_get_positions (graph, trump, "06/06/2019", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_null (stance_graph_get_camps (graph, unit, "2017-13", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
}

/* Random edits against brute force */

typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;  /* the items, maintained from items-changed alone */
  char     *(*oracle) (StanceGraph *graph, gpointer key);
  gpointer    key;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
}

static GPtrArray *
all_stances (StanceGraph *graph)
{
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (statements, i);
      g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);

      for (guint k = 0; k < stances->len; k++)
        g_ptr_array_add (out, g_object_ref (g_ptr_array_index (stances, k)));
    }

  return out;
}

static char *
join_edges (GPtrArray *edges)
{
  g_autoptr(GListStore) store = g_list_store_new (STANCE_TYPE_EDGE);

  for (guint i = 0; i < edges->len; i++)
    g_list_store_append (store, g_ptr_array_index (edges, i));
  return describe (G_LIST_MODEL (store));
}

static char *
oracle_on (StanceGraph *graph,
           gpointer     key)
{
  g_autoptr(GPtrArray) stances = all_stances (graph);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();

  for (guint i = 0; i < stances->len; i++)
    if (stance_edge_get_target (g_ptr_array_index (stances, i)) == key)
      g_ptr_array_add (hits, g_ptr_array_index (stances, i));
  return join_edges (hits);
}

static char *
oracle_attributed (StanceGraph *graph,
                   gpointer     key)
{
  g_autoptr(GPtrArray) stances = all_stances (graph);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();

  for (guint i = 0; i < stances->len; i++)
    if (stance_edge_get_holder (g_ptr_array_index (stances, i)) == key &&
        stance_edge_is_attributed (g_ptr_array_index (stances, i)))
      g_ptr_array_add (hits, g_ptr_array_index (stances, i));
  return join_edges (hits);
}

static int
time_cmp (gconstpointer a,
          gconstpointer b)
{
  StanceStatement *sa = *(StanceStatement **) a, *sb = *(StanceStatement **) b;
  g_autoptr(StanceTime) ta = stance_statement_dup_time (sa);
  g_autoptr(StanceTime) tb = stance_statement_dup_time (sb);

  if (stance_time_get_start (ta) != stance_time_get_start (tb))
    return stance_time_get_start (ta) < stance_time_get_start (tb) ? -1 : 1;
  if (stance_time_get_end (ta) != stance_time_get_end (tb))
    return stance_time_get_end (ta) < stance_time_get_end (tb) ? -1 : 1;
  return 0;  /* then graph order: g_ptr_array_sort is stable (merge sort) */
}

static char *
oracle_said (StanceGraph *graph,
             gpointer     key)
{
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      StanceStatement *statement = g_list_model_get_item (statements, i);

      if (stance_statement_get_speaker (statement) == key)
        g_ptr_array_add (hits, statement);
      else
        g_object_unref (statement);
    }
  g_ptr_array_sort (hits, time_cmp);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", stance_node_get_id (g_ptr_array_index (hits, i)));
  return g_string_free (out, FALSE);
}

static char *
oracle_reporters (StanceGraph *graph,
                  gpointer     key)
{
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(StanceStatement) statement = g_list_model_get_item (statements, i);
      g_autoptr(StanceStatement) reported = stance_statement_dup_reports (statement);

      if (reported == key)
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", stance_node_get_id (STANCE_NODE (statement)));
    }
  return g_string_free (out, FALSE);
}

static char *
oracle_members (StanceGraph *graph,
                gpointer     key)
{
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(StanceActor) actor = g_list_model_get_item (actors, i);
      g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (actor);
      gboolean member = FALSE;

      for (guint g = 0; g < groups->len; g++)
        member |= g_ptr_array_index (groups, g) == key;
      if (member)
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", stance_node_get_id (STANCE_NODE (actor)));
    }
  return g_string_free (out, FALSE);
}

static gpointer
pick (GRand      *rand,
      GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, g_rand_int_range (rand, 0, n)) : NULL;
}

static const char *const kinds[] = { "proposes", "opposes", "retracts", "comments", "endorses" };
static const char *const times[] = { "2017", "2017-07", "2017-07-09", "2017-07-10", "2018", "2017-07-09T10:00Z" };

static void
watch_new (GPtrArray   *watches,
           GListModel  *model,
           char      *(*oracle) (StanceGraph *, gpointer),
           gpointer     key)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->model = model;
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  watch->oracle = oracle;
  watch->key = g_object_ref (key);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), watch);
  g_ptr_array_add (watches, watch);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_object_unref (watch->model);
  g_ptr_array_unref (watch->mirror);
  g_object_unref (watch->key);
  g_free (watch);
}

static void
check_watches (StanceGraph *graph,
               GPtrArray   *watches,
               guint        step)
{
  for (guint w = 0; w < watches->len; w++)
    {
      Watch *watch = g_ptr_array_index (watches, w);
      g_autofree char *expected = watch->oracle (graph, watch->key);
      g_autofree char *got = describe (watch->model);
      g_autoptr(GListStore) mirror = g_list_store_new (g_list_model_get_item_type (watch->model));
      g_autofree char *mirrored = NULL;

      for (guint i = 0; i < watch->mirror->len; i++)
        g_list_store_append (mirror, g_ptr_array_index (watch->mirror, i));
      mirrored = describe (G_LIST_MODEL (mirror));
      if (g_strcmp0 (got, expected) != 0 || g_strcmp0 (mirrored, expected) != 0)
        g_error ("step %u, watch %u: model \"%s\", mirror \"%s\", expected \"%s\"", step, w, got, mirrored, expected);
    }
}

/* Live camps must equal camps asked afresh. */
static void
check_live_camps (StanceGraph *graph,
                  StanceCamps *live,
                  guint        step)
{
  g_autoptr(StanceCamps) fresh = stance_graph_get_camps (graph, stance_camps_get_target (live),
                                                         stance_camps_get_time (live), NULL);
  GListModel *(*camps[]) (StanceCamps *) = { stance_camps_get_positive, stance_camps_get_negative,
                                             stance_camps_get_withdrawn };

  for (guint c = 0; c < G_N_ELEMENTS (camps); c++)
    {
      g_autofree char *got = describe (camps[c] (live));
      g_autofree char *expected = describe (camps[c] (fresh));

      if (g_strcmp0 (got, expected) != 0)
        g_error ("step %u, camp %u at %s: live \"%s\", fresh \"%s\"", step, c,
                 stance_camps_get_time (live), got, expected);
    }
}

static void
random_round (guint32 seed,
              guint   steps)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GPtrArray) watches = g_ptr_array_new_with_free_func (watch_free);
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  g_autoptr(StanceCamps) live_now = NULL;
  g_autoptr(StanceCamps) live_then = NULL;
  guint next_id = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", next_id++);
      g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, NULL);
      g_autofree char *cid = g_strdup_printf ("c%u", next_id++);
      g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, cid, cid, NULL);

      watch_new (watches, stance_graph_get_statements_by (graph, actor), oracle_said, actor);
      watch_new (watches, stance_graph_get_attributions (graph, actor), oracle_attributed, actor);
      watch_new (watches, stance_graph_get_members (graph, actor), oracle_members, actor);
      watch_new (watches, stance_graph_get_stances_on (graph, STANCE_NODE (claim)), oracle_on, claim);
      watch_new (watches, stance_graph_get_stances_on (graph, STANCE_NODE (actor)), oracle_on, actor);
    }

  {
    g_autoptr(StanceClaim) first = g_list_model_get_item (claims, 0);

    live_now = stance_graph_get_camps (graph, STANCE_NODE (first), NULL, NULL);
    live_then = stance_graph_get_camps (graph, STANCE_NODE (first), "2017-07-09", NULL);
  }

  for (guint step = 0; step < steps; step++)
    {
      guint op = g_rand_int_range (rand, 0, 11);
      g_autoptr(StanceActor) actor = pick (rand, actors);
      g_autoptr(StanceActor) other = pick (rand, actors);
      g_autoptr(StanceClaim) claim = pick (rand, claims);
      g_autoptr(StanceStatement) statement = pick (rand, statements);
      g_autoptr(StanceStatement) other_statement = pick (rand, statements);
      StanceNode *target = g_rand_boolean (rand) || other == NULL ? STANCE_NODE (claim) : STANCE_NODE (other);
      const char *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
      const char *time = times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))];
      g_autoptr(GPtrArray) stances = statement != NULL ? stance_statement_dup_stances (statement) : NULL;
      StanceEdge *edge = stances != NULL && stances->len > 0 ? g_ptr_array_index (stances, g_rand_int_range (rand, 0, stances->len)) : NULL;

      switch (op)
        {
        case 0: case 1:
          if (actor != NULL)
            {
              g_autofree char *id = g_strdup_printf ("s%u", next_id++);
              g_autoptr(StanceStatement) added = stance_graph_add_statement (graph, id, actor, time, NULL);

              if (g_list_model_get_n_items (statements) < 6 && watches->len < 40)
                watch_new (watches, stance_graph_get_reporters (graph, added), oracle_reporters, added);
            }
          break;
        case 2: case 3:
          if (statement != NULL && target != NULL)
            g_clear_object (&(StanceEdge *) { stance_statement_add_stance (statement, kind, target,
                                                                           g_rand_boolean (rand) ? other : NULL, NULL) });
          break;
        case 4:
          if (edge != NULL)
            g_assert_true (stance_statement_remove_stance (statement, edge, NULL));
          break;
        case 5:
          if (statement != NULL)
            g_assert_true (stance_statement_set_time (statement, time, NULL));
          break;
        case 6:
          if (edge != NULL)
            g_assert_true (stance_edge_set_kind (edge, kind, NULL));
          break;
        case 7:
          if (edge != NULL && target != NULL)
            g_assert_true (stance_edge_set_target (edge, target, NULL));
          break;
        case 8:
          if (edge != NULL)
            g_assert_true (stance_edge_set_holder (edge, g_rand_boolean (rand) ? other : NULL, NULL));
          break;
        case 9:
          if (statement != NULL && other_statement != NULL)
            stance_statement_set_reports (statement, g_rand_boolean (rand) ? other_statement : NULL, NULL);
          if (actor != NULL && other != NULL && actor != other)
            stance_actor_add_member_of (actor, other, NULL);
          break;
        case 10:
          {
            /* Removing what the watches hold a key for would leave them
             * watching a removed node: remove only statements and new
             * claims. */
            StanceNode *victim = statement != NULL ? STANCE_NODE (statement) : NULL;
            g_autoptr(GError) error = NULL;

            if (victim != NULL && !stance_graph_remove_node (graph, victim, FALSE, &error))
              {
                g_assert_error (error, STANCE_ERROR, STANCE_ERROR_IN_USE);
                g_assert_true (stance_graph_remove_node (graph, victim, TRUE, NULL));
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }

      check_watches (graph, watches, step);
      check_live_camps (graph, live_now, step);
      check_live_camps (graph, live_then, step);
    }
}

static void
test_random_edits (void)
{
  guint rounds = g_getenv ("STANCE_TEST_QUICK") != NULL ? 3 : 30;

  for (guint32 seed = 1; seed <= rounds; seed++)
    random_round (seed, 120);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_load_rebuilds (void)
{
  g_autoptr(StanceGraph) graph = test_load_story ();
  g_autoptr(StanceActor) putin = test_lookup (graph, "putin");
  g_autoptr(GListModel) said = stance_graph_get_statements_by (graph, putin);
  g_autoptr(GListModel) theirs = NULL;
  g_autoptr(StanceActor) other = NULL;
  g_autoptr(GString) doc = g_string_new ("{\"stance\": 1, \"actors\": [{\"id\": \"other\", \"name\": \"O\"}], "
                                         "\"statements\": [");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  /* A load of many records rebuilds the index; the live models of keys it
   * does not touch stay as they were, without a change signalled. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (doc, "%s{\"id\": \"o%u\", \"speaker\": \"other\", \"time\": \"%u\"}",
                            i > 0 ? ", " : "", i, 2100 - i);
  g_string_append (doc, "]}");
  g_signal_connect (said, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (stance_graph_load_from_data (graph, doc->str, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);
  assert_model (said, "putin-2017-07 putin-2020-09-25");

  other = test_lookup (graph, "other");
  theirs = stance_graph_get_statements_by (graph, other);
  g_assert_cmpuint (g_list_model_get_n_items (theirs), ==, 100);
  {
    g_autoptr(StanceStatement) first = g_list_model_get_item (theirs, 0);

    g_assert_cmpstr (stance_node_get_id (STANCE_NODE (first)), ==, "o99");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index/story", test_story_questions);
  g_test_add_func ("/index/random-edits", test_random_edits);
  g_test_add_func ("/index/load", test_load_rebuilds);

  return g_test_run ();
}
