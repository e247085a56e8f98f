/* review.c - notes review PERSON|--team [--since D] [--until D] [--json]:
 * the retrospective from git history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "gettext.h"
#include "json.h"
#include "review.h"
#include "sparkline.h"
#include "xalloc.h"

static void S_str(struct strbuf *out, const char *s)
{
	if (s)
		strbuf_add_escaped(out, s, strlen(s));
}

static void S_day(struct strbuf *out, notes_time t, bool has)
{
	char day[11];

	if (!has)
		return;
	date_format_day(t, day);
	strbuf_addstr(out, day);
}

/* "reviewing 2/5: alice" on a terminal, over the line before. */
/* A figure's name, padded by display width (Hangul takes two columns). */
static void S_label(struct strbuf *out, const char *label)
{
	strbuf_addstr(out, "  ");
	print_padded(out, label, 10);
}

/* A cause in the reader's language; JSON keeps the English value. */
static void S_cause(struct strbuf *out, const char *cause)
{
	if (cause && !strcmp(cause, "execution"))
		strbuf_addstr(out, _("execution"));
	else if (cause && !strcmp(cause, "assumption"))
		strbuf_addstr(out, _("assumption"));
	else
		S_str(out, cause);
}

static void S_lists(struct strbuf *out, const struct review_report *r)
{
	size_t i;

	if (r->nrecurring)
		strbuf_addf(out, "%s\n", _("Recurring blockers:"));
	for (i = 0; i < r->nrecurring; i++) {
		strbuf_addstr(out, "  ");
		S_str(out, r->recurring[i].key);
		strbuf_addf(out, Q_(" (%zu meeting)\n", " (%zu meetings)\n", r->recurring[i].count),
			    r->recurring[i].count);
	}
	if (r->ncarried)
		strbuf_addf(out, "%s\n", _("Carried longest:"));
	for (i = 0; i < r->ncarried; i++) {
		strbuf_addstr(out, "  ");
		S_str(out, r->carried[i].text);
		strbuf_addf(out, " ^%s ", r->carried[i].id);
		strbuf_addf(
			out,
			Q_("(open %zu meeting)\n", "(open %zu meetings)\n", r->carried[i].weeks),
			r->carried[i].weeks);
	}
	if (r->nlearnings)
		strbuf_addf(out, "%s\n", _("Learnings:"));
	for (i = 0; i < r->nlearnings; i++) {
		strbuf_addf(out, "  %s ", r->learnings[i].week);
		S_str(out, r->learnings[i].text);
		strbuf_addstr(out, " [");
		S_cause(out, r->learnings[i].cause);
		strbuf_addstr(out, "]: ");
		S_str(out, r->learnings[i].learning);
		strbuf_addch(out, '\n');
	}
	if (r->nfeedback)
		strbuf_addf(out, "%s\n", _("Feedback:"));
	for (i = 0; i < r->nfeedback; i++) {
		strbuf_addf(out, "  %s ", r->feedback[i].week);
		S_str(out, r->feedback[i].text);
		strbuf_addch(out, '\n');
	}
}

/* Focus done per meeting as one line of blocks: on a terminal only. */
static void S_spark(struct strbuf *out, const struct review_report *r)
{
	long *done;
	size_t i;

	if (!r->nweeks)
		return;
	done = xcalloc(r->nweeks, sizeof(*done));
	for (i = 0; i < r->nweeks; i++)
		done[i] = (long)r->weeks[i].done;
	S_label(out, _("done/week"));
	sparkline(out, done, r->nweeks, 52); /* a year of weeks fits a line */
	strbuf_addch(out, '\n');
	free(done);
}

static void S_print(struct strbuf *out, const struct review_report *r, bool terminal)
{
	S_str(out, r->person);
	strbuf_addstr(out, ", ");
	S_day(out, r->since, r->has_since);
	strbuf_addstr(out, _(" to "));
	S_day(out, r->until, r->has_until);
	strbuf_addch(out, '\n');
	S_label(out, _("meetings"));
	strbuf_addf(out,
		    Q_("%zu held in %zu weeks\n", "%zu held in %zu weeks\n", r->meetings.weeks),
		    r->meetings.held, r->meetings.weeks);
	S_label(out, _("focus"));
	strbuf_addf(out, _("%zu done, %zu partial, %zu dropped, %zu open of %zu"), r->focus.done,
		    r->focus.partial, r->focus.dropped, r->focus.open, r->focus.total);
	if (r->focus.has_rate)
		strbuf_addf(out, _(" (%.0f%% done)"), r->focus.rate * 100.0);
	strbuf_addch(out, '\n');
	if (terminal)
		S_spark(out, r);
	S_label(out, _("misses"));
	strbuf_addf(out, _("%zu execution, %zu assumption, %zu without a cause\n"),
		    r->causes.execution, r->causes.assumption, r->causes.unknown);
	S_label(out, _("support"));
	strbuf_addf(out, _("%zu kept within 48 h, %zu late, %zu open of %zu\n"), r->support.kept,
		    r->support.late, r->support.open, r->support.total);
	S_lists(out, r);
}

