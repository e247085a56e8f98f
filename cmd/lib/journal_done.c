/* journal_done.c - notes done: find the note that holds an id, tick the
 * item and commit the note. */
#include "journal_commit.h"
#include "journal_commit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "fsutil.h"
#include "journal_check.h"
#include "journal_commit_internal.h"
#include "journal_notes.h"
#include "note_edit.h"
#include "vcs.h"
#include "xalloc.h"

/* Whether buf holds "^id" as a token. */
static bool S_holds(const struct strbuf *buf, const char *id)
{
	struct id_set set = { 0 };
	bool res;

	id_set_scan(&set, buf->buf, buf->len);
	res = id_set_has(&set, id);
	id_set_release(&set);
	return res;
}

int journal_find_id(const struct journal *j, const char *id, char **rel)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, err = STRBUF_INIT;
	size_t p, round;

	*rel = NULL;
	for (round = 0; round < 2 && !*rel; round++)
		for (p = 0; p < j->npeople && !*rel; p++) {
			struct note_ref *refs;
			size_t n, i;
			if (journal_notes(j, j->people[p], &refs, &n) < 0)
				continue;
			/* round 0: only the latest note; round 1: the older ones */
			for (i = n; i > 0 && !*rel; i--) {
				if ((round == 0) != (i == n))
					continue;
				journal_path(j, refs[i - 1].path, &path);
				strbuf_reset(&buf);
				if (read_file(path.buf, &buf, MAX_NOTE_SIZE, &err) == 0 &&
				    S_holds(&buf, id))
					*rel = xstrdup(refs[i - 1].path);
				strbuf_reset(&err);
			}
			note_refs_free(refs, n);
		}
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&err);
	return *rel ? 0 : 1;
}

/* How many review, support and focus items of note carry ^id. */
static size_t S_count(const struct note *note, const char *id)
{
	size_t i, k, n = 0;

	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++) {
			const struct task *t = &note->items[task_sections[k]][i];
			n += t->id && !strcmp(t->id, id);
		}
	return n;
}

/* Whether problem p (an error) is one of d's, by code and message. */
static bool S_known(const struct diag *d, const struct problem *p)
{
	size_t i;

	for (i = 0; i < d->nr; i++)
		if (d->list[i].severity == SEVERITY_ERROR && !strcmp(d->list[i].code, p->code) &&
		    !strcmp(d->list[i].message, p->message))
			return true;
	return false;
}

/*
 * Whether the ticked note src may be committed as notes commit --force
 * would: every error it has was committed already (HEAD's version of the
 * note has it, so the user forced it in). An error the commit would add
 * (an edit not committed, a due: date that does not exist) is refused as
 * notes commit refuses it.
 */
static bool S_errors_committed(struct commit_session *s, const char *rel, const struct strbuf *src)
{
	struct strbuf head = STRBUF_INIT, err = STRBUF_INIT;
	struct checked_note now, before;
	bool ok = false, has_now = false, has_before = false;
	struct where w;
	size_t i;

	if (journal_note_where(s, rel, &w, &err) < 0)
		goto out;
	has_now = journal_check_note(&now, s->journal, rel, rel, src->buf, src->len, &err) == 0;
	if (has_now && !diag_count(&now.problems, SEVERITY_ERROR)) {
		ok = true;
		goto out;
	}
	if (!has_now || vcs_head_file(w.vcs, w.rel, &head, &err) != 0)
		goto out;
	has_before =
		journal_check_note(&before, s->journal, rel, rel, head.buf, head.len, &err) == 0;
	ok = has_before;
	for (i = 0; ok && i < now.problems.nr; i++)
		if (now.problems.list[i].severity == SEVERITY_ERROR)
			ok = S_known(&before.problems, &now.problems.list[i]);
out:
	if (has_now)
		checked_note_release(&now);
	if (has_before)
		checked_note_release(&before);
	free(w.rel);
	strbuf_release(&head);
	strbuf_release(&err);
	return ok;
}

/* The item as it can be ticked, or -1 with why not in err. */
static int S_tickable(const struct note *note, const char *rel, const char *id, const char *at,
		      struct task **out, struct strbuf *err)
{
	struct task *task = note_find_task(note, id, NULL);

