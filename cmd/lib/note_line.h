/* note_line.h - the reader's insides, below note.c: a paragraph as cmark
 * read it, its inline tokens, status marker and text; fields; the shared
 * rules of lines, list markers and dates. Works on bytes, not on cmark. */
#ifndef NOTES_NOTE_LINE_H
#define NOTES_NOTE_LINE_H

#include "note.h"

/* What cmark found in a paragraph, in document order: note.c flattens the
 * inline nodes into these so that nothing below it needs cmark. */
enum span_kind {
	SPAN_TEXT,
	SPAN_CODE,
	SPAN_HTML,
	SPAN_SOFTBREAK,
	SPAN_LINEBREAK,
	SPAN_EMPH, /* the four openers; each has a SPAN_CLOSE */
	SPAN_STRONG,
	SPAN_LINK,
	SPAN_IMAGE,
	SPAN_CLOSE
};

struct span {
	enum span_kind kind;
	const char *lit; /* the literal of text, code and HTML (not NUL-terminated) */
	size_t len;
};

/* What a byte of a paragraph's raw content is. Tokens are read only from
 * PARA_TEXT (and blanks); the rest is markup, code, HTML or a link's
 * destination. */
enum para_what { PARA_TEXT, PARA_MARKUP, PARA_CODE, PARA_HTML, PARA_COMMENT, PARA_LINK };

/*
 * A paragraph's raw content: its source lines without their container
 * prefixes ("> ", list indentation) and leading blanks, joined by '\n' --
 * the bytes cmark parsed as the paragraph -- with, for each byte, where it
 * is in the note and what it is. The arrays are reused from one paragraph
 * to the next (para_release frees them).
 */
struct para {
	struct strbuf raw;
	unsigned char *what; /* enum para_what of each byte */
	size_t alloc;
	struct para_line {
		size_t start; /* the source offset where the line begins */
		size_t from, to; /* its bytes in the note, [from, to) */
		size_t raw; /* where they are in raw */
	} * lines;
	size_t nlines, lines_alloc;
	int first_line; /* the line number of raw.buf[0] */
	bool plain; /* all of it is text: no markup, one line */
	const char *note; /* the note's bytes */
};

/* Start p over for the paragraph whose first line is line, in note. */
void para_reset(struct para *p, const char *note, int line);
/* Add the bytes note[from, to) of one more line that starts at line_start. */
void para_add_line(struct para *p, size_t line_start, size_t from, size_t to);
/* Mark what each byte is, by walking spans (cmark's reading) over it. */
void para_align(struct para *p, const struct span *spans, size_t n);
void para_release(struct para *p);
/* The line and character column (1-based) of raw byte i. */
void para_position(const struct para *p, size_t i, int *line, int *column);
/* The offset in the note of raw byte i (i == raw.len: the end of the last
 * line; a '\n' of raw: the end of the line before it). */
size_t para_src(const struct para *p, size_t i);

/* Whether every byte of a paragraph is text as it stands: one line, no
 * byte that starts markup (most items and fields), so that para_align
 * has nothing to do. */
bool para_is_plain(const struct para *p);
/* Where notes commit adds an id to the item whose first paragraph this
 * is: the end of its first line (first_line_end), before a hard line
 * break that ends it; the end of the paragraph when its first line ends
 * inside code, HTML or a link. */
size_t para_id_at(const struct para *p, size_t first_line_end);
/* Whether the paragraph is "[label]:" alone, which any id would turn into
 * a link reference definition. */
bool para_is_label(const struct para *p);

/*
 * Read a task's first paragraph into t: its status marker ([ ], [x], [/],
 * Logseq's TODO/DONE), inline tokens (from text only), Dataview fields on
 * its later lines, and its text; problems go to d.
 */
void note_line_parse(struct task *t, const struct para *p, struct diag *d);

/* The field a nested item's paragraph sets ("metric: x", "key:: x",
 * "**Key:** x"), with its value (NFC, whole paragraph, HTML comments out)
 * in *value (malloc'd); FIELD_NONE when it is no field or has no value.
 * *at is the raw offset of the value. */
enum field note_line_field(const struct para *p, char **value, size_t *at);

/* Set field f of t to v (its value as written; t takes it): enumerated
 * values in English, done: as a time, problems at raw offset at of p. */
void note_line_set_field(struct task *t, enum field f, char *v, const struct para *p, size_t at,
			 struct diag *d);

/* note_parse without the notes it keeps (note_kept.c): the reading itself. */
int note_parse_bytes(struct note *note, const char *buf, size_t len,
		     const struct note_options *opts, struct strbuf *err);

/* Defaults of support and focus items: owner and due time. */
void note_set_defaults(struct note *note);
/* Report NUL bytes, UTF-16 or invalid UTF-8 in the note's bytes; -1 for
 * UTF-16, which is not read any further (every other byte is a NUL). */
int note_check_encoding(struct note *note, const char *buf, size_t len);

/* Where the line at pos ends: before its \n, \r\n or lone \r (lines end
 * as cmark reads them); *next (may be NULL) is where the next line starts. */
size_t note_line_end(const char *s, size_t len, size_t pos, size_t *next);

/* Skip the blanks at i, a list marker ("-", "*", "+", "1." or "1)") if one
 * is there, and the blanks after it, within end: the offset of the item's
 * content. *column (may be NULL) is set to the content's column counted
 * from i (tabs to the next multiple of 4, as CommonMark counts). */
size_t note_skip_marker(const char *s, size_t i, size_t end, int *column);

/* Collapse runs of white space into one space and trim. */
char *note_collapse_space(const char *s, size_t len);
/* The same, into NFC. */
char *note_clean_text(const char *s, size_t len);

/* Why a date or date-time does not parse (note_date_parse's results). */
enum date_error { DATE_OK = 0, DATE_SHAPE = -1, DATE_DAY = -2, DATE_TIME = -3, DATE_ZONE = -4 };

/* Parse "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" (an hour
 * may have one digit). DATE_ZONE: a zone offset or "Z" follows the time;
 * times in notes are local. */
enum date_error note_date_parse(const char *s, size_t len, notes_time *out, bool *has_time);

#endif
