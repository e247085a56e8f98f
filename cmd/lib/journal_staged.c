/* journal_staged.c - the notes staged for the next commit, checked on their staged bytes. */
#include "journal_staged.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "journal_check.h"
#include "journal_notes.h"
#include "vcs_hook.h"
#include "xalloc.h"

struct walk {
	const struct journal *j;
	struct staged_notes *out;
	struct strbuf *err;
};

static bool S_is_note(const char *path, void *data)
{
	const struct walk *w = data;

	return journal_note_of(w->j, path, NULL, NULL);
}

static int S_check(const struct vcs_staged *f, void *data)
{
	struct walk *w = data;
	struct staged_note *s;
	struct checked_note c;

	ALLOC_GROW(w->out->list, w->out->nr + 1, w->out->alloc);
	s = &w->out->list[w->out->nr++];
	memset(s, 0, sizeof(*s));
	s->rel = xstrdup(f->path);
	if (!f->is_file) {
		s->error = xstrdup("staged as a symbolic link or a submodule, not as a note");
		return 0;
	}
	if (!f->data) {
		struct strbuf msg = STRBUF_INIT;
		strbuf_addf(&msg, "too large (%zu bytes; at most %u)", f->len, MAX_NOTE_SIZE);
		s->error = strbuf_detach(&msg, NULL);
		return 0;
	}
	if (journal_check_note(&c, w->j, f->path, f->path, f->data, f->len, w->err) < 0) {
		checked_note_release(&c);
		return -1;
	}
	s->problems = c.problems;
	memset(&c.problems, 0, sizeof(c.problems));
	checked_note_release(&c);
	return 0;
}

int journal_check_staged(const struct journal *j, struct staged_notes *out, struct strbuf *err)
{
	struct walk w;
	struct vcs *v;
	int rc;

	memset(out, 0, sizeof(*out));
	w.j = j;
	w.out = out;
	w.err = err;
	if (vcs_open(&v, j->root, err) < 0)
		return -1;
	rc = vcs_staged_files(v, S_is_note, MAX_NOTE_SIZE, S_check, &w, err);
	vcs_free(v);
	return rc < 0 ? -1 : 0;
}

void staged_notes_release(struct staged_notes *s)
{
	size_t i;

	for (i = 0; i < s->nr; i++) {
		free(s->list[i].rel);
		free(s->list[i].error);
		diag_release(&s->list[i].problems);
	}
	free(s->list);
	memset(s, 0, sizeof(*s));
}
