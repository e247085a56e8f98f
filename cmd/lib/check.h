/* check.h - does a note keep the loop? struct note (+ the previous note and
 * the config) -> problems. */
#ifndef NOTES_CHECK_H
#define NOTES_CHECK_H

#include <stdbool.h>

#include "diag.h"
#include "note.h"

#define DEFAULT_MAX_FOCUS 3
/* How many of the person's previous notes the checks look at: the last
 * one (loop-broken), and the one before it (recurring-blocker). */
#define CHECK_PREVIOUS_USED 2

struct check_context {
	/* The person's previous notes, newest first (nprevious of them, at
	 * most CHECK_PREVIOUS_USED); none when there are none or they are
	 * unknown (checking a lone file). The review section is required
	 * only when there is one. */
	const struct note *const *previous;
	size_t nprevious;
	int max_focus; /* 0: DEFAULT_MAX_FOCUS */
	/* Whether a person id is in the config; NULL when there is no config. */
	bool (*person_known)(const char *id, void *data);
	void *data;
	/* The meeting has not come yet: the note is an agenda, shared before
	 * it, whose review is yet to be done (unreviewed and loop-broken are
	 * warnings). */
	bool agenda;
};

/* Append the problems of note (its parse problems included) to out, sorted. */
void check_note(const struct note *note, const struct check_context *ctx, struct diag *out);

#endif
