/* test_utf8.c - the UTF-8 module: decoding and validation, character
 * counts and cuts, terminal width, NFC and case folding. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "utf8.h"

#define LIT(s) s, sizeof(s) - 1

static size_t S_encode(int32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static void S_decode(void)
{
	int32_t cp;

	CHECK(utf8_decode(LIT("a"), &cp) == 1 && cp == 'a');
	CHECK(utf8_decode(LIT("é"), &cp) == 2 && cp == 0xe9);
	CHECK(utf8_decode(LIT("지"), &cp) == 3 && cp == 0xc9c0);
	CHECK(utf8_decode(LIT("📅"), &cp) == 4 && cp == 0x1f4c5);
	CHECK(utf8_decode(LIT("\xf4\x8f\xbf\xbf"), &cp) == 4 && cp == 0x10ffff);
	/* not UTF-8: each is refused, with cp -1 */
	CHECK(utf8_decode(LIT("\x80"), &cp) == 0 && cp == -1); /* a lone continuation byte */
	CHECK(utf8_decode(LIT("\xc0\x80"), &cp) == 0); /* overlong NUL */
	CHECK(utf8_decode(LIT("\xc1\xbf"), &cp) == 0);
	CHECK(utf8_decode(LIT("\xe0\x80\xaf"), &cp) == 0); /* overlong '/' */
	CHECK(utf8_decode(LIT("\xf0\x80\x80\xaf"), &cp) == 0);
	CHECK(utf8_decode(LIT("\xed\xa0\x80"), &cp) == 0); /* a surrogate */
	CHECK(utf8_decode(LIT("\xf4\x90\x80\x80"), &cp) == 0); /* past U+10FFFF */
	CHECK(utf8_decode(LIT("\xf5\x80\x80\x80"), &cp) == 0);
	CHECK(utf8_decode("\xec\xa7\x80", 2, &cp) == 0); /* cut short */
	CHECK(utf8_decode(LIT("\xec\x41\x80"), &cp) == 0);

	CHECK(utf8_invalid_at(LIT("plain")) == 5);
	CHECK(utf8_invalid_at(LIT("지금 막힌 것")) == sizeof("지금 막힌 것") - 1);
	CHECK(utf8_invalid_at(LIT("ab\xff")) == 2);
	CHECK(utf8_invalid_at(LIT("지\x9b")) == 3);
	CHECK(utf8_invalid_at("지", 2) == 0);
}

static void S_count(void)
{
	CHECK(utf8_chars(LIT("")) == 0);
	CHECK(utf8_chars(LIT("abc")) == 3);
	CHECK(utf8_chars(LIT("- [ ] 가나다 due:x")) == 15);
	CHECK(utf8_chars(LIT("a\xff\xfe b")) == 5); /* a bad byte is one each */
	CHECK(utf8_offset(LIT("- [ ] 가나 due"), 7) == 9); /* 가 is 3 bytes */
	CHECK(utf8_offset(LIT("가나"), 5) == 6); /* past the end: the end */
	CHECK(utf8_offset(LIT("a\xff" "b"), 2) == 2);
	CHECK(utf8_cut(LIT("abc"), 10) == 3);
	CHECK(utf8_cut(LIT("가나"), 4) == 3); /* never in the middle of 나 */
	CHECK(utf8_cut(LIT("가나"), 3) == 3);
	CHECK(utf8_cut(LIT("가나"), 2) == 0);
}

static void S_width(void)
{
	CHECK(utf8_width(LIT("alice")) == 5);
	CHECK(utf8_width(LIT("김원우")) == 6);
	CHECK(utf8_width(LIT("e\xcc\x81")) == 1); /* e + combining acute */
	CHECK(utf8_width(LIT("📅")) == 2);
	CHECK(utf8_width(LIT("：")) == 2); /* full-width colon */
	CHECK(utf8_width(LIT("a\xff")) == 2);
}

static void S_expect_nfc(const char *in, size_t len, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_add_nfc(&sb, in, len);
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

static void S_expect_folded(const char *in, size_t len, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "<");
	utf8_add_folded(&sb, in, len);
	CHECK_STR(sb.buf + 1, want);
	strbuf_release(&sb);
}

static void S_nfc(void)
{
	/* "지금 막힌 것" as macOS saves it: conjoining jamo */
	S_expect_nfc(LIT("\xe1\x84\x8c\xe1\x85\xb5\xe1\x84\x80\xe1\x85\xb3\xe1\x86\xb7 "
			 "\xe1\x84\x86\xe1\x85\xa1\xe1\x86\xa8\xe1\x84\x92\xe1\x85\xb5\xe1\x86\xab "
			 "\xe1\x84\x80\xe1\x85\xa5\xe1\x86\xba"),
		     "지금 막힌 것");
	S_expect_nfc(LIT("Cafe\xcc\x81"), "Café");
	S_expect_nfc(LIT("지금 막힌 것"), "지금 막힌 것");
	S_expect_nfc(LIT("\xe2\x84\xab"), "Å"); /* ANGSTROM SIGN is a singleton */
	S_expect_nfc(LIT("bad \xff\xe1\x84\x8c bytes"), "bad \xff\xe1\x84\x8c bytes");

	S_expect_folded(LIT("Conversion"), "conversion");
	S_expect_folded(LIT("#Project/Alpha"), "#project/alpha");
	S_expect_folded(LIT("ÄRGER"), "ärger");
	S_expect_folded(LIT("A\xcc\x88rger"), "ärger"); /* NFD folds the same */
	S_expect_folded(LIT("온보딩"), "온보딩");
	S_expect_folded(LIT("Bad\xff"), "bad\xff");

	CHECK(utf8_is_nfc_quick(LIT("Plain ASCII")));
	CHECK(utf8_is_nfc_quick(LIT("지금 막힌 것 — 1️⃣ ✅ “q”")));
	CHECK(!utf8_is_nfc_quick(LIT("Cafe\xcc\x81")));
	CHECK(!utf8_is_nfc_quick(LIT("\xe1\x84\x8c\xe1\x85\xb5")));
	CHECK(!utf8_is_nfc_quick(LIT("\xff")));
}

/*
 * Every character the quick check lets through must be left alone by
 * NFC, even after a character that does go through utf8proc (a leading
 * conjoining jamo): no singleton decomposition, no composition with what
 * comes before it.
 */
static void S_quick_is_safe(void)
{
	char buf[8];
	struct strbuf sb = STRBUF_INIT;
	int32_t cp;
	size_t n, bad = 0;

	for (cp = 0x80; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = S_encode(cp, buf + 3);
		if (!utf8_is_nfc_quick(buf + 3, n))
			continue;
		memcpy(buf, "\xe1\x84\x80", 3); /* U+1100 */
		strbuf_reset(&sb);
		utf8_add_nfc(&sb, buf, n + 3);
		if (sb.len != n + 3 || memcmp(sb.buf, buf, n + 3)) {
			if (bad++ < 5)
				printf("# U+%04X is not NFC-stable\n", (unsigned)cp);
		}
	}
	CHECK(bad == 0);
	strbuf_release(&sb);
}

int main(void)
{
	S_decode();
	S_count();
	S_width();
	S_nfc();
	S_quick_is_safe();
	return harness_done();
}
