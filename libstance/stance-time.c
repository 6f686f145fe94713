/* stance-time.c: partial ISO 8601 times and the periods they cover
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "stance-time-private.h"
#include "stance-error.h"
#include "stance-quote-private.h"

#include <string.h>

/**
 * StanceTime:
 *
 * The time of a statement, as precise as its source gives it: a year, a
 * month, a day, a minute or a second, such as `2017-07` or
 * `2017-07-09T21:15:33+02:00`.
 *
 * A `StanceTime` is an opaque boxed value that covers a half-open period
 * [start, end) of seconds since the Unix epoch, because a source that only
 * names a day cannot say when in that day something was said.  Two times are
 * ordered only when one period ends before the other begins
 * ([method@Stance.Time.precedes]); otherwise they overlap and the order is
 * unknown.  The text is kept as it was written (precision and offset), so
 * that [method@Stance.Time.to_string] gives back what was read, less any
 * fractional second.
 *
 * Since: 1.0
 */

G_DEFINE_BOXED_TYPE (StanceTime, stance_time, stance_time_copy, stance_time_free)

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* The most bytes of a bad input that an error message quotes, so that a
 * huge value cannot make a huge message. */
#define SHOWN_MAX 40

/* Calendar arithmetic on the proleptic Gregorian calendar, after Howard
 * Hinnant's days_from_civil: by itself because GDateTime cannot represent
 * the UTC side of times such as `0001-01-01T00:00+01:00`, and because a
 * parse must not allocate. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 int    *month,
                 int    *day)
{
  gint64 era, doe, yoe, doy, mp;
  int m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Floor division, so that times before 1970 fall into the right day. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* The fields of @time as written: a time of day in its own offset, a date
 * in UTC (where its period starts). */
static void
local_fields (const StanceTime *time,
              gint64           *year,
              int              *month,
              int              *day,
              int              *hour,
              int              *minute,
              int              *second)
{
  int offset = time->precision >= STANCE_TIME_PRECISION_MINUTE ? time->offset : 0;
  gint64 local = time->start + (gint64) offset * 60;
  gint64 days = floor_div (local, SECONDS_PER_DAY);
  gint64 secs = local - days * SECONDS_PER_DAY;

  civil_from_days (days, year, month, day);
  *hour = (int) (secs / 3600);
  *minute = (int) (secs / 60 % 60);
  *second = (int) (secs % 60);
}

static gboolean set_time_error (GError     **error,
                                const char  *text,
                                gsize        len,
                                const char  *format,
                                ...) G_GNUC_PRINTF (4, 5);

/* Always returns FALSE, so that a parser can `return set_time_error (…)`. */
static gboolean
set_time_error (GError     **error,
                const char  *text,
                gsize        len,
                const char  *format,
                ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* The input may hold anything: at most SHOWN_MAX bytes of it, escaped.
   * A text not in any of the forms gets them named, so that "06/06/2019"
   * says what to write instead; a field out of range is in the right form. */
  shown = _stance_quote_at_most (text, len, SHOWN_MAX);
  if (strstr (reason, "out of range") == NULL)
    g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME,
                 "malformed time %s: %s; use an ISO 8601 date or date-time such as "
                 "2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z", shown, reason);
  else
    g_set_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME,
                 "malformed time %s: %s", shown, reason);
  return FALSE;
}

/* Reads exactly @n_digits ASCII digits at @pos.  Byte positions in messages
 * count from 0, like offsets. */
static gboolean
read_digits (const char  *text,
             gsize        len,
             gsize        pos,
             guint        n_digits,
             int         *value,
             GError     **error)
{
  int v = 0;
  guint i;

  for (i = 0; i < n_digits; i++)
    {
      if (pos + i >= len || !g_ascii_isdigit (text[pos + i]))
        return set_time_error (error, text, len,
                               "expected a digit at byte %" G_GSIZE_FORMAT, pos + i);
      v = v * 10 + (text[pos + i] - '0');
    }

  *value = v;
  return TRUE;
}

static gboolean
expect_char (const char  *text,
             gsize        len,
             gsize        pos,
             char         expected,
             GError     **error)
{
  if (pos < len && text[pos] == expected)
    return TRUE;
  return set_time_error (error, text, len,
                         "expected '%c' at byte %" G_GSIZE_FORMAT, expected, pos);
}

