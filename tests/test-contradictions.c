/* test-contradictions.c: SPEC §3 and §4 — the contradictions a graph has
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Four independent sources must agree:
 *
 *  - the hand-derived vectors in tests/data/contradictions (and the story in
 *    examples/data), each NAME.json with NAME.expected.json;
 *  - stance_graph_find_contradictions();
 *  - the `stance check --json` tool (output and exit status);
 *  - a brute-force model of SPEC §3 written here from the SPEC text alone,
 *    with its own time parser, that compares every act with every other
 *    (the "reference").  It runs on the vectors, on thousands of random
 *    graphs and on real data sets.
 */

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define HAVE_VALGRIND_H 1
# endif
#endif

#include "stance-contradiction.h"
#include "stance-enum-types.h"
#include "stance-error.h"
#include "stance-graph.h"

#include "test-json.h"

/* Set STANCE_TEST_QUICK in the environment to run the heavy parts small. */
static gboolean
running_slow (void)
{
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return TRUE;
#endif
  return g_getenv ("STANCE_TEST_QUICK") != NULL;
}

/* ------------------------------------------------------------------------ */
/* JSON: exact structural comparison with a path to the first difference    */

/* ------------------------------------------------------------------------ */
/* Records: { kind, holder | holders, attributed_by, target, statements }   */

enum { REVERSAL, INCONSISTENCY, CONFLICT, DISPUTED };

static const char * const record_kind_names[] = {
  [REVERSAL] = "reversal",
  [INCONSISTENCY] = "inconsistency",
  [CONFLICT] = "conflict",
  [DISPUTED] = "disputed-attribution",
};

static JsonNode *
record_node (int         kind,
             const char *holder,
             const char *other,
             const char *target,
             const char *first,
             const char *second)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, record_kind_names[kind]);
  if (kind == CONFLICT)
    {
      json_builder_set_member_name (builder, "holders");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, holder);
      json_builder_add_string_value (builder, other);
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "holder");
      json_builder_add_string_value (builder, holder);
    }
  if (kind == DISPUTED)
    {
      json_builder_set_member_name (builder, "attributed_by");
      json_builder_add_string_value (builder, other);
    }
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, target);
  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, first);
  json_builder_add_string_value (builder, second);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
records_document (JsonArray *records)
{
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (object, "contradictions", records);
  json_node_take_object (root, object);

  return root;
}

static const char *
node_id (gpointer node)
{
  return node != NULL ? stance_node_get_id (STANCE_NODE (node)) : "(null)";
}

static gboolean
polarity_is_position (StancePolarity polarity)
{
  return polarity == STANCE_POLARITY_POSITIVE || polarity == STANCE_POLARITY_NEGATIVE;
}

/* What every contradiction object must satisfy whatever the graph. */
static void
check_contradiction_object (StanceContradiction *c,
                            guint                index,
                            GString             *problems)
{
  StanceContradictionKind kind = stance_contradiction_get_kind (c);
  StanceActor *holder = stance_contradiction_get_holder (c);
  StanceActor *other = stance_contradiction_get_other_holder (c);
  StanceActor *by = stance_contradiction_get_attributed_by (c);
  StanceNode *target = stance_contradiction_get_target (c);
  StanceEdge *first = stance_contradiction_get_first (c);
  StanceEdge *second = stance_contradiction_get_second (c);
  g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
  StancePolarity p1, p2;

#define PROBLEM(cond, ...) G_STMT_START { if (!(cond)) { g_string_append_printf (problems, "record %u: ", index); \
  g_string_append_printf (problems, __VA_ARGS__); g_string_append_c (problems, '\n'); return; } } G_STMT_END

  PROBLEM ((guint) kind <= STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION, "kind %d out of range", kind);
  PROBLEM (holder != NULL && target != NULL && first != NULL && second != NULL, "holder, target or a stance missing");
  PROBLEM (statements->len == 2, "%u statements", statements->len);
  PROBLEM (statements->pdata[0] == stance_edge_get_statement (first) &&
           statements->pdata[1] == stance_edge_get_statement (second),
           "get_statements() is not the statements of get_first() and get_second()");
  PROBLEM (stance_edge_get_target (first) == target && stance_edge_get_target (second) == target,
           "a stance is not on the target %s", node_id (target));
  p1 = stance_edge_get_polarity (first);
  p2 = stance_edge_get_polarity (second);

  switch (kind)
    {
    case STANCE_CONTRADICTION_KIND_REVERSAL:
    case STANCE_CONTRADICTION_KIND_INCONSISTENCY:
      PROBLEM (other == NULL && by == NULL, "a reversal or inconsistency with a second holder");
      PROBLEM (first != second, "the same stance twice");
      PROBLEM (stance_edge_is_act (first) && stance_edge_is_act (second), "a stance that is not an act");
      PROBLEM (stance_edge_get_holder (first) == holder && stance_edge_get_holder (second) == holder,
               "an act of another holder than %s", node_id (holder));
      PROBLEM (polarity_is_position (p1), "the first act is not positive or negative");
      if (kind == STANCE_CONTRADICTION_KIND_REVERSAL)
        PROBLEM (p2 != p1 && p2 != STANCE_POLARITY_NEUTRAL, "a reversal to the same polarity");
      else
        PROBLEM (polarity_is_position (p2) && p2 != p1, "an inconsistency between polarities that are not opposite");
      break;

    case STANCE_CONTRADICTION_KIND_CONFLICT:
      PROBLEM (other != NULL && by == NULL, "a conflict without a second holder");
      PROBLEM (strcmp (node_id (holder), node_id (other)) < 0, "conflict holders %s, %s not in byte order",
               node_id (holder), node_id (other));
      PROBLEM (stance_edge_is_act (first) && stance_edge_is_act (second), "a stance that is not an act");
      PROBLEM (stance_edge_get_holder (first) == holder && stance_edge_get_holder (second) == other,
               "the stances are not in the order of the holders");
      PROBLEM (polarity_is_position (p1) && polarity_is_position (p2) && p1 != p2, "polarities not opposite");
      break;

    case STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION:
      PROBLEM (other == NULL && by != NULL, "a disputed attribution without an attributing speaker");
      PROBLEM (stance_edge_is_attributed (first) && !stance_edge_is_act (first), "the first stance is not an attribution");
      PROBLEM (stance_edge_get_holder (first) == holder, "the attribution is not to %s", node_id (holder));
      PROBLEM (stance_statement_get_speaker (stance_edge_get_statement (first)) == by,
               "the attribution is not by %s", node_id (by));
      PROBLEM (stance_edge_is_act (second) && stance_edge_get_holder (second) == holder,
               "the second stance is not an act of %s", node_id (holder));
      PROBLEM (p1 != STANCE_POLARITY_NEUTRAL && p2 != STANCE_POLARITY_NEUTRAL && p1 != p2,
               "the polarities do not dispute each other");
      break;

    default:
      break;
    }
#undef PROBLEM
}

/* The library's contradictions as the document `stance check --json`
 * prints, with every object checked on the way; @counts (optional) by kind. */
static JsonNode *
library_records (StanceGraph *graph,
                 guint        counts[4])
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  g_autoptr(GString) problems = g_string_new (NULL);
  JsonArray *records = json_array_new ();
  guint n = g_list_model_get_n_items (found);

  g_assert_true (g_list_model_get_item_type (found) == STANCE_TYPE_CONTRADICTION);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
      StanceContradictionKind kind = stance_contradiction_get_kind (c);
      StanceActor *other = kind == STANCE_CONTRADICTION_KIND_CONFLICT ? stance_contradiction_get_other_holder (c)
                         : stance_contradiction_get_attributed_by (c);

      check_contradiction_object (c, i, problems);
      if ((guint) kind > STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION || statements->len != 2)
        continue;
      if (counts != NULL)
        counts[kind]++;
      g_assert_cmpstr (stance_contradiction_kind_to_string (kind), ==, record_kind_names[kind]);
      json_array_add_element (records, record_node (kind,
                                                    node_id (stance_contradiction_get_holder (c)),
                                                    other != NULL ? node_id (other) : NULL,
                                                    node_id (stance_contradiction_get_target (c)),
                                                    node_id (statements->pdata[0]),
                                                    node_id (statements->pdata[1])));
    }

  if (problems->len > 0)
    {
      g_test_message ("contradiction objects that break the rules:\n%s", problems->str);
      g_test_fail ();
    }

  return records_document (records);
}

/* ------------------------------------------------------------------------ */
/* The reference: SPEC §1 times and §3, brute force, from the SPEC text     */

enum { POSITIVE, NEGATIVE, WITHDRAWAL, NEUTRAL };

static const struct { const char *name; int polarity; } builtin_kinds[] = {
  { "proposes", POSITIVE }, { "endorses", POSITIVE }, { "supports", POSITIVE }, { "confirms", POSITIVE },
  { "opposes", NEGATIVE }, { "rejects", NEGATIVE }, { "denies", NEGATIVE },
  { "retracts", WITHDRAWAL },
  { "questions", NEUTRAL }, { "comments", NEUTRAL },
};

static int
polarity_from_name (const char *name)
{
  static const char * const names[] = { "positive", "negative", "withdrawal", "neutral" };

  for (int i = 0; i < 4; i++)
    if (strcmp (name, names[i]) == 0)
      return i;
  g_assert_not_reached ();
}

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gboolean
take_digits (const char **p,
             int          n,
             int         *value)
{
  *value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return TRUE;
}

