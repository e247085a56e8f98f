/* vcs_internal.h - what the vcs_*.c files share (they alone include git2.h). */
#ifndef NOTES_VCS_INTERNAL_H
#define NOTES_VCS_INTERNAL_H

#include <git2.h>

#include "strbuf.h"

struct vcs_turn {
	int fd;
	struct strbuf rec; /* what .git/notes-turn holds */
};

struct vcs {
	git_repository *repo;
	/* the journal's turn, held by vcs_turn_hold (depth > 0: fd open) */
	struct vcs_turn turn;
	int turn_depth;
};

/* Add "<what>: <libgit2's last error>" to err, clear it; returns -1. */
int vcs_error(struct strbuf *err, const char *what);

/* The author or committer (role "AUTHOR", "COMMITTER"): who, unless
 * the git environment says otherwise; now, NOTES_NOW or GIT_<role>_DATE. */
struct vcs_identity;
int vcs_signature(git_signature **out, const char *role, const struct vcs_identity *who,
		  struct strbuf *err);

/* Whether the commit id landed: its object is in the repository and, when
 * ref is not NULL, ref (e.g. "HEAD") points to it. libgit2 1.5's
 * git_commit_create returns 0 when a full disk kept the object from being
 * written, so every commit is checked with it right after; -1 with the
 * reason (the disk is full, libgit2's last error) when it did not land. */
int vcs_landed(git_repository *repo, const git_oid *id, const char *ref, struct strbuf *err);
/* Remove the files of a merge in progress (MERGE_HEAD, ..., notes-merge). */
void vcs_merge_state_clear(git_repository *repo);

/* Give repo an object database whose loose objects are checked whole
 * before libgit2 inflates them (vcs_odb.c: libgit2 1.5 hangs on a
 * truncated one). Every repository notes opens goes through it. */
int vcs_guard_odb(git_repository *repo);

/* Load the CA certificates, before an https remote is reached. */
void vcs_tls_init(void);

/* HEAD's commit and tree; both NULL on an unborn branch. */
int vcs_head_tree(git_repository *repo, git_commit **commit, git_tree **tree);

/*
 * One notes process at a time commits to a journal (a flock on
 * .git/notes-turn). Taking the turn waits a bounded time, and removes
 * the lock files a notes process killed in its turn left behind.
 */
/* What the turn removed is told in warn, a line each. */
int vcs_turn_take(git_repository *repo, struct vcs_turn *turn, struct strbuf *warn,
		  struct strbuf *err);
void vcs_turn_give(struct vcs_turn *turn);

/*
 * The lock files notes holds in its turn, recorded so that the next
 * holder removes them after a kill, and only them. index.lock is made by
 * notes itself (a file with a marker, recorded, then linked as
 * index.lock); a branch lock is made by libgit2: its name is recorded as
 * pending first, then its inode and change time once it exists.
 */
int vcs_turn_lock_index(struct vcs *v, struct strbuf *err);
void vcs_turn_unlock_index(struct vcs *v);
int vcs_turn_pending(struct vcs *v, const char *name);
void vcs_turn_locked(struct vcs *v, const char *name);
void vcs_turn_unlocked(struct vcs *v, const char *name);

#endif
