/* command-check.c: `stance check`, the contract of SPEC §4, at any scale
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Records are written as the library finds them, in SPEC §4's order
 * (stance_graph_write_contradictions()), so that neither the text, the JSON
 * nor the JSON Lines output holds all records in memory; --count counts
 * them without making anything for them.  The filters (--kind, --target,
 * --holder, --from, --to, --shard) are one StanceContradictionFilter, so
 * that what they leave out is not even searched.
 */

#include <errno.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

/* The public headers first: the private ones include them directly. */
#include "stance-tool.h"
#include "stance-graph-private.h"

static gboolean  opt_jsonl;
static gboolean  opt_count;
static char    **opt_kinds;
static char    **opt_targets;
static char    **opt_holders;
static char     *opt_from;
static char     *opt_to;
static char     *opt_shard;

static void
reset_options (void)
{
  opt_jsonl = FALSE;
  opt_count = FALSE;
  g_clear_pointer (&opt_kinds, g_strfreev);
  g_clear_pointer (&opt_targets, g_strfreev);
  g_clear_pointer (&opt_holders, g_strfreev);
  g_clear_pointer (&opt_from, g_free);
  g_clear_pointer (&opt_to, g_free);
  g_clear_pointer (&opt_shard, g_free);
}

static const GOptionEntry check_entries[] = {
  { "jsonl", 0, 0, G_OPTION_ARG_NONE, &opt_jsonl, "Print one JSON record per line (JSON Lines)", NULL },
  { "count", 'c', 0, G_OPTION_ARG_NONE, &opt_count, "Print how many contradictions of each kind, not the records", NULL },
  { "kind", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &opt_kinds, "Only contradictions of this kind (repeatable)", "KIND" },
  { "target", 't', 0, G_OPTION_ARG_STRING_ARRAY, &opt_targets, "Only contradictions on this target (repeatable)", "ID" },
  { "holder", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &opt_holders, "Only contradictions of this holder (repeatable)", "ID" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, "Only contradictions that arise at or after the start of TIME", "TIME" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, "Only contradictions that arise before the end of TIME", "TIME" },
  { "shard", 0, 0, G_OPTION_ARG_STRING, &opt_shard, "Only the targets of shard K of N (K from 0 to N-1)", "K/N" },
  { NULL }
};

static gboolean
parse_kind (const char              *name,
            StanceContradictionKind *kind)
{
  for (guint k = 0; k <= STANCE_CONTRADICTION_KIND_DISPUTED_ATTRIBUTION; k++)
    {
      if (g_strcmp0 (name, stance_contradiction_kind_to_string (k)) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }
  return FALSE;
}

/* "K/N" with 0 <= K < N, in decimal. */
static gboolean
parse_shard (const char *text,
             guint      *shard,
             guint      *n_shards)
{
  guint64 k, n;
  const char *slash = strchr (text, '/');
  g_autofree char *left = NULL;

  if (slash == NULL)
    return FALSE;
  left = g_strndup (text, slash - text);
  if (!g_ascii_string_to_unsigned (left, 10, 0, G_MAXUINT, &k, NULL) ||
      !g_ascii_string_to_unsigned (slash + 1, 10, 1, G_MAXUINT, &n, NULL) ||
      k >= n)
    return FALSE;

  *shard = k;
  *n_shards = n;
  return TRUE;
}

/* The filter of the options, or NULL after an error. */
static StanceContradictionFilter *
make_filter (StanceGraph *graph,
             const char  *file,
             guint       *kinds)
{
  g_autoptr(StanceContradictionFilter) filter = stance_contradiction_filter_new ();
  g_autoptr(GError) error = NULL;

  *kinds = 0;
  for (guint i = 0; opt_kinds != NULL && opt_kinds[i] != NULL; i++)
    {
      StanceContradictionKind kind;

      if (!parse_kind (opt_kinds[i], &kind))
        {
          tool_error ("check: unknown kind \"%s\" (reversal, inconsistency, conflict or disputed-attribution)", opt_kinds[i]);
          return NULL;
        }
      stance_contradiction_filter_add_kind (filter, kind);
      *kinds |= 1u << kind;
    }
  if (*kinds == 0)
    *kinds = 0xf;

  /* A misspelt id would silently find nothing: say so instead. */
  for (guint i = 0; opt_targets != NULL && opt_targets[i] != NULL; i++)
    {
      g_autoptr(StanceNode) node = stance_graph_lookup (graph, opt_targets[i]);

      if (node == NULL)
        {
          tool_error ("%s: no node with the id \"%s\"", tool_display_name (file), opt_targets[i]);
          return NULL;
        }
      stance_contradiction_filter_add_target (filter, opt_targets[i]);
    }
  for (guint i = 0; opt_holders != NULL && opt_holders[i] != NULL; i++)
    {
      g_autoptr(StanceNode) node = stance_graph_lookup (graph, opt_holders[i]);

      if (node == NULL || !STANCE_IS_ACTOR (node))
        {
          tool_error ("%s: %s \"%s\"", tool_display_name (file),
                      node == NULL ? "no node with the id" : "not an actor:", opt_holders[i]);
          return NULL;
        }
      stance_contradiction_filter_add_holder (filter, opt_holders[i]);
    }

  if (!stance_contradiction_filter_set_from (filter, opt_from, &error) ||
      !stance_contradiction_filter_set_to (filter, opt_to, &error))
    {
      tool_error ("check: %s", error->message);
      return NULL;
    }

  if (opt_shard != NULL)
    {
      guint shard, n_shards;

      if (!parse_shard (opt_shard, &shard, &n_shards))
        {
          tool_error ("check: invalid shard \"%s\": expected K/N with 0 <= K < N, such as 0/4", opt_shard);
          return NULL;
        }
      stance_contradiction_filter_set_shard (filter, shard, n_shards);
    }

  return g_steal_pointer (&filter);
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  if (fwrite (data, 1, length, stdout) == length)
    return TRUE;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "cannot write the output: %s", g_strerror (errno));
  return FALSE;
}