/* The half-open period, in seconds since 1970 UTC, that a valid time names. */
static gboolean
ref_parse_time (const char *text,
                gint64     *start,
                gint64     *end)
{
  const char *p = text;
  int y, mo = 1, d = 1, h = 0, mi = 0, s = 0, oh, om;
  gint64 offset = 0, base;
  enum { YEAR, MONTH, DAY, MINUTE, SECOND } precision = YEAR;

  if (!take_digits (&p, 4, &y))
    return FALSE;
  if (*p == '-')
    {
      p++;
      if (!take_digits (&p, 2, &mo))
        return FALSE;
      precision = MONTH;
      if (*p == '-')
        {
          p++;
          if (!take_digits (&p, 2, &d))
            return FALSE;
          precision = DAY;
          if (*p == 'T')
            {
              p++;
              if (!take_digits (&p, 2, &h) || *p++ != ':' || !take_digits (&p, 2, &mi))
                return FALSE;
              precision = MINUTE;
              if (*p == ':')
                {
                  p++;
                  if (!take_digits (&p, 2, &s))
                    return FALSE;
                  precision = SECOND;
                  if (*p == '.')
                    {
                      p++;
                      while (g_ascii_isdigit (*p))
                        p++;
                    }
                }
              if (*p == 'Z')
                p++;
              else if (*p == '+' || *p == '-')
                {
                  int sign = *p++ == '-' ? -1 : 1;

                  if (!take_digits (&p, 2, &oh) || *p++ != ':' || !take_digits (&p, 2, &om))
                    return FALSE;
                  offset = sign * (oh * 3600 + om * 60);
                }
            }
        }
    }
  if (*p != '\0')
    return FALSE;

  base = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
  switch (precision)
    {
    case YEAR:
      *start = days_from_civil (y, 1, 1) * 86400;
      *end = days_from_civil (y + 1, 1, 1) * 86400;
      break;
    case MONTH:
      *start = days_from_civil (y, mo, 1) * 86400;
      *end = (mo == 12 ? days_from_civil (y + 1, 1, 1) : days_from_civil (y, mo + 1, 1)) * 86400;
      break;
    case DAY:
      *start = base;
      *end = base + 86400;
      break;
    case MINUTE:
      *start = base;
      *end = base + 60;
      break;
    case SECOND:
      *start = base;
      *end = base + 1;
      break;
    }

  return TRUE;
}

typedef struct
{
  const char *id;        /* interned: equal ids are equal pointers */
  const char *speaker;
  gint64      start;
  gint64      end;
  guint       n_stances;
} RefStatement;

typedef struct
{
  guint       statement; /* index in graph order */
  guint       position;  /* order within the statement */
  const char *target;
  const char *holder;    /* the speaker when no holder is given */
  int         polarity;
  gboolean    removed;   /* taken back: no longer part of anything */
} RefStance;

typedef struct
{
  GStringChunk *strings;
  GArray       *statements;
  GArray       *stances;
  GHashTable   *kinds;     /* interned name -> polarity + 1 */
} RefGraph;

static const char *
ref_intern (RefGraph   *ref,
            const char *text)
{
  return g_string_chunk_insert_const (ref->strings, text);
}

static void
ref_declare_kind (RefGraph   *ref,
                  const char *name,
                  int         polarity)
{
  g_hash_table_insert (ref->kinds, (gpointer) ref_intern (ref, name), GINT_TO_POINTER (polarity + 1));
}

static RefGraph *
ref_graph_new (void)
{
  RefGraph *ref = g_new0 (RefGraph, 1);

  ref->strings = g_string_chunk_new (4096);
  ref->statements = g_array_new (FALSE, FALSE, sizeof (RefStatement));
  ref->stances = g_array_new (FALSE, FALSE, sizeof (RefStance));
  ref->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
    ref_declare_kind (ref, builtin_kinds[i].name, builtin_kinds[i].polarity);

  return ref;
}

static void
ref_graph_free (RefGraph *ref)
{
  g_string_chunk_free (ref->strings);
  g_array_unref (ref->statements);
  g_array_unref (ref->stances);
  g_hash_table_unref (ref->kinds);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefGraph, ref_graph_free)

static guint
ref_add_statement (RefGraph   *ref,
                   const char *id,
                   const char *speaker,
                   const char *time)
{
  RefStatement statement = { ref_intern (ref, id), ref_intern (ref, speaker), 0, 0, 0 };

  if (!ref_parse_time (time, &statement.start, &statement.end))
    g_error ("the reference cannot read the time \"%s\"", time);
  g_assert_cmpint (statement.start, <, statement.end);
  g_array_append_val (ref->statements, statement);

  return ref->statements->len - 1;
}

static void
ref_add_stance (RefGraph   *ref,
                guint       statement,
                const char *kind,
                const char *target,
                const char *holder)
{
  RefStatement *s = &g_array_index (ref->statements, RefStatement, statement);
  gpointer polarity = g_hash_table_lookup (ref->kinds, kind);
  RefStance stance;

  g_assert_nonnull (polarity);
  stance.statement = statement;
  stance.position = s->n_stances++;
  stance.target = ref_intern (ref, target);
  stance.holder = holder != NULL ? ref_intern (ref, holder) : s->speaker;
  stance.polarity = GPOINTER_TO_INT (polarity) - 1;
  stance.removed = FALSE;
  g_array_append_val (ref->stances, stance);
}

/* A document, read with json-glib, into the reference: nothing of libstance. */
static RefGraph *
ref_graph_from_document (JsonNode *root)
{
  RefGraph *ref = ref_graph_new ();
  JsonObject *document = json_node_get_object (root);
  JsonNode *member;

#define MEMBER(object, name) (json_object_has_member ((object), (name)) && \
                              !JSON_NODE_HOLDS_NULL (json_object_get_member ((object), (name))))

  if (MEMBER (document, "kinds"))
    {
      JsonArray *kinds = json_object_get_array_member (document, "kinds");

      for (guint i = 0; i < json_array_get_length (kinds); i++)
        {
          JsonObject *kind = json_array_get_object_element (kinds, i);

          ref_declare_kind (ref, json_object_get_string_member (kind, "name"),
                            polarity_from_name (json_object_get_string_member (kind, "polarity")));
        }
    }

  member = MEMBER (document, "statements") ? json_object_get_member (document, "statements") : NULL;
  for (guint i = 0; member != NULL && i < json_array_get_length (json_node_get_array (member)); i++)
    {
      JsonObject *statement = json_array_get_object_element (json_node_get_array (member), i);
      guint index = ref_add_statement (ref,
                                       json_object_get_string_member (statement, "id"),
                                       json_object_get_string_member (statement, "speaker"),
                                       json_object_get_string_member (statement, "time"));
      JsonArray *stances;

      if (!MEMBER (statement, "stances"))
        continue;
      stances = json_object_get_array_member (statement, "stances");
      for (guint k = 0; k < json_array_get_length (stances); k++)
        {
          JsonObject *stance = json_array_get_object_element (stances, k);

          ref_add_stance (ref, index,
                          json_object_get_string_member (stance, "kind"),
                          json_object_get_string_member (stance, "target"),
                          MEMBER (stance, "holder") ? json_object_get_string_member (stance, "holder") : NULL);
        }
    }
#undef MEMBER

  return ref;
}

typedef struct
{
  const RefStatement *statement;
  guint               index;     /* the statement's index */
  guint               position;
  const char         *target;
  const char         *holder;
  int                 polarity;
  gint64              holds_until; /* G_MAXINT64: for ever */
} RefAct;

typedef struct
{
  int         kind;
  const char *target;
  const char *holder;
  const char *other;   /* second holder, or attributing speaker */
  const char *first;
  const char *second;
} RefRecord;

/* SPEC §3: by period start, then period end, then statement order in the
 * graph, then stance order in the statement. */
static int
act_order (const RefAct *a,
           const RefAct *b)
{
  if (a->statement->start != b->statement->start)
    return a->statement->start < b->statement->start ? -1 : 1;
  if (a->statement->end != b->statement->end)
    return a->statement->end < b->statement->end ? -1 : 1;
  if (a->index != b->index)
    return a->index < b->index ? -1 : 1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  return 0;
}

static gboolean
opposite (int a,
          int b)
{
  return (a == POSITIVE && b == NEGATIVE) || (a == NEGATIVE && b == POSITIVE);
}

static int
strcmp0 (const char *a,
         const char *b)
{
  return g_strcmp0 (a, b);
}

/* SPEC §4: kind, target, holder(s), then statements; bytes. */
static int
ref_record_cmp (gconstpointer pa,
                gconstpointer pb)
{
  const RefRecord *a = pa;
  const RefRecord *b = pb;
  int c;

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if ((c = strcmp (a->target, b->target)) != 0 ||
      (c = strcmp (a->holder, b->holder)) != 0 ||
      (c = strcmp0 (a->other, b->other)) != 0 ||
      (c = strcmp (a->first, b->first)) != 0 ||
      (c = strcmp (a->second, b->second)) != 0)
    return c;
  return 0;
}

typedef struct
{
  const RefAct *lo;       /* the act of the holder whose id comes first */
  const RefAct *hi;
  gint64        overlap;  /* where the two holdings start to overlap */
} RefMeeting;

