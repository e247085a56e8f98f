/* vocab.c - the words of a note, read from the embedded vocab files. */
#include "vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "re.h"
#include "utf8.h"
#include "xalloc.h"

/* A phrase of the finer checks: a purpose line's key, generic praise,
 * the words that only go with it, a word that looks ahead. */
struct phrase_rule {
	enum phrase kind;
	struct re *re;
	char *text; /* the pattern */
	unsigned searches; /* up to JIT_AFTER, then it is machine code */
};

/* A phrase searched this often is compiled to machine code: a command
 * that reads a note or two never pays for it, one that reads a journal
 * runs each phrase thousands of times. */
#define JIT_AFTER 64

struct word {
	enum field field;
	char *word; /* NFC and case-folded */
	size_t len;
	char *value; /* English value, for value rules */
};

static struct {
	int loaded;
	struct pattern {
		enum section section;
		char *text;
		const char *file;
		int line;
	} * patterns;
	size_t npatterns, patterns_alloc;
	/* every pattern compiled into one, "^(?:(review...)|(support...)|
	 * ...)$" in the order sections are tried, once every file is read:
	 * a heading is one search, not a hundred; the group that matched
	 * names the section */
	struct re *sections;
	struct word *words;
	size_t nwords, words_alloc;
	struct vocab_example *examples;
	size_t nexamples, examples_alloc;
	struct day_word {
		int day; /* 0 = Monday */
		char *word; /* NFC and case-folded */
		size_t len;
	} * days;
	size_t ndays, days_alloc;
	struct phrase_rule *phrases;
	size_t nphrases, phrases_alloc;
	struct re *lead, *aside, *trail, *word;
	struct re *tokens[TOKEN__COUNT];
	/* Headings recur in every note: remember what each one named. */
	struct heading_memo {
		char *text;
		size_t len;
		enum section section;
	} memo[64];
	size_t nmemo;
} V;

/* Tokens are looked for in text where code, HTML and link destinations
 * read as \x01, which no token takes or stands next to. */
static const char *const token_patterns[TOKEN__COUNT] = {
	/* @owner: a person id not glued to a word (so not an e-mail address) */
	"(?<!\\S)@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)(?![\\w@])",
	/* #tag: starts with a letter, so "#3" stays text; #project/alpha is
	 * one tag; \p{M}: a letter typed with combining marks (NFD) */
	"(?<!\\S)#(\\p{L}[\\p{L}\\p{M}\\p{N}_-]*(?:/[\\p{L}\\p{M}\\p{N}_-]+)*)",
	/* due:DATE, due:DATETHH:MM or due:DATE HH:MM (a zone is caught to be
	 * refused), else whatever follows due: (to be reported) */
	"(?<!\\S)due:([0-9]{4}-[0-9]{2}-[0-9]{2}(?:(?:T|[ "
	"](?=[0-9]{1,2}:[0-9]{2}))[0-9]{1,2}:[0-9]{2}"
	"(?::[0-9]{2})?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?(?![\\w:+-])|[^\\s\\x01]*)",
	"(?<!\\S)\\^([0-9a-z]{6})(?!\\S)",
	/* Obsidian Tasks: 📅 due, ⏳ scheduled, 🛫 start, ✅ done, ➕ created */
	"([\\x{1F4C5}\\x{23F3}\\x{1F6EB}\\x{2705}\\x{2795}])\\x{FE0F}?[ \\t]*"
	"([0-9]{4}-[0-9]{2}-[0-9]{2})(?![\\w:])",
};

static const char *const section_names[] = { "goals", "review",	  "blockers", "support",
					     "focus", "feedback", "notes" };
static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const phrase_names[] = { "purpose", "praise", "filler", "forward" };
static const char *const field_names[] = { "metric", "fallback", "cause", "learning", "kind",
					   "scope",  "impact",	 "how",	  "done" };
/* The order in which sections are tried against a heading. */
static const enum section match_order[] = { SECTION_REVIEW,   SECTION_SUPPORT, SECTION_FOCUS,
					    SECTION_BLOCKERS, SECTION_GOALS,   SECTION_FEEDBACK,
					    SECTION_NOTES };

