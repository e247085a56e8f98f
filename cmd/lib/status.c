/* status.c - the team right now, from the latest note of each person. */
#include "status.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "schedule.h"
#include "xalloc.h"

static json_int_t S_hours_left(notes_time due, notes_time now)
{
	notes_time d = due - now;
	/* floor: 30 minutes overdue is -1 hour, not 0 */
	return d >= 0 ? d / 60 : -((-d + 59) / 60);
}

static json_t *S_open_items(const struct note *n, enum section sec, notes_time now)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n->nitems[sec]; i++) {
		const struct task *t = &n->items[sec][i];
		json_t *o;
		if (t->status != TASK_OPEN && t->status != TASK_PARTIAL)
			continue;
		o = json_pack("{s:o, s:s}", "id", t->id ? json_string(t->id) : json_null(), "text",
			      t->text);
		if (sec == SECTION_SUPPORT)
			json_object_set_new(o, "owner",
					    t->owner ? json_string(t->owner) : json_null());
		json_object_set_new(o, "due", json_time(t->due, t->has_due));
		json_object_set_new(o, "hours_left",
				    t->has_due ? json_integer(S_hours_left(t->due, now))
					       : json_null());
		json_array_append_new(a, o);
	}
	return a;
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
static json_t *S_carried(const struct journal *j, struct note_ref *refs, size_t n,
			 const struct note *latest)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };
	struct carry_window *w = xcalloc(1, sizeof(*w));
	json_t *a = json_array();
	size_t i, k;

	w->j = j;
	w->refs = refs;
	w->n = n;
	w->back[0] = *latest; /* borrowed: not released here */
	w->loaded[0] = true;
	for (k = 0; k < 3; k++)
		for (i = 0; i < latest->nitems[secs[k]]; i++) {
			const struct task *t = &latest->items[secs[k]][i];
			int weeks;
			if (!t->id || t->status != TASK_OPEN)
				continue;
			weeks = S_open_streak(w, t->id);
			if (weeks >= 2)
				json_array_append_new(a, json_pack("{s:s, s:s, s:i}", "id", t->id,
								   "text", t->text, "weeks",
								   (json_int_t)weeks));
		}
	for (k = 1; k < STATUS_MAX_CARRY; k++)
		if (w->loaded[k])
			note_release(&w->back[k]);
	free(w);
	return a;
}

static int S_by_hours(const void *a, const void *b)
{
	json_t *x = json_object_get(*(json_t *const *)a, "hours_left");
	json_t *y = json_object_get(*(json_t *const *)b, "hours_left");
	json_int_t hx = json_is_integer(x) ? json_integer_value(x) : INT32_MAX;
	json_int_t hy = json_is_integer(y) ? json_integer_value(y) : INT32_MAX;
	return hx < hy ? -1 : hx > hy;
}

/* Sort a JSON array in place with cmp over its elements. */
static void S_sort(json_t *array, int (*cmp)(const void *, const void *))
{
	size_t n = json_array_size(array), i;
	json_t **items = xcalloc(n + 1, sizeof(*items));

	for (i = 0; i < n; i++)
		items[i] = json_incref(json_array_get(array, i));
	qsort(items, n, sizeof(*items), cmp);
	json_array_clear(array);
	for (i = 0; i < n; i++)
		json_array_append_new(array, items[i]);
	free(items);
}

/* The smallest hours left among a person's items (INT32_MAX: none). */
static json_int_t S_min_hours(json_t *p)
{
	const char *lists[] = { "support", "focus" };
	json_int_t best = INT32_MAX;
	size_t i, k;

	for (k = 0; k < 2; k++) {
		json_t *a = json_object_get(p, lists[k]);
		for (i = 0; i < json_array_size(a); i++) {
			json_t *h = json_object_get(json_array_get(a, i), "hours_left");
			if (json_is_integer(h) && json_integer_value(h) < best)
				best = json_integer_value(h);
		}
	}
	return best;
}

/* Most urgent first: a missed meeting, then the item with the least time left. */
static int S_by_urgency(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int mx = json_is_true(json_object_get(x, "overdue_meeting"));
	int my = json_is_true(json_object_get(y, "overdue_meeting"));
	json_int_t hx = S_min_hours(x), hy = S_min_hours(y);

	if (mx != my)
		return my - mx;
	if (hx != hy)
		return hx < hy ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "person")),
		      json_string_value(json_object_get(y, "person")));
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
		if (held->date <= now)
			break;
		note_release(held);
	}
	strbuf_release(&err);
	return i;
}

static json_t *S_person(const struct journal *j, const char *id, notes_time now, struct strbuf *err)
{
	struct note_ref *refs;
	struct person p;
	struct slot slot;
	struct meeting_due due;
	struct note latest;
	bool has_slot;
	size_t n, held;
	char day[11];
	json_t *o;

	if (journal_notes(j, id, &refs, &n) < 0) {
		strbuf_addf(err, "%s: cannot list the notes", id);
		return NULL;
	}
	journal_person(j, id, &p);
	has_slot = p.slot && slot_parse(p.slot, &slot) == 0;
	held = S_held(j, refs, n, now, &latest);
	schedule_next(has_slot ? &slot : NULL, held > 0, held ? latest.date : 0, now, &due);
	o = json_pack("{s:s}", "person", id);
	if (held)
		date_format_day(latest.date, day);
	json_object_set_new(o, "last", held ? json_string(day) : json_null());
	json_object_set_new(o, "next", json_time(due.next, due.has_next));
	json_object_set_new(o, "overdue_meeting", json_boolean(due.overdue));
	json_object_set_new(o, "support",
			    held ? S_open_items(&latest, SECTION_SUPPORT, now) : json_array());
	json_object_set_new(o, "focus",
			    held ? S_open_items(&latest, SECTION_FOCUS, now) : json_array());
	S_sort(json_object_get(o, "support"), S_by_hours);
	S_sort(json_object_get(o, "focus"), S_by_hours);
	json_object_set_new(o, "carried", held ? S_carried(j, refs, held, &latest) : json_array());
	if (held)
		note_release(&latest);
	person_release(&p);
	note_refs_free(refs, n);
	return o;
}

json_t *status_team(const struct journal *j, const char *person, notes_time now, struct strbuf *err)
{
	json_t *people = json_array(), *out;
	char when[17];
	size_t i;

	for (i = 0; i < j->npeople; i++) {
		json_t *p;
		if (person ? strcmp(person, j->people[i])
			   : (j->leader && !strcmp(j->leader, j->people[i])))
			continue;
		p = S_person(j, j->people[i], now, err);
		if (!p) {
			json_decref(people);
			return NULL;
		}
		json_array_append_new(people, p);
	}
	S_sort(people, S_by_urgency);
	date_format_time(now, when);
	out = json_pack("{s:s, s:o}", "now", when, "people", people);
	return out;
}
