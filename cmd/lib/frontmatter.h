/* frontmatter.h - the "---" block at the top of a note: person, leader, date. */
#ifndef NOTES_FRONTMATTER_H
#define NOTES_FRONTMATTER_H

#include "note.h"

/*
 * Read the front matter of buf starting at offset from (after any BOM).
 * Sets note->person, leader, date
 * (falling back to the path in opts->file and opts->leader), adds
 * bad-front-matter / bad-date problems, and returns the offset of the
 * Markdown body; *line_offset is the number of lines before it.
 */
size_t front_matter_parse(struct note *note, const char *buf, size_t len, size_t from,
			  int *line_offset, const struct note_options *opts);

/* Person and date from the path "<person>/<YYYY-MM-DD>.md" alone, when it
 * is one (for a note whose bytes cannot be read). */
void front_matter_from_path(struct note *note, const struct note_options *opts);

#endif
