/* sync_internal.h - what sync.c and sync_repo.c share: the sync of one
 * repository with its origin. */
#ifndef NOTES_SYNC_INTERNAL_H
#define NOTES_SYNC_INTERNAL_H

#include "sync.h"
#include "vcs.h"

struct sync_target {
	const char *name; /* for the line and the progress */
	const char *root; /* the repository's work tree */
	/* a pair journal: the person whose notes it must hold (its own
	 * .notes/config and the remote's say journal.person = this); NULL
	 * for the team repository */
	const char *person;
	const struct vcs_identity *who; /* for a merge commit */
};

/* Sync one repository with its origin; the outcome goes to line. */
void sync_repo(const struct sync_target *t, const struct sync_options *o, struct sync_line *line,
	       struct strbuf *warn);

/* journal.person of the config in buf ("" when it has none). */
void sync_config_person(struct vcs *v, const char *buf, size_t len, struct strbuf *out);

/* Set line to FAILED with a message ("<what>: <why>"). */
void sync_fail(struct sync_line *line, const char *what, const char *why);

#endif
