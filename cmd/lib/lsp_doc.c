/* lsp_doc.c - the language server's open documents: their text as the
 * editor has it, the journal each belongs to, and LSP positions in them. */
#include "lsp_internal.h"

#include <stdlib.h>
#include <string.h>

#include "note_line.h"
#include "utf8.h"
#include "xalloc.h"

/* The bytes of the character at s[0, len) (a byte that is not UTF-8: one)
 * and the UTF-16 code units it takes (two above U+FFFF). */
static size_t S_char(const char *s, size_t len, size_t *units)
{
	int32_t cp;
	size_t n = utf8_decode(s, len, &cp);

	*units = n && cp > 0xffff ? 2 : 1;
	return n ? n : 1;
}

size_t lsp_utf16_units(const char *s, size_t len)
{
	size_t i = 0, units = 0, u;

	while (i < len) {
		i += S_char(s + i, len - i, &u);
		units += u;
	}
	return units;
}

size_t lsp_offset(const char *text, size_t len, json_int_t line, json_int_t character)
{
	size_t pos = 0, end, n, u;
	json_int_t units = 0;

	for (; line > 0 && pos < len; line--)
		note_line_end(text, len, pos, &pos);
	if (line > 0)
		return len;
	end = note_line_end(text, len, pos, NULL);
	while (pos < end && units < character) {
		n = S_char(text + pos, end - pos, &u);
		/* a position inside a surrogate pair stays before the character */
		if (units + (json_int_t)u > character)
			break;
		units += (json_int_t)u;
		pos += n;
	}
	return pos;
}

void lsp_position(const char *text, size_t len, size_t offset, size_t *line, size_t *character)
{
	size_t pos = 0, end, next;

	*line = 0;
	if (offset > len)
		offset = len;
	for (;;) {
		end = note_line_end(text, len, pos, &next);
		if (end >= len || offset <= end)
			break;
		if (offset < next) { /* between the \r and the \n of a line end */
			offset = end;
			break;
		}
		pos = next;
		++*line;
	}
	*character = lsp_utf16_units(text + pos, offset - pos);
}

json_t *lsp_range(const char *text, size_t len, size_t from, size_t to)
{
	size_t l1, c1, l2, c2;

	lsp_position(text, len, from, &l1, &c1);
	lsp_position(text, len, to, &l2, &c2);
	return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)l1, "character",
			 (json_int_t)c1, "end", "line", (json_int_t)l2, "character",
			 (json_int_t)c2);
}

json_t *lsp_stringn(const char *s, size_t len)
{
	struct strbuf esc = STRBUF_INIT;
	json_t *j = json_stringn(s, len);

	if (!j) {
		strbuf_add_escaped(&esc, s, len);
		j = json_stringn(esc.buf, esc.len);
		strbuf_release(&esc);
	}
	return j;
}

json_t *lsp_string(const char *s)
{
	return lsp_stringn(s, strlen(s));
}