typedef struct
{
  const RefStatement *attribution;
  const char         *speaker;
  const char         *holder;
  const char         *target;
  const RefAct       *act;
} RefDispute;

static JsonNode *
reference_records (RefGraph *ref,
                   guint     counts[4])
{
  g_autoptr(GArray) acts = g_array_new (FALSE, FALSE, sizeof (RefAct));
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (RefRecord));
  g_autoptr(GHashTable) meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) disputes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array = json_array_new ();
  GHashTableIter iter;
  gpointer value;

  /* Acts: the holder's own words (holder = speaker), not neutral. */
  for (guint i = 0; i < ref->stances->len; i++)
    {
      const RefStance *stance = &g_array_index (ref->stances, RefStance, i);
      const RefStatement *statement = &g_array_index (ref->statements, RefStatement, stance->statement);
      RefAct act = { statement, stance->statement, stance->position, stance->target, stance->holder,
                     stance->polarity, G_MAXINT64 };

      if (!stance->removed && stance->holder == statement->speaker && stance->polarity != NEUTRAL)
        g_array_append_val (acts, act);
    }

  /* Holding spans: up to the start of the holder's next act on the target
   * that starts later. */
  for (guint i = 0; i < acts->len; i++)
    {
      RefAct *a = &g_array_index (acts, RefAct, i);

      for (guint j = 0; j < acts->len; j++)
        {
          const RefAct *b = &g_array_index (acts, RefAct, j);

          if (b->holder == a->holder && b->target == a->target &&
              b->statement->start > a->statement->start && b->statement->start < a->holds_until)
            a->holds_until = b->statement->start;
        }
    }

  /* 1, 2: each act with the one that follows it in its holder's order. */
  for (guint i = 0; i < acts->len; i++)
    {
      const RefAct *a = &g_array_index (acts, RefAct, i);
      const RefAct *next = NULL;

      for (guint j = 0; j < acts->len; j++)
        {
          const RefAct *b = &g_array_index (acts, RefAct, j);

          if (j != i && b->holder == a->holder && b->target == a->target &&
              act_order (a, b) < 0 && (next == NULL || act_order (b, next) < 0))
            next = b;
        }
      if (next == NULL || (a->polarity != POSITIVE && a->polarity != NEGATIVE))
        continue;

      if (a->statement->end <= next->statement->start)
        {
          if (next->polarity != a->polarity)
            {
              RefRecord r = { REVERSAL, a->target, a->holder, NULL, a->statement->id, next->statement->id };

              g_array_append_val (records, r);
            }
        }
      else if (a->statement->start < next->statement->end && next->statement->start < a->statement->end &&
               opposite (a->polarity, next->polarity))
        {
          RefRecord r = { INCONSISTENCY, a->target, a->holder, NULL, a->statement->id, next->statement->id };

          g_array_append_val (records, r);
        }
    }

  /* 3: every pair of opposite acts of two holders on one target. */
  for (guint i = 0; i < acts->len; i++)
    {
      for (guint j = i + 1; j < acts->len; j++)
        {
          const RefAct *a = &g_array_index (acts, RefAct, i);
          const RefAct *b = &g_array_index (acts, RefAct, j);
          gint64 from, to;
          RefMeeting meeting;
          RefMeeting *best;
          char *key;

          if (a->target != b->target || a->holder == b->holder || !opposite (a->polarity, b->polarity))
            continue;
          from = MAX (a->statement->start, b->statement->start);
          to = MIN (a->holds_until, b->holds_until);
          if (from >= to)
            continue;

          meeting.lo = strcmp (a->holder, b->holder) < 0 ? a : b;
          meeting.hi = meeting.lo == a ? b : a;
          meeting.overlap = from;
          key = g_strdup_printf ("%p %p %p", (void *) a->target, (void *) meeting.lo->holder, (void *) meeting.hi->holder);
          best = g_hash_table_lookup (meetings, key);
          if (best == NULL)
            g_hash_table_insert (meetings, key, g_memdup2 (&meeting, sizeof meeting));
          else
            {
              int c = meeting.overlap != best->overlap ? (meeting.overlap < best->overlap ? -1 : 1)
                    : act_order (meeting.lo, best->lo) != 0 ? act_order (meeting.lo, best->lo)
                    : act_order (meeting.hi, best->hi);

              if (c < 0)
                *best = meeting;
              g_free (key);
            }
        }
    }
  g_hash_table_iter_init (&iter, meetings);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const RefMeeting *m = value;
      RefRecord r = { CONFLICT, m->lo->target, m->lo->holder, m->hi->holder, m->lo->statement->id, m->hi->statement->id };

      g_array_append_val (records, r);
    }

  /* 4: every attribution with every act of its holder on its target. */
  for (guint i = 0; i < ref->stances->len; i++)
    {
      const RefStance *stance = &g_array_index (ref->stances, RefStance, i);
      const RefStatement *statement = &g_array_index (ref->statements, RefStatement, stance->statement);

      if (stance->removed || stance->holder == statement->speaker || stance->polarity == NEUTRAL)
        continue;

      for (guint j = 0; j < acts->len; j++)
        {
          const RefAct *act = &g_array_index (acts, RefAct, j);
          RefDispute *best;
          char *key;

          if (act->holder != stance->holder || act->target != stance->target || act->polarity == stance->polarity)
            continue;
          if (act->statement->end <= statement->start)
            continue;  /* the act precedes the attribution */

          key = g_strdup_printf ("%u %p %p", stance->statement, (void *) stance->holder, (void *) stance->target);
          best = g_hash_table_lookup (disputes, key);
          if (best == NULL)
            {
              RefDispute dispute = { statement, statement->speaker, stance->holder, stance->target, act };

              g_hash_table_insert (disputes, key, g_memdup2 (&dispute, sizeof dispute));
            }
          else
            {
              if (act_order (act, best->act) < 0)
                best->act = act;
              g_free (key);
            }
        }
    }
  g_hash_table_iter_init (&iter, disputes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const RefDispute *d = value;
      RefRecord r = { DISPUTED, d->target, d->holder, d->speaker, d->attribution->id, d->act->statement->id };

      g_array_append_val (records, r);
    }

  g_array_sort (records, ref_record_cmp);
  for (guint i = 0; i < records->len; i++)
    {
      const RefRecord *r = &g_array_index (records, RefRecord, i);

      if (counts != NULL)
        counts[r->kind]++;
      json_array_add_element (array, record_node (r->kind, r->holder, r->other, r->target, r->first, r->second));
    }

  return records_document (array);
}

/* ------------------------------------------------------------------------ */
/* The tool                                                                 */

typedef struct
{
  int    status;   /* exit status, or -1 if it did not exit */
  GBytes *out;
  GBytes *err;
} ToolRun;

static void
tool_run_clear (ToolRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ToolRun, tool_run_clear)

/* Runs the tool with @args; @stdin_path (optional) as its standard input.
 * Returns FALSE (and skips) when there is no tool to run. */
static gboolean
run_tool (const char * const *args,
          const char         *stdin_path,
          ToolRun            *run)
{
  const char *tool = g_getenv ("STANCE_TOOL");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (tool == NULL || !g_file_test (tool, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("STANCE_TOOL is not set to the built `stance` tool: not running it");
      return FALSE;
    }

  g_ptr_array_add (argv, (gpointer) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;

  return TRUE;
}

/* `stance check --json FILE` against the expected document. */
static void
check_tool_on (const char *filename,
               JsonNode   *expected)
{
  const char *args[] = { "check", "--json", filename, NULL };
  g_auto(ToolRun) run = { -1, NULL, NULL };
  g_autoptr(JsonNode) printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("`stance check --json %s`", filename);
  guint n = json_array_get_length (json_object_get_array_member (json_node_get_object (expected), "contradictions"));
  gsize len;
  const char *out;

  if (!run_tool (args, NULL, &run))
    return;

  out = g_bytes_get_data (run.out, &len);
  if (run.status != (n > 0 ? 1 : 0))
    {
      g_test_message ("%s exited with %d, expected %d; standard error:\n%.*s", what, run.status, n > 0 ? 1 : 0,
                      (int) g_bytes_get_size (run.err), (const char *) g_bytes_get_data (run.err, NULL));
      g_test_fail ();
    }

  printed = test_json_parse_data (out != NULL ? out : "", len, &error);
  if (printed == NULL)
    {
      g_test_message ("%s printed no JSON (%s):\n%.*s", what, error->message, (int) len, out);
      g_test_fail ();
      return;
    }
  test_json_check_same (what, printed, expected);
}

/* ------------------------------------------------------------------------ */
/* The vectors and the story                                                */

static char *
story_path (void)
{
  const char *examples = g_getenv ("STANCE_EXAMPLES");

  if (examples == NULL)
    return NULL;
  return g_build_filename (examples, "data", "cyber-2017-2020.json", NULL);
}

static char *
expected_path (const char *filename)
{
  g_autofree char *stem = g_strndup (filename, strlen (filename) - strlen (".json"));

  return g_strconcat (stem, ".expected.json", NULL);
}

/* /contradictions/vector/NAME: library and tool against NAME.expected.json */
static void
test_vector (gconstpointer data)
{
  const char *filename = data;
  g_autofree char *expected_file = expected_path (filename);
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autofree char *what = NULL;

  expected = test_json_parse_file (expected_file, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (expected));

  graph = stance_graph_new_from_file (filename, &error);
  if (graph == NULL)
    {
      g_test_message ("%s does not load: %s", filename, error->message);
      g_test_fail ();
      return;
    }

  got = library_records (graph, NULL);
  what = g_strdup_printf ("stance_graph_find_contradictions() on %s (expected %s)", filename, expected_file);
  test_json_check_same (what, got, expected);

  /* The result is a snapshot, and asking again gives the same. */
  {
    g_autoptr(JsonNode) again = library_records (graph, NULL);

    test_json_check_same ("a second stance_graph_find_contradictions()", again, got);
  }

  check_tool_on (filename, expected);
}

/* /contradictions/reference/NAME: the brute-force model against NAME.expected.json,
 * reading the document with json-glib: it checks the vectors as much as the model. */
static void
test_vector_reference (gconstpointer data)
{
  const char *filename = data;
  g_autofree char *expected_file = expected_path (filename);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = test_json_parse_file (filename, &error);
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(RefGraph) ref = NULL;
  g_autofree char *what = NULL;

  g_assert_no_error (error);
  expected = test_json_parse_file (expected_file, &error);
  g_assert_no_error (error);

  ref = ref_graph_from_document (document);
  got = reference_records (ref, NULL);
  what = g_strdup_printf ("the reference model on %s (expected %s)", filename, expected_file);
  test_json_check_same (what, got, expected);
}

static GPtrArray *
list_vectors (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return files;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".expected.json"))
        g_ptr_array_add (files, g_strdup (name));
    }
  return files;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every vector has its expected file, and there are some. */
