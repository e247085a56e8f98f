/* svg.c - the report's charts as inline SVG (bars, a weekly series, a
 * strip of weeks), written with integer arithmetic for the numbers. */
#include "svg.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define FONT 10 /* px, the text of every chart */
#define ROW 18 /* px, the height of a bar */
#define GAP 6 /* px between rows of bars */
#define SERIES_WIDTH 640
#define SERIES_HEIGHT 150
#define AXIS_LEFT 28 /* room for the y labels */
#define AXIS_BOTTOM 16 /* room for the x labels */
#define LABEL_WIDTH 44 /* px a week label needs, "W45" or "2026-W45" in FONT */
#define CELL 18
#define CELL_GAP 3
#define CELLS_PER_LINE 26
#define STRIP_LEFT 58 /* room for "2026-W45" before a line of cells */

void svg_escape(struct strbuf *out, const char *s)
{
	size_t start = 0, i;

	for (i = 0; s[i]; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		strbuf_add(out, s + start, i - start);
		strbuf_addstr(out, rep);
		start = i + 1;
	}
	strbuf_add(out, s + start, i - start);
}

/* v rounded to the nearest whole number, halves away from zero; without
 * libm, which nothing else needs. */
static double S_round(double v)
{
	return v < 0 ? -(double)(long long)(0.5 - v) : (double)(long long)(v + 0.5);
}

static double S_ceil(double v)
{
	double t = (double)(long long)v;
	return t < v ? t + 1 : t;
}

void svg_number(struct strbuf *out, double v)
{
	long long c;
	int frac;

	if (!isfinite(v) || v > 1e15 || v < -1e15)
		v = 0; /* never NaN or an exponent in an attribute */
	c = (long long)S_round(v * 100.0);
	if (c < 0) {
		strbuf_addch(out, '-');
		c = -c;
	}
	strbuf_addf(out, "%lld", c / 100);
	frac = (int)(c % 100);
	if (frac % 10)
		strbuf_addf(out, ".%02d", frac);
	else if (frac)
		strbuf_addf(out, ".%d", frac / 10);
}

double svg_scale_map(const struct svg_scale *s, double v)
{
	if (!(s->hi > s->lo))
		return s->from;
	if (v < s->lo)
		v = s->lo;
	if (v > s->hi)
		v = s->hi;
	return s->from + (v - s->lo) * (s->to - s->from) / (s->hi - s->lo);
}

long svg_nice_ceil(long v)
{
	long p = 1;

	if (v <= 1)
		return 1;
	while (p <= LONG_MAX / 10) {
		if (v <= p)
			return p;
		if (v <= 2 * p)
			return 2 * p;
		if (v <= 5 * p)
			return 5 * p;
		p *= 10;
	}
	return v;
}

const char *svg_state_name(enum svg_state s)
{
	switch (s) {
	case SVG_HELD: return "held";
	case SVG_SKIPPED: return "skipped";
	case SVG_UPCOMING: return "upcoming";
	}
	return "skipped";
}

/* <svg ... class="chart cls" viewBox="0 0 w h" width="w" height="h"> */
static void S_open(struct strbuf *out, const char *cls, double w, double h)
{
	strbuf_addstr(out, "<svg class=\"chart ");
	strbuf_addstr(out, cls);
	strbuf_addstr(out, "\" viewBox=\"0 0 ");
	svg_number(out, w);
	strbuf_addch(out, ' ');
	svg_number(out, h);
	strbuf_addstr(out, "\" width=\"");
	svg_number(out, w);
	strbuf_addstr(out, "\" height=\"");
	svg_number(out, h);
	strbuf_addf(out, "\" font-size=\"%d\" role=\"img\">", FONT);
}

/* <rect class="cls" x y width height/> without the closing of the tag. */
static void S_rect(struct strbuf *out, const char *cls, double x, double y, double w, double h)
{
	strbuf_addstr(out, "<rect class=\"");
	svg_escape(out, cls);
	strbuf_addstr(out, "\" x=\"");
	svg_number(out, x);
	strbuf_addstr(out, "\" y=\"");
	svg_number(out, y);
	strbuf_addstr(out, "\" width=\"");
	svg_number(out, w < 0 ? 0 : w);
	strbuf_addstr(out, "\" height=\"");
	svg_number(out, h < 0 ? 0 : h);
	strbuf_addch(out, '"');
}

static void S_text(struct strbuf *out, const char *cls, double x, double y, const char *anchor,
		   const char *text)
{
	strbuf_addf(out, "<text class=\"%s\" x=\"", cls);
	svg_number(out, x);
	strbuf_addstr(out, "\" y=\"");
	svg_number(out, y);
	strbuf_addf(out, "\" text-anchor=\"%s\">", anchor);
	svg_escape(out, text);
	strbuf_addstr(out, "</text>");
}

static void S_value(struct strbuf *out, double x, double y, const char *anchor, long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", v);
	S_text(out, "value", x, y, anchor, num);
}

void svg_stacked_bar(struct strbuf *out, const struct svg_bar *seg, size_t n, int width)
{
	struct svg_scale sc = { 0, 0, 0, width };
	long total = 0, sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		total += seg[i].value > 0 ? seg[i].value : 0;
	sc.hi = (double)total;
	S_open(out, "stacked", width, ROW);
	S_rect(out, "track", 0, 0, width, ROW);
	strbuf_addstr(out, "/>");
	for (i = 0; i < n && total > 0; i++) {
		/* each segment starts where the last ended: no gaps from rounding */
		double x0 = S_round(svg_scale_map(&sc, (double)sum)), x1;
		if (seg[i].value <= 0)
			continue;
		sum += seg[i].value;
		x1 = S_round(svg_scale_map(&sc, (double)sum));
		S_rect(out, seg[i].cls, x0, 0, x1 - x0, ROW);
		strbuf_addf(out, " data-value=\"%ld\"><title>%ld</title></rect>", seg[i].value,
			    seg[i].value);
		if (x1 - x0 >= 16)
			S_value(out, (x0 + x1) / 2, ROW - 5, "middle", seg[i].value);
	}
	strbuf_addstr(out, "</svg>");
}