/* Explains a character that cannot follow a date: a more specific reason
 * than "expected '-'" for the mistakes people make. */
static gboolean
bad_after_date (const char  *text,
                gsize        len,
                gsize        pos,
                char         expected,
                GError     **error)
{
  switch (text[pos])
    {
    case 'Z':
    case 'z':
    case '+':
      return set_time_error (error, text, len, "an offset needs a time of day");
    case '-':
      /* Only reached after a full date, where '-' cannot be a separator. */
      return set_time_error (error, text, len, "an offset needs a time of day");
    case 'T':
      if (expected != 'T')
        return set_time_error (error, text, len, "a time of day needs a full date");
      break;
    case 't':
      if (expected == 'T')
        return set_time_error (error, text, len,
                               "expected an uppercase 'T' at byte %" G_GSIZE_FORMAT, pos);
      return set_time_error (error, text, len, "a time of day needs a full date");
    default:
      break;
    }

  return set_time_error (error, text, len,
                         "expected '%c' at byte %" G_GSIZE_FORMAT, expected, pos);
}

/* Reads what may follow a time of day at @pos: nothing, or an offset and
 * then nothing. */
static gboolean
read_offset (const char      *text,
             gsize            len,
             gsize            pos,
             int             *offset,
             StanceTimeZone  *zone,
             GError         **error)
{
  int hh = 0, mm = 0;
  char sign;

  if (pos == len)
    {
      *offset = 0;
      *zone = STANCE_TIME_ZONE_NONE;
      return TRUE;
    }

  switch (text[pos])
    {
    case 'Z':
      *offset = 0;
      *zone = STANCE_TIME_ZONE_Z;
      pos += 1;
      break;

    case '+':
    case '-':
      sign = text[pos];
      if (!read_digits (text, len, pos + 1, 2, &hh, error) ||
          !expect_char (text, len, pos + 3, ':', error) ||
          !read_digits (text, len, pos + 4, 2, &mm, error))
        return FALSE;
      if (hh > 23 || mm > 59)
        return set_time_error (error, text, len,
                               "offset %c%02d:%02d is out of range", sign, hh, mm);
      *offset = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
      *zone = sign == '-' ? STANCE_TIME_ZONE_MINUS : STANCE_TIME_ZONE_PLUS;
      pos += 6;
      break;

    case 'z':
      return set_time_error (error, text, len,
                             "expected an uppercase 'Z' at byte %" G_GSIZE_FORMAT, pos);

    default:
      return set_time_error (error, text, len, "trailing characters after the time");
    }

  if (pos != len)
    return set_time_error (error, text, len, "trailing characters after the time");

  return TRUE;
}

