/* lsp_complete.c - completion in a note: the journal's people after @,
 * the note's goals and the tags used before after #, the previous note's
 * open items after ^, and section headings, field keys and field values
 * in every language of the vocabulary. */
#include "lsp_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json_carry.h"
#include "embedded.h"
#include "journal_new.h"
#include "journal_notes.h"
#include "note_line.h"
#include "open_items.h"
#include "xalloc.h"

/* A longer list is cut (isIncomplete: the client asks again as more is typed). */
#define MAX_ITEMS 200
/* How far back "the tags used before" go: about a quarter of weekly notes. */
#define TAG_HISTORY_NOTES 12

enum {
	KIND_FIELD = 5,
	KIND_VARIABLE = 6,
	KIND_MODULE = 9,
	KIND_KEYWORD = 14,
	KIND_REFERENCE = 18,
	KIND_ENUM_MEMBER = 20
};

static enum field S_field_of(const char *name)
{
	int f;

	for (f = 0; f < FIELD__COUNT; f++)
		if (!strcmp(field_name((enum field)f), name))
			return (enum field)f;
	return FIELD_NONE;
}

void lsp_vocab_words(lsp_word_fn fn, void *data)
{
	const struct embedded_file *f;

	for (f = embedded_files; f->name; f++) {
		const char *slash = strchr(f->name, '/');
		char *copy, *line, *next, *lang;
		if (!slash || strcmp(slash, "/vocab"))
			continue;
		lang = xstrndup(f->name, (size_t)(slash - f->name));
		copy = xstrndup(f->data, f->len);
		for (line = copy; line && *line; line = next) {
			char *col[4] = { NULL, NULL, NULL, NULL }, *p = line;
			int ncol = 0;
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			while (ncol < 4) {
				col[ncol++] = p;
				if (!(p = strchr(p, '\t')))
					break;
				*p++ = '\0';
			}
			if (ncol == 3 && !strcmp(col[0], "field") &&
			    S_field_of(col[1]) != FIELD_NONE)
				fn(lang, S_field_of(col[1]), NULL, col[2], data);
			else if (ncol == 4 && !strcmp(col[0], "value") &&
				 S_field_of(col[1]) != FIELD_NONE)
				fn(lang, S_field_of(col[1]), col[2], col[3], data);
		}
		free(copy);
		free(lang);
	}
}

struct word_query {
	const char *lang, *value;
	enum field field;
	struct strbuf *out;
	bool english_only; /* the word found is from another language */
};

static void S_first_word(const char *lang, enum field f, const char *value, const char *word,
			 void *data)
{
	struct word_query *q = data;
	bool same = !strcmp(lang, q->lang);

	if (f != q->field || !value != !q->value || (value && strcmp(value, q->value)))
		return;
	if (same && q->english_only) {
		strbuf_reset(q->out);
		q->english_only = false;
	}
	if (!q->out->len && (same || !strcmp(lang, "en"))) {
		strbuf_addstr(q->out, word);
		q->english_only = !same;
	}
}

void lsp_vocab_word(const char *lang, enum field f, const char *value, struct strbuf *out)
{
	struct word_query q = { lang, value, f, out, false };

	strbuf_reset(out);
	lsp_vocab_words(S_first_word, &q);
	if (!out->len)
		strbuf_addstr(out, value ? value : field_name(f));
}

const char *lsp_heading_language(const char *text, size_t len, int line)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t pos = 0;

	if (line < 1)
		return "en";
	while (--line > 0 && pos < len)
		note_line_end(text, len, pos, &pos);
	/* Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8 */
	for (; pos + 2 < len && s[pos] != '\n' && s[pos] != '\r'; pos++)
		if (s[pos] >= 0xea && s[pos] <= 0xed && (s[pos + 1] & 0xc0) == 0x80 &&
		    (s[pos] > 0xea || s[pos + 1] >= 0xb0) && (s[pos] < 0xed || s[pos + 1] < 0x9f))
			return "ko";
	return "en";
}

/* The list being built: what was typed, and the range each item replaces. */
struct items {
	json_t *list, *range;
	const char *typed;
	size_t typed_len, n;
	bool incomplete;
	/* only what starts with the typed text: the lists that can be long
	 * (people, tags, items); headings and fields are left to the client,
	 * which may match words inside them */
	bool filter;
};

