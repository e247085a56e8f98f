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
size_t note_next_line(const char *s, size_t len, size_t pos)
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

/* Whether the line at pos is text that would continue a paragraph ended
 * just before it: not blank, not a list item, heading, quote or fence. */
static bool S_lazy_risk(const char *s, size_t len, size_t pos)
{
	size_t i = pos, end = note_next_line(s, len, pos);

	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= end || s[i] == '\n' || s[i] == '\r')
		return false;
	if (strchr("-*+#>`~|=_", s[i]))
		return false;
	while (i < end && s[i] >= '0' && s[i] <= '9')
		i++;
	return !(i > pos && i < end && (s[i] == '.' || s[i] == ')') && i > 0 && s[i - 1] >= '0' &&
		 s[i - 1] <= '9');
}

void note_edit_add_field(struct strbuf *src, const struct task *t, const char *key,
			 const char *value)
{
	struct strbuf line = STRBUF_INIT;
	const char *eol = "\n";
	size_t at = t->line_start;
	int n = t->text_end_line - t->line + 1, k, indent;

	/* the new line ends as the item's own first line does */
	if (t->line_end < src->len && src->buf[t->line_end] == '\r')
		eol = t->line_end + 1 < src->len && src->buf[t->line_end + 1] == '\n' ? "\r\n"
										      : "\r";
	/* right after the item's text: before its other fields, nested lists or
	 * code, whatever they hold (an unclosed fence would swallow the line) */
	for (k = 0; k < n; k++)
		at = note_next_line(src->buf, src->len, at);
	if (at == src->len && src->len && !strchr("\r\n", src->buf[src->len - 1]))
		strbuf_addstr(&line, eol);
	indent = S_content_column(src->buf, t->line_start, t->line_end);
	for (k = 0; k < indent; k++)
		strbuf_addch(&line, ' ');
	strbuf_addf(&line, "- %s: %s%s", key, value, eol);
	/* text right after the item was not part of it; after the new field
	 * it would be read as that field's lazy continuation: keep them apart */
	if (S_lazy_risk(src->buf, src->len, at))
		strbuf_addstr(&line, eol);
	strbuf_insert(src, at, line.buf, line.len);
	strbuf_release(&line);
}
