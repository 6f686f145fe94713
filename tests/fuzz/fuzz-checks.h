/* fuzz-checks.h: what must hold for any input, shared by the fuzz harnesses
 * and tests/test-regressions.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each check takes arbitrary bytes (read in place: the caller puts them where
 * a read past the end is caught -- libFuzzer's exact-size heap copy, or the
 * guard page of test-regressions.c) and returns whether the library
 * accepted or refused them.  Anything that breaks the contract -- an error
 * outside STANCE_ERROR or not valid UTF-8, a save that does not load again
 * or does not reproduce itself, contradictions that change across a save, a
 * refused merge that leaves something behind, a live contradiction model
 * that falls behind the graph, an object that outlives its last reference
 * -- aborts with a message on standard error, which the fuzzer
 * reports as a crash and a test as a failure.
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "stance-document-private.h"
#include "stance-error.h"
#include "stance-graph.h"
#include "stance-time-private.h"

typedef enum {
  FUZZ_REFUSED,
  FUZZ_ACCEPTED,
} FuzzVerdict;

static void fuzz_fail (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz check failed: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  fflush (stderr);
  abort ();
}

/* A refusal must be a STANCE_ERROR (or, for @other_domain, that domain)
 * with a readable message. */
static void
fuzz_check_error (const GError *error,
                  const char   *what,
                  GQuark        other_domain)
{
  if (error == NULL)
    fuzz_fail ("%s failed without setting an error", what);
  if (error->domain != STANCE_ERROR && (other_domain == 0 || error->domain != other_domain))
    fuzz_fail ("%s: error in domain %s, not stance-error-quark: %s",
               what, g_quark_to_string (error->domain), error->message);
  if (error->message == NULL || error->message[0] == '\0')
    fuzz_fail ("%s: empty error message", what);
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("%s: error message is not valid UTF-8", what);
}

/* ------------------------------------------------------------------------ */
/* Times                                                                    */

