/* test-scale.c: counting, filtering and streaming contradictions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The oracle is stance_graph_find_contradictions(), itself checked against
 * a brute-force model in test-contradictions.c: on random graphs, every
 * filter must keep exactly what a plain filtering of its records keeps,
 * counts must count them, the shards must partition them, the streamed
 * writers must write them, and the filter model must follow the live one.
 */

#include <string.h>

#include <libstance/stance.h>

#include "stance-contradiction-list-private.h"
#include "stance-json-writer-private.h"

/* ------------------------------------------------------------------------ */
/* The writer's string escaping, which scans a word at a time */

static void
test_writer_strings (void)
{
  static const char * const pieces[] = {
    "a", "bc", "\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "\xe2\x80\xa6", "\xc3\xa4", "0123456789", "/", "\x7f",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;
      StanceJsonWriter w;
      guint n = g_rand_int_range (rand, 0, 24);

      for (guint k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      _stance_json_writer_init (&w, 16, FALSE);
      _stance_json_writer_begin_array (&w);
      _stance_json_writer_item (&w, NULL);
      _stance_json_writer_string (&w, text->str);
      _stance_json_writer_end_array (&w);
      written = _stance_json_writer_steal (&w, NULL);

      g_assert_true (json_parser_load_from_data (parser, written, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (json_array_get_string_element (json_node_get_array (json_parser_get_root (parser)), 0), ==, text->str);
    }
}

/* ------------------------------------------------------------------------ */
/* Random graphs with many contradictions */

static const char * const kinds[] = { "proposes", "supports", "opposes", "rejects", "retracts", "comments" };
static const char * const times[] = { "2017", "2017-07", "2017-07-01", "2017-07-02", "2017-07-02T10:00Z", "2017-08" };

static StanceGraph *
random_graph (GRand *rand)
{
  StanceGraph *graph = stance_graph_new ();
  guint n_actors = g_rand_int_range (rand, 2, 12);
  guint n_claims = g_rand_int_range (rand, 1, 6);
  guint n_statements = g_rand_int_range (rand, 1, 120);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", (i * 7) % 13);
      G_GNUC_UNUSED g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_claims; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", n_claims - i);
      G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, id, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *speaker = g_strdup_printf ("a%u", (g_rand_int_range (rand, 0, n_actors) * 7) % 13);
      g_autofree char *target = g_strdup_printf ("c%u", g_rand_int_range (rand, 1, n_claims + 1));
      g_autofree char *holder = g_strdup_printf ("a%u", (g_rand_int_range (rand, 0, n_actors) * 7) % 13);

      g_assert_true (stance_graph_append_statement (graph, id, speaker, times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))],
                                                    NULL, NULL, NULL, &error));
      g_assert_true (stance_graph_append_stance (graph, id, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], target,
                                                 g_rand_int_range (rand, 0, 5) == 0 ? holder : NULL, &error));
      g_assert_no_error (error);
    }

  return graph;
}

static const char *
node_id (gpointer node)
{
  return node != NULL ? stance_node_get_id (STANCE_NODE (node)) : NULL;
}

/* "kind target holder other first second" */
static char *
describe_record (StanceContradiction *c)
{
  g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
  gpointer other = stance_contradiction_get_other_holder (c);

  if (other == NULL)
    other = stance_contradiction_get_attributed_by (c);

  return g_strdup_printf ("%s %s %s %s %s %s",
                          stance_contradiction_kind_to_string (stance_contradiction_get_kind (c)),
                          node_id (stance_contradiction_get_target (c)), node_id (stance_contradiction_get_holder (c)),
                          node_id (other), node_id (statements->pdata[0]), node_id (statements->pdata[1]));
}

/* The records of @model, one string each. */
static GPtrArray *
records_of (GListModel *model)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (model, i);

      g_ptr_array_add (records, describe_record (c));
    }
  return records;
}

