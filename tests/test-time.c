/* test-time.c: tests for StanceTime and the private time parser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "stance-time-private.h"
#include "stance-error.h"

/* Parses exactly @len bytes from a heap copy of that size, so that a read
 * past the end shows up under valgrind or ASan. */
static gboolean
parse_exact (StanceTime  *out,
             const char  *text,
             gsize        len,
             GError     **error)
{
  g_autofree char *copy = g_memdup2 (text, len);

  return _stance_time_parse (out, copy, len, error);
}

static char *
format_time (const StanceTime *time)
{
  char buf[STANCE_TIME_FORMAT_SIZE];
  gsize len;

  memset (buf, 'X', sizeof buf);
  len = _stance_time_format (time, buf);
  g_assert_cmpuint (len, <, STANCE_TIME_FORMAT_SIZE);
  g_assert_cmpuint (strlen (buf), ==, len);
  return g_strndup (buf, len);
}

/* An error must be ours, must quote the text and must be valid UTF-8
 * whatever the input was. */
static void
assert_time_error (const GError *error)
{
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "malformed time \""));
  g_assert_nonnull (strstr (error->message, "\": "));
}

typedef struct {
  const char          *text;
  StanceTimePrecision  precision;
  gint64               start;
  gint64               end;
  int                  offset;
  StanceTimeZone       zone;
  const char          *canonical; /* NULL: the text itself */
} ValidCase;

#define Y  STANCE_TIME_PRECISION_YEAR
#define MO STANCE_TIME_PRECISION_MONTH
#define D  STANCE_TIME_PRECISION_DAY
#define MI STANCE_TIME_PRECISION_MINUTE
#define S  STANCE_TIME_PRECISION_SECOND
#define NONE  STANCE_TIME_ZONE_NONE
#define ZULU  STANCE_TIME_ZONE_Z
#define PLUS  STANCE_TIME_ZONE_PLUS
#define MINUS STANCE_TIME_ZONE_MINUS

/* Expected values from `date -u -d … +%s`, not from the code under test. */
static const ValidCase valid_cases[] = {
  /* years */
  { "2017", Y, 1483228800, 1514764800, 0, NONE, NULL },
  { "2016", Y, 1451606400, 1483228800, 0, NONE, NULL },
  { "1970", Y, 0, 31536000, 0, NONE, NULL },
  { "1900", Y, -2208988800, -2177452800, 0, NONE, NULL },
  { "0001", Y, -62135596800, -62104060800, 0, NONE, NULL },
  { "9999", Y, 253370764800, 253402300800, 0, NONE, NULL },
  /* months */
  { "2017-07", MO, 1498867200, 1501545600, 0, NONE, NULL },
  { "2016-02", MO, 1454284800, 1456790400, 0, NONE, NULL },
  { "2017-12", MO, 1512086400, 1514764800, 0, NONE, NULL },
  { "0001-01", MO, -62135596800, -62132918400, 0, NONE, NULL },
  { "9999-12", MO, 253399622400, 253402300800, 0, NONE, NULL },
  /* days, with the leap years */
  { "2017-07-09", D, 1499558400, 1499644800, 0, NONE, NULL },
  { "2016-02-29", D, 1456704000, 1456790400, 0, NONE, NULL },
  { "2000-02-29", D, 951782400, 951868800, 0, NONE, NULL },
  { "1600-02-29", D, -11670998400, -11670912000, 0, NONE, NULL },
  { "1969-12-31", D, -86400, 0, 0, NONE, NULL },
  { "0001-01-01", D, -62135596800, -62135510400, 0, NONE, NULL },
  { "9999-12-31", D, 253402214400, 253402300800, 0, NONE, NULL },
  /* minutes */
  { "2017-07-09T21:15Z", MI, 1499634900, 1499634960, 0, ZULU, NULL },
  { "2017-07-09T21:15", MI, 1499634900, 1499634960, 0, NONE, NULL },
  { "2017-07-09T21:15+02:00", MI, 1499627700, 1499627760, 120, PLUS, NULL },
  { "2017-07-09T21:15-05:30", MI, 1499654700, 1499654760, -330, MINUS, NULL },
  { "2017-07-09T21:15+00:00", MI, 1499634900, 1499634960, 0, PLUS, NULL },
  { "2017-07-09T21:15-00:00", MI, 1499634900, 1499634960, 0, MINUS, NULL },
  { "2017-07-09T00:00+23:59", MI, 1499472060, 1499472120, 1439, PLUS, NULL },
  { "2017-07-09T23:59-23:59", MI, 1499731080, 1499731140, -1439, MINUS, NULL },
  /* offsets that move the period into another UTC day and year */
  { "2017-01-01T00:30+01:00", MI, 1483227000, 1483227060, 60, PLUS, NULL },
  { "2016-12-31T23:30-01:00", MI, 1483230600, 1483230660, -60, MINUS, NULL },
  { "0001-01-01T00:00+01:00", MI, -62135600400, -62135600340, 60, PLUS, NULL },
  { "9999-12-31T23:59-23:59", MI, 253402387080, 253402387140, -1439, MINUS, NULL },
  /* seconds */
  { "2017-07-09T21:15:33+02:00", S, 1499627733, 1499627734, 120, PLUS, NULL },
  { "2017-07-09T21:15:33Z", S, 1499634933, 1499634934, 0, ZULU, NULL },
  { "2017-07-09T21:15:33", S, 1499634933, 1499634934, 0, NONE, NULL },
  { "1969-12-31T23:59:59Z", S, -1, 0, 0, ZULU, NULL },
  { "0001-01-01T00:00:00Z", S, -62135596800, -62135596799, 0, ZULU, NULL },
  { "9999-12-31T23:59:59Z", S, 253402300799, 253402300800, 0, ZULU, NULL },
  { "2000-02-29T12:00:00-00:00", S, 951825600, 951825601, 0, MINUS, NULL },
  /* fractions: accepted and dropped, never rounded */
  { "2017-07-09T21:15:33.123Z", S, 1499634933, 1499634934, 0, ZULU, "2017-07-09T21:15:33Z" },
  { "2017-07-09T21:15:33.5", S, 1499634933, 1499634934, 0, NONE, "2017-07-09T21:15:33" },
  { "2017-07-09T21:15:33.9-05:30", S, 1499654733, 1499654734, -330, MINUS,
    "2017-07-09T21:15:33-05:30" },
  { "2017-07-09T21:15:33.000000000000000000001+02:00", S, 1499627733, 1499627734, 120, PLUS,
    "2017-07-09T21:15:33+02:00" },
  { "9999-12-31T23:59:59.999999Z", S, 253402300799, 253402300800, 0, ZULU,
    "9999-12-31T23:59:59Z" },
};

