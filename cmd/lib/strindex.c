/* strindex.c - a hash index from strings to positions (open addressing,
 * linear probing, grown at half full). */
#include "strindex.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* FNV-1a. */
static uint32_t S_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

size_t strindex_find(const struct strindex *t, const char *key, strindex_key_fn key_of,
		     const void *ctx)
{
	uint32_t h;
	size_t at;

	if (!t->cap)
		return STRINDEX_NONE;
	h = S_hash(key);
	for (at = h & (t->cap - 1); t->pos[at]; at = (at + 1) & (t->cap - 1))
		if (t->hash[at] == h && !strcmp(key_of(t->pos[at] - 1, ctx), key))
			return t->pos[at] - 1;
	return STRINDEX_NONE;
}

static void S_put(struct strindex *t, uint32_t h, size_t pos)
{
	size_t at;

	for (at = h & (t->cap - 1); t->pos[at]; at = (at + 1) & (t->cap - 1))
		;
	t->pos[at] = pos;
	t->hash[at] = h;
}

void strindex_add(struct strindex *t, const char *key, size_t i)
{
	if (2 * (t->n + 1) > t->cap) {
		struct strindex old = *t;
		size_t k;
		t->cap = old.cap ? st_mult(old.cap, 2) : 64;
		t->pos = xcalloc(t->cap, sizeof(*t->pos));
		t->hash = xcalloc(t->cap, sizeof(*t->hash));
		for (k = 0; k < old.cap; k++)
			if (old.pos[k])
				S_put(t, old.hash[k], old.pos[k]);
		free(old.pos);
		free(old.hash);
	}
	S_put(t, S_hash(key), i + 1);
	t->n++;
}

void strindex_release(struct strindex *t)
{
	free(t->pos);
	free(t->hash);
	memset(t, 0, sizeof(*t));
}