static void
assert_same_records (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* A random filter, and the same test written plainly on a contradiction. */
typedef struct
{
  guint       kinds;      /* 0: all */
  const char *target;
  const char *holder;
  const char *from;
  const char *to;
  guint       shard;
  guint       n_shards;
} Plain;

static gint64
start_of (const char *time)
{
  g_autoptr(StanceTime) t = stance_time_new_from_string (time, NULL);

  return stance_time_get_start (t);
}

static gint64
end_of (const char *time)
{
  g_autoptr(StanceTime) t = stance_time_new_from_string (time, NULL);

  return stance_time_get_end (t);
}

static gboolean
plain_keeps (const Plain         *plain,
             StanceContradiction *c)
{
  g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
  const char *target = node_id (stance_contradiction_get_target (c));
  gint64 arises = 0;

  if (plain->kinds != 0 && !(plain->kinds & (1u << stance_contradiction_get_kind (c))))
    return FALSE;
  if (plain->target != NULL && strcmp (plain->target, target) != 0)
    return FALSE;
  if (plain->holder != NULL &&
      g_strcmp0 (plain->holder, node_id (stance_contradiction_get_holder (c))) != 0 &&
      g_strcmp0 (plain->holder, node_id (stance_contradiction_get_other_holder (c))) != 0)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(StanceTime) t = stance_statement_dup_time (statements->pdata[i]);

      arises = i == 0 ? stance_time_get_start (t) : MAX (arises, stance_time_get_start (t));
    }
  if (plain->from != NULL && arises < start_of (plain->from))
    return FALSE;
  if (plain->to != NULL && arises >= end_of (plain->to))
    return FALSE;
  if (plain->n_shards > 0)
    {
      /* FNV-1a 64 of the id's bytes, written out again here. */
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

      for (const guchar *p = (const guchar *) target; *p; p++)
        h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
      if (h % plain->n_shards != plain->shard)
        return FALSE;
    }
  return TRUE;
}

static StanceContradictionFilter *
random_filter (GRand *rand,
               Plain *plain)
{
  StanceContradictionFilter *filter = stance_contradiction_filter_new ();
  static const char * const targets[] = { "c1", "c2", "c3", "nowhere" };
  static const char * const holders[] = { "a0", "a7", "a1", "a8" };

  memset (plain, 0, sizeof *plain);
  if (g_rand_boolean (rand))
    {
      guint k = g_rand_int_range (rand, 0, 4);

      plain->kinds |= 1u << k;
      stance_contradiction_filter_add_kind (filter, k);
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      plain->target = targets[g_rand_int_range (rand, 0, G_N_ELEMENTS (targets))];
      stance_contradiction_filter_add_target (filter, plain->target);
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      plain->holder = holders[g_rand_int_range (rand, 0, G_N_ELEMENTS (holders))];
      stance_contradiction_filter_add_holder (filter, plain->holder);
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      plain->from = times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))];
      g_assert_true (stance_contradiction_filter_set_from (filter, plain->from, NULL));
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      plain->to = times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))];
      g_assert_true (stance_contradiction_filter_set_to (filter, plain->to, NULL));
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      plain->n_shards = g_rand_int_range (rand, 1, 5);
      plain->shard = g_rand_int_range (rand, 0, plain->n_shards);
      stance_contradiction_filter_set_shard (filter, plain->shard, plain->n_shards);
    }

  return filter;
}

