/* notes_print.h - human-readable output shared by the commands. */
#ifndef NOTES_PRINT_H
#define NOTES_PRINT_H

#include "diag.h"
#include "note.h"
#include "strbuf.h"

/* The readable summary of `notes parse`. */
void print_note_summary(struct strbuf *out, const struct note *note, const struct diag *problems);

/* Append s (control characters escaped) and spaces up to width columns
 * on a terminal (wide characters such as Hangul take two), then a space. */
void print_padded(struct strbuf *out, const char *s, int width);

/* A note file named by the user: a path, or a person's latest note. */
struct target {
	char *display; /* how to name it in messages */
	char *path; /* to open (relative to the current directory or absolute) */
	char *rel; /* relative to the journal root, NULL outside a journal */
};

struct cmd_context;
/* Resolve PERSON|FILE arguments; returns 0, or EXIT_ERROR after printing why. */
int resolve_targets(struct cmd_context *ctx, int argc, char **argv, struct target **out, size_t *n);
/* The latest note of every person in the journal. */
int latest_targets(struct cmd_context *ctx, struct target **out, size_t *n);
void targets_free(struct target *t, size_t n);
void target_from_rel(struct cmd_context *ctx, const char *rel, struct target *t);

#endif
