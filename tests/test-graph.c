/* test-graph.c: the C API of StanceGraph and its nodes, edges and contradictions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What a C program sees: building a graph, the errors of bad edits (each
 * leaving the graph exactly as it was), API misuse, object identity and
 * reference counting, properties and notifications, signals and live list
 * models, the stance-at-a-time and timeline queries, contradictions, and
 * saving and loading through the API.
 *
 * Every test is deterministic and small, so that the suite runs in well
 * under a second, and under valgrind in a few.
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <libstance/stance.h>

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

/* A graph's observable state: its counts and its saved document.  An edit
 * that fails must leave both exactly as they were. */
typedef struct
{
  guint  n_actors;
  guint  n_claims;
  guint  n_statements;
  guint  n_stances;
  char  *saved;
  char **kinds;
} GraphState;

static void
graph_state_take (GraphState  *state,
                  StanceGraph *graph)
{
  state->n_actors = stance_graph_get_n_actors (graph);
  state->n_claims = stance_graph_get_n_claims (graph);
  state->n_statements = stance_graph_get_n_statements (graph);
  state->n_stances = stance_graph_get_n_stances (graph);
  state->saved = stance_graph_save_to_data (graph, NULL);
  state->kinds = stance_graph_dup_kinds (graph);
}

static void
graph_state_assert_same (GraphState  *state,
                         StanceGraph *graph)
{
  g_autofree char *saved = stance_graph_save_to_data (graph, NULL);
  g_auto(GStrv) kinds = stance_graph_dup_kinds (graph);

  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, state->n_actors);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, state->n_claims);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, state->n_statements);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, state->n_stances);
  g_assert_cmpstr (saved, ==, state->saved);
  g_assert_cmpstrv (kinds, state->kinds);
}

static void
graph_state_clear (GraphState *state)
{
  g_clear_pointer (&state->saved, g_free);
  g_clear_pointer (&state->kinds, g_strfreev);
}

/* Counts notify emissions of one property. */
typedef struct
{
  guint n;
} NotifyCount;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  NotifyCount *count = user_data;

  count->n++;
}

static gulong
watch (gpointer     object,
       const char  *property,
       NotifyCount *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  count->n = 0;
  return g_signal_connect (object, signal, G_CALLBACK (count_notify), count);
}

/* A flag that a weak reference clears when its object is finalized. */
typedef struct
{
  gboolean alive;
} Life;

static void
life_ended (gpointer  data,
            GObject  *where_the_object_was)
{
  Life *life = data;

  life->alive = FALSE;
}

static void
life_watch (Life     *life,
            gpointer  object)
{
  life->alive = TRUE;
  g_object_weak_ref (G_OBJECT (object), life_ended, life);
}

static const char *
node_id (gpointer node)
{
  return stance_node_get_id (STANCE_NODE (node));
}

static const char *
statement_id_of (StanceEdge *edge)
{
  return node_id (stance_edge_get_statement (edge));
}

/* The SPEC §5 story, built through the API, with the objects kept. */
typedef struct
{
  StanceGraph     *graph;
  StanceActor     *trump;
  StanceClaim     *unit;
  StanceStatement *s1;
  StanceStatement *s2;
  StanceEdge      *proposes;
  StanceEdge      *retracts;
} Story;

