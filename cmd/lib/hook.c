/* hook.c - notes' pre-commit hook: the script, its install and removal. */
#include "hook.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "vcs_hook.h"
#include "xalloc.h"

/* A hook is a small script: anything larger is not notes'. */
#define HOOK_MAX_SIZE (1u << 20)

/* s as one word of sh: in single quotes, a quote as '\''. */
static void S_quote(struct strbuf *out, const char *s)
{
	strbuf_addch(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_addstr(out, "'\\''");
		else
			strbuf_addch(out, *s);
	}
	strbuf_addch(out, '\'');
}

/* The word S_quote wrote, from s to the end of its line. */
static char *S_unquote(const char *s)
{
	struct strbuf out = STRBUF_INIT;

	while (*s && *s != '\n') {
		if (*s == '\'') {
			for (s++; *s && *s != '\''; s++)
				strbuf_addch(&out, *s);
			s += *s == '\'';
		} else if (*s == '\\' && s[1]) {
			strbuf_addch(&out, s[1]);
			s += 2;
		} else {
			strbuf_addch(&out, *s++);
		}
	}
	return strbuf_detach(&out, NULL);
}

/*
 * The hook. git runs it at the top of the work tree, where a journal has
 * .notes/config; a core.hooksPath may be shared with repositories that
 * are no journal, whose commits it lets pass. The notes it names may be
 * gone (a rebuilt or moved binary): the one on PATH does then.
 */
static void S_script(struct strbuf *out, const char *binary, bool strict)
{
	strbuf_addstr(
		out, "#!/bin/sh\n" HOOK_MARKER "\n"
		     "# It refuses a commit whose staged notes have errors: notes check --staged.\n"
		     "test -f .notes/config || exit 0 # not a journal\n"
		     "notes=");
	S_quote(out, binary);
	strbuf_addstr(
		out,
		"\n"
		"case $notes in\n"
		"/*) test -x \"$notes\" || {\n"
		"\techo \"notes pre-commit hook: $notes is gone; running notes from PATH\" >&2\n"
		"\tnotes=notes\n"
		"} ;;\n"
		"esac\n"
		"if ! command -v \"$notes\" >/dev/null 2>&1; then\n"
		"\techo 'notes pre-commit hook: no notes on PATH to check the staged notes' >&2\n"
		"\techo '(git commit --no-verify skips the hook; notes hook uninstall removes it)' "
		">&2\n"
		"\texit 1\n"
		"fi\n");
	strbuf_addf(out,
		    "\"$notes\" check --staged%s || {\n"
		    "\trc=$?\n"
		    "\techo 'notes pre-commit hook: the commit is refused (git commit --no-verify "
		    "skips the check)' >&2\n"
		    "\texit $rc\n"
		    "}\n",
		    strict ? " --strict" : "");
}

/* The first line of buf that begins with prefix; with whole, that is all of it. */
static const char *S_line(const char *buf, const char *prefix, bool whole)
{
	size_t len = strlen(prefix);
	const char *p = buf;

	while (p) {
		if (!strncmp(p, prefix, len) && (!whole || p[len] == '\n' || !p[len]))
			return p;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return NULL;
}

/* Where the hook is: out->path, out->shown. */
static int S_locate(struct hook_info *out, const struct journal *j, struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT;
	size_t rlen = strlen(j->root);
	struct vcs *v;
	int rc;

	if (vcs_open(&v, j->root, err) < 0)
		return -1;
	rc = vcs_hooks_dir(v, &dir, err);
	vcs_free(v);
	if (rc < 0) {
		strbuf_release(&dir);
		return -1;
	}
	strbuf_addstr(&dir, "/pre-commit");
	out->path = strbuf_detach(&dir, NULL);
	out->shown = out->path;
	if (!strncmp(out->path, j->root, rlen) && out->path[rlen] == '/')
		out->shown = out->path + rlen + 1;
	return 0;
}

/* What the hook at out->path is; its bytes in buf when it is a regular file. */
static int S_read(struct hook_info *out, struct strbuf *buf, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	const char *line;
	struct stat st;

	if (lstat(out->path, &st) < 0) {
		if (errno == ENOENT || errno == ENOTDIR) {
			out->state = HOOK_NONE;
			return 0;
		}
		strbuf_addf(err, "%s: %s", out->shown, strerror(errno));
		return -1;
	}
	out->state = HOOK_OTHER;
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > HOOK_MAX_SIZE)
		return 0;
	if (read_file(out->path, buf, HOOK_MAX_SIZE, &why) < 0) {
		strbuf_addf(err, "%s: %s", out->shown, why.buf);
		strbuf_release(&why);
		return -1;
	}
	if (!S_line(buf->buf, HOOK_MARKER, true))
		return 0;
	out->state = HOOK_NOTES;
	out->executable = access(out->path, X_OK) == 0;
	line = S_line(buf->buf, "notes=", false);
	out->binary = line ? S_unquote(strchr(line, '=') + 1) : xstrdup("notes");
	out->strict = strstr(buf->buf, " check --staged --strict") != NULL;
	return 0;
}

