/* test-graph-build.c: the C API of StanceGraph: building a graph: actors, claims, statements, stances, lookups, kinds, and the object-free append path for pipelines
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

static void
test_add_actor (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) kaspersky = NULL;
  GError *error = NULL;

  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 0);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_true (STANCE_IS_ACTOR (trump));
  g_assert_true (STANCE_IS_NODE (trump));
  g_assert_cmpstr (node_id (trump), ==, "trump");
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_assert_cmpint (stance_actor_get_kind (trump), ==, STANCE_ACTOR_KIND_PERSON);
  g_assert_null (stance_actor_get_aliases (trump));
  g_assert_null (stance_node_get_meta (STANCE_NODE (trump)));
  g_assert_true (stance_node_get_graph (STANCE_NODE (trump)) == graph);
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (trump);
    g_assert_cmpuint (groups->len, ==, 0);
  }
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 1);

  /* Every kind, and a name that is not ASCII. */
  for (int kind = STANCE_ACTOR_KIND_PERSON; kind <= STANCE_ACTOR_KIND_OTHER; kind++)
    {
      g_autofree char *id = g_strdup_printf ("actor-%d", kind);
      g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, "Евгений Касперский", kind, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (node_id (actor), ==, id);
      g_assert_cmpstr (stance_actor_get_name (actor), ==, "Евгений Касперский");
      g_assert_cmpint (stance_actor_get_kind (actor), ==, kind);
    }
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 7);

  /* member_of keeps the order of addition, repeats included. */
  kaspersky = stance_graph_add_actor (graph, "kaspersky", "Eugene Kaspersky", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_true (stance_actor_add_member_of (kaspersky, trump, &error));
  g_assert_no_error (error);
  {
    g_autoptr(StanceNode) other = stance_graph_lookup (graph, "actor-5");

    g_assert_true (stance_actor_add_member_of (kaspersky, STANCE_ACTOR (other), &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (kaspersky);

    g_assert_cmpuint (groups->len, ==, 2);
    g_assert_true (g_ptr_array_index (groups, 0) == (gpointer) trump);
    g_assert_cmpstr (node_id (g_ptr_array_index (groups, 1)), ==, "actor-5");
  }
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 8);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 0);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 0);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 0);
}

static void
test_add_claim (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceClaim) plan = NULL;
  g_autoptr(StanceClaim) point = NULL;
  g_autoptr(StanceClaim) whole = NULL;
  GError *error = NULL;

  plan = stance_graph_add_claim (graph, "putin-plan", "Putin's 2020 plan", &error);
  g_assert_no_error (error);
  g_assert_true (STANCE_IS_CLAIM (plan));
  g_assert_cmpstr (node_id (plan), ==, "putin-plan");
  g_assert_cmpstr (stance_claim_get_text (plan), ==, "Putin's 2020 plan");
  g_assert_null (stance_claim_get_lang (plan));
  g_assert_null (stance_claim_dup_part_of (plan));
  g_assert_null (stance_node_get_meta (STANCE_NODE (plan)));

  point = stance_graph_add_claim (graph, "putin-plan-3", "Point 3: „Vereinbarung“ über Nichteinmischung", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stance_claim_get_text (point), ==, "Point 3: „Vereinbarung“ über Nichteinmischung");
  stance_claim_set_lang (point, "de");
  g_assert_cmpstr (stance_claim_get_lang (point), ==, "de");
  g_assert_true (stance_claim_set_part_of (point, plan, &error));
  g_assert_no_error (error);
  whole = stance_claim_dup_part_of (point);
  g_assert_true (whole == plan);

  /* An empty text is a text. */
  {
    g_autoptr(StanceClaim) empty = stance_graph_add_claim (graph, "empty", "", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stance_claim_get_text (empty), ==, "");
  }

  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, 3);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 0);
}

