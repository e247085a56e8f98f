/* utf8.c - UTF-8 text: decoding, validation, display width and Unicode
 * normal forms (the only user of utf8proc). */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t utf8_decode(const char *str, size_t len, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n, k;
	int32_t v;

	*cp = -1;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4) /* a continuation byte, or an overlong lead */
		return 0;
	n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	if (n > len)
		return 0;
	v = c & (0x7f >> n);
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3f);
	}
	/* overlong three- and four-byte forms, surrogates, past U+10FFFF */
	if ((n == 3 && v < 0x800) || (v >= 0xd800 && v <= 0xdfff) || (n == 4 && v < 0x10000) ||
	    v > 0x10ffff)
		return 0;
	*cp = v;
	return n;
}

/* The offset of the first byte from i on that is not ASCII, or len. */
static size_t S_skip_ascii(const char *s, size_t len, size_t i)
{
	uint64_t w;

	/* ASCII, the common case: eight bytes at a time */
	while (i + 8 <= len && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull)))
		i += 8;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while ((i = S_skip_ascii(s, len, i)) < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t utf8_chars(const char *s, size_t len)
{
	size_t i = 0, n = 0, k;
	int32_t cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		n++;
	}
	return n;
}

size_t utf8_offset(const char *s, size_t len, size_t n)
{
	size_t i = 0, k;
	int32_t cp;

	while (n-- && i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
	}
	return i;
}

size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (max >= len)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int utf8_width(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;
	int w = 0;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!n) {
			w++, i++;
			continue;
		}
		w += utf8proc_charwidth(cp);
		i += n;
	}
	return w;
}

/*
 * Characters that are NFC whatever surrounds them: they have no canonical
 * decomposition and never combine with the character before them. Text
 * made only of these (ASCII, precomposed Hangul, CJK, common punctuation
 * and emoji: nearly every note) is NFC as it is, and skips utf8proc.
 */
static bool S_stable(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x2010 && cp <= 0x205e) || (cp >= 0x2500 && cp <= 0x27bf) ||
	       (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3131 && cp <= 0x318e) ||
	       (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3) ||
	       (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xff01 && cp <= 0xff60) ||
	       (cp >= 0x1f000 && cp <= 0x1faff) || cp == 0x200d || cp == 0x20e3;
}

bool utf8_is_nfc_quick(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while ((i = S_skip_ascii(s, len, i)) < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!n || !S_stable(cp))
			return false;
		i += n;
	}
	return true;
}

/* Append s mapped by utf8proc with options; *ok is false when s is not UTF-8. */
static void S_map(struct strbuf *out, const char *s, size_t len, int options, bool *ok)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	*ok = false;
	if (len > ((size_t)1 << 30)) /* far past any note; keeps the length a ssize_t */
		return;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
			 (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | options));
	if (n >= 0) {
		strbuf_add(out, dst, (size_t)n);
		*ok = true;
	}
	free(dst);
}

void utf8_add_nfc(struct strbuf *out, const char *s, size_t len)
{
	bool ok = false;

	if (!utf8_is_nfc_quick(s, len))
		S_map(out, s, len, 0, &ok);
	if (!ok)
		strbuf_add(out, s, len);
}

void utf8_add_folded(struct strbuf *out, const char *s, size_t len)
{
	size_t i, ascii = 0, start = out->len;
	bool ok = false;

	while (ascii < len && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii < len)
		S_map(out, s, len, UTF8PROC_CASEFOLD, &ok);
	if (ok)
		return;
	strbuf_add(out, s, len);
	for (i = start; i < out->len; i++)
		if (out->buf[i] >= 'A' && out->buf[i] <= 'Z')
			out->buf[i] = (char)(out->buf[i] - 'A' + 'a');
}