gboolean
_stance_time_parse (StanceTime  *out,
                    const char  *text,
                    gsize        len,
                    GError     **error)
{
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int offset = 0;
  StanceTimeZone zone = STANCE_TIME_ZONE_NONE;
  StanceTimePrecision precision;
  gint64 days, start, end;
  gsize pos;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len == 0)
    return set_time_error (error, "", 0, "empty");

  /* YYYY */
  if (!read_digits (text, len, 0, 4, &year, error))
    return FALSE;
  if (year < 1)
    return set_time_error (error, text, len, "year %04d is out of range", year);
  precision = STANCE_TIME_PRECISION_YEAR;
  if (len == 4)
    goto done;

  /* -MM */
  if (text[4] != '-')
    return bad_after_date (text, len, 4, '-', error);
  if (!read_digits (text, len, 5, 2, &month, error))
    return FALSE;
  if (month < 1 || month > 12)
    return set_time_error (error, text, len, "month %02d is out of range", month);
  precision = STANCE_TIME_PRECISION_MONTH;
  if (len == 7)
    goto done;

  /* -DD */
  if (text[7] != '-')
    return bad_after_date (text, len, 7, '-', error);
  if (!read_digits (text, len, 8, 2, &day, error))
    return FALSE;
  if (day < 1 || day > days_in_month (year, month))
    return set_time_error (error, text, len, "day %02d is out of range for %04d-%02d",
                           day, year, month);
  precision = STANCE_TIME_PRECISION_DAY;
  if (len == 10)
    goto done;

  /* Thh:mm */
  if (text[10] != 'T')
    return bad_after_date (text, len, 10, 'T', error);
  if (!read_digits (text, len, 11, 2, &hour, error))
    return FALSE;
  if (hour > 23)
    return set_time_error (error, text, len, "hour %02d is out of range", hour);
  if (!expect_char (text, len, 13, ':', error) ||
      !read_digits (text, len, 14, 2, &minute, error))
    return FALSE;
  if (minute > 59)
    return set_time_error (error, text, len, "minute %02d is out of range", minute);
  precision = STANCE_TIME_PRECISION_MINUTE;
  pos = 16;

  /* :ss, then .fraction */
  if (pos < len && text[pos] == '.')
    return set_time_error (error, text, len, "a fraction needs seconds");
  if (pos < len && text[pos] == ':')
    {
      if (!read_digits (text, len, 17, 2, &second, error))
        return FALSE;
      if (second > 59)
        return set_time_error (error, text, len, "second %02d is out of range", second);
      precision = STANCE_TIME_PRECISION_SECOND;
      pos = 19;

      if (pos < len && text[pos] == '.')
        {
          /* Accepted and dropped: no source is that precise, and a period of
           * a whole second keeps the comparisons simple. */
          pos++;
          if (pos >= len || !g_ascii_isdigit (text[pos]))
            return set_time_error (error, text, len,
                                   "expected a digit at byte %" G_GSIZE_FORMAT, pos);
          while (pos < len && g_ascii_isdigit (text[pos]))
            pos++;
        }
    }

  if (!read_offset (text, len, pos, &offset, &zone, error))
    return FALSE;

done:
  days = days_from_civil (year, month, day);

  switch (precision)
    {
    case STANCE_TIME_PRECISION_YEAR:
      start = days * SECONDS_PER_DAY;
      end = days_from_civil (year + 1, 1, 1) * SECONDS_PER_DAY;
      break;

    case STANCE_TIME_PRECISION_MONTH:
      start = days * SECONDS_PER_DAY;
      end = (month == 12 ? days_from_civil (year + 1, 1, 1)
                         : days_from_civil (year, month + 1, 1)) * SECONDS_PER_DAY;
      break;

    case STANCE_TIME_PRECISION_DAY:
      start = days * SECONDS_PER_DAY;
      end = start + SECONDS_PER_DAY;
      break;

    case STANCE_TIME_PRECISION_MINUTE:
      start = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 - (gint64) offset * 60;
      end = start + 60;
      break;

    case STANCE_TIME_PRECISION_SECOND:
    default:
      start = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
              - (gint64) offset * 60;
      end = start + 1;
      break;
    }

  out->start = start;
  out->end = end;
  out->offset = (gint16) offset;
  out->precision = (guint8) precision;
  out->zone = (guint8) zone;

  return TRUE;
}

gsize
_stance_time_format (const StanceTime *time,
                     char              buf[STANCE_TIME_FORMAT_SIZE])
{
  gint64 year;
  int month, day, hour, minute, second, offset, n;
  char sign;

  g_return_val_if_fail (time != NULL, 0);
  g_return_val_if_fail (buf != NULL, 0);

  local_fields (time, &year, &month, &day, &hour, &minute, &second);

  switch (time->precision)
    {
    case STANCE_TIME_PRECISION_YEAR:
      n = g_snprintf (buf, STANCE_TIME_FORMAT_SIZE, "%04" G_GINT64_FORMAT, year);
      break;

    case STANCE_TIME_PRECISION_MONTH:
      n = g_snprintf (buf, STANCE_TIME_FORMAT_SIZE, "%04" G_GINT64_FORMAT "-%02d",
                      year, month);
      break;

    case STANCE_TIME_PRECISION_DAY:
      n = g_snprintf (buf, STANCE_TIME_FORMAT_SIZE, "%04" G_GINT64_FORMAT "-%02d-%02d",
                      year, month, day);
      break;

    case STANCE_TIME_PRECISION_MINUTE:
      n = g_snprintf (buf, STANCE_TIME_FORMAT_SIZE,
                      "%04" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d",
                      year, month, day, hour, minute);
      break;

    case STANCE_TIME_PRECISION_SECOND:
    default:
      n = g_snprintf (buf, STANCE_TIME_FORMAT_SIZE,
                      "%04" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d:%02d",
                      year, month, day, hour, minute, second);
      break;
    }

  if (time->precision >= STANCE_TIME_PRECISION_MINUTE &&
      n >= 0 && n < STANCE_TIME_FORMAT_SIZE)
    {
      switch (time->zone)
        {
        case STANCE_TIME_ZONE_Z:
          n += g_snprintf (buf + n, STANCE_TIME_FORMAT_SIZE - (gsize) n, "Z");
          break;

        case STANCE_TIME_ZONE_PLUS:
        case STANCE_TIME_ZONE_MINUS:
          sign = time->zone == STANCE_TIME_ZONE_MINUS ? '-' : '+';
          offset = time->offset;
          n += g_snprintf (buf + n, STANCE_TIME_FORMAT_SIZE - (gsize) n, "%c%02d:%02d",
                           sign, ABS (offset) / 60, ABS (offset) % 60);
          break;

        case STANCE_TIME_ZONE_NONE:
        default:
          break;
        }
    }

  /* g_snprintf() returns what it would have written; only a corrupt value
   * could get that far, and the buffer holds the truncated text. */
  if (n < 0)
    n = 0;
  return MIN ((gsize) n, STANCE_TIME_FORMAT_SIZE - 1);
}