static void
test_parse_valid (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      StanceTime time;

      g_test_message ("%s", c->text);
      g_assert_true (parse_exact (&time, c->text, strlen (c->text), &error));
      g_assert_no_error (error);
      g_assert_cmpint (time.precision, ==, c->precision);
      g_assert_cmpint (time.start, ==, c->start);
      g_assert_cmpint (time.end, ==, c->end);
      g_assert_cmpint (time.offset, ==, c->offset);
      g_assert_cmpint (time.zone, ==, c->zone);

      formatted = format_time (&time);
      g_assert_cmpstr (formatted, ==, c->canonical ? c->canonical : c->text);
    }
}

/* The public constructor and getters agree with the private record. */
static void
test_public_getters (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(StanceTime) time = NULL;
      g_autofree char *text = NULL;

      time = stance_time_new_from_string (c->text, &error);
      g_assert_no_error (error);
      g_assert_nonnull (time);
      g_assert_cmpint (stance_time_get_precision (time), ==, c->precision);
      g_assert_cmpint (stance_time_get_start (time), ==, c->start);
      g_assert_cmpint (stance_time_get_end (time), ==, c->end);
      g_assert_cmpint (stance_time_get_offset (time), ==, c->offset);
      g_assert_cmpint (stance_time_has_offset (time), ==, c->zone != NONE);

      text = stance_time_to_string (time);
      g_assert_cmpstr (text, ==, c->canonical ? c->canonical : c->text);
    }
}

/* format (parse (x)) == x, and parse (format (t)) == t. */
static void
test_round_trip (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      StanceTime time, again;

      g_assert_true (_stance_time_parse (&time, c->text, strlen (c->text), NULL));
      first = format_time (&time);
      g_assert_true (_stance_time_parse (&again, first, strlen (first), NULL));
      second = format_time (&again);
      g_assert_cmpstr (first, ==, second);
      g_assert_cmpint (_stance_time_cmp (&time, &again), ==, 0);
      g_assert_true (stance_time_equal (&time, &again));
      if (strchr (c->text, '.') == NULL)
        g_assert_cmpstr (first, ==, c->text);
    }
}

/* The calendar arithmetic against GDateTime's, over every month of every
 * year and every day of some years that matter (leap rules, the ends). */
