/* schedule.c - the fixed weekly slot of a 1:1 and when meetings fall due. */
#include "schedule.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const day_names[7][3] = {
	{ "mon", "monday", "월" },   { "tue", "tuesday", "화" }, { "wed", "wednesday", "수" },
	{ "thu", "thursday", "목" }, { "fri", "friday", "금" },	 { "sat", "saturday", "토" },
	{ "sun", "sunday", "일" },
};

int slot_parse(const char *s, struct slot *out)
{
	char day[32];
	int h, m, n = 0, i, k;

	if (sscanf(s, " %31s %2d:%2d %n", day, &h, &m, &n) != 3 || s[n] || h > 23 || m > 59 ||
	    h < 0 || m < 0)
		return -1;
	/* "월요일" and "mon." are accepted too */
	for (i = 0; i < 7; i++)
		for (k = 0; k < 3; k++) {
			size_t len = strlen(day_names[i][k]);
			if (!strncasecmp(day, day_names[i][k], len) &&
			    (!day[len] || !strcmp(day + len, ".") || !strcmp(day + len, "요일"))) {
				out->weekday = i;
				out->minutes = h * 60 + m;
				return 0;
			}
		}
	return -1;
}

notes_time slot_in_week(const struct slot *s, notes_time t)
{
	int64_t monday = date_day_of(t) - date_weekday(date_day_of(t));
	return (monday + s->weekday) * MINUTES_PER_DAY + s->minutes;
}

void schedule_next(const struct slot *slot, bool has_last, notes_time last, notes_time now,
		   struct meeting_due *out)
{
	memset(out, 0, sizeof(*out));
	if (slot) {
		notes_time this_week = slot_in_week(slot, now);
		int64_t monday = date_day_of(now) - date_weekday(date_day_of(now));
		bool held = has_last && date_day_of(last) >= monday;
		out->has_next = true;
		out->next = held ? this_week + 7 * MINUTES_PER_DAY : this_week;
		out->overdue = !held && this_week < now;
		return;
	}
	if (has_last) {
		out->has_next = true;
		out->next = last + 7 * MINUTES_PER_DAY;
		out->overdue = out->next < now;
	}
}
