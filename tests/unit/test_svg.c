/* test_svg.c - the report's charts: escaping, numbers, scales, bars,
 * the weekly series and the strip of weeks. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "svg.h"

static size_t S_count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle))) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static const char *S_num(double v)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	svg_number(&sb, v);
	return sb.buf;
}

/* The value of attribute name in the tag that holds the nth (from 0)
 * occurrence of marker; -1 when there is none. */
static double S_attr(const char *svg, const char *marker, size_t nth, const char *name)
{
	const char *p = svg, *start, *end;
	char key[64];

	while ((p = strstr(p, marker)) && nth--)
		p += strlen(marker);
	if (!p)
		return -1;
	for (start = p; start > svg && *start != '<'; start--)
		;
	end = strchr(p, '>');
	snprintf(key, sizeof(key), " %s=\"", name);
	p = strstr(start, key);
	if (!p || !end || p > end)
		return -1;
	return strtod(p + strlen(key), NULL);
}

static void test_escape(void)
{
	struct strbuf sb = STRBUF_INIT;

	svg_escape(&sb, "<script>alert('x') & \"y\"</script>");
	CHECK_STR(sb.buf, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
	strbuf_reset(&sb);
	svg_escape(&sb, "지표 plain");
	CHECK_STR(sb.buf, "지표 plain");
	strbuf_release(&sb);
}

static void test_number(void)
{
	CHECK_STR(S_num(12), "12");
	CHECK_STR(S_num(0), "0");
	CHECK_STR(S_num(0.5), "0.5");
	CHECK_STR(S_num(0.25), "0.25");
	CHECK_STR(S_num(1.0 / 3), "0.33");
	CHECK_STR(S_num(2.999), "3");
	CHECK_STR(S_num(-3.256), "-3.26");
	CHECK_STR(S_num(-0.001), "0");
	CHECK_STR(S_num(1e300), "0");
	CHECK_STR(S_num(0.0 / 0.0), "0");
	/* a locale whose decimal point is a comma changes nothing */
	if (setlocale(LC_ALL, "de_DE.UTF-8") || setlocale(LC_ALL, "fr_FR.UTF-8"))
		CHECK_STR(S_num(0.5), "0.5");
	setlocale(LC_ALL, "C");
}

static void test_scale(void)
{
	struct svg_scale s = { 0, 10, 100, 0 }, empty = { 3, 3, 7, 9 };

	CHECK(svg_scale_map(&s, 5) == 50);
	CHECK(svg_scale_map(&s, 0) == 100);
	CHECK(svg_scale_map(&s, 10) == 0);
	CHECK(svg_scale_map(&s, -1) == 100);
	CHECK(svg_scale_map(&s, 11) == 0);
	CHECK(svg_scale_map(&empty, 3) == 7);
	CHECK(svg_nice_ceil(-4) == 1);
	CHECK(svg_nice_ceil(0) == 1);
	CHECK(svg_nice_ceil(1) == 1);
	CHECK(svg_nice_ceil(2) == 2);
	CHECK(svg_nice_ceil(3) == 5);
	CHECK(svg_nice_ceil(6) == 10);
	CHECK(svg_nice_ceil(11) == 20);
	CHECK(svg_nice_ceil(21) == 50);
	CHECK(svg_nice_ceil(100) == 100);
	CHECK(svg_nice_ceil(101) == 200);
}

static void test_stacked_bar(void)
{
	struct svg_bar seg[] = { { 3, "kept" }, { 1, "late" }, { 0, "open" } };
	struct strbuf sb = STRBUF_INIT;

	svg_stacked_bar(&sb, seg, 3, 320);
	CHECK(!strncmp(sb.buf, "<svg ", 5));
	CHECK(strstr(sb.buf, "viewBox=\"0 0 320 18\"") != NULL);
	CHECK(S_attr(sb.buf, "class=\"kept\"", 0, "width") == 240);
	CHECK(S_attr(sb.buf, "class=\"late\"", 0, "x") == 240);
	CHECK(S_attr(sb.buf, "class=\"late\"", 0, "width") == 80);
	CHECK(S_attr(sb.buf, "class=\"kept\"", 0, "data-value") == 3);
	CHECK(strstr(sb.buf, "class=\"open\"") == NULL); /* a zero segment is not drawn */
	CHECK(strstr(sb.buf, ">3</text>") && strstr(sb.buf, ">1</text>"));
	CHECK(S_count(sb.buf, "<svg") == 1 && S_count(sb.buf, "</svg>") == 1);

	/* rounding never leaves a gap: thirds of 100 px end at 100 */
	strbuf_reset(&sb);
	seg[0].value = seg[1].value = seg[2].value = 1;
	svg_stacked_bar(&sb, seg, 3, 100);
	CHECK(S_attr(sb.buf, "class=\"open\"", 0, "x") +
		      S_attr(sb.buf, "class=\"open\"", 0, "width") ==
	      100);
	CHECK(S_attr(sb.buf, "class=\"late\"", 0, "x") ==
	      S_attr(sb.buf, "class=\"kept\"", 0, "width"));

	strbuf_reset(&sb);
	seg[0].value = seg[1].value = seg[2].value = 0;
	svg_stacked_bar(&sb, seg, 3, 100);
	CHECK(strstr(sb.buf, "class=\"track\"") != NULL);
	CHECK(S_count(sb.buf, "<rect") == 1);
	strbuf_release(&sb);
}

static void test_bars(void)
{
	struct svg_bar bars[] = { { 4, "execution" }, { 2, "assumption" }, { 0, "unknown" } };
	struct strbuf sb = STRBUF_INIT;

	svg_bars(&sb, bars, 3, 232);
	CHECK(S_count(sb.buf, "<rect") == 3);
	CHECK(S_attr(sb.buf, "class=\"execution\"", 0, "width") == 200);
	CHECK(S_attr(sb.buf, "class=\"assumption\"", 0, "width") == 100);
	CHECK(S_attr(sb.buf, "class=\"unknown\"", 0, "width") == 0);
	CHECK(S_attr(sb.buf, "class=\"assumption\"", 0, "y") == 24);
	CHECK(strstr(sb.buf, ">4</text>") && strstr(sb.buf, ">2</text>") &&
	      strstr(sb.buf, ">0</text>"));
	strbuf_reset(&sb);
	bars[0].value = bars[1].value = 0;
	svg_bars(&sb, bars, 3, 232); /* all zero: no division by zero, empty bars */
	CHECK(S_attr(sb.buf, "class=\"execution\"", 0, "width") == 0);
	strbuf_release(&sb);
}

static void test_series(void)
{
	struct svg_week w[60] = { { NULL, NULL, 0, 0 } };
	struct strbuf sb = STRBUF_INIT;
	char weeks[60][12], labels[60][8];
	double base, full, half;
	size_t i;

	svg_series(&sb, w, 0);
	CHECK(sb.len == 0);

	w[0] = (struct svg_week){ "2026-W44", "W44", 4, 4 };
	w[1] = (struct svg_week){ "2026-W45", "W45", 4, 2 };
	w[2] = (struct svg_week){ "2026-W46", "<b>", 3, 0 };
	svg_series(&sb, w, 3);
	CHECK(S_count(sb.buf, "<g class=\"week\"") == 3);
	CHECK(strstr(sb.buf, "data-week=\"2026-W45\" data-focus=\"4\" data-done=\"2\"") != NULL);
	CHECK(strstr(sb.buf, "<title>2026-W45: 2/4</title>") != NULL);
	CHECK(strstr(sb.buf, "&lt;b&gt;") && !strstr(sb.buf, "<b>"));
	/* the axis top is 5 (nice): 4 is 4/5 of the height, 2 half of that */
	base = S_attr(sb.buf, "class=\"done\"", 2, "y"); /* zero height: the baseline */
	full = S_attr(sb.buf, "class=\"done\"", 0, "height");
	half = S_attr(sb.buf, "class=\"done\"", 1, "height");
	CHECK(S_attr(sb.buf, "class=\"done\"", 2, "height") == 0);
	CHECK(full > 0 && half * 2 > full - 0.02 && half * 2 < full + 0.02);
	CHECK(S_attr(sb.buf, "class=\"total\"", 1, "height") == full);
	CHECK(S_attr(sb.buf, "class=\"done\"", 0, "y") + full == base);
	CHECK(S_count(sb.buf, "class=\"grid\"") == 6); /* 0..5 */

	/* 60 weeks: every column, a label only where it has room */
	for (i = 0; i < 60; i++) {
		snprintf(weeks[i], sizeof(weeks[i]), "2025-W%02zu", i % 52 + 1);
		snprintf(labels[i], sizeof(labels[i]), "W%02zu", i % 52 + 1);
		w[i] = (struct svg_week){ weeks[i], labels[i], (long)(i % 3), (long)(i % 2) };
	}
	strbuf_reset(&sb);
	svg_series(&sb, w, 60);
	CHECK(S_count(sb.buf, "<g class=\"week\"") == 60);
	CHECK(S_count(sb.buf, "class=\"axis\"") - 3 <= (640 - 28) / 44); /* 3: y labels 0..2 */
	CHECK(S_count(sb.buf, "class=\"axis\"") - 3 >= 10);
	strbuf_release(&sb);
}

static void test_strip(void)
{
	struct svg_cell c[30] = { { NULL, SVG_HELD } };
	struct strbuf sb = STRBUF_INIT;
	char weeks[30][12];
	size_t i;

	svg_strip(&sb, c, 0);
	CHECK(sb.len == 0);
	for (i = 0; i < 30; i++) {
		snprintf(weeks[i], sizeof(weeks[i]), "2026-W%02zu", i + 1);
		c[i] = (struct svg_cell){ weeks[i], i % 4 == 3 ? SVG_SKIPPED : SVG_HELD };
	}
	c[29].state = SVG_UPCOMING;
	svg_strip(&sb, c, 30);
	CHECK(S_count(sb.buf, "data-state=\"held\"") == 22);
	CHECK(S_count(sb.buf, "data-state=\"skipped\"") == 7);
	CHECK(S_count(sb.buf, "data-state=\"upcoming\"") == 1);
	CHECK(strstr(sb.buf, "<rect class=\"skipped\"") != NULL);
	/* two lines (26 + 4), each headed by its first week */
	CHECK(strstr(sb.buf, ">2026-W01</text>") && strstr(sb.buf, ">2026-W27</text>"));
	CHECK(S_count(sb.buf, "</text>") == 2);
	CHECK(S_attr(sb.buf, "data-week=\"2026-W27\"", 0, "y") ==
	      S_attr(sb.buf, "data-week=\"2026-W30\"", 0, "y"));
	CHECK(S_attr(sb.buf, "data-week=\"2026-W27\"", 0, "y") >
	      S_attr(sb.buf, "data-week=\"2026-W26\"", 0, "y"));
	CHECK(strstr(sb.buf, "height=\"42\"") != NULL);
	strbuf_reset(&sb);
	c[0].week = "\"><script>";
	svg_strip(&sb, c, 1);
	CHECK(!strstr(sb.buf, "<script>") && strstr(sb.buf, "&quot;&gt;&lt;script&gt;"));
	strbuf_release(&sb);
}

int main(void)
{
	test_escape();
	test_number();
	test_scale();
	test_stacked_bar();
	test_bars();
	test_series();
	test_strip();
	return harness_done();
}