static void
test_parse_calendar (void)
{
  static const int day_years[] = { 1, 4, 100, 400, 1600, 1900, 1969, 1970, 2000, 2016, 2017,
                                   2100, 9999 };
  int year, month, day;
  gsize i;

  for (year = 1; year <= 9999; year++)
    for (month = 1; month <= 12; month++)
      {
        g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
        gint64 next;
        char text[16];
        StanceTime time;

        if (month == 12 && year == 9999)
          next = G_GINT64_CONSTANT (253402300800);
        else
          {
            g_autoptr(GDateTime) after = g_date_time_add_months (first, 1);
            next = g_date_time_to_unix (after);
          }

        g_snprintf (text, sizeof text, "%04d-%02d", year, month);
        g_assert_true (_stance_time_parse (&time, text, strlen (text), NULL));
        g_assert_cmpint (time.start, ==, g_date_time_to_unix (first));
        g_assert_cmpint (time.end, ==, next);
      }

  for (i = 0; i < G_N_ELEMENTS (day_years); i++)
    {
      year = day_years[i];
      for (month = 1; month <= 12; month++)
        {
          int n_days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

          for (day = 1; day <= n_days + 1; day++)
            {
              g_autoptr(GError) error = NULL;
              char text[16];
              StanceTime time;

              g_snprintf (text, sizeof text, "%04d-%02d-%02d", year, month, day);
              if (day > n_days)
                {
                  g_assert_false (_stance_time_parse (&time, text, strlen (text), &error));
                  assert_time_error (error);
                  g_assert_nonnull (strstr (error->message, "out of range"));
                }
              else
                {
                  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 0, 0, 0);

                  g_assert_true (_stance_time_parse (&time, text, strlen (text), &error));
                  g_assert_no_error (error);
                  g_assert_cmpint (time.start, ==, g_date_time_to_unix (dt));
                  g_assert_cmpint (time.end, ==, time.start + 86400);
                }
            }
        }
    }
}

static void
test_parse_leap_years (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
  } cases[] = {
    { "2016-02-29", TRUE },
    { "2017-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2000-02-29", TRUE },
    { "2100-02-29", FALSE },
    { "2400-02-29", TRUE },
    { "0004-02-29", TRUE },
    { "2016-02-30", FALSE },
    { "2016-02-29T23:59:59Z", TRUE },
    { "2017-02-29T00:00Z", FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      StanceTime time;
      gboolean ok;

      g_test_message ("%s", cases[i].text);
      ok = _stance_time_parse (&time, cases[i].text, strlen (cases[i].text), &error);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_no_error (error);
      else
        {
          assert_time_error (error);
          g_assert_nonnull (strstr (error->message, "is out of range for"));
        }
    }
}

