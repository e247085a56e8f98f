/* note_util.c - small helpers around struct note: names, lookups,
 * release; the rules of lines, list markers, spaces and dates the reader
 * and the editors share. */
#include "note.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "note_line.h"
#include "utf8.h"
#include "xalloc.h"

const char *task_status_name(enum task_status s)
{
	static const char *const names[] = { "open", "done", "partial", "dropped" };
	return names[s];
}

char task_status_char(enum task_status s)
{
	static const char chars[] = { ' ', 'x', '~', '-' };
	return chars[s];
}

void task_release(struct task *t)
{
	size_t i;

	free(t->id);
	free(t->text);
	free(t->owner);
	for (i = 0; i < t->ntags; i++)
		free(t->tags[i]);
	free(t->tags);
	for (i = 0; i < FIELD__COUNT; i++)
		free(t->fields[i]);
	memset(t, 0, sizeof(*t));
}

void note_release(struct note *note)
{
	size_t i;
	int s;

	free(note->file);
	free(note->person);
	free(note->leader);
	for (i = 0; i < note->ngoals; i++) {
		free(note->goals[i].tag);
		free(note->goals[i].text);
	}
	free(note->goals);
	for (s = 0; s < SECTION__COUNT; s++) {
		for (i = 0; i < note->nitems[s]; i++)
			task_release(&note->items[s][i]);
		free(note->items[s]);
	}
	for (i = 0; i < note->nfeedback; i++)
		free(note->feedback[i].text);
	free(note->feedback);
	free(note->purpose.text);
	free(note->conflict_lines);
	diag_release(&note->problems);
	memset(note, 0, sizeof(*note));
}

static char *S_dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* n elements of size bytes at src, in a new array (NULL when there are none). */
static void *S_dup_array(const void *src, size_t n, size_t size)
{
	void *dst;

	if (!n)
		return NULL;
	dst = xcalloc(n, size);
	memcpy(dst, src, n * size);
	return dst;
}

static void S_copy_task(struct task *dst, const struct task *src)
{
	size_t i;

	*dst = *src;
	dst->id = S_dup(src->id);
	dst->text = S_dup(src->text);
	dst->owner = S_dup(src->owner);
	dst->tags = S_dup_array(src->tags, src->ntags, sizeof(*src->tags));
	dst->tags_alloc = src->ntags;
	for (i = 0; i < src->ntags; i++)
		dst->tags[i] = xstrdup(src->tags[i]);
	for (i = 0; i < FIELD__COUNT; i++)
		dst->fields[i] = S_dup(src->fields[i]);
}

void note_copy(struct note *dst, const struct note *src)
{
	size_t i;
	int s;

	*dst = *src;
	dst->file = S_dup(src->file);
	dst->person = S_dup(src->person);
	dst->leader = S_dup(src->leader);
	dst->goals = S_dup_array(src->goals, src->ngoals, sizeof(*src->goals));
	dst->goals_alloc = src->ngoals;
	for (i = 0; i < src->ngoals; i++) {
		dst->goals[i].tag = S_dup(src->goals[i].tag);
		dst->goals[i].text = xstrdup(src->goals[i].text);
	}
	for (s = 0; s < SECTION__COUNT; s++) {
		dst->items[s] = S_dup_array(src->items[s], src->nitems[s], sizeof(*src->items[s]));
		dst->items_alloc[s] = src->nitems[s];
		for (i = 0; i < src->nitems[s]; i++)
			S_copy_task(&dst->items[s][i], &src->items[s][i]);
	}
	dst->feedback = S_dup_array(src->feedback, src->nfeedback, sizeof(*src->feedback));
	dst->feedback_alloc = src->nfeedback;
	for (i = 0; i < src->nfeedback; i++)
		dst->feedback[i].text = xstrdup(src->feedback[i].text);
	dst->purpose.text = S_dup(src->purpose.text);
	dst->conflict_lines = S_dup_array(src->conflict_lines, src->nconflict_lines,
					  sizeof(*src->conflict_lines));
	dst->conflict_lines_alloc = src->nconflict_lines;
	dst->problems.list =
		S_dup_array(src->problems.list, src->problems.nr, sizeof(*src->problems.list));
	dst->problems.alloc = src->problems.nr;
	for (i = 0; i < src->problems.nr; i++) {
		struct problem *p = &dst->problems.list[i];
		const struct problem *q = &src->problems.list[i];
		p->message = xstrdup(q->message);
		p->text = q->text ? xstrdup(q->text) : NULL; /* as diag_add makes it */
	}
}

