/* builtin.h - the commands: each parses its arguments, calls the library,
 * prints, and returns an exit status (0 ok, 1 the notes have problems,
 * 2 usage, I/O or repository error). */
#ifndef NOTES_BUILTIN_H
#define NOTES_BUILTIN_H

#include <stdbool.h>
#include <stdio.h>

#include "journal_notes.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_ERROR = 2 };

struct cmd_context {
	struct journal *journal; /* set for commands that need one */
	bool color; /* stdout is a terminal and NO_COLOR is unset */
};

struct cmd_entry {
	const char *name;
	int (*fn)(int argc, char **argv, struct cmd_context *ctx);
	unsigned flags;
	const char *usage; /* "notes parse FILE... [--json]" and the options */
	const char *summary; /* one line for `notes --help` */
};

#define NEED_JOURNAL (1u << 0)
#define WANT_JOURNAL (1u << 1) /* use one when there is one */
#define HIDDEN_COMMAND (1u << 2) /* not listed by notes --help */

extern const struct cmd_entry cmd_init_entry, cmd_person_entry, cmd_new_entry, cmd_parse_entry,
	cmd_check_entry, cmd_commit_entry, cmd_done_entry, cmd_status_entry, cmd_review_entry,
	cmd_calendar_entry, cmd_complete_entry, cmd_share_entry, cmd_sync_entry;

/* notes help [COMMAND]: man notes-COMMAND (man notes without one), else
 * the command's usage (overview's text); name is not a command: cmd NULL. */
int cmd_help(const char *name, const struct cmd_entry *cmd, void (*overview)(FILE *f));

/* "notes: <message>" on stderr, control characters escaped; returns EXIT_ERROR. */
int cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error and the command's usage; returns EXIT_ERROR. */
int cmd_usage_error(const struct cmd_entry *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Each line of warn (what the library says the user should hear) as
 * "notes: <line>" on stderr. */
void cmd_warnings(const struct strbuf *warn);
/* Write out to stdout; returns EXIT_ERROR when it fails (a closed pipe). */
int cmd_flush(struct strbuf *out);

/* Option parsing shared by the commands: getopt_long with the command's
 * long options; returns the option, -1 at the end, ':' for a missing
 * value and '?' for another error. */
struct option;
int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);
/* Report the option error cmd_getopt returned as c ("unknown option
 * '--x'", "option '--x' needs a value", "option '--x' takes no value")
 * and the usage; returns EXIT_ERROR. */
int cmd_option_error(const struct cmd_entry *cmd, int c, char **argv);

#endif
