/* note_edit.c - change a note by editing its source bytes. */
#include "note_edit.h"

#include <stdlib.h>
#include <string.h>

#include "note_line.h"
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
		ins[i].at = tasks[i]->id_at;
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
	i = note_skip_marker(src->buf, i, t->line_end, NULL);
	{
		char marker[4] = { '[', c, ']', ' ' };
		strbuf_insert(src, i, marker, sizeof(marker));
	}
}

/* Whether the line at pos is text that would continue a paragraph ended
 * just before it: not blank, not a list item, heading, quote or fence. */
static bool S_lazy_risk(const char *s, size_t len, size_t pos)
{
	size_t i = pos, end;

	note_line_end(s, len, pos, &end);

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
		note_line_end(src->buf, src->len, at, &at);
	if (at == src->len && src->len && !strchr("\r\n", src->buf[src->len - 1]))
		strbuf_addstr(&line, eol);
	note_skip_marker(src->buf, t->line_start, t->line_end, &indent);
	for (k = 0; k < indent; k++)
		strbuf_addch(&line, ' ');
	strbuf_addf(&line, "- %s: %s%s", key, value, eol);
	/* text right after the item was not part of it; after the new field
	 * it would be read as that field's lazy continuation: keep them apart */
	if (S_lazy_risk(src->buf, src->len, at))
		strbuf_addstr(&line, eol);
	/* a lone \r right before a \n would make one line end of the two,
	 * and the new field would take the next line's place */
	if (line.buf[line.len - 1] == '\r' && at < src->len && src->buf[at] == '\n')
		strbuf_addch(&line, '\n');
	strbuf_insert(src, at, line.buf, line.len);
	strbuf_release(&line);
}