static void
test_vectors_present (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "contradictions", NULL);
  g_autoptr(GPtrArray) files = list_vectors (dir);

  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, files->pdata[i], NULL);
      g_autofree char *expected = expected_path (path);

      if (!g_file_test (expected, G_FILE_TEST_EXISTS))
        {
          g_test_message ("%s has no %s", path, expected);
          g_test_fail ();
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The tool beyond the vectors: invalid input, standard input, usage        */

static void
test_tool_invalid (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autofree char *tsv_path = g_build_filename (dir, "expected.tsv", NULL);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (g_getenv ("STANCE_TOOL") == NULL)
    {
      g_test_skip ("STANCE_TOOL is not set");
      return;
    }

  g_file_get_contents (tsv_path, &tsv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (tsv, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *file = NULL;
      g_autofree char *where = NULL;
      const char *args[] = { "check", "--json", NULL, NULL };
      g_auto(ToolRun) run = { -1, NULL, NULL };
      g_autofree char *err = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      file = g_strconcat (dir, G_DIR_SEPARATOR_S, fields[0], ".json", NULL);
      args[2] = file;
      if (!run_tool (args, NULL, &run))
        return;
      n++;

      err = g_strndup (g_bytes_get_data (run.err, NULL), g_bytes_get_size (run.err));
      if (run.status != 2 || g_bytes_get_size (run.out) != 0 || err[0] == '\0')
        {
          g_test_message ("`stance check --json %s`: exit %d (expected 2), %" G_GSIZE_FORMAT " bytes on standard "
                          "output (expected none), standard error: %s", file, run.status,
                          g_bytes_get_size (run.out), err);
          g_test_fail ();
          continue;
        }

      /* The error names the place. */
      if (strchr (fields[2], ':') != NULL)
        {
          g_auto(GStrv) lc = g_strsplit (fields[2], ":", 2);

          where = g_strdup_printf ("line %s, column %s: ", lc[0], lc[1]);
        }
      else if (strcmp (fields[2], "syntax") == 0 || strcmp (fields[2], "-") == 0)
        where = g_strdup (strcmp (fields[2], "-") == 0 && strstr (err, "document: ") != NULL ? "document: " : "line ");
      else
        where = g_strconcat (fields[2], ": ", NULL);
      if (strstr (err, where) == NULL)
        {
          g_test_message ("`stance check --json %s`: the error does not say \"%s\": %s", file, where, err);
          g_test_fail ();
        }
    }

  g_assert_cmpuint (n, >, 0);
}

static void
test_tool_usage (void)
{
  g_autofree char *story = story_path ();
  const char *no_file[] = { "check", NULL };
  const char *two_files[] = { "check", "a.json", "b.json", NULL };
  const char *missing[] = { "check", "--json", "/nonexistent/stance/document.json", NULL };
  const char *from_stdin[] = { "check", "--json", "-", NULL };
  const char *bad_option[] = { "check", "--no-such-option", NULL };
  const char * const *invalid[] = { no_file, two_files, missing, bad_option };
  g_auto(ToolRun) run = { -1, NULL, NULL };
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_file = NULL;

  if (g_getenv ("STANCE_TOOL") == NULL || story == NULL)
    {
      g_test_skip ("STANCE_TOOL or STANCE_EXAMPLES is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_auto(ToolRun) bad = { -1, NULL, NULL };

      g_assert_true (run_tool (invalid[i], NULL, &bad));
      g_assert_cmpint (bad.status, ==, 2);
      g_assert_cmpuint (g_bytes_get_size (bad.out), ==, 0);
      g_assert_cmpuint (g_bytes_get_size (bad.err), >, 0);
    }

  /* FILE - reads standard input. */
  g_assert_true (run_tool (from_stdin, story, &run));
  g_assert_cmpint (run.status, ==, 1);
  expected_file = expected_path (story);
  expected = test_json_parse_file (expected_file, &error);
  g_assert_no_error (error);
  printed = test_json_parse_data (g_bytes_get_data (run.out, NULL), g_bytes_get_size (run.out), &error);
  g_assert_no_error (error);
  test_json_check_same ("`stance check --json -` < the story", printed, expected);
}

/* ------------------------------------------------------------------------ */
/* Random graphs: the library against the reference                         */

static const struct { const char *name; int polarity; } declared_kinds[] = {
  { "praises", POSITIVE }, { "slams", NEGATIVE }, { "drops", WITHDRAWAL }, { "ponders", NEUTRAL },
};

static const StancePolarity to_stance_polarity[] = {
  [POSITIVE] = STANCE_POLARITY_POSITIVE,
  [NEGATIVE] = STANCE_POLARITY_NEGATIVE,
  [WITHDRAWAL] = STANCE_POLARITY_WITHDRAWAL,
  [NEUTRAL] = STANCE_POLARITY_NEUTRAL,
};

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (rand, 0, n)];
}

/* Times that cluster around a few days of July 2017, so that periods of
 * every precision meet, touch and overlap, across offsets. */
static char *
random_time (GRand *rand)
{
  static const char * const zones[] = { "", "Z", "+00:00", "+01:00", "-01:00", "+02:30", "-23:59", "+23:59", "-00:30" };
  static const char * const fractions[] = { ".5", ".999999999", ".0" };
  static const int hours[] = { 0, 0, 1, 12, 22, 23, 23 };
  static const int minutes[] = { 0, 0, 15, 59, 59 };
  static const int seconds[] = { 0, 0, 30, 59 };
  int day = g_rand_int_range (rand, 1, 5);
  int hour = hours[g_rand_int_range (rand, 0, G_N_ELEMENTS (hours))];
  int minute = minutes[g_rand_int_range (rand, 0, G_N_ELEMENTS (minutes))];
  int second = seconds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seconds))];
  const char *zone = pick (rand, zones, G_N_ELEMENTS (zones));

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
      return g_strdup (g_rand_boolean (rand) ? "2017" : "2016");
    case 1:
      return g_strdup_printf ("2017-%02d", g_rand_int_range (rand, 6, 9));
    case 2:
      return g_strdup (g_rand_boolean (rand) ? "2017-06-30" : "2017-07");
    case 3: case 4: case 5:
      return g_strdup_printf ("2017-07-%02d", day);
    case 6: case 7: case 8:
      return g_strdup_printf ("2017-07-%02dT%02d:%02d%s", day, hour, minute, zone);
    case 9: case 10:
      return g_strdup_printf ("2017-07-%02dT%02d:%02d:%02d%s", day, hour, minute, second, zone);
    default:
      return g_strdup_printf ("2017-07-%02dT%02d:%02d:%02d%s%s", day, hour, minute, second,
                              pick (rand, fractions, G_N_ELEMENTS (fractions)), zone);
    }
}

static void
shuffle (GRand        *rand,
         const char  **items,
         guint         n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      const char *t = items[i - 1];

      items[i - 1] = items[j];
      items[j] = t;
    }
}

/* The shape of a random graph: NULL for the default, small graphs where
 * every case is near.  The skewed shapes stress the conflict sweep: few
 * targets, many holders, many acts per holder, few distinct times. */
typedef struct
{
  guint n_actors;      /* actors "h00".. */
  guint n_claims;      /* 1 or 2 */
  guint n_statements;
  guint n_times;       /* distinct times to draw from; 0: any */
  guint hot_speaker;   /* percent of statements by the first actor */
} Shape;

