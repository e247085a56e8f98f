/* frontmatter.c - the YAML block at the top of a note: person, leader,
 * date. A reader of YAML's block mapping, as editors write it: the values
 * of other keys are skipped whatever their shape (lists, block scalars,
 * flow collections, quoted strings over several lines, comments), so that
 * valid YAML is never an error; person, leader and date are read without
 * their quotes and comments. */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "note_line.h"
#include "xalloc.h"

enum key { KEY_PERSON, KEY_LEADER, KEY_DATE, KEY__COUNT, KEY_OTHER = -1 };
static const char *const key_names[KEY__COUNT] = { "person", "leader", "date" };

/* The front matter's lines, [start[i], end[i]) without line ends and
 * trailing blanks, line numbers from first. */
struct block {
	const char *buf;
	size_t *start, *end;
	size_t n, alloc;
	int first;
};

struct reader {
	struct note *note;
	const struct note_options *opts;
	int line[KEY__COUNT]; /* where each key was, 0: not there */
	bool usable[KEY__COUNT]; /* its value was read without a problem */
};

static size_t S_line_end(const char *buf, size_t len, size_t s, size_t *next)
{
	size_t e = note_line_end(buf, len, s, next);

	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t'))
		e--;
	return e;
}

static bool S_is_fence(const char *buf, size_t s, size_t e)
{
	return e - s == 3 && (!memcmp(buf + s, "---", 3) || !memcmp(buf + s, "...", 3));
}

static size_t S_indent(const struct block *b, size_t i)
{
	size_t k = b->start[i];

	while (k < b->end[i] && (b->buf[k] == ' ' || b->buf[k] == '\t'))
		k++;
	return k - b->start[i];
}

/* Blank, or a comment: nothing of any value. */
static bool S_is_nothing(const struct block *b, size_t i)
{
	size_t k = b->start[i] + S_indent(b, i);

	return k == b->end[i] || b->buf[k] == '#';
}

/* Whether line i starts, after its indentation, with the indicator c
 * ('-' an item of a list, '?' a complex key, ':' its value) and a blank. */
static bool S_starts_with(const struct block *b, size_t i, char c)
{
	size_t k = b->start[i] + S_indent(b, i);

	return k < b->end[i] && b->buf[k] == c &&
	       (k + 1 == b->end[i] || b->buf[k + 1] == ' ' || b->buf[k + 1] == '\t');
}

