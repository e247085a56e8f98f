/* journal.c - the journal: its root, its config and its people. */
#include "journal.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "pair.h"
#include "strvec.h"
#include "xalloc.h"

void journal_path(const struct journal *j, const char *rel, struct strbuf *out)
{
	strbuf_reset(out);
	if (rel[0] == '/') {
		strbuf_addstr(out, rel);
		return;
	}
	strbuf_addstr(out, j->root);
	strbuf_addch(out, '/');
	strbuf_addstr(out, rel);
}

static int S_load_config(struct journal *j, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	size_t i, k;
	int rc;

	journal_path(j, ".notes/config", &path);
	rc = config_open(&j->config, path.buf, err);
	strbuf_release(&path);
	if (rc < 0)
		return -1;
	j->leader = config_get(j->config, "journal.leader");
	j->person = config_get(j->config, "journal.person");
	if (j->person && !person_id_is_valid(j->person)) {
		strbuf_addstr(err, ".notes/config: journal.person is not a person id");
		return -1;
	}
	j->language = config_get(j->config, "journal.language");
	if (!j->language)
		j->language = xstrdup("en");
	j->max_focus = config_get_int(j->config, "journal.maxfocus", DEFAULT_MAX_FOCUS);
	if (config_people(j->config, &j->people, &j->npeople, err) < 0)
		return -1;
	strvec_sort(j->people, j->npeople);
	for (i = k = 0; i < j->npeople; i++) {
		if (k && !strcmp(j->people[k - 1], j->people[i]))
			free(j->people[i]);
		else
			j->people[k++] = j->people[i];
	}
	j->npeople = k;
	return 0;
}

static void S_release_config(struct journal *j)
{
	size_t i;

	config_free(j->config);
	free(j->leader);
	free(j->person);
	free(j->language);
	for (i = 0; i < j->npeople; i++)
		free(j->people[i]);
	free(j->people);
	j->config = NULL;
	j->leader = j->language = j->person = NULL;
	j->people = NULL;
	j->npeople = 0;
}

int journal_open(struct journal **out, const char *root, struct strbuf *err)
{
	struct journal *j = xcalloc(1, sizeof(*j));

	j->root = xstrdup(root);
	if (S_load_config(j, err) < 0) {
		journal_free(j);
		return -1;
	}
	*out = j;
	return 0;
}

int journal_reload(struct journal *j, struct strbuf *err)
{
	S_release_config(j);
	return S_load_config(j, err);
}

int journal_find(struct journal **out, const char *dir, struct strbuf *err)
{
	char *abs = realpath(dir ? dir : ".", NULL);
	struct strbuf probe = STRBUF_INIT;
	char *end;
	int rc = -1;

	if (!abs) {
		strbuf_addf(err, "%s: %s", dir ? dir : ".", strerror(errno));
		return -1;
	}
	for (;;) {
		strbuf_reset(&probe);
		strbuf_addf(&probe, "%s/.notes", strcmp(abs, "/") ? abs : "");
		if (is_dir(probe.buf)) {
			rc = journal_open(out, abs, err);
			break;
		}
		end = strrchr(abs, '/');
		if (!end || end == abs) {
			if (end && abs[1]) {
				abs[1] = '\0';
				continue;
			}
			strbuf_addstr(
				err,
				"not in a journal (no .notes/ here or in any parent directory; "
				"create one with 'notes init')");
			rc = 1;
			break;
		}
		*end = '\0';
	}
	free(abs);
	strbuf_release(&probe);
	return rc;
}

void journal_free(struct journal *j)
{
	if (!j)
		return;
	S_release_config(j);
	free(j->root);
	free(j);
}

bool journal_has_person(const struct journal *j, const char *id)
{
	return bsearch(&id, j->people, j->npeople, sizeof(*j->people), strvec_cmp) != NULL;
}

bool journal_person_known(const char *id, void *data)
{
	return journal_has_person(data, id);
}

void journal_person(const struct journal *j, const char *id, struct person *p)
{
	struct strbuf key = STRBUF_INIT;
	struct config *cfg = j->config, *pair = NULL;

	/* a shared person's name, email, slot and language live in their pair
	 * journal only (one place for each fact) */
	if (!j->person && person_id_is_valid(id) && pair_is_mounted(j, id)) {
		journal_path(j, id, &key);
		strbuf_addstr(&key, "/" JOURNAL_CONFIG);
		if (config_open(&pair, key.buf, &key) == 0)
			cfg = pair;
		strbuf_reset(&key);
	}
	p->id = xstrdup(id);
	strbuf_addf(&key, "person.%s.name", id);
	p->name = config_get(cfg, key.buf);
	strbuf_reset(&key);
	strbuf_addf(&key, "person.%s.email", id);
	p->email = config_get(cfg, key.buf);
	strbuf_reset(&key);
	strbuf_addf(&key, "person.%s.slot", id);
	p->slot = config_get(cfg, key.buf);
	strbuf_reset(&key);
	strbuf_addf(&key, "person.%s.language", id);
	p->language = config_get(cfg, key.buf);
	strbuf_release(&key);
	config_free(pair);
}

void person_release(struct person *p)
{
	free(p->id);
	free(p->name);
	free(p->email);
	free(p->slot);
	free(p->language);
	memset(p, 0, sizeof(*p));
}

char *journal_relative(const struct journal *j, const char *path)
{
	char *slash = strrchr(path, '/'), *dir, *abs, *res = NULL;
	size_t rootlen = strlen(j->root);
	const char *base = slash ? slash + 1 : path;

	dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	abs = realpath(dir, NULL);
	free(dir);
	if (!abs)
		return NULL;
	if (!strncmp(abs, j->root, rootlen) && (abs[rootlen] == '/' || !abs[rootlen])) {
		struct strbuf sb = STRBUF_INIT;
		const char *rest = abs + rootlen + (abs[rootlen] == '/');
		if (*rest)
			strbuf_addf(&sb, "%s/", rest);
		strbuf_addstr(&sb, base);
		res = strbuf_detach(&sb, NULL);
	}
	free(abs);
	return res;
}
