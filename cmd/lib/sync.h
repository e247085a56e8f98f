/* sync.h - notes sync: bring each journal and its remote together (the
 * team repository when it has an origin, each pair journal), and the
 * typed result, one line per journal, that the command renders. */
#ifndef NOTES_SYNC_H
#define NOTES_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"

/* How many times a push the remote refused (it moved meanwhile) sends
 * sync back to fetch and merge. */
#define SYNC_PUSH_TRIES 3

enum sync_outcome {
	SYNC_UP_TO_DATE,
	SYNC_SYNCED, /* fetched, merged, pushed or cloned: see the counts */
	SYNC_SKIPPED, /* notes with changes not committed: nothing touched */
	SYNC_CONFLICT, /* a merge in progress: resolve, notes commit, sync again */
	SYNC_FAILED, /* unreachable, refused...: see error */
};

struct sync_line {
	char *name; /* the person's id, or "journal" for the team repository */
	enum sync_outcome outcome;
	long fetched, pushed; /* commits */
	bool merged, cloned;
	/* SKIPPED: the files with changes; CONFLICT: the conflicted notes
	 * (relative to the journal named) */
	char **paths;
	size_t npaths;
	char *error; /* FAILED: one line, without credentials */
};

struct sync_result {
	struct sync_line *lines;
	size_t n, alloc;
	struct strbuf warn; /* lines to tell the user ("removed ...", "warning: ...") */
};

struct sync_options {
	const char *const *people; /* only these pair journals (all: NULL) */
	size_t npeople;
	/* progress of long transfers, for a terminal (may be NULL) */
	void (*progress)(const char *name, const char *what, size_t done, size_t total, void *data);
	void *data;
};

/* The name of the line of the team repository. */
#define SYNC_TEAM_NAME "journal"

/*
 * Sync the journal j: its own repository with origin (a pair journal's
 * clone, or the team repository when it has one), then each pair journal
 * of the team (or those of o->people), cloning the missing ones. A
 * journal that fails is reported and the others still sync. Returns 0,
 * or -1 when nothing could be tried (err: a person that is not a pair
 * journal, ...).
 */
int sync_journal(struct journal *j, const struct sync_options *o, struct sync_result *res,
		 struct strbuf *err);
void sync_result_release(struct sync_result *res);
/* Whether a line says that its journal was skipped or stopped. */
bool sync_line_failed(const struct sync_line *l);

#endif
