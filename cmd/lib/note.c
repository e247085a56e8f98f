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

/* Tasks under grouping bullets under grouping bullets..., and block
 * quotes in feedback, are followed this deep. */
#define MAX_NESTING 8

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
	struct para para; /* the paragraph being read (reused) */
	struct span *spans;
	size_t nspans, spans_alloc;
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

static int S_file_line(struct parser *p, cmark_node *node)
{
	return cmark_node_get_start_line(node) + p->line_offset;
}

/* The character column of a node's start. */
static int S_column(struct parser *p, cmark_node *node)
{
	int line = S_file_line(p, node);
	size_t start, col = (size_t)cmark_node_get_start_column(node);

	if (line < 1 || line > p->lines.nr || col < 1)
		return 1;
	start = p->lines.start[line];
	if (col - 1 > p->lines.end[line] - start)
		col = p->lines.end[line] - start + 1;
	return (int)utf8_chars(p->buf + start, col - 1) + 1;
}

/* The plain text of a heading or paragraph, NFC. */
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
	res = note_clean_text(sb.buf, sb.len);
	strbuf_release(&sb);
	return res;
}

static void S_span(struct parser *p, enum span_kind k, cmark_node *n)
{
	const char *lit = n ? cmark_node_get_literal(n) : NULL;
	struct span *s;

	ALLOC_GROW(p->spans, p->nspans + 1, p->spans_alloc);
	s = &p->spans[p->nspans++];
	s->kind = k;
	s->lit = lit ? lit : "";
	s->len = lit ? strlen(lit) : 0;
}

/* cmark's reading of a paragraph, flattened for para_align. */
static void S_spans(struct parser *p, cmark_node *para)
{
	cmark_iter *it = cmark_iter_new(para);
	cmark_event_type ev;

	p->nspans = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		bool enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT: S_span(p, SPAN_TEXT, n); break;
		case CMARK_NODE_CODE: S_span(p, SPAN_CODE, n); break;
		case CMARK_NODE_HTML_INLINE: S_span(p, SPAN_HTML, n); break;
		case CMARK_NODE_SOFTBREAK: S_span(p, SPAN_SOFTBREAK, NULL); break;
		case CMARK_NODE_LINEBREAK: S_span(p, SPAN_LINEBREAK, NULL); break;
		case CMARK_NODE_EMPH: S_span(p, enter ? SPAN_EMPH : SPAN_CLOSE, NULL); break;
		case CMARK_NODE_STRONG: S_span(p, enter ? SPAN_STRONG : SPAN_CLOSE, NULL); break;
		case CMARK_NODE_LINK: S_span(p, enter ? SPAN_LINK : SPAN_CLOSE, NULL); break;
		case CMARK_NODE_IMAGE: S_span(p, enter ? SPAN_IMAGE : SPAN_CLOSE, NULL); break;
		default: break;
		}
	}
	cmark_iter_free(it);
}

/* How many block quotes hold node: their "> " starts its later lines. */
static int S_quote_depth(cmark_node *node)
{
	int depth = 0;

	for (node = cmark_node_parent(node); node; node = cmark_node_parent(node))
		depth += cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE;
	return depth;
}

/* Read paragraph node into p->para: its raw content and what each byte is. */
static struct para *S_para(struct parser *p, cmark_node *node)
{
	int first = S_file_line(p, node), last = cmark_node_get_end_line(node) + p->line_offset;
	int depth = S_quote_depth(node), line, q;
	size_t from, s, e;

	para_reset(&p->para, p->buf, first);
	for (line = first; line <= last && line <= p->lines.nr; line++) {
		s = p->lines.start[line];
		e = p->lines.end[line];
		from = s;
		if (line == first) {
			from += (size_t)cmark_node_get_start_column(node) - 1;
			from = from > e ? e : from;
		}
		for (q = 0; line > first && q < depth; q++) {
			size_t k = from;
			while (k < e && k - from < 3 && p->buf[k] == ' ')
				k++;
			if (k >= e || p->buf[k] != '>')
				break; /* a lazy line, without its "> " */
			from = k + 1 +
			       (k + 1 < e && (p->buf[k + 1] == ' ' || p->buf[k + 1] == '\t'));
		}
		while (from < e && strchr(" \t\v\f", p->buf[from]))
			from++;
		para_add_line(&p->para, s, from, e);
	}
	p->para.plain = para_is_plain(&p->para);
	if (!p->para.plain) {
		S_spans(p, node);
		para_align(&p->para, p->spans, p->nspans);
	}
	return &p->para;
}

/* The item's first paragraph, when it starts on the item's own line ("-
 * - x", a list in a list, "- # x" or a paragraph on the next line are no
 * items). */
static cmark_node *S_first_para(cmark_node *item)
{
	cmark_node *first = cmark_node_first_child(item);

	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH &&
	    cmark_node_get_start_line(first) == cmark_node_get_start_line(item))
		return first;
	return NULL;
}

