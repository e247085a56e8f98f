/* journal.h - the journal: its root, its config, its people and notes. */
#ifndef NOTES_JOURNAL_H
#define NOTES_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "config.h"
#include "note.h"

struct journal {
	char *root; /* absolute, no trailing slash */
	struct config *config;
	char *leader; /* journal.leader, may be NULL */
	char *language; /* journal.language, "en" by default */
	int max_focus;
	char **people; /* sorted, unique */
	size_t npeople;
};

struct person {
	char *id, *name, *email, *slot;
	char *language; /* person.<id>.language: overrides journal.language */
};

/* A note file of a person: path relative to the root, and its date. */
struct note_ref {
	char *path;
	notes_time date;
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

/* Refuse a person id that is invalid or whose directory is not a plain
 * directory inside the journal (a symlink, a file). */
int journal_check_person(const struct journal *j, const char *id, struct strbuf *err);
/* The notes of a person, oldest first. */
int journal_notes(const struct journal *j, const char *id, struct note_ref **out, size_t *n);
void note_refs_free(struct note_ref *refs, size_t n);
/* The path (relative) of the person's latest note before date (all when
 * date is INT64_MAX), or NULL. */
char *journal_previous(const struct journal *j, const char *id, notes_time before);
/* Read and parse the note at path (relative to the root, or absolute). */
int journal_load_note(const struct journal *j, const char *path, struct note *note,
		      struct strbuf *err);
/* Turn a path given by the user (relative to the current directory) into
 * one relative to the root; NULL when it is outside the journal. */
char *journal_relative(const struct journal *j, const char *path);
/* "<root>/<rel>" in out. */
void journal_path(const struct journal *j, const char *rel, struct strbuf *out);

#endif
