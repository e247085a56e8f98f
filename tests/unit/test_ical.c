/* test_ical.c - the iCalendar writer: events, to-dos, alarms, UIDs, folding. */
#include <stdlib.h>

#include "harness.h"
#include "ical.h"

static notes_time T(const char *s)
{
	notes_time t = 0;
	bool has_time;
	if (date_parse(s, strlen(s), &t, &has_time) < 0)
		abort();
	return t;
}

/* The text with folded lines joined again (RFC 5545 3.1: CRLF + space). */
static void unfold(const struct strbuf *in, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < in->len; i++) {
		if (in->buf[i] == '\r' && i + 2 < in->len && in->buf[i + 1] == '\n' &&
		    in->buf[i + 2] == ' ') {
			i += 2;
			continue;
		}
		strbuf_addch(out, in->buf[i]);
	}
}

/* Every line ends in CRLF and holds at most 75 octets; a folded line
 * never splits a UTF-8 sequence (its continuation starts with a space
 * and then a lead byte, not a continuation byte). */
static bool lines_are_rfc5545(const struct strbuf *s)
{
	size_t start = 0, i;

	for (i = 0; i < s->len; i++) {
		if (s->buf[i] != '\n')
			continue;
		if (i == 0 || s->buf[i - 1] != '\r' || i - 1 - start > 75)
			return false;
		if (i + 2 < s->len && s->buf[i + 1] == ' ' &&
		    ((unsigned char)s->buf[i + 2] & 0xc0) == 0x80)
			return false;
		start = i + 1;
	}
	return start == s->len;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

static const struct ical_meeting meetings[] = {
	{ "alice", "1:1 Kim / Alice",
	  "What is blocking you right now?\nWhat should I help with within 48 hours?\n"
	  "What will you focus on for the next 5 days?",
	  0, 0 },
	{ "minji", "1:1 Kim / 민지", NULL, 0, 60 },
};

static void test_calendar(void)
{
	struct ical_meeting m[2];
	struct ical_item items[3] = {
		{ ICAL_SUPPORT, "p8w2rt", "Ask the platform team, for a staging slot; now",
		  "Support for Alice Park", 0, 0, 0 },
		{ ICAL_FOCUS, "h4c6yn", "Call five churned users", NULL, 0, 0, 1 },
		{ ICAL_FOCUS, "x7x7x7",
		  "이탈한 사용자 다섯 명에게 전화해서 해지 이유를 듣고, 결과를 팀 문서에 정리한다 "
		  "\x1b[2J and then some",
		  NULL, 0, 0, 0 },
	};
	struct ical_calendar cal = {
		"-//notes//test//EN", "1:1s of Kim", "kim <kim@example.com>", 0, m, 2, items, 3
	};
	struct strbuf out = STRBUF_INIT, flat = STRBUF_INIT, err = STRBUF_INIT;
	const char *s;

	memcpy(m, meetings, sizeof(m));
	m[0].start = T("2026-11-23T10:00");
	m[1].start = T("2026-11-26T14:30");
	items[0].start = items[1].start = items[2].start = T("2026-11-23T10:00");
	items[0].due = T("2026-11-25T10:00");
	items[1].due = T("2026-11-27T18:00");
	items[2].due = T("2026-11-27T18:00");
	cal.stamp = T("2026-11-23T09:00");

	CHECK(ical_write(&cal, &out, &err) == 0);
	CHECK(lines_are_rfc5545(&out));
	unfold(&out, &flat);
	s = flat.buf;
	CHECK(!strncmp(s, "BEGIN:VCALENDAR\r\n", 17));
	CHECK(strstr(s, "\r\nEND:VCALENDAR\r\n") != NULL);
	CHECK(strstr(s, "\r\nVERSION:2.0\r\n") != NULL);
	CHECK(strstr(s, "\r\nPRODID:-//notes//test//EN\r\n") != NULL);
	CHECK(strstr(s, "\r\nX-WR-CALNAME:1:1s of Kim\r\n") != NULL);
	CHECK(count(s, "BEGIN:VEVENT") == 2);
	CHECK(count(s, "BEGIN:VTODO") == 3);
	CHECK(count(s, "RRULE:FREQ=WEEKLY\r\n") == 2);
	/* floating times: no Z, no TZID; 45 minutes unless given */
	CHECK(strstr(s, "\r\nDTSTART:20261123T100000\r\n") != NULL);
	CHECK(strstr(s, "\r\nDTEND:20261123T104500\r\n") != NULL);
	CHECK(strstr(s, "\r\nDTSTART:20261126T143000\r\n") != NULL);
	CHECK(strstr(s, "\r\nDTEND:20261126T153000\r\n") != NULL);
	CHECK(!strstr(s, "TZID"));
	CHECK(strstr(s, "\r\nDTSTAMP:20261123T090000Z\r\n") != NULL);
	/* the questions as three lines of one DESCRIPTION */
	CHECK(strstr(s,
		     "DESCRIPTION:What is blocking you right now?\\nWhat should I help with "
		     "within 48 hours?\\nWhat will you focus on for the next 5 days?\r\n") != NULL);
	CHECK(strstr(s, "\r\nSUMMARY:1:1 Kim / 민지\r\n") != NULL);
	/* to-dos: due times, text escaped as RFC 5545 says, one alarm */
	CHECK(strstr(s, "\r\nDUE:20261125T100000\r\n") != NULL);
	CHECK(count(s, "\r\nDUE:20261127T180000\r\n") == 2);
	CHECK(strstr(s, "SUMMARY:Ask the platform team\\, for a staging slot\\; now\r\n") != NULL);
	CHECK(count(s, "BEGIN:VALARM") == 1);
	CHECK(strstr(s, "\r\nTRIGGER;RELATED=END:-PT4H\r\n") != NULL);
	CHECK(strstr(s, "\r\nACTION:DISPLAY\r\n") != NULL);
	CHECK(strstr(s, "\r\nSTATUS:IN-PROCESS\r\n") != NULL);
	CHECK(count(s, "\r\nSTATUS:NEEDS-ACTION\r\n") == 2);
	/* the long Korean line was folded, and unfolds to the text */
	CHECK(out.len > flat.len);
	CHECK(strstr(s, "SUMMARY:이탈한 사용자 다섯 명에게 전화해서 해지 이유를 듣고\\, 결과를 팀 "
			"문서에 정리한다 \\\\x1b[2J and then some\r\n") != NULL);
	CHECK(!memchr(out.buf, '\x1b', out.len));
	CHECK(strstr(s, "\r\nUID:meeting-alice.") != NULL);
	CHECK(strstr(s, "\r\nUID:item-p8w2rt.") != NULL);
	strbuf_release(&out);
	strbuf_release(&flat);
	strbuf_release(&err);
}

static void test_uids(void)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	ical_uid(&a, "item", "p8w2rt", "kim <kim@example.com>");
	ical_uid(&b, "item", "p8w2rt", "kim <kim@example.com>");
	CHECK_STR(a.buf, b.buf);
	CHECK(!strncmp(a.buf, "item-p8w2rt.", 12) && strstr(a.buf, "@notes"));
	ical_uid(&b, "item", "p8w2rt", "lee <lee@example.com>");
	CHECK(strcmp(a.buf, b.buf) != 0);
	ical_uid(&b, "item", "h4c6yn", "kim <kim@example.com>");
	CHECK(strcmp(a.buf, b.buf) != 0);
	/* the hash does not depend on the machine: FNV-1a of "" */
	ical_uid(&a, "meeting", "alice", NULL);
	CHECK_STR(a.buf, "meeting-alice.cbf29ce484222325@notes");
	strbuf_release(&a);
	strbuf_release(&b);
}

int main(void)
{
	test_calendar();
	test_uids();
	return harness_done();
}
