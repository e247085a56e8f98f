/* vcs_replay.c - the history of one directory of a repository, replayed
 * as the whole history of another (a person's notes, into a pair journal). */
#include <stdlib.h>
#include <string.h>

#include "vcs_internal.h"
#include "vcs_replay.h"
#include "xalloc.h"

/* Commits of the source mapped to those of the replay (zero: none yet). */
struct oidmap {
	git_oid *keys, *values;
	size_t size, n; /* size: a power of two */
};

static size_t S_slot(const struct oidmap *m, const git_oid *key)
{
	size_t h, i;

	memcpy(&h, key->id, sizeof(h));
	for (i = h & (m->size - 1);
	     !git_oid_is_zero(&m->keys[i]) && !git_oid_equal(&m->keys[i], key);
	     i = (i + 1) & (m->size - 1))
		;
	return i;
}

static void S_map_put(struct oidmap *m, const git_oid *key, const git_oid *value)
{
	size_t i;

	if (2 * (m->n + 1) > m->size) {
		struct oidmap bigger = { NULL, NULL, m->size ? 2 * m->size : 256, 0 };
		bigger.keys = xcalloc(bigger.size, sizeof(*bigger.keys));
		bigger.values = xcalloc(bigger.size, sizeof(*bigger.values));
		for (i = 0; i < m->size; i++)
			if (!git_oid_is_zero(&m->keys[i]))
				S_map_put(&bigger, &m->keys[i], &m->values[i]);
		free(m->keys);
		free(m->values);
		*m = bigger;
	}
	i = S_slot(m, key);
	if (git_oid_is_zero(&m->keys[i]))
		m->n++;
	git_oid_cpy(&m->keys[i], key);
	git_oid_cpy(&m->values[i], value);
}

/* The replay of key; false when it has none. */
static bool S_map_get(const struct oidmap *m, const git_oid *key, git_oid *value)
{
	size_t i;

	if (!m->size)
		return false;
	i = S_slot(m, key);
	if (git_oid_is_zero(&m->keys[i]) || git_oid_is_zero(&m->values[i]))
		return false;
	git_oid_cpy(value, &m->values[i]);
	return true;
}

struct replay {
	git_repository *src, *dst;
	git_odb *src_odb, *dst_odb;
	const char *dir;
	git_oid extra_tree; /* .notes/ of the replay */
	struct oidmap map;
	size_t commits;
};

/* Copy an object and, for a tree, everything in it, unless dst has it. */
static int S_copy(struct replay *r, const git_oid *id)
{
	git_odb_object *obj;
	git_oid written;
	int rc = 0;

	if (git_odb_exists(r->dst_odb, id))
		return 0;
	if (git_odb_read(&obj, r->src_odb, id) < 0)
		return -1;
	if (git_odb_object_type(obj) == GIT_OBJECT_TREE) {
		git_tree *tree;
		size_t i, n;
		if (git_tree_lookup(&tree, r->src, id) < 0) {
			git_odb_object_free(obj);
			return -1;
		}
		n = git_tree_entrycount(tree);
		for (i = 0; i < n && rc == 0; i++) {
			const git_tree_entry *e = git_tree_entry_byindex(tree, i);
			/* a submodule's commit is not an object of this repository */
			if (git_tree_entry_type(e) != GIT_OBJECT_COMMIT)
				rc = S_copy(r, git_tree_entry_id(e));
		}
		git_tree_free(tree);
	}
	if (rc == 0 && git_odb_write(&written, r->dst_odb, git_odb_object_data(obj),
				     git_odb_object_size(obj), git_odb_object_type(obj)) < 0)
		rc = -1;
	git_odb_object_free(obj);
	return rc;
}

/* The replay's tree for a source commit: dir's entries at the root, and
 * .notes/ (the pair's config) beside them. */
static int S_tree(struct replay *r, git_commit *c, bool *has_dir, git_oid *out)
{
	git_tree *root = NULL, *sub = NULL;
	git_treebuilder *tb = NULL;
	const git_tree_entry *e;
	int rc = -1;

	*has_dir = false;
	if (git_commit_tree(&root, c) < 0)
		return -1;
	e = git_tree_entry_byname(root, r->dir);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		*has_dir = true;
		if (S_copy(r, git_tree_entry_id(e)) < 0 ||
		    git_tree_lookup(&sub, r->dst, git_tree_entry_id(e)) < 0)
			goto out;
	}
	if (git_treebuilder_new(&tb, r->dst, sub) < 0 ||
	    git_treebuilder_insert(NULL, tb, ".notes", &r->extra_tree, GIT_FILEMODE_TREE) < 0 ||
	    git_treebuilder_write(out, tb) < 0)
		goto out;
	rc = 0;
