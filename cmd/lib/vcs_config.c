/* vcs_config.c - .notes/config through libgit2's config API. */
#include "vcs_config.h"

#include <ctype.h>
#include <errno.h>
#include <git2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "vcs.h"
#include "xalloc.h"

struct config {
	git_config *cfg;
};

/*
 * libgit2 says "failed to parse config file: <why> (in <path>:<line>[,
 * column <n>])"; say "<path>:<line>: <why>", as a compiler names a line.
 */
static void S_open_error(struct strbuf *err, const char *path)
{
	static const char prefix[] = "failed to parse config file: ";
	const git_error *e = git_error_last();
	const char *msg = e && e->message ? e->message : "cannot read";
	const char *in = strstr(msg, " (in "), *at;
	size_t plen = strlen(path);
	unsigned long line;
	char *end;

	if (!strncmp(msg, prefix, strlen(prefix)) && in && !strncmp(in + 5, path, plen) &&
	    in[5 + plen] == ':') {
		at = in + 5 + plen + 1;
		line = strtoul(at, &end, 10);
		if (end != at) {
			msg += strlen(prefix);
			strbuf_addf(err, "%s:%lu: %.*s", path, line, (int)(in - msg), msg);
			git_error_clear();
			return;
		}
	}
	strbuf_addf(err, "%s: %s", path, msg);
	git_error_clear();
}

/*
 * The line of the first [include] or [includeIf ...] section of a config
 * (section names are case-insensitive), 0 when there is none. libgit2
 * would follow it to any file, outside the journal too (a teammate's
 * commit could name ~/.ssh/id_ed25519 or a FIFO): notes reads none.
 */
static unsigned long S_include_line(const char *buf, size_t len)
{
	unsigned long line = 1;
	size_t i = 0;

	while (i < len) {
		size_t k = 0;
		char name[10];
		while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
			i++;
		if (i < len && buf[i] == '[') {
			for (i++; i < len && k < sizeof(name) - 1 && isalnum((unsigned char)buf[i]);
			     i++)
				name[k++] = (char)tolower((unsigned char)buf[i]);
			name[k] = '\0';
			if (!strcmp(name, "include") || !strcmp(name, "includeif"))
				return line;
		}
		while (i < len && buf[i] != '\n')
			i++;
		i++;
		line++;
	}
	return 0;
}

/* A config file notes may read: not a link, a regular file, no includes. */
static int S_check_file(const char *path, struct strbuf *err)
{
	struct strbuf buf = STRBUF_INIT, why = STRBUF_INIT;
	unsigned long line;
	struct stat st;
	int rc = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0
				       : (strbuf_addf(err, "%s: %s", path, strerror(errno)), -1);
	if (S_ISLNK(st.st_mode)) {
		strbuf_addf(err, "%s: is a symbolic link (notes follows none inside the journal)",
			    path);
		return -1;
	}
	if (read_file(path, &buf, MAX_NOTE_SIZE, &why) < 0) {
		strbuf_addf(err, "%s: %s", path, why.buf);
		rc = -1;
	} else if ((line = S_include_line(buf.buf, buf.len))) {
		strbuf_addf(err,
			    "%s:%lu: includes are not followed (they could read files outside "
			    "the journal): put the settings in this file",
			    path, line);
		rc = -1;
	}
	strbuf_release(&buf);
	strbuf_release(&why);
	return rc;
}

int config_open(struct config **out, const char *path, struct strbuf *err)
{
	struct config *c;

	if (S_check_file(path, err) < 0)
		return -1;
	c = xcalloc(1, sizeof(*c));
	vcs_global_init();
	if (git_config_new(&c->cfg) < 0 ||
	    git_config_add_file_ondisk(c->cfg, path, GIT_CONFIG_LEVEL_LOCAL, NULL, 0) < 0) {
		S_open_error(err, path);
		config_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void config_free(struct config *c)
{
	if (!c)
		return;
	git_config_free(c->cfg);
	free(c);
}

char *config_get(struct config *c, const char *key)
{
	git_buf buf = { 0 };
	char *res;

	if (git_config_get_string_buf(&buf, c->cfg, key) < 0) {
		git_error_clear();
		return NULL;
	}
	res = xstrdup(buf.ptr);
	git_buf_dispose(&buf);
	return res;
}

int config_get_int(struct config *c, const char *key, int def)
{
	int32_t v;

	if (git_config_get_int32(&v, c->cfg, key) < 0) {
		git_error_clear();
		return def;
	}
	return v;
}

int config_set(struct config *c, const char *key, const char *value, struct strbuf *err)
{
	if (git_config_set_string(c->cfg, key, value) < 0) {
		const git_error *e = git_error_last();
		strbuf_addf(err, "cannot set %s: %s", key, e ? e->message : "unknown error");
		return -1;
	}
	return 0;
}

int config_unset(struct config *c, const char *key, struct strbuf *err)
{
	int rc = git_config_delete_entry(c->cfg, key);
	const git_error *e;

	if (rc == GIT_ENOTFOUND || rc == 0) {
		git_error_clear();
		return 0;
	}
	e = git_error_last();
	strbuf_addf(err, "cannot remove %s: %s", key, e ? e->message : "unknown error");
	git_error_clear();
	return -1;
}

struct people {
	char **ids;
	size_t n, alloc;
};

static int S_person(const git_config_entry *entry, void *data)
{
	struct people *p = data;
	const char *name = entry->name + strlen("person.");
	const char *dot;
	size_t len;

	if (strncmp(entry->name, "person.", strlen("person.")))
		return 0;
	dot = strrchr(name, '.');
	if (!dot || dot == name)
		return 0;
	len = (size_t)(dot - name);
	/* keys of one section come together; repeated sections are merged by the caller */
	if (p->n && strlen(p->ids[p->n - 1]) == len && !memcmp(p->ids[p->n - 1], name, len))
		return 0;
	ALLOC_GROW(p->ids, p->n + 1, p->alloc);
	p->ids[p->n++] = xstrndup(name, len);
	return 0;
}

int config_people(struct config *c, char ***ids, size_t *n, struct strbuf *err)
{
	struct people p = { NULL, 0, 0 };

	/* git_config_foreach_match would do, but libgit2 1.5 leaks its
	 * regex match data; the prefix test in S_person is all it takes */
	if (git_config_foreach(c->cfg, S_person, &p) < 0) {
		const git_error *e = git_error_last();
		strbuf_addf(err, "cannot list people: %s", e ? e->message : "unknown error");
		return -1;
	}
	*ids = p.ids;
	*n = p.n;
	return 0;
}
