/* note_para.c - a paragraph's raw content, and which of its bytes are
 * text: cmark's inline nodes walked over the source, so that tokens are
 * read from text and never from code, HTML or a link's destination. */
#include "note_line.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void para_reset(struct para *p, const char *note, int line)
{
	if (!p->raw.buf) /* a zeroed struct para */
		strbuf_init(&p->raw, 0);
	strbuf_reset(&p->raw);
	p->nlines = 0;
	p->first_line = line;
	p->note = note;
}

static void S_room(struct para *p, size_t n)
{
	if (n <= p->alloc)
		return;
	ALLOC_GROW(p->what, n, p->alloc);
}

void para_add_line(struct para *p, size_t line_start, size_t from, size_t to)
{
	struct para_line *l;

	if (p->nlines) { /* the line break between two lines */
		S_room(p, p->raw.len + 1);
		p->what[p->raw.len] = PARA_MARKUP;
		strbuf_addch(&p->raw, '\n');
	}
	ALLOC_GROW(p->lines, p->nlines + 1, p->lines_alloc);
	l = &p->lines[p->nlines++];
	l->start = line_start;
	l->from = from;
	l->to = to;
	l->raw = p->raw.len;
	S_room(p, p->raw.len + (to - from) + 1);
	memset(p->what + p->raw.len, PARA_TEXT, to - from);
	strbuf_add(&p->raw, p->note + from, to - from);
}

void para_release(struct para *p)
{
	strbuf_release(&p->raw);
	free(p->what);
	free(p->lines);
	memset(p, 0, sizeof(*p));
}

/* The line of raw byte i (a '\n' belongs to the line it ends). */
static size_t S_line_of(const struct para *p, size_t i)
{
	size_t k = 0;

	while (k + 1 < p->nlines && p->lines[k + 1].raw <= i)
		k++;
	return k;
}

size_t para_src(const struct para *p, size_t i)
{
	const struct para_line *l;

	if (!p->nlines)
		return 0;
	l = &p->lines[S_line_of(p, i)];
	return i - l->raw >= l->to - l->from ? l->to : l->from + (i - l->raw);
}

void para_position(const struct para *p, size_t i, int *line, int *column)
{
	size_t k, start, at;

	if (i > p->raw.len)
		i = p->raw.len;
	k = p->nlines ? S_line_of(p, i) : 0;
	*line = p->first_line + (int)k;
	start = p->nlines ? p->lines[k].start : 0;
	at = para_src(p, i);
	*column = (int)utf8_chars(p->note + start, at > start ? at - start : 0) + 1;
}

/* The walk: a cursor in the raw bytes, moved along by each span. */
struct walk {
	struct para *p;
	size_t i;
	int skip; /* > 0: inside an autolink, whose text is its destination */
	unsigned char stack[64]; /* what each open span is, to close it */
	size_t depth;
};

static void S_mark(struct walk *w, size_t n, enum para_what what)
{
	size_t end = w->i + n > w->p->raw.len ? w->p->raw.len : w->i + n;

	if (what != PARA_TEXT) /* every byte starts as text */
		memset(w->p->what + w->i, what, end - w->i);
	w->i = end;
}

static bool S_at(const struct walk *w, char c)
{
	return w->i < w->p->raw.len && w->p->raw.buf[w->i] == c;
}

/*
 * Move to the next c (what lies between is text), for spans that begin
 * with a known byte: when the walk is where cmark was, that is no move at
 * all. Returns false when there is none.
 */
static bool S_seek(struct walk *w, char c)
{
	const char *raw = w->p->raw.buf;
	const char *hit = w->i < w->p->raw.len ? memchr(raw + w->i, c, w->p->raw.len - w->i) : NULL;

	if (!hit)
		return false;
	w->i = (size_t)(hit - raw);
	return true;
}

/* The length of the character reference at raw[i] ("&amp;", "&#35;") and
 * how many bytes of literal it stands for; 0 when there is none. */
static size_t S_entity(const char *s, size_t len, size_t *lit_len)
{
	size_t k = 1;
	long cp = -1;

	if (k < len && s[k] == '#') {
		int hex = k + 1 < len && (s[k + 1] == 'x' || s[k + 1] == 'X');
		char *end;
		k += 1 + hex;
		cp = strtol(s + k, &end, hex ? 16 : 10);
		if (end == s + k || end >= s + len || *end != ';')
			return 0;
		k = (size_t)(end - s);
	} else {
		while (k < len && k < 40 &&
		       ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
			(s[k] >= '0' && s[k] <= '9')))
			k++;
		if (k == 1 || k >= len || s[k] != ';')
			return 0;
	}
	*lit_len = cp < 0 ? 0 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	return k + 1;
}

static bool S_is_punct(char c)
{
	return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c);
}

