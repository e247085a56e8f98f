/* re.c - regular expressions (the only user of PCRE2). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <string.h>

#include "re.h"
#include "xalloc.h"

struct re {
	pcre2_code *code;
	pcre2_match_data *md;
};

int re_compile(struct re **out, const char *pattern, int flags, struct strbuf *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	int errcode;
	PCRE2_SIZE erroff;
	struct re *re;

	if (flags & RE_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & RE_ANCHORED)
		opts |= PCRE2_ANCHORED;
	re = xcalloc(1, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
				 &erroff, NULL);
	if (!re->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		strbuf_addf(err, "bad pattern '%s' at offset %zu: %s", pattern, (size_t)erroff,
			    (const char *)msg);
		free(re);
		return -1;
	}
#ifndef NOTES_NO_JIT /* valgrind cannot follow JIT code: make leakcheck builds without */
	if (flags & RE_JIT)
		pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE); /* best effort */
#endif
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	*out = re;
	return 0;
}

void re_free(struct re *re)
{
	if (!re)
		return;
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re);
}

int re_search(struct re *re, const char *subject, size_t len, size_t start, size_t *ovec,
	      int npairs)
{
	int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, re->md, NULL);
	PCRE2_SIZE *v;
	int i;

	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	v = pcre2_get_ovector_pointer(re->md);
	for (i = 0; i < npairs; i++) {
		if (i < rc && v[2 * i] != PCRE2_UNSET) {
			ovec[2 * i] = v[2 * i];
			ovec[2 * i + 1] = v[2 * i + 1];
		} else {
			ovec[2 * i] = ovec[2 * i + 1] = SIZE_MAX;
		}
	}
	return 1;
}

int re_replace_all(struct re *re, const char *subject, size_t len, const char *repl,
		   struct strbuf *out)
{
	size_t pos = 0, ov[2];
	int rc = 0;

	while (pos <= len && (rc = re_search(re, subject, len, pos, ov, 1)) == 1) {
		strbuf_add(out, subject + pos, ov[0] - pos);
		strbuf_addstr(out, repl);
		if (ov[1] == ov[0]) {
			if (ov[0] >= len) {
				pos = len;
				break;
			}
			/* empty match: copy one character and go on */
			strbuf_addch(out, subject[ov[0]]);
			pos = ov[0] + 1;
		} else {
			pos = ov[1];
		}
	}
	if (rc < 0)
		return -1;
	if (pos < len)
		strbuf_add(out, subject + pos, len - pos);
	return 0;
}
