/* svg.h - the report's charts as inline SVG: bars, a weekly series and a
 * strip of weeks. No words: labels belong to the page's template, in its
 * language; a chart carries numbers, week names and CSS classes only. */
#ifndef NOTES_SVG_H
#define NOTES_SVG_H

#include <stddef.h>

#include "strbuf.h"

/* Append s with &, <, >, " and ' escaped: safe as SVG or HTML text and
 * inside a quoted attribute. */
void svg_escape(struct strbuf *out, const char *s);

/* Append v rounded to two decimals without trailing zeros ("12", "0.5",
 * "-3.25", never "-0"), with '.' whatever the locale says: coordinates
 * must read the same on every machine. */
void svg_number(struct strbuf *out, double v);

/* A linear map from the domain [lo, hi] to the range [from, to]; values
 * outside the domain are clamped to it, and an empty domain maps to from. */
struct svg_scale {
	double lo, hi, from, to;
};
double svg_scale_map(const struct svg_scale *s, double v);

/* The axis top for a largest value v: the least of 1, 2, 5, 10, 20, 50,
 * ... that is >= v (1 for v <= 1). */
long svg_nice_ceil(long v);

/* A bar (or a bar's segment): its value and the CSS class that colours it. */
struct svg_bar {
	long value;
	const char *cls;
};

/* One horizontal bar of width px split into the segments in proportion
 * (support kept, late, open); the value is written in a segment wide
 * enough for it. A zero total draws the empty track. */
void svg_stacked_bar(struct strbuf *out, const struct svg_bar *seg, size_t n, int width);

/* Horizontal bars, one row each, on one scale (the largest value fills
 * width px), each value written after its bar (misses by cause). */
void svg_bars(struct strbuf *out, const struct svg_bar *bars, size_t n, int width);

/* A week of the series: its ISO week ("2026-W45", in data-week and the
 * tooltip), the short label shown under the axis, items committed and done. */
struct svg_week {
	const char *week, *label;
	long total, done;
};

/* A column per week, committed (class "total") behind done (class
 * "done"), on a y axis of whole numbers; labels thinned out so that they
 * never overlap. Nothing at all for n == 0. */
void svg_series(struct strbuf *out, const struct svg_week *w, size_t n);

enum svg_state { SVG_HELD, SVG_SKIPPED, SVG_UPCOMING };

/* A week of the strip: its ISO week and whether its meeting was held. */
struct svg_cell {
	const char *week;
	enum svg_state state;
};

/* The weeks as a row of squares (class "held", "skipped" or "upcoming"),
 * 26 to a line, each line headed by its first week. Nothing for n == 0. */
void svg_strip(struct strbuf *out, const struct svg_cell *c, size_t n);

/* The class name of a state: "held", "skipped", "upcoming". */
const char *svg_state_name(enum svg_state s);

#endif