out:
	git_treebuilder_free(tb);
	git_tree_free(sub);
	git_tree_free(root);
	return rc;
}

/* Whether c changed anything but dir/ and .notes/ against its first parent. */
static bool S_changed_others(struct replay *r, git_commit *c)
{
	git_commit *parent = NULL;
	git_tree *now = NULL, *before = NULL;
	size_t i, n;
	bool res = false;

	if (git_commit_tree(&now, c) < 0)
		return true;
	if (git_commit_parentcount(c) &&
	    (git_commit_parent(&parent, c, 0) < 0 || git_commit_tree(&before, parent) < 0))
		res = true;
	n = git_tree_entrycount(now);
	for (i = 0; i < n && !res; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(now, i), *o;
		const char *name = git_tree_entry_name(e);
		if (!strcmp(name, r->dir) || !strcmp(name, ".notes"))
			continue;
		o = before ? git_tree_entry_byname(before, name) : NULL;
		res = !o || !git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(e));
	}
	n = before ? git_tree_entrycount(before) : 0;
	for (i = 0; i < n && !res; i++) {
		const char *name = git_tree_entry_name(git_tree_entry_byindex(before, i));
		res = strcmp(name, r->dir) && strcmp(name, ".notes") &&
		      !git_tree_entry_byname(now, name);
	}
	git_error_clear();
	git_tree_free(now);
	git_tree_free(before);
	git_commit_free(parent);
	return res;
}

/* The replayed parents of c, without one that another descends from. */
static size_t S_parents(struct replay *r, git_commit *c, git_oid *out, size_t max)
{
	size_t n = 0, k, j, np = git_commit_parentcount(c);

	for (k = 0; k < np && n < max; k++) {
		git_oid mapped;
		bool seen = false;
		if (!S_map_get(&r->map, git_commit_parent_id(c, (unsigned)k), &mapped))
			continue;
		for (j = 0; j < n; j++)
			seen = seen || git_oid_equal(&out[j], &mapped);
		if (!seen)
			git_oid_cpy(&out[n++], &mapped);
	}
	for (k = 0; k < n; k++)
		for (j = 0; j < n; j++)
			if (k != j && git_graph_descendant_of(r->dst, &out[j], &out[k]) == 1) {
				out[k] = out[--n];
				k = (size_t)-1; /* the list changed: start over (k++ makes it 0) */
				break;
			}
	git_error_clear();
	return n;
}

static int S_replay_one(struct replay *r, git_commit *c, struct strbuf *err)
{
	git_oid tree_id, parents_id[8], id, zero;
	const git_commit *parents[8];
	git_commit *pc[8] = { NULL };
	git_tree *tree = NULL, *ptree = NULL;
	struct strbuf msg = STRBUF_INIT;
	size_t np, k;
	bool has_dir;
	int rc = -1;

	memset(&zero, 0, sizeof(zero));
	np = S_parents(r, c, parents_id, 8);
	if (S_tree(r, c, &has_dir, &tree_id) < 0)
		return -1;
	if (!has_dir && !np) {
		S_map_put(&r->map, git_commit_id(c), &zero); /* the person has no notes yet */
		return 0;
	}
	for (k = 0; k < np; k++)
		if (git_commit_lookup(&pc[k], r->dst, &parents_id[k]) < 0)
			goto out;
	/* a commit that did not change the person's notes is not replayed */
	if (np == 1 && git_commit_tree(&ptree, pc[0]) == 0 &&
	    git_oid_equal(git_tree_id(ptree), &tree_id)) {
		S_map_put(&r->map, git_commit_id(c), &parents_id[0]);
		rc = 0;
		goto out;
	}
	if (S_changed_others(r, c))
		strbuf_addf(&msg,
			    "%s: the notes as a commit that also changed other files left "
			    "them\n",
			    r->dir);
	else
		strbuf_addstr(&msg, git_commit_message_raw(c));
	for (k = 0; k < np; k++)
		parents[k] = pc[k];
	if (git_tree_lookup(&tree, r->dst, &tree_id) < 0 ||
	    git_commit_create(&id, r->dst, NULL, git_commit_author(c), git_commit_committer(c),
			      git_commit_message_encoding(c), msg.buf, tree, np, parents) < 0 ||
	    vcs_landed(r->dst, &id, NULL, err) < 0)
		goto out;
	S_map_put(&r->map, git_commit_id(c), &id);
	r->commits++;
	rc = 0;
out:
	for (k = 0; k < np; k++)
		git_commit_free(pc[k]);
	git_tree_free(tree);
	git_tree_free(ptree);
	strbuf_release(&msg);
	return rc;
}