static guint64
print_counts (StanceGraph               *graph,
              StanceContradictionFilter *filter,
              guint                      kinds)
{
  guint64 counts[4];
  guint64 total = 0;

  _stance_graph_count_contradictions (graph, filter, counts);

  if (tool_opt_json)
    {
      StanceJsonWriter w;
      g_autofree char *text = NULL;
      gsize length;

      _stance_json_writer_init (&w, 256, FALSE);
      _stance_json_writer_begin_object (&w);
      _stance_json_writer_item (&w, "counts");
      _stance_json_writer_begin_object (&w);
      for (guint k = 0; k < 4; k++)
        {
          if (!(kinds & (1u << k)))
            continue;
          _stance_json_writer_item (&w, stance_contradiction_kind_to_string (k));
          _stance_json_writer_int (&w, counts[k]);
        }
      _stance_json_writer_end_object (&w);
      _stance_json_writer_end_object (&w);
      _stance_json_writer_end_line (&w);
      text = _stance_json_writer_steal (&w, &length);
      fwrite (text, 1, length, stdout);
    }

  for (guint k = 0; k < 4; k++)
    {
      if (!(kinds & (1u << k)))
        continue;
      if (!tool_opt_json)
        printf ("%s %" G_GUINT64_FORMAT "\n", stance_contradiction_kind_to_string (k), counts[k]);
      total += counts[k];
    }

  return total;
}

int
tool_run_check (const ToolCommand *command,
                int                argc,
                char             **argv)
{
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceContradictionFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  StanceContradictionFormat format;
  guint kinds;
  guint64 n;

  reset_options ();
  if (!tool_parse (command, check_entries, &argc, &argv, 1, 1))
    return EXIT_INVALID;
  if (opt_jsonl && (tool_opt_json || opt_count))
    {
      tool_error ("check: --jsonl cannot be combined with %s", opt_count ? "--count" : "--json");
      return EXIT_INVALID;
    }
  if ((graph = tool_load (argv[1])) == NULL)
    return EXIT_INVALID;
  if ((filter = make_filter (graph, argv[1], &kinds)) == NULL)
    return EXIT_INVALID;

  if (opt_count)
    n = print_counts (graph, filter, kinds);
  else
    {
      format = opt_jsonl ? STANCE_CONTRADICTION_FORMAT_JSON_LINES
             : tool_opt_json ? STANCE_CONTRADICTION_FORMAT_JSON
             : STANCE_CONTRADICTION_FORMAT_TEXT;
      if (!_stance_graph_write_contradictions (graph, filter, format, write_stdout, NULL, &n, &error))
        {
          tool_error ("check: %s", error->message);
          return EXIT_INVALID;
        }
      if (n == 0 && format == STANCE_CONTRADICTION_FORMAT_TEXT)
        puts ("no contradictions");
    }

  return n == 0 ? EXIT_SUCCESS : EXIT_FOUND;
}
