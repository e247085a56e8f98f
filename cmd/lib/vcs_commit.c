/* vcs_commit.c - commit chosen files on top of HEAD, and who and when. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "vcs.h"
#include "vcs_internal.h"
#include <git2/sys/repository.h>
#include "vcs_merge.h"
#include "xalloc.h"

#define COMMIT_TRIES 50

int vcs_signature(git_signature **out, const char *role, const struct vcs_identity *who,
		  struct strbuf *err)
{
	char key[32];
	const char *name, *email, *date, *clock = getenv("NOTES_NOW");
	int64_t secs;
	int offset;
	notes_time now;

	snprintf(key, sizeof(key), "GIT_%s_NAME", role);
	name = getenv(key);
	snprintf(key, sizeof(key), "GIT_%s_EMAIL", role);
	email = getenv(key);
	snprintf(key, sizeof(key), "GIT_%s_DATE", role);
	date = getenv(key);
	if (!name || !*name)
		name = who && who->name ? who->name : "notes";
	if (!email || !*email)
		email = who && who->email ? who->email : "notes@localhost";
	if (date && *date) {
		if (date_parse_git(date, &secs, &offset) < 0) {
			strbuf_addf(err, "%s is not a date git understands", key);
			return -1;
		}
	} else if (clock && *clock) {
		if (date_now(&now) < 0) {
			strbuf_addstr(err, "NOTES_NOW is not YYYY-MM-DDTHH:MM");
			return -1;
		}
		date_local_to_epoch(now, &secs, &offset);
	} else {
		struct tm tm;
		time_t t = time(NULL);
		localtime_r(&t, &tm);
		secs = t;
		offset = (int)(tm.tm_gmtoff / 60);
	}
	if (git_signature_new(out, name, email, (git_time_t)secs, offset) < 0)
		return vcs_error(err, "bad author or committer");
	return 0;
}

/*
 * The tree base with path set to blob (removed when blob is NULL), written
 * through tree builders along the path only, so a commit costs the size of
 * the directories it touches, not of the journal. *empty tells that the
 * result holds nothing.
 */
static int S_tree_with(git_repository *repo, const git_tree *base, const char *path,
		       const git_oid *blob, git_filemode_t mode, git_oid *out, bool *empty)
{
	const char *slash = strchr(path, '/');
	git_treebuilder *tb = NULL;
	git_tree *sub = NULL;
	char *dir = NULL;
	int rc = -1;

	if (git_treebuilder_new(&tb, repo, base) < 0)
		return -1;
	if (!slash) {
		rc = blob ? git_treebuilder_insert(NULL, tb, path, blob, mode)
			  : (git_treebuilder_get(tb, path) ? git_treebuilder_remove(tb, path) : 0);
	} else {
		const git_tree_entry *e;
		git_oid sub_id;
		bool sub_empty = false;
		dir = xstrndup(path, (size_t)(slash - path));
		e = base ? git_tree_entry_byname(base, dir) : NULL;
		if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&sub, repo, git_tree_entry_id(e)) < 0)
			goto out;
		if (S_tree_with(repo, sub, slash + 1, blob, mode, &sub_id, &sub_empty) < 0)
			goto out;
		if (sub_empty)
			rc = git_treebuilder_get(tb, dir) ? git_treebuilder_remove(tb, dir) : 0;
		else
			rc = git_treebuilder_insert(NULL, tb, dir, &sub_id, GIT_FILEMODE_TREE);
	}
	if (rc == 0) {
		*empty = git_treebuilder_entrycount(tb) == 0;
		rc = git_treebuilder_write(out, tb);
	}
out:
	free(dir);
	git_tree_free(sub);
	git_treebuilder_free(tb);
	return rc < 0 ? -1 : 0;
}

