/* report_html.c - struct review_report as HTML: the strip of weeks, the
 * order of the team, the SVG charts, and the template that lays them out. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "journal_new.h"
#include "json_report_page.h"
#include "schedule.h"
#include "svg.h"
#include "template.h"
#include "xalloc.h"

#define SMALL_CHART_WIDTH 320

/* A person as the page shows them, and what the view points into. */
struct person_page {
	struct report_person_view v;
	struct person p;
	struct svg_cell *cells;
	char (*weeks)[9];
	size_t ncells;
	struct strbuf charts[4];
};

/*
 * One cell per ISO week from since to until: held when a meeting is dated
 * in it; a week after the week of now, or the week of now before its slot
 * (or, without a slot, before it ends), is not yet due.
 */
static void S_strip(struct person_page *pp, const struct review_range *g)
{
	const struct review_report *r = pp->v.r;
	struct slot slot;
	bool has_slot = pp->p.slot && slot_parse(pp->p.slot, &slot) == 0;
	int64_t a, b, m, now_monday = date_day_of(g->now) - date_weekday(date_day_of(g->now));
	size_t k = 0, alloc = 0;

	if (!r->has_since || !r->has_until || r->until < r->since)
		return;
	a = date_day_of(r->since);
	b = date_day_of(r->until);
	for (m = a - date_weekday(a); m <= b - date_weekday(b); m += 7) {
		struct svg_cell *c;
		ALLOC_GROW(pp->cells, pp->ncells + 1, alloc);
		pp->weeks = xrealloc(pp->weeks, st_mult(alloc, sizeof(*pp->weeks)));
		date_format_week(m * MINUTES_PER_DAY, pp->weeks[pp->ncells]);
		c = &pp->cells[pp->ncells];
		c->week = pp->weeks[pp->ncells];
		/* both in date order: ISO week names sort as the weeks do */
		while (k < r->nweeks && strcmp(r->weeks[k].week, c->week) < 0)
			k++;
		if (k < r->nweeks && !strcmp(r->weeks[k].week, c->week))
			c->state = SVG_HELD;
		else if (m > now_monday ||
			 (m == now_monday && (!has_slot || slot_in_week(&slot, g->now) > g->now)))
			c->state = SVG_UPCOMING;
		else
			c->state = SVG_SKIPPED;
		pp->v.weeks_skipped += c->state == SVG_SKIPPED;
		pp->ncells++;
	}
	/* the cells point into weeks, which moved as it grew */
	for (k = 0; k < pp->ncells; k++)
		pp->cells[k].week = pp->weeks[k];
}

static void S_charts(struct person_page *pp)
{
	const struct review_report *r = pp->v.r;
	struct svg_week *w = xcalloc(r->nweeks + 1, sizeof(*w));
	const struct svg_bar support[] = { { (long)r->support.kept, "kept" },
					   { (long)r->support.late, "late" },
					   { (long)r->support.open, "open" } };
	const struct svg_bar causes[] = { { (long)r->causes.execution, "execution" },
					  { (long)r->causes.assumption, "assumption" },
					  { (long)r->causes.unknown, "unknown" } };
	size_t i;

	for (i = 0; i < r->nweeks; i++) {
		const char *dash = strchr(r->weeks[i].week, '-');
		w[i] = (struct svg_week){ r->weeks[i].week, dash ? dash + 1 : r->weeks[i].week,
					  (long)r->weeks[i].focus, (long)r->weeks[i].done };
	}
	svg_series(&pp->charts[0], w, r->nweeks);
	svg_strip(&pp->charts[1], pp->cells, pp->ncells);
	svg_stacked_bar(&pp->charts[2], support, 3, SMALL_CHART_WIDTH);
	svg_bars(&pp->charts[3], causes, 3, SMALL_CHART_WIDTH);
	pp->v.series = pp->charts[0].buf;
	pp->v.strip = pp->charts[1].buf;
	pp->v.support = pp->charts[2].buf;
	pp->v.causes = pp->charts[3].buf;
	free(w);
}

