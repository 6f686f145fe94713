/* test-graph-documents.c: the C API of StanceGraph: saving and loading through the API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static StanceGraph *
build_full_graph (void)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) us = NULL;
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rt = NULL;
  g_autoptr(StanceClaim) plan = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceStatement) t2 = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(StanceStatement) rt1 = NULL;
  g_autoptr(StanceEdge) e = NULL;
  g_autoptr(JsonNode) actor_meta = json_from_string ("{\"wikidata\": \"Q22686\", \"verified\": true, \"n\": 3, \"x\": null}", NULL);
  g_autoptr(JsonNode) claim_meta = json_from_string ("{\"topics\": [\"cyber\", \"security\"], \"nested\": {\"a\": [1, 2.5, {}]}}", NULL);
  g_autoptr(JsonNode) statement_meta = json_from_string ("{\"retweets\": 12345, \"deleted\": false}", NULL);
  g_autoptr(JsonNode) stance_meta = json_from_string ("{\"confidence\": 0.75, \"annotator\": \"ab\"}", NULL);
  const char * const aliases[] = { "@realDonaldTrump", "POTUS 45", NULL };
  GError *error = NULL;

  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_true (stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEUTRAL, &error));
  g_assert_true (stance_graph_declare_kind (graph, "walks-back", STANCE_POLARITY_WITHDRAWAL, &error));
  g_assert_no_error (error);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  us = stance_graph_add_actor (graph, "us", "United States", STANCE_ACTOR_KIND_STATE, &error);
  putin = stance_graph_add_actor (graph, "putin", "Владимир Путин", STANCE_ACTOR_KIND_PERSON, &error);
  rt = stance_graph_add_actor (graph, "rt", "RT", STANCE_ACTOR_KIND_MEDIA, &error);
  g_object_unref (stance_graph_add_actor (graph, "g20", "G20", STANCE_ACTOR_KIND_GROUP, &error));
  g_object_unref (stance_graph_add_actor (graph, "kaspersky-lab", "Kaspersky Lab", STANCE_ACTOR_KIND_ORGANIZATION, &error));
  g_object_unref (stance_graph_add_actor (graph, "anon", "Anonymous \"source\"", STANCE_ACTOR_KIND_OTHER, &error));
  g_assert_no_error (error);
  stance_actor_set_aliases (trump, aliases);
  g_assert_true (stance_actor_add_member_of (trump, us, &error));
  {
    g_autoptr(StanceNode) g20 = stance_graph_lookup (graph, "g20");

    g_assert_true (stance_actor_add_member_of (trump, STANCE_ACTOR (g20), &error));
    g_assert_true (stance_actor_add_member_of (putin, STANCE_ACTOR (g20), &error));
  }
  g_assert_true (stance_node_set_meta (STANCE_NODE (trump), actor_meta, &error));
  g_assert_no_error (error);

  plan = stance_graph_add_claim (graph, "plan", "Putin's plan", &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  stance_claim_set_lang (plan, "en");
  stance_claim_set_lang (unit, "en-US");
  g_assert_true (stance_claim_set_part_of (unit, plan, &error));
  g_assert_true (stance_node_set_meta (STANCE_NODE (unit), claim_meta, &error));
  g_assert_no_error (error);

  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  t2 = stance_graph_add_statement (graph, "t2", trump, "2017-07-10T08:00:00-04:00", &error);
  p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07", &error);
  rt1 = stance_graph_add_statement (graph, "rt1", rt, "2017-07-10T12:00Z", &error);
  g_object_unref (stance_graph_add_statement (graph, "bare", rt, "2017", &error));
  g_assert_no_error (error);
  stance_statement_set_text (t1, "Putin & I discussed forming an impenetrable Cyber Security unit …");
  stance_statement_set_lang (t1, "en");
  stance_statement_set_source (t1, "https://twitter.com/realDonaldTrump/status/884016887692169217");
  g_assert_true (stance_node_set_meta (STANCE_NODE (t1), statement_meta, &error));
  stance_statement_set_text (t2, "Quotes \"inside\", a back\\slash, a tab\there,\na new line, a bell \x07 and 🙂.");
  stance_statement_set_text (rt1, "Путин: «Трамп согласился».");
  stance_statement_set_lang (rt1, "ru");
  stance_statement_set_source (rt1, "RT, 10 July 2017");
  g_assert_true (stance_statement_set_reports (rt1, p1, &error));
  g_assert_no_error (error);

  e = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_true (stance_edge_set_meta (e, stance_meta, &error));
  g_clear_object (&e);
  g_object_unref (stance_statement_add_stance (t2, "retracts", STANCE_NODE (unit), NULL, &error));
  g_object_unref (stance_statement_add_stance (t2, "walks-back", STANCE_NODE (plan), NULL, &error));
  g_object_unref (stance_statement_add_stance (p1, "confirms", STANCE_NODE (unit), NULL, &error));
  e = stance_statement_add_stance (p1, "endorses", STANCE_NODE (unit), trump, &error);
  g_assert_true (stance_edge_set_meta (e, stance_meta, &error));
  g_clear_object (&e);
  g_object_unref (stance_statement_add_stance (p1, "opposes", STANCE_NODE (plan), putin, &error));  /* holder = speaker, written out */
  g_object_unref (stance_statement_add_stance (rt1, "praises", STANCE_NODE (plan), NULL, &error));
  g_object_unref (stance_statement_add_stance (rt1, "doubts", STANCE_NODE (t1), NULL, &error));
  g_object_unref (stance_statement_add_stance (rt1, "comments", STANCE_NODE (trump), us, &error));
  g_assert_no_error (error);

  return graph;
}

