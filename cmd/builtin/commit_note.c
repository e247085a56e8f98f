/* commit_note.c - commit one meeting note: ids, check, atomic write, commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "journal_check.h"
#include "commit_note.h"
#include "xalloc.h"
#include "fsutil.h"
#include "message.h"
#include "note_edit.h"

int commit_session_open(struct commit_session *s, struct journal *j)
{
	struct strbuf err = STRBUF_INIT;

	memset(s, 0, sizeof(*s));
	s->journal = j;
	if (vcs_open(&s->vcs, j->root, &err) < 0) {
		cmd_error("%s: %s", j->root, err.buf);
		strbuf_release(&err);
		return -1;
	}
	/* best effort: the journal works without it */
	vcs_exclude_temp_files(s->vcs, &err);
	if (j->leader)
		journal_person(j, j->leader, &s->leader);
	s->who.name = s->leader.name;
	s->who.email = s->leader.email;
	strbuf_release(&err);
	return 0;
}

void commit_session_close(struct commit_session *s)
{
	vcs_free(s->vcs);
	id_set_release(&s->ids);
	person_release(&s->leader);
}

/* Give every review, support and focus task without an id a new one. */
static size_t S_assign_ids(struct commit_session *s, const struct note *note, struct strbuf *src)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };
	struct task **tasks = NULL;
	char(*ids)[ID_LEN + 1] = NULL;
	const char **idp = NULL;
	size_t n = 0, i, k;

	for (k = 0; k < 3; k++)
		n += note->nitems[secs[k]];
	tasks = xcalloc(n + 1, sizeof(*tasks));
	n = 0;
	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[secs[k]]; i++)
			if (!note->items[secs[k]][i].id)
				tasks[n++] = &note->items[secs[k]][i];
	if (n) {
		if (!s->ids_loaded) {
			id_set_load_cached(&s->ids, s->journal, s->vcs);
			s->ids_loaded = true;
		}
		ids = xcalloc(n, sizeof(*ids));
		idp = xcalloc(n, sizeof(*idp));
		id_new_batch(&s->ids, ids, n);
		for (i = 0; i < n; i++)
			idp[i] = ids[i];
		note_edit_add_ids(src, tasks, idp, n);
	}
	free(tasks);
	free(ids);
	free(idp);
	return n;
}

static bool S_was_done(const struct note *n, const char *id)
{
	const struct task *t = n ? note_find_task(n, id, NULL) : NULL;
	return t && t->status == TASK_DONE;
}

/* Ids done in note that were done neither in its committed version (HEAD)
 * nor in the previous note: the ones this commit ticks. */
static void S_done_ids(struct commit_session *s, const struct target *t, const struct note *note,
		       const struct note *prev, char ***done, size_t *ndone)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };
	struct strbuf head = STRBUF_INIT, err = STRBUF_INIT;
	struct note before;
	bool has_before = false;
	size_t i, k, j;

	*done = NULL;
	*ndone = 0;
	if (vcs_head_file(s->vcs, t->rel, &head, &err) == 0) {
		struct note_options opts = { t->rel, s->journal->leader };
		has_before = note_parse(&before, head.buf, head.len, &opts, &err) == 0;
	}
	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[secs[k]]; i++) {
			const struct task *x = &note->items[secs[k]][i];
			bool seen = false;
			if (!x->id || x->status != TASK_DONE ||
			    S_was_done(has_before ? &before : NULL, x->id) ||
			    S_was_done(prev, x->id))
				continue;
			for (j = 0; j < *ndone; j++)
				seen = seen || !strcmp((*done)[j], x->id);
			if (seen)
				continue;
			*done = xrealloc(*done, (*ndone + 1) * sizeof(**done));
			(*done)[(*ndone)++] = x->id;
		}
	if (has_before)
		note_release(&before);
	strbuf_release(&head);
	strbuf_release(&err);
}

/* Print the note's problems; whether it may be committed. */
static bool S_check(const struct target *t, const struct diag *problems, unsigned flags)
{
	struct strbuf out = STRBUF_INIT;
	size_t errors = diag_count(problems, SEVERITY_ERROR);
	bool ok = !errors || (flags & COMMIT_FORCE);

	diag_format(problems, t->display, &out);
	if (!(flags & COMMIT_QUIET))
		fputs(out.buf, stderr);
	if (!ok)
		cmd_error("commit: %s has %zu error%s; not committed (fix it, or --force)",
			  t->display, errors, errors == 1 ? "" : "s");
	strbuf_release(&out);
	return ok;
}

