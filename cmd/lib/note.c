/* note.c - a 1:1 meeting note: Markdown bytes -> struct note (the only
 * user of cmark). */
#include "note.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "note_line.h"
#include "utf8.h"
#include "xalloc.h"

/* Where each line starts: line n (1-based) is [start[n], end[n]). */
struct lines {
	size_t *start, *end;
	int nr;
};

struct parser {
	struct note *note;
	const char *buf;
	size_t len;
	struct lines lines;
	int line_offset; /* lines before the Markdown body (front matter) */
};

static void S_index_lines(struct lines *l, const char *buf, size_t len, size_t from)
{
	size_t alloc = 0, ealloc = 0, pos = from, next;
	int n = 0;

	l->start = l->end = NULL;
	for (;;) { /* as many lines as line ends, plus one */
		n++;
		ALLOC_GROW(l->start, (size_t)n + 1, alloc);
		ALLOC_GROW(l->end, (size_t)n + 1, ealloc);
		l->start[n] = pos;
		l->end[n] = note_line_end(buf, len, pos, &next);
		if (l->end[n] == len)
			break;
		pos = next;
	}
	l->nr = n;
}

/* The text of a line from its first non-blank byte. */
static const char *S_line(struct parser *p, int n, size_t *len, int *col)
{
	size_t s, e;

	if (n < 1 || n > p->lines.nr) {
		*len = 0;
		*col = 1;
		return p->buf;
	}
	s = p->lines.start[n];
	e = p->lines.end[n];
	while (s < e && (p->buf[s] == ' ' || p->buf[s] == '\t'))
		s++;
	*len = e - s;
	*col = (int)(s - p->lines.start[n]) + 1;
	return p->buf + s;
}

static int S_file_line(struct parser *p, cmark_node *node)
{
	return cmark_node_get_start_line(node) + p->line_offset;
}

/* The plain text of a heading or paragraph. */
static char *S_node_text(cmark_node *node)
{
	struct strbuf sb = STRBUF_INIT;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	char *res;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			const char *lit = cmark_node_get_literal(n);
			strbuf_addstr(&sb, lit ? lit : "");
		} else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			strbuf_addch(&sb, ' ');
		}
	}
	cmark_iter_free(it);
	res = note_collapse_space(sb.buf, sb.len);
	strbuf_release(&sb);
	return res;
}

static void S_field(struct parser *p, struct task *t, cmark_node *item)
{
	size_t len, vlen;
	int col, line = S_file_line(p, item);
	const char *s = S_line(p, line, &len, &col), *v;
	enum field f = note_line_field(s, len, &v, &vlen);
	struct strbuf q = STRBUF_INIT;
	bool has_time;

	/* an empty "key:" (a template left unfilled) is no value */
	if (f == FIELD_NONE || !vlen || t->fields[f])
		return;
	if (field_is_enumerated(f)) {
		const char *en = vocab_value(f, v, vlen);
		if (!en && vlen) {
			strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 40));
			diag_add(&p->note->problems, line, col, SEVERITY_WARNING, "bad-field",
				 "'%s' is not a known %s", q.buf, field_name(f));
		}
		t->fields[f] = en ? xstrdup(en) : xstrndup(v, vlen);
	} else {
		t->fields[f] = note_collapse_space(v, vlen);
	}
	if (f == FIELD_DONE) {
		int rc = date_parse(v, vlen, &t->done_at, &has_time);
		if (rc < 0) {
			strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 40));
			diag_add(&p->note->problems, line, col, SEVERITY_ERROR, "bad-date",
				 "done: '%s' is not a date and time (YYYY-MM-DDTHH:MM)", q.buf);
		} else {
			t->has_done_at = true;
			if (!has_time)
				t->done_at += END_OF_DAY_MINUTES;
		}
	}
	strbuf_release(&q);
}

static void S_fields(struct parser *p, struct task *t, cmark_node *item)
{
	cmark_node *c, *sub;

	for (c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_LIST)
			continue;
		for (sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub))
			S_field(p, t, sub);
	}
}

static bool S_text_on_first_line(cmark_node *item)
{
	cmark_node *first = cmark_node_first_child(item);

	return first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH &&
	       cmark_node_get_start_line(first) == cmark_node_get_start_line(item);
}

static void S_task(struct parser *p, enum section sec, cmark_node *item)
{
	struct note *note = p->note;
	struct task t = { 0 };
	cmark_node *first = cmark_node_first_child(item);
	int line = S_file_line(p, item), col;
	size_t len;
	const char *s;

	/* a task is text on the item's own line; "- - x" (a list in a list),
	 * "- # x" or a paragraph starting on the next line are not tasks */
	if (!S_text_on_first_line(item))
		return;
	s = S_line(p, line, &len, &col);
	note_line_parse(&t, s, len, &note->problems, line, col);
	if (!*t.text) {
		task_release(&t); /* an empty template item */
		return;
	}
	t.line = line;
	t.column = col;
	t.end_line = cmark_node_get_end_line(item) + p->line_offset;
	t.text_end_line = cmark_node_get_end_line(first) + p->line_offset;
	t.line_start = p->lines.start[line];
	t.line_end = p->lines.end[line];
	t.marker_pos += (size_t)(s - p->buf);
	t.indent = first ? cmark_node_get_start_column(first) - 1 : col + 1;
	S_fields(p, &t, item);
	ALLOC_GROW(note->items[sec], note->nitems[sec] + 1, note->items_alloc[sec]);
	note->items[sec][note->nitems[sec]++] = t;
}

