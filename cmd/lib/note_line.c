/* note_line.c - the first line of a list item: marker, status, tokens, text. */
#include "note_line.h"

#include <stdlib.h>
#include <string.h>

#include "re.h"
#include "xalloc.h"

size_t note_line_end(const char *s, size_t len, size_t pos, size_t *next)
{
	size_t e = pos;

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
	i = S_blanks(s, i, end, &col);
	if (column)
		*column = col;
	return i;
}

static bool S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Collapse s[0, len) into out (room for len + 1); cut[i] marks bytes to drop. */
static char *S_collapse(const char *s, size_t len, const char *cut, char *out)
{
	size_t i, n = 0;
	bool pending = false;

	for (i = 0; i < len; i++) {
		char c = s[i];
		if (S_is_space(c) || (cut && cut[i])) {
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

char *note_collapse_space(const char *s, size_t len)
{
	return S_collapse(s, len, NULL, xmalloc(len + 1));
}

static void S_status(struct task *t, const char *s, size_t len, size_t *pos, struct diag *d,
		     int lineno, int col)
{
	size_t i = *pos;
	char c;

	t->status = TASK_OPEN;
	if (i + 2 >= len || s[i] != '[' || s[i + 2] != ']')
		return;
	if (i + 3 < len && s[i + 3] != ' ' && s[i + 3] != '\t')
		return;
	c = s[i + 1];
	t->has_marker = true;
	t->marker_pos = i + 1;
	switch (c) {
	case ' ': t->status = TASK_OPEN; break;
	case 'x':
	case 'X': t->status = TASK_DONE; break;
	case '~': t->status = TASK_PARTIAL; break;
	case '-': t->status = TASK_DROPPED; break;
	default:
		if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
			diag_add(d, lineno, col + (int)i, SEVERITY_ERROR, "bad-status",
				 "unknown status marker (use [ ], [x], [~] or [-])");
		else
			diag_add(d, lineno, col + (int)i, SEVERITY_ERROR, "bad-status",
				 "unknown status marker '[%c]' (use [ ], [x], [~] or [-])", c);
	}
	*pos = i + 3;
}

static void S_add_tag(struct task *t, const char *s, size_t len)
{
	ALLOC_GROW(t->tags, t->ntags + 1, t->tags_alloc);
	t->tags[t->ntags++] = xstrndup(s, len);
}

/* Record one token match in t. */
static void S_token(struct task *t, enum token k, const char *line, const size_t *ov,
		    struct diag *d, int lineno, int col)
{
	const char *v = line + ov[2];
	size_t vlen = ov[3] - ov[2];
	bool has_time;
	int rc;

	switch (k) {
	case TOKEN_OWNER:
		if (!t->owner) {
			t->owner = xstrndup(v, vlen);
			t->owner_explicit = true;
		}
		break;
	case TOKEN_TAG: S_add_tag(t, v, vlen); break;
	case TOKEN_ID:
		if (!t->id)
			t->id = xstrndup(v, vlen);
		break;
	case TOKEN_DUE:
		rc = date_parse(v, vlen, &t->due, &has_time);
		if (rc < 0) {
			struct strbuf q = STRBUF_INIT;
			strbuf_add_escaped(&q, v, diag_quote_len(v, vlen, 40));
			diag_add(d, lineno, col + (int)ov[0], SEVERITY_ERROR, "bad-date",
				 rc == -2 ? "due:%s is not a real date"
					  : "due:%s is not a date (use due:YYYY-MM-DD or "
					    "due:YYYY-MM-DDTHH:MM)",
				 q.buf);
			strbuf_release(&q);
			break;
		}
		if (!has_time)
			t->due += END_OF_DAY_MINUTES;
		t->has_due = t->due_explicit = true;
		break;
	default: break;
	}
}

void note_line_parse(struct task *t, const char *line, size_t len, struct diag *d, int lineno,
		     int col)
{
	size_t pos = note_skip_marker(line, 0, len, NULL);
	char *cut = xcalloc(len + 1, 1);
	int k;

	S_status(t, line, len, &pos, d, lineno, col);
	for (k = 0; k < TOKEN__COUNT; k++) {
		size_t start = pos, ov[4];
		while (start < len &&
		       re_search(vocab_token((enum token)k), line, len, start, ov, 2) == 1) {
			S_token(t, (enum token)k, line, ov, d, lineno, col);
			memset(cut + ov[0], 1, ov[1] - ov[0]);
			start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
	}
	t->text = S_collapse(line + pos, len - pos, cut + pos, xmalloc(len - pos + 1));
	free(cut);
}

enum field note_line_field(const char *line, size_t len, const char **value, size_t *vlen)
{
	size_t pos = note_skip_marker(line, 0, len, NULL), k;
	const char *colon, *wide;
	size_t sep = 1;
	enum field f;

	colon = memchr(line + pos, ':', len - pos);
	/* a full-width colon (U+FF1A), as Korean input methods type it */
	for (wide = memchr(line + pos, 0xef, len - pos); wide && wide + 3 <= line + len;
	     wide = memchr(wide + 1, 0xef, (size_t)(line + len - wide - 1)))
		if (!memcmp(wide, "\xef\xbc\x9a", 3))
			break;
	if (wide && wide + 3 > line + len)
		wide = NULL;
	if (wide && (!colon || wide < colon))
		colon = wide, sep = 3;
	if (!colon)
		return FIELD_NONE;
	k = (size_t)(colon - line);
	while (k > pos && (line[k - 1] == ' ' || line[k - 1] == '\t'))
		k--;
	f = vocab_field(line + pos, k - pos);
	if (f == FIELD_NONE)
		return f;
	*value = colon + sep;
	*vlen = len - (size_t)(colon + sep - line);
	while (*vlen && (**value == ' ' || **value == '\t'))
		(*value)++, (*vlen)--;
	while (*vlen && ((*value)[*vlen - 1] == ' ' || (*value)[*vlen - 1] == '\t'))
		(*vlen)--;
	return f;
}
