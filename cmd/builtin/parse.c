/* parse.c - notes parse FILE... [--json]: a note's structured commitments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "fsutil.h"
#include "journal_check.h"
#include "json.h"

static int S_parse_one(const char *file, struct cmd_context *ctx, bool as_json, struct strbuf *out)
{
	struct strbuf buf = STRBUF_INIT, err = STRBUF_INIT;
	char *rel = ctx->journal ? journal_relative(ctx->journal, file) : NULL;
	struct checked_note c;
	int rc = EXIT_OK;

	if (read_file(file, &buf, MAX_NOTE_SIZE, &err) < 0) {
		rc = cmd_error("%s: %s", file, err.buf);
		goto out;
	}
	/* the problems are those notes check reports for the same file */
	if (journal_check_note(&c, ctx->journal, file, rel, buf.buf, buf.len, &err) < 0) {
		rc = cmd_error("%s", err.buf);
		goto out;
	}
	if (as_json)
		json_note_line(out, &c.note, &c.problems);
	else
		print_note_summary(out, &c.note, &c.problems);
	checked_note_release(&c);
out:
	free(rel);
	strbuf_release(&buf);
	strbuf_release(&err);
	return rc;
}

enum { OPT_JSON };

static int cmd_parse(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct strbuf out = STRBUF_INIT;
	bool as_json = args->value[OPT_JSON] != NULL;
	int i, rc = EXIT_OK;

	if (!args->argc)
		return cmd_usage_error(&cmd_parse_entry, _("no file to parse"));
	for (i = 0; i < args->argc; i++) {
		if (S_parse_one(args->argv[i], ctx, as_json, &out) != EXIT_OK)
			rc = EXIT_ERROR;
		/* stream: a long run over many notes starts printing at once */
		if (out.len > 65536 && cmd_flush(&out) != EXIT_OK) {
			strbuf_release(&out);
			return EXIT_ERROR;
		}
	}
	if (cmd_flush(&out) != EXIT_OK)
		rc = EXIT_ERROR;
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_parse_entry = {
	.name = "parse",
	.fn = cmd_parse,
	.flags = WANT_JOURNAL,
	.synopsis = "notes parse FILE... [--json]",
	.summary = N_("read notes into structured commitments (--json for scripts)"),
	.description =
		N_("Prints the structured commitments of each note. Problems are listed\n"
		"(see 'notes check'); the exit status is 2 only when a file cannot be read."),
	.options = {
		[OPT_JSON] = { "json", 0, NULL, N_("one JSON object per file (JSON Lines)") },
	},
};