/* The blob and mode of one file to commit; blob NULL: remove it. */
static int S_file_blob(git_repository *repo, const struct vcs_file *f, git_oid *oid,
		       git_filemode_t *mode, bool *present, struct strbuf *err)
{
	struct strbuf full = STRBUF_INIT;
	struct stat st;
	int rc = 0;

	strbuf_addf(&full, "%s%s", git_repository_workdir(repo), f->path);
	*present = true;
	if (lstat(full.buf, &st) < 0) {
		if (errno == ENOENT && !f->data)
			*present = false;
		else
			rc = -1, strbuf_addf(err, "%s: %s", f->path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		strbuf_addf(err, "%s is not a regular file", f->path);
		rc = -1;
	} else {
		*mode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
		if ((f->data ? git_blob_create_from_buffer(oid, repo, f->data, f->len)
			     : git_blob_create_from_workdir(oid, repo, f->path)) < 0)
			rc = vcs_error(err, f->path);
	}
	strbuf_release(&full);
	return rc;
}

/* What a commit changes: files, and paths (files or directories) removed. */
struct changes {
	const struct vcs_file *files;
	size_t n;
	const char *const *removed;
	size_t nremoved;
};

/* Build the tree of HEAD with the given changes. */
static int S_build_tree(git_repository *repo, git_tree *head, const struct changes *c,
			git_oid *tree_oid, struct strbuf *err)
{
	git_tree *base = head, *next = NULL;
	size_t i, total = c->nremoved + c->n;
	int rc = 0;

	if (!total && head)
		git_oid_cpy(tree_oid, git_tree_id(head));
	for (i = 0; i < total && rc == 0; i++) {
		bool removing = i < c->nremoved;
		const struct vcs_file *f = removing ? NULL : &c->files[i - c->nremoved];
		const char *path = f ? f->path : c->removed ? c->removed[i] : "";
		git_oid blob;
		git_filemode_t mode = GIT_FILEMODE_BLOB;
		bool present = false, empty;
		if (f)
			rc = S_file_blob(repo, f, &blob, &mode, &present, err);
		if (rc == 0 && S_tree_with(repo, base, path, present ? &blob : NULL, mode, tree_oid,
					   &empty) < 0)
			rc = vcs_error(err, "cannot build the commit's tree");
		if (rc == 0 && i + 1 < total) {
			if (git_tree_lookup(&next, repo, tree_oid) < 0)
				rc = vcs_error(err, "cannot read the new tree");
			if (base != head)
				git_tree_free(base);
			base = next;
		}
	}
	if (base != head)
		git_tree_free(base);
	return rc;
}

/* Stage one committed file: the bytes committed (an editor may have saved
 * newer ones since: they show as a change not staged), else the work tree. */
static int S_stage(git_index *idx, const struct vcs_file *f)
{
	git_index_entry entry;

	if (!f->data)
		return git_index_add_bypath(idx, f->path) < 0
			       ? git_index_remove_bypath(idx, f->path)
			       : 0;
	memset(&entry, 0, sizeof(entry));
	entry.mode = GIT_FILEMODE_BLOB;
	entry.path = f->path;
	return git_index_add_from_buffer(idx, &entry, f->data, f->len);
}

/* Copy the file at from to to (none at to when from is missing). */
static int S_copy(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC), out;
	ssize_t n = 0;

	if (in < 0)
		return errno == ENOENT && (unlink(to) == 0 || errno == ENOENT) ? 0 : -1;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	close(in);
	return close(out) < 0 || n < 0 ? -1 : 0;
}

/*
 * Stage the files committed, under index.lock as git takes it, but made
 * by notes (vcs_turn_lock_index) so that a kill leaves a lock the next
 * notes process knows for its own: the index is copied, changed and
 * written through libgit2 beside it, then renamed over the index while
 * the lock is held.
 */
static int S_index_once(struct vcs *v, const struct changes *c)
{
	const char *gitdir = git_repository_path(v->repo);
	struct strbuf tmp = STRBUF_INIT, index = STRBUF_INIT, why = STRBUF_INIT;
	git_index *idx = NULL;
	size_t i;
	int ok;

	if (vcs_turn_lock_index(v, &why) < 0) {
		strbuf_release(&why);
		return -1;
	}
	strbuf_addf(&tmp, "%snotes-index-%ld", gitdir, (long)getpid());
	strbuf_addf(&index, "%sindex", gitdir);
	ok = S_copy(index.buf, tmp.buf) == 0 && git_index_open(&idx, tmp.buf) == 0 &&
	     git_repository_set_index(v->repo, idx) == 0;
	for (i = 0; i < c->nremoved && ok; i++)
		ok = git_index_remove_bypath(idx, c->removed[i]) == 0 &&
		     git_index_remove_directory(idx, c->removed[i], 0) == 0;
	for (i = 0; i < c->n && ok; i++)
		ok = S_stage(idx, &c->files[i]) == 0;
	ok = ok && git_index_write(idx) == 0 && rename(tmp.buf, index.buf) == 0;
	if (!ok)
		unlink(tmp.buf);
	git_repository_set_index(v->repo, NULL);
	git_index_free(idx);
	git_error_clear();
	vcs_turn_unlock_index(v);
	strbuf_release(&tmp);
	strbuf_release(&index);
	strbuf_release(&why);
	return ok ? 0 : -1;
}

