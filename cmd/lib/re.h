/* re.h - regular expressions (the only user of PCRE2). */
#ifndef NOTES_RE_H
#define NOTES_RE_H

#include <stddef.h>
#include "strbuf.h"

struct re;

enum re_flags {
	RE_CASELESS = 1 << 0,
	RE_ANCHORED = 1 << 1,
	/* compile to machine code: costs more than it saves for a pattern run
	 * a few times, pays for one run on every line of thousands of notes */
	RE_JIT = 1 << 2,
};

/* Compile a UTF-8 pattern (UTF + Unicode properties). */
int re_compile(struct re **out, const char *pattern, int flags, struct strbuf *err);
void re_free(struct re *re);

/*
 * Search subject[start, len). Returns 1 on a match with up to npairs
 * capture offsets in ovec (ovec[2*i], ovec[2*i+1]; SIZE_MAX for an unset
 * group), 0 for no match, -1 on a matching error (e.g. a limit).
 * Invalid UTF-8 in the subject never matches, it is not an error.
 */
int re_search(struct re *re, const char *subject, size_t len, size_t start, size_t *ovec,
	      int npairs);

/* Append subject to out with every match replaced by repl (no back-references). */
int re_replace_all(struct re *re, const char *subject, size_t len, const char *repl,
		   struct strbuf *out);

#endif
