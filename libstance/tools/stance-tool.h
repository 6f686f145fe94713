/* stance-tool.h: what every subcommand of the stance tool shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tool is one small file per subcommand (command-*.c) around a dispatch
 * table (stance.c).  A subcommand parses its options with tool_parse(),
 * loads its document with tool_load(), and reports mistakes with
 * tool_error(): exit status 2 (EXIT_INVALID), nothing on standard output.
 */

#pragma once

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <libstance/stance.h>

G_BEGIN_DECLS

#define EXIT_FOUND   1
#define EXIT_INVALID 2

typedef struct _ToolCommand ToolCommand;

struct _ToolCommand
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (const ToolCommand *command,
                    int                argc,
                    char             **argv);
};

/* --json, shared by every subcommand that prints data. */
extern gboolean tool_opt_json;

void         tool_error        (const char         *format,
                                ...) G_GNUC_PRINTF (1, 2);
const char  *tool_display_name (const char         *file);
/* @text between quotes, escaped (_stance_quote); valid until a few calls later. */
const char  *tool_quote        (const char         *text);
StanceGraph *tool_load         (const char         *file);
gboolean     tool_parse        (const ToolCommand  *command,
                                const GOptionEntry *extra,
                                int                *argc,
                                char             ***argv,
                                int                 min_args,
                                int                 max_args);
const char  *tool_id_of        (gpointer            node);
void         tool_print_json   (JsonBuilder        *builder);
void         tool_add_member_string (JsonBuilder   *builder,
                                const char         *member,
                                const char         *value);
void         tool_add_member_nullable (JsonBuilder *builder,
                                const char         *member,
                                const char         *value);
StanceNode  *tool_lookup       (StanceGraph        *graph,
                                const char         *file,
                                const char         *id,
                                GType               type);
void         tool_add_edge_members (JsonBuilder    *builder,
                                StanceEdge         *edge);
void         tool_add_edge_json (JsonBuilder       *builder,
                                StanceEdge         *edge);
void         tool_print_edge   (StanceEdge         *edge);

/* The subcommands, one file each. */
int tool_run_check    (const ToolCommand *command, int argc, char **argv);
int tool_run_at       (const ToolCommand *command, int argc, char **argv);
int tool_run_timeline (const ToolCommand *command, int argc, char **argv);
int tool_run_summary  (const ToolCommand *command, int argc, char **argv);
int tool_run_convert  (const ToolCommand *command, int argc, char **argv);
int tool_run_network  (const ToolCommand *command, int argc, char **argv);
int tool_run_polarization (const ToolCommand *command, int argc, char **argv);
int tool_run_plot     (const ToolCommand *command, int argc, char **argv);

/* The network options that `network` and `polarization` share
 * (command-network.c). */
void                  tool_network_reset_options  (void);
const GOptionEntry   *tool_network_option_entries (void);
StanceNetworkOptions *tool_network_options        (StanceGraph               *graph,
                                                   StanceNetworkNormalization normalization_default);
int tool_run_import   (const ToolCommand *command, int argc, char **argv);
int tool_run_export   (const ToolCommand *command, int argc, char **argv);
int tool_run_on        (const ToolCommand *command, int argc, char **argv);
int tool_run_said      (const ToolCommand *command, int argc, char **argv);
int tool_run_positions (const ToolCommand *command, int argc, char **argv);
int tool_run_camps     (const ToolCommand *command, int argc, char **argv);
int tool_run_lint      (const ToolCommand *command, int argc, char **argv);

G_END_DECLS
