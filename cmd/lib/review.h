/* review.h - the retrospective of one person, computed from git history. */
#ifndef NOTES_REVIEW_H
#define NOTES_REVIEW_H

#include <jansson.h>

#include "journal.h"
#include "vcs.h"

struct review_range {
	notes_time since, until; /* meeting days, inclusive */
	bool has_since, has_until;
	notes_time now;
};

/*
 * The `notes review --json` object for person: meetings held vs weeks,
 * focus outcomes and rate, causes, support kept within 48 hours (delivery
 * = done: field, else the time of the first commit showing it [x]),
 * recurring blockers, items carried longest, learnings, a per-week series
 * and the feedback given. Returns NULL with a reason in err.
 */
json_t *review_person(struct vcs *v, const struct journal *j, const char *person,
		      const struct review_range *range, struct strbuf *err);

#endif
