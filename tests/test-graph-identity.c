/* test-graph-identity.c: the C API of StanceGraph: object identity while alive, and reference counting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static void
test_identity_routes (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(StanceStatement) r1 = NULL;
  GError *error = NULL;
  static int marker;

  story_build (&story);
  putin = stance_graph_add_actor (story.graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_true (stance_actor_add_member_of (putin, story.trump, &error));
  g_assert_no_error (error);
  p1 = stance_graph_add_statement (story.graph, "putin-2017-07-08", putin, "2017-07-08", &error);
  g_assert_no_error (error);
  g_clear_object (&putin);
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) attributed = stance_statement_add_stance (p1, "endorses", STANCE_NODE (story.unit), story.trump, &error);
    g_assert_no_error (error);
  }
  r1 = stance_graph_add_statement (story.graph, "rubio-2017-07-09", rubio, "2017-07-09", &error);
  g_assert_no_error (error);
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) opposes = stance_statement_add_stance (r1, "opposes", STANCE_NODE (story.unit), NULL, &error);
    g_assert_no_error (error);
  }

  g_object_set_data (G_OBJECT (story.trump), "marker", &marker);

  /* Lookup */
  {
    g_autoptr(StanceNode) a = stance_graph_lookup (story.graph, "trump");
    g_autoptr(StanceNode) b = stance_graph_lookup (story.graph, "trump");
    g_autoptr(StanceNode) c = stance_graph_lookup (story.graph, "cyber-unit");
    g_autoptr(StanceNode) s = stance_graph_lookup (story.graph, "t2");

    g_assert_true (a == STANCE_NODE (story.trump));
    g_assert_true (b == a);
    g_assert_true (c == STANCE_NODE (story.unit));
    g_assert_true (s == STANCE_NODE (story.s2));
  }

  /* Edges and statements */
  g_assert_true (stance_edge_get_holder (story.proposes) == story.trump);
  g_assert_true (stance_edge_get_target (story.proposes) == STANCE_NODE (story.unit));
  g_assert_true (stance_edge_get_statement (story.proposes) == story.s1);
  g_assert_true (stance_edge_get_statement (story.retracts) == story.s2);
  g_assert_true (stance_statement_get_speaker (story.s1) == story.trump);
  g_assert_true (stance_statement_get_speaker (story.s2) == story.trump);
  {
    g_autoptr(GPtrArray) stances = stance_statement_dup_stances (story.s1);
    g_autoptr(GPtrArray) attributed = stance_statement_dup_stances (p1);
    g_autoptr(GPtrArray) groups = NULL;
    StanceActor *putin_again;

    g_assert_cmpuint (stances->len, ==, 1);
    g_assert_true (g_ptr_array_index (stances, 0) == (gpointer) story.proposes);
    g_assert_cmpuint (attributed->len, ==, 1);
    g_assert_true (stance_edge_get_holder (g_ptr_array_index (attributed, 0)) == story.trump);
    g_assert_true (stance_edge_get_target (g_ptr_array_index (attributed, 0)) == STANCE_NODE (story.unit));
    g_assert_true (stance_edge_get_statement (g_ptr_array_index (attributed, 0)) == p1);

    putin_again = stance_statement_get_speaker (p1);
    groups = stance_actor_dup_member_of (putin_again);
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_true (g_ptr_array_index (groups, 0) == (gpointer) story.trump);
  }

  /* List models */
  {
    g_autoptr(GListModel) actors = stance_graph_get_actors (story.graph);
    g_autoptr(GListModel) claims = stance_graph_get_claims (story.graph);
    g_autoptr(GListModel) statements = stance_graph_get_statements (story.graph);
    g_autoptr(StanceActor) a0 = g_list_model_get_item (actors, 0);
    g_autoptr(StanceActor) a0_again = g_list_model_get_item (actors, 0);
    g_autoptr(StanceClaim) c0 = g_list_model_get_item (claims, 0);
    g_autoptr(StanceStatement) s1 = g_list_model_get_item (statements, 1);
    g_autoptr(StanceStatement) s2 = g_list_model_get_item (statements, 2);

    g_assert_true (a0 == story.trump);
    g_assert_true (a0_again == a0);
    g_assert_true (c0 == story.unit);
    g_assert_true (s1 == story.s2);
    g_assert_true (s2 == p1);
  }

  /* Timelines and the stance at a time */
  {
    g_autoptr(GListModel) timeline = stance_graph_get_timeline (story.graph, story.trump, STANCE_NODE (story.unit));
    g_autoptr(StanceEdge) e0 = g_list_model_get_item (timeline, 0);
    g_autoptr(StanceEdge) e1 = g_list_model_get_item (timeline, 1);
    g_autoptr(StanceEdge) at = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-09", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 2);
    g_assert_true (e0 == story.proposes);
    g_assert_true (e1 == story.retracts);
    g_assert_true (at == story.proposes);
  }

  /* Contradictions: reversal, conflict, disputed attribution */
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) reversal = NULL;
    g_autoptr(StanceContradiction) conflict = NULL;
    g_autoptr(StanceContradiction) disputed = NULL;
    g_autoptr(GPtrArray) statements = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
    reversal = g_list_model_get_item (found, 0);
    conflict = g_list_model_get_item (found, 1);
    disputed = g_list_model_get_item (found, 2);
    g_assert_true (stance_contradiction_get_holder (reversal) == story.trump);
    g_assert_true (stance_contradiction_get_target (reversal) == STANCE_NODE (story.unit));
    g_assert_true (stance_contradiction_get_first (reversal) == story.proposes);
    g_assert_true (stance_contradiction_get_second (reversal) == story.retracts);
    statements = stance_contradiction_get_statements (reversal);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) story.s1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
    g_assert_true (stance_contradiction_get_holder (conflict) == rubio);
    g_assert_true (stance_contradiction_get_other_holder (conflict) == story.trump);
    g_assert_true (stance_contradiction_get_second (conflict) == story.proposes);
    g_assert_true (stance_contradiction_get_holder (disputed) == story.trump);
    g_assert_true (stance_contradiction_get_attributed_by (disputed) == stance_statement_get_speaker (p1));
    g_assert_true (stance_contradiction_get_second (disputed) == story.retracts);
  }

  /* Once every reference is gone, a lookup makes a new object. */
  {
    Life trump_life;
    g_autoptr(StanceNode) fresh = NULL;

    life_watch (&trump_life, story.trump);
    g_clear_object (&p1);
    g_clear_object (&r1);
    g_clear_object (&story.proposes);
    g_clear_object (&story.retracts);
    g_clear_object (&story.s1);
    g_clear_object (&story.s2);
    g_assert_true (trump_life.alive);
    g_clear_object (&story.trump);
    g_assert_false (trump_life.alive);

    fresh = stance_graph_lookup (story.graph, "trump");
    g_assert_true (STANCE_IS_ACTOR (fresh));
    g_assert_null (g_object_get_data (G_OBJECT (fresh), "marker"));
    g_assert_cmpstr (stance_actor_get_name (STANCE_ACTOR (fresh)), ==, "Donald J. Trump");
    {
      g_autoptr(StanceNode) again = stance_graph_lookup (story.graph, "trump");
      g_assert_true (again == fresh);
    }
  }

  g_clear_object (&rubio);
  story_clear (&story);
}