static void
test_filters (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1972);
  guint kept_some = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(StanceGraph) graph = random_graph (rand);
      g_autoptr(GListModel) all = NULL;
      guint n_all;

      /* Half the time from the cache of a whole search, half searched. */
      if (i % 2 == 0)
        all = stance_graph_find_contradictions (graph);

      for (guint f = 0; f < 6; f++)
        {
          Plain plain;
          g_autoptr(StanceContradictionFilter) filter = random_filter (rand, &plain);
          g_autoptr(GListModel) found = stance_graph_find_contradictions_filtered (graph, filter);
          g_autoptr(GListModel) everything = stance_graph_find_contradictions (graph);
          g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) got = records_of (found);

          n_all = g_list_model_get_n_items (everything);
          for (guint k = 0; k < n_all; k++)
            {
              g_autoptr(StanceContradiction) c = g_list_model_get_item (everything, k);

              g_assert_cmpint (stance_contradiction_filter_matches (filter, c), ==, plain_keeps (&plain, c));
              if (plain_keeps (&plain, c))
                g_ptr_array_add (expected, describe_record (c));
            }
          assert_same_records (got, expected);
          g_assert_cmpuint (stance_graph_count_contradictions (graph, filter), ==, expected->len);
          kept_some += expected->len > 0 && expected->len < n_all;
        }
    }

  /* The filters must have had something to cut. */
  g_assert_cmpuint (kept_some, >=, 500);
}

static void
test_shards_partition (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(StanceGraph) graph = random_graph (rand);
      g_autoptr(GListModel) all = stance_graph_find_contradictions (graph);
      guint n_shards = g_rand_int_range (rand, 1, 7);
      guint total = 0;

      for (guint k = 0; k < n_shards; k++)
        {
          g_autoptr(StanceContradictionFilter) filter = stance_contradiction_filter_new ();
          g_autoptr(GListModel) shard = NULL;

          stance_contradiction_filter_set_shard (filter, k, n_shards);
          shard = stance_graph_find_contradictions_filtered (graph, filter);
          total += g_list_model_get_n_items (shard);
          for (guint j = 0; j < g_list_model_get_n_items (shard); j++)
            {
              g_autoptr(StanceContradiction) c = g_list_model_get_item (shard, j);

              g_assert_cmpuint (stance_contradiction_filter_shard_of (node_id (stance_contradiction_get_target (c)), n_shards), ==, k);
            }
        }
      g_assert_cmpuint (total, ==, g_list_model_get_n_items (all));
    }
}

/* What stance_graph_write_contradictions() wrote to memory, as text. */
static char *
write_to_memory (StanceGraph               *graph,
                 StanceContradictionFilter *filter,
                 StanceContradictionFormat  format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (stance_graph_write_contradictions (graph, filter, format, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_write (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(StanceGraph) graph = random_graph (rand);
      g_autoptr(GListModel) all = stance_graph_find_contradictions (graph);
      g_autofree char *json = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON);
      g_autofree char *jsonl = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON_LINES);
      g_autofree char *text = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_TEXT);
      g_autoptr(GString) expected_text = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);
      JsonArray *records;
      guint n = g_list_model_get_n_items (all);

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(StanceContradiction) c = g_list_model_get_item (all, k);
          g_autofree char *line = stance_contradiction_describe (c);

          g_string_append_printf (expected_text, "%s\n", line);
        }
      g_assert_cmpstr (text, ==, expected_text->str);

      /* JSON Lines: one compact record per line, the records of the JSON. */
      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "contradictions");
      g_assert_cmpuint (json_array_get_length (records), ==, n);
      if (n == 0)
        g_assert_cmpstr (jsonl, ==, "");
      else
        {
          g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
          g_assert_cmpstr (lines[n], ==, "");
        }
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(JsonParser) one = json_parser_new ();
          g_autoptr(JsonGenerator) gen = json_generator_new ();
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          g_assert_true (json_parser_load_from_data (one, lines[k], -1, NULL));
          json_generator_set_root (gen, json_parser_get_root (one));
          a = json_generator_to_data (gen, NULL);
          json_generator_set_root (gen, json_array_get_element (records, k));
          b = json_generator_to_data (gen, NULL);
          g_assert_cmpstr (a, ==, b);
        }
    }
}

/* Actor ids with characters the writer must escape, and non-ASCII. */
static char *
actor_id (guint i)
{
  static const char * const prefixes[] = { "a", "a\"", "\xc3\xa4", "a\\" };

  return g_strdup_printf ("%s%u", prefixes[i % G_N_ELEMENTS (prefixes)], i);
}

