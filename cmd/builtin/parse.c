/* parse.c - notes parse FILE... [--json]: a note's structured commitments. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "fsutil.h"
#include "journal_check.h"
#include "json.h"
#include "notes_print.h"

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
	if (as_json) {
		json_t *j = json_from_note(&c.note, &c.problems);
		json_add_line(out, j);
		json_decref(j);
	} else {
		print_note_summary(out, &c.note, &c.problems);
	}
	checked_note_release(&c);
out:
	free(rel);
	strbuf_release(&buf);
	strbuf_release(&err);
	return rc;
}

static int cmd_parse(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	struct strbuf out = STRBUF_INIT;
	bool as_json = false;
	int c, i, rc = EXIT_OK;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		if (c == 'j')
			as_json = true;
		else
			return cmd_option_error(&cmd_parse_entry, c, argv);
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_parse_entry, "no file to parse");
	for (i = optind; i < argc; i++) {
		if (S_parse_one(argv[i], ctx, as_json, &out) != EXIT_OK)
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
	"parse",
	cmd_parse,
	WANT_JOURNAL,
	"notes parse FILE... [--json]\n\n"
	"  --json    one JSON object per file (JSON Lines)\n\n"
	"Prints the structured commitments of each note. Problems are listed\n"
	"(see 'notes check'); the exit status is 2 only when a file cannot be read.",
	"read notes into structured commitments (--json for scripts)",
};
