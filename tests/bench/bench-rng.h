/* bench-rng.h: the benchmarks' deterministic generator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * splitmix64: the same numbers on every machine, so that a workload named
 * by its shape, size and seed is the same document everywhere.
 */

#pragma once

#include <glib.h>

static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

typedef struct
{
  guint64 state;
} Rng;

static inline guint64
rng_next (Rng *rng)
{
  rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return mix64 (rng->state);
}

/* A uniform double in [0, 1) from the top 53 bits. */
static inline double
unit (guint64 bits)
{
  return (double) (bits >> 11) * (1.0 / 9007199254740992.0);
}

static inline guint32
below (Rng     *rng,
       guint32  n)
{
  return (guint32) (unit (rng_next (rng)) * n);
}