G_GNUC_UNUSED static FuzzVerdict
fuzz_check_time (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  const char *copy = size > 0 ? (const char *) data : "";
  char text[STANCE_TIME_FORMAT_SIZE];
  char text_again[STANCE_TIME_FORMAT_SIZE];
  StanceTime time, again, quiet;
  gsize len, len_again;

  memset (&time, 0x5a, sizeof time);
  memset (&quiet, 0x5a, sizeof quiet);

  if (!_stance_time_parse (&time, copy, size, &error))
    {
      fuzz_check_error (error, "_stance_time_parse", 0);
      if (error->code != STANCE_ERROR_INVALID_TIME)
        fuzz_fail ("a malformed time gave error code %d, not INVALID_TIME: %s", error->code, error->message);
      if (!g_str_has_prefix (error->message, "malformed time \""))
        fuzz_fail ("a time error does not quote the text: %s", error->message);
      if (_stance_time_parse (&quiet, copy, size, NULL))
        fuzz_fail ("a time fails with an error location and parses without one");
      return FUZZ_REFUSED;
    }
  g_assert_no_error (error);

  if (!_stance_time_parse (&quiet, copy, size, NULL) || !stance_time_equal (&time, &quiet))
    fuzz_fail ("a time parses differently without an error location");
  if (time.start >= time.end)
    fuzz_fail ("a time's period is empty: [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", time.start, time.end);
  if (time.precision > STANCE_TIME_PRECISION_SECOND || time.zone > STANCE_TIME_ZONE_MINUS)
    fuzz_fail ("a time has precision %u, zone %u", time.precision, time.zone);

  memset (text, 'X', sizeof text);
  len = _stance_time_format (&time, text);
  if (len >= STANCE_TIME_FORMAT_SIZE || strlen (text) != len)
    fuzz_fail ("a time formats to %" G_GSIZE_FORMAT " bytes, not a string of that length", len);

  if (!_stance_time_parse (&again, text, len, &error))
    fuzz_fail ("a time formats to \"%s\", which does not parse: %s", text, error->message);
  if (_stance_time_cmp (&time, &again) != 0 || !stance_time_equal (&time, &again))
    fuzz_fail ("a time formats to \"%s\", which parses to another time", text);

  memset (text_again, 'X', sizeof text_again);
  len_again = _stance_time_format (&again, text_again);
  if (len_again != len || memcmp (text, text_again, len) != 0)
    fuzz_fail ("a time formats to \"%s\", then to \"%s\"", text, text_again);

  /* Without a fraction the text is already canonical. */
  if (memchr (copy, '.', size) == NULL && (size != len || memcmp (copy, text, len) != 0))
    fuzz_fail ("a time without a fraction formats to \"%s\", not to itself", text);

  if (!stance_time_overlaps (&time, &time) || stance_time_precedes (&time, &time))
    fuzz_fail ("a time \"%s\" does not overlap itself", text);

  date_time = stance_time_to_date_time (&time);
  if (date_time == NULL)
    fuzz_fail ("a time \"%s\" has no GDateTime", text);

  return FUZZ_ACCEPTED;
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

/* The graph into which every accepted document is merged as well. */
static const char fuzz_base_document[] =
  "{\n"
  "  \"stance\": 1,\n"
  "  \"kinds\": [ { \"name\": \"praises\", \"polarity\": \"positive\" } ],\n"
  "  \"actors\": [ { \"id\": \"zz-base-a\", \"name\": \"A\", \"kind\": \"person\" },\n"
  "              { \"id\": \"zz-base-b\", \"name\": \"B\", \"member_of\": [\"zz-base-a\"] } ],\n"
  "  \"claims\": [ { \"id\": \"zz-base-c\", \"text\": \"C\", \"lang\": \"en\" } ],\n"
  "  \"statements\": [\n"
  "    { \"id\": \"zz-base-1\", \"speaker\": \"zz-base-a\", \"time\": \"2017-07-09\",\n"
  "      \"stances\": [ { \"kind\": \"praises\", \"target\": \"zz-base-c\" } ] },\n"
  "    { \"id\": \"zz-base-2\", \"speaker\": \"zz-base-b\", \"time\": \"2017-07\",\n"
  "      \"stances\": [ { \"kind\": \"opposes\", \"target\": \"zz-base-c\" },\n"
  "                   { \"kind\": \"endorses\", \"target\": \"zz-base-c\", \"holder\": \"zz-base-a\" } ] }\n"
  "  ]\n"
  "}\n";

/* Every contradiction of @found described, in the list's order. */
static GPtrArray *
fuzz_describe_list (GListModel *found)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (found);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StanceContradiction) c = g_list_model_get_item (found, i);
      g_autoptr(GPtrArray) statements = NULL;

      if (c == NULL)
        fuzz_fail ("contradiction %u of %u is NULL", i, n);
      statements = stance_contradiction_get_statements (c);
      if (statements == NULL || statements->len != 2)
        fuzz_fail ("contradiction %u does not have two statements", i);
      g_ptr_array_add (lines, stance_contradiction_describe (c));
    }
  if (g_list_model_get_item (found, n) != NULL)
    fuzz_fail ("a contradiction list has an item past its end");

  return lines;
}

static GPtrArray *
fuzz_describe_contradictions (StanceGraph *graph)
{
  g_autoptr(GListModel) found = stance_graph_find_contradictions (graph);

  return fuzz_describe_list (found);
}

/* The live model (stance_graph_get_contradictions) must list what
 * stance_graph_find_contradictions finds now. */
static void
fuzz_live_is_current (StanceGraph *graph,
                      GListModel  *live,
                      const char  *what)
{
  g_autoptr(GPtrArray) found = fuzz_describe_contradictions (graph);
  g_autoptr(GPtrArray) kept = fuzz_describe_list (live);

  if (found->len != kept->len)
    fuzz_fail ("%s: the live model has %u contradictions, the graph %u", what, kept->len, found->len);
  for (guint i = 0; i < found->len; i++)
    if (strcmp (found->pdata[i], kept->pdata[i]) != 0)
      fuzz_fail ("%s: live contradiction %u is\n  %s\nnot\n  %s", what, i,
                 (char *) kept->pdata[i], (char *) found->pdata[i]);
}

static void
fuzz_same_contradictions (StanceGraph *a,
                          StanceGraph *b,
                          const char  *what)
{
  g_autoptr(GPtrArray) la = fuzz_describe_contradictions (a);
  g_autoptr(GPtrArray) lb = fuzz_describe_contradictions (b);

  if (la->len != lb->len)
    fuzz_fail ("%s: %u contradictions before, %u after", what, la->len, lb->len);
  for (guint i = 0; i < la->len; i++)
    if (strcmp (la->pdata[i], lb->pdata[i]) != 0)
      fuzz_fail ("%s: contradiction %u was\n  %s\nand is\n  %s", what, i,
                 (char *) la->pdata[i], (char *) lb->pdata[i]);
}

