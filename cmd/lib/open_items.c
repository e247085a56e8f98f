/* open_items.c - the items still open in the latest note of each person. */
#include "open_items.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "xalloc.h"

/* The latest note of refs whose meeting had begun by until, loaded into
 * note; its index + 1 (0: none). */
static size_t S_latest(const struct journal *j, const struct note_ref *refs, size_t n,
		       notes_time until, struct note *note)
{
	struct strbuf err = STRBUF_INIT;
	size_t i;

	for (i = n; i > 0; i--) {
		if (refs[i - 1].date > until)
			continue; /* a later day */
		if (journal_load_note(j, refs[i - 1].path, note, &err) < 0) {
			strbuf_reset(&err);
			continue;
		}
		if (note->date <= until)
			break;
		note_release(note);
	}
	strbuf_release(&err);
	return i;
}

static void S_add(struct open_items *out, const char *person, const char *path,
		  const struct note *note, enum section sec, const struct task *t)
{
	struct open_item *it;

	ALLOC_GROW(out->v, out->n + 1, out->alloc);
	it = &out->v[out->n++];
	it->id = xstrdup(t->id);
	it->person = xstrdup(person);
	it->text = xstrdup(t->text ? t->text : "");
	it->note = xstrdup(path);
	it->section = sec;
	it->partial = t->status == TASK_PARTIAL;
	it->meeting = note->date;
	it->due = t->due;
	it->has_due = t->has_due;
}

static int S_person(const struct journal *j, const char *id, notes_time until, unsigned mask,
		    struct open_items *out, struct strbuf *err)
{
	struct note_ref *refs;
	struct note note;
	size_t n, at, i, k;

	if (journal_notes(j, id, &refs, &n) < 0) {
		strbuf_addf(err, "%s: cannot list the notes", id);
		return -1;
	}
	at = S_latest(j, refs, n, until, &note);
	if (at) {
		for (k = 0; k < TASK_SECTIONS; k++) {
			if (!(mask & OPEN_IN(task_sections[k])))
				continue;
			for (i = 0; i < note.nitems[task_sections[k]]; i++) {
				const struct task *t = &note.items[task_sections[k]][i];
				if (t->status != TASK_OPEN && t->status != TASK_PARTIAL)
					continue;
				if (t->id)
					S_add(out, id, refs[at - 1].path, &note, task_sections[k],
					      t);
				else
					out->without_id++;
			}
		}
		note_release(&note);
	}
	note_refs_free(refs, n);
	return 0;
}

int open_items_collect(const struct journal *j, const char *person, notes_time until, unsigned mask,
		       struct open_items *out, struct strbuf *err)
{
	size_t i;

	for (i = 0; i < j->npeople; i++) {
		if (person ? strcmp(person, j->people[i])
			   : (j->leader && !strcmp(j->leader, j->people[i])))
			continue;
		if (S_person(j, j->people[i], until, mask, out, err) < 0)
			return -1;
	}
	return 0;
}

void open_items_release(struct open_items *items)
{
	size_t i;

	for (i = 0; i < items->n; i++) {
		free(items->v[i].id);
		free(items->v[i].person);
		free(items->v[i].text);
		free(items->v[i].note);
	}
	free(items->v);
	memset(items, 0, sizeof(*items));
}