static void S_update_index(struct vcs *v, const struct changes *c, struct strbuf *warn)
{
	int tries;

	for (tries = 0; tries < COMMIT_TRIES; tries++) {
		if (S_index_once(v, c) == 0)
			return;
		usleep(20000 + (useconds_t)(rand() % 20000));
	}
	strbuf_addf(warn,
		    "warning: committed, but the index stayed locked (%sindex.lock): "
		    "git status shows the note as changed until git updates the index\n",
		    git_repository_path(v->repo));
}

/*
 * Move the branch HEAD names (HEAD itself when detached) from parent (NULL:
 * none yet) to id, in a libgit2 transaction whose lock is recorded in
 * the turn. -2 when the branch moved or is locked: try again.
 */
static int S_move_branch(struct vcs *v, const git_oid *id, const git_commit *parent,
			 const char *message, const git_signature *who, struct strbuf *err)
{
	git_reference *head = NULL;
	git_transaction *tx = NULL;
	struct strbuf name = STRBUF_INIT, lock = STRBUF_INIT, log = STRBUF_INIT;
	git_oid cur;
	int rc = -1, got;

	if (git_reference_lookup(&head, v->repo, "HEAD") < 0)
		return vcs_error(err, "cannot read HEAD");
	strbuf_addstr(&name, git_reference_type(head) == GIT_REFERENCE_SYMBOLIC
				     ? git_reference_symbolic_target(head)
				     : "HEAD");
	git_reference_free(head);
	strbuf_addf(&lock, "%s.lock", name.buf);
	strbuf_addf(&log, "commit%s: %.*s", parent ? "" : " (initial)", (int)strcspn(message, "\n"),
		    message);
	if (vcs_turn_pending(v, lock.buf) < 0 || git_transaction_new(&tx, v->repo) < 0) {
		vcs_error(err, "cannot update the branch");
		goto out;
	}
	got = git_transaction_lock_ref(tx, name.buf);
	vcs_turn_locked(v, lock.buf);
	if (got == GIT_ELOCKED) {
		rc = -2;
		goto out;
	} else if (got < 0) {
		vcs_error(err, "cannot lock the branch");
		goto out;
	}
	got = git_reference_name_to_id(&cur, v->repo, name.buf);
	if (parent ? got < 0 || !git_oid_equal(&cur, git_commit_id(parent)) : got == 0) {
		rc = -2; /* someone else committed: build again on top */
		goto out;
	}
	if (git_transaction_set_target(tx, name.buf, id, who, log.buf) < 0 ||
	    git_transaction_commit(tx) < 0)
		vcs_error(err, "cannot update the branch");
	else
		rc = 0;
out:
	git_transaction_free(tx); /* unlocks what it did not commit */
	vcs_turn_unlocked(v, lock.buf);
	git_error_clear();
	strbuf_release(&name);
	strbuf_release(&lock);
	strbuf_release(&log);
	return rc;
}

static int S_try_commit(struct vcs *v, const struct changes *c, const char *message,
			git_signature *author, git_signature *committer, struct strbuf *err)
{
	git_commit *head;
	git_tree *head_tree, *tree = NULL;
	git_oid tree_oid, oid;
	const git_commit *parents[1];
	int rc;

	if (vcs_head_tree(v->repo, &head, &head_tree) < 0)
		return vcs_error(err, "cannot read HEAD");
	rc = S_build_tree(v->repo, head_tree, c, &tree_oid, err);
	if (rc == 0 && head_tree && git_oid_equal(&tree_oid, git_tree_id(head_tree)))
		rc = 1;
	if (rc == 0 && git_tree_lookup(&tree, v->repo, &tree_oid) < 0)
		rc = vcs_error(err, "cannot read the new tree");
	if (rc == 0) {
		parents[0] = head;
		rc = git_commit_create(&oid, v->repo, NULL, author, committer, NULL, message, tree,
				       head ? 1 : 0, parents);
		if (rc < 0)
			rc = vcs_error(err, "cannot commit");
		/* libgit2 1.5 may say 0 for a commit it could not write: the
		 * object is there before the branch moves, the branch at it after */
		else if ((rc = vcs_landed(v->repo, &oid, NULL, err)) == 0 &&
			 /* -2: someone else committed or holds the lock: try again */
			 (rc = S_move_branch(v, &oid, head, message, committer, err)) == 0)
			rc = vcs_landed(v->repo, &oid, "HEAD", err);
	}
	git_tree_free(tree);
	git_tree_free(head_tree);
	git_commit_free(head);
	return rc;
}