/* Builds the same random graph in @graph, through the API, and in @ref. */
static void
random_graph_shaped (GRand       *rand,
                     StanceGraph *graph,
                     RefGraph    *ref,
                     const Shape *shape)
{
  const char *default_actor_ids[] = { "alice", "Bob", "bob", "zed", "\xc3\xa4", "a" };
  const char *claim_ids[] = { "c", "C", "d" };
  g_autoptr(GPtrArray) actor_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  const char **actor_ids = default_actor_ids;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_actors, n_claims, n_statements;
  g_autofree guint *numbers = NULL;

  if (shape == NULL)
    {
      n_actors = g_rand_int_range (rand, 2, 5);
      n_claims = g_rand_int_range (rand, 1, 3);
      /* Mostly small graphs, where every case is near; now and then a longer
       * history, for chains of acts and many meetings. */
      n_statements = g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 10, 25) : g_rand_int_range (rand, 1, 11);
      shuffle (rand, default_actor_ids, G_N_ELEMENTS (default_actor_ids));
    }
  else
    {
      n_actors = shape->n_actors;
      n_claims = shape->n_claims;
      n_statements = shape->n_statements;
      /* Ids whose byte order is not their creation order. */
      for (guint i = 0; i < n_actors; i++)
        g_ptr_array_add (actor_names, g_strdup_printf ("h%02u", n_actors - 1 - i));
      actor_ids = (const char **) actor_names->pdata;
      for (guint i = 0; i < shape->n_times; i++)
        g_ptr_array_add (times, random_time (rand));
    }
  numbers = g_new (guint, n_statements);

  shuffle (rand, claim_ids, G_N_ELEMENTS (claim_ids));

  for (guint i = 0; i < G_N_ELEMENTS (declared_kinds); i++)
    {
      stance_graph_declare_kind (graph, declared_kinds[i].name, to_stance_polarity[declared_kinds[i].polarity], &error);
      g_assert_no_error (error);
      ref_declare_kind (ref, declared_kinds[i].name, declared_kinds[i].polarity);
    }

  for (guint i = 0; i < n_actors; i++)
    {
      StanceActor *actor = stance_graph_add_actor (graph, actor_ids[i], actor_ids[i], STANCE_ACTOR_KIND_PERSON, &error);

      g_assert_no_error (error);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; i < n_claims; i++)
    {
      StanceClaim *claim = stance_graph_add_claim (graph, claim_ids[i], claim_ids[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (targets, claim);
    }
  /* Now and then an actor is a target too. */
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_ptr_array_add (targets, g_object_ref (actors->pdata[g_rand_int_range (rand, 0, n_actors)]));

  /* Statement ids in another order than the graph's: s10 < s2 < s9. */
  for (guint i = 0; i < n_statements; i++)
    numbers[i] = i + 1;
  for (guint i = n_statements; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = numbers[i - 1];

      numbers[i - 1] = numbers[j];
      numbers[j] = t;
    }

  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", numbers[i]);
      g_autofree char *time = times->len > 0 ? g_strdup (times->pdata[g_rand_int_range (rand, 0, times->len)])
                                             : random_time (rand);
      StanceActor *speaker = actors->pdata[shape != NULL && (guint) g_rand_int_range (rand, 0, 100) < shape->hot_speaker
                                           ? 0 : g_rand_int_range (rand, 0, n_actors)];
      g_autoptr(StanceStatement) statement = stance_graph_add_statement (graph, id, speaker, time, &error);
      guint index;
      guint n_stances = g_rand_int_range (rand, 1, 4);

      g_assert_no_error (error);
      index = ref_add_statement (ref, id, node_id (speaker), time);
      g_assert_cmpuint (index, ==, statements->len);
      g_ptr_array_add (statements, g_object_ref (statement));

      for (guint k = 0; k < n_stances; k++)
        {
          guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (builtin_kinds) + G_N_ELEMENTS (declared_kinds));
          const char *kind = which < G_N_ELEMENTS (builtin_kinds) ? builtin_kinds[which].name
                           : declared_kinds[which - G_N_ELEMENTS (builtin_kinds)].name;
          StanceNode *target = targets->pdata[g_rand_int_range (rand, 0, targets->len)];
          StanceActor *holder = NULL;
          g_autoptr(StanceEdge) edge = NULL;
          guint dice = g_rand_int_range (rand, 0, 10);

          if (dice == 0)
            holder = speaker;  /* explicit, and still an act */
          else if (dice >= 7)
            holder = actors->pdata[g_rand_int_range (rand, 0, n_actors)];

          edge = stance_statement_add_stance (statement, kind, target, holder, &error);
          g_assert_no_error (error);
          ref_add_stance (ref, index, kind, node_id (target), holder != NULL ? node_id (holder) : NULL);
          g_assert_cmpuint (ref->stances->len, ==, edges->len + 1);
          g_ptr_array_add (edges, g_object_ref (edge));
        }
    }

  /* Edits after the contradictions were asked for once, so that what the
   * graph keeps from that question must not outlive them. */
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      G_GNUC_UNUSED g_autoptr(GListModel) before = stance_graph_find_contradictions (graph);
      guint n_edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < n_edits; e++)
        {
          if (g_rand_boolean (rand))
            {
              /* Another time for a statement. */
              guint which = g_rand_int_range (rand, 0, statements->len);
              g_autofree char *time = random_time (rand);
              RefStatement *rs = &g_array_index (ref->statements, RefStatement, which);

              g_assert_true (stance_statement_set_time (statements->pdata[which], time, &error));
              g_assert_no_error (error);
              g_assert_true (ref_parse_time (time, &rs->start, &rs->end));
            }
          else
            {
              /* A stance taken back. */
              guint which = g_rand_int_range (rand, 0, edges->len);
              RefStance *rs = &g_array_index (ref->stances, RefStance, which);
              StanceEdge *edge = edges->pdata[which];

              if (rs->removed)
                continue;
              g_assert_true (stance_statement_remove_stance (stance_edge_get_statement (edge), edge, &error));
              g_assert_no_error (error);
              rs->removed = TRUE;
            }
        }
    }
}

static void
random_graph (GRand       *rand,
              StanceGraph *graph,
              RefGraph    *ref)
{
  random_graph_shaped (rand, graph, ref, NULL);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170709);
  guint iterations = running_slow () ? 300 : 10000;
  guint lib_counts[4] = { 0 }, ref_counts[4] = { 0 };
  guint failures = 0;

  for (guint i = 0; i < iterations && failures < 3; i++)
    {
      g_autoptr(StanceGraph) graph = stance_graph_new ();
      g_autoptr(RefGraph) ref = ref_graph_new ();
      g_autoptr(JsonNode) got = NULL;
      g_autoptr(JsonNode) expected = NULL;
      g_autoptr(GString) path = g_string_new (NULL);
      g_autoptr(GString) why = g_string_new (NULL);

      random_graph (rand, graph, ref);
      got = library_records (graph, lib_counts);
      expected = reference_records (ref, ref_counts);

      if (!test_json_same (got, expected, path, why))
        {
          g_autofree char *document = stance_graph_save_to_data (graph, NULL);
          g_autofree char *got_text = test_json_text (got, TRUE);
          g_autofree char *expected_text = test_json_text (expected, TRUE);

          g_test_message ("random graph %u: the library and the reference disagree %s\n"
                          "--- the graph:\n%s--- library:\n%s\n--- reference:\n%s",
                          i, why->str, document, got_text, expected_text);
          g_test_fail ();
          failures++;
          continue;
        }

      /* Every fourth graph also as a document and back: the same text, and
       * the same contradictions. */
      if (i % 4 == 0)
        {
          g_autofree char *saved = stance_graph_save_to_data (graph, NULL);
          g_autofree char *resaved = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(StanceGraph) reloaded = stance_graph_new_from_data (saved, -1, &error);
          g_autoptr(JsonNode) again = NULL;

          g_assert_no_error (error);
          resaved = stance_graph_save_to_data (reloaded, NULL);
          g_assert_cmpstr (resaved, ==, saved);
          again = library_records (reloaded, NULL);
          g_string_truncate (path, 0);
          if (!test_json_same (again, expected, path, why))
            {
              g_test_message ("random graph %u: different contradictions after a save and a load %s\n"
                              "--- the graph:\n%s", i, why->str, saved);
              g_test_fail ();
              failures++;
            }
        }
    }

  g_test_message ("%u random graphs: %u reversals, %u inconsistencies, %u conflicts, %u disputed attributions",
                  iterations, ref_counts[REVERSAL], ref_counts[INCONSISTENCY], ref_counts[CONFLICT], ref_counts[DISPUTED]);

  /* The generator must exercise every kind, or the check says little. */
  if (failures == 0)
    {
      for (guint k = 0; k < 4; k++)
        {
          g_assert_cmpuint (lib_counts[k], ==, ref_counts[k]);
          g_assert_cmpuint (ref_counts[k], >=, iterations / 20);
        }
    }
}

/* Skewed shapes against the reference: one or two targets, up to 60
 * holders, one of them taking most statements, hundreds of acts, and few
 * distinct times, so that many acts start together and pairs of holders
 * meet again and again after their first meeting. */
