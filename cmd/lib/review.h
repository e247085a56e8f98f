/* review.h - the retrospective of one person, computed from git history,
 * as a typed report (rendered as text by notes review, as JSON by json.c). */
#ifndef NOTES_REVIEW_H
#define NOTES_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "strbuf.h"

struct review_range {
	notes_time since, until; /* meeting days, inclusive */
	bool has_since, has_until;
	notes_time now;
};

/* A blocker that came back: its #tag or its normalised text. */
struct review_blocker {
	char *key;
	size_t count; /* meetings it was in */
	char (*weeks)[9]; /* the distinct ISO weeks, oldest first */
	size_t nweeks;
};

/* An item open in two or more meetings. */
struct review_carried {
	char *id, *text;
	size_t weeks; /* meetings it was open in */
};

/* A review item with a learning. */
struct review_learning {
	char *id; /* NULL when it has none */
	char *text, *cause, *learning; /* cause may be NULL */
	char week[9];
};

/* One meeting of the range. */
struct review_week {
	char week[9], date[11];
	size_t focus, done, support, support_kept, blockers;
};

struct review_feedback {
	char week[9];
	char *text;
};

struct review_report {
	char *person;
	notes_time since, until; /* days; has_*: false when there is no meeting at all */
	bool has_since, has_until;
	struct {
		size_t held, weeks;
	} meetings;
	struct {
		size_t total, done, partial, dropped, open;
		bool has_rate; /* false when no focus item was closed */
		double rate; /* done / (total - open) */
	} focus;
	/* Misses: each review of an item not done, in the week of the meeting
	 * that reviewed it, by the cause given there (unknown: none). */
	struct {
		size_t execution, assumption, unknown;
	} causes;
	struct {
		size_t total, kept, late, open;
	} support;
	struct review_blocker *recurring; /* in order of first appearance */
	size_t nrecurring;
	struct review_carried *carried; /* longest first, then by id */
	size_t ncarried;
	struct review_learning *learnings;
	size_t nlearnings;
	struct review_week *weeks;
	size_t nweeks;
	struct review_feedback *feedback;
	size_t nfeedback;
	struct strbuf warn; /* what the history walk skipped, a line each */
};

/*
 * The retrospective of person over range: meetings held vs weeks, focus
 * outcomes and rate, causes, support kept within 48 hours (delivery =
 * done: field, else the time of the first commit showing it [x]),
 * recurring blockers, items carried longest, learnings, a per-week
 * series and the feedback given. Returns 0 with out filled (the caller
 * releases it), or -1 with the reason in err (out then empty).
 */
int review_person(struct review_report *out, const struct journal *j, const char *person,
		  const struct review_range *range, struct strbuf *err);
/*
 * The retrospectives of n people (out[i] of people[i], the same as
 * review_person gives each), from one walk of the history of each
 * repository their notes are in. progress (unless NULL) is called after
 * each report. Returns 0 with out[0..n) filled, or -1 with the reason in
 * err, the first person's in order whose history fails (out then empty).
 */
int review_people(struct review_report *out, const struct journal *j, const char *const *people,
		  size_t n, const struct review_range *range,
		  void (*progress)(size_t done, size_t total, const char *person, void *ctx),
		  void *progress_ctx, struct strbuf *err);
void review_report_release(struct review_report *r);

#endif
