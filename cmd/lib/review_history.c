/* review_history.c - every meeting note of a person as history left it. */
#include "review_history.h"

#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "strindex.h"
#include "vcs.h"
#include "xalloc.h"

/* What the walk keeps of one person. */
struct walk {
	struct history *h;
	const struct journal *j;
	struct person_notes pn;
	struct strindex by_file; /* of h->notes */
	struct strindex by_id; /* of h->done */
	struct strbuf err;
	int rc; /* -1: failed, err says why */
};

/* What the walk keeps of all the people. */
struct walks {
	struct walk *w;
	struct strbuf rel;
};

static const char *S_file_key(size_t i, const void *ctx)
{
	const struct history *h = ctx;
	return h->notes[i].file;
}

static const char *S_id_key(size_t i, const void *ctx)
{
	const struct history *h = ctx;
	return h->done[i].id;
}

static struct note *S_slot(struct walk *w, const char *path, bool *fresh)
{
	struct history *h = w->h;
	size_t i = strindex_find(&w->by_file, path, S_file_key, h);

	*fresh = i == STRINDEX_NONE;
	if (!*fresh) {
		note_release(&h->notes[i]);
		return &h->notes[i];
	}
	ALLOC_GROW(h->notes, h->nnotes + 1, h->notes_alloc);
	memset(&h->notes[h->nnotes], 0, sizeof(*h->notes));
	return &h->notes[h->nnotes++];
}

/* Keep the earliest commit that shows each item [x]: in any line of
 * history, so that a tick made in the member's clone on Tuesday counts as
 * Tuesday when the leader merges it on Friday (the walk order is not
 * time order across the lines of a merge). */
static void S_first_done(struct walk *w, const struct note *note, notes_time when)
{
	struct history *h = w->h;
	size_t i, k, at;

	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++) {
			const struct task *t = &note->items[task_sections[k]][i];
			if (!t->id || t->status != TASK_DONE || strlen(t->id) > 7)
				continue;
			at = strindex_find(&w->by_id, t->id, S_id_key, h);
			if (at != STRINDEX_NONE) {
				if (when < h->done[at].when)
					h->done[at].when = when;
				continue;
			}
			ALLOC_GROW(h->done, h->ndone + 1, h->done_alloc);
			memcpy(h->done[h->ndone].id, t->id, strlen(t->id) + 1);
			h->done[h->ndone].when = when;
			strindex_add(&w->by_id, t->id, h->ndone++);
		}
}

/* Free what a review never reads of a note kept for the whole walk (its
 * goals, purpose, problems, owners, the tags of items other than blockers
 * and the fields other than cause and learning): a team's history holds every note at once. */
static void S_trim(struct note *note)
{
	size_t i, f;
	int s;

	for (i = 0; i < note->ngoals; i++) {
		free(note->goals[i].tag);
		free(note->goals[i].text);
	}
	free(note->goals);
	note->goals = NULL;
	note->ngoals = note->goals_alloc = 0;
	free(note->purpose.text);
	note->purpose.text = NULL;
	free(note->conflict_lines);
	note->conflict_lines = NULL;
	note->nconflict_lines = note->conflict_lines_alloc = 0;
	diag_release(&note->problems);
	for (s = 0; s < SECTION__COUNT; s++)
		for (i = 0; i < note->nitems[s]; i++) {
			struct task *t = &note->items[s][i];
			free(t->owner);
			t->owner = NULL;
			if (s == SECTION_BLOCKERS)
				continue; /* recurring blockers are told by their tags */
			for (f = 0; f < t->ntags; f++)
				free(t->tags[f]);
			free(t->tags);
			t->tags = NULL;
			t->ntags = t->tags_alloc = 0;
			for (f = 0; f < FIELD__COUNT; f++)
				if (f != FIELD_CAUSE && f != FIELD_LEARNING) {
					free(t->fields[f]);
					t->fields[f] = NULL;
				}
		}
}

static int S_visit(size_t which, const char *path, const char *data, size_t len, notes_time when,
		   void *cb)
{
	struct walks *all = cb;
	struct walk *w = &all->w[which];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct note_options opts = { NULL, w->j->leader };
	struct note *slot;
	bool fresh;

	/* the walk names files in the repository; notes are named in the journal */
	strbuf_reset(&all->rel);
	if (*w->pn.dir)
		strbuf_addf(&all->rel, "%s/", w->pn.dir);
	strbuf_addstr(&all->rel, base);
	if (!journal_note_of(w->j, all->rel.buf, NULL, NULL))
		return 0; /* not a note: another file in the person's directory */
	opts.file = all->rel.buf;
	slot = S_slot(w, all->rel.buf, &fresh);
	if (note_parse(slot, data, len, &opts, &w->err) < 0)
		return -1;
	if (fresh)
		strindex_add(&w->by_file, slot->file, w->h->nnotes - 1);
	S_first_done(w, slot, when);
	S_trim(slot);
	return 0;
}

