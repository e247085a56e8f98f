/* review.c - the retrospective of one person, computed from git history. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_history.h"
#include "strindex.h"
#include "xalloc.h"

/* One commitment followed across meetings by its ^id. */
struct item {
	char key[32];
	enum section kind; /* where it was first seen */
	size_t origin; /* index of that note */
	const struct task *last; /* its latest appearance */
	notes_time done_at;
	bool has_done_at;
	int open_meetings;
};

struct review {
	const struct history *h;
	const struct review_range *range;
	struct item *items;
	size_t nitems, alloc;
	struct strindex by_key; /* of items */
	struct review_report *out;
};

/* A meeting of the range that was held: an agenda (a note whose meeting
 * time has not come) is no meeting yet, nor are its reviews. */
static bool S_in_range(const struct review *r, const struct note *n)
{
	notes_time day = date_start_of_day(n->date);
	return (!r->range->has_since || day >= r->range->since) &&
	       (!r->range->has_until || day <= r->range->until) && n->date <= r->range->now;
}

static const char *S_item_key(size_t i, const void *ctx)
{
	const struct review *r = ctx;
	return r->items[i].key;
}

static struct item *S_item(struct review *r, const struct task *t, size_t note, enum section sec)
{
	char key[32];
	size_t i;

	if (t->id)
		snprintf(key, sizeof(key), "%s", t->id);
	else
		snprintf(key, sizeof(key), "#%zu:%d", note, t->line);
	i = strindex_find(&r->by_key, key, S_item_key, r);
	if (i != STRINDEX_NONE)
		return &r->items[i];
	strindex_add(&r->by_key, key, r->nitems);
	ALLOC_GROW(r->items, r->nitems + 1, r->alloc);
	memset(&r->items[r->nitems], 0, sizeof(*r->items));
	memcpy(r->items[r->nitems].key, key, sizeof(key));
	r->items[r->nitems].kind = sec;
	r->items[r->nitems].origin = note;
	return &r->items[r->nitems++];
}

static void S_follow(struct review *r)
{
	size_t n, i, k;

	for (n = 0; n < r->h->nnotes; n++)
		for (k = 0; k < TASK_SECTIONS; k++)
			for (i = 0; i < r->h->notes[n].nitems[task_sections[k]]; i++) {
				const struct task *t = &r->h->notes[n].items[task_sections[k]][i];
				struct item *it = S_item(r, t, n, task_sections[k]);
				it->last = t;
				if (t->has_done_at) {
					it->done_at = t->done_at;
					it->has_done_at = true;
				}
				if (t->status == TASK_OPEN && S_in_range(r, &r->h->notes[n]))
					it->open_meetings++;
			}
}

static bool S_counts(const struct review *r, const struct item *it, enum section kind)
{
	return it->kind == kind && S_in_range(r, &r->h->notes[it->origin]);
}

/* 1 kept, 0 late, -1 not delivered. */
static int S_kept(const struct review *r, const struct item *it)
{
	notes_time when = it->has_done_at ? it->done_at : history_first_done(r->h, it->key);

	if (it->last->status != TASK_DONE && !it->has_done_at)
		return -1;
	if (when < 0)
		return 0;
	return when - r->h->notes[it->origin].date <= SUPPORT_DUE_MINUTES;
}

static void S_focus(const struct review *r)
{
	struct review_report *o = r->out;
	size_t i, count[4] = { 0 };

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		if (!S_counts(r, it, SECTION_FOCUS))
			continue;
		o->focus.total++;
		count[it->last->status]++;
	}
	o->focus.done = count[TASK_DONE];
	o->focus.partial = count[TASK_PARTIAL];
	o->focus.dropped = count[TASK_DROPPED];
	o->focus.open = count[TASK_OPEN];
	o->focus.has_rate = o->focus.total > o->focus.open;
	if (o->focus.has_rate)
		o->focus.rate = (double)o->focus.done / (double)(o->focus.total - o->focus.open);
}

/* Every miss, in the meeting that reviewed it: an item reviewed not done
 * in two meetings is two misses, each with the cause given that week, as
 * each is a learning of its own. A review entry with a cause is a miss
 * even when it is done now: a cause is written only for a miss, and
 * `notes done` ticks an item in its latest note, which is the review that
 * missed it when it is delivered after that meeting. */
