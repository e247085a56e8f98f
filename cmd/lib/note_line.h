/* note_line.h - the first line of a list item: marker, status, inline
 * tokens and text (used by note.c; works on bytes, not on Markdown). */
#ifndef NOTES_NOTE_LINE_H
#define NOTES_NOTE_LINE_H

#include "note.h"

/*
 * Parse line[0, len), which starts at the item's list marker ("- [ ] text
 * @owner #tag due:D ^id"), into t: status, marker_pos (relative to line),
 * text, owner, tags, due and id. Problems (bad-status, bad-date) are added
 * to d at lineno, with columns counted from col (the marker's column).
 */
void note_line_parse(struct task *t, const char *line, size_t len, struct diag *d, int lineno,
		     int col);

/* The value of a nested "key: value" bullet line (starting at its marker):
 * returns the field and sets *value and *vlen, or FIELD_NONE. */
enum field note_line_field(const char *line, size_t len, const char **value, size_t *vlen);

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

#endif