static void
test_parse_boundaries (void)
{
  g_autoptr(StanceTime) first = stance_time_new_from_string ("0001-01-01", NULL);
  g_autoptr(StanceTime) last = stance_time_new_from_string ("9999-12-31T23:59:59Z", NULL);
  g_autoptr(StanceTime) year = stance_time_new_from_string ("9999", NULL);
  g_autoptr(StanceTime) crossing = stance_time_new_from_string ("2017-01-01T00:30+01:00", NULL);
  g_autoptr(GDateTime) year_2017 = g_date_time_new_utc (2017, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  StanceTime time;

  g_assert_cmpint (stance_time_get_start (first), ==, G_GINT64_CONSTANT (-62135596800));
  g_assert_cmpint (stance_time_get_end (last), ==, G_GINT64_CONSTANT (253402300800));
  g_assert_cmpint (stance_time_get_end (year), ==, G_GINT64_CONSTANT (253402300800));

  /* Written in 2017, but it starts in 2016 UTC. */
  g_assert_cmpint (stance_time_get_start (crossing), <, g_date_time_to_unix (year_2017));
  g_assert_cmpint (stance_time_get_end (crossing), <=, g_date_time_to_unix (year_2017));

  /* The year range is of the text, not of the UTC period. */
  g_assert_false (_stance_time_parse (&time, "0000", 4, &error));
  assert_time_error (error);
  g_clear_error (&error);
  g_assert_false (_stance_time_parse (&time, "0000-12-31T23:00-01:00", 22, &error));
  assert_time_error (error);
}

typedef struct {
  const char *text;
  gsize       len;     /* (gsize) -1: strlen (text) */
  const char *reason;  /* part of the message */
} InvalidCase;

#define WITH_LEN(literal) literal, sizeof (literal) - 1

static const InvalidCase invalid_cases[] = {
  { "", (gsize) -1, "\"\": empty" },
  { "2017-13", (gsize) -1, "month 13 is out of range" },
  { "2017-00", (gsize) -1, "month 00 is out of range" },
  { "2017-06-31", (gsize) -1, "day 31 is out of range for 2017-06" },
  { "2017-07-00", (gsize) -1, "day 00 is out of range for 2017-07" },
  { "2017-02-29", (gsize) -1, "day 29 is out of range for 2017-02" },
  { "1900-02-29", (gsize) -1, "day 29 is out of range for 1900-02" },
  { "2017-07-09T24:00", (gsize) -1, "hour 24 is out of range" },
  { "2017-07-09T24:00Z", (gsize) -1, "hour 24 is out of range" },
  { "2017-07-09T21:60", (gsize) -1, "minute 60 is out of range" },
  { "2017-07-09T21:15:60Z", (gsize) -1, "second 60 is out of range" },
  { "2017-07-09T21:15+25:00", (gsize) -1, "offset +25:00 is out of range" },
  { "2017-07-09T21:15+24:00", (gsize) -1, "offset +24:00 is out of range" },
  { "2017-07-09T21:15+23:60", (gsize) -1, "offset +23:60 is out of range" },
  { "2017-07-09T21:15:33-99:99", (gsize) -1, "offset -99:99 is out of range" },
  { "0000", (gsize) -1, "year 0000 is out of range" },
  { "0000-01-01", (gsize) -1, "year 0000 is out of range" },
  { "2017-7-9", (gsize) -1, "expected a digit at byte 6" },
  { "2017-07-9", (gsize) -1, "expected a digit at byte 9" },
  { "17", (gsize) -1, "expected a digit at byte 2" },
  { "+2017", (gsize) -1, "expected a digit at byte 0" },
  { " 2017", (gsize) -1, "expected a digit at byte 0" },
  { "20170709", (gsize) -1, "expected '-' at byte 4" },
  { "2017/07", (gsize) -1, "expected '-' at byte 4" },
  { "2017-07-09 21:15", (gsize) -1, "expected 'T' at byte 10" },
  { "2017-07-09T", (gsize) -1, "expected a digit at byte 11" },
  { "2017-07-09T21", (gsize) -1, "expected ':' at byte 13" },
  { "2017-07-09T2115", (gsize) -1, "expected ':' at byte 13" },
  { "2017-07-09T21:15+0200", (gsize) -1, "expected ':' at byte 19" },
  { "2017-07-09T21:15+02", (gsize) -1, "expected ':' at byte 19" },
  { "2017-07-09T21:15+", (gsize) -1, "expected a digit at byte 17" },
  { "2017-07-09T21:15:33.", (gsize) -1, "expected a digit at byte 20" },
  { "2017-07-09T21:15:33.Z", (gsize) -1, "expected a digit at byte 20" },
  { "2017-07-09T21:15:33junk", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15Zjunk", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15ZZ", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15+02:00x", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15:33.5.5", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15 ", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09T21:15:33Z\n", (gsize) -1, "trailing characters after the time" },
  { "2017-07-09t21:15Z", (gsize) -1, "expected an uppercase 'T' at byte 10" },
  { "2017-07-09T21:15z", (gsize) -1, "expected an uppercase 'Z' at byte 16" },
  { "2017-07-09T21:15:33z", (gsize) -1, "expected an uppercase 'Z' at byte 19" },
  { "2017-07-09Z", (gsize) -1, "an offset needs a time of day" },
  { "2017-07-09+02:00", (gsize) -1, "an offset needs a time of day" },
  { "2017-07-09-05:00", (gsize) -1, "an offset needs a time of day" },
  { "2017-07Z", (gsize) -1, "an offset needs a time of day" },
  { "2017Z", (gsize) -1, "an offset needs a time of day" },
  { "2017T21:15", (gsize) -1, "a time of day needs a full date" },
  { "2017-07T21:15", (gsize) -1, "a time of day needs a full date" },
  { "2017-07-09T21:15.5", (gsize) -1, "a fraction needs seconds" },
  { "2017-07-09T21:15.5Z", (gsize) -1, "a fraction needs seconds" },
  /* Fullwidth digits are digits to Unicode, not to the format. */
  { "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x97", (gsize) -1,
    "\"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x97\": expected a digit at byte 0" },
  /* Embedded NUL bytes: the length rules, not the terminator. */
  { WITH_LEN ("2017\0-07"), "\"2017\\x00-07\": expected '-' at byte 4" },
  { WITH_LEN ("2017-07-09\0"), "\"2017-07-09\\x00\": expected 'T' at byte 10" },
  { WITH_LEN ("\0"), "\"\\x00\": expected a digit at byte 0" },
  { WITH_LEN ("2017-07-09T21:15:33Z\0"), "trailing characters after the time" },
  /* Invalid UTF-8 is escaped, never copied into the message. */
  { "2017-07-\xff\xfe", (gsize) -1, "\"2017-07-\\xff\\xfe\": expected a digit at byte 8" },
  { "\xc3\x28", (gsize) -1, "\"\\xc3(\": expected a digit at byte 0" },
  { "2017-07-09T21:15:33Z\xed\xa0\x80", (gsize) -1, "Z\\xed\\xa0\\x80\": trailing" },
  /* Quotes and control characters are escaped too. */
  { "2017\"", (gsize) -1, "\"2017\\\"\": expected '-' at byte 4" },
  { "2017\t", (gsize) -1, "\"2017\\x09\": expected '-' at byte 4" },
};

static void
test_parse_invalid (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      gsize len = c->len == (gsize) -1 ? strlen (c->text) : c->len;
      g_autoptr(GError) error = NULL;
      StanceTime time, before;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->reason);

      /* A failed parse leaves the output alone. */
      memset (&time, 0x5a, sizeof time);
      before = time;
      g_assert_false (parse_exact (&time, c->text, len, &error));
      assert_time_error (error);
      g_assert_nonnull (strstr (error->message, c->reason));
      g_assert_cmpmem (&time, sizeof time, &before, sizeof before);

      /* Without an error location it fails all the same. */
      g_assert_false (parse_exact (&time, c->text, len, NULL));
    }
}

/* Exact messages: the text quoted, then the reason, and nothing else (the
 * caller adds the location). */
