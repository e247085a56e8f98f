/* lsp_check.c - the language server's diagnostics (the problems `notes
 * check` decides) and the code actions that fix the mechanical ones. */
#include "lsp_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json_carry.h"
#include "fsutil.h"
#include "journal_new.h"
#include "journal_notes.h"
#include "note_edit.h"
#include "note_line.h"
#include "utf8.h"
#include "xalloc.h"

/* More than this many problems in one note are summed up in one line: an
 * editor slows down under thousands of marks and nobody reads them. */
#define MAX_DIAGNOSTICS 1000

static const char *S_file(const struct lsp_doc *doc)
{
	return doc->rel ? doc->rel : doc->path;
}

/* A note by its name (YYYY-MM-DD.md), or by a front matter naming a
 * person: other Markdown files the editor opens get no diagnostics. */
static bool S_is_note(const struct lsp_doc *doc, const struct note *note)
{
	const char *base = doc->path ? strrchr(doc->path, '/') + 1 : NULL;
	notes_time t;
	bool has_time;

	if (base && strlen(base) == 13 && !strcmp(base + 10, ".md") &&
	    date_parse(base, 10, &t, &has_time) != -1)
		return true;
	return note->has_front_matter && note->person;
}

int lsp_check(struct lsp_checked *out, const struct lsp_doc *doc, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	if (doc->text.len > MAX_NOTE_SIZE) {
		out->too_large = true;
		return 0;
	}
	/* the one function that decides a note's problems, as for notes check */
	if (journal_check_note(&out->checked, doc->journal, S_file(doc), doc->rel, doc->text.buf,
			       doc->text.len, err) < 0)
		return -1;
	out->is_note = S_is_note(doc, &out->checked.note);
	return 0;
}

void lsp_checked_release(struct lsp_checked *c)
{
	if (!c->too_large)
		checked_note_release(&c->checked);
}

int lsp_parse(struct note *note, const struct lsp_doc *doc, struct strbuf *err)
{
	struct note_options opts = { S_file(doc), doc->journal ? doc->journal->leader : NULL };

	return note_parse(note, doc->text.buf, doc->text.len, &opts, err);
}

/* Walks the lines of a text forward: pos is where line (1-based) starts. */
struct walker {
	const char *s;
	size_t len, pos;
	int line;
};

static size_t S_line_end(const struct walker *w)
{
	return note_line_end(w->s, w->len, w->pos, NULL);
}

/* Move to line (1-based), or to the last line when there are fewer. */
static void S_goto(struct walker *w, int line)
{
	size_t next;

	while (w->line < line && note_line_end(w->s, w->len, w->pos, &next) < w->len) {
		w->pos = next;
		w->line++;
	}
}

/* The range of a problem at line:column (1-based, a column of characters
 * as the parser counts it, after a BOM on line 1): from there to the
 * line's end. */
static json_t *S_problem_range(struct walker *w, int line, int column)
{
	size_t end, at, c1, c2, from;

	S_goto(w, line);
	end = S_line_end(w);
	from = w->pos;
	if (w->line == 1 && w->len >= 3 && !memcmp(w->s, "\xef\xbb\xbf", 3))
		from = from + 3 <= end ? from + 3 : from;
	at = from + utf8_offset(w->s + from, end - from, (size_t)(column > 1 ? column - 1 : 0));
	c1 = lsp_utf16_units(w->s + w->pos, at - w->pos);
	c2 = c1 + lsp_utf16_units(w->s + at, end - at);
	return json_pack("{s:{s:i,s:I},s:{s:i,s:I}}", "start", "line", w->line - 1, "character",
			 (json_int_t)c1, "end", "line", w->line - 1, "character", (json_int_t)c2);
}

static json_t *S_diagnostic(struct walker *w, const struct problem *p)
{
	json_t *d = json_pack("{s:o,s:i,s:s,s:s}", "range", S_problem_range(w, p->line, p->column),
			      "severity", p->severity == SEVERITY_ERROR ? 1 : 2, "code", p->code,
			      "source", "notes");

	json_object_set_new(d, "message", lsp_string(p->message));
	return d;
}

static json_t *S_note_diagnostic(int severity, const char *message)
{
	return json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s,s:s}", "range", "start", "line", 0,
			 "character", 0, "end", "line", 0, "character", 0, "severity", severity,
			 "source", "notes", "message", message);
}

