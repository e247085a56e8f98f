/* frontmatter.c - the "---" block at the top of a note: person, leader, date. */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>

#include "note_line.h"
#include "xalloc.h"

/* One line [s, e) of the block, without its line end (\n, \r\n or a lone
 * \r, as cmark counts lines). */
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

/* Whether a closing fence follows offset s. */
static bool S_is_closed(const char *buf, size_t len, size_t s)
{
	size_t e, next;

	for (; s < len; s = next) {
		e = S_line_end(buf, len, s, &next);
		if (S_is_fence(buf, s, e))
			return true;
	}
	return false;
}

static void S_set_date(struct note *note, const char *v, size_t vlen, int line)
{
	struct strbuf q = STRBUF_INIT;
	int rc = date_parse(v, vlen, &note->date, &note->has_time);

	strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 40));
	if (rc == -2)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-date",
			 "date '%s' is not a real date", q.buf);
	else if (rc < 0)
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
			 "date '%s' is not YYYY-MM-DD or YYYY-MM-DD HH:MM", q.buf);
	else {
		note->has_date = true;
		if (!note->has_time)
			note->date += DEFAULT_MEETING_MINUTES;
	}
	strbuf_release(&q);
}

static void S_set_person(struct note *note, char **slot, const char *key, const char *v,
			 size_t vlen, int line)
{
	struct strbuf q = STRBUF_INIT;
	char *id = xstrndup(v, vlen);

	if (person_id_is_valid(id)) {
		free(*slot);
		*slot = id;
		return;
	}
	strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 64));
	diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
		 "%s '%s' is not a person id ([a-z0-9][a-z0-9._-]{0,63})", key, q.buf);
	strbuf_release(&q);
	free(id);
}

enum { SEEN_PERSON = 1, SEEN_LEADER = 2, SEEN_DATE = 4 };

static void S_key_value(struct note *note, const char *buf, size_t s, size_t e, int line, int *seen)
{
	const char *colon = memchr(buf + s, ':', e - s);
	size_t k, v;

	if (!colon || colon == buf + s) {
		diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-front-matter",
			 "front matter line is not 'key: value'");
		return;
	}
	k = (size_t)(colon - buf);
	v = k + 1;
	while (v < e && (buf[v] == ' ' || buf[v] == '\t'))
		v++;
	if (e - v >= 2 && (buf[v] == '"' || buf[v] == '\'') && buf[e - 1] == buf[v])
		v++, e--;
	while (k > s && (buf[k - 1] == ' ' || buf[k - 1] == '\t'))
		k--;
	if (k - s == 6 && !memcmp(buf + s, "person", 6)) {
		S_set_person(note, &note->person, "person", buf + v, e - v, line);
		*seen |= SEEN_PERSON;
	} else if (k - s == 6 && !memcmp(buf + s, "leader", 6)) {
		S_set_person(note, &note->leader, "leader", buf + v, e - v, line);
		*seen |= SEEN_LEADER;
	} else if (k - s == 4 && !memcmp(buf + s, "date", 4)) {
		S_set_date(note, buf + v, e - v, line);
		*seen |= SEEN_DATE;
	}
	/* other keys are kept in the file and ignored */
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

static void S_require(struct note *note, int seen)
{
	static const char *const keys[] = { "person", "leader", "date" };
	int i;

	for (i = 0; i < 3; i++)
		if (!(seen & (1 << i)))
			diag_add(&note->problems, 1, 1, SEVERITY_ERROR, "bad-front-matter",
				 "front matter has no '%s'", keys[i]);
}

size_t front_matter_parse(struct note *note, const char *buf, size_t len, size_t from,
			  int *line_offset, const struct note_options *opts)
{
	size_t s = from, e, next;
	int line, seen = 0;
	bool closed;

	*line_offset = 0;
	e = S_line_end(buf, len, s, &next);
	if (!(e - s == 3 && !memcmp(buf + s, "---", 3))) {
		S_from_path(note, opts, false);
	} else {
		note->has_front_matter = true;
		closed = S_is_closed(buf, len, next);
		for (s = next, line = 2; s < len; s = next, line++) {
			e = S_line_end(buf, len, s, &next);
			if (S_is_fence(buf, s, e))
				break;
			/* unclosed: the block ends at its first line that is not
			 * "key: value", and the Markdown after it is no error */
			if (!closed && !memchr(buf + s, ':', e - s))
				break;
			if (e > s && buf[s] != '#')
				S_key_value(note, buf, s, e, line, &seen);
		}
		if (!closed) {
			diag_add(&note->problems, 1, 1, SEVERITY_ERROR, "bad-front-matter",
				 "front matter is never closed (no '---' line after it)");
			/* read the rest as Markdown so that its items are still seen */
			if (!note->person && !note->has_date)
				S_from_path(note, opts, true);
		} else {
			S_require(note, seen);
			*line_offset = line;
			from = next;
		}
	}
	if (!note->leader && opts && opts->leader)
		note->leader = xstrdup(opts->leader);
	return from;
}