/* Whether the item is written as a task: "[c] " or Logseq's TODO/DONE. */
static bool S_is_task(struct parser *p, cmark_node *item)
{
	cmark_node *para = S_first_para(item);
	int line;
	size_t s, e;

	if (!para)
		return false;
	line = S_file_line(p, para);
	if (line < 1 || line > p->lines.nr)
		return false;
	s = p->lines.start[line] + (size_t)cmark_node_get_start_column(para) - 1;
	e = p->lines.end[line];
	while (s < e && (p->buf[s] == '\v' || p->buf[s] == '\f'))
		s++;
	if (s + 3 <= e && p->buf[s] == '[' && p->buf[s + 2] == ']')
		return s + 3 == e || p->buf[s + 3] == ' ' || p->buf[s + 3] == '\t';
	return s + 4 <= e && (!memcmp(p->buf + s, "TODO", 4) || !memcmp(p->buf + s, "DONE", 4)) &&
	       (s + 4 == e || p->buf[s + 4] == ' ' || p->buf[s + 4] == '\t');
}

/* A grouping bullet ("- Funnel" over "  - [ ] Rewrite the copy"): no
 * marker, and among its nested items a task or another grouping bullet. */
static bool S_is_group(struct parser *p, cmark_node *item, int depth)
{
	cmark_node *c, *sub;

	if (depth >= MAX_NESTING || S_is_task(p, item) || !S_first_para(item))
		return false;
	for (c = cmark_node_first_child(item); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LIST)
			for (sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub))
				if (S_is_task(p, sub) || S_is_group(p, sub, depth + 1))
					return true;
	return false;
}

static void S_field(struct parser *p, struct task *t, cmark_node *item)
{
	cmark_node *node = S_first_para(item);
	struct para *para;
	enum field f;
	char *v;
	size_t at;

	if (!node)
		return;
	para = S_para(p, node);
	f = note_line_field(para, &v, &at);
	if (f == FIELD_NONE)
		return;
	if (t->fields[f]) /* the first one counts */
		free(v);
	else
		note_line_set_field(t, f, v, para, at, &p->note->problems);
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

static void S_task(struct parser *p, enum section sec, cmark_node *item, int depth)
{
	struct note *note = p->note;
	struct task t = { 0 };
	cmark_node *first = S_first_para(item), *c, *sub;
	int line = S_file_line(p, item);
	struct para *para;

	if (!first)
		return;
	if (sec != SECTION_BLOCKERS && S_is_group(p, item, depth)) {
		for (c = cmark_node_first_child(item); c; c = cmark_node_next(c))
			if (cmark_node_get_type(c) == CMARK_NODE_LIST)
				for (sub = cmark_node_first_child(c); sub;
				     sub = cmark_node_next(sub))
					if (S_is_task(p, sub) || S_is_group(p, sub, depth + 1))
						S_task(p, sec, sub, depth + 1);
		return;
	}
	para = S_para(p, first);
	note_line_parse(&t, para, &note->problems);
	if (!*t.text || para_is_label(para)) {
		task_release(&t); /* an empty template item */
		return;
	}
	t.line = line;
	t.column = S_column(p, item);
	t.end_line = cmark_node_get_end_line(item) + p->line_offset;
	t.text_end_line = cmark_node_get_end_line(first) + p->line_offset;
	t.line_start = p->lines.start[line];
	t.line_end = p->lines.end[line];
	t.id_at = para_id_at(para, t.line_end);
	t.indent = cmark_node_get_start_column(first) - 1;
	S_fields(p, &t, item);
	ALLOC_GROW(note->items[sec], note->nitems[sec] + 1, note->items_alloc[sec]);
	note->items[sec][note->nitems[sec]++] = t;
}

static void S_goal(struct parser *p, cmark_node *item)
{
	struct note *note = p->note;
	struct task t = { 0 };
	cmark_node *first = S_first_para(item);
	struct goal *g;

	if (!first)
		return;
	note_line_parse(&t, S_para(p, first), &note->problems);
	if (*t.text || t.ntags) {
		ALLOC_GROW(note->goals, note->ngoals + 1, note->goals_alloc);
		g = &note->goals[note->ngoals++];
		g->tag = t.ntags ? xstrdup(t.tags[0]) : NULL;
		g->text = xstrdup(t.text);
		g->line = S_file_line(p, item);
	}
	task_release(&t);
}

/* Feedback: paragraphs, list items and what block quotes hold of both. */
static void S_feedback(struct parser *p, cmark_node *node, int depth)
{
	struct note *note = p->note;
	cmark_node *c;
	char *text;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		text = S_node_text(node);
		if (!*text) {
			free(text);
			return;
		}
		ALLOC_GROW(note->feedback, note->nfeedback + 1, note->feedback_alloc);
		note->feedback[note->nfeedback].text = text;
		note->feedback[note->nfeedback++].line = S_file_line(p, node);
		break;
	case CMARK_NODE_LIST:
		for (c = cmark_node_first_child(node); c; c = cmark_node_next(c))
			if (cmark_node_first_child(c) &&
			    cmark_node_get_type(cmark_node_first_child(c)) == CMARK_NODE_PARAGRAPH)
				S_feedback(p, cmark_node_first_child(c), depth);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		for (c = cmark_node_first_child(node); c && depth < MAX_NESTING;
		     c = cmark_node_next(c))
			S_feedback(p, c, depth + 1);
		break;
	default: break;
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
		else if (sec != SECTION_NOTES)
			S_task(p, sec, item, 0);
	}
}

