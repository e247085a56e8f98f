/* builtin.h - the commands: each parses its arguments (through its option
 * table), calls the library, prints, and returns an exit status (0 ok, 1
 * the notes have problems, 2 usage, I/O or repository error); and what
 * they share (util.c). */
#ifndef NOTES_BUILTIN_H
#define NOTES_BUILTIN_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "journal_notes.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_ERROR = 2 };

struct cmd_context {
	struct journal *journal; /* set for commands that need one */
	bool color; /* stdout is a terminal and NO_COLOR is unset */
};

/* One option of a command: the table its parser, its --help, its error
 * messages and the completion tests read. */
struct cmd_option {
	const char *name; /* the long name, without "--"; NULL ends the table */
	char short_name; /* 0: none */
	const char *arg; /* the value's name in the help ("MSG"); NULL: takes no value */
	const char *help; /* one line for --help */
};

#define CMD_MAX_OPTIONS 8

/* The arguments after the options were taken out (GNU order: options may
 * come anywhere before "--"). */
struct cmd_args {
	int argc; /* the operands */
	char **argv;
	/* per option of the table, by its index: its value (the last given),
	 * "" for an option without one, NULL when it was not given */
	const char *value[CMD_MAX_OPTIONS];
	int at[CMD_MAX_OPTIONS]; /* where it was last given (0: not given) */
};

struct cmd_entry {
	const char *name;
	int (*fn)(const struct cmd_args *args, struct cmd_context *ctx);
	unsigned flags;
	const char *synopsis; /* "notes parse FILE... [--json]" (and "   or: ..." lines) */
	const char *summary; /* one line for `notes --help` */
	const char *description; /* the paragraph of --help after the options */
	struct cmd_option options[CMD_MAX_OPTIONS + 1];
};

#define NEED_JOURNAL (1u << 0)
#define WANT_JOURNAL (1u << 1) /* use one when there is one */
#define HIDDEN_COMMAND (1u << 2) /* not listed by notes --help */

extern const struct cmd_entry cmd_init_entry, cmd_person_entry, cmd_new_entry, cmd_parse_entry,
	cmd_check_entry, cmd_commit_entry, cmd_done_entry, cmd_status_entry, cmd_review_entry,
	cmd_calendar_entry, cmd_complete_entry, cmd_share_entry, cmd_sync_entry;
extern const struct cmd_entry cmd_lsp_entry, cmd_report_entry;
extern const struct cmd_entry cmd_hook_entry;

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

/* Take the options of cmd out of argv (argv[0] is the command's name).
 * Returns 0, or EXIT_ERROR after printing "unknown option '--x'", "option
 * '--x' needs a value" or "option '--x' takes no value" and the usage. */
int cmd_parse_args(const struct cmd_entry *cmd, int argc, char **argv, struct cmd_args *out);
/* "usage: <synopsis>", the options and the description, to f (--help). */
void cmd_print_usage(const struct cmd_entry *cmd, FILE *f);

/* Text renderings the commands share. */
/* The readable summary of `notes parse`. */
void print_note_summary(struct strbuf *out, const struct note *note, const struct diag *problems);
/* Append s (control characters escaped) and spaces up to width columns
 * on a terminal (wide characters such as Hangul take two), then a space. */
void print_padded(struct strbuf *out, const char *s, int width);

#endif
