/* vcs_history.c - walk the history of directories of the journal, all at once. */
#include <stdbool.h>
#include <string.h>

#include "fsutil.h"
#include "vcs.h"
#include "vcs_internal.h"
#include "xalloc.h"

/* Parents of a merge that are compared (git makes octopus merges of more). */
#define MAX_PARENTS 16

/* Whether entry e of a commit's directory differs from the same name in
 * one of the parents' directories (NULL: the parent has none). */
static bool S_differs(const git_tree_entry *e, git_tree *const *olds, size_t nold)
{
	size_t k;

	if (!nold)
		return true;
	for (k = 0; k < nold; k++) {
		const git_tree_entry *o =
			olds[k] ? git_tree_entry_byname(olds[k], git_tree_entry_name(e)) : NULL;
		if (!o || !git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(e)))
			return true;
	}
	return false;
}

/*
 * Report every file of dir that is new or changed from the parents'
 * (old_ids, zero: none; for a merge, a file that differs from any of its
 * parents', so that the last report of a file is the merge's even where
 * it took one side's version). *last is the directory tree of the
 * previous change, which is usually old_ids[0]: it is reused, and
 * replaced by this one.
 */
static int S_changes(git_repository *repo, size_t which, const char *dir, const git_oid *now_id,
		     const git_oid *old_ids, size_t nold, git_tree **last, notes_time when,
		     const git_oid *commit, struct strbuf *warn, vcs_history_dirs_fn fn, void *data)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_odb *odb = NULL;
	git_tree *now = NULL, *olds[MAX_PARENTS] = { NULL };
	struct strbuf path = STRBUF_INIT;
	bool reused = false;
	size_t i, k, n;
	int rc = 0;

	if (git_tree_lookup(&now, repo, now_id) < 0)
		return -1;
	for (k = 0; k < nold; k++) {
		if (k == 0 && *last && git_oid_equal(git_tree_id(*last), &old_ids[0]))
			olds[0] = *last, reused = true;
		else if (!git_oid_is_zero(&old_ids[k]) &&
			 git_tree_lookup(&olds[k], repo, &old_ids[k]) < 0)
			olds[k] = NULL;
	}
	n = git_tree_entrycount(now);
	for (i = 0; i < n && !rc; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(now, i);
		git_blob *blob;
		size_t size;
		git_object_t type;
		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB || !S_differs(e, olds, nold))
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s%s", dir, *dir ? "/" : "", git_tree_entry_name(e));
		/* the limit of a note, before the blob is read (a note of 256 MiB
		 * added and removed by git took 5 GB to review) */
		if ((odb || git_repository_odb(&odb, repo) == 0) &&
		    git_odb_read_header(&size, &type, odb, git_tree_entry_id(e)) == 0 &&
		    size > MAX_NOTE_SIZE) {
			git_oid_tostr(hex, sizeof(hex), commit);
			strbuf_addf(
				warn,
				"warning: %s in commit %s is over %u MiB: skipped in the history\n",
				path.buf, hex, MAX_NOTE_SIZE >> 20);
			continue;
		}
		if (git_blob_lookup(&blob, repo, git_tree_entry_id(e)) < 0) {
			rc = -1; /* a corrupt object: said, never taken for no note */
			break;
		}
		rc = fn(which, path.buf, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
			when, data);
		git_blob_free(blob);
	}
	strbuf_release(&path);
	git_odb_free(odb);
	for (k = reused ? 1 : 0; k < nold; k++)
		git_tree_free(olds[k]);
	git_tree_free(*last);
	*last = now;
	return rc;
}

/* The id of each of the n dirs in tree root (zero: absent). */
static void S_dir_ids(git_tree *root, const char *const *dirs, size_t n, git_oid *out)
{
	size_t d;

	for (d = 0; d < n; d++) {
		const git_tree_entry *e = *dirs[d] ? git_tree_entry_byname(root, dirs[d]) : NULL;
		memset(&out[d], 0, sizeof(out[d]));
		if (!*dirs[d])
			git_oid_cpy(&out[d], git_tree_id(root)); /* the root itself */
		else if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE)
			git_oid_cpy(&out[d], git_tree_entry_id(e));
	}
}

/* The ids of the dirs in each parent of commit (at most MAX_PARENTS;
 * parent k's in ids[k * n...]); the first parent is usually the commit
 * seen just before, whose ids are last_ids. */
