/* commit_note.h - commit one meeting note (used by commit and done). */
#ifndef NOTES_COMMIT_NOTE_H
#define NOTES_COMMIT_NOTE_H

#include "builtin.h"
#include "ids.h"
#include "notes_print.h"
#include "vcs.h"

struct commit_session {
	struct journal *journal;
	struct vcs *vcs;
	struct id_set ids;
	bool ids_loaded;
	struct person leader;
	struct vcs_identity who;
};

int commit_session_open(struct commit_session *s, struct journal *j);
void commit_session_close(struct commit_session *s);

/*
 * Commit the note t: ids for tasks without one, check (refuse on errors
 * unless COMMIT_FORCE), write the ids (and the requested edit)
 * atomically, commit only this file; when the commit fails, the file gets
 * its bytes back. Returns an exit status; *committed counts commits made.
 */
enum commit_flags {
	COMMIT_FORCE = 1 << 0, /* commit even with errors */
	COMMIT_QUIET = 1 << 1, /* do not print the note's problems */
};
struct commit_request {
	const char *user_message; /* -m, may be NULL */
	unsigned flags;
	const char *subject; /* replaces the summary subject (notes done) */
	/* An edit to make with the commit: the file as it was read and as it
	 * is to be (NULL: commit the file as it is). */
	const struct strbuf *orig, *edited;
};
int commit_note_as(struct commit_session *s, const struct target *t,
		   const struct commit_request *req, size_t *committed);
int commit_note(struct commit_session *s, const struct target *t, const char *user_message,
		bool force, size_t *committed);

#endif