static bool S_matches(const struct items *it, const char *s)
{
	return !it->filter ||
	       (strlen(s) >= it->typed_len && !strncasecmp(s, it->typed, it->typed_len));
}

static json_t *S_add(struct items *it, const char *label, int kind, const char *detail,
		     const char *insert, const char *sort)
{
	json_t *item;
	size_t i;

	if (!S_matches(it, insert))
		return NULL;
	for (i = 0; i < json_array_size(it->list); i++)
		if (!strcmp(json_string_value(
				    json_object_get(json_array_get(it->list, i), "filterText")),
			    insert))
			return NULL;
	if (it->n >= MAX_ITEMS) {
		it->incomplete = true;
		return NULL;
	}
	item = json_pack("{s:o,s:i,s:o,s:s,s:{s:O,s:o}}", "label", lsp_string(label), "kind", kind,
			 "filterText", lsp_string(insert), "sortText", sort, "textEdit", "range",
			 it->range, "newText", lsp_string(insert));
	if (detail)
		json_object_set_new(item, "detail", lsp_string(detail));
	json_array_append_new(it->list, item);
	it->n++;
	return item;
}

static void S_people(struct items *it, const struct journal *j)
{
	struct person p;
	size_t i;

	if (!j)
		return;
	if (j->leader && person_id_is_valid(j->leader) && !journal_has_person(j, j->leader))
		S_add(it, j->leader, KIND_VARIABLE, "the leader", j->leader, "0");
	for (i = 0; i < j->npeople; i++) {
		if (!S_matches(it, j->people[i]))
			continue;
		journal_person(j, j->people[i], &p);
		S_add(it, j->people[i], KIND_VARIABLE, p.name, j->people[i], "1");
		person_release(&p);
	}
}

static void S_note_tags(struct items *it, const struct note *n, const char *sort)
{
	char day[11];
	size_t i, k, s;

	date_format_day(n->date, day);
	for (i = 0; i < n->ngoals; i++)
		if (n->goals[i].tag)
			S_add(it, n->goals[i].tag, KIND_KEYWORD, n->goals[i].text, n->goals[i].tag,
			      sort);
	for (s = 0; s < SECTION__COUNT; s++)
		for (i = 0; i < n->nitems[s]; i++)
			for (k = 0; k < n->items[s][i].ntags; k++)
				S_add(it, n->items[s][i].tags[k], KIND_KEYWORD, "a tag used before",
				      n->items[s][i].tags[k], sort);
}

/* The note's goals first, then the tags of the person's last notes. */
static void S_tags(struct items *it, const struct lsp_doc *doc, const struct note *note)
{
	const struct journal *j = doc->journal;
	notes_time day = note->date - note->date % MINUTES_PER_DAY;
	struct note_ref *refs;
	size_t n, i, used = 0;

	S_note_tags(it, note, "0");
	if (!j || !doc->rel || !note->person || !note->has_date ||
	    !person_id_is_valid(note->person) || journal_notes(j, note->person, &refs, &n) < 0)
		return;
	for (i = n; i > 0 && used < TAG_HISTORY_NOTES; i--) {
		struct strbuf err = STRBUF_INIT;
		struct note old;
		if (refs[i - 1].date >= day)
			continue;
		used++;
		if (journal_load_note(j, refs[i - 1].path, &old, &err) == 0) {
			S_note_tags(it, &old, "1");
			note_release(&old);
		}
		strbuf_release(&err);
	}
	note_refs_free(refs, n);
}

static bool S_in_note(const struct note *note, const char *id)
{
	return note_find_task(note, id, NULL) != NULL;
}

/* The open items of the previous note (those `notes done` would offer
 * before this meeting), those not yet in this note first. */
