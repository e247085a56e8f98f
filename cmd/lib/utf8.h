/* utf8.h - UTF-8 text: decoding, validation, display width and Unicode
 * normal forms (the only user of utf8proc). */
#ifndef NOTES_UTF8_H
#define NOTES_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/*
 * Decode the character at s[0, len): returns its length (1 to 4) and sets
 * *cp, or returns 0 and sets *cp to -1 when the bytes there are not UTF-8
 * (a stray continuation byte, a sequence cut short, an overlong form, a
 * surrogate, a value past U+10FFFF). len must be at least 1.
 */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* The offset of the first byte of s[0, len) that does not start a valid
 * character, or len when all of it is UTF-8. */
size_t utf8_invalid_at(const char *s, size_t len);

/* The number of characters in s[0, len); a byte that is not UTF-8 counts
 * as one. Columns in messages are counted this way. */
size_t utf8_chars(const char *s, size_t len);

/* The offset in s[0, len) after its first n characters (len when it has
 * fewer): from a column of a message back to bytes. */
size_t utf8_offset(const char *s, size_t len, size_t n);

/* The largest n <= max (and <= len) that does not split a character, for
 * cutting quotes of note text short. */
size_t utf8_cut(const char *s, size_t len, size_t max);

/* The columns s[0, len) takes on a terminal: East Asian wide and
 * full-width characters (Hangul, CJK, most emoji) two, combining marks and
 * controls none, others one; a byte that is not UTF-8 one. */
int utf8_width(const char *s, size_t len);

/* Append s[0, len) in Unicode NFC (composed: a Hangul syllable typed as
 * jamo becomes the syllable). Text that is not UTF-8 is appended as it is. */
void utf8_add_nfc(struct strbuf *out, const char *s, size_t len);

/* Append s[0, len) in NFC and case-folded ("Conversion" and "conversion",
 * "Ä" and "ä" fold alike), for words compared without regard to case.
 * Text that is not UTF-8 is appended with ASCII letters lowered only. */
void utf8_add_folded(struct strbuf *out, const char *s, size_t len);

/* Whether s[0, len) is certainly in NFC already; false means "maybe not"
 * (used to skip normalisation of text that needs none). */
bool utf8_is_nfc_quick(const char *s, size_t len);

#endif