static void
test_random_skewed (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20200714);
  guint iterations = running_slow () ? 20 : 300;
  guint counts[4] = { 0 };

  for (guint i = 0; i < iterations; i++)
    {
      Shape shape;
      g_autoptr(StanceGraph) graph = stance_graph_new ();
      g_autoptr(RefGraph) ref = ref_graph_new ();
      g_autoptr(JsonNode) got = NULL;
      g_autoptr(JsonNode) expected = NULL;
      g_autoptr(GString) path = g_string_new (NULL);
      g_autoptr(GString) why = g_string_new (NULL);

      shape.n_actors = g_rand_int_range (rand, 2, 61);
      shape.n_claims = g_rand_int_range (rand, 1, 3);
      shape.n_statements = g_rand_int_range (rand, 20, 400);
      shape.n_times = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 6);
      shape.hot_speaker = g_rand_int_range (rand, 0, 4) * 20;

      random_graph_shaped (rand, graph, ref, &shape);
      got = library_records (graph, counts);
      expected = reference_records (ref, NULL);
      if (!test_json_same (got, expected, path, why))
        {
          g_autofree char *document = stance_graph_save_to_data (graph, NULL);

          g_test_message ("skewed graph %u: the library and the reference disagree %s\n--- the graph:\n%s",
                          i, why->str, document);
          g_test_fail ();
          return;
        }
    }

  g_test_message ("%u skewed graphs: %u reversals, %u inconsistencies, %u conflicts, %u disputed attributions",
                  iterations, counts[REVERSAL], counts[INCONSISTENCY], counts[CONFLICT], counts[DISPUTED]);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (counts[k], >=, iterations);
}

/* ------------------------------------------------------------------------ */
/* Edits after a question, and results that outlive their graph             */

/* "kind holder[/other] target first second" for each, joined by "; ". */
static char *
summarize (GListModel *found)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
      StanceActor *other = stance_contradiction_get_kind (c) == STANCE_CONTRADICTION_KIND_CONFLICT
                         ? stance_contradiction_get_other_holder (c) : stance_contradiction_get_attributed_by (c);

      g_string_append_printf (out, "%s%s %s%s%s %s %s %s", i > 0 ? "; " : "",
                              stance_contradiction_kind_to_string (stance_contradiction_get_kind (c)),
                              node_id (stance_contradiction_get_holder (c)), other != NULL ? "/" : "",
                              other != NULL ? node_id (other) : "", node_id (stance_contradiction_get_target (c)),
                              node_id (statements->pdata[0]), node_id (statements->pdata[1]));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_found (StanceGraph *graph,
              const char  *expected)
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  g_autofree char *got = summarize (found);

  g_assert_cmpstr (got, ==, expected);
}

static StanceStatement *
say (StanceGraph *graph,
     const char  *id,
     StanceActor *speaker,
     const char  *time,
     const char  *kind,
     StanceNode  *target,
     StanceActor *holder)
{
  g_autoptr(GError) error = NULL;
  StanceStatement *statement = stance_graph_add_statement (graph, id, speaker, time, &error);
  g_autoptr(StanceEdge) edge = NULL;

  g_assert_no_error (error);
  edge = stance_statement_add_stance (statement, kind, target, holder, &error);
  g_assert_no_error (error);
  return statement;
}

static void
test_api_edits (void)
{
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceActor) a = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, &error);
  g_autoptr(StanceActor) b = stance_graph_add_actor (graph, "b", "B", STANCE_ACTOR_KIND_PERSON, &error);
  g_autoptr(StanceClaim) c = stance_graph_add_claim (graph, "c", "C", &error);
  g_autoptr(StanceStatement) s1 = say (graph, "s1", a, "2017-07-01", "proposes", STANCE_NODE (c), NULL);
  g_autoptr(StanceStatement) s2 = say (graph, "s2", a, "2017-07-02", "opposes", STANCE_NODE (c), NULL);
  g_autoptr(StanceStatement) s3 = NULL;
  g_autoptr(StanceStatement) p1 = NULL;
  g_autoptr(GListModel) first = stance_graph_find_contradictions (graph);
  g_autoptr(GPtrArray) stances = NULL;
  g_autofree char *first_text = summarize (first);

  g_assert_no_error (error);
  g_assert_cmpstr (first_text, ==, "reversal a c s1 s2");

  /* A new statement: a new answer, the old one as it was. */
  s3 = say (graph, "s3", a, "2017-07-03", "proposes", STANCE_NODE (c), NULL);
  assert_found (graph, "reversal a c s1 s2; reversal a c s2 s3");
  g_free (first_text);
  first_text = summarize (first);
  g_assert_cmpstr (first_text, ==, "reversal a c s1 s2");

  /* A new time changes the order of the acts. */
  g_assert_true (stance_statement_set_time (s1, "2017-07-04", &error));
  g_assert_no_error (error);
  assert_found (graph, "reversal a c s2 s3");

  /* A month overlaps the days: s1 comes first and meets s2. */
  g_assert_true (stance_statement_set_time (s1, "2017-07", &error));
  g_assert_no_error (error);
  assert_found (graph, "reversal a c s2 s3; inconsistency a c s1 s2");

  /* An attribution that a's own later act disputes, and a conflict. */
  p1 = say (graph, "p1", b, "2017-06-30", "endorses", STANCE_NODE (c), a);
  assert_found (graph, "reversal a c s2 s3; inconsistency a c s1 s2; disputed-attribution a/b c p1 s2");
  g_clear_object (&p1);
  p1 = say (graph, "p2", b, "2017-07-02T12:00Z", "rejects", STANCE_NODE (c), NULL);
  /* s1 holds only until s2 starts, before p2: the conflict is with s3. */
  assert_found (graph, "reversal a c s2 s3; inconsistency a c s1 s2; conflict a/b c s3 p2; "
                       "disputed-attribution a/b c p1 s2");

  /* A stance taken back is part of nothing any more. */
  stances = stance_statement_dup_stances (s2);
  g_assert_cmpuint (stances->len, ==, 1);
  g_assert_true (stance_statement_remove_stance (s2, stances->pdata[0], &error));
  g_assert_no_error (error);
  /* Now s1 holds until s3 starts, and meets p2 first. */
  assert_found (graph, "conflict a/b c s1 p2");

  g_free (first_text);
  first_text = summarize (first);
  g_assert_cmpstr (first_text, ==, "reversal a c s1 s2");
}

/* The contradictions keep what they need when the graph is gone. */
static void
test_api_outlives_graph (void)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceActor) a = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, &error);
  g_autoptr(StanceClaim) c = stance_graph_add_claim (graph, "c", "C", &error);
  g_autoptr(StanceStatement) s1 = say (graph, "s1", a, "2017-07-09", "proposes", STANCE_NODE (c), NULL);
  g_autoptr(StanceStatement) s2 = say (graph, "s2", a, "2017-07-10", "retracts", STANCE_NODE (c), NULL);
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autoptr(StanceContradiction) reversal = NULL;

  g_assert_no_error (error);
  g_clear_object (&s1);
  g_clear_object (&s2);
  g_clear_object (&a);
  g_clear_object (&c);
  g_object_unref (graph);

  text = summarize (found);
  g_assert_cmpstr (text, ==, "reversal a c s1 s2");
  reversal = g_list_model_get_item (found, 0);
  line = stance_contradiction_describe (reversal);
  g_assert_nonnull (strstr (line, "s1"));
  g_assert_nonnull (strstr (line, "s2"));
}

/* ------------------------------------------------------------------------ */
/* Scale: 100,000 statements whose contradictions are known by construction */

