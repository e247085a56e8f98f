/* note_merge.h - merge two versions of a note with their common base item
 * by item: each task is known by its ^id, so two sides that changed
 * different tasks on adjacent lines (a tick here, a field there) merge
 * cleanly where a merge of lines would conflict. */
#ifndef NOTES_NOTE_MERGE_H
#define NOTES_NOTE_MERGE_H

#include <stddef.h>

#include "strbuf.h"

struct note_version {
	const char *data; /* NULL: the file is absent in this version */
	size_t len;
};

/* The names written on conflict markers: "<<<<<<< ours", ">>>>>>> theirs". */
struct note_merge_labels {
	const char *ours, *theirs;
};

/*
 * Merge ours and theirs, whose common ancestor is base (absent when both
 * sides added the note). out gets the merged note; where the two sides
 * changed the same item (or the same lines outside items) differently,
 * it gets both versions between git-style conflict markers, and the
 * result is the number of such conflicts. Returns 0 when the merge is
 * clean, the number of conflicts, or -1 when the note is too large to
 * merge item by item (err says so; out is untouched).
 */
int note_merge(const struct note_version *base, const struct note_version *ours,
	       const struct note_version *theirs, const struct note_merge_labels *labels,
	       struct strbuf *out, struct strbuf *err);

#endif
