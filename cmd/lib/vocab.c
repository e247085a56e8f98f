/* vocab.c - the words of a note, read from the embedded vocab files. */
#include "vocab.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "embedded.h"
#include "re.h"
#include "xalloc.h"

struct section_rule {
	enum section section;
	struct re *re;
};

/* A phrase of the finer checks: a purpose line's key, generic praise,
 * the words that only go with it, a word that looks ahead. */
struct phrase_rule {
	enum phrase kind;
	struct re *re;
};

struct word {
	enum field field;
	char *word; /* lower-cased */
	char *value; /* English value, for value rules */
};

static struct {
	int loaded;
	struct section_rule *rules;
	size_t nrules, rules_alloc;
	struct word *words;
	size_t nwords, words_alloc;
	struct phrase_rule *phrases;
	size_t nphrases, phrases_alloc;
	struct re *lead, *aside, *trail, *space, *word;
	struct re *tokens[TOKEN__COUNT];
	/* Headings recur in every note: remember what each one named. */
	struct heading_memo {
		char *text;
		enum section section;
	} memo[64];
	size_t nmemo;
} V;

static const char *const token_patterns[TOKEN__COUNT] = {
	/* @owner: a person id not glued to a word (so not an e-mail address) */
	"(?<!\\S)@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)(?![\\w@])",
	/* #tag: starts with a letter, so "#3" stays text */
	"(?<!\\S)#(\\p{L}[\\p{L}\\p{N}_-]*)",
	"(?<!\\S)due:(\\S*)",
	"(?<!\\S)\\^([0-9a-z]{6})(?!\\S)",
};

static const char *const section_names[] = { "goals", "review",	  "blockers", "support",
					     "focus", "feedback", "notes" };
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

static void S_lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* One line of a vocab file: "section KEY PATTERN", "field KEY WORD",
 * "value FIELD VALUE WORD" or "KIND PATTERN" for a phrase. */
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
		V.phrases[V.nphrases++].re = re;
		return 0;
	}

	if (ncol == 3 && !strcmp(col[0], "section") &&
	    (k = S_lookup(section_names, SECTION__COUNT, col[1])) >= 0) {
		struct re *re;
		if (re_compile(&re, col[2], RE_CASELESS, err) < 0) {
			strbuf_addf(err, " (%s:%d)", file, lineno);
			return -1;
		}
		ALLOC_GROW(V.rules, V.nrules + 1, V.rules_alloc);
		V.rules[V.nrules].section = (enum section)k;
		V.rules[V.nrules++].re = re;
		return 0;
	}
	if ((ncol == 3 && !strcmp(col[0], "field")) || (ncol == 4 && !strcmp(col[0], "value"))) {
		k = S_lookup(field_names, FIELD__COUNT, col[1]);
		if (k >= 0) {
			struct word *w;
			ALLOC_GROW(V.words, V.nwords + 1, V.words_alloc);
			w = &V.words[V.nwords++];
			w->field = (enum field)k;
			w->word = xstrdup(col[ncol - 1]);
			S_lower(w->word);
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
	    /* trailing ?/: and, as at the start, emoji ("## Feedback 💬") */
	    re_compile(&V.trail, "[\\s?？:：\\p{So}\\p{Sk}\\p{Cf}\\p{Mn}\\x{20E3}]+$", 0, err) <
		    0 ||
	    re_compile(&V.space, "\\s+", 0, err) < 0 ||
	    re_compile(&V.word, "[\\p{L}\\p{N}]+", 0, err) < 0)
		return -1;
	for (int i = 0; i < TOKEN__COUNT; i++)
		if (re_compile(&V.tokens[i], token_patterns[i], RE_JIT, err) < 0)
			return -1;
	V.loaded = 1;
	return 0;
}