static int S_date(const char *arg, notes_time *out, bool *has)
{
	bool t;

	if (!arg)
		return 0;
	if (date_parse(arg, strlen(arg), out, &t) < 0)
		return cmd_error(_("review: '%s' is not a date (YYYY-MM-DD)"), arg);
	*out = date_start_of_day(*out);
	*has = true;
	return 0;
}

static void S_progress(size_t done, size_t total, const char *person, void *ctx)
{
	(void)ctx;
	fputc('\r', stderr);
	fprintf(stderr, _("reviewing %zu/%zu: %s"), done, total, person);
	fputs("\033[K", stderr);
}

static int S_run(struct cmd_context *ctx, const char *person, bool team, bool as_json,
		 struct review_range *range)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct review_report *all = NULL;
	const char **who = NULL;
	/* progress on a terminal only: the history of a whole team takes a while */
	bool progress = team && isatty(STDERR_FILENO);
	size_t i, n = 0, alloc = 0;
	int rc = EXIT_ERROR;

	for (i = 0; i < ctx->journal->npeople; i++) {
		const char *id = ctx->journal->people[i];
		if (team ? (ctx->journal->leader && !strcmp(id, ctx->journal->leader))
			 : strcmp(id, person))
			continue;
		ALLOC_GROW(who, n + 1, alloc);
		who[n++] = id;
	}
	all = xcalloc(n ? n : 1, sizeof(*all));
	if (progress) {
		fputc('\r', stderr);
		fprintf(stderr,
			Q_("reading the history of %zu person", "reading the history of %zu people",
			   n),
			n);
		fputs("\033[K", stderr);
	}
	/* a failed review leaves every report empty, to be released */
	if (review_people(all, ctx->journal, who, n, range, progress ? S_progress : NULL, NULL,
			  &err) < 0)
		goto out;
	if (progress)
		fprintf(stderr, "\r\033[K");
	for (i = 0; i < n; i++)
		cmd_warnings(&all[i].warn);
	if (as_json && team)
		json_review_team_line(&out, all, n);
	else if (as_json && n)
		json_review_line(&out, &all[0]);
	for (i = 0; !as_json && i < n; i++)
		S_print(&out, &all[i], ctx->color);
	rc = cmd_flush(&out);
out:
	if (rc == EXIT_ERROR && err.len)
		cmd_error(_("review: %s"), err.buf);
	for (i = 0; i < n; i++)
		review_report_release(&all[i]);
	free(all);
	free(who);
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

enum { OPT_SINCE, OPT_UNTIL, OPT_JSON, OPT_TEAM };

static int cmd_review(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct review_range range = { 0 };
	const char *person = NULL;
	bool as_json = args->value[OPT_JSON] != NULL, team = args->value[OPT_TEAM] != NULL;
	struct strbuf err = STRBUF_INIT;

	if (team ? args->argc != 0 : args->argc != 1)
		return cmd_usage_error(&cmd_review_entry, _("name one person, or --team"));
	if (!team) {
		person = args->argv[0];
		if (journal_check_person(ctx->journal, person, &err) < 0) {
			cmd_error(_("review: %s"), err.buf);
			strbuf_release(&err);
			return EXIT_ERROR;
		}
		if (!journal_has_person(ctx->journal, person))
			return cmd_error(_("review: %s is not in the journal"), person);
	}
	if (date_now(&range.now) < 0)
		return cmd_error(_("review: NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	if (S_date(args->value[OPT_SINCE], &range.since, &range.has_since) ||
	    S_date(args->value[OPT_UNTIL], &range.until, &range.has_until))
		return EXIT_ERROR;
	return S_run(ctx, person, team, as_json, &range);
}

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.fn = cmd_review,
	.flags = NEED_JOURNAL,
	.synopsis = "notes review PERSON [--since D] [--until D] [--json]\n"
		    "   or: notes review --team [--since D] [--until D] [--json]",
	.summary = N_("the retrospective of a person (or --team) from git history"),
	.description =
		N_("The retrospective from git history: meetings held vs weeks, focus done,\n"
		"causes of misses, support kept within 48 hours, recurring blockers, items\n"
		"carried longest, learnings and a per-week series; on a terminal, the focus\n"
		"items done at each meeting as one line of blocks."),
	.options = {
		[OPT_SINCE] = { "since", 0, "D", N_("the first meeting day to look at (YYYY-MM-DD)") },
		[OPT_UNTIL] = { "until", 0, "D", N_("the last meeting day to look at (inclusive)") },
		[OPT_JSON] = { "json", 0, NULL, N_("one JSON object ({\"team\": [...]} with --team)") },
		[OPT_TEAM] = { "team", 0, NULL, N_("every person's figures, side by side") },
	},
};
