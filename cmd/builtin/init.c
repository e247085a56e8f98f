/* init.c - notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "journal_setup.h"

static int S_init(const struct journal_create_options *o)
{
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	char *root;
	int rc = EXIT_OK;

	if (journal_create(o, &root, &warn, &err) < 0)
		rc = EXIT_ERROR;
	cmd_warnings(&warn);
	if (rc == EXIT_OK)
		printf(_("Initialized a notes journal in %s\n"), root);
	else
		cmd_error(_("init: %s"), err.buf);
	free(root);
	strbuf_release(&err);
	strbuf_release(&warn);
	return rc;
}

enum { OPT_LEADER, OPT_NAME, OPT_EMAIL, OPT_LANG };

static int cmd_init(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct journal_create_options o = { ".", args->value[OPT_LEADER], args->value[OPT_NAME],
					    args->value[OPT_EMAIL], args->value[OPT_LANG] };

	(void)ctx;
	if (!o.lang)
		o.lang = "en";
	if (args->argc > 1)
		return cmd_usage_error(&cmd_init_entry, _("too many arguments"));
	if (args->argc)
		o.dir = args->argv[0];
	return S_init(&o);
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.fn = cmd_init,
	.synopsis = "notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]",
	.summary = N_("create a journal (a git repository with .notes/config)"),
	.description = N_("Creates the journal: a git repository with .notes/config, and its first commit."),
	.options = {
		[OPT_LEADER] = { "leader", 0, "ID", N_("who leads the 1:1s (owner of support items)") },
		[OPT_NAME] = { "name", 0, "N", N_("the leader's name") },
		[OPT_EMAIL] = { "email", 0, "E", N_("the leader's e-mail") },
		[OPT_LANG] = { "lang", 0, "L", N_("template language: en (default) or ko") },
	},
};