/* hook_status, with the hook's bytes in buf. */
static int S_status(struct hook_info *out, const struct journal *j, struct strbuf *buf,
		    struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	if (S_locate(out, j, err) < 0)
		return -1;
	return S_read(out, buf, err);
}

int hook_status(struct hook_info *out, const struct journal *j, struct strbuf *err)
{
	struct strbuf buf = STRBUF_INIT;
	int rc = S_status(out, j, &buf, err);

	strbuf_release(&buf);
	return rc;
}

/* The absolute path of this program, or "notes" (the one on PATH). */
static char *S_self(void)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);

	if (n <= 0 || path[0] != '/')
		return xstrdup("notes");
	path[n] = '\0';
	/* a binary replaced while it runs reads "<path> (deleted)" */
	if (access(path, X_OK) < 0 || strchr(path, '\n'))
		return xstrdup("notes");
	return xstrdup(path);
}

/* git runs only an executable hook: give x wherever r is. */
static int S_make_executable(const char *path, const char *shown, struct strbuf *err)
{
	struct stat st;

	if (stat(path, &st) < 0 || chmod(path, (st.st_mode & 07777) | ((st.st_mode & 0444) >> 2))) {
		strbuf_addf(err, "%s: cannot make it executable: %s", shown, strerror(errno));
		return -1;
	}
	return 0;
}

/* Write script over the hook that out and old say is there. */
static int S_write(struct hook_info *out, const struct strbuf *old, const struct strbuf *script,
		   struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT, dir = STRBUF_INIT;
	struct stat st;
	int rc;

	strbuf_add(&dir, out->path, (size_t)(strrchr(out->path, '/') - out->path));
	if (out->state == HOOK_NONE)
		rc = make_dirs(dir.buf, &why) < 0
			     ? -1
			     : write_file_atomic(out->path, script->buf, script->len, 0777,
						 WRITE_NO_REPLACE, &why);
	else if (lstat(out->path, &st) == 0 && S_ISREG(st.st_mode))
		/* a hook that changed since it was read is not replaced */
		rc = write_file_if_unchanged(out->path, old->buf, old->len, script->buf,
					     script->len, &why);
	else
		rc = write_file_atomic(out->path, script->buf, script->len, 0777, 0, &why);
	if (rc < 0)
		strbuf_addf(err, "%s: %s", out->shown, why.buf);
	strbuf_release(&why);
	strbuf_release(&dir);
	return rc < 0 ? -1 : S_make_executable(out->path, out->shown, err);
}

int hook_install(struct hook_info *out, const struct journal *j, const struct hook_options *o,
		 enum hook_change *change, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT, script = STRBUF_INIT;
	char *binary = o->binary ? xstrdup(o->binary) : S_self();
	int rc = -1;

	if (S_status(out, j, &old, err) < 0)
		goto out;
	S_script(&script, binary, o->strict);
	if (out->state == HOOK_OTHER && !o->force) {
		strbuf_addf(err,
			    "%s: a pre-commit hook that is not notes' is there: left as it is "
			    "('notes hook install --force' replaces it)",
			    out->shown);
		goto out;
	}
	*change = out->state == HOOK_NONE			    ? HOOK_WRITTEN
		  : out->state == HOOK_OTHER			    ? HOOK_REPLACED
		  : !strcmp(old.buf, script.buf) && out->executable ? HOOK_UNCHANGED
								    : HOOK_UPDATED;
	if (*change != HOOK_UNCHANGED && S_write(out, &old, &script, err) < 0)
		goto out;
	hook_info_release(out);
	rc = hook_status(out, j, err);
out:
	free(binary);
	strbuf_release(&old);
	strbuf_release(&script);
	return rc;
}

int hook_uninstall(struct hook_info *out, const struct journal *j, struct strbuf *err)
{
	if (hook_status(out, j, err) < 0)
		return -1;
	if (out->state == HOOK_NONE)
		return 1;
	if (out->state == HOOK_OTHER) {
		strbuf_addf(err, "%s: a pre-commit hook that is not notes': left as it is",
			    out->shown);
		return -1;
	}
	if (unlink(out->path) < 0) {
		strbuf_addf(err, "%s: cannot remove it: %s", out->shown, strerror(errno));
		return -1;
	}
	return 0;
}

void hook_info_release(struct hook_info *h)
{
	free(h->path);
	free(h->binary);
	memset(h, 0, sizeof(*h));
}