static void S_causes(const struct review *r)
{
	struct review_report *o = r->out;
	size_t n, i;

	for (n = 0; n < r->h->nnotes; n++) {
		const struct note *note = &r->h->notes[n];
		if (!S_in_range(r, note))
			continue;
		for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
			const struct task *t = &note->items[SECTION_REVIEW][i];
			const char *cause = t->fields[FIELD_CAUSE];
			if (t->status == TASK_DONE && !cause)
				continue;
			if (cause && !strcmp(cause, "execution"))
				o->causes.execution++;
			else if (cause && !strcmp(cause, "assumption"))
				o->causes.assumption++;
			else
				o->causes.unknown++;
		}
	}
}

static void S_support(const struct review *r)
{
	struct review_report *o = r->out;
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		int k;
		if (!S_counts(r, it, SECTION_SUPPORT))
			continue;
		o->support.total++;
		k = S_kept(r, it);
		if (k > 0)
			o->support.kept++;
		else if (k == 0)
			o->support.late++;
		else if (it->last->status != TASK_DROPPED)
			o->support.open++;
	}
}

/* Longest first; equal ones by id, so that the order is total. */
static int S_by_weeks(const void *a, const void *b)
{
	const struct review_carried *x = a, *y = b;

	if (x->weeks != y->weeks)
		return x->weeks < y->weeks ? 1 : -1;
	return strcmp(x->id, y->id);
}

static void S_carried(const struct review *r)
{
	struct review_report *o = r->out;
	size_t i, alloc = 0;

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		struct review_carried *c;
		if (it->open_meetings < 2 || !it->last->id)
			continue;
		ALLOC_GROW(o->carried, o->ncarried + 1, alloc);
		c = &o->carried[o->ncarried++];
		c->id = xstrdup(it->key);
		c->text = xstrdup(it->last->text);
		c->weeks = (size_t)it->open_meetings;
	}
	if (o->ncarried > 1)
		qsort(o->carried, o->ncarried, sizeof(*o->carried), S_by_weeks);
}

static bool S_range_cb(const void *ctx, const struct note *n)
{
	return S_in_range(ctx, n);
}

static void S_learnings(struct review_report *o, const struct note *note, const char *week,
			size_t *alloc)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
		const struct task *t = &note->items[SECTION_REVIEW][i];
		struct review_learning *l;
		if (!t->fields[FIELD_LEARNING])
			continue;
		ALLOC_GROW(o->learnings, o->nlearnings + 1, *alloc);
		l = &o->learnings[o->nlearnings++];
		l->id = t->id ? xstrdup(t->id) : NULL;
		l->text = xstrdup(t->text);
		l->cause = t->fields[FIELD_CAUSE] ? xstrdup(t->fields[FIELD_CAUSE]) : NULL;
		l->learning = xstrdup(t->fields[FIELD_LEARNING]);
		memcpy(l->week, week, sizeof(l->week));
	}
}

static void S_learnings_and_weeks(const struct review *r)
{
	struct review_report *o = r->out;
	size_t n, i, alloc_l = 0, alloc_w = 0, alloc_f = 0;

	for (n = 0; n < r->h->nnotes; n++) {
		const struct note *note = &r->h->notes[n];
		struct review_week *w;
		if (!S_in_range(r, note))
			continue;
		ALLOC_GROW(o->weeks, o->nweeks + 1, alloc_w);
		w = &o->weeks[o->nweeks++];
		memset(w, 0, sizeof(*w));
		date_format_week(note->date, w->week);
		date_format_day(note->date, w->date);
		S_learnings(o, note, w->week, &alloc_l);
		for (i = 0; i < note->nitems[SECTION_FOCUS]; i++) {
			const struct item *it =
				S_item((struct review *)r, &note->items[SECTION_FOCUS][i], n,
				       SECTION_FOCUS);
			w->done += it->last->status == TASK_DONE;
		}
		for (i = 0; i < note->nitems[SECTION_SUPPORT]; i++)
			w->support_kept += S_kept(r, S_item((struct review *)r,
							    &note->items[SECTION_SUPPORT][i], n,
							    SECTION_SUPPORT)) > 0;
		for (i = 0; i < note->nfeedback; i++) {
			ALLOC_GROW(o->feedback, o->nfeedback + 1, alloc_f);
			memcpy(o->feedback[o->nfeedback].week, w->week, sizeof(w->week));
			o->feedback[o->nfeedback++].text = xstrdup(note->feedback[i].text);
		}
		w->focus = note->nitems[SECTION_FOCUS];
		w->support = note->nitems[SECTION_SUPPORT];
		w->blockers = note->nitems[SECTION_BLOCKERS];
	}
}