/* The end of the plain text of s[from, e): a " #" starts a comment. */
static size_t S_uncomment(const char *s, size_t from, size_t e)
{
	size_t k;

	for (k = from; k < e; k++)
		if (s[k] == '#' && (k == from || s[k - 1] == ' ' || s[k - 1] == '\t'))
			break;
	while (k > from && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	return k;
}

/* Whether a value that begins with a quote or a bracket on line i goes
 * on past it: an unclosed quote or flow collection. */
static bool S_opens(const char *s, size_t from, size_t e, char *quote, int *depth)
{
	size_t k;

	for (k = from; k < e; k++) {
		char c = s[k];
		if (*quote == '"' && c == '\\')
			k++;
		else if (*quote)
			*quote = c == *quote ? 0 : *quote; /* '' in '...' closes and reopens */
		else if ((c == '"' || c == '\'') && (k == from || strchr(" \t[{,:", s[k - 1])))
			*quote = c;
		else if (c == '#' && *depth && k > from && (s[k - 1] == ' ' || s[k - 1] == '\t'))
			break;
		else if (*depth && (c == '[' || c == '{'))
			(*depth)++;
		else if (*depth && (c == ']' || c == '}'))
			(*depth)--;
	}
	return *quote || *depth > 0;
}

/* The value of a quoted scalar from s[from] (the quote) on, over the
 * lines it spans folded into one; escapes of '"' and '\' undone. */
static void S_quoted(const struct block *b, size_t i, size_t from, size_t last, struct strbuf *out)
{
	char q = b->buf[from];
	size_t k = from + 1, e;

	for (; i <= last; i++, k = b->start[i] + S_indent(b, i)) {
		if (out->len)
			strbuf_addch(out, ' ');
		for (e = b->end[i]; k < e; k++) {
			char c = b->buf[k];
			if (q == '\'' && c == '\'' && k + 1 < e && b->buf[k + 1] == '\'')
				strbuf_addch(out, '\''), k++;
			else if (c == q)
				return;
			else if (q == '"' && c == '\\' && k + 1 < e)
				strbuf_addch(out, b->buf[++k]);
			else
				strbuf_addch(out, c);
		}
		if (i == last)
			return;
	}
}

/* The scalar value of a key whose entry is lines [i, last], the value
 * starting at from on line i; -1 when it is no single value. */
static int S_scalar(const struct block *b, size_t i, size_t last, size_t from, struct strbuf *out)
{
	const char *s = b->buf;
	size_t e = b->end[i], k;
	bool folded = true;

	/* an anchor or a tag before the value changes nothing of it */
	while (from < e && (s[from] == '&' || s[from] == '!')) {
		while (from < e && s[from] != ' ' && s[from] != '\t')
			from++;
		while (from < e && (s[from] == ' ' || s[from] == '\t'))
			from++;
	}
	if (from < e && (s[from] == '"' || s[from] == '\'')) {
		S_quoted(b, i, from, last, out);
		return 0;
	}
	if (from < e && (s[from] == '[' || s[from] == '{' || s[from] == '*'))
		return -1;
	if (from < e && (s[from] == '|' || s[from] == '>')) {
		folded = s[from] == '>';
		from = e; /* the header line holds no content */
	}
	strbuf_add(out, s + from, S_uncomment(s, from, e) - from);
	for (k = i + 1; k <= last; k++) {
		size_t ks = b->start[k] + S_indent(b, k),
		       ke = folded ? S_uncomment(s, ks, b->end[k]) : b->end[k];
		if (ks == b->end[k])
			continue;
		/* a list or a mapping under the key: not one value */
		if (s[ks] == '-' && (ks + 1 == b->end[k] || s[ks + 1] == ' '))
			return -1;
		if (out->len)
			strbuf_addch(out, folded ? ' ' : '\n');
		strbuf_add(out, s + ks, ke - ks);
	}
	return 0;
}

/* Obsidian writes a link to a person's page as "[[alice]]". */
static void S_unlink(struct strbuf *v)
{
	strbuf_trim(v);
	if (v->len > 4 && !memcmp(v->buf, "[[", 2) && !memcmp(v->buf + v->len - 2, "]]", 2)) {
		memmove(v->buf, v->buf + 2, v->len - 4);
		strbuf_setlen(v, v->len - 4);
	}
}

static void S_set_date(struct reader *r, const char *v, size_t vlen, int line)
{
	struct note *note = r->note;
	struct strbuf q = STRBUF_INIT;
	enum date_error rc = note_date_parse(v, vlen, &note->date, &note->has_time);

	strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 40));
	if (rc == DATE_DAY)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-date",
			 "date '%s' is not a real date", q.buf);
	else if (rc == DATE_TIME)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-date",
			 "date '%s': the time is not a time of day (00:00 to 23:59)", q.buf);
	else if (rc == DATE_ZONE)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
			 "date '%s' has a time zone; times in notes are local (YYYY-MM-DD HH:MM)",
			 q.buf);
	else if (rc != DATE_OK)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
			 "date '%s' is not YYYY-MM-DD or YYYY-MM-DD HH:MM", q.buf);
	else {
		note->has_date = true;
		r->usable[KEY_DATE] = true;
		if (!note->has_time)
			note->date += DEFAULT_MEETING_MINUTES;
	}
	if (rc != DATE_OK)
		note->has_time = false;
	strbuf_release(&q);
}

static void S_set_person(struct reader *r, enum key key, const char *v, size_t vlen, int line)
{
	struct note *note = r->note;
	char **slot = key == KEY_PERSON ? &note->person : &note->leader;
	struct strbuf q = STRBUF_INIT;
	char *id = xstrndup(v, vlen);

	if (person_id_is_valid(id)) {
		free(*slot);
		*slot = id;
		r->usable[key] = true;
		return;
	}
	strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 64));
	diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
		 "%s '%s' is not a person id ([a-z0-9][a-z0-9._-]{0,63})", key_names[key], q.buf);
	strbuf_release(&q);
	free(id);
}

/* One entry of the mapping: lines [i, last], its key buf[ks, ke), its
 * value from from on line i. */