const char *section_name(enum section s)
{
	return s >= 0 && s < SECTION__COUNT ? section_names[s] : "none";
}

const char *field_name(enum field f)
{
	return f >= 0 && f < FIELD__COUNT ? field_names[f] : "none";
}

int field_is_enumerated(enum field f)
{
	return f == FIELD_CAUSE || f == FIELD_KIND || f == FIELD_SCOPE || f == FIELD_HOW;
}

static int S_lookup(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

static char *S_fold(const char *s, size_t len, size_t *out_len)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_add_folded(&sb, s, len);
	return strbuf_detach(&sb, out_len);
}

/* One line of a vocab file: "section KEY PATTERN", "field KEY WORD",
 * "value FIELD VALUE WORD", "example KEY HEADING" or "KIND PATTERN" for
 * a phrase of the finer checks. */
static int S_add_rule(char **col, int ncol, const char *file, int lineno, struct strbuf *err)
{
	int k;

	if (ncol == 2 && (k = S_lookup(phrase_names, PHRASE__COUNT, col[0])) >= 0) {
		struct re *re;
		if (re_compile(&re, col[1], RE_CASELESS, err) < 0) {
			strbuf_addf(err, " (%s:%d)", file, lineno);
			return -1;
		}
		ALLOC_GROW(V.phrases, V.nphrases + 1, V.phrases_alloc);
		V.phrases[V.nphrases].kind = (enum phrase)k;
		V.phrases[V.nphrases].text = xstrdup(col[1]);
		V.phrases[V.nphrases].searches = 0;
		V.phrases[V.nphrases++].re = re;
		return 0;
	}
	if (ncol == 3 && !strcmp(col[0], "example") &&
	    ((k = S_lookup(section_names, SECTION__COUNT, col[1])) >= 0 ||
	     !strcmp(col[1], "none"))) {
		struct vocab_example *e;
		ALLOC_GROW(V.examples, V.nexamples + 1, V.examples_alloc);
		e = &V.examples[V.nexamples++];
		e->section = (enum section)k;
		e->heading = xstrdup(col[2]);
		e->file = file;
		e->line = lineno;
		return 0;
	}
	if (ncol == 3 && !strcmp(col[0], "section") &&
	    (k = S_lookup(section_names, SECTION__COUNT, col[1])) >= 0) {
		struct pattern *pat;
		ALLOC_GROW(V.patterns, V.npatterns + 1, V.patterns_alloc);
		pat = &V.patterns[V.npatterns++];
		pat->section = (enum section)k;
		pat->text = xstrdup(col[2]);
		pat->file = file;
		pat->line = lineno;
		return 0;
	}
	if (ncol == 3 && !strcmp(col[0], "weekday") && (k = S_lookup(day_names, 7, col[1])) >= 0) {
		struct day_word *d;
		ALLOC_GROW(V.days, V.ndays + 1, V.days_alloc);
		d = &V.days[V.ndays++];
		d->day = k;
		d->word = S_fold(col[2], strlen(col[2]), &d->len);
		return 0;
	}
	if ((ncol == 3 && !strcmp(col[0], "field")) || (ncol == 4 && !strcmp(col[0], "value"))) {
		k = S_lookup(field_names, FIELD__COUNT, col[1]);
		if (k >= 0) {
			struct word *w;
			ALLOC_GROW(V.words, V.nwords + 1, V.words_alloc);
			w = &V.words[V.nwords++];
			w->field = (enum field)k;
			w->word = S_fold(col[ncol - 1], strlen(col[ncol - 1]), &w->len);
			w->value = ncol == 4 ? xstrdup(col[2]) : NULL;
			return 0;
		}
	}
	strbuf_addf(err, "%s:%d: bad vocabulary rule", file, lineno);
	return -1;
}

