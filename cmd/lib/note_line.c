/* note_line.c - an item's first paragraph: status marker, inline tokens
 * (read from text only), Dataview fields, text; and the field a nested
 * item sets. */
#include "note_line.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "re.h"
#include "utf8.h"
#include "xalloc.h"

/* What a task's reading needs besides the task: the paragraph, what each
 * raw byte is when tokens are looked for, what is cut from the text. */
struct reading {
	struct task *t;
	const struct para *p;
	struct diag *d;
	char *scan; /* raw, with all that is not text blanked */
	char *cut; /* 1: not part of the text */
	int dues; /* due dates seen */
};

static bool S_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static const char *S_quote(struct strbuf *q, const char *v, size_t vlen)
{
	strbuf_reset(q);
	strbuf_add_escaped(q, v, diag_quote_len(v, vlen, 40));
	return q->buf;
}

__attribute__((format(printf, 5, 6))) static void
S_problem(struct reading *r, size_t at, enum severity sev, const char *code, const char *fmt, ...)
{
	va_list ap;
	int line, col;

	para_position(r->p, at, &line, &col);
	va_start(ap, fmt);
	diag_vadd(r->d, line, col, sev, code, fmt, ap);
	va_end(ap);
}

/* "[ ]" and the others at the start; Obsidian's "[/]" is partial. */
static size_t S_box(struct reading *r)
{
	const struct para *p = r->p;
	const char *s = p->raw.buf;
	struct strbuf q = STRBUF_INIT;
	char c;

	/* read from the bytes, whatever cmark made of them: "[x]" is a link
	 * when the note defines a reference [x]: ..., and still a box */
	if (p->raw.len < 3 || s[0] != '[' || s[2] != ']' || s[1] == '\n')
		return 0; /* "[" and "]" on two lines are no box */
	if (p->raw.len > 3 && !S_blank(s[3]))
		return 0;
	c = s[1];
	r->t->has_marker = true;
	r->t->marker_pos = para_src(p, 1);
	switch (c) {
	case ' ': r->t->status = TASK_OPEN; break;
	case 'x':
	case 'X': r->t->status = TASK_DONE; break;
	case '~':
	case '/': r->t->status = TASK_PARTIAL; break;
	case '-': r->t->status = TASK_DROPPED; break;
	default:
		if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
			strbuf_addf(&q, " '[%c]'", c);
		S_problem(r, 0, SEVERITY_ERROR, "bad-status",
			  "unknown status marker%s (use [ ], [x], [~], [/] or [-])", q.buf);
		strbuf_release(&q);
	}
	return 3;
}

/* Logseq writes a task as "TODO text" and a done one as "DONE text". */
static size_t S_keyword(struct reading *r, size_t pos)
{
	const char *s = r->p->raw.buf;
	size_t len = r->p->raw.len;
	bool done;

	while (pos < len && S_blank(s[pos]))
		pos++;
	if (len - pos < 4 || (memcmp(s + pos, "TODO", 4) && memcmp(s + pos, "DONE", 4)) ||
	    (len - pos > 4 && !S_blank(s[pos + 4])))
		return 0;
	done = s[pos] == 'D';
	if (!r->t->has_marker)
		r->t->status = done ? TASK_DONE : TASK_OPEN;
	return pos + 4;
}

static void S_set_due(struct reading *r, const size_t *ov, const char *v, size_t vlen)
{
	struct task *t = r->t;
	struct strbuf q = STRBUF_INIT;
	notes_time due;
	bool has_time;
	enum date_error rc = note_date_parse(v, vlen, &due, &has_time);

	S_quote(&q, r->p->raw.buf + ov[0], ov[1] - ov[0]);
	if (++r->dues > 1) {
		S_problem(r, ov[0], SEVERITY_ERROR, "bad-date",
			  "a second due date (%s): an item has one, the first counts", q.buf);
	} else if (rc == DATE_SHAPE) {
		S_problem(r, ov[0], SEVERITY_ERROR, "bad-date",
			  "%s is not a date (use due:YYYY-MM-DD or due:YYYY-MM-DDTHH:MM)", q.buf);
	} else if (rc == DATE_DAY) {
		S_problem(r, ov[0], SEVERITY_ERROR, "bad-date", "%s is not a real date", q.buf);
	} else if (rc == DATE_TIME) {
		S_problem(r, ov[0], SEVERITY_ERROR, "bad-date",
			  "%s: the time is not a time of day (00:00 to 23:59)", q.buf);
	} else if (rc == DATE_ZONE) {
		S_problem(r, ov[0], SEVERITY_ERROR, "bad-date",
			  "%s has a time zone; times in notes are local (due:YYYY-MM-DDTHH:MM)",
			  q.buf);
	} else {
		t->due = has_time ? due : due + END_OF_DAY_MINUTES;
		t->has_due = t->due_explicit = true;
	}
	strbuf_release(&q);
}