static void S_entry(struct reader *r, const struct block *b, size_t i, size_t last, size_t ks,
		    size_t ke, size_t from)
{
	struct strbuf v = STRBUF_INIT;
	int line = b->first + (int)i, k;

	for (k = 0; k < KEY__COUNT; k++)
		if (ke - ks == strlen(key_names[k]) &&
		    !strncasecmp(b->buf + ks, key_names[k], ke - ks))
			break;
	if (k == KEY__COUNT)
		return; /* other keys are kept in the file and ignored */
	r->line[k] = line;
	if (S_scalar(b, i, last, from, &v) < 0) {
		/* [[alice]] unquoted is a list in a list to YAML, a link to
		 * Obsidian: read it as Obsidian does */
		strbuf_reset(&v);
		strbuf_add(&v, b->buf + from, S_uncomment(b->buf, from, b->end[i]) - from);
		S_unlink(&v);
		if (last > i || !v.len || memchr(v.buf, '[', v.len) || memchr(v.buf, ']', v.len) ||
		    memchr(v.buf, ',', v.len) || strchr("{*", b->buf[from])) {
			diag_add(&r->note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
				 "%s is not one value (a list, a mapping or an alias)",
				 key_names[k]);
			strbuf_release(&v);
			return;
		}
	}
	S_unlink(&v);
	if (k == KEY_DATE)
		S_set_date(r, v.buf, v.len, line);
	else
		S_set_person(r, (enum key)k, v.buf, v.len, line);
	strbuf_release(&v);
}

/* The colon after the key of line i (the key is set in *ks, *ke), or 0
 * when the line is no "key: value". */
