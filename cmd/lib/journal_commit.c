/* journal_commit.c - commit a meeting note: ids, check, atomic write, commit. */
#include "journal_commit.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "journal_check.h"
#include "journal_commit_internal.h"
#include "journal_notes.h"
#include "message.h"
#include "note_edit.h"
#include "pair.h"
#include "strvec.h"
#include "vcs_merge.h"
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
	pair_who(j, &s->author);
	s->who.name = s->author.name;
	s->who.email = s->author.email;
	return 0;
}

void commit_session_close(struct commit_session *s)
{
	size_t i;

	for (i = 0; i < s->npairs; i++) {
		free(s->pairs[i].root);
		vcs_free(s->pairs[i].vcs);
		id_set_release(&s->pairs[i].ids);
	}
	free(s->pairs);
	vcs_free(s->vcs);
	id_set_release(&s->ids);
	person_release(&s->author);
	memset(s, 0, sizeof(*s));
}

void commit_result_release(struct commit_result *r)
{
	diag_release(&r->problems);
	free(r->subject);
	strbuf_release(&r->warn);
	r->subject = NULL;
}

/* The repository of the note rel: the journal's, or a pair journal's. */
int journal_note_where(struct commit_session *s, const char *rel, struct where *w,
		       struct strbuf *err)
{
	struct person_notes pn;
	char *person = NULL;
	size_t i;
	int rc = -1;

	memset(w, 0, sizeof(*w));
	if (!journal_note_of(s->journal, rel, &person, NULL) ||
	    journal_person_notes(s->journal, person, &pn, err) < 0) {
		free(person);
		return -1;
	}
	w->rel = xstrdup(person_notes_repo_path(&pn, rel));
	if (!strcmp(pn.repo, s->journal->root)) {
		w->vcs = s->vcs;
		w->ids = &s->ids;
		w->ids_loaded = &s->ids_loaded;
		rc = 0;
		goto out;
	}
	for (i = 0; i < s->npairs && strcmp(s->pairs[i].root, pn.repo); i++)
		;
	if (i == s->npairs) {
		struct vcs *v;
		if (vcs_open(&v, pn.repo, err) < 0) {
			strbuf_addf(err, " (%s/ is %s's pair journal: notes sync clones it)",
				    person, person);
			goto out;
		}
		ALLOC_GROW(s->pairs, s->npairs + 1, s->pairs_alloc);
		memset(&s->pairs[i], 0, sizeof(s->pairs[i]));
		s->pairs[i].root = xstrdup(pn.repo);
		s->pairs[i].vcs = v;
		s->npairs++;
	}
	w->vcs = s->pairs[i].vcs;
	w->ids = &s->pairs[i].ids;
	w->ids_loaded = &s->pairs[i].ids_loaded;
	rc = 0;
out:
	if (rc < 0) {
		free(w->rel);
		w->rel = NULL;
	}
	person_notes_release(&pn);
	free(person);
	return rc;
}

