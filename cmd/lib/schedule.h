/* schedule.h - the fixed weekly slot of a 1:1 and when meetings fall due. */
#ifndef NOTES_SCHEDULE_H
#define NOTES_SCHEDULE_H

#include <stdbool.h>

#include "date.h"

struct slot {
	int weekday; /* 0 = Monday */
	int minutes; /* since midnight */
};

/* "mon 10:00", "Monday 10:00", "월 10:00". Returns 0 or -1. */
int slot_parse(const char *s, struct slot *out);
/* The slot's time in the ISO week (Monday to Sunday) that holds t. */
notes_time slot_in_week(const struct slot *s, notes_time t);

struct meeting_due {
	notes_time next; /* the next meeting time */
	bool has_next;
	bool overdue; /* the slot has passed this week without a note */
};

/*
 * When is the next meeting? With a slot: this week's slot, or next week's
 * once this week's meeting is held; the meeting is overdue when this
 * week's slot has passed and no note is dated in this week. Without a
 * slot: a week after the last meeting.
 */
void schedule_next(const struct slot *slot, bool has_last, notes_time last, notes_time now,
		   struct meeting_due *out);

#endif
