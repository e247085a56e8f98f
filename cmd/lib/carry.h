/* carry.h - what a new note carries forward from the previous one, as
 * template data. */
#ifndef NOTES_CARRY_H
#define NOTES_CARRY_H

#include <jansson.h>

#include "journal.h"
#include "note.h"

struct carry_input {
	const char *person, *name, *leader;
	notes_time date;
	bool has_time;
	const struct note *prev; /* NULL for a person's first note */
	const char *prev_src; /* the previous note's bytes */
	size_t prev_len;
};

/*
 * The data for the note template: person, name, leader, date, time,
 * datetime, week, previous, and the lists goals, review and blockers,
 * each of {"line": Markdown} copied from the previous note's source: its
 * goals; every focus and support item (with id and status), then review
 * items still open; blockers not resolved, with their fields.
 */
json_t *carry_data(const struct carry_input *in);

/* The template text: .notes/templates/<name>.md of the journal, else the
 * built-in <lang>/<name>.md (lang NULL: the journal's language, then en).
 * Returns 0, or -1 when there is none. */
int template_lookup(const struct journal *j, const char *lang, const char *name,
		    struct strbuf *out);
/* The same for a file of any kind: .notes/templates/<file>, else the
 * built-in <lang>/<file>, else en/<file> ("report.html", "report.css"). */
int template_lookup_file(const struct journal *j, const char *lang, const char *file,
			 struct strbuf *out);

#endif
