/* share.c - notes share PERSON URL: a person's notes become a pair journal. */
#include "share.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vcs_config.h"
#include "fsutil.h"
#include "pair.h"
#include "url.h"
#include "vcs_merge.h"
#include "vcs_remote.h"
#include "vcs_replay.h"
#include "xalloc.h"

/* The person fields a pair journal keeps (one place for each fact). */
static const char *const person_keys[] = { "name", "email", "slot", "language" };

void share_result_release(struct share_result *res)
{
	free(res->url);
	free(res->subject);
	free(res->warning);
	memset(res, 0, sizeof(*res));
}

/* A local path made absolute, as git clone records it; other URLs as given. */
static char *S_absolute(const char *url)
{
	struct strbuf sb = STRBUF_INIT;
	char *slash, *dir, *abs;

	if (url_kind(url) != URL_LOCAL || url[0] == '/' || !strncmp(url, "file://", 7))
		return xstrdup(url);
	slash = strrchr(url, '/');
	dir = slash ? xstrndup(url, (size_t)(slash - url)) : xstrdup(".");
	abs = realpath(*dir ? dir : "/", NULL);
	if (abs)
		strbuf_addf(&sb, "%s/%s", strcmp(abs, "/") ? abs : "", slash ? slash + 1 : url);
	else
		strbuf_addstr(&sb, url);
	free(abs);
	free(dir);
	return strbuf_detach(&sb, NULL);
}

static int S_copy_key(struct config *from, struct config *to, const char *key, struct strbuf *err)
{
	char *value = config_get(from, key);
	int rc = value ? config_set(to, key, value, err) : 0;

	free(value);
	return rc;
}

static int S_copy_person(struct config *from, struct config *to, const char *id, struct strbuf *err)
{
	struct strbuf key = STRBUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(person_keys) / sizeof(*person_keys) && rc == 0; i++) {
		strbuf_reset(&key);
		strbuf_addf(&key, "person.%s.%s", id, person_keys[i]);
		rc = S_copy_key(from, to, key.buf, err);
	}
	strbuf_release(&key);
	return rc;
}

/* The pair journal's .notes/config: the journal's settings, the leader
 * and the person, nobody else; written through libgit2's config API
 * (which quotes values) in a scratch file of the team's .git. */
static int S_pair_config(const struct journal *j, struct vcs *team, const char *id,
			 struct strbuf *out, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	struct config *cfg = NULL;
	int rc = -1;

	vcs_git_path(team, "notes-share-config", &path);
	unlink(path.buf);
	if (config_open(&cfg, path.buf, err) < 0)
		goto out;
	if ((j->leader && config_set(cfg, "journal.leader", j->leader, err) < 0) ||
	    config_set(cfg, "journal.person", id, err) < 0 ||
	    S_copy_key(j->config, cfg, "journal.language", err) < 0 ||
	    S_copy_key(j->config, cfg, "journal.maxfocus", err) < 0 ||
	    (j->leader && S_copy_person(j->config, cfg, j->leader, err) < 0) ||
	    S_copy_person(j->config, cfg, id, err) < 0)
		goto out;
	config_free(cfg);
	cfg = NULL;
	rc = read_file(path.buf, out, 1 << 20, err);
out:
	config_free(cfg);
	unlink(path.buf);
	strbuf_release(&path);
	return rc;
}

/* Refusals that come before anything is touched. */
static int S_refuse(const struct journal *j, struct vcs *team, const char *id, struct strbuf *err)
{
	struct strbuf what = STRBUF_INIT;
	char **paths = NULL, *self = config_get(j->config, "journal.person");
	size_t n = 0, i, len = strlen(id), shown = 0;
	int rc = -1;

	if (self) {
		strbuf_addf(err, "this is the pair journal of %s: its notes are shared already",
			    self);
	} else if (!journal_has_person(j, id)) {
		strbuf_addf(err, "%s is not in the journal (notes person add %s)", id, id);
	} else if (pair_is_shared(j, id) || pair_is_mounted(j, id)) {
		strbuf_addf(err, "%s's notes are shared already (%s/ is a pair journal)", id, id);
	} else if (vcs_state(team, &what) != VCS_STATE_CLEAN) {
		strbuf_addbuf(err, &what);
	} else if (vcs_uncommitted(team, &paths, &n, err) == 0) {
		for (i = 0; i < n; i++)
			if ((!strncmp(paths[i], id, len) && paths[i][len] == '/') ||
			    !strcmp(paths[i], ".notes/config")) {
				strbuf_addf(err, "%s%s", shown++ ? ", " : "", paths[i]);
			}
		if (shown)
			strbuf_addstr(err, shown == 1
						   ? " has changes not committed (notes commit)"
						   : " have changes not committed (notes commit)");
		else
			rc = 0;
	}
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(self);
	strbuf_release(&what);
	return rc;
}

