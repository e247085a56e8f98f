/* harness.h - a tiny unit-test harness: CHECK(cond) records a result, and
 * the test program ends with "N passed, N failed". */
#ifndef NOTES_HARNESS_H
#define NOTES_HARNESS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* rm -rf path, for the directories a test made (links are not followed). */
static inline void harness_rmtree(const char *path)
{
	struct stat st;
	DIR *d;

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path))) {
		struct dirent *de;
		while ((de = readdir(d))) {
			size_t n = strlen(path) + strlen(de->d_name) + 2;
			char *sub;
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			sub = malloc(n);
			if (!sub)
				break;
			snprintf(sub, n, "%s/%s", path, de->d_name);
			harness_rmtree(sub);
			free(sub);
		}
		closedir(d);
		rmdir(path);
		return;
	}
	unlink(path);
}

static inline int harness_done(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
