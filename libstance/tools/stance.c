/* stance.c: the stance command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `stance check FILE [--json]` is the contract of SPEC §4: exit 0 with no
 * contradictions, 1 with some, 2 when the input or the command is invalid,
 * with the error on standard error and nothing on standard output.  The
 * other subcommands answer the questions a reader asks next.  Each lives in
 * its own command-*.c; this file only dispatches.
 */

#include <locale.h>

#include "stance-tool.h"

static const ToolCommand commands[] = {
  { "check", "FILE", "print the contradictions of a document (FILE - reads standard input)", tool_run_check },
  { "summary", "FILE", "what a document holds, and its contradictions by kind", tool_run_summary },
  { "at", "FILE HOLDER TARGET TIME", "what stance HOLDER had on TARGET at TIME, and which statement says so", tool_run_at },
  { "timeline", "FILE HOLDER TARGET", "HOLDER's own stances on TARGET, in order", tool_run_timeline },
  { "on", "FILE TARGET", "every stance on TARGET, own and attributed, in graph order", tool_run_on },
  { "said", "FILE ACTOR", "everything ACTOR said, in time order, with its stances", tool_run_said },
  { "positions", "FILE HOLDER [TIME]", "HOLDER's standing act on each target at TIME (default: now)", tool_run_positions },
  { "camps", "FILE TARGET [TIME]", "who is for, against and withdrawn on TARGET at TIME (default: now)", tool_run_camps },
  { "lint", "FILE", "what is valid but probably a coding mistake (exit 1 when found)", tool_run_lint },
  { "convert", "IN OUT", "the graph in IN written in the form of OUT (.json, .jsonl, .stance)", tool_run_convert },
  { "import", "FORMAT INPUT", "read csv, dna, aif, rumoureval or events data as a document", tool_run_import },
  { "export", "FILE", "write a document's tables (csv, jsonl), an SQLite database or an AIF map", tool_run_export },
  { "network", "FILE", "DNA's discourse network of the holders and targets (json, csv, graphml, dot, svg)", tool_run_network },
  { "polarization", "FILE", "how split the holders are into two camps (DNA 3's score), and the camps", tool_run_polarization },
  { "plot", "FILE TARGET", "draw TARGET's camps over time (-o FILE.svg)", tool_run_plot },
};

static void
print_usage (FILE *out)
{
  fputs ("Usage:\n  stance COMMAND [--json] ARGUMENTS\n\n"
         "Stance and contradiction modeling: who said what, when, about what.\n\n"
         "Commands:\n", out);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %-24s %s\n", commands[i].name, commands[i].args, commands[i].summary);
  fputs ("\nOptions:\n"
         "  -h, --help     Show this help, or a command's with 'stance COMMAND --help'\n"
         "  --version      Show the version\n\n"
         "'stance check' exits 0 when a document has no contradictions, 1 when it has\n"
         "some, and 2 when the document or the command is invalid.\n", out);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_INVALID;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("stance %s\n", STANCE_VERSION_S);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (&commands[i], argc - 1, argv + 1);
    }

  tool_error ("unknown command '%s' (see 'stance --help')", argv[1]);

  return EXIT_INVALID;
}