static void S_meetings(const struct review *r)
{
	const struct review_range *g = r->range;
	struct review_report *o = r->out;
	size_t n;

	for (n = 0; n < r->h->nnotes; n++)
		o->meetings.held += S_in_range(r, &r->h->notes[n]);
	if (g->has_since && g->has_until && g->until >= g->since) {
		int64_t a = date_day_of(g->since), b = date_day_of(g->until);
		o->meetings.weeks =
			(size_t)(((b - date_weekday(b)) - (a - date_weekday(a))) / 7 + 1);
	}
	o->since = g->since;
	o->has_since = g->has_since;
	o->until = g->until;
	o->has_until = g->has_until;
}

/* The report of person from the history h of their notes. */
static void S_review(struct review_report *out, const struct history *h, const char *person,
		     const struct review_range *range)
{
	struct review_range g = *range;
	struct review r = { h, &g, NULL, 0, 0, STRINDEX_INIT, out };

	memset(out, 0, sizeof(*out));
	if (!g.has_since && h->nnotes) {
		g.since = date_start_of_day(h->notes[0].date);
		g.has_since = true;
	}
	if (!g.has_until) {
		g.until = date_start_of_day(g.now);
		g.has_until = true;
	}
	out->person = xstrdup(person);
	S_meetings(&r);
	S_follow(&r);
	S_focus(&r);
	S_causes(&r);
	S_support(&r);
	review_blockers(h, S_range_cb, &r, out);
	S_carried(&r);
	S_learnings_and_weeks(&r);
	free(r.items);
	strindex_release(&r.by_key);
}

int review_person(struct review_report *out, const struct journal *j, const char *person,
		  const struct review_range *range, struct strbuf *err)
{
	return review_people(out, j, &person, 1, range, NULL, NULL, err);
}

int review_people(struct review_report *out, const struct journal *j, const char *const *people,
		  size_t n, const struct review_range *range,
		  void (*progress)(size_t done, size_t total, const char *person, void *ctx),
		  void *progress_ctx, struct strbuf *err)
{
	struct history *h = xcalloc(n ? n : 1, sizeof(*h));
	size_t i;
	int rc;

	struct strbuf *warns = xcalloc(n ? n : 1, sizeof(*warns));

	memset(out, 0, n * sizeof(*out));
	for (i = 0; i < n; i++)
		strbuf_init(&warns[i], 0);
	rc = history_load_people(h, j, people, n, warns, err);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			S_review(&out[i], &h[i], people[i], range);
		out[i].warn = warns[i]; /* the report owns it from now on */
		if (rc == 0 && progress)
			progress(i + 1, n, people[i], progress_ctx);
	}
	for (i = 0; i < n; i++)
		history_release(&h[i]);
	free(h);
	free(warns);
	return rc;
}

void review_report_release(struct review_report *r)
{
	size_t i;

	free(r->person);
	for (i = 0; i < r->nrecurring; i++) {
		free(r->recurring[i].key);
		free(r->recurring[i].weeks);
	}
	free(r->recurring);
	for (i = 0; i < r->ncarried; i++) {
		free(r->carried[i].id);
		free(r->carried[i].text);
	}
	free(r->carried);
	for (i = 0; i < r->nlearnings; i++) {
		free(r->learnings[i].id);
		free(r->learnings[i].text);
		free(r->learnings[i].cause);
		free(r->learnings[i].learning);
	}
	free(r->learnings);
	free(r->weeks);
	for (i = 0; i < r->nfeedback; i++)
		free(r->feedback[i].text);
	free(r->feedback);
	strbuf_release(&r->warn);
	memset(r, 0, sizeof(*r));
}
