/* test_note.c - a note parsed again: the copy note_parse gives for bytes it
 * has read before is the note itself, and never another note's. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "note.h"
#include "vocab.h"

static const char base[] =
	"---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"
	"Purpose: the loop.\n\n"
	"## Goals\n- #conv Raise conversion\n\n"
	"## Blockers\n- Slow deploys #infra\n  - kind: environment\n\n"
	"## Support within 48 hours\n- [ ] Ask for a slot @bob ^aaaaaa\n\n"
	"## Focus for the next 5 days\n- [x] Call users #conv #Other ^bbbbbb\n"
	"  - metric: calls\n  - done: 2026-11-24T10:00\n- [ ] Ship due:2026-02-30\n\n"
	"## Feedback\n- Clear; next time add the size.\n";

static bool S_same_task(const struct task *a, const struct task *b)
{
	size_t i;

	if (strcmp(a->text, b->text) || !a->id != !b->id || (a->id && strcmp(a->id, b->id)) ||
	    !a->owner != !b->owner || (a->owner && strcmp(a->owner, b->owner)) ||
	    a->status != b->status || a->due != b->due || a->line != b->line ||
	    a->ntags != b->ntags || a->done_at != b->done_at)
		return false;
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]))
			return false;
	for (i = 0; i < FIELD__COUNT; i++)
		if (!a->fields[i] != !b->fields[i] ||
		    (a->fields[i] && strcmp(a->fields[i], b->fields[i])))
			return false;
	return true;
}

static bool S_same(const struct note *a, const struct note *b)
{
	size_t i;
	int s;

	if (strcmp(a->person, b->person) || strcmp(a->leader, b->leader) || a->date != b->date ||
	    a->ngoals != b->ngoals || a->nfeedback != b->nfeedback ||
	    a->problems.nr != b->problems.nr || strcmp(a->purpose.text, b->purpose.text) ||
	    !a->file != !b->file || (a->file && strcmp(a->file, b->file)))
		return false;
	for (s = 0; s < SECTION__COUNT; s++) {
		if (a->nitems[s] != b->nitems[s])
			return false;
		for (i = 0; i < a->nitems[s]; i++)
			if (!S_same_task(&a->items[s][i], &b->items[s][i]))
				return false;
	}
	for (i = 0; i < a->ngoals; i++)
		if (strcmp(a->goals[i].tag, b->goals[i].tag) ||
		    strcmp(a->goals[i].text, b->goals[i].text))
			return false;
	for (i = 0; i < a->nfeedback; i++)
		if (strcmp(a->feedback[i].text, b->feedback[i].text))
			return false;
	for (i = 0; i < a->problems.nr; i++)
		if (strcmp(a->problems.list[i].message, b->problems.list[i].message) ||
		    a->problems.list[i].line != b->problems.list[i].line)
			return false;
	return true;
}

static void test_parse_again(void)
{
	struct note first, again, other;
	struct note_options opts = { "alice/2026-11-23.md", "kim" };
	struct strbuf err = STRBUF_INIT;
	char *changed = strdup(base);

	CHECK(note_parse(&first, base, sizeof(base) - 1, &opts, &err) == 0);
	CHECK(first.nitems[SECTION_FOCUS] == 2 && first.problems.nr > 0);
	/* the same bytes again: an equal note that owns its memory */
	CHECK(note_parse(&again, base, sizeof(base) - 1, &opts, &err) == 0);
	CHECK(S_same(&first, &again));
	CHECK(again.items[SECTION_FOCUS] != first.items[SECTION_FOCUS]);
	CHECK(again.items[SECTION_FOCUS][0].text != first.items[SECTION_FOCUS][0].text);
	note_release(&first);
	CHECK_STR(again.items[SECTION_SUPPORT][0].owner, "bob");
	note_release(&again);

	/* one byte changed: read as it is now */
	strstr(changed, "[x]")[1] = '~';
	CHECK(note_parse(&other, changed, strlen(changed), &opts, &err) == 0);
	CHECK(other.items[SECTION_FOCUS][0].status == TASK_PARTIAL);
	note_release(&other);
	/* the same bytes at another path: its person and date */
	opts.file = "bob/2026-11-30.md";
	CHECK(note_parse(&other, base, sizeof(base) - 1, &opts, &err) == 0);
	CHECK_STR(other.person, "bob");
	CHECK_STR(other.file, "bob/2026-11-30.md");
	note_release(&other);
	/* another default leader */
	opts.file = "alice/2026-11-23.md";
	opts.leader = "lee";
	CHECK(note_parse(&other, "## Support\n- [ ] x\n", 18, &opts, &err) == 0);
	CHECK_STR(other.leader, "lee");
	note_release(&other);
	opts.leader = "kim";
	CHECK(note_parse(&other, "## Support\n- [ ] x\n", 18, &opts, &err) == 0);
	CHECK_STR(other.leader, "kim");
	note_release(&other);
	free(changed);
	strbuf_release(&err);
}

int main(void)
{
	test_parse_again();
	note_parse_forget();
	vocab_release();
	return harness_done();
}