/* A heading other than level 2 whose words name a section is no section:
 * say so, or its items go to the section before it without a word. */
static void S_not_a_section(struct parser *p, cmark_node *h, int level, const char *text)
{
	struct strbuf q = STRBUF_INIT;
	size_t len = strlen(text);

	strbuf_add_escaped(&q, text, diag_quote_len(text, len, 40));
	diag_add(&p->note->problems, S_file_line(p, h), S_column(p, h), SEVERITY_WARNING,
		 "not-a-section",
		 "'%s' is a level-%d heading: a section is a level-2 heading ('## %s')", q.buf,
		 level, q.buf);
	strbuf_release(&q);
}

static void S_walk(struct parser *p, cmark_node *doc)
{
	enum section sec = SECTION_NONE;
	cmark_node *n;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_PARAGRAPH && S_purpose(p, n))
			continue; /* the purpose line, in whatever section it is */
		if (t == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n);
			char *text = S_node_text(n);
			enum section named = vocab_section(text, strlen(text));
			if (level == 2) {
				sec = named;
				if (sec != SECTION_NONE && !p->note->section_line[sec])
					p->note->section_line[sec] = S_file_line(p, n);
			} else {
				if (level == 1) {
					sec = SECTION_NONE;
					if (!p->note->title_line)
						p->note->title_line = S_file_line(p, n);
				}
				if (named != SECTION_NONE)
					S_not_a_section(p, n, level, text);
			}
			free(text);
		} else if (sec == SECTION_FEEDBACK) {
			S_feedback(p, n, 0);
		} else if (t == CMARK_NODE_LIST && sec != SECTION_NONE) {
			S_list(p, sec, n);
		}
	}
}

/* Whether line n is a line of conflict markers as git writes them:
 * "<<<<<<< ours", "|||||||", "=======" or ">>>>>>> theirs" at its start. */
static bool S_is_conflict_marker(struct parser *p, int n)
{
	const char *s = p->buf + p->lines.start[n];
	size_t len = p->lines.end[n] - p->lines.start[n], k;
	char c = len ? s[0] : 0;

	if (len < 7 || (c != '<' && c != '|' && c != '=' && c != '>'))
		return false;
	for (k = 1; k < 7; k++)
		if (s[k] != c)
			return false;
	return len == 7 || (c != '=' && s[7] == ' ');
}

/* The lines of conflict markers a merge left, outside code blocks (where
 * a note may quote them). */
static void S_conflict_markers(struct parser *p, cmark_node *doc)
{
	bool *code = xcalloc((size_t)p->lines.nr + 2, sizeof(*code));
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	bool open = false;
	int n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
			for (n = S_file_line(p, node) > 0 ? S_file_line(p, node) : 1;
			     n <= cmark_node_get_end_line(node) + p->line_offset &&
			     n <= p->lines.nr;
			     n++)
				code[n] = true;
	}
	cmark_iter_free(it);
	for (n = 1; n <= p->lines.nr; n++) {
		char c;
		if (code[n] || !S_is_conflict_marker(p, n))
			continue;
		c = p->buf[p->lines.start[n]]; /* a marker line is 7 bytes or more */
		/* "=======" alone is also a setext heading's underline and
		 * ">>>>>>> x" a quote seven deep: markers only after <<<<<<< */
		if (c != '<' && !open)
			continue;
		open = c == '<' ? true : c == '>' ? false : open;
		ALLOC_GROW(p->note->conflict_lines, p->note->nconflict_lines + 1,
			   p->note->conflict_lines_alloc);
		p->note->conflict_lines[p->note->nconflict_lines++] = n;
	}
	free(code);
}

int note_parse_bytes(struct note *note, const char *buf, size_t len,
		     const struct note_options *opts, struct strbuf *err)
{
	struct parser p;
	size_t body = 0;
	cmark_node *doc;

	memset(note, 0, sizeof(*note));
	memset(&p, 0, sizeof(p));
	p.note = note;
	p.buf = buf;
	p.len = len;
	if (vocab_load(err) < 0)
		return -1;
	if (opts && opts->file)
		note->file = xstrdup(opts->file);
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		body = 3;
	if (note_check_encoding(note, buf, len) < 0) {
		front_matter_from_path(note, opts); /* the note is a file of its person still */
		return 0;
	}
	S_index_lines(&p.lines, buf, len, body);
	body = front_matter_parse(note, buf, len, body, &p.line_offset, opts);
	doc = cmark_parse_document(buf + body, len - body, CMARK_OPT_DEFAULT);
	S_walk(&p, doc);
	S_conflict_markers(&p, doc);
	cmark_node_free(doc);
	note_set_defaults(note);
	free(p.lines.start);
	free(p.lines.end);
	para_release(&p.para);
	free(p.spans);
	return 0;
}