static int S_by_id(const void *a, const void *b)
{
	const struct delivery *x = a, *y = b;
	return strcmp(x->id, y->id);
}

static int S_by_date(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	return x->date < y->date ? -1 : x->date > y->date;
}

/* Walk the repository of w[first] once for every person from first on
 * whose notes are in it (those not walked yet, done[i] false). */
static void S_walk_repo(struct walks *all, size_t first, size_t n, bool *done, struct strbuf *warns)
{
	const char *repo = all->w[first].pn.repo;
	const char **dirs = xcalloc(n, sizeof(*dirs));
	size_t *who = xcalloc(n, sizeof(*who));
	struct strbuf err = STRBUF_INIT;
	struct vcs *v = NULL;
	size_t i, k = 0;
	int rc;

	for (i = first; i < n; i++)
		if (!done[i] && all->w[i].rc == 0 && !strcmp(all->w[i].pn.repo, repo)) {
			done[i] = true;
			dirs[k] = all->w[i].pn.repo_dir;
			who[k++] = i;
		}
	rc = vcs_open(&v, repo, &err);
	if (rc == 0) {
		struct walks sub = { NULL, STRBUF_INIT };
		struct walk *ws = xcalloc(k, sizeof(*ws));
		struct strbuf *wn = xcalloc(k, sizeof(*wn));
		for (i = 0; i < k; i++) {
			ws[i] = all->w[who[i]];
			strbuf_init(&wn[i], 0);
		}
		sub.w = ws;
		rc = vcs_history_dirs(v, dirs, k, S_visit, &sub, wn, &err);
		for (i = 0; i < k; i++) {
			all->w[who[i]] = ws[i];
			strbuf_addbuf(&warns[who[i]], &wn[i]);
			strbuf_release(&wn[i]);
		}
		free(wn);
		free(ws);
		strbuf_release(&sub.rel);
	}
	/* the walk stops at the first failure: the walk's reason, then the
	 * person's whose note failed, is the reason of everyone walked */
	for (i = 0; rc < 0 && i < k; i++)
		strbuf_addbuf(&err, &all->w[who[i]].err);
	for (i = 0; rc < 0 && i < k; i++) {
		all->w[who[i]].rc = -1;
		strbuf_reset(&all->w[who[i]].err);
		strbuf_addbuf(&all->w[who[i]].err, &err);
	}
	vcs_free(v);
	strbuf_release(&err);
	free(dirs);
	free(who);
}

int history_load_people(struct history *h, const struct journal *j, const char *const *people,
			size_t n, struct strbuf *warns, struct strbuf *err)
{
	struct walks all = { xcalloc(n ? n : 1, sizeof(*all.w)), STRBUF_INIT };
	bool *done = xcalloc(n ? n : 1, sizeof(*done));
	size_t i, upto = n;
	int rc = 0;

	for (i = 0; i < n; i++) {
		struct walk *w = &all.w[i];
		memset(&h[i], 0, sizeof(h[i]));
		w->h = &h[i];
		w->j = j;
		strbuf_init(&w->err, 0);
		if (i < upto && journal_person_notes(j, people[i], &w->pn, &w->err) < 0) {
			w->rc = -1;
			upto = i; /* no one after the first who cannot be read */
		}
	}
	for (i = 0; i < upto; i++)
		if (!done[i] && all.w[i].rc == 0)
			S_walk_repo(&all, i, upto, done, warns);
	for (i = 0; i < n; i++) {
		struct walk *w = &all.w[i];
		if (rc == 0 && w->rc < 0) {
			strbuf_addbuf(err, &w->err);
			rc = -1;
		}
		if (h[i].nnotes)
			qsort(h[i].notes, h[i].nnotes, sizeof(*h[i].notes), S_by_date);
		if (h[i].ndone) /* looked up by id from now on */
			qsort(h[i].done, h[i].ndone, sizeof(*h[i].done), S_by_id);
		person_notes_release(&w->pn);
		strindex_release(&w->by_file);
		strindex_release(&w->by_id);
		strbuf_release(&w->err);
	}
	strbuf_release(&all.rel);
	free(all.w);
	free(done);
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
	struct delivery key = { { 0 }, 0 };
	const struct delivery *d = NULL;

	if (strlen(id) < sizeof(key.id) && h->ndone) {
		memcpy(key.id, id, strlen(id) + 1);
		d = bsearch(&key, h->done, h->ndone, sizeof(*h->done), S_by_id);
	}
	return d ? d->when : -1;
}