/* Record one token match (ov: the match, then its groups) in the task. */
static void S_token(struct reading *r, enum token k, const size_t *ov)
{
	struct task *t = r->t;
	const char *raw = r->p->raw.buf, *v = raw + ov[2];
	size_t vlen = ov[3] - ov[2];
	struct strbuf sb = STRBUF_INIT;

	switch (k) {
	case TOKEN_OWNER:
		if (!t->owner) {
			t->owner = xstrndup(v, vlen);
			t->owner_explicit = true;
		}
		break;
	case TOKEN_TAG:
		utf8_add_folded(&sb, v, vlen);
		ALLOC_GROW(t->tags, t->ntags + 1, t->tags_alloc);
		t->tags[t->ntags++] = strbuf_detach(&sb, NULL);
		break;
	case TOKEN_ID:
		if (!t->id)
			t->id = xstrndup(v, vlen);
		break;
	case TOKEN_DUE: S_set_due(r, ov, v, vlen); break;
	case TOKEN_DATE:
		/* 📅 is Obsidian Tasks' due date; its other dates (⏳ scheduled,
		 * 🛫 start, ✅ done, ➕ created) are left out of the text only */
		if (vlen == 4 && !memcmp(v, "\xf0\x9f\x93\x85", 4))
			S_set_due(r, ov, raw + ov[4], ov[5] - ov[4]);
		break;
	default: break;
	}
}

/* The key of a field at raw[from, end): "key: value", "key:: value"
 * (Dataview, Logseq), "**Key:** value" or "**Key**: value"; the value's
 * offset, or 0 when the bytes are no field of the vocabulary. */
static size_t S_key(const struct para *p, size_t from, size_t end, bool dataview, enum field *f)
{
	const char *s = p->raw.buf;
	size_t i = from, k, c, emph = 0;

	while (i < end && (s[i] == '*' || s[i] == '_') && emph < 2)
		i++, emph++;
	for (c = i; c < end; c++)
		if ((s[c] == ':' || (c + 3 <= end && !memcmp(s + c, "\xef\xbc\x9a", 3))) &&
		    p->what[c] == PARA_TEXT)
			break;
	if (c >= end || c == i)
		return 0;
	k = c;
	while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	while (emph && k > i && (s[k - 1] == '*' || s[k - 1] == '_')) /* **Key**: */
		k--, emph--;
	c += s[c] == ':' ? 1 : 3;
	if (c < end && s[c] == ':')
		c++;
	else if (dataview)
		return 0;
	while (emph && c < end && (s[c] == '*' || s[c] == '_')) /* **Key:** */
		c++, emph--;
	*f = vocab_field(s + i, k - i);
	return *f == FIELD_NONE ? 0 : c;
}

/* The text of raw[from, to) without HTML comments and cut bytes, its
 * blanks collapsed, NFC. */
