/* sparkline.h - a series of numbers as one line of block characters
 * (▁▂▃▄▅▆▇█), for a terminal. */
#ifndef NOTES_SPARKLINE_H
#define NOTES_SPARKLINE_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Append one block per value of v, scaled so that the largest is █ and
 * zero is ▁ (all ▁ when every value is zero or less). With more than max
 * values only the last max are drawn, after "…": the latest weeks are the
 * ones a line has room for.
 */
void sparkline(struct strbuf *out, const long *v, size_t n, size_t max);

#endif