static void
test_parse_messages (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "2017-13", "malformed time \"2017-13\": month 13 is out of range" },
    { "2017-06-31", "malformed time \"2017-06-31\": day 31 is out of range for 2017-06" },
    { "2017-07-09T24:00", "malformed time \"2017-07-09T24:00\": hour 24 is out of range" },
    { "2017-07-09T21:15+25:00",
      "malformed time \"2017-07-09T21:15+25:00\": offset +25:00 is out of range" },
    { "0000", "malformed time \"0000\": year 0000 is out of range" },
    { "2017-7-9", "malformed time \"2017-7-9\": expected a digit at byte 6; use an ISO 8601 date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z" },
    { "2017-07-09Z", "malformed time \"2017-07-09Z\": an offset needs a time of day; use an ISO 8601 date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z" },
    { "", "malformed time \"\": empty; use an ISO 8601 date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z" },
    { "06/06/2019", "malformed time \"06/06/2019\": expected a digit at byte 2; use an ISO 8601 date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StanceTime) time = NULL;

      time = stance_time_new_from_string (cases[i].text, &error);
      g_assert_null (time);
      g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A long text is cut to its first 40 bytes, never inside a character. */
static void
test_parse_long_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("2017-07-09T21:15:33Z");
  g_autofree char *expected = NULL;
  StanceTime time;
  const char *quoted, *end;
  int i;

  for (i = 0; i < 100; i++)
    g_string_append (text, "x");
  g_assert_false (parse_exact (&time, text->str, text->len, &error));
  assert_time_error (error);
  expected = g_strdup_printf ("\"%.40s\xe2\x80\xa6\": trailing characters after the time; use an ISO 8601 "
                              "date or date-time such as 2017, 2017-07, 2017-07-09 or 2017-07-09T21:15Z",
                              text->str);
  g_assert_cmpstr (strchr (error->message, '"'), ==, expected);
  g_clear_error (&error);

  /* 19 "é" after the first "2": the 40-byte cut falls inside the 20th. */
  g_string_assign (text, "2");
  for (i = 0; i < 30; i++)
    g_string_append (text, "\xc3\xa9");
  g_assert_false (parse_exact (&time, text->str, text->len, &error));
  assert_time_error (error);
  quoted = strchr (error->message, '"') + 1;
  end = strstr (quoted, "\xe2\x80\xa6\": expected a digit at byte 1");
  g_assert_nonnull (end);
  g_assert_cmpint (end - quoted, ==, 1 + 19 * 2);
  g_clear_error (&error);

  /* Exactly 40 bytes are shown whole. */
  g_string_assign (text, "2017-07-09T21:15:33Z");
  g_string_append (text, "12345678901234567890");
  g_assert_cmpuint (text->len, ==, 40);
  g_assert_false (parse_exact (&time, text->str, text->len, &error));
  assert_time_error (error);
  g_assert_null (strstr (error->message, "\xe2\x80\xa6"));
  g_assert_nonnull (strstr (error->message, text->str));
}

/* Only @len bytes count: a longer buffer is cut, not read on. */
static void
test_parse_length (void)
{
  static const struct {
    const char          *text;
    gsize                len;
    StanceTimePrecision  precision;
    const char          *canonical;
  } cases[] = {
    { "2017-07-09T21:15:33Z", 4, Y, "2017" },
    { "2017-07-09T21:15:33Z", 7, MO, "2017-07" },
    { "2017-07-09T21:15:33Z", 10, D, "2017-07-09" },
    { "2017-07-09T21:15:33Z", 16, MI, "2017-07-09T21:15" },
    { "2017-07-09T21:15:33Z", 19, S, "2017-07-09T21:15:33" },
    { "2017-07-09T21:15:33.25Z", 21, S, "2017-07-09T21:15:33" },
    { "2017-07-09T21:15+02:00junk", 22, MI, "2017-07-09T21:15+02:00" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      StanceTime time;

      g_assert_true (parse_exact (&time, cases[i].text, cases[i].len, &error));
      g_assert_no_error (error);
      g_assert_cmpint (time.precision, ==, cases[i].precision);
      formatted = format_time (&time);
      g_assert_cmpstr (formatted, ==, cases[i].canonical);
    }
}

/* Every prefix of every valid text either parses and writes itself back, or
 * fails cleanly; none is read past its end. */
static void
test_parse_prefixes (void)
{
  gsize i, len;

  for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const char *text = valid_cases[i].text;

      for (len = 0; len <= strlen (text); len++)
        {
          g_autoptr(GError) error = NULL;
          StanceTime time;

          if (parse_exact (&time, text, len, &error))
            {
              g_autofree char *formatted = format_time (&time);
              g_autofree char *prefix = g_strndup (text, len);

              g_assert_no_error (error);
              if (memchr (text, '.', len) == NULL)
                g_assert_cmpstr (formatted, ==, prefix);
            }
          else
            assert_time_error (error);
        }
    }
}

/* Random edits of valid texts: no crash, clean errors, and whatever parses
 * writes itself back. */