/* Give every task without an id a new one, unique in the journal. */
static size_t S_assign_ids(struct commit_session *s, const struct where *w, const struct note *note,
			   struct strbuf *src)
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
		if (!*w->ids_loaded) {
			id_set_load_cached(w->ids, s->journal, w->vcs);
			*w->ids_loaded = true;
		}
		ids = xcalloc(n, sizeof(*ids));
		idp = xcalloc(n, sizeof(*idp));
		id_new_batch(w->ids, ids, n);
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
static void S_done_ids(struct commit_session *s, const struct where *w, const char *rel,
		       const struct note *note, const struct note *prev, char ***done,
		       size_t *ndone)
{
	struct strbuf head = STRBUF_INIT, err = STRBUF_INIT;
	struct note before;
	bool has_before = false;
	size_t i, k, j, alloc = 0;

	*done = NULL;
	*ndone = 0;
	if (vcs_head_file(w->vcs, w->rel, &head, &err) == 0) {
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

static int S_commit(struct commit_session *s, const struct where *w, const struct note_file *f,
		    const struct checked_note *c, const struct strbuf *src,
		    const struct commit_request *req, struct commit_result *res, struct strbuf *err)
{
	const struct note *note = &c->note, *prev = c->nprevious ? &c->previous[0] : NULL;
	struct message_input mi = { note, req->user_message, req->subject, NULL, 0, NULL };
	struct vcs_file file = { w->rel, src->buf, src->len };
	struct strbuf msg = STRBUF_INIT, why = STRBUF_INIT, agenda = STRBUF_INIT;
	struct person member = { 0 };
	char day[11];
	int rc;

	if (!req->subject && c->agenda && note->has_date) {
		/* shared before the meeting: the subject says so */
		date_format_day(note->date, day);
		strbuf_addf(&agenda, "%s %s: agenda", note->person ? note->person : "?", day);
		mi.subject = agenda.buf;
	}

	S_done_ids(s, w, f->rel, note, prev, &mi.done, &mi.ndone);
	if (note->person) {
		journal_person(s->journal, note->person, &member);
		mi.member = &member;
	}
	message_build(&mi, &msg);
	rc = vcs_commit(w->vcs, &file, 1, msg.buf, &s->who, &res->warn, &why);
	if (rc < 0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
	} else if (rc == 1) {
		res->outcome = COMMIT_UNCHANGED;
		rc = 0;
	} else {
		res->outcome = COMMIT_MADE;
		res->subject = xstrndup(msg.buf, strcspn(msg.buf, "\n"));
		if (*w->ids_loaded) {
			id_set_merge(w->ids, src->buf, src->len);
			id_set_save(w->ids, w->vcs);
		}
	}
	free(mi.done);
	person_release(&member);
	strbuf_release(&msg);
	strbuf_release(&why);
	strbuf_release(&agenda);
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

/* Nothing is written while a merge or another git operation is in
 * progress (vcs_commit would refuse it anyway), but the merge's own notes. */
static int S_refuse_state(struct vcs *v, bool merging, const struct note_file *f,
			  struct strbuf *err)
{
	struct strbuf what = STRBUF_INIT;
	enum vcs_state st = vcs_state(v, &what);
	int rc = 0;

	if (st == VCS_STATE_SYNC_MERGE && !merging) {
		strbuf_addf(err,
			    "%s: a merge of notes sync is in progress: resolve its conflicts "
			    "and commit them (notes commit) first",
			    f->name);
		rc = -1;
	} else if (st == VCS_STATE_OTHER) {
		strbuf_addf(err, "%s: %s", f->name, what.buf);
		rc = -1;
	}
	strbuf_release(&what);
	return rc;
}

int journal_prepare_note(struct commit_session *s, const struct note_file *f,
			 const struct commit_request *req, bool merging, struct prepared_note *p,
			 struct commit_result *res, struct strbuf *err)
{
	struct note_options opts = { f->rel, s->journal->leader };
	struct strbuf why = STRBUF_INIT;
	size_t conflicts = 0, i;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	strbuf_init(&p->src, 0);
	strbuf_init(&p->orig, 0);
	if (S_validate(s, f, err) < 0 || journal_note_where(s, f->rel, &p->w, err) < 0 ||
	    S_refuse_state(p->w.vcs, merging, f, err) < 0 ||
	    S_source(f, req, &p->orig, &p->src, err) < 0)
		goto out;
	if (journal_check_note(&p->c, s->journal, f->name, f->rel, p->src.buf, p->src.len, &why) <
	    0) {
		strbuf_addf(err, "%s: %s", f->name, why.buf);
		goto out;
	}
	res->problems = p->c.problems;
	memset(&p->c.problems, 0, sizeof(p->c.problems));
	/* conflict markers are never committed, --force or not */
	for (i = 0; i < res->problems.nr; i++)
		conflicts += !strcmp(res->problems.list[i].code, "merge-conflict");
	if ((diag_count(&res->problems, SEVERITY_ERROR) && !(req->flags & COMMIT_FORCE)) ||
	    (conflicts && (merging || req->flags & COMMIT_FORCE))) {
		res->outcome = COMMIT_REFUSED;
		rc = 1;
		goto out;
	}
	if (S_assign_ids(s, &p->w, &p->c.note, &p->src)) {
		note_release(&p->c.note);
		note_parse(&p->c.note, p->src.buf, p->src.len, &opts, &why);
	}
	rc = S_write(f, &p->orig, &p->src, err) < 0 ? -1 : 0;
out:
	strbuf_release(&why);
	return rc;
}

void prepared_note_release(struct prepared_note *p)
{
	free(p->w.rel);
	checked_note_release(&p->c);
	strbuf_release(&p->src);
	strbuf_release(&p->orig);
	memset(p, 0, sizeof(*p));
}

void journal_restore_note(const struct note_file *f, const struct prepared_note *p)
{
	struct strbuf ignored = STRBUF_INIT;

	S_write(f, &p->src, &p->orig, &ignored);
	strbuf_release(&ignored);
}

int journal_commit_note(struct commit_session *s, const struct note_file *f,
			const struct commit_request *req, struct commit_result *res,
			struct strbuf *err)
{
	struct prepared_note p;
	int rc = journal_prepare_note(s, f, req, false, &p, res, err);

	if (rc == 0) {
		rc = S_commit(s, &p.w, f, &p.c, &p.src, req, res, err);
		if (rc < 0)
			journal_restore_note(f, &p); /* the commit failed: the note as it was */
	} else if (rc > 0) {
		rc = 0;
	}
	prepared_note_release(&p);
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

static bool S_keep(const char *path, bool untracked, void *data)
{
	(void)untracked;
	return !strcmp(path, JOURNAL_CONFIG) || journal_note_of(data, path, NULL, NULL);
}

/* A pair journal's notes are "<date>.md" at its root. */
static bool S_keep_pair(const char *path, bool untracked, void *data)
{
	notes_time day;
	bool has_time;

	(void)untracked;
	(void)data;
	return !strchr(path, '/') && strlen(path) == 13 && !strcmp(path + 10, ".md") &&
	       date_parse(path, 10, &day, &has_time) == 0;
}

/* Add the changed notes of each mounted pair journal, as <id>/<date>.md. */
static int S_changed_in_pairs(const struct journal *j, char ***paths, size_t *n, struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT;
	size_t i, k, alloc = *n;
	int rc = 0;

	for (i = 0; i < j->npeople && rc == 0; i++) {
		struct person_notes pn;
		struct vcs *v;
		char **more;
		size_t nmore;
		if (!pair_is_mounted(j, j->people[i]) ||
		    journal_person_notes(j, j->people[i], &pn, err) < 0)
			continue;
		rc = vcs_open(&v, pn.repo, err);
		if (rc == 0) {
			rc = vcs_changed_paths(v, S_keep_pair, NULL, &more, &nmore, err);
			vcs_free(v);
		}
		for (k = 0; rc == 0 && k < nmore; k++) {
			strbuf_reset(&dir);
			strbuf_addf(&dir, "%s/%s", pn.dir, more[k]);
			ALLOC_GROW(*paths, *n + 1, alloc);
			(*paths)[(*n)++] = strbuf_detach(&dir, NULL);
			free(more[k]);
		}
		if (rc == 0)
			free(more);
		person_notes_release(&pn);
	}
	strbuf_release(&dir);
	strvec_sort(*paths, *n);
	return rc;
}

int journal_changed_notes(const struct journal *j, char ***paths, size_t *n, struct strbuf *err)
{
	struct vcs *v;
	int rc;

	if (vcs_open(&v, j->root, err) < 0)
		return -1;
	rc = vcs_changed_paths(v, S_keep, (void *)j, paths, n, err);
	vcs_free(v);
	if (rc == 0 && !j->person)
		rc = S_changed_in_pairs(j, paths, n, err);
	return rc;
}
