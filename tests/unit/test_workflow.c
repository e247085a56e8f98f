/* test_workflow.c - the library's workflows, called as the commands call
 * them: create a journal, add a person, write the next note, commit it
 * (ids, refusal on errors, nothing to commit), tick an item, and the
 * notes a commit without arguments would take. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "harness.h"
#include "journal_commit.h"
#include "journal_new.h"
#include "journal_notes.h"
#include "journal_setup.h"
#include "vcs.h"
#include "vocab.h"

static char dir[256];

static void S_read(const char *rel, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_reset(out);
	strbuf_addf(&path, "%s/%s", dir, rel);
	CHECK(read_file(path.buf, out, MAX_NOTE_SIZE, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void S_write(const char *rel, const char *text)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", dir, rel);
	CHECK(write_file_atomic(path.buf, text, strlen(text), 0666, 0, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static struct journal *S_create(void)
{
	struct journal_create_options o = { dir, "kim", "Kim Wonwoo", "kim@example.com", "en" };
	struct person_fields f = { "Alice Park", "alice@example.com", "mon 10:00", NULL };
	struct person_fields bad = { NULL, NULL, "someday", NULL };
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	struct journal *j = NULL;
	char *root = NULL;

	CHECK(journal_create(&o, &root, &warn, &err) == 0);
	CHECK_STR(root, dir);
	free(root);
	/* a second time is refused */
	CHECK(journal_create(&o, &root, &warn, &err) == -1 && !root);
	CHECK(strstr(err.buf, "is already a journal") != NULL);
	CHECK(journal_open(&j, dir, &err) == 0);
	CHECK(journal_add_person(j, "alice", &f, &warn, &err) == 0);
	strbuf_reset(&err);
	CHECK(journal_add_person(j, "alice", &f, &warn, &err) == -1);
	CHECK(strstr(err.buf, "already in the journal") != NULL);
	strbuf_reset(&err);
	CHECK(journal_add_person(j, "bob", &bad, &warn, &err) == -1);
	CHECK(strstr(err.buf, "slot 'someday'") != NULL);
	CHECK(journal_reload(j, &err) == 0);
	CHECK(journal_has_person(j, "alice") && !journal_has_person(j, "bob"));
	CHECK(warn.len == 0);
	strbuf_release(&err);
	strbuf_release(&warn);
	return j;
}

static void test_new(struct journal *j)
{
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	notes_time now;
	bool t;
	char *rel = NULL;

	CHECK(date_parse("2026-11-23T09:00", 16, &now, &t) == 0);
	/* the week's slot day and time */
	CHECK(journal_new_note(j, "alice", NULL, now, &rel, &err) == 0);
	CHECK_STR(rel, "alice/2026-11-23.md");
	S_read("alice/2026-11-23.md", &text);
	CHECK(strstr(text.buf, "date: 2026-11-23 10:00\n") != NULL);
	CHECK(strstr(text.buf, "Alice Park") != NULL);
	free(rel);
	/* never over a note */
	CHECK(journal_new_note(j, "alice", "2026-11-23", now, &rel, &err) == -1 && !rel);
	CHECK(strstr(err.buf, "already exists") != NULL);
	strbuf_reset(&err);
	CHECK(journal_new_note(j, "carol", NULL, now, &rel, &err) == -1);
	CHECK(strstr(err.buf, "carol is not in the journal") != NULL);
	strbuf_release(&err);
	strbuf_release(&text);
}

