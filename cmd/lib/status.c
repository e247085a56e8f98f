/* status.c - the team right now, from the latest note of each person. */
#include "status.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "xalloc.h"

static long long S_hours_left(notes_time due, notes_time now)
{
	notes_time d = due - now;
	/* floor: 30 minutes overdue is -1 hour, not 0 */
	return d >= 0 ? d / 60 : -((-d + 59) / 60);
}

/* Least time left first; items without a due time last; then in note
 * order, so that the order is total. */
static int S_by_hours(const void *a, const void *b)
{
	const struct status_item *x = a, *y = b;
	long long hx = x->has_due ? x->hours_left : INT32_MAX;
	long long hy = y->has_due ? y->hours_left : INT32_MAX;

	if (hx != hy)
		return hx < hy ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int S_by_hours_p(const void *a, const void *b)
{
	return S_by_hours(*(const struct status_item *const *)a,
			  *(const struct status_item *const *)b);
}

/* Sort items by S_by_hours, equal ones in note order: sorted through an
 * array of pointers into the unsorted copy, whose addresses keep that
 * order for the tie-break. */
static void S_sort_items(struct status_item *items, size_t n)
{
	struct status_item *copy, **order;
	size_t i;

	if (n < 2)
		return;
	copy = xcalloc(n, sizeof(*copy));
	order = xcalloc(n, sizeof(*order));
	memcpy(copy, items, n * sizeof(*items));
	for (i = 0; i < n; i++)
		order[i] = &copy[i];
	qsort(order, n, sizeof(*order), S_by_hours_p);
	for (i = 0; i < n; i++)
		items[i] = *order[i];
	free(order);
	free(copy);
}

static void S_open_items(const struct note *n, enum section sec, notes_time now,
			 struct status_item **out, size_t *nout)
{
	size_t i, alloc = 0;

	for (i = 0; i < n->nitems[sec]; i++) {
		const struct task *t = &n->items[sec][i];
		struct status_item *o;
		if (t->status != TASK_OPEN && t->status != TASK_PARTIAL)
			continue;
		ALLOC_GROW(*out, *nout + 1, alloc);
		o = &(*out)[(*nout)++];
		memset(o, 0, sizeof(*o));
		o->id = t->id ? xstrdup(t->id) : NULL;
		o->text = xstrdup(t->text);
		if (sec == SECTION_SUPPORT && t->owner)
			o->owner = xstrdup(t->owner);
		o->due = t->due;
		o->has_due = t->has_due;
		if (t->has_due)
			o->hours_left = S_hours_left(t->due, now);
	}
	S_sort_items(*out, *nout);
}

/* The notes a carried item is followed back through, newest first:
 * back[0] is the latest note (already read); the others are read when
 * an item is still open that far back. */
struct carry_window {
	const struct journal *j;
	struct note_ref *refs;
	size_t n;
	struct note back[STATUS_MAX_CARRY];
	bool loaded[STATUS_MAX_CARRY];
};

/* Meetings in a row, newest first, in which ^id was open. */
static int S_open_streak(struct carry_window *w, const char *id)
{
	struct strbuf err = STRBUF_INIT;
	int weeks = 0;
	size_t k;

	for (k = 0; k < w->n && k < STATUS_MAX_CARRY; k++) {
		struct task *t;
		if (!w->loaded[k]) {
			if (journal_load_note(w->j, w->refs[w->n - 1 - k].path, &w->back[k], &err) <
			    0)
				break;
			w->loaded[k] = true;
		}
		t = note_find_task(&w->back[k], id, NULL);
		if (!t || t->status != TASK_OPEN)
			break;
		weeks++;
	}
	strbuf_release(&err);
	return weeks;
}

/* Items of the latest note (refs[n - 1], given as latest) open in 2+ meetings. */
static void S_carried(struct person_status *ps, const struct journal *j, struct note_ref *refs,
		      size_t n, const struct note *latest)
{
	struct carry_window *w = xcalloc(1, sizeof(*w));
	size_t i, k, alloc = 0;

	w->j = j;
	w->refs = refs;
	w->n = n;
	w->back[0] = *latest; /* borrowed: not released here */
	w->loaded[0] = true;
	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < latest->nitems[task_sections[k]]; i++) {
			const struct task *t = &latest->items[task_sections[k]][i];
			struct status_carried *c;
			int weeks;
			if (!t->id || t->status != TASK_OPEN)
				continue;
			weeks = S_open_streak(w, t->id);
			if (weeks < 2)
				continue;
			ALLOC_GROW(ps->carried, ps->ncarried + 1, alloc);
			c = &ps->carried[ps->ncarried++];
			c->id = xstrdup(t->id);
			c->text = xstrdup(t->text);
			c->weeks = weeks;
		}
	for (k = 1; k < STATUS_MAX_CARRY; k++)
		if (w->loaded[k])
			note_release(&w->back[k]);
	free(w);
}

/*
 * The latest note whose meeting has begun (a note written ahead by
 * `notes new` is the next meeting, not the last one). Returns its index + 1
 * in refs (0: none), loaded into held.
 */
static size_t S_held(const struct journal *j, struct note_ref *refs, size_t n, notes_time now,
		     struct note *held)
{
	struct strbuf err = STRBUF_INIT;
	size_t i;

	for (i = n; i > 0; i--) {
		if (refs[i - 1].date > now)
			continue; /* a later day */
		if (journal_load_note(j, refs[i - 1].path, held, &err) < 0) {
			strbuf_reset(&err);
			continue;
		}
		if (held->has_date && held->date <= now) /* no date: not a meeting held */
			break;
		note_release(held);
	}
	strbuf_release(&err);
	return i;
}

