/* xalloc.h - allocation that never returns NULL (out of memory aborts). */
#ifndef NOTES_XALLOC_H
#define NOTES_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *array (of *alloc elements of elem bytes) so that it holds at least need. */
void *xgrow(void *array, size_t *alloc, size_t need, size_t elem);

#define ALLOC_GROW(array, need, alloc)                                                             \
	((array) = xgrow((array), &(alloc), (need), sizeof(*(array))))

#endif
