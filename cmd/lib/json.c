/* json.c - struct note and its problems -> JSON (jansson), and the
 * helpers json_report.c shares. */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

json_t *json_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n, len;
	int32_t cp;
	json_t *j;

	if (!s)
		return json_null();
	len = strlen(s);
	if (utf8_invalid_at(s, len) == len) /* checked: jansson need not again */
		return json_stringn_nocheck(s, len);
	for (i = 0; i < len; i += n ? n : 1) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n)
			strbuf_add(&sb, s + i, n);
		else
			strbuf_addstr(&sb, "\xef\xbf\xbd");
	}
	j = json_stringn_nocheck(sb.buf, sb.len);
	strbuf_release(&sb);
	return j ? j : json_string("");
}

json_t *json_day(notes_time t, bool has)
{
	char day[11];

	if (!has)
		return json_null();
	date_format_day(t, day);
	return json_string(day);
}

json_t *json_count(size_t n)
{
	return json_integer((json_int_t)n);
}

json_t *json_time(notes_time t, bool has)
{
	char buf[17];

	if (!has)
		return json_null();
	date_format_time(t, buf);
	return json_string(buf);
}

static json_t *S_tags(const struct task *t)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < t->ntags; i++)
		json_array_append_new(a, json_string(t->tags[i]));
	return a;
}

static json_t *S_task(const struct task *t, enum section sec)
{
	json_t *o = json_object();

	if (sec != SECTION_BLOCKERS)
		json_object_set_new(o, "id", json_text(t->id));
	if (sec == SECTION_REVIEW)
		json_object_set_new(o, "status", json_string(task_status_name(t->status)));
	json_object_set_new(o, "text", json_text(t->text));
	switch (sec) {
	case SECTION_REVIEW:
		json_object_set_new(o, "owner", json_text(t->owner));
		json_object_set_new(o, "goals", S_tags(t));
		json_object_set_new(o, "due", json_time(t->due, t->has_due));
		json_object_set_new(o, "cause", json_text(t->fields[FIELD_CAUSE]));
		json_object_set_new(o, "learning", json_text(t->fields[FIELD_LEARNING]));
		break;
	case SECTION_BLOCKERS:
		json_object_set_new(o, "kind", json_text(t->fields[FIELD_KIND]));
		json_object_set_new(o, "scope", json_text(t->fields[FIELD_SCOPE]));
		json_object_set_new(o, "impact", json_text(t->fields[FIELD_IMPACT]));
		json_object_set_new(o, "tags", S_tags(t));
		json_object_set_new(o, "resolved", json_boolean(t->status == TASK_DONE));
		break;
	case SECTION_SUPPORT:
		json_object_set_new(o, "owner", json_text(t->owner));
		json_object_set_new(o, "due", json_time(t->due, t->has_due));
		json_object_set_new(o, "status", json_string(task_status_name(t->status)));
		json_object_set_new(o, "how", json_text(t->fields[FIELD_HOW]));
		json_object_set_new(o, "impact", json_text(t->fields[FIELD_IMPACT]));
		break;
	default: /* focus */
		json_object_set_new(o, "owner", json_text(t->owner));
		json_object_set_new(o, "goals", S_tags(t));
		json_object_set_new(o, "metric", json_text(t->fields[FIELD_METRIC]));
		json_object_set_new(o, "fallback", json_text(t->fields[FIELD_FALLBACK]));
		json_object_set_new(o, "due", json_time(t->due, t->has_due));
		json_object_set_new(o, "status", json_string(task_status_name(t->status)));
		break;
	}
	json_object_set_new(o, "line", json_integer(t->line));
	return o;
}

static json_t *S_items(const struct note *note, enum section sec)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < note->nitems[sec]; i++)
		json_array_append_new(a, S_task(&note->items[sec][i], sec));
	return a;
}

static json_t *S_problems(const struct diag *d)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < d->nr; i++) {
		const struct problem *p = &d->list[i];
		json_array_append_new(a, json_pack("{s:i, s:i, s:s, s:s, s:o}", "line", p->line,
						   "column", p->column, "severity",
						   severity_name(p->severity), "code", p->code,
						   "message", json_text(p->message)));
	}
	return a;
}

json_t *json_from_note(const struct note *note, const struct diag *problems)
{
	json_t *o = json_object(), *a;
	char day[11], when[17], week[9];
	size_t i;

	json_object_set_new(o, "file", json_text(note->file));
	json_object_set_new(o, "person", json_text(note->person));
	json_object_set_new(o, "leader", json_text(note->leader));
	if (note->has_date) {
		date_format_day(note->date, day);
		date_format_time(note->date, when);
		date_format_week(note->date, week);
	}
	json_object_set_new(o, "date", note->has_date ? json_string(day) : json_null());
	json_object_set_new(
		o, "time", note->has_date && note->has_time ? json_string(when + 11) : json_null());
	json_object_set_new(o, "week", note->has_date ? json_string(week) : json_null());
	a = json_array();
	for (i = 0; i < note->ngoals; i++)
		json_array_append_new(a, json_pack("{s:o, s:o, s:i}", "tag",
						   json_text(note->goals[i].tag), "text",
						   json_text(note->goals[i].text), "line",
						   note->goals[i].line));
	json_object_set_new(o, "goals", a);
	json_object_set_new(o, "review", S_items(note, SECTION_REVIEW));
	json_object_set_new(o, "blockers", S_items(note, SECTION_BLOCKERS));
	json_object_set_new(o, "support", S_items(note, SECTION_SUPPORT));
	json_object_set_new(o, "focus", S_items(note, SECTION_FOCUS));
	a = json_array();
	for (i = 0; i < note->nfeedback; i++)
		json_array_append_new(a, json_pack("{s:o, s:i}", "text",
						   json_text(note->feedback[i].text), "line",
						   note->feedback[i].line));
	json_object_set_new(o, "feedback", a);
	json_object_set_new(o, "problems", S_problems(problems));
	return o;
}

void json_add_line(struct strbuf *out, json_t *value)
{
	char *s = json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

	if (s) {
		strbuf_addstr(out, s);
		free(s);
	}
	strbuf_addch(out, '\n');
}

void json_note_line(struct strbuf *out, const struct note *note, const struct diag *problems)
{
	json_t *j = json_from_note(note, problems);

	json_add_line(out, j);
	json_decref(j);
}
