/* command-network.c: `stance network`: DNA's discourse networks of a document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The numbers come from the library (StanceNetwork); JSON goes through the
 * library's writer, CSV and GraphML through the library's DNA-style
 * exports.  Only drawing (dot, svg) lives here, with Graphviz's libgvc:
 * drawing is no business of the library.
 */

#include <errno.h>
#include <math.h>

#include <graphviz/gvc.h>

#include "stance-tool.h"
#include "stance-json-writer-private.h"
#include "stance-network-private.h"

/* The options that `network`, `polarization` and `plot` share. */
static char *opt_mode;
static char *opt_aggregate;
static char *opt_normalize;
static char *opt_duplicates;
static char **opt_exclude_holders;
static char **opt_exclude_targets;
static gboolean opt_roll_up;
static gboolean opt_attributed;
static gboolean opt_isolates;
static char *opt_window;
static int opt_step;
static char *opt_kernel;
static gboolean opt_indent;

static const GOptionEntry network_entries[] = {
  { "mode", 0, 0, G_OPTION_ARG_STRING, &opt_mode, "twomode (holders x targets, the default) or onemode (holders x holders)", "MODE" },
  { "aggregate", 0, 0, G_OPTION_ARG_STRING, &opt_aggregate, "ignore (default), congruence, conflict, subtract or combine", "HOW" },
  { "normalize", 0, 0, G_OPTION_ARG_STRING, &opt_normalize, "no (default), activity, prominence, average, jaccard or cosine", "HOW" },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, &opt_duplicates, "include (default), document, week, month, year or acrossrange", "WHICH" },
  { "exclude-holder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_exclude_holders, "Leave out a holder's stances (repeatable)", "ID" },
  { "exclude-target", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_exclude_targets, "Leave out the stances on a target (repeatable)", "ID" },
  { "roll-up", 0, 0, G_OPTION_ARG_NONE, &opt_roll_up, "Count members' stances as their groups' (member_of)", NULL },
  { "attributed", 0, 0, G_OPTION_ARG_NONE, &opt_attributed, "Count stances attributed to a holder too", NULL },
  { "isolates", 0, 0, G_OPTION_ARG_NONE, &opt_isolates, "Keep holders and targets without ties", NULL },
  { "window", 0, 0, G_OPTION_ARG_STRING, &opt_window, "Time windows of SIZE, e.g. 8days, 4weeks, 6months, 1year", "SIZE" },
  { "step", 0, 0, G_OPTION_ARG_INT, &opt_step, "Units between windows' mid-points (default 1)", "N" },
  { "kernel", 0, 0, G_OPTION_ARG_STRING, &opt_kernel, "uniform (default), gaussian, epanechnikov, triangular or none", "KERNEL" },
  { "indent", 0, 0, G_OPTION_ARG_NONE, &opt_indent, "Keep every window inside the data's time range", NULL },
  { NULL }
};

static gboolean
parse_enum (GType       type,
            const char *option,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value_by_nick (klass, text);

  if (v == NULL)
    {
      g_autoptr(GString) valid = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (valid, "%s%s", i == 0 ? "" : ", ", klass->values[i].value_nick);
      tool_error ("--%s: unknown value '%s' (one of %s)", option, text, valid->str);
      return FALSE;
    }
  *value = v->value;
  return TRUE;
}

/* "8days", "8d", "4 weeks", "1y" ... */
static gboolean
parse_window (const char     *text,
              guint          *size,
              StanceTimeUnit *unit)
{
  static const struct { const char *name; StanceTimeUnit unit; } units[] = {
    { "d", STANCE_TIME_UNIT_DAYS }, { "day", STANCE_TIME_UNIT_DAYS }, { "days", STANCE_TIME_UNIT_DAYS },
    { "w", STANCE_TIME_UNIT_WEEKS }, { "week", STANCE_TIME_UNIT_WEEKS }, { "weeks", STANCE_TIME_UNIT_WEEKS },
    { "m", STANCE_TIME_UNIT_MONTHS }, { "month", STANCE_TIME_UNIT_MONTHS }, { "months", STANCE_TIME_UNIT_MONTHS },
    { "y", STANCE_TIME_UNIT_YEARS }, { "year", STANCE_TIME_UNIT_YEARS }, { "years", STANCE_TIME_UNIT_YEARS },
  };
  char *end = NULL;
  guint64 n;

  errno = 0;
  n = g_ascii_strtoull (text, &end, 10);
  if (end == text || errno != 0 || n < 1 || n > 100000)
    goto bad;
  while (*end == ' ')
    end++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].name) == 0)
      {
        *size = (guint) n;
        *unit = units[i].unit;
        return TRUE;
      }