/* A text literal: the raw bytes it came from, escapes and entities too. */
static void S_text(struct walk *w, const char *lit, size_t len)
{
	const char *raw = w->p->raw.buf;
	size_t n = w->p->raw.len, j = 0, e, k;

	while (j < len && w->i < n) {
		char c = raw[w->i];
		/* a backslash before punctuation is always an escape in text */
		if (c == '\\' && w->i + 1 < n && S_is_punct(raw[w->i + 1])) {
			S_mark(w, 2, PARA_TEXT);
			j += raw[w->i - 1] == lit[j];
		} else if (c == '&' && (e = S_entity(raw + w->i, n - w->i, &k)) > 0) {
			S_mark(w, e, PARA_TEXT);
			if (!k) { /* a named reference stands for one character, mostly */
				int32_t cp;
				k = utf8_decode(lit + j, len - j, &cp);
			}
			j += !k ? 1 : k > len - j ? len - j : k;
		} else if (c == lit[j]) {
			S_mark(w, 1, PARA_TEXT), j++;
		} else if (c == ' ' || c == '\t' || c == '\n') {
			S_mark(w, 1, PARA_MARKUP);
		} else {
			j++; /* not where cmark was: drop the literal's byte, keep the cursor */
		}
	}
}

/* A code span: its backtick run, its content, the closing run. */
static void S_code(struct walk *w)
{
	const char *raw = w->p->raw.buf;
	size_t n = w->p->raw.len, open, k, run;

	if (!S_seek(w, '`'))
		return;
	for (open = 0; w->i + open < n && raw[w->i + open] == '`'; open++)
		;
	for (k = w->i + open; k < n; k += run ? run : 1) {
		for (run = 0; k + run < n && raw[k + run] == '`'; run++)
			;
		if (run == open) {
			S_mark(w, k + run - w->i, PARA_CODE);
			return;
		}
	}
	S_mark(w, open, PARA_CODE);
}

static void S_html(struct walk *w, const char *lit, size_t len)
{
	const char *raw = w->p->raw.buf, *gt;
	size_t n = w->p->raw.len;
	enum para_what what = len >= 4 && !memcmp(lit, "<!--", 4) ? PARA_COMMENT : PARA_HTML;

	if (!S_seek(w, '<'))
		return;
	if (len <= n - w->i && !memcmp(raw + w->i, lit, len)) {
		S_mark(w, len, what);
		return;
	}
	gt = memchr(raw + w->i, '>', n - w->i);
	S_mark(w, gt ? (size_t)(gt - raw) + 1 - w->i : n - w->i, what);
}

static void S_break(struct walk *w)
{
	while (w->i < w->p->raw.len && strchr(" \t\\", w->p->raw.buf[w->i]))
		S_mark(w, 1, PARA_MARKUP);
	if (S_at(w, '\n'))
		S_mark(w, 1, PARA_MARKUP);
}

static void S_delims(struct walk *w, size_t n)
{
	while (n-- && (S_at(w, '*') || S_at(w, '_')))
		S_mark(w, 1, PARA_MARKUP);
}

static size_t S_skip_blanks(const char *s, size_t k, size_t n)
{
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n'))
		k++;
	return k;
}

/* After a link's "]": "(destination "title")" or "[label]", if any. */
static void S_link_tail(struct walk *w)
{
	const char *raw = w->p->raw.buf;
	size_t n = w->p->raw.len, k = w->i + 1;
	int depth = 0;
	char close;

	if (S_at(w, '[')) {
		for (; k < n && raw[k] != ']'; k++)
			k += raw[k] == '\\';
		S_mark(w, k + 1 - w->i, PARA_LINK);
		return;
	}
	if (!S_at(w, '('))
		return; /* a shortcut reference: [text] alone */
	k = S_skip_blanks(raw, k, n);
	if (k < n && raw[k] == '<') { /* <destination> */
		for (k++; k < n && raw[k] != '>' && raw[k] != '\n'; k++)
			k += raw[k] == '\\';
		k++;
	} else { /* a destination: balanced parentheses, no blanks */
		for (; k < n && !strchr(" \t\n", raw[k]) && (raw[k] != ')' || depth); k++) {
			if (raw[k] == '\\')
				k++;
			else
				depth += (raw[k] == '(') - (raw[k] == ')');
		}
	}
	k = S_skip_blanks(raw, k, n);
	if (k < n && strchr("\"'(", raw[k])) { /* a title */
		close = raw[k] == '(' ? ')' : raw[k];
		for (k++; k < n && raw[k] != close; k++)
			k += raw[k] == '\\';
		k = S_skip_blanks(raw, k + 1, n);
	}
	S_mark(w, k < n && raw[k] == ')' ? k + 1 - w->i : k - w->i, PARA_LINK);
}

