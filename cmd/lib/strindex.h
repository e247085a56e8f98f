/* strindex.h - a hash index from strings to positions in the caller's
 * array: the array keeps the keys (and may move them as it grows); the
 * index keeps positions and hashes only. */
#ifndef NOTES_STRINDEX_H
#define NOTES_STRINDEX_H

#include <stddef.h>
#include <stdint.h>

#define STRINDEX_NONE ((size_t)-1)

struct strindex {
	size_t *pos; /* position + 1; 0: an empty slot */
	uint32_t *hash;
	size_t cap, n; /* cap is a power of 2 (or 0) */
};

#define STRINDEX_INIT                                                                              \
	{                                                                                          \
		NULL, NULL, 0, 0                                                                   \
	}

/* The key of position i of the caller's array. */
typedef const char *(*strindex_key_fn)(size_t i, const void *ctx);

/* The position of key, or STRINDEX_NONE. */
size_t strindex_find(const struct strindex *t, const char *key, strindex_key_fn key_of,
		     const void *ctx);
/* Index position i under key (which strindex_find does not hold yet). */
void strindex_add(struct strindex *t, const char *key, size_t i);
void strindex_release(struct strindex *t);

#endif