/**
 * stance_time_new_from_string:
 * @text: a time in the document format's syntax, such as `2017-07-09` or
 *   `2017-07-09T21:15:33+02:00`
 * @error: return location for an error
 *
 * Parses a time as the document format writes it: `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, `YYYY-MM-DDThh:mm` or `YYYY-MM-DDThh:mm:ss` (with an optional
 * fractional second, which is dropped), the last two with an optional offset
 * `Z` or `±hh:mm`.  A time of day without an offset is UTC.
 *
 * A text that is none of these forms, or that names no real moment (month
 * 13, `24:00`, offset `+25:00`), sets `STANCE_ERROR_INVALID_TIME` in the
 * [error@Stance.Error] domain, with a message that quotes the text and says
 * what is wrong.
 *
 * Returns: (transfer full): the new time, or `NULL` with @error set
 *
 * Since: 1.0
 */
StanceTime *
stance_time_new_from_string (const char  *text,
                             GError     **error)
{
  StanceTime parsed;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_stance_time_parse (&parsed, text, strlen (text), error))
    return NULL;

  return stance_time_copy (&parsed);
}

/**
 * stance_time_copy:
 * @self: a time
 *
 * Copies a time, so that a caller can keep one that it does not own.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 1.0
 */
StanceTime *
stance_time_copy (const StanceTime *self)
{
  StanceTime *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (StanceTime, 1);
  *copy = *self;
  return copy;
}

/**
 * stance_time_free:
 * @self: a time
 *
 * Frees a time made by [ctor@Stance.Time.new_from_string] or
 * [method@Stance.Time.copy].
 *
 * Since: 1.0
 */
void
stance_time_free (StanceTime *self)
{
  g_return_if_fail (self != NULL);

  g_free (self);
}

/**
 * stance_time_to_string:
 * @self: a time
 *
 * Writes @self in the document format's syntax, as it was read: with the
 * same precision and the same offset (`Z`, `+02:00`, `-00:00` or none), so
 * that a load and a save give back the same text.  Only a fractional second
 * is lost.
 *
 * Returns: (transfer full): the text, such as `2017-07-09T21:15Z`
 *
 * Since: 1.0
 */
char *
stance_time_to_string (const StanceTime *self)
{
  char buf[STANCE_TIME_FORMAT_SIZE];
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);

  len = _stance_time_format (self, buf);
  return g_strndup (buf, len);
}

/**
 * stance_time_get_precision:
 * @self: a time
 *
 * Gets how precise @self is, which is how long a period it covers.
 *
 * Returns: the precision of @self
 *
 * Since: 1.0
 */
StanceTimePrecision
stance_time_get_precision (const StanceTime *self)
{
  g_return_val_if_fail (self != NULL, STANCE_TIME_PRECISION_YEAR);

  return (StanceTimePrecision) self->precision;
}

/**
 * stance_time_get_start:
 * @self: a time
 *
 * Gets the first second of the period that @self covers: for `2017-07-09`
 * midnight UTC, for `2017-07-09T21:15+02:00` 19:15 UTC.
 *
 * Returns: the start, in seconds since the Unix epoch (negative before 1970)
 *
 * Since: 1.0
 */
