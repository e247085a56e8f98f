/* vcs.h - everything git, through libgit2 (the vcs*.c files are the only
 * ones that include git2.h; vcs_config.h is the config's part). */
#ifndef NOTES_VCS_H
#define NOTES_VCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "strbuf.h"

struct vcs;

struct vcs_identity {
	const char *name, *email;
};

/* A file to commit: its content is data (len bytes), or the work tree's
 * file when data is NULL; a missing work-tree file is removed. */
struct vcs_file {
	const char *path; /* relative to the root */
	const char *data;
	size_t len;
};

void vcs_global_init(void);
void vcs_global_shutdown(void);

/* Create a repository at dir with its first branch "main". */
int vcs_init(const char *dir, struct strbuf *err);
int vcs_open(struct vcs **out, const char *root, struct strbuf *err);
void vcs_free(struct vcs *v);

/*
 * Commit the given files on top of HEAD, staging nothing else. The author and committer
 * default to who (the git environment, GIT_AUTHOR_* / GIT_COMMITTER_*,
 * wins); the time is GIT_*_DATE, else NOTES_NOW, else now. Retries a
 * locked index or ref for a while. Returns 0, 1 when the files have no
 * change against HEAD (nothing is committed), or -1 with the reason in
 * err. What the user should hear of either way (lock files of a killed
 * notes process removed, an index left stale) is added to warn, a line
 * each ("removed ...", "warning: ...").
 */
int vcs_commit(struct vcs *v, const struct vcs_file *files, size_t n, const char *message,
	       const struct vcs_identity *who, struct strbuf *warn, struct strbuf *err);

/* vcs_commit that also removes paths (files or whole directories) from
 * the tree and the index, whatever the work tree holds. */
int vcs_commit_removing(struct vcs *v, const char *const *removed, size_t nremoved,
			const struct vcs_file *files, size_t n, const char *message,
			const struct vcs_identity *who, struct strbuf *warn, struct strbuf *err);

/* The ids (hex) of HEAD and of its first parent ("" when there is none). */
int vcs_head_ids(struct vcs *v, char head[41], char parent[41]);
/* Call fn with the content of every file ending in suffix that is added
 * or changed between the commits from and to (hex). */
int vcs_changed_files(struct vcs *v, const char *from, const char *to, const char *suffix,
		      void (*fn)(const char *data, size_t len, void *cb_data), void *cb_data,
		      struct strbuf *err);
/* Whether commit a (hex) is b or a descendant of b. */
bool vcs_descends_from(struct vcs *v, const char *a, const char *b);
/* Keep notes' temporary files (".<note>.tmp-XXXXXX", left only when a
 * write is killed before its rename) out of git status: .git/info/exclude. */
int vcs_exclude_temp_files(struct vcs *v, struct strbuf *err);
/* Add pattern (a line of gitignore) to .git/info/exclude, after a comment
 * saying why, unless it is there. */
int vcs_exclude(struct vcs *v, const char *pattern, const char *why, struct strbuf *err);
/* The path of a file inside the repository's git directory. */
void vcs_git_path(struct vcs *v, const char *name, struct strbuf *out);

/* The content of path at HEAD: 0, 1 when HEAD has no such file, -1. */
int vcs_head_file(struct vcs *v, const char *path, struct strbuf *out, struct strbuf *err);

/* Paths of the changed or untracked files (not ignored) for which keep
 * says true, sorted; keep is told whether git does not track the path. */
int vcs_changed_paths(struct vcs *v, bool (*keep)(const char *path, bool untracked, void *data),
		      void *data, char ***paths, size_t *n, struct strbuf *err);

/*
 * History of the files in dir/ ("": the root), oldest commit first: fn is called for
 * each file that a commit adds or changes, with its content and the
 * commit time in local wall-clock minutes. A non-zero return stops the walk.
 */
typedef int (*vcs_history_fn)(const char *path, const char *data, size_t len, notes_time when,
			      void *cb_data);
int vcs_history(struct vcs *v, const char *dir, vcs_history_fn fn, void *cb_data,
		struct strbuf *err);

#endif
