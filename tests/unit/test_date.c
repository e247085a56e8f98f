/* test_date.c - calendar arithmetic, ISO weeks, working days and slots. */
#include <stdlib.h>

#include "date.h"
#include "harness.h"
#include "schedule.h"

static notes_time T(const char *s)
{
	notes_time t = 0;
	bool has_time;
	if (date_parse(s, strlen(s), &t, &has_time) < 0)
		abort();
	return t;
}

static const char *fmt_time(notes_time t)
{
	static char buf[17];
	date_format_time(t, buf);
	return buf;
}

static const char *fmt_week(notes_time t)
{
	static char buf[9];
	date_format_week(t, buf);
	return buf;
}

static void test_parse(void)
{
	notes_time t;
	bool has_time;

	CHECK(date_parse("2026-11-23", 10, &t, &has_time) == 0 && !has_time);
	CHECK(date_parse("2026-11-23 10:00", 16, &t, &has_time) == 0 && has_time);
	CHECK(date_parse("2026-11-23T10:00", 16, &t, &has_time) == 0 && has_time);
	CHECK_STR(fmt_time(t), "2026-11-23T10:00");
	CHECK(date_parse("2026-02-30", 10, &t, &has_time) == -2);
	CHECK(date_parse("2024-02-29", 10, &t, &has_time) == 0);
	CHECK(date_parse("2100-02-29", 10, &t, &has_time) == -2);
	CHECK(date_parse("2026-11-23T24:00", 16, &t, &has_time) == -2);
	CHECK(date_parse("2026/11/23", 10, &t, &has_time) == -1);
	CHECK(date_parse("26-11-23", 8, &t, &has_time) == -1);
	CHECK(date_parse("2026-11-2x", 10, &t, &has_time) == -1);
}

static void test_weeks(void)
{
	CHECK_STR(fmt_week(T("2026-11-23")), "2026-W48");
	CHECK_STR(fmt_week(T("2021-01-03")), "2020-W53"); /* a Sunday in the last ISO week */
	CHECK_STR(fmt_week(T("2024-12-30")), "2025-W01"); /* Monday of week 1 of 2025 */
	CHECK_STR(fmt_week(T("2026-01-01")), "2026-W01");
	CHECK(date_weekday(T("2026-11-23") / MINUTES_PER_DAY) == 0); /* Monday */
	CHECK(date_weekday(T("2026-11-29") / MINUTES_PER_DAY) == 6); /* Sunday */
}

static void test_working_days(void)
{
	/* Monday meeting: Mon..Fri is five working days counting the meeting day */
	CHECK_STR(fmt_time(date_working_day_end(T("2026-11-23T10:00"), 5)), "2026-11-27T18:00");
	/* Wednesday: Wed Thu Fri Mon Tue */
	CHECK_STR(fmt_time(date_working_day_end(T("2026-11-25T10:00"), 5)), "2026-12-01T18:00");
	/* Saturday: counting starts on Monday */
	CHECK_STR(fmt_time(date_working_day_end(T("2026-11-28T10:00"), 5)), "2026-12-04T18:00");
}

static void test_slots(void)
{
	struct slot s;
	struct meeting_due due;

	CHECK(slot_parse("mon 10:00", &s) == 0 && s.weekday == 0 && s.minutes == 600);
	CHECK(slot_parse("Thursday 14:30", &s) == 0 && s.weekday == 3 && s.minutes == 870);
	CHECK(slot_parse("월 09:00", &s) == 0 && s.weekday == 0);
	CHECK(slot_parse("someday 10:00", &s) < 0);
	CHECK(slot_parse("mon 25:00", &s) < 0);
	CHECK(slot_parse("mon", &s) < 0);
	slot_parse("mon 10:00", &s);
	CHECK_STR(fmt_time(slot_in_week(&s, T("2026-11-26T12:00"))), "2026-11-23T10:00");
	/* this week's slot passed with no note: overdue */
	schedule_next(&s, true, T("2026-11-16T10:00"), T("2026-11-24T09:00"), &due);
	CHECK(due.overdue && due.has_next);
	CHECK_STR(fmt_time(due.next), "2026-11-23T10:00");
	/* held this week: next week's slot */
	schedule_next(&s, true, T("2026-11-23T10:00"), T("2026-11-24T09:00"), &due);
	CHECK(!due.overdue);
	CHECK_STR(fmt_time(due.next), "2026-11-30T10:00");
	/* before the slot on Monday morning: not overdue yet */
	schedule_next(&s, true, T("2026-11-16T10:00"), T("2026-11-23T08:00"), &due);
	CHECK(!due.overdue);
	/* no slot: a week after the last meeting */
	schedule_next(NULL, true, T("2026-11-16T10:00"), T("2026-11-24T09:00"), &due);
	CHECK(due.overdue);
	CHECK_STR(fmt_time(due.next), "2026-11-23T10:00");
}

/* GIT_*_DATE as git reads it (and the start of a day, below 1970 too). */
static void test_git_dates(void)
{
	int64_t secs = 0;
	int off = 99;

	CHECK(date_parse_git("@1700000000", &secs, &off) == 0 && secs == 1700000000 && off == 0);
	CHECK(date_parse_git("1700000000 +0200", &secs, &off) == 0 && off == 120);
	CHECK(date_parse_git("2026-11-23T10:00:00Z", &secs, &off) == 0 && off == 0);
	CHECK(secs == (date_days_from_civil(2026, 11, 23) * 86400 + 36000));
	CHECK(date_parse_git("2026-11-23 10:00-05:30", &secs, &off) == 0 && off == -330);
	CHECK(secs == (date_days_from_civil(2026, 11, 23) * 86400 + 36000 + 330 * 60));
	CHECK(date_parse_git("garbage", &secs, &off) < 0);
	CHECK(date_parse_git("2026-13-45T10:00:00", &secs, &off) < 0);
	CHECK(date_parse_git("2026-11-23T10:00:00+99:99", &secs, &off) < 0);
	CHECK(date_parse_git("1700000000", &secs, &off) < 0); /* a bare number needs @ */
	CHECK(date_start_of_day(T("2026-11-23T10:00")) == T("2026-11-23"));
	CHECK(date_start_of_day(-1) == -MINUTES_PER_DAY);
	CHECK(date_day_of(-1) == -1 && date_day_of(0) == 0);
}

int main(void)
{
	test_git_dates();
	test_parse();
	test_weeks();
	test_working_days();
	test_slots();
	return harness_done();
}