gint64
stance_time_get_start (const StanceTime *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start;
}

/**
 * stance_time_get_end:
 * @self: a time
 *
 * Gets the end of the period that @self covers.  The period is half-open:
 * the end is the first second after it, which is the start of the next
 * year, month, day, minute or second.
 *
 * Returns: the end, in seconds since the Unix epoch (negative before 1970)
 *
 * Since: 1.0
 */
gint64
stance_time_get_end (const StanceTime *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->end;
}

/**
 * stance_time_has_offset:
 * @self: a time
 *
 * Tells whether @self was written with an offset (`Z` or `±hh:mm`).  Only a
 * time of day can have one; without one it is UTC all the same, and the
 * difference matters only for writing it back.
 *
 * Returns: `TRUE` when @self has an offset
 *
 * Since: 1.0
 */
gboolean
stance_time_has_offset (const StanceTime *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->zone != STANCE_TIME_ZONE_NONE;
}

/**
 * stance_time_get_offset:
 * @self: a time
 *
 * Gets the offset from UTC that @self was written in: 120 for `+02:00`,
 * -330 for `-05:30`, and 0 for `Z`, for `-00:00` and when there is none
 * (see [method@Stance.Time.has_offset]).
 *
 * Returns: the offset in minutes east of UTC
 *
 * Since: 1.0
 */
int
stance_time_get_offset (const StanceTime *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offset;
}

/**
 * stance_time_to_date_time:
 * @self: a time
 *
 * Gets the start of the period that @self covers as a date and time in the
 * offset that @self was written in (UTC when it has none), for display and
 * for the calendar functions of GLib.
 *
 * Returns: (transfer full): the start of @self
 *
 * Since: 1.0
 */
GDateTime *
stance_time_to_date_time (const StanceTime *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  gint64 year;
  int month, day, hour, minute, second;

  g_return_val_if_fail (self != NULL, NULL);

  /* Built from the fields as written rather than from the Unix time because
   * the UTC side of a valid time can fall outside the years 1 to 9999 that
   * g_date_time_new_from_unix_utc() accepts (`0001-01-01T00:00+01:00`). */
  local_fields (self, &year, &month, &day, &hour, &minute, &second);

  if (self->precision >= STANCE_TIME_PRECISION_MINUTE &&
      (self->zone == STANCE_TIME_ZONE_PLUS || self->zone == STANCE_TIME_ZONE_MINUS))
    tz = g_time_zone_new_offset (self->offset * 60);
  else
    tz = g_time_zone_new_utc ();

  return g_date_time_new (tz, (int) year, month, day, hour, minute, second);
}

/**
 * stance_time_precedes:
 * @self: a time
 * @other: another time
 *
 * Tells whether @self certainly comes before @other: its period ends at or
 * before the start of @other's.  `2017-07-09` precedes `2017-07-10`, but
 * `2017-07` and `2017-07-10` overlap and neither precedes the other.
 *
 * Returns: `TRUE` when @self precedes @other
 *
 * Since: 1.0
 */
gboolean
stance_time_precedes (const StanceTime *self,
                      const StanceTime *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return self->end <= other->start;
}

/**
 * stance_time_overlaps:
 * @self: a time
 * @other: another time
 *
 * Tells whether the periods of @self and @other share a second, in which
 * case the order of the two is unknown.  This is the case exactly when
 * neither precedes the other.
 *
 * Returns: `TRUE` when the periods overlap
 *
 * Since: 1.0
 */
gboolean
stance_time_overlaps (const StanceTime *self,
                      const StanceTime *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return self->start < other->end && other->start < self->end;
}

/**
 * stance_time_compare:
 * @self: a time
 * @other: another time
 *
 * Compares two times by the start of their periods, then by the end, which
 * is the order in which a holder's acts are put.  Times that cover the same
 * period compare equal even when written in different offsets.
 *
 * Returns: -1, 0 or 1 as @self sorts before, with or after @other
 *
 * Since: 1.0
 */
int
stance_time_compare (const StanceTime *self,
                     const StanceTime *other)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (other != NULL, 0);

  return _stance_time_cmp (self, other);
}

