/* test_edit.c - ids, note edits that keep every other byte, commit messages. */
#include <stdlib.h>

#include "harness.h"
#include "ids.h"
#include "message.h"
#include "note.h"
#include "note_edit.h"
#include "vocab.h"

static const char crlf_note[] =
	"\xef\xbb\xbf---\r\nperson: alice\r\nleader: kim\r\ndate: 2026-11-23 10:00\r\n---\r\n\r\n"
	"## Support within 48 hours\r\n- [ ] Book the room   \r\n\r\n"
	"## Focus for the next 5 days\r\n1. [ ] Ship it #conv\r\n   - metric: shipped\r\n";

static void test_add_ids(void)
{
	struct note note;
	struct strbuf src = STRBUF_INIT, err = STRBUF_INIT;
	struct task *tasks[2];
	const char *ids[2] = { "aaaaaa", "bbbbbb" };

	strbuf_add(&src, crlf_note, sizeof(crlf_note) - 1);
	CHECK(note_parse(&note, src.buf, src.len, NULL, &err) == 0);
	CHECK(note.nitems[SECTION_SUPPORT] == 1 && note.nitems[SECTION_FOCUS] == 1);
	tasks[0] = &note.items[SECTION_FOCUS][0];
	tasks[1] = &note.items[SECTION_SUPPORT][0];
	ids[0] = "ffffff";
	ids[1] = "ssssss";
	note_edit_add_ids(&src, tasks, ids, 2);
	CHECK(strstr(src.buf, "- [ ] Book the room    ^ssssss\r\n") != NULL);
	CHECK(strstr(src.buf, "1. [ ] Ship it #conv ^ffffff\r\n   - metric") != NULL);
	CHECK(src.len == sizeof(crlf_note) - 1 + 16);
	CHECK(!memcmp(src.buf, crlf_note, 3)); /* the BOM stays */
	note_release(&note);
	/* the new ids parse back */
	CHECK(note_parse(&note, src.buf, src.len, NULL, &err) == 0);
	CHECK_STR(note.items[SECTION_SUPPORT][0].id, "ssssss");
	CHECK_STR(note.items[SECTION_FOCUS][0].text, "Ship it");
	note_release(&note);
	strbuf_release(&src);
	strbuf_release(&err);
}

static void test_status_and_field(void)
{
	static const char text[] =
		"---\nperson: a\nleader: k\ndate: 2026-11-23\n---\n"
		"## Support\n- Call Bob\n- [ ] Book\n  - how: direct\n\n## Notes\nx\n";
	struct note note;
	struct strbuf src = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_addstr(&src, text);
	CHECK(note_parse(&note, src.buf, src.len, NULL, &err) == 0);
	CHECK(note.nitems[SECTION_SUPPORT] == 2);
	note_edit_add_field(&src, &note.items[SECTION_SUPPORT][1], "done", "2026-11-24T15:00");
	note_edit_set_status(&src, &note.items[SECTION_SUPPORT][1], 'x');
	note_edit_set_status(&src, &note.items[SECTION_SUPPORT][0], 'x');
	/* the done: line goes right under the item's text, before its fields */
	CHECK(strstr(src.buf, "- [x] Call Bob\n- [x] Book\n  - done: 2026-11-24T15:00\n"
			      "  - how: direct\n\n## Notes") != NULL);
	note_release(&note);
	CHECK(note_parse(&note, src.buf, src.len, NULL, &err) == 0);
	CHECK(note.items[SECTION_SUPPORT][1].has_done_at);
	CHECK(note.items[SECTION_SUPPORT][0].status == TASK_DONE);
	note_release(&note);
	strbuf_release(&src);
	strbuf_release(&err);
}

static void test_ids(void)
{
	struct id_set set = { 0 };
	char id[ID_LEN + 1];
	int i, ok = 1;

	id_set_scan(&set, "- [ ] a ^k3f9qa\n- b ^m2d7xe ^toolong1 x^abcdef ^ABCDEF", 53);
	CHECK(set.nr == 2);
	CHECK(id_set_has(&set, "k3f9qa") && id_set_has(&set, "m2d7xe"));
	CHECK(!id_set_has(&set, "abcdef"));
	for (i = 0; i < 1000; i++) {
		id_new(&set, id);
		ok = ok && strlen(id) == ID_LEN &&
		     strspn(id, "0123456789abcdefghjkmnpqrstvwxyz") == ID_LEN;
	}
	CHECK(ok);
	CHECK(set.nr == 1002);
	id_set_release(&set);
}

static void test_message(void)
{
	static const char text[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"
				   "## Review\n- [x] A ^aaaaaa\n- [ ] B ^bbbbbb\n  - cause: 가정\n"
				   "## Blockers\n- Slow CI #infra\n"
				   "## Support\n- [ ] Help ^cccccc\n"
				   "## Focus\n- [ ] Do #g ^dddddd\n";
	struct person member = { .id = (char *)"alice",
				 .name = (char *)"Alice Park",
				 .email = (char *)"alice@example.com" };
	char *done[] = { (char *)"aaaaaa" };
	struct message_input in = { NULL, "Moved to Tuesday.", NULL, done, 1, &member };
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct note note;

	CHECK(note_parse(&note, text, sizeof(text) - 1, NULL, &err) == 0);
	in.note = &note;
	message_build(&in, &msg);
	CHECK_STR(msg.buf, "alice 2026-11-23: 1/2 done, 1 focus, 1 support, 1 blockers\n\n"
			   "Moved to Tuesday.\n\n"
			   "Focus:\n- [ ] Do #g ^dddddd\nSupport:\n- [ ] Help "
			   "^cccccc\nBlockers:\n- Slow CI #infra\n\n"
			   "Person: alice\nLeader: kim\nWeek: 2026-W48\nDone: aaaaaa\n"
			   "Co-authored-by: Alice Park <alice@example.com>\n");
	note_release(&note);
	strbuf_release(&msg);
	strbuf_release(&err);
}

int main(void)
{
	test_add_ids();
	test_status_and_field();
	test_ids();
	test_message();
	vocab_release();
	return harness_done();
}
