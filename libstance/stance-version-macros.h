/* stance-version-macros.h: symbol visibility and versioning
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__STANCE_INSIDE__) && !defined(STANCE_COMPILATION)
# error "Only <libstance/stance.h> can be included directly."
#endif

#include <glib.h>

#include "stance-version.h"

/* The library is built with -fvisibility=hidden: only what carries one of
 * these macros is exported, so the ABI is exactly the documented API. */
#if defined(__GNUC__) && (__GNUC__ >= 4)
# define _STANCE_EXPORT __attribute__((__visibility__("default")))
#else
# define _STANCE_EXPORT
#endif

#define _STANCE_EXTERN _STANCE_EXPORT extern

/**
 * STANCE_VERSION_1_0:
 *
 * The encoded representation of libstance version "1.0".
 */
#define STANCE_VERSION_1_0 (G_ENCODE_VERSION (1, 0))

#define STANCE_VERSION_CUR_STABLE (G_ENCODE_VERSION (STANCE_MAJOR_VERSION, STANCE_MINOR_VERSION))

/**
 * STANCE_VERSION_MIN_REQUIRED:
 *
 * Define this before including `<libstance/stance.h>` to the oldest
 * version of libstance your code supports; using API that was deprecated
 * after it then warns.  It defaults to the current stable version.
 */
#ifndef STANCE_VERSION_MIN_REQUIRED
# define STANCE_VERSION_MIN_REQUIRED (STANCE_VERSION_CUR_STABLE)
#endif

/**
 * STANCE_VERSION_MAX_ALLOWED:
 *
 * Define this before including `<libstance/stance.h>` to the newest
 * version of libstance your code may use; using newer API then warns.
 */
#ifndef STANCE_VERSION_MAX_ALLOWED
# define STANCE_VERSION_MAX_ALLOWED (STANCE_VERSION_CUR_STABLE)
#endif

#define STANCE_AVAILABLE_IN_ALL _STANCE_EXTERN
#define STANCE_AVAILABLE_IN_1_0 _STANCE_EXTERN