static int S_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *lsp_uri_path(const char *uri)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	if (strncmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	if (!strncmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int hi, lo;
		if (*p == '%' && (hi = S_hex(p[1])) >= 0 && (lo = S_hex(p[2])) >= 0) {
			if (!hi && !lo)
				break;
			strbuf_addch(&sb, hi * 16 + lo);
			p += 2;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	if (*p == '%') {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* The journal around path: the server's, else the one found around it. */
static const struct journal *S_journal_of(struct lsp_docs *docs, const char *path)
{
	struct strbuf dir = STRBUF_INIT, err = STRBUF_INIT;
	struct journal *j = NULL;
	size_t i;

	if (docs->journal)
		return docs->journal;
	strbuf_add(&dir, path, (size_t)(strrchr(path, '/') - path));
	if (!dir.len)
		strbuf_addch(&dir, '/');
	if (journal_find(&j, dir.buf, &err) != 0)
		j = NULL;
	strbuf_release(&dir);
	strbuf_release(&err);
	if (!j)
		return NULL;
	for (i = 0; i < docs->nfound; i++)
		if (!strcmp(docs->found[i]->root, j->root)) {
			journal_free(j);
			return docs->found[i];
		}
	ALLOC_GROW(docs->found, docs->nfound + 1, docs->found_alloc);
	docs->found[docs->nfound++] = j;
	return j;
}

struct lsp_doc *lsp_doc_find(struct lsp_docs *docs, const char *uri)
{
	size_t i;

	for (i = 0; i < docs->nr; i++)
		if (!strcmp(docs->list[i]->uri, uri))
			return docs->list[i];
	return NULL;
}

struct lsp_doc *lsp_doc_open(struct lsp_docs *docs, const char *uri, const char *text, size_t len,
			     json_int_t version)
{
	struct lsp_doc *d = lsp_doc_find(docs, uri);

	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		strbuf_init(&d->text, 0);
		d->path = lsp_uri_path(uri);
		if (d->path) {
			d->journal = S_journal_of(docs, d->path);
			/* a path whose directory leads out of the journal is not in it */
			if (d->journal)
				d->rel = journal_relative(d->journal, d->path);
		}
		ALLOC_GROW(docs->list, docs->nr + 1, docs->alloc);
		docs->list[docs->nr++] = d;
	}
	strbuf_reset(&d->text);
	strbuf_add(&d->text, text, len);
	d->version = version;
	d->due_ms = -1;
	return d;
}

/* One change: a whole text, or {"range","text"}. */
static int S_change(struct strbuf *text, json_t *change, struct strbuf *err)
{
	json_t *range = json_object_get(change, "range"), *t = json_object_get(change, "text");
	json_int_t l1, c1, l2, c2;
	size_t from, to;

	if (!json_is_string(t)) {
		strbuf_addstr(err, "a content change without a text");
		return -1;
	}
	if (!range) {
		strbuf_reset(text);
		strbuf_add(text, json_string_value(t), json_string_length(t));
		return 0;
	}
	if (json_unpack(range, "{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", &l1, "character", &c1,
			"end", "line", &l2, "character", &c2) < 0 ||
	    l1 < 0 || c1 < 0 || l2 < 0 || c2 < 0) {
		strbuf_addstr(err, "a content change with a malformed range");
		return -1;
	}
	from = lsp_offset(text->buf, text->len, l1, c1);
	to = lsp_offset(text->buf, text->len, l2, c2);
	if (to < from) {
		strbuf_addstr(err, "a content change whose range ends before it starts");
		return -1;
	}
	strbuf_splice(text, from, to - from, json_string_value(t), json_string_length(t));
	return 0;
}

int lsp_doc_change(struct lsp_doc *doc, json_t *changes, struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	size_t i;

	if (!json_is_array(changes)) {
		strbuf_addstr(err, "contentChanges is not a list");
		return -1;
	}
	/* all or nothing: a change that cannot apply leaves the text as it was */
	strbuf_addbuf(&text, &doc->text);
	for (i = 0; i < json_array_size(changes); i++)
		if (S_change(&text, json_array_get(changes, i), err) < 0) {
			strbuf_release(&text);
			return -1;
		}
	strbuf_swap(&text, &doc->text);
	strbuf_release(&text);
	return 0;
}

static void S_doc_free(struct lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->rel);
	strbuf_release(&d->text);
	free(d);
}

void lsp_doc_close(struct lsp_docs *docs, struct lsp_doc *doc)
{
	size_t i;

	for (i = 0; i < docs->nr; i++)
		if (docs->list[i] == doc) {
			memmove(docs->list + i, docs->list + i + 1,
				(docs->nr - i - 1) * sizeof(*docs->list));
			docs->nr--;
			break;
		}
	S_doc_free(doc);
}

void lsp_docs_release(struct lsp_docs *docs)
{
	size_t i;

	for (i = 0; i < docs->nr; i++)
		S_doc_free(docs->list[i]);
	for (i = 0; i < docs->nfound; i++)
		journal_free(docs->found[i]);
	free(docs->list);
	free(docs->found);
	memset(docs, 0, sizeof(*docs));
}

int lsp_doc_position(struct lsp_docs *docs, json_t *params, struct lsp_doc **doc, size_t *offset,
		     struct strbuf *msg)
{
	const char *uri;
	json_int_t line, ch;

	if (json_unpack(params, "{s:{s:s},s:{s:I,s:I}}", "textDocument", "uri", &uri, "position",
			"line", &line, "character", &ch) < 0 ||
	    line < 0 || ch < 0) {
		strbuf_addstr(msg, "expected {textDocument: {uri}, position: {line, character}}");
		return RPC_INVALID_PARAMS;
	}
	*doc = lsp_doc_find(docs, uri);
	if (!*doc) {
		strbuf_addstr(msg, "the document is not open");
		return RPC_INVALID_PARAMS;
	}
	*offset = lsp_offset((*doc)->text.buf, (*doc)->text.len, line, ch);
	return 0;
}
