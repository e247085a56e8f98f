/* note_merge.c - merge two versions of a note with their base, item by item. */
#include "note_merge.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diff3.h"
#include "note.h"
#include "note_line.h"
#include "xalloc.h"

/* Units squared that a comparison may take (a table of 4 bytes each):
 * notes far larger than any meeting's are left to the line merge. */
#define MAX_CELLS (4u << 20)

/* A version of the note cut into units: each task with an id is one unit
 * (its lines and nested fields, known by "\n^id"), every other line one
 * unit (known by its bytes). */
struct units {
	struct diff3_unit *u;
	bool *is_item;
	char **keys;
	size_t n, alloc, alloc_items, nkeys, alloc_keys;
};

struct item_span {
	int line, end_line;
	char *key;
};

static int S_cmp_span(const void *a, const void *b)
{
	const struct item_span *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

/* The tasks with an id, by line, without those nested in another one. */
static size_t S_spans(const struct note *note, struct item_span **out)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_BLOCKERS, SECTION_SUPPORT,
					     SECTION_FOCUS };
	struct item_span *s = NULL;
	size_t n = 0, alloc = 0, i, k, kept = 0;

	for (k = 0; k < sizeof(secs) / sizeof(*secs); k++)
		for (i = 0; i < note->nitems[secs[k]]; i++) {
			const struct task *t = &note->items[secs[k]][i];
			struct strbuf key = STRBUF_INIT;
			if (!t->id)
				continue;
			strbuf_addf(&key, "\n^%s", t->id);
			ALLOC_GROW(s, n + 1, alloc);
			s[n].line = t->line;
			s[n].end_line = t->end_line < t->line ? t->line : t->end_line;
			s[n++].key = strbuf_detach(&key, NULL);
		}
	if (n)
		qsort(s, n, sizeof(*s), S_cmp_span);
	for (i = 0; i < n; i++) {
		if (kept && s[i].line <= s[kept - 1].end_line) {
			free(s[i].key);
			continue;
		}
		s[kept++] = s[i];
	}
	*out = s;
	return kept;
}

static void S_add_unit(struct units *u, const char *data, size_t len, const char *key, size_t klen,
		       bool is_item)
{
	ALLOC_GROW(u->u, u->n + 1, u->alloc);
	ALLOC_GROW(u->is_item, u->n + 1, u->alloc_items);
	u->u[u->n].data = data;
	u->u[u->n].len = len;
	u->u[u->n].key = key;
	u->u[u->n].klen = klen;
	u->is_item[u->n++] = is_item;
}

/* Where the line after the one at pos starts. */
static size_t S_next_line(const char *s, size_t len, size_t pos)
{
	size_t next;

	note_line_end(s, len, pos, &next);
	return next;
}

/* No unit yet; the arrays are never NULL, so that a stretch of none
 * still points somewhere. */
static void S_units_init(struct units *u)
{
	memset(u, 0, sizeof(*u));
	ALLOC_GROW(u->u, 1, u->alloc);
	ALLOC_GROW(u->is_item, 1, u->alloc_items);
}

static int S_cut(const struct note_version *v, struct units *u, struct strbuf *err)
{
	struct note note;
	struct item_span *spans;
	size_t nspans, next = 0, pos = 0;
	int line = 1;

	S_units_init(u);
	if (!v->data || !v->len)
		return 0;
	if (note_parse(&note, v->data, v->len, NULL, err) < 0)
		return -1;
	nspans = S_spans(&note, &spans);
	note_release(&note);
	while (pos < v->len) {
		size_t end = S_next_line(v->data, v->len, pos);
		while (next < nspans && spans[next].line < line) {
			free(spans[next++].key);
		}
		if (next < nspans && spans[next].line == line) {
			for (; line < spans[next].end_line && end < v->len; line++)
				end = S_next_line(v->data, v->len, end);
			S_add_unit(u, v->data + pos, end - pos, spans[next].key,
				   strlen(spans[next].key), true);
			ALLOC_GROW(u->keys, u->nkeys + 1, u->alloc_keys);
			u->keys[u->nkeys++] = spans[next++].key;
		} else {
			S_add_unit(u, v->data + pos, end - pos, v->data + pos, end - pos, false);
		}
		pos = end;
		line++;
	}
	while (next < nspans)
		free(spans[next++].key);
	free(spans);
	return 0;
}

