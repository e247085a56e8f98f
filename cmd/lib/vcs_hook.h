/* vcs_hook.h - what a pre-commit hook needs of git: where the hooks are,
 * and the files staged for the next commit (vcs_hook.c, libgit2). */
#ifndef NOTES_VCS_HOOK_H
#define NOTES_VCS_HOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "vcs.h"

/*
 * The directory git runs hooks from: core.hooksPath (read from the
 * repository's config and the user's, "~/" expanded, a relative path
 * taken from the work tree's root, as git runs hooks there), else the
 * hooks/ of the git directory (the main one for a linked worktree).
 * Absolute, without a trailing slash. Returns 0, or -1 with err.
 */
int vcs_hooks_dir(struct vcs *v, struct strbuf *out, struct strbuf *err);

/* One file staged for the next commit. */
struct vcs_staged {
	const char *path; /* relative to the root */
	bool is_file; /* a regular file (executable or not); not a link or a submodule */
	const char *data; /* its staged bytes; NULL when not is_file or larger than max */
	size_t len; /* their length (the blob's size, also when data is NULL) */
};

/*
 * Call fn for each file of the index that is added or changed against
 * HEAD (every file on an unborn branch), in path order, for which keep
 * says true. A file deleted from the index, a conflicted one and one
 * only intended to be added (git add -N) are not staged content and are
 * left out. The index is the one GIT_INDEX_FILE names when it is set
 * (git gives a hook its temporary index so, for git commit -a or git
 * commit PATH), else the repository's. A non-zero return of fn stops
 * the walk and is returned. Returns 0, or -1 with err.
 */
typedef int (*vcs_staged_fn)(const struct vcs_staged *file, void *cb_data);
int vcs_staged_files(struct vcs *v, bool (*keep)(const char *path, void *cb_data), size_t max,
		     vcs_staged_fn fn, void *cb_data, struct strbuf *err);

#endif
