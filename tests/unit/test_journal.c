/* test_journal.c - the journal: finding its root, its people, where each
 * person's notes live, listing them, the previous note, paths, and the
 * check context journal_check_note builds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "harness.h"
#include "journal_check.h"
#include "journal_notes.h"
#include "vcs.h"
#include "vocab.h"

static char root[256];

static void S_write(const char *rel, const char *text)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", root, rel);
	CHECK(write_file_atomic(path.buf, text, strlen(text), 0666, 0, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void S_mkdir(const char *rel)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", root, rel);
	CHECK(make_dirs(path.buf, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static const char *S_note(const char *day)
{
	static char buf[256];

	snprintf(
		buf, sizeof(buf),
		"---\nperson: alice\nleader: kim\ndate: %s 10:00\n---\n## Focus\n- [ ] Item of %s ^"
		"a%.5s\n",
		day, day, day + 5);
	return buf;
}

static void S_setup(void)
{
	char tmpl[] = "/tmp/notes-unit-journal.XXXXXX";

	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, root) != NULL);
	S_mkdir(".notes");
	S_mkdir("alice/sub");
	S_mkdir("bob");
	S_write(".notes/config", "[journal]\n\tleader = kim\n\tmaxfocus = 2\n"
				 "[person \"kim\"]\n\tname = Kim\n"
				 "[person \"bob\"]\n\tname = Bob\n"
				 "[person \"alice\"]\n\tname = Alice\n\tslot = mon 10:00\n"
				 "[person \"bob\"]\n\temail = bob@example.com\n");
	S_write("alice/2026-11-09.md", S_note("2026-11-09"));
	S_write("alice/2026-11-23.md", S_note("2026-11-23"));
	S_write("alice/2026-11-16.md", S_note("2026-11-16"));
	S_write("alice/README.md", "not a note\n");
	S_write("alice/2026-02-30.md", "not a real day\n");
}

static void test_find(void)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	struct journal *j = NULL;
	struct person p;

	strbuf_addf(&path, "%s/alice/sub", root);
	CHECK(journal_find(&j, path.buf, &err) == 0);
	CHECK_STR(j ? j->root : NULL, root);
	CHECK_STR(j ? j->leader : NULL, "kim");
	CHECK(j && j->max_focus == 2);
	CHECK_STR(j ? j->language : NULL, "en");
	/* people sorted, a repeated section once */
	CHECK(j && j->npeople == 3);
	CHECK(j && !strcmp(j->people[0], "alice") && !strcmp(j->people[1], "bob") &&
	      !strcmp(j->people[2], "kim"));
	CHECK(j && journal_has_person(j, "bob") && !journal_has_person(j, "carol"));
	journal_person(j, "bob", &p);
	CHECK_STR(p.name, "Bob");
	CHECK_STR(p.email, "bob@example.com");
	CHECK(p.slot == NULL);
	person_release(&p);
	journal_free(j);
	/* no journal above /: 1, not an error */
	strbuf_reset(&err);
	CHECK(journal_find(&j, "/proc", &err) == 1);
	CHECK(strstr(err.buf, "not in a journal") != NULL);
	strbuf_release(&err);
	strbuf_release(&path);
}

static void test_broken_config(void)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	struct journal *j = NULL;
	static const char bad[] = "[journal]\n\tleader = kim\n[person \"x\"\n";
	char tmpl[] = "/tmp/notes-unit-broken.XXXXXX", dir[256];

	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	strbuf_addf(&path, "%s/.notes", dir);
	CHECK(make_dirs(path.buf, &err) == 0);
	strbuf_addstr(&path, "/config");
	CHECK(write_file_atomic(path.buf, bad, strlen(bad), 0666, 0, &err) == 0);
	CHECK(journal_find(&j, dir, &err) == -1);
	/* the config and its line, as a compiler names one */
	strbuf_addstr(&path, ":3: ");
	CHECK(strstr(err.buf, path.buf) != NULL);
	if (!strstr(err.buf, path.buf))
		printf("#   %s\n", err.buf);
	harness_rmtree(dir);
	strbuf_release(&err);
	strbuf_release(&path);
}

