/* date.h - calendar arithmetic on local, zone-less dates and times. */
#ifndef NOTES_DATE_H
#define NOTES_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Minutes since 1970-01-01T00:00 in local wall-clock time (no zone). */
typedef int64_t notes_time;

#define MINUTES_PER_DAY (24 * 60)
/* The end of a working day, used for due dates given as a day only. */
#define END_OF_DAY_MINUTES (18 * 60)
/* The leader's promise: a support item is due 48 hours after its meeting. */
#define SUPPORT_DUE_MINUTES (48 * 60)
/* The meeting time assumed for a note whose date has no time. */
#define DEFAULT_MEETING_MINUTES (9 * 60)

/* Days since 1970-01-01 for a proleptic Gregorian date, and back. */
int64_t date_days_from_civil(int y, int m, int d);
void date_civil_from_days(int64_t days, int *y, int *m, int *d);
bool date_is_valid(int y, int m, int d);
/* The day that holds t (days since 1970-01-01) and its first minute: the
 * one home of "the start of a day". */
int64_t date_day_of(notes_time t);
notes_time date_start_of_day(notes_time t);
/* 0 = Monday ... 6 = Sunday */
int date_weekday(int64_t days);

/* The number the n decimal digits at s spell, or -1 when one is not a
 * digit or n is 0. */
int date_digits(const char *s, size_t n);

/*
 * Parse "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" (len bytes).
 * *has_time tells whether a time was given (else the time is 00:00).
 * Returns 0, -1 when the shape is wrong, -2 when the shape is right but
 * it is not a real calendar date or time (2026-02-30, 25:00).
 */
int date_parse(const char *s, size_t len, notes_time *out, bool *has_time);

/* "YYYY-MM-DD" (11 bytes with NUL) and "YYYY-MM-DDTHH:MM" (17 bytes). */
void date_format_day(notes_time t, char out[static 11]);
void date_format_time(notes_time t, char out[static 17]);
/* ISO 8601 week "YYYY-Www" (9 bytes) of the day containing t. */
void date_format_week(notes_time t, char out[static 9]);

/* The end of the n-th working day (Mon-Fri) counting the day of t itself
 * when it is a working day. */
notes_time date_working_day_end(notes_time t, int n);

/*
 * Now: NOTES_NOW (YYYY-MM-DDTHH:MM, local) when set, else the clock in
 * the local zone. Returns -1 when NOTES_NOW is malformed.
 */
int date_now(notes_time *out);

/* The local wall-clock time t as seconds since the epoch, and the zone's
 * offset (minutes east of UTC) then. */
void date_local_to_epoch(notes_time t, int64_t *secs, int *offset);
/*
 * A date as git reads GIT_AUTHOR_DATE and GIT_COMMITTER_DATE: "@EPOCH
 * [ZONE]", "EPOCH ZONE", or ISO 8601 "YYYY-MM-DD[T ]HH:MM[:SS][ZONE]"
 * (local time without a zone; ZONE is "Z", "+HHMM" or "+HH:MM"). Returns
 * 0 with the seconds and offset, or -1.
 */
int date_parse_git(const char *s, int64_t *secs, int *offset);

#endif
