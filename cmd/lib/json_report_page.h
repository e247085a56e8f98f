/* json_report_page.h - what the template of notes report sees: the
 * reviews and what the page adds to them, as the data the template
 * renders (json_report_page.c; report_html.c fills the views). */
#ifndef NOTES_JSON_REPORT_PAGE_H
#define NOTES_JSON_REPORT_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "review.h"

/* A person's section: the review and what the page shows beside it. */
struct report_person_view {
	const struct review_report *r;
	const char *name, *slot; /* name: the id when the config has none; slot may be NULL */
	size_t weeks_skipped; /* weeks of the range without a meeting, their slot passed */
	bool attention; /* support delivered late, or weeks skipped */
	bool has_weeks; /* the range holds at least one week */
	const char *series, *strip, *support, *causes; /* the charts, SVG */
};

struct report_page_view {
	const char *lang;
	bool team;
	const char *leader, *leader_name; /* may be NULL */
	notes_time now;
	notes_time since, until; /* days */
	bool has_since, has_until;
	const struct report_person_view *people; /* in the page's order */
	size_t n;
};

/*
 * The template's data: lang, team, leader, leader_name, now, since, until
 * and people, each with the fields of notes review --json and name, slot,
 * attention, has_weeks, meetings.skipped, focus.has_rate, focus.percent,
 * recurring_count, carried_count, cause_execution and cause_assumption on
 * each learning, and charts.series, .strip, .support and .causes.
 */
struct json_t *json_report_page(const struct report_page_view *v);
void json_report_page_free(struct json_t *data);

#endif