/* A graph big enough for the writer to search in a thread of its own
 * (stance-finder-ahead.c) and to sort targets with hundreds of records by
 * radix (stance-finder.c), shaped as real debates are: a few claims get
 * most of the stances, one speaker makes a third of the statements.  Ids
 * hold quotes, backslashes and non-ASCII, which the writer quotes once
 * and reuses. */
static StanceGraph *
big_graph (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2017);
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  guint n_actors = 60, n_claims = 40, n_statements = 45000;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = actor_id (i);
      G_GNUC_UNUSED g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, id, STANCE_ACTOR_KIND_PERSON, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_claims; i++)
    {
      g_autofree char *id = g_strdup_printf ("claim \"%u\"", i);
      G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, id, id, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_statements; i++)
    {
      /* The cube of a uniform draw: claim 0 gets about a third of the
       * stances, the last ones almost none. */
      double u = g_rand_double (rand);
      guint claim = (guint) (u * u * u * n_claims);
      guint speaker = g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_int_range (rand, 0, n_actors);
      guint holder = g_rand_int_range (rand, 0, n_actors);
      /* Ids out of the order of the statements (7919 is prime to 45000),
       * some longer than others. */
      g_autofree char *id = g_strdup_printf (i % 8 == 0 ? "s%u-x" : "s%u", (i * 7919) % n_statements);
      g_autofree char *speaker_id = actor_id (speaker);
      g_autofree char *holder_id = actor_id (holder);
      g_autofree char *target = g_strdup_printf ("claim \"%u\"", claim);
      g_autofree char *time = g_strdup_printf ("2020-%02u-%02u", g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

      g_assert_true (stance_graph_append_statement (graph, id, speaker_id, time, NULL, NULL, NULL, &error));
      g_assert_true (stance_graph_append_stance (graph, id, kinds[g_rand_int_range (rand, 0, 5)], target,
                                                 g_rand_int_range (rand, 0, 10) == 0 ? holder_id : NULL, &error));
      g_assert_no_error (error);
    }

  return graph;
}

/* A record of the JSON output as describe_record() writes a contradiction. */
static char *
describe_json_record (JsonObject *record)
{
  JsonArray *statements = json_object_get_array_member (record, "statements");
  const char *holder, *other = NULL;

  if (json_object_has_member (record, "holders"))
    {
      JsonArray *holders = json_object_get_array_member (record, "holders");

      holder = json_array_get_string_element (holders, 0);
      other = json_array_get_string_element (holders, 1);
    }
  else
    {
      holder = json_object_get_string_member (record, "holder");
      if (json_object_has_member (record, "attributed_by"))
        other = json_object_get_string_member (record, "attributed_by");
    }

  return g_strdup_printf ("%s %s %s %s %s %s", json_object_get_string_member (record, "kind"),
                          json_object_get_string_member (record, "target"), holder, other,
                          json_array_get_string_element (statements, 0), json_array_get_string_element (statements, 1));
}

/* SPEC §4's order, written plainly: kind, target, holder, the other holder
 * or the attributing speaker, statements; ids by bytes. */
static int
plain_record_cmp (JsonObject *a,
                  JsonObject *b)
{
  static const char * const order[] = { "reversal", "inconsistency", "conflict", "disputed-attribution" };
  const char *keys_a[6], *keys_b[6];
  JsonObject *records[2] = { a, b };
  const char **keys[2] = { keys_a, keys_b };
  int c;

  for (guint r = 0; r < 2; r++)
    {
      JsonArray *statements = json_object_get_array_member (records[r], "statements");
      const char *kind = json_object_get_string_member (records[r], "kind");

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        if (strcmp (kind, order[k]) == 0)
          keys[r][0] = order[k];
      keys[r][1] = json_object_get_string_member (records[r], "target");
      if (json_object_has_member (records[r], "holders"))
        {
          keys[r][2] = json_array_get_string_element (json_object_get_array_member (records[r], "holders"), 0);
          keys[r][3] = json_array_get_string_element (json_object_get_array_member (records[r], "holders"), 1);
        }
      else
        {
          keys[r][2] = json_object_get_string_member (records[r], "holder");
          keys[r][3] = json_object_get_string_member_with_default (records[r], "attributed_by", "");
        }
      keys[r][4] = json_array_get_string_element (statements, 0);
      keys[r][5] = json_array_get_string_element (statements, 1);
    }

  /* The kinds' places in the order, as pointers into one array. */
  if (keys_a[0] != keys_b[0])
    return keys_a[0] < keys_b[0] ? -1 : 1;
  for (guint k = 1; k < 6; k++)
    if ((c = strcmp (keys_a[k], keys_b[k])) != 0)
      return c;
  return 0;
}

