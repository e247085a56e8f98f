/* note.h - a 1:1 meeting note: Markdown bytes -> struct note. */
#ifndef NOTES_NOTE_H
#define NOTES_NOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "vocab.h"

enum task_status { TASK_OPEN, TASK_DONE, TASK_PARTIAL, TASK_DROPPED };

/* Text read from a note is in Unicode NFC; tags are also case-folded, so
 * that "#Conversion" and "#conversion" are one tag. */
struct goal {
	char *tag; /* without '#', NULL when the goal has none */
	char *text;
	int line;
};

/* A review, support or focus item; also a blocker (status, tags, fields). */
struct task {
	char *id; /* without '^'; NULL when it has none yet */
	enum task_status status;
	bool has_marker; /* a [ ] style marker was written */
	char *text;
	char *owner; /* explicit @owner, else the default for its section */
	bool owner_explicit;
	char **tags;
	size_t ntags, tags_alloc;
	notes_time due;
	bool has_due, due_explicit;
	char *fields[FIELD__COUNT]; /* English values for enumerated fields */
	notes_time done_at; /* parsed "done:" field */
	bool has_done_at;
	int line, column; /* of the list marker; the column counts characters */
	int end_line; /* last line of the item, its nested fields included */
	int text_end_line; /* last line of the item's first paragraph (its text) */
	size_t line_start; /* byte offset of the item's first line in the source */
	size_t line_end; /* byte offset of its end, before any \r\n */
	size_t id_at; /* where an id is added: the end of the first line, before
			 a hard line break that ends it */
	size_t marker_pos; /* byte offset of the status character inside [ ] */
	int indent; /* column of the item's content, for nested lines */
};

struct note_text {
	char *text;
	int line;
};

struct note {
	char *file; /* as given to note_parse, may be NULL */
	char *person; /* from the front matter, else the path */
	char *leader;
	notes_time date; /* meeting time; DEFAULT_MEETING_MINUTES if no time */
	bool has_date, has_time;
	bool has_front_matter;
	struct goal *goals;
	size_t ngoals, goals_alloc;
	struct task *items[SECTION__COUNT]; /* review, blockers, support, focus */
	size_t nitems[SECTION__COUNT], items_alloc[SECTION__COUNT];
	struct note_text *feedback;
	size_t nfeedback, feedback_alloc;
	/* The purpose line ("Purpose: ...", "목적: ..."): its text after the
	 * key, "" when it says nothing; NULL (and line 0) when there is none. */
	struct note_text purpose;
	int title_line; /* of the level-1 heading, 0 when there is none */
	int section_line[SECTION__COUNT]; /* 0 when the section is absent */
	/* lines of conflict markers left by a merge, outside code blocks */
	int *conflict_lines;
	size_t nconflict_lines, conflict_lines_alloc;
	struct diag problems; /* found while parsing */
};

struct note_options {
	const char *file; /* for person/date from the path; may be NULL */
	const char *leader; /* default leader when the front matter has none */
};

/*
 * Parse a note from memory. Never fails on content: what is malformed
 * becomes a problem in note->problems. Returns -1 only when the
 * vocabulary cannot be loaded (message in err).
 */
int note_parse(struct note *note, const char *buf, size_t len, const struct note_options *opts,
	       struct strbuf *err);
void note_release(struct note *note);
/* A copy of src that owns all its memory (note_release it). */
void note_copy(struct note *dst, const struct note *src);
/* Forget the notes note_parse keeps to answer the same bytes again. */
void note_parse_forget(void);
void task_release(struct task *t);

const char *task_status_name(enum task_status s);
char task_status_char(enum task_status s);
/* The sections whose items are tasks with ids: review, support, focus. */
#define TASK_SECTIONS 3
extern const enum section task_sections[TASK_SECTIONS];

/* Find a task by id in the review, support or focus sections. */
struct task *note_find_task(const struct note *note, const char *id, enum section *where);
/* The keys by which a blocker is known from one meeting to the next:
 * "#tag" for each of its tags, else its text lower-cased. blocker_key
 * appends key i (i < blocker_nkeys(b)) to out. */
size_t blocker_nkeys(const struct task *b);
void blocker_key(const struct task *b, size_t i, struct strbuf *out);
/* Whether s is a valid person id: [a-z0-9][a-z0-9._-]{0,63}. */
bool person_id_is_valid(const char *s);
/* Split "<dir>/<person>/<YYYY-MM-DD>.md" into person and date. */
int note_path_split(const char *path, char **person, notes_time *date);

#endif
