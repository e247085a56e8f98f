/* ical.h - an RFC 5545 calendar (VCALENDAR) of 1:1 meetings and open
 * items, written with libical. The only module that includes libical. */
#ifndef NOTES_ICAL_H
#define NOTES_ICAL_H

#include <stddef.h>

#include "date.h"
#include "strbuf.h"

/* A meeting lasts this long unless its duration says otherwise. */
#define ICAL_MEETING_MINUTES 45
/* A support item's reminder goes off this long before it is due. */
#define ICAL_SUPPORT_ALARM_MINUTES (4 * 60)

/* The weekly 1:1 with one person: a VEVENT repeating every week. */
struct ical_meeting {
	const char *person; /* id: part of the UID */
	const char *summary; /* "1:1 Kim / Alice" */
	const char *description; /* the loop's three questions, one a line */
	notes_time start; /* the first occurrence, floating local time */
	int minutes; /* 0: ICAL_MEETING_MINUTES */
};

enum ical_item_kind { ICAL_SUPPORT, ICAL_FOCUS };

/* An open support or focus item: a VTODO due at its due time; a support
 * item gets an alarm ICAL_SUPPORT_ALARM_MINUTES before. */
struct ical_item {
	enum ical_item_kind kind;
	const char *id; /* the task's id (without '^'): part of the UID */
	const char *summary; /* the item's text */
	const char *description; /* may be NULL */
	notes_time start; /* the meeting that agreed it */
	notes_time due;
	int partial; /* [~]: STATUS:IN-PROCESS, else NEEDS-ACTION */
};

struct ical_calendar {
	const char *prodid; /* "-//notes//notes 1.0//EN" */
	const char *name; /* X-WR-CALNAME, may be NULL */
	/* What makes the UIDs of this journal its own: the same identity and
	 * id give the same UID on every export (re-importing updates). */
	const char *identity;
	notes_time stamp; /* DTSTAMP, UTC */
	const struct ical_meeting *meetings;
	size_t nmeetings;
	const struct ical_item *items;
	size_t nitems;
};

/*
 * Append the calendar as iCalendar text to out: CRLF line ends, long
 * lines folded, times floating (no zone) except DTSTAMP. Text from the
 * structs has control characters escaped. Returns 0, or -1 with the
 * reason in err.
 */
int ical_write(const struct ical_calendar *cal, struct strbuf *out, struct strbuf *err);

/* The UID of a meeting ("meeting-<person>.<hash>@notes") or of an item
 * ("item-<id>.<hash>@notes"), hash taken from identity. */
void ical_uid(struct strbuf *out, const char *what, const char *key, const char *identity);

#endif
