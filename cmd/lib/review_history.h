/* review_history.h - every meeting note of a person as history left it,
 * and when each item was first seen done (internal to review.c). */
#ifndef NOTES_REVIEW_HISTORY_H
#define NOTES_REVIEW_HISTORY_H

#include "journal.h"
#include "review.h"

struct delivery {
	char id[8];
	notes_time when; /* the first commit that showed it [x] */
};

struct history {
	struct note *notes; /* final version of each note, by date */
	size_t nnotes, notes_alloc;
	struct delivery *done;
	size_t ndone, done_alloc;
};

/* The history of the notes of people[i] in h[i], for i < n, read from
 * the repositories they are committed in, in one walk of each; what the
 * walk skipped of people[i]'s, a line each, in warns[i]. Returns 0, or
 * -1 with the reason in err (the first person's in order whose history
 * cannot be read); every h[i] is to be released either way. */
int history_load_people(struct history *h, const struct journal *j, const char *const *people,
			size_t n, struct strbuf *warns, struct strbuf *err);
void history_release(struct history *h);
/* When ^id was first committed as done, or -1. */
notes_time history_first_done(const struct history *h, const char *id);

/* Fill out's recurring blockers, over the notes for which in_range is true. */
void review_blockers(const struct history *h, bool (*in_range)(const void *, const struct note *),
		     const void *ctx, struct review_report *out);

#endif
