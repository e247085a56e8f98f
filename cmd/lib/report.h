/* report.h - notes report: the retrospective of a person or of the team
 * as one self-contained HTML page (no script, nothing fetched). */
#ifndef NOTES_REPORT_H
#define NOTES_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "review.h"

/* Called after each person's review, done of total (the command shows it
 * on a terminal: the history of a whole team takes a while). */
typedef void (*report_progress_fn)(size_t done, size_t total, const char *person, void *ctx);

struct report_request {
	const char *person; /* NULL: the team, every person but the leader */
	struct review_range range;
	report_progress_fn progress; /* may be NULL */
	void *progress_ctx;
};

/*
 * Review the person (or the team) over the range and render the page into
 * out: in the person's language for one person, else in the journal's.
 * Returns 0, or -1 with the reason in err (out then unchanged).
 */
int report_write(struct strbuf *out, const struct journal *j, const struct report_request *rq,
		 struct strbuf *err);

/*
 * The page of n reviews already made, from the template report.html of
 * lang (a journal's .notes/templates/report.html first): with team, the
 * team table first; the people who need attention first (more support
 * delivered late, more weeks skipped, less focus done, then by id).
 * Names and slots come from j's config (j NULL: ids, no slots, the
 * built-in templates). Every text from the notes is HTML-escaped.
 * Returns 0, or -1 with the reason in err (a template error).
 */
int report_render(struct strbuf *out, const struct journal *j, const char *lang, bool team,
		  const struct review_range *range, const struct review_report *r, size_t n,
		  struct strbuf *err);

#endif