	if (!task) {
		strbuf_addf(err, _("^%s in %s is not a focus, support or review item"), id, rel);
		return -1;
	}
	if (S_count(note, id) > 1) {
		strbuf_addf(err,
			    _("^%s names more than one item in %s (a duplicate-id); "
			      "give one of them another id first"),
			    id, rel);
		return -1;
	}
	if (at && task->status != TASK_DONE && task->fields[FIELD_DONE]) {
		/* a second done: would leave the review to choose between two */
		strbuf_addf(err, _("^%s in %s already has a done: field ("), id, rel);
		strbuf_add_escaped(err, task->fields[FIELD_DONE], strlen(task->fields[FIELD_DONE]));
		strbuf_addstr(err, _("); edit it there, or run notes done without --at"));
		return -1;
	}
	*out = task;
	return 0;
}

int journal_done(struct commit_session *s, const char *id, const char *at, struct done_result *res,
		 struct strbuf *err)
{
	struct strbuf src = STRBUF_INIT, orig = STRBUF_INIT, path = STRBUF_INIT, why = STRBUF_INIT,
		      subject = STRBUF_INIT;
	const struct journal *j = s->journal;
	struct note_options opts = { NULL, j->leader };
	struct note note;
	bool parsed = false;
	struct task *task;
	struct vcs *turn = NULL;
	char day[11];
	int rc = -1;

	memset(res, 0, sizeof(*res));
	strbuf_init(&res->commit.warn, 0);
	if (journal_find_id(j, id, &res->rel) != 0) {
		strbuf_addf(err, _("no note holds ^%s"), id);
		return -1;
	}
	/* the turn from the read of the note to its commit: a notes commit
	 * of the same note cannot commit an older copy over the tick */
	{
		struct where w = { 0 };
		struct strbuf ignored = STRBUF_INIT;
		if (journal_note_where(s, res->rel, &w, &ignored) == 0) {
			if (vcs_turn_hold(w.vcs, &res->commit.warn, err) < 0) {
				free(w.rel);
				strbuf_release(&ignored);
				return -1;
			}
			turn = w.vcs;
		}
		free(w.rel);
		strbuf_release(&ignored);
	}
	journal_path(j, res->rel, &path);
	opts.file = res->rel;
	/* parsed from the bytes it edits: never read twice */
	if (read_file(path.buf, &src, MAX_NOTE_SIZE, &why) < 0 ||
	    note_parse(&note, src.buf, src.len, &opts, &why) < 0) {
		strbuf_addf(err, "%s: %s", res->rel, why.buf);
		goto out;
	}
	parsed = true;
	if (S_tickable(&note, res->rel, id, at, &task, err) < 0)
		goto out;
	if (task->status == TASK_DONE) {
		res->already_done = true;
		rc = 0;
		goto out;
	}
	strbuf_addbuf(&orig, &src);
	/* the field goes below the item first: setting the marker may shift bytes */
	if (at)
		note_edit_add_field(&src, task, "done", at);
	note_edit_set_status(&src, task, 'x');
	date_format_day(note.date, day);
	strbuf_addf(&subject, "%s %s: done %s", note.person ? note.person : "?", day, id);
	{
		struct note_file f = { res->rel, path.buf, res->rel };
		/* never commits what notes commit refuses: the errors it would add */
		struct commit_request req = { NULL, 0, subject.buf, &orig, &src };
		if (S_errors_committed(s, res->rel, &src))
			req.flags = COMMIT_FORCE;
		rc = journal_commit_note(s, &f, &req, &res->commit, err);
	}
out:
	if (turn)
		vcs_turn_release(turn);
	if (parsed)
		note_release(&note);
	strbuf_release(&src);
	strbuf_release(&orig);
	strbuf_release(&path);
	strbuf_release(&why);
	strbuf_release(&subject);
	return rc;
}

void done_result_release(struct done_result *r)
{
	free(r->rel);
	commit_result_release(&r->commit);
	r->rel = NULL;
}