/* The lines of @text, each with its newline, which the last must have.
 * By hand: g_strsplit() calls strstr() once a line, and the sanitizers'
 * strstr() measures the rest of the text each time. */
static GPtrArray *
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *line = text;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      {
        g_ptr_array_add (lines, g_strndup (line, p - line));
        line = p + 1;
      }
  g_assert_cmpstr (line, ==, "");

  return lines;
}

static void
test_write_big (void)
{
  g_autoptr(StanceGraph) graph = big_graph ();
  g_autoptr(GListModel) all = stance_graph_find_contradictions (graph);
  g_autofree char *json = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON);
  g_autofree char *jsonl = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON_LINES);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) lines = split_lines (jsonl);
  JsonArray *records;
  guint n = g_list_model_get_n_items (all);
  guint64 counts[4] = { 0 };
  guint biggest = 0, run = 0;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "contradictions");
  g_assert_cmpuint (json_array_get_length (records), ==, n);
  g_assert_cmpuint (lines->len, ==, n);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (all, k);
      JsonObject *record = json_array_get_object_element (records, k);
      g_autofree char *expected = describe_record (c);
      g_autofree char *got = describe_json_record (record);
      g_autoptr(JsonParser) one = json_parser_new ();
      g_autofree char *from_line = NULL;

      g_assert_cmpstr (got, ==, expected);
      g_assert_true (json_parser_load_from_data (one, lines->pdata[k], -1, NULL));
      from_line = describe_json_record (json_node_get_object (json_parser_get_root (one)));
      g_assert_cmpstr (from_line, ==, expected);
      if (k > 0)
        {
          JsonObject *before = json_array_get_object_element (records, k - 1);

          g_assert_cmpint (plain_record_cmp (before, record), <, 0);
          run = strcmp (json_object_get_string_member (before, "target"), json_object_get_string_member (record, "target")) == 0 &&
                strcmp (json_object_get_string_member (before, "kind"), json_object_get_string_member (record, "kind")) == 0 ? run + 1 : 1;
          biggest = MAX (biggest, run);
        }
      counts[stance_contradiction_get_kind (c)]++;
    }

  /* The shape did what it is for: every kind, and targets with more
   * records than the radix sort's threshold. */
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (counts[k], >, 0);
  g_assert_cmpuint (biggest, >=, 1000);
  g_test_message ("%u records (%" G_GUINT64_FORMAT " reversals, %" G_GUINT64_FORMAT " inconsistencies, %" G_GUINT64_FORMAT " conflicts, %" G_GUINT64_FORMAT " disputed attributions), the longest target %u", n, counts[0], counts[1], counts[2], counts[3], biggest);
}

/* An id whose quoted text is too long for the writer's table of quoted
 * ids (16 MiB: here 3 million control characters, 6 bytes each once
 * escaped) is quoted each time it is written instead. */
