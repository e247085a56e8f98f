/* review.c - the retrospective of one person, computed from git history. */
#include "review.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "review_history.h"
#include "xalloc.h"

/* One commitment followed across meetings by its ^id. */
struct item {
	char key[32];
	enum section kind; /* where it was first seen */
	size_t origin; /* index of that note */
	const struct task *last; /* its latest appearance */
	const char *cause, *learning;
	notes_time done_at;
	bool has_done_at;
	int open_meetings;
};

struct review {
	const struct history *h;
	const struct review_range *range;
	struct item *items;
	size_t nitems, alloc;
};

static bool S_in_range(const struct review *r, const struct note *n)
{
	notes_time day = n->date - n->date % MINUTES_PER_DAY;
	return (!r->range->has_since || day >= r->range->since) &&
	       (!r->range->has_until || day <= r->range->until);
}

static struct item *S_item(struct review *r, const struct task *t, size_t note, enum section sec)
{
	char key[32];
	size_t i;

	if (t->id)
		snprintf(key, sizeof(key), "%s", t->id);
	else
		snprintf(key, sizeof(key), "#%zu:%d", note, t->line);
	for (i = r->nitems; i > 0; i--)
		if (!strcmp(r->items[i - 1].key, key))
			return &r->items[i - 1];
	ALLOC_GROW(r->items, r->nitems + 1, r->alloc);
	memset(&r->items[r->nitems], 0, sizeof(*r->items));
	memcpy(r->items[r->nitems].key, key, sizeof(key));
	r->items[r->nitems].kind = sec;
	r->items[r->nitems].origin = note;
	return &r->items[r->nitems++];
}

static void S_follow(struct review *r)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };
	size_t n, i, k;

	for (n = 0; n < r->h->nnotes; n++)
		for (k = 0; k < 3; k++)
			for (i = 0; i < r->h->notes[n].nitems[secs[k]]; i++) {
				const struct task *t = &r->h->notes[n].items[secs[k]][i];
				struct item *it = S_item(r, t, n, secs[k]);
				it->last = t;
				if (t->fields[FIELD_CAUSE])
					it->cause = t->fields[FIELD_CAUSE];
				if (t->fields[FIELD_LEARNING])
					it->learning = t->fields[FIELD_LEARNING];
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
	return when - r->h->notes[it->origin].date <= 48 * 60;
}

static json_t *S_focus_and_causes(const struct review *r, json_t *out)
{
	size_t i, count[4] = { 0 }, total = 0, exec = 0, assume = 0, unknown = 0;
	json_t *focus;

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		if (!S_counts(r, it, SECTION_FOCUS) && !S_counts(r, it, SECTION_SUPPORT))
			continue;
		if (it->kind == SECTION_FOCUS) {
			total++;
			count[it->last->status]++;
		}
		if (it->last->status == TASK_DONE)
			continue;
		if (it->cause && !strcmp(it->cause, "execution"))
			exec++;
		else if (it->cause && !strcmp(it->cause, "assumption"))
			assume++;
		else if (it->last->status != TASK_OPEN || it->origin + 1 < r->h->nnotes)
			unknown++; /* missed, and no cause given */
	}
	focus = json_pack("{s:i, s:i, s:i, s:i, s:i}", "total", (json_int_t)total, "done",
			  (json_int_t)count[TASK_DONE], "partial", (json_int_t)count[TASK_PARTIAL],
			  "dropped", (json_int_t)count[TASK_DROPPED], "open",
			  (json_int_t)count[TASK_OPEN]);
	json_object_set_new(focus, "rate",
			    total > count[TASK_OPEN] ? json_real((double)count[TASK_DONE] /
								 (double)(total - count[TASK_OPEN]))
						     : json_null());
	json_object_set_new(out, "focus", focus);
	json_object_set_new(out, "causes",
			    json_pack("{s:i, s:i, s:i}", "execution", (json_int_t)exec,
				      "assumption", (json_int_t)assume, "unknown",
				      (json_int_t)unknown));
	return out;
}

static void S_support(const struct review *r, json_t *out)
{
	size_t i, total = 0, kept = 0, late = 0, open = 0;

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		int k;
		if (!S_counts(r, it, SECTION_SUPPORT))
			continue;
		total++;
		k = S_kept(r, it);
		if (k > 0)
			kept++;
		else if (k == 0)
			late++;
		else if (it->last->status != TASK_DROPPED)
			open++;
	}
	json_object_set_new(out, "support",
			    json_pack("{s:i, s:i, s:i, s:i}", "total", (json_int_t)total, "kept",
				      (json_int_t)kept, "late", (json_int_t)late, "open",
				      (json_int_t)open));
}

static int S_by_weeks(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "weeks"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "weeks"));
	return x < y ? 1 : x > y ? -1 : 0;
}

