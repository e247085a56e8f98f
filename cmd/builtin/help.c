/* help.c - notes help [COMMAND]: the manual page, else the --help text. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtin.h"
#include "gettext.h"

extern char **environ;

/* Run man with args; its exit status, or -1 when it cannot be started.
 * quiet: its output goes to /dev/null. */
static int S_man(char *const args[], bool quiet)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, rc;

	fflush(stdout);
	posix_spawn_file_actions_init(&fa);
	if (quiet) {
		posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	}
	rc = posix_spawnp(&pid, "man", &fa, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int cmd_help(const char *name, const struct cmd_entry *cmd, void (*overview)(FILE *f))
{
	char man[] = "man", where[] = "-w", page[64];
	char *probe[] = { man, where, page, NULL }, *show[] = { man, page, NULL };

	if (name && !cmd)
		return cmd_error(_("'%s' is not a notes command (see 'notes --help')"), name);
	snprintf(page, sizeof(page), "%s%s", cmd ? "notes-" : "notes", cmd ? cmd->name : "");
	/* man -w first: without the page (or without man) the --help text
	 * stands in, with no "No manual entry" on the way */
	if (S_man(probe, true) == 0)
		return S_man(show, false) == 0 ? EXIT_OK : EXIT_ERROR;
	if (cmd)
		cmd_print_usage(cmd, stdout);
	else
		overview(stdout);
	return EXIT_OK;
}
