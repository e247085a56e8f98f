/* notes.c - main: global options, then a table of commands. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin/builtin.h"
#include "gettext.h"
#include "note.h"
#include "strbuf.h"
#include "vcs.h"
#include "vocab.h"

#ifndef NOTES_VERSION
#define NOTES_VERSION "0.0.0"
#endif

static const struct cmd_entry *const commands[] = {
	&cmd_init_entry,   &cmd_person_entry,	&cmd_new_entry,	     &cmd_parse_entry,
	&cmd_check_entry,  &cmd_commit_entry,	&cmd_done_entry,     &cmd_status_entry,
	&cmd_review_entry, &cmd_report_entry,	&cmd_calendar_entry, &cmd_share_entry,
	&cmd_sync_entry,   &cmd_complete_entry, &cmd_lsp_entry,	     &cmd_hook_entry,
};

static void S_help(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: %s\n"), "notes [-C DIR] COMMAND [ARGS]");
	fprintf(f, "\n%s\n\n%s\n",
		_("Weekly 1:1 notes in a git journal: blocked -> support within 48 hours ->\n"
		  "focus for 5 days -> review next week."),
		_("commands:"));
	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (!(commands[i]->flags & HIDDEN_COMMAND))
			fprintf(f, "  %-8s %s\n", commands[i]->name, _(commands[i]->summary));
	fprintf(f, "\n%s\n",
		_("'notes COMMAND --help' shows a command's options, 'notes help COMMAND'\n"
		  "its manual page; 'notes --version' the version.\n"
		  "Environment: NOTES_NOW=YYYY-MM-DDTHH:MM sets the clock; VISUAL/EDITOR;\n"
		  "NO_COLOR; GIT_AUTHOR_* and GIT_COMMITTER_* as in git."));
}

static const struct cmd_entry *S_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

static bool S_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

static int S_run(const struct cmd_entry *cmd, int argc, char **argv)
{
	struct cmd_context ctx = { NULL, false };
	struct strbuf err = STRBUF_INIT;
	const char *nc = getenv("NO_COLOR");
	struct cmd_args args;
	int rc;

	if (S_wants_help(argc, argv)) {
		cmd_print_usage(cmd, stdout);
		return EXIT_OK;
	}
	ctx.color = isatty(STDOUT_FILENO) && !(nc && *nc);
	if (cmd->flags & (NEED_JOURNAL | WANT_JOURNAL)) {
		/* a journal that is there but cannot be read is an error even
		 * for a command that works without one */
		rc = journal_find(&ctx.journal, NULL, &err);
		if (rc < 0 || (rc > 0 && (cmd->flags & NEED_JOURNAL))) {
			rc = cmd_error("%s", err.buf);
			strbuf_release(&err);
			return rc;
		}
		if (ctx.journal && ctx.journal->warnings) {
			struct strbuf w = STRBUF_INIT;
			strbuf_addstr(&w, ctx.journal->warnings);
			cmd_warnings(&w);
			strbuf_release(&w);
		}
	}
	strbuf_release(&err);
	if (cmd_parse_args(cmd, argc, argv, &args) == 0) {
		rc = cmd->fn(&args, &ctx);
		free(args.argv);
	} else {
		rc = EXIT_ERROR;
	}
	journal_free(ctx.journal);
	return rc;
}

int main(int argc, char **argv)
{
	const struct cmd_entry *cmd;
	int i = 1, rc;

	gettext_setup();
	/* past the file-size limit (ulimit -f) a write fails with EFBIG, which
	 * notes reports (and removes its temporary file), instead of a kill */
	signal(SIGXFSZ, SIG_IGN);
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			S_help(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("notes %s\n", NOTES_VERSION);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			if (chdir(argv[i + 1]) < 0)
				return cmd_error(_("cannot change to '%s': %s"), argv[i + 1],
						 strerror(errno));
			i += 2;
		} else if (!strcmp(argv[i], "-C")) {
			cmd_error(_("option '%s' needs a value"), "-C");
			S_help(stderr);
			return EXIT_ERROR;
		} else {
			struct strbuf name = STRBUF_INIT;
			strbuf_add_escaped(&name, argv[i], strlen(argv[i]));
			cmd_error(_("unknown option '%s'"), name.buf);
			strbuf_release(&name);
			S_help(stderr);
			return EXIT_ERROR;
		}
	}
	if (i >= argc) {
		S_help(stderr);
		return EXIT_ERROR;
	}
	if (!strcmp(argv[i], "help"))
		return cmd_help(i + 1 < argc ? argv[i + 1] : NULL,
				i + 1 < argc ? S_find(argv[i + 1]) : NULL, S_help);
	cmd = S_find(argv[i]);
	if (!cmd) {
		struct strbuf name = STRBUF_INIT;
		strbuf_add_escaped(&name, argv[i], strlen(argv[i]));
		cmd_error(_("'%s' is not a notes command (see 'notes --help')"), name.buf);
		strbuf_release(&name);
		return EXIT_ERROR;
	}
	rc = S_run(cmd, argc - i, argv + i);
	note_parse_forget();
	vocab_release();
	vcs_global_shutdown();
	return rc;
}
