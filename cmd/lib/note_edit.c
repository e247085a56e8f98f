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

void note_edit_add_field(struct strbuf *src, const struct task *t, const char *key,
			 const char *value)
{
	struct strbuf line = STRBUF_INIT;
	bool crlf = t->line_end < src->len && src->buf[t->line_end] == '\r';
	size_t at = t->line_start;
	int n = t->end_line - t->line + 1, k;

	/* the end of the item's last line */
	for (k = 0; k < n; k++) {
		const char *nl = memchr(src->buf + at, '\n', src->len - at);
		at = nl ? (size_t)(nl - src->buf) + 1 : src->len;
	}
	/* cmark counts the blank lines after an item as its own: stop before them */
	while (at > t->line_end + 1) {
		size_t start = at - 1, k2;
		bool blank = true;
		while (start > 0 && src->buf[start - 1] != '\n')
			start--;
		for (k2 = start; k2 < at && blank; k2++)
			blank = strchr(" \t\r\n", src->buf[k2]) != NULL;
		if (!blank || start <= t->line_start)
			break;
		at = start;
	}
	if (at == src->len && (!src->len || src->buf[src->len - 1] != '\n'))
		strbuf_addstr(&line, crlf ? "\r\n" : "\n");
	for (k = 0; k < t->indent; k++)
		strbuf_addch(&line, ' ');
	strbuf_addf(&line, "- %s: %s%s", key, value, crlf ? "\r\n" : "\n");
	strbuf_insert(src, at, line.buf, line.len);
	strbuf_release(&line);
}
