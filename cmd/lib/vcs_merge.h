/* vcs_merge.h - bring the remote's main into the journal's: a fast-forward,
 * or a merge commit with both parents where each file is merged three-way
 * (and notes, through the caller, item by item); and the merge in
 * progress that a conflict leaves, which a commit of the resolved notes
 * completes. */
#ifndef NOTES_VCS_MERGE_H
#define NOTES_VCS_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "vcs.h"

/* One version of a file in a merge; data NULL: absent on that side. */
struct vcs_blob {
	const char *data;
	size_t len;
};

/*
 * Merge a file that lines alone could not: 0 and the merged bytes in out,
 * a positive number of conflicts and out holding the file with conflict
 * markers, or -1 to leave it to git's markers.
 */
typedef int (*vcs_merge_file_fn)(const char *path, const struct vcs_blob *base,
				 const struct vcs_blob *ours, const struct vcs_blob *theirs,
				 struct strbuf *out, void *data);

enum vcs_merge_outcome {
	VCS_MERGE_UP_TO_DATE, /* main and the remote's are the same */
	VCS_MERGE_AHEAD, /* main holds the remote's: nothing to bring in */
	VCS_MERGE_FAST_FORWARD, /* main moved forward to the remote's */
	VCS_MERGE_MERGED, /* a merge commit with both parents */
	VCS_MERGE_CONFLICT, /* a merge in progress, conflicts in the work tree */
};

struct vcs_merge_result {
	enum vcs_merge_outcome outcome;
	long fetched; /* commits of the remote's main that main did not have */
	char **conflicts; /* paths, sorted */
	size_t nconflicts;
	char **by_items; /* paths merged cleanly by fn where lines conflicted */
	size_t nby_items;
};

/* The labels of conflict markers: main's side and the remote's. */
#define VCS_OURS_LABEL "HEAD"
#define VCS_THEIRS_LABEL "origin/main"

/*
 * Bring refs/remotes/origin/main into main (HEAD must be on main), in
 * the journal's turn (what taking it removed is told in warn). message is
 * the merge commit's. Only files that
 * differ are written in the work tree, and a file the work tree changed
 * is never overwritten (the merge stops with an error, nothing changed).
 */
int vcs_merge_origin(struct vcs *v, vcs_merge_file_fn fn, void *data, const char *message,
		     const struct vcs_identity *who, struct vcs_merge_result *res,
		     struct strbuf *warn, struct strbuf *err);
void vcs_merge_result_release(struct vcs_merge_result *res);

enum vcs_state {
	VCS_STATE_CLEAN,
	VCS_STATE_SYNC_MERGE, /* a merge that vcs_merge_origin left with conflicts */
	VCS_STATE_OTHER, /* a git merge, rebase, cherry-pick..., or conflicts in the index */
};

/* The state of the repository; for VCS_STATE_OTHER, what is going on in
 * what ("a merge is in progress (.git/MERGE_HEAD)"). */
enum vcs_state vcs_state(struct vcs *v, struct strbuf *what);

/* Every path with a change not committed (staged or not, a conflict
 * included), and every untracked file named like a note, sorted. */
int vcs_uncommitted(struct vcs *v, char ***paths, size_t *n, struct strbuf *err);

/* The content of path in the commit ref names ("refs/remotes/origin/main"):
 * 0, 1 when it has no such file, -1. */
int vcs_file_at(struct vcs *v, const char *ref, const char *path, struct strbuf *out,
		struct strbuf *err);

/* -1 with the reason in err unless the state is VCS_STATE_CLEAN (the
 * refusal of vcs_commit, for a caller about to write what it commits). */
int vcs_refuse_state(struct vcs *v, struct strbuf *err);

/* The paths of the index that have conflicts, sorted. */
int vcs_conflicts(struct vcs *v, char ***paths, size_t *n, struct strbuf *err);

/*
 * Complete the merge that vcs_merge_origin left: stage files (each
 * resolves its conflict), then commit the index with HEAD and the
 * remote's commit as parents, with the merge's message and, after it,
 * extra (may be NULL); subject gets its first line. Refuses while a path
 * still has a conflict.
 */
int vcs_commit_merge(struct vcs *v, const struct vcs_file *files, size_t n, const char *extra,
		     const struct vcs_identity *who, struct strbuf *subject, struct strbuf *warn,
		     struct strbuf *err);

#endif
