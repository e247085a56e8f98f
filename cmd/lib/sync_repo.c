/* sync_repo.c - sync one repository with its origin: refuse to touch
 * uncommitted notes, fetch, check whose notes the remote holds, merge
 * (notes item by item), push without force, retry a refused push. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vcs_config.h"
#include "fsutil.h"
#include "note_merge.h"
#include "sync_internal.h"
#include "url.h"
#include "vcs_merge.h"
#include "vcs_remote.h"
#include "xalloc.h"

void sync_fail(struct sync_line *line, const char *what, const char *why)
{
	struct strbuf sb = STRBUF_INIT;

	line->outcome = SYNC_FAILED;
	strbuf_addstr(&sb, what);
	if (why && *why)
		strbuf_addf(&sb, ": %s", why);
	free(line->error);
	line->error = strbuf_detach(&sb, NULL);
}

void sync_config_person(struct vcs *v, const char *buf, size_t len, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct config *cfg;
	char *person;

	/* libgit2 reads a config from a file only: a scratch one in .git */
	strbuf_reset(out);
	vcs_git_path(v, "notes-remote-config", &path);
	if (write_file_atomic(path.buf, buf, len, 0600, 0, &err) == 0 &&
	    config_open(&cfg, path.buf, &err) == 0) {
		person = config_get(cfg, "journal.person");
		strbuf_addstr(out, person ? person : "");
		free(person);
		config_free(cfg);
	}
	unlink(path.buf);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void S_set_paths(struct sync_line *line, char **paths, size_t n)
{
	line->paths = paths;
	line->npaths = n;
}

/* Notes merged item by item where their lines conflict; other files as git does. */
static int S_merge_file(const char *path, const struct vcs_blob *base, const struct vcs_blob *ours,
			const struct vcs_blob *theirs, struct strbuf *out, void *data)
{
	struct note_version b = { base->data, base->len }, o = { ours->data, ours->len },
			    t = { theirs->data, theirs->len };
	struct note_merge_labels labels = { VCS_OURS_LABEL, VCS_THEIRS_LABEL };
	struct strbuf err = STRBUF_INIT;
	size_t len = strlen(path);
	int rc;

	(void)data;
	if (len < 3 || strcmp(path + len - 3, ".md"))
		return -1;
	rc = note_merge(&b, &o, &t, &labels, out, &err);
	strbuf_release(&err);
	return rc;
}

/* A pair journal's remote must hold the notes of the same person. */
static int S_check_remote(struct vcs *v, const struct sync_target *t, struct sync_line *line)
{
	struct strbuf buf = STRBUF_INIT, person = STRBUF_INIT, err = STRBUF_INIT;
	int rc = vcs_file_at(v, "refs/remotes/origin/main", ".notes/config", &buf, &err);

	if (rc == 0)
		sync_config_person(v, buf.buf, buf.len, &person);
	if (rc < 0) {
		sync_fail(line, "cannot read the remote's journal", err.buf);
	} else if (strcmp(person.buf, t->person)) {
		strbuf_reset(&err);
		if (person.len)
			strbuf_addf(&err, "the remote holds the notes of %s, not of %s", person.buf,
				    t->person);
		else
			strbuf_addf(&err, "the remote is not a pair journal of %s", t->person);
		sync_fail(line, "refused", err.buf);
		rc = -1;
	}
	strbuf_release(&buf);
	strbuf_release(&person);
	strbuf_release(&err);
	return rc < 0 ? -1 : 0;
}

/* The state that keeps sync away: a merge in progress, changes not committed. */
static int S_ready(struct vcs *v, struct sync_line *line)
{
	struct strbuf what = STRBUF_INIT, err = STRBUF_INIT;
	enum vcs_state st = vcs_state(v, &what);
	char **paths;
	size_t n;
	int rc = -1;

	if (st == VCS_STATE_SYNC_MERGE) {
		line->outcome = SYNC_CONFLICT;
		if (vcs_conflicts(v, &paths, &n, &err) == 0)
			S_set_paths(line, paths, n);
	} else if (st == VCS_STATE_OTHER) {
		sync_fail(line, "skipped", what.buf);
	} else if (vcs_uncommitted(v, &paths, &n, &err) < 0) {
		sync_fail(line, "cannot read the journal's status", err.buf);
	} else if (n) {
		line->outcome = SYNC_SKIPPED;
		S_set_paths(line, paths, n);
	} else {
		free(paths);
		rc = 0;
	}
	strbuf_release(&what);
	strbuf_release(&err);
	return rc;
}

