/* pair.h - pair journals: a person's notes in a repository of their own,
 * shared by the leader and that person (journal.person in its config).
 * In the team journal a shared person has person.<id>.remote and their
 * pair journal is mounted at <id>/, excluded from the team repository. */
#ifndef NOTES_PAIR_H
#define NOTES_PAIR_H

#include <stdbool.h>

#include "journal.h"

/* person.<id>.remote of the team journal (malloc'd: a URL without
 * credentials), or NULL when the person is not shared. */
char *pair_remote(const struct journal *j, const char *id);
bool pair_is_shared(const struct journal *j, const char *id);
/* Whether <root>/<id> holds a repository of its own (a .git). */
bool pair_is_mounted(const struct journal *j, const char *id);
/* dir must be a pair journal of person id: its .notes/config says
 * journal.person = id. -1 with the reason in err. */
int pair_check_dir(const char *dir, const char *id, struct strbuf *err);
bool pair_dir_is_empty(const char *dir);
/* Keep <id>/ out of the team repository (.git/info/exclude). */
int pair_exclude(const struct journal *j, const char *id, struct strbuf *err);
/*
 * Who commits in the journal j: in a pair journal, its person when git's
 * user.email is theirs (the member works in her clone); else the leader.
 * (GIT_AUTHOR_* and GIT_COMMITTER_* still win, see vcs_commit.)
 */
void pair_who(const struct journal *j, struct person *out);

/* Whether the team repository has a remote origin. */
bool pair_team_has_origin(const struct journal *j);

#endif
