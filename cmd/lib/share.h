/* share.h - notes share PERSON URL: move a person's notes out of the team
 * repository into a pair journal of their own, pushed to URL. */
#ifndef NOTES_SHARE_H
#define NOTES_SHARE_H

#include <stddef.h>

#include "journal.h"

struct share_options {
	/* progress of the push, for a terminal (may be NULL) */
	void (*progress)(const char *name, const char *what, size_t done, size_t total, void *data);
	void *data;
};

struct share_result {
	size_t commits; /* of the person's history, replayed */
	char head[41]; /* the pair journal's main */
	char *url; /* as recorded and printed: without credentials */
	char *subject; /* of the team journal's commit */
	char *warning; /* lines to tell the user, even on failure ("removed ...", "warning: ...") */
};

/*
 * Share person id's notes at url. Refuses (-1, nothing changed) when the
 * person's notes or the config have changes not committed, when the
 * person is shared already, or when url already has commits that are not
 * this replay's; an unreachable url is an error too. Then the person's
 * history is replayed into a repository at <id>/, pushed to url's main,
 * and the team journal commits the removal of <id>/ from its tree with
 * person.<id>.remote = url (without credentials). A failure after the
 * push leaves the team journal as it was.
 */
int share_person(struct journal *j, const char *id, const char *url, const struct share_options *o,
		 struct share_result *res, struct strbuf *err);
void share_result_release(struct share_result *res);

#endif