bad:
  tool_error ("--window: '%s' is not a window size such as 8days, 4weeks, 6months or 1year (1 to 100000)", text);
  return FALSE;
}

void
tool_network_reset_options (void)
{
  g_clear_pointer (&opt_mode, g_free);
  g_clear_pointer (&opt_aggregate, g_free);
  g_clear_pointer (&opt_normalize, g_free);
  g_clear_pointer (&opt_duplicates, g_free);
  g_clear_pointer (&opt_exclude_holders, g_strfreev);
  g_clear_pointer (&opt_exclude_targets, g_strfreev);
  g_clear_pointer (&opt_window, g_free);
  g_clear_pointer (&opt_kernel, g_free);
  opt_roll_up = FALSE;
  opt_attributed = FALSE;
  opt_isolates = FALSE;
  opt_step = 1;
  opt_indent = FALSE;
  tool_opt_json = FALSE;
}

const GOptionEntry *
tool_network_option_entries (void)
{
  return network_entries;
}

/* The options as given, over @normalization_default; NULL after printing
 * the mistake. */
/* An excluded holder or target as a DNA user names it: its id, or else the
 * one actor whose name (holders) or claim whose text (targets) it is,
 * since DNA's own exclusions name organisations and concepts by their
 * labels ("Sierra Club", "There should be legislation to regulate
 * emissions."), which an importer turns into ids.  Anything else is
 * passed on, for the library to refuse with its "unknown id". */
static const char *
resolve_label (StanceGraph *graph,
               const char  *label,
               gboolean     holder)
{
  g_autoptr(StanceNode) node = stance_graph_lookup (graph, label);
  g_autoptr(GListModel) nodes = NULL;
  const char *found = NULL;

  if (node != NULL)
    return label;

  nodes = holder ? stance_graph_get_actors (graph) : stance_graph_get_claims (graph);
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (nodes, i);
      const char *text = holder ? stance_actor_get_name (STANCE_ACTOR (item)) : stance_claim_get_text (STANCE_CLAIM (item));

      if (g_strcmp0 (text, label) != 0)
        continue;
      if (found != NULL)
        return label;  /* two share the label: only an id can say which */
      found = stance_node_get_id (STANCE_NODE (item));
    }

  return found != NULL ? found : label;
}

StanceNetworkOptions *
tool_network_options (StanceGraph                *graph,
                      StanceNetworkNormalization  normalization_default)
{
  g_autoptr(StanceNetworkOptions) options = stance_network_options_new ();
  int value;

  stance_network_options_set_normalization (options, normalization_default);
  if (opt_mode != NULL)
    {
      if (!parse_enum (STANCE_TYPE_NETWORK_MODE, "mode", opt_mode, &value))
        return NULL;
      stance_network_options_set_mode (options, value);
    }
  if (opt_aggregate != NULL)
    {
      if (!parse_enum (STANCE_TYPE_NETWORK_AGGREGATION, "aggregate", opt_aggregate, &value))
        return NULL;
      stance_network_options_set_aggregation (options, value);
    }
  if (opt_normalize != NULL)
    {
      if (!parse_enum (STANCE_TYPE_NETWORK_NORMALIZATION, "normalize", opt_normalize, &value))
        return NULL;
      stance_network_options_set_normalization (options, value);
    }
  if (opt_duplicates != NULL)
    {
      if (!parse_enum (STANCE_TYPE_NETWORK_DUPLICATES, "duplicates", opt_duplicates, &value))
        return NULL;
      stance_network_options_set_duplicates (options, value);
    }
  for (guint i = 0; opt_exclude_holders != NULL && opt_exclude_holders[i] != NULL; i++)
    stance_network_options_exclude_holder (options, resolve_label (graph, opt_exclude_holders[i], TRUE));
  for (guint i = 0; opt_exclude_targets != NULL && opt_exclude_targets[i] != NULL; i++)
    stance_network_options_exclude_target (options, resolve_label (graph, opt_exclude_targets[i], FALSE));
  stance_network_options_set_roll_up (options, opt_roll_up);
  stance_network_options_set_attributed (options, opt_attributed);
  stance_network_options_set_isolates (options, opt_isolates);
  stance_network_options_set_indent (options, opt_indent);
  if (opt_window != NULL)
    {
      StanceNetworkKernel kernel = STANCE_NETWORK_KERNEL_UNIFORM;
      StanceTimeUnit unit;
      guint size;

      if (!parse_window (opt_window, &size, &unit))
        return NULL;
      if (opt_kernel != NULL)
        {
          if (!parse_enum (STANCE_TYPE_NETWORK_KERNEL, "kernel", opt_kernel, &value))
            return NULL;
          kernel = value;
        }
      if (opt_step < 1 || opt_step > 100000)
        {
          tool_error ("--step: %d is not from 1 to 100000", opt_step);
          return NULL;
        }
      stance_network_options_set_window (options, unit, size, (guint) opt_step, kernel);
    }
  else if (opt_kernel != NULL || opt_step != 1 || opt_indent)
    {
      tool_error ("--kernel, --step and --indent need --window");
      return NULL;
    }
  return g_steal_pointer (&options);
}

