/* journal_commit.h - commit a meeting note: give its tasks ids, check it,
 * write it atomically, commit it alone (notes commit and notes done). */
#ifndef NOTES_JOURNAL_COMMIT_H
#define NOTES_JOURNAL_COMMIT_H

#include <stdbool.h>

#include "diag.h"
#include "ids.h"
#include "journal.h"
#include "vcs.h"

/* A note file named by the user. */
struct note_file {
	const char *name; /* how messages name it */
	const char *path; /* to read and write: relative to the current directory, or absolute */
	const char *rel; /* relative to the journal root; NULL when it is outside */
};

/* A repository the notes of a session are committed in, and the ids of
 * its journal (read once, when a task first needs one). */
struct commit_repo {
	char *root;
	struct vcs *vcs;
	struct id_set ids;
	bool ids_loaded;
};

/* What the commits of one command share: the journal's repository, the
 * pair journals' that it opened (journal_person_notes says where a note
 * is committed), and who commits. */
struct commit_session {
	struct journal *journal;
	struct vcs *vcs;
	struct id_set ids;
	bool ids_loaded;
	struct person author; /* who commits: pair_who */
	struct vcs_identity who;
	struct commit_repo *pairs;
	size_t npairs, pairs_alloc;
};

/* Open the journal's repository. Returns 0, or -1 with the reason in err
 * (s is then closed). */
int commit_session_open(struct commit_session *s, struct journal *j, struct strbuf *err);
void commit_session_close(struct commit_session *s);

enum commit_flags {
	COMMIT_FORCE = 1 << 0, /* commit even with errors */
};

struct commit_request {
	const char *user_message; /* -m, may be NULL */
	unsigned flags;
	const char *subject; /* replaces the summary subject (notes done) */
	/* An edit to make with the commit: the file as it was read and as it
	 * is to be (both NULL: commit the file as it is). */
	const struct strbuf *orig, *edited;
};

enum commit_outcome {
	COMMIT_MADE, /* committed */
	COMMIT_UNCHANGED, /* the note is as HEAD has it: nothing committed */
	COMMIT_REFUSED, /* it has errors (and no COMMIT_FORCE): nothing written */
};

struct commit_result {
	enum commit_outcome outcome;
	struct diag problems; /* the note's problems, for the caller to show */
	char *subject; /* COMMIT_MADE: the commit's subject line */
	struct strbuf warn; /* what to tell the user, a line each (see vcs_commit) */
};

#define COMMIT_RESULT_INIT                                                                         \
	{                                                                                          \
		COMMIT_UNCHANGED, { NULL, 0, 0 }, NULL, STRBUF_INIT                                \
	}
void commit_result_release(struct commit_result *r);

/*
 * Commit the note f: ids for tasks without one, check (refuse on errors
 * unless COMMIT_FORCE), write the ids (and the requested edit)
 * atomically, commit only this file; when the commit fails, the file
 * gets its bytes back. Returns 0 with res->outcome, or -1 with the
 * reason (naming f) in err; res is filled as far as it got either way.
 */
int journal_commit_note(struct commit_session *s, const struct note_file *f,
			const struct commit_request *req, struct commit_result *res,
			struct strbuf *err);

/* Commit .notes/config as the work tree has it: 0 with res->outcome, or
 * -1 with err. */
int journal_commit_config(struct commit_session *s, struct commit_result *res, struct strbuf *err);

/* The notes (journal-relative paths) changed or new in the work tree,
 * and .notes/config when it changed, sorted: what notes commit without
 * arguments commits. Returns 0, or -1 with err. */
int journal_changed_notes(const struct journal *j, char ***paths, size_t *n, struct strbuf *err);

/* The note holding ^id (without '^'): the latest note of each person
 * first, then the older ones. Returns 0 with *rel (malloc'd, relative to
 * the root), 1 when no note holds it. */
int journal_find_id(const struct journal *j, const char *id, char **rel);

struct done_result {
	char *rel; /* the note that holds the item */
	bool already_done; /* it was [x] already: nothing changed */
	struct commit_result commit;
};
void done_result_release(struct done_result *r);

/*
 * notes done: tick ^id in the note that holds it ([x], and a done: field
 * when at is set, "YYYY-MM-DDTHH:MM") and commit that note with the
 * subject "<person> <day>: done <id>". Refused (-1, err) when no note or
 * more than one item holds it, or at is given for an item that has a
 * done: field already. Returns 0 with res filled, or -1 with err.
 */
int journal_done(struct commit_session *s, const char *id, const char *at, struct done_result *res,
		 struct strbuf *err);

#endif
