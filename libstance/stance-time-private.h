/* stance-time-private.h: the time record as the graph stores it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-time.h"

G_BEGIN_DECLS

/* How the offset was written, so that a save writes the time back as it was
 * read: no offset (UTC implied), `Z`, or a numeric `+hh:mm` / `-hh:mm`. */
typedef enum {
  STANCE_TIME_ZONE_NONE,
  STANCE_TIME_ZONE_Z,
  STANCE_TIME_ZONE_PLUS,
  STANCE_TIME_ZONE_MINUS,
} StanceTimeZone;

/* One time as a value: the half-open period [start, end) in seconds since the
 * Unix epoch (UTC; negative before 1970), and what is needed to write the
 * original text back.  Kept small because every statement carries one: packed
 * to 4-byte alignment, it takes 20 bytes instead of 24, and a statement record
 * 48 instead of 56.  No code takes the address of a member, so the packing is
 * invisible; x86-64 and ARM64 read a 4-aligned gint64 at full speed. */
#pragma pack(push, 4)
struct _StanceTime
{
  gint64 start;
  gint64 end;
  gint16 offset;     /* minutes east of UTC, as written (0 without one) */
  guint8 precision;  /* StanceTimePrecision */
  guint8 zone;       /* StanceTimeZone */
};
#pragma pack(pop)

G_STATIC_ASSERT (sizeof (StanceTime) == 20);

/* The longest text that _stance_time_format() writes, with its NUL. */
#define STANCE_TIME_FORMAT_SIZE 32

/* Parses @len bytes of @text (not NUL-terminated) into @out.  On failure sets
 * a STANCE_ERROR_INVALID_TIME error whose message quotes the text and says
 * what is wrong, without any location: the caller prefixes the path. */
gboolean _stance_time_parse  (StanceTime        *out,
                              const char        *text,
                              gsize              len,
                              GError           **error);

/* Writes @time in the format's syntax into @buf and returns the length. */
gsize    _stance_time_format (const StanceTime  *time,
                              char               buf[STANCE_TIME_FORMAT_SIZE]);

/* Whether @time is one that _stance_time_parse() can make (a mapped
 * snapshot's times are checked with it). */
gboolean _stance_time_is_valid (const StanceTime *time);

/* The total order used for acts: by period start, then period end. */
static inline int
_stance_time_cmp (const StanceTime *a,
                  const StanceTime *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return 0;
}

/* Proleptic Gregorian calendar arithmetic (days since 1970-01-01), shared
 * with the time windows of networks. */
gint64   _stance_time_days_from_civil (gint64 year,
                                       int    month,
                                       int    day);
void     _stance_time_civil_from_days (gint64  days,
                                       gint64 *year,
                                       int    *month,
                                       int    *day);
int      _stance_time_days_in_month   (int    year,
                                       int    month);
gint64   _stance_time_floor_div       (gint64 a,
                                       gint64 b);

G_END_DECLS