/* Saves @graph, loads the save and saves that: the two saves must be the
 * same bytes and the two graphs must have the same contradictions.
 * Returns the first save. */
static char *
fuzz_round_trip (StanceGraph *graph,
                 gsize       *length,
                 const char  *what)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *again;
  g_autofree char *saved_again = NULL;
  gsize len = 0, len_again = 0;
  char *saved;

  saved = stance_graph_save_to_data (graph, &len);
  if (saved == NULL || strlen (saved) != len)
    fuzz_fail ("%s: the save is not a string of its length", what);
  if (!g_utf8_validate (saved, len, NULL))
    fuzz_fail ("%s: the save is not valid UTF-8", what);

  again = stance_graph_new_from_data (saved, len, &error);
  if (again == NULL)
    fuzz_fail ("%s: the save does not load: %s\n--- save:\n%s", what, error->message, saved);

  saved_again = stance_graph_save_to_data (again, &len_again);
  if (len != len_again || memcmp (saved, saved_again, len) != 0)
    fuzz_fail ("%s: a load and a save change the document\n--- first save:\n%s\n--- second save:\n%s",
               what, saved, saved_again);

  if (stance_graph_get_n_actors (graph) != stance_graph_get_n_actors (again) ||
      stance_graph_get_n_claims (graph) != stance_graph_get_n_claims (again) ||
      stance_graph_get_n_statements (graph) != stance_graph_get_n_statements (again) ||
      stance_graph_get_n_stances (graph) != stance_graph_get_n_stances (again))
    fuzz_fail ("%s: the save has other numbers of nodes or stances", what);

  fuzz_same_contradictions (graph, again, what);
  g_assert_finalize_object (again);

  *length = len;
  return saved;
}

/* Merges the document @saved (a save, so valid on its own) into a graph that
 * holds fuzz_base_document: refused whole, or merged into a graph that
 * round-trips in its turn. */
static void
fuzz_check_merge (const char *saved,
                  gsize       length,
                  guint       n_statements)
{
  g_autoptr(GError) error = NULL;
  StanceGraph *base = stance_graph_new_from_data (fuzz_base_document, -1, &error);
  GListModel *live = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before = 0, len_after = 0;
  guint base_statements;

  g_assert_no_error (error);
  before = stance_graph_save_to_data (base, &len_before);
  base_statements = stance_graph_get_n_statements (base);
  /* Kept current through the merge, stance by stance. */
  live = stance_graph_get_contradictions (base);

  if (!stance_graph_load_from_data (base, saved, length, &error))
    {
      fuzz_check_error (error, "merging a valid document", 0);
      after = stance_graph_save_to_data (base, &len_after);
      if (len_before != len_after || memcmp (before, after, len_before) != 0)
        fuzz_fail ("a refused merge (%s) changed the graph\n--- before:\n%s\n--- after:\n%s",
                   error->message, before, after);
    }
  else
    {
      if (stance_graph_get_n_statements (base) != base_statements + n_statements)
        fuzz_fail ("a merge added %u statements, not %u",
                   stance_graph_get_n_statements (base) - base_statements, n_statements);
      after = fuzz_round_trip (base, &len_after, "the merged graph");
    }

  fuzz_live_is_current (base, live, "after a merge");
  g_clear_object (&live);
  g_assert_finalize_object (base);
}

/* The statements array read with the store's work in a second thread
 * (stance-document-ahead.c) must give what one thread gives: the same
 * document, or the same error. */
static void
fuzz_check_read_ahead (const char *data,
                       gsize       size)
{
  g_autoptr(GError) serial_error = NULL;
  g_autoptr(GError) ahead_error = NULL;
  StanceStore *serial = _stance_document_read_with (data, size, STANCE_DOCUMENT_READ_SERIAL, &serial_error);
  StanceStore *ahead = _stance_document_read_with (data, size, STANCE_DOCUMENT_READ_AHEAD, &ahead_error);

  if ((serial == NULL) != (ahead == NULL))
    fuzz_fail ("read in one thread: %s; with the store's thread: %s",
               serial != NULL ? "accepted" : serial_error->message,
               ahead != NULL ? "accepted" : ahead_error->message);
  if (serial == NULL)
    {
      if (serial_error->domain != ahead_error->domain || serial_error->code != ahead_error->code ||
          strcmp (serial_error->message, ahead_error->message) != 0)
        fuzz_fail ("read in one thread: %s; with the store's thread: %s",
                   serial_error->message, ahead_error->message);
      return;
    }

  {
    gsize serial_len = 0, ahead_len = 0;
    g_autofree char *serial_doc = _stance_document_write (serial, &serial_len);
    g_autofree char *ahead_doc = _stance_document_write (ahead, &ahead_len);

    if (serial_len != ahead_len || memcmp (serial_doc, ahead_doc, serial_len) != 0)
      fuzz_fail ("the store's thread read another document than one thread");
  }
  _stance_store_free (serial);
  _stance_store_free (ahead);
}

