/* journal_setup.h - the journal's own changes: create it (notes init) and
 * add a person (notes person add), each a change of .notes/config and
 * its commit. */
#ifndef NOTES_JOURNAL_SETUP_H
#define NOTES_JOURNAL_SETUP_H

#include "journal.h"

struct journal_create_options {
	const char *dir; /* where (created when missing) */
	const char *leader, *name, *email; /* the leader; each may be NULL */
	const char *lang; /* "en" or "ko" */
};

/*
 * Create the journal at o->dir: a git repository (branch main) with
 * .notes/config (journal.language, journal.maxfocus = 3, the leader and
 * their name and e-mail), and its first commit. Refused when dir has
 * .notes/ already, the leader id is invalid or the language unknown.
 * Returns 0 with *root (malloc'd, absolute), or -1 with the reason in
 * err; what the user should hear either way is added to warn.
 */
int journal_create(const struct journal_create_options *o, char **root, struct strbuf *warn,
		   struct strbuf *err);

struct person_fields {
	const char *name, *email, *slot, *lang; /* each may be NULL */
};

/*
 * Add person id to the journal's config (name defaults to the id) and
 * commit the change as "journal: add <id> (<name>)". Refused when the id
 * is invalid or taken, the slot is not like "mon 10:00" or the language
 * unknown. Returns 0 (j then lists the person), or -1 with the reason
 * in err; warn as above.
 */
int journal_add_person(struct journal *j, const char *id, const struct person_fields *f,
		       struct strbuf *warn, struct strbuf *err);

/* Whether lang is a language notes has templates for ("en", "ko"). */
bool journal_language_is_known(const char *lang);

#endif
