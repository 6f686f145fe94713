/* test-json.h: comparing JSON exactly, for the tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libstance/stance.h>

G_BEGIN_DECLS

/* The text of @node, pretty or compact. */
char     *test_json_text        (JsonNode    *node,
                                 gboolean     pretty);
/* Types, values, array order and member order must all be the same; on a
 * difference, @path and @why say where and what. */
gboolean  test_json_same        (JsonNode    *a,
                                 JsonNode    *b,
                                 GString     *path,
                                 GString     *why);
JsonNode *test_json_parse_file  (const char  *filename,
                                 GError     **error);
JsonNode *test_json_parse_data  (const char  *data,
                                 gssize       length,
                                 GError     **error);
/* Fails the test with both texts and the first difference, naming @what. */
gboolean  test_json_check_same  (const char  *what,
                                 JsonNode    *got,
                                 JsonNode    *expected);

/* The seed story, examples/data/cyber-2017-2020.json (from STANCE_EXAMPLES),
 * and a node of a graph that must be there. */
StanceGraph *test_load_story (void);
gpointer     test_lookup     (StanceGraph *graph,
                              const char  *id);

G_END_DECLS
