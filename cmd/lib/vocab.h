/* vocab.h - the words of a note: section headings, field keys and values,
 * the finer checks' phrases, the days of a weekly slot, in every language
 * the binary carries (templates/<lang>/vocab). */
#ifndef NOTES_VOCAB_H
#define NOTES_VOCAB_H

#include <stddef.h>
#include "strbuf.h"

struct re;

enum section {
	SECTION_NONE = -1,
	SECTION_GOALS,
	SECTION_REVIEW,
	SECTION_BLOCKERS,
	SECTION_SUPPORT,
	SECTION_FOCUS,
	SECTION_FEEDBACK,
	SECTION_NOTES,
	SECTION__COUNT
};

enum field {
	FIELD_NONE = -1,
	FIELD_METRIC,
	FIELD_FALLBACK,
	FIELD_CAUSE,
	FIELD_LEARNING,
	FIELD_KIND,
	FIELD_SCOPE,
	FIELD_IMPACT,
	FIELD_HOW,
	FIELD_DONE,
	FIELD__COUNT
};

/* Inline tokens of an item's first paragraph; TOKEN_DATE is an Obsidian
 * Tasks date (group 1 its emoji, group 2 the date). */
enum token { TOKEN_OWNER, TOKEN_TAG, TOKEN_DUE, TOKEN_ID, TOKEN_DATE, TOKEN__COUNT };

/* A heading of the vocabulary's own tests: "example KEY HEADING" lines
 * say what the heading names (SECTION_NONE: no section). */
struct vocab_example {
	enum section section;
	const char *heading;
	const char *file;
	int line;
};

/* The phrases of the finer checks (rules "purpose", "praise", "filler" and
 * "forward" of the vocab files). */
enum phrase {
	PHRASE_PURPOSE, /* the key of a purpose line, "Purpose:" */
	PHRASE_PRAISE, /* generic praise or blame, "good job" */
	PHRASE_FILLER, /* words that name no behaviour, "really", "you" */
	PHRASE_FORWARD, /* a word that looks ahead, "next time" */
	PHRASE__COUNT
};

/* Load and compile the vocabulary once; later calls are free. */
int vocab_load(struct strbuf *err);
void vocab_release(void);

const char *section_name(enum section s);
const char *field_name(enum field f);
/* Whether the field takes one of a fixed set of values. */
int field_is_enumerated(enum field f);

/* Normalise a heading: NFC; leading emoji, keycaps and numbering, asides
 * in parentheses, trailing ?/:/./! and emoji removed; blanks collapsed. */
void vocab_normalise_heading(const char *text, size_t len, struct strbuf *out);
/* The section a heading names (normalising it first), or SECTION_NONE: a
 * pattern of the vocabulary matches the whole normalised heading. */
enum section vocab_section(const char *heading, size_t len);
/* The field a key names ("metric", "Metric", "지표"), or FIELD_NONE; keys
 * and values compare in NFC, without regard to case. */
enum field vocab_field(const char *key, size_t len);
/* The English value of an enumerated field's word ("가정" -> "assumption"),
 * or NULL when the word is not one of its values. */
const char *vocab_value(enum field f, const char *word, size_t len);

/*
 * Take every phrase of kind out of text[0, len): returns how many were
 * found. rest (may be NULL) gets the text with each of them replaced by a
 * space; *words (may be NULL) is the number of words (runs of letters and
 * digits) left in it.
 */
size_t vocab_phrases(enum phrase kind, const char *text, size_t len, struct strbuf *rest,
		     size_t *words);

/* The day of the week a word names ("mon", "Monday", "월", "월요일"; a
 * full stop after it is allowed): 0 = Monday ... 6 = Sunday, or -1. */
int vocab_weekday(const char *word, size_t len);

/* The compiled pattern of an inline token; group 1 is its value. */
struct re *vocab_token(enum token t);

/* The example headings of the loaded vocabulary files. */
const struct vocab_example *vocab_examples(size_t *n);

#endif
