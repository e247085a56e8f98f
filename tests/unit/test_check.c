/* test_check.c - check_note: each problem code on the smallest note that
 * has it, at its line, and a clean note that has none. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "harness.h"
#include "note.h"
#include "vocab.h"

#define FRONT "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n"

/* Every section, every field: no problem at all. */
static const char clean[] = FRONT "Purpose: ship the test.\n"
				  "## Goals\n"
				  "- #conv Raise conversion\n"
				  "## Review\n"
				  "- [x] Ship the test #conv ^aaaaaa\n"
				  "## Blockers\n"
				  "- Slow staging #infra\n"
				  "  - kind: environment\n"
				  "  - impact: one deploy a day\n"
				  "## Support\n"
				  "- [ ] Book a room ^bbbbbb\n"
				  "## Focus\n"
				  "- [ ] Call five users #conv ^cccccc\n"
				  "  - metric: calls\n"
				  "## Feedback\n"
				  "- Clear write-up; next time add the numbers.\n";

static const char previous[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-16 10:00\n---\n"
			       "## Focus\n"
			       "- [ ] Ship the test #conv ^aaaaaa\n"
			       "- [ ] Forgotten item ^dddddd\n"
			       "- [x] Done already ^eeeeee\n";

static bool S_known(const char *id, void *data)
{
	(void)data;
	return !strcmp(id, "alice") || !strcmp(id, "kim");
}

/* The problems of text with the previous notes prev[0, nprev), newest first. */
static void S_check_after(const char *text, const char *const *prev, size_t nprev, int max_focus,
			  struct diag *out)
{
	/* a path that names no person: the front matter's person is the note's */
	struct note_options opts = { "2026-11-23.md", "kim" };
	struct note note, before[2];
	const struct note *p[2] = { &before[0], &before[1] };
	struct check_context cc = { NULL, 0, max_focus, S_known, NULL, false };
	struct strbuf err = STRBUF_INIT;
	size_t i;

	memset(out, 0, sizeof(*out));
	CHECK(note_parse(&note, text, strlen(text), &opts, &err) == 0);
	for (i = 0; i < nprev; i++)
		CHECK(note_parse(&before[i], prev[i], strlen(prev[i]), NULL, &err) == 0);
	cc.previous = nprev ? p : NULL;
	cc.nprevious = nprev;
	check_note(&note, &cc, out);
	note_release(&note);
	for (i = 0; i < nprev; i++)
		note_release(&before[i]);
	strbuf_release(&err);
}

/* The problems of text (with prev as the previous note when set). */
static void S_check(const char *text, const char *prev, int max_focus, struct diag *out)
{
	S_check_after(text, &prev, prev ? 1 : 0, max_focus, out);
}

/* How many problems of code, and the line of the first. */
static size_t S_count(const struct diag *d, const char *code, int *line)
{
	size_t i, n = 0;

	for (i = 0; i < d->nr; i++)
		if (!strcmp(d->list[i].code, code)) {
			if (!n && line)
				*line = d->list[i].line;
			n++;
		}
	return n;
}

/* text (a variant of the clean note) has exactly one problem: code, at line. */
static void S_expect(const char *what, const char *text, const char *prev, const char *code,
		     enum severity sev, int line)
{
	struct diag d;
	int got = 0;

	S_check(text, prev, 0, &d);
	CHECK(S_count(&d, code, &got) >= 1);
	CHECK(got == line);
	CHECK(d.nr && d.list[0].severity == sev);
	if (d.nr != 1 || strcmp(d.list[0].code, code) || got != line) {
		size_t i;
		printf("#   %s: want only %s at line %d, got:\n", what, code, line);
		for (i = 0; i < d.nr; i++)
			printf("#     %d: %s %s\n", d.list[i].line, d.list[i].code,
			       d.list[i].message);
	}
	CHECK(d.nr == 1);
	diag_release(&d);
}

/* clean with the first occurrence of from replaced by to. */
static char *S_edit(const char *from, const char *to)
{
	const char *at = strstr(clean, from);
	size_t len = strlen(clean) - strlen(from) + strlen(to) + 1;
	char *s = malloc(len);

	CHECK(at != NULL);
	snprintf(s, len, "%.*s%s%s", (int)(at - clean), clean, to, at + strlen(from));
	return s;
}

#define EXPECT(what, from, to, prev, code, sev, line)                                              \
	do {                                                                                       \
		char *s_ = S_edit(from, to);                                                       \
		S_expect(what, s_, prev, code, sev, line);                                         \
		free(s_);                                                                          \
	} while (0)

static void test_clean(void)
{
	struct diag d;

	S_check(clean, NULL, 0, &d);
	CHECK(d.nr == 0);
	diag_release(&d);
	/* the previous note's open items are all in the review but one */
	S_check(clean, previous, 0, &d);
	CHECK(S_count(&d, "loop-broken", NULL) == 1);
	CHECK(d.nr == 1);
	diag_release(&d);
}

static void test_each_code(void)
{
	EXPECT("front matter", "leader: kim\n", "", NULL, "bad-front-matter", SEVERITY_ERROR, 1);
	EXPECT("date", "date: 2026-11-23 10:00", "date: 2026-02-30 10:00", NULL, "bad-date",
	       SEVERITY_ERROR, 4);
	EXPECT("duplicate id", "^bbbbbb", "^aaaaaa", NULL, "duplicate-id", SEVERITY_ERROR, 16);
	EXPECT("unreviewed", "- [x] Ship the test", "- [ ] Ship the test", NULL, "unreviewed",
	       SEVERITY_ERROR, 10);
	EXPECT("missing learning", "- [x] Ship the test #conv ^aaaaaa\n",
	       "- [~] Ship the test #conv ^aaaaaa\n  - cause: execution\n", NULL,
	       "missing-learning", SEVERITY_WARNING, 10);
	EXPECT("no focus", "- [ ] Call five users #conv ^cccccc\n  - metric: calls\n", "", NULL,
	       "no-focus", SEVERITY_WARNING, 17);
	EXPECT("no metric", "  - metric: calls\n", "", NULL, "no-metric", SEVERITY_WARNING, 18);
	EXPECT("no goal", "Call five users #conv", "Call five users", NULL, "no-goal",
	       SEVERITY_WARNING, 18);
	EXPECT("unknown goal", "Call five users #conv", "Call five users #conv #other", NULL,
	       "unknown-goal", SEVERITY_WARNING, 18);
	EXPECT("support late", "Book a room", "Book a room due:2026-11-30", NULL, "support-late",
	       SEVERITY_WARNING, 16);
	EXPECT("blocker unclassified", "  - kind: environment\n", "", NULL, "blocker-unclassified",
	       SEVERITY_WARNING, 12);
	EXPECT("no feedback", "- Clear write-up; next time add the numbers.\n", "", NULL,
	       "no-feedback", SEVERITY_WARNING, 20);
	EXPECT("unknown owner", "Book a room", "Book a room @zed", NULL, "unknown-person",
	       SEVERITY_WARNING, 16);
	EXPECT("unknown person", "person: alice", "person: bob", NULL, "unknown-person",
	       SEVERITY_WARNING, 1);
	EXPECT("missing section",
	       "## Blockers\n- Slow staging #infra\n  - kind: environment\n"
	       "  - impact: one deploy a day\n",
	       "", NULL, "missing-section", SEVERITY_WARNING, 1);
	EXPECT("bad status", "- [ ] Book a room", "- [?] Book a room", NULL, "bad-status",
	       SEVERITY_ERROR, 16);
}

/* The finer checks: purpose, feedback, what a blocker costs. */
static void test_finer_codes(void)
{
	struct diag d;
	char *s;

	EXPECT("no purpose line", "Purpose: ship the test.\n", "", NULL, "no-purpose",
	       SEVERITY_WARNING, 1);
	EXPECT("no purpose line, at the title", "Purpose: ship the test.\n", "# 1:1 Alice\n", NULL,
	       "no-purpose", SEVERITY_WARNING, 6);
	EXPECT("empty purpose", "Purpose: ship the test.", "Purpose:  ", NULL, "no-purpose",
	       SEVERITY_WARNING, 6);
	EXPECT("empty Korean purpose", "Purpose: ship the test.", "목적:", NULL, "no-purpose",
	       SEVERITY_WARNING, 6);
	EXPECT("vague feedback", "- Clear write-up; next time add the numbers.\n",
	       "- Good job!\n- Next time add the numbers.\n", NULL, "vague-feedback",
	       SEVERITY_WARNING, 21);
	EXPECT("vague Korean feedback", "- Clear write-up; next time add the numbers.\n",
	       "- 정말 잘했어요!\n- 다음에는 숫자를 먼저 보여 주세요.\n", NULL, "vague-feedback",
	       SEVERITY_WARNING, 21);
	EXPECT("feedback not forward", "Clear write-up; next time add the numbers.",
	       "Clear write-up.", NULL, "feedback-not-forward", SEVERITY_WARNING, 20);
	EXPECT("blocker without impact", "  - impact: one deploy a day\n", "", NULL,
	       "blocker-no-impact", SEVERITY_WARNING, 12);
	/* none of them on what is specific, forward, resolved or written in Korean */
	static const char *const fine[][2] = {
		{ "Purpose: ship the test.", "목적: 테스트 출시" },
		{ "Purpose: ship the test.", "**Purpose:** ship the test." },
		{ "- Clear write-up; next time add the numbers.",
		  "- Good call to stop the rollout when the error rate moved. Keep doing that." },
		{ "- Clear write-up; next time add the numbers.",
		  "- 지난주 데이터 분석 방식이 전환율 원인 파악에 효과적이었다. 다음 실행에서는 "
		  "이 방식을 어떻게 확장할 수 있을까요?" },
		{ "- Slow staging #infra\n  - kind: environment\n  - impact: one deploy a day\n",
		  "- [x] Slow staging #infra\n  - kind: environment\n" },
	};
	for (size_t i = 0; i < sizeof(fine) / sizeof(*fine); i++) {
		s = S_edit(fine[i][0], fine[i][1]);
		S_check(s, NULL, 0, &d);
		CHECK(d.nr == 0);
		if (d.nr)
			printf("#   '%s': %s\n", fine[i][1], d.list[0].code);
		diag_release(&d);
		free(s);
	}
}

/* A blocker of this week in each of the two previous notes, by #tag or by text. */
static void test_recurring_blocker(void)
{
	static const char before[] =
		"---\nperson: alice\nleader: kim\ndate: 2026-11-09 10:00\n---\n"
		"## Blockers\n- Slow staging #infra\n- Staging is   SLOW\n";
	static const char last[] =
		"---\nperson: alice\nleader: kim\ndate: 2026-11-16 10:00\n---\n"
		"## Blockers\n- [x] Deploys are slow #infra\n- staging is slow\n";
	static const char once[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-16 10:00\n---\n"
				   "## Blockers\n- Something else\n";
	const char *both[2] = { last, before }, *one[2] = { once, before };
	struct diag d;
	int line = 0;
	char *s;

	S_check_after(clean, both, 2, 0, &d);
	CHECK(S_count(&d, "recurring-blocker", &line) == 1 && line == 12);
	CHECK(d.nr == 1 && strstr(d.list[0].message, "(#infra)") &&
	      strstr(d.list[0].message, "2026-11-09 and 2026-11-16"));
	diag_release(&d);
	/* scope: week is this week's; structural is already said */
	s = S_edit("  - kind: environment\n", "  - kind: environment\n  - 범위: 이번 주\n");
	S_check_after(s, both, 2, 0, &d);
	CHECK(S_count(&d, "recurring-blocker", NULL) == 1 && d.nr == 1);
	diag_release(&d);
	free(s);
	s = S_edit("  - kind: environment\n", "  - kind: environment\n  - scope: structural\n");
	S_check_after(s, both, 2, 0, &d);
	CHECK(d.nr == 0);
	diag_release(&d);
	free(s);
	/* by text, case and spacing aside */
	s = S_edit("Slow staging #infra", "Staging is slow");
	S_check_after(s, both, 2, 0, &d);
	CHECK(S_count(&d, "recurring-blocker", &line) == 1 && line == 12);
	diag_release(&d);
	free(s);
	/* in only one of the two, or with one previous note: not recurring */
	S_check_after(clean, one, 2, 0, &d);
	CHECK(d.nr == 0);
	diag_release(&d);
	S_check_after(clean, both, 1, 0, &d);
	CHECK(S_count(&d, "recurring-blocker", NULL) == 0);
	diag_release(&d);
	/* a blocker resolved this week is not asked about */
	s = S_edit("- Slow staging", "- [x] Slow staging");
	S_check_after(s, both, 2, 0, &d);
	CHECK(d.nr == 0);
	diag_release(&d);
	free(s);
}

static void test_context(void)
{
	static const char four[] = "  - metric: calls\n"
				   "- [ ] Two #conv ^ffffff\n  - metric: m\n"
				   "- [ ] Three #conv ^gggggg\n  - metric: m\n"
				   "- [ ] Four #conv ^hhhhhh\n  - metric: m\n";
	char *s = S_edit("  - metric: calls\n", four);
	struct diag d;
	int line = 0;

	/* too-many-focus: at the first item past journal.maxfocus */
	S_check(s, NULL, 0, &d);
	CHECK(S_count(&d, "too-many-focus", &line) == 1 && line == 24);
	diag_release(&d);
	S_check(s, NULL, 4, &d);
	CHECK(S_count(&d, "too-many-focus", NULL) == 0);
	diag_release(&d);
	S_check(s, NULL, 2, &d);
	CHECK(S_count(&d, "too-many-focus", &line) == 1 && line == 22);
	diag_release(&d);
	free(s);
	/* loop-broken names the forgotten item, on the review's heading */
	S_check(clean, previous, 0, &d);
	CHECK(S_count(&d, "loop-broken", &line) == 1 && line == 9);
	CHECK(d.nr == 1 && strstr(d.list[0].message, "^dddddd") != NULL);
	diag_release(&d);
	/* without a previous note, a missing review section is no problem;
	 * with one, it is */
	s = S_edit("## Review\n- [x] Ship the test #conv ^aaaaaa\n", "");
	S_check(s, NULL, 0, &d);
	CHECK(d.nr == 0);
	diag_release(&d);
	S_check(s, previous, 0, &d);
	CHECK(S_count(&d, "missing-section", NULL) == 1);
	CHECK(S_count(&d, "loop-broken", NULL) == 2);
	diag_release(&d);
	free(s);
}

int main(void)
{
	test_clean();
	test_each_code();
	test_finer_codes();
	test_recurring_blocker();
	test_context();
	vocab_release();
	return harness_done();
}
