/* sync.c - notes sync: the team repository and each pair journal with
 * their remotes; a pair journal missing on disk is cloned. */
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "pair.h"
#include "sync_internal.h"
#include "url.h"
#include "vcs_remote.h"
#include "xalloc.h"

void sync_result_release(struct sync_result *res)
{
	size_t i, k;

	for (i = 0; i < res->n; i++) {
		free(res->lines[i].name);
		for (k = 0; k < res->lines[i].npaths; k++)
			free(res->lines[i].paths[k]);
		free(res->lines[i].paths);
		free(res->lines[i].error);
	}
	free(res->lines);
	strbuf_release(&res->warn);
	memset(res, 0, sizeof(*res));
}

bool sync_line_failed(const struct sync_line *l)
{
	return l->outcome == SYNC_SKIPPED || l->outcome == SYNC_CONFLICT ||
	       l->outcome == SYNC_FAILED;
}

static struct sync_line *S_line(struct sync_result *res, const char *name)
{
	struct sync_line *l;

	ALLOC_GROW(res->lines, res->n + 1, res->alloc);
	l = &res->lines[res->n++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	return l;
}

struct clone_progress {
	const struct sync_options *o;
	const char *name;
};

static void S_clone_progress(const char *what, size_t done, size_t total, void *data)
{
	struct clone_progress *p = data;

	p->o->progress(p->name, what, done, total, p->o->data);
}

/* A pair journal listed in the config but missing on disk (a fresh clone
 * of the team journal): cloned next to its place, checked, then moved in. */
static void S_clone(const struct journal *j, const char *id, const char *url,
		    const struct sync_options *o, struct sync_line *line, struct strbuf *warn)
{
	struct clone_progress cp = { o, id };
	struct vcs_progress p = { S_clone_progress, &cp };
	struct strbuf tmp = STRBUF_INIT, dir = STRBUF_INIT, err = STRBUF_INIT;
	struct strbuf redacted = STRBUF_INIT;

	strbuf_addf(&dir, "%s/%s", j->root, id);
	strbuf_addf(&tmp, "%s/.%s.clone-%ld", j->root, id, (long)getpid());
	url_redact(url, &redacted);
	remove_tree(tmp.buf, &err);
	strbuf_reset(&err);
	if (vcs_clone(url, tmp.buf, o->progress ? &p : NULL, warn, &err) < 0) {
		struct strbuf what = STRBUF_INIT;
		strbuf_addf(&what, "cannot clone %s", redacted.buf);
		sync_fail(line, what.buf, err.buf);
		strbuf_release(&what);
	} else if (pair_check_dir(tmp.buf, id, &err) < 0) {
		sync_fail(line, "refused", err.buf);
	} else if (rename(tmp.buf, dir.buf) < 0) {
		sync_fail(line, "cannot put the clone in place", dir.buf);
	} else {
		line->cloned = true;
		line->outcome = SYNC_SYNCED;
		pair_exclude(j, id, &err);
	}
	if (line->outcome == SYNC_FAILED) {
		strbuf_reset(&err);
		remove_tree(tmp.buf, &err);
	}
	strbuf_release(&tmp);
	strbuf_release(&dir);
	strbuf_release(&err);
	strbuf_release(&redacted);
}

static void S_pair(const struct journal *j, const char *id, const struct sync_options *o,
		   const struct vcs_identity *who, struct sync_result *res)
{
	struct sync_line *line = S_line(res, id);
	struct strbuf dir = STRBUF_INIT, err = STRBUF_INIT;
	char *url = pair_remote(j, id);
	struct sync_target t = { id, NULL, id, who };

	strbuf_addf(&dir, "%s/%s", j->root, id);
	if (!pair_is_mounted(j, id)) {
		if (path_exists(dir.buf) && !pair_dir_is_empty(dir.buf))
			sync_fail(line, "refused",
				  "the directory holds files but no pair journal "
				  "(move them away, then sync again)");
		else
			S_clone(j, id, url, o, line, &res->warn);
	} else if (pair_check_dir(dir.buf, id, &err) < 0) {
		sync_fail(line, "refused", err.buf);
	} else {
		t.root = dir.buf;
		sync_repo(&t, o, line, &res->warn);
	}
	free(url);
	strbuf_release(&dir);
	strbuf_release(&err);
}

/* The pair journals to sync: the named people (each must be one), or all. */
static int S_people(const struct journal *j, const struct sync_options *o, char ***ids, size_t *n,
		    struct strbuf *err)
{
	size_t i;

	*ids = xcalloc(j->npeople + o->npeople + 1, sizeof(**ids));
	*n = 0;
	if (!o->npeople) {
		for (i = 0; i < j->npeople; i++)
			if (pair_is_shared(j, j->people[i]))
				(*ids)[(*n)++] = xstrdup(j->people[i]);
		return 0;
	}
	for (i = 0; i < o->npeople; i++) {
		if (!person_id_is_valid(o->people[i]) || !pair_is_shared(j, o->people[i])) {
			strbuf_addstr(err, "'");
			strbuf_add_escaped(err, o->people[i], strlen(o->people[i]));
			strbuf_addstr(err,
				      "' has no pair journal (notes share PERSON URL makes one)");
			return -1;
		}
		(*ids)[(*n)++] = xstrdup(o->people[i]);
	}
	return 0;
}

int sync_journal(struct journal *j, const struct sync_options *o, struct sync_result *res,
		 struct strbuf *err)
{
	struct person leader = { 0 };
	struct vcs_identity who = { NULL, NULL };
	char *self = config_get(j->config, "journal.person");
	char **ids = NULL;
	size_t n = 0, i;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	strbuf_init(&res->warn, 0);
	pair_who(j, &leader);
	who.name = leader.name;
	who.email = leader.email;
	if (self) {
		/* a pair journal itself (the member's clone, or the leader's) */
		struct sync_target t = { self, j->root, self, &who };
		if (o->npeople && (o->npeople > 1 || strcmp(o->people[0], self))) {
			strbuf_addf(err, "this is the pair journal of %s", self);
			rc = -1;
		} else {
			sync_repo(&t, o, S_line(res, self), &res->warn);
		}
		goto out;
	}
	if (S_people(j, o, &ids, &n, err) < 0) {
		rc = -1;
		goto out;
	}
	if (!o->npeople && pair_team_has_origin(j)) {
		struct sync_target t = { SYNC_TEAM_NAME, j->root, NULL, &who };
		struct strbuf ignored = STRBUF_INIT;
		sync_repo(&t, o, S_line(res, SYNC_TEAM_NAME), &res->warn);
		/* the team's config may have brought new pair journals */
		for (i = 0; i < n; i++)
			free(ids[i]);
		free(ids);
		ids = NULL;
		n = 0;
		if (journal_reload(j, &ignored) == 0)
			S_people(j, o, &ids, &n, err);
		strbuf_release(&ignored);
	}
	for (i = 0; i < n; i++)
		S_pair(j, ids[i], o, &who, res);
out:
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(self);
	person_release(&leader);
	return rc;
}