static void
test_parse_mutations (void)
{
  static const char alphabet[] = "0123456789-T:Z+.tz \"\\\xff\xc3\xa9";
  gsize i;
  int round;

  for (round = 0; round < 2000; round++)
    for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
      {
        g_autoptr(GError) error = NULL;
        char text[64];
        gsize len = strlen (valid_cases[i].text);
        StanceTime time;
        int n_edits, e;

        memcpy (text, valid_cases[i].text, len);
        n_edits = g_test_rand_int_range (1, 4);
        for (e = 0; e < n_edits; e++)
          {
            /* alphabet includes its terminating NUL: embedded NULs too */
            char c = alphabet[g_test_rand_int_range (0, sizeof alphabet)];
            gsize at = (gsize) g_test_rand_int_range (0, (gint32) len + 1);

            switch (g_test_rand_int_range (0, 3))
              {
              case 0: /* replace */
                if (at < len)
                  text[at] = c;
                break;
              case 1: /* insert */
                if (len < sizeof text - 1)
                  {
                    memmove (text + at + 1, text + at, len - at);
                    text[at] = c;
                    len++;
                  }
                break;
              default: /* delete */
                if (at < len)
                  {
                    memmove (text + at, text + at + 1, len - at - 1);
                    len--;
                  }
                break;
              }
          }

        if (parse_exact (&time, text, len, &error))
          {
            g_autofree char *formatted = format_time (&time);
            StanceTime again;

            g_assert_no_error (error);
            g_assert_true (_stance_time_parse (&again, formatted, strlen (formatted), NULL));
            g_assert_true (stance_time_equal (&time, &again));
            if (memchr (text, '.', len) == NULL)
              g_assert_cmpmem (formatted, strlen (formatted), text, len);
          }
        else
          assert_time_error (error);
      }
}

typedef struct {
  const char *a;
  const char *b;
  gboolean    a_precedes_b;
  gboolean    b_precedes_a;
  gboolean    overlap;
} OrderCase;

static const OrderCase order_cases[] = {
  /* SPEC's examples */
  { "2017-07", "2017-07-10", FALSE, FALSE, TRUE },
  { "2017-07-09", "2017-07-10", TRUE, FALSE, FALSE },
  /* half-open: ending where the other starts is preceding */
  { "2017-07-09T23:59:59Z", "2017-07-10", TRUE, FALSE, FALSE },
  { "2017", "2018", TRUE, FALSE, FALSE },
  { "1969-12-31T23:59:59Z", "1970", TRUE, FALSE, FALSE },
  { "2017-07-09T21:15", "2017-07-09T21:16:00", TRUE, FALSE, FALSE },
  { "2017-07-09T21:15", "2017-07-09T21:15:59", FALSE, FALSE, TRUE },
  /* offsets: the 10th local is the 9th UTC */
  { "2017-07-10T00:30+01:00", "2017-07-10", TRUE, FALSE, FALSE },
  { "2017-07-10T00:00+02:00", "2017-07-09", FALSE, FALSE, TRUE },
  { "2017-07-09T21:15Z", "2017-07-09T23:15+02:00", FALSE, FALSE, TRUE },
  /* containment and identity */
  { "2017", "2017-12-31T23:59:59Z", FALSE, FALSE, TRUE },
  { "2017-07-09", "2017-07-09", FALSE, FALSE, TRUE },
};

static void
test_precedes_overlaps (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (order_cases); i++)
    {
      const OrderCase *c = &order_cases[i];
      g_autoptr(StanceTime) a = stance_time_new_from_string (c->a, NULL);
      g_autoptr(StanceTime) b = stance_time_new_from_string (c->b, NULL);

      g_test_message ("%s / %s", c->a, c->b);
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (stance_time_precedes (a, b), ==, c->a_precedes_b);
      g_assert_cmpint (stance_time_precedes (b, a), ==, c->b_precedes_a);
      g_assert_cmpint (stance_time_overlaps (a, b), ==, c->overlap);
      g_assert_cmpint (stance_time_overlaps (b, a), ==, c->overlap);
      /* Exactly one of: a first, b first, unordered. */
      g_assert_cmpint (c->a_precedes_b + c->b_precedes_a + c->overlap, ==, 1);
    }
}

typedef struct {
  const char *a;
  const char *b;
  int         cmp;
  gboolean    equal;
} CompareCase;

static const CompareCase compare_cases[] = {
  { "2017", "2017", 0, TRUE },
  { "2017-01", "2017", -1, FALSE },
  { "2017", "2017-01-01", 1, FALSE },
  { "2016", "2017", -1, FALSE },
  { "2017-07-10", "2017-07", 1, FALSE },
  { "2017-07-09T21:15:00Z", "2017-07-09T21:15Z", -1, FALSE },
  /* the same period written differently: compare says equal, equal not */
  { "2017-07-09T21:15Z", "2017-07-09T23:15+02:00", 0, FALSE },
  { "2017-07-09T21:15Z", "2017-07-09T21:15", 0, FALSE },
  { "2017-07-09T21:15+00:00", "2017-07-09T21:15-00:00", 0, FALSE },
  { "2017-07-09T21:15Z", "2017-07-09T21:15+00:00", 0, FALSE },
  /* the fraction is gone */
  { "2017-07-09T21:15:33.5Z", "2017-07-09T21:15:33Z", 0, TRUE },
  { "2017-07-09T21:15:33.5+02:00", "2017-07-09T21:15:33.9+02:00", 0, TRUE },
  { "0001-01-01T00:00+01:00", "0001", -1, FALSE },
};

