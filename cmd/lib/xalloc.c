/* xalloc.c - allocation that never returns NULL (out of memory aborts). */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_oom(size_t size)
{
	fprintf(stderr, "notes: out of memory allocating %zu bytes\n", size);
	abort();
}

static void S_overflow(size_t a, char op, size_t b)
{
	fprintf(stderr, "notes: size_t overflow: %zu %c %zu\n", a, op, b);
	abort();
}

size_t st_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		S_overflow(a, '+', b);
	return a + b;
}

size_t st_mult(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b)
		S_overflow(a, '*', b);
	return a * b;
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		S_oom(size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		S_oom(st_mult(nmemb, size));
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		S_oom(size);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(st_add(n, 1));
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *xgrow(void *array, size_t *alloc, size_t need, size_t elem)
{
	size_t n = need;

	if (need <= *alloc)
		return array;
	/* half as much again and 16 more, unless that would not fit */
	if (*alloc <= (SIZE_MAX - 16) / 3)
		n = (*alloc + 16) * 3 / 2;
	if (n < need)
		n = need;
	array = xrealloc(array, st_mult(n, elem));
	*alloc = n;
	return array;
}