static void
test_add_statement (void)
{
  static const struct { const char *time; const char *canonical; StanceTimePrecision precision; } times[] = {
    { "2017", "2017", STANCE_TIME_PRECISION_YEAR },
    { "2017-07", "2017-07", STANCE_TIME_PRECISION_MONTH },
    { "2017-07-09", "2017-07-09", STANCE_TIME_PRECISION_DAY },
    { "2017-07-09T21:15Z", "2017-07-09T21:15Z", STANCE_TIME_PRECISION_MINUTE },
    { "2017-07-09T21:15:33+02:00", "2017-07-09T21:15:33+02:00", STANCE_TIME_PRECISION_SECOND },
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) heise = NULL;
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceStatement) original = NULL;
  g_autoptr(StanceStatement) article = NULL;
  g_autoptr(StanceStatement) reported = NULL;
  GError *error = NULL;

  heise = stance_graph_add_actor (graph, "heise", "heise online", STANCE_ACTOR_KIND_MEDIA, &error);
  g_assert_no_error (error);
  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(StanceStatement) statement = stance_graph_add_statement (graph, id, putin, times[i].time, &error);
      g_autofree char *text = NULL;
      g_autoptr(StanceTime) time = NULL;

      g_assert_no_error (error);
      g_assert_true (STANCE_IS_STATEMENT (statement));
      g_assert_cmpstr (node_id (statement), ==, id);
      g_assert_true (stance_statement_get_speaker (statement) == putin);
      text = stance_statement_dup_time_string (statement);
      g_assert_cmpstr (text, ==, times[i].canonical);
      time = stance_statement_dup_time (statement);
      g_assert_cmpint (stance_time_get_precision (time), ==, times[i].precision);
      g_assert_null (stance_statement_get_text (statement));
      g_assert_null (stance_statement_get_lang (statement));
      g_assert_null (stance_statement_get_source (statement));
      g_assert_null (stance_statement_dup_reports (statement));
      g_assert_null (stance_node_get_meta (STANCE_NODE (statement)));
      g_assert_cmpuint (stance_statement_get_n_stances (statement), ==, 0);
    }

  /* A fractional second is accepted and ignored. */
  {
    g_autoptr(StanceStatement) fraction = stance_graph_add_statement (graph, "fraction", putin, "2017-07-09T21:15:33.250Z", &error);
    g_autofree char *text = NULL;
    g_autoptr(StanceTime) time = NULL;

    g_assert_no_error (error);
    time = stance_statement_dup_time (fraction);
    g_assert_cmpint (stance_time_get_precision (time), ==, STANCE_TIME_PRECISION_SECOND);
    text = stance_statement_dup_time_string (fraction);
    g_assert_cmpstr (text, ==, "2017-07-09T21:15:33Z");
  }

  original = stance_graph_add_statement (graph, "putin-2020-09-25", putin, "2020-09-25", &error);
  g_assert_no_error (error);
  article = stance_graph_add_statement (graph, "heise-2020-09-26", heise, "2020-09-26T10:00Z", &error);
  g_assert_no_error (error);
  stance_statement_set_text (article, "Putin schlägt vor …");
  stance_statement_set_lang (article, "de");
  stance_statement_set_source (article, "https://www.heise.de/news/x.html");
  g_assert_true (stance_statement_set_reports (article, original, &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_get_speaker (article) == heise);
  g_assert_cmpstr (stance_statement_get_text (article), ==, "Putin schlägt vor …");
  g_assert_cmpstr (stance_statement_get_lang (article), ==, "de");
  g_assert_cmpstr (stance_statement_get_source (article), ==, "https://www.heise.de/news/x.html");
  reported = stance_statement_dup_reports (article);
  g_assert_true (reported == original);

  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, G_N_ELEMENTS (times) + 3);
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, 2);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 0);
}

