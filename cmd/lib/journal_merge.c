/* journal_merge.c - notes commit completes the merge that notes sync left
 * with conflicts: the resolved notes, checked, in one commit with both
 * parents. */
#include "journal_merge.h"

#include <stdlib.h>
#include <string.h>

#include "journal_commit_internal.h"
#include "journal_notes.h"
#include "vcs_merge.h"
#include "xalloc.h"

bool journal_note_in_merge(struct commit_session *s, const char *rel)
{
	struct strbuf err = STRBUF_INIT, what = STRBUF_INIT;
	struct where w;
	char **paths = NULL;
	size_t n = 0, i;
	bool res = false;

	if (!rel || journal_note_where(s, rel, &w, &err) < 0) {
		strbuf_release(&err);
		return false;
	}
	if (vcs_state(w.vcs, &what) == VCS_STATE_SYNC_MERGE &&
	    vcs_conflicts(w.vcs, &paths, &n, &err) == 0)
		for (i = 0; i < n; i++)
			res = res || !strcmp(paths[i], w.rel);
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(w.rel);
	strbuf_release(&err);
	strbuf_release(&what);
	return res;
}

/* What the merge commit adds to sync's message: the notes resolved, and -m. */
static void S_extra(const struct prepared_note *p, size_t n, const struct commit_request *req,
		    struct strbuf *out)
{
	size_t i;

	strbuf_addstr(out, "Resolved:");
	for (i = 0; i < n; i++)
		strbuf_addf(out, " %s", p[i].w.rel);
	if (req->user_message && *req->user_message)
		strbuf_addf(out, "\n\n%s", req->user_message);
}

/* The notes of one repository (idx[0..n) of files): prepared, then one
 * merge commit; each note's outcome and problems in its res. */
static int S_complete(struct commit_session *s, const struct note_file *files, const size_t *idx,
		      size_t n, const struct commit_request *req, struct commit_result *res,
		      struct strbuf *err)
{
	struct prepared_note *p = xcalloc(n, sizeof(*p));
	struct vcs_file *vf = xcalloc(n, sizeof(*vf));
	struct note_file *mine = xcalloc(n, sizeof(*mine));
	struct strbuf extra = STRBUF_INIT, subject = STRBUF_INIT;
	size_t i;
	int rc = 0, one;

	for (i = 0; i < n; i++) {
		mine[i] = files[idx[i]];
		one = journal_prepare_note(s, &mine[i], req, true, &p[i], &res[idx[i]], err);
		if (one < 0) {
			rc = -1;
			break;
		}
		if (one > 0)
			rc = 1; /* refused: its problems say why; the others are checked too */
		vf[i].path = p[i].w.rel;
		vf[i].data = p[i].src.buf;
		vf[i].len = p[i].src.len;
	}
	if (rc == 0) {
		S_extra(p, n, req, &extra);
		rc = vcs_commit_merge(p[0].w.vcs, vf, n, extra.buf, &s->who, &subject,
				      &res[idx[0]].warn, err);
		for (i = 0; i < n && rc == 0; i++) {
			res[idx[i]].outcome = COMMIT_MADE;
			res[idx[i]].subject = xstrdup(subject.buf);
		}
	}
	if (rc != 0)
		for (i = 0; i < n; i++)
			if (res[idx[i]].outcome != COMMIT_REFUSED && p[i].w.vcs)
				journal_restore_note(&mine[i],
						     &p[i]); /* not committed: as they were */
	for (i = 0; i < n; i++)
		prepared_note_release(&p[i]);
	free(p);
	free(vf);
	free(mine);
	strbuf_release(&extra);
	strbuf_release(&subject);
	return rc < 0 ? -1 : 0;
}

int journal_commit_merge(struct commit_session *s, const struct note_file *files, size_t n,
			 const struct commit_request *req, struct commit_result *res,
			 struct strbuf *err)
{
	struct vcs **repo = xcalloc(n + 1, sizeof(*repo));
	size_t *idx = xcalloc(n + 1, sizeof(*idx)), i, k, m;
	bool *done = xcalloc(n + 1, sizeof(*done));
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		struct where w;
		if (journal_note_where(s, files[i].rel, &w, err) < 0) {
			rc = -1;
			break;
		}
		repo[i] = w.vcs;
		free(w.rel);
	}
	/* one merge commit per repository, with its notes */
	for (i = 0; i < n && rc == 0; i++) {
		if (done[i])
			continue;
		for (k = i, m = 0; k < n; k++)
			if (!done[k] && repo[k] == repo[i]) {
				idx[m++] = k;
				done[k] = true;
			}
		rc = S_complete(s, files, idx, m, req, res, err);
	}
	free(repo);
	free(idx);
	free(done);
	return rc;
}
