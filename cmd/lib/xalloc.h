/* xalloc.h - allocation that never returns NULL (out of memory and size
 * overflow abort with a message). */
#ifndef NOTES_XALLOC_H
#define NOTES_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* a + b and a * b, dying with "size_t overflow" when the result does not
 * fit (git's st_add and st_mult): a size that wrapped around would
 * allocate too little and be written past. */
size_t st_add(size_t a, size_t b);
size_t st_mult(size_t a, size_t b);
/* Grow *array (of *alloc elements of elem bytes) so that it holds at least
 * need, by half as much again (git's alloc_nr); dies when need * elem
 * does not fit in size_t or cannot be allocated. */
void *xgrow(void *array, size_t *alloc, size_t need, size_t elem);

#define ALLOC_GROW(array, need, alloc)                                                             \
	((array) = xgrow((array), &(alloc), (need), sizeof(*(array))))

#endif
