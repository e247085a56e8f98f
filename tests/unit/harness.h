/* harness.h - a tiny unit-test harness: CHECK(cond) records a result, and
 * the test program ends with "N passed, N failed". */
#ifndef NOTES_HARNESS_H
#define NOTES_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond) {                                                                        \
			harness_passed++;                                                          \
		} else {                                                                           \
			harness_failed++;                                                          \
			printf("not ok - %s:%d: %s\n", __FILE__, __LINE__, #cond);                 \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (g_ && w_ && !strcmp(g_, w_)) {                                                 \
			harness_passed++;                                                          \
		} else {                                                                           \
			harness_failed++;                                                          \
			printf("not ok - %s:%d: %s\n#   got:  '%s'\n#   want: '%s'\n", __FILE__,   \
			       __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");            \
		}                                                                                  \
	} while (0)

static inline int harness_done(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