/* ---- drawing ------------------------------------------------------------ */

static void
append_dot_quoted (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Positive ties green and solid, negative ones red and dashed, ties that
 * ignored polarity grey; the width grows with the weight. */
static void
edge_style (StanceNetworkAggregation aggregation,
            double                   v,
            const char             **color,
            const char             **style)
{
  *style = "solid";
  switch (aggregation)
    {
    case STANCE_NETWORK_AGGREGATION_CONGRUENCE:
      *color = "#2e7d32";
      break;
    case STANCE_NETWORK_AGGREGATION_CONFLICT:
      *color = "#c62828";
      *style = "dashed";
      break;
    case STANCE_NETWORK_AGGREGATION_SUBTRACT:
      *color = v < 0 ? "#c62828" : "#2e7d32";
      *style = v < 0 ? "dashed" : "solid";
      break;
    case STANCE_NETWORK_AGGREGATION_COMBINE:
      *color = v == 1 ? "#2e7d32" : v == 2 ? "#c62828" : "#1565c0";
      *style = v == 2 ? "dashed" : "solid";
      break;
    case STANCE_NETWORK_AGGREGATION_IGNORE:
    default:
      *color = "#616161";
      break;
    }
}

static char *
network_to_dot (StanceNetwork *network,
                gboolean       names)
{
  gboolean twomode = stance_network_get_mode (network) == STANCE_NETWORK_MODE_TWOMODE;
  const char * const *rows = names ? stance_network_get_row_names (network) : stance_network_get_row_ids (network);
  const char * const *cols = names ? stance_network_get_col_names (network) : stance_network_get_col_ids (network);
  guint nr = stance_network_get_n_rows (network), nc = stance_network_get_n_cols (network);
  GString *out = g_string_new ("graph network {\n"
                               "  graph [overlap=false, splines=true, outputorder=edgesfirst, fontname=\"DejaVu Sans\"];\n"
                               "  node [fontname=\"DejaVu Sans\", fontsize=10, style=filled];\n");
  double max = 0;

  for (guint i = 0; i < nr; i++)
    for (guint j = 0; j < nc; j++)
      max = MAX (max, fabs (stance_network_get_value (network, i, j)));

  for (guint i = 0; i < nr; i++)
    {
      g_string_append_printf (out, "  r%u [shape=ellipse, fillcolor=\"#bbdefb\", label=", i);
      append_dot_quoted (out, rows[i]);
      g_string_append (out, "];\n");
    }
  if (twomode)
    for (guint j = 0; j < nc; j++)
      {
        g_string_append_printf (out, "  c%u [shape=box, fillcolor=\"#ffe0b2\", label=", j);
        append_dot_quoted (out, cols[j]);
        g_string_append (out, "];\n");
      }
  for (guint i = 0; i < nr; i++)
    for (guint j = twomode ? 0 : i + 1; j < nc; j++)
      {
        double v = stance_network_get_value (network, i, j);
        const char *color, *style;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (v == 0)
          continue;
        edge_style (stance_network_get_aggregation (network), v, &color, &style);
        g_string_append_printf (out, "  r%u -- %c%u [color=\"%s\", style=%s, penwidth=", i,
                                twomode ? 'c' : 'r', j, color, style);
        /* combine's 1, 2 and 3 are categories, not weights. */
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f",
                                               stance_network_get_aggregation (network) == STANCE_NETWORK_AGGREGATION_COMBINE
                                               ? 2.0 : 0.5 + 5.5 * fabs (v) / max));
        g_string_append (out, ", weight=");
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", fabs (v)));
        g_string_append (out, ", tooltip=\"");
        g_string_append (out, g_ascii_dtostr (buf, sizeof buf, v));
        g_string_append (out, "\"];\n");
      }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* Lays out the network with Graphviz and renders it as @format ("dot" with
 * positions, or "svg"). */
