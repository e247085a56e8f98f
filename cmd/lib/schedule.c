/* schedule.c - the fixed weekly slot of a 1:1 and when meetings fall due. */
#include "schedule.h"

#include <stdio.h>
#include <string.h>

#include "vocab.h"

int slot_parse(const char *s, struct slot *out)
{
	struct strbuf err = STRBUF_INIT;
	char day[32];
	int h, m, n = 0, d;

	if (sscanf(s, " %31s %2d:%2d %n", day, &h, &m, &n) != 3 || s[n] || h > 23 || m > 59 ||
	    h < 0 || m < 0)
		return -1;
	/* the days' names are the vocabulary's, in every language */
	d = vocab_load(&err) < 0 ? -1 : vocab_weekday(day, strlen(day));
	strbuf_release(&err);
	if (d < 0)
		return -1;
	out->weekday = d;
	out->minutes = h * 60 + m;
	return 0;
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
