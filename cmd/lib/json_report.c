/* json_report.c - the typed results of status and review -> JSON (jansson). */
#include "json.h"

static json_t *S_items(const struct status_item *v, size_t n, bool owner)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_text(v[i].id));
		json_object_set_new(o, "text", json_text(v[i].text));
		if (owner)
			json_object_set_new(o, "owner", json_text(v[i].owner));
		json_object_set_new(o, "due", json_time(v[i].due, v[i].has_due));
		json_object_set_new(o, "hours_left",
				    v[i].has_due ? json_integer(v[i].hours_left) : json_null());
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *S_person(const struct person_status *p)
{
	json_t *o = json_object(), *carried = json_array();
	size_t i;

	json_object_set_new(o, "person", json_text(p->person));
	json_object_set_new(o, "last", json_day(p->last, p->has_last));
	json_object_set_new(o, "next", json_time(p->next.next, p->next.has_next));
	json_object_set_new(o, "overdue_meeting", json_boolean(p->next.overdue));
	json_object_set_new(o, "support", S_items(p->support, p->nsupport, true));
	json_object_set_new(o, "focus", S_items(p->focus, p->nfocus, false));
	for (i = 0; i < p->ncarried; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "id", json_text(p->carried[i].id));
		json_object_set_new(c, "text", json_text(p->carried[i].text));
		json_object_set_new(c, "weeks", json_integer(p->carried[i].weeks));
		json_array_append_new(carried, c);
	}
	json_object_set_new(o, "carried", carried);
	return o;
}

void json_status_line(struct strbuf *out, const struct team_status *st)
{
	json_t *o = json_object(), *people = json_array();
	size_t i;

	json_object_set_new(o, "now", json_time(st->now, true));
	for (i = 0; i < st->npeople; i++)
		json_array_append_new(people, S_person(&st->people[i]));
	json_object_set_new(o, "people", people);
	json_add_line(out, o);
	json_decref(o);
}

static json_t *S_counts(const char *const *keys, const size_t *values, size_t n)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_set_new(o, keys[i], json_count(values[i]));
	return o;
}

static json_t *S_blockers(const struct review_report *r)
{
	json_t *a = json_array();
	size_t i, k;

	for (i = 0; i < r->nrecurring; i++) {
		const struct review_blocker *b = &r->recurring[i];
		json_t *o = json_object(), *weeks = json_array();
		for (k = 0; k < b->nweeks; k++)
			json_array_append_new(weeks, json_string(b->weeks[k]));
		json_object_set_new(o, "key", json_text(b->key));
		json_object_set_new(o, "count", json_count(b->count));
		json_object_set_new(o, "weeks", weeks);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *S_lists(const struct review_report *r, json_t *o)
{
	json_t *carried = json_array(), *learn = json_array(), *weeks = json_array();
	json_t *fb = json_array();
	size_t i;

	for (i = 0; i < r->ncarried; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "id", json_text(r->carried[i].id));
		json_object_set_new(c, "text", json_text(r->carried[i].text));
		json_object_set_new(c, "weeks", json_count(r->carried[i].weeks));
		json_array_append_new(carried, c);
	}
	for (i = 0; i < r->nlearnings; i++) {
		const struct review_learning *l = &r->learnings[i];
		json_t *c = json_object();
		json_object_set_new(c, "id", json_text(l->id));
		json_object_set_new(c, "text", json_text(l->text));
		json_object_set_new(c, "cause", json_text(l->cause));
		json_object_set_new(c, "learning", json_text(l->learning));
		json_object_set_new(c, "week", json_string(l->week));
		json_array_append_new(learn, c);
	}
	for (i = 0; i < r->nweeks; i++) {
		const struct review_week *w = &r->weeks[i];
		json_t *c = json_object();
		json_object_set_new(c, "week", json_string(w->week));
		json_object_set_new(c, "date", json_string(w->date));
		json_object_set_new(c, "focus", json_count(w->focus));
		json_object_set_new(c, "done", json_count(w->done));
		json_object_set_new(c, "support", json_count(w->support));
		json_object_set_new(c, "support_kept", json_count(w->support_kept));
		json_object_set_new(c, "blockers", json_count(w->blockers));
		json_array_append_new(weeks, c);
	}
	for (i = 0; i < r->nfeedback; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "week", json_string(r->feedback[i].week));
		json_object_set_new(c, "text", json_text(r->feedback[i].text));
		json_array_append_new(fb, c);
	}
	json_object_set_new(o, "carried", carried);
	json_object_set_new(o, "learnings", learn);
	json_object_set_new(o, "weeks", weeks);
	json_object_set_new(o, "feedback", fb);
	return o;
}

static json_t *S_review(const struct review_report *r)
{
	static const char *const meetings[] = { "held", "weeks" };
	static const char *const focus[] = { "total", "done", "partial", "dropped", "open" };
	static const char *const causes[] = { "execution", "assumption", "unknown" };
	static const char *const support[] = { "total", "kept", "late", "open" };
	const size_t m[] = { r->meetings.held, r->meetings.weeks };
	const size_t f[] = { r->focus.total, r->focus.done, r->focus.partial, r->focus.dropped,
			     r->focus.open };
	const size_t c[] = { r->causes.execution, r->causes.assumption, r->causes.unknown };
	const size_t s[] = { r->support.total, r->support.kept, r->support.late, r->support.open };
	json_t *o = json_object(), *fo = S_counts(focus, f, 5);

	json_object_set_new(o, "person", json_text(r->person));
	json_object_set_new(o, "since", json_day(r->since, r->has_since));
	json_object_set_new(o, "until", json_day(r->until, r->has_until));
	json_object_set_new(o, "meetings", S_counts(meetings, m, 2));
	json_object_set_new(fo, "rate", r->focus.has_rate ? json_real(r->focus.rate) : json_null());
	json_object_set_new(o, "focus", fo);
	json_object_set_new(o, "causes", S_counts(causes, c, 3));
	json_object_set_new(o, "support", S_counts(support, s, 4));
	json_object_set_new(o, "recurring_blockers", S_blockers(r));
	return S_lists(r, o);
}

void json_review_line(struct strbuf *out, const struct review_report *r)
{
	json_t *o = S_review(r);

	json_add_line(out, o);
	json_decref(o);
}

void json_review_team_line(struct strbuf *out, const struct review_report *r, size_t n)
{
	json_t *o = json_object(), *team = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(team, S_review(&r[i]));
	json_object_set_new(o, "team", team);
	json_add_line(out, o);
	json_decref(o);
}
