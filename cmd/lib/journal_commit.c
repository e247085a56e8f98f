/* journal_commit.c - commit a meeting note: ids, check, atomic write, commit. */
#include "journal_commit.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "journal_check.h"
#include "journal_notes.h"
#include "message.h"
#include "note_edit.h"
#include "xalloc.h"

int commit_session_open(struct commit_session *s, struct journal *j, struct strbuf *err)
{
	struct strbuf ignored = STRBUF_INIT;

	memset(s, 0, sizeof(*s));
	s->journal = j;
	if (vcs_open(&s->vcs, j->root, err) < 0)
		return -1;
	/* best effort: the journal works without it */
	vcs_exclude_temp_files(s->vcs, &ignored);
	strbuf_release(&ignored);
	if (j->leader)
		journal_person(j, j->leader, &s->leader);
	s->who.name = s->leader.name;
	s->who.email = s->leader.email;
	return 0;
}

void commit_session_close(struct commit_session *s)
{
	vcs_free(s->vcs);
	id_set_release(&s->ids);
	person_release(&s->leader);
	memset(s, 0, sizeof(*s));
}

void commit_result_release(struct commit_result *r)
{
	diag_release(&r->problems);
	free(r->subject);
	strbuf_release(&r->warn);
	r->subject = NULL;
}

/* Give every task without an id a new one, unique in the journal. */
static size_t S_assign_ids(struct commit_session *s, const struct note *note, struct strbuf *src)
{
	struct task **tasks = NULL;
	char(*ids)[ID_LEN + 1] = NULL;
	const char **idp = NULL;
	size_t n = 0, i, k;

	for (k = 0; k < TASK_SECTIONS; k++)
		n += note->nitems[task_sections[k]];
	tasks = xcalloc(n + 1, sizeof(*tasks));
	n = 0;
	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++)
			if (!note->items[task_sections[k]][i].id)
				tasks[n++] = &note->items[task_sections[k]][i];
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
static void S_done_ids(struct commit_session *s, const char *rel, const struct note *note,
		       const struct note *prev, char ***done, size_t *ndone)
{
	struct strbuf head = STRBUF_INIT, err = STRBUF_INIT;
	struct note before;
	bool has_before = false;
	size_t i, k, j, alloc = 0;

	*done = NULL;
	*ndone = 0;
	if (vcs_head_file(s->vcs, rel, &head, &err) == 0) {
		struct note_options opts = { rel, s->journal->leader };
		has_before = note_parse(&before, head.buf, head.len, &opts, &err) == 0;
	}
	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++) {
			const struct task *x = &note->items[task_sections[k]][i];
			bool seen = false;
			if (!x->id || x->status != TASK_DONE ||
			    S_was_done(has_before ? &before : NULL, x->id) ||
			    S_was_done(prev, x->id))
				continue;
			for (j = 0; j < *ndone; j++)
				seen = seen || !strcmp((*done)[j], x->id);
			if (seen)
				continue;
			ALLOC_GROW(*done, *ndone + 1, alloc);
			(*done)[(*ndone)++] = x->id;
		}
	if (has_before)
		note_release(&before);
	strbuf_release(&head);
	strbuf_release(&err);
}

