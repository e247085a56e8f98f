/* lsp_hover.c - hover on an item's ^id: the meetings it appeared in, its
 * status in each, and when it was done, from the person's notes. */
#include "lsp_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "journal_notes.h"
#include "xalloc.h"

/* The item as one meeting's note has it. */
struct sighting {
	notes_time date;
	bool current; /* the note being edited (its buffer, not its file) */
	enum section section;
	enum task_status status;
	bool has_done_at;
	notes_time done_at;
	char *text;
};

struct sightings {
	struct sighting *list;
	size_t nr, alloc;
};

/* Add the item id of note, if it has one; whether it has. */
static bool S_sight(struct sightings *h, const struct note *note, const char *id, bool current)
{
	enum section sec;
	struct task *t = note_find_task(note, id, &sec);
	struct sighting *s;

	if (!t)
		return false;
	ALLOC_GROW(h->list, h->nr + 1, h->alloc);
	s = &h->list[h->nr++];
	s->date = note->date;
	s->current = current;
	s->section = sec;
	s->status = t->status;
	s->has_done_at = t->has_done_at;
	s->done_at = t->done_at;
	s->text = xstrdup(t->text);
	return true;
}

static int S_by_date(const void *a, const void *b)
{
	const struct sighting *x = a, *y = b;

	return x->date < y->date ? -1 : x->date > y->date;
}

/*
 * The person's other notes, newest first. An item lives in consecutive
 * meetings (written, then carried while open), so the walk stops at the
 * first note older than this one that no longer has it.
 */
static void S_walk(struct sightings *h, const struct lsp_doc *doc, const struct note *note,
		   const char *id)
{
	const struct journal *j = doc->journal;
	notes_time day = note->date - note->date % MINUTES_PER_DAY;
	struct note_ref *refs;
	size_t n, i;
	bool seen = h->nr > 0;

	if (!j || !doc->rel || !note->person || !person_id_is_valid(note->person) ||
	    journal_notes(j, note->person, &refs, &n) < 0)
		return;
	for (i = n; i > 0; i--) {
		struct strbuf err = STRBUF_INIT;
		struct note old;
		bool has = false;
		if (!strcmp(refs[i - 1].path, doc->rel))
			continue;
		if (journal_load_note(j, refs[i - 1].path, &old, &err) == 0) {
			has = S_sight(h, &old, id, false);
			note_release(&old);
		}
		strbuf_release(&err);
		if (has)
			seen = true;
		else if (seen && refs[i - 1].date < day)
			break;
	}
	note_refs_free(refs, n);
}

static void S_render(const struct sightings *h, const char *id, struct strbuf *md)
{
	const struct sighting *last = &h->list[h->nr - 1];
	char day[11], when[17];
	size_t i;

	strbuf_addf(md, "**^%s** ", id);
	strbuf_add_escaped(md, last->text, strlen(last->text));
	strbuf_addstr(md, "\n\n");
	for (i = 0; i < h->nr; i++) {
		const struct sighting *s = &h->list[i];
		date_format_day(s->date, day);
		strbuf_addf(md, "- %s: %s, %s%s\n", day, section_name(s->section),
			    task_status_name(s->status), s->current ? " (this note)" : "");
	}
	for (i = 0; i < h->nr; i++) {
		const struct sighting *s = &h->list[i];
		if (s->has_done_at) {
			date_format_time(s->done_at, when);
			strbuf_addf(md, "\ndone: %s\n", when);
			return;
		}
		if (s->status == TASK_DONE) {
			date_format_day(s->date, day);
			strbuf_addf(md, "\ndone: first ticked in the note of %s\n", day);
			return;
		}
	}
	strbuf_addstr(md, "\nnot done yet\n");
}

/* The ^id token around offset: [*from, *to) holds "^" and 6 characters. */
static bool S_id_at(const char *s, size_t len, size_t offset, size_t *from, size_t *to)
{
	size_t a = offset, b = offset, i;

	while (a > 0 && !isspace((unsigned char)s[a - 1]))
		a--;
	while (b < len && !isspace((unsigned char)s[b]))
		b++;
	if (b - a != 7 || s[a] != '^')
		return false;
	for (i = a + 1; i < b; i++)
		if (!(isdigit((unsigned char)s[i]) || (s[i] >= 'a' && s[i] <= 'z')))
			return false;
	*from = a;
	*to = b;
	return true;
}

json_t *lsp_hover(const struct lsp_doc *doc, size_t offset, struct strbuf *err)
{
	struct sightings h = { NULL, 0, 0 };
	struct strbuf md = STRBUF_INIT;
	size_t from, to, i;
	struct note note;
	char id[7];
	json_t *res;

	if (!S_id_at(doc->text.buf, doc->text.len, offset, &from, &to))
		return json_null();
	memcpy(id, doc->text.buf + from + 1, 6);
	id[6] = '\0';
	if (lsp_parse(&note, doc, err) < 0)
		return NULL;
	S_sight(&h, &note, id, true);
	S_walk(&h, doc, &note, id);
	note_release(&note);
	if (!h.nr)
		return json_null();
	qsort(h.list, h.nr, sizeof(*h.list), S_by_date);
	S_render(&h, id, &md);
	res = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value",
			lsp_string(md.buf), "range",
			lsp_range(doc->text.buf, doc->text.len, from, to));
	for (i = 0; i < h.nr; i++)
		free(h.list[i].text);
	free(h.list);
	strbuf_release(&md);
	return res;
}