static void
test_refcount_finalize (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  StanceActor *trump;
  StanceClaim *unit;
  StanceStatement *t1;
  StanceEdge *edge;
  GError *error = NULL;

  /* Each object returned is owned by the caller alone. */
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (trump);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (unit);

  trump = STANCE_ACTOR (stance_graph_lookup (graph, "trump"));
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (trump);  /* the statement did not keep its speaker */
  unit = STANCE_CLAIM (stance_graph_lookup (graph, "cyber-unit"));
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (unit);
  g_assert_finalize_object (edge);

  /* The speaker, once asked for, lives as long as its statement. */
  {
    Life trump_life;

    trump = stance_statement_get_speaker (t1);
    life_watch (&trump_life, trump);
    g_assert_finalize_object (t1);
    g_assert_false (trump_life.alive);
  }

  /* An edge keeps what it was asked for, and no more. */
  {
    Life target_life, holder_life, statement_life;
    g_autoptr(GPtrArray) stances = NULL;

    t1 = STANCE_STATEMENT (stance_graph_lookup (graph, "t1"));
    stances = stance_statement_dup_stances (t1);
    edge = g_object_ref (g_ptr_array_index (stances, 0));
    g_clear_pointer (&stances, g_ptr_array_unref);
    g_assert_finalize_object (t1);

    life_watch (&target_life, stance_edge_get_target (edge));
    life_watch (&holder_life, stance_edge_get_holder (edge));
    life_watch (&statement_life, stance_edge_get_statement (edge));
    g_assert_true (target_life.alive && holder_life.alive && statement_life.alive);
    g_assert_finalize_object (edge);
    g_assert_false (target_life.alive);
    g_assert_false (holder_life.alive);
    g_assert_false (statement_life.alive);
  }

  /* Nothing is left: every view is gone while the graph lives. */
  {
    g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
    StanceActor *item = g_list_model_get_item (actors, 0);

    g_assert_finalize_object (item);
    g_assert_finalize_object (g_steal_pointer (&actors));
  }
}

