/* json_report_page.c - what the template of notes report sees, as the
 * JSON data it renders (jansson). Written only: nothing reads it back
 * but the template engine. */
#include "json_report_page.h"

#include <jansson.h>

#include <string.h>

#include "json.h"

static json_t *S_figures(const struct report_person_view *v)
{
	const struct review_report *r = v->r;
	json_t *o = json_object(), *f;

	json_object_set_new(o, "meetings",
			    json_pack("{s:o, s:o, s:o}", "held", json_count(r->meetings.held),
				      "weeks", json_count(r->meetings.weeks), "skipped",
				      json_count(v->weeks_skipped)));
	f = json_pack("{s:o, s:o, s:o, s:o, s:o, s:b}", "total", json_count(r->focus.total), "done",
		      json_count(r->focus.done), "partial", json_count(r->focus.partial), "dropped",
		      json_count(r->focus.dropped), "open", json_count(r->focus.open), "has_rate",
		      r->focus.has_rate);
	json_object_set_new(f, "rate", r->focus.has_rate ? json_real(r->focus.rate) : json_null());
	/* whole percents, rounded as review's text rounds them */
	json_object_set_new(
		f, "percent",
		json_count(r->focus.has_rate ? (size_t)(r->focus.rate * 100.0 + 0.5) : 0));
	json_object_set_new(o, "focus", f);
	json_object_set_new(o, "causes",
			    json_pack("{s:o, s:o, s:o}", "execution",
				      json_count(r->causes.execution), "assumption",
				      json_count(r->causes.assumption), "unknown",
				      json_count(r->causes.unknown)));
	json_object_set_new(o, "support",
			    json_pack("{s:o, s:o, s:o, s:o}", "total", json_count(r->support.total),
				      "kept", json_count(r->support.kept), "late",
				      json_count(r->support.late), "open",
				      json_count(r->support.open)));
	return o;
}

static json_t *S_blockers(const struct review_report *r)
{
	json_t *a = json_array();
	size_t i, k;

	for (i = 0; i < r->nrecurring; i++) {
		json_t *weeks = json_array();
		for (k = 0; k < r->recurring[i].nweeks; k++)
			json_array_append_new(weeks, json_string(r->recurring[i].weeks[k]));
		json_array_append_new(
			a, json_pack("{s:o, s:o, s:o}", "key", json_text(r->recurring[i].key),
				     "count", json_count(r->recurring[i].count), "weeks", weeks));
	}
	return a;
}

static json_t *S_learnings(const struct review_report *r)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->nlearnings; i++) {
		const struct review_learning *l = &r->learnings[i];
		/* the enumerated value is English; the template says it in its language */
		json_array_append_new(
			a,
			json_pack("{s:o, s:o, s:o, s:o, s:s, s:b, s:b}", "id", json_text(l->id),
				  "text", json_text(l->text), "cause", json_text(l->cause),
				  "learning", json_text(l->learning), "week", l->week,
				  "cause_execution", l->cause && !strcmp(l->cause, "execution"),
				  "cause_assumption", l->cause && !strcmp(l->cause, "assumption")));
	}
	return a;
}

static void S_lists(const struct review_report *r, json_t *o)
{
	json_t *a;
	size_t i;

	json_object_set_new(o, "recurring_blockers", S_blockers(r));
	json_object_set_new(o, "recurring_count", json_count(r->nrecurring));
	a = json_array();
	for (i = 0; i < r->ncarried; i++)
		json_array_append_new(a, json_pack("{s:o, s:o, s:o}", "id",
						   json_text(r->carried[i].id), "text",
						   json_text(r->carried[i].text), "weeks",
						   json_count(r->carried[i].weeks)));
	json_object_set_new(o, "carried", a);
	json_object_set_new(o, "carried_count", json_count(r->ncarried));
	json_object_set_new(o, "learnings", S_learnings(r));
	a = json_array();
	for (i = 0; i < r->nweeks; i++) {
		const struct review_week *w = &r->weeks[i];
		json_array_append_new(
			a, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "week", w->week, "date",
				     w->date, "focus", json_count(w->focus), "done",
				     json_count(w->done), "support", json_count(w->support),
				     "support_kept", json_count(w->support_kept), "blockers",
				     json_count(w->blockers)));
	}
	json_object_set_new(o, "weeks", a);
	a = json_array();
	for (i = 0; i < r->nfeedback; i++)
		json_array_append_new(a, json_pack("{s:s, s:o}", "week", r->feedback[i].week,
						   "text", json_text(r->feedback[i].text)));
	json_object_set_new(o, "feedback", a);
}

static json_t *S_person(const struct report_person_view *v)
{
	const struct review_report *r = v->r;
	json_t *o = S_figures(v);

	json_object_set_new(o, "person", json_text(r->person));
	json_object_set_new(o, "name", json_text(v->name));
	json_object_set_new(o, "slot", json_text(v->slot));
	json_object_set_new(o, "since", json_day(r->since, r->has_since));
	json_object_set_new(o, "until", json_day(r->until, r->has_until));
	json_object_set_new(o, "attention", json_boolean(v->attention));
	json_object_set_new(o, "has_weeks", json_boolean(v->has_weeks));
	json_object_set_new(o, "charts",
			    json_pack("{s:s, s:s, s:s, s:s}", "series", v->series, "strip",
				      v->strip, "support", v->support, "causes", v->causes));
	S_lists(r, o);
	return o;
}

struct json_t *json_report_page(const struct report_page_view *v)
{
	json_t *root = json_object(), *people = json_array();
	char now[17];
	size_t i;

	date_format_time(v->now, now);
	now[10] = ' ';
	json_object_set_new(root, "lang", json_text(v->lang));
	json_object_set_new(root, "team", json_boolean(v->team));
	json_object_set_new(root, "leader", json_text(v->leader));
	json_object_set_new(root, "leader_name", json_text(v->leader_name));
	json_object_set_new(root, "now", json_string(now));
	json_object_set_new(root, "since", json_day(v->since, v->has_since));
	json_object_set_new(root, "until", json_day(v->until, v->has_until));
	for (i = 0; i < v->n; i++)
		json_array_append_new(people, S_person(&v->people[i]));
	json_object_set_new(root, "people", people);
	return root;
}

void json_report_page_free(struct json_t *data)
{
	json_decref(data);
}
