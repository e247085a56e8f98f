/* share.c - notes share PERSON URL: move a person's notes into a pair
 * journal of their own, pushed to URL. */
#include <stdio.h>

#include "builtin.h"
#include "gettext.h"
#include "progress.h"
#include "share.h"

static int cmd_share(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct share_options o = { NULL, NULL };
	struct share_result res;
	struct strbuf err = STRBUF_INIT;
	int rc;

	if (args->argc != 2)
		return cmd_usage_error(&cmd_share_entry, _("give a person and a URL"));
	if (progress_wanted())
		o.progress = progress_show;
	rc = share_person(ctx->journal, args->argv[0], args->argv[1], &o, &res, &err);
	progress_clear();
	if (res.warning) {
		struct strbuf w = STRBUF_INIT;
		strbuf_addstr(&w, res.warning);
		cmd_warnings(&w);
		strbuf_release(&w);
	}
	if (rc < 0) {
		rc = cmd_error(_("share: %s"), err.buf);
	} else {
		printf(Q_("shared %s's notes at %s: %zu commit, main %.7s\n",
			  "shared %s's notes at %s: %zu commits, main %.7s\n", res.commits),
		       args->argv[0], res.url, res.commits, res.head);
		printf(_("committed %s: %s\n"), ".notes/config", res.subject);
		rc = EXIT_OK;
	}
	share_result_release(&res);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_share_entry = {
	.name = "share",
	.fn = cmd_share,
	.flags = NEED_JOURNAL,
	.synopsis = "notes share PERSON URL",
	.summary = N_("move a person's notes into a pair journal at a remote"),
	.description =
		N_("Moves PERSON's notes out of the team repository into a pair journal of\n"
		   "their own: their whole history (same authors, dates and messages), pushed\n"
		   "to branch main of URL (an empty repository: a path, file://, git://,\n"
		   "ssh:// or https://), and mounted at PERSON/. The team journal commits the\n"
		   "removal of PERSON/ with person.PERSON.remote = URL (without credentials).\n"
		   "Refused, with nothing changed, when PERSON's notes have changes not\n"
		   "committed, are shared already, or URL has commits of another journal."),
};