struct progress {
	const struct sync_options *o;
	const char *name;
};

static void S_progress(const char *what, size_t done, size_t total, void *data)
{
	struct progress *p = data;

	p->o->progress(p->name, what, done, total, p->o->data);
}

static void S_message(const struct sync_target *t, struct strbuf *msg)
{
	strbuf_addf(msg, "%s: merge origin/main\n", t->person ? t->person : "journal");
}

/* One round: fetch, merge, push. 1 when the push was refused. */
static int S_round(struct vcs *v, const struct sync_target *t, const struct vcs_progress *p,
		   struct sync_line *line, struct strbuf *warn)
{
	struct strbuf err = STRBUF_INIT, msg = STRBUF_INIT;
	struct vcs_merge_result res;
	char remote_main[41], head[41], parent[41];
	bool any;
	long ahead;
	int rc = -1;

	if (vcs_fetch(v, p, remote_main, &any, &err) < 0) {
		sync_fail(line, err.buf, NULL);
		goto out;
	}
	if (t->person && *remote_main && S_check_remote(v, t, line) < 0)
		goto out;
	S_message(t, &msg);
	if (vcs_merge_origin(v, S_merge_file, NULL, msg.buf, t->who, &res, warn, &err) < 0) {
		sync_fail(line, "cannot merge", err.buf);
		goto out;
	}
	line->fetched += res.fetched > 0 ? res.fetched : 0;
	line->merged = line->merged || res.outcome == VCS_MERGE_MERGED;
	if (res.outcome == VCS_MERGE_CONFLICT) {
		line->outcome = SYNC_CONFLICT;
		S_set_paths(line, res.conflicts, res.nconflicts);
		res.conflicts = NULL;
		res.nconflicts = 0;
		vcs_merge_result_release(&res);
		goto out;
	}
	vcs_merge_result_release(&res);
	if (vcs_head_ids(v, head, parent) < 0 || !*head) {
		rc = 0; /* nothing committed on either side */
		goto out;
	}
	ahead = vcs_count_new(v, head, remote_main);
	if (ahead <= 0) {
		rc = 0;
		goto out;
	}
	rc = vcs_push(v, p, &err);
	if (rc == 0)
		line->pushed += ahead;
	else if (rc < 0)
		sync_fail(line, "cannot push", err.buf);
	else
		sync_fail(line, "refused", err.len ? err.buf : "the remote moved");
out:
	strbuf_release(&err);
	strbuf_release(&msg);
	return rc;
}

void sync_repo(const struct sync_target *t, const struct sync_options *o, struct sync_line *line,
	       struct strbuf *warn)
{
	struct progress pd = { o, t->name };
	struct vcs_progress p = { S_progress, &pd };
	struct strbuf err = STRBUF_INIT;
	struct vcs *v = NULL;
	int tries, rc = 1;

	if (vcs_open(&v, t->root, &err) < 0) {
		sync_fail(line, "cannot open the journal", err.buf);
		goto out;
	}
	if (S_ready(v, line) < 0)
		goto out;
	for (tries = 0; tries < SYNC_PUSH_TRIES && rc == 1; tries++) {
		free(line->error);
		line->error = NULL;
		line->outcome = SYNC_UP_TO_DATE;
		rc = S_round(v, t, o->progress ? &p : NULL, line, warn);
	}
	if (rc == 0)
		line->outcome = line->fetched || line->pushed || line->merged || line->cloned
					? SYNC_SYNCED
					: SYNC_UP_TO_DATE;
	else if (rc == 1) {
		strbuf_addf(&err,
			    "the remote refused the push %d times (it keeps moving, or a hook "
			    "declines it)",
			    SYNC_PUSH_TRIES);
		sync_fail(line, err.buf, line->error);
	}
out:
	vcs_free(v);
	strbuf_release(&err);
}
