/* template_parse.c - Mustache parser: template text to the flat node list json_template.c renders. */
#include "template.h"
#include "template_internal.h"
#include "xalloc.h"

#include <string.h>

#define MAX_NAME_IN_MSG 64
#define NPOS ((size_t)-1)

struct parser {
	const char *src;
	size_t len, pos; /* pos: start of the text not yet turned into nodes */
	const char *otag, *ctag;
	size_t olen, clen;
	size_t line_off; /* S_line() has counted the lines up to here */
	unsigned long line;
	size_t open[TEMPLATE_MAX_NESTING]; /* indexes of the open section nodes */
	size_t open_nr;
	struct template_tree *t;
	struct strbuf *err;
};

struct tag {
	int type; /* the sigil after the opening delimiter, or 0 */
	size_t start, end; /* offset of the opening delimiter, offset past the closing one */
	size_t name, name_len; /* the content, whitespace trimmed */
};

static int S_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Append 'name' for a message: escaped, and shortened if very long. */
void template_add_quoted(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_addch(sb, '\'');
	strbuf_add_escaped(sb, s, len > MAX_NAME_IN_MSG ? MAX_NAME_IN_MSG : len);
	if (len > MAX_NAME_IN_MSG)
		strbuf_addstr(sb, "...");
	strbuf_addch(sb, '\'');
}

static size_t S_find(const char *s, size_t from, size_t len, const char *needle, size_t nlen)
{
	while (from < len && nlen <= len - from) {
		const char *q = memchr(s + from, needle[0], len - from - nlen + 1);

		if (!q)
			return NPOS;
		if (!memcmp(q, needle, nlen))
			return (size_t)(q - s);
		from = (size_t)(q - s) + 1;
	}
	return NPOS;
}

/* Line number (from 1) of offset off; offsets must come in increasing order. */
static unsigned long S_line(struct parser *p, size_t off)
{
	while (p->line_off < off) {
		const char *nl = memchr(p->src + p->line_off, '\n', off - p->line_off);

		if (!nl) {
			p->line_off = off;
			break;
		}
		p->line++;
		p->line_off = (size_t)(nl - p->src) + 1;
	}
	return p->line;
}

/* "line N: what 'name'" (name optional); returns -1. */
static int S_perr(struct parser *p, size_t off, const char *what, const char *name, size_t len)
{
	strbuf_addf(p->err, "line %lu: %s", S_line(p, off), what);
	if (name) {
		strbuf_addch(p->err, ' ');
		template_add_quoted(p->err, name, len);
	}
	return -1;
}

static struct template_node *S_add(struct template_tree *t, enum template_node_type type,
				   const char *str, size_t len)
{
	struct template_node *n;

	ALLOC_GROW(t->nodes, t->nr + 1, t->alloc);
	n = &t->nodes[t->nr++];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->str = str;
	n->len = len;
	return n;
}

/* Find the closing delimiter at or after from; with prefix, it must follow that char. */
static size_t S_find_close(const struct parser *p, size_t from, int prefix)
{
	size_t q = from;

	for (;;) {
		q = S_find(p->src, q, p->len, p->ctag, p->clen);
		if (q == NPOS || !prefix || (q > from && p->src[q - 1] == prefix))
			return q;
		q++;
	}
}

static int S_scan_tag(struct parser *p, size_t o, struct tag *tag)
{
	size_t from = o + p->olen, q, end;
	int c = from < p->len ? (unsigned char)p->src[from] : 0;
	int prefix;

	tag->type = 0;
	if (c && strchr("!#^/>&{=", c)) {
		tag->type = c;
		from++;
	}
	prefix = tag->type == '{' ? '}' : tag->type == '=' ? '=' : 0;
	q = S_find_close(p, from, prefix);
	if (q == NPOS)
		return S_perr(p, o,
			      tag->type == '=' ? "unclosed set-delimiter tag" : "unclosed tag",
			      NULL, 0);
	end = prefix ? q - 1 : q;
	while (from < end && S_isspace(p->src[from]))
		from++;
	while (end > from && S_isspace(p->src[end - 1]))
		end--;
	tag->start = o;
	tag->end = q + p->clen;
	tag->name = from;
	tag->name_len = end - from;
	return 0;
}

/*
 * A tag is standalone if only spaces/tabs surround it on its line. Then
 * *ls is where its line starts and *next is past the line's newline.
 */
