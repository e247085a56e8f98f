/* journal_commit_internal.h - what journal_commit.c and journal_merge.c
 * share: where a note is committed, and a note made ready to commit. */
#ifndef NOTES_JOURNAL_COMMIT_INTERNAL_H
#define NOTES_JOURNAL_COMMIT_INTERNAL_H

#include "journal_check.h"
#include "journal_commit.h"

/* Where a note is committed: the repository, its ids, the note's path in it. */
struct where {
	struct vcs *vcs;
	struct id_set *ids;
	bool *ids_loaded;
	char *rel;
};

/* The repository of the note rel (the journal's, or a pair journal's,
 * opened once per session). */
int journal_note_where(struct commit_session *s, const char *rel, struct where *w,
		       struct strbuf *err);

/* A note checked, given ids and written back, ready to commit. */
struct prepared_note {
	struct where w;
	struct strbuf src, orig; /* what is committed, and what the file held */
	struct checked_note c;
};

/*
 * Validate, read, check, give ids to and write back the note f. 0: ready;
 * 1: refused for its errors (res->outcome, res->problems), nothing
 * written; -1 with err. A note with conflict markers is refused even with
 * COMMIT_FORCE, and when merging whatever the flags. p is released by the
 * caller either way.
 */
int journal_prepare_note(struct commit_session *s, const struct note_file *f,
			 const struct commit_request *req, bool merging, struct prepared_note *p,
			 struct commit_result *res, struct strbuf *err);
void prepared_note_release(struct prepared_note *p);
/* Put back the bytes the file held before it was prepared. */
void journal_restore_note(const struct note_file *f, const struct prepared_note *p);

#endif