static void S_open(struct walk *w, enum span_kind k)
{
	if (w->depth < sizeof(w->stack))
		w->stack[w->depth] = (unsigned char)k;
	w->depth++;
	if (w->skip) {
		w->skip++;
		return;
	}
	switch (k) {
	case SPAN_EMPH: S_delims(w, 1); break;
	case SPAN_STRONG: S_delims(w, 2); break;
	case SPAN_IMAGE:
		if (S_at(w, '!'))
			S_mark(w, 1, PARA_MARKUP);
		/* fall through */
	default:
		if (S_at(w, '<')) { /* an autolink: <https://...> */
			const char *gt = memchr(w->p->raw.buf + w->i, '>', w->p->raw.len - w->i);
			S_mark(w, gt ? (size_t)(gt - w->p->raw.buf) + 1 - w->i : 1, PARA_LINK);
			w->skip = 1;
		} else if (S_at(w, '[')) {
			S_mark(w, 1, PARA_MARKUP);
		}
	}
}

static void S_close(struct walk *w)
{
	enum span_kind k;

	if (!w->depth)
		return;
	w->depth--;
	k = w->depth < sizeof(w->stack) ? (enum span_kind)w->stack[w->depth] : SPAN_LINK;
	if (w->skip) {
		w->skip--;
		return;
	}
	if (k == SPAN_EMPH || k == SPAN_STRONG) {
		S_delims(w, k == SPAN_EMPH ? 1 : 2);
	} else if (S_at(w, ']')) {
		S_mark(w, 1, PARA_MARKUP);
		S_link_tail(w);
	}
}

void para_align(struct para *p, const struct span *spans, size_t n)
{
	struct walk w = { p, 0, 0, { 0 }, 0 };
	size_t k;

	for (k = 0; k < n; k++) {
		const struct span *s = &spans[k];
		if (s->kind == SPAN_CLOSE) {
			S_close(&w);
			continue;
		}
		if (s->kind >= SPAN_EMPH) {
			S_open(&w, s->kind);
			continue;
		}
		if (w.skip)
			continue;
		switch (s->kind) {
		case SPAN_TEXT: S_text(&w, s->lit, s->len); break;
		case SPAN_CODE: S_code(&w); break;
		case SPAN_HTML: S_html(&w, s->lit, s->len); break;
		default: S_break(&w); break;
		}
	}
	/* what is left: the blanks cmark trims from the end */
	while (w.i < p->raw.len && strchr(" \t\n", p->raw.buf[w.i]))
		S_mark(&w, 1, PARA_MARKUP);
}

/* Whether every byte of a paragraph is text as it stands: one line, and
 * no byte that starts markup (most items and fields). A box "[ ]" at
 * its start is text too. */
bool para_is_plain(const struct para *para)
{
	static const bool markup[256] = {
		['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1,  ['['] = 1, [']'] = 1,
		['!'] = 1,  ['<'] = 1, ['&'] = 1, ['\n'] = 1, ['\0'] = 1
	};
	const unsigned char *s = (const unsigned char *)para->raw.buf;
	size_t i = 0, n = para->raw.len;

	if (n >= 3 && s[0] == '[' && s[2] == ']')
		i = 3;
	for (; i < n; i++)
		if (markup[s[i]])
			return false;
	return true;
}

/* Where notes commit adds an id: the end of the first line, before a
 * trailing hard break ("\" or two spaces) that ends it; the end of the
 * paragraph when its first line ends inside code, HTML or a link. */
size_t para_id_at(const struct para *para, size_t first_line_end)
{
	const char *raw = para->raw.buf, *nl = memchr(raw, '\n', para->raw.len);
	size_t e, k;

	if (!nl)
		return first_line_end;
	e = (size_t)(nl - raw);
	if (para->what[e] != PARA_MARKUP)
		return para_src(para, para->raw.len);
	/* (never before the paragraph's first byte: " ^id" there would widen
	 * the gap after the list marker, and the item's nested lines would
	 * no longer be nested) */
	if (e > 1 && raw[e - 1] == '\\' && para->what[e - 1] == PARA_MARKUP)
		return para_src(para, e - 1);
	for (k = e; k > 0 && raw[k - 1] == ' ' && para->what[k - 1] == PARA_MARKUP; k--)
		;
	return e - k >= 2 && k > 0 ? para_src(para, k) : first_line_end;
}

/* "[label]:" alone: any id added after it would turn the item into a link
 * reference definition (with the id as its destination), and the item
 * would be gone; it holds nothing either. */
bool para_is_label(const struct para *para)
{
	const char *s = para->raw.buf, *close = memchr(s, ']', para->raw.len);
	size_t k;

	if (!para->raw.len || s[0] != '[' || !close || close + 1 >= s + para->raw.len ||
	    close[1] != ':')
		return false;
	for (k = (size_t)(close - s) + 2; k < para->raw.len; k++)
		if (!strchr(" \t\n", s[k]))
			return false;
	return true;
}
