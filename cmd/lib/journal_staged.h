/* journal_staged.h - the notes staged for the next commit, checked as
 * they are in the index (notes check --staged, the pre-commit hook). */
#ifndef NOTES_JOURNAL_STAGED_H
#define NOTES_JOURNAL_STAGED_H

#include "diag.h"
#include "journal.h"

/* One staged note: its problems, or why it could not be checked. */
struct staged_note {
	char *rel; /* relative to the journal's root (its path in the repository) */
	char *error; /* NULL when it was checked */
	struct diag problems; /* sorted by line */
};

struct staged_notes {
	struct staged_note *list; /* in path order */
	size_t nr, alloc;
};

/*
 * Check the staged version of each note added or changed in the index
 * of the journal's repository (GIT_INDEX_FILE's when it is set, as git
 * gives it to a hook), through journal_check_note on the staged bytes:
 * the work tree's copy is not read. Only the paths of notes count
 * (journal_note_of); a deleted note is not checked. The context, the
 * config and the person's previous notes, is the journal's as for notes
 * check. A staged note that is a link, a submodule or too large gets an
 * error of its own. Returns 0 with out (none when no note is staged), or
 * -1 with the reason in err (the index or HEAD cannot be read); out is
 * to be released either way.
 */
int journal_check_staged(const struct journal *j, struct staged_notes *out, struct strbuf *err);
void staged_notes_release(struct staged_notes *s);

#endif