struct task *note_find_task(const struct note *note, const char *id, enum section *where)
{
	static const enum section order[] = { SECTION_SUPPORT, SECTION_FOCUS, SECTION_REVIEW };
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[order[k]]; i++) {
			struct task *t = &note->items[order[k]][i];
			if (t->id && !strcmp(t->id, id)) {
				if (where)
					*where = order[k];
				return t;
			}
		}
	return NULL;
}

size_t blocker_nkeys(const struct task *b)
{
	return b->ntags ? b->ntags : 1;
}

void blocker_key(const struct task *b, size_t i, struct strbuf *out)
{
	const char *p;

	if (b->ntags) {
		strbuf_addf(out, "#%s", b->tags[i]);
		return;
	}
	for (p = b->text; *p; p++)
		strbuf_addch(out, tolower((unsigned char)*p));
}

bool person_id_is_valid(const char *s)
{
	size_t i;

	if (!s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++) {
		char c = s[i];
		if (i >= 64 || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
				 c == '_' || c == '-'))
			return false;
	}
	return true;
}

int note_path_split(const char *path, char **person, notes_time *date)
{
	size_t len = strlen(path), base, dir;
	bool has_time;
	char *p;

	if (len < 13 || strcmp(path + len - 3, ".md"))
		return -1;
	base = len - 13;
	if (base == 0 || path[base - 1] != '/')
		return -1;
	if (date_parse(path + base, 10, date, &has_time) < 0)
		return -1;
	dir = base - 1;
	while (dir > 0 && path[dir - 1] != '/')
		dir--;
	p = xstrndup(path + dir, base - 1 - dir);
	if (!person_id_is_valid(p)) {
		free(p);
		return -1;
	}
	*person = p;
	return 0;
}

size_t note_line_end(const char *s, size_t len, size_t pos, size_t *next)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	size_t e = pos;
	uint64_t w, n, r;

	/* eight bytes at a time while none of them is \n or \r */
	for (; e + 8 <= len; e += 8) {
		memcpy(&w, s + e, 8);
		n = w ^ (ones * '\n');
		r = w ^ (ones * '\r');
		if (((n - ones) & ~n & highs) | ((r - ones) & ~r & highs))
			break;
	}
	while (e < len && s[e] != '\n' && s[e] != '\r')
		e++;

	if (next)
		*next = e + (e < len) + (e + 1 < len && s[e] == '\r' && s[e + 1] == '\n');
	return e;
}

static size_t S_blanks(const char *s, size_t i, size_t end, int *col)
{
	for (; i < end && (s[i] == ' ' || s[i] == '\t'); i++)
		*col = s[i] == '\t' ? *col + 4 - *col % 4 : *col + 1;
	return i;
}

size_t note_skip_marker(const char *s, size_t i, size_t end, int *column)
{
	size_t k;
	int col = 0;

	i = S_blanks(s, i, end, &col);
	if (i < end && (s[i] == '-' || s[i] == '*' || s[i] == '+')) {
		i++, col++;
	} else {
		/* at most 9 digits, as CommonMark allows */
		for (k = i; k < end && k - i < 9 && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k > i && k < end && (s[k] == '.' || s[k] == ')')) {
			col += (int)(k + 1 - i);
			i = k + 1;
		}
	}
	k = i;
	i = S_blanks(s, i, end, &col);
	/* "-\vtext": cmark takes any white space after the marker; the
	 * content starts one column after it, as after one space */
	if (i == k && i < end && (s[i] == '\v' || s[i] == '\f'))
		i++, col++;
	if (column)
		*column = col;
	return i;
}

