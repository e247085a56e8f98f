/* journal_notes.h - where a person's notes live: the one place that maps
 * a person to the directory of their notes and the repository they are
 * committed in, and the paths, lists and loading built on it. */
#ifndef NOTES_JOURNAL_NOTES_H
#define NOTES_JOURNAL_NOTES_H

#include "journal.h"

/*
 * Where the notes of one person live. Today: the directory <id>/ of the
 * journal, committed in the journal's repository. A pair journal (a
 * repository of the person's own, nested at <id>/, or a journal with
 * journal.person = <id> and the notes at its root) is a change of
 * journal_person_notes alone: every command reaches the notes through it.
 */
struct person_notes {
	char *id;
	char *dir; /* the directory of the notes, relative to the journal root ("" : the root) */
	char *repo; /* the root of the repository the notes are committed in (absolute) */
	char *repo_dir; /* dir, relative to repo ("" : its root) */
};

/* Where the notes of person id live. Returns 0, or -1 with the reason in
 * err: an invalid id, or a directory that is not a plain directory of the
 * journal (a symbolic link, a file). out is released either way. */
int journal_person_notes(const struct journal *j, const char *id, struct person_notes *out,
			 struct strbuf *err);
void person_notes_release(struct person_notes *pn);

/* The note of the meeting on day (its time is ignored), relative to the
 * journal root: "<dir>/<YYYY-MM-DD>.md". */
void person_notes_path(const struct person_notes *pn, notes_time day, struct strbuf *out);
/* The same note's path in its repository (rel as person_notes_path gives it). */
const char *person_notes_repo_path(const struct person_notes *pn, const char *rel);

/* Refuse a person id that is invalid or whose directory is not a plain
 * directory inside the journal (a symlink, a file). Returns 0 or -1 with err. */
int journal_check_person(const struct journal *j, const char *id, struct strbuf *err);

/* Whether rel (relative to the root) is the path of a note of the journal;
 * then its person (malloc'd, when person is not NULL) and day. */
bool journal_note_of(const struct journal *j, const char *rel, char **person, notes_time *day);

/* A note file of a person: its path relative to the root, and its day. */
struct note_ref {
	char *path;
	notes_time date;
};

/* The notes of person id, oldest first (none for an invalid id or a
 * directory that is a link). Returns 0, or -1 when the directory cannot
 * be read (*out empty). The caller frees with note_refs_free. */
int journal_notes(const struct journal *j, const char *id, struct note_ref **out, size_t *n);
/* The same, but only the newest keep notes (all when keep is 0), read in
 * one pass over the directory that parses the dates of those only;
 * *dropped (unless NULL) says whether older ones were left out. */
int journal_notes_newest(const struct journal *j, const char *id, size_t keep,
			 struct note_ref **out, size_t *n, bool *dropped);
void note_refs_free(struct note_ref *refs, size_t n);

/* The person's latest note whose day is before before (a start of day,
 * or INT64_MAX: the latest of all): 0 with *rel (malloc'd, relative to the root); 1
 * when there is none (*rel NULL); -1 when the notes cannot be listed. */
int journal_previous(const struct journal *j, const char *id, notes_time before, char **rel);

/* Read and parse the note at path (relative to the root, or absolute; j
 * NULL: any file); a note of the journal that is a symbolic link is
 * refused. Returns 0, or -1 with the reason in err (note then unset). */
int journal_load_note(const struct journal *j, const char *path, struct note *note,
		      struct strbuf *err);
/* The same, with the bytes it parsed in buf (the note's offsets point into them). */
int journal_read_note(const struct journal *j, const char *path, struct strbuf *buf,
		      struct note *note, struct strbuf *err);

#endif
