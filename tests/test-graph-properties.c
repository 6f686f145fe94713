/* test-graph-properties.c: the C API of StanceGraph: properties and their notifications
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One chapter of the graph's C API tests (graph-test-helpers.h lists the
 * others).  Every test is deterministic and small, so that the suite runs
 * in well under a second, and under valgrind in a few.
 */

#include "graph-test-helpers.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/notify/actor", test_notify_actor);
  g_test_add_func ("/graph/notify/claim", test_notify_claim);
  g_test_add_func ("/graph/notify/statement", test_notify_statement);
  g_test_add_func ("/graph/notify/meta", test_notify_meta);
  g_test_add_func ("/graph/properties/get", test_properties_get);

  return g_test_run ();
}
