/* stance-limits-private.h: what a graph may hold, in one table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What save writes, load must read.  So every limit of the document reader
 * is a limit of the graph too, checked where data enters: by the reader
 * for documents, and by every setter and set_meta() of the API.
 *
 * | what                        | limit                                  | where it is checked                  |
 * |-----------------------------|----------------------------------------|--------------------------------------|
 * | nesting of arrays/objects   | STANCE_LIMIT_MAX_DEPTH levels, counted | reader (enter()), set_meta of nodes  |
 * |                             | from the document's top object         | and stances (_stance_limits_check_meta) |
 * | numbers                     | finite: no NaN, no ±Inf; integers fit  | reader, set_meta                     |
 * |                             | in 64 bits                             |                                      |
 * | strings and member names    | UTF-8, no NUL                          | reader, set_meta, every setter       |
 * |                             |                                        | (_stance_check_utf8 or g_return)     |
 * | document size               | STANCE_DOCUMENT_MAX_SIZE bytes         | stance-input.c, before reading       |
 * | records of a sort, stances  | STANCE_STORE_MAX_RECORDS               | store (_stance_store_check_capacity) |
 * | stance kinds                | 65,535                                 | store (_stance_store_check_kind)     |
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects in a document, meta included,
 * so that hostile input cannot exhaust the stack. */
#define STANCE_LIMIT_MAX_DEPTH 64

/* The level of a meta object in a document: the document, its array, the
 * node, the meta object; a stance's is two levels deeper (its statement's
 * "stances" array and the stance object). */
#define STANCE_LIMIT_META_LEVEL_NODE   4
#define STANCE_LIMIT_META_LEVEL_STANCE 6

/* Checks that @meta (%NULL, or a JSON object that starts at @level) can be
 * written as a document that loads: nesting within STANCE_LIMIT_MAX_DEPTH,
 * finite numbers, UTF-8 strings and member names.  The error says where,
 * as `meta.a[2]: …`, with names quoted by _stance_quote(). */
gboolean _stance_limits_check_meta (JsonNode  *meta,
                                    guint      level,
                                    GError   **error);

G_END_DECLS