static void S_items(struct items *it, const struct lsp_doc *doc, const struct note *note)
{
	struct open_items open = OPEN_ITEMS_INIT;
	struct strbuf err = STRBUF_INIT, detail = STRBUF_INIT;
	char day[11];
	size_t i;

	if (!doc->journal || !doc->rel || !note->person || !note->has_date ||
	    !person_id_is_valid(note->person) ||
	    open_items_collect(
		    doc->journal, note->person, note->date - note->date % MINUTES_PER_DAY - 1,
		    OPEN_IN(SECTION_REVIEW) | OPEN_IN(SECTION_SUPPORT) | OPEN_IN(SECTION_FOCUS),
		    &open, &err) < 0) {
		open_items_release(&open);
		strbuf_release(&err);
		return;
	}
	for (i = 0; i < open.n; i++) {
		const struct open_item *o = &open.v[i];
		json_t *item = S_add(it, o->id, KIND_REFERENCE, o->text, o->id,
				     S_in_note(note, o->id) ? "1" : "0");
		if (!item)
			continue;
		date_format_day(o->meeting, day);
		strbuf_reset(&detail);
		strbuf_addf(&detail, "%s %s item of %s", o->partial ? "partial" : "open",
			    section_name(o->section), day);
		json_object_set_new(item, "documentation", lsp_string(detail.buf));
	}
	open_items_release(&open);
	strbuf_release(&err);
	strbuf_release(&detail);
}

static void S_template_headings(struct items *it, const char *tmpl, size_t len)
{
	struct strbuf h = STRBUF_INIT;
	const char *line = tmpl, *end, *stop = tmpl + len;
	enum section s;

	for (; line < stop; line = end + 1) {
		for (end = line; end < stop && *end != '\n'; end++)
			;
		strbuf_reset(&h);
		strbuf_add(&h, line, (size_t)(end - line));
		strbuf_trim(&h);
		if (h.len > 3 && !strncmp(h.buf, "## ", 3) && !strstr(h.buf, "{{") &&
		    (s = vocab_section(h.buf + 3, h.len - 3)) != SECTION_NONE)
			S_add(it, h.buf + 3, KIND_MODULE, section_name(s), h.buf, "0");
	}
	strbuf_release(&h);
}

/* The headings of the journal's note template, then of the built-in ones. */
static void S_headings(struct items *it, const struct journal *j)
{
	const struct embedded_file *f;
	struct strbuf tmpl = STRBUF_INIT;

	if (j && template_lookup(j, NULL, "note", &tmpl, NULL) == 0)
		S_template_headings(it, tmpl.buf, tmpl.len);
	strbuf_release(&tmpl);
	for (f = embedded_files; f->name; f++) {
		const char *slash = strchr(f->name, '/');
		if (slash && !strcmp(slash, "/note.md"))
			S_template_headings(it, f->data, f->len);
	}
}

static const char *const field_help[FIELD__COUNT] = {
	"focus: the metric that should move",	   "focus: what to do if it does not work",
	"review: execution or assumption",	   "review: what the miss taught",
	"blocker: capability or environment",	   "blocker: week or structural",
	"blocker, support: what it costs",	   "support: direct or connect",
	"when it was delivered: YYYY-MM-DDTHH:MM",
};

/* The fields that belong to the items of each section. */
static bool S_field_fits(enum section s, enum field f)
{
	switch (s) {
	case SECTION_REVIEW: return f == FIELD_CAUSE || f == FIELD_LEARNING || f == FIELD_DONE;
	case SECTION_BLOCKERS: return f == FIELD_KIND || f == FIELD_SCOPE || f == FIELD_IMPACT;
	case SECTION_SUPPORT: return f == FIELD_HOW || f == FIELD_IMPACT || f == FIELD_DONE;
	case SECTION_FOCUS: return f == FIELD_METRIC || f == FIELD_FALLBACK || f == FIELD_DONE;
	default: return false;
	}
}

struct field_query {
	struct items *it;
	enum section section;
	enum field value_of; /* FIELD_NONE: keys */
	struct strbuf sb;
};

static void S_field_word(const char *lang, enum field f, const char *value, const char *word,
			 void *data)
{
	struct field_query *q = data;

	(void)lang;
	strbuf_reset(&q->sb);
	if (q->value_of == FIELD_NONE && !value) {
		strbuf_addf(&q->sb, "%s: ", word);
		S_add(q->it, word, KIND_FIELD, field_help[f], q->sb.buf,
		      S_field_fits(q->section, f) ? "0" : "1");
	} else if (q->value_of == f && value) {
		S_add(q->it, word, KIND_ENUM_MEMBER, value, word, "0");
	}
}

