/* report.c - notes report [PERSON|--team] [--since D] [--until D] [-o FILE]:
 * the retrospective as one self-contained HTML page. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "gettext.h"
#include "fsutil.h"
#include "journal_notes.h"
#include "report.h"

static void S_progress(size_t done, size_t total, const char *person, void *ctx)
{
	struct strbuf sb = STRBUF_INIT;

	(void)ctx;
	strbuf_add_escaped(&sb, person, strlen(person));
	fputc('\r', stderr);
	fprintf(stderr, _("reviewing %zu/%zu: %s"), done, total, sb.buf);
	fputs("\033[K", stderr);
	if (done == total)
		fprintf(stderr, "\r\033[K");
	strbuf_release(&sb);
}

static int S_date(const char *opt, const char *arg, notes_time *out, bool *has)
{
	bool t;

	if (!arg)
		return 0;
	if (date_parse(arg, strlen(arg), out, &t) < 0)
		return cmd_error(_("report: %s '%s' is not a date (YYYY-MM-DD)"), opt, arg);
	*out = date_start_of_day(*out);
	*has = true;
	return 0;
}

static int S_person(struct cmd_context *ctx, const char *person)
{
	struct strbuf err = STRBUF_INIT;
	int rc = 0;

	if (journal_check_person(ctx->journal, person, &err) < 0)
		rc = cmd_error(_("report: %s"), err.buf);
	else if (!journal_has_person(ctx->journal, person))
		rc = cmd_error(_("report: %s is not in the journal"), person);
	strbuf_release(&err);
	return rc;
}

static int S_write(const char *file, struct strbuf *page, const char *person)
{
	struct strbuf err = STRBUF_INIT;
	int rc;

	if (!file)
		return cmd_flush(page);
	if (write_file_atomic(file, page->buf, page->len, 0666, 0, &err) < 0) {
		rc = cmd_error(_("report: %s: %s"), file, err.buf);
		strbuf_release(&err);
		return rc;
	}
	strbuf_reset(page);
	if (person) {
		struct strbuf who = STRBUF_INIT, where = STRBUF_INIT;
		strbuf_add_escaped(&who, person, strlen(person));
		strbuf_add_escaped(&where, file, strlen(file));
		strbuf_addf(page, _("wrote the report of %s to %s\n"), who.buf, where.buf);
		strbuf_release(&who);
		strbuf_release(&where);
	} else {
		struct strbuf where = STRBUF_INIT;
		strbuf_add_escaped(&where, file, strlen(file));
		strbuf_addf(page, _("wrote the report of the team to %s\n"), where.buf);
		strbuf_release(&where);
	}
	return cmd_flush(page);
}

enum { OPT_TEAM, OPT_SINCE, OPT_UNTIL, OPT_OUTPUT };

static int cmd_report(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct report_request rq = { NULL, { 0 }, NULL, NULL };
	struct strbuf page = STRBUF_INIT, err = STRBUF_INIT;
	bool team = args->value[OPT_TEAM] != NULL;
	int rc;

	if (args->argc > 1 || (team && args->argc))
		return cmd_usage_error(&cmd_report_entry, _("name one person, or --team"));
	if (args->argc) {
		rq.person = args->argv[0];
		if (S_person(ctx, rq.person))
			return EXIT_ERROR;
	}
	if (date_now(&rq.range.now) < 0)
		return cmd_error(_("report: NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	if (S_date("--since", args->value[OPT_SINCE], &rq.range.since, &rq.range.has_since) ||
	    S_date("--until", args->value[OPT_UNTIL], &rq.range.until, &rq.range.has_until))
		return EXIT_ERROR;
	if (isatty(STDERR_FILENO))
		rq.progress = S_progress;
	if (report_write(&page, ctx->journal, &rq, &err) < 0)
		rc = cmd_error(_("report: %s"), err.buf);
	else
		rc = S_write(args->value[OPT_OUTPUT], &page, rq.person);
	strbuf_release(&page);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.fn = cmd_report,
	.flags = NEED_JOURNAL,
	.synopsis = "notes report [PERSON | --team] [--since D] [--until D] [-o FILE]",
	.summary = N_("the retrospective as one HTML page, with charts"),
	.description =
		N_("Writes the retrospective as one self-contained HTML page (no script, nothing\n"
		"fetched): per person the weekly series of focus committed and done, support\n"
		"kept within 48 hours, misses by cause, meetings held in the weekly slot,\n"
		"recurring blockers, items carried longest, learnings and feedback, each\n"
		"figure that of notes review; the team first, those who need attention\n"
		"first. The template is report.html (a journal's .notes/templates/\n"
		"report.html overrides it)."),
	.options = {
		[OPT_TEAM] = { "team", 0, NULL, N_("the team page, then each person (without PERSON too)") },
		[OPT_SINCE] = { "since", 0, "D", N_("the first meeting day to look at (YYYY-MM-DD)") },
		[OPT_UNTIL] = { "until", 0, "D", N_("the last meeting day to look at (inclusive)") },
		[OPT_OUTPUT] = { "output", 'o', "FILE",
				 N_("write the page to FILE (replaced atomically), not stdout") },
	},
};