static void test_person_notes(struct journal *j)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	struct person_notes pn;
	struct note_ref *refs;
	size_t n;
	char *rel;
	notes_time day;
	bool t;

	CHECK(journal_person_notes(j, "alice", &pn, &err) == 0);
	CHECK_STR(pn.dir, "alice");
	CHECK_STR(pn.repo, root);
	CHECK_STR(pn.repo_dir, "alice");
	CHECK(date_parse("2026-11-30", 10, &day, &t) == 0);
	person_notes_path(&pn, day + 600, &path);
	CHECK_STR(path.buf, "alice/2026-11-30.md");
	CHECK_STR(person_notes_repo_path(&pn, path.buf), "alice/2026-11-30.md");
	person_notes_release(&pn);
	CHECK(journal_person_notes(j, "../x", &pn, &err) == -1);
	CHECK(strstr(err.buf, "invalid person id") != NULL);
	person_notes_release(&pn);
	/* dated notes only, oldest first */
	CHECK(journal_notes(j, "alice", &refs, &n) == 0);
	CHECK(n == 3);
	CHECK(n == 3 && !strcmp(refs[0].path, "alice/2026-11-09.md") &&
	      !strcmp(refs[2].path, "alice/2026-11-23.md"));
	note_refs_free(refs, n);
	CHECK(journal_notes(j, "bob", &refs, &n) == 0 && n == 0);
	note_refs_free(refs, n);
	/* the previous note: none, one before a day, the latest */
	CHECK(journal_previous(j, "bob", INT64_MAX, &rel) == 1 && !rel);
	CHECK(journal_previous(j, "alice", INT64_MAX, &rel) == 0);
	CHECK_STR(rel, "alice/2026-11-23.md");
	free(rel);
	CHECK(journal_previous(j, "alice", date_start_of_day(day - 7 * MINUTES_PER_DAY), &rel) ==
	      0);
	CHECK_STR(rel, "alice/2026-11-16.md");
	free(rel);
	CHECK(journal_previous(j, "alice", day - 21 * MINUTES_PER_DAY, &rel) == 1);
	/* what is a note of the journal */
	CHECK(journal_note_of(j, "alice/2026-11-23.md", NULL, NULL));
	CHECK(!journal_note_of(j, "alice/sub/2026-11-23.md", NULL, NULL));
	CHECK(!journal_note_of(j, "2026-11-23.md", NULL, NULL));
	CHECK(!journal_note_of(j, "Alice/2026-11-23.md", NULL, NULL));
	strbuf_release(&err);
	strbuf_release(&path);
}

static void test_check_person(struct journal *j)
{
	struct strbuf err = STRBUF_INIT, link = STRBUF_INIT;

	CHECK(journal_check_person(j, "alice", &err) == 0);
	CHECK(journal_check_person(j, "nobody-yet", &err) == 0);
	CHECK(journal_check_person(j, "", &err) == -1);
	strbuf_addf(&link, "%s/eve", root);
	CHECK(symlink("/tmp", link.buf) == 0);
	strbuf_reset(&err);
	CHECK(journal_check_person(j, "eve", &err) == -1);
	CHECK(strstr(err.buf, "symbolic link") != NULL);
	unlink(link.buf);
	strbuf_release(&err);
	strbuf_release(&link);
}

static void test_check_context(struct journal *j)
{
	const char *text = "---\nperson: alice\nleader: kim\ndate: 2026-11-30 10:00\n---\n"
			   "## Review\n## Focus\n- [ ] New #x\n  - metric: m\n";
	struct strbuf err = STRBUF_INIT;
	struct checked_note c;
	size_t i, broken = 0;

	CHECK(journal_check_note(&c, j, "n.md", "alice/2026-11-30.md", text, strlen(text), &err) ==
	      0);
	CHECK(c.scope == CHECK_SCOPE_HISTORY);
	CHECK(c.nprevious == CHECK_PREVIOUS_USED);
	CHECK_STR(c.nprevious ? c.previous[0].file : NULL, "alice/2026-11-23.md");
	CHECK_STR(c.note.file, "n.md");
	for (i = 0; i < c.problems.nr; i++)
		broken += !strcmp(c.problems.list[i].code, "loop-broken");
	CHECK(broken == 1);
	checked_note_release(&c);
	/* outside the journal: the config (unknown-goal, people) only */
	CHECK(journal_check_note(&c, j, "n.md", NULL, text, strlen(text), &err) == 0);
	CHECK(c.scope == CHECK_SCOPE_CONFIG && c.nprevious == 0);
	checked_note_release(&c);
	CHECK(journal_check_note(&c, NULL, "n.md", NULL, text, strlen(text), &err) == 0);
	CHECK(c.scope == CHECK_SCOPE_NOTE && c.nprevious == 0);
	CHECK_STR(check_scope_name(c.scope), "note");
	checked_note_release(&c);
	strbuf_release(&err);
}

int main(void)
{
	struct strbuf err = STRBUF_INIT;
	struct journal *j = NULL;

	S_setup();
	test_find();
	test_broken_config();
	CHECK(journal_open(&j, root, &err) == 0);
	if (j) {
		test_person_notes(j);
		test_check_person(j);
		test_check_context(j);
		journal_free(j);
	}
	harness_rmtree(root);
	strbuf_release(&err);
	vocab_release();
	vcs_global_shutdown();
	return harness_done();
}
