/* vcs_replay.h - the history of one directory of a repository replayed as
 * the whole history of a new one: what notes share makes of a person's
 * notes in the team journal. */
#ifndef NOTES_VCS_REPLAY_H
#define NOTES_VCS_REPLAY_H

#include <stddef.h>

#include "vcs.h"

/*
 * Replay into dst (a new repository) the history of dir/ in src: every
 * commit of src that changed dir/ becomes one commit of dst with the same
 * author, committer, dates and message, dir/'s files at its root, and the
 * extra files (of .notes/, as data) beside them from the first commit on.
 * Nothing else of src is copied. A commit that also changed files outside
 * dir/ and .notes/ gets a message of its own instead (its message may
 * speak of them). Merges stay merges where both lines changed dir/. main
 * of dst gets the replay of src's HEAD (head, "" when dir/ never had a
 * commit); *commits counts the commits made. The replay of a history is
 * always the same commits, so a replay pushed once is recognised.
 */
int vcs_replay_dir(struct vcs *src, const char *dir, struct vcs *dst, const struct vcs_file *extra,
		   size_t nextra, char head[41], size_t *commits, struct strbuf *err);

/* Check HEAD out into a work tree that may already hold its files: the
 * missing ones are written, the index made; a file that differs from
 * HEAD's is never replaced (an error). */
int vcs_checkout_head(struct vcs *v, struct strbuf *err);

#endif
