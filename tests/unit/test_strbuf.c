/* test_strbuf.c - strbuf_add_escaped: what a message may quote from a note
 * reaches a terminal as text, never as a control sequence. */
#include <string.h>

#include "harness.h"
#include "strbuf.h"

static void S_expect(const char *in, size_t len, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "<");
	strbuf_add_escaped(&sb, in, len);
	strbuf_addstr(&sb, ">");
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

#define EXPECT(lit, want) S_expect(lit, sizeof(lit) - 1, want)

int main(void)
{
	EXPECT("", "<>");
	EXPECT("plain text, 100% ~ok", "<plain text, 100% ~ok>");
	EXPECT("a\nb\tc\rd", "<a\\nb\\tc\\rd>");
	EXPECT("\x1b[31mred\x1b[0m", "<\\x1b[31mred\\x1b[0m>");
	EXPECT("del\x7f", "<del\\x7f>");
	EXPECT("nul\0end", "<nul\\x00end>");
	/* 0x9b alone is a one-byte CSI on some terminals; C1 in UTF-8 too */
	EXPECT("a\x9b"
	       "31m",
	       "<a\\x9b31m>");
	EXPECT("a\xc2\x9b"
	       "31m",
	       "<a\\u009b31m>");
	/* valid UTF-8 passes through whole */
	EXPECT("회의 ✅ é", "<회의 ✅ é>");
	/* a sequence cut short at the end is bytes, not a character */
	EXPECT("x\xed\x95", "<x\\xed\\x95>");
	return harness_done();
}
