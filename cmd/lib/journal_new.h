/* journal_new.h - write a person's next note from the template, carrying
 * the previous note's commitments into it (notes new). */
#ifndef NOTES_JOURNAL_NEW_H
#define NOTES_JOURNAL_NEW_H

#include "journal.h"

/*
 * Write the note of person's next meeting: on date ("YYYY-MM-DD" or with
 * a time; NULL: this week's slot day at the slot's time, else the day of
 * now), from the note template of the person's language (partials and
 * templates from .notes/templates/, else built in), with the goals, the
 * previous note's open commitments and its unresolved blockers carried.
 * Never replaces a file. Returns 0 with *rel (malloc'd, relative to the
 * root), or -1 with the reason in err.
 */
int journal_new_note(const struct journal *j, const char *person, const char *date, notes_time now,
		     char **rel, struct strbuf *err);

/* The template text: .notes/templates/<name>.md of the journal, else the
 * built-in <lang>/<name>.md (lang NULL: the journal's language, then en).
 * Returns 0, or -1 when there is none. */
int template_lookup(const struct journal *j, const char *lang, const char *name,
		    struct strbuf *out);

/* The same for a file of any kind: .notes/templates/<file>, else the
 * built-in <lang>/<file>, else en/<file> ("report.html", "report.css"). */
int template_lookup_file(const struct journal *j, const char *lang, const char *file,
			 struct strbuf *out);

/*
 * Render the template file (looked up as template_lookup_file does) with
 * data; a partial {{>name}} is the template file name + partial_ext,
 * each read once. flags as for template_render. what names the template
 * in err ("note", "report"). Returns 0, or -1 with the reason in err.
 */
struct json_t;
int template_render_file(struct strbuf *out, const struct journal *j, const char *lang,
			 const char *what, const char *file, const char *partial_ext,
			 struct json_t *data, unsigned flags, struct strbuf *err);

#endif