static int64_t S_monday(notes_time t)
{
	int64_t day = date_day_of(t);
	return day - date_weekday(day);
}

/*
 * A note of a meeting still to come (an agenda, notes after the one held)
 * is the next meeting: its time, whatever the slot says; and this week's
 * slot is not missed while its meeting is planned later in the week.
 */
static void S_agenda(struct person_status *ps, const struct journal *j, struct note_ref *refs,
		     size_t n, size_t held, notes_time now)
{
	struct strbuf err = STRBUF_INIT;
	struct note agenda;
	size_t i;

	for (i = held; i < n && !ps->next_is_agenda; i++) {
		if (journal_load_note(j, refs[i].path, &agenda, &err) < 0) {
			strbuf_reset(&err);
			continue;
		}
		if (agenda.has_date && agenda.date > now) {
			ps->next.next = agenda.date;
			ps->next.has_next = true;
			ps->next_is_agenda = true;
			if (S_monday(agenda.date) == S_monday(now))
				ps->next.overdue = false;
		}
		note_release(&agenda);
	}
	strbuf_release(&err);
}

/* The smallest hours left among a person's items (INT32_MAX: none). */
static long long S_min_hours(const struct person_status *p)
{
	long long best = INT32_MAX;
	size_t i;

	for (i = 0; i < p->nsupport; i++)
		if (p->support[i].has_due && p->support[i].hours_left < best)
			best = p->support[i].hours_left;
	for (i = 0; i < p->nfocus; i++)
		if (p->focus[i].has_due && p->focus[i].hours_left < best)
			best = p->focus[i].hours_left;
	return best;
}

/* Most urgent first: a missed meeting, then the item with the least time
 * left, then by id (ids are unique: the order is total). */
static int S_by_urgency(const void *a, const void *b)
{
	const struct person_status *x = a, *y = b;
	long long hx = S_min_hours(x), hy = S_min_hours(y);

	if (x->next.overdue != y->next.overdue)
		return x->next.overdue ? -1 : 1;
	if (hx != hy)
		return hx < hy ? -1 : 1;
	return strcmp(x->person, y->person);
}

static int S_person(struct person_status *ps, const struct journal *j, const char *id,
		    notes_time now, struct strbuf *err)
{
	struct note_ref *refs;
	struct person p;
	struct slot slot;
	struct note latest;
	bool has_slot, dropped;
	size_t n, held;

	memset(ps, 0, sizeof(*ps));
	/* the newest notes only: the one held, the agendas after it and the
	 * meetings an item is followed back through; all of them when these
	 * reach further back than that */
	if (journal_notes_newest(j, id, STATUS_MAX_CARRY + 8, &refs, &n, &dropped) < 0) {
		strbuf_addf(err, "%s: cannot list the notes", id);
		return -1;
	}
	held = S_held(j, refs, n, now, &latest);
	if (dropped && held < STATUS_MAX_CARRY) {
		if (held)
			note_release(&latest);
		note_refs_free(refs, n);
		if (journal_notes(j, id, &refs, &n) < 0) {
			strbuf_addf(err, "%s: cannot list the notes", id);
			return -1;
		}
		held = S_held(j, refs, n, now, &latest);
	}
	journal_person(j, id, &p);
	has_slot = p.slot && slot_parse(p.slot, &slot) == 0;
	schedule_next(has_slot ? &slot : NULL, held > 0, held ? latest.date : 0, now, &ps->next);
	S_agenda(ps, j, refs, n, held, now);
	ps->person = xstrdup(id);
	if (held) {
		ps->last = latest.date;
		ps->has_last = true;
		S_open_items(&latest, SECTION_SUPPORT, now, &ps->support, &ps->nsupport);
		S_open_items(&latest, SECTION_FOCUS, now, &ps->focus, &ps->nfocus);
		S_carried(ps, j, refs, held, &latest);
		note_release(&latest);
	}
	person_release(&p);
	note_refs_free(refs, n);
	return 0;
}

int status_team(struct team_status *out, const struct journal *j, const char *person,
		notes_time now, struct strbuf *err)
{
	size_t i, alloc = 0;

	memset(out, 0, sizeof(*out));
	out->now = now;
	for (i = 0; i < j->npeople; i++) {
		if (person ? strcmp(person, j->people[i])
			   : (j->leader && !strcmp(j->leader, j->people[i])))
			continue;
		ALLOC_GROW(out->people, out->npeople + 1, alloc);
		if (S_person(&out->people[out->npeople], j, j->people[i], now, err) < 0) {
			team_status_release(out);
			return -1;
		}
		out->npeople++;
	}
	if (out->npeople > 1)
		qsort(out->people, out->npeople, sizeof(*out->people), S_by_urgency);
	return 0;
}

static void S_items_release(struct status_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].text);
		free(v[i].owner);
	}
	free(v);
}

void team_status_release(struct team_status *st)
{
	size_t i, k;

	for (i = 0; i < st->npeople; i++) {
		struct person_status *p = &st->people[i];
		free(p->person);
		S_items_release(p->support, p->nsupport);
		S_items_release(p->focus, p->nfocus);
		for (k = 0; k < p->ncarried; k++) {
			free(p->carried[k].id);
			free(p->carried[k].text);
		}
		free(p->carried);
	}
	free(st->people);
	memset(st, 0, sizeof(*st));
}