static size_t S_key(const struct block *b, size_t i, size_t *ks, size_t *ke)
{
	const char *s = b->buf;
	size_t e = b->end[i], k = *ks;

	if (k < e && (s[k] == '"' || s[k] == '\'')) {
		const char *close = memchr(s + k + 1, s[k], e - k - 1);
		if (!close)
			return 0;
		*ke = (size_t)(close - s);
		(*ks)++;
		for (k = *ke + 1; k < e && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		return k < e && s[k] == ':' ? k : 0;
	}
	for (; k < e; k++)
		if (s[k] == ':' && (k + 1 == e || s[k + 1] == ' ' || s[k + 1] == '\t'))
			break;
	if (k >= e || k == *ks)
		return 0;
	for (*ke = k; *ke > *ks && (s[*ke - 1] == ' ' || s[*ke - 1] == '\t'); (*ke)--)
		;
	return k;
}

static void S_read_block(struct reader *r, const struct block *b)
{
	size_t i = 0, last, base = 0, colon, from, ks, ke = 0;
	bool based = false;

	while (i < b->n) {
		char quote = 0;
		int depth = 0;

		if (S_is_nothing(b, i)) {
			i++;
			continue;
		}
		ks = b->start[i] + S_indent(b, i);
		if (!based)
			base = S_indent(b, i), based = true;
		if (S_indent(b, i) == base && S_starts_with(b, i, '?')) {
			/* "? key" then ": value": a complex key, never one of
			 * ours; it goes on over deeper lines and its ": " */
			for (i++;
			     i < b->n && (S_is_nothing(b, i) || S_indent(b, i) > base ||
					  S_starts_with(b, i, ':') || S_starts_with(b, i, '-'));
			     i++)
				;
			continue;
		}
		colon = S_key(b, i, &ks, &ke);
		if (!colon || S_indent(b, i) != base) {
			diag_add(&r->note->problems, b->first + (int)i, 1, SEVERITY_ERROR,
				 "bad-front-matter", "front matter line is not 'key: value'");
			i++;
			continue;
		}
		from = colon + 1;
		while (from < b->end[i] && (b->buf[from] == ' ' || b->buf[from] == '\t'))
			from++;
		/* only a value that starts with a quote or a bracket can go on
		 * over lines that are not deeper (quotes inside plain text do not
		 * count) */
		if (from < b->end[i] && strchr("\"'[{", b->buf[from])) {
			depth = b->buf[from] == '[' || b->buf[from] == '{';
			if (!depth)
				quote = b->buf[from];
			S_opens(b->buf, from + 1, b->end[i], &quote, &depth);
		}
		/* the entry goes on over deeper lines, a list at the key's own
		 * indentation, and whatever an open quote or bracket holds */
		for (last = i; last + 1 < b->n; last++) {
			size_t n = last + 1, ns = b->start[n] + S_indent(b, n);
			if (quote || depth > 0) {
				S_opens(b->buf, ns, b->end[n], &quote, &depth);
				continue;
			}
			if (S_is_nothing(b, n) || S_indent(b, n) > base ||
			    (b->buf[ns] == '-' && (ns + 1 == b->end[n] || b->buf[ns + 1] == ' ')))
				continue;
			break;
		}
		S_entry(r, b, i, last, ks, ke, from);
		i = last + 1;
	}
}

/* Without front matter, person and date come from <person>/<date>.md. */
static void S_from_path(struct note *note, const struct note_options *opts, bool quiet)
{
	char *person = NULL;
	notes_time date;

	if (opts && opts->file && note_path_split(opts->file, &person, &date) == 0) {
		note->person = person;
		note->date = date + DEFAULT_MEETING_MINUTES;
		note->has_date = true;
		return;
	}
	if (!quiet)
		diag_add(&note->problems, 1, 1, SEVERITY_ERROR, "bad-front-matter",
			 "no front matter, and the path is not <person>/<YYYY-MM-DD>.md");
}

void front_matter_from_path(struct note *note, const struct note_options *opts)
{
	S_from_path(note, opts, true);
}

/* Whether a path names the person by its directory: "alice/<date>.md" as
 * the journal's commands give it (a deeper path may be anything). */
static bool S_path_names_person(const char *path)
{
	const char *slash = strchr(path, '/');

	return path[0] != '/' && slash && !strchr(slash + 1, '/');
}

/* A copied note keeps last week's front matter: the path counts. */
static void S_against_path(struct reader *r)
{
	struct note *note = r->note;
	char *person = NULL, day[11], want[11];
	notes_time date;

	if (!r->opts || !r->opts->file || note_path_split(r->opts->file, &person, &date) < 0)
		return;
	if (S_path_names_person(r->opts->file)) {
		if (note->person && strcmp(note->person, person))
			diag_add(&note->problems, r->line[KEY_PERSON], 1, SEVERITY_WARNING,
				 "path-mismatch",
				 "front matter says person '%s' but the path says '%s': the path "
				 "counts",
				 note->person, person);
		if (!note->person || strcmp(note->person, person)) {
			free(note->person);
			note->person = xstrdup(person);
		}
	}
	free(person);
	date_format_day(date, want);
	if (note->has_date) {
		date_format_day(note->date, day);
		if (strcmp(day, want))
			diag_add(&note->problems, r->line[KEY_DATE], 1, SEVERITY_WARNING,
				 "path-mismatch",
				 "front matter says date %s but the path says %s: the path counts",
				 day, want);
		note->date =
			date + (note->date % MINUTES_PER_DAY + MINUTES_PER_DAY) % MINUTES_PER_DAY;
	} else {
		note->date = date + DEFAULT_MEETING_MINUTES;
		note->has_date = true;
		note->has_time = false;
	}
}

static void S_require(struct reader *r)
{
	int i;

	for (i = 0; i < KEY__COUNT; i++)
		if (!r->line[i])
			diag_add(&r->note->problems, 1, 1, SEVERITY_ERROR, "bad-front-matter",
				 "front matter has no '%s'", key_names[i]);
}

/* The lines of the block after the "---" at s, up to its closing fence;
 * returns whether there is one, and where the Markdown after it starts. */
static bool S_collect(struct block *b, const char *buf, size_t len, size_t s, size_t *body)
{
	size_t e, next, alloc = 0;

	for (; s < len; s = next) {
		e = S_line_end(buf, len, s, &next);
		if (S_is_fence(buf, s, e)) {
			*body = next;
			return true;
		}
		ALLOC_GROW(b->start, b->n + 1, b->alloc);
		ALLOC_GROW(b->end, b->n + 1, alloc);
		b->start[b->n] = s;
		b->end[b->n++] = e;
	}
	return false;
}

size_t front_matter_parse(struct note *note, const char *buf, size_t len, size_t from,
			  int *line_offset, const struct note_options *opts)
{
	struct reader r = { note, opts, { 0 }, { false } };
	struct block b = { buf, NULL, NULL, 0, 0, 2 };
	size_t next, n;

	*line_offset = 0;
	if (S_line_end(buf, len, from, &next) - from != 3 || memcmp(buf + from, "---", 3)) {
		S_from_path(note, opts, false);
	} else if (S_collect(&b, buf, len, next, &next)) {
		note->has_front_matter = true;
		S_read_block(&r, &b);
		S_require(&r);
		S_against_path(&r);
		*line_offset = (int)b.n + 2;
		from = next;
	} else {
		note->has_front_matter = true;
		diag_add(&note->problems, 1, 1, SEVERITY_ERROR, "bad-front-matter",
			 "front matter is never closed (no '---' line after it)");
		/* it ends at its first line that is not "key: value"; the whole
		 * note is read as Markdown, so that its items are still seen */
		for (n = 0; n < b.n && memchr(buf + b.start[n], ':', b.end[n] - b.start[n]); n++)
			;
		b.n = n;
		S_read_block(&r, &b);
		if (!note->person && !note->has_date)
			S_from_path(note, opts, true);
	}
	free(b.start);
	free(b.end);
	if (!note->leader && opts && opts->leader)
		note->leader = xstrdup(opts->leader);
	return from;
}