/**
 * stance_time_equal:
 * @self: a time
 * @other: another time
 *
 * Tells whether two times are the same as written: the same period, the
 * same precision and the same offset.  `2017-07-09T21:15Z` and
 * `2017-07-09T23:15+02:00` cover the same minute but are not equal; use
 * [method@Stance.Time.compare] to compare periods only.
 *
 * Returns: `TRUE` when @self and @other are equal
 *
 * Since: 1.0
 */
gboolean
stance_time_equal (const StanceTime *self,
                   const StanceTime *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return self->start == other->start &&
         self->end == other->end &&
         self->precision == other->precision &&
         self->offset == other->offset &&
         self->zone == other->zone;
}

/* Whether @time is exactly what _stance_time_parse() makes of some text:
 * the snapshot loader checks every time it maps, because the formatter and
 * the comparisons trust the fields (a year beyond 9999 would not fit the
 * formatter's buffer).  As cheap as a parse, without the text. */
gboolean
_stance_time_is_valid (const StanceTime *time)
{
  const gint64 min = days_from_civil (1, 1, 1) * SECONDS_PER_DAY;
  const gint64 max = days_from_civil (10000, 1, 1) * SECONDS_PER_DAY;
  gint64 local, days, year, end;
  int month, day;

  switch (time->zone)
    {
    case STANCE_TIME_ZONE_NONE:
    case STANCE_TIME_ZONE_Z:
      if (time->offset != 0)
        return FALSE;
      break;
    case STANCE_TIME_ZONE_PLUS:
      if (time->offset < 0 || time->offset > 23 * 60 + 59)
        return FALSE;
      break;
    case STANCE_TIME_ZONE_MINUS:
      if (time->offset > 0 || time->offset < -(23 * 60 + 59))
        return FALSE;
      break;
    default:
      return FALSE;
    }

  if (time->precision > STANCE_TIME_PRECISION_SECOND ||
      (time->precision < STANCE_TIME_PRECISION_MINUTE && time->zone != STANCE_TIME_ZONE_NONE))
    return FALSE;

  /* Bounded first, so that nothing below can overflow. */
  if (time->start < min - SECONDS_PER_DAY || time->start >= max + SECONDS_PER_DAY)
    return FALSE;
  local = time->start + (gint64) time->offset * 60;
  if (local < min || local >= max)
    return FALSE;

  days = floor_div (local, SECONDS_PER_DAY);

  /* Only years and months need the calendar; days, the common case of a
   * big corpus, do not. */
  switch (time->precision)
    {
    case STANCE_TIME_PRECISION_YEAR:
      civil_from_days (days, &year, &month, &day);
      if (local != days * SECONDS_PER_DAY || month != 1 || day != 1)
        return FALSE;
      end = days_from_civil (year + 1, 1, 1) * SECONDS_PER_DAY;
      break;
    case STANCE_TIME_PRECISION_MONTH:
      civil_from_days (days, &year, &month, &day);
      if (local != days * SECONDS_PER_DAY || day != 1)
        return FALSE;
      end = (month == 12 ? days_from_civil (year + 1, 1, 1)
                         : days_from_civil (year, month + 1, 1)) * SECONDS_PER_DAY;
      break;
    case STANCE_TIME_PRECISION_DAY:
      if (local != days * SECONDS_PER_DAY)
        return FALSE;
      end = time->start + SECONDS_PER_DAY;
      break;
    case STANCE_TIME_PRECISION_MINUTE:
      if (floor_div (local, 60) * 60 != local)
        return FALSE;
      end = time->start + 60;
      break;
    default:
      end = time->start + 1;
      break;
    }

  return time->end == end;
}

/* The calendar arithmetic above, for the time windows of networks. */
gint64
_stance_time_days_from_civil (gint64 year,
                              int    month,
                              int    day)
{
  return days_from_civil (year, month, day);
}

void
_stance_time_civil_from_days (gint64  days,
                              gint64 *year,
                              int    *month,
                              int    *day)
{
  civil_from_days (days, year, month, day);
}

int
_stance_time_days_in_month (int year,
                            int month)
{
  return days_in_month (year, month);
}

gint64
_stance_time_floor_div (gint64 a,
                        gint64 b)
{
  return floor_div (a, b);
}
