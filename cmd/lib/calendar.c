/* calendar.c - the journal as a calendar: weekly 1:1s and open items. */
#include "calendar.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journal_notes.h"
#include "ical.h"
#include "open_items.h"
#include "schedule.h"
#include "xalloc.h"

#ifndef NOTES_VERSION
#define NOTES_VERSION "0.0.0"
#endif

/* The loop's three questions, in the language of the person's notes. */
static const char *S_questions(const char *lang)
{
	if (lang && !strcmp(lang, "ko"))
		return "지금 막힌 건 무엇인가요?\n"
		       "제가 48시간 안에 도와드려야 할 것은 무엇인가요?\n"
		       "앞으로 5일 동안 집중하실 실행은 무엇인가요?";
	return "What is blocking you right now?\n"
	       "What should I help with within 48 hours?\n"
	       "What will you focus on for the next 5 days?";
}

/* How a title calls someone: the first word of the name, else the id. */
static void S_call(struct strbuf *out, const struct person *p)
{
	const char *name = p->name && *p->name ? p->name : p->id;
	size_t len = strcspn(name, " \t");

	strbuf_add(out, name, len ? len : strlen(name));
}

/* The wall-clock time t of this machine's zone in UTC (for DTSTAMP). */
static notes_time S_utc(notes_time t)
{
	int64_t days = date_day_of(t);
	int minutes = (int)(t - days * MINUTES_PER_DAY);
	struct tm tm = { 0 };
	time_t when;
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	tm.tm_isdst = -1;
	when = mktime(&tm);
	if (when == (time_t)-1 || !gmtime_r(&when, &tm))
		return t;
	return date_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) *
		       MINUTES_PER_DAY +
	       tm.tm_hour * 60 + tm.tm_min;
}

/* person.<id>.duration: minutes, 1 to 1440; 0 when it is not set. */
static int S_duration(const struct journal *j, const char *id, int *out, struct strbuf *err)
{
	struct strbuf key = STRBUF_INIT;
	char *v, *end;
	long n;

	strbuf_addf(&key, "person.%s.duration", id);
	v = config_get(j->config, key.buf);
	*out = 0;
	if (v) {
		n = strtol(v, &end, 10);
		if (end == v || *end || n < 1 || n > MINUTES_PER_DAY) {
			strbuf_addf(err, "%s: '", key.buf);
			strbuf_add_escaped(err, v, strlen(v));
			strbuf_addstr(err, "' is not a number of minutes (1 to 1440)");
			free(v);
			strbuf_release(&key);
			return -1;
		}
		*out = (int)n;
	}
	free(v);
	strbuf_release(&key);
	return 0;
}

/* The texts a calendar holds, kept alive until it is written. */
struct calendar_texts {
	struct strbuf *v;
	size_t n, alloc;
};

static struct strbuf *S_text(struct calendar_texts *t)
{
	ALLOC_GROW(t->v, t->n + 1, t->alloc);
	strbuf_init(&t->v[t->n], 0);
	return &t->v[t->n++];
}

/* The weekly event of person id, when they have a slot. */
static int S_meeting(const struct journal *j, const struct person *leader, const char *id,
		     notes_time now, struct ical_meeting *m, struct calendar_texts *texts,
		     struct strbuf *err)
{
	struct note_ref *refs;
	struct person p;
	struct slot slot;
	struct strbuf *summary;
	size_t n;

	journal_person(j, id, &p);
	if (!p.slot || slot_parse(p.slot, &slot) < 0) {
		person_release(&p);
		return 1;
	}
	if (S_duration(j, id, &m->minutes, err) < 0 || journal_notes(j, id, &refs, &n) < 0) {
		if (!err->len)
			strbuf_addf(err, "%s: cannot list the notes", id);
		person_release(&p);
		return -1;
	}
	/* from the week of the first meeting; without one, from the next slot */
	if (n) {
		m->start = slot_in_week(&slot, refs[0].date);
	} else {
		m->start = slot_in_week(&slot, now);
		if (m->start < now)
			m->start += 7 * MINUTES_PER_DAY;
	}
	note_refs_free(refs, n);
	summary = S_text(texts);
	strbuf_addstr(summary, "1:1 ");
	if (leader->id) {
		S_call(summary, leader);
		strbuf_addstr(summary, " / ");
	}
	S_call(summary, &p);
	m->person = id; /* the journal's copy: it outlives the calendar */
	m->summary = summary->buf;
	m->description = S_questions(p.language ? p.language : j->language);
	person_release(&p);
	return 0;
}