/* f must be a regular file <person>/<YYYY-MM-DD>.md of the journal. */
static int S_validate(struct commit_session *s, const struct note_file *f, struct strbuf *err)
{
	char *person = NULL;
	struct stat st;
	int rc = 0;

	if (!f->rel || !journal_note_of(s->journal, f->rel, &person, NULL)) {
		strbuf_addf(err, "%s is not a note of this journal (<person>/<YYYY-MM-DD>.md)",
			    f->name);
		rc = -1;
	} else if (journal_check_person(s->journal, person, err) < 0) {
		rc = -1;
	} else if (lstat(f->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		strbuf_addf(err, "%s is not a regular file (a link, a FIFO or a device)", f->name);
		rc = -1;
	}
	free(person);
	return rc;
}

static int S_commit(struct commit_session *s, const struct note_file *f, const struct note *note,
		    const struct note *prev, const struct strbuf *src,
		    const struct commit_request *req, struct commit_result *res, struct strbuf *err)
{
	struct message_input mi = { note, req->user_message, req->subject, NULL, 0, NULL };
	struct vcs_file file = { f->rel, src->buf, src->len };
	struct strbuf msg = STRBUF_INIT, why = STRBUF_INIT;
	struct person member = { 0 };
	int rc;

	S_done_ids(s, f->rel, note, prev, &mi.done, &mi.ndone);
	if (note->person) {
		journal_person(s->journal, note->person, &member);
		mi.member = &member;
	}
	message_build(&mi, &msg);
	rc = vcs_commit(s->vcs, &file, 1, msg.buf, &s->who, &res->warn, &why);
	if (rc < 0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
	} else if (rc == 1) {
		res->outcome = COMMIT_UNCHANGED;
		rc = 0;
	} else {
		res->outcome = COMMIT_MADE;
		res->subject = xstrndup(msg.buf, strcspn(msg.buf, "\n"));
		if (s->ids_loaded) {
			id_set_merge(&s->ids, src->buf, src->len);
			id_set_save(&s->ids, s->vcs);
		}
	}
	free(mi.done);
	person_release(&member);
	strbuf_release(&msg);
	strbuf_release(&why);
	return rc;
}

/* Write to the note what the commit is about to hold. */
static int S_write(const struct note_file *f, const struct strbuf *from, const struct strbuf *to,
		   struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	int rc = 0;

	if (from->len == to->len && !memcmp(from->buf, to->buf, to->len))
		return 0;
	if (write_file_if_unchanged(f->path, from->buf, from->len, to->buf, to->len, &why) < 0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
		rc = -1;
	}
	strbuf_release(&why);
	return rc;
}

/* The bytes to commit: the edit requested, else the file. */
static int S_source(const struct note_file *f, const struct commit_request *req,
		    struct strbuf *orig, struct strbuf *src, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;

	if (req->edited) {
		strbuf_addbuf(orig, req->orig);
		strbuf_addbuf(src, req->edited);
	} else if (read_file(f->path, orig, MAX_NOTE_SIZE, &why) < 0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
		strbuf_release(&why);
		return -1;
	} else {
		strbuf_addbuf(src, orig);
	}
	/* an empty file is no meeting (and is what an editor that rewrites in
	 * place leaves for a moment): never commit one */
	if (!src->len) {
		strbuf_addf(err, "%s is empty; not committed", f->name);
		return -1;
	}
	return 0;
}

int journal_commit_note(struct commit_session *s, const struct note_file *f,
			const struct commit_request *req, struct commit_result *res,
			struct strbuf *err)
{
	struct strbuf src = STRBUF_INIT, orig = STRBUF_INIT, why = STRBUF_INIT;
	struct note_options opts = { f->rel, s->journal->leader };
	struct checked_note c;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	if (S_validate(s, f, err) < 0 || S_source(f, req, &orig, &src, err) < 0)
		goto out;
	if (journal_check_note(&c, s->journal, f->name, f->rel, src.buf, src.len, &why) < 0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
		goto out;
	}
	res->problems = c.problems;
	memset(&c.problems, 0, sizeof(c.problems));
	if (diag_count(&res->problems, SEVERITY_ERROR) && !(req->flags & COMMIT_FORCE)) {
		res->outcome = COMMIT_REFUSED;
		rc = 0;
		goto out;
	}
	if (S_assign_ids(s, &c.note, &src)) {
		note_release(&c.note);
		note_parse(&c.note, src.buf, src.len, &opts, &why);
	}
	if (S_write(f, &orig, &src, err) < 0)
		goto out;
	rc = S_commit(s, f, &c.note, c.nprevious ? &c.previous[0] : NULL, &src, req, res, err);
	if (rc < 0) {
		struct strbuf ignored = STRBUF_INIT;
		/* the commit failed: the note as it was */
		S_write(f, &src, &orig, &ignored);
		strbuf_release(&ignored);
	}
out:
	checked_note_release(&c);
	strbuf_release(&src);
	strbuf_release(&orig);
	strbuf_release(&why);
	return rc;
}

int journal_commit_config(struct commit_session *s, struct commit_result *res, struct strbuf *err)
{
	static const struct vcs_file paths[] = { { JOURNAL_CONFIG, NULL, 0 } };
	int rc = vcs_commit(s->vcs, paths, 1, "journal: update .notes/config\n", &s->who,
			    &res->warn, err);

	if (rc < 0)
		return -1;
	res->outcome = rc == 0 ? COMMIT_MADE : COMMIT_UNCHANGED;
	if (rc == 0)
		res->subject = xstrdup("journal: update .notes/config");
	return 0;
}

static bool S_keep(const char *path, void *data)
{
	return !strcmp(path, JOURNAL_CONFIG) || journal_note_of(data, path, NULL, NULL);
}

int journal_changed_notes(const struct journal *j, char ***paths, size_t *n, struct strbuf *err)
{
	struct vcs *v;
	int rc;

	if (vcs_open(&v, j->root, err) < 0)
		return -1;
	rc = vcs_changed_paths(v, S_keep, (void *)j, paths, n, err);
	vcs_free(v);
	return rc;
}