/* As git does, no commit while a merge (or a rebase, a cherry-pick...) is
 * in progress or the index has conflicts: a commit of HEAD's tree plus a
 * few files would drop the merge's other parent and half its result. */
int vcs_refuse_state(struct vcs *v, struct strbuf *err)
{
	struct strbuf what = STRBUF_INIT;
	enum vcs_state st = vcs_state(v, &what);

	if (st == VCS_STATE_SYNC_MERGE)
		strbuf_addstr(err, "a merge of notes sync is in progress: resolve its conflicts "
				   "and commit the notes (notes commit) first");
	else if (st == VCS_STATE_OTHER)
		strbuf_addbuf(err, &what);
	strbuf_release(&what);
	return st == VCS_STATE_CLEAN ? 0 : -1;
}

static int S_any_ref(git_reference *ref, void *data)
{
	(void)data;
	git_reference_free(ref);
	return 1; /* one is enough */
}

/*
 * HEAD on a branch that does not exist while the repository has other
 * refs (a typo in git symbolic-ref, a branch deleted): a commit would
 * start a new root history beside the journal's. Only a repository
 * without any ref yet (notes init) takes a first commit.
 */
static int S_refuse_orphan(git_repository *repo, struct strbuf *err)
{
	git_reference *head = NULL;
	int unborn = git_repository_head_unborn(repo), rc = 0;

	if (unborn == 1 && git_reference_foreach(repo, S_any_ref, NULL) == 1) {
		const char *target = "HEAD";
		if (git_reference_lookup(&head, repo, "HEAD") == 0 &&
		    git_reference_type(head) == GIT_REFERENCE_SYMBOLIC)
			target = git_reference_symbolic_target(head);
		strbuf_addf(err,
			    "HEAD names %s, which does not exist, while the repository has "
			    "other branches: notes starts no new history beside them (switch "
			    "to the journal's branch first: git switch <branch>)",
			    target);
		rc = -1;
	}
	git_reference_free(head);
	git_error_clear();
	return rc;
}

int vcs_commit(struct vcs *v, const struct vcs_file *files, size_t n, const char *message,
	       const struct vcs_identity *who, struct strbuf *warn, struct strbuf *err)
{
	return vcs_commit_removing(v, NULL, 0, files, n, message, who, warn, err);
}

int vcs_commit_removing(struct vcs *v, const char *const *removed, size_t nremoved,
			const struct vcs_file *files, size_t n, const char *message,
			const struct vcs_identity *who, struct strbuf *warn, struct strbuf *err)
{
	struct changes c = { files, n, removed, nremoved };
	git_signature *author = NULL, *committer = NULL;
	int rc = -1, tries;

	if (vcs_signature(&author, "AUTHOR", who, err) < 0 ||
	    vcs_signature(&committer, "COMMITTER", who, err) < 0)
		goto out;
	if (vcs_turn_hold(v, warn, err) < 0)
		goto out;
	if (vcs_refuse_state(v, err) < 0 || S_refuse_orphan(v->repo, err) < 0) {
		vcs_turn_release(v);
		goto out;
	}
	srand((unsigned)getpid());
	for (tries = 0; tries < COMMIT_TRIES; tries++) {
		rc = S_try_commit(v, &c, message, author, committer, err);
		if (rc != -2)
			break;
		usleep(10000 + (useconds_t)(rand() % (10000 * (tries < 10 ? tries + 1 : 10))));
	}
	if (rc == -2) {
		strbuf_addf(
			err,
			"the branch stayed locked (%srefs/heads/*.lock): if no git "
			"command is running, one was killed; remove the lock file and try again",
			git_repository_path(v->repo));
		rc = -1;
	}
	if (rc >= 0)
		S_update_index(v, &c, warn);
	vcs_turn_release(v);
out:
	git_signature_free(author);
	git_signature_free(committer);
	return rc;
}
