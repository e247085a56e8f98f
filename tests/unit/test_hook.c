/* test_hook.c - the pre-commit hook as the library writes, reads and
 * removes it (a binary path that needs quoting, --strict, another
 * program's hook), and the staged notes journal_check_staged checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "harness.h"
#include "hook.h"
#include "journal_setup.h"
#include "journal_staged.h"
#include "vcs.h"
#include "vocab.h"

static char dir[256];

static void S_write(const char *rel, const char *text)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", dir, rel);
	CHECK(write_file_atomic(path.buf, text, strlen(text), 0666, 0, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static bool S_holds(const char *rel, const char *text)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, err = STRBUF_INIT;
	bool same;

	strbuf_addf(&path, "%s/%s", dir, rel);
	same = read_file(path.buf, &buf, 1u << 20, &err) == 0 && !strcmp(buf.buf, text);
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&err);
	return same;
}

/* git add, as a user stages a file (the product never runs git). */
static void S_git_add(const char *rel)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "git -C '%s' add -- '%s'", dir, rel);
	CHECK(system(cmd) == 0);
}

static void test_install(const struct journal *j)
{
	struct hook_options o = { false, false, "/opt/it's here/notes" };
	struct strbuf err = STRBUF_INIT;
	enum hook_change change;
	struct hook_info h;
	struct stat st;

	CHECK(hook_status(&h, j, &err) == 0 && h.state == HOOK_NONE);
	CHECK_STR(h.shown, ".git/hooks/pre-commit");
	hook_info_release(&h);
	CHECK(hook_install(&h, j, &o, &change, &err) == 0 && change == HOOK_WRITTEN);
	/* the path comes back as it went in, through the shell's quoting */
	CHECK(h.state == HOOK_NOTES && h.executable && !h.strict);
	CHECK_STR(h.binary, "/opt/it's here/notes");
	CHECK(stat(h.path, &st) == 0 && (st.st_mode & 0111) && !(st.st_mode & 0002));
	hook_info_release(&h);
	CHECK(hook_install(&h, j, &o, &change, &err) == 0 && change == HOOK_UNCHANGED);
	hook_info_release(&h);
	o.strict = true;
	CHECK(hook_install(&h, j, &o, &change, &err) == 0 && change == HOOK_UPDATED && h.strict);
	hook_info_release(&h);
	/* no binary given: this program, by its absolute path */
	o.binary = NULL;
	CHECK(hook_install(&h, j, &o, &change, &err) == 0 && change == HOOK_UPDATED);
	CHECK(h.binary && h.binary[0] == '/' && access(h.binary, X_OK) == 0);
	hook_info_release(&h);
	CHECK(err.len == 0);
	strbuf_release(&err);
}

static void test_foreign(const struct journal *j)
{
	static const char lint[] = "#!/bin/sh\nexec lint\n";
	struct hook_options o = { false, false, "/usr/bin/notes" };
	struct strbuf err = STRBUF_INIT;
	enum hook_change change;
	struct hook_info h;

	S_write(".git/hooks/pre-commit", lint);
	CHECK(hook_status(&h, j, &err) == 0 && h.state == HOOK_OTHER && !h.binary);
	hook_info_release(&h);
	CHECK(hook_install(&h, j, &o, &change, &err) == -1);
	CHECK(strstr(err.buf, "is not notes'") != NULL);
	hook_info_release(&h);
	strbuf_reset(&err);
	CHECK(hook_uninstall(&h, j, &err) == -1);
	hook_info_release(&h);
	CHECK(S_holds(".git/hooks/pre-commit", lint));
	strbuf_reset(&err);
	o.force = true;
	CHECK(hook_install(&h, j, &o, &change, &err) == 0 && change == HOOK_REPLACED);
	CHECK(h.state == HOOK_NOTES && h.executable);
	hook_info_release(&h);
	CHECK(hook_uninstall(&h, j, &err) == 0);
	hook_info_release(&h);
	CHECK(hook_uninstall(&h, j, &err) == 1 && h.state == HOOK_NONE);
	hook_info_release(&h);
	strbuf_release(&err);
}

static const char bad[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"
			  "## Review\n- [ ] Read the guide ^rev001\n";
static const char good[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"
			   "## Review\n- [ ] Read the guide ^rev001\n  - cause: execution\n";

static bool S_has_code(const struct diag *d, const char *code)
{
	size_t i;

	for (i = 0; i < d->nr; i++)
		if (!strcmp(d->list[i].code, code))
			return true;
	return false;
}

static void test_staged(const struct journal *j)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	struct staged_notes s;

	CHECK(journal_check_staged(j, &s, &err) == 0 && s.nr == 0);
	staged_notes_release(&s);
	strbuf_addf(&path, "%s/alice", dir);
	CHECK(make_dirs(path.buf, &err) == 0);
	strbuf_release(&path);
	S_write("alice/2026-11-23.md", bad);
	S_write("alice/notes.txt", bad);
	S_git_add("alice");
	/* the work tree's copy is not what is checked */
	S_write("alice/2026-11-23.md", good);
	CHECK(journal_check_staged(j, &s, &err) == 0 && s.nr == 1);
	if (s.nr == 1) {
		CHECK_STR(s.list[0].rel, "alice/2026-11-23.md");
		CHECK(!s.list[0].error && diag_count(&s.list[0].problems, SEVERITY_ERROR) == 1);
		CHECK(S_has_code(&s.list[0].problems, "unreviewed"));
	}
	staged_notes_release(&s);
	/* the index a hook is given, when git names one */
	setenv("GIT_INDEX_FILE", "/nonexistent/index", 1);
	CHECK(journal_check_staged(j, &s, &err) == -1);
	CHECK(strstr(err.buf, "GIT_INDEX_FILE names no file") != NULL);
	staged_notes_release(&s);
	unsetenv("GIT_INDEX_FILE");
	strbuf_release(&err);
}

int main(void)
{
	char tmpl[] = "/tmp/notes-unit-hook.XXXXXX";
	struct journal_create_options o = { dir, "kim", "Kim Wonwoo", "kim@example.com", "en" };
	struct person_fields f = { "Alice Park", NULL, NULL, NULL };
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	struct journal *j = NULL;
	char *root = NULL;

	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	/* git's config is the test's own: no core.hooksPath from the user's */
	setenv("HOME", dir, 1);
	/* after the meeting of the notes below: not an agenda */
	setenv("NOTES_NOW", "2026-12-01T12:00", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	unsetenv("GIT_INDEX_FILE");
	CHECK(journal_create(&o, &root, &warn, &err) == 0);
	free(root);
	CHECK(journal_open(&j, dir, &err) == 0);
	if (j) {
		CHECK(journal_add_person(j, "alice", &f, &warn, &err) == 0);
		test_install(j);
		test_foreign(j);
		test_staged(j);
		journal_free(j);
	}
	harness_rmtree(dir);
	strbuf_release(&err);
	strbuf_release(&warn);
	vocab_release();
	vcs_global_shutdown();
	return harness_done();
}