void vocab_release(void)
{
	size_t i;

	for (i = 0; i < V.nrules; i++)
		re_free(V.rules[i].re);
	for (i = 0; i < V.nwords; i++) {
		free(V.words[i].word);
		free(V.words[i].value);
	}
	for (i = 0; i < V.nphrases; i++)
		re_free(V.phrases[i].re);
	free(V.rules);
	free(V.words);
	free(V.phrases);
	re_free(V.lead);
	re_free(V.aside);
	re_free(V.trail);
	re_free(V.space);
	re_free(V.word);
	for (i = 0; i < TOKEN__COUNT; i++)
		re_free(V.tokens[i]);
	for (i = 0; i < V.nmemo; i++)
		free(V.memo[i].text);
	memset(&V, 0, sizeof(V));
}

void vocab_normalise_heading(const char *text, size_t len, struct strbuf *out)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	size_t ov[2];

	if (re_search(V.lead, text, len, 0, ov, 1) == 1)
		text += ov[1], len -= ov[1];
	re_replace_all(V.aside, text, len, "", &a);
	re_replace_all(V.space, a.buf, a.len, " ", &b);
	strbuf_trim(&b);
	if (re_search(V.trail, b.buf, b.len, 0, ov, 1) == 1)
		strbuf_setlen(&b, ov[0]);
	strbuf_addbuf(out, &b);
	strbuf_release(&a);
	strbuf_release(&b);
}

enum section vocab_section(const char *heading, size_t len)
{
	struct strbuf norm = STRBUF_INIT;
	enum section found = SECTION_NONE;
	size_t i, j, ov[2];

	for (i = 0; i < V.nmemo; i++)
		if (strlen(V.memo[i].text) == len && !memcmp(V.memo[i].text, heading, len))
			return V.memo[i].section;
	vocab_normalise_heading(heading, len, &norm);
	for (i = 0; i < SECTION__COUNT && found == SECTION_NONE; i++)
		for (j = 0; j < V.nrules; j++)
			if (V.rules[j].section == match_order[i] &&
			    re_search(V.rules[j].re, norm.buf, norm.len, 0, ov, 1) == 1) {
				found = match_order[i];
				break;
			}
	strbuf_release(&norm);
	if (V.nmemo < sizeof(V.memo) / sizeof(*V.memo) && !memchr(heading, '\0', len)) {
		V.memo[V.nmemo].text = xstrndup(heading, len);
		V.memo[V.nmemo++].section = found;
	}
	return found;
}

static const struct word *S_find_word(enum field f, int want_value, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < V.nwords; i++) {
		const struct word *w = &V.words[i];
		if (w->field != f || !w->value != !want_value)
			continue;
		if (strlen(w->word) == len && !strncasecmp(w->word, s, len))
			return w;
	}
	return NULL;
}

enum field vocab_field(const char *key, size_t len)
{
	int f;

	for (f = 0; f < FIELD__COUNT; f++)
		if (S_find_word((enum field)f, 0, key, len))
			return (enum field)f;
	return FIELD_NONE;
}

const char *vocab_value(enum field f, const char *word, size_t len)
{
	const struct word *w = S_find_word(f, 1, word, len);
	return w ? w->value : NULL;
}

struct re *vocab_token(enum token t)
{
	return V.tokens[t];
}

size_t vocab_phrases(enum phrase kind, const char *text, size_t len, struct strbuf *rest,
		     size_t *words)
{
	struct strbuf cur = STRBUF_INIT, next = STRBUF_INIT;
	size_t i, found = 0, pos, ov[2];

	strbuf_add(&cur, text, len);
	for (i = 0; i < V.nphrases; i++) {
		if (V.phrases[i].kind != kind)
			continue;
		/* each phrase is taken out before the next is looked for: a
		 * longer one listed first ("good job") is not found again by a
		 * shorter one ("good") */
		strbuf_reset(&next);
		for (pos = 0; pos <= cur.len &&
			      re_search(V.phrases[i].re, cur.buf, cur.len, pos, ov, 1) == 1;) {
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
		}
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
