/* status.h - the team right now, from the latest note of each person, as
 * a typed result (rendered as text by notes status and notes person list,
 * as JSON by json.c). */
#ifndef NOTES_STATUS_H
#define NOTES_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "schedule.h"

/* How many earlier notes status reads to count how long an item was carried. */
#define STATUS_MAX_CARRY 52

/* An open support or focus item of the latest note held. */
struct status_item {
	char *id; /* NULL when it has none yet */
	char *text;
	char *owner; /* support items: the owner (may be NULL); focus: NULL */
	notes_time due;
	bool has_due; /* hours_left is set only then */
	long long hours_left; /* negative when overdue, rounded down */
};

/* An item open in two or more meetings in a row. */
struct status_carried {
	char *id, *text;
	int weeks;
};

struct person_status {
	char *person;
	notes_time last; /* the latest meeting held (its note's date) */
	bool has_last;
	struct meeting_due next; /* the next meeting, and whether one is missed */
	bool next_is_agenda; /* next is the time of a note written for it (an agenda) */
	struct status_item *support, *focus; /* least time left first */
	size_t nsupport, nfocus;
	struct status_carried *carried;
	size_t ncarried;
};

struct team_status {
	notes_time now;
	struct person_status *people; /* most urgent first */
	size_t npeople;
};

/*
 * The team at now: for each person (all but the leader, or only person),
 * the last and next meeting, open support and focus items with hours
 * left, and items open for 2+ meetings. People come most urgent first: a
 * missed meeting, then the least time left, then by id. Returns 0 with
 * out filled (the caller releases it), or -1 with the reason in err.
 */
int status_team(struct team_status *out, const struct journal *j, const char *person,
		notes_time now, struct strbuf *err);
void team_status_release(struct team_status *st);

#endif