static void
assert_full_graph (StanceGraph *graph)
{
  static const char * const kinds_expected[] = {
    "proposes", "endorses", "supports", "confirms", "opposes", "rejects", "denies", "retracts",
    "questions", "comments", "praises", "doubts", "walks-back", NULL
  };
  const char * const aliases[] = { "@realDonaldTrump", "POTUS 45", NULL };
  g_auto(GStrv) kinds = stance_graph_dup_kinds (graph);
  g_autoptr(StanceNode) trump = stance_graph_lookup (graph, "trump");
  g_autoptr(StanceNode) putin = stance_graph_lookup (graph, "putin");
  g_autoptr(StanceNode) unit = stance_graph_lookup (graph, "cyber-unit");
  g_autoptr(StanceNode) plan = stance_graph_lookup (graph, "plan");
  g_autoptr(StanceNode) t1 = stance_graph_lookup (graph, "t1");
  g_autoptr(StanceNode) t2 = stance_graph_lookup (graph, "t2");
  g_autoptr(StanceNode) p1 = stance_graph_lookup (graph, "p1");
  g_autoptr(StanceNode) rt1 = stance_graph_lookup (graph, "rt1");
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) stances = NULL;
  StancePolarity polarity;

  g_assert_cmpstrv (kinds, kinds_expected);
  g_assert_true (stance_graph_lookup_kind (graph, "walks-back", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_WITHDRAWAL);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 7);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 2);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 5);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 9);

  g_assert_cmpstrv (stance_actor_get_aliases (STANCE_ACTOR (trump)), aliases);
  groups = stance_actor_dup_member_of (STANCE_ACTOR (trump));
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (node_id (g_ptr_array_index (groups, 0)), ==, "us");
  g_assert_cmpstr (node_id (g_ptr_array_index (groups, 1)), ==, "g20");
  g_assert_cmpstr (stance_actor_get_name (STANCE_ACTOR (putin)), ==, "Владимир Путин");
  g_assert_nonnull (stance_node_get_meta (trump));
  g_assert_nonnull (stance_node_get_meta (unit));
  g_assert_null (stance_node_get_meta (plan));
  {
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (STANCE_CLAIM (unit));
    g_assert_true (whole == STANCE_CLAIM (plan));
  }
  g_assert_cmpstr (stance_claim_get_lang (STANCE_CLAIM (unit)), ==, "en-US");
  g_assert_cmpstr (stance_statement_get_text (STANCE_STATEMENT (t2)), ==,
                   "Quotes \"inside\", a back\\slash, a tab\there,\na new line, a bell \x07 and 🙂.");
  {
    g_autofree char *time = stance_statement_dup_time_string (STANCE_STATEMENT (t2));
    g_autoptr(StanceStatement) reported = stance_statement_dup_reports (STANCE_STATEMENT (rt1));

    g_assert_cmpstr (time, ==, "2017-07-10T08:00:00-04:00");
    g_assert_true (reported == STANCE_STATEMENT (p1));
  }
  g_assert_cmpstr (stance_statement_get_source (STANCE_STATEMENT (t1)), ==,
                   "https://twitter.com/realDonaldTrump/status/884016887692169217");
  g_assert_nonnull (stance_node_get_meta (t1));

  stances = stance_statement_dup_stances (STANCE_STATEMENT (p1));
  g_assert_cmpuint (stances->len, ==, 3);
  g_assert_false (stance_edge_is_attributed (g_ptr_array_index (stances, 0)));
  g_assert_true (stance_edge_is_attributed (g_ptr_array_index (stances, 1)));
  g_assert_true (stance_edge_get_holder (g_ptr_array_index (stances, 1)) == STANCE_ACTOR (trump));
  g_assert_nonnull (stance_edge_get_meta (g_ptr_array_index (stances, 1)));
  g_assert_null (stance_edge_get_meta (g_ptr_array_index (stances, 0)));
  g_assert_false (stance_edge_is_attributed (g_ptr_array_index (stances, 2)));
  g_assert_true (stance_edge_get_holder (g_ptr_array_index (stances, 2)) == STANCE_ACTOR (putin));
}

