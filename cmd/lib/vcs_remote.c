/* vcs_remote.c - fetch, push and clone a journal's branch main through
 * libgit2's remote API, with credentials and progress. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "url.h"
#include "vcs_internal.h"
#include "vcs_merge.h"
#include "vcs_remote.h"
#include "xalloc.h"

#define FETCH_SPEC "+refs/heads/main:refs/remotes/origin/main"
#define PUSH_SPEC "refs/heads/main:refs/heads/main"

/* What the callbacks of one transfer share. */
struct transfer {
	const char *url;
	const struct vcs_progress *progress;
	int ssh_tries, http_tries;
	struct timespec last;
	bool rejected;
	struct strbuf status; /* the remote's reason for a rejected push */
};

/* Add "<what>: <libgit2's message>" to err with every credential of url
 * taken out of the message. */
static int S_error(struct strbuf *err, const char *what, const char *url)
{
	size_t from = err->len;

	vcs_error(err, what);
	if (url) {
		struct strbuf tail = STRBUF_INIT;
		strbuf_add(&tail, err->buf + from, err->len - from);
		url_scrub(&tail, url);
		strbuf_setlen(err, from);
		strbuf_addbuf(err, &tail);
		strbuf_release(&tail);
	}
	return -1;
}

static bool S_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ssh: the agent first, then the usual key files, each once. */
static int S_ssh_key(git_credential **out, const char *user, struct transfer *t)
{
	static const char *const keys[] = { ".ssh/id_ed25519", ".ssh/id_rsa" };
	const char *home = getenv("HOME"), *sock = getenv("SSH_AUTH_SOCK");

	if (t->ssh_tries == 0) {
		t->ssh_tries++;
		if (sock && *sock)
			return git_credential_ssh_key_from_agent(out, user);
	}
	while (home && t->ssh_tries <= 2) {
		struct strbuf priv = STRBUF_INIT, pub = STRBUF_INIT;
		int rc = 1;
		strbuf_addf(&priv, "%s/%s", home, keys[t->ssh_tries - 1]);
		strbuf_addf(&pub, "%s.pub", priv.buf);
		t->ssh_tries++;
		if (S_file_exists(priv.buf))
			rc = git_credential_ssh_key_new(
				out, user, S_file_exists(pub.buf) ? pub.buf : NULL, priv.buf, NULL);
		strbuf_release(&priv);
		strbuf_release(&pub);
		if (rc <= 0)
			return rc;
	}
	git_error_set_str(GIT_ERROR_SSH, "no ssh key was accepted (tried ssh-agent, "
					 "~/.ssh/id_ed25519 and ~/.ssh/id_rsa)");
	return GIT_EAUTH;
}

static int S_credentials(git_credential **out, const char *url, const char *user_from_url,
			 unsigned int allowed, void *payload)
{
	struct transfer *t = payload;
	const char *user = user_from_url;
	struct passwd *pw;

	(void)url;
	if (!user || !*user) {
		pw = getpwuid(getuid());
		user = pw && pw->pw_name ? pw->pw_name : "git";
	}
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, user);
	if (allowed & GIT_CREDENTIAL_SSH_KEY)
		return S_ssh_key(out, user, t);
	if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
		/* a user and password in the URL were offered already by libgit2 */
		const char *token = getenv("NOTES_HTTP_TOKEN");
		if (token && *token && !t->http_tries++)
			return git_credential_userpass_plaintext_new(
				out, user_from_url && *user_from_url ? user_from_url : "notes",
				token);
		git_error_set_str(GIT_ERROR_HTTP,
				  t->http_tries > 1 ? "the server refused the credentials"
						    : "the server asks for credentials: put a user "
						      "and token in the URL or a token in "
						      "NOTES_HTTP_TOKEN");
		return GIT_EAUTH;
	}
	git_error_set_str(GIT_ERROR_NET, "the remote asks for credentials notes cannot give");
	return GIT_EAUTH;
}

static void S_progress(struct transfer *t, const char *what, size_t done, size_t total)
{
	struct timespec now;

	if (!t->progress || !t->progress->fn)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (done < total &&
	    (now.tv_sec - t->last.tv_sec) * 1000000000L + (now.tv_nsec - t->last.tv_nsec) <
		    100000000L)
		return;
	t->last = now;
	t->progress->fn(what, done, total, t->progress->data);
}

static int S_fetch_progress(const git_indexer_progress *stats, void *payload)
{
	S_progress(payload, "receiving", stats->received_objects, stats->total_objects);
	return 0;
}

static int S_push_progress(unsigned int current, unsigned int total, size_t bytes, void *payload)
{
	(void)bytes;
	S_progress(payload, "sending", current, total);
	return 0;
}

static int S_push_update(const char *refname, const char *status, void *payload)
{
	struct transfer *t = payload;

	(void)refname;
	if (status) {
		t->rejected = true;
		strbuf_reset(&t->status);
		strbuf_addstr(&t->status, status);
	}
	return 0;
}

