/* done.c - notes done ID [--at TIME]: tick an item in its latest note and
 * commit; the commit time (or --at) is when it was delivered. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "journal_commit.h"
#include "ids.h"

static int S_done(struct cmd_context *ctx, const char *id, const char *at)
{
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	struct commit_session s;
	struct done_result res;
	size_t errors;
	int rc = EXIT_ERROR;

	if (commit_session_open(&s, ctx->journal, &err) < 0) {
		cmd_error("%s: %s", ctx->journal->root, err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	if (journal_done(&s, id, at, &res, &err) == 0)
		rc = EXIT_OK;
	if (res.rel) {
		diag_format(&res.commit.problems, res.rel, &out);
		fputs(out.buf, stderr);
	}
	cmd_warnings(&res.commit.warn);
	errors = diag_count(&res.commit.problems, SEVERITY_ERROR);
	if (rc != EXIT_OK)
		cmd_error(_("done: %s"), err.buf);
	else if (res.already_done)
		printf(_("^%s is already done in %s\n"), id, res.rel);
	else if (res.commit.outcome == COMMIT_MADE)
		printf(_("committed %s: %s\n"), res.rel, res.commit.subject);
	else if (res.commit.outcome == COMMIT_REFUSED && !errors)
		rc = cmd_error(_("done: %s has conflict markers; not committed (keep one side's "
				 "lines, then remove the markers)"),
			       res.rel);
	else if (res.commit.outcome == COMMIT_REFUSED) {
		/* as notes commit: a note with errors is not committed */
		cmd_error(Q_("done: %s has %zu error; ^%s not ticked, nothing written (fix the "
			     "note, then run notes done again)",
			     "done: %s has %zu errors; ^%s not ticked, nothing written (fix the "
			     "note, then run notes done again)",
			     errors),
			  res.rel, errors, id);
		rc = EXIT_PROBLEMS;
	} else
		printf(_("%s: nothing to commit\n"), res.rel);
	done_result_release(&res);
	commit_session_close(&s);
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

enum { OPT_AT };

static int cmd_done(const struct cmd_args *args, struct cmd_context *ctx)
{
	const char *at = args->value[OPT_AT], *id;
	char when[17];
	notes_time t;
	bool has_time;

	if (args->argc != 1)
		return cmd_usage_error(&cmd_done_entry, _("name one item id"));
	id = args->argv[0][0] == '^' ? args->argv[0] + 1 : args->argv[0];
	if (!id_is_valid(id))
		return cmd_error(_("done: '%s' is not an item id (^ and 6 letters or digits)"),
				 args->argv[0]);
	if (at) {
		if (date_parse(at, strlen(at), &t, &has_time) < 0)
			return cmd_error(_("done: --at '%s' is not YYYY-MM-DDTHH:MM"), at);
		date_format_time(t, when);
		at = when;
	}
	return S_done(ctx, id, at);
}

const struct cmd_entry cmd_done_entry = {
	.name = "done",
	.fn = cmd_done,
	.flags = NEED_JOURNAL,
	.synopsis = "notes done ID [--at TIME]",
	.summary = N_("tick an item as done and commit (the delivery time)"),
	.description =
		N_("Ticks the item ^ID in the latest note that holds it and commits that note.\n"
		"The commit time (or --at) is the delivery time the review measures against\n"
		"the 48-hour promise."),
	.options = {
		[OPT_AT] = { "at", 0, "TIME",
			     N_("when it was delivered (YYYY-MM-DDTHH:MM), recorded as a done: field") },
	},
};
