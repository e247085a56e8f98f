/* complete.c - notes __complete WHAT: the words shell completion offers
 * that only the journal knows, one a line, tab-separated. Hidden: it is
 * for the completion scripts (contrib/completion), not for people. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "open_items.h"

/* "id<TAB>name": everyone but the leader. */
static void S_people(struct strbuf *out, const struct journal *j)
{
	size_t i;

	for (i = 0; i < j->npeople; i++) {
		struct person p;
		if (j->leader && !strcmp(j->leader, j->people[i]))
			continue;
		journal_person(j, j->people[i], &p);
		strbuf_addf(out, "%s\t", p.id);
		strbuf_add_escaped(out, p.name ? p.name : p.id, strlen(p.name ? p.name : p.id));
		strbuf_addch(out, '\n');
		person_release(&p);
	}
}

/* "id<TAB>person<TAB>text": what notes done can tick, latest notes first. */
static int S_open(struct strbuf *out, const struct journal *j)
{
	struct open_items items = OPEN_ITEMS_INIT;
	struct strbuf err = STRBUF_INIT;
	size_t i;
	int rc;

	rc = open_items_collect(j, NULL, INT64_MAX,
				OPEN_IN(SECTION_REVIEW) | OPEN_IN(SECTION_SUPPORT) |
					OPEN_IN(SECTION_FOCUS),
				&items, &err);
	for (i = 0; rc == 0 && i < items.n; i++) {
		strbuf_addf(out, "%s\t%s\t", items.v[i].id, items.v[i].person);
		strbuf_add_escaped(out, items.v[i].text, strlen(items.v[i].text));
		strbuf_addch(out, '\n');
	}
	open_items_release(&items);
	strbuf_release(&err);
	return rc;
}

/* "YYYY-MM-DD<TAB>Mon, +1 day": a week either side of today. */
static int S_dates(struct strbuf *out)
{
	static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	notes_time now;
	char day[11];
	int k;

	if (date_now(&now) < 0)
		return -1;
	now = date_start_of_day(now);
	for (k = -7; k <= 7; k++) {
		notes_time t = now + (notes_time)k * MINUTES_PER_DAY;
		date_format_day(t, day);
		/* unique descriptions: zsh lists words that share one together */
		strbuf_addf(out, "%s\t%s, ", day, days[date_weekday(date_day_of(t))]);
		if (k)
			strbuf_addf(out, "%+d day%s\n", k, k == 1 || k == -1 ? "" : "s");
		else
			strbuf_addstr(out, "today\n");
	}
	return 0;
}

static int cmd_complete(const struct cmd_args *args, struct cmd_context *ctx)
{
	char **argv = args->argv;
	struct strbuf out = STRBUF_INIT;
	int rc = 0;

	if (args->argc != 1)
		return cmd_usage_error(&cmd_complete_entry, _("name what to complete"));
	if (!strcmp(argv[0], "people")) {
		if (ctx->journal)
			S_people(&out, ctx->journal);
	} else if (!strcmp(argv[0], "open")) {
		if (ctx->journal)
			rc = S_open(&out, ctx->journal);
	} else if (!strcmp(argv[0], "dates")) {
		rc = S_dates(&out);
	} else {
		return cmd_usage_error(&cmd_complete_entry, _("cannot complete '%s'"), argv[0]);
	}
	/* completion stays quiet: an unreadable journal completes nothing */
	rc = rc < 0 ? EXIT_ERROR : cmd_flush(&out);
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_complete_entry = {
	.name = "__complete",
	.fn = cmd_complete,
	.flags = WANT_JOURNAL | HIDDEN_COMMAND,
	.synopsis = "notes __complete people|open|dates",
	.summary = N_("the words shell completion offers"),
	.description =
		N_("For the shell completion scripts: person ids and names; the open items of\n"
		   "the latest notes (id, person, text); the dates of a week either side of\n"
		   "today. One a line, tab-separated."),
};