json_t *lsp_diagnostics(const struct lsp_doc *doc, struct strbuf *err)
{
	struct walker w = { doc->text.buf, doc->text.len, 0, 1 };
	struct lsp_checked c;
	json_t *list = json_array();
	size_t i;

	if (lsp_check(&c, doc, err) < 0) {
		lsp_checked_release(&c);
		json_decref(list);
		return NULL;
	}
	if (c.too_large)
		json_array_append_new(list,
				      S_note_diagnostic(1, "larger than 16 MiB: not checked"));
	for (i = 0; c.is_note && i < c.checked.problems.nr && i < MAX_DIAGNOSTICS; i++)
		json_array_append_new(list, S_diagnostic(&w, &c.checked.problems.list[i]));
	if (c.is_note && c.checked.problems.nr > MAX_DIAGNOSTICS) {
		struct strbuf msg = STRBUF_INIT;
		strbuf_addf(&msg, "%zu more problems ('notes check' lists them all)",
			    c.checked.problems.nr - MAX_DIAGNOSTICS);
		json_array_append_new(list, S_note_diagnostic(3, msg.buf));
		strbuf_release(&msg);
	}
	lsp_checked_release(&c);
	return json_pack("{s:s,s:I,s:o}", "uri", doc->uri, "version", doc->version, "diagnostics",
			 list);
}

/* A quick fix: {"title","kind","diagnostics","edit":{"changes":{uri:[edit]}}}. */
static json_t *S_action(const struct lsp_doc *doc, const char *title, json_t *diagnostics,
			json_t *edit)
{
	json_t *changes = json_object();

	json_object_set_new(changes, doc->uri, json_pack("[o]", edit));
	return json_pack("{s:o,s:s,s:o,s:{s:o}}", "title", lsp_string(title), "kind", "quickfix",
			 "diagnostics", diagnostics, "edit", "changes", changes);
}

/* The edit that turns text into changed: the one insertion in which they
 * differ, else (never expected) the whole text replaced. */
static json_t *S_edit(const struct strbuf *text, const struct strbuf *changed)
{
	size_t p = 0, delta = changed->len - text->len;

	while (p < text->len && text->buf[p] == changed->buf[p])
		p++;
	if (changed->len < text->len ||
	    memcmp(changed->buf + p + delta, text->buf + p, text->len - p))
		return json_pack("{s:o,s:o}", "range",
				 lsp_range(text->buf, text->len, 0, text->len), "newText",
				 lsp_stringn(changed->buf, changed->len));
	return json_pack("{s:o,s:o}", "range", lsp_range(text->buf, text->len, p, p), "newText",
			 lsp_stringn(changed->buf + p, delta));
}

static const struct task *S_review_task_at(const struct note *note, int line)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_REVIEW]; i++)
		if (note->items[SECTION_REVIEW][i].line == line)
			return &note->items[SECTION_REVIEW][i];
	return NULL;
}

/* unreviewed: add "cause: execution|assumption" and "learning:" under the item. */
static void S_fix_unreviewed(const struct lsp_doc *doc, const struct lsp_checked *c,
			     const struct problem *p, json_t *actions)
{
	static const char *const causes[] = { "execution", "assumption" };
	const struct task *t = S_review_task_at(&c->checked.note, p->line);
	const char *lang;
	struct strbuf cause = STRBUF_INIT, value = STRBUF_INIT, learning = STRBUF_INIT;
	struct strbuf changed = STRBUF_INIT, title = STRBUF_INIT;
	size_t k;

	if (!t)
		return;
	lang = lsp_heading_language(doc->text.buf, doc->text.len,
				    c->checked.note.section_line[SECTION_REVIEW]);
	lsp_vocab_word(lang, FIELD_CAUSE, NULL, &cause);
	lsp_vocab_word(lang, FIELD_LEARNING, NULL, &learning);
	for (k = 0; k < 2; k++) {
		struct walker w = { doc->text.buf, doc->text.len, 0, 1 };
		strbuf_reset(&value);
		strbuf_reset(&changed);
		strbuf_reset(&title);
		lsp_vocab_word(lang, FIELD_CAUSE, causes[k], &value);
		strbuf_addbuf(&changed, &doc->text);
		/* each goes right under the item's text: cause first, then learning */
		if (!t->fields[FIELD_LEARNING])
			note_edit_add_field(&changed, t, learning.buf, "");
		note_edit_add_field(&changed, t, cause.buf, value.buf);
		strbuf_addf(&title, "Add %s: %s", cause.buf, value.buf);
		if (!t->fields[FIELD_LEARNING])
			strbuf_addf(&title, " and %s:", learning.buf);
		json_array_append_new(actions, S_action(doc, title.buf,
							json_pack("[o]", S_diagnostic(&w, p)),
							S_edit(&doc->text, &changed)));
	}
	strbuf_release(&cause);
	strbuf_release(&value);
	strbuf_release(&learning);
	strbuf_release(&changed);
	strbuf_release(&title);
}

/* The previous note's bytes and their parse: what the carried lines are
 * copied from. Read as the check reads it, never through a link. */
