/* pair.c - pair journals: which people have one, where it is, whose it is. */
#include "pair.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "vcs_config.h"
#include "vcs.h"
#include "vcs_remote.h"
#include "xalloc.h"

char *pair_remote(const struct journal *j, const char *id)
{
	struct strbuf key = STRBUF_INIT;
	char *url;

	strbuf_addf(&key, "person.%s.remote", id);
	url = config_get(j->config, key.buf);
	strbuf_release(&key);
	if (url && !*url) {
		free(url);
		url = NULL;
	}
	return url;
}

bool pair_is_shared(const struct journal *j, const char *id)
{
	char *url = pair_remote(j, id);
	bool res = url != NULL;

	free(url);
	return res;
}

bool pair_is_mounted(const struct journal *j, const char *id)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	bool res;

	strbuf_addf(&path, "%s/%s/.git", j->root, id);
	res = lstat(path.buf, &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
	strbuf_release(&path);
	return res;
}

int pair_check_dir(const char *dir, const char *id, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	struct config *cfg = NULL;
	char *person = NULL;
	struct stat st;
	int rc = -1;

	strbuf_addf(&path, "%s/.notes/config", dir);
	if (lstat(path.buf, &st) < 0 || !S_ISREG(st.st_mode))
		strbuf_addf(err, "%s/ is not a pair journal (no .notes/config)", id);
	else if (config_open(&cfg, path.buf, err) < 0)
		; /* err says why */
	else if (!(person = config_get(cfg, "journal.person")))
		strbuf_addf(err, "%s/ is not a pair journal (no journal.person)", id);
	else if (strcmp(person, id))
		strbuf_addf(err, "%s/ holds the pair journal of %s, not of %s", id,
			    person_id_is_valid(person) ? person : "another person", id);
	else
		rc = 0;
	free(person);
	config_free(cfg);
	strbuf_release(&path);
	return rc;
}

bool pair_dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool empty = true;

	if (!d)
		return true;
	while (empty && (de = readdir(d)))
		empty = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
	closedir(d);
	return empty;
}

int pair_exclude(const struct journal *j, const char *id, struct strbuf *err)
{
	struct strbuf pattern = STRBUF_INIT;
	struct vcs *v;
	int rc = -1;

	strbuf_addf(&pattern, "/%s/", id);
	if (vcs_open(&v, j->root, err) == 0) {
		rc = vcs_exclude(v, pattern.buf, "a pair journal, a repository of its own", err);
		vcs_free(v);
	}
	strbuf_release(&pattern);
	return rc;
}

void pair_who(const struct journal *j, struct person *out)
{
	struct strbuf email = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs *v;

	memset(out, 0, sizeof(*out));
	if (j->person && vcs_open(&v, j->root, &err) == 0) {
		if (vcs_user_email(v, &email) == 0) {
			journal_person(j, j->person, out);
			if (!out->email || strcasecmp(out->email, email.buf))
				person_release(out);
		}
		vcs_free(v);
	}
	if (!out->id && j->leader)
		journal_person(j, j->leader, out);
	strbuf_release(&email);
	strbuf_release(&err);
}

bool pair_team_has_origin(const struct journal *j)
{
	struct strbuf url = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs *v;
	bool res = false;

	if (vcs_open(&v, j->root, &err) == 0) {
		res = vcs_remote_get(v, &url, &err) == 0;
		vcs_free(v);
	}
	strbuf_release(&url);
	strbuf_release(&err);
	return res;
}