static void
test_scale (void)
{
  /* For each claim c####: p#### and q#### each speak on 50 consecutive
   * days.  p alternates proposes / opposes (even / odd days), q opposes /
   * supports: 49 reversals each.  On day 0 p is positive and q negative:
   * one conflict.  q's day-0 statement also says that p opposes: p's
   * day-0 proposes does not precede it, one disputed attribution. */
  const guint n_claims = 1000;
  const guint days = 50;
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(GPtrArray) ps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint k = 0; k < n_claims; k++)
    {
      g_autofree char *p = g_strdup_printf ("p%04u", k);
      g_autofree char *q = g_strdup_printf ("q%04u", k);
      g_autofree char *c = g_strdup_printf ("c%04u", k);

      g_ptr_array_add (ps, stance_graph_add_actor (graph, p, p, STANCE_ACTOR_KIND_PERSON, &error));
      g_assert_no_error (error);
      g_ptr_array_add (qs, stance_graph_add_actor (graph, q, q, STANCE_ACTOR_KIND_ORGANIZATION, &error));
      g_assert_no_error (error);
      g_ptr_array_add (claims, stance_graph_add_claim (graph, c, c, &error));
      g_assert_no_error (error);
    }

  /* Day by day, so that the graph's order is not the act order. */
  for (guint d = 0; d < days; d++)
    {
      g_autofree char *time = d < 31 ? g_strdup_printf ("2000-01-%02u", d + 1) : g_strdup_printf ("2000-02-%02u", d - 30);

      for (guint k = 0; k < n_claims; k++)
        {
          g_autofree char *pid = g_strdup_printf ("p%04u-%02u", k, d);
          g_autofree char *qid = g_strdup_printf ("q%04u-%02u", k, d);
          g_autoptr(StanceStatement) ps_ = stance_graph_add_statement (graph, pid, ps->pdata[k], time, &error);
          g_autoptr(StanceStatement) qs_ = NULL;
          g_autoptr(StanceEdge) e1 = NULL;
          g_autoptr(StanceEdge) e2 = NULL;

          g_assert_no_error (error);
          qs_ = stance_graph_add_statement (graph, qid, qs->pdata[k], time, &error);
          g_assert_no_error (error);
          e1 = stance_statement_add_stance (ps_, d % 2 == 0 ? "proposes" : "opposes", claims->pdata[k], NULL, &error);
          g_assert_no_error (error);
          e2 = stance_statement_add_stance (qs_, d % 2 == 0 ? "opposes" : "supports", claims->pdata[k], NULL, &error);
          g_assert_no_error (error);
          if (d == 0)
            {
              G_GNUC_UNUSED g_autoptr(StanceEdge) e3 = stance_statement_add_stance (qs_, "opposes", claims->pdata[k], ps->pdata[k], &error);

              g_assert_no_error (error);
            }
        }
    }

  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, 2 * days * n_claims);
  g_assert_cmpuint (stance_graph_get_n_stances (graph), ==, 2 * days * n_claims + n_claims);

  found = stance_graph_find_contradictions (graph);
  n = g_list_model_get_n_items (found);
  g_assert_cmpuint (n, ==, n_claims * (2 * (days - 1) + 2));

  /* Every record, in the sorted order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);
      guint reversals = n_claims * 2 * (days - 1);
      g_autofree char *target = NULL;
      g_autofree char *holder = NULL;
      g_autofree char *other = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      StanceContradictionKind kind;
      StanceActor *other_actor;
      guint k;

      if (i < reversals)
        {
          guint within = i % (2 * (days - 1));
          char who = within < days - 1 ? 'p' : 'q';
          guint d = within % (days - 1);

          k = i / (2 * (days - 1));
          kind = STANCE_CONTRADICTION_KIND_REVERSAL;
          holder = g_strdup_printf ("%c%04u", who, k);
          first = g_strdup_printf ("%c%04u-%02u", who, k, d);
          second = g_strdup_printf ("%c%04u-%02u", who, k, d + 1);
        }
      else if (i < reversals + n_claims)
        {
          k = i - reversals;
          kind = STANCE_CONTRADICTION_KIND_CONFLICT;
          holder = g_strdup_printf ("p%04u", k);
          other = g_strdup_printf ("q%04u", k);
          first = g_strdup_printf ("p%04u-00", k);
          second = g_strdup_printf ("q%04u-00", k);
        }
      else
        {
          k = i - reversals - n_claims;
          kind = STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION;
          holder = g_strdup_printf ("p%04u", k);
          other = g_strdup_printf ("q%04u", k);
          first = g_strdup_printf ("q%04u-00", k);
          second = g_strdup_printf ("p%04u-00", k);
        }
      target = g_strdup_printf ("c%04u", k);

      other_actor = kind == STANCE_CONTRADICTION_KIND_CONFLICT ? stance_contradiction_get_other_holder (c)
                  : stance_contradiction_get_attributed_by (c);
      if (stance_contradiction_get_kind (c) != kind ||
          strcmp (node_id (stance_contradiction_get_target (c)), target) != 0 ||
          strcmp (node_id (stance_contradiction_get_holder (c)), holder) != 0 ||
          g_strcmp0 (other_actor != NULL ? node_id (other_actor) : NULL, other) != 0 ||
          strcmp (node_id (statements->pdata[0]), first) != 0 ||
          strcmp (node_id (statements->pdata[1]), second) != 0)
        {
          g_autofree char *text = stance_contradiction_describe (c);

          g_test_message ("record %u: expected %s %s %s %s [%s, %s], got %s", i, record_kind_names[kind], target,
                          holder, other != NULL ? other : "", first, second, text);
          g_test_fail ();
          break;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Real data                                                                */

static char *
shared_data_file (const char *dir,
                  const char *file)
{
  const char *root = g_getenv ("STANCE_SHARED_DATA");
  char *path;

  if (root == NULL)
    {
      g_test_skip ("STANCE_SHARED_DATA is not set: no real data to test with");
      return NULL;
    }
  path = g_build_filename (root, dir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf ("%s is absent: skipping this real-data test", path);

      g_test_skip (message);
      g_free (path);
      return NULL;
    }

  return path;
}

/* Library, reference, and a save and reload that changes nothing. */
static void
check_real_graph (const char  *what,
                  StanceGraph *graph,
                  RefGraph    *ref)
{
  guint lib_counts[4] = { 0 }, ref_counts[4] = { 0 }, again_counts[4] = { 0 };
  g_autoptr(JsonNode) got = library_records (graph, lib_counts);
  g_autoptr(JsonNode) expected = reference_records (ref, ref_counts);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(StanceGraph) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autofree char *label = g_strdup_printf ("%s: the library against the reference", what);
  gsize length;

  g_test_message ("%s: %u actors, %u claims, %u statements, %u stances; %u reversals, %u inconsistencies, "
                  "%u conflicts, %u disputed attributions", what,
                  stance_graph_get_n_actors (graph), stance_graph_get_n_claims (graph),
                  stance_graph_get_n_statements (graph), stance_graph_get_n_stances (graph),
                  lib_counts[REVERSAL], lib_counts[INCONSISTENCY], lib_counts[CONFLICT], lib_counts[DISPUTED]);
  test_json_check_same (label, got, expected);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (lib_counts[k], ==, ref_counts[k]);

  /* As a document and back: the same text and the same contradictions. */
  saved = stance_graph_save_to_data (graph, &length);
  reloaded = stance_graph_new_from_data (saved, length, &error);
  g_assert_no_error (error);
  resaved = stance_graph_save_to_data (reloaded, NULL);
  g_assert_true (strcmp (saved, resaved) == 0);
  again = library_records (reloaded, again_counts);
  test_json_check_same ("the contradictions after a save and a load", again, got);
}

static const char *
month_number (const char *name)
{
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  static const char * const numbers[] = { "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12" };

  for (guint i = 0; i < 12; i++)
    if (strncmp (name, months[i], 3) == 0)
      return numbers[i];
  return NULL;
}

/* "Wed Jan 07 11:06:08 +0000 2015" -> "2015-01-07T11:06:08Z" */
static char *
twitter_time (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);

  if (g_strv_length (parts) != 6 || month_number (parts[1]) == NULL || strcmp (parts[4], "+0000") != 0)
    return NULL;
  return g_strdup_printf ("%s-%s-%sT%sZ", parts[5], month_number (parts[1]), parts[2], parts[3]);
}

typedef struct
{
  char    *id;
  char    *thread;
  char    *user_id;
  char    *user;
  char    *in_reply_to;
  char    *time;
  char    *text;
  char    *lang;
  char    *label;
  gboolean source;
} Tweet;

static void
tweet_free (gpointer data)
{
  Tweet *t = data;

  g_free (t->id);
  g_free (t->thread);
  g_free (t->user_id);
  g_free (t->user);
  g_free (t->in_reply_to);
  g_free (t->time);
  g_free (t->text);
  g_free (t->lang);
  g_free (t->label);
  g_free (t);
}

static char *
dup_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? g_strdup (json_node_get_string (node)) : NULL;
}

static void
test_real_rumoureval (void)
{
  g_autofree char *path = shared_data_file ("rumoureval2017", "tweets.jsonl");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) tweets = g_ptr_array_new_with_free_func (tweet_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GHashTable) claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(RefGraph) ref = ref_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint n_reports = 0;

  if (path == NULL)
    return;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *object;
      Tweet *t;

      if (lines[i][0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      t = g_new0 (Tweet, 1);
      t->id = dup_string_member (object, "id");
      t->thread = dup_string_member (object, "thread");
      t->user_id = dup_string_member (object, "user_id");
      t->user = dup_string_member (object, "user");
      t->in_reply_to = dup_string_member (object, "in_reply_to");
      t->text = dup_string_member (object, "text");
      t->lang = dup_string_member (object, "lang");
      t->label = dup_string_member (object, "label");
      t->source = json_object_get_boolean_member (object, "source");
      {
        g_autofree char *created = dup_string_member (object, "created_at");

        t->time = twitter_time (created);
        if (t->time == NULL)
          g_error ("line %u: cannot read the time \"%s\"", i + 1, created);
      }
      g_assert_nonnull (t->id);
      g_assert_null (g_hash_table_lookup (by_id, t->id));
      g_hash_table_insert (by_id, t->id, t);
      g_ptr_array_add (tweets, t);
    }
  g_assert_cmpuint (tweets->len, >, 0);

  /* Actors and claims first, so that statements can refer to them. */
  for (guint i = 0; i < tweets->len; i++)
    {
      Tweet *t = tweets->pdata[i];
      g_autofree char *actor_id = g_strconcat ("user:", t->user_id, NULL);
      g_autofree char *claim_id = g_strconcat ("rumour:", t->thread, NULL);

      if (g_hash_table_lookup (actors, t->user_id) == NULL)
        {
          StanceActor *actor = stance_graph_add_actor (graph, actor_id, t->user, STANCE_ACTOR_KIND_OTHER, &error);

          g_assert_no_error (error);
          g_hash_table_insert (actors, t->user_id, actor);
        }
      if (g_hash_table_lookup (claims, t->thread) == NULL)
        {
          Tweet *source = g_hash_table_lookup (by_id, t->thread);
          g_autofree char *text = source != NULL ? g_strdup (source->text) : g_strdup_printf ("the rumour of thread %s", t->thread);
          StanceClaim *claim = stance_graph_add_claim (graph, claim_id, text, &error);

          g_assert_no_error (error);
          g_hash_table_insert (claims, g_strdup (t->thread), claim);
        }
    }

  for (guint i = 0; i < tweets->len; i++)
    {
      Tweet *t = tweets->pdata[i];
      g_autofree char *statement_id = g_strconcat ("tweet:", t->id, NULL);
      g_autofree char *claim_id = g_strconcat ("rumour:", t->thread, NULL);
      StanceActor *speaker = g_hash_table_lookup (actors, t->user_id);
      StanceStatement *statement = stance_graph_add_statement (graph, statement_id, speaker, t->time, &error);
      g_autoptr(StanceEdge) edge = NULL;
      const char *kind;
      guint index;

      g_assert_no_error (error);
      stance_statement_set_text (statement, t->text);
      stance_statement_set_lang (statement, t->lang);
      g_hash_table_insert (statements, t->id, statement);
      index = ref_add_statement (ref, statement_id, node_id (speaker), t->time);

      if (t->source)
        kind = "proposes";
      else if (g_strcmp0 (t->label, "support") == 0)
        kind = "supports";
      else if (g_strcmp0 (t->label, "deny") == 0)
        kind = "denies";
      else if (g_strcmp0 (t->label, "query") == 0)
        kind = "questions";
      else if (g_strcmp0 (t->label, "comment") == 0)
        kind = "comments";
      else
        g_error ("tweet %s: unknown label \"%s\"", t->id, t->label);

      edge = stance_statement_add_stance (statement, kind, g_hash_table_lookup (claims, t->thread), NULL, &error);
      g_assert_no_error (error);
      ref_add_stance (ref, index, kind, claim_id, NULL);
    }

  /* Replies report the tweet they answer, when it is in the data. */
  for (guint i = 0; i < tweets->len; i++)
    {
      Tweet *t = tweets->pdata[i];
      StanceStatement *reported = t->in_reply_to != NULL ? g_hash_table_lookup (statements, t->in_reply_to) : NULL;

      if (reported == NULL)
        continue;
      stance_statement_set_reports (g_hash_table_lookup (statements, t->id), reported, &error);
      g_assert_no_error (error);
      n_reports++;
    }

  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, tweets->len);
  g_assert_cmpuint (stance_graph_get_n_claims (graph), ==, g_hash_table_size (claims));
  g_assert_cmpuint (stance_graph_get_n_actors (graph), ==, g_hash_table_size (actors));
  g_test_message ("rumoureval2017: %u tweets, %u threads, %u users, %u replies reporting a tweet in the data",
                  tweets->len, g_hash_table_size (claims), g_hash_table_size (actors), n_reports);

  check_real_graph ("rumoureval2017", graph, ref);
}

