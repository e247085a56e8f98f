/* journal_notes.c - where a person's notes live, and the notes there. */
#include "journal_notes.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "pair.h"
#include "xalloc.h"

/*
 * The decision itself, for a valid id: false when the journal holds none
 * of the person's notes. A pair journal (journal.person) holds its
 * person's, at its root, in its repository; in a team journal a shared
 * person's <id>/ is their pair journal, a repository of its own (its
 * .notes/config must say it is theirs); everyone else's notes are <id>/
 * of the journal, committed in the journal's repository.
 */
static bool S_locate(const struct journal *j, const char *id, struct person_notes *out)
{
	struct strbuf repo = STRBUF_INIT, ignored = STRBUF_INIT;
	bool mounted = !j->person && pair_is_mounted(j, id);

	if (j->person ? strcmp(id, j->person) != 0 : false)
		return false;
	journal_path(j, id, &repo);
	if (mounted && pair_check_dir(repo.buf, id, &ignored) < 0) {
		strbuf_release(&repo);
		strbuf_release(&ignored);
		return false;
	}
	out->id = xstrdup(id);
	if (j->person) {
		out->dir = xstrdup("");
		out->repo = xstrdup(j->root);
		out->repo_dir = xstrdup("");
	} else if (mounted || pair_is_shared(j, id)) {
		out->dir = xstrdup(id);
		out->repo = strbuf_detach(&repo, NULL);
		out->repo_dir = xstrdup("");
	} else {
		out->dir = xstrdup(id);
		out->repo = xstrdup(j->root);
		out->repo_dir = xstrdup(id);
	}
	strbuf_release(&repo);
	strbuf_release(&ignored);
	return true;
}

int journal_person_notes(const struct journal *j, const char *id, struct person_notes *out,
			 struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	if (j->person && (!person_id_is_valid(id) || strcmp(id, j->person))) {
		strbuf_addstr(err, "this is the pair journal of ");
		strbuf_addstr(err, j->person);
		strbuf_addstr(err, ": it holds no notes of '");
		strbuf_add_escaped(err, id, strlen(id) > 80 ? 80 : strlen(id));
		strbuf_addstr(err, "'");
		return -1;
	}
	if (journal_check_person(j, id, err) < 0)
		return -1;
	if (!S_locate(j, id, out)) {
		strbuf_addf(err, "%s's notes are not in this journal", id);
		return -1;
	}
	return 0;
}

void person_notes_release(struct person_notes *pn)
{
	free(pn->id);
	free(pn->dir);
	free(pn->repo);
	free(pn->repo_dir);
	memset(pn, 0, sizeof(*pn));
}

void person_notes_path(const struct person_notes *pn, notes_time day, struct strbuf *out)
{
	char date[11];

	date_format_day(day, date);
	strbuf_reset(out);
	if (*pn->dir)
		strbuf_addf(out, "%s/", pn->dir);
	strbuf_addf(out, "%s.md", date);
}

const char *person_notes_repo_path(const struct person_notes *pn, const char *rel)
{
	size_t dlen = strlen(pn->dir), rlen = strlen(pn->repo_dir);

	/* the notes' directory relative to the journal and to the repository
	 * end alike: what differs is the part before it */
	if (dlen > rlen && !strncmp(rel, pn->dir, dlen - rlen))
		/* a pair journal's root holds the notes: "<id>/" goes, slash too */
		return rel + (dlen - rlen) + (!rlen && rel[dlen] == '/');
	return rel;
}

int journal_check_person(const struct journal *j, const char *id, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	int rc = 0;

	if (!person_id_is_valid(id)) {
		strbuf_addstr(err, "invalid person id '");
		strbuf_add_escaped(err, id, strlen(id) > 80 ? 80 : strlen(id));
		strbuf_addstr(err, "' (use [a-z0-9][a-z0-9._-]{0,63})");
		return -1;
	}
	journal_path(j, id, &path);
	if (lstat(path.buf, &st) == 0 && !S_ISDIR(st.st_mode)) {
		strbuf_addf(err, "%s is not a plain directory in the journal (%s)", id,
			    S_ISLNK(st.st_mode) ? "a symbolic link" : "a file");
		rc = -1;
	} else if (!j->person && pair_is_mounted(j, id)) {
		/* a shared person: <id>/ must be their own pair journal */
		rc = pair_check_dir(path.buf, id, err);
	}
	strbuf_release(&path);
	return rc;
}

bool journal_note_of(const struct journal *j, const char *rel, char **person, notes_time *day)
{
	char *p = NULL;
	notes_time d;

	if (j && j->person) {
		/* a pair journal: "<YYYY-MM-DD>.md" at the root */
		bool has_time;
		if (strchr(rel, '/') || strlen(rel) != 13 || strcmp(rel + 10, ".md") ||
		    date_parse(rel, 10, &d, &has_time) < 0)
			return false;
		p = xstrdup(j->person);
	} else if (!strchr(rel, '/') || strchr(rel, '/') != strrchr(rel, '/') ||
		   note_path_split(rel, &p, &d) < 0) {
		/* a team journal: exactly one level, "<person>/<YYYY-MM-DD>.md" */
		return false;
	}
	if (person)
		*person = p;
	else
		free(p);
	if (day)
		*day = d;
	return true;
}

/* A note file name as it is read, before the paths are made. */
struct name_ref {
	char name[14];
	notes_time date;
};

static int S_cmp_ref(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;
	return x->date < y->date ? -1 : x->date > y->date;
}

/* Whether name is "<YYYY-MM-DD>.md" in digits (which need not be a valid
 * date): such names sort as their dates do. */
