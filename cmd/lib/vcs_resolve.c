/* vcs_resolve.c - a merge in progress: what state the repository is in,
 * which paths have conflicts, and the commit that completes sync's merge. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "strvec.h"
#include "vcs_internal.h"
#include "vcs_merge.h"
#include "xalloc.h"

static void S_git_file(git_repository *repo, const char *name, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s%s", git_repository_path(repo), name);
}

void vcs_merge_state_clear(git_repository *repo)
{
	struct strbuf path = STRBUF_INIT;

	git_repository_state_cleanup(repo);
	S_git_file(repo, "notes-merge", &path);
	unlink(path.buf);
	strbuf_release(&path);
	git_error_clear();
}

int vcs_landed(git_repository *repo, const git_oid *id, struct strbuf *err)
{
	git_commit *c;

	if (git_commit_lookup(&c, repo, id) < 0) {
		git_error_clear();
		strbuf_addstr(err, "the commit was not written (is the disk full?)");
		return -1;
	}
	git_commit_free(c);
	return 0;
}

/* The first line of a file of the git directory; "" when absent. */
static void S_read_git_file(git_repository *repo, const char *name, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	S_git_file(repo, name, &path);
	strbuf_reset(out);
	if (read_file(path.buf, out, 1 << 20, &err) < 0)
		strbuf_reset(out);
	strbuf_trim(out);
	strbuf_release(&path);
	strbuf_release(&err);
}

static bool S_index_has_conflicts(git_repository *repo)
{
	git_index *idx;
	bool res = false;

	if (git_repository_index(&idx, repo) == 0) {
		git_index_read(idx, 0);
		res = git_index_has_conflicts(idx);
		git_index_free(idx);
	}
	git_error_clear();
	return res;
}

enum vcs_state vcs_state(struct vcs *v, struct strbuf *what)
{
	int st = git_repository_state(v->repo);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	enum vcs_state res = VCS_STATE_OTHER;

	switch (st) {
	case GIT_REPOSITORY_STATE_NONE:
	case GIT_REPOSITORY_STATE_BISECT: /* git commits during a bisect too */
		res = S_index_has_conflicts(v->repo) ? VCS_STATE_OTHER : VCS_STATE_CLEAN;
		if (res == VCS_STATE_OTHER)
			strbuf_addstr(what, "the index has conflicts (see git status): resolve "
					    "them first");
		break;
	case GIT_REPOSITORY_STATE_MERGE:
		S_read_git_file(v->repo, "MERGE_HEAD", &a);
		S_read_git_file(v->repo, "notes-merge", &b);
		if (a.len && !strcmp(a.buf, b.buf))
			res = VCS_STATE_SYNC_MERGE;
		else
			strbuf_addstr(what, "a git merge is in progress (.git/MERGE_HEAD): "
					    "finish it with git commit, or git merge --abort");
		break;
	case GIT_REPOSITORY_STATE_REVERT:
	case GIT_REPOSITORY_STATE_REVERT_SEQUENCE:
		strbuf_addstr(what,
			      "a git revert is in progress: finish it, or git revert --abort");
		break;
	case GIT_REPOSITORY_STATE_CHERRYPICK:
	case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE:
		strbuf_addstr(what, "a git cherry-pick is in progress: finish it, or git "
				    "cherry-pick --abort");
		break;
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
		strbuf_addstr(what, "git am is in progress: finish it, or git am --abort");
		break;
	default:
		strbuf_addstr(what,
			      "a git rebase is in progress: finish it, or git rebase --abort");
		break;
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return res;
}

/* Whether the file name of path is <YYYY-MM-DD>.md. */
static bool S_looks_like_note(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	if (strlen(base) != 13 || strcmp(base + 10, ".md"))
		return false;
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? base[i] != '-' : (base[i] < '0' || base[i] > '9'))
			return false;
	return true;
}

/* An untracked file is a change only when it is a note. */
static bool S_keep_uncommitted(const char *path, bool untracked, void *data)
{
	(void)data;
	return !untracked || S_looks_like_note(path);
}

