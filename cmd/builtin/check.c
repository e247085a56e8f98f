/* check.c - notes check [--strict] [PERSON|FILE...]: does each note keep the loop? */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "journal_check.h"
#include "fsutil.h"
#include "notes_print.h"

/* Check one note against its journal; print its problems. */
static int S_check_one(struct cmd_context *ctx, const struct target *t, bool strict,
		       struct strbuf *out)
{
	struct strbuf buf = STRBUF_INIT, err = STRBUF_INIT;
	struct checked_note c;
	int rc = EXIT_OK;

	if (read_file(t->path, &buf, MAX_NOTE_SIZE, &err) < 0 ||
	    journal_check_note(&c, ctx->journal, t->path, t->rel, buf.buf, buf.len, &err) < 0) {
		rc = cmd_error("%s: %s", t->display, err.buf);
		goto out;
	}
	diag_format(&c.problems, t->display, out);
	if (diag_count(&c.problems, SEVERITY_ERROR) ||
	    (strict && diag_count(&c.problems, SEVERITY_WARNING)))
		rc = EXIT_PROBLEMS;
	checked_note_release(&c);
out:
	strbuf_release(&buf);
	strbuf_release(&err);
	return rc;
}

static int cmd_check(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "strict", no_argument, NULL, 's' }, { 0 } };
	struct strbuf out = STRBUF_INIT;
	struct target *targets;
	size_t n, i;
	bool strict = false;
	int c, rc = EXIT_OK;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		if (c == 's')
			strict = true;
		else
			return cmd_option_error(&cmd_check_entry, c, argv);
	}
	if (optind < argc) {
		if (resolve_targets(ctx, argc - optind, argv + optind, &targets, &n))
			return EXIT_ERROR;
	} else if (ctx->journal) {
		latest_targets(ctx, &targets, &n);
	} else {
		return cmd_usage_error(&cmd_check_entry,
				       "not in a journal: name the files to check");
	}
	for (i = 0; i < n; i++) {
		int one = S_check_one(ctx, &targets[i], strict, &out);
		if (one > rc)
			rc = one;
		if (cmd_flush(&out) != EXIT_OK)
			rc = EXIT_ERROR;
	}
	targets_free(targets, n);
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	"check",
	cmd_check,
	WANT_JOURNAL,
	"notes check [--strict] [PERSON|FILE...]\n\n"
	"  --strict  warnings count as problems too (exit 1)\n\n"
	"Checks that each note keeps the loop; without arguments, the latest note\n"
	"of every person. Prints file:line:col: severity: message [code].\n"
	"Exit 0: no errors; 1: errors (or warnings with --strict); 2: cannot read.",
	"check that notes keep the loop",
};
