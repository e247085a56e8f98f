/* vcs_history.c - walk the history of one directory of the journal. */
#include <stdbool.h>
#include <string.h>

#include "fsutil.h"
#include "vcs.h"
#include "vcs_internal.h"

/* Parents of a merge that are compared (git makes octopus merges of more). */
#define MAX_PARENTS 16

/* The id of dir in commit's tree; zeroed when absent. */
static int S_dir_id(git_commit *commit, const char *dir, git_oid *out, git_tree **root)
{
	const git_tree_entry *e;

	memset(out, 0, sizeof(*out));
	if (git_commit_tree(root, commit) < 0)
		return -1;
	if (!*dir) {
		git_oid_cpy(out, git_tree_id(*root)); /* the root itself */
		return 0;
	}
	e = git_tree_entry_byname(*root, dir);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE)
		git_oid_cpy(out, git_tree_entry_id(e));
	return 0;
}

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
static int S_changes(git_repository *repo, const char *dir, const git_oid *now_id,
		     const git_oid *old_ids, size_t nold, git_tree **last, notes_time when,
		     const git_oid *commit, struct strbuf *warn, vcs_history_fn fn, void *data)
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
		rc = fn(path.buf, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), when,
			data);
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

/* The directory's id in each parent of commit (at most MAX_PARENTS);
 * the first parent is usually the commit seen just before. */
static size_t S_parent_dirs(git_commit *commit, const char *dir, const git_oid *last_commit,
			    const git_oid *last_dir, git_oid *ids)
{
	size_t k, n = git_commit_parentcount(commit);

	if (n > MAX_PARENTS)
		n = MAX_PARENTS;
	for (k = 0; k < n; k++) {
		git_commit *parent = NULL;
		git_tree *proot = NULL;
		memset(&ids[k], 0, sizeof(ids[k]));
		if (last_commit &&
		    git_oid_equal(git_commit_parent_id(commit, (unsigned)k), last_commit))
			git_oid_cpy(&ids[k], last_dir);
		else if (git_commit_parent(&parent, commit, (unsigned)k) == 0)
			S_dir_id(parent, dir, &ids[k], &proot);
		git_tree_free(proot);
		git_commit_free(parent);
	}
	git_error_clear();
	return n;
}

/* Whether the directory differs from the one of some parent (or it is a root). */
static bool S_dir_changed(const git_oid *now_id, const git_oid *parents, size_t n)
{
	size_t k;

	if (git_oid_is_zero(now_id))
		return false;
	if (!n)
		return true;
	for (k = 0; k < n; k++)
		if (!git_oid_equal(now_id, &parents[k]))
			return true;
	return false;
}

int vcs_history(struct vcs *v, const char *dir, vcs_history_fn fn, void *cb_data,
		struct strbuf *warn, struct strbuf *err)
{
	git_revwalk *walk;
	git_oid oid, last_commit, last_dir;
	git_tree *last_tree = NULL;
	bool has_last = false;
	int rc = 0, next = GIT_ITEROVER;

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
	while (!rc && (next = git_revwalk_next(&oid, walk)) == 0) {
		git_commit *commit;
		git_tree *root = NULL;
		git_oid now_id, parents[MAX_PARENTS];
		size_t np;
		if (git_commit_lookup(&commit, v->repo, &oid) < 0 ||
		    S_dir_id(commit, dir, &now_id, &root) < 0) {
			rc = vcs_error(err, "cannot read a commit");
			break;
		}
		np = S_parent_dirs(commit, dir, has_last ? &last_commit : NULL, &last_dir, parents);
		git_oid_cpy(&last_commit, &oid);
		git_oid_cpy(&last_dir, &now_id);
		has_last = true;
		if (S_dir_changed(&now_id, parents, np)) {
			notes_time when = (notes_time)(git_commit_time(commit) / 60) +
					  git_commit_time_offset(commit);
			rc = S_changes(v->repo, dir, &now_id, parents, np, &last_tree, when, &oid,
				       warn, fn, cb_data);
			if (rc < 0)
				rc = vcs_error(err, "cannot read the history of a note");
		}
		git_tree_free(root);
		git_commit_free(commit);
	}
	if (!rc && next != GIT_ITEROVER)
		rc = vcs_error(err, "cannot walk the history");
	git_tree_free(last_tree);
	git_revwalk_free(walk);
	return rc < 0 ? -1 : 0;
}
