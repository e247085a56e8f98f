/* vcs_hook.c - what a pre-commit hook needs of git: the hooks directory and the staged files. */
#include "vcs_hook.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "vcs_internal.h"

int vcs_hooks_dir(struct vcs *v, struct strbuf *out, struct strbuf *err)
{
	git_config *cfg;
	git_buf buf = GIT_BUF_INIT;
	int rc;

	strbuf_reset(out);
	if (git_repository_config_snapshot(&cfg, v->repo) < 0)
		return vcs_error(err, "cannot read git's config");
	rc = git_config_get_path(&buf, cfg, "core.hooksPath");
	git_config_free(cfg);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return vcs_error(err, "cannot read core.hooksPath");
	if (rc == 0 && buf.size) {
		/* git runs hooks at the top of the work tree: a relative path starts there */
		if (buf.ptr[0] != '/')
			strbuf_addstr(out, git_repository_workdir(v->repo));
		strbuf_addstr(out, buf.ptr);
	} else {
		git_error_clear();
		git_buf_dispose(&buf);
		if (git_repository_item_path(&buf, v->repo, GIT_REPOSITORY_ITEM_HOOKS) < 0)
			return vcs_error(err, "cannot find the hooks directory");
		strbuf_addstr(out, buf.ptr);
	}
	git_buf_dispose(&buf);
	while (out->len > 1 && out->buf[out->len - 1] == '/')
		strbuf_setlen(out, out->len - 1);
	return 0;
}

/* The index a commit is made from: GIT_INDEX_FILE's, else the repository's. */
static int S_open_index(git_repository *repo, git_index **out, struct strbuf *err)
{
	const char *file = getenv("GIT_INDEX_FILE");

	if (!file || !*file) {
		if (git_repository_index(out, repo) < 0)
			return vcs_error(err, "cannot read the index");
		return 0;
	}
	/* libgit2 takes a missing file for an empty index: every note would
	 * look deleted, and nothing would be checked */
	if (!path_exists(file)) {
		strbuf_addf(err, "GIT_INDEX_FILE names no file: %s", file);
		return -1;
	}
	if (git_index_open(out, file) < 0)
		return vcs_error(err, "cannot read the index GIT_INDEX_FILE names");
	return 0;
}

/* Whether the entry at path is content to commit (not git add -N's placeholder). */
static bool S_is_content(git_index *index, const char *path)
{
	const git_index_entry *e = git_index_get_bypath(index, path, 0);

	return e && !(e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD);
}

/* Call fn for one delta's new side. */
static int S_one(git_repository *repo, const git_diff_delta *d, size_t max, vcs_staged_fn fn,
		 void *cb_data, struct strbuf *err)
{
	struct vcs_staged f = { d->new_file.path, false, NULL, 0 };
	git_blob *blob = NULL;
	git_object_t type;
	git_odb *odb;
	int rc;

	f.is_file = d->new_file.mode == GIT_FILEMODE_BLOB ||
		    d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
	if (f.is_file) {
		/* the size first: a huge blob is not read to be refused */
		if (git_repository_odb(&odb, repo) < 0)
			return vcs_error(err, "cannot read the object database");
		rc = git_odb_read_header(&f.len, &type, odb, &d->new_file.id);
		git_odb_free(odb);
		if (rc < 0)
			return vcs_error(err, f.path);
		if (f.len <= max) {
			if (git_blob_lookup(&blob, repo, &d->new_file.id) < 0)
				return vcs_error(err, f.path);
			f.data = git_blob_rawcontent(blob);
			f.len = (size_t)git_blob_rawsize(blob);
		}
	}
	rc = fn(&f, cb_data);
	git_blob_free(blob);
	return rc;
}

int vcs_staged_files(struct vcs *v, bool (*keep)(const char *path, void *cb_data), size_t max,
		     vcs_staged_fn fn, void *cb_data, struct strbuf *err)
{
	git_diff_options opts;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_index *index = NULL;
	git_diff *diff = NULL;
	size_t i, n;
	int rc = -1;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	/* a note turned into a link is one change, to be refused, not a deletion */
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
	if (vcs_head_tree(v->repo, &commit, &tree) < 0) {
		vcs_error(err, "cannot read HEAD");
		goto out;
	}
	if (S_open_index(v->repo, &index, err) < 0)
		goto out;
	if (git_diff_tree_to_index(&diff, v->repo, tree, index, &opts) < 0) {
		vcs_error(err, "cannot compare the index with HEAD");
		goto out;
	}
	rc = 0;
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && rc == 0; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED &&
		    d->status != GIT_DELTA_TYPECHANGE)
			continue;
		if (!keep(d->new_file.path, cb_data) || !S_is_content(index, d->new_file.path))
			continue;
		rc = S_one(v->repo, d, max, fn, cb_data, err);
	}
out:
	git_diff_free(diff);
	git_index_free(index);
	git_tree_free(tree);
	git_commit_free(commit);
	return rc;
}
