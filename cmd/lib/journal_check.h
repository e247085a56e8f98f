/* journal_check.h - a note's problems in its journal: the one function
 * that decides what check, parse and commit report for a note. */
#ifndef NOTES_JOURNAL_CHECK_H
#define NOTES_JOURNAL_CHECK_H

#include "check.h"
#include "journal.h"

/* What a note's problems were decided against. */
enum check_scope {
	/* no journal: the note alone (no config: every person is known, at
	 * most DEFAULT_MAX_FOCUS focus items) */
	CHECK_SCOPE_NOTE,
	/* the journal's config (people, journal.maxfocus) but no history:
	 * a file that is not in the journal */
	CHECK_SCOPE_CONFIG,
	/* the config and the person's previous notes: a note of the journal */
	CHECK_SCOPE_HISTORY,
};

/* The most previous notes a check can look at (newest first). */
#define CHECK_MAX_PREVIOUS 2

struct checked_note {
	struct note note; /* the bytes, parsed */
	struct diag problems; /* its problems, sorted by line */
	enum check_scope scope;
	bool agenda; /* its meeting time has not come yet (check_context.agenda) */
	/* the person's notes before this one, newest first: as many as the
	 * checks use (CHECK_PREVIOUS_USED), fewer when there are fewer */
	struct note previous[CHECK_MAX_PREVIOUS];
	size_t nprevious;
};

/*
 * Parse buf (len bytes: a file's bytes, an editor's buffer, a staged
 * blob) as a note and decide its problems. file names the note (note.file,
 * and its person and date when it has no front matter and no rel); rel
 * is its path relative to the journal's root, NULL when it is not in
 * the journal; j may be NULL (no journal). The previous notes are found
 * and read here. Returns 0, or -1 with the reason in err (the vocabulary
 * cannot be loaded); out is to be released either way.
 */
int journal_check_note(struct checked_note *out, const struct journal *j, const char *file,
		       const char *rel, const char *buf, size_t len, struct strbuf *err);
void checked_note_release(struct checked_note *c);

/* "note", "config", "history". */
const char *check_scope_name(enum check_scope s);

#endif
