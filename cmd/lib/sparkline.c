/* sparkline.c - a series of numbers as one line of block characters. */
#include "sparkline.h"

void sparkline(struct strbuf *out, const long *v, size_t n, size_t max)
{
	static const char *const blocks[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	long top = 0;
	size_t i, from = 0;

	if (max && n > max) {
		from = n - max;
		strbuf_addstr(out, "…");
	}
	for (i = from; i < n; i++)
		if (v[i] > top)
			top = v[i];
	for (i = from; i < n; i++) {
		long x = v[i] > 0 ? v[i] : 0;
		/* nearest of the eight levels; only the largest value reaches █ */
		strbuf_addstr(out, blocks[top ? (x * 7 + top / 2) / top : 0]);
	}
}