static size_t S_parent_dirs(git_commit *commit, const char *const *dirs, size_t n,
			    const git_oid *last_commit, const git_oid *last_ids, git_oid *ids)
{
	size_t k, np = git_commit_parentcount(commit);

	if (np > MAX_PARENTS)
		np = MAX_PARENTS;
	for (k = 0; k < np; k++) {
		git_commit *parent = NULL;
		git_tree *proot = NULL;
		if (last_commit &&
		    git_oid_equal(git_commit_parent_id(commit, (unsigned)k), last_commit))
			memcpy(&ids[k * n], last_ids, n * sizeof(*ids));
		else if (git_commit_parent(&parent, commit, (unsigned)k) == 0 &&
			 git_commit_tree(&proot, parent) == 0)
			S_dir_ids(proot, dirs, n, &ids[k * n]);
		else
			memset(&ids[k * n], 0, n * sizeof(*ids));
		git_tree_free(proot);
		git_commit_free(parent);
	}
	git_error_clear();
	return np;
}

/* Whether dir d differs from the one of some parent (or it is a root). */
static bool S_dir_changed(const git_oid *now_ids, size_t d, const git_oid *parents, size_t n,
			  size_t np, git_oid *olds)
{
	bool changed = !np;
	size_t k;

	if (git_oid_is_zero(&now_ids[d]))
		return false;
	for (k = 0; k < np; k++) {
		git_oid_cpy(&olds[k], &parents[k * n + d]);
		if (!git_oid_equal(&now_ids[d], &olds[k]))
			changed = true;
	}
	return changed;
}

int vcs_history_dirs(struct vcs *v, const char *const *dirs, size_t n, vcs_history_dirs_fn fn,
		     void *cb_data, struct strbuf *warns, struct strbuf *err)
{
	git_revwalk *walk;
	git_oid oid, last_commit, olds[MAX_PARENTS];
	git_oid *now_ids, *last_ids, *parents;
	git_tree **last_trees;
	bool has_last = false;
	size_t d;
	int rc = 0, next = GIT_ITEROVER;

	if (!n)
		return 0;
	/* the walk reads each commit and tree about once: a small cache keeps
	 * what a merge reads again without holding the whole history */
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)(16 << 20));
	if (git_revwalk_new(&walk, v->repo) < 0)
		return vcs_error(err, "cannot walk the history");
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
	rc = git_revwalk_push_head(walk);
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
		git_error_clear();
		git_revwalk_free(walk);
		return 0; /* no commit yet */
	} else if (rc < 0) {
		git_revwalk_free(walk);
		return vcs_error(err, "cannot read HEAD");
	}
	now_ids = xcalloc(n, sizeof(*now_ids));
	last_ids = xcalloc(n, sizeof(*last_ids));
	parents = xcalloc(st_mult(n, MAX_PARENTS), sizeof(*parents));
	last_trees = xcalloc(n, sizeof(*last_trees));
	while (!rc && (next = git_revwalk_next(&oid, walk)) == 0) {
		git_commit *commit;
		git_tree *root = NULL;
		notes_time when;
		size_t np;
		if (git_commit_lookup(&commit, v->repo, &oid) < 0) {
			rc = vcs_error(err, "cannot read a commit");
			break;
		}
		if (git_commit_tree(&root, commit) < 0) {
			git_commit_free(commit);
			rc = vcs_error(err, "cannot read a commit");
			break;
		}
		S_dir_ids(root, dirs, n, now_ids);
		np = S_parent_dirs(commit, dirs, n, has_last ? &last_commit : NULL, last_ids,
				   parents);
		git_oid_cpy(&last_commit, &oid);
		memcpy(last_ids, now_ids, n * sizeof(*now_ids));
		has_last = true;
		when = (notes_time)(git_commit_time(commit) / 60) + git_commit_time_offset(commit);
		for (d = 0; d < n && !rc; d++) {
			if (!S_dir_changed(now_ids, d, parents, n, np, olds))
				continue;
			rc = S_changes(v->repo, d, dirs[d], &now_ids[d], olds, np, &last_trees[d],
				       when, &oid, &warns[d], fn, cb_data);
			if (rc < 0)
				rc = vcs_error(err, "cannot read the history of a note");
		}
		git_tree_free(root);
		git_commit_free(commit);
	}
	if (!rc && next != GIT_ITEROVER)
		rc = vcs_error(err, "cannot walk the history");
	for (d = 0; d < n; d++)
		git_tree_free(last_trees[d]);
	free(last_trees);
	free(parents);
	free(last_ids);
	free(now_ids);
	git_revwalk_free(walk);
	return rc < 0 ? -1 : 0;
}