static int S_load_previous(const struct lsp_doc *doc, const struct note *note, struct strbuf *src,
			   struct note *prev)
{
	const struct journal *j = doc->journal;
	struct strbuf err = STRBUF_INIT;
	char *rel = NULL;
	int rc = -1;

	if (journal_previous(j, note->person, date_start_of_day(note->date), &rel) == 0 &&
	    journal_read_note(j, rel, src, prev, &err) == 0)
		rc = 0;
	free(rel);
	strbuf_release(&err);
	return rc;
}

/* Whether the previous note's open item t is in the review of note, by
 * its id, or by its text when it has none (as the check looks it up). */
static bool S_reviewed(const struct note *note, const struct task *t)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
		const struct task *r = &note->items[SECTION_REVIEW][i];
		if (t->id ? r->id && !strcmp(r->id, t->id) : !r->id && !strcmp(r->text, t->text))
			return true;
	}
	return false;
}

static const char *S_eol(const struct strbuf *text)
{
	const char *nl = memchr(text->buf, '\n', text->len),
		   *cr = memchr(text->buf, '\r', text->len);

	if (cr && (!nl || cr < nl))
		return nl == cr + 1 ? "\r\n" : "\r";
	return "\n";
}

/* Where the line after line (1-based) starts, and whether text there would
 * run on as a lazy continuation of an item inserted before it. */
static size_t S_after_line(const struct strbuf *text, int line, bool *lazy)
{
	struct walker w = { text->buf, text->len, 0, 1 };
	size_t at, i;

	S_goto(&w, line + 1);
	at = w.line > line ? w.pos : w.len;
	for (i = at; i < text->len && (text->buf[i] == ' ' || text->buf[i] == '\t'); i++)
		;
	*lazy = i < text->len && !strchr("\r\n-*+#>`~|0123456789", text->buf[i]);
	return at;
}

/* Whether line (1-based) holds only blanks. */
static bool S_blank(const struct strbuf *text, int line)
{
	struct walker w = { text->buf, text->len, 0, 1 };
	size_t i;

	S_goto(&w, line);
	for (i = w.pos; i < w.len && (w.s[i] == ' ' || w.s[i] == '\t'); i++)
		;
	return i >= w.len || w.s[i] == '\n' || w.s[i] == '\r';
}

/* The review heading of the note template in lang. */
static void S_review_heading(const struct journal *j, const char *lang, struct strbuf *out)
{
	struct strbuf tmpl = STRBUF_INIT;
	const char *line, *end;

	if (template_lookup(j, lang, "note", &tmpl, NULL) == 0)
		for (line = tmpl.buf; *line; line = *end ? end + 1 : end) {
			for (end = line; *end && *end != '\n'; end++)
				;
			if (!strncmp(line, "## ", 3) &&
			    vocab_section(line + 3, (size_t)(end - line - 3)) == SECTION_REVIEW) {
				strbuf_add(out, line, (size_t)(end - line));
				break;
			}
		}
	if (!out->len)
		strbuf_addstr(out, "## How did last week's commitments go?");
	strbuf_release(&tmpl);
}

/* The lines to insert for the carried items, with a heading when the note
 * has no review section, and the offset to insert them at. */
static size_t S_carry_text(const struct lsp_doc *doc, const struct note *note, json_t *lines,
			   struct strbuf *out)
{
	static const enum section after[] = { SECTION_BLOCKERS, SECTION_SUPPORT, SECTION_FOCUS,
					      SECTION_FEEDBACK, SECTION_NOTES };
	const char *eol = S_eol(&doc->text);
	const struct strbuf *text = &doc->text;
	int line = note->section_line[SECTION_REVIEW], before = 0;
	size_t i, n = note->nitems[SECTION_REVIEW], at;
	bool lazy = false;

	if (line) {
		if (n) {
			const struct task *last = &note->items[SECTION_REVIEW][n - 1];
			/* an item's end may take in the blank lines after it */
			for (line = last->end_line; line > last->line && S_blank(text, line);)
				line--;
		}
		at = S_after_line(text, line, &lazy);
	} else {
		for (i = 0; i < sizeof(after) / sizeof(*after); i++)
			if (note->section_line[after[i]] &&
			    (!before || note->section_line[after[i]] < before))
				before = note->section_line[after[i]];
		at = before ? S_after_line(text, before - 1, &lazy) : text->len;
		lazy = true;
	}
	if (at == text->len && at && !strchr("\r\n", text->buf[at - 1]))
		strbuf_addstr(out, eol);
	if (!line) {
		struct strbuf heading = STRBUF_INIT;
		S_review_heading(doc->journal, lsp_heading_language(text->buf, text->len, before),
				 &heading);
		strbuf_addf(out, "%s%s", heading.buf, eol);
		strbuf_release(&heading);
	}
	for (i = 0; i < json_array_size(lines); i++)
		strbuf_addf(out, "%s%s",
			    json_string_value(json_object_get(json_array_get(lines, i), "line")),
			    eol);
	if (lazy && at < text->len)
		strbuf_addstr(out, eol);
	return at;
}

