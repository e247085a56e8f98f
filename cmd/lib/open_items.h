/* open_items.h - the items still open in the latest note of each person:
 * what `notes done` can tick and what the calendar lists. */
#ifndef NOTES_OPEN_ITEMS_H
#define NOTES_OPEN_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"

struct open_item {
	char *id; /* without '^'; never NULL (items without one are counted apart) */
	char *person;
	char *text;
	char *note; /* the note's path, relative to the journal root */
	enum section section; /* SECTION_REVIEW, SECTION_SUPPORT or SECTION_FOCUS */
	bool partial; /* [~] rather than [ ] */
	notes_time meeting; /* the note's meeting time */
	notes_time due;
	bool has_due;
};

struct open_items {
	struct open_item *v;
	size_t n, alloc;
	size_t without_id; /* open items left out: no id yet (before notes commit) */
};

#define OPEN_ITEMS_INIT                                                                            \
	{                                                                                          \
		NULL, 0, 0, 0                                                                      \
	}

/* Which sections to collect from: 1 << SECTION_... */
#define OPEN_IN(section) (1u << (section))

/*
 * The open ([ ]) and partly done ([~]) items, in the sections of mask, of
 * the latest note of every person but the leader (or of person only)
 * whose meeting had begun by until (INT64_MAX: the latest note whatever
 * its date), in the order of the people and then of the note. A note
 * that cannot be read is passed over for the one before it. Returns 0,
 * or -1 with the reason in err.
 */
int open_items_collect(const struct journal *j, const char *person, notes_time until, unsigned mask,
		       struct open_items *out, struct strbuf *err);
void open_items_release(struct open_items *items);

#endif