static void S_goal(struct parser *p, cmark_node *item)
{
	struct note *note = p->note;
	struct task t = { 0 };
	int line = S_file_line(p, item), col;
	size_t len;
	const char *s;
	struct goal *g;

	if (!S_text_on_first_line(item))
		return;
	s = S_line(p, line, &len, &col);
	note_line_parse(&t, s, len, &note->problems, line, col);
	if (*t.text || t.ntags) {
		ALLOC_GROW(note->goals, note->ngoals + 1, note->goals_alloc);
		g = &note->goals[note->ngoals++];
		g->tag = t.ntags ? xstrdup(t.tags[0]) : NULL;
		g->text = xstrdup(t.text);
		g->line = line;
	}
	task_release(&t);
}

static void S_feedback(struct parser *p, cmark_node *node, int line)
{
	struct note *note = p->note;
	char *text;

	if (node && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
		text = S_node_text(node);
		if (*text) {
			ALLOC_GROW(note->feedback, note->nfeedback + 1, note->feedback_alloc);
			note->feedback[note->nfeedback].text = text;
			note->feedback[note->nfeedback++].line = line;
			return;
		}
		free(text);
	}
}

/* Whether the paragraph node is the purpose line; the first one is kept. */
static bool S_purpose(struct parser *p, cmark_node *node)
{
	struct note *note = p->note;
	struct strbuf rest = STRBUF_INIT;
	char *text = S_node_text(node);
	bool is_purpose = vocab_phrases(PHRASE_PURPOSE, text, strlen(text), &rest, NULL) > 0;

	if (is_purpose && !note->purpose.text) {
		note->purpose.text = note_collapse_space(rest.buf, rest.len);
		note->purpose.line = S_file_line(p, node);
	}
	strbuf_release(&rest);
	free(text);
	return is_purpose;
}

static void S_list(struct parser *p, enum section sec, cmark_node *list)
{
	cmark_node *item;

	for (item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		if (sec == SECTION_GOALS)
			S_goal(p, item);
		else if (sec == SECTION_FEEDBACK)
			S_feedback(p, cmark_node_first_child(item), S_file_line(p, item));
		else if (sec != SECTION_NOTES)
			S_task(p, sec, item);
	}
}

static void S_walk(struct parser *p, cmark_node *doc)
{
	enum section sec = SECTION_NONE;
	cmark_node *n;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n);
			if (level == 1) {
				sec = SECTION_NONE;
				if (!p->note->title_line)
					p->note->title_line = S_file_line(p, n);
			} else if (level == 2) {
				char *text = S_node_text(n);
				sec = vocab_section(text, strlen(text));
				free(text);
				if (sec != SECTION_NONE && !p->note->section_line[sec])
					p->note->section_line[sec] = S_file_line(p, n);
			}
		} else if (t == CMARK_NODE_LIST && sec != SECTION_NONE) {
			S_list(p, sec, n);
		} else if (t == CMARK_NODE_PARAGRAPH && !S_purpose(p, n) &&
			   sec == SECTION_FEEDBACK) {
			S_feedback(p, n, S_file_line(p, n));
		}
	}
}

static void S_defaults(struct note *note)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_SUPPORT]; i++) {
		struct task *t = &note->items[SECTION_SUPPORT][i];
		if (!t->owner && note->leader)
			t->owner = xstrdup(note->leader);
		if (!t->has_due && note->has_date) {
			t->due = note->date + SUPPORT_DUE_MINUTES;
			t->has_due = true;
		}
	}
	for (i = 0; i < note->nitems[SECTION_FOCUS]; i++) {
		struct task *t = &note->items[SECTION_FOCUS][i];
		if (!t->owner && note->person)
			t->owner = xstrdup(note->person);
		if (!t->has_due && note->has_date) {
			t->due = date_working_day_end(note->date, 5);
			t->has_due = true;
		}
	}
}

/* Report the first NUL byte or invalid UTF-8 sequence, if any. */
static void S_check_encoding(struct parser *p)
{
	const char *nul = memchr(p->buf, '\0', p->len);
	size_t bad = utf8_invalid_at(p->buf, nul ? (size_t)(nul - p->buf) : p->len), i;
	int line = 1;

	if (!nul && bad == p->len)
		return;
	for (i = 0; i < bad; i++)
		line += p->buf[i] == '\n' ||
			(p->buf[i] == '\r' && (i + 1 == p->len || p->buf[i + 1] != '\n'));
	diag_add(&p->note->problems, line, 1, SEVERITY_ERROR, "bad-encoding",
		 nul && bad == (size_t)(nul - p->buf)
			 ? "the file holds NUL bytes: not a text note"
			 : "invalid UTF-8 (the note must be UTF-8 text)");
}

int note_parse(struct note *note, const char *buf, size_t len, const struct note_options *opts,
	       struct strbuf *err)
{
	struct parser p = { NULL, buf, len, { NULL, NULL, 0 }, 0 };
	size_t body = 0;
	cmark_node *doc;

	memset(note, 0, sizeof(*note));
	p.note = note;
	if (vocab_load(err) < 0)
		return -1;
	if (opts && opts->file)
		note->file = xstrdup(opts->file);
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		body = 3;
	S_check_encoding(&p);
	S_index_lines(&p.lines, buf, len, body);
	body = front_matter_parse(note, buf, len, body, &p.line_offset, opts);
	doc = cmark_parse_document(buf + body, len - body, CMARK_OPT_DEFAULT);
	S_walk(&p, doc);
	cmark_node_free(doc);
	S_defaults(note);
	free(p.lines.start);
	free(p.lines.end);
	return 0;
}
