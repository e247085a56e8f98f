/* status.h - the team right now, from the latest note of each person. */
#ifndef NOTES_STATUS_H
#define NOTES_STATUS_H

#include <jansson.h>

#include "journal.h"

/* How many earlier notes status reads to count how long an item was carried. */
#define STATUS_MAX_CARRY 52

/*
 * The `notes status --json` object: for each person (all, or only
 * person), the last and next meeting, open support and focus items with
 * hours left (negative when overdue), and items open for 2+ meetings.
 * People are sorted most urgent first. Returns NULL with a reason in err.
 */
json_t *status_team(const struct journal *j, const char *person, notes_time now,
		    struct strbuf *err);

#endif