struct share {
	struct journal *j;
	const char *id;
	const struct share_options *o;
	struct vcs *team, *pair;
	struct strbuf dir, config, old_config;
	bool made_dir, made_repo;
	const struct vcs_identity *who; /* the leader */
	struct strbuf warn; /* lines to tell the user */
};

static void S_progress(const char *what, size_t done, size_t total, void *data)
{
	struct share *s = data;

	s->o->progress(s->id, what, done, total, s->o->data);
}

/* Make the pair repository at <id>/ with the person's history. */
static int S_make_pair(struct share *s, struct share_result *res, struct strbuf *err)
{
	struct vcs_file extra = { ".notes/config", s->config.buf, s->config.len };
	struct strbuf path = STRBUF_INIT, msg = STRBUF_INIT;
	int rc = -1;

	if (!path_exists(s->dir.buf)) {
		if (make_dirs(s->dir.buf, err) < 0)
			goto out;
		s->made_dir = true;
	}
	if (vcs_init(s->dir.buf, err) < 0)
		goto out;
	s->made_repo = true;
	if (vcs_open(&s->pair, s->dir.buf, err) < 0 ||
	    vcs_replay_dir(s->team, s->id, s->pair, &extra, 1, res->head, &res->commits, err) < 0)
		goto out;
	if (!*res->head) {
		/* no note committed yet: the journal starts with its config */
		strbuf_addf(&path, "%s/.notes", s->dir.buf);
		if (make_dirs(path.buf, err) < 0)
			goto out;
		strbuf_addstr(&path, "/config");
		strbuf_addf(&msg, "journal: start the 1:1 journal of %s and %s\n",
			    s->j->leader ? s->j->leader : "the leader", s->id);
		extra.data = NULL;
		if (write_file_atomic(path.buf, s->config.buf, s->config.len, 0666, 0, err) < 0 ||
		    vcs_commit(s->pair, &extra, 1, msg.buf, s->who, &s->warn, err) < 0)
			goto out;
		vcs_head_ids(s->pair, res->head, (char[41]){ 0 });
		res->commits = 1;
	} else if (vcs_checkout_head(s->pair, err) < 0) {
		goto out;
	}
	rc = vcs_exclude_temp_files(s->pair, err);
out:
	strbuf_release(&path);
	strbuf_release(&msg);
	return rc;
}

/* Push the replay to url, which holds nothing or this very replay. */
static int S_push(struct share *s, const char *url, const char *shown,
		  const struct share_result *res, struct strbuf *err)
{
	struct vcs_progress p = { S_progress, s };
	char remote_main[41];
	bool any;

	if (vcs_remote_set(s->pair, url, err) < 0 ||
	    vcs_fetch(s->pair, s->o->progress ? &p : NULL, remote_main, &any, err) < 0)
		return -1;
	if (any && strcmp(remote_main, res->head)) {
		strbuf_reset(err);
		strbuf_addf(err,
			    "%s already has commits that are not this journal's (give an "
			    "empty repository)",
			    shown);
		return -1;
	}
	if (!strcmp(remote_main, res->head))
		return 0; /* pushed by an earlier try */
	if (vcs_push(s->pair, s->o->progress ? &p : NULL, err) != 0) {
		if (!err->len)
			strbuf_addstr(err, "the remote refused the push");
		return -1;
	}
	return 0;
}

/* The team journal forgets <id>/: one commit of its removal and the config. */
static int S_commit_team(struct share *s, const char *shown, struct share_result *res,
			 struct strbuf *err)
{
	static const struct vcs_file config = { ".notes/config", NULL, 0 };
	const char *removed[] = { s->id };
	struct strbuf key = STRBUF_INIT, msg = STRBUF_INIT;
	size_t i;
	int rc = -1;

