/* vcs_remote.h - a journal's remote "origin": fetch, push and clone its
 * branch main through any transport libgit2 has (a path, file://, git://,
 * ssh://, https://), with credentials from the URL, ssh-agent, ~/.ssh or
 * NOTES_HTTP_TOKEN. A message never holds a credential of the URL. */
#ifndef NOTES_VCS_REMOTE_H
#define NOTES_VCS_REMOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "vcs.h"

/* Progress of a transfer, for a terminal: what ("receiving", "sending"),
 * objects done and their total. Called a few times a second at most. */
struct vcs_progress {
	void (*fn)(const char *what, size_t done, size_t total, void *data);
	void *data;
};

/* Make url the repository's remote "origin", fetching main into
 * refs/remotes/origin/main (as git clone sets it up). */
int vcs_remote_set(struct vcs *v, const char *url, struct strbuf *err);
/* The URL of "origin" in out (as stored: it may hold credentials; only
 * for connecting). Returns 0, 1 when there is no origin, -1. */
int vcs_remote_get(struct vcs *v, struct strbuf *out, struct strbuf *err);

/* git's user.email for this repository (its config, the global one): 0,
 * or 1 when it has none. */
int vcs_user_email(struct vcs *v, struct strbuf *out);

/*
 * Fetch origin's main into refs/remotes/origin/main. remote_main gets its
 * id, "" when the remote has no branch main (an empty repository); any_refs
 * tells whether the remote has any branch or tag at all.
 */
int vcs_fetch(struct vcs *v, const struct vcs_progress *p, char remote_main[41], bool *any_refs,
	      struct strbuf *err);

/*
 * Push main to origin's main, never forced. Returns 0, 1 when the remote
 * refused it because it moved meanwhile (fetch and merge again), -1.
 */
int vcs_push(struct vcs *v, const struct vcs_progress *p, struct strbuf *err);

/* Clone url's main into dir (absent, or an empty directory), with origin
 * set to url and main checked out. */
int vcs_clone(const char *url, const char *dir, const struct vcs_progress *p, struct strbuf *warn,
	      struct strbuf *err);

/* How many commits reachable from a (hex) are not reachable from b ("" :
 * none); -1 on error. */
long vcs_count_new(struct vcs *v, const char *a, const char *b);

#endif
