/* graph-test-helpers.h: what the test-graph-*.c files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The C API tests of StanceGraph are split by topic (test-graph-build.c,
 * -errors, -misuse, -identity, -properties, -signals, -queries,
 * -contradictions, -documents); these helpers are common to them: a
 * graph's observable state, notify counting, object lifetimes, and the
 * small cyber-unit story most tests build on.
 */

#pragma once

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <libstance/stance.h>

G_BEGIN_DECLS

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

/* Counts notify emissions of one property. */
typedef struct
{
  guint n;
} NotifyCount;

/* A flag that a weak reference clears when its object is finalized. */
typedef struct
{
  gboolean alive;
} Life;

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

void graph_state_take (GraphState *state, StanceGraph *graph);
void graph_state_assert_same (GraphState *state, StanceGraph *graph);
void graph_state_clear (GraphState *state);
void count_notify (GObject *object, GParamSpec *pspec, gpointer user_data);
gulong watch (gpointer object, const char *property, NotifyCount *count);
void life_ended (gpointer data, GObject *where_the_object_was);
void life_watch (Life *life, gpointer object);
const char * node_id (gpointer node);
const char * statement_id_of (StanceEdge *edge);
void story_build (Story *story);
void story_clear (Story *story);
void log_notify (GObject *object, GParamSpec *pspec, gpointer user_data);
/* Records every notify of an object, as "name;" per emission. */
GString * notify_log_new (gpointer object);
void notify_log_free (gpointer object, GString *log);
void add_one (StanceGraph *graph, const char *id, StanceActor *speaker, const char *time, const char *kinds, /* space-separated */ StanceNode *target, StanceActor *holder);
void log_items_changed (GListModel *model, guint position, guint removed, guint added, gpointer user_data);

/* Asserts what a notify log recorded since the last check, and clears it. */
#define ASSERT_LOG(log, expected)                       \
  G_STMT_START {                                        \
    g_assert_cmpstr ((log)->str, ==, (expected));       \
    g_string_truncate ((log), 0);                       \
  } G_STMT_END

/* Records node-added and stance-added, checking what each announces. */
typedef struct
{
  GPtrArray *nodes;    /* StanceNode, as announced */
  GPtrArray *stances;  /* StanceEdge, as announced */
} Announcements;
void on_node_added (StanceGraph *graph, StanceNode *node, gpointer user_data);
void on_stance_added (StanceGraph *graph, StanceEdge *edge, gpointer user_data);
void announcements_init (Announcements *seen, StanceGraph *graph);
void announcements_clear (Announcements *seen, StanceGraph *graph);

/* Asserts a node model's item type and ids ("id,id,…"), and its bounds. */
void assert_model_ids (GListModel *model, GType type, const char *expected);

/* The stance in force as "statement:kind", "" for none. */
char * stance_at (StanceGraph *graph, gpointer holder, gpointer target, const char *time);
#define ASSERT_STANCE_AT(graph, holder, target, time, expected)         \
  G_STMT_START {                                                        \
    g_autofree char *at_ = stance_at ((graph), (holder), (target), (time)); \
    g_assert_cmpstr (at_, ==, (expected));                              \
  } G_STMT_END

G_END_DECLS