static gboolean
tool_network_draw (StanceNetwork *network,
                   gboolean       names,
                   const char    *format,
                   GString       *out)
{
  g_autofree char *dot = network_to_dot (network, names);
  GVC_t *gvc;
  Agraph_t *g;
  char *data = NULL;
  unsigned int length = 0;
  gboolean ok = FALSE;

  gvc = gvContext ();
  g = agmemread (dot);
  if (g != NULL && gvLayout (gvc, g, "neato") == 0)
    {
      if (gvRenderData (gvc, g, format, &data, &length) == 0)
        {
          g_string_append_len (out, data, length);
          ok = TRUE;
        }
      gvFreeRenderData (data);
      gvFreeLayout (gvc, g);
    }
  if (g != NULL)
    agclose (g);
  gvFreeContext (gvc);
  if (!ok)
    tool_error ("network: Graphviz could not draw the network as %s", format);
  return ok;
}

/* ---- the command -------------------------------------------------------- */

static char *opt_labels;
static char *opt_format;
static char *opt_output;

static gboolean
write_text (const char *path,
            const char *text,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      fwrite (text, 1, length, stdout);
      return TRUE;
    }
  if (!g_file_set_contents (path, text, length, &error))
    {
      tool_error ("network: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render (StanceNetwork *network,
        const char    *format,
        gboolean       names,
        GString       *out)
{
  if (strcmp (format, "csv") == 0)
    {
      g_autofree char *text = stance_network_to_csv (network, names);

      g_string_append (out, text);
    }
  else if (strcmp (format, "graphml") == 0)
    {
      g_autofree char *text = stance_network_to_graphml (network, names);

      g_string_append (out, text);
    }
  else
    return tool_network_draw (network, names, format, out);
  return TRUE;
}

/* One file per window, named as DNA names them: the output's name with the
 * window's number and mid-point before the extension. */
static char *
window_path (const char *output,
             guint       index,
             guint       count,
             gint64      mid)
{
  const char *dot = strrchr (output, '.');
  const char *slash = strrchr (output, '/');
  g_autofree char *time = _stance_network_format_time (mid);
  int width = g_snprintf (NULL, 0, "%u", count);

  if (dot == NULL || (slash != NULL && dot < slash))
    dot = output + strlen (output);
  return g_strdup_printf ("%.*s-%0*u-%s%s", (int) (dot - output), output, width, index + 1, time, dot);
}

int
tool_run_network (const ToolCommand *command,
                  int                argc,
                  char             **argv)
{
  GOptionEntry extra[G_N_ELEMENTS (network_entries) + 3];
  const GOptionEntry own[] = {
    { "labels", 0, 0, G_OPTION_ARG_STRING, &opt_labels, "Label rows and columns by id (default) or name", "id|name" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, "json (default), csv, graphml, dot, svg or png", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write to FILE (with --window, one file per window)", "FILE" },
  };
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceNetworkOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  gboolean names;
  int status = EXIT_INVALID;

  tool_network_reset_options ();
  g_clear_pointer (&opt_labels, g_free);
  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_output, g_free);
  memcpy (extra, network_entries, sizeof network_entries - sizeof (GOptionEntry));
  memcpy (extra + G_N_ELEMENTS (network_entries) - 1, own, sizeof own);
  memset (&extra[G_N_ELEMENTS (extra) - 1], 0, sizeof (GOptionEntry));

  if (!tool_parse (command, extra, &argc, &argv, 1, 1))
    goto out;
  format = opt_format != NULL ? opt_format : "json";
  if (tool_opt_json && opt_format != NULL && strcmp (opt_format, "json") != 0)
    {
      tool_error ("network: --json and --format %s disagree", opt_format);
      goto out;
    }
  if (strcmp (format, "json") != 0 && strcmp (format, "csv") != 0 && strcmp (format, "graphml") != 0 &&
      strcmp (format, "dot") != 0 && strcmp (format, "svg") != 0 && strcmp (format, "png") != 0)
    {
      tool_error ("--format: unknown value '%s' (one of json, csv, graphml, dot, svg, png)", format);
      goto out;
    }
  if (opt_labels != NULL && strcmp (opt_labels, "id") != 0 && strcmp (opt_labels, "name") != 0)
    {
      tool_error ("--labels: unknown value '%s' (id or name)", opt_labels);
      goto out;
    }
  names = opt_labels != NULL && strcmp (opt_labels, "name") == 0;
  if (opt_window != NULL && strcmp (format, "json") != 0 && opt_output == NULL)
    {
      tool_error ("network: --window with --format %s writes one file per window: give -o FILE", format);
      goto out;
    }
  if ((graph = tool_load (argv[1])) == NULL)
    goto out;
  if ((options = tool_network_options (graph, STANCE_NETWORK_NORMALIZATION_NO)) == NULL)
    goto out;

  if (opt_window == NULL)
    {
      g_autoptr(StanceNetwork) network = stance_network_new (graph, options, &error);
      g_autoptr(GString) out = g_string_new (NULL);

      if (network == NULL)
        {
          tool_error ("network: %s", error->message);
          goto out;
        }
      if (strcmp (format, "json") == 0)
        {
          StanceJsonWriter w;
          gsize length;
          g_autofree char *text = NULL;

          _stance_json_writer_init (&w, 4096, FALSE);
          _stance_network_write_json (network, &w, names);
          _stance_json_writer_end_line (&w);
          text = _stance_json_writer_steal (&w, &length);
          g_string_append_len (out, text, length);
        }
      else if (!render (network, format, names, out))
        goto out;
      if (write_text (opt_output, out->str, out->len))
        status = EXIT_SUCCESS;
    }
  else
    {
      g_autoptr(GListModel) list = stance_network_new_windows (graph, options, &error);
      guint n;

      if (list == NULL)
        {
          tool_error ("network: %s", error->message);
          goto out;
        }
      n = g_list_model_get_n_items (list);
      if (strcmp (format, "json") == 0)
        {
          StanceJsonWriter w;
          gsize length;
          g_autofree char *text = NULL;

          _stance_json_writer_init (&w, 4096, FALSE);
          _stance_json_writer_begin_array (&w);
          for (guint k = 0; k < n; k++)
            {
              g_autoptr(StanceNetwork) network = g_list_model_get_item (list, k);

              _stance_json_writer_item (&w, NULL);
              _stance_network_write_json (network, &w, names);
            }
          _stance_json_writer_end_array (&w);
          _stance_json_writer_end_line (&w);
          text = _stance_json_writer_steal (&w, &length);
          if (!write_text (opt_output, text, length))
            goto out;
        }
      else
        for (guint k = 0; k < n; k++)
          {
            g_autoptr(StanceNetwork) network = g_list_model_get_item (list, k);
            g_autoptr(GString) out = g_string_new (NULL);
            g_autofree char *path = NULL;
            gint64 mid, start, stop;

            _stance_network_get_window (network, &mid, &start, &stop);
            path = window_path (opt_output, k, n, mid);
            if (!render (network, format, names, out) || !write_text (path, out->str, out->len))
              goto out;
          }
      status = EXIT_SUCCESS;
    }

out:
  tool_network_reset_options ();
  g_clear_pointer (&opt_labels, g_free);
  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_output, g_free);
  return status;
}