static void S_units_release(struct units *u)
{
	size_t i;

	for (i = 0; i < u->nkeys; i++)
		free(u->keys[i]);
	free(u->keys);
	free(u->u);
	free(u->is_item);
}

struct merge {
	const struct note_merge_labels *labels;
	const char *eol;
	struct strbuf *out;
	int conflicts;
};

static void S_emit(struct strbuf *out, const struct diff3_unit *u, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_add(out, u[i].data, u[i].len);
}

static void S_side(struct merge *m, const struct diff3_unit *u, size_t n)
{
	size_t from = m->out->len;

	S_emit(m->out, u, n);
	if (m->out->len > from && m->out->buf[m->out->len - 1] != '\n' &&
	    m->out->buf[m->out->len - 1] != '\r')
		strbuf_addstr(m->out, m->eol);
}

static void S_conflict(struct merge *m, const struct diff3_unit *o, size_t no,
		       const struct diff3_unit *t, size_t nt)
{
	strbuf_addf(m->out, "<<<<<<< %s%s", m->labels->ours, m->eol);
	S_side(m, o, no);
	strbuf_addf(m->out, "=======%s", m->eol);
	S_side(m, t, nt);
	strbuf_addf(m->out, ">>>>>>> %s%s", m->labels->theirs, m->eol);
	m->conflicts++;
}

/* Resolve a stretch that changed: one side's change wins over no change;
 * the same change on both sides is taken once. false: a real conflict. */
static bool S_one_side(struct strbuf *out, const struct diff3_unit *a, size_t na,
		       const struct diff3_unit *o, size_t no, const struct diff3_unit *t, size_t nt)
{
	if (diff3_same(o, no, a, na))
		S_emit(out, t, nt);
	else if (diff3_same(t, nt, a, na) || diff3_same(o, no, t, nt))
		S_emit(out, o, no);
	else
		return false;
	return true;
}

/* Cut bytes into one unit per line. */
static void S_lines(const char *data, size_t len, struct units *u)
{
	size_t pos = 0;

	S_units_init(u);
	while (pos < len) {
		size_t end = S_next_line(data, len, pos);
		S_add_unit(u, data + pos, end - pos, data + pos, end - pos, false);
		pos = end;
	}
}

/* Merge one item changed on both sides line by line, as git would have
 * within it: the changes that do not touch merge, and those that do get
 * markers around their lines only (the rest of the item once). False
 * when the item is too large to compare: the caller marks it whole. */
static bool S_merge_item(struct merge *m, const struct diff3_unit *a, const struct diff3_unit *o,
			 const struct diff3_unit *t)
{
	struct units la, lo, lt;
	struct diff3_seq sa, so, st;
	struct diff3_hunk *h;
	size_t n, i;
	bool ok;

	S_lines(a->data, a->len, &la);
	S_lines(o->data, o->len, &lo);
	S_lines(t->data, t->len, &lt);
	sa = (struct diff3_seq){ la.u, la.n };
	so = (struct diff3_seq){ lo.u, lo.n };
	st = (struct diff3_seq){ lt.u, lt.n };
	ok = diff3(&sa, &so, &st, MAX_CELLS, &h, &n) == 0;
	for (i = 0; ok && i < n; i++) {
		const struct diff3_unit *ha = la.u + h[i].a0, *ho = lo.u + h[i].o0,
					*ht = lt.u + h[i].t0;
		size_t na = h[i].a1 - h[i].a0, no = h[i].o1 - h[i].o0, nt = h[i].t1 - h[i].t0;
		if (h[i].kind == DIFF3_STABLE)
			S_emit(m->out, ho, no);
		else if (!S_one_side(m->out, ha, na, ho, no, ht, nt))
			S_conflict(m, ho, no, ht, nt);
	}
	free(h);
	S_units_release(&la);
	S_units_release(&lo);
	S_units_release(&lt);
	return ok;
}