static void
test_refcount_node_keeps_graph (void)
{
  StanceGraph *graph = stance_graph_new ();
  StanceActor *trump;
  StanceEdge *edge;
  GListModel *actors;
  Life graph_life;
  GError *error = NULL;

  life_watch (&graph_life, graph);
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);

  /* Drop the graph first: the node keeps it, and still works. */
  g_object_unref (graph);
  g_assert_true (graph_life.alive);
  g_assert_true (stance_node_get_graph (STANCE_NODE (trump)) == graph);
  g_assert_cmpstr (node_id (trump), ==, "trump");
  stance_actor_set_name (trump, "Donald Trump");
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald Trump");
  {
    g_autoptr(StanceClaim) unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
    g_autoptr(StanceStatement) t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);

    g_assert_no_error (error);
    edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (graph_life.alive);

  /* The last node takes the graph with it. */
  g_assert_finalize_object (trump);
  g_assert_true (graph_life.alive);  /* the edge still holds it */
  g_assert_true (stance_edge_get_graph (edge) == graph);
  g_assert_cmpstr (stance_edge_get_kind (edge), ==, "proposes");
  g_assert_cmpstr (node_id (stance_edge_get_holder (edge)), ==, "trump");
  g_assert_finalize_object (edge);
  g_assert_false (graph_life.alive);

  /* A list model keeps its graph too. */
  graph = stance_graph_new ();
  life_watch (&graph_life, graph);
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_object_unref (trump);
  actors = stance_graph_get_actors (graph);
  g_object_unref (graph);
  g_assert_true (graph_life.alive);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 1);
  trump = g_list_model_get_item (actors, 0);
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_object_unref (trump);
  g_assert_finalize_object (actors);
  g_assert_false (graph_life.alive);
}

/* Everything that the API hands out, with a weak reference on each. */
typedef struct
{
  GPtrArray *objects;
  GArray    *lives;  /* Life, one per object; never reallocated once watched */
} Everything;

static void
everything_take (Everything *all,
                 gpointer    object)
{
  g_assert_true (G_IS_OBJECT (object));
  g_ptr_array_add (all->objects, object);
}

