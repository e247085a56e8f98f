/* gen: writes a deterministic `git fast-import` stream of a weekly 1:1 journal, the benchmark corpus. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrases.h"

#define LEADER "kim"
#define LEADER_NAME "Kim Wonwoo"
#define LEADER_EMAIL "kim@example.com"
#define MAX_PEOPLE 999
#define MAX_WEEKS 5200
#define MAX_OPEN 32
#define ID_BITS 30
#define ID_MASK ((UINT32_C(1) << ID_BITS) - 1)

enum { FOCUS_ITEM, SUPPORT_ITEM };

struct buf {
	char *p;
	size_t len, cap;
};

/* A focus or support item as later notes review it. */
struct item {
	char body[320]; /* first line without marker and id: text and tokens */
	char id[7];
	int kind, carries, is_ticked;
};

struct person {
	char id[16], name[64], email[80];
	int lang, day, slot_min;
	int goals[2], ngoals, goals_until;
	struct item open[MAX_OPEN];
	int nopen;
	int rec_blocker, rec_left;
};

/* One note; freed when its commit and all its done commits are written. */
struct note {
	char path[128], date[32], week[32]; /* room for any snprintf */
	const struct person *who;
	struct buf text, msg;
	int refs;
};

/* A commit to write: the note itself, or ticking `done_id` in it. */
struct event {
	int64_t t;
	uint64_t seq;
	struct note *note;
	char done_id[7];
};

static uint64_t rng_state;
static uint32_t id_key, id_counter;
static struct event *events;
static size_t nevents, cap_events;
static uint64_t event_seq;

