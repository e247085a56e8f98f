/* vcs_merge.c - bring origin/main into main: fast-forward, or a merge
 * commit with both parents, files merged three-way (libgit2's merge API). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "strvec.h"
#include "vcs_internal.h"
#include "vcs_merge.h"
#include "vcs_remote.h"
#include "xalloc.h"

#define MAIN "refs/heads/main"
#define ORIGIN_MAIN "refs/remotes/origin/main"

struct merge {
	struct vcs *v;
	vcs_merge_file_fn fn;
	void *data;
	struct vcs_merge_result *res;
	/* the conflicted files that get fn's markers instead of git's */
	char **marked_paths;
	struct strbuf *marked;
	size_t nmarked, alloc_paths, alloc_marked;
};

static void S_add_path(char ***list, size_t *n, const char *path)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = xstrdup(path);
}

void vcs_merge_result_release(struct vcs_merge_result *res)
{
	size_t i;

	for (i = 0; i < res->nconflicts; i++)
		free(res->conflicts[i]);
	for (i = 0; i < res->nby_items; i++)
		free(res->by_items[i]);
	free(res->conflicts);
	free(res->by_items);
	memset(res, 0, sizeof(*res));
}

/* HEAD must be main: the branch that the remote's main is merged into. */
static int S_head_is_main(git_repository *repo, struct strbuf *err)
{
	git_reference *head;
	int ok;

	if (git_reference_lookup(&head, repo, "HEAD") < 0)
		return vcs_error(err, "cannot read HEAD");
	ok = git_reference_type(head) == GIT_REFERENCE_SYMBOLIC &&
	     !strcmp(git_reference_symbolic_target(head), MAIN);
	git_reference_free(head);
	if (!ok) {
		strbuf_addstr(err, "HEAD is not on branch main (git switch main)");
		return -1;
	}
	return 0;
}

static void S_blob_of(git_repository *repo, const git_index_entry *e, git_blob **blob,
		      struct vcs_blob *out)
{
	out->data = NULL;
	out->len = 0;
	*blob = NULL;
	if (e && git_blob_lookup(blob, repo, &e->id) == 0) {
		out->data = git_blob_rawcontent(*blob);
		out->len = (size_t)git_blob_rawsize(*blob);
		if (!out->data)
			out->data = "";
	}
}

/* Merge one conflicted file through fn; 1 when it stays a conflict. */
static int S_resolve_one(struct merge *m, git_index *idx, const git_index_entry *anc,
			 const git_index_entry *ours, const git_index_entry *theirs)
{
	git_repository *repo = m->v->repo;
	git_blob *ba, *bo, *bt;
	struct vcs_blob a, o, t;
	struct strbuf out = STRBUF_INIT;
	git_index_entry entry;
	const char *path = ours->path;
	int rc;

	S_blob_of(repo, anc, &ba, &a);
	S_blob_of(repo, ours, &bo, &o);
	S_blob_of(repo, theirs, &bt, &t);
	rc = o.data && t.data ? m->fn(path, &a, &o, &t, &out, m->data) : -1;
	if (rc == 0) {
		memset(&entry, 0, sizeof(entry));
		entry.mode = ours->mode;
		entry.path = path;
		if (git_blob_create_from_buffer(&entry.id, repo, out.buf, out.len) < 0 ||
		    git_index_conflict_remove(idx, path) < 0 || git_index_add(idx, &entry) < 0)
			rc = -2;
		else
			S_add_path(&m->res->by_items, &m->res->nby_items, path);
	} else if (rc > 0) {
		ALLOC_GROW(m->marked_paths, m->nmarked + 1, m->alloc_paths);
		ALLOC_GROW(m->marked, m->nmarked + 1, m->alloc_marked);
		m->marked_paths[m->nmarked] = xstrdup(path);
		m->marked[m->nmarked++] = out;
		strbuf_init(&out, 0);
	}
	strbuf_release(&out);
	git_blob_free(ba);
	git_blob_free(bo);
	git_blob_free(bt);
	return rc == -2 ? -1 : rc != 0;
}

/* Resolve what fn can of the conflicts git_merge_trees left; the rest
 * go to res->conflicts. */
