/* fuzz_note_edit.c - libFuzzer target for the edits `notes commit` and
 * `notes done` make to a note's bytes, checked as properties:
 *
 *  1. ids: after note_edit_add_ids gave every review/support/focus task
 *     without an id a new one, the note parses to the same number of
 *     items in each section and every one of those tasks has an id (else
 *     the next `notes commit` would append yet another id, forever);
 *  2. done: after note_edit_set_status(t, 'x') and note_edit_add_field(t,
 *     "done", ...), the same task (found by its id) is done and the other
 *     sections keep their counts;
 *  3. new: the data `notes new` carries forward from the note, rendered
 *     through the built-in template, is a note that parses, and every
 *     open focus and support item with an id is in its review section
 *     (else the next check reports loop-broken on a note the tool wrote).
 *
 * A note that is not UTF-8 (a bad-encoding error, which commit refuses) is
 * only parsed: what the edits do to it is moot. A broken property aborts
 * with a one-line reason on stderr. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_carry.h"
#include "check.h"
#include "journal_new.h"
#include "note.h"
#include "note_edit.h"
#include "template.h"
#include "fuzz_vocab.h"
#include "vocab.h"

static const enum section S_secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };

static void S_fail(const char *what, int line)
{
	fprintf(stderr, "fuzz_note_edit: property broken: %s (item at line %d)\n", what, line);
	abort();
}

static void S_parse(struct note *n, const char *buf, size_t len)
{
	struct note_options opts = { "alice/2026-11-23.md", "kim" };
	struct strbuf err = STRBUF_INIT;

	if (note_parse(n, buf, len, &opts, &err) < 0)
		abort();
	strbuf_release(&err);
}

static bool S_has_problem(const struct note *n, const char *code)
{
	size_t i;

	for (i = 0; i < n->problems.nr; i++)
		if (!strcmp(n->problems.list[i].code, code))
			return true;
	return false;
}

/* Property 1: ids appended to the first lines are read back. */
static void S_ids(struct note *note, const char *buf, size_t len)
{
	struct strbuf src = STRBUF_INIT;
	struct task *tasks[4096];
	char ids[4096][8];
	const char *idp[4096];
	size_t n = 0, i, k;
	struct note after;

	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[S_secs[k]] && n < 4096; i++)
			if (!note->items[S_secs[k]][i].id) {
				/* distinct ids, hex digits being in the alphabet of id_new */
				snprintf(ids[n], sizeof(ids[n]), "z%05zx", n);
				idp[n] = ids[n];
				tasks[n++] = &note->items[S_secs[k]][i];
			}
	if (!n)
		return;
	strbuf_add(&src, buf, len);
	note_edit_add_ids(&src, tasks, idp, n);
	S_parse(&after, src.buf, src.len);
	for (k = 0; k < SECTION__COUNT; k++)
		if (after.nitems[k] != note->nitems[k])
			S_fail("adding ids changed the number of items", 0);
	for (k = 0; k < 3; k++)
		for (i = 0; i < after.nitems[S_secs[k]]; i++)
			if (!after.items[S_secs[k]][i].id)
				S_fail("a task has no id after ids were added",
				       after.items[S_secs[k]][i].line);
	note_release(&after);
	strbuf_release(&src);
}

/* Property 2: `notes done` ticks the item it names and nothing else. */
static void S_done(struct note *note, const char *buf, size_t len)
{
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[S_secs[k]]; i++) {
			const struct task *t = &note->items[S_secs[k]][i];
			struct strbuf src = STRBUF_INIT;
			struct note after;
			struct task *found;
			enum section where;
			size_t s;

			if (!t->id || note_find_task(note, t->id, NULL) != t)
				continue; /* duplicate ids are an error `done` refuses */
			if (t->fields[FIELD_DONE])
				continue; /* a done: field already: the first one counts */
			strbuf_add(&src, buf, len);
			note_edit_add_field(&src, t, "done", "2026-11-24T10:00");
			note_edit_set_status(&src, t, 'x');
			S_parse(&after, src.buf, src.len);
			found = note_find_task(&after, t->id, &where);
			if (!found)
				S_fail("the ticked task is gone", t->line);
			if (found->status != TASK_DONE)
				S_fail("the ticked task is not done", t->line);
			if (!found->has_done_at)
				S_fail("the done: field is not read back", t->line);
			for (s = 0; s < SECTION__COUNT; s++)
				if (after.nitems[s] != note->nitems[s])
					S_fail("ticking changed the number of items", t->line);
			note_release(&after);
			strbuf_release(&src);
			return; /* one per input keeps it fast */
		}
}

/* Property 3: what `notes new` writes from this note keeps the loop. */
static void S_carry(const struct note *prev, const char *src, size_t len)
{
	struct carry_input in;
	struct strbuf tmpl = STRBUF_INIT, out = STRBUF_INIT, err = STRBUF_INIT;
	struct note next;
	struct json_t *data;
	size_t k, i;

	if (!prev->has_date)
		return;

	memset(&in, 0, sizeof(in));
	in.person = "alice";
	in.name = "Alice Park";
	in.leader = "kim";
	in.date = prev->date + 7 * MINUTES_PER_DAY;
	in.has_time = prev->has_time;
	in.prev = prev;
	in.prev_src = src;
	in.prev_len = len;
	data = carry_data(&in);
	if (!data || template_lookup(NULL, "en", "note", &tmpl, NULL) < 0)
		S_fail("no carry data or no built-in template", 0);
	if (template_render(&out, tmpl.buf, tmpl.len, data, NULL, NULL, 0, &err) < 0)
		S_fail("the built-in template does not render carried data", 0);
	S_parse(&next, out.buf, out.len);
	for (k = 1; k < 3; k++) /* support and focus */
		for (i = 0; i < prev->nitems[S_secs[k]]; i++) {
			const struct task *t = &prev->items[S_secs[k]][i];
			enum section where;
			if (!t->id || (t->status != TASK_OPEN && t->status != TASK_PARTIAL) ||
			    note_find_task(prev, t->id, NULL) != t)
				continue;
			if (!note_find_task(&next, t->id, &where) || where != SECTION_REVIEW)
				S_fail("an open item is not carried into the review section",
				       t->line);
		}
	note_release(&next);
	carry_data_free(data);
	strbuf_release(&tmpl);
	strbuf_release(&out);
	strbuf_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	struct note note;

	memcpy(buf, data, size);
	S_parse(&note, buf, size);
	if (S_has_problem(&note, "bad-encoding")) {
		note_release(&note);
		free(buf);
		return 0;
	}
	S_ids(&note, buf, size);
	S_done(&note, buf, size);
	S_carry(&note, buf, size);
	note_release(&note);
	free(buf);
	return 0;
}