static void
test_save_load_roundtrip (void)
{
  g_autoptr(StanceGraph) graph = build_full_graph ();
  g_autoptr(StanceGraph) loaded = NULL;
  g_autoptr(StanceGraph) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  gsize length = 0;
  GError *error = NULL;

  assert_full_graph (graph);
  first = stance_graph_save_to_data (graph, &length);
  g_assert_nonnull (first);
  g_assert_cmpuint (length, ==, strlen (first));
  g_assert_true (g_utf8_validate (first, -1, NULL));

  /* The document is JSON with the members in the format's order. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;
    GList *members;
    const char *order[] = { "stance", "kinds", "actors", "claims", "statements" };
    guint i = 0;

    g_assert_true (json_parser_load_from_data (parser, first, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "stance"), ==, 1);
    members = json_object_get_members (root);
    for (GList *l = members; l != NULL; l = l->next, i++)
      g_assert_cmpstr (l->data, ==, order[i]);
    g_assert_cmpuint (i, ==, G_N_ELEMENTS (order));
    g_list_free (members);
  }

  loaded = stance_graph_new_from_data (first, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_full_graph (loaded);
  second = stance_graph_save_to_data (loaded, NULL);
  g_assert_cmpstr (second, ==, first);

  /* By length, without a terminating NUL taken into account */
  again = stance_graph_new_from_data (second, strlen (second), &error);
  g_assert_no_error (error);
  third = stance_graph_save_to_data (again, NULL);
  g_assert_cmpstr (third, ==, first);

  /* Meta survives exactly. */
  {
    g_autoptr(StanceNode) a = stance_graph_lookup (graph, "cyber-unit");
    g_autoptr(StanceNode) b = stance_graph_lookup (again, "cyber-unit");

    g_assert_true (json_node_equal (stance_node_get_meta (a), stance_node_get_meta (b)));
  }

  /* The same contradictions */
  {
    g_autoptr(GListModel) before = stance_graph_find_contradictions (graph);
    g_autoptr(GListModel) after = stance_graph_find_contradictions (again);

    g_assert_cmpuint (g_list_model_get_n_items (before), ==, g_list_model_get_n_items (after));
    g_assert_cmpuint (g_list_model_get_n_items (before), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (before); i++)
      {
        g_autoptr(StanceContradiction) x = g_list_model_get_item (before, i);
        g_autoptr(StanceContradiction) y = g_list_model_get_item (after, i);
        g_autofree char *dx = stance_contradiction_describe (x);
        g_autofree char *dy = stance_contradiction_describe (y);

        g_assert_cmpstr (dx, ==, dy);
      }
  }

  /* Through a file as well */
  {
    g_autofree char *dir = g_dir_make_tmp ("test-graph-XXXXXX", &error);
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    g_autoptr(StanceGraph) from_file = NULL;
    g_autofree char *fourth = NULL;

    g_assert_no_error (error);
    path = g_build_filename (dir, "story.json", NULL);
    g_assert_true (stance_graph_save_to_file (graph, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_cmpstr (contents, ==, first);
    from_file = stance_graph_new_from_file (path, &error);
    g_assert_no_error (error);
    fourth = stance_graph_save_to_data (from_file, NULL);
    g_assert_cmpstr (fourth, ==, first);
    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  /* An empty graph */
  {
    g_autoptr(StanceGraph) empty = stance_graph_new ();
    g_autofree char *text = stance_graph_save_to_data (empty, NULL);
    g_autoptr(StanceGraph) empty_again = stance_graph_new_from_data (text, -1, &error);
    g_autofree char *text_again = NULL;

    g_assert_no_error (error);
    text_again = stance_graph_save_to_data (empty_again, NULL);
    g_assert_cmpstr (text_again, ==, text);
    g_assert_cmpuint (stance_graph_get_n_actors (empty_again), ==, 0);
  }
}

static const char merge_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"kinds\": [ { \"name\": \"praises\", \"polarity\": \"positive\" },\n"
  "             { \"name\": \"doubts\", \"polarity\": \"neutral\" } ],\n"
  "  \"actors\": [ { \"id\": \"putin\", \"name\": \"Vladimir Putin\", \"kind\": \"person\",\n"
  "                  \"member_of\": [\"russia\"] },\n"
  "                { \"id\": \"russia\", \"name\": \"Russia\", \"kind\": \"state\" } ],\n"
  "  \"claims\": [ { \"id\": \"plan\", \"text\": \"the plan\" },\n"
  "               { \"id\": \"point-3\", \"text\": \"point 3\", \"part_of\": \"plan\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"p1\", \"speaker\": \"putin\", \"time\": \"2020-09-25\",\n"
  "      \"stances\": [ { \"kind\": \"proposes\", \"target\": \"plan\" } ] },\n"
  "    { \"id\": \"p2\", \"speaker\": \"putin\", \"time\": \"2020-09-26\", \"reports\": \"p1\",\n"
  "      \"stances\": [ { \"kind\": \"rejects\", \"target\": \"plan\" },\n"
  "                   { \"kind\": \"doubts\", \"target\": \"point-3\" },\n"
  "                   { \"kind\": \"praises\", \"target\": \"russia\", \"holder\": \"russia\" } ] }\n"
  "  ]\n"
  "}\n";

static void
test_load_merge (void)
{
  static const char * const kinds_expected[] = {
    "proposes", "endorses", "supports", "confirms", "opposes", "rejects", "denies", "retracts",
    "questions", "comments", "praises", "walks-back", "doubts", NULL
  };
  Story story = { 0 };
  g_auto(GStrv) kinds = NULL;
  GError *error = NULL;

  story_build (&story);
  g_assert_true (stance_graph_declare_kind (story.graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_true (stance_graph_declare_kind (story.graph, "walks-back", STANCE_POLARITY_WITHDRAWAL, &error));
  g_assert_no_error (error);

  g_assert_true (stance_graph_load_from_data (story.graph, merge_document, -1, &error));
  g_assert_no_error (error);

  /* Both sets of ids, in graph order; the graph's own objects stay. */
  g_assert_cmpuint (stance_graph_get_n_actors (story.graph), ==, 3);
  g_assert_cmpuint (stance_graph_get_n_claims (story.graph), ==, 3);
  g_assert_cmpuint (stance_graph_get_n_statements (story.graph), ==, 4);
  g_assert_cmpuint (stance_graph_get_n_stances (story.graph), ==, 6);
  {
    g_autoptr(GListModel) actors = stance_graph_get_actors (story.graph);
    g_autoptr(GListModel) claims = stance_graph_get_claims (story.graph);
    g_autoptr(GListModel) statements = stance_graph_get_statements (story.graph);
    g_autoptr(StanceNode) trump = stance_graph_lookup (story.graph, "trump");
    g_autoptr(StanceNode) t1 = stance_graph_lookup (story.graph, "t1");

    assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,russia");
    assert_model_ids (claims, STANCE_TYPE_CLAIM, "cyber-unit,plan,point-3");
    assert_model_ids (statements, STANCE_TYPE_STATEMENT, "t1,t2,p1,p2");
    g_assert_true (trump == STANCE_NODE (story.trump));
    g_assert_true (t1 == STANCE_NODE (story.s1));
  }

  /* The kinds merged: the graph's, then the document's new ones */
  kinds = stance_graph_dup_kinds (story.graph);
  g_assert_cmpstrv (kinds, kinds_expected);

  /* The document's references point at its own nodes. */
  {
    g_autoptr(StanceNode) putin = stance_graph_lookup (story.graph, "putin");
    g_autoptr(StanceNode) russia = stance_graph_lookup (story.graph, "russia");
    g_autoptr(StanceNode) point = stance_graph_lookup (story.graph, "point-3");
    g_autoptr(StanceNode) plan = stance_graph_lookup (story.graph, "plan");
    g_autoptr(StanceNode) p1 = stance_graph_lookup (story.graph, "p1");
    g_autoptr(StanceNode) p2 = stance_graph_lookup (story.graph, "p2");
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (STANCE_ACTOR (putin));
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (STANCE_CLAIM (point));
    g_autoptr(StanceStatement) reported = stance_statement_dup_reports (STANCE_STATEMENT (p2));
    g_autoptr(GPtrArray) stances = stance_statement_dup_stances (STANCE_STATEMENT (p2));

    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_true (g_ptr_array_index (groups, 0) == (gpointer) russia);
    g_assert_true (whole == STANCE_CLAIM (plan));
    g_assert_true (reported == STANCE_STATEMENT (p1));
    g_assert_true (stance_statement_get_speaker (STANCE_STATEMENT (p2)) == STANCE_ACTOR (putin));
    g_assert_cmpuint (stances->len, ==, 3);
    g_assert_true (stance_edge_get_target (g_ptr_array_index (stances, 0)) == plan);
    g_assert_true (stance_edge_get_target (g_ptr_array_index (stances, 1)) == point);
    g_assert_cmpint (stance_edge_get_polarity (g_ptr_array_index (stances, 1)), ==, STANCE_POLARITY_NEUTRAL);
    g_assert_true (stance_edge_get_holder (g_ptr_array_index (stances, 2)) == STANCE_ACTOR (russia));
    g_assert_true (stance_edge_is_attributed (g_ptr_array_index (stances, 2)));
    g_assert_cmpstr (stance_edge_get_kind (g_ptr_array_index (stances, 2)), ==, "praises");
    g_assert_cmpint (stance_edge_get_polarity (g_ptr_array_index (stances, 2)), ==, STANCE_POLARITY_POSITIVE);

    /* The merged graph answers questions about both parts. */
    ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");
    ASSERT_STANCE_AT (story.graph, putin, plan, "2021", "p2:rejects");
  }
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) c0 = NULL;
    g_autoptr(StanceContradiction) c1 = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
    c0 = g_list_model_get_item (found, 0);
    c1 = g_list_model_get_item (found, 1);
    /* Sorted by kind then target id: cyber-unit before plan */
    g_assert_cmpstr (node_id (stance_contradiction_get_target (c0)), ==, "cyber-unit");
    g_assert_cmpstr (node_id (stance_contradiction_get_target (c1)), ==, "plan");
    g_assert_cmpstr (node_id (stance_contradiction_get_holder (c1)), ==, "putin");
  }

  /* The merged graph saves and loads back the same. */
  {
    g_autofree char *saved = stance_graph_save_to_data (story.graph, NULL);
    g_autoptr(StanceGraph) copy = stance_graph_new_from_data (saved, -1, &error);
    g_autofree char *saved_again = NULL;

    g_assert_no_error (error);
    saved_again = stance_graph_save_to_data (copy, NULL);
    g_assert_cmpstr (saved_again, ==, saved);
  }

  story_clear (&story);
}

static void
test_load_collision (void)
{
  static const struct { const char *document; StanceError code; const char *path; } bad[] = {
    /* an actor id that the graph has as an actor */
    { "{\"stance\": 1, \"actors\": [{\"id\": \"putin\", \"name\": \"P\"}, {\"id\": \"trump\", \"name\": \"T\"}]}",
      STANCE_ERROR_DUPLICATE_ID, "actors[1].id" },
    /* a claim id that the graph has as an actor */
    { "{\"stance\": 1, \"kinds\": [{\"name\": \"doubts\", \"polarity\": \"neutral\"}],"
      " \"claims\": [{\"id\": \"plan\", \"text\": \"P\"}, {\"id\": \"x\", \"text\": \"X\"}, {\"id\": \"trump\", \"text\": \"T\"}]}",
      STANCE_ERROR_DUPLICATE_ID, "claims[2].id" },
    /* a statement id that the graph has as a claim */
    { "{\"stance\": 1, \"actors\": [{\"id\": \"putin\", \"name\": \"P\"}],"
      " \"statements\": [{\"id\": \"cyber-unit\", \"speaker\": \"putin\", \"time\": \"2020\"}]}",
      STANCE_ERROR_DUPLICATE_ID, "statements[0].id" },
    /* a kind that the graph declared with another polarity */
    { "{\"stance\": 1, \"kinds\": [{\"name\": \"praises\", \"polarity\": \"negative\"}],"
      " \"actors\": [{\"id\": \"putin\", \"name\": \"P\"}]}",
      STANCE_ERROR_INVALID_KIND, "kinds[0]" },
  };
  Story story = { 0 };
  g_autoptr(GListModel) actors = NULL;
  GraphState state = { 0 };
  Announcements seen;
  GString *log = g_string_new (NULL);
  GError *error = NULL;

  story_build (&story);
  g_assert_true (stance_graph_declare_kind (story.graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  actors = stance_graph_get_actors (story.graph);
  g_signal_connect (actors, "items-changed", G_CALLBACK (log_items_changed), log);
  announcements_init (&seen, story.graph);
  graph_state_take (&state, story.graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("document %u", i);
      g_assert_false (stance_graph_load_from_data (story.graph, bad[i].document, -1, &error));
      g_assert_error (error, STANCE_ERROR, (gint) bad[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, bad[i].path));
      if (bad[i].code == STANCE_ERROR_DUPLICATE_ID)
        g_assert_nonnull (strstr (error->message, "duplicate id"));
      g_clear_error (&error);

      graph_state_assert_same (&state, story.graph);
      g_assert_null (stance_graph_lookup (story.graph, "putin"));
      g_assert_null (stance_graph_lookup (story.graph, "plan"));
      g_assert_false (stance_graph_lookup_kind (story.graph, "doubts", NULL));
      g_assert_cmpstr (log->str, ==, "");
      g_assert_cmpuint (seen.nodes->len, ==, 0);
      g_assert_cmpuint (seen.stances->len, ==, 0);
    }

  /* The document is fine by itself. */
  {
    g_autoptr(StanceGraph) alone = stance_graph_new_from_data (bad[0].document, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stance_graph_get_n_actors (alone), ==, 2);
  }

  /* And the graph still works. */
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");

  announcements_clear (&seen, story.graph);
  g_signal_handlers_disconnect_by_data (actors, log);
  g_string_free (log, TRUE);
  g_clear_object (&actors);
  graph_state_clear (&state);
  story_clear (&story);
}

static void
test_document_api_utf8 (void)
{
  /* Whatever the API accepts must save into a document that loads back:
   * SPEC §2 refuses invalid UTF-8 in a document, so the API must refuse it
   * too (or the writer must not produce it). */
  static const struct { const char *what; const char *id; const char *text; } cases[] = {
    { "actor id", "\xff\xfe", NULL },
    { "actor name", "a", "\xc3(" },
    { "claim id", "\xe2\x82", NULL },
    { "claim text", "c", "caf\xe9" },
  };
  GString *failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StanceGraph) graph = stance_graph_new ();
      g_autoptr(GObject) node = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(StanceGraph) copy = NULL;
      GError *error = NULL;

      if (g_str_has_prefix (cases[i].what, "actor"))
        node = (GObject *) stance_graph_add_actor (graph, cases[i].id, cases[i].text != NULL ? cases[i].text : "A",
                                                   STANCE_ACTOR_KIND_PERSON, &error);
      else
        node = (GObject *) stance_graph_add_claim (graph, cases[i].id, cases[i].text != NULL ? cases[i].text : "C", &error);

      if (node == NULL)
        {
          /* Refused as not UTF-8, with nothing added. */
          g_assert_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING);
          g_clear_error (&error);
          g_assert_cmpuint (stance_graph_get_n_actors (graph) + stance_graph_get_n_claims (graph), ==, 0);
          continue;
        }

      saved = stance_graph_save_to_data (graph, NULL);
      copy = stance_graph_new_from_data (saved, -1, &error);
      if (copy == NULL)
        {
          /* Every case is invalid UTF-8: nothing should have got this far. */
          g_string_append_printf (failures, "%s: accepted, but its document does not load (%s); ",
                                  cases[i].what, error->message);
          g_clear_error (&error);
        }
    }

  /* The API must refuse what a document could not hold: every graph it
   * builds saves to a document that loads. */
  if (failures->len > 0)
    g_test_fail_printf ("%s", failures->str);
  g_string_free (failures, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/document/roundtrip", test_save_load_roundtrip);
  g_test_add_func ("/graph/document/merge", test_load_merge);
  g_test_add_func ("/graph/document/collision", test_load_collision);
  g_test_add_func ("/graph/document/api-utf8", test_document_api_utf8);

  return g_test_run ();
}