static int S_resolve(struct merge *m, git_index *idx, struct strbuf *err)
{
	git_index_conflict_iterator *it;
	const git_index_entry *a, *o, *t;
	git_index_entry **copies = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = 0;

	/* the index changes as conflicts are resolved: collect them first */
	if (git_index_conflict_iterator_new(&it, idx) < 0)
		return vcs_error(err, "cannot read the merge's conflicts");
	while (git_index_conflict_next(&a, &o, &t, it) == 0) {
		ALLOC_GROW(copies, 3 * (n + 1), alloc);
		copies[3 * n] = a ? xmalloc(sizeof(*a)) : NULL;
		copies[3 * n + 1] = o ? xmalloc(sizeof(*o)) : NULL;
		copies[3 * n + 2] = t ? xmalloc(sizeof(*t)) : NULL;
		if (a)
			*copies[3 * n] = *a, copies[3 * n]->path = xstrdup(a->path);
		if (o)
			*copies[3 * n + 1] = *o, copies[3 * n + 1]->path = xstrdup(o->path);
		if (t)
			*copies[3 * n + 2] = *t, copies[3 * n + 2]->path = xstrdup(t->path);
		n++;
	}
	git_error_clear();
	git_index_conflict_iterator_free(it);
	for (i = 0; i < n; i++) {
		git_index_entry **c = copies + 3 * i;
		const git_index_entry *some = c[1] ? c[1] : c[2] ? c[2] : c[0];
		const char *path = some ? some->path : "";
		int one = c[1] && c[2] ? S_resolve_one(m, idx, c[0], c[1], c[2]) : 1;
		if (one < 0 && rc == 0)
			rc = vcs_error(err, path);
		else if (one > 0)
			S_add_path(&m->res->conflicts, &m->res->nconflicts, path);
	}
	for (i = 0; i < 3 * n; i++) {
		if (copies[i])
			free((char *)copies[i]->path);
		free(copies[i]);
	}
	free(copies);
	strvec_sort(m->res->conflicts, m->res->nconflicts);
	return rc;
}

static int S_checkout_tree(git_repository *repo, const git_oid *commit_id, struct strbuf *err)
{
	git_checkout_options opts;
	git_commit *commit;
	int rc = 0;

	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	opts.checkout_strategy = GIT_CHECKOUT_SAFE;
	if (git_commit_lookup(&commit, repo, commit_id) < 0 ||
	    git_checkout_tree(repo, (git_object *)commit, &opts) < 0)
		rc = vcs_error(err, "cannot update the work tree (a changed or untracked file "
				    "is in the way)");
	git_commit_free(commit);
	return rc;
}

static int S_move_main(git_repository *repo, const git_oid *to, const git_oid *from,
		       const char *why, struct strbuf *err)
{
	git_reference *ref;

	if (git_reference_create_matching(&ref, repo, MAIN, to, 1, from, why) < 0)
		return vcs_error(err, "cannot move main (did a commit land meanwhile?)");
	git_reference_free(ref);
	return 0;
}

static void S_git_file(git_repository *repo, const char *name, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s%s", git_repository_path(repo), name);
}

/* MERGE_HEAD, MERGE_MSG and MERGE_MODE as git writes them, and notes'
 * own mark that this merge is sync's (vcs_state). */
static int S_write_merge_state(git_repository *repo, const git_oid *theirs, const char *message,
			       const struct vcs_merge_result *res, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;
	char hex[GIT_OID_HEXSZ + 1];
	size_t i;
	int rc;

	git_oid_tostr(hex, sizeof(hex), theirs);
	strbuf_addf(&buf, "%s\n", hex);
	S_git_file(repo, "MERGE_HEAD", &path);
	rc = write_file_atomic(path.buf, buf.buf, buf.len, 0666, 0, err);
	S_git_file(repo, "notes-merge", &path);
	if (rc == 0)
		rc = write_file_atomic(path.buf, buf.buf, buf.len, 0666, 0, err);
	S_git_file(repo, "MERGE_MODE", &path);
	if (rc == 0)
		rc = write_file_atomic(path.buf, "", 0, 0666, 0, err);
	strbuf_reset(&buf);
	strbuf_addstr(&buf, message);
	if (buf.len && buf.buf[buf.len - 1] != '\n')
		strbuf_addch(&buf, '\n');
	strbuf_addstr(&buf, "\n# Conflicts:\n");
	for (i = 0; i < res->nconflicts; i++)
		strbuf_addf(&buf, "#\t%s\n", res->conflicts[i]);
	S_git_file(repo, "MERGE_MSG", &path);
	if (rc == 0)
		rc = write_file_atomic(path.buf, buf.buf, buf.len, 0666, 0, err);
	strbuf_release(&path);
	strbuf_release(&buf);
	return rc;
}

