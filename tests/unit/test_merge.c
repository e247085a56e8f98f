/* test_merge.c - note_merge: two sides that changed different items merge
 * cleanly even on adjacent lines; a change of the same item on both sides
 * is a conflict between git-style markers. */
#include <string.h>

#include "harness.h"
#include "note_merge.h"

static const struct note_merge_labels labels = { "HEAD", "origin/main" };

#define HEADER "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n\n# 1:1\n\n"

static const char base[] = HEADER "## Support within 48 hours\n"
				  "- [ ] Book the staging slot ^aaaaaa\n"
				  "- [ ] Ask Dana about fraud rules ^bbbbbb\n"
				  "\n"
				  "## Focus for the next 5 days\n"
				  "- [ ] Ship the A/B test #conversion ^cccccc\n"
				  "  - metric: live at 10%\n"
				  "- [ ] Call five users #conversion ^dddddd\n";

/* Merge and compare with want; want_rc: 0 clean, n conflicts. */
static void S_expect(const char *b, const char *o, const char *t, int want_rc, const char *want)
{
	struct note_version vb = { b, b ? strlen(b) : 0 }, vo = { o, strlen(o) },
			    vt = { t, strlen(t) };
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	int rc = note_merge(&vb, &vo, &vt, &labels, &out, &err);

	CHECK(rc == want_rc);
	if (rc != want_rc)
		printf("#   rc %d, want %d\n", rc, want_rc);
	CHECK_STR(out.buf, want);
	strbuf_release(&out);
	strbuf_release(&err);
}

/* base with one line replaced: what, by with. */
static char *S_edit(const char *from, const char *what, const char *with)
{
	static char bufs[8][4096];
	static int k;
	char *res = bufs[k++ % 8];
	const char *at = strstr(from, what);

	snprintf(res, 4096, "%.*s%s%s", (int)(at - from), from, with, at + strlen(what));
	return res;
}

static void S_adjacent_ticks(void)
{
	char *o = S_edit(base, "- [ ] Book", "- [x] Book");
	char *t = S_edit(base, "- [ ] Ask Dana", "- [x] Ask Dana");
	char *both = S_edit(o, "- [ ] Ask Dana", "- [x] Ask Dana");

	S_expect(base, o, t, 0, both);
	S_expect(base, t, o, 0, both);
}

static void S_field_and_tick(void)
{
	char *o = S_edit(base, "Book the staging slot ^aaaaaa\n",
			 "Book the staging slot ^aaaaaa\n  - how: direct\n");
	char *t = S_edit(base, "- [ ] Ask Dana", "- [x] Ask Dana");
	char *both = S_edit(o, "- [ ] Ask Dana", "- [x] Ask Dana");

	S_expect(base, o, t, 0, both);
}

static void S_same_item_both_sides(void)
{
	char *o = S_edit(base, "Book the staging slot", "Book the staging slot for Tuesday");
	char *t = S_edit(base, "Book the staging slot", "Book a staging slot for good");
	char *want = S_edit(base, "- [ ] Book the staging slot ^aaaaaa\n",
			    "<<<<<<< HEAD\n"
			    "- [ ] Book the staging slot for Tuesday ^aaaaaa\n"
			    "=======\n"
			    "- [ ] Book a staging slot for good ^aaaaaa\n"
			    ">>>>>>> origin/main\n");

	S_expect(base, o, t, 1, want);
}

static void S_one_item_far_apart_lines(void)
{
	/* the tick and the metric are lines apart within one item: as git does */
	static const char b[] = HEADER "## Focus\n"
				       "- [ ] Ship it #g ^cccccc\n"
				       "  - fallback: flag\n"
				       "  - impact: a lot\n"
				       "  - metric: live at 10%\n";
	char *o = S_edit(b, "- [ ] Ship", "- [x] Ship");
	char *t = S_edit(b, "live at 10%", "live at 20%");
	char *both = S_edit(o, "live at 10%", "live at 20%");

	S_expect(b, o, t, 0, both);
}

static void S_both_added_items(void)
{
	char *o = S_edit(base, "- [ ] Call five users #conversion ^dddddd\n",
			 "- [ ] Call five users #conversion ^dddddd\n- [ ] Write it up ^eeeeee\n");
	char *t = S_edit(base, "- [ ] Call five users #conversion ^dddddd\n",
			 "- [ ] Call five users #conversion ^dddddd\n- [ ] Ask support ^ffffff\n");
	char *want = S_edit(base, "- [ ] Call five users #conversion ^dddddd\n",
			    "- [ ] Call five users #conversion ^dddddd\n- [ ] Write it up ^eeeeee\n"
			    "- [ ] Ask support ^ffffff\n");

	S_expect(base, o, t, 0, want);
}

static void S_conflict_within_item_is_small(void)
{
	/* both reworded the item: its fields, the same on both sides, stay
	 * outside the markers */
	char *o = S_edit(base, "Ship the A/B test #conversion", "Ship the test to 10% #conversion");
	char *t = S_edit(base, "Ship the A/B test #conversion",
			 "Ship the A/B test to staff #conversion");
	char *want = S_edit(base, "- [ ] Ship the A/B test #conversion ^cccccc\n",
			    "<<<<<<< HEAD\n"
			    "- [ ] Ship the test to 10% #conversion ^cccccc\n"
			    "=======\n"
			    "- [ ] Ship the A/B test to staff #conversion ^cccccc\n"
			    ">>>>>>> origin/main\n");

	S_expect(base, o, t, 1, want);
}

static void S_plain_lines_conflict(void)
{
	static const char b[] = HEADER "## Notes\nfirst\nsecond\n";
	char *o = S_edit(b, "first\n", "first, said kim\n");
	char *t = S_edit(b, "second\n", "second, said alice\n");

	/* adjacent lines outside items conflict, as in git */
	S_expect(b, o, t, 1,
		 HEADER "## Notes\n<<<<<<< HEAD\nfirst, said kim\nsecond\n=======\n"
			"first\nsecond, said alice\n>>>>>>> origin/main\n");
}

static void S_one_side_and_same_change(void)
{
	char *o = S_edit(base, "- [ ] Book", "- [x] Book");

	S_expect(base, o, base, 0, o);
	S_expect(base, base, o, 0, o);
	S_expect(base, o, o, 0, o);
}

static void S_added_on_both(void)
{
	S_expect(NULL, HEADER "- a\n", HEADER "- b\n", 1,
		 "<<<<<<< HEAD\n" HEADER "- a\n=======\n" HEADER "- b\n>>>>>>> origin/main\n");
	S_expect(NULL, HEADER "- a\n", HEADER "- a\n", 0, HEADER "- a\n");
}

static void S_crlf(void)
{
	static const char b[] = "## Notes\r\nfirst\r\n";

	S_expect(b, "## Notes\r\nkim\r\n", "## Notes\r\nalice\r\n", 1,
		 "## Notes\r\n<<<<<<< HEAD\r\nkim\r\n=======\r\nalice\r\n>>>>>>> origin/main\r\n");
}

static void S_no_final_newline(void)
{
	S_expect("## Notes\nx", "## Notes\ny", "## Notes\nz", 1,
		 "## Notes\n<<<<<<< HEAD\ny\n=======\nz\n>>>>>>> origin/main\n");
}

int main(void)
{
	S_adjacent_ticks();
	S_field_and_tick();
	S_same_item_both_sides();
	S_one_item_far_apart_lines();
	S_both_added_items();
	S_conflict_within_item_is_small();
	S_plain_lines_conflict();
	S_one_side_and_same_change();
	S_added_on_both();
	S_crlf();
	S_no_final_newline();
	return harness_done();
}