/* The section the cursor's line (1-based) is in. */
static enum section S_section_at(const struct note *note, int line)
{
	enum section s, found = SECTION_NONE;
	int best = 0;

	for (s = 0; s < SECTION__COUNT; s++)
		if (note->section_line[s] && note->section_line[s] <= line &&
		    note->section_line[s] > best)
			best = note->section_line[s], found = s;
	return found;
}

static void S_fields(struct items *it, const struct note *note, int line, enum field value_of)
{
	struct field_query q = { it, S_section_at(note, line), value_of, STRBUF_INIT };

	lsp_vocab_words(S_field_word, &q);
	strbuf_release(&q.sb);
}

/* What the text before the cursor asks for. */
enum want { WANT_NOTHING, WANT_HEADING, WANT_PERSON, WANT_TAG, WANT_ITEM, WANT_KEY, WANT_VALUE };

static enum want S_context(const char *s, size_t start, size_t at, size_t *from, enum field *f)
{
	size_t i = start, k = at, h = 0;

	while (start + h < at && s[start + h] == '#')
		h++;
	if ((h >= 2 || (h == 1 && at == start + 1)) &&
	    !memchr(s + start + h, '#', at - start - h)) {
		*from = start;
		return WANT_HEADING;
	}
	while (k > start && !isspace((unsigned char)s[k - 1]) && !strchr("@#^", s[k - 1]))
		k--;
	if (k > start && strchr("@#^", s[k - 1]) &&
	    (k - 1 == start || isspace((unsigned char)s[k - 2]))) {
		*from = k;
		return s[k - 1] == '@' ? WANT_PERSON : s[k - 1] == '#' ? WANT_TAG : WANT_ITEM;
	}
	/* a nested bullet: "  - key" or "  - key: value" */
	while (i < at && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == start || i >= at || !strchr("-*+", s[i]) || i + 1 >= at ||
	    (s[i + 1] != ' ' && s[i + 1] != '\t'))
		return WANT_NOTHING;
	for (i++; i < at && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	*from = i;
	if (i < at && s[i] == '[')
		return WANT_NOTHING;
	for (k = i; k < at && s[k] != ':'; k++)
		;
	if (k == at)
		return WANT_KEY;
	*f = vocab_field(s + i, k - i);
	if (*f == FIELD_NONE || !field_is_enumerated(*f))
		return WANT_NOTHING;
	for (k++; k < at && (s[k] == ' ' || s[k] == '\t'); k++)
		;
	*from = k;
	return WANT_VALUE;
}

json_t *lsp_completion(const struct lsp_doc *doc, size_t offset, struct strbuf *err)
{
	const char *s = doc->text.buf;
	size_t start = offset, from = offset, line, ch;
	struct items it = { json_array(), NULL, NULL, 0, 0, false, false };
	enum field f = FIELD_NONE;
	enum want want;
	struct note note;

	if (vocab_load(err) < 0) {
		json_decref(it.list);
		return NULL;
	}
	while (start > 0 && s[start - 1] != '\n' && s[start - 1] != '\r')
		start--;
	want = S_context(s, start, offset, &from, &f);
	it.typed = s + from;
	it.typed_len = offset - from;
	it.filter = want == WANT_PERSON || want == WANT_TAG || want == WANT_ITEM;
	it.range = lsp_range(s, doc->text.len, from, offset);
	lsp_position(s, doc->text.len, offset, &line, &ch);
	if (want != WANT_NOTHING && lsp_parse(&note, doc, err) < 0) {
		json_decref(it.list);
		json_decref(it.range);
		return NULL;
	}
	switch (want) {
	case WANT_HEADING: S_headings(&it, doc->journal); break;
	case WANT_PERSON: S_people(&it, doc->journal); break;
	case WANT_TAG: S_tags(&it, doc, &note); break;
	case WANT_ITEM: S_items(&it, doc, &note); break;
	case WANT_KEY: S_fields(&it, &note, (int)line + 1, FIELD_NONE); break;
	case WANT_VALUE: S_fields(&it, &note, (int)line + 1, f); break;
	case WANT_NOTHING: break;
	}
	if (want != WANT_NOTHING)
		note_release(&note);
	json_decref(it.range);
	return json_pack("{s:b,s:o}", "isIncomplete", it.incomplete, "items", it.list);
}
