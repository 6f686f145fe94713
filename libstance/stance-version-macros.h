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
 *
 * Since: 1.0
 */
#define STANCE_VERSION_1_0 (G_ENCODE_VERSION (1, 0))

/**
 * STANCE_VERSION_1_2:
 *
 * The encoded representation of libstance version "1.2".
 *
 * Since: 1.2
 */
#define STANCE_VERSION_1_2 (G_ENCODE_VERSION (1, 2))

/* An odd minor version is a development series: it counts as the next
 * stable one, as in GLib and json-glib. */
#if (STANCE_MINOR_VERSION % 2)
# define STANCE_VERSION_CUR_STABLE (G_ENCODE_VERSION (STANCE_MAJOR_VERSION, STANCE_MINOR_VERSION + 1))
#else
# define STANCE_VERSION_CUR_STABLE (G_ENCODE_VERSION (STANCE_MAJOR_VERSION, STANCE_MINOR_VERSION))
#endif

/**
 * STANCE_VERSION_MIN_REQUIRED:
 *
 * Define this before including `<libstance/stance.h>` to the oldest
 * version of libstance your code supports, e.g. `STANCE_VERSION_1_0`:
 * using API that was deprecated in or before it then warns.  It defaults to
 * the current stable version.
 *
 * Since: 1.0
 */
#ifndef STANCE_VERSION_MIN_REQUIRED
# define STANCE_VERSION_MIN_REQUIRED (STANCE_VERSION_CUR_STABLE)
#endif

/**
 * STANCE_VERSION_MAX_ALLOWED:
 *
 * Define this before including `<libstance/stance.h>` to the newest
 * version of libstance your code may use, e.g. `STANCE_VERSION_1_0`: using
 * API added after it then warns.  It defaults to the current stable version.
 *
 * Since: 1.0
 */
#ifndef STANCE_VERSION_MAX_ALLOWED
# define STANCE_VERSION_MAX_ALLOWED (STANCE_VERSION_CUR_STABLE)
#endif

/* Sanity checks, as GLib makes them. */
#if STANCE_VERSION_MAX_ALLOWED < STANCE_VERSION_MIN_REQUIRED
# error "STANCE_VERSION_MAX_ALLOWED must be >= STANCE_VERSION_MIN_REQUIRED"
#endif
#if STANCE_VERSION_MIN_REQUIRED < STANCE_VERSION_1_0
# error "STANCE_VERSION_MIN_REQUIRED must be >= STANCE_VERSION_1_0"
#endif

/* Inside the library nothing warns: it defines what it deprecates. */
#ifdef STANCE_COMPILATION
# define _STANCE_DEPRECATED          _STANCE_EXTERN
# define _STANCE_DEPRECATED_FOR(f)   _STANCE_EXTERN
# define _STANCE_UNAVAILABLE(maj,min) _STANCE_EXTERN
#else
# define _STANCE_DEPRECATED          G_DEPRECATED _STANCE_EXTERN
# define _STANCE_DEPRECATED_FOR(f)   G_DEPRECATED_FOR (f) _STANCE_EXTERN
# define _STANCE_UNAVAILABLE(maj,min) G_UNAVAILABLE (maj, min) _STANCE_EXTERN
#endif

#define STANCE_AVAILABLE_IN_ALL _STANCE_EXTERN

/* For each version: AVAILABLE_IN warns when MAX_ALLOWED is older;
 * DEPRECATED_IN warns when MIN_REQUIRED is that version or newer. */
/**
 * STANCE_DEPRECATED_IN_1_0_FOR:
 * @f: the symbol to use instead
 *
 * Marks a symbol deprecated in libstance 1.0, naming its replacement @f.
 * It warns only when %STANCE_VERSION_MIN_REQUIRED is 1.0 or newer.
 *
 * Since: 1.0
 */
#if STANCE_VERSION_MIN_REQUIRED >= STANCE_VERSION_1_0
# define STANCE_DEPRECATED_IN_1_0        _STANCE_DEPRECATED
# define STANCE_DEPRECATED_IN_1_0_FOR(f) _STANCE_DEPRECATED_FOR (f)
#else
# define STANCE_DEPRECATED_IN_1_0        _STANCE_EXTERN
# define STANCE_DEPRECATED_IN_1_0_FOR(f) _STANCE_EXTERN
#endif
#if STANCE_VERSION_MAX_ALLOWED < STANCE_VERSION_1_0
# define STANCE_AVAILABLE_IN_1_0 _STANCE_UNAVAILABLE (1, 0)
#else
# define STANCE_AVAILABLE_IN_1_0 _STANCE_EXTERN
#endif

/**
 * STANCE_DEPRECATED_IN_1_2_FOR:
 * @f: the symbol to use instead
 *
 * Marks a symbol deprecated in libstance 1.2, naming its replacement @f.
 * It warns only when %STANCE_VERSION_MIN_REQUIRED is 1.2 or newer.
 *
 * Since: 1.2
 */
#if STANCE_VERSION_MIN_REQUIRED >= STANCE_VERSION_1_2
# define STANCE_DEPRECATED_IN_1_2        _STANCE_DEPRECATED
# define STANCE_DEPRECATED_IN_1_2_FOR(f) _STANCE_DEPRECATED_FOR (f)
#else
# define STANCE_DEPRECATED_IN_1_2        _STANCE_EXTERN
# define STANCE_DEPRECATED_IN_1_2_FOR(f) _STANCE_EXTERN
#endif
#if STANCE_VERSION_MAX_ALLOWED < STANCE_VERSION_1_2
# define STANCE_AVAILABLE_IN_1_2 _STANCE_UNAVAILABLE (1, 2)
#else
# define STANCE_AVAILABLE_IN_1_2 _STANCE_EXTERN
#endif
