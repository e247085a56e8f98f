/* test_report.c - the HTML renderer of struct review_report: escaping, the
 * order of the team, the strip of weeks, languages, figures. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "report.h"

static notes_time S_at(const char *s)
{
	notes_time t = 0;
	bool has_time;

	date_parse(s, strlen(s), &t, &has_time);
	return t;
}

static char *S_dup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(malloc(n), s, n);
}

/* A review of person from since to until with a meeting in each of weeks
 * (ISO names, in order): no lists but the weeks. */
static void S_review(struct review_report *r, const char *person, const char *since,
		     const char *until, const char *const *weeks, size_t n)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	r->person = S_dup(person);
	r->since = S_at(since);
	r->until = S_at(until);
	r->has_since = r->has_until = true;
	r->meetings.held = n;
	r->weeks = calloc(n + 1, sizeof(*r->weeks));
	r->nweeks = n;
	for (i = 0; i < n; i++) {
		snprintf(r->weeks[i].week, sizeof(r->weeks[i].week), "%s", weeks[i]);
		snprintf(r->weeks[i].date, sizeof(r->weeks[i].date), "%s", since);
		r->weeks[i].focus = 2;
		r->weeks[i].done = 1;
	}
}

static const char *S_render(struct strbuf *out, const char *lang, bool team,
			    const struct review_report *r, size_t n, const char *now)
{
	struct review_range g = { 0, 0, false, false, S_at(now) };
	struct strbuf err = STRBUF_INIT;

	strbuf_reset(out);
	CHECK(report_render(out, NULL, lang, team, &g, r, n, &err) == 0);
	if (err.len)
		printf("# %s\n", err.buf);
	strbuf_release(&err);
	return out->buf;
}