void svg_bars(struct strbuf *out, const struct svg_bar *bars, size_t n, int width)
{
	struct svg_scale sc = { 0, 0, 0, width - 32 }; /* room for the value */
	double h = n ? (double)n * (ROW + GAP) - GAP : 0;
	size_t i;

	for (i = 0; i < n; i++)
		if ((double)bars[i].value > sc.hi)
			sc.hi = (double)bars[i].value;
	S_open(out, "bars", width, h);
	for (i = 0; i < n; i++) {
		double y = (double)i * (ROW + GAP), w = svg_scale_map(&sc, (double)bars[i].value);
		S_rect(out, bars[i].cls, 0, y, w, ROW);
		strbuf_addf(out, " data-value=\"%ld\"/>", bars[i].value);
		S_value(out, w + 4, y + ROW - 5, "start", bars[i].value);
	}
	strbuf_addstr(out, "</svg>");
}

/* The y axis: gridlines and whole-number labels from 0 to top. */
static void S_axis(struct strbuf *out, long top, const struct svg_scale *y)
{
	long step = top <= 5 ? 1 : top / 5, v;
	char num[24];

	for (v = 0; v <= top; v += step) {
		/* half a pixel off the grid: a crisp 1 px line */
		double py = (double)(long long)svg_scale_map(y, (double)v) + 0.5;
		strbuf_addf(out, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"", AXIS_LEFT,
			    SERIES_WIDTH);
		svg_number(out, py);
		strbuf_addstr(out, "\" y2=\"");
		svg_number(out, py);
		strbuf_addstr(out, "\"/>");
		snprintf(num, sizeof(num), "%ld", v);
		S_text(out, "axis", AXIS_LEFT - 4, py + FONT / 2.0 - 1, "end", num);
	}
}

void svg_series(struct strbuf *out, const struct svg_week *w, size_t n)
{
	struct svg_scale y = { 0, 1, SERIES_HEIGHT - AXIS_BOTTOM, 4 };
	double slot, bar;
	long top = 0;
	size_t i, every;

	if (!n)
		return;
	for (i = 0; i < n; i++)
		if (w[i].total > top || w[i].done > top)
			top = w[i].total > w[i].done ? w[i].total : w[i].done;
	top = svg_nice_ceil(top);
	y.hi = (double)top;
	slot = (double)(SERIES_WIDTH - AXIS_LEFT) / (double)n;
	bar = slot > 3 ? (double)(long long)(slot * 0.7) : slot;
	every = (size_t)S_ceil(LABEL_WIDTH / slot);
	S_open(out, "series", SERIES_WIDTH, SERIES_HEIGHT);
	S_axis(out, top, &y);
	for (i = 0; i < n; i++) {
		double x = AXIS_LEFT + (double)i * slot + (slot - bar) / 2;
		double yt = svg_scale_map(&y, (double)w[i].total);
		double yd = svg_scale_map(&y, (double)w[i].done);
		strbuf_addstr(out, "<g class=\"week\" data-week=\"");
		svg_escape(out, w[i].week);
		strbuf_addf(out, "\" data-focus=\"%ld\" data-done=\"%ld\"><title>", w[i].total,
			    w[i].done);
		svg_escape(out, w[i].week);
		strbuf_addf(out, ": %ld/%ld</title>", w[i].done, w[i].total);
		S_rect(out, "total", x, yt, bar, y.from - yt);
		strbuf_addstr(out, "/>");
		S_rect(out, "done", x, yd, bar, y.from - yd);
		strbuf_addstr(out, "/></g>");
		if (i % every == 0)
			S_text(out, "axis", x + bar / 2, SERIES_HEIGHT - 3, "middle", w[i].label);
	}
	strbuf_addstr(out, "</svg>");
}

void svg_strip(struct strbuf *out, const struct svg_cell *c, size_t n)
{
	size_t lines = (n + CELLS_PER_LINE - 1) / CELLS_PER_LINE, i;
	size_t across = n < CELLS_PER_LINE ? n : CELLS_PER_LINE;

	if (!n)
		return;
	S_open(out, "strip", STRIP_LEFT + (double)across * (CELL + CELL_GAP),
	       (double)lines * (CELL + CELL_GAP));
	for (i = 0; i < n; i++) {
		size_t line = i / CELLS_PER_LINE, col = i % CELLS_PER_LINE;
		double x = STRIP_LEFT + (double)col * (CELL + CELL_GAP);
		double y = (double)line * (CELL + CELL_GAP);
		if (col == 0)
			S_text(out, "axis", STRIP_LEFT - 6, y + CELL - 5, "end", c[i].week);
		S_rect(out, svg_state_name(c[i].state), x, y, CELL, CELL);
		strbuf_addstr(out, " data-week=\"");
		svg_escape(out, c[i].week);
		strbuf_addf(out, "\" data-state=\"%s\"><title>", svg_state_name(c[i].state));
		svg_escape(out, c[i].week);
		strbuf_addstr(out, "</title></rect>");
	}
	strbuf_addstr(out, "</svg>");
}
