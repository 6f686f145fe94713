/* stance-error.h: the STANCE_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib.h>

#include "stance-version-macros.h"

G_BEGIN_DECLS

/**
 * STANCE_ERROR:
 *
 * The error domain of libstance: documents that cannot be read and edits
 * that cannot be made.  The codes are in [error@Stance.Error].
 *
 * Since: 1.0
 */
#define STANCE_ERROR (stance_error_quark ())

/**
 * StanceError:
 * @STANCE_ERROR_SYNTAX: the input is not well-formed JSON; the message
 *   gives the line and the column
 * @STANCE_ERROR_ENCODING: the input is not valid UTF-8, or a string
 *   contains a NUL character
 * @STANCE_ERROR_VERSION: the document's `stance` member is missing or is
 *   not the format version 1
 * @STANCE_ERROR_TYPE: a member has the wrong JSON type
 * @STANCE_ERROR_MISSING_MEMBER: a required member is absent or null
 * @STANCE_ERROR_UNKNOWN_MEMBER: a member that the format does not define
 *   (only `meta` may hold anything)
 * @STANCE_ERROR_INVALID_ID: an id is empty
 * @STANCE_ERROR_DUPLICATE_ID: an id is already used by another node
 * @STANCE_ERROR_UNKNOWN_ID: a reference to an id that no node has
 * @STANCE_ERROR_WRONG_NODE: a reference to a node of the wrong sort, such as
 *   a claim as a speaker, or a node of another graph
 * @STANCE_ERROR_UNKNOWN_KIND: a stance kind that is neither built in nor
 *   declared
 * @STANCE_ERROR_INVALID_KIND: a kind declaration with a malformed name or
 *   polarity, or one that redeclares a built-in kind or changes the polarity
 *   of a declared one
 * @STANCE_ERROR_INVALID_TIME: a time that is not one of the forms of the
 *   format, or that names no real moment (month 13, 24:00, offset +25:00)
 * @STANCE_ERROR_CYCLE: a `part_of` or `reports` chain that leads back to
 *   where it started
 * @STANCE_ERROR_INVALID_VALUE: a value of the right type that the format
 *   does not allow, such as an unknown actor kind
 * @STANCE_ERROR_LIMIT: the input is beyond one of the documented resource
 *   limits (nesting depth, size)
 * @STANCE_ERROR_INVALID_SNAPSHOT: a binary snapshot that is corrupt,
 *   truncated, or written by another version of the format or for another
 *   architecture: make it again from the document (since 1.2)
 * @STANCE_ERROR_IN_USE: the node cannot be removed while something refers
 *   to it (since 1.2)
 *
 * The classes of error in the [error@Stance.Error] domain.  Every error
 * about a document says where: syntax errors by line and column, all others
 * by the member path, as in `statements[4].stances[0].target`.
 *
 * Since: 1.0
 */
typedef enum {
  STANCE_ERROR_SYNTAX,
  STANCE_ERROR_ENCODING,
  STANCE_ERROR_VERSION,
  STANCE_ERROR_TYPE,
  STANCE_ERROR_MISSING_MEMBER,
  STANCE_ERROR_UNKNOWN_MEMBER,
  STANCE_ERROR_INVALID_ID,
  STANCE_ERROR_DUPLICATE_ID,
  STANCE_ERROR_UNKNOWN_ID,
  STANCE_ERROR_WRONG_NODE,
  STANCE_ERROR_UNKNOWN_KIND,
  STANCE_ERROR_INVALID_KIND,
  STANCE_ERROR_INVALID_TIME,
  STANCE_ERROR_CYCLE,
  STANCE_ERROR_INVALID_VALUE,
  STANCE_ERROR_LIMIT,
  STANCE_ERROR_INVALID_SNAPSHOT,
  STANCE_ERROR_IN_USE,
} StanceError;

STANCE_AVAILABLE_IN_1_0
GQuark stance_error_quark (void);

G_END_DECLS