/* Both sides only added items, each its own (no id on both sides): the
 * lists are joined, ours first. */
static bool S_both_added_items(struct strbuf *out, const struct units *o, size_t o0, size_t o1,
			       const struct units *t, size_t t0, size_t t1)
{
	size_t i, j;

	for (i = o0; i < o1; i++)
		if (!o->is_item[i])
			return false;
	for (j = t0; j < t1; j++)
		if (!t->is_item[j])
			return false;
	for (i = o0; i < o1; i++)
		for (j = t0; j < t1; j++)
			if (o->u[i].klen == t->u[j].klen &&
			    !memcmp(o->u[i].key, t->u[j].key, o->u[i].klen))
				return false;
	S_emit(out, o->u + o0, o1 - o0);
	S_emit(out, t->u + t0, t1 - t0);
	return true;
}

static void S_stable(struct merge *m, const struct units *a, const struct units *o,
		     const struct units *t, const struct diff3_hunk *h)
{
	size_t k;

	for (k = 0; k < h->a1 - h->a0; k++) {
		const struct diff3_unit *ua = &a->u[h->a0 + k], *uo = &o->u[h->o0 + k],
					*ut = &t->u[h->t0 + k];
		if (!S_one_side(m->out, ua, 1, uo, 1, ut, 1) && !S_merge_item(m, ua, uo, ut))
			S_conflict(m, uo, 1, ut, 1);
	}
}

static void S_changed(struct merge *m, const struct units *a, const struct units *o,
		      const struct units *t, const struct diff3_hunk *h)
{
	const struct diff3_unit *ua = a->u + h->a0, *uo = o->u + h->o0, *ut = t->u + h->t0;
	size_t na = h->a1 - h->a0, no = h->o1 - h->o0, nt = h->t1 - h->t0;

	if (S_one_side(m->out, ua, na, uo, no, ut, nt))
		return;
	if (!na && S_both_added_items(m->out, o, h->o0, h->o1, t, h->t0, h->t1))
		return;
	S_conflict(m, uo, no, ut, nt);
}

static bool S_has_crlf(const struct note_version *v)
{
	const char *cr = v->data ? memchr(v->data, '\r', v->len) : NULL;

	return cr && (size_t)(cr - v->data) + 1 < v->len && cr[1] == '\n';
}

int note_merge(const struct note_version *base, const struct note_version *ours,
	       const struct note_version *theirs, const struct note_merge_labels *labels,
	       struct strbuf *out, struct strbuf *err)
{
	struct units a, o, t;
	struct diff3_seq sa, so, st;
	struct diff3_hunk *h = NULL;
	struct strbuf res = STRBUF_INIT;
	struct merge m = { labels, "\n", &res, 0 };
	size_t n = 0, i;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	memset(&o, 0, sizeof(o));
	memset(&t, 0, sizeof(t));
	if (S_cut(base, &a, err) < 0 || S_cut(ours, &o, err) < 0 || S_cut(theirs, &t, err) < 0)
		goto out;
	if (S_has_crlf(ours))
		m.eol = "\r\n"; /* a CRLF note has CRLF markers */
	sa = (struct diff3_seq){ a.u, a.n };
	so = (struct diff3_seq){ o.u, o.n };
	st = (struct diff3_seq){ t.u, t.n };
	if (diff3(&sa, &so, &st, MAX_CELLS, &h, &n) < 0) {
		strbuf_addstr(err, "the note is too large to merge item by item");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (h[i].kind == DIFF3_STABLE)
			S_stable(&m, &a, &o, &t, &h[i]);
		else
			S_changed(&m, &a, &o, &t, &h[i]);
	}
	strbuf_addbuf(out, &res);
	rc = m.conflicts;
out:
	free(h);
	strbuf_release(&res);
	S_units_release(&a);
	S_units_release(&o);
	S_units_release(&t);
	return rc;
}
