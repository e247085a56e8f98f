/* date.c - calendar arithmetic on local, zone-less dates and times. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t date_days_from_civil(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static bool S_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_is_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && S_is_leap(y));
}

int date_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = (days + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

static int S_digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, size_t len, notes_time *out, bool *has_time)
{
	int y, m, d, hh = 0, mm = 0;

	*has_time = false;
	if (len != 10 && len != 16)
		return -1;
	if (s[4] != '-' || s[7] != '-')
		return -1;
	y = S_digits(s, 4);
	m = S_digits(s + 5, 2);
	d = S_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return -1;
	if (len == 16) {
		if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':')
			return -1;
		hh = S_digits(s + 11, 2);
		mm = S_digits(s + 14, 2);
		if (hh < 0 || mm < 0)
			return -1;
		*has_time = true;
	}
	if (!date_is_valid(y, m, d) || hh > 23 || mm > 59)
		return -2;
	*out = date_days_from_civil(y, m, d) * MINUTES_PER_DAY + hh * 60 + mm;
	return 0;
}

int64_t date_day_of(notes_time t)
{
	/* rounded down, before 1970 too */
	return t >= 0 ? t / MINUTES_PER_DAY : -((-t + MINUTES_PER_DAY - 1) / MINUTES_PER_DAY);
}

notes_time date_start_of_day(notes_time t)
{
	return date_day_of(t) * MINUTES_PER_DAY;
}

void date_format_day(notes_time t, char out[static 11])
{
	int y, m, d;

	date_civil_from_days(date_day_of(t), &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 13u,
		 (unsigned)d % 32u);
}

void date_format_time(notes_time t, char out[static 17])
{
	int64_t mins = t - date_day_of(t) * MINUTES_PER_DAY;
	char day[11];

	date_format_day(t, day);
	snprintf(out, 17, "%.10sT%02u:%02u", day, (unsigned)(mins / 60) % 24u,
		 (unsigned)(mins % 60) % 60u);
}

void date_format_week(notes_time t, char out[static 9])
{
	int64_t days = date_day_of(t);
	/* The ISO year is the year of the Thursday of the same week. */
	int64_t thursday = days - date_weekday(days) + 3;
	int y, m, d;
	int64_t jan1;

	date_civil_from_days(thursday, &y, &m, &d);
	jan1 = date_days_from_civil(y, 1, 1);
	snprintf(out, 9, "%04u-W%02u", (unsigned)y % 10000u,
		 (unsigned)((thursday - jan1) / 7 + 1) % 54u);
}

notes_time date_working_day_end(notes_time t, int n)
{
	int64_t days = date_day_of(t);

	for (;;) {
		if (date_weekday(days) < 5 && --n <= 0)
			break;
		days++;
	}
	return days * MINUTES_PER_DAY + END_OF_DAY_MINUTES;
}

int date_now(notes_time *out)
{
	const char *env = getenv("NOTES_NOW");
	time_t now;
	struct tm tm;
	int64_t days;
	bool has_time;

	if (env && *env) {
		if (date_parse(env, strlen(env), out, &has_time) < 0)
			return -1;
		return 0;
	}
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return -1;
	days = date_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*out = days * MINUTES_PER_DAY + tm.tm_hour * 60 + tm.tm_min;
	return 0;
}
