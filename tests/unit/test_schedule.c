/* test_schedule.c - the weekly slot of a 1:1 and when meetings fall due. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "schedule.h"

static notes_time T(const char *s)
{
	notes_time t = 0;
	bool has_time;

	date_parse(s, strlen(s), &t, &has_time);
	return t;
}

static void test_slot_parse(void)
{
	struct slot s;

	CHECK(slot_parse("mon 10:00", &s) == 0 && s.weekday == 0 && s.minutes == 600);
	CHECK(slot_parse("Tuesday 9:30", &s) == 0 && s.weekday == 1 && s.minutes == 570);
	CHECK(slot_parse("fri. 17:05", &s) == 0 && s.weekday == 4 && s.minutes == 17 * 60 + 5);
	CHECK(slot_parse("월 10:00", &s) == 0 && s.weekday == 0);
	CHECK(slot_parse("목요일 14:00", &s) == 0 && s.weekday == 3 && s.minutes == 840);
	CHECK(slot_parse("  sun 23:59  ", &s) == 0 && s.weekday == 6);
	CHECK(slot_parse("mon 24:00", &s) < 0);
	CHECK(slot_parse("mon 10:60", &s) < 0);
	CHECK(slot_parse("someday 10:00", &s) < 0);
	CHECK(slot_parse("mon", &s) < 0);
	CHECK(slot_parse("mon 10:00 extra", &s) < 0);
}

/* The days' names come from the vocabulary of both languages. */
static void test_slot_day_names(void)
{
	static const char *const en[] = {
		"Monday", "tues", "WED", "Thurs", "fri.", "sat", "sunday"
	};
	static const char *const ko[] = {
		"월요일", "화", "수요일", "목", "금요일", "토", "일요일"
	};
	char buf[64];
	struct slot s;
	int d;

	for (d = 0; d < 7; d++) {
		snprintf(buf, sizeof(buf), "%s 9:00", en[d]);
		CHECK(slot_parse(buf, &s) == 0 && s.weekday == d && s.minutes == 540);
		snprintf(buf, sizeof(buf), "%s 9:00", ko[d]);
		CHECK(slot_parse(buf, &s) == 0 && s.weekday == d && s.minutes == 540);
	}
	/* a word is a day's name, or it is no day */
	CHECK(slot_parse("mon요일 10:00", &s) < 0);
	CHECK(slot_parse("mond 10:00", &s) < 0);
	CHECK(slot_parse("월욜일 10:00", &s) < 0);
	CHECK(slot_parse(". 10:00", &s) < 0);
}

static void test_slot_in_week(void)
{
	struct slot s = { 0, 600 };

	/* the ISO week: Monday to Sunday */
	CHECK(slot_in_week(&s, T("2026-11-25T12:00")) == T("2026-11-23T10:00"));
	CHECK(slot_in_week(&s, T("2026-11-29T23:59")) == T("2026-11-23T10:00"));
	CHECK(slot_in_week(&s, T("2026-11-30T00:00")) == T("2026-11-30T10:00"));
	s.weekday = 6;
	CHECK(slot_in_week(&s, T("2026-11-23T00:00")) == T("2026-11-29T10:00"));
}

static void test_next(void)
{
	struct slot s = { 0, 600 }; /* mon 10:00 */
	struct meeting_due d;

	/* held this week: next week's slot */
	schedule_next(&s, true, T("2026-11-23T10:00"), T("2026-11-25T09:00"), &d);
	CHECK(d.has_next && d.next == T("2026-11-30T10:00") && !d.overdue);
	/* not held, the slot passed: this week's, overdue */
	schedule_next(&s, true, T("2026-11-16T10:00"), T("2026-11-25T09:00"), &d);
	CHECK(d.has_next && d.next == T("2026-11-23T10:00") && d.overdue);
	/* not held, the slot still ahead: this week's, not overdue */
	schedule_next(&s, true, T("2026-11-16T10:00"), T("2026-11-23T08:00"), &d);
	CHECK(d.next == T("2026-11-23T10:00") && !d.overdue);
	/* never held */
	schedule_next(&s, false, 0, T("2026-11-23T11:00"), &d);
	CHECK(d.next == T("2026-11-23T10:00") && d.overdue);
	/* no slot: a week after the last meeting */
	schedule_next(NULL, true, T("2026-11-16T10:00"), T("2026-11-25T09:00"), &d);
	CHECK(d.has_next && d.next == T("2026-11-23T10:00") && d.overdue);
	schedule_next(NULL, false, 0, T("2026-11-25T09:00"), &d);
	CHECK(!d.has_next && !d.overdue);
}

int main(void)
{
	test_slot_parse();
	test_slot_day_names();
	test_slot_in_week();
	test_next();
	return harness_done();
}
