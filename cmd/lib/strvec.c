/* strvec.c - arrays of C strings. */
#include "strvec.h"

#include <stdlib.h>
#include <string.h>

int strvec_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strvec_sort(char **v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), strvec_cmp);
}