/* "Support for Alice Park, agreed at the 1:1 on 2026-11-23 (alice/2026-11-23.md)" */
static void S_item_description(struct strbuf *out, const struct journal *j,
			       const struct open_item *it)
{
	struct person p;
	const char *lang;
	char day[11];

	journal_person(j, it->person, &p);
	lang = p.language ? p.language : j->language;
	date_format_day(it->meeting, day);
	if (lang && !strcmp(lang, "ko")) {
		strbuf_addf(out, "%s 님과 %s 1:1에서 합의한 %s (%s)", p.name ? p.name : p.id, day,
			    it->section == SECTION_SUPPORT ? "지원" : "집중할 실행", it->note);
	} else {
		strbuf_addf(out, "%s %s, agreed at the 1:1 on %s (%s)",
			    it->section == SECTION_SUPPORT ? "Support for" : "Focus of",
			    p.name ? p.name : p.id, day, it->note);
	}
	person_release(&p);
}

static void S_items(const struct journal *j, const struct open_items *open, struct ical_item *items,
		    struct calendar_texts *texts, size_t *n)
{
	size_t i;

	for (i = 0; i < open->n; i++) {
		const struct open_item *it = &open->v[i];
		struct strbuf *desc;
		if (!it->has_due)
			continue;
		desc = S_text(texts);
		S_item_description(desc, j, it);
		items[*n].kind = it->section == SECTION_SUPPORT ? ICAL_SUPPORT : ICAL_FOCUS;
		items[*n].id = it->id;
		items[*n].summary = it->text;
		items[*n].description = desc->buf;
		items[*n].start = it->meeting;
		items[*n].due = it->due;
		items[*n].partial = it->partial;
		(*n)++;
	}
}

int calendar_export(const struct journal *j, const char *person, notes_time now, struct strbuf *out,
		    struct calendar_counts *counts, struct strbuf *err)
{
	struct open_items open = OPEN_ITEMS_INIT;
	struct calendar_texts texts = { NULL, 0, 0 };
	struct ical_calendar cal = {
		"-//notes//notes " NOTES_VERSION "//EN", NULL, "", 0, NULL, 0, NULL, 0
	};
	struct ical_meeting *meetings = xcalloc(j->npeople + 1, sizeof(*meetings));
	struct ical_item *items = NULL;
	struct person leader = { 0 };
	struct strbuf *identity, *name;
	size_t i, nmeetings = 0, nitems = 0;
	int rc = -1;

	memset(counts, 0, sizeof(*counts));
	if (j->leader)
		journal_person(j, j->leader, &leader);
	/* the leader names the journal: the same leader's team and pair
	 * journals give one item the same UID wherever it lives */
	identity = S_text(&texts);
	if (leader.id)
		strbuf_addf(identity, "%s <%s>", leader.id, leader.email ? leader.email : "");
	name = S_text(&texts);
	strbuf_addstr(name, "1:1");
	if (leader.id) {
		strbuf_addstr(name, " — ");
		strbuf_addstr(name, leader.name ? leader.name : leader.id);
	}
	for (i = 0; i < j->npeople; i++) {
		int r;
		if (person ? strcmp(person, j->people[i])
			   : (j->leader && !strcmp(j->leader, j->people[i])))
			continue;
		r = S_meeting(j, &leader, j->people[i], now, &meetings[nmeetings], &texts, err);
		if (r < 0)
			goto out;
		if (r > 0)
			counts->without_slot++;
		else
			nmeetings++;
	}
	if (open_items_collect(j, person, now, OPEN_IN(SECTION_SUPPORT) | OPEN_IN(SECTION_FOCUS),
			       &open, err) < 0)
		goto out;
	items = xcalloc(open.n + 1, sizeof(*items));
	S_items(j, &open, items, &texts, &nitems);
	cal.name = name->buf;
	cal.identity = identity->buf;
	cal.stamp = S_utc(now);
	cal.meetings = meetings;
	cal.nmeetings = nmeetings;
	cal.items = items;
	cal.nitems = nitems;
	if (ical_write(&cal, out, err) < 0)
		goto out;
	counts->meetings = nmeetings;
	counts->items = nitems;
	counts->without_id = open.without_id;
	rc = 0;
out:
	open_items_release(&open);
	for (i = 0; i < texts.n; i++)
		strbuf_release(&texts.v[i]);
	free(texts.v);
	free(meetings);
	free(items);
	person_release(&leader);
	return rc;
}
