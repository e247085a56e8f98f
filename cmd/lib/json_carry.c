/* json_carry.c - what a new note carries forward from the previous one,
 * as the JSON data the note template renders (jansson). */
#include "json_carry.h"

#include <jansson.h>

#include <string.h>

#include "note_line.h"
#include "xalloc.h"

/* The end of the lines-th line counted from the line starting at start
 * (lines end as cmark reads them: \n, \r\n or a lone \r). */
static size_t S_end_of(const char *s, size_t len, size_t start, int lines)
{
	size_t i = start;

	while (--lines > 0 && i < len)
		note_line_end(s, len, i, &i);
	return note_line_end(s, len, i, NULL);
}

/* Append s[from, to) with its line ends (\r\n, or a lone \r, which cmark
 * also reads as one) written as \n. */
static void S_add_lf(struct strbuf *sb, const char *s, size_t from, size_t to)
{
	for (; from < to; from++) {
		if (s[from] != '\r')
			strbuf_addch(sb, s[from]);
		else if (from + 1 >= to || s[from + 1] != '\n')
			strbuf_addch(sb, '\n');
	}
}

/* One item as Markdown: "- [s] " and its first paragraph (its text, which
 * may run over several lines), or the whole item with its nested lines. */
static json_t *S_item(const struct carry_input *in, const struct task *t, bool task, bool whole)
{
	struct strbuf sb = STRBUF_INIT;
	size_t start = note_skip_marker(in->prev_src, t->line_start, t->line_end, NULL);
	size_t end = S_end_of(in->prev_src, in->prev_len, t->line_start,
			      (whole ? t->end_line : t->text_end_line) - t->line + 1);
	json_t *o;

	strbuf_addstr(&sb, "- ");
	if (task && !t->has_marker)
		strbuf_addstr(&sb, "[ ] ");
	S_add_lf(&sb, in->prev_src, start, end);
	while (sb.len && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == ' '))
		strbuf_setlen(&sb, sb.len - 1);
	o = json_pack("{s:s%}", "line", sb.buf, sb.len);
	strbuf_release(&sb);
	return o;
}

static bool S_listed(const struct note *prev, const struct task *t, size_t upto_focus,
		     size_t upto_support)
{
	size_t i;

	if (!t->id)
		return false;
	for (i = 0; i < upto_focus; i++)
		if (prev->items[SECTION_FOCUS][i].id &&
		    !strcmp(prev->items[SECTION_FOCUS][i].id, t->id))
			return true;
	for (i = 0; i < upto_support; i++)
		if (prev->items[SECTION_SUPPORT][i].id &&
		    !strcmp(prev->items[SECTION_SUPPORT][i].id, t->id))
			return true;
	return false;
}

static json_t *S_review(const struct carry_input *in)
{
	const struct note *p = in->prev;
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < p->nitems[SECTION_FOCUS]; i++)
		json_array_append_new(a, S_item(in, &p->items[SECTION_FOCUS][i], true, false));
	for (i = 0; i < p->nitems[SECTION_SUPPORT]; i++)
		json_array_append_new(a, S_item(in, &p->items[SECTION_SUPPORT][i], true, false));
	for (i = 0; i < p->nitems[SECTION_REVIEW]; i++) {
		const struct task *t = &p->items[SECTION_REVIEW][i];
		if (t->status == TASK_OPEN &&
		    !S_listed(p, t, p->nitems[SECTION_FOCUS], p->nitems[SECTION_SUPPORT]))
			json_array_append_new(a, S_item(in, t, true, false));
	}
	return a;
}

static json_t *S_goals_and_blockers(const struct carry_input *in, json_t *data)
{
	const struct note *p = in->prev;
	json_t *goals = json_array(), *blockers = json_array();
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < p->ngoals; i++) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "- ");
		if (p->goals[i].tag)
			strbuf_addf(&sb, "#%s ", p->goals[i].tag);
		strbuf_addstr(&sb, p->goals[i].text);
		json_array_append_new(goals, json_pack("{s:s}", "line", sb.buf));
	}
	for (i = 0; i < p->nitems[SECTION_BLOCKERS]; i++)
		if (p->items[SECTION_BLOCKERS][i].status != TASK_DONE)
			json_array_append_new(
				blockers, S_item(in, &p->items[SECTION_BLOCKERS][i], false, true));
	json_object_set_new(data, "goals", goals);
	json_object_set_new(data, "blockers", blockers);
	strbuf_release(&sb);
	return data;
}

/* A value of the config, as one line of text: a line end or a control
 * character in a name would put lines of its own into every new note. */
static json_t *S_config_value(const char *v)
{
	struct strbuf sb = STRBUF_INIT;
	json_t *res;

	strbuf_add_escaped(&sb, v, strlen(v));
	res = json_string(sb.buf);
	strbuf_release(&sb);
	return res;
}

struct json_t *carry_data(const struct carry_input *in)
{
	json_t *d = json_object();
	char day[11], when[17], week[9];

	date_format_day(in->date, day);
	date_format_time(in->date, when);
	date_format_week(in->date, week);
	when[10] = ' ';
	json_object_set_new(d, "person", json_string(in->person));
	json_object_set_new(d, "name", S_config_value(in->name ? in->name : in->person));
	json_object_set_new(d, "leader", S_config_value(in->leader ? in->leader : ""));
	json_object_set_new(d, "date", json_string(day));
	json_object_set_new(d, "time", json_string(in->has_time ? when + 11 : ""));
	json_object_set_new(d, "datetime", json_string(in->has_time ? when : day));
	json_object_set_new(d, "week", json_string(week));
	if (in->prev && in->prev_src) {
		date_format_day(in->prev->date, day);
		json_object_set_new(d, "previous", json_string(day));
		json_object_set_new(d, "review", S_review(in));
		S_goals_and_blockers(in, d);
	} else {
		json_object_set_new(d, "previous", json_null());
		json_object_set_new(d, "review", json_array());
		json_object_set_new(d, "goals", json_array());
		json_object_set_new(d, "blockers", json_array());
	}
	return d;
}

void carry_data_free(struct json_t *data)
{
	json_decref(data);
}
