/* hook.c - notes hook [install [--force] [--strict] | uninstall]: the pre-commit hook. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "hook.h"

/* "runs /path/to/notes check --staged" and what git makes of it. */
static void S_runs(struct strbuf *out, const struct hook_info *h)
{
	strbuf_addstr(out, _(": runs "));
	strbuf_add_escaped(out, h->binary, strlen(h->binary));
	strbuf_addf(out, " check --staged%s", h->strict ? " --strict" : "");
	if (!strcmp(h->binary, "notes"))
		strbuf_addstr(out, _(" (notes from PATH)"));
	if (!h->executable)
		strbuf_addstr(out, _(" (not executable: git does not run it)"));
	strbuf_addch(out, '\n');
}

static void S_shown(struct strbuf *out, const struct hook_info *h)
{
	strbuf_add_escaped(out, h->shown, strlen(h->shown));
}

static int S_status(struct cmd_context *ctx, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	struct hook_info h;
	int rc = EXIT_OK;

	if (hook_status(&h, ctx->journal, &err) < 0) {
		rc = cmd_error(_("hook: %s"), err.buf);
	} else if (h.state == HOOK_NOTES) {
		strbuf_addstr(out, _("installed "));
		S_shown(out, &h);
		S_runs(out, &h);
	} else {
		strbuf_addstr(out, _("not installed: "));
		S_shown(out, &h);
		strbuf_addstr(out, h.state == HOOK_NONE
					   ? _(" does not exist\n")
					   : _(" is another program's pre-commit hook\n"));
	}
	hook_info_release(&h);
	strbuf_release(&err);
	return rc;
}

static int S_install(struct cmd_context *ctx, const struct hook_options *o, struct strbuf *out)
{
	static const char *const verbs[] = {
		[HOOK_WRITTEN] = N_("wrote"),
		[HOOK_UPDATED] = N_("updated"),
		[HOOK_REPLACED] = N_("replaced"),
		[HOOK_UNCHANGED] = N_("unchanged"),
	};
	struct strbuf err = STRBUF_INIT;
	enum hook_change change;
	struct hook_info h;
	int rc = EXIT_OK;

	if (hook_install(&h, ctx->journal, o, &change, &err) < 0) {
		rc = cmd_error(_("hook install: %s"), err.buf);
	} else {
		strbuf_addf(out, "%s ", _(verbs[change]));
		S_shown(out, &h);
		S_runs(out, &h);
	}
	hook_info_release(&h);
	strbuf_release(&err);
	return rc;
}

static int S_uninstall(struct cmd_context *ctx, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	struct hook_info h;
	int rc = hook_uninstall(&h, ctx->journal, &err);

	if (rc < 0) {
		rc = cmd_error(_("hook uninstall: %s"), err.buf);
	} else {
		strbuf_addstr(out, rc == 0 ? _("removed ") : _("not installed: "));
		S_shown(out, &h);
		strbuf_addstr(out, rc == 0 ? "\n" : _(" does not exist\n"));
		rc = EXIT_OK;
	}
	hook_info_release(&h);
	strbuf_release(&err);
	return rc;
}

enum { OPT_FORCE, OPT_STRICT };

static int cmd_hook(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct hook_options o = { args->value[OPT_FORCE] != NULL, args->value[OPT_STRICT] != NULL,
				  NULL };
	const char *sub = args->argc ? args->argv[0] : NULL;
	struct strbuf out = STRBUF_INIT;
	int rc;

	if (args->argc > 1)
		return cmd_usage_error(&cmd_hook_entry, _("too many arguments"));
	if (sub && strcmp(sub, "install") && strcmp(sub, "uninstall"))
		return cmd_usage_error(&cmd_hook_entry, _("unknown subcommand '%s'"), sub);
	if ((o.force || o.strict) && (!sub || strcmp(sub, "install")))
		return cmd_usage_error(&cmd_hook_entry, _("--%s goes with install only"),
				       o.force ? "force" : "strict");
	if (!sub)
		rc = S_status(ctx, &out);
	else if (!strcmp(sub, "install"))
		rc = S_install(ctx, &o, &out);
	else
		rc = S_uninstall(ctx, &out);
	if (cmd_flush(&out) != EXIT_OK)
		rc = EXIT_ERROR;
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_hook_entry = {
	.name = "hook",
	.fn = cmd_hook,
	.flags = NEED_JOURNAL,
	.synopsis = "notes hook [install [--force] [--strict] | uninstall]",
	.summary = N_("the pre-commit hook that checks the staged notes"),
	.description =
		N_("install writes a pre-commit hook (in core.hooksPath when it is set, else\n"
		".git/hooks) that runs 'notes check' on the staged versions of the staged\n"
		"notes, so that git commit refuses a note with errors; it keeps another\n"
		"program's hook. uninstall removes notes' hook only. Without a\n"
		"subcommand: what is installed."),
	.options = {
		[OPT_FORCE] = { "force", 0, NULL, N_("install: replace another program's pre-commit hook") },
		[OPT_STRICT] = { "strict", 0, NULL, N_("install: the hook refuses warnings too") },
	},
};