/* Leave the merge in progress: the index with its conflicts, the work
 * tree with the merged files and the conflicted ones with markers. */
static int S_leave_conflicts(struct merge *m, git_index *idx, const git_oid *theirs,
			     const char *message, struct strbuf *err)
{
	git_repository *repo = m->v->repo;
	git_checkout_options opts;
	struct strbuf path = STRBUF_INIT;
	size_t i;
	int rc;

	if (S_write_merge_state(repo, theirs, message, m->res, err) < 0)
		return -1;
	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	opts.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_CONFLICT_STYLE_MERGE;
	opts.our_label = VCS_OURS_LABEL;
	opts.their_label = VCS_THEIRS_LABEL;
	rc = git_checkout_index(repo, idx, &opts);
	if (rc < 0) {
		vcs_error(err, "cannot update the work tree (a changed or untracked file is in "
			       "the way)");
		vcs_merge_state_clear(repo);
		return -1;
	}
	for (i = 0; i < m->nmarked && rc == 0; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s", git_repository_workdir(repo), m->marked_paths[i]);
		rc = write_file_atomic(path.buf, m->marked[i].buf, m->marked[i].len, 0666, 0, err);
	}
	strbuf_release(&path);
	return rc;
}

static int S_merge_commit(struct merge *m, git_index *idx, git_commit *ours, git_commit *theirs,
			  const char *message, const struct vcs_identity *who, struct strbuf *err)
{
	git_repository *repo = m->v->repo;
	git_signature *author = NULL, *committer = NULL;
	const git_commit *parents[2] = { ours, theirs };
	git_tree *tree = NULL;
	git_oid tree_id, id;
	int rc = -1;

	if (vcs_signature(&author, "AUTHOR", who, err) < 0 ||
	    vcs_signature(&committer, "COMMITTER", who, err) < 0)
		goto out;
	if (git_index_write_tree_to(&tree_id, idx, repo) < 0 ||
	    git_tree_lookup(&tree, repo, &tree_id) < 0 ||
	    git_commit_create(&id, repo, NULL, author, committer, NULL, message, tree, 2, parents) <
		    0) {
		vcs_error(err, "cannot make the merge commit");
		goto out;
	}
	if (vcs_landed(repo, &id, err) < 0 || S_checkout_tree(repo, &id, err) < 0)
		goto out;
	rc = S_move_main(repo, &id, git_commit_id(ours), "notes sync: merge origin/main", err);
out:
	git_tree_free(tree);
	git_signature_free(author);
	git_signature_free(committer);
	return rc;
}

