/* ical.c - an RFC 5545 calendar of 1:1 meetings and open items, written
 * with libical (the only file that includes it). */
#include "ical.h"

#include <inttypes.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int64_t S_floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* A floating (zone-less) date-time: local wall-clock time, like the notes. */
static struct icaltimetype S_time(notes_time t)
{
	struct icaltimetype it = icaltime_null_time();
	int64_t days = S_floor_div(t, MINUTES_PER_DAY);
	int minutes = (int)(t - days * MINUTES_PER_DAY);

	date_civil_from_days(days, &it.year, &it.month, &it.day);
	it.hour = minutes / 60;
	it.minute = minutes % 60;
	it.is_date = 0;
	it.zone = NULL;
	return it;
}

/* Text for a TEXT value: each line with control characters escaped, so
 * that nothing from a note reaches a calendar program raw; libical adds
 * the RFC 5545 escapes (\, \; \n) itself. */
static void S_clean(struct strbuf *out, const char *s)
{
	const char *nl;

	strbuf_reset(out);
	while ((nl = strchr(s, '\n'))) {
		strbuf_add_escaped(out, s, (size_t)(nl - s));
		strbuf_addch(out, '\n');
		s = nl + 1;
	}
	strbuf_add_escaped(out, s, strlen(s));
}

void ical_uid(struct strbuf *out, const char *what, const char *key, const char *identity)
{
	/* FNV-1a: short, stable across platforms and versions */
	uint64_t h = UINT64_C(14695981039346656037);
	const unsigned char *p;

	for (p = (const unsigned char *)(identity ? identity : ""); *p; p++)
		h = (h ^ *p) * UINT64_C(1099511628211);
	strbuf_reset(out);
	strbuf_addf(out, "%s-%s.%016" PRIx64 "@notes", what, key, h);
}

/* The properties every component carries: UID, DTSTAMP, SUMMARY and
 * DESCRIPTION (when there is one). */
static void S_common(icalcomponent *c, const struct ical_calendar *cal, const char *what,
		     const char *key, const char *summary, const char *description)
{
	struct strbuf buf = STRBUF_INIT;
	struct icaltimetype stamp = S_time(cal->stamp);

	stamp.zone = icaltimezone_get_utc_timezone();
	ical_uid(&buf, what, key, cal->identity);
	icalcomponent_add_property(c, icalproperty_new_uid(buf.buf));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
	S_clean(&buf, summary ? summary : "");
	icalcomponent_add_property(c, icalproperty_new_summary(buf.buf));
	if (description) {
		S_clean(&buf, description);
		icalcomponent_add_property(c, icalproperty_new_description(buf.buf));
	}
	strbuf_release(&buf);
}

static icalcomponent *S_meeting(const struct ical_calendar *cal, const struct ical_meeting *m)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	struct icalrecurrencetype weekly;
	int minutes = m->minutes > 0 ? m->minutes : ICAL_MEETING_MINUTES;

	S_common(ev, cal, "meeting", m->person, m->summary, m->description);
	icalcomponent_add_property(ev, icalproperty_new_dtstart(S_time(m->start)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(S_time(m->start + minutes)));
	icalrecurrencetype_clear(&weekly);
	weekly.freq = ICAL_WEEKLY_RECURRENCE;
	icalcomponent_add_property(ev, icalproperty_new_rrule(weekly));
	return ev;
}

/* A reminder before the item is due: relative to the end (DUE) of the to-do. */
static icalcomponent *S_alarm(const char *summary, int minutes_before)
{
	icalcomponent *alarm = icalcomponent_new_valarm();
	struct icaltriggertype trigger;
	struct strbuf buf = STRBUF_INIT;
	icalproperty *p;

	memset(&trigger, 0, sizeof(trigger));
	trigger.time = icaltime_null_time();
	trigger.duration = icaldurationtype_from_int(-minutes_before * 60);
	p = icalproperty_new_trigger(trigger);
	icalproperty_add_parameter(p, icalparameter_new_related(ICAL_RELATED_END));
	icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(alarm, p);
	S_clean(&buf, summary ? summary : "");
	icalcomponent_add_property(alarm, icalproperty_new_description(buf.buf));
	strbuf_release(&buf);
	return alarm;
}

static icalcomponent *S_item(const struct ical_calendar *cal, const struct ical_item *it)
{
	icalcomponent *todo = icalcomponent_new_vtodo();

	S_common(todo, cal, "item", it->id, it->summary, it->description);
	icalcomponent_add_property(todo, icalproperty_new_dtstart(S_time(it->start)));
	icalcomponent_add_property(todo, icalproperty_new_due(S_time(it->due)));
	icalcomponent_add_property(todo,
				   icalproperty_new_status(it->partial ? ICAL_STATUS_INPROCESS
								       : ICAL_STATUS_NEEDSACTION));
	icalcomponent_add_property(
		todo, icalproperty_new_categories(it->kind == ICAL_SUPPORT ? "support" : "focus"));
	if (it->kind == ICAL_SUPPORT)
		icalcomponent_add_component(todo, S_alarm(it->summary, ICAL_SUPPORT_ALARM_MINUTES));
	return todo;
}

int ical_write(const struct ical_calendar *cal, struct strbuf *out, struct strbuf *err)
{
	icalcomponent *vcal = icalcomponent_new_vcalendar();
	char *text;
	size_t i;

	icalcomponent_add_property(vcal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(vcal, icalproperty_new_prodid(cal->prodid));
	icalcomponent_add_property(vcal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(vcal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	if (cal->name) {
		struct strbuf name = STRBUF_INIT;
		icalproperty *p;
		S_clean(&name, cal->name);
		p = icalproperty_new_x(name.buf);
		icalproperty_set_x_name(p, "X-WR-CALNAME");
		icalcomponent_add_property(vcal, p);
		strbuf_release(&name);
	}
	for (i = 0; i < cal->nmeetings; i++)
		icalcomponent_add_component(vcal, S_meeting(cal, &cal->meetings[i]));
	for (i = 0; i < cal->nitems; i++)
		icalcomponent_add_component(vcal, S_item(cal, &cal->items[i]));
	text = icalcomponent_as_ical_string_r(vcal);
	icalcomponent_free(vcal);
	icalmemory_free_ring();
	if (!text) {
		strbuf_addf(err, "cannot write the calendar: %s", icalerror_strerror(icalerrno));
		return -1;
	}
	strbuf_addstr(out, text);
	icalmemory_free_buffer(text);
	return 0;
}
