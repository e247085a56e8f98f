/* calendar.h - the journal as a calendar: the weekly 1:1 of each person
 * and the open support and focus items of their latest notes. */
#ifndef NOTES_CALENDAR_H
#define NOTES_CALENDAR_H

#include <stddef.h>

#include "journal.h"

struct calendar_counts {
	size_t meetings; /* weekly events written */
	size_t items; /* to-dos written */
	size_t without_slot; /* people left out: no (valid) person.<id>.slot */
	size_t without_id; /* open items left out: no id yet */
};

/*
 * Append the iCalendar text (RFC 5545) of the journal, or of person only,
 * to out: for each person with a slot, a weekly event at the slot from
 * the week of the first meeting (or from the next slot), lasting
 * person.<id>.duration minutes (45 by default), the loop's three
 * questions as its description; for each open support and focus item of
 * the latest note held by now, a to-do at its due time (support items
 * with a reminder 4 hours before). UIDs come from the leader's id and
 * e-mail and the person or item id, so every export names a thing alike.
 * Returns 0, or -1 with the reason in err.
 */
int calendar_export(const struct journal *j, const char *person, notes_time now, struct strbuf *out,
		    struct calendar_counts *counts, struct strbuf *err);

#endif