static void test_escaping(void)
{
	static const char *const weeks[] = { "2026-W45" };
	struct review_report r;
	struct strbuf out = STRBUF_INIT;

	S_review(&r, "amy", "2026-11-02", "2026-11-08", weeks, 1);
	r.learnings = calloc(1, sizeof(*r.learnings));
	r.nlearnings = 1;
	r.learnings[0].text = S_dup("<script>alert(1)</script>");
	r.learnings[0].learning = S_dup("\"quoted\" & <b>bold</b>");
	r.learnings[0].cause = S_dup("execution");
	snprintf(r.learnings[0].week, sizeof(r.learnings[0].week), "2026-W45");
	r.feedback = calloc(1, sizeof(*r.feedback));
	r.nfeedback = 1;
	r.feedback[0].text = S_dup("</section><h1>x</h1>");
	snprintf(r.feedback[0].week, sizeof(r.feedback[0].week), "2026-W45");
	r.carried = calloc(1, sizeof(*r.carried));
	r.ncarried = 1;
	r.carried[0].id = S_dup("abc123");
	r.carried[0].text = S_dup("bad \xff byte");
	r.carried[0].weeks = 3;
	S_render(&out, "en", false, &r, 1, "2026-11-09T09:00");
	CHECK(strstr(out.buf, "<script") == NULL);
	CHECK(strstr(out.buf, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(out.buf, "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;") != NULL);
	CHECK(strstr(out.buf, "&lt;/section&gt;&lt;h1&gt;x&lt;/h1&gt;") != NULL);
	CHECK(strstr(out.buf, "<h1>x") == NULL);
	/* a byte that is not UTF-8 becomes U+FFFD, never a broken page */
	CHECK(strstr(out.buf, "bad \xef\xbf\xbd byte") != NULL);
	CHECK(strstr(out.buf, "<span class=\"cause execution\">execution</span>") != NULL);
	CHECK(strstr(out.buf, "data-carried=\"1\"") != NULL);
	review_report_release(&r);
	strbuf_release(&out);
}

static const char *S_pos(const char *page, const char *person)
{
	char key[64];
	const char *p;

	snprintf(key, sizeof(key), "<section class=\"person\" id=\"person-%s\"", person);
	p = strstr(page, key);
	return p ? p : page + strlen(page);
}

static void test_team_order(void)
{
	static const char *const all[] = { "2026-W45", "2026-W46", "2026-W47" };
	static const char *const gap[] = { "2026-W45", "2026-W47" };
	struct review_report r[4];
	struct strbuf out = STRBUF_INIT;
	const char *page;
	size_t i;

	S_review(&r[0], "ann", "2026-11-02", "2026-11-22", all, 3); /* fine */
	S_review(&r[1], "bea", "2026-11-02", "2026-11-22", all, 3);
	r[1].support.late = 2; /* late support: first */
	S_review(&r[2], "cid", "2026-11-02", "2026-11-22", gap, 2); /* a week skipped */
	S_review(&r[3], "dot", "2026-11-02", "2026-11-22", all, 3);
	r[0].focus.has_rate = r[3].focus.has_rate = true;
	r[0].focus.rate = 0.9;
	r[3].focus.rate = 0.5; /* less done than ann: before her */
	page = S_render(&out, "en", true, r, 4, "2026-11-23T09:00");
	CHECK(S_pos(page, "bea") < S_pos(page, "cid"));
	CHECK(S_pos(page, "cid") < S_pos(page, "dot"));
	CHECK(S_pos(page, "dot") < S_pos(page, "ann"));
	CHECK(*S_pos(page, "ann"));
	CHECK(strstr(page, "<section class=\"team\">") != NULL);
	CHECK(strstr(page, "<tr class=\"person-row attention\" data-person=\"bea\"") != NULL);
	CHECK(strstr(page, "<tr class=\"person-row attention\" data-person=\"cid\"") != NULL);
	CHECK(strstr(page, "<tr class=\"person-row\" data-person=\"ann\"") != NULL);
	CHECK(strstr(page, "data-focus-rate=\"0.9\"") != NULL);
	CHECK(strstr(page, "<td class=\"num\">90%</td>") != NULL);
	/* one person alone: no team table */
	page = S_render(&out, "en", false, r, 1, "2026-11-23T09:00");
	CHECK(strstr(page, "<section class=\"team\">") == NULL);
	for (i = 0; i < 4; i++)
		review_report_release(&r[i]);
	strbuf_release(&out);
}

static size_t S_count(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static void test_strip(void)
{
	static const char *const weeks[] = { "2026-W45", "2026-W47" };
	struct review_report r;
	struct strbuf out = STRBUF_INIT;
	const char *page;

	/* W45 held, W46 skipped, W47 held, W48 the week of now: not yet due */
	S_review(&r, "amy", "2026-11-02", "2026-11-23", weeks, 2);
	r.meetings.weeks = 4;
	page = S_render(&out, "en", false, &r, 1, "2026-11-23T09:00");
	CHECK(S_count(page, "data-state=\"held\"") == 2);
	CHECK(strstr(page, "data-week=\"2026-W46\" data-state=\"skipped\"") != NULL);
	CHECK(strstr(page, "data-week=\"2026-W48\" data-state=\"upcoming\"") != NULL);
	CHECK(strstr(page, "data-meetings-skipped=\"1\"") != NULL);
	CHECK(S_count(page, "<g class=\"week\"") == 2);
	CHECK(strstr(page, ">W45</text>") != NULL);
	/* a week later W48 has passed without a meeting */
	page = S_render(&out, "en", false, &r, 1, "2026-11-30T09:00");
	CHECK(strstr(page, "data-week=\"2026-W48\" data-state=\"skipped\"") != NULL);
	CHECK(strstr(page, "data-meetings-skipped=\"2\"") != NULL);
	review_report_release(&r);

	/* no meeting and no range: no charts at all */
	S_review(&r, "dan", "2026-11-02", "2026-11-23", NULL, 0);
	r.has_since = false;
	page = S_render(&out, "en", false, &r, 1, "2026-11-23T09:00");
	CHECK(strstr(page, "<svg") == NULL);
	CHECK(strstr(page, "No meeting in this range.") != NULL);
	CHECK(strstr(page, "data-focus-rate=\"\"") != NULL);
	review_report_release(&r);
	strbuf_release(&out);
}

static void test_languages(void)
{
	static const char *const weeks[] = { "2026-W45" };
	struct review_report r;
	struct strbuf out = STRBUF_INIT;
	const char *page;

	S_review(&r, "minji", "2026-11-02", "2026-11-08", weeks, 1);
	r.focus.total = 14;
	r.focus.done = 9;
	r.focus.has_rate = true;
	r.focus.rate = 9.0 / 14.0;
	page = S_render(&out, "ko", false, &r, 1, "2026-11-09T09:00");
	CHECK(!strncmp(page, "<!DOCTYPE html>\n<html lang=\"ko\">", 32));
	CHECK(strstr(page, "<dt>집중할 실행</dt>") != NULL);
	CHECK(strstr(page, "(64%)") != NULL);
	CHECK(strstr(page, "data-focus-done=\"9\"") != NULL);
	page = S_render(&out, "en", false, &r, 1, "2026-11-09T09:00");
	CHECK(strstr(page, "<html lang=\"en\">") != NULL);
	CHECK(strstr(page, "<dt>Focus</dt>") != NULL);
	/* an unknown language falls back to English */
	page = S_render(&out, "xx", false, &r, 1, "2026-11-09T09:00");
	CHECK(strstr(page, "<dt>Focus</dt>") != NULL);
	review_report_release(&r);
	strbuf_release(&out);
}

int main(void)
{
	test_escaping();
	test_team_order();
	test_strip();
	test_languages();
	return harness_done();
}
