/* vcs.c - everything git: repositories, commits, changed files (libgit2). */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vcs.h"
#include "fsutil.h"
#include "note.h"
#include "strvec.h"
#include "vcs_internal.h"
#include "xalloc.h"

static int S_initialised;
static bool S_tls;

/*
 * Most commands never talk to a network, but libgit2 built with mbedTLS
 * parses every system CA certificate when it starts (about 12 ms, four
 * times the rest of a typical command). This definition takes the place
 * of mbedTLS's for this program, so none are loaded until vcs_tls_init
 * says that an https remote is about to be reached; from then on it hands
 * over to mbedTLS's own.
 */
struct mbedtls_x509_crt;
int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path);
int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path)
{
	int (*real)(struct mbedtls_x509_crt *, const char *);

	if (!S_tls)
		return -1;
	*(void **)&real = dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
	return real ? real(chain, path) : -1;
}

void vcs_tls_init(void)
{
	const char *file = getenv("SSL_CERT_FILE"), *dir = getenv("SSL_CERT_DIR");

	if (S_tls)
		return;
	S_tls = true;
	vcs_global_init();
	if (!file || !*file)
		file = "/etc/ssl/certs/ca-certificates.crt";
	if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, dir && *dir ? dir : NULL) < 0)
		git_error_clear(); /* the connection will say that it cannot verify */
}

void vcs_global_init(void)
{
	if (!S_initialised++) {
		git_libgit2_init();
		/* like git, trust the object database on reads: hashing every
		 * object read doubles the cost of walking history */
		git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	}
}

void vcs_global_shutdown(void)
{
	if (S_initialised) {
		git_libgit2_shutdown();
		S_initialised = 0;
	}
}

int vcs_error(struct strbuf *err, const char *what)
{
	const git_error *e = git_error_last();

	strbuf_addf(err, "%s: %s", what, e && e->message ? e->message : "unknown git error");
	git_error_clear();
	return -1;
}

int vcs_init(const char *dir, struct strbuf *err)
{
	git_repository_init_options opts;
	git_repository *repo;

	vcs_global_init();
	git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	if (git_repository_init_ext(&repo, dir, &opts) < 0)
		return vcs_error(err, "cannot create the git repository");
	git_repository_free(repo);
	return 0;
}

