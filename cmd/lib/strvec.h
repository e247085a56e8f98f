/* strvec.h - arrays of C strings: the order they are sorted and searched in. */
#ifndef NOTES_STRVEC_H
#define NOTES_STRVEC_H

#include <stddef.h>

/* strcmp of two char * elements, for qsort and bsearch. */
int strvec_cmp(const void *a, const void *b);

/* Sort n strings in byte order (nothing when n is 0). */
void strvec_sort(char **v, size_t n);

#endif