/* One CSV record (RFC 4180: quotes, doubled quotes), from *p on. */
static GStrv
csv_record (const char **p)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);

  for (;;)
    {
      gboolean quoted = **p == '"';

      g_string_truncate (field, 0);
      if (quoted)
        {
          (*p)++;
          while (**p != '\0' && !(**p == '"' && (*p)[1] != '"'))
            {
              if (**p == '"')
                (*p)++;
              g_string_append_c (field, *(*p)++);
            }
          if (**p == '"')
            (*p)++;
        }
      while (**p != '\0' && **p != ',' && **p != '\n' && **p != '\r')
        g_string_append_c (field, *(*p)++);
      g_strv_builder_add (fields, field->str);

      if (**p == ',')
        {
          (*p)++;
          continue;
        }
      if (**p == '\r')
        (*p)++;
      if (**p == '\n')
        (*p)++;
      break;
    }

  return g_strv_builder_end (fields);
}

static int
column_of (GStrv       header,
           const char *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  g_error ("the CSV header has no column \"%s\"", name);
}

static void
test_real_dna (void)
{
  g_autofree char *path = shared_data_file ("dna-sample", "statements.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(StanceGraph) graph = stance_graph_new ();
  g_autoptr(RefGraph) ref = ref_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  const char *p;
  int c_id, c_doc, c_date, c_org, c_concept, c_agreement, c_person;
  guint n_rows = 0;
  gboolean seen_known = FALSE;

  if (path == NULL)
    return;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  p = contents;
  header = csv_record (&p);
  c_id = column_of (header, "id");
  c_doc = column_of (header, "doc");
  c_date = column_of (header, "date");
  c_org = column_of (header, "org");
  c_person = column_of (header, "person");
  c_concept = column_of (header, "concept");
  c_agreement = column_of (header, "agreement");

  while (*p != '\0')
    {
      g_auto(GStrv) row = csv_record (&p);
      g_autofree char *actor_id = NULL;
      g_autofree char *claim_id = NULL;
      g_autofree char *statement_id = NULL;
      g_autoptr(StanceStatement) statement = NULL;
      g_autoptr(StanceEdge) edge = NULL;
      StanceActor *actor;
      StanceClaim *claim;
      const char *kind;
      guint index;

      if (g_strv_length (row) <= 1 && (row[0] == NULL || row[0][0] == '\0'))
        continue;
      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
      n_rows++;

      actor_id = g_strconcat ("org:", row[c_org], NULL);
      claim_id = g_strconcat ("concept:", row[c_concept], NULL);
      statement_id = g_strconcat ("dna:", row[c_id], NULL);

      actor = g_hash_table_lookup (actors, actor_id);
      if (actor == NULL)
        {
          actor = stance_graph_add_actor (graph, actor_id, row[c_org], STANCE_ACTOR_KIND_ORGANIZATION, &error);
          g_assert_no_error (error);
          g_hash_table_insert (actors, g_strdup (actor_id), actor);
        }
      claim = g_hash_table_lookup (claims, claim_id);
      if (claim == NULL)
        {
          claim = stance_graph_add_claim (graph, claim_id, row[c_concept], &error);
          g_assert_no_error (error);
          g_hash_table_insert (claims, g_strdup (claim_id), claim);
        }

      statement = stance_graph_add_statement (graph, statement_id, actor, row[c_date], &error);
      g_assert_no_error (error);
      {
        /* Who spoke, and in which document of the data set. */
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) meta = NULL;

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "person");
        json_builder_add_string_value (builder, row[c_person]);
        json_builder_set_member_name (builder, "doc");
        json_builder_add_string_value (builder, row[c_doc]);
        json_builder_end_object (builder);
        meta = json_builder_get_root (builder);
        stance_node_set_meta (STANCE_NODE (statement), meta, &error);
        g_assert_no_error (error);
      }
      index = ref_add_statement (ref, statement_id, actor_id, row[c_date]);

      if (strcmp (row[c_agreement], "1") == 0)
        kind = "supports";
      else if (strcmp (row[c_agreement], "0") == 0)
        kind = "opposes";
      else
        g_error ("row %s: agreement \"%s\"", row[c_id], row[c_agreement]);
      edge = stance_statement_add_stance (statement, kind, STANCE_NODE (claim), NULL, &error);
      g_assert_no_error (error);
      ref_add_stance (ref, index, kind, claim_id, NULL);
    }

  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (stance_graph_get_n_statements (graph), ==, n_rows);
  check_real_graph ("dna-sample", graph, ref);

  /* Rows 3 and 4 of the sample: one organisation, one day, one concept,
   * agreement 0 then 1 — an inconsistency, in document order. */
  found = stance_graph_find_contradictions (graph);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) statements = stance_contradiction_get_statements (c);

      if (stance_contradiction_get_kind (c) == STANCE_CONTRADICTION_KIND_INCONSISTENCY &&
          strcmp (node_id (statements->pdata[0]), "dna:3") == 0)
        {
          g_assert_cmpstr (node_id (statements->pdata[1]), ==, "dna:4");
          g_assert_cmpstr (node_id (stance_contradiction_get_holder (c)), ==,
                           "org:Energy and Environmental Analysis, Inc.");
          seen_known = TRUE;
        }
    }
  g_assert_true (seen_known);
}

/* ------------------------------------------------------------------------ */

static void
free_string (gpointer data)
{
  g_free (data);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *story = NULL;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "data", "contradictions", NULL);
  files = list_vectors (dir);
  g_ptr_array_sort (files, compare_strings);

  g_test_add_func ("/contradictions/vectors-present", test_vectors_present);

  story = story_path ();
  if (story != NULL)
    {
      g_test_add_data_func_full ("/contradictions/vector/story-cyber-2017-2020", g_strdup (story), test_vector, free_string);
      g_test_add_data_func_full ("/contradictions/reference/story-cyber-2017-2020", g_strdup (story),
                                 test_vector_reference, free_string);
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *name = files->pdata[i];
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".json"));
      g_autofree char *vector_path = g_strconcat ("/contradictions/vector/", stem, NULL);
      g_autofree char *reference_path = g_strconcat ("/contradictions/reference/", stem, NULL);

      g_test_add_data_func_full (vector_path, g_build_filename (dir, name, NULL), test_vector, free_string);
      g_test_add_data_func_full (reference_path, g_build_filename (dir, name, NULL), test_vector_reference, free_string);
    }

  g_test_add_func ("/contradictions/tool/invalid", test_tool_invalid);
  g_test_add_func ("/contradictions/tool/usage", test_tool_usage);
  g_test_add_func ("/contradictions/random", test_random);
  g_test_add_func ("/contradictions/random-skewed", test_random_skewed);
  g_test_add_func ("/contradictions/api/edits", test_api_edits);
  g_test_add_func ("/contradictions/api/outlives-graph", test_api_outlives_graph);
  g_test_add_func ("/contradictions/scale", test_scale);
  g_test_add_func ("/contradictions/real/rumoureval2017", test_real_rumoureval);
  g_test_add_func ("/contradictions/real/dna-sample", test_real_dna);

  return g_test_run ();
}
