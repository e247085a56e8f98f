/* date.c - calendar arithmetic on local, zone-less dates and times. */
#include "date.h"

#include <stdbool.h>
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

int date_digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return n ? v : -1;
}

int date_parse(const char *s, size_t len, notes_time *out, bool *has_time)
{
	int y, m, d, hh = 0, mm = 0;

	*has_time = false;
	if (len != 10 && len != 16)
		return -1;
	if (s[4] != '-' || s[7] != '-')
		return -1;
	y = date_digits(s, 4);
	m = date_digits(s + 5, 2);
	d = date_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return -1;
	if (len == 16) {
		if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':')
			return -1;
		hh = date_digits(s + 11, 2);
		mm = date_digits(s + 14, 2);
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

void date_local_to_epoch(notes_time t, int64_t *when, int *offset)
{
	struct tm tm = { 0 };
	int y, m, d;
	int64_t days = date_day_of(t);
	time_t secs;

	date_civil_from_days(days, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = (int)((t - days * MINUTES_PER_DAY) / 60);
	tm.tm_min = (int)((t - days * MINUTES_PER_DAY) % 60);
	tm.tm_isdst = -1;
	secs = mktime(&tm);
	*when = secs;
	*offset = (int)(tm.tm_gmtoff / 60);
}

static bool S_all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "+0200", "-05:30", "Z" -> minutes east of UTC; -1 when not a zone. */
static int S_zone(const char *s, int *offset)
{
	size_t len = strlen(s);
	int h, m;

	if (!strcmp(s, "Z") || !strcmp(s, "z")) {
		*offset = 0;
		return 0;
	}
	if ((s[0] != '+' && s[0] != '-') || !(len == 5 || (len == 6 && s[3] == ':')) ||
	    !S_all_digits(s + 1, 2) || !S_all_digits(s + len - 2, 2))
		return -1;
	h = (s[1] - '0') * 10 + (s[2] - '0');
	m = (s[len - 2] - '0') * 10 + (s[len - 1] - '0');
	if (h > 14 || m > 59)
		return -1;
	*offset = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	return 0;
}

/* "@EPOCH [ZONE]" or "EPOCH ZONE" (git's internal form). */
static int S_parse_epoch(const char *s, int64_t *when, int *offset)
{
	const char *p = s + (*s == '@'), *sp;
	size_t n;

	sp = strchr(p, ' ');
	n = sp ? (size_t)(sp - p) : strlen(p);
	if (!n || n > 12 || !S_all_digits(p, n) || (!sp && *s != '@'))
		return -1;
	*when = (int64_t)strtoll(p, NULL, 10);
	*offset = 0;
	return sp ? S_zone(sp + 1, offset) : 0;
}

int date_parse_git(const char *s, int64_t *when, int *offset)
{
	size_t len = strlen(s), k = 16;
	int y, mo, d, h, mi, sec = 0;

	if (S_parse_epoch(s, when, offset) == 0)
		return 0;
	if (len < 16 || !S_all_digits(s, 4) || s[4] != '-' || !S_all_digits(s + 5, 2) ||
	    s[7] != '-' || !S_all_digits(s + 8, 2) || (s[10] != 'T' && s[10] != ' ') ||
	    !S_all_digits(s + 11, 2) || s[13] != ':' || !S_all_digits(s + 14, 2))
		return -1;
	y = atoi(s);
	mo = atoi(s + 5);
	d = atoi(s + 8);
	h = atoi(s + 11);
	mi = atoi(s + 14);
	if (len >= 19 && s[16] == ':' && S_all_digits(s + 17, 2)) {
		sec = atoi(s + 17);
		k = 19;
	}
	while (s[k] == ' ')
		k++;
	if (!date_is_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
		return -1;
	if (s[k]) {
		if (S_zone(s + k, offset) < 0)
			return -1;
		*when = (int64_t)(date_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 +
				  sec) -
			(int64_t)*offset * 60;
	} else {
		date_local_to_epoch(date_days_from_civil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi,
				    when, offset);
		*when += sec;
	}
	return 0;
}