static char *S_text(const struct para *p, size_t from, size_t to, const char *cut)
{
	static const bool blank[256] = {
		[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\v'] = 1, ['\f'] = 1
	};
	const unsigned char *s = (const unsigned char *)p->raw.buf;
	char *out = xmalloc(to - from + 1), *res;
	size_t i, n = 0;
	bool pending = false;

	for (i = from; i < to; i++) {
		/* HTML comments are no text, nor the "\" of a hard line break */
		if ((cut && cut[i]) || (!p->plain && (p->what[i] == PARA_COMMENT ||
						      (p->what[i] == PARA_MARKUP && s[i] == '\\'))))
			continue;
		if (blank[s[i]]) {
			pending = n > 0;
			continue;
		}
		if (pending)
			out[n++] = ' ';
		pending = false;
		out[n++] = (char)s[i];
	}
	out[n] = '\0';
	if (utf8_is_nfc_quick(out, n))
		return out;
	res = note_clean_text(out, n);
	free(out);
	return res;
}

/* Dataview/Logseq fields on the later lines of a task's paragraph
 * ("cause:: execution"): fields, not text. */
static void S_properties(struct reading *r)
{
	const struct para *p = r->p;
	const char *s = p->raw.buf, *nl;
	size_t at = 0, end, v;
	enum field f;

	while ((nl = memchr(s + at, '\n', p->raw.len - at))) {
		at = (size_t)(nl - s) + 1;
		nl = memchr(s + at, '\n', p->raw.len - at);
		end = nl ? (size_t)(nl - s) : p->raw.len;
		v = S_key(p, at, end, true, &f);
		if (!v)
			continue;
		if (!r->t->fields[f])
			r->t->fields[f] = S_text(p, v, end, NULL);
		if (!*r->t->fields[f]) {
			free(r->t->fields[f]);
			r->t->fields[f] = NULL;
		}
		memset(r->cut + at, 1, end - at);
		memset(r->scan + at, ' ', end - at);
	}
}

/* A byte as the token patterns see it: text as it is, markup as blank,
 * code, HTML and link destinations as \x01, which no token takes. */
static void S_scan_buffer(struct reading *r)
{
	const struct para *p = r->p;
	size_t i;

	if (p->plain) {
		memcpy(r->scan, p->raw.buf, p->raw.len);
		return;
	}
	for (i = 0; i < p->raw.len; i++) {
		char c = p->raw.buf[i];
		switch (p->what[i]) {
		case PARA_TEXT: r->scan[i] = c; break;
		case PARA_MARKUP: r->scan[i] = S_blank(c) ? c : ' '; break;
		default: r->scan[i] = '\x01';
		}
	}
}

void note_line_parse(struct task *t, const struct para *p, struct diag *d)
{
	static const unsigned char lead[TOKEN__COUNT] = { '@', '#', 'd', '^', 0xf0 };
	struct reading r = { t, p, d, NULL, NULL, 0 };
	size_t len = p->raw.len, pos, kw, ov[6];
	int k;

	r.scan = xmalloc(2 * (len + 1)); /* and cut, in one */
	r.cut = r.scan + len + 1;
	memset(r.cut, 0, len + 1);
	S_scan_buffer(&r);
	t->status = TASK_OPEN;
	pos = S_box(&r);
	kw = S_keyword(&r, pos);
	pos = kw ? kw : pos;
	memset(r.cut, 1, pos);
	memset(r.scan, ' ', pos);
	S_properties(&r);
	for (k = 0; k < TOKEN__COUNT; k++) {
		size_t start = 0;
		/* most items hold few tokens: skip a pattern whose first byte
		 * is nowhere (⏳ and ✅ start with 0xe2, the others 0xf0) */
		if (!memchr(r.scan, lead[k], len) &&
		    !(k == TOKEN_DATE && memchr(r.scan, 0xe2, len)))
			continue;
		while (start < len &&
		       re_search(vocab_token((enum token)k), r.scan, len, start, ov, 3) == 1) {
			S_token(&r, (enum token)k, ov);
			memset(r.cut + ov[0], 1, ov[1] - ov[0]);
			memset(r.scan + ov[0], ' ', ov[1] - ov[0]);
			start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
	}
	t->text = S_text(p, 0, len, r.cut);
	free(r.scan);
}

enum field note_line_field(const struct para *p, char **value, size_t *at)
{
	const char *nl = memchr(p->raw.buf, '\n', p->raw.len);
	size_t end = nl ? (size_t)(nl - p->raw.buf) : p->raw.len;
	enum field f;
	size_t v = S_key(p, 0, end, false, &f);

	*value = NULL;
	if (!v)
		return FIELD_NONE;
	*value = S_text(p, v, p->raw.len, NULL);
	*at = v;
	while (*at < p->raw.len && S_blank(p->raw.buf[*at]))
		(*at)++;
	if (!**value) { /* "key:" with nothing after it: a template left unfilled */
		free(*value);
		*value = NULL;
		return FIELD_NONE;
	}
	return f;
}

/* An enumerated value as written, without emphasis or a full stop
 * ("**Execution**.", "`가정`"). */
static const char *S_value(enum field f, const char *v)
{
	size_t len = strlen(v);

	while (len && strchr("*_`", *v))
		v++, len--;
	while (len && strchr("*_`.", v[len - 1]))
		len--;
	return vocab_value(f, v, len);
}

void note_line_set_field(struct task *t, enum field f, char *v, const struct para *p, size_t at,
			 struct diag *d)
{
	struct strbuf q = STRBUF_INIT;
	int line, col;
	bool has_time;

	t->fields[f] = v;
	if (field_is_enumerated(f)) {
		const char *en = S_value(f, v);
		if (en) {
			t->fields[f] = xstrdup(en);
			free(v);
		} else {
			para_position(p, at, &line, &col);
			diag_add(d, line, col, SEVERITY_WARNING, "bad-field",
				 "'%s' is not a known %s", S_quote(&q, v, strlen(v)),
				 field_name(f));
		}
	} else if (f == FIELD_DONE) {
		enum date_error rc = note_date_parse(v, strlen(v), &t->done_at, &has_time);
		if (rc == DATE_OK) {
			t->has_done_at = true;
			t->done_at += has_time ? 0 : END_OF_DAY_MINUTES;
		} else {
			para_position(p, at, &line, &col);
			diag_add(d, line, col, SEVERITY_ERROR, "bad-date",
				 rc == DATE_ZONE
					 ? N_("done: '%s' has a time zone; times in notes are "
					      "local (YYYY-MM-DDTHH:MM)")
				 : rc == DATE_TIME
					 ? N_("done: '%s': the time is not a time of day (00:00 to "
					      "23:59)")
					 : N_("done: '%s' is not a date and time "
					      "(YYYY-MM-DDTHH:MM)"),
				 S_quote(&q, v, strlen(v)));
		}
	}
	strbuf_release(&q);
}
