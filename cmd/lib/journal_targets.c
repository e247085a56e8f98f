/* journal_targets.c - PERSON|FILE arguments -> the note files they name. */
#include "journal_targets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gettext.h"
#include "fsutil.h"
#include "journal_notes.h"
#include "xalloc.h"

void note_target_from_rel(const struct journal *j, const char *rel, struct note_target *t)
{
	struct strbuf path = STRBUF_INIT;

	journal_path(j, rel, &path);
	t->name = xstrdup(rel);
	t->path = strbuf_detach(&path, NULL);
	t->rel = xstrdup(rel);
}

static bool S_looks_like_file(const char *arg)
{
	struct stat st;
	size_t len = strlen(arg);

	if (strchr(arg, '/') || (len > 3 && !strcmp(arg + len - 3, ".md")))
		return true;
	/* a person's directory names the person */
	return lstat(arg, &st) == 0 && !(S_ISDIR(st.st_mode) && person_id_is_valid(arg));
}

/* Whether the person's notes have a directory (a person not in the config may). */
static bool S_has_dir(const struct journal *j, const struct person_notes *pn)
{
	struct strbuf path = STRBUF_INIT;
	bool res;

	journal_path(j, pn->dir, &path);
	res = is_dir(path.buf);
	strbuf_release(&path);
	return res;
}

static int S_person_target(const struct journal *j, const char *id, struct note_target *t,
			   struct strbuf *err)
{
	struct person_notes pn;
	char *rel = NULL;
	int rc = -1;

	if (!j) {
		strbuf_addf(err, _("%s: not a file, and not in a journal to look up a person"), id);
		return -1;
	}
	if (journal_person_notes(j, id, &pn, err) < 0)
		goto out;
	if (!journal_has_person(j, id) && !S_has_dir(j, &pn)) {
		strbuf_addf(err, _("%s: no such person (see 'notes person list')"), id);
		goto out;
	}
	switch (journal_previous(j, id, INT64_MAX, &rel)) {
	case -1: strbuf_addf(err, _("%s: cannot list the notes"), id); goto out;
	case 1:
		strbuf_addf(err, _("%s: has no note yet (write one with 'notes new %s')"), id, id);
		goto out;
	}
	note_target_from_rel(j, rel, t);
	rc = 0;
out:
	person_notes_release(&pn);
	free(rel);
	return rc;
}

int journal_resolve_targets(const struct journal *j, int argc, char **argv,
			    struct note_target **out, size_t *n, struct strbuf *err)
{
	struct note_target *t = xcalloc((size_t)argc + 1, sizeof(*t));
	int i;

	for (i = 0; i < argc; i++) {
		if (!S_looks_like_file(argv[i])) {
			if (S_person_target(j, argv[i], &t[i], err) < 0) {
				note_targets_free(t, (size_t)i);
				return -1;
			}
			continue;
		}
		t[i].name = xstrdup(argv[i]);
		t[i].path = xstrdup(argv[i]);
		t[i].rel = j ? journal_relative(j, argv[i]) : NULL;
	}
	*out = t;
	*n = (size_t)argc;
	return 0;
}

void journal_latest_targets(const struct journal *j, struct note_target **out, size_t *n)
{
	struct note_target *t = xcalloc(j->npeople + 1, sizeof(*t));
	size_t i, k = 0;

	for (i = 0; i < j->npeople; i++) {
		char *rel;
		if (journal_previous(j, j->people[i], INT64_MAX, &rel) == 0)
			note_target_from_rel(j, rel, &t[k++]);
		free(rel);
	}
	*out = t;
	*n = k;
}

void note_targets_free(struct note_target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(t[i].name);
		free(t[i].path);
		free(t[i].rel);
	}
	free(t);
}