static int S_standalone(const struct parser *p, const struct tag *tag, size_t *ls, size_t *next)
{
	const char *s = p->src;
	size_t i = tag->start, j = tag->end;

	while (i > p->pos && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	if (i > 0 && s[i - 1] != '\n')
		return 0;
	while (j < p->len && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j < p->len && s[j] == '\n')
		j++;
	else if (j + 1 < p->len && s[j] == '\r' && s[j + 1] == '\n')
		j += 2;
	else if (j < p->len)
		return 0;
	*ls = i;
	*next = j;
	return 1;
}

static int S_check_name(struct parser *p, const struct tag *tag)
{
	const char *s = p->src + tag->name;
	size_t i, n = tag->name_len;
	int bad = 0;

	if (!n)
		return S_perr(p, tag->start, "empty tag name", NULL, 0);
	for (i = 0; i < n; i++)
		if (S_isspace(s[i]))
			bad = 1;
	if (tag->type != '>' && !(n == 1 && s[0] == '.')) {
		if (s[0] == '.' || s[n - 1] == '.')
			bad = 1;
		for (i = 1; i < n; i++)
			if (s[i] == '.' && s[i - 1] == '.')
				bad = 1;
	}
	return bad ? S_perr(p, tag->start, "invalid tag name", s, n) : 0;
}

/* {{=<% %>=}}: two words, no whitespace or '=' in them. */
static int S_set_delims(struct parser *p, const struct tag *tag)
{
	const char *s = p->src + tag->name, *c;
	size_t i = 0, n = tag->name_len, olen, clen;

	while (i < n && !S_isspace(s[i]))
		i++;
	olen = i;
	while (i < n && S_isspace(s[i]))
		i++;
	c = s + i;
	clen = n - i;
	for (; i < n; i++)
		if (S_isspace(s[i]))
			clen = 0;
	if (!olen || !clen || memchr(s, '=', olen) || memchr(c, '=', clen))
		return S_perr(p, tag->start, "invalid set-delimiter tag", s, n);
	p->otag = s;
	p->olen = olen;
	p->ctag = c;
	p->clen = clen;
	return 0;
}

static int S_close_section(struct parser *p, const struct tag *tag)
{
	const char *name = p->src + tag->name;
	struct template_node *o;

	if (!p->open_nr)
		return S_perr(p, tag->start, "closing tag without open section", name,
			      tag->name_len);
	o = &p->t->nodes[p->open[p->open_nr - 1]];
	if (o->len != tag->name_len || memcmp(o->str, name, o->len)) {
		S_perr(p, tag->start, "closing tag", name, tag->name_len);
		strbuf_addstr(p->err, " does not match section ");
		template_add_quoted(p->err, o->str, o->len);
		strbuf_addf(p->err, " opened on line %lu", o->line);
		return -1;
	}
	o->end = p->t->nr;
	p->open_nr--;
	return 0;
}

static int S_apply_tag(struct parser *p, const struct tag *tag, size_t indent)
{
	const char *name = p->src + tag->name;
	struct template_node *n;

	if (tag->type == '!')
		return 0;
	if (tag->type == '=')
		return S_set_delims(p, tag);
	if (S_check_name(p, tag))
		return -1;
	switch (tag->type) {
	case '#':
	case '^':
		if (p->open_nr == TEMPLATE_MAX_NESTING)
			return S_perr(p, tag->start, "sections nested deeper than 256 levels", NULL,
				      0);
		n = S_add(p->t, tag->type == '#' ? TEMPLATE_SECTION : TEMPLATE_INVERTED, name,
			  tag->name_len);
		n->line = S_line(p, tag->start);
		p->open[p->open_nr++] = p->t->nr - 1;
		return 0;
	case '/': return S_close_section(p, tag);
	case '>':
		n = S_add(p->t, TEMPLATE_PARTIAL, name, tag->name_len);
		n->indent = p->src + indent;
		n->indent_len = tag->start - indent;
		return 0;
	case '&':
	case '{': S_add(p->t, TEMPLATE_RAW, name, tag->name_len); return 0;
	default: S_add(p->t, TEMPLATE_VAR, name, tag->name_len); return 0;
	}
}

static void S_add_text(struct parser *p, size_t end)
{
	if (end > p->pos)
		S_add(p->t, TEMPLATE_TEXT, p->src + p->pos, end - p->pos);
}

int template_parse(struct template_tree *t, const char *src, size_t len, struct strbuf *err)
{
	struct parser p;

	memset(&p, 0, sizeof(p));
	p.src = src;
	p.len = len;
	p.otag = "{{";
	p.ctag = "}}";
	p.olen = p.clen = 2;
	p.line = 1;
	p.t = t;
	p.err = err;
	while (p.pos < len) {
		struct tag tag = { 0, 0, 0, 0, 0 };
		size_t o = S_find(src, p.pos, len, p.otag, p.olen);
		size_t ls = 0, next = 0;

		if (o == NPOS)
			break;
		if (S_scan_tag(&p, o, &tag))
			return -1;
		if (!tag.type || tag.type == '&' || tag.type == '{' ||
		    !S_standalone(&p, &tag, &ls, &next)) {
			ls = o;
			next = tag.end;
		}
		S_add_text(&p, ls);
		if (S_apply_tag(&p, &tag, ls))
			return -1;
		p.pos = next;
	}
	S_add_text(&p, len);
	if (p.open_nr) {
		struct template_node *n = &t->nodes[p.open[p.open_nr - 1]];

		strbuf_addf(err, "line %lu: unclosed section ", n->line);
		template_add_quoted(err, n->str, n->len);
		return -1;
	}
	return 0;
}