static bool S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *note_collapse_space(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t i, n = 0;
	bool pending = false;

	for (i = 0; i < len; i++) {
		char c = s[i];
		if (S_is_space(c)) {
			pending = n > 0;
			continue;
		}
		if (pending)
			out[n++] = ' ';
		pending = false;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

char *note_clean_text(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	char *flat = note_collapse_space(s, len);
	size_t n = strlen(flat);

	if (utf8_is_nfc_quick(flat, n))
		return flat;
	utf8_add_nfc(&sb, flat, n);
	free(flat);
	return strbuf_detach(&sb, NULL);
}

/* Whether s[0, len) is a zone: "Z", "+09", "+0900" or "+09:00". */
static bool S_is_zone(const char *s, size_t len)
{
	if (len == 1)
		return *s == 'Z' || *s == 'z';
	if (len < 3 || (*s != '+' && *s != '-') || date_digits(s + 1, 2) < 0)
		return false;
	return len == 3 || (len == 5 && date_digits(s + 3, 2) >= 0) ||
	       (len == 6 && s[3] == ':' && date_digits(s + 4, 2) >= 0);
}

enum date_error note_date_parse(const char *s, size_t len, notes_time *out, bool *has_time)
{
	size_t h = 11, colon;
	int rc, hh, mm;

	*has_time = false;
	if (len < 10)
		return DATE_SHAPE;
	rc = date_parse(s, 10, out, has_time);
	if (rc < 0)
		return rc == -2 ? DATE_DAY : DATE_SHAPE;
	if (len == 10)
		return DATE_OK;
	if (s[10] != 'T' && s[10] != ' ')
		return S_is_zone(s + 10, len - 10) ? DATE_ZONE : DATE_SHAPE;
	if (len < h + 4) /* "T9:00" at the least */
		return DATE_SHAPE;
	colon = s[h + 1] == ':' ? h + 1 : h + 2;
	if (len < colon + 3 || s[colon] != ':' || (hh = date_digits(s + h, colon - h)) < 0 ||
	    (mm = date_digits(s + colon + 1, 2)) < 0)
		return DATE_SHAPE;
	if (len > colon + 3) {
		size_t z = colon + 3;
		if (len >= z + 3 && s[z] == ':' && date_digits(s + z + 1, 2) >= 0)
			z += 3; /* seconds, before a zone */
		return z < len && S_is_zone(s + z, len - z) ? DATE_ZONE : DATE_SHAPE;
	}
	if (hh > 23 || mm > 59)
		return DATE_TIME;
	*out += hh * 60 + mm;
	*has_time = true;
	return DATE_OK;
}

void note_set_defaults(struct note *note)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_SUPPORT]; i++) {
		struct task *t = &note->items[SECTION_SUPPORT][i];
		if (!t->owner && note->leader)
			t->owner = xstrdup(note->leader);
		if (!t->has_due && note->has_date) {
			t->due = note->date + SUPPORT_DUE_MINUTES;
			t->has_due = true;
		}
	}
	for (i = 0; i < note->nitems[SECTION_FOCUS]; i++) {
		struct task *t = &note->items[SECTION_FOCUS][i];
		if (!t->owner && note->person)
			t->owner = xstrdup(note->person);
		if (!t->has_due && note->has_date) {
			t->due = date_working_day_end(note->date, 5);
			t->has_due = true;
		}
	}
}

/* Whether the bytes look like UTF-16: a byte-order mark, or ASCII text
 * with a NUL after (or before) each character. */
static const char *S_utf16(const char *s, size_t len)
{
	size_t i, n = len < 64 ? len : 64, even = 0, odd = 0;

	if (len >= 2 && !memcmp(s, "\xff\xfe", 2))
		return "little-endian";
	if (len >= 2 && !memcmp(s, "\xfe\xff", 2))
		return "big-endian";
	if (n < 4)
		return NULL;
	for (i = 0; i + 1 < n; i += 2) {
		even += !s[i] && s[i + 1];
		odd += s[i] && !s[i + 1];
	}
	/* three pairs in four of that shape: text, not a stray NUL */
	if (odd * 8 >= n * 3)
		return "little-endian";
	return even * 8 >= n * 3 ? "big-endian" : NULL;
}

int note_check_encoding(struct note *note, const char *buf, size_t len)
{
	const char *nul = memchr(buf, '\0', len), *utf16;
	size_t bad = utf8_invalid_at(buf, nul ? (size_t)(nul - buf) : len), i;
	int line = 1;

	if (!nul && bad == len)
		return 0;
	if ((utf16 = S_utf16(buf, len))) {
		diag_add(&note->problems, 1, 1, SEVERITY_ERROR, "bad-encoding",
			 "the file is UTF-16 (%s) text: save it as UTF-8", utf16);
		return -1;
	}
	for (i = 0; i < bad; i++)
		line += buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'));
	diag_add(&note->problems, line, 1, SEVERITY_ERROR, "bad-encoding",
		 nul && bad == (size_t)(nul - buf)
			 ? N_("the file holds NUL bytes: not a text note")
			 : N_("invalid UTF-8 (the note must be UTF-8 text)"));
	return 0;
}

const enum section task_sections[TASK_SECTIONS] = { SECTION_REVIEW, SECTION_SUPPORT,
						    SECTION_FOCUS };