int vcs_open(struct vcs **out, const char *root, struct strbuf *err)
{
	struct vcs *v = xcalloc(1, sizeof(*v));

	vcs_global_init();
	if (git_repository_open_ext(&v->repo, root, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		free(v);
		return vcs_error(err, "not a git repository");
	}
	if (git_repository_is_bare(v->repo)) {
		git_repository_free(v->repo);
		free(v);
		strbuf_addstr(err, "the journal's repository is bare");
		return -1;
	}
	*out = v;
	return 0;
}

void vcs_free(struct vcs *v)
{
	if (!v)
		return;
	git_repository_free(v->repo);
	free(v);
}

int vcs_head_tree(git_repository *repo, git_commit **commit, git_tree **tree)
{
	git_oid oid;

	*commit = NULL;
	*tree = NULL;
	if (git_reference_name_to_id(&oid, repo, "HEAD") < 0) {
		git_error_clear();
		return 0; /* unborn */
	}
	if (git_commit_lookup(commit, repo, &oid) < 0 || git_commit_tree(tree, *commit) < 0)
		return -1;
	return 0;
}

int vcs_head_file(struct vcs *v, const char *path, struct strbuf *out, struct strbuf *err)
{
	git_commit *commit;
	git_tree *tree;
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	int rc = 1;

	if (vcs_head_tree(v->repo, &commit, &tree) < 0)
		return vcs_error(err, "cannot read HEAD");
	if (tree && git_tree_entry_bypath(&entry, tree, path) == 0 &&
	    git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
		if (git_blob_lookup(&blob, v->repo, git_tree_entry_id(entry)) < 0) {
			rc = vcs_error(err, "cannot read a file at HEAD");
		} else {
			strbuf_add(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
			rc = 0;
		}
	}
	git_error_clear();
	git_blob_free(blob);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	git_commit_free(commit);
	return rc;
}

int vcs_changed_paths(struct vcs *v, bool (*keep)(const char *path, bool untracked, void *data),
		      void *data, char ***paths, size_t *n, struct strbuf *err)
{
	git_status_options opts;
	git_status_list *list;
	char **res = NULL;
	size_t i, count, nr = 0, alloc = 0;

	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		     GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (git_status_list_new(&list, v->repo, &opts) < 0)
		return vcs_error(err, "cannot read the status of the journal");
	count = git_status_list_entrycount(list);
	for (i = 0; i < count; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d =
			e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
		const char *p = d ? (d->new_file.path ? d->new_file.path : d->old_file.path) : NULL;
		if (!p || (e->status & GIT_STATUS_IGNORED) || e->status == GIT_STATUS_CURRENT ||
		    !keep(p, e->status == GIT_STATUS_WT_NEW, data))
			continue;
		if (nr && !strcmp(res[nr - 1], p))
			continue;
		ALLOC_GROW(res, nr + 1, alloc);
		res[nr++] = xstrdup(p);
	}
	git_status_list_free(list);
	strvec_sort(res, nr);
	*paths = res;
	*n = nr;
	return 0;
}

int vcs_head_ids(struct vcs *v, char head[41], char parent[41])
{
	git_commit *commit;
	git_tree *tree;

	head[0] = parent[0] = '\0';
	if (vcs_head_tree(v->repo, &commit, &tree) < 0) {
		git_error_clear();
		return -1;
	}
	if (commit) {
		git_oid_tostr(head, 41, git_commit_id(commit));
		if (git_commit_parentcount(commit))
			git_oid_tostr(parent, 41, git_commit_parent_id(commit, 0));
	}
	git_tree_free(tree);
	git_commit_free(commit);
	return 0;
}

void vcs_git_path(struct vcs *v, const char *name, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s%s", git_repository_path(v->repo), name);
}

static bool S_commit_exists(git_repository *repo, const git_oid *id)
{
	git_odb *odb;
	bool res;

	if (git_repository_odb(&odb, repo) < 0) {
		git_error_clear();
		return false;
	}
	res = git_odb_exists(odb, id);
	git_odb_free(odb);
	return res;
}

bool vcs_descends_from(struct vcs *v, const char *a, const char *b)
{
	git_oid x, y;
	int rc;

	if (git_oid_fromstr(&x, a) < 0 || git_oid_fromstr(&y, b) < 0) {
		git_error_clear();
		return false;
	}
	if (git_oid_equal(&x, &y))
		return true;
	/* a commit that is gone (reset, then gc) descends from nothing; and
	 * libgit2 1.5 leaks on the walk that would find that out */
	if (!S_commit_exists(v->repo, &x) || !S_commit_exists(v->repo, &y))
		return false;
	rc = git_graph_descendant_of(v->repo, &x, &y);
	git_error_clear();
	return rc == 1;
}

static int S_commit_tree(git_repository *repo, const char *hex, git_tree **tree)
{
	git_commit *commit;
	git_oid id;
	int rc;

	if (git_oid_fromstr(&id, hex) < 0 || git_commit_lookup(&commit, repo, &id) < 0)
		return -1;
	rc = git_commit_tree(tree, commit);
	git_commit_free(commit);
	return rc;
}

int vcs_changed_files(struct vcs *v, const char *from, const char *to, const char *suffix,
		      void (*fn)(const char *data, size_t len, void *cb_data), void *cb_data,
		      struct strbuf *err)
{
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	size_t i, n, slen = strlen(suffix);
	int rc = -1;

	if (S_commit_tree(v->repo, from, &a) < 0 || S_commit_tree(v->repo, to, &b) < 0 ||
	    git_diff_tree_to_tree(&diff, v->repo, a, b, NULL) < 0) {
		vcs_error(err, "cannot compare two commits");
		goto out;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *path = d->new_file.path;
		size_t plen = path ? strlen(path) : 0;
		git_blob *blob;
		if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED)
			continue;
		if (!path || plen < slen || strcmp(path + plen - slen, suffix))
			continue;
		if (git_blob_lookup(&blob, v->repo, &d->new_file.id) < 0) {
			vcs_error(err, path);
			goto out;
		}
		fn(git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), cb_data);
		git_blob_free(blob);
	}
	rc = 0;
out:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

/* Whether buf has a line that is line. */
static bool S_has_line(const char *buf, const char *line)
{
	size_t len = strlen(line);
	const char *p;

	for (p = buf; (p = strstr(p, line)); p += len)
		if ((p == buf || p[-1] == '\n') && (p[len] == '\n' || !p[len]))
			return true;
	return false;
}

int vcs_exclude(struct vcs *v, const char *pattern, const char *why, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;
	int rc = 0;

	strbuf_addf(&path, "%sinfo", git_repository_path(v->repo));
	if (make_dirs(path.buf, err) < 0) {
		strbuf_release(&path);
		return -1;
	}
	strbuf_addstr(&path, "/exclude");
	read_file(path.buf, &buf, 1u << 20, err);
	strbuf_reset(err);
	if (!S_has_line(buf.buf, pattern)) {
		if (buf.len && buf.buf[buf.len - 1] != '\n')
			strbuf_addch(&buf, '\n');
		strbuf_addf(&buf, "# %s\n%s\n", why, pattern);
		rc = write_file_atomic(path.buf, buf.buf, buf.len, 0666, 0, err);
	}
	strbuf_release(&path);
	strbuf_release(&buf);
	return rc;
}

int vcs_exclude_temp_files(struct vcs *v, struct strbuf *err)
{
	return vcs_exclude(v, ".*.tmp-*", "temporary files of notes, left when a write is killed",
			   err);
}