G_GNUC_UNUSED static FuzzVerdict
fuzz_check_document (const guint8 *data,
                     gsize         size)
{

  g_autoptr(GError) error = NULL;
  const char *copy = size > 0 ? (const char *) data : "";
  g_autofree char *saved = NULL;
  StanceGraph *graph;
  GListModel *live = NULL;
  gsize len = 0;

  fuzz_check_read_ahead (copy, size);
  graph = stance_graph_new_from_data (copy, size, &error);
  if (graph == NULL)
    {
      fuzz_check_error (error, "stance_graph_new_from_data", 0);
      return FUZZ_REFUSED;
    }
  g_assert_no_error (error);

  saved = fuzz_round_trip (graph, &len, "the document");
  fuzz_check_merge (saved, len, stance_graph_get_n_statements (graph));

  live = stance_graph_get_contradictions (graph);
  fuzz_live_is_current (graph, live, "a loaded graph");
  g_clear_object (&live);

  g_assert_finalize_object (graph);

  return FUZZ_ACCEPTED;
}

/* ------------------------------------------------------------------------ */
/* JSON Lines documents                                                     */

static char *
fuzz_save_jsonl (StanceGraph *graph,
                 gsize       *length,
                 const char  *what)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  if (!stance_graph_save_to_jsonl_stream (graph, out, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    fuzz_fail ("%s: saving as JSON Lines to memory failed: %s", what, error->message);

  *length = g_memory_output_stream_get_data_size (memory);
  return g_strndup (g_memory_output_stream_get_data (memory), *length);
}

/* Each input is read with stance_graph_new_from_jsonl_stream().  A refusal
 * must be a STANCE_ERROR with a valid UTF-8 message that starts with its
 * line (a cycle, found after the last line, names its node instead).  An
 * accepted document is saved as JSON Lines, which must load and save to
 * the same bytes with the same JSON save, and goes through the checks of a
 * JSON document (fuzz_round_trip, the merge, the live model). */
G_GNUC_UNUSED static FuzzVerdict
fuzz_check_jsonl (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autofree char *saved = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *lines_again = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(GInputStream) in_again = NULL;
  StanceGraph *graph;
  StanceGraph *again;
  gsize len = 0, lines_len = 0, lines_again_len = 0, json_again_len = 0;

  graph = stance_graph_new_from_jsonl_stream (in, NULL, &error);
  if (graph == NULL)
    {
      fuzz_check_error (error, "stance_graph_new_from_jsonl_stream", 0);
      if (!g_str_has_prefix (error->message, "line ") && error->code != STANCE_ERROR_CYCLE)
        fuzz_fail ("a JSON Lines error does not start with its line: %s", error->message);
      return FUZZ_REFUSED;
    }

  saved = fuzz_round_trip (graph, &len, "the JSON Lines document");

  lines = fuzz_save_jsonl (graph, &lines_len, "the JSON Lines document");
  in_again = g_memory_input_stream_new_from_data (lines, lines_len, NULL);
  again = stance_graph_new_from_jsonl_stream (in_again, NULL, &error);
  if (again == NULL)
    fuzz_fail ("the JSON Lines save does not load: %s\n--- save:\n%s", error->message, lines);
  lines_again = fuzz_save_jsonl (again, &lines_again_len, "the reloaded JSON Lines document");
  if (lines_len != lines_again_len || memcmp (lines, lines_again, lines_len) != 0)
    fuzz_fail ("a JSON Lines load and save change the document\n--- first:\n%s\n--- second:\n%s",
               lines, lines_again);
  json_again = stance_graph_save_to_data (again, &json_again_len);
  if (len != json_again_len || memcmp (saved, json_again, len) != 0)
    fuzz_fail ("JSON → JSON Lines → JSON changes the document\n--- before:\n%s\n--- after:\n%s",
               saved, json_again);
  g_assert_finalize_object (again);

  fuzz_check_merge (saved, len, stance_graph_get_n_statements (graph));
  g_assert_finalize_object (graph);

  return FUZZ_ACCEPTED;
}
