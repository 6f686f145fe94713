/* test-catalogue.h: catalogues of invalid documents and the errors they must give
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *code;
  char *where;
  char *path;
} InvalidCase;

/* The contents of a file that must be there. */
char       *read_file              (const char   *path,
                                    gsize        *length);
/* The paths of the documents of tests/data/SUBDIR: its .json files but
 * the .expected.json ones. */
GPtrArray  *test_documents         (const char   *subdir);
/* The StanceError nick of @error's code. */
const char *error_nick             (const GError *error);
/* Whether @message starts with "line L, column C: " (L, C > 0). */
gboolean    has_position_prefix    (const char   *message);
/* Checks @error against a catalogue's CODE and WHERE: `syntax` (any line
 * and column), `-` (the document), `L:C`, or the start of the message
 * before ": ".  Fails the test, saying why, otherwise. */
void        check_error_where      (const char   *what,
                                    const GError *error,
                                    const char   *code,
                                    const char   *where);
void        invalid_case_free      (gpointer      data);
/* The cases of tests/data/SUBDIR/expected.tsv, their files NAME + @ext. */
GPtrArray  *read_invalid_catalogue (const char   *subdir,
                                    const char   *ext);
/* Every case has its file, every file its case (but base.jsonl, the valid
 * base), and every code is a StanceError nick. */
void        check_catalogue        (const char   *subdir,
                                    const char   *ext);

G_END_DECLS
