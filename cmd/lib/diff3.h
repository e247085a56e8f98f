/* diff3.h - a three-way comparison of sequences of units (lines, or whole
 * items of a note), as diff3 does: the stretches all three agree on, and
 * between them the stretches where one side, the other or both changed. */
#ifndef NOTES_DIFF3_H
#define NOTES_DIFF3_H

#include <stdbool.h>
#include <stddef.h>

/* A unit: its bytes, and the key that says which units are "the same"
 * (a line's bytes, or an item's ^id while its text changes). */
struct diff3_unit {
	const char *data;
	size_t len;
	const char *key;
	size_t klen;
};

struct diff3_seq {
	const struct diff3_unit *units;
	size_t n;
};

enum diff3_kind {
	DIFF3_STABLE, /* units with the same key on all three sides, one by one */
	DIFF3_CHANGED, /* a stretch between stable ones: see the three ranges */
};

/* A stretch: [a0, a1) of the base, [o0, o1) of ours, [t0, t1) of theirs. */
struct diff3_hunk {
	enum diff3_kind kind;
	size_t a0, a1, o0, o1, t0, t1;
};

/*
 * Compare base, ours and theirs. *hunks (malloc'd, *n of them) covers all
 * three sequences in order. Returns 0, or -1 when the sequences are too
 * long to compare (more than max_cells units squared after the common
 * start and end are set aside).
 */
int diff3(const struct diff3_seq *base, const struct diff3_seq *ours,
	  const struct diff3_seq *theirs, size_t max_cells, struct diff3_hunk **hunks, size_t *n);

/* Whether two stretches of units hold the same bytes. */
bool diff3_same(const struct diff3_unit *a, size_t na, const struct diff3_unit *b, size_t nb);

#endif
