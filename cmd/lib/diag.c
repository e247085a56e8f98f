/* diag.c - problems found in a note. */
#include "diag.h"

#include <string.h>

#include <stdlib.h>

#include "gettext.h"
#include "utf8.h"
#include "xalloc.h"

void diag_add(struct diag *d, int line, int column, enum severity sev, const char *code,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, line, column, sev, code, fmt, ap);
	va_end(ap);
}

void diag_vadd(struct diag *d, int line, int column, enum severity sev, const char *code,
	       const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT, text = STRBUF_INIT;
	const char *local = _(fmt);
	struct problem *p;
	va_list again;

	va_copy(again, ap);
	strbuf_vaddf(&msg, fmt, ap);
	if (local != fmt)
		strbuf_vaddf(&text, local, again);
	va_end(again);
	ALLOC_GROW(d->list, d->nr + 1, d->alloc);
	p = &d->list[d->nr++];
	p->line = line;
	p->column = column;
	p->severity = sev;
	p->code = code;
	p->message = strbuf_detach(&msg, NULL);
	p->text = local != fmt ? strbuf_detach(&text, NULL) : xstrdup(p->message);
	p->seq = d->nr - 1;
}

void diag_copy(struct diag *d, const struct problem *p)
{
	struct problem *q;

	ALLOC_GROW(d->list, d->nr + 1, d->alloc);
	q = &d->list[d->nr++];
	*q = *p;
	q->message = xstrdup(p->message);
	q->text = xstrdup(p->text);
	q->seq = d->nr - 1;
}

static int S_cmp(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	/* keep the order in which they were found */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_sort(struct diag *d)
{
	if (d->nr > 1)
		qsort(d->list, d->nr, sizeof(*d->list), S_cmp);
}

size_t diag_count(const struct diag *d, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < d->nr; i++)
		n += d->list[i].severity == sev;
	return n;
}

void diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->nr; i++) {
		free(d->list[i].message);
		free(d->list[i].text);
	}
	free(d->list);
	d->list = NULL;
	d->nr = d->alloc = 0;
}

const char *severity_name(enum severity sev)
{
	return sev == SEVERITY_ERROR ? "error" : "warning";
}

size_t diag_quote_len(const char *s, size_t len, size_t max)
{
	return utf8_cut(s, len, max);
}

void diag_format(const struct diag *d, const char *file, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < d->nr; i++) {
		const struct problem *p = &d->list[i];
		strbuf_add_escaped(out, file, strlen(file));
		strbuf_addf(out, ":%d:%d: %s: ", p->line, p->column,
			    p->severity == SEVERITY_ERROR ? _("error") : _("warning"));
		strbuf_add_escaped(out, p->text, strlen(p->text));
		strbuf_addf(out, " [%s]\n", p->code);
	}
}
