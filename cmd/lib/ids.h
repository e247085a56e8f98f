/* ids.h - item ids: "^" + 6 lower-case base32 characters, unique in the journal. */
#ifndef NOTES_IDS_H
#define NOTES_IDS_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"

#define ID_LEN 6

/* Whether s is an id as notes reads one: ID_LEN characters of [0-9a-z]
 * (notes writes only Crockford's base32 among them, but a user may type
 * any). The one home of the id's shape. */
bool id_is_valid(const char *s);
bool id_char_is_valid(char c);

struct id_set {
	char (*ids)[ID_LEN + 1];
	size_t nr, alloc;
	bool sorted;
	char head[41]; /* the commit the set was known at, "" when unknown */
};

struct vcs;

/* Every ^id written in the journal's notes (the work tree). */
int id_set_load(struct id_set *set, const struct journal *j);
/*
 * The same, through a cache in the git directory (notes-ids) kept for the
 * HEAD it was made at: reading every note of a large journal costs more
 * than a commit. A stale cache is rebuilt.
 */
int id_set_load_cached(struct id_set *set, const struct journal *j, struct vcs *v);
/* After a commit: record the set for the new HEAD when the set was known
 * at its parent; otherwise drop the cache so that the next run rebuilds it. */
void id_set_save(struct id_set *set, struct vcs *v);
/* Add the ids found in a buffer, keeping a sorted set sorted (for the
 * few ids of one note; id_set_scan is for many). */
void id_set_merge(struct id_set *set, const char *buf, size_t len);
/* Add the ids found in a buffer. */
void id_set_scan(struct id_set *set, const char *buf, size_t len);
bool id_set_has(struct id_set *set, const char *id);
void id_set_add(struct id_set *set, const char *id);
void id_set_release(struct id_set *set);
/* A new random id (Crockford's base32 alphabet) not in set; it is added. */
void id_new(struct id_set *set, char out[ID_LEN + 1]);
/* n new ids at once (out[i], each ID_LEN + 1 bytes): distinct, none in
 * set, all added; in O(n log n) however many a note needs. */
void id_new_batch(struct id_set *set, char (*out)[ID_LEN + 1], size_t n);

#endif