static void
test_add_stance (void)
{
  static const struct { const char *kind; StancePolarity polarity; } builtins[] = {
    { "proposes", STANCE_POLARITY_POSITIVE },
    { "endorses", STANCE_POLARITY_POSITIVE },
    { "supports", STANCE_POLARITY_POSITIVE },
    { "confirms", STANCE_POLARITY_POSITIVE },
    { "opposes", STANCE_POLARITY_NEGATIVE },
    { "rejects", STANCE_POLARITY_NEGATIVE },
    { "denies", STANCE_POLARITY_NEGATIVE },
    { "retracts", STANCE_POLARITY_WITHDRAWAL },
    { "questions", STANCE_POLARITY_NEUTRAL },
    { "comments", STANCE_POLARITY_NEUTRAL },
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) statement = NULL;
  g_autoptr(StanceStatement) other = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  statement = stance_graph_add_statement (graph, "putin-2017-07-08", putin, "2017-07-08", &error);
  g_assert_no_error (error);

  /* Every built-in kind, by the speaker (an act unless neutral) and
   * attributed to trump (never an act). */
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autoptr(StanceEdge) own = stance_statement_add_stance (statement, builtins[i].kind, STANCE_NODE (unit), NULL, &error);
      g_autoptr(StanceEdge) attributed = NULL;

      g_assert_no_error (error);
      g_assert_true (STANCE_IS_EDGE (own));
      g_assert_cmpstr (stance_edge_get_kind (own), ==, builtins[i].kind);
      g_assert_cmpint (stance_edge_get_polarity (own), ==, builtins[i].polarity);
      g_assert_true (stance_edge_get_statement (own) == statement);
      g_assert_true (stance_edge_get_target (own) == STANCE_NODE (unit));
      g_assert_true (stance_edge_get_holder (own) == putin);
      g_assert_true (stance_edge_get_graph (own) == graph);
      g_assert_false (stance_edge_is_attributed (own));
      g_assert_cmpint (stance_edge_is_act (own), ==, builtins[i].polarity != STANCE_POLARITY_NEUTRAL);
      g_assert_null (stance_edge_get_meta (own));

      attributed = stance_statement_add_stance (statement, builtins[i].kind, STANCE_NODE (unit), trump, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (stance_edge_get_kind (attributed), ==, builtins[i].kind);
      g_assert_cmpint (stance_edge_get_polarity (attributed), ==, builtins[i].polarity);
      g_assert_true (stance_edge_get_holder (attributed) == trump);
      g_assert_true (stance_edge_is_attributed (attributed));
      g_assert_false (stance_edge_is_act (attributed));

      g_ptr_array_add (made, g_object_ref (own));
      g_ptr_array_add (made, g_object_ref (attributed));
    }

  /* The holder given explicitly as the speaker is not an attribution. */
  {
    g_autoptr(StanceEdge) explicit = stance_statement_add_stance (statement, "opposes", STANCE_NODE (unit), putin, &error);

    g_assert_no_error (error);
    g_assert_true (stance_edge_get_holder (explicit) == putin);
    g_assert_false (stance_edge_is_attributed (explicit));
    g_assert_true (stance_edge_is_act (explicit));
    g_ptr_array_add (made, g_object_ref (explicit));
  }

  /* Targets may be actors and statements too. */
  other = stance_graph_add_statement (graph, "trump-2017-07-09", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  {
    g_autoptr(StanceEdge) on_statement = stance_statement_add_stance (other, "denies", STANCE_NODE (statement), NULL, &error);
    g_autoptr(StanceEdge) on_actor = NULL;

    g_assert_no_error (error);
    g_assert_true (stance_edge_get_target (on_statement) == STANCE_NODE (statement));
    g_assert_true (stance_edge_get_holder (on_statement) == trump);
    on_actor = stance_statement_add_stance (other, "endorses", STANCE_NODE (putin), NULL, &error);
    g_assert_no_error (error);
    g_assert_true (stance_edge_get_target (on_actor) == STANCE_NODE (putin));
  }

  g_assert_cmpuint (stance_statement_get_n_stances (statement), ==, 2 * G_N_ELEMENTS (builtins) + 1);
  g_assert_cmpuint (stance_statement_get_n_stances (other), ==, 2);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 2 * G_N_ELEMENTS (builtins) + 3);

  /* dup_stances gives them in their order, as the same objects. */
  {
    g_autoptr(GPtrArray) stances = stance_statement_dup_stances (statement);

    g_assert_cmpuint (stances->len, ==, made->len);
    for (guint i = 0; i < made->len; i++)
      g_assert_true (g_ptr_array_index (stances, i) == g_ptr_array_index (made, i));
  }
}

static void
test_lookup (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  GError *error = NULL;

  g_assert_null (stance_graph_lookup (graph, "trump"));
  g_assert_null (stance_graph_lookup (graph, ""));

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);

  {
    g_autoptr(StanceNode) a = stance_graph_lookup (graph, "trump");
    g_autoptr(StanceNode) c = stance_graph_lookup (graph, "cyber-unit");
    g_autoptr(StanceNode) s = stance_graph_lookup (graph, "t1");

    g_assert_true (a == STANCE_NODE (trump));
    g_assert_true (STANCE_IS_ACTOR (a));
    g_assert_true (c == STANCE_NODE (unit));
    g_assert_true (STANCE_IS_CLAIM (c));
    g_assert_true (s == STANCE_NODE (t1));
    g_assert_true (STANCE_IS_STATEMENT (s));
  }

  /* Ids are matched exactly. */
  g_assert_null (stance_graph_lookup (graph, "Trump"));
  g_assert_null (stance_graph_lookup (graph, "trump "));
  g_assert_null (stance_graph_lookup (graph, "t"));
  g_assert_null (stance_graph_lookup (graph, "t12"));
  g_assert_null (stance_graph_lookup (graph, ""));
}

