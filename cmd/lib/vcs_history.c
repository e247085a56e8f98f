/* vcs_history.c - walk the history of one directory of the journal. */
#include <stdbool.h>
#include <string.h>

#include "vcs.h"
#include "vcs_internal.h"

/* The id of dir in commit's tree; zeroed when absent. */
static int S_dir_id(git_commit *commit, const char *dir, git_oid *out, git_tree **root)
{
	const git_tree_entry *e;

	memset(out, 0, sizeof(*out));
	if (git_commit_tree(root, commit) < 0)
		return -1;
	e = git_tree_entry_byname(*root, dir);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE)
		git_oid_cpy(out, git_tree_entry_id(e));
	return 0;
}

/*
 * Report every file of dir that is new or changed from old (zero: none).
 * *last is the directory tree of the previous change, which is usually
 * old: it is reused, and replaced by this one.
 */
static int S_changes(git_repository *repo, const char *dir, const git_oid *now_id,
		     const git_oid *old_id, git_tree **last, notes_time when, vcs_history_fn fn,
		     void *data)
{
	git_tree *now = NULL, *old = NULL;
	struct strbuf path = STRBUF_INIT;
	size_t i, n;
	int rc = 0;

	if (git_tree_lookup(&now, repo, now_id) < 0)
		return -1;
	if (*last && git_oid_equal(git_tree_id(*last), old_id))
		old = *last;
	else if (!git_oid_is_zero(old_id) && git_tree_lookup(&old, repo, old_id) < 0)
		old = NULL;
	n = git_tree_entrycount(now);
	for (i = 0; i < n && !rc; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(now, i);
		const git_tree_entry *o =
			old ? git_tree_entry_byname(old, git_tree_entry_name(e)) : NULL;
		git_blob *blob;
		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		if (o && git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(e)))
			continue;
		if (git_blob_lookup(&blob, repo, git_tree_entry_id(e)) < 0)
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, git_tree_entry_name(e));
		rc = fn(path.buf, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), when,
			data);
		git_blob_free(blob);
	}
	strbuf_release(&path);
	if (old != *last)
		git_tree_free(old);
	git_tree_free(*last);
	*last = now;
	return rc;
}

int vcs_history(struct vcs *v, const char *dir, vcs_history_fn fn, void *cb_data,
		struct strbuf *err)
{
	git_revwalk *walk;
	git_oid oid, prev_id, last_commit, last_dir;
	git_tree *last_tree = NULL;
	bool has_last = false;
	int rc = 0;

	if (git_revwalk_new(&walk, v->repo) < 0)
		return vcs_error(err, "cannot walk the history");
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
	if (git_revwalk_push_head(walk) < 0) {
		git_error_clear();
		git_revwalk_free(walk);
		return 0; /* no commit yet */
	}
	while (!rc && git_revwalk_next(&oid, walk) == 0) {
		git_commit *commit, *parent = NULL;
		git_tree *root = NULL, *proot = NULL;
		git_oid now_id;
		if (git_commit_lookup(&commit, v->repo, &oid) < 0 ||
		    S_dir_id(commit, dir, &now_id, &root) < 0) {
			rc = vcs_error(err, "cannot read a commit");
			break;
		}
		memset(&prev_id, 0, sizeof(prev_id));
		/* history is mostly linear: the parent is usually the commit just seen */
		if (git_commit_parentcount(commit) > 0) {
			const git_oid *pid = git_commit_parent_id(commit, 0);
			if (has_last && git_oid_equal(pid, &last_commit))
				git_oid_cpy(&prev_id, &last_dir);
			else if (git_commit_parent(&parent, commit, 0) == 0)
				S_dir_id(parent, dir, &prev_id, &proot);
		}
		git_oid_cpy(&last_commit, &oid);
		git_oid_cpy(&last_dir, &now_id);
		has_last = true;
		if (!git_oid_is_zero(&now_id) && !git_oid_equal(&now_id, &prev_id)) {
			notes_time when = (notes_time)(git_commit_time(commit) / 60) +
					  git_commit_time_offset(commit);
			rc = S_changes(v->repo, dir, &now_id, &prev_id, &last_tree, when, fn,
				       cb_data);
			if (rc < 0)
				rc = vcs_error(err, "cannot read the history of a note");
		}
		git_tree_free(root);
		git_tree_free(proot);
		git_commit_free(parent);
		git_commit_free(commit);
	}
	git_tree_free(last_tree);
	git_revwalk_free(walk);
	return rc < 0 ? -1 : 0;
}