static Everything *
everything_build (void)
{
  Everything *all = g_new0 (Everything, 1);
  StanceGraph *graph = stance_graph_new ();
  StanceActor *trump, *putin, *rubio;
  StanceClaim *unit, *plan;
  StanceStatement *t1, *t2, *p1, *r1;
  GListModel *found;
  GError *error = NULL;
  const char *doc =
    "{\"stance\": 1, \"actors\": [{\"id\": \"kaspersky\", \"name\": \"Eugene Kaspersky\"}],"
    " \"claims\": [{\"id\": \"k-plan\", \"text\": \"the plan, as Kaspersky read it\"}],"
    " \"statements\": [{\"id\": \"k1\", \"speaker\": \"kaspersky\", \"time\": \"2020-09-26\","
    "   \"stances\": [{\"kind\": \"endorses\", \"target\": \"k-plan\"}]}]}";

  all->objects = g_ptr_array_new ();
  everything_take (all, graph);
  everything_take (all, trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error));
  everything_take (all, putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error));
  everything_take (all, rubio = stance_graph_add_actor (graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error));
  everything_take (all, unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error));
  everything_take (all, plan = stance_graph_add_claim (graph, "putin-plan", "the plan", &error));
  g_assert_no_error (error);
  g_assert_true (stance_claim_set_part_of (unit, plan, &error));
  g_assert_true (stance_actor_add_member_of (putin, rubio, &error));
  everything_take (all, t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error));
  everything_take (all, t2 = stance_graph_add_statement (graph, "t2", trump, "2017-07-10", &error));
  everything_take (all, p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07-08", &error));
  everything_take (all, r1 = stance_graph_add_statement (graph, "r1", rubio, "2017-07-09", &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (t2, t1, &error));
  everything_take (all, stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error));
  everything_take (all, stance_statement_add_stance (t2, "retracts", STANCE_NODE (unit), NULL, &error));
  everything_take (all, stance_statement_add_stance (p1, "endorses", STANCE_NODE (unit), trump, &error));
  everything_take (all, stance_statement_add_stance (r1, "opposes", STANCE_NODE (unit), NULL, &error));
  everything_take (all, stance_statement_add_stance (r1, "comments", STANCE_NODE (t1), NULL, &error));
  g_assert_no_error (error);
  stance_graph_load_from_data (graph, doc, -1, &error);
  g_assert_no_error (error);

  everything_take (all, stance_graph_get_actors (graph));
  everything_take (all, stance_graph_get_claims (graph));
  everything_take (all, stance_graph_get_statements (graph));
  everything_take (all, stance_graph_get_timeline (graph, trump, STANCE_NODE (unit)));
  everything_take (all, stance_graph_get_stance_at (graph, trump, STANCE_NODE (unit), "2018", &error));
  g_assert_no_error (error);
  everything_take (all, stance_graph_lookup (graph, "kaspersky"));
  everything_take (all, stance_claim_dup_part_of (unit));
  everything_take (all, stance_statement_dup_reports (t2));
  everything_take (all, found = stance_graph_find_contradictions (graph));
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    everything_take (all, g_list_model_get_item (found, i));
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (putin);
    g_autoptr(GPtrArray) stances = stance_statement_dup_stances (r1);

    everything_take (all, g_object_ref (g_ptr_array_index (groups, 0)));
    everything_take (all, g_object_ref (g_ptr_array_index (stances, 1)));
  }
  {
    g_autoptr(GListModel) statements = stance_graph_get_statements (graph);

    everything_take (all, g_list_model_get_item (statements, 4));  /* k1, from the load */
  }

  all->lives = g_array_sized_new (FALSE, TRUE, sizeof (Life), all->objects->len);
  g_array_set_size (all->lives, all->objects->len);
  for (guint i = 0; i < all->objects->len; i++)
    life_watch (&g_array_index (all->lives, Life, i), g_ptr_array_index (all->objects, i));

  return all;
}

static void
everything_assert_gone (Everything *all)
{
  for (guint i = 0; i < all->lives->len; i++)
    {
      if (g_array_index (all->lives, Life, i).alive)
        g_error ("object %u (%p) was not finalized", i, g_ptr_array_index (all->objects, i));
    }
  g_ptr_array_unref (all->objects);
  g_array_unref (all->lives);
  g_free (all);
}

static void
test_refcount_drop_everything (void)
{
  /* In the order they were made, and in the reverse order. */
  for (int pass = 0; pass < 2; pass++)
    {
      Everything *all = everything_build ();
      guint n = all->objects->len;

      g_assert_cmpuint (n, >, 25);
      for (guint i = 0; i < n; i++)
        {
          guint k = pass == 0 ? i : n - 1 - i;

          g_object_unref (g_ptr_array_index (all->objects, k));
        }
      everything_assert_gone (all);
    }

  /* Graph first, then the rest in an interleaved order. */
  {
    Everything *all = everything_build ();
    guint n = all->objects->len;

    for (guint i = 0; i < n; i += 2)
      g_object_unref (g_ptr_array_index (all->objects, i));
    for (guint i = 1; i < n; i += 2)
      g_object_unref (g_ptr_array_index (all->objects, i));
    everything_assert_gone (all);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/identity/routes", test_identity_routes);
  g_test_add_func ("/graph/refcount/finalize", test_refcount_finalize);
  g_test_add_func ("/graph/refcount/node-keeps-graph", test_refcount_node_keeps_graph);
  g_test_add_func ("/graph/refcount/drop-everything", test_refcount_drop_everything);

  return g_test_run ();
}