static void S_carried(const struct review *r, json_t *out)
{
	json_t **list = xcalloc(r->nitems + 1, sizeof(*list)), *a = json_array();
	size_t i, n = 0;

	for (i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		if (it->open_meetings < 2 || !it->last->id)
			continue;
		list[n++] = json_pack("{s:s, s:s, s:i}", "id", it->key, "text", it->last->text,
				      "weeks", (json_int_t)it->open_meetings);
	}
	/* longest first; qsort is not stable, so ties keep no order: sort by id too */
	qsort(list, n, sizeof(*list), S_by_weeks);
	for (i = 0; i < n; i++)
		if (list[i])
			json_array_append_new(a, list[i]);
	free(list);
	json_object_set_new(out, "carried", a);
}

static bool S_range_cb(const void *ctx, const struct note *n)
{
	return S_in_range(ctx, n);
}

static void S_learnings_and_weeks(const struct review *r, json_t *out)
{
	json_t *learn = json_array(), *weeks = json_array(), *fb = json_array();
	size_t n, i;
	char week[9], day[11];

	for (n = 0; n < r->h->nnotes; n++) {
		const struct note *note = &r->h->notes[n];
		size_t done = 0, kept = 0;
		if (!S_in_range(r, note))
			continue;
		date_format_week(note->date, week);
		date_format_day(note->date, day);
		for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
			const struct task *t = &note->items[SECTION_REVIEW][i];
			if (t->fields[FIELD_LEARNING])
				json_array_append_new(
					learn,
					json_pack("{s:o, s:s, s:o, s:s, s:s}", "id",
						  t->id ? json_string(t->id) : json_null(), "text",
						  t->text, "cause",
						  t->fields[FIELD_CAUSE]
							  ? json_string(t->fields[FIELD_CAUSE])
							  : json_null(),
						  "learning", t->fields[FIELD_LEARNING], "week",
						  week));
		}
		for (i = 0; i < note->nitems[SECTION_FOCUS]; i++) {
			const struct item *it =
				S_item((struct review *)r, &note->items[SECTION_FOCUS][i], n,
				       SECTION_FOCUS);
			done += it->last->status == TASK_DONE;
		}
		for (i = 0; i < note->nitems[SECTION_SUPPORT]; i++)
			kept += S_kept(r,
				       S_item((struct review *)r, &note->items[SECTION_SUPPORT][i],
					      n, SECTION_SUPPORT)) > 0;
		for (i = 0; i < note->nfeedback; i++)
			json_array_append_new(fb, json_pack("{s:s, s:s}", "week", week, "text",
							    note->feedback[i].text));
		json_array_append_new(weeks, json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:i}",
						       "week", week, "date", day, "focus",
						       (json_int_t)note->nitems[SECTION_FOCUS],
						       "done", (json_int_t)done, "support",
						       (json_int_t)note->nitems[SECTION_SUPPORT],
						       "support_kept", (json_int_t)kept, "blockers",
						       (json_int_t)note->nitems[SECTION_BLOCKERS]));
	}
	json_object_set_new(out, "learnings", learn);
	json_object_set_new(out, "weeks", weeks);
	json_object_set_new(out, "feedback", fb);
}

static void S_meetings(const struct review *r, json_t *out)
{
	const struct review_range *g = r->range;
	size_t n, held = 0;
	int64_t weeks = 0;
	char day[11];

	for (n = 0; n < r->h->nnotes; n++)
		held += S_in_range(r, &r->h->notes[n]);
	if (g->has_since && g->has_until && g->until >= g->since) {
		int64_t a = g->since / MINUTES_PER_DAY, b = g->until / MINUTES_PER_DAY;
		weeks = ((b - date_weekday(b)) - (a - date_weekday(a))) / 7 + 1;
	}
	if (g->has_since)
		date_format_day(g->since, day);
	json_object_set_new(out, "since", g->has_since ? json_string(day) : json_null());
	if (g->has_until)
		date_format_day(g->until, day);
	json_object_set_new(out, "until", g->has_until ? json_string(day) : json_null());
	json_object_set_new(
		out, "meetings",
		json_pack("{s:i, s:i}", "held", (json_int_t)held, "weeks", (json_int_t)weeks));
}

json_t *review_person(struct vcs *v, const struct journal *j, const char *person,
		      const struct review_range *range, struct strbuf *err)
{
	struct review_range g = *range;
	struct history h;
	struct review r = { &h, &g, NULL, 0, 0 };
	json_t *out;

	if (history_load(&h, v, j, person, err) < 0) {
		history_release(&h);
		return NULL;
	}
	if (!g.has_since && h.nnotes) {
		g.since = h.notes[0].date - h.notes[0].date % MINUTES_PER_DAY;
		g.has_since = true;
	}
	if (!g.has_until) {
		g.until = g.now - g.now % MINUTES_PER_DAY;
		g.has_until = true;
	}
	out = json_pack("{s:s}", "person", person);
	S_meetings(&r, out);
	S_follow(&r);
	S_focus_and_causes(&r, out);
	S_support(&r, out);
	review_blockers(&h, S_range_cb, &r, out);
	S_carried(&r, out);
	S_learnings_and_weeks(&r, out);
	free(r.items);
	history_release(&h);
	return out;
}