	strbuf_addf(&key, "person.%s.remote", s->id);
	if (config_set(s->j->config, key.buf, shown, err) < 0)
		goto out;
	for (i = 0; i < sizeof(person_keys) / sizeof(*person_keys); i++) {
		strbuf_reset(&key);
		strbuf_addf(&key, "person.%s.%s", s->id, person_keys[i]);
		if (config_unset(s->j->config, key.buf, err) < 0)
			goto out;
	}
	strbuf_addf(&msg, "journal: share %s's notes at %s\n", s->id, shown);
	if (vcs_commit_removing(s->team, removed, 1, &config, 1, msg.buf, s->who, &s->warn, err) <
	    0)
		goto out;
	res->subject = xstrndup(msg.buf, msg.len - 1);
	/* only now: excluded before, a failed share would hide the notes from git */
	strbuf_reset(&key);
	if (pair_exclude(s->j, s->id, &key) < 0)
		strbuf_addf(&s->warn, "warning: %s\n", key.buf);
	rc = 0;
out:
	strbuf_release(&key);
	strbuf_release(&msg);
	return rc;
}

/* Undo what share made: the pair repository, the config as it was. */
static void S_undo(struct share *s)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	vcs_free(s->pair);
	s->pair = NULL;
	if (s->made_repo) {
		strbuf_addf(&path, "%s/.git", s->dir.buf);
		remove_tree(path.buf, &err);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/.notes/config", s->dir.buf);
		unlink(path.buf);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/.notes", s->dir.buf);
		rmdir(path.buf);
	}
	if (s->made_dir)
		rmdir(s->dir.buf);
	strbuf_reset(&path);
	journal_path(s->j, ".notes/config", &path);
	write_file_atomic(path.buf, s->old_config.buf, s->old_config.len, 0666, 0, &err);
	journal_reload(s->j, &err);
	strbuf_release(&path);
	strbuf_release(&err);
}

int share_person(struct journal *j, const char *id, const char *url, const struct share_options *o,
		 struct share_result *res, struct strbuf *err)
{
	struct share s = { j,		id,	     o,	    NULL,  NULL, STRBUF_INIT,
			   STRBUF_INIT, STRBUF_INIT, false, false, NULL, STRBUF_INIT };
	struct strbuf shown = STRBUF_INIT, path = STRBUF_INIT;
	struct person leader = { 0 };
	struct vcs_identity who = { NULL, NULL };
	char *full = S_absolute(url);
	int rc = -1;

	memset(res, 0, sizeof(*res));
	if (j->leader) {
		journal_person(j, j->leader, &leader);
		who.name = leader.name;
		who.email = leader.email;
	}
	s.who = &who;
	url_redact(full, &shown);
	if (!person_id_is_valid(id)) {
		strbuf_addstr(err, "invalid person id");
		goto out;
	}
	if (vcs_open(&s.team, j->root, err) < 0 || S_refuse(j, s.team, id, err) < 0)
		goto out;
	journal_path(j, ".notes/config", &path);
	strbuf_addf(&s.dir, "%s/%s", j->root, id);
	if (read_file(path.buf, &s.old_config, 1 << 20, err) < 0 ||
	    S_pair_config(j, s.team, id, &s.config, err) < 0)
		goto out;
	if (S_make_pair(&s, res, err) < 0 || S_push(&s, full, shown.buf, res, err) < 0 ||
	    S_commit_team(&s, shown.buf, res, err) < 0) {
		S_undo(&s);
		goto out;
	}
	res->url = strbuf_detach(&shown, NULL);
	rc = 0;
out:
	if (s.warn.len)
		res->warning = strbuf_detach(&s.warn, NULL);
	url_scrub(err, full);
	vcs_free(s.team);
	vcs_free(s.pair);
	strbuf_release(&s.dir);
	strbuf_release(&s.config);
	strbuf_release(&s.old_config);
	strbuf_release(&s.warn);
	strbuf_release(&shown);
	strbuf_release(&path);
	person_release(&leader);
	free(full);
	return rc;
}
