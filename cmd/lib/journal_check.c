/* journal_check.c - a note's problems in its journal: parse, find the
 * previous notes, check. */
#include "journal_check.h"

#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "xalloc.h"

/* The person's last notes before the meeting day of note, newest first,
 * into c->previous: one listing of the person's notes for all of them.
 * A previous note that cannot be read ends the list (the checks then
 * know less, as for a person's first note). */
static void S_load_previous(struct checked_note *c, const struct journal *j, size_t want)
{
	const struct note *note = &c->note;
	notes_time day = date_start_of_day(note->date);
	struct strbuf err = STRBUF_INIT;
	struct note_ref *refs;
	size_t n, i;

	if (!note->person || !note->has_date || !person_id_is_valid(note->person))
		return;
	if (journal_notes(j, note->person, &refs, &n) < 0)
		return;
	for (i = n; i > 0 && c->nprevious < want; i--) {
		if (refs[i - 1].date >= day)
			continue;
		if (journal_load_note(j, refs[i - 1].path, &c->previous[c->nprevious], &err) < 0)
			break;
		c->nprevious++;
	}
	note_refs_free(refs, n);
	strbuf_release(&err);
}

int journal_check_note(struct checked_note *out, const struct journal *j, const char *file,
		       const char *rel, const char *buf, size_t len, struct strbuf *err)
{
	struct note_options opts = { rel ? rel : file, j ? j->leader : NULL };
	const struct note *prev[CHECK_MAX_PREVIOUS];
	struct check_context cc = { 0 };
	notes_time now;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (note_parse(&out->note, buf, len, &opts, err) < 0)
		return -1;
	/* the path from the journal gives person and date; the name stays
	 * what the caller shows */
	if (file && rel && strcmp(file, rel)) {
		free(out->note.file);
		out->note.file = xstrdup(file);
	}
	out->scope = !j ? CHECK_SCOPE_NOTE : rel ? CHECK_SCOPE_HISTORY : CHECK_SCOPE_CONFIG;
	if (j) {
		cc.max_focus = j->max_focus;
		cc.person_known = journal_person_known;
		cc.data = (void *)j;
	}
	if (out->scope == CHECK_SCOPE_HISTORY)
		S_load_previous(out, j, CHECK_PREVIOUS_USED);
	for (i = 0; i < out->nprevious; i++)
		prev[i] = &out->previous[i];
	cc.previous = out->nprevious ? prev : NULL;
	cc.nprevious = out->nprevious;
	if (out->note.has_date && date_now(&now) == 0 && now < out->note.date)
		cc.agenda = out->agenda = true;
	check_note(&out->note, &cc, &out->problems);
	return 0;
}

void checked_note_release(struct checked_note *c)
{
	size_t i;

	note_release(&c->note);
	diag_release(&c->problems);
	for (i = 0; i < c->nprevious; i++)
		note_release(&c->previous[i]);
	memset(c, 0, sizeof(*c));
}

const char *check_scope_name(enum check_scope s)
{
	static const char *const names[] = { "note", "config", "history" };
	return names[s];
}
