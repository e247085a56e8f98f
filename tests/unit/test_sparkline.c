/* test_sparkline.c - a series as one line of blocks. */
#include "harness.h"
#include "sparkline.h"

static const char *S_spark(const long *v, size_t n, size_t max)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	sparkline(&sb, v, n, max);
	return sb.buf;
}

int main(void)
{
	static const long ramp[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	static const long flat[] = { 0, 0, 0 };
	static const long odd[] = { 3, -2, 6, 1 };
	struct strbuf sb = STRBUF_INIT;

	CHECK_STR(S_spark(ramp, 8, 0), "▁▂▃▄▅▆▇█");
	CHECK_STR(S_spark(flat, 3, 0), "▁▁▁");
	CHECK_STR(S_spark(ramp, 0, 0), "");
	/* negatives count as zero; 3 of 6 is the middle, 1 of 6 rounds to ▂ */
	CHECK_STR(S_spark(odd, 4, 0), "▅▁█▂");
	/* only the last values that fit, scaled among themselves */
	CHECK_STR(S_spark(ramp, 8, 3), "…▆▇█");
	CHECK_STR(S_spark(odd, 4, 4), "▅▁█▂");
	sparkline(&sb, ramp + 4, 1, 0);
	CHECK_STR(sb.buf, "█");
	strbuf_release(&sb);
	return harness_done();
}
