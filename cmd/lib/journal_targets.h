/* journal_targets.h - the PERSON|FILE arguments of check and commit ->
 * the note files they name. */
#ifndef NOTES_JOURNAL_TARGETS_H
#define NOTES_JOURNAL_TARGETS_H

#include <stddef.h>

#include "journal.h"

/* A note file named by the user: a path, or a person's latest note. */
struct note_target {
	char *name; /* how to name it in messages */
	char *path; /* to open: relative to the current directory, or absolute */
	char *rel; /* relative to the journal root; NULL when it is outside (or no journal) */
};

/*
 * Each argument names a file (it has a '/', ends in .md, or is a file
 * that is not a person's directory) or a person (their latest note).
 * j may be NULL: files only. Returns 0 with *out (n of them, freed with
 * note_targets_free), or -1 with the reason in err.
 */
int journal_resolve_targets(const struct journal *j, int argc, char **argv,
			    struct note_target **out, size_t *n, struct strbuf *err);
/* The latest note of every person of the journal. */
void journal_latest_targets(const struct journal *j, struct note_target **out, size_t *n);
/* The target of a note given relative to the root. */
void note_target_from_rel(const struct journal *j, const char *rel, struct note_target *t);
void note_targets_free(struct note_target *t, size_t n);

#endif