static bool S_digit_name(const char *name)
{
	static const char pattern[] = "dddd-dd-dd.md";
	size_t i;

	for (i = 0; pattern[i]; i++)
		if (pattern[i] == 'd' ? name[i] < '0' || name[i] > '9' : name[i] != pattern[i])
			return false;
	return !name[i];
}

/* The newest notes of a directory while it is read: at most keep of
 * them (0: all), oldest first when keep is set. A name older than the
 * oldest kept one is dropped without parsing its date once keep are
 * held. */
struct newest {
	struct name_ref *refs;
	size_t n, alloc, keep;
	bool dropped; /* an older note was left out */
};

static void S_keep(struct newest *w, const char *name, notes_time date)
{
	size_t at;

	if (w->keep && w->n == w->keep) {
		w->dropped = true;
		if (date < w->refs[0].date)
			return;
		memmove(&w->refs[0], &w->refs[1], (w->n - 1) * sizeof(*w->refs));
		w->n--;
	}
	ALLOC_GROW(w->refs, w->n + 1, w->alloc);
	at = w->n;
	if (w->keep) /* kept in order: insert in place */
		for (; at > 0 && w->refs[at - 1].date > date; at--)
			;
	memmove(&w->refs[at + 1], &w->refs[at], (w->n - at) * sizeof(*w->refs));
	memcpy(w->refs[at].name, name, sizeof(w->refs[at].name));
	w->refs[at].date = date;
	w->n++;
}

/* The dated notes of dir (absolute) into refs, as "<prefix><date>.md":
 * the newest keep of them (0: all); *dropped says whether any was left
 * out. */
static int S_list(const char *dir, const char *prefix, size_t keep, struct note_ref **out,
		  size_t *n, bool *dropped)
{
	struct newest w = { NULL, 0, 0, keep, false };
	struct note_ref *refs;
	size_t i, plen = strlen(prefix);
	struct dirent *de;
	struct stat st;
	DIR *d;

	/* a person directory that is a link (maybe out of the journal) holds no note */
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	d = opendir(dir);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		notes_time date;
		bool has_time;
		if (strlen(de->d_name) != 13 || strcmp(de->d_name + 10, ".md"))
			continue;
		/* older than every note kept: its date need not be read */
		if (keep && w.n == keep && S_digit_name(de->d_name) &&
		    strncmp(de->d_name, w.refs[0].name, 10) < 0) {
			w.dropped = true;
			continue;
		}
		if (date_parse(de->d_name, 10, &date, &has_time) < 0)
			continue;
		S_keep(&w, de->d_name, date);
	}
	closedir(d);
	if (!keep && w.n)
		qsort(w.refs, w.n, sizeof(*w.refs), S_cmp_ref);
	/* a list of years of notes is built on every status: no strbuf */
	refs = w.n ? xcalloc(w.n, sizeof(*refs)) : NULL;
	for (i = 0; i < w.n; i++) {
		refs[i].path = xmalloc(plen + 13 + 1);
		memcpy(refs[i].path, prefix, plen);
		memcpy(refs[i].path + plen, w.refs[i].name, 14);
		refs[i].date = w.refs[i].date;
	}
	free(w.refs);
	*out = refs;
	*n = w.n;
	if (dropped)
		*dropped = w.dropped;
	return 0;
}

int journal_notes_newest(const struct journal *j, const char *id, size_t keep,
			 struct note_ref **out, size_t *n, bool *dropped)
{
	struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT;
	struct person_notes pn = { 0 };
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (dropped)
		*dropped = false;
	/* S_list refuses a directory that is a link: no journal_check_person,
	 * whose lstat would be a second one on every listing */
	if (person_id_is_valid(id) && S_locate(j, id, &pn)) {
		journal_path(j, pn.dir, &dir);
		if (*pn.dir)
			strbuf_addf(&prefix, "%s/", pn.dir);
		rc = S_list(dir.buf, prefix.buf, keep, out, n, dropped);
	}
	person_notes_release(&pn);
	strbuf_release(&dir);
	strbuf_release(&prefix);
	return rc;
}

int journal_notes(const struct journal *j, const char *id, struct note_ref **out, size_t *n)
{
	return journal_notes_newest(j, id, 0, out, n, NULL);
}

void note_refs_free(struct note_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(refs[i].path);
	free(refs);
}

int journal_previous(const struct journal *j, const char *id, notes_time before, char **rel)
{
	struct note_ref *refs;
	size_t n, i;

	*rel = NULL;
	if (journal_notes(j, id, &refs, &n) < 0)
		return -1;
	for (i = n; i > 0 && !*rel; i--)
		if (refs[i - 1].date < before)
			*rel = xstrdup(refs[i - 1].path);
	note_refs_free(refs, n);
	return *rel ? 0 : 1;
}

int journal_read_note(const struct journal *j, const char *path, struct strbuf *buf,
		      struct note *note, struct strbuf *err)
{
	struct strbuf full = STRBUF_INIT;
	struct note_options opts = { path, j ? j->leader : NULL };
	struct stat st;
	int rc = -1;

	if (j)
		journal_path(j, path, &full);
	else
		strbuf_addstr(&full, path);
	/* in the journal a note is a regular file, not a link that may lead out of it */
	if (j && lstat(full.buf, &st) == 0 && S_ISLNK(st.st_mode))
		strbuf_addstr(err, "is a symbolic link, not a note of the journal");
	else if (read_file(full.buf, buf, MAX_NOTE_SIZE, err) == 0)
		rc = note_parse(note, buf->buf, buf->len, &opts, err);
	strbuf_release(&full);
	return rc;
}

int journal_load_note(const struct journal *j, const char *path, struct note *note,
		      struct strbuf *err)
{
	struct strbuf buf = STRBUF_INIT;
	int rc = journal_read_note(j, path, &buf, note, err);

	strbuf_release(&buf);
	return rc;
}