static int S_load_file(const struct embedded_file *f, struct strbuf *err)
{
	char *copy = xstrndup(f->data, f->len), *line = copy, *next;
	int lineno = 0, rc = 0;

	for (; line && *line && !rc; line = next) {
		char *col[4];
		int ncol = 0;
		char *p = line;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (*line == '#' || *line == '\0')
			continue;
		while (ncol < 4) {
			col[ncol++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		rc = S_add_rule(col, ncol, f->name, lineno, err);
	}
	free(copy);
	return rc;
}

/* Whether a pattern captures: its groups would shift the groups that
 * name the sections. */
static bool S_captures(const char *pat)
{
	bool in_class = false;

	for (; *pat; pat++) {
		if (*pat == '\\' && pat[1])
			pat++;
		else if (in_class)
			in_class = *pat != ']';
		else if (*pat == '[')
			in_class = true;
		else if (*pat == '(' && pat[1] != '?' && pat[1] != '*')
			return true;
	}
	return false;
}

/* The one pattern of all sections; a pattern that does not compile, or
 * captures, is named with its file and line. */
static int S_compile_sections(struct strbuf *err)
{
	struct strbuf whole = STRBUF_INIT;
	struct re *re;
	size_t i, k;
	int rc;

	for (i = 0; i < V.npatterns; i++)
		if (S_captures(V.patterns[i].text)) {
			strbuf_addf(err,
				    "%s:%d: a section pattern must not capture (write (?:...))",
				    V.patterns[i].file, V.patterns[i].line);
			return -1;
		}
	strbuf_addstr(&whole, "^(?:");
	for (k = 0; k < SECTION__COUNT; k++) {
		size_t before = whole.len;
		strbuf_addstr(&whole, k ? "|(" : "(");
		for (i = 0; i < V.npatterns; i++)
			if (V.patterns[i].section == match_order[k])
				strbuf_addf(&whole, "%s(?:%s)", whole.len > before + 2 ? "|" : "",
					    V.patterns[i].text);
		/* a section without patterns is never named: (*FAIL) */
		strbuf_addstr(&whole, whole.len - before <= 2 ? "(*FAIL))" : ")");
	}
	strbuf_addstr(&whole, ")$");
	rc = re_compile(&V.sections, whole.buf, RE_CASELESS, err);
	strbuf_release(&whole);
	for (i = 0; rc < 0 && i < V.npatterns; i++) {
		strbuf_reset(err);
		if (re_compile(&re, V.patterns[i].text, RE_CASELESS, err) < 0) {
			strbuf_addf(err, " (%s:%d)", V.patterns[i].file, V.patterns[i].line);
			return -1;
		}
		re_free(re);
	}
	return rc;
}

int vocab_load(struct strbuf *err)
{
	const struct embedded_file *f;

	if (V.loaded)
		return 0;
	for (f = embedded_files; f->name; f++) {
		const char *slash = strchr(f->name, '/');
		if (slash && !strcmp(slash, "/vocab") && S_load_file(f, err) < 0)
			return -1;
	}
	if (re_compile(&V.lead,
		       "^(?:[\\s\\p{So}\\p{Sk}\\p{Cf}\\p{Mn}\\x{20E3}]"
		       "|[0-9#*]\\x{FE0F}?\\x{20E3}|\\d{1,3}[.)](?=\\s|$))+",
		       0, err) < 0 ||
	    re_compile(&V.aside, "\\s*(?:\\([^()]*\\)|（[^（）]*）)", 0, err) < 0 ||
	    /* trailing ?/:/./! and, as at the start, emoji ("## Feedback 💬") */
	    re_compile(&V.trail, "[\\s?？:：.!。\\p{So}\\p{Sk}\\p{Cf}\\p{Mn}\\x{20E3}]+$", 0, err) <
		    0 ||
	    re_compile(&V.word, "[\\p{L}\\p{N}]+", 0, err) < 0)
		return -1;
	/* Obsidian's dates are rare: not worth compiling to machine code */
	for (int i = 0; i < TOKEN__COUNT; i++)
		if (re_compile(&V.tokens[i], token_patterns[i], i == TOKEN_DATE ? 0 : RE_JIT, err) <
		    0)
			return -1;
	if (S_compile_sections(err) < 0)
		return -1;
	V.loaded = 1;
	return 0;
}

void vocab_release(void)
{
	size_t i;

	re_free(V.sections);
	for (i = 0; i < V.npatterns; i++)
		free(V.patterns[i].text);
	free(V.patterns);
	for (i = 0; i < V.nwords; i++) {
		free(V.words[i].word);
		free(V.words[i].value);
	}
	for (i = 0; i < V.nexamples; i++)
		free((char *)V.examples[i].heading);
	for (i = 0; i < V.ndays; i++)
		free(V.days[i].word);
	free(V.days);
	for (i = 0; i < V.nphrases; i++) {
		re_free(V.phrases[i].re);
		free(V.phrases[i].text);
	}

	free(V.words);
	free(V.examples);
	free(V.phrases);
	re_free(V.lead);
	re_free(V.aside);
	re_free(V.trail);
	re_free(V.word);
	for (i = 0; i < TOKEN__COUNT; i++)
		re_free(V.tokens[i]);
	for (i = 0; i < V.nmemo; i++)
		free(V.memo[i].text);
	memset(&V, 0, sizeof(V));
}

/* A heading that starts with a letter has no emoji or numbering to lose;
 * one that ends with a letter or digit, no ?, : or emoji. */
static bool S_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool S_is_alnum(char c)
{
	return S_is_letter(c) || (c >= '0' && c <= '9');
}

/* Unicode's White_Space characters. */
static bool S_is_space(int32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0x85 || cp == 0xa0 ||
	       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* in with each run of white space made one space, trimmed, into out. */
static void S_collapse(const struct strbuf *in, struct strbuf *out)
{
	size_t i = 0, n;
	bool blank = false;
	int32_t cp;

	while (i < in->len) {
		if ((unsigned char)in->buf[i] < 0x80) { /* ASCII: no decoding */
			cp = (unsigned char)in->buf[i];
			n = 1;
		} else {
			n = utf8_decode(in->buf + i, in->len - i, &cp);
			n = n ? n : 1;
		}
		if (S_is_space(cp)) {
			blank = out->len > 0;
		} else {
			if (blank)
				strbuf_addch(out, ' ');
			blank = false;
			if (n == 1)
				strbuf_addch(out, in->buf[i]);
			else
				strbuf_add(out, in->buf + i, n);
		}
		i += n;
	}
}

static bool S_has(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(s + i, what, n))
			return true;
	return false;
}

void vocab_normalise_heading(const char *text, size_t len, struct strbuf *out)
{
	struct strbuf nfc = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
	size_t ov[2];

	utf8_add_nfc(&nfc, text, len);
	text = nfc.buf, len = nfc.len;
	/* each pattern only where it may change something: a heading is
	 * read in every note, and most need none of them */
	if (len && !S_is_letter(text[0]) && re_search(V.lead, text, len, 0, ov, 1) == 1)
		text += ov[1], len -= ov[1];
	if (memchr(text, '(', len) || S_has(text, len, "（"))
		re_replace_all(V.aside, text, len, "", &a);
	else
		strbuf_add(&a, text, len);
	S_collapse(&a, &b);
	if (b.len && !S_is_alnum(b.buf[b.len - 1]) &&
	    re_search(V.trail, b.buf, b.len, 0, ov, 1) == 1)
		strbuf_setlen(&b, ov[0]);
	strbuf_addbuf(out, &b);
	strbuf_release(&nfc);
	strbuf_release(&a);
	strbuf_release(&b);
}

enum section vocab_section(const char *heading, size_t len)
{
	struct strbuf norm = STRBUF_INIT;
	enum section found = SECTION_NONE;
	size_t i, ov[2 * (SECTION__COUNT + 1)];

	for (i = 0; i < V.nmemo; i++)
		if (V.memo[i].len == len && !memcmp(V.memo[i].text, heading, len))
			return V.memo[i].section;
	vocab_normalise_heading(heading, len, &norm);
	if (re_search(V.sections, norm.buf, norm.len, 0, ov, SECTION__COUNT + 1) == 1)
		for (i = 0; i < SECTION__COUNT && found == SECTION_NONE; i++)
			if (ov[2 * (i + 1)] != SIZE_MAX)
				found = match_order[i];
	strbuf_release(&norm);
	if (V.nmemo < sizeof(V.memo) / sizeof(*V.memo) && !memchr(heading, '\0', len)) {
		V.memo[V.nmemo].text = xstrndup(heading, len);
		V.memo[V.nmemo].len = len;
		V.memo[V.nmemo++].section = found;
	}
	return found;
}

/* The word of field f (any field: FIELD_NONE) that s[0, len) is, as a
 * key (want_value 0) or as a value. */
static const struct word *S_find_word(int f, int want_value, const char *s, size_t len)
{
	const struct word *found = NULL;
	char ascii[64], *folded = ascii;
	size_t i, n = len;

	if (len > sizeof(ascii))
		return NULL; /* longer than any word: not worth folding */
	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		ascii[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	if (i < len) /* not ASCII: fold it all the Unicode way */
		folded = S_fold(s, len, &n);
	for (i = 0; i < V.nwords && !found; i++) {
		const struct word *w = &V.words[i];
		if ((f != FIELD_NONE && w->field != f) || !w->value != !want_value)
			continue;
		if (w->len == n && !memcmp(w->word, folded, n))
			found = w;
	}
	if (folded != ascii)
		free(folded);
	return found;
}

enum field vocab_field(const char *key, size_t len)
{
	const struct word *w = S_find_word(FIELD_NONE, 0, key, len);
	return w ? w->field : FIELD_NONE;
}

const char *vocab_value(enum field f, const char *word, size_t len)
{
	const struct word *w = S_find_word(f, 1, word, len);
	return w ? w->value : NULL;
}

int vocab_weekday(const char *word, size_t len)
{
	size_t i, n;
	char *folded;
	int day = -1;

	if (len && word[len - 1] == '.') /* "fri." */
		len--;
	folded = S_fold(word, len, &n);
	for (i = 0; i < V.ndays && day < 0; i++)
		if (V.days[i].len == n && !memcmp(V.days[i].word, folded, n))
			day = V.days[i].day;
	free(folded);
	return day;
}

const struct vocab_example *vocab_examples(size_t *n)
{
	*n = V.nexamples;
	return V.examples;
}

struct re *vocab_token(enum token t)
{
	return V.tokens[t];
}

static void S_count_search(struct phrase_rule *r)
{
	struct strbuf err = STRBUF_INIT;
	struct re *jit;

	if (r->searches > JIT_AFTER || ++r->searches <= JIT_AFTER)
		return;
	/* it compiled once: it compiles again (else the slower one stays) */
	if (re_compile(&jit, r->text, RE_CASELESS | RE_JIT, &err) == 0) {
		re_free(r->re);
		r->re = jit;
	}
	strbuf_release(&err);
}

size_t vocab_phrases(enum phrase kind, const char *text, size_t len, struct strbuf *rest,
		     size_t *words)
{
	struct strbuf cur = STRBUF_INIT, next = STRBUF_INIT;
	size_t i, found = 0, pos, ov[2];

	utf8_add_nfc(&cur, text, len); /* the vocabulary is written in NFC */
	for (i = 0; i < V.nphrases; i++) {
		if (V.phrases[i].kind != kind)
			continue;
		S_count_search(&V.phrases[i]);
		/* each phrase is taken out before the next is looked for: a
		 * longer one listed first ("good job") is not found again by a
		 * shorter one ("good") */
		if (re_search(V.phrases[i].re, cur.buf, cur.len, 0, ov, 1) != 1)
			continue; /* mostly: the text stays as it is */
		strbuf_reset(&next);
		pos = 0;
		do {
			strbuf_add(&next, cur.buf + pos, ov[0] - pos);
			pos = ov[1];
			if (ov[1] > ov[0]) {
				strbuf_addch(&next, ' ');
				found++;
			} else if (ov[0] < cur.len) { /* an empty match takes nothing out */
				strbuf_addch(&next, cur.buf[ov[0]]);
				pos = ov[0] + 1;
			} else {
				break;
			}
		} while (pos <= cur.len &&
			 re_search(V.phrases[i].re, cur.buf, cur.len, pos, ov, 1) == 1);
		if (pos < cur.len)
			strbuf_add(&next, cur.buf + pos, cur.len - pos);
		strbuf_swap(&cur, &next);
	}
	if (words)
		for (*words = 0, pos = 0;
		     pos < cur.len && re_search(V.word, cur.buf, cur.len, pos, ov, 1) == 1;
		     pos = ov[1])
			(*words)++;
	if (rest)
		strbuf_addbuf(rest, &cur);
	strbuf_release(&cur);
	strbuf_release(&next);
	return found;
}
