/* journal_merge.h - notes commit completes the merge that notes sync left
 * with conflicts: one commit with both parents, once each conflicted note
 * is resolved (no conflict marker is ever committed). */
#ifndef NOTES_JOURNAL_MERGE_H
#define NOTES_JOURNAL_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "journal_commit.h"

/* Whether the note rel (relative to the root) has a conflict of a merge
 * of notes sync in progress in its repository. */
bool journal_note_in_merge(struct commit_session *s, const char *rel);

/*
 * Complete the merges in progress of the notes files (n of them, each
 * with a conflict): each note is checked (refused with conflict markers,
 * or with errors unless COMMIT_FORCE), given ids and written; then one
 * commit per repository with both parents. A merge with other conflicted
 * paths left is refused. res holds n results, one per note (the outcome,
 * its problems; warnings in the first note's of a repository). On a
 * refusal or an error no note of that repository is left changed.
 * Returns 0, or -1 with err.
 */
int journal_commit_merge(struct commit_session *s, const struct note_file *files, size_t n,
			 const struct commit_request *req, struct commit_result *res,
			 struct strbuf *err);

#endif