/* .notes/ of the replay: the extra files, in dst. */
static int S_extra_tree(struct replay *r, const struct vcs_file *extra, size_t n)
{
	git_treebuilder *tb;
	size_t i;
	int rc = 0;

	if (git_treebuilder_new(&tb, r->dst, NULL) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		git_oid blob;
		const char *name = extra[i].path + strlen(".notes/");
		rc = git_blob_create_from_buffer(&blob, r->dst, extra[i].data, extra[i].len) < 0 ||
				     git_treebuilder_insert(NULL, tb, name, &blob,
							    GIT_FILEMODE_BLOB) < 0
			     ? -1
			     : 0;
	}
	if (rc == 0)
		rc = git_treebuilder_write(&r->extra_tree, tb);
	git_treebuilder_free(tb);
	return rc;
}

int vcs_replay_dir(struct vcs *src, const char *dir, struct vcs *dst, const struct vcs_file *extra,
		   size_t nextra, char head[41], size_t *commits, struct strbuf *err)
{
	struct replay r;
	git_revwalk *walk = NULL;
	git_oid oid, last;
	size_t i;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.src = src->repo;
	r.dst = dst->repo;
	r.dir = dir;
	head[0] = '\0';
	*commits = 0;
	for (i = 0; i < nextra; i++)
		if (strncmp(extra[i].path, ".notes/", 7) || strchr(extra[i].path + 7, '/')) {
			strbuf_addf(err, "%s: only files of .notes/ are added to a replay",
				    extra[i].path);
			return -1;
		}
	if (git_repository_odb(&r.src_odb, r.src) < 0 ||
	    git_repository_odb(&r.dst_odb, r.dst) < 0 || S_extra_tree(&r, extra, nextra) < 0 ||
	    git_revwalk_new(&walk, r.src) < 0) {
		vcs_error(err, "cannot start the replay");
		goto out;
	}
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (git_revwalk_push_head(walk) < 0) {
		git_error_clear();
		rc = 0; /* no history at all */
		goto out;
	}
	while (git_revwalk_next(&oid, walk) == 0) {
		git_commit *c;
		if (git_commit_lookup(&c, r.src, &oid) < 0 || S_replay_one(&r, c, err) < 0) {
			vcs_error(err, "cannot replay a commit");
			goto out;
		}
		git_commit_free(c);
	}
	git_error_clear();
	/* the replay of HEAD: what the person's notes are now */
	if (git_reference_name_to_id(&oid, r.src, "HEAD") == 0 && S_map_get(&r.map, &oid, &last)) {
		git_reference *ref;
		if (git_reference_create(&ref, r.dst, "refs/heads/main", &last, 1,
					 "notes share: the replayed history") < 0) {
			vcs_error(err, "cannot set main");
			goto out;
		}
		git_reference_free(ref);
		git_oid_tostr(head, 41, &last);
	}
	*commits = r.commits;
	rc = 0;
out:
	git_revwalk_free(walk);
	git_odb_free(r.src_odb);
	git_odb_free(r.dst_odb);
	free(r.map.keys);
	free(r.map.values);
	return rc;
}

int vcs_checkout_head(struct vcs *v, struct strbuf *err)
{
	git_checkout_options opts;
	git_commit *head = NULL;
	git_tree *tree = NULL;
	git_index *idx = NULL;
	int rc = -1;

	/* the index is HEAD's; then, with HEAD as the baseline, a work-tree
	 * file that holds HEAD's bytes is kept, a missing one is written and
	 * one that differs is never replaced (it shows as changed) */
	if (vcs_head_tree(v->repo, &head, &tree) < 0 || !tree ||
	    git_repository_index(&idx, v->repo) < 0 || git_index_read_tree(idx, tree) < 0 ||
	    git_index_write(idx) < 0) {
		vcs_error(err, "cannot check out the journal");
		goto out;
	}
	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	opts.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_RECREATE_MISSING;
	if (git_checkout_head(v->repo, &opts) < 0)
		vcs_error(err, "cannot check out the journal");
	else
		rc = 0;
out:
	git_index_free(idx);
	git_tree_free(tree);
	git_commit_free(head);
	return rc;
}
