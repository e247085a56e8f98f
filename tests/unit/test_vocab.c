/* test_vocab.c - the heading vocabulary against its own examples: each
 * "example KEY HEADING" line of templates/<lang>/vocab names the section
 * it says (or none), typed composed (NFC) and, for Hangul, decomposed
 * into jamo as macOS saves it (NFD). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "utf8.h"
#include "vocab.h"

/* Hangul syllables decomposed into conjoining jamo (Unicode 3.12). */
static void S_nfd_hangul(const char *s, struct strbuf *out)
{
	size_t len = strlen(s), i = 0, n;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 3 && cp >= 0xac00 && cp <= 0xd7a3) {
			int32_t k = cp - 0xac00,
				jamo[3] = { 0x1100 + k / 588, 0x1161 + (k % 588) / 28,
					    0x11a7 + k % 28 };
			int j;
			for (j = 0; j < (k % 28 ? 3 : 2); j++) {
				strbuf_addch(out, 0xe0 | (jamo[j] >> 12));
				strbuf_addch(out, 0x80 | ((jamo[j] >> 6) & 0x3f));
				strbuf_addch(out, 0x80 | (jamo[j] & 0x3f));
			}
		} else {
			strbuf_add(out, s + i, n ? n : 1);
		}
		i += n ? n : 1;
	}
}

static void S_expect(const struct vocab_example *e, const char *heading, const char *form)
{
	enum section got = vocab_section(heading, strlen(heading));

	if (got == e->section) {
		CHECK(1);
		return;
	}
	CHECK(got == e->section);
	printf("#   %s:%d: '%s' (%s) names %s, not %s\n", e->file, e->line, e->heading, form,
	       section_name(got), section_name(e->section));
}

int main(void)
{
	struct strbuf err = STRBUF_INIT, nfd = STRBUF_INIT;
	const struct vocab_example *ex;
	size_t n, i, hangul = 0, none = 0;

	CHECK(vocab_load(&err) == 0);
	ex = vocab_examples(&n);
	CHECK(n > 90); /* both languages' examples are there */
	for (i = 0; i < n; i++) {
		S_expect(&ex[i], ex[i].heading, "NFC");
		strbuf_reset(&nfd);
		S_nfd_hangul(ex[i].heading, &nfd);
		if (strcmp(nfd.buf, ex[i].heading)) {
			S_expect(&ex[i], nfd.buf, "NFD");
			hangul++;
		}
		none += ex[i].section == SECTION_NONE;
	}
	CHECK(hangul > 30);
	CHECK(none > 10); /* topics that must not be sections */
	/* the NFD form really is another byte string */
	strbuf_reset(&nfd);
	S_nfd_hangul("지금 막힌 것", &nfd);
	CHECK(nfd.len == 14 * 3 + 2); /* 14 jamo, 2 spaces */
	strbuf_release(&nfd);
	strbuf_release(&err);
	vocab_release();
	return harness_done();
}