static void die(const char *msg)
{
	fprintf(stderr, "gen: %s\n", msg);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

static void buf_grow(struct buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 1024;

	if (b->len + extra + 1 <= b->cap)
		return;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static void buf_addn(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_add(struct buf *b, const char *s)
{
	buf_addn(b, s, strlen(s));
}

static void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("formatting failed");
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Appends `tmpl` with every "{}" replaced by `arg`. */
static void buf_subst(struct buf *b, const char *tmpl, const char *arg)
{
	const char *hole;

	while ((hole = strstr(tmpl, "{}")) != NULL) {
		buf_addn(b, tmpl, (size_t)(hole - tmpl));
		buf_add(b, arg);
		tmpl = hole + 2;
	}
	buf_add(b, tmpl);
}

/*
 * Every random draw is its own statement: C leaves the order of function
 * arguments unspecified, and the stream must not depend on the compiler.
 */
static uint64_t splitmix64(uint64_t x)
{
	x += UINT64_C(0x9e3779b97f4a7c15);
	x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/* xorshift64*: small, fast and the same on every platform. */
static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(0x2545f4914f6cdd1d);
}

static unsigned rnd(unsigned n)
{
	return (unsigned)((rng_next() >> 11) % n);
}

static int chance(unsigned percent)
{
	return rnd(100) < percent;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static void format_date(char out[32], long day)
{
	long y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, 32, "%04ld-%02u-%02u", y, m, d);
}

/* ISO 8601 week, YYYY-Www: the week belongs to the year of its Thursday. */
static void format_iso_week(char out[32], long day)
{
	long weekday = ((day % 7) + 10) % 7 + 1; /* 1970-01-01 was a Thursday; Monday is 1 */
	long thursday = day - weekday + 4, y;
	unsigned m, d;

	civil_from_days(thursday, &y, &m, &d);
	snprintf(out, 32, "%04ld-W%02ld", y, (thursday - days_from_civil(y, 1, 1)) / 7 + 1);
}

/*
 * A fresh id: the counter goes through a bijection of 30 bits (xor with a key
 * from the seed, odd multiplications, xor-shifts), so ids look random and can
 * never repeat.
 */
static void id_next(char out[7])
{
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
	uint32_t x;
	int i;

	if (++id_counter > ID_MASK)
		die("ran out of ids");
	x = (id_counter ^ id_key) & ID_MASK;
	x = (x * UINT32_C(0x2c1b3c6d)) & ID_MASK;
	x ^= x >> 15;
	x = (x * UINT32_C(0x297a2d39)) & ID_MASK;
	x ^= x >> 13;
	for (i = 5; i >= 0; i--) {
		out[i] = alphabet[x & 31];
		x >>= 5;
	}
	out[6] = '\0';
}

static const char *say(const struct phrase *ph, int lang)
{
	return lang ? ph->ko : ph->en;
}

static void event_push(int64_t t, struct note *n, const char *done_id)
{
	struct event *e;

	if (nevents == cap_events) {
		cap_events = cap_events ? cap_events * 2 : 1024;
		events = xrealloc(events, cap_events * sizeof(*events));
	}
	e = &events[nevents++];
	e->t = t;
	e->seq = event_seq++;
	e->note = n;
	snprintf(e->done_id, sizeof(e->done_id), "%s", done_id ? done_id : "");
	n->refs++;
}

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void write_commit(int64_t t, const char *msg, size_t msglen, const char *path,
			 const char *data, size_t datalen)
{
	printf("commit refs/heads/main\n"
	       "author " LEADER_NAME " <" LEADER_EMAIL "> %" PRId64 " +0000\n"
	       "committer " LEADER_NAME " <" LEADER_EMAIL "> %" PRId64 " +0000\n"
	       "data %zu\n",
	       t, t, msglen);
	fwrite(msg, 1, msglen, stdout);
	printf("\nM 100644 inline %s\ndata %zu\n", path, datalen);
	fwrite(data, 1, datalen, stdout);
	fputs("\n\n", stdout);
}

/* Flips the `[ ]` of the line holding ^id to `[x]`, as `notes done` would. */
static void tick(struct note *n, const char *id)
{
	char needle[9];
	char *at, *line;

	snprintf(needle, sizeof(needle), "^%s", id);
	at = strstr(n->text.p, needle);
	if (!at)
		die("done id not in its note");
	for (line = at; line > n->text.p && line[-1] != '\n'; line--)
		;
	if (strncmp(line, "- [ ]", 5) != 0)
		die("done id not on an open task");
	line[3] = 'x';
}

static void emit_done(const struct event *e)
{
	struct note *n = e->note;
	struct buf msg = { 0 };

	tick(n, e->done_id);
	buf_addf(&msg, "%s %s: done %s\n\nPerson: %s\nLeader: " LEADER "\nWeek: %s\nDone: %s\n",
		 n->who->id, n->date, e->done_id, n->who->id, n->week, e->done_id);
	write_commit(e->t, msg.p, msg.len, n->path, n->text.p, n->text.len);
	free(msg.p);
}

/* Writes, in time order, every queued commit before `until`. */
static void flush_events(int64_t until)
{
	size_t i, keep = 0;

	qsort(events, nevents, sizeof(*events), event_cmp);
	for (i = 0; i < nevents; i++) {
		struct event *e = &events[i];
		struct note *n = e->note;

		if (e->t >= until) {
			events[keep++] = *e;
			continue;
		}
		if (e->done_id[0])
			emit_done(e);
		else
			write_commit(e->t, n->msg.p, n->msg.len, n->path, n->text.p, n->text.len);
		if (--n->refs == 0) {
			free(n->text.p);
			free(n->msg.p);
			free(n);
		}
	}
	nevents = keep;
}

static void people_init(struct person *people, int count)
{
	static const int slot_minutes[] = { 540, 570, 600, 630, 660, 690, 780, 810,
					    840, 870, 900, 930, 960, 990, 1020 };
	int i;

	for (i = 0; i < count; i++) {
		struct person *p = &people[i];

		p->lang = i % 5 == 4; /* one in five writes in Korean */
		if (i < (int)COUNT(NAMED)) {
			snprintf(p->id, sizeof(p->id), "%s", NAMED[i].id);
			snprintf(p->name, sizeof(p->name), "%s", NAMED[i].name);
		} else {
			snprintf(p->id, sizeof(p->id), "p%03d", i + 1);
			if (p->lang)
				snprintf(p->name, sizeof(p->name), "%s%s",
					 SURNAME_KO[i % COUNT(SURNAME_KO)],
					 GIVEN_KO[(i * 5) % COUNT(GIVEN_KO)]);
			else
				snprintf(p->name, sizeof(p->name), "%s %s",
					 FIRST_EN[i % COUNT(FIRST_EN)],
					 LAST_EN[(i * 7) % COUNT(LAST_EN)]);
		}
		snprintf(p->email, sizeof(p->email), "%s@example.com", p->id);
		p->day = i % 5;
		p->slot_min = slot_minutes[(i / 5) % COUNT(slot_minutes)];
		p->rec_blocker = -1;
	}
}

static void write_config(const struct person *people, int count, int64_t t)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri" };
	struct buf cfg = { 0 }, msg = { 0 };
	int i;

	buf_add(&cfg,
		"[journal]\n\tleader = " LEADER "\n\tlanguage = en\n\tmaxfocus = 3\n"
		"[person \"" LEADER "\"]\n\tname = " LEADER_NAME "\n\temail = " LEADER_EMAIL "\n");
	for (i = 0; i < count; i++)
		buf_addf(&cfg,
			 "[person \"%s\"]\n\tname = %s\n\temail = %s\n\tslot = %s %02d:%02d\n",
			 people[i].id, people[i].name, people[i].email, days[people[i].day],
			 people[i].slot_min / 60, people[i].slot_min % 60);
	buf_addf(&msg, "init journal: leader " LEADER ", %d people\n", count);
	write_commit(t, msg.p, msg.len, ".notes/config", cfg.p, cfg.len);
	free(cfg.p);
	free(msg.p);
}

static void pick_goals(struct person *p, int week)
{
	p->ngoals = chance(70) ? 2 : 1;
	p->goals[0] = (int)rnd(COUNT(GOALS));
	do
		p->goals[1] = (int)rnd(COUNT(GOALS));
	while (p->goals[1] == p->goals[0]);
	p->goals_until = week + 8 + (int)rnd(9);
}

static char review_status(const struct item *it)
{
	unsigned r = rnd(100);

	if (it->is_ticked)
		return 'x';
	if (it->carries > 0) /* already open once: mostly settled now */
		return r < 55 ? 'x' : r < 75 && it->carries < 3 ? ' ' : '-';
	if (it->kind == SUPPORT_ITEM)
		return r < 78 ? 'x' : r < 88 ? ' ' : r < 94 ? '-' : '~';
	return r < 70 ? 'x' : r < 82 ? '~' : r < 92 ? ' ' : '-';
}

/* Reviews every item of the previous note; returns how many are done. */
static int write_review(struct buf *t, struct person *p, struct item *still_open, int *nstill,
			int *reviewed)
{
	const struct vocab *v = &VOCAB[p->lang];
	int i, done = 0;

	*nstill = 0;
	*reviewed = p->nopen;
	buf_addf(t, "\n## %s\n", v->heading[1]);
	if (p->nopen == 0)
		buf_addf(t, "%s\n", v->first_review);
	for (i = 0; i < p->nopen; i++) {
		struct item *it = &p->open[i];
		char status = review_status(it);
		const char *cause, *learning;

		buf_addf(t, "- [%c] %s ^%s\n", status, it->body, it->id);
		if (status == 'x') {
			done++;
			continue;
		}
		cause = chance(50) ? v->execution : v->assumption;
		learning = say(&LEARNINGS[rnd(COUNT(LEARNINGS))], p->lang);
		buf_addf(t, "  - %s: %s\n  - %s: %s\n", v->cause, cause, v->learning, learning);
		if (status == ' ' && *nstill < MAX_OPEN) {
			still_open[*nstill] = *it;
			still_open[*nstill].carries++;
			still_open[*nstill].is_ticked = 0;
			(*nstill)++;
		}
	}
	return done;
}

static void write_blocker(struct buf *t, struct buf *body, int lang, int b)
{
	const struct vocab *v = &VOCAB[lang];
	const struct blocker *bl = &BLOCKERS[b];
	const char *text = lang ? bl->ko : bl->en;

	buf_addf(t, "- %s #%s\n  - %s: %s\n  - %s: %s\n  - %s: %s\n", text, bl->tag, v->kind,
		 bl->is_environment ? v->environment : v->capability, v->scope,
		 bl->is_structural ? v->structural : v->week, v->impact,
		 lang ? bl->impact_ko : bl->impact_en);
	buf_addf(body, "- blocker: %s #%s\n", text, bl->tag);
}

/* Writes 0-2 blockers, one of them possibly recurring over several weeks. */
static int write_blockers(struct buf *t, struct buf *body, struct person *p)
{
	int n = 0, other;

	buf_addf(t, "\n## %s\n", VOCAB[p->lang].heading[2]);
	if (p->rec_left == 0 && chance(18)) {
		p->rec_blocker = (int)rnd(COUNT(BLOCKERS));
		p->rec_left = 2 + (int)rnd(5);
	}
	if (p->rec_left > 0) {
		write_blocker(t, body, p->lang, p->rec_blocker);
		p->rec_left--;
		n++;
	}
	if (chance(n ? 25 : 55)) {
		other = (int)rnd(COUNT(BLOCKERS));
		if (n == 0 || other != p->rec_blocker) {
			write_blocker(t, body, p->lang, other);
			n++;
		}
	}
	if (n == 0)
		buf_addf(t, "%s\n", VOCAB[p->lang].no_blockers);
	return n;
}

static int write_support(struct buf *t, struct buf *body, struct person *p, struct note *n,
			 int64_t meeting, struct item *next, int *nnext)
{
	const struct vocab *v = &VOCAB[p->lang];
	int count = chance(50) ? 1 : 2, i, first = (int)rnd(COUNT(SUPPORT));

	buf_addf(t, "\n## %s\n", v->heading[3]);
	for (i = 0; i < count; i++) {
		const struct support *s = &SUPPORT[(first + i * 5) % (int)COUNT(SUPPORT)];
		struct item *it = &next[(*nnext)++];

		it->kind = SUPPORT_ITEM;
		it->carries = 0;
		id_next(it->id);
		snprintf(it->body, sizeof(it->body), "%s @" LEADER, p->lang ? s->ko : s->en);
		buf_addf(t, "- [ ] %s ^%s\n", it->body, it->id);
		if (chance(50))
			buf_addf(t, "  - %s: %s\n", v->how, s->is_connect ? v->connect : v->direct);
		if (chance(60))
			buf_addf(t, "  - %s: %s\n", v->impact,
				 p->lang ? s->impact_ko : s->impact_en);
		buf_addf(body, "- support: %s ^%s\n", it->body, it->id);
		/* about one done commit per three notes, 20-70 h after the meeting */
		it->is_ticked = chance(22);
		if (it->is_ticked)
			event_push(meeting + 60 * (1200 + (int64_t)rnd(3001)), n, it->id);
	}
	return count;
}

static int write_focus(struct buf *t, struct buf *body, struct person *p, long day,
		       struct item *next, int *nnext)
{
	const struct vocab *v = &VOCAB[p->lang];
	int count = chance(40) ? 2 : 3, i, first = (int)rnd(COUNT(FOCUS));

	buf_addf(t, "\n## %s\n", v->heading[4]);
	for (i = 0; i < count; i++) {
		const struct goal *g = &GOALS[p->goals[rnd((unsigned)p->ngoals)]];
		const struct phrase *f = &FOCUS[(first + i * 7) % (int)COUNT(FOCUS)];
		struct item *it = &next[(*nnext)++];
		struct buf line = { 0 };
		const char *metric, *fallback;

		it->kind = FOCUS_ITEM;
		it->carries = 0;
		it->is_ticked = 0;
		id_next(it->id);
		buf_subst(&line, p->lang ? f->ko : f->en, p->lang ? g->subj_ko : g->subj_en);
		if (chance(55)) {
			const struct phrase *q = &QUALIFIERS[rnd(COUNT(QUALIFIERS))];

			buf_add(&line, say(q, p->lang));
		}
		buf_addf(&line, " #%s", g->tag);
		if (chance(15)) {
			long due = day + 1 + (long)rnd(3), weekday = ((due % 7) + 10) % 7 + 1;
			char date[32];

			due += weekday == 6 ? 2 : weekday == 7 ? 1 : 0;
			format_date(date, due);
			buf_addf(&line, " due:%s", date);
		}
		snprintf(it->body, sizeof(it->body), "%s", line.p);
		free(line.p);
		metric = say(&METRICS[rnd(COUNT(METRICS))], p->lang);
		fallback = say(&FALLBACKS[rnd(COUNT(FALLBACKS))], p->lang);
		buf_addf(t, "- [ ] %s ^%s\n  - %s: %s\n  - %s: %s\n", it->body, it->id, v->metric,
			 metric, v->fallback, fallback);
		buf_addf(body, "- focus: %s ^%s\n", it->body, it->id);
	}
	return count;
}

static void write_closing(struct buf *t, const struct person *p, long day)
{
	char next[32];

	const struct vocab *v = &VOCAB[p->lang];
	int nfeedback = chance(30) ? 1 : 2, nsentences = 6 + (int)rnd(4), i;
	unsigned first = rnd(COUNT(FEEDBACK)), start = rnd(COUNT(NOTES));

	buf_addf(t, "\n## %s\n", v->heading[5]);
	for (i = 0; i < nfeedback; i++) {
		const struct phrase *f = &FEEDBACK[(first + (unsigned)i * 3) % COUNT(FEEDBACK)];

		buf_addf(t, "- %s\n", say(f, p->lang));
	}
	buf_addf(t, "\n## %s\n", v->heading[6]);
	for (i = 0; i < nsentences; i++) {
		const struct phrase *s = &NOTES[(start + (unsigned)i * 5) % COUNT(NOTES)];

		buf_addf(t, "%s%s", i ? " " : "", say(s, p->lang));
	}
	format_date(next, day + 7);
	buf_addf(t, "\n\n%s %s %02d:%02d%s\n", v->next_meeting, next, p->slot_min / 60,
		 p->slot_min % 60, v->same_slot);
}

/* Builds one meeting note and queues its commit (and any done commits). */
static void make_note(struct person *p, int week, long day)
{
	struct note *n = xrealloc(NULL, sizeof(*n));
	struct item next[MAX_OPEN + 8];
	struct buf body[3] = { { 0 } }; /* focus, support, blocker lines */
	int64_t meeting = (int64_t)day * 86400 + (int64_t)p->slot_min * 60, commit_at;
	int nnext = 0, nstill = 0, reviewed, done, nblockers, nsupport, nfocus, i;
	const struct vocab *v = &VOCAB[p->lang];
	const struct phrase *purpose = &PURPOSES[rnd(COUNT(PURPOSES))];
	struct item still[MAX_OPEN];

	memset(n, 0, sizeof(*n));
	n->who = p;
	format_date(n->date, day);
	format_iso_week(n->week, day);
	snprintf(n->path, sizeof(n->path), "%s/%s.md", p->id, n->date);
	if (week >= p->goals_until)
		pick_goals(p, week);

	buf_addf(&n->text, "---\nperson: %s\nleader: " LEADER "\ndate: %s %02d:%02d\n---\n\n",
		 p->id, n->date, p->slot_min / 60, p->slot_min % 60);
	buf_addf(&n->text, "# 1:1 — %s — %s\n\n%s: %s\n\n## %s\n", p->name, n->date, v->purpose,
		 say(purpose, p->lang), v->heading[0]);
	for (i = 0; i < p->ngoals; i++)
		buf_addf(&n->text, "- #%s %s\n", GOALS[p->goals[i]].tag,
			 p->lang ? GOALS[p->goals[i]].ko : GOALS[p->goals[i]].en);
	done = write_review(&n->text, p, still, &nstill, &reviewed);
	nblockers = write_blockers(&n->text, &body[2], p);
	nsupport = write_support(&n->text, &body[1], p, n, meeting, next, &nnext);
	nfocus = write_focus(&n->text, &body[0], p, day, next, &nnext);
	write_closing(&n->text, p, day);

	/* next week reviews this note's focus and support, then what is still open */
	memcpy(p->open, next, (size_t)nnext * sizeof(*next));
	for (i = 0; i < nstill && nnext + i < MAX_OPEN; i++)
		p->open[nnext + i] = still[i];
	p->nopen = nnext + i;

	buf_addf(&n->msg, "%s %s: %d/%d done, %d focus, %d support, %d blockers\n\n", p->id,
		 n->date, done, reviewed, nfocus, nsupport, nblockers);
	for (i = 0; i < 3; i++) {
		if (body[i].len)
			buf_add(&n->msg, body[i].p);
		free(body[i].p);
	}
	buf_add(&n->msg, "\n");
	buf_addf(&n->msg, "Person: %s\nLeader: " LEADER "\nWeek: %s\nCo-authored-by: %s <%s>\n",
		 p->id, n->week, p->name, p->email);
	commit_at = meeting + 60 * (120 + (int64_t)rnd(211));
	event_push(commit_at + (int64_t)rnd(60), n, NULL);
}

static long parse_count(const char *arg, long max, const char *what)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || v < 1 || v > max) {
		fprintf(stderr, "gen: %s must be a number from 1 to %ld: %s\n", what, max, arg);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	static char outbuf[1 << 20];
	struct person *people;
	long npeople, nweeks, monday = days_from_civil(2021, 11, 22);
	uint64_t seed = 1;
	int w, d, i;

	if (argc < 3 || argc > 4) {
		fputs("usage: gen PEOPLE WEEKS [SEED]\n", stderr);
		return 2;
	}
	npeople = parse_count(argv[1], MAX_PEOPLE, "PEOPLE");
	nweeks = parse_count(argv[2], MAX_WEEKS, "WEEKS");
	if (argc == 4) {
		char *end;

		seed = strtoull(argv[3], &end, 10);
		if (argv[3][0] == '\0' || argv[3][0] == '-' || *end != '\0')
			die("SEED must be a non-negative number");
	}
	rng_state = splitmix64(seed) | 1;
	id_key = (uint32_t)splitmix64(~seed) & ID_MASK;
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));

	people = xrealloc(NULL, (size_t)npeople * sizeof(*people));
	memset(people, 0, (size_t)npeople * sizeof(*people));
	people_init(people, (int)npeople);
	fputs("feature done\n", stdout);
	write_config(people, (int)npeople, (int64_t)(monday - 3) * 86400 + 9 * 3600);

	for (w = 0; w < nweeks; w++, monday += 7) {
		for (d = 0; d < 5; d++)
			for (i = 0; i < npeople; i++)
				if (people[i].day == d)
					make_note(&people[i], w, monday + d);
		/* next week's commits all come after its Monday morning */
		flush_events((int64_t)(monday + 7) * 86400);
	}
	flush_events(INT64_MAX);
	fputs("done\n", stdout);
	free(events);
	free(people);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("write error on stdout");
	return 0;
}