static const char note1[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"
			    "## Goals\n- #conv Raise conversion\n"
			    "## Blockers\n"
			    "## Support\n- [ ] Book a room\n"
			    "## Focus\n- [ ] Call five users #conv\n  - metric: calls\n"
			    "## Feedback\n- Clear.\n";

static void test_commit(struct journal *j, struct commit_session *s)
{
	struct note_file f = { "alice/2026-11-23.md", NULL, "alice/2026-11-23.md" };
	struct commit_request req = { NULL, 0, NULL, NULL, NULL };
	struct commit_result res = COMMIT_RESULT_INIT;
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;
	struct note_file outside = { "../x.md", "/tmp/x.md", NULL };
	struct id_set ids = { 0 };
	char **paths;
	size_t n, i;

	journal_path(j, f.rel, &path);
	f.path = path.buf;
	S_write(f.rel, note1);
	/* what commit without arguments takes */
	CHECK(journal_changed_notes(j, &paths, &n, &err) == 0);
	CHECK(n == 1 && !strcmp(paths[0], "alice/2026-11-23.md"));
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	CHECK(journal_commit_note(s, &f, &req, &res, &err) == 0);
	CHECK(res.outcome == COMMIT_MADE);
	CHECK_STR(res.subject, "alice 2026-11-23: 0/0 done, 1 focus, 1 support, 0 blockers");
	/* the problems come back as data: a warning is no refusal */
	CHECK(diag_count(&res.problems, SEVERITY_ERROR) == 0);
	commit_result_release(&res);
	/* both tasks got an id, written into the file */
	S_read(f.rel, &text);
	id_set_scan(&ids, text.buf, text.len);
	CHECK(ids.nr == 2);
	id_set_release(&ids);
	/* the same again: nothing to commit */
	res = (struct commit_result)COMMIT_RESULT_INIT;
	CHECK(journal_commit_note(s, &f, &req, &res, &err) == 0);
	CHECK(res.outcome == COMMIT_UNCHANGED);
	commit_result_release(&res);
	/* a file outside the journal is refused, naming it */
	res = (struct commit_result)COMMIT_RESULT_INIT;
	CHECK(journal_commit_note(s, &outside, &req, &res, &err) == -1);
	CHECK(strstr(err.buf, "../x.md is not a note of this journal") != NULL);
	commit_result_release(&res);
	strbuf_release(&err);
	strbuf_release(&path);
	strbuf_release(&text);
}

static void test_refused(struct journal *j, struct commit_session *s)
{
	static const char bad[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-30 10:00\n---\n"
				  "## Review\n- [ ] Something open\n## Focus\n- [ ] New #x\n";
	struct note_file f = { "alice/2026-11-30.md", NULL, "alice/2026-11-30.md" };
	struct commit_request req = { NULL, 0, NULL, NULL, NULL };
	struct commit_result res = COMMIT_RESULT_INIT;
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;

	journal_path(j, f.rel, &path);
	f.path = path.buf;
	S_write(f.rel, bad);
	/* after the meeting: before it the note is an agenda, which may be committed */
	setenv("NOTES_NOW", "2026-11-30T11:00", 1);
	CHECK(journal_commit_note(s, &f, &req, &res, &err) == 0);
	setenv("NOTES_NOW", "2026-11-23T11:00", 1);
	CHECK(res.outcome == COMMIT_REFUSED);
	CHECK(diag_count(&res.problems, SEVERITY_ERROR) >= 2); /* unreviewed, loop-broken */
	commit_result_release(&res);
	/* refused: not one byte written */
	S_read(f.rel, &text);
	CHECK(text.len == sizeof(bad) - 1 && !memcmp(text.buf, bad, text.len));
	unlink(path.buf);
	strbuf_release(&err);
	strbuf_release(&path);
	strbuf_release(&text);
}

static void test_done(struct commit_session *s)
{
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	struct done_result res;
	struct id_set ids = { 0 };
	char *rel = NULL, id[ID_LEN + 1];
	const char *at;

	S_read("alice/2026-11-23.md", &text);
	at = strstr(text.buf, "Book a room ^");
	CHECK(at != NULL);
	if (!at)
		return;
	memcpy(id, at + strlen("Book a room ^"), ID_LEN);
	id[ID_LEN] = '\0';
	CHECK(journal_find_id(s->journal, id, &rel) == 0);
	CHECK_STR(rel, "alice/2026-11-23.md");
	free(rel);
	CHECK(journal_find_id(s->journal, "zzzzzz", &rel) == 1 && !rel);
	CHECK(journal_done(s, id, "2026-11-24T15:00", &res, &err) == 0);
	CHECK(!res.already_done && res.commit.outcome == COMMIT_MADE);
	done_result_release(&res);
	S_read("alice/2026-11-23.md", &text);
	CHECK(strstr(text.buf, "- [x] Book a room ^") != NULL);
	CHECK(strstr(text.buf, "  - done: 2026-11-24T15:00\n") != NULL);
	/* a second time: already done, nothing changed */
	CHECK(journal_done(s, id, NULL, &res, &err) == 0);
	CHECK(res.already_done);
	done_result_release(&res);
	CHECK(journal_done(s, "zzzzzz", NULL, &res, &err) == -1);
	CHECK(strstr(err.buf, "no note holds ^zzzzzz") != NULL);
	done_result_release(&res);
	id_set_release(&ids);
	strbuf_release(&err);
	strbuf_release(&text);
}

static void test_carry(struct journal *j)
{
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	notes_time now;
	bool t;
	char *rel = NULL;

	CHECK(date_parse("2026-11-30T08:00", 16, &now, &t) == 0);
	CHECK(journal_new_note(j, "alice", NULL, now, &rel, &err) == 0);
	CHECK_STR(rel, "alice/2026-11-30.md");
	S_read("alice/2026-11-30.md", &text);
	/* last week's items come back for review, with their ids and status */
	CHECK(strstr(text.buf, "- [ ] Call five users #conv ^") != NULL);
	CHECK(strstr(text.buf, "- [x] Book a room ^") != NULL);
	CHECK(strstr(text.buf, "- #conv Raise conversion") != NULL);
	free(rel);
	strbuf_release(&err);
	strbuf_release(&text);
}

int main(void)
{
	char tmpl[] = "/tmp/notes-unit-workflow.XXXXXX";
	struct strbuf err = STRBUF_INIT;
	struct commit_session s;
	struct journal *j;

	setenv("NOTES_NOW", "2026-11-23T11:00", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	j = S_create();
	if (j) {
		test_new(j);
		CHECK(commit_session_open(&s, j, &err) == 0);
		test_commit(j, &s);
		test_refused(j, &s);
		test_done(&s);
		commit_session_close(&s);
		test_carry(j);
		journal_free(j);
	}
	harness_rmtree(dir);
	strbuf_release(&err);
	vocab_release();
	vcs_global_shutdown();
	return harness_done();
}