/* Those who need attention first: support late, weeks skipped, the lower
 * share of focus done (none closed: last), then by id. */
static int S_by_attention(const void *pa, const void *pb)
{
	const struct report_person_view *a = pa, *b = pb;
	const struct review_report *x = a->r, *y = b->r;

	if (x->support.late != y->support.late)
		return x->support.late > y->support.late ? -1 : 1;
	if (a->weeks_skipped != b->weeks_skipped)
		return a->weeks_skipped > b->weeks_skipped ? -1 : 1;
	if (x->focus.has_rate != y->focus.has_rate)
		return x->focus.has_rate ? -1 : 1;
	if (x->focus.has_rate && x->focus.rate != y->focus.rate)
		return x->focus.rate < y->focus.rate ? -1 : 1;
	return strcmp(x->person, y->person);
}

/* The page's range: the one asked for, else from the first meeting shown
 * to the last day any review covers (the day of now without one). */
static void S_range(struct report_page_view *page, const struct review_range *g,
		    const struct review_report *r, size_t n)
{
	size_t i;

	page->since = g->since;
	page->has_since = g->has_since;
	page->until = g->until;
	page->has_until = g->has_until;
	for (i = 0; i < n; i++) {
		if (!g->has_since && r[i].has_since &&
		    (!page->has_since || r[i].since < page->since)) {
			page->since = r[i].since;
			page->has_since = true;
		}
		if (!g->has_until && r[i].has_until &&
		    (!page->has_until || r[i].until > page->until)) {
			page->until = r[i].until;
			page->has_until = true;
		}
	}
	if (!page->has_until) {
		page->until = date_start_of_day(g->now);
		page->has_until = true;
	}
}

static int S_render(struct strbuf *out, const struct journal *j, const char *lang,
		    const struct report_page_view *page, struct strbuf *err)
{
	struct json_t *data = json_report_page(page);
	int rc = template_render_file(out, j, lang, "report", "report.html", "", data,
				      TEMPLATE_ESCAPE_HTML, err);

	json_report_page_free(data);
	return rc;
}

int report_render(struct strbuf *out, const struct journal *j, const char *lang, bool team,
		  const struct review_range *range, const struct review_report *r, size_t n,
		  struct strbuf *err)
{
	struct person_page *pp = xcalloc(n + 1, sizeof(*pp));
	struct report_person_view *views = xcalloc(n + 1, sizeof(*views));
	struct report_page_view page = {
		lang, team, j ? j->leader : NULL, NULL, range->now, 0, 0, false, false, views, n
	};
	struct person leader = { 0 };
	size_t i, k;
	int rc;

	for (i = 0; i < n; i++) {
		pp[i].v.r = &r[i];
		if (j)
			journal_person(j, r[i].person, &pp[i].p);
		pp[i].v.name = pp[i].p.name ? pp[i].p.name : r[i].person;
		pp[i].v.slot = pp[i].p.slot;
		for (k = 0; k < 4; k++)
			strbuf_init(&pp[i].charts[k], 0);
		S_strip(&pp[i], range);
		pp[i].v.has_weeks = pp[i].ncells > 0;
		pp[i].v.attention = r[i].support.late > 0 || pp[i].v.weeks_skipped > 0;
		S_charts(&pp[i]);
		views[i] = pp[i].v;
	}
	if (team)
		qsort(views, n, sizeof(*views), S_by_attention);
	if (page.leader) {
		journal_person(j, page.leader, &leader);
		page.leader_name = leader.name ? leader.name : page.leader;
	}
	S_range(&page, range, r, n);
	rc = S_render(out, j, lang, &page, err);
	for (i = 0; i < n; i++) {
		person_release(&pp[i].p);
		free(pp[i].cells);
		free(pp[i].weeks);
		for (k = 0; k < 4; k++)
			strbuf_release(&pp[i].charts[k]);
	}
	person_release(&leader);
	free(views);
	free(pp);
	return rc;
}
