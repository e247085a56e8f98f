/* vcs_config.h - .notes/config, in git-config syntax, read and written
 * with libgit2's config API (vcs_config.c). */
#ifndef NOTES_VCS_CONFIG_H
#define NOTES_VCS_CONFIG_H

#include <stddef.h>
#include "strbuf.h"

struct config;

/* Open the config file at path (it need not exist yet). A link, a file
 * that is not a regular one, one over 16 MiB and one with [include] or
 * [includeIf] sections are refused with the reason. */
int config_open(struct config **out, const char *path, struct strbuf *err);
void config_free(struct config *cfg);
/* The value of "section.key" or "section.sub.key" (malloc'd), or NULL. */
char *config_get(struct config *cfg, const char *key);
int config_get_int(struct config *cfg, const char *key, int def);
/* Set a value, writing the file through a lock file. */
int config_set(struct config *cfg, const char *key, const char *value, struct strbuf *err);
/* Remove a key (all its values); a key that is not set is no error. */
int config_unset(struct config *cfg, const char *key, struct strbuf *err);
/* The ids of the [person "<id>"] sections, in file order (an id may
 * repeat when its section does). */
int config_people(struct config *cfg, char ***ids, size_t *n, struct strbuf *err);

#endif
