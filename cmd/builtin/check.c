/* check.c - notes check [--strict] [--staged | PERSON|FILE...]: does each note keep the loop? */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "journal_check.h"
#include "fsutil.h"
#include "journal_staged.h"
#include "journal_targets.h"

/* Check one note against its journal; print its problems. */
static int S_check_one(struct cmd_context *ctx, const struct note_target *t, bool strict,
		       struct strbuf *out)
{
	struct strbuf buf = STRBUF_INIT, err = STRBUF_INIT;
	struct checked_note c;
	int rc = EXIT_OK;

	if (read_file(t->path, &buf, MAX_NOTE_SIZE, &err) < 0 ||
	    journal_check_note(&c, ctx->journal, t->path, t->rel, buf.buf, buf.len, &err) < 0) {
		rc = cmd_error("%s: %s", t->name, err.buf);
		goto out;
	}
	diag_format(&c.problems, t->name, out);
	if (diag_count(&c.problems, SEVERITY_ERROR) ||
	    (strict && diag_count(&c.problems, SEVERITY_WARNING)))
		rc = EXIT_PROBLEMS;
	checked_note_release(&c);
out:
	strbuf_release(&buf);
	strbuf_release(&err);
	return rc;
}

/* The staged notes, as the index holds them (the pre-commit hook). */
static int S_check_staged(struct cmd_context *ctx, bool strict)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct staged_notes s;
	int rc = EXIT_OK;
	size_t i;

	if (journal_check_staged(ctx->journal, &s, &err) < 0)
		rc = cmd_error("%s", err.buf);
	for (i = 0; i < s.nr; i++) {
		const struct staged_note *n = &s.list[i];
		if (n->error) {
			rc = cmd_error("%s: %s", n->rel, n->error);
			continue;
		}
		diag_format(&n->problems, n->rel, &out);
		if (rc == EXIT_OK && (diag_count(&n->problems, SEVERITY_ERROR) ||
				      (strict && diag_count(&n->problems, SEVERITY_WARNING))))
			rc = EXIT_PROBLEMS;
		if (cmd_flush(&out) != EXIT_OK)
			rc = EXIT_ERROR;
	}
	staged_notes_release(&s);
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

enum { OPT_STRICT, OPT_STAGED };

static int cmd_check(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	bool strict = args->value[OPT_STRICT] != NULL;
	struct note_target *targets;
	size_t n, i;
	int rc = EXIT_OK;

	if (args->value[OPT_STAGED]) {
		if (args->argc)
			return cmd_usage_error(&cmd_check_entry,
					       _("--staged checks the staged notes: name none"));
		if (!ctx->journal)
			return cmd_usage_error(&cmd_check_entry,
					       _("not in a journal: no staged notes to check"));
		return S_check_staged(ctx, strict);
	}
	if (args->argc) {
		if (journal_resolve_targets(ctx->journal, args->argc, args->argv, &targets, &n,
					    &err) < 0) {
			cmd_error("%s", err.buf);
			strbuf_release(&err);
			return EXIT_ERROR;
		}
	} else if (ctx->journal) {
		journal_latest_targets(ctx->journal, &targets, &n);
	} else {
		return cmd_usage_error(&cmd_check_entry,
				       _("not in a journal: name the files to check"));
	}
	for (i = 0; i < n; i++) {
		int one = S_check_one(ctx, &targets[i], strict, &out);
		if (one > rc)
			rc = one;
		if (cmd_flush(&out) != EXIT_OK)
			rc = EXIT_ERROR;
	}
	note_targets_free(targets, n);
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.fn = cmd_check,
	.flags = WANT_JOURNAL,
	.synopsis = "notes check [--strict] [PERSON|FILE...]\n"
		    "   or: notes check [--strict] --staged",
	.summary = N_("check that notes keep the loop"),
	.description =
		N_("Checks that each note keeps the loop; without arguments, the latest note\n"
		"of every person; with --staged, the notes staged for the next commit as\n"
		"the index holds them (the pre-commit hook, see notes hook).\n"
		"Prints file:line:col: severity: message [code].\n"
		"Exit 0: no errors; 1: errors (or warnings with --strict); 2: cannot read."),
	.options = {
		[OPT_STRICT] = { "strict", 0, NULL, N_("warnings count as problems too (exit 1)") },
		[OPT_STAGED] = { "staged", 0, NULL,
				 N_("check the staged versions of the staged notes (from the index)") },
	},
};