int vcs_uncommitted(struct vcs *v, char ***paths, size_t *n, struct strbuf *err)
{
	return vcs_changed_paths(v, S_keep_uncommitted, NULL, paths, n, err);
}

int vcs_file_at(struct vcs *v, const char *ref, const char *path, struct strbuf *out,
		struct strbuf *err)
{
	git_object *obj = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	int rc = 1;

	if (git_revparse_single(&obj, v->repo, ref) < 0 ||
	    git_commit_lookup(&commit, v->repo, git_object_id(obj)) < 0 ||
	    git_commit_tree(&tree, commit) < 0) {
		rc = vcs_error(err, ref);
	} else if (git_tree_entry_bypath(&entry, tree, path) == 0 &&
		   git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
		if (git_blob_lookup(&blob, v->repo, git_tree_entry_id(entry)) < 0) {
			rc = vcs_error(err, path);
		} else {
			strbuf_reset(out);
			strbuf_add(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
			rc = 0;
		}
	}
	git_error_clear();
	git_blob_free(blob);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	git_commit_free(commit);
	git_object_free(obj);
	return rc;
}

static int S_list_conflicts(git_index *idx, char ***paths, size_t *n, struct strbuf *err)
{
	git_index_conflict_iterator *it;
	const git_index_entry *a, *o, *t;
	char **res = NULL;
	size_t nr = 0, alloc = 0;

	*paths = NULL;
	*n = 0;
	if (git_index_conflict_iterator_new(&it, idx) < 0)
		return vcs_error(err, "cannot read the conflicts");
	while (git_index_conflict_next(&a, &o, &t, it) == 0) {
		ALLOC_GROW(res, nr + 1, alloc);
		res[nr++] = xstrdup(o ? o->path : t ? t->path : a->path);
	}
	git_error_clear();
	git_index_conflict_iterator_free(it);
	strvec_sort(res, nr);
	*paths = res;
	*n = nr;
	return 0;
}

int vcs_conflicts(struct vcs *v, char ***paths, size_t *n, struct strbuf *err)
{
	git_index *idx;
	int rc;

	*paths = NULL;
	*n = 0;
	if (git_repository_index(&idx, v->repo) < 0 || git_index_read(idx, 0) < 0)
		return vcs_error(err, "cannot read the index");
	rc = S_list_conflicts(idx, paths, n, err);
	git_index_free(idx);
	return rc;
}

/* Stage one resolved file: its bytes, or the work tree's. */
static int S_stage(git_index *idx, const struct vcs_file *f)
{
	git_index_entry entry;

	if (!f->data)
		return git_index_add_bypath(idx, f->path);
	memset(&entry, 0, sizeof(entry));
	entry.mode = GIT_FILEMODE_BLOB;
	entry.path = f->path;
	return git_index_add_from_buffer(idx, &entry, f->data, f->len);
}

/* The merge's message: MERGE_MSG without git's comment lines, then extra. */
static void S_message(git_repository *repo, const char *extra, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, raw = STRBUF_INIT, err = STRBUF_INIT;
	const char *p, *end;

	S_git_file(repo, "MERGE_MSG", &path);
	read_file(path.buf, &raw, 1 << 20, &err);
	for (p = raw.buf; *p; p = end) {
		end = strchr(p, '\n');
		end = end ? end + 1 : p + strlen(p);
		if (*p != '#')
			strbuf_add(out, p, (size_t)(end - p));
	}
	strbuf_trim(out);
	if (!out->len)
		strbuf_addstr(out, "journal: merge origin/main");
	strbuf_addch(out, '\n');
	if (extra && *extra)
		strbuf_addf(out, "\n%s\n", extra);
	strbuf_release(&path);
	strbuf_release(&raw);
	strbuf_release(&err);
}

static int S_still_conflicted(git_index *idx, struct strbuf *err)
{
	char **paths;
	size_t n, i;

	if (S_list_conflicts(idx, &paths, &n, err) < 0)
		return -1;
	strbuf_addstr(err, "the merge still has conflicts in");
	for (i = 0; i < n; i++) {
		strbuf_addf(err, "%s %s", i ? "," : "", paths[i]);
		free(paths[i]);
	}
	strbuf_addstr(err, ": resolve them and commit them too");
	free(paths);
	return -1;
}

static int S_complete(struct vcs *v, git_index *idx, const struct vcs_file *files, size_t n,
		      const char *extra, const struct vcs_identity *who, struct strbuf *subject,
		      struct strbuf *err)
{
	git_repository *repo = v->repo;
	git_signature *author = NULL, *committer = NULL;
	git_commit *ours = NULL, *theirs = NULL;
	git_tree *tree = NULL, *unused = NULL;
	struct strbuf hex = STRBUF_INIT, msg = STRBUF_INIT;
	const git_commit *parents[2];
	git_oid their_id, tree_id, id;
	size_t i;
	int rc = -1;

