/* review_history.c - every meeting note of a person as history left it. */
#include "review_history.h"

#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "vcs.h"
#include "xalloc.h"

struct walk {
	struct history *h;
	const struct journal *j;
	const struct person_notes *pn;
	struct strbuf rel, err;
};

static struct note *S_slot(struct history *h, const char *path)
{
	size_t i;

	for (i = h->nnotes; i > 0; i--)
		if (h->notes[i - 1].file && !strcmp(h->notes[i - 1].file, path)) {
			note_release(&h->notes[i - 1]);
			return &h->notes[i - 1];
		}
	ALLOC_GROW(h->notes, h->nnotes + 1, h->notes_alloc);
	return &h->notes[h->nnotes++];
}

/* The delivery of ^id, or NULL. */
static struct delivery *S_delivery(const struct history *h, const char *id)
{
	size_t i;

	for (i = 0; i < h->ndone; i++)
		if (!strcmp(h->done[i].id, id))
			return &h->done[i];
	return NULL;
}

/* Keep the earliest commit that shows each item [x]: in any line of
 * history, so that a tick made in the member's clone on Tuesday counts as
 * Tuesday when the leader merges it on Friday (the walk order is not
 * time order across the lines of a merge). */
static void S_first_done(struct history *h, const struct note *note, notes_time when)
{
	struct delivery *d;
	size_t i, k;

	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++) {
			const struct task *t = &note->items[task_sections[k]][i];
			if (!t->id || t->status != TASK_DONE || strlen(t->id) > 7)
				continue;
			d = S_delivery(h, t->id);
			if (d) {
				if (when < d->when)
					d->when = when;
				continue;
			}
			ALLOC_GROW(h->done, h->ndone + 1, h->done_alloc);
			memcpy(h->done[h->ndone].id, t->id, strlen(t->id) + 1);
			h->done[h->ndone++].when = when;
		}
}

static int S_visit(const char *path, const char *data, size_t len, notes_time when, void *cb)
{
	struct walk *w = cb;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct note_options opts = { NULL, w->j->leader };
	struct note *slot;

	/* the walk names files in the repository; notes are named in the journal */
	strbuf_reset(&w->rel);
	if (*w->pn->dir)
		strbuf_addf(&w->rel, "%s/", w->pn->dir);
	strbuf_addstr(&w->rel, base);
	if (!journal_note_of(w->j, w->rel.buf, NULL, NULL))
		return 0; /* not a note: another file in the person's directory */
	opts.file = w->rel.buf;
	slot = S_slot(w->h, w->rel.buf);
	if (note_parse(slot, data, len, &opts, &w->err) < 0)
		return -1;
	S_first_done(w->h, slot, when);
	return 0;
}

static int S_by_date(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	return x->date < y->date ? -1 : x->date > y->date;
}

int history_load(struct history *h, const struct journal *j, const char *person,
		 struct strbuf *warn, struct strbuf *err)
{
	struct person_notes pn;
	struct walk w = { h, j, &pn, STRBUF_INIT, STRBUF_INIT };
	struct vcs *v = NULL;
	int rc = -1;

	memset(h, 0, sizeof(*h));
	if (journal_person_notes(j, person, &pn, err) == 0 && vcs_open(&v, pn.repo, err) == 0)
		rc = vcs_history(v, pn.repo_dir, S_visit, &w, warn, err);
	if (w.err.len)
		strbuf_addbuf(err, &w.err);
	vcs_free(v);
	person_notes_release(&pn);
	strbuf_release(&w.rel);
	strbuf_release(&w.err);
	if (h->nnotes)
		qsort(h->notes, h->nnotes, sizeof(*h->notes), S_by_date);
	return rc;
}

void history_release(struct history *h)
{
	size_t i;

	for (i = 0; i < h->nnotes; i++)
		note_release(&h->notes[i]);
	free(h->notes);
	free(h->done);
	memset(h, 0, sizeof(*h));
}

notes_time history_first_done(const struct history *h, const char *id)
{
	const struct delivery *d = S_delivery(h, id);

	return d ? d->when : -1;
}