static void
test_compare_equal (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (compare_cases); i++)
    {
      const CompareCase *c = &compare_cases[i];
      g_autoptr(StanceTime) a = stance_time_new_from_string (c->a, NULL);
      g_autoptr(StanceTime) b = stance_time_new_from_string (c->b, NULL);
      g_autoptr(StanceTime) a_copy = NULL;

      g_test_message ("%s / %s", c->a, c->b);
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (stance_time_compare (a, b), ==, c->cmp);
      g_assert_cmpint (stance_time_compare (b, a), ==, -c->cmp);
      g_assert_cmpint (_stance_time_cmp (a, b), ==, c->cmp);
      g_assert_cmpint (stance_time_equal (a, b), ==, c->equal);
      g_assert_cmpint (stance_time_equal (b, a), ==, c->equal);

      a_copy = stance_time_copy (a);
      g_assert_true (a_copy != a);
      g_assert_true (stance_time_equal (a, a_copy));
      g_assert_cmpint (stance_time_compare (a, a_copy), ==, 0);
    }
}

static void
test_to_date_time (void)
{
  static const struct {
    const char *text;
    int         year, month, day, hour, minute, second;
    int         offset_minutes;
  } cases[] = {
    { "2017", 2017, 1, 1, 0, 0, 0, 0 },
    { "2017-07", 2017, 7, 1, 0, 0, 0, 0 },
    { "2017-07-09", 2017, 7, 9, 0, 0, 0, 0 },
    { "2017-07-09T21:15Z", 2017, 7, 9, 21, 15, 0, 0 },
    { "2017-07-09T21:15", 2017, 7, 9, 21, 15, 0, 0 },
    { "2017-07-09T21:15:33+02:00", 2017, 7, 9, 21, 15, 33, 120 },
    { "2017-07-09T21:15:33.75-05:30", 2017, 7, 9, 21, 15, 33, -330 },
    { "2017-07-09T21:15-00:00", 2017, 7, 9, 21, 15, 0, 0 },
    { "2017-01-01T00:30+01:00", 2017, 1, 1, 0, 30, 0, 60 },
    { "1969-12-31T23:59:59Z", 1969, 12, 31, 23, 59, 59, 0 },
    /* UTC sides in year 0 and year 10000 */
    { "0001-01-01T00:00+01:00", 1, 1, 1, 0, 0, 0, 60 },
    { "9999-12-31T23:59-23:59", 9999, 12, 31, 23, 59, 0, -1439 },
    { "0001-01-01", 1, 1, 1, 0, 0, 0, 0 },
    { "9999-12-31T23:59:59Z", 9999, 12, 31, 23, 59, 59, 0 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StanceTime) time = stance_time_new_from_string (cases[i].text, NULL);
      g_autoptr(GDateTime) dt = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (time);
      dt = stance_time_to_date_time (time);
      g_assert_nonnull (dt);
      g_assert_cmpint (g_date_time_get_year (dt), ==, cases[i].year);
      g_assert_cmpint (g_date_time_get_month (dt), ==, cases[i].month);
      g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, cases[i].day);
      g_assert_cmpint (g_date_time_get_hour (dt), ==, cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (dt), ==, cases[i].minute);
      g_assert_cmpint (g_date_time_get_second (dt), ==, cases[i].second);
      g_assert_cmpint (g_date_time_get_microsecond (dt), ==, 0);
      g_assert_cmpint (g_date_time_get_utc_offset (dt), ==,
                       (GTimeSpan) cases[i].offset_minutes * 60 * G_TIME_SPAN_SECOND);
      g_assert_cmpint (g_date_time_to_unix (dt), ==, stance_time_get_start (time));
    }
}

