/* new.c - notes new PERSON [--date D] [--edit|--no-edit]: write the note
 * before the meeting, carrying last week's commitments into it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtin.h"
#include "gettext.h"
#include "journal_new.h"

struct new_options {
	const char *person, *date;
	int edit; /* -1: when on a terminal */
};

/* Run the editor on path as git does (sh -c '$EDITOR "$@"' '$EDITOR'
 * path: the value is shell words, so quotes and arguments work). An
 * editor that cannot start or fails is an error: exit 2. */
static int S_run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	struct strbuf cmd = STRBUF_INIT, name = STRBUF_INIT;
	int status = 0, rc = EXIT_OK;
	pid_t pid;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	strbuf_addf(&cmd, "%s \"$@\"", ed);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd.buf, ed, path, (char *)NULL);
		_exit(127);
	}
	strbuf_add_escaped(&name, ed, strlen(ed));
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		rc = cmd_error("new: cannot run the editor '%s'; the note is %s", name.buf, path);
	else if (WIFSIGNALED(status))
		rc = cmd_error("new: the editor '%s' was killed (signal %d); the note is %s",
			       name.buf, WTERMSIG(status), path);
	else if (WEXITSTATUS(status))
		rc = cmd_error("new: the editor '%s' failed (exit %d%s); the note is %s", name.buf,
			       WEXITSTATUS(status), WEXITSTATUS(status) == 127 ? ": not found" : "",
			       path);
	strbuf_release(&cmd);
	strbuf_release(&name);
	return rc;
}

static int S_new(struct cmd_context *ctx, const struct new_options *o)
{
	struct strbuf err = STRBUF_INIT, full = STRBUF_INIT;
	notes_time now;
	int rc = EXIT_OK;
	char *rel;

	if (date_now(&now) < 0)
		return cmd_error(_("new: NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	if (journal_new_note(ctx->journal, o->person, o->date, now, &rel, &err) < 0) {
		cmd_error(_("new: %s"), err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	printf("%s\n", rel);
	fflush(stdout);
	journal_path(ctx->journal, rel, &full);
	if (o->edit > 0 || (o->edit < 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))
		rc = S_run_editor(full.buf);
	free(rel);
	strbuf_release(&full);
	strbuf_release(&err);
	return rc;
}

enum { OPT_DATE, OPT_EDIT, OPT_NO_EDIT };

static int cmd_new(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct new_options o = { NULL, args->value[OPT_DATE], -1 };

	/* the later of --edit and --no-edit wins */
	if (args->at[OPT_EDIT] || args->at[OPT_NO_EDIT])
		o.edit = args->at[OPT_EDIT] > args->at[OPT_NO_EDIT];
	/* a pair journal holds one person's notes: PERSON goes without saying */
	if (!args->argc && ctx->journal->person)
		o.person = ctx->journal->person;
	else if (args->argc != 1)
		return cmd_usage_error(&cmd_new_entry, _("name one person"));
	else
		o.person = args->argv[0];
	return S_new(ctx, &o);
}

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.fn = cmd_new,
	.flags = NEED_JOURNAL,
	.synopsis = "notes new [PERSON] [--date D] [--edit|--no-edit]",
	.summary = N_("write this week's note, carrying last week's commitments"),
	.description =
		N_("Writes <person>/<date>.md from the template, carrying forward the goals, every\n"
		"focus and support item of the previous note (with its id and status) and the\n"
		"review items still open into the review, and unresolved blockers. Never\n"
		"overwrites a note. Prints the path. In a pair journal PERSON is its person,\n"
		"and the note is <date>.md at its root."),
	.options = {
		[OPT_DATE] = { "date", 0, "D",
			       N_("the meeting date (default: this week's slot day, else today)") },
		[OPT_EDIT] = { "edit", 0, NULL, N_("open $VISUAL/$EDITOR (default when on a terminal)") },
		[OPT_NO_EDIT] = { "no-edit", 0, NULL, N_("do not open an editor") },
	},
};