static const char * const builtin_kinds[] = {
  "proposes", "endorses", "supports", "confirms",
  "opposes", "rejects", "denies",
  "retracts",
  "questions", "comments",
  NULL
};

static void
test_kinds_builtin (void)
{
  static const StancePolarity polarities[] = {
    STANCE_POLARITY_POSITIVE, STANCE_POLARITY_POSITIVE, STANCE_POLARITY_POSITIVE, STANCE_POLARITY_POSITIVE,
    STANCE_POLARITY_NEGATIVE, STANCE_POLARITY_NEGATIVE, STANCE_POLARITY_NEGATIVE,
    STANCE_POLARITY_WITHDRAWAL,
    STANCE_POLARITY_NEUTRAL, STANCE_POLARITY_NEUTRAL,
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_auto(GStrv) kinds = stance_graph_dup_kinds (graph);

  g_assert_cmpstrv (kinds, builtin_kinds);

  for (guint i = 0; builtin_kinds[i] != NULL; i++)
    {
      StancePolarity polarity = -1;

      g_assert_true (stance_graph_lookup_kind (graph, builtin_kinds[i], &polarity));
      g_assert_cmpint (polarity, ==, polarities[i]);
      g_assert_true (stance_graph_lookup_kind (graph, builtin_kinds[i], NULL));
      g_assert_true (stance_kind_is_builtin (builtin_kinds[i]));
    }

  g_assert_false (stance_graph_lookup_kind (graph, "praises", NULL));
  g_assert_false (stance_graph_lookup_kind (graph, "Proposes", NULL));
  g_assert_false (stance_graph_lookup_kind (graph, "", NULL));
  g_assert_false (stance_kind_is_builtin ("praises"));
}

static void
test_kinds_declare (void)
{
  static const char * const expected[] = {
    "proposes", "endorses", "supports", "confirms",
    "opposes", "rejects", "denies",
    "retracts",
    "questions", "comments",
    "praises", "doubts", "walks-back", "x2",
    NULL
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_auto(GStrv) kinds = NULL;
  StancePolarity polarity = -1;
  GError *error = NULL;

  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEUTRAL, &error));
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "walks-back", STANCE_POLARITY_WITHDRAWAL, &error));
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "x2", STANCE_POLARITY_NEGATIVE, &error));
  g_assert_no_error (error);

  /* Again with the same polarity: allowed, and nothing changes. */
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEUTRAL, NULL));

  kinds = stance_graph_dup_kinds (graph);
  g_assert_cmpstrv (kinds, expected);

  g_assert_true (stance_graph_lookup_kind (graph, "praises", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_POSITIVE);
  g_assert_true (stance_graph_lookup_kind (graph, "doubts", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_NEUTRAL);
  g_assert_true (stance_graph_lookup_kind (graph, "walks-back", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_WITHDRAWAL);
  g_assert_true (stance_graph_lookup_kind (graph, "x2", &polarity));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_NEGATIVE);
  g_assert_false (stance_kind_is_builtin ("praises"));

  /* A declared kind can be used, with its polarity. */
  {
    g_autoptr(StanceActor) kaspersky = stance_graph_add_actor (graph, "kaspersky", "Eugene Kaspersky", STANCE_ACTOR_KIND_PERSON, &error);
    g_autoptr(StanceClaim) plan = stance_graph_add_claim (graph, "plan", "the plan", &error);
    g_autoptr(StanceStatement) tweet = stance_graph_add_statement (graph, "tweet", kaspersky, "2020-09-26", &error);
    g_autoptr(StanceEdge) praise = NULL;
    g_autoptr(StanceEdge) doubt = NULL;

    g_assert_no_error (error);
    praise = stance_statement_add_stance (tweet, "praises", STANCE_NODE (plan), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (stance_edge_get_kind (praise), ==, "praises");
    g_assert_cmpint (stance_edge_get_polarity (praise), ==, STANCE_POLARITY_POSITIVE);
    g_assert_true (stance_edge_is_act (praise));
    doubt = stance_statement_add_stance (tweet, "doubts", STANCE_NODE (plan), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (stance_edge_get_polarity (doubt), ==, STANCE_POLARITY_NEUTRAL);
    g_assert_false (stance_edge_is_act (doubt));
  }
}

static void
test_kinds_invalid (void)
{
  static const struct { const char *name; StancePolarity polarity; } bad[] = {
    { "praises", STANCE_POLARITY_NEGATIVE },   /* declared positive below */
    { "praises", STANCE_POLARITY_NEUTRAL },
    { "proposes", STANCE_POLARITY_POSITIVE },  /* built in, same polarity */
    { "retracts", STANCE_POLARITY_NEGATIVE },  /* built in */
    { "comments", STANCE_POLARITY_NEUTRAL },
    { "Praises", STANCE_POLARITY_POSITIVE },
    { "1x", STANCE_POLARITY_POSITIVE },
    { "a_b", STANCE_POLARITY_POSITIVE },
    { "", STANCE_POLARITY_POSITIVE },
    { "-x", STANCE_POLARITY_POSITIVE },
    { "a b", STANCE_POLARITY_POSITIVE },
    { "prä", STANCE_POLARITY_POSITIVE },
    { "fine", (StancePolarity) 4 },
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  GraphState state = { 0 };
  GError *error = NULL;

  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("declaring \"%s\" (%d)", bad[i].name, bad[i].polarity);
      g_assert_false (stance_graph_declare_kind (graph, bad[i].name, bad[i].polarity, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_KIND);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
    }

  {
    StancePolarity polarity = -1;

    g_assert_true (stance_graph_lookup_kind (graph, "praises", &polarity));
    g_assert_cmpint (polarity, ==, STANCE_POLARITY_POSITIVE);
    g_assert_false (stance_graph_lookup_kind (graph, "fine", NULL));
    g_assert_false (stance_graph_lookup_kind (graph, "Praises", NULL));
  }

  graph_state_clear (&state);
}

static void
test_actor_kind_strings (void)
{
  static const struct { StanceActorKind kind; const char *name; } kinds[] = {
    { STANCE_ACTOR_KIND_PERSON, "person" },
    { STANCE_ACTOR_KIND_ORGANIZATION, "organization" },
    { STANCE_ACTOR_KIND_STATE, "state" },
    { STANCE_ACTOR_KIND_MEDIA, "media" },
    { STANCE_ACTOR_KIND_GROUP, "group" },
    { STANCE_ACTOR_KIND_OTHER, "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      StanceActorKind kind = -1;

      g_assert_cmpstr (stance_actor_kind_to_string (kinds[i].kind), ==, kinds[i].name);
      g_assert_true (stance_actor_kind_from_string (kinds[i].name, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);
    }

  for (const char * const *bad = (const char * const[]) { "Person", "organisation", "", "people", "other ", NULL }; *bad; bad++)
    {
      StanceActorKind kind = STANCE_ACTOR_KIND_GROUP;

      g_assert_false (stance_actor_kind_from_string (*bad, &kind));
      g_assert_cmpint (kind, ==, STANCE_ACTOR_KIND_GROUP);
    }
}


/* The object-free path for pipelines: append_statement and append_stance */


static void
count_signal (gpointer  instance,
              gpointer  object,
              guint    *count)
{
  (*count)++;
}

static void
test_append (void)
{
  g_autoptr(StanceGraph) by_objects = stance_graph_new ();
  g_autoptr(StanceGraph) by_ids = stance_graph_new ();
  g_autoptr(StanceActor) trump = stance_graph_add_actor (by_objects, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceActor) putin = stance_graph_add_actor (by_objects, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) unit = stance_graph_add_claim (by_objects, "cyber-unit", "A joint unit", NULL);
  g_autoptr(StanceStatement) s1 = stance_graph_add_statement (by_objects, "t1", trump, "2017-07-09", NULL);
  g_autoptr(StanceStatement) s2 = stance_graph_add_statement (by_objects, "p1", putin, "2017-07", NULL);
  g_autoptr(StanceStatement) s3 = stance_graph_add_statement (by_objects, "t2", trump, "2017-07-10", NULL);
  g_autoptr(StanceEdge) e1 = stance_statement_add_stance (s1, "proposes", STANCE_NODE (unit), NULL, NULL);
  g_autoptr(StanceEdge) e2 = stance_statement_add_stance (s2, "endorses", STANCE_NODE (unit), trump, NULL);
  g_autoptr(StanceEdge) e3 = stance_statement_add_stance (s3, "retracts", STANCE_NODE (unit), NULL, NULL);
  g_autoptr(StanceActor) trump2 = stance_graph_add_actor (by_ids, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceActor) putin2 = stance_graph_add_actor (by_ids, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, NULL);
  g_autoptr(StanceClaim) unit2 = stance_graph_add_claim (by_ids, "cyber-unit", "A joint unit", NULL);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (by_ids);
  g_autoptr(GListModel) statements = stance_graph_get_statements (by_ids);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint added_nodes = 0, added_stances = 0;

  stance_statement_set_text (s1, "Putin & I discussed forming an impenetrable Cyber Security unit");
  stance_statement_set_lang (s1, "en");
  stance_statement_set_source (s1, "https://twitter.com/realDonaldTrump");

  g_signal_connect (by_ids, "node-added", G_CALLBACK (count_signal), &added_nodes);
  g_signal_connect (by_ids, "stance-added", G_CALLBACK (count_signal), &added_stances);

  /* Stances may follow their statement or come later, by id. */
  g_assert_true (stance_graph_append_statement (by_ids, "t1", "trump", "2017-07-09",
                                                "Putin & I discussed forming an impenetrable Cyber Security unit",
                                                "en", "https://twitter.com/realDonaldTrump", &error));
  g_assert_no_error (error);
  g_assert_true (stance_graph_append_statement (by_ids, "p1", "putin", "2017-07", NULL, NULL, NULL, &error));
  g_assert_true (stance_graph_append_stance (by_ids, "p1", "endorses", "cyber-unit", "trump", &error));
  g_assert_true (stance_graph_append_stance (by_ids, "t1", "proposes", "cyber-unit", NULL, &error));
  g_assert_true (stance_graph_append_statement (by_ids, "t2", "trump", "2017-07-10", NULL, NULL, NULL, &error));
  g_assert_true (stance_graph_append_stance (by_ids, "t2", "retracts", "cyber-unit", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (added_nodes, ==, 3);
  g_assert_cmpuint (added_stances, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 3);
  /* The reversal and the disputed attribution, kept current live. */
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);

  /* The same graph as through the objects, but for the order in which
   * p1's and t1's stances were added, which the document does not show. */
  expected = stance_graph_save_to_data (by_objects, NULL);
  got = stance_graph_save_to_data (by_ids, NULL);
  g_assert_cmpstr (got, ==, expected);

  /* Every bad argument is refused, with the graph unchanged. */
  before = stance_graph_save_to_data (by_ids, NULL);
  g_assert_false (stance_graph_append_statement (by_ids, "t1", "trump", "2017", NULL, NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_statement (by_ids, "", "trump", "2017", NULL, NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_statement (by_ids, "x", "nobody", "2017", NULL, NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_statement (by_ids, "x", "cyber-unit", "2017", NULL, NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_statement (by_ids, "x", "trump", "2017-13", NULL, NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_statement (by_ids, "x", "trump", "2017", "\xff", NULL, NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (by_ids, "nothing", "proposes", "cyber-unit", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (by_ids, "trump", "proposes", "cyber-unit", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (by_ids, "t2", "praises", "cyber-unit", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (by_ids, "t2", "proposes", "cyber-unt", NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_append_stance (by_ids, "t2", "proposes", "cyber-unit", "cyber-unit", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  after = stance_graph_save_to_data (by_ids, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (added_nodes, ==, 3);
  g_assert_cmpuint (added_stances, ==, 3);

  g_signal_handlers_disconnect_by_data (by_ids, &added_nodes);
  g_signal_handlers_disconnect_by_data (by_ids, &added_stances);
  (void) e1; (void) e2; (void) e3; (void) putin2; (void) trump2; (void) unit2;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/add/actor", test_add_actor);
  g_test_add_func ("/graph/add/claim", test_add_claim);
  g_test_add_func ("/graph/add/statement", test_add_statement);
  g_test_add_func ("/graph/add/stance", test_add_stance);
  g_test_add_func ("/graph/lookup", test_lookup);
  g_test_add_func ("/graph/kinds/builtin", test_kinds_builtin);
  g_test_add_func ("/graph/kinds/declare", test_kinds_declare);
  g_test_add_func ("/graph/kinds/invalid", test_kinds_invalid);
  g_test_add_func ("/graph/actor-kind/strings", test_actor_kind_strings);
  g_test_add_func ("/graph/append", test_append);

  return g_test_run ();
}
