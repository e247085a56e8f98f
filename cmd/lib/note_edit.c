/* note_edit.c - change a note by editing its source bytes. */
#include "note_edit.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct insertion {
	size_t at;
	const char *id;
};

static int S_by_offset(const void *a, const void *b)
{
	const struct insertion *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

void note_edit_add_ids(struct strbuf *src, struct task *const *tasks, const char *const *ids,
		       size_t n)
{
	struct insertion *ins = xcalloc(n + 1, sizeof(*ins));
	struct strbuf out = STRBUF_INIT;
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		ins[i].at = tasks[i]->line_end;
		ins[i].id = ids[i];
	}
	/* one pass over the bytes, however many ids: copy up to each line end */
	qsort(ins, n, sizeof(*ins), S_by_offset);
	strbuf_grow(&out, src->len + n * 8);
	for (i = 0; i < n; i++) {
		strbuf_add(&out, src->buf + from, ins[i].at - from);
		strbuf_addf(&out, " ^%s", ins[i].id);
		from = ins[i].at;
	}
	strbuf_add(&out, src->buf + from, src->len - from);
	strbuf_release(src);
	*src = out;
	free(ins);
}

void note_edit_set_status(struct strbuf *src, const struct task *t, char c)
{
	size_t i = t->line_start;

	if (t->has_marker) {
		src->buf[t->marker_pos] = c;
		return;
	}
	while (i < t->line_end && (src->buf[i] == ' ' || src->buf[i] == '\t'))
		i++;
	if (i < t->line_end && strchr("-*+", src->buf[i])) {
		i++;
	} else {
		while (i < t->line_end && src->buf[i] >= '0' && src->buf[i] <= '9')
			i++;
		i++; /* '.' or ')' */
	}
	while (i < t->line_end && (src->buf[i] == ' ' || src->buf[i] == '\t'))
		i++;
	{
		char marker[4] = { '[', c, ']', ' ' };
		strbuf_insert(src, i, marker, sizeof(marker));
	}
}

/* Where the line after the one at pos starts: lines end at \n, \r\n or a
 * lone \r, as cmark reads them. */
static size_t S_next_line(const char *s, size_t len, size_t pos)
{
	while (pos < len && s[pos] != '\n' && s[pos] != '\r')
		pos++;
	if (pos < len && s[pos] == '\n')
		return pos + 1;
	if (pos < len) /* \r, and the \n of a \r\n */
		pos++;
	if (pos < len && s[pos] == '\n' && s[pos - 1] == '\r')
		pos++;
	return pos;
}

static bool S_blank_line(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!strchr(" \t\r\n", s[from]))
			return false;
	return true;
}

/* The column (tabs to the next multiple of 4, as CommonMark counts) where
 * the content of the item starting at line_start begins. */
static int S_content_column(const char *s, size_t pos, size_t end)
{
	int col = 0;
	bool marker = false;

	for (; pos < end; pos++) {
		char c = s[pos];
		if (c == '\t')
			col += 4 - col % 4;
		else if (c == ' ')
			col++;
		else if (!marker && (c == '-' || c == '*' || c == '+'))
			col++, marker = true;
		else if (!marker && c >= '0' && c <= '9')
			col++;
		else if (!marker && (c == '.' || c == ')'))
			col++, marker = true;
		else
			break;
	}
	return col;
}

void note_edit_add_field(struct strbuf *src, const struct task *t, const char *key,
			 const char *value)
{
	struct strbuf line = STRBUF_INIT;
	const char *eol = "\n";
	size_t at = t->line_start, prev;
	int n = t->end_line - t->line + 1, k, indent;

	/* the new line ends as the item's own first line does */
	if (t->line_end < src->len && src->buf[t->line_end] == '\r')
		eol = t->line_end + 1 < src->len && src->buf[t->line_end + 1] == '\n' ? "\r\n" : "\r";
	/* the end of the item's last line */
	for (k = 0; k < n; k++)
		at = S_next_line(src->buf, src->len, at);
	/* cmark counts the blank lines after an item as its own: stop before them */
	while (at > t->line_end + 1) {
		size_t start = t->line_start;
		for (prev = start; (start = S_next_line(src->buf, src->len, start)) < at;)
			prev = start;
		if (prev <= t->line_start || !S_blank_line(src->buf, prev, at))
			break;
		at = prev;
	}
	if (at == src->len && src->len && !strchr("\r\n", src->buf[src->len - 1]))
		strbuf_addstr(&line, eol);
	indent = S_content_column(src->buf, t->line_start, t->line_end);
	for (k = 0; k < indent; k++)
		strbuf_addch(&line, ' ');
	strbuf_addf(&line, "- %s: %s%s", key, value, eol);
	strbuf_insert(src, at, line.buf, line.len);
	strbuf_release(&line);
}