static void S_callbacks(git_remote_callbacks *cb, struct transfer *t)
{
	cb->credentials = S_credentials;
	cb->transfer_progress = S_fetch_progress;
	cb->push_transfer_progress = S_push_progress;
	cb->push_update_reference = S_push_update;
	cb->payload = t;
}

static void S_transfer_init(struct transfer *t, const char *url, const struct vcs_progress *p)
{
	memset(t, 0, sizeof(*t));
	t->url = url;
	t->progress = p;
	strbuf_init(&t->status, 0);
	if (url_is_https(url))
		vcs_tls_init();
}

/* Set a key of the repository's config unless it is set already. */
static int S_config_default(git_config *cfg, const char *key, const char *value)
{
	git_buf buf = { 0 };

	if (git_config_get_string_buf(&buf, cfg, key) == 0) {
		git_buf_dispose(&buf);
		return 0;
	}
	git_error_clear();
	return git_config_set_string(cfg, key, value);
}

int vcs_remote_set(struct vcs *v, const char *url, struct strbuf *err)
{
	git_config *cfg;
	int rc = 0;

	/* through the config, as git clone writes it: libgit2's remote
	 * functions look up url.*.insteadOf with a regex that leaks in 1.5 */
	if (git_repository_config(&cfg, v->repo) < 0)
		return S_error(err, "cannot set the remote", url);
	if (git_config_set_string(cfg, "remote.origin.url", url) < 0 ||
	    S_config_default(cfg, "remote.origin.fetch", FETCH_SPEC) < 0 ||
	    S_config_default(cfg, "branch.main.remote", "origin") < 0 ||
	    S_config_default(cfg, "branch.main.merge", "refs/heads/main") < 0)
		rc = S_error(err, "cannot set the remote", url);
	git_config_free(cfg);
	return rc;
}

int vcs_remote_get(struct vcs *v, struct strbuf *out, struct strbuf *err)
{
	git_config *cfg;
	git_buf buf = { 0 };
	int rc = 0;

	if (git_repository_config_snapshot(&cfg, v->repo) < 0)
		return vcs_error(err, "cannot read the repository's config");
	if (git_config_get_string_buf(&buf, cfg, "remote.origin.url") < 0) {
		git_error_clear();
		rc = 1;
	} else {
		strbuf_reset(out);
		strbuf_addstr(out, buf.ptr);
		git_buf_dispose(&buf);
	}
	git_config_free(cfg);
	return rc;
}

int vcs_user_email(struct vcs *v, struct strbuf *out)
{
	git_config *cfg;
	git_buf buf = { 0 };
	int rc = 1;

	if (git_repository_config_snapshot(&cfg, v->repo) < 0) {
		git_error_clear();
		return 1;
	}
	if (git_config_get_string_buf(&buf, cfg, "user.email") == 0) {
		strbuf_reset(out);
		strbuf_addstr(out, buf.ptr);
		git_buf_dispose(&buf);
		rc = 0;
	}
	git_error_clear();
	git_config_free(cfg);
	return rc;
}

/* origin, in memory (see vcs_remote_set for why not git_remote_lookup). */
static int S_origin(struct vcs *v, git_remote **out, struct strbuf *url, struct strbuf *err)
{
	git_remote_create_options opts;
	int rc = vcs_remote_get(v, url, err);

	if (rc > 0)
		strbuf_addstr(err, "the journal has no remote origin");
	if (rc)
		return -1;
	git_remote_create_options_init(&opts, GIT_REMOTE_CREATE_OPTIONS_VERSION);
	opts.repository = v->repo;
	opts.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
	if (git_remote_create_with_opts(out, url->buf, &opts) < 0)
		return S_error(err, "cannot use the remote", url->buf);
	return 0;
}

