/* journal.h - the journal: its root, its config and its people (where
 * their notes live: journal_notes.h). */
#ifndef NOTES_JOURNAL_H
#define NOTES_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "vcs_config.h"
#include "note.h"

/* The journal's config, relative to its root. */
#define JOURNAL_CONFIG ".notes/config"

struct journal {
	char *root; /* absolute, no trailing slash */
	struct config *config;
	char *leader; /* journal.leader, may be NULL */
	/* journal.person: a pair journal, whose notes are this person's and
	 * sit at its root (pair.h); NULL for a team journal */
	char *person;
	char *language; /* journal.language, "en" by default */
	int max_focus;
	char **people; /* sorted, unique, valid ids */
	size_t npeople;
	/* what the command should say once ("warning: ...\n" lines: ids of
	 * the config that are no person ids, skipped); NULL when nothing */
	char *warnings;
};

struct person {
	char *id, *name, *email, *slot;
	char *language; /* person.<id>.language: overrides journal.language */
};

/*
 * Find the journal from dir (NULL: the current directory) upward, like
 * git finds a repository. Returns 0 with *out set; 1 when there is no
 * journal there ("not in a journal ..." in err); -1 when there is one
 * that cannot be opened (its config cannot be read: the reason, with the
 * config's line, in err).
 */
int journal_find(struct journal **out, const char *dir, struct strbuf *err);
int journal_open(struct journal **out, const char *root, struct strbuf *err);
void journal_free(struct journal *j);
/* Re-read the config (after it was changed). */
int journal_reload(struct journal *j, struct strbuf *err);

bool journal_has_person(const struct journal *j, const char *id);
/* check_context.person_known adapter: data is the journal. */
bool journal_person_known(const char *id, void *data);
void journal_person(const struct journal *j, const char *id, struct person *out);
void person_release(struct person *p);

/* Turn a path given by the user (relative to the current directory) into
 * one relative to the root; NULL when it is outside the journal. */
char *journal_relative(const struct journal *j, const char *path);
/* "<root>/<rel>" in out. */
void journal_path(const struct journal *j, const char *rel, struct strbuf *out);

#endif