static void
test_boxed (void)
{
  g_autoptr(StanceTime) time = stance_time_new_from_string ("2017-07-09T21:15+02:00", NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  StanceTime *copy;
  g_autofree char *text = NULL;

  g_assert_true (G_TYPE_IS_BOXED (STANCE_TYPE_TIME));
  g_assert_cmpstr (g_type_name (STANCE_TYPE_TIME), ==, "StanceTime");

  copy = g_boxed_copy (STANCE_TYPE_TIME, time);
  g_assert_true (copy != time);
  g_assert_true (stance_time_equal (copy, time));
  g_boxed_free (STANCE_TYPE_TIME, copy);

  g_value_init (&value, STANCE_TYPE_TIME);
  g_value_set_boxed (&value, time);
  g_assert_true (g_value_get_boxed (&value) != time);
  g_assert_true (stance_time_equal (g_value_get_boxed (&value), time));

  text = stance_time_to_string (g_value_get_boxed (&value));
  g_assert_cmpstr (text, ==, "2017-07-09T21:15+02:00");
}

static void
test_new_from_string_error (void)
{
  g_autoptr(GError) error = NULL;
  StanceTime *time;

  time = stance_time_new_from_string ("2017-07-09T24:00Z", &error);
  g_assert_null (time);
  g_assert_error (error, STANCE_ERROR, STANCE_ERROR_INVALID_TIME);
  g_assert_nonnull (strstr (error->message, "hour 24 is out of range"));

  /* No error location: NULL all the same. */
  g_assert_null (stance_time_new_from_string ("2017-13", NULL));
}

#define EXPECT_CRITICAL(call)                                                     \
  G_STMT_START {                                                                  \
    g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*"); \
    call;                                                                         \
    g_test_assert_expected_messages ();                                           \
  } G_STMT_END

static void
test_misuse (void)
{
#ifdef G_DISABLE_CHECKS
  g_test_skip ("built with G_DISABLE_CHECKS");
#else
  g_autoptr(StanceTime) time = stance_time_new_from_string ("2017", NULL);
  g_autoptr(GError) error = NULL;
  char buf[STANCE_TIME_FORMAT_SIZE];
  StanceTime out;

  g_assert_nonnull (time);

  EXPECT_CRITICAL (g_assert_null (stance_time_new_from_string (NULL, NULL)));
  EXPECT_CRITICAL (g_assert_null (stance_time_new_from_string (NULL, &error)));
  g_assert_no_error (error);
  EXPECT_CRITICAL (g_assert_null (stance_time_copy (NULL)));
  EXPECT_CRITICAL (stance_time_free (NULL));
  EXPECT_CRITICAL (g_assert_null (stance_time_to_string (NULL)));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_get_precision (NULL), ==, 0));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_get_start (NULL), ==, 0));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_get_end (NULL), ==, 0));
  EXPECT_CRITICAL (g_assert_false (stance_time_has_offset (NULL)));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_get_offset (NULL), ==, 0));
  EXPECT_CRITICAL (g_assert_null (stance_time_to_date_time (NULL)));
  EXPECT_CRITICAL (g_assert_false (stance_time_precedes (NULL, time)));
  EXPECT_CRITICAL (g_assert_false (stance_time_precedes (time, NULL)));
  EXPECT_CRITICAL (g_assert_false (stance_time_overlaps (NULL, time)));
  EXPECT_CRITICAL (g_assert_false (stance_time_overlaps (time, NULL)));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_compare (NULL, time), ==, 0));
  EXPECT_CRITICAL (g_assert_cmpint (stance_time_compare (time, NULL), ==, 0));
  EXPECT_CRITICAL (g_assert_false (stance_time_equal (NULL, time)));
  EXPECT_CRITICAL (g_assert_false (stance_time_equal (time, NULL)));

  /* An error that is already set is a programming error, not overwritten. */
  g_set_error_literal (&error, STANCE_ERROR, STANCE_ERROR_SYNTAX, "earlier");
  EXPECT_CRITICAL (g_assert_null (stance_time_new_from_string ("2017", &error)));
  g_assert_cmpstr (error->message, ==, "earlier");

  /* The private entry points check too. */
  EXPECT_CRITICAL (g_assert_false (_stance_time_parse (NULL, "2017", 4, NULL)));
  EXPECT_CRITICAL (g_assert_false (_stance_time_parse (&out, NULL, 4, NULL)));
  EXPECT_CRITICAL (g_assert_cmpuint (_stance_time_format (NULL, buf), ==, 0));
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse/valid", test_parse_valid);
  g_test_add_func ("/time/parse/calendar", test_parse_calendar);
  g_test_add_func ("/time/parse/leap-years", test_parse_leap_years);
  g_test_add_func ("/time/parse/boundaries", test_parse_boundaries);
  g_test_add_func ("/time/parse/invalid", test_parse_invalid);
  g_test_add_func ("/time/parse/messages", test_parse_messages);
  g_test_add_func ("/time/parse/long-text", test_parse_long_text);
  g_test_add_func ("/time/parse/length", test_parse_length);
  g_test_add_func ("/time/parse/prefixes", test_parse_prefixes);
  g_test_add_func ("/time/parse/mutations", test_parse_mutations);
  g_test_add_func ("/time/format/round-trip", test_round_trip);
  g_test_add_func ("/time/getters", test_public_getters);
  g_test_add_func ("/time/new-from-string/error", test_new_from_string_error);
  g_test_add_func ("/time/precedes-overlaps", test_precedes_overlaps);
  g_test_add_func ("/time/compare-equal", test_compare_equal);
  g_test_add_func ("/time/to-date-time", test_to_date_time);
  g_test_add_func ("/time/boxed", test_boxed);
  g_test_add_func ("/time/misuse", test_misuse);

  return g_test_run ();
}
