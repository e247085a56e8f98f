/* sync.c - notes sync [PERSON...]: each journal and its remote, one line
 * per journal. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "progress.h"
#include "sync.h"

static void S_paths(struct strbuf *out, const struct sync_line *l)
{
	size_t i;

	for (i = 0; i < l->npaths; i++) {
		if (i)
			strbuf_addstr(out, ", ");
		strbuf_add_escaped(out, l->paths[i], strlen(l->paths[i]));
	}
}

/* "alice: fetched 2, merged, pushed 1" and the like. */
static void S_render(struct strbuf *out, const struct sync_line *l)
{
	size_t start;

	strbuf_addf(out, "%s: ", l->name);
	start = out->len;
	switch (l->outcome) {
	case SYNC_UP_TO_DATE: strbuf_addstr(out, _("up to date")); break;
	case SYNC_SYNCED:
		if (l->cloned)
			strbuf_addstr(out, _("cloned"));
		if (l->fetched && !l->cloned)
			strbuf_addf(out, _("%sfetched %ld"), out->len > start ? ", " : "",
				    l->fetched);
		if (l->merged)
			strbuf_addf(out, _("%smerged"), out->len > start ? ", " : "");
		if (l->pushed)
			strbuf_addf(out, _("%spushed %ld"), out->len > start ? ", " : "",
				    l->pushed);
		break;
	case SYNC_SKIPPED:
		strbuf_addstr(out, _("skipped: changes not committed in "));
		S_paths(out, l);
		break;
	case SYNC_CONFLICT:
		if (l->npaths) {
			strbuf_addstr(out, _("conflict in "));
			S_paths(out, l);
		} else {
			strbuf_addstr(out, _("merge in progress: notes commit completes it"));
		}
		break;
	case SYNC_FAILED: strbuf_add_escaped(out, l->error, strlen(l->error)); break;
	}
	strbuf_addch(out, '\n');
}

static int cmd_sync(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct sync_options o = { NULL, 0, NULL, NULL };
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	struct sync_result res;
	bool conflict = false, skipped = false;
	size_t i;
	int rc = EXIT_OK;

	o.people = (const char *const *)args->argv;
	o.npeople = (size_t)args->argc;
	if (progress_wanted())
		o.progress = progress_show;
	if (sync_journal(ctx->journal, &o, &res, &err) < 0) {
		progress_clear();
		rc = cmd_error(_("sync: %s"), err.buf);
		strbuf_release(&err);
		return rc;
	}
	progress_clear();
	cmd_warnings(&res.warn);
	for (i = 0; i < res.n; i++) {
		S_render(&out, &res.lines[i]);
		if (sync_line_failed(&res.lines[i]))
			rc = EXIT_PROBLEMS;
		conflict = conflict || res.lines[i].outcome == SYNC_CONFLICT;
		skipped = skipped || res.lines[i].outcome == SYNC_SKIPPED;
	}
	if (!res.n)
		strbuf_addstr(&out, _("nothing to sync: no pair journal and no remote origin\n"));
	if (cmd_flush(&out) != EXIT_OK)
		rc = EXIT_ERROR;
	if (conflict)
		cmd_error(_("resolve each conflict (notes check shows the markers), then notes "
			    "commit and notes sync"));
	if (skipped)
		cmd_error(_("commit the notes first (notes commit), then notes sync"));
	sync_result_release(&res);
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_sync_entry = {
	.name = "sync",
	.fn = cmd_sync,
	.flags = NEED_JOURNAL,
	.synopsis = "notes sync [PERSON...]",
	.summary = N_("sync each journal with its remote"),
	.description =
		N_("Brings each journal and its remote together: the team repository (when it\n"
		   "has a remote origin) and each pair journal (all, or those of PERSON...),\n"
		   "cloning the missing ones. Fetches main, fast-forwards or merges (notes\n"
		   "item by item), pushes main (never forced). Notes with changes not\n"
		   "committed are never touched: that journal is skipped. A conflict leaves\n"
		   "markers in the note; resolve it, then notes commit completes the merge.\n"
		   "One line per journal; exit 1 when one was skipped or stopped."),
};