static void S_add_carry(const struct lsp_doc *doc, const struct note *note, json_t *lines,
			json_t *diagnostics, const char *title, json_t *actions)
{
	struct strbuf ins = STRBUF_INIT;
	size_t at = S_carry_text(doc, note, lines, &ins);

	json_array_append_new(actions,
			      S_action(doc, title, diagnostics,
				       json_pack("{s:o,s:o}", "range",
						 lsp_range(doc->text.buf, doc->text.len, at, at),
						 "newText", lsp_string(ins.buf))));
	strbuf_release(&ins);
}

/* loop-broken: carry each forgotten item into the review, as `notes new`
 * would have carried it (its line copied from the previous note). */
static void S_fix_loop(const struct lsp_doc *doc, const struct lsp_checked *c, json_t *actions)
{
	static const enum section secs[] = { SECTION_FOCUS, SECTION_SUPPORT };
	struct carry_input in = { c->checked.note.person,
				  NULL,
				  c->checked.note.leader,
				  c->checked.note.date,
				  false,
				  NULL,
				  NULL,
				  0 };
	struct strbuf src = STRBUF_INIT, title = STRBUF_INIT;
	json_t *data, *carried, *one, *all = json_array(), *alldiags = json_array();
	size_t i, k, pi = 0, base = 0;
	struct note prev;

	if (!doc->journal || !c->checked.note.person ||
	    S_load_previous(doc, &c->checked.note, &src, &prev) < 0) {
		json_decref(all);
		json_decref(alldiags);
		strbuf_release(&src);
		return;
	}
	in.prev = &prev;
	in.prev_src = src.buf;
	in.prev_len = src.len;
	data = carry_data(&in);
	carried = json_object_get(data, "review");
	for (k = 0; k < 2; base += prev.nitems[secs[k]], k++)
		for (i = 0; i < prev.nitems[secs[k]]; i++) {
			const struct task *t = &prev.items[secs[k]][i];
			json_t *line = json_array_get(carried, base + i), *diags;
			if ((t->status != TASK_OPEN && t->status != TASK_PARTIAL) ||
			    S_reviewed(&c->checked.note, t) || !line)
				continue;
			diags = json_array();
			/* the check reports them in this order, one problem each */
			for (; pi < c->checked.problems.nr; pi++)
				if (!strcmp(c->checked.problems.list[pi].code, "loop-broken")) {
					struct walker w = { doc->text.buf, doc->text.len, 0, 1 };
					json_array_append_new(
						diags,
						S_diagnostic(&w, &c->checked.problems.list[pi++]));
					break;
				}
			json_array_extend(alldiags, diags);
			json_array_append(all, line);
			strbuf_reset(&title);
			if (t->id)
				strbuf_addf(&title, "Carry ^%s '%s' into the review", t->id,
					    t->text);
			else
				strbuf_addf(&title, "Carry '%s' into the review", t->text);
			one = json_pack("[O]", line);
			S_add_carry(doc, &c->checked.note, one, diags, title.buf, actions);
			json_decref(one);
		}
	if (json_array_size(all) > 1) {
		strbuf_reset(&title);
		strbuf_addf(&title, "Carry all %zu forgotten items into the review",
			    json_array_size(all));
		S_add_carry(doc, &c->checked.note, all, json_incref(alldiags), title.buf, actions);
	}
	json_decref(all);
	json_decref(alldiags);
	json_decref(data);
	note_release(&prev);
	strbuf_release(&src);
	strbuf_release(&title);
}

json_t *lsp_code_actions(const struct lsp_doc *doc, size_t first, size_t last, struct strbuf *err)
{
	json_t *actions = json_array();
	struct lsp_checked c;
	bool loop_done = false;
	size_t i;

	if (lsp_check(&c, doc, err) < 0) {
		lsp_checked_release(&c);
		json_decref(actions);
		return NULL;
	}
	for (i = 0; c.is_note && i < c.checked.problems.nr; i++) {
		const struct problem *p = &c.checked.problems.list[i];
		size_t line = p->line > 0 ? (size_t)p->line - 1 : 0;
		if (line < first || line > last)
			continue;
		if (!strcmp(p->code, "unreviewed")) {
			S_fix_unreviewed(doc, &c, p, actions);
		} else if (!strcmp(p->code, "loop-broken") && !loop_done) {
			S_fix_loop(doc, &c, actions);
			loop_done = true;
		}
	}
	lsp_checked_release(&c);
	return actions;
}
