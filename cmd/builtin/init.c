/* init.c - notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
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
		printf("Initialized a notes journal in %s\n", root);
	else
		cmd_error("init: %s", err.buf);
	free(root);
	strbuf_release(&err);
	strbuf_release(&warn);
	return rc;
}

static int cmd_init(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "leader", required_argument, NULL, 'l' },
					      { "name", required_argument, NULL, 'n' },
					      { "email", required_argument, NULL, 'e' },
					      { "lang", required_argument, NULL, 'L' },
					      { 0 } };
	struct journal_create_options o = { ".", NULL, NULL, NULL, "en" };
	int c;

	(void)ctx;
	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'l': o.leader = optarg; break;
		case 'n': o.name = optarg; break;
		case 'e': o.email = optarg; break;
		case 'L': o.lang = optarg; break;
		default: return cmd_option_error(&cmd_init_entry, c, argv);
		}
	}
	if (optind < argc)
		o.dir = argv[optind++];
	if (optind < argc)
		return cmd_usage_error(&cmd_init_entry, "too many arguments");
	return S_init(&o);
}

const struct cmd_entry cmd_init_entry = {
	"init",
	cmd_init,
	0,
	"notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]\n\n"
	"  --leader ID   who leads the 1:1s (owner of support items)\n"
	"  --name N      the leader's name, --email E their e-mail\n"
	"  --lang L      template language: en (default) or ko\n\n"
	"Creates the journal: a git repository with .notes/config, and its first commit.",
	"create a journal (a git repository with .notes/config)",
};