/* libgit2 calls a path that does not exist "unsupported URL protocol". */
static bool S_local_missing(const char *url, struct strbuf *err)
{
	const char *path = !strncmp(url, "file://", 7) ? url + 7 : url;
	struct stat st;

	if (url_kind(url) != URL_LOCAL || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return false;
	strbuf_addstr(err, "cannot reach the remote: no repository at ");
	strbuf_add_escaped(err, path, strlen(path));
	return true;
}

/* The remote's main, and whether it has any branch or tag, from the
 * refs it advertised. */
static void S_remote_heads(git_remote *remote, char remote_main[41], bool *any_refs)
{
	const git_remote_head **heads;
	size_t n, i;

	remote_main[0] = '\0';
	*any_refs = false;
	if (git_remote_ls(&heads, &n, remote) < 0) {
		git_error_clear();
		return;
	}
	for (i = 0; i < n; i++) {
		if (!strncmp(heads[i]->name, "refs/heads/", 11) ||
		    !strncmp(heads[i]->name, "refs/tags/", 10))
			*any_refs = true;
		if (!strcmp(heads[i]->name, "refs/heads/main"))
			git_oid_tostr(remote_main, 41, &heads[i]->oid);
	}
}

int vcs_fetch(struct vcs *v, const struct vcs_progress *p, char remote_main[41], bool *any_refs,
	      struct strbuf *err)
{
	struct strbuf url = STRBUF_INIT;
	git_fetch_options opts;
	git_remote *remote;
	struct transfer t;
	char *specs[] = { (char *)FETCH_SPEC };
	git_strarray refspecs = { specs, 1 };
	int rc = 0;

	remote_main[0] = '\0';
	*any_refs = false;
	if (S_origin(v, &remote, &url, err) < 0) {
		strbuf_release(&url);
		return -1;
	}
	S_transfer_init(&t, url.buf, p);
	if (S_local_missing(url.buf, err)) {
		rc = -1;
		goto out;
	}
	git_fetch_options_init(&opts, GIT_FETCH_OPTIONS_VERSION);
	S_callbacks(&opts.callbacks, &t);
	opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
	opts.prune = GIT_FETCH_NO_PRUNE;
	opts.update_fetchhead = 0; /* FETCH_HEAD would hold the URL, credentials and all */
	if (git_remote_connect(remote, GIT_DIRECTION_FETCH, &opts.callbacks, NULL, NULL) < 0) {
		rc = S_error(err, "cannot reach the remote", t.url);
		goto out;
	}
	S_remote_heads(remote, remote_main, any_refs);
	/* an empty remote has nothing to fetch, and refspec main matches nothing */
	if (*remote_main && git_remote_fetch(remote, &refspecs, &opts, "notes sync: fetch") < 0)
		rc = S_error(err, "cannot fetch", t.url);
	git_remote_disconnect(remote);
out:
	strbuf_release(&t.status);
	strbuf_release(&url);
	git_remote_free(remote);
	return rc;
}

/*
 * A bare repository made with a plain git init points its HEAD at master,
 * which nothing creates: a git clone of it would check nothing out. When
 * the remote is a path and its HEAD names no commit, it is pointed at main.
 */
static void S_local_head(const char *url)
{
	const char *path = !strncmp(url, "file://", 7) ? url + 7 : url;
	git_repository *repo;

	if (url_kind(url) != URL_LOCAL ||
	    git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		git_error_clear();
		return;
	}
	if (git_repository_head_unborn(repo) == 1)
		git_repository_set_head(repo, "refs/heads/main");
	git_error_clear();
	git_repository_free(repo);
}

int vcs_push(struct vcs *v, const struct vcs_progress *p, struct strbuf *err)
{
	struct strbuf url = STRBUF_INIT;
	git_push_options opts;
	git_remote *remote;
	struct transfer t;
	char *specs[] = { (char *)PUSH_SPEC };
	git_strarray refspecs = { specs, 1 };
	int rc = 0, e;

	if (S_origin(v, &remote, &url, err) < 0) {
		strbuf_release(&url);
		return -1;
	}
	S_transfer_init(&t, url.buf, p);
	git_push_options_init(&opts, GIT_PUSH_OPTIONS_VERSION);
	S_callbacks(&opts.callbacks, &t);
	e = git_remote_push(remote, &refspecs, &opts);
	if (e == GIT_ENONFASTFORWARD) {
		git_error_clear();
		rc = 1;
	} else if (e < 0) {
		rc = S_error(err, "cannot push", t.url);
	} else if (t.rejected) {
		strbuf_addstr(err, "the remote refused the push: ");
		url_scrub(&t.status, t.url);
		strbuf_add_escaped(err, t.status.buf, t.status.len);
		rc = 1;
	} else {
		S_local_head(url.buf);
	}
	strbuf_release(&t.status);
	strbuf_release(&url);
	git_remote_free(remote);
	return rc;
}

int vcs_clone(const char *url, const char *dir, const struct vcs_progress *p, struct strbuf *warn,
	      struct strbuf *err)
{
	struct vcs_merge_result res;
	struct vcs *v = NULL;
	char remote_main[41];
	bool any;
	int rc = -1;

	/* as git clone does, but through the same fetch and fast-forward as sync */
	if (vcs_init(dir, err) < 0 || vcs_open(&v, dir, err) < 0 ||
	    vcs_remote_set(v, url, err) < 0 || vcs_fetch(v, p, remote_main, &any, err) < 0)
		goto out;
	if (!*remote_main) {
		strbuf_addstr(err, "the remote has no branch main");
		goto out;
	}
	rc = vcs_merge_origin(v, NULL, NULL, NULL, NULL, &res, warn, err);
	vcs_merge_result_release(&res);
out:
	vcs_free(v);
	return rc;
}

long vcs_count_new(struct vcs *v, const char *a, const char *b)
{
	git_revwalk *walk;
	git_oid x, y, oid;
	long n = 0;

	if (!*a)
		return 0;
	if (git_oid_fromstr(&x, a) < 0 || git_revwalk_new(&walk, v->repo) < 0) {
		git_error_clear();
		return -1;
	}
	if (git_revwalk_push(walk, &x) < 0 ||
	    (*b && (git_oid_fromstr(&y, b) < 0 || git_revwalk_hide(walk, &y) < 0))) {
		git_error_clear();
		git_revwalk_free(walk);
		return -1;
	}
	while (git_revwalk_next(&oid, walk) == 0)
		n++;
	git_error_clear();
	git_revwalk_free(walk);
	return n;
}