static int S_validate(struct commit_session *s, const struct target *t)
{
	struct strbuf err = STRBUF_INIT;
	char *person = NULL;
	notes_time date;
	struct stat st;
	int rc = 0;

	if (!t->rel || strchr(t->rel, '/') != strrchr(t->rel, '/') ||
	    note_path_split(t->rel, &person, &date) < 0)
		rc = cmd_error(
			"commit: %s is not a note of this journal (<person>/<YYYY-MM-DD>.md)",
			t->display);
	else if (journal_check_person(s->journal, person, &err) < 0)
		rc = cmd_error("commit: %s", err.buf);
	else if (lstat(t->path, &st) == 0 && !S_ISREG(st.st_mode))
		rc = cmd_error("commit: %s is not a regular file (a link, a FIFO or a device)",
			       t->display);
	free(person);
	strbuf_release(&err);
	return rc;
}

static int S_commit(struct commit_session *s, const struct target *t, const struct note *note,
		    const struct note *prev, const struct strbuf *src, const char *user_message,
		    const char *subject, size_t *committed)
{
	struct message_input mi = { note, user_message, subject, NULL, 0, NULL };
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs_file file = { t->rel, src->buf, src->len };
	struct person member = { 0 };
	int rc;

	S_done_ids(s, t, note, prev, &mi.done, &mi.ndone);
	if (note->person) {
		journal_person(s->journal, note->person, &member);
		mi.member = &member;
	}
	message_build(&mi, &msg);
	rc = vcs_commit(s->vcs, &file, 1, msg.buf, &s->who, &err);
	if (rc < 0) {
		rc = cmd_error("commit: %s: %s", t->display, err.buf);
	} else if (rc == 1) {
		printf("%s: nothing to commit\n", t->display);
		rc = EXIT_OK;
	} else {
		printf("committed %s: %.*s\n", t->display, (int)strcspn(msg.buf, "\n"), msg.buf);
		(*committed)++;
		if (s->ids_loaded) {
			id_set_merge(&s->ids, src->buf, src->len);
			id_set_save(&s->ids, s->vcs);
		}
	}
	free(mi.done);
	person_release(&member);
	strbuf_release(&msg);
	strbuf_release(&err);
	return rc;
}

/* Write to the note what the commit is about to hold. */
static int S_write(const struct target *t, const struct strbuf *from, const struct strbuf *to)
{
	struct strbuf err = STRBUF_INIT;
	int rc = 0;

	if (from->len == to->len && !memcmp(from->buf, to->buf, to->len))
		return 0;
	if (write_file_if_unchanged(t->path, from->buf, from->len, to->buf, to->len, &err) < 0)
		rc = cmd_error("commit: %s: %s", t->display, err.buf);
	strbuf_release(&err);
	return rc;
}

int commit_note_as(struct commit_session *s, const struct target *t,
		   const struct commit_request *req, size_t *committed)
{
	struct strbuf src = STRBUF_INIT, orig = STRBUF_INIT, err = STRBUF_INIT;
	struct note_options opts = { t->rel, s->journal->leader };
	struct checked_note c;
	bool checked = false;
	int rc = EXIT_ERROR;

	if (S_validate(s, t))
		return EXIT_ERROR;
	if (req->edited) {
		strbuf_addbuf(&orig, req->orig);
		strbuf_addbuf(&src, req->edited);
	} else if (read_file(t->path, &orig, MAX_NOTE_SIZE, &err) < 0) {
		cmd_error("commit: %s: %s", t->display, err.buf);
		goto out;
	} else {
		strbuf_addbuf(&src, &orig);
	}
	/* an empty file is no meeting (and is what an editor that rewrites in
	 * place leaves for a moment): never commit one */
	if (!src.len) {
		cmd_error("commit: %s is empty; not committed", t->display);
		goto out;
	}
	checked = true;
	if (journal_check_note(&c, s->journal, t->display, t->rel, src.buf, src.len, &err) < 0) {
		cmd_error("commit: %s: %s", t->display, err.buf);
		goto out;
	}
	if (!S_check(t, &c.problems, req->flags)) {
		rc = EXIT_PROBLEMS;
		goto out;
	}
	if (S_assign_ids(s, &c.note, &src)) {
		note_release(&c.note);
		note_parse(&c.note, src.buf, src.len, &opts, &err);
	}
	if (S_write(t, &orig, &src))
		goto out;
	rc = S_commit(s, t, &c.note, c.nprevious ? &c.previous[0] : NULL, &src, req->user_message,
		      req->subject, committed);
	if (rc == EXIT_ERROR)
		S_write(t, &src, &orig); /* the commit failed: the note as it was */
out:
	if (checked)
		checked_note_release(&c);
	strbuf_release(&src);
	strbuf_release(&orig);
	strbuf_release(&err);
	return rc;
}

int commit_note(struct commit_session *s, const struct target *t, const char *user_message,
		bool force, size_t *committed)
{
	struct commit_request req = { user_message, force ? COMMIT_FORCE : 0, NULL, NULL, NULL };

	return commit_note_as(s, t, &req, committed);
}