	for (i = 0; i < n; i++)
		if (S_stage(idx, &files[i]) < 0) {
			vcs_error(err, files[i].path);
			goto out;
		}
	if (git_index_has_conflicts(idx)) {
		S_still_conflicted(idx, err);
		goto out;
	}
	S_read_git_file(repo, "MERGE_HEAD", &hex);
	if (vcs_signature(&author, "AUTHOR", who, err) < 0 ||
	    vcs_signature(&committer, "COMMITTER", who, err) < 0)
		goto out;
	if (git_oid_fromstr(&their_id, hex.buf) < 0 || vcs_head_tree(repo, &ours, &unused) < 0 ||
	    !ours || git_commit_lookup(&theirs, repo, &their_id) < 0 ||
	    git_index_write_tree(&tree_id, idx) < 0 || git_tree_lookup(&tree, repo, &tree_id) < 0) {
		vcs_error(err, "cannot read the merge");
		goto out;
	}
	S_message(repo, extra, &msg);
	parents[0] = ours;
	parents[1] = theirs;
	if (git_commit_create(&id, repo, "HEAD", author, committer, NULL, msg.buf, tree, 2,
			      parents) < 0) {
		vcs_error(err, "cannot commit the merge");
		goto out;
	}
	if (vcs_landed(repo, &id, err) < 0)
		goto out;
	if (subject) {
		strbuf_reset(subject);
		strbuf_add(subject, msg.buf, strcspn(msg.buf, "\n"));
	}
	if (git_index_write(idx) < 0)
		git_error_clear(); /* committed; git status shows it until git refreshes */
	vcs_merge_state_clear(repo);
	rc = 0;
out:
	git_signature_free(author);
	git_signature_free(committer);
	git_commit_free(ours);
	git_commit_free(theirs);
	git_tree_free(tree);
	git_tree_free(unused);
	strbuf_release(&hex);
	strbuf_release(&msg);
	return rc;
}

int vcs_commit_merge(struct vcs *v, const struct vcs_file *files, size_t n, const char *extra,
		     const struct vcs_identity *who, struct strbuf *subject, struct strbuf *warn,
		     struct strbuf *err)
{
	struct vcs_turn turn = { -1 };
	struct strbuf what = STRBUF_INIT;
	git_index *idx = NULL;
	int rc = -1;

	if (vcs_turn_take(v->repo, &turn, warn, err) < 0)
		return -1;
	if (vcs_state(v, &what) != VCS_STATE_SYNC_MERGE) {
		strbuf_addstr(err, what.len ? what.buf : "no merge of notes sync is in progress");
	} else if (git_repository_index(&idx, v->repo) < 0 || git_index_read(idx, 1) < 0) {
		vcs_error(err, "cannot read the index");
	} else {
		rc = S_complete(v, idx, files, n, extra, who, subject, err);
	}
	git_index_free(idx);
	strbuf_release(&what);
	vcs_turn_give(&turn);
	return rc;
}