static int S_three_way(struct merge *m, git_commit *ours, git_commit *theirs, const char *message,
		       const struct vcs_identity *who, struct strbuf *err)
{
	git_repository *repo = m->v->repo;
	git_merge_options opts;
	git_tree *ta = NULL, *to = NULL, *tt = NULL;
	git_commit *base = NULL;
	git_index *idx = NULL;
	git_oid base_id;
	int rc = -1;

	if (git_merge_base(&base_id, repo, git_commit_id(ours), git_commit_id(theirs)) < 0) {
		git_error_clear();
		strbuf_addstr(err,
			      "the remote's history has nothing in common with this journal's");
		return -1;
	}
	git_merge_options_init(&opts, GIT_MERGE_OPTIONS_VERSION);
	opts.flags = 0; /* two notes alike are not a rename of one another */
	if (git_commit_lookup(&base, repo, &base_id) < 0 || git_commit_tree(&ta, base) < 0 ||
	    git_commit_tree(&to, ours) < 0 || git_commit_tree(&tt, theirs) < 0 ||
	    git_merge_trees(&idx, repo, ta, to, tt, &opts) < 0) {
		vcs_error(err, "cannot merge");
		goto out;
	}
	if (git_index_has_conflicts(idx) && S_resolve(m, idx, err) < 0)
		goto out;
	if (m->res->nconflicts) {
		m->res->outcome = VCS_MERGE_CONFLICT;
		rc = S_leave_conflicts(m, idx, git_commit_id(theirs), message, err);
	} else {
		m->res->outcome = VCS_MERGE_MERGED;
		rc = S_merge_commit(m, idx, ours, theirs, message, who, err);
	}
out:
	git_index_free(idx);
	git_tree_free(ta);
	git_tree_free(to);
	git_tree_free(tt);
	git_commit_free(base);
	return rc;
}

static int S_merge(struct merge *m, const char *message, const struct vcs_identity *who,
		   struct strbuf *err)
{
	git_repository *repo = m->v->repo;
	git_commit *ours = NULL, *theirs = NULL;
	git_tree *unused = NULL;
	git_oid their_id;
	char a[41], b[41];
	int rc = -1;

	if (S_head_is_main(repo, err) < 0)
		return -1;
	if (git_reference_name_to_id(&their_id, repo, ORIGIN_MAIN) < 0) {
		git_error_clear();
		m->res->outcome = VCS_MERGE_AHEAD; /* an empty remote */
		return 0;
	}
	if (vcs_head_tree(repo, &ours, &unused) < 0 ||
	    git_commit_lookup(&theirs, repo, &their_id) < 0) {
		vcs_error(err, "cannot read the commits to merge");
		goto out;
	}
	git_oid_tostr(b, sizeof(b), &their_id);
	*a = '\0';
	if (ours)
		git_oid_tostr(a, sizeof(a), git_commit_id(ours));
	m->res->fetched = vcs_count_new(m->v, b, a);
	if (ours && git_oid_equal(git_commit_id(ours), &their_id)) {
		m->res->outcome = VCS_MERGE_UP_TO_DATE;
		rc = 0;
	} else if (ours && git_graph_descendant_of(repo, git_commit_id(ours), &their_id) == 1) {
		m->res->outcome = VCS_MERGE_AHEAD;
		rc = 0;
	} else if (!ours || git_graph_descendant_of(repo, &their_id, git_commit_id(ours)) == 1) {
		m->res->outcome = VCS_MERGE_FAST_FORWARD;
		rc = S_checkout_tree(repo, &their_id, err);
		if (rc == 0)
			rc = S_move_main(repo, &their_id, ours ? git_commit_id(ours) : NULL,
					 "notes sync: fast-forward", err);
	} else {
		rc = S_three_way(m, ours, theirs, message, who, err);
	}
	git_error_clear();
out:
	git_tree_free(unused);
	git_commit_free(ours);
	git_commit_free(theirs);
	return rc;
}

int vcs_merge_origin(struct vcs *v, vcs_merge_file_fn fn, void *data, const char *message,
		     const struct vcs_identity *who, struct vcs_merge_result *res,
		     struct strbuf *warn, struct strbuf *err)
{
	struct merge m = { v, fn, data, res, NULL, NULL, 0, 0, 0 };
	struct vcs_turn turn = { -1 };
	struct strbuf what = STRBUF_INIT;
	size_t i;
	int rc;

	memset(res, 0, sizeof(*res));
	if (vcs_state(v, &what) != VCS_STATE_CLEAN) {
		strbuf_addbuf(err, &what);
		strbuf_release(&what);
		return -1;
	}
	strbuf_release(&what);
	if (vcs_turn_take(v->repo, &turn, warn, err) < 0)
		return -1;
	rc = S_merge(&m, message, who, err);
	vcs_turn_give(&turn);
	for (i = 0; i < m.nmarked; i++) {
		free(m.marked_paths[i]);
		strbuf_release(&m.marked[i]);
	}
	free(m.marked_paths);
	free(m.marked);
	return rc;
}