static void
test_write_long_id (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_malloc (3000001);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *records;

  memset (id, '\x01', 3000000);
  id[3000000] = '\0';
  {
    G_GNUC_UNUSED g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, id, "long", STANCE_ACTOR_KIND_PERSON, &error);
    G_GNUC_UNUSED g_autoptr(StanceClaim) claim = stance_graph_add_claim (graph, "c", "c", &error);

    g_assert_no_error (error);
  }
  g_assert_true (stance_graph_append_statement (graph, "s1", id, "2020-01-01", NULL, NULL, NULL, &error));
  g_assert_true (stance_graph_append_stance (graph, "s1", "proposes", "c", NULL, &error));
  g_assert_true (stance_graph_append_statement (graph, "s2", id, "2020-02-01", NULL, NULL, NULL, &error));
  g_assert_true (stance_graph_append_stance (graph, "s2", "rejects", "c", NULL, &error));
  g_assert_no_error (error);

  json = write_to_memory (graph, NULL, STANCE_CONTRADICTION_FORMAT_JSON);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "contradictions");
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  /* Not g_assert_cmpstr(), which would print both ids on a failure. */
  g_assert_true (strcmp (json_object_get_string_member (json_array_get_object_element (records, 0), "holder"), id) == 0);
}

static void
test_cache (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(StanceGraph) graph = random_graph (rand);
  g_autoptr(GListModel) first = stance_graph_find_contradictions (graph);
  g_autoptr(GListModel) second = stance_graph_find_contradictions (graph);
  g_autoptr(GListModel) third = NULL;
  g_autoptr(GError) error = NULL;

  /* Asked twice, the second answer is the first one's findings. */
  g_assert_true (_stance_contradiction_list_get_findings (STANCE_CONTRADICTION_LIST (first)) ==
                 _stance_contradiction_list_get_findings (STANCE_CONTRADICTION_LIST (second)));

  /* A change makes it stale. */
  g_assert_true (stance_graph_append_statement (graph, "new", "a0", "2017-07-01", NULL, NULL, NULL, &error));
  g_assert_true (stance_graph_append_stance (graph, "new", "opposes", "c1", NULL, &error));
  g_assert_no_error (error);
  third = stance_graph_find_contradictions (graph);
  g_assert_true (_stance_contradiction_list_get_findings (STANCE_CONTRADICTION_LIST (first)) !=
                 _stance_contradiction_list_get_findings (STANCE_CONTRADICTION_LIST (third)));
}

/* The filter model over the live model follows every edit. */
static void
test_filter_model (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(StanceGraph) graph = random_graph (rand);
      g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
      Plain plain;
      g_autoptr(StanceContradictionFilter) filter = random_filter (rand, &plain);
      g_autoptr(StanceContradictionFilterModel) model = stance_contradiction_filter_model_new (live, filter);
      g_autoptr(GError) error = NULL;

      for (guint e = 0; e < 15; e++)
        {
          g_autofree char *id = g_strdup_printf ("edit%u", e);
          g_autofree char *speaker = g_strdup_printf ("a%u", (g_rand_int_range (rand, 0, 2) * 7) % 13);
          g_autoptr(GListModel) expected_model = stance_graph_find_contradictions_filtered (graph, filter);
          g_autoptr(GPtrArray) expected = records_of (expected_model);
          g_autoptr(GPtrArray) got = records_of (G_LIST_MODEL (model));

          assert_same_records (got, expected);

          g_assert_true (stance_graph_append_statement (graph, id, speaker, times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))],
                                                        NULL, NULL, NULL, &error));
          g_assert_true (stance_graph_append_stance (graph, id, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], "c1", NULL, &error));
          g_assert_no_error (error);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scale/writer-strings", test_writer_strings);
  g_test_add_func ("/scale/filters", test_filters);
  g_test_add_func ("/scale/shards-partition", test_shards_partition);
  g_test_add_func ("/scale/write", test_write);
  g_test_add_func ("/scale/write-big", test_write_big);
  g_test_add_func ("/scale/write-long-id", test_write_long_id);
  g_test_add_func ("/scale/cache", test_cache);
  g_test_add_func ("/scale/filter-model", test_filter_model);

  return g_test_run ();
}