static void
story_build (Story *story)
{
  GError *error = NULL;

  story->graph = stance_graph_new ();
  story->trump = stance_graph_add_actor (story->graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  story->unit = stance_graph_add_claim (story->graph, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  story->s1 = stance_graph_add_statement (story->graph, "t1", story->trump, "2017-07-09", &error);
  g_assert_no_error (error);
  story->proposes = stance_statement_add_stance (story->s1, "proposes", STANCE_NODE (story->unit), NULL, &error);
  g_assert_no_error (error);
  story->s2 = stance_graph_add_statement (story->graph, "t2", story->trump, "2017-07-10", &error);
  g_assert_no_error (error);
  story->retracts = stance_statement_add_stance (story->s2, "retracts", STANCE_NODE (story->unit), NULL, &error);
  g_assert_no_error (error);
}

static void
story_clear (Story *story)
{
  g_clear_object (&story->retracts);
  g_clear_object (&story->proposes);
  g_clear_object (&story->s2);
  g_clear_object (&story->s1);
  g_clear_object (&story->unit);
  g_clear_object (&story->trump);
  g_assert_finalize_object (story->graph);
  story->graph = NULL;
}

/* ------------------------------------------------------------------------ */
/* 1. Building                                                              */

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

/* ------------------------------------------------------------------------ */
/* 2. Errors: the exact code, and the graph exactly as it was               */

static void
test_error_ids (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  const char * const ids[] = { "trump", "cyber-unit", "t1" };
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  /* Empty ids. */
  g_assert_null (stance_graph_add_actor (graph, "", "Nobody", STANCE_ACTOR_KIND_OTHER, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_claim (graph, "", "nothing", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_statement (graph, "", trump, "2017-07-09", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_ID);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* Every id, as every sort of node: ids are unique across sorts. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_null (stance_graph_add_actor (graph, ids[i], "Someone", STANCE_ACTOR_KIND_PERSON, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_assert_nonnull (strstr (error->message, ids[i]));
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);

      g_assert_null (stance_graph_add_claim (graph, ids[i], "something", &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);

      g_assert_null (stance_graph_add_statement (graph, ids[i], trump, "2017-07-11", &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
    }

  /* The original nodes are untouched. */
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_assert_cmpstr (stance_claim_get_text (unit), ==, "the unit");
  {
    g_autoptr(StanceNode) found = stance_graph_lookup (graph, "t1");

    g_assert_true (found == STANCE_NODE (t1));
  }

  /* A NULL error location is allowed. */
  g_assert_null (stance_graph_add_actor (graph, "trump", "Someone", STANCE_ACTOR_KIND_PERSON, NULL));
  g_assert_null (stance_graph_add_claim (graph, "", "nothing", NULL));
  graph_state_assert_same (&state, graph);

  graph_state_clear (&state);
}

static void
test_error_time (void)
{
  static const char * const bad[] = {
    "", "17", "2017-7", "2017-07-9", "2017-13", "2017-00", "2017-02-30", "2017-07-32",
    "2017-07-09T24:00Z", "2017-07-09T21:60Z", "2017-07-09T21:15:60Z", "2017-07-09T21:15+25:00",
    "2017-07-09T21:15+02", "2017-07-09 21:15Z", "2017/07/09", "0000", "10000", "July 2017",
    "2017-07-09T", "2017-07-09T21Z", " 2017", "2017 ",
  };
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      NotifyCount count;
      gulong handler;
      g_autofree char *time = NULL;

      g_test_message ("time \"%s\"", bad[i]);
      g_assert_null (stance_graph_add_statement (graph, "t2", trump, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_null (stance_graph_lookup (graph, "t2"));

      /* set_time keeps the old time and says nothing. */
      handler = watch (t1, "time", &count);
      g_assert_false (stance_statement_set_time (t1, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
      g_signal_handler_disconnect (t1, handler);
      g_assert_cmpuint (count.n, ==, 0);
      time = stance_statement_dup_time_string (t1);
      g_assert_cmpstr (time, ==, "2017-07-09");
      graph_state_assert_same (&state, graph);
    }

  graph_state_clear (&state);
}

static void
test_error_unknown_kind (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  GraphState state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (t1, "praises", STANCE_NODE (unit), NULL, &error);
    g_assert_no_error (error);
  }
  graph_state_take (&state, graph);

  for (const char * const *kind = (const char * const[]) { "prop", "Proposes", "", "praise", "doubts", "proposes ", NULL }; *kind; kind++)
    {
      g_assert_null (stance_statement_add_stance (t1, *kind, STANCE_NODE (unit), NULL, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
      g_clear_error (&error);
      g_assert_null (stance_statement_add_stance (t1, *kind, STANCE_NODE (unit), trump, &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_cmpuint (stance_statement_get_n_stances (t1), ==, 1);
    }

  graph_state_clear (&state);
}

static void
test_error_wrong_node (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceGraph) other = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceClaim) point = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceActor) o_actor = NULL;
  g_autoptr(StanceClaim) o_claim = NULL;
  g_autoptr(StanceStatement) o_statement = NULL;
  GraphState state = { 0 };
  GraphState other_state = { 0 };
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  point = stance_graph_add_claim (graph, "point", "a point", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);

  /* The other graph has nodes with the same ids and others. */
  o_actor = stance_graph_add_actor (other, "trump", "Another Trump", STANCE_ACTOR_KIND_PERSON, &error);
  o_claim = stance_graph_add_claim (other, "cyber-unit", "another unit", &error);
  o_statement = stance_graph_add_statement (other, "o1", o_actor, "2017-07-09", &error);
  g_assert_no_error (error);

  graph_state_take (&state, graph);
  graph_state_take (&other_state, other);

  /* speaker */
  g_assert_null (stance_graph_add_statement (graph, "t2", o_actor, "2017-07-10", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* target, of each sort */
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (o_claim), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (o_actor), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "denies", STANCE_NODE (o_statement), NULL, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* holder */
  g_assert_null (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), o_actor, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* member_of */
  g_assert_false (stance_actor_add_member_of (trump, o_actor, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_actor_add_member_of (o_actor, trump, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (trump);
    g_assert_cmpuint (groups->len, ==, 0);
  }

  /* part_of, also over an existing one */
  g_assert_true (stance_claim_set_part_of (point, unit, &error));
  g_assert_no_error (error);
  graph_state_clear (&state);
  graph_state_take (&state, graph);
  g_assert_false (stance_claim_set_part_of (point, o_claim, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_false (stance_claim_set_part_of (o_claim, unit, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  {
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (point);
    g_assert_true (whole == unit);
  }

  /* reports */
  g_assert_false (stance_statement_set_reports (t1, o_statement, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_statement_dup_reports (t1));
  graph_state_assert_same (&state, graph);

  /* queries */
  g_assert_null (stance_graph_get_stance_at (graph, o_actor, STANCE_NODE (unit), "2017", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);
  g_assert_null (stance_graph_get_stance_at (graph, trump, STANCE_NODE (o_claim), "2017", &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_WRONG_NODE);
  g_clear_error (&error);

  graph_state_assert_same (&state, graph);
  graph_state_assert_same (&other_state, other);
  graph_state_clear (&state);
  graph_state_clear (&other_state);
}

static void
test_error_cycle (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) putin = NULL;
  StanceClaim *claims[3] = { NULL };
  StanceStatement *statements[3] = { NULL };
  GraphState state = { 0 };
  GError *error = NULL;

  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *cid = g_strdup_printf ("c%u", i);
      g_autofree char *sid = g_strdup_printf ("s%u", i);

      claims[i] = stance_graph_add_claim (graph, cid, cid, &error);
      g_assert_no_error (error);
      statements[i] = stance_graph_add_statement (graph, sid, putin, "2020", &error);
      g_assert_no_error (error);
    }

  /* c0 is part of c1, c1 of c2; s0 reports s1, s1 reports s2. */
  g_assert_true (stance_claim_set_part_of (claims[0], claims[1], &error));
  g_assert_no_error (error);
  g_assert_true (stance_claim_set_part_of (claims[1], claims[2], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[0], statements[1], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[1], statements[2], &error));
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < 3; i++)
    {
      NotifyCount count;
      gulong handler;

      /* self */
      handler = watch (claims[i], "part-of", &count);
      g_assert_false (stance_claim_set_part_of (claims[i], claims[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_signal_handler_disconnect (claims[i], handler);
      g_assert_cmpuint (count.n, ==, 0);
      graph_state_assert_same (&state, graph);

      handler = watch (statements[i], "reports", &count);
      g_assert_false (stance_statement_set_reports (statements[i], statements[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_signal_handler_disconnect (statements[i], handler);
      g_assert_cmpuint (count.n, ==, 0);
      graph_state_assert_same (&state, graph);
    }

  /* c2 part of c0 or c1; c1 part of c0; the same for reports. */
  for (guint whole = 0; whole < 2; whole++)
    {
      g_assert_false (stance_claim_set_part_of (claims[2], claims[whole], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      g_assert_false (stance_statement_set_reports (statements[2], statements[whole], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
    }
  g_assert_false (stance_claim_set_part_of (claims[1], claims[0], &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
  g_clear_error (&error);
  g_assert_false (stance_statement_set_reports (statements[1], statements[0], &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_CYCLE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  /* Not cycles: c0 directly part of c2 (a shortcut), and setting what is
   * already set. */
  g_assert_true (stance_claim_set_part_of (claims[0], claims[2], &error));
  g_assert_no_error (error);
  g_assert_true (stance_statement_set_reports (statements[0], statements[2], &error));
  g_assert_no_error (error);
  {
    g_autoptr(StanceClaim) whole = stance_claim_dup_part_of (claims[0]);
    g_autoptr(StanceStatement) reported = stance_statement_dup_reports (statements[0]);

    g_assert_true (whole == claims[2]);
    g_assert_true (reported == statements[2]);
  }

  /* Once the chain is cut, what was a cycle is allowed. */
  g_assert_true (stance_claim_set_part_of (claims[1], NULL, &error));
  g_assert_no_error (error);
  g_assert_true (stance_claim_set_part_of (claims[2], claims[1], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (claims[i]);
      g_object_unref (statements[i]);
    }
  graph_state_clear (&state);
}

static void
test_error_meta (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(JsonNode) object = json_from_string ("{\"checked\": true}", NULL);
  JsonNode *bad[4];
  GraphState state = { 0 };
  GError *error = NULL;

  bad[0] = json_from_string ("[1, 2]", NULL);
  bad[1] = json_from_string ("\"text\"", NULL);
  bad[2] = json_from_string ("42", NULL);
  bad[3] = json_node_new (JSON_NODE_NULL);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);

  /* One node with meta already, the others without. */
  g_assert_true (stance_node_set_meta (STANCE_NODE (unit), object, &error));
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gpointer nodes[] = { trump, unit, t1 };

      for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
        {
          g_assert_false (stance_node_set_meta (nodes[n], bad[i], &error));
          g_assert_error (error, STANCE_ERROR, STANCE_ERROR_TYPE);
          g_clear_error (&error);
        }
      g_assert_false (stance_edge_set_meta (edge, bad[i], &error));
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_TYPE);
      g_clear_error (&error);
      graph_state_assert_same (&state, graph);
      g_assert_null (stance_node_get_meta (STANCE_NODE (trump)));
      g_assert_true (stance_node_get_meta (STANCE_NODE (unit)) == object);
      g_assert_null (stance_node_get_meta (STANCE_NODE (t1)));
      g_assert_null (stance_edge_get_meta (edge));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    json_node_unref (bad[i]);
  graph_state_clear (&state);
}

static void
test_error_actor_kind (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  GraphState state = { 0 };
  GError *error = NULL;

  graph_state_take (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) (STANCE_ACTOR_KIND_OTHER + 1), &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);

  g_assert_null (stance_graph_add_actor (graph, "x", "X", (StanceActorKind) 1000, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  graph_state_assert_same (&state, graph);
  g_assert_null (stance_graph_lookup (graph, "x"));

  graph_state_clear (&state);
}

/* ------------------------------------------------------------------------ */
/* 3. API misuse: a critical warning and a safe return                      */

#define EXPECT_CRITICAL(stmt)                                                   \
  G_STMT_START {                                                                \
    g_test_expect_message ("Stance", G_LOG_LEVEL_CRITICAL, "*assertion*");     \
    stmt;                                                                       \
    g_test_assert_expected_messages ();                                         \
  } G_STMT_END

static void
test_misuse_graph (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceGraph) other = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) stranger = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  GraphState state = { 0 };
  GError *error = NULL;
  GError *preset = NULL;
  gpointer result = NULL;
  gboolean ok = TRUE;
  guint n = 1;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  stranger = stance_graph_add_actor (other, "trump", "Another", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

#define EXPECT_NULL(call) G_STMT_START { result = GINT_TO_POINTER (1); EXPECT_CRITICAL (result = (gpointer) (call)); g_assert_null (result); g_assert_no_error (error); } G_STMT_END
#define EXPECT_FALSE(call) G_STMT_START { ok = TRUE; EXPECT_CRITICAL (ok = (call)); g_assert_false (ok); g_assert_no_error (error); } G_STMT_END
#define EXPECT_ZERO(call) G_STMT_START { n = 1; EXPECT_CRITICAL (n = (call)); g_assert_cmpuint (n, ==, 0); } G_STMT_END

  /* NULL and wrong graphs */
  EXPECT_NULL (stance_graph_add_actor (NULL, "x", "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_actor ((gpointer) trump, "x", "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_claim (NULL, "x", "X", &error));
  EXPECT_NULL (stance_graph_add_claim ((gpointer) unit, "x", "X", &error));
  EXPECT_NULL (stance_graph_add_statement (NULL, "x", trump, "2017", &error));
  EXPECT_FALSE (stance_graph_declare_kind (NULL, "praises", STANCE_POLARITY_POSITIVE, &error));
  EXPECT_NULL (stance_graph_lookup (NULL, "trump"));
  EXPECT_NULL (stance_graph_lookup ((gpointer) edge, "trump"));
  EXPECT_FALSE (stance_graph_lookup_kind (NULL, "proposes", NULL));
  EXPECT_NULL (stance_graph_dup_kinds (NULL));
  EXPECT_ZERO (stance_graph_get_n_actors (NULL));
  EXPECT_ZERO (stance_graph_get_n_claims (NULL));
  EXPECT_ZERO (stance_graph_get_n_statements ((gpointer) t1));
  EXPECT_ZERO (stance_graph_get_n_stances ((gpointer) edge));
  EXPECT_NULL (stance_graph_get_actors (NULL));
  EXPECT_NULL (stance_graph_get_claims ((gpointer) unit));
  EXPECT_NULL (stance_graph_get_statements (NULL));
  EXPECT_NULL (stance_graph_find_contradictions (NULL));
  EXPECT_NULL (stance_graph_save_to_data (NULL, NULL));
  EXPECT_FALSE (stance_graph_load_from_data (NULL, "{\"stance\": 1}", -1, &error));

  /* NULL ids, names, texts, times, kinds */
  EXPECT_NULL (stance_graph_add_actor (graph, NULL, "X", STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_actor (graph, "x", NULL, STANCE_ACTOR_KIND_PERSON, &error));
  EXPECT_NULL (stance_graph_add_claim (graph, NULL, "text", &error));
  EXPECT_NULL (stance_graph_add_claim (graph, "x", NULL, &error));
  EXPECT_NULL (stance_graph_add_statement (graph, NULL, trump, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", trump, NULL, &error));
  EXPECT_FALSE (stance_graph_declare_kind (graph, NULL, STANCE_POLARITY_POSITIVE, &error));
  EXPECT_NULL (stance_graph_lookup (graph, NULL));
  EXPECT_FALSE (stance_graph_lookup_kind (graph, NULL, NULL));
  EXPECT_FALSE (stance_graph_load_from_data (graph, NULL, -1, &error));
  EXPECT_NULL (stance_graph_new_from_data (NULL, 12, &error));

  /* NULL or wrong speakers */
  EXPECT_NULL (stance_graph_add_statement (graph, "x", NULL, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) unit, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) t1, "2017", &error));
  EXPECT_NULL (stance_graph_add_statement (graph, "x", (gpointer) edge, "2017", &error));

  /* Queries */
  EXPECT_NULL (stance_graph_get_stance_at (NULL, trump, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, NULL, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, (gpointer) unit, STANCE_NODE (unit), "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, NULL, "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, (gpointer) edge, "2017", &error));
  EXPECT_NULL (stance_graph_get_stance_at (graph, trump, STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_graph_get_timeline (NULL, trump, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, NULL, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, (gpointer) t1, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, trump, NULL));
  EXPECT_NULL (stance_graph_get_timeline (graph, stranger, STANCE_NODE (unit)));
  EXPECT_NULL (stance_graph_get_timeline (graph, trump, STANCE_NODE (stranger)));

  /* An error that is already set */
  g_set_error_literal (&preset, G_IO_ERROR, G_IO_ERROR_FAILED, "earlier");
  EXPECT_CRITICAL (result = stance_graph_add_actor (graph, "x", "X", STANCE_ACTOR_KIND_PERSON, &preset));
  g_assert_null (result);
  EXPECT_CRITICAL (result = stance_graph_add_claim (graph, "x", "X", &preset));
  g_assert_null (result);
  EXPECT_CRITICAL (ok = stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &preset));
  g_assert_false (ok);
  EXPECT_CRITICAL (result = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &preset));
  g_assert_null (result);
  g_assert_error (preset, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (preset->message, ==, "earlier");
  g_clear_error (&preset);

  graph_state_assert_same (&state, graph);
  g_assert_null (stance_graph_lookup (graph, "x"));
  g_assert_false (stance_graph_lookup_kind (graph, "praises", NULL));
  graph_state_clear (&state);
}

static void
test_misuse_nodes (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  GraphState state = { 0 };
  GError *error = NULL;
  gpointer result = NULL;
  gboolean ok = TRUE;
  guint n = 1;
  StanceActorKind actor_kind;
  StancePolarity polarity;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  graph_state_take (&state, graph);

  /* Nodes */
  EXPECT_NULL (stance_node_get_id (NULL));
  EXPECT_NULL (stance_node_get_id ((gpointer) edge));
  EXPECT_NULL (stance_node_get_id ((gpointer) graph));
  EXPECT_NULL (stance_node_get_graph (NULL));
  EXPECT_NULL (stance_node_get_meta ((gpointer) edge));
  EXPECT_FALSE (stance_node_set_meta (NULL, NULL, &error));

  /* Actors: a claim or a statement passed as an actor */
  EXPECT_NULL (stance_actor_get_name ((gpointer) unit));
  EXPECT_NULL (stance_actor_get_name (NULL));
  EXPECT_CRITICAL (stance_actor_set_name ((gpointer) unit, "X"));
  EXPECT_CRITICAL (stance_actor_set_name (trump, NULL));
  EXPECT_CRITICAL (actor_kind = stance_actor_get_kind ((gpointer) t1));
  g_assert_cmpint (actor_kind, ==, STANCE_ACTOR_KIND_OTHER);
  EXPECT_CRITICAL (stance_actor_set_kind ((gpointer) unit, STANCE_ACTOR_KIND_MEDIA));
  EXPECT_CRITICAL (stance_actor_set_kind (trump, (StanceActorKind) 6));
  EXPECT_CRITICAL (stance_actor_set_kind (trump, (StanceActorKind) -1));
  EXPECT_NULL (stance_actor_get_aliases ((gpointer) unit));
  EXPECT_CRITICAL (stance_actor_set_aliases ((gpointer) unit, NULL));
  EXPECT_NULL (stance_actor_dup_member_of ((gpointer) unit));
  EXPECT_FALSE (stance_actor_add_member_of (trump, NULL, &error));
  EXPECT_FALSE (stance_actor_add_member_of (trump, (gpointer) unit, &error));
  EXPECT_FALSE (stance_actor_add_member_of ((gpointer) t1, trump, &error));
  EXPECT_NULL (stance_actor_kind_to_string ((StanceActorKind) 6));
  EXPECT_FALSE (stance_actor_kind_from_string (NULL, &actor_kind));
  EXPECT_FALSE (stance_actor_kind_from_string ("person", NULL));

  /* Claims */
  EXPECT_NULL (stance_claim_get_text ((gpointer) trump));
  EXPECT_CRITICAL (stance_claim_set_text (unit, NULL));
  EXPECT_CRITICAL (stance_claim_set_text ((gpointer) t1, "x"));
  EXPECT_NULL (stance_claim_get_lang ((gpointer) t1));
  EXPECT_CRITICAL (stance_claim_set_lang ((gpointer) trump, "en"));
  EXPECT_NULL (stance_claim_dup_part_of ((gpointer) trump));
  EXPECT_FALSE (stance_claim_set_part_of (unit, (gpointer) trump, &error));
  EXPECT_FALSE (stance_claim_set_part_of (unit, (gpointer) t1, &error));
  EXPECT_FALSE (stance_claim_set_part_of ((gpointer) trump, unit, &error));

  /* Statements */
  EXPECT_NULL (stance_statement_get_speaker ((gpointer) unit));
  EXPECT_NULL (stance_statement_dup_time (NULL));
  EXPECT_NULL (stance_statement_dup_time_string ((gpointer) trump));
  EXPECT_FALSE (stance_statement_set_time (t1, NULL, &error));
  EXPECT_FALSE (stance_statement_set_time ((gpointer) unit, "2017", &error));
  EXPECT_NULL (stance_statement_get_text ((gpointer) unit));
  EXPECT_CRITICAL (stance_statement_set_text ((gpointer) unit, "x"));
  EXPECT_CRITICAL (stance_statement_set_lang (NULL, "x"));
  EXPECT_CRITICAL (stance_statement_set_source ((gpointer) trump, "x"));
  EXPECT_NULL (stance_statement_dup_reports ((gpointer) unit));
  EXPECT_FALSE (stance_statement_set_reports (t1, (gpointer) unit, &error));
  EXPECT_FALSE (stance_statement_set_reports ((gpointer) unit, t1, &error));
  EXPECT_ZERO (stance_statement_get_n_stances ((gpointer) unit));
  EXPECT_NULL (stance_statement_dup_stances (NULL));

  /* Stances */
  EXPECT_NULL (stance_statement_add_stance (NULL, "proposes", STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance ((gpointer) trump, "proposes", STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, NULL, STANCE_NODE (unit), NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", NULL, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", (gpointer) edge, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", (gpointer) graph, NULL, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), (gpointer) unit, &error));
  EXPECT_NULL (stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), (gpointer) t1, &error));
  EXPECT_NULL (stance_edge_get_kind (NULL));
  EXPECT_NULL (stance_edge_get_kind ((gpointer) trump));
  EXPECT_CRITICAL (polarity = stance_edge_get_polarity ((gpointer) unit));
  g_assert_cmpint (polarity, ==, STANCE_POLARITY_NEUTRAL);
  EXPECT_NULL (stance_edge_get_statement ((gpointer) t1));
  EXPECT_NULL (stance_edge_get_target (NULL));
  EXPECT_NULL (stance_edge_get_holder ((gpointer) trump));
  EXPECT_NULL (stance_edge_get_graph (NULL));
  EXPECT_FALSE (stance_edge_is_attributed ((gpointer) t1));
  EXPECT_FALSE (stance_edge_is_act (NULL));
  EXPECT_NULL (stance_edge_get_meta ((gpointer) unit));
  EXPECT_FALSE (stance_edge_set_meta ((gpointer) unit, NULL, &error));

  /* Contradictions */
  EXPECT_NULL (stance_contradiction_get_target ((gpointer) edge));
  EXPECT_NULL (stance_contradiction_get_holder (NULL));
  EXPECT_NULL (stance_contradiction_get_other_holder (NULL));
  EXPECT_NULL (stance_contradiction_get_attributed_by ((gpointer) trump));
  EXPECT_NULL (stance_contradiction_get_first (NULL));
  EXPECT_NULL (stance_contradiction_get_second (NULL));
  EXPECT_NULL (stance_contradiction_get_statements ((gpointer) edge));
  EXPECT_NULL (stance_contradiction_describe (NULL));
  EXPECT_NULL (stance_contradiction_kind_to_string ((StanceContradictionKind) 4));

  /* Kinds */
  EXPECT_FALSE (stance_kind_name_is_valid (NULL));
  EXPECT_FALSE (stance_kind_is_builtin (NULL));

  /* Nothing changed, and everything still works. */
  graph_state_assert_same (&state, graph);
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald J. Trump");
  g_assert_cmpint (stance_actor_get_kind (trump), ==, STANCE_ACTOR_KIND_PERSON);
  g_assert_cmpstr (stance_claim_get_text (unit), ==, "the unit");
  g_assert_null (stance_claim_get_lang (unit));
  g_assert_null (stance_claim_dup_part_of (unit));
  g_assert_null (stance_statement_get_text (t1));
  g_assert_null (stance_statement_dup_reports (t1));
  g_assert_cmpuint (stance_statement_get_n_stances (t1), ==, 1);
  g_assert_true (stance_edge_get_holder (edge) == trump);
  {
    g_autoptr(GPtrArray) groups = stance_actor_dup_member_of (trump);
    g_assert_cmpuint (groups->len, ==, 0);
  }
  graph_state_clear (&state);

#undef EXPECT_NULL
#undef EXPECT_FALSE
#undef EXPECT_ZERO
}

/* ------------------------------------------------------------------------ */
/* 4. Identity and reference counting                                       */

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

/* ------------------------------------------------------------------------ */
/* 5. Properties and notifications                                          */

/* Records every notify of an object, as "name;" per emission. */
static void
log_notify (GObject    *object,
            GParamSpec *pspec,
            gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s;", pspec->name);
}

static GString *
notify_log_new (gpointer object)
{
  GString *log = g_string_new (NULL);

  g_signal_connect (object, "notify", G_CALLBACK (log_notify), log);
  return log;
}

static void
notify_log_free (gpointer  object,
                 GString  *log)
{
  g_assert_cmpuint (g_signal_handlers_disconnect_by_data (object, log), ==, 1);
  g_string_free (log, TRUE);
}

#define ASSERT_LOG(log, expected)                       \
  G_STMT_START {                                        \
    g_assert_cmpstr ((log)->str, ==, (expected));       \
    g_string_truncate ((log), 0);                       \
  } G_STMT_END

static void
test_notify_actor (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  const char * const aliases[] = { "@realDonaldTrump", "POTUS", NULL };
  const char * const same_aliases[] = { "@realDonaldTrump", "POTUS", NULL };
  const char * const other_aliases[] = { "POTUS", "@realDonaldTrump", NULL };
  const char * const no_aliases[] = { NULL };
  NotifyCount count;
  GString *log;
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  log = notify_log_new (trump);

  /* name */
  watch (trump, "name", &count);
  stance_actor_set_name (trump, "Donald Trump");
  ASSERT_LOG (log, "name;");
  stance_actor_set_name (trump, "Donald Trump");
  ASSERT_LOG (log, "");
  g_object_set (trump, "name", "Donald John Trump", NULL);
  ASSERT_LOG (log, "name;");
  g_object_set (trump, "name", "Donald John Trump", NULL);
  ASSERT_LOG (log, "");
  g_assert_cmpuint (count.n, ==, 2);
  g_assert_cmpstr (stance_actor_get_name (trump), ==, "Donald John Trump");
  g_signal_handlers_disconnect_by_data (trump, &count);

  /* kind */
  stance_actor_set_kind (trump, STANCE_ACTOR_KIND_STATE);
  ASSERT_LOG (log, "kind;");
  stance_actor_set_kind (trump, STANCE_ACTOR_KIND_STATE);
  ASSERT_LOG (log, "");
  g_object_set (trump, "kind", STANCE_ACTOR_KIND_PERSON, NULL);
  ASSERT_LOG (log, "kind;");
  g_object_set (trump, "kind", STANCE_ACTOR_KIND_PERSON, NULL);
  ASSERT_LOG (log, "");
  g_assert_cmpint (stance_actor_get_kind (trump), ==, STANCE_ACTOR_KIND_PERSON);

  /* aliases: compared by value; an empty list is no list */
  stance_actor_set_aliases (trump, no_aliases);
  ASSERT_LOG (log, "");
  g_assert_null (stance_actor_get_aliases (trump));
  stance_actor_set_aliases (trump, NULL);
  ASSERT_LOG (log, "");
  stance_actor_set_aliases (trump, aliases);
  ASSERT_LOG (log, "aliases;");
  g_assert_cmpstrv (stance_actor_get_aliases (trump), aliases);
  g_assert_true (stance_actor_get_aliases (trump) != aliases);  /* copied */
  stance_actor_set_aliases (trump, same_aliases);
  ASSERT_LOG (log, "");
  stance_actor_set_aliases (trump, other_aliases);
  ASSERT_LOG (log, "aliases;");
  g_assert_cmpstrv (stance_actor_get_aliases (trump), other_aliases);
  g_object_set (trump, "aliases", other_aliases, NULL);
  ASSERT_LOG (log, "");
  g_object_set (trump, "aliases", aliases, NULL);
  ASSERT_LOG (log, "aliases;");
  stance_actor_set_aliases (trump, no_aliases);
  ASSERT_LOG (log, "aliases;");
  g_assert_null (stance_actor_get_aliases (trump));

  /* member_of has no property; adding one notifies nothing */
  {
    g_autoptr(StanceActor) us = stance_graph_add_actor (graph, "us", "United States", STANCE_ACTOR_KIND_STATE, &error);

    g_assert_no_error (error);
    g_assert_true (stance_actor_add_member_of (trump, us, &error));
    g_assert_no_error (error);
    ASSERT_LOG (log, "");
  }

  notify_log_free (trump, log);
}

static void
test_notify_claim (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceClaim) plan = NULL;
  g_autoptr(StanceClaim) other = NULL;
  GString *log;
  GError *error = NULL;

  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  plan = stance_graph_add_claim (graph, "plan", "the plan", &error);
  other = stance_graph_add_claim (graph, "other", "another plan", &error);
  g_assert_no_error (error);
  log = notify_log_new (unit);

  stance_claim_set_text (unit, "Form a joint cyber-security unit");
  ASSERT_LOG (log, "text;");
  stance_claim_set_text (unit, "Form a joint cyber-security unit");
  ASSERT_LOG (log, "");
  g_object_set (unit, "text", "the unit", NULL);
  ASSERT_LOG (log, "text;");
  g_object_set (unit, "text", "the unit", NULL);
  ASSERT_LOG (log, "");

  stance_claim_set_lang (unit, NULL);
  ASSERT_LOG (log, "");
  stance_claim_set_lang (unit, "en");
  ASSERT_LOG (log, "lang;");
  stance_claim_set_lang (unit, "en");
  ASSERT_LOG (log, "");
  g_object_set (unit, "lang", "en-US", NULL);
  ASSERT_LOG (log, "lang;");
  stance_claim_set_lang (unit, NULL);
  ASSERT_LOG (log, "lang;");
  g_assert_null (stance_claim_get_lang (unit));

  g_assert_true (stance_claim_set_part_of (unit, NULL, &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_claim_set_part_of (unit, plan, &error));
  ASSERT_LOG (log, "part-of;");
  g_assert_true (stance_claim_set_part_of (unit, plan, &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_claim_set_part_of (unit, other, &error));
  ASSERT_LOG (log, "part-of;");
  g_assert_true (stance_claim_set_part_of (unit, NULL, &error));
  ASSERT_LOG (log, "part-of;");
  g_assert_no_error (error);
  g_assert_null (stance_claim_dup_part_of (unit));

  notify_log_free (unit, log);
}

static void
test_notify_statement (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) heise = NULL;
  g_autoptr(StanceStatement) article = NULL;
  g_autoptr(StanceStatement) tweet = NULL;
  g_autoptr(StanceStatement) speech = NULL;
  GString *log;
  GError *error = NULL;

  heise = stance_graph_add_actor (graph, "heise", "heise online", STANCE_ACTOR_KIND_MEDIA, &error);
  article = stance_graph_add_statement (graph, "article", heise, "2020-09-26", &error);
  tweet = stance_graph_add_statement (graph, "tweet", heise, "2020-09-25", &error);
  speech = stance_graph_add_statement (graph, "speech", heise, "2020-09-25", &error);
  g_assert_no_error (error);
  log = notify_log_new (article);

  /* Setting what is not there to nothing says nothing. */
  stance_statement_set_text (article, NULL);
  stance_statement_set_lang (article, NULL);
  stance_statement_set_source (article, NULL);
  ASSERT_LOG (log, "");

  stance_statement_set_text (article, "Putin schlägt vor …");
  ASSERT_LOG (log, "text;");
  stance_statement_set_text (article, "Putin schlägt vor …");
  ASSERT_LOG (log, "");
  g_object_set (article, "text", "Putin schlägt vor", NULL);
  ASSERT_LOG (log, "text;");
  g_object_set (article, "text", "Putin schlägt vor", NULL);
  ASSERT_LOG (log, "");

  stance_statement_set_lang (article, "de");
  ASSERT_LOG (log, "lang;");
  stance_statement_set_lang (article, "de");
  ASSERT_LOG (log, "");
  g_object_set (article, "lang", "de-DE", NULL);
  ASSERT_LOG (log, "lang;");

  stance_statement_set_source (article, "https://www.heise.de/");
  ASSERT_LOG (log, "source;");
  stance_statement_set_source (article, "https://www.heise.de/");
  ASSERT_LOG (log, "");
  g_object_set (article, "source", "heise online, 26.9.2020", NULL);
  ASSERT_LOG (log, "source;");

  stance_statement_set_text (article, NULL);
  ASSERT_LOG (log, "text;");
  stance_statement_set_source (article, NULL);
  ASSERT_LOG (log, "source;");
  g_assert_null (stance_statement_get_text (article));
  g_assert_cmpstr (stance_statement_get_lang (article), ==, "de-DE");
  g_assert_null (stance_statement_get_source (article));

  g_assert_true (stance_statement_set_reports (article, NULL, &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_statement_set_reports (article, tweet, &error));
  ASSERT_LOG (log, "reports;");
  g_assert_true (stance_statement_set_reports (article, tweet, &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_statement_set_reports (article, speech, &error));
  ASSERT_LOG (log, "reports;");
  g_assert_true (stance_statement_set_reports (article, NULL, &error));
  ASSERT_LOG (log, "reports;");
  g_assert_no_error (error);

  g_assert_true (stance_statement_set_time (article, "2020-09-26", &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_statement_set_time (article, "2020-09-26T10:00Z", &error));
  ASSERT_LOG (log, "time;");
  g_assert_true (stance_statement_set_time (article, "2020-09-26T10:00Z", &error));
  ASSERT_LOG (log, "");
  g_assert_true (stance_statement_set_time (article, "2020-09", &error));
  ASSERT_LOG (log, "time;");
  g_assert_no_error (error);
  {
    g_autofree char *time = stance_statement_dup_time_string (article);
    g_assert_cmpstr (time, ==, "2020-09");
  }

  notify_log_free (article, log);
}

static void
test_notify_meta (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autoptr(JsonNode) meta = json_from_string ("{\"reviewed\": true, \"by\": [\"ab\", \"cd\"]}", NULL);
  g_autoptr(JsonNode) other = json_from_string ("{}", NULL);
  gpointer objects[4];
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  objects[0] = trump;
  objects[1] = unit;
  objects[2] = t1;
  objects[3] = edge;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      GString *log = notify_log_new (objects[i]);
      gboolean is_edge = STANCE_IS_EDGE (objects[i]);
#define SET_META(m) (is_edge ? stance_edge_set_meta (objects[i], (m), &error) : stance_node_set_meta (objects[i], (m), &error))
#define GET_META() (is_edge ? stance_edge_get_meta (objects[i]) : stance_node_get_meta (objects[i]))

      g_assert_true (SET_META (NULL));
      ASSERT_LOG (log, "");
      g_assert_true (SET_META (meta));
      ASSERT_LOG (log, "meta;");
      g_assert_true (GET_META () == meta);
      g_assert_true (SET_META (meta));
      ASSERT_LOG (log, "");
      g_assert_true (SET_META (other));
      ASSERT_LOG (log, "meta;");
      g_assert_true (GET_META () == other);
      g_assert_true (SET_META (NULL));
      ASSERT_LOG (log, "meta;");
      g_assert_null (GET_META ());
      g_assert_true (SET_META (NULL));
      ASSERT_LOG (log, "");
      g_assert_true (SET_META (meta));
      ASSERT_LOG (log, "meta;");
      g_assert_no_error (error);
#undef SET_META
#undef GET_META
      notify_log_free (objects[i], log);
    }

  /* The graph keeps a reference of its own. */
  g_clear_pointer (&meta, json_node_unref);
  {
    g_autoptr(JsonNode) expected = json_from_string ("{\"reviewed\": true, \"by\": [\"ab\", \"cd\"]}", NULL);

    for (guint i = 0; i < 3; i++)
      g_assert_true (json_node_equal (stance_node_get_meta (objects[i]), expected));
    g_assert_true (json_node_equal (stance_edge_get_meta (edge), expected));
  }
}

static void
test_properties_get (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceClaim) plan = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(StanceStatement) r1 = NULL;
  g_autoptr(StanceEdge) attributed = NULL;
  g_autoptr(JsonNode) meta = json_from_string ("{\"n\": 1}", NULL);
  const char * const aliases[] = { "@realDonaldTrump", NULL };
  GError *error = NULL;

  story_build (&story);
  putin = stance_graph_add_actor (story.graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_STATE, &error);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  plan = stance_graph_add_claim (story.graph, "plan", "the plan", &error);
  p1 = stance_graph_add_statement (story.graph, "p1", putin, "2017-07-08T12:30:05+03:00", &error);
  r1 = stance_graph_add_statement (story.graph, "r1", rubio, "2017-07-09", &error);
  g_assert_no_error (error);
  attributed = stance_statement_add_stance (p1, "endorses", STANCE_NODE (story.unit), story.trump, &error);
  g_assert_no_error (error);
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) opposes = stance_statement_add_stance (r1, "opposes", STANCE_NODE (story.unit), NULL, &error);
    g_assert_no_error (error);
  }
  stance_actor_set_aliases (story.trump, aliases);
  g_assert_true (stance_node_set_meta (STANCE_NODE (story.trump), meta, &error));
  g_assert_true (stance_claim_set_part_of (story.unit, plan, &error));
  stance_claim_set_lang (story.unit, "en");
  g_assert_true (stance_node_set_meta (STANCE_NODE (story.unit), meta, &error));
  stance_statement_set_text (p1, "Trump endorsed it");
  stance_statement_set_lang (p1, "ru");
  stance_statement_set_source (p1, "kremlin.ru");
  g_assert_true (stance_statement_set_reports (story.s2, story.s1, &error));
  g_assert_true (stance_node_set_meta (STANCE_NODE (story.s2), meta, &error));
  g_assert_true (stance_edge_set_meta (attributed, meta, &error));
  g_assert_no_error (error);

  /* Actor */
  {
    g_autofree char *id = NULL;
    g_autofree char *name = NULL;
    g_auto(GStrv) got_aliases = NULL;
    g_autoptr(StanceGraph) graph = NULL;
    g_autoptr(JsonNode) got_meta = NULL;
    StanceActorKind kind = -1;

    g_object_get (story.trump, "id", &id, "name", &name, "kind", &kind, "aliases", &got_aliases,
                  "graph", &graph, "meta", &got_meta, NULL);
    g_assert_cmpstr (id, ==, "trump");
    g_assert_cmpstr (name, ==, "Donald J. Trump");
    g_assert_cmpint (kind, ==, STANCE_ACTOR_KIND_PERSON);
    g_assert_cmpstrv (got_aliases, aliases);
    g_assert_true (graph == story.graph);
    g_assert_nonnull (got_meta);
    g_assert_true (json_node_equal (got_meta, meta));
  }
  {
    StanceActorKind kind = -1;
    g_auto(GStrv) got_aliases = NULL;
    g_autoptr(JsonNode) got_meta = NULL;

    g_object_get (putin, "kind", &kind, "aliases", &got_aliases, "meta", &got_meta, NULL);
    g_assert_cmpint (kind, ==, STANCE_ACTOR_KIND_STATE);
    g_assert_null (got_aliases);
    g_assert_null (got_meta);
  }

  /* Claim */
  {
    g_autofree char *id = NULL;
    g_autofree char *text = NULL;
    g_autofree char *lang = NULL;
    g_autoptr(StanceClaim) part_of = NULL;
    g_autoptr(StanceGraph) graph = NULL;
    g_autoptr(JsonNode) got_meta = NULL;

    g_object_get (story.unit, "id", &id, "text", &text, "lang", &lang, "part-of", &part_of,
                  "graph", &graph, "meta", &got_meta, NULL);
    g_assert_cmpstr (id, ==, "cyber-unit");
    g_assert_cmpstr (text, ==, "Form a joint US–Russian cyber-security unit");
    g_assert_cmpstr (lang, ==, "en");
    g_assert_true (part_of == plan);
    g_assert_true (graph == story.graph);
    g_assert_true (json_node_equal (got_meta, meta));
  }
  {
    g_autofree char *lang = NULL;
    g_autoptr(StanceClaim) part_of = NULL;

    g_object_get (plan, "lang", &lang, "part-of", &part_of, NULL);
    g_assert_null (lang);
    g_assert_null (part_of);
  }

  /* Statement */
  {
    g_autofree char *id = NULL;
    g_autofree char *text = NULL;
    g_autofree char *lang = NULL;
    g_autofree char *source = NULL;
    g_autofree char *time_text = NULL;
    g_autoptr(StanceActor) speaker = NULL;
    g_autoptr(StanceTime) time = NULL;
    g_autoptr(StanceStatement) reports = NULL;
    g_autoptr(JsonNode) got_meta = NULL;

    g_object_get (p1, "id", &id, "speaker", &speaker, "time", &time, "text", &text, "lang", &lang,
                  "source", &source, "reports", &reports, "meta", &got_meta, NULL);
    g_assert_cmpstr (id, ==, "p1");
    g_assert_true (speaker == putin);
    g_assert_nonnull (time);
    time_text = stance_time_to_string (time);
    g_assert_cmpstr (time_text, ==, "2017-07-08T12:30:05+03:00");
    g_assert_cmpint (stance_time_get_precision (time), ==, STANCE_TIME_PRECISION_SECOND);
    g_assert_true (stance_time_has_offset (time));
    g_assert_cmpint (stance_time_get_offset (time), ==, 180);
    g_assert_cmpstr (text, ==, "Trump endorsed it");
    g_assert_cmpstr (lang, ==, "ru");
    g_assert_cmpstr (source, ==, "kremlin.ru");
    g_assert_null (reports);
    g_assert_null (got_meta);
  }
  {
    g_autoptr(StanceStatement) reports = NULL;
    g_autoptr(JsonNode) got_meta = NULL;
    g_autoptr(StanceTime) time = NULL;
    g_autoptr(StanceTime) expected = stance_time_new_from_string ("2017-07-10", NULL);
    g_autofree char *text = NULL;

    g_object_get (story.s2, "reports", &reports, "meta", &got_meta, "time", &time, "text", &text, NULL);
    g_assert_true (reports == story.s1);
    g_assert_true (json_node_equal (got_meta, meta));
    g_assert_true (stance_time_equal (time, expected));
    g_assert_null (text);
  }

  /* Edge */
  {
    g_autoptr(StanceGraph) graph = NULL;
    g_autofree char *kind = NULL;
    StancePolarity polarity = -1;
    g_autoptr(StanceStatement) statement = NULL;
    g_autoptr(StanceNode) target = NULL;
    g_autoptr(StanceActor) holder = NULL;
    gboolean is_attributed = FALSE;
    g_autoptr(JsonNode) got_meta = NULL;

    g_object_get (attributed, "graph", &graph, "kind", &kind, "polarity", &polarity, "statement", &statement,
                  "target", &target, "holder", &holder, "attributed", &is_attributed, "meta", &got_meta, NULL);
    g_assert_true (graph == story.graph);
    g_assert_cmpstr (kind, ==, "endorses");
    g_assert_cmpint (polarity, ==, STANCE_POLARITY_POSITIVE);
    g_assert_true (statement == p1);
    g_assert_true (target == STANCE_NODE (story.unit));
    g_assert_true (holder == story.trump);
    g_assert_true (is_attributed);
    g_assert_true (json_node_equal (got_meta, meta));
  }
  {
    g_autofree char *kind = NULL;
    StancePolarity polarity = -1;
    gboolean is_attributed = TRUE;
    g_autoptr(JsonNode) got_meta = NULL;

    g_object_get (story.retracts, "kind", &kind, "polarity", &polarity, "attributed", &is_attributed, "meta", &got_meta, NULL);
    g_assert_cmpstr (kind, ==, "retracts");
    g_assert_cmpint (polarity, ==, STANCE_POLARITY_WITHDRAWAL);
    g_assert_false (is_attributed);
    g_assert_null (got_meta);
  }

  /* Contradictions: a reversal, a conflict and a disputed attribution */
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
        StanceContradictionKind kind = -1;
        g_autoptr(StanceNode) target = NULL;
        g_autoptr(StanceActor) holder = NULL;
        g_autoptr(StanceActor) other_holder = NULL;
        g_autoptr(StanceActor) attributed_by = NULL;
        g_autoptr(StanceEdge) first = NULL;
        g_autoptr(StanceEdge) second = NULL;

        g_object_get (c, "kind", &kind, "target", &target, "holder", &holder, "other-holder", &other_holder,
                      "attributed-by", &attributed_by, "first", &first, "second", &second, NULL);
        g_assert_cmpint (kind, ==, stance_contradiction_get_kind (c));
        g_assert_true (target == STANCE_NODE (story.unit));
        g_assert_true (holder == stance_contradiction_get_holder (c));
        g_assert_true (first == stance_contradiction_get_first (c));
        g_assert_true (second == stance_contradiction_get_second (c));
        switch (i)
          {
          case 0:
            g_assert_cmpint (kind, ==, STANCE_CONTRADICTION_KIND_REVERSAL);
            g_assert_true (holder == story.trump);
            g_assert_null (other_holder);
            g_assert_null (attributed_by);
            g_assert_true (first == story.proposes);
            g_assert_true (second == story.retracts);
            break;
          case 1:
            g_assert_cmpint (kind, ==, STANCE_CONTRADICTION_KIND_CONFLICT);
            g_assert_true (holder == rubio);
            g_assert_true (other_holder == story.trump);
            g_assert_null (attributed_by);
            g_assert_cmpstr (statement_id_of (first), ==, "r1");
            g_assert_true (second == story.proposes);
            break;
          case 2:
            g_assert_cmpint (kind, ==, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION);
            g_assert_true (holder == story.trump);
            g_assert_null (other_holder);
            g_assert_true (attributed_by == putin);
            g_assert_true (first == attributed);
            g_assert_true (second == story.retracts);
            break;
          default:
            g_assert_not_reached ();
          }
      }
  }

  g_clear_object (&attributed);
  g_clear_object (&p1);
  g_clear_object (&r1);
  g_clear_object (&plan);
  g_clear_object (&putin);
  g_clear_object (&rubio);
  story_clear (&story);
}

/* ------------------------------------------------------------------------ */
/* 6. Signals and live models                                               */

typedef struct
{
  GPtrArray *nodes;    /* StanceNode, as announced */
  GPtrArray *stances;  /* StanceEdge, as announced */
} Announcements;

static void
on_node_added (StanceGraph *graph,
               StanceNode  *node,
               gpointer     user_data)
{
  Announcements *seen = user_data;

  g_assert_true (STANCE_IS_NODE (node));
  g_assert_true (stance_node_get_graph (node) == graph);
  /* The node is in the graph when it is announced. */
  {
    g_autoptr(StanceNode) found = stance_graph_lookup (graph, stance_node_get_id (node));
    g_assert_true (found == node);
  }
  g_ptr_array_add (seen->nodes, g_object_ref (node));
}

static void
on_stance_added (StanceGraph *graph,
                 StanceEdge  *edge,
                 gpointer     user_data)
{
  Announcements *seen = user_data;

  g_assert_true (STANCE_IS_EDGE (edge));
  g_assert_true (stance_edge_get_graph (edge) == graph);
  g_ptr_array_add (seen->stances, g_object_ref (edge));
}

static void
announcements_init (Announcements *seen,
                    StanceGraph   *graph)
{
  seen->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  seen->stances = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (graph, "node-added", G_CALLBACK (on_node_added), seen);
  g_signal_connect (graph, "stance-added", G_CALLBACK (on_stance_added), seen);
}

static void
announcements_clear (Announcements *seen,
                     StanceGraph   *graph)
{
  g_assert_cmpuint (g_signal_handlers_disconnect_by_data (graph, seen), ==, 2);
  g_clear_pointer (&seen->nodes, g_ptr_array_unref);
  g_clear_pointer (&seen->stances, g_ptr_array_unref);
}

/* "id,id,…" of the announced nodes, then forgets them. */
static char *
announced_ids (GPtrArray *objects)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      if (STANCE_IS_EDGE (object))
        g_string_append_printf (ids, "%s:%s>%s", statement_id_of (object), stance_edge_get_kind (object),
                                node_id (stance_edge_get_target (object)));
      else
        g_string_append (ids, node_id (object));
    }
  g_ptr_array_set_size (objects, 0);

  return g_string_free (ids, FALSE);
}

#define ASSERT_ANNOUNCED(array, expected)                       \
  G_STMT_START {                                                \
    g_autofree char *ids_ = announced_ids (array);              \
    g_assert_cmpstr (ids_, ==, (expected));                     \
  } G_STMT_END

static void
test_signals_api (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) t1 = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  Announcements seen;
  GError *error = NULL;

  announcements_init (&seen, graph);

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.nodes->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) trump);
  ASSERT_ANNOUNCED (seen.nodes, "trump");

  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) unit);
  ASSERT_ANNOUNCED (seen.nodes, "cyber-unit");

  t1 = stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_index (seen.nodes, 0) == (gpointer) t1);
  ASSERT_ANNOUNCED (seen.nodes, "t1");
  ASSERT_ANNOUNCED (seen.stances, "");

  edge = stance_statement_add_stance (t1, "proposes", STANCE_NODE (unit), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.stances->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen.stances, 0) == (gpointer) edge);
  ASSERT_ANNOUNCED (seen.stances, "t1:proposes>cyber-unit");
  {
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t1, "comments", STANCE_NODE (trump), trump, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e3 = stance_statement_add_stance (t1, "denies", STANCE_NODE (t1), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_ANNOUNCED (seen.stances, "t1:comments>trump,t1:denies>t1");

  /* Failed edits, kind declarations and property changes announce nothing. */
  g_assert_null (stance_graph_add_actor (graph, "trump", "again", STANCE_ACTOR_KIND_PERSON, &error));
  g_clear_error (&error);
  g_assert_null (stance_graph_add_claim (graph, "", "empty", &error));
  g_clear_error (&error);
  g_assert_null (stance_graph_add_statement (graph, "t2", trump, "2017-13", &error));
  g_clear_error (&error);
  g_assert_null (stance_statement_add_stance (t1, "praises", STANCE_NODE (unit), NULL, &error));
  g_clear_error (&error);
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  stance_actor_set_name (trump, "Donald Trump");
  g_assert_false (stance_graph_load_from_data (graph, "{\"stance\": 2}", -1, &error));
  g_clear_error (&error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_ANNOUNCED (seen.stances, "");

  /* Without listeners, adding works the same. */
  announcements_clear (&seen, graph);
  {
    g_autoptr(StanceActor) putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
    g_autoptr(StanceStatement) p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07-08", &error);
    g_autoptr(StanceEdge) e = stance_statement_add_stance (p1, "praises", STANCE_NODE (unit), trump, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (node_id (putin), ==, "putin");
    g_assert_true (stance_edge_get_holder (e) == trump);
  }
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 4);
}

static const char small_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"kinds\": [ { \"name\": \"praises\", \"polarity\": \"positive\" } ],\n"
  "  \"actors\": [\n"
  "    { \"id\": \"putin\", \"name\": \"Vladimir Putin\", \"kind\": \"person\" },\n"
  "    { \"id\": \"kaspersky\", \"name\": \"Eugene Kaspersky\" }\n"
  "  ],\n"
  "  \"claims\": [ { \"id\": \"putin-plan\", \"text\": \"Putin's plan\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"putin-2020\", \"speaker\": \"putin\", \"time\": \"2020-09-25\",\n"
  "      \"stances\": [ { \"kind\": \"proposes\", \"target\": \"putin-plan\" } ] },\n"
  "    { \"id\": \"kaspersky-2020\", \"speaker\": \"kaspersky\", \"time\": \"2020-09-26\",\n"
  "      \"stances\": [ { \"kind\": \"praises\", \"target\": \"putin-plan\" },\n"
  "                   { \"kind\": \"comments\", \"target\": \"putin-2020\", \"holder\": \"putin\" } ] }\n"
  "  ]\n"
  "}\n";

static const char second_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"actors\": [ { \"id\": \"rt\", \"name\": \"RT\", \"kind\": \"media\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"rt-2020\", \"speaker\": \"rt\", \"time\": \"2020-09-27\",\n"
  "      \"stances\": [ { \"kind\": \"supports\", \"target\": \"rt\" } ] }\n"
  "  ]\n"
  "}\n";

/* Records items-changed of a model, as "pos,removed,added:n_items;". */
static void
log_items_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%u,%u,%u:%u;", position, removed, added, g_list_model_get_n_items (model));
  /* The new items are there to be had. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_nonnull (item);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (model)));
    }
}

static void
test_signals_load (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  GString *actors_log = g_string_new (NULL);
  GString *claims_log = g_string_new (NULL);
  GString *statements_log = g_string_new (NULL);
  Announcements seen;
  GError *error = NULL;

  announcements_init (&seen, graph);
  g_signal_connect (actors, "items-changed", G_CALLBACK (log_items_changed), actors_log);
  g_signal_connect (claims, "items-changed", G_CALLBACK (log_items_changed), claims_log);
  g_signal_connect (statements, "items-changed", G_CALLBACK (log_items_changed), statements_log);

  /* Into an empty graph */
  g_assert_true (stance_graph_load_from_data (graph, small_document, -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "putin,kaspersky,putin-plan,putin-2020,kaspersky-2020");
  ASSERT_ANNOUNCED (seen.stances, "putin-2020:proposes>putin-plan,kaspersky-2020:praises>putin-plan,"
                                  "kaspersky-2020:comments>putin-2020");
  ASSERT_LOG (actors_log, "0,0,2:2;");
  ASSERT_LOG (claims_log, "0,0,1:1;");
  ASSERT_LOG (statements_log, "0,0,2:2;");

  /* Into a graph that has nodes: only the new ones */
  g_assert_true (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "rt,rt-2020");
  ASSERT_ANNOUNCED (seen.stances, "rt-2020:supports>rt");
  ASSERT_LOG (actors_log, "2,0,1:3;");
  ASSERT_LOG (claims_log, "");
  ASSERT_LOG (statements_log, "2,0,1:3;");

  /* A refused document: nothing */
  g_assert_false (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (stance_graph_load_from_data (graph, "{\"stance\": 1, \"actors\": [", -1, &error));
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_SYNTAX);
  g_clear_error (&error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_ANNOUNCED (seen.stances, "");
  ASSERT_LOG (actors_log, "");
  ASSERT_LOG (statements_log, "");

  /* An empty document announces nothing either. */
  g_assert_true (stance_graph_load_from_data (graph, "{\"stance\": 1}", -1, &error));
  g_assert_no_error (error);
  ASSERT_ANNOUNCED (seen.nodes, "");
  ASSERT_LOG (actors_log, "");
  ASSERT_LOG (claims_log, "");
  ASSERT_LOG (statements_log, "");

  /* And the API adds after a load announce at the end. */
  {
    G_GNUC_UNUSED g_autoptr(StanceClaim) unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);

    g_assert_no_error (error);
    ASSERT_ANNOUNCED (seen.nodes, "cyber-unit");
    ASSERT_LOG (claims_log, "1,0,1:2;");
  }

  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 3);

  announcements_clear (&seen, graph);
  g_signal_handlers_disconnect_by_data (actors, actors_log);
  g_signal_handlers_disconnect_by_data (claims, claims_log);
  g_signal_handlers_disconnect_by_data (statements, statements_log);
  g_string_free (actors_log, TRUE);
  g_string_free (claims_log, TRUE);
  g_string_free (statements_log, TRUE);
}

static void
assert_model_ids (GListModel *model,
                  GType       type,
                  const char *expected)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_true (g_list_model_get_item_type (model) == type);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceNode) node = g_list_model_get_item (model, i);
      g_autoptr(StanceNode) found = stance_graph_lookup (stance_node_get_graph (node), node_id (node));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (node, type));
      g_assert_true (found == node);
      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", node_id (node));
    }
  g_assert_null (g_list_model_get_item (model, n));
  g_assert_null (g_list_model_get_item (model, n + 1000));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_cmpstr (ids->str, ==, expected);
  g_string_free (ids, TRUE);
}

static void
test_models (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GListModel) actors = stance_graph_get_actors (graph);
  g_autoptr(GListModel) claims = stance_graph_get_claims (graph);
  g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
  g_autoptr(StanceActor) trump = NULL;
  GString *actors_log = g_string_new (NULL);
  GString *claims_log = g_string_new (NULL);
  GString *statements_log = g_string_new (NULL);
  GError *error = NULL;

  assert_model_ids (actors, STANCE_TYPE_ACTOR, "");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "");
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (actors), G_TYPE_LIST_MODEL));

  g_signal_connect (actors, "items-changed", G_CALLBACK (log_items_changed), actors_log);
  g_signal_connect (claims, "items-changed", G_CALLBACK (log_items_changed), claims_log);
  g_signal_connect (statements, "items-changed", G_CALLBACK (log_items_changed), statements_log);

  /* Interleaved adds: each model hears of its own, at its end. */
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_object_unref (stance_graph_add_claim (graph, "cyber-unit", "the unit", &error));
  g_object_unref (stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error));
  g_object_unref (stance_graph_add_statement (graph, "t2", trump, "2017-07-10", &error));
  g_object_unref (stance_graph_add_statement (graph, "t1", trump, "2017-07-09", &error));
  g_object_unref (stance_graph_add_actor (graph, "abe", "Shinzo Abe", STANCE_ACTOR_KIND_PERSON, &error));
  g_object_unref (stance_graph_add_claim (graph, "plan", "the plan", &error));
  g_assert_no_error (error);
  /* A failed add changes no model. */
  g_assert_null (stance_graph_add_actor (graph, "t1", "dup", STANCE_ACTOR_KIND_PERSON, &error));
  g_clear_error (&error);

  ASSERT_LOG (actors_log, "0,0,1:1;1,0,1:2;2,0,1:3;");
  ASSERT_LOG (claims_log, "0,0,1:1;1,0,1:2;");
  ASSERT_LOG (statements_log, "0,0,1:1;1,0,1:2;");

  /* Graph order, not id order or time order */
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "cyber-unit,plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "t2,t1");

  /* The same item object twice while it lives */
  {
    g_autoptr(StanceActor) a = g_list_model_get_item (actors, 0);
    g_autoptr(StanceActor) b = g_list_model_get_item (actors, 0);

    g_assert_true (a == b);
    g_assert_true (a == trump);
  }

  /* The same model twice while it lives; a new one afterwards */
  {
    GListModel *again = stance_graph_get_actors (graph);
    GListModel *claims_again = stance_graph_get_claims (graph);
    GListModel *statements_again = stance_graph_get_statements (graph);

    g_assert_true (again == actors);
    g_assert_true (claims_again == claims);
    g_assert_true (statements_again == statements);
    g_assert_true (again != claims_again && claims_again != statements_again);
    g_object_unref (again);
    g_object_unref (claims_again);
    g_object_unref (statements_again);
  }
  g_signal_handlers_disconnect_by_data (actors, actors_log);
  g_assert_finalize_object (g_steal_pointer (&actors));
  actors = stance_graph_get_actors (graph);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe");
  g_object_unref (stance_graph_add_actor (graph, "xi", "Xi Jinping", STANCE_ACTOR_KIND_PERSON, &error));
  g_assert_no_error (error);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "trump,putin,abe,xi");
  ASSERT_LOG (actors_log, "");  /* the old model's handler is gone with it */

  g_signal_handlers_disconnect_by_data (claims, claims_log);
  g_signal_handlers_disconnect_by_data (statements, statements_log);
  g_string_free (actors_log, TRUE);
  g_string_free (claims_log, TRUE);
  g_string_free (statements_log, TRUE);
}

static void
test_models_after_load (void)
{
  /* The models of a graph made from a document, and of one loaded into. */
  g_autoptr(StanceGraph) graph = stance_graph_new_from_data (small_document, -1, NULL);
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) statements = NULL;
  GError *error = NULL;

  g_assert_nonnull (graph);
  actors = stance_graph_get_actors (graph);
  claims = stance_graph_get_claims (graph);
  statements = stance_graph_get_statements (graph);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "putin,kaspersky");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "putin-plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "putin-2020,kaspersky-2020");

  g_assert_true (stance_graph_load_from_data (graph, second_document, -1, &error));
  g_assert_no_error (error);
  assert_model_ids (actors, STANCE_TYPE_ACTOR, "putin,kaspersky,rt");
  assert_model_ids (claims, STANCE_TYPE_CLAIM, "putin-plan");
  assert_model_ids (statements, STANCE_TYPE_STATEMENT, "putin-2020,kaspersky-2020,rt-2020");
}

/* ------------------------------------------------------------------------ */
/* 7. Queries: the stance at a time, and timelines                          */

/* The stance in force as "statement:kind", "" for none. */
static char *
stance_at (StanceGraph *graph,
           gpointer     holder,
           gpointer     target,
           const char  *time)
{
  GError *error = NULL;
  g_autoptr(StanceEdge) edge = stance_graph_get_stance_at (graph, holder, target, time, &error);

  g_assert_no_error (error);
  if (edge == NULL)
    return g_strdup ("");

  g_assert_true (stance_edge_get_holder (edge) == holder);
  g_assert_true (stance_edge_get_target (edge) == target);
  g_assert_true (stance_edge_is_act (edge));
  return g_strdup_printf ("%s:%s", statement_id_of (edge), stance_edge_get_kind (edge));
}

#define ASSERT_STANCE_AT(graph, holder, target, time, expected)         \
  G_STMT_START {                                                        \
    g_autofree char *at_ = stance_at ((graph), (holder), (target), (time)); \
    g_assert_cmpstr (at_, ==, (expected));                              \
  } G_STMT_END

static void
test_stance_at_story (void)
{
  Story story = { 0 };
  GError *error = NULL;

  story_build (&story);

  /* SPEC §5's story and the manual's table */
  {
    g_autoptr(StanceEdge) none = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-08", &error);
    g_autoptr(StanceEdge) first = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-09", &error);
    g_autoptr(StanceEdge) second = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-10", &error);
    g_autoptr(StanceEdge) later = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2018", &error);

    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_true (first == story.proposes);
    g_assert_true (second == story.retracts);
    g_assert_true (later == story.retracts);
    g_assert_cmpint (stance_edge_get_polarity (later), ==, STANCE_POLARITY_WITHDRAWAL);
  }
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2016", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-06", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-08T23:59:59Z", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T00:00Z", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T23:59:59Z", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10T00:00:00Z", "t2:retracts");
  /* Offsets: 01:30 at +02:00 is still 9 July in UTC; 22:00 at -02:00 is 10 July. */
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10T01:30+02:00", "t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-09T22:00-02:00", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "9999-12-31T23:59:59Z", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "0001", "");

  /* The answer is the same edge object while it lives, and a working edge
   * after it was dropped. */
  g_clear_object (&story.proposes);
  {
    g_autoptr(StanceEdge) first = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), "2017-07-09", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stance_edge_get_kind (first), ==, "proposes");
    g_assert_true (stance_edge_get_statement (first) == story.s1);
  }

  /* Malformed times */
  for (const char * const *bad = (const char * const[]) { "", "2017-13", "July 2017", "2017-07-09T25:00Z", "2017-07-09T12:00+24:00", NULL }; *bad; bad++)
    {
      g_autoptr(StanceEdge) edge = stance_graph_get_stance_at (story.graph, story.trump, STANCE_NODE (story.unit), *bad, &error);

      g_assert_null (edge);
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_clear_error (&error);
    }

  /* Other targets and holders have no stance. */
  ASSERT_STANCE_AT (story.graph, story.trump, story.s1, "2018", "");
  ASSERT_STANCE_AT (story.graph, story.trump, story.trump, "2018", "");

  story_clear (&story);
}

static void
test_stance_at_periods (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  GError *error = NULL;

  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  rubio = stance_graph_add_actor (graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  g_assert_no_error (error);

  /* A month-precision act counts as taken on any day of the month: by the
   * end of the period asked about. */
  {
    g_autoptr(StanceStatement) p1 = stance_graph_add_statement (graph, "p1", putin, "2017-07", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e = stance_statement_add_stance (p1, "confirms", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-08", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01T00:00Z", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-08-15", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06-30", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06-30T23:59:59Z", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-01T01:00+02:00", "");  /* 30 June, 23:00 UTC */

  /* A later day-precision act within the month, and an earlier year-precision one */
  {
    g_autoptr(StanceStatement) p2 = stance_graph_add_statement (graph, "p2", putin, "2017-07-05", &error);
    g_autoptr(StanceStatement) p0 = stance_graph_add_statement (graph, "p0", putin, "2017", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (p2, "denies", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e0 = stance_statement_add_stance (p0, "retracts", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, putin, unit, "2016-12-31T23:59Z", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-01-01", "p0:retracts");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-06", "p0:retracts");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-04", "p1:confirms");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07-05", "p2:denies");
  ASSERT_STANCE_AT (graph, putin, unit, "2017-07", "p2:denies");
  /* By the end of 2017 the latest in act order is the denial (p0 starts first). */
  ASSERT_STANCE_AT (graph, putin, unit, "2017", "p2:denies");

  /* Two acts that start together: the shorter period comes first in act
   * order, so the wider one is in force. */
  {
    g_autoptr(StanceStatement) t1 = stance_graph_add_statement (graph, "t-month", trump, "2018-03", &error);
    g_autoptr(StanceStatement) t2 = stance_graph_add_statement (graph, "t-day", trump, "2018-03-01", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (t1, "supports", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t2, "opposes", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, trump, unit, "2018-03-01", "t-month:supports");
  ASSERT_STANCE_AT (graph, trump, unit, "2018-02", "");

  /* Neutral stances never answer; attributed ones are not the holder's. */
  {
    g_autoptr(StanceStatement) t3 = stance_graph_add_statement (graph, "t-neutral", trump, "2018-04", &error);
    g_autoptr(StanceStatement) r1 = stance_graph_add_statement (graph, "r-neutral", rubio, "2018-04", &error);
    g_autoptr(StanceStatement) p3 = stance_graph_add_statement (graph, "p-says", putin, "2018-05", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (t3, "questions", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (t3, "comments", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e3 = stance_statement_add_stance (r1, "comments", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e4 = stance_statement_add_stance (p3, "retracts", STANCE_NODE (unit), trump, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e5 = stance_statement_add_stance (p3, "endorses", STANCE_NODE (unit), rubio, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, trump, unit, "2018-04", "t-month:supports");
  ASSERT_STANCE_AT (graph, trump, unit, "2019", "t-month:supports");
  ASSERT_STANCE_AT (graph, rubio, unit, "2019", "");
  ASSERT_STANCE_AT (graph, putin, unit, "2019", "p2:denies");

  /* A declared neutral kind is neutral too; a declared positive one is an act. */
  g_assert_true (stance_graph_declare_kind (graph, "doubts", STANCE_POLARITY_NEUTRAL, &error));
  g_assert_true (stance_graph_declare_kind (graph, "praises", STANCE_POLARITY_POSITIVE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(StanceStatement) r2 = stance_graph_add_statement (graph, "r2", rubio, "2019-01-01", &error);
    g_autoptr(StanceStatement) r3 = stance_graph_add_statement (graph, "r3", rubio, "2019-01-02", &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e1 = stance_statement_add_stance (r2, "praises", STANCE_NODE (unit), NULL, &error);
    G_GNUC_UNUSED g_autoptr(StanceEdge) e2 = stance_statement_add_stance (r3, "doubts", STANCE_NODE (unit), NULL, &error);

    g_assert_no_error (error);
  }
  ASSERT_STANCE_AT (graph, rubio, unit, "2019-01-05", "r2:praises");
}

/* "statement:kind,…" of a timeline; checks its item type and items. */
static char *
timeline_text (StanceGraph *graph,
               gpointer     holder,
               gpointer     target)
{
  g_autoptr(GListModel) timeline = stance_graph_get_timeline (graph, holder, target);
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (timeline);

  g_assert_true (g_list_model_get_item_type (timeline) == STANCE_TYPE_EDGE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceEdge) edge = g_list_model_get_item (timeline, i);

      g_assert_true (stance_edge_get_holder (edge) == holder);
      g_assert_true (stance_edge_get_target (edge) == target);
      g_assert_false (stance_edge_is_attributed (edge));
      g_string_append_printf (text, "%s%s:%s", i > 0 ? "," : "", statement_id_of (edge), stance_edge_get_kind (edge));
    }
  g_assert_null (g_list_model_get_item (timeline, n));

  return g_string_free (text, FALSE);
}

#define ASSERT_TIMELINE(graph, holder, target, expected)                        \
  G_STMT_START {                                                                \
    g_autofree char *tl_ = timeline_text ((graph), (holder), (target));         \
    g_assert_cmpstr (tl_, ==, (expected));                                      \
  } G_STMT_END

static void
add_one (StanceGraph *graph,
         const char  *id,
         StanceActor *speaker,
         const char  *time,
         const char  *kinds,  /* space-separated */
         StanceNode  *target,
         StanceActor *holder)
{
  g_autoptr(StanceStatement) statement = NULL;
  g_auto(GStrv) list = g_strsplit (kinds, " ", -1);
  GError *error = NULL;

  statement = stance_graph_add_statement (graph, id, speaker, time, &error);
  g_assert_no_error (error);
  for (guint i = 0; list[i] != NULL; i++)
    {
      G_GNUC_UNUSED g_autoptr(StanceEdge) edge = stance_statement_add_stance (statement, list[i], target, holder, &error);
      g_assert_no_error (error);
    }
}

static void
test_timeline (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceClaim) plan = NULL;
  GError *error = NULL;

  trump = stance_graph_add_actor (graph, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  putin = stance_graph_add_actor (graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  unit = stance_graph_add_claim (graph, "cyber-unit", "the unit", &error);
  plan = stance_graph_add_claim (graph, "plan", "the plan", &error);
  g_assert_no_error (error);

  ASSERT_TIMELINE (graph, trump, unit, "");

  /* Added out of time order; ids in another order again. */
  add_one (graph, "c", trump, "2017-07-10", "retracts", STANCE_NODE (unit), NULL);
  add_one (graph, "d", trump, "2017-07-09T12:00Z", "supports", STANCE_NODE (unit), NULL);
  add_one (graph, "zz-a", trump, "2017-07-09", "proposes", STANCE_NODE (unit), NULL);
  add_one (graph, "f", trump, "2017-07-09T00:00Z", "denies", STANCE_NODE (unit), NULL);
  add_one (graph, "aa-e", trump, "2017-07-09", "opposes questions", STANCE_NODE (unit), NULL);
  add_one (graph, "b", trump, "2017-07", "comments", STANCE_NODE (unit), NULL);
  /* Not in trump's timeline on the unit: attributed to him, by others, on
   * another target, or by him about someone else. */
  add_one (graph, "p1", putin, "2017-07-08", "endorses", STANCE_NODE (unit), trump);
  add_one (graph, "p2", putin, "2017-07-08", "confirms", STANCE_NODE (unit), NULL);
  add_one (graph, "t-plan", trump, "2017-07-09", "rejects", STANCE_NODE (plan), NULL);
  add_one (graph, "t-about-putin", trump, "2017-07-09", "rejects", STANCE_NODE (unit), putin);
  /* By him, with himself named as the holder: his own. */
  add_one (graph, "g", trump, "2017-07-11", "confirms", STANCE_NODE (unit), trump);

  /* Period start, then period end, then statement order, then stance order */
  ASSERT_TIMELINE (graph, trump, unit,
                   "b:comments,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,d:supports,c:retracts,g:confirms");
  ASSERT_TIMELINE (graph, trump, plan, "t-plan:rejects");
  ASSERT_TIMELINE (graph, putin, unit, "p2:confirms");  /* t-about-putin is attributed */
  ASSERT_TIMELINE (graph, putin, plan, "");
  ASSERT_TIMELINE (graph, trump, trump, "");
  {
    g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");
    ASSERT_TIMELINE (graph, trump, c, "");
  }

  /* The act index follows the graph: a new stance, a changed time */
  add_one (graph, "h", trump, "2017-07-08", "endorses", STANCE_NODE (unit), NULL);
  ASSERT_TIMELINE (graph, trump, unit,
                   "b:comments,h:endorses,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,d:supports,c:retracts,g:confirms");
  {
    g_autoptr(StanceNode) b = stance_graph_lookup (graph, "b");
    g_autoptr(StanceNode) c = stance_graph_lookup (graph, "c");

    g_assert_true (stance_statement_set_time (STANCE_STATEMENT (b), "2017-07-12", &error));
    g_assert_true (stance_statement_set_time (STANCE_STATEMENT (c), "2017-07-09T06:00Z", &error));
    g_assert_no_error (error);
  }
  ASSERT_TIMELINE (graph, trump, unit,
                   "h:endorses,f:denies,zz-a:proposes,aa-e:opposes,aa-e:questions,c:retracts,d:supports,g:confirms,b:comments");
}

static void
test_acts_refresh (void)
{
  Story story = { 0 };
  g_autoptr(StanceStatement) s3 = NULL;
  g_autoptr(StanceEdge) supports = NULL;
  GError *error = NULL;

  story_build (&story);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t1:proposes,t2:retracts");
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  }

  /* A new statement without stances changes no answer. */
  s3 = stance_graph_add_statement (story.graph, "t3", story.trump, "2017-07-11", &error);
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");

  /* A new stance */
  supports = stance_statement_add_stance (s3, "supports", STANCE_NODE (story.unit), NULL, &error);
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t3:supports");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-10", "t2:retracts");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t1:proposes,t2:retracts,t3:supports");

  /* A changed time moves the act */
  g_assert_true (stance_statement_set_time (s3, "2017-07-01", &error));
  g_assert_no_error (error);
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t2:retracts");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2017-07-05", "t3:supports");
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t1:proposes,t2:retracts");

  /* A failed change changes nothing. */
  g_assert_false (stance_statement_set_time (s3, "2017-07-32", &error));
  g_clear_error (&error);
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t1:proposes,t2:retracts");

  /* With the retraction moved before the proposal, the only reversal is
   * t3 (supports) then t2 (retracts): the contradictions follow too. */
  g_assert_true (stance_statement_set_time (story.s2, "2017-07-05", &error));
  g_assert_no_error (error);
  ASSERT_TIMELINE (story.graph, story.trump, story.unit, "t3:supports,t2:retracts,t1:proposes");
  ASSERT_STANCE_AT (story.graph, story.trump, story.unit, "2018", "t1:proposes");
  {
    g_autoptr(GListModel) found = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) c = NULL;
    g_autoptr(GPtrArray) statements = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    c = g_list_model_get_item (found, 0);
    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    statements = stance_contradiction_get_statements (c);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) s3);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
  }

  g_clear_object (&supports);
  g_clear_object (&s3);
  story_clear (&story);
}

/* ------------------------------------------------------------------------ */
/* 8. Contradictions through the API                                        */

static void
test_contradictions_spec (void)
{
  /* SPEC §5, line by line */
  g_autoptr(StanceGraph) g = stance_graph_new ();
  g_autoptr(StanceActor) trump = NULL;
  g_autoptr(StanceClaim) unit = NULL;
  g_autoptr(StanceStatement) s1 = NULL;
  g_autoptr(StanceStatement) s2 = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(StanceContradiction) c = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  GError *error = NULL;

  trump = stance_graph_add_actor (g, "trump", "Donald J. Trump", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  unit = stance_graph_add_claim (g, "cyber-unit", "Form a joint US–Russian cyber-security unit", &error);
  g_assert_no_error (error);
  s1 = stance_graph_add_statement (g, "t1", trump, "2017-07-09", &error);
  g_assert_no_error (error);
  g_object_unref (stance_statement_add_stance (s1, "proposes", STANCE_NODE (unit), NULL, &error));
  g_assert_no_error (error);
  s2 = stance_graph_add_statement (g, "t2", trump, "2017-07-10", &error);
  g_assert_no_error (error);
  g_object_unref (stance_statement_add_stance (s2, "retracts", STANCE_NODE (unit), NULL, &error));
  g_assert_no_error (error);

  found = stance_graph_find_contradictions (g);
  g_assert_true (g_list_model_get_item_type (found) == STANCE_TYPE_CONTRADICTION);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  c = g_list_model_get_item (found, 0);
  g_assert_true (STANCE_IS_CONTRADICTION (c));
  g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
  g_assert_cmpstr (node_id (stance_contradiction_get_target (c)), ==, "cyber-unit");
  g_assert_cmpstr (node_id (stance_contradiction_get_holder (c)), ==, "trump");
  statements = stance_contradiction_get_statements (c);
  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_cmpstr (node_id (g_ptr_array_index (statements, 0)), ==, "t1");
  g_assert_cmpstr (node_id (g_ptr_array_index (statements, 1)), ==, "t2");
  g_assert_null (g_list_model_get_item (found, 1));

  /* The names of the kinds, as `stance check --json` writes them */
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_REVERSAL), ==, "reversal");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_INCONSISTENCY), ==, "inconsistency");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_CONFLICT), ==, "conflict");
  g_assert_cmpstr (stance_contradiction_kind_to_string (STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION), ==, "disputed-attribution");

  /* An empty graph has none. */
  {
    g_autoptr(StanceGraph) empty = stance_graph_new ();
    g_autoptr(GListModel) none = stance_graph_find_contradictions (empty);

    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_null (g_list_model_get_item (none, 0));
  }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_test_message ("\"%s\" does not contain \"%s\"", haystack, needle);
  return FALSE;
}

static void
test_contradictions_kinds (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) putin = NULL;
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(StanceActor) abe = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(StanceStatement) r1 = NULL;
  g_autoptr(StanceEdge) attribution = NULL;
  g_autoptr(StanceEdge) opposes = NULL;
  g_autoptr(GListModel) found = NULL;
  GError *error = NULL;

  story_build (&story);
  stance_statement_set_text (story.s2, "The fact that President Putin and I discussed a Cyber Security unit doesn't mean I think it can happen.");
  putin = stance_graph_add_actor (story.graph, "putin", "Vladimir Putin", STANCE_ACTOR_KIND_PERSON, &error);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  abe = stance_graph_add_actor (story.graph, "abe", "Shinzo Abe", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  p1 = stance_graph_add_statement (story.graph, "putin-2017-07-08", putin, "2017-07-08", &error);
  g_assert_no_error (error);
  stance_statement_set_text (p1, "Trump agreed.");
  attribution = stance_statement_add_stance (p1, "endorses", STANCE_NODE (story.unit), story.trump, &error);
  g_assert_no_error (error);
  r1 = stance_graph_add_statement (story.graph, "rubio-2017-07-09", rubio, "2017-07-09T15:00Z", &error);
  g_assert_no_error (error);
  opposes = stance_statement_add_stance (r1, "opposes", STANCE_NODE (story.unit), NULL, &error);
  g_assert_no_error (error);
  /* abe supports and opposes the plan within one month: an inconsistency */
  add_one (story.graph, "abe-a", abe, "2017-08", "supports", STANCE_NODE (story.s1), NULL);
  add_one (story.graph, "abe-b", abe, "2017-08-15", "opposes", STANCE_NODE (story.s1), NULL);

  found = stance_graph_find_contradictions (story.graph);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 4);

  /* Sorted by kind: reversal, inconsistency, conflict, disputed attribution */
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 0);
    g_autoptr(StanceContradiction) again = g_list_model_get_item (found, 0);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_true (again == c);
    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    g_assert_true (stance_contradiction_get_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    g_assert_true (stance_contradiction_get_first (c) == story.proposes);
    g_assert_true (stance_contradiction_get_second (c) == story.retracts);
    g_assert_cmpuint (statements->len, ==, 2);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) story.s1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
    g_assert_true (contains (text, "reversal"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "cyber-unit"));
    g_assert_true (contains (text, "t1"));
    g_assert_true (contains (text, "t2"));
    g_assert_true (contains (text, "2017-07-09"));
    g_assert_true (contains (text, "2017-07-10"));
    g_assert_true (contains (text, "proposes"));
    g_assert_true (contains (text, "retracts"));
    g_assert_true (contains (text, "The fact that President Putin"));
    g_assert_null (strchr (text, '\n'));
    g_assert_true (g_utf8_validate (text, -1, NULL));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 1);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_INCONSISTENCY);
    g_assert_true (stance_contradiction_get_holder (c) == abe);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.s1));
    g_assert_cmpstr (stance_edge_get_kind (stance_contradiction_get_first (c)), ==, "supports");
    g_assert_cmpstr (stance_edge_get_kind (stance_contradiction_get_second (c)), ==, "opposes");
    g_assert_cmpstr (node_id (g_ptr_array_index (statements, 0)), ==, "abe-a");
    g_assert_cmpstr (node_id (g_ptr_array_index (statements, 1)), ==, "abe-b");
    g_assert_true (contains (text, "inconsistency"));
    g_assert_true (contains (text, "abe"));
    g_assert_true (contains (text, "abe-a"));
    g_assert_true (contains (text, "abe-b"));
    g_assert_true (contains (text, "2017-08"));
    g_assert_true (contains (text, "2017-08-15"));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 2);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    /* holders in byte order of their ids, statements in the holders' order */
    g_assert_true (stance_contradiction_get_holder (c) == rubio);
    g_assert_true (stance_contradiction_get_other_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_attributed_by (c));
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    g_assert_true (stance_contradiction_get_first (c) == opposes);
    g_assert_true (stance_contradiction_get_second (c) == story.proposes);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) r1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s1);
    g_assert_true (contains (text, "conflict"));
    g_assert_true (contains (text, "rubio"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "cyber-unit"));
    g_assert_true (contains (text, "rubio-2017-07-09"));
    g_assert_true (contains (text, "2017-07-09T15:00Z"));
    g_assert_true (contains (text, "opposes"));
  }
  {
    g_autoptr(StanceContradiction) c = g_list_model_get_item (found, 3);
    g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
    g_autofree char *text = stance_contradiction_describe (c);

    g_assert_cmpint (stance_contradiction_get_kind (c), ==, STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION);
    g_assert_true (stance_contradiction_get_holder (c) == story.trump);
    g_assert_null (stance_contradiction_get_other_holder (c));
    g_assert_true (stance_contradiction_get_attributed_by (c) == putin);
    g_assert_true (stance_contradiction_get_target (c) == STANCE_NODE (story.unit));
    /* the attribution first, then the holder's first own act that disputes it */
    g_assert_true (stance_contradiction_get_first (c) == attribution);
    g_assert_true (stance_contradiction_get_second (c) == story.retracts);
    g_assert_true (g_ptr_array_index (statements, 0) == (gpointer) p1);
    g_assert_true (g_ptr_array_index (statements, 1) == (gpointer) story.s2);
    g_assert_true (contains (text, "disputed-attribution"));
    g_assert_true (contains (text, "putin"));
    g_assert_true (contains (text, "trump"));
    g_assert_true (contains (text, "putin-2017-07-08"));
    g_assert_true (contains (text, "2017-07-08"));
    g_assert_true (contains (text, "t2"));
    g_assert_true (contains (text, "2017-07-10"));
    g_assert_true (contains (text, "Trump agreed."));
  }
  g_assert_null (g_list_model_get_item (found, 4));

  g_clear_object (&found);
  g_clear_object (&attribution);
  g_clear_object (&opposes);
  g_clear_object (&p1);
  g_clear_object (&r1);
  g_clear_object (&putin);
  g_clear_object (&rubio);
  g_clear_object (&abe);
  story_clear (&story);
}

static void
test_contradictions_snapshot (void)
{
  Story story = { 0 };
  g_autoptr(StanceActor) rubio = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(StanceContradiction) reversal = NULL;
  g_autoptr(StanceContradiction) conflict = NULL;
  GString *log = g_string_new (NULL);
  GError *error = NULL;

  story_build (&story);
  rubio = stance_graph_add_actor (story.graph, "rubio", "Marco Rubio", STANCE_ACTOR_KIND_PERSON, &error);
  g_assert_no_error (error);
  add_one (story.graph, "r1", rubio, "2017-07-09", "opposes", STANCE_NODE (story.unit), NULL);

  before = stance_graph_find_contradictions (story.graph);
  g_signal_connect (before, "items-changed", G_CALLBACK (log_items_changed), log);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  reversal = g_list_model_get_item (before, 0);
  conflict = g_list_model_get_item (before, 1);

  /* Change the graph: a retraction before the proposal ends the reversal;
   * a new holder adds a conflict. */
  g_assert_true (stance_statement_set_time (story.s2, "2017-07-01", &error));
  g_assert_no_error (error);
  add_one (story.graph, "x1", rubio, "2017-06", "retracts", STANCE_NODE (story.s1), NULL);
  {
    g_autoptr(StanceActor) xi = stance_graph_add_actor (story.graph, "xi", "Xi Jinping", STANCE_ACTOR_KIND_PERSON, &error);

    g_assert_no_error (error);
    add_one (story.graph, "xi1", xi, "2017-07-09", "denies", STANCE_NODE (story.unit), NULL);
  }

  /* The old result is as it was. */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  {
    g_autoptr(StanceContradiction) c0 = g_list_model_get_item (before, 0);
    g_autoptr(StanceContradiction) c1 = g_list_model_get_item (before, 1);

    g_assert_true (c0 == reversal);
    g_assert_true (c1 == conflict);
    g_assert_cmpint (stance_contradiction_get_kind (c0), ==, STANCE_CONTRADICTION_KIND_REVERSAL);
    g_assert_true (stance_contradiction_get_first (c0) == story.proposes);
    g_assert_true (stance_contradiction_get_second (c0) == story.retracts);
    g_assert_cmpint (stance_contradiction_get_kind (c1), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c1) == rubio);
    g_assert_true (stance_contradiction_get_other_holder (c1) == story.trump);
  }

  /* A new question gets the new answer. */
  {
    g_autoptr(GListModel) after = stance_graph_find_contradictions (story.graph);
    g_autoptr(StanceContradiction) c0 = NULL;
    g_autoptr(StanceContradiction) c1 = NULL;

    g_assert_true (after != before);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
    c0 = g_list_model_get_item (after, 0);
    c1 = g_list_model_get_item (after, 1);
    g_assert_cmpint (stance_contradiction_get_kind (c0), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c0) == rubio);
    g_assert_cmpint (stance_contradiction_get_kind (c1), ==, STANCE_CONTRADICTION_KIND_CONFLICT);
    g_assert_true (stance_contradiction_get_holder (c1) == story.trump);
    g_assert_cmpstr (node_id (stance_contradiction_get_other_holder (c1)), ==, "xi");
  }

  g_signal_handlers_disconnect_by_data (before, log);
  g_string_free (log, TRUE);
  g_clear_object (&reversal);
  g_clear_object (&conflict);
  g_clear_object (&before);
  g_clear_object (&rubio);
  story_clear (&story);
}

/* ------------------------------------------------------------------------ */
/* 9. Saving and loading through the API                                    */

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

/* ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------ */
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

  g_test_add_func ("/graph/error/ids", test_error_ids);
  g_test_add_func ("/graph/error/time", test_error_time);
  g_test_add_func ("/graph/error/unknown-kind", test_error_unknown_kind);
  g_test_add_func ("/graph/error/wrong-node", test_error_wrong_node);
  g_test_add_func ("/graph/error/cycle", test_error_cycle);
  g_test_add_func ("/graph/error/meta", test_error_meta);
  g_test_add_func ("/graph/error/actor-kind", test_error_actor_kind);

  g_test_add_func ("/graph/misuse/graph", test_misuse_graph);
  g_test_add_func ("/graph/misuse/nodes", test_misuse_nodes);

  g_test_add_func ("/graph/identity/routes", test_identity_routes);
  g_test_add_func ("/graph/refcount/finalize", test_refcount_finalize);
  g_test_add_func ("/graph/refcount/node-keeps-graph", test_refcount_node_keeps_graph);
  g_test_add_func ("/graph/refcount/drop-everything", test_refcount_drop_everything);

  g_test_add_func ("/graph/notify/actor", test_notify_actor);
  g_test_add_func ("/graph/notify/claim", test_notify_claim);
  g_test_add_func ("/graph/notify/statement", test_notify_statement);
  g_test_add_func ("/graph/notify/meta", test_notify_meta);
  g_test_add_func ("/graph/properties/get", test_properties_get);

  g_test_add_func ("/graph/signals/api", test_signals_api);
  g_test_add_func ("/graph/signals/load", test_signals_load);
  g_test_add_func ("/graph/models/live", test_models);
  g_test_add_func ("/graph/models/after-load", test_models_after_load);

  g_test_add_func ("/graph/query/stance-at/story", test_stance_at_story);
  g_test_add_func ("/graph/query/stance-at/periods", test_stance_at_periods);
  g_test_add_func ("/graph/query/timeline", test_timeline);
  g_test_add_func ("/graph/query/refresh", test_acts_refresh);

  g_test_add_func ("/graph/contradictions/spec", test_contradictions_spec);
  g_test_add_func ("/graph/contradictions/kinds", test_contradictions_kinds);
  g_test_add_func ("/graph/contradictions/snapshot", test_contradictions_snapshot);

  g_test_add_func ("/graph/document/roundtrip", test_save_load_roundtrip);
  g_test_add_func ("/graph/document/merge", test_load_merge);
  g_test_add_func ("/graph/document/collision", test_load_collision);
  g_test_add_func ("/graph/document/api-utf8", test_document_api_utf8);
  g_test_add_func ("/graph/append", test_append);

  return g_test_run ();
}
