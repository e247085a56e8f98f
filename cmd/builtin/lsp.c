/* lsp.c - notes lsp [--debounce MS]: a Language Server on stdin and stdout. */
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "builtin.h"
#include "lsp.h"

#ifndef NOTES_VERSION
#define NOTES_VERSION "0.0.0"
#endif

static int cmd_lsp(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "debounce", required_argument, NULL, 'd' },
					      { "stdio", no_argument, NULL, 's' },
					      { 0 } };
	struct lsp_options o = { STDIN_FILENO, STDOUT_FILENO, ctx->journal, LSP_DEFAULT_DEBOUNCE_MS,
				 NOTES_VERSION };
	struct strbuf err = STRBUF_INIT;
	char *end;
	long ms;
	int c, rc;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		if (c == 'd') {
			ms = strtol(optarg, &end, 10);
			if (end == optarg || *end || ms < 0 || ms > 60000)
				return cmd_usage_error(&cmd_lsp_entry,
						       "--debounce '%s' is not 0 to 60000 ms",
						       optarg);
			o.debounce_ms = (int)ms;
		} else if (c != 's') {
			return cmd_usage_error(&cmd_lsp_entry, "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_lsp_entry, "unexpected argument '%s'", argv[optind]);
	/* a client that goes away closes the pipe: a write then fails, it does not kill */
	signal(SIGPIPE, SIG_IGN);
	rc = lsp_serve(&o, &err);
	if (rc < 0)
		rc = cmd_error("lsp: %s", err.buf);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_lsp_entry = {
	"lsp",
	cmd_lsp,
	WANT_JOURNAL,
	"notes lsp [--debounce MS]\n\n"
	"  --debounce MS  wait MS after a change before checking the note (default 200)\n"
	"  --stdio        accepted for editors that pass it; stdio is the only transport\n\n"
	"A Language Server (LSP 3.17) on standard input and output, for editors:\n"
	"the problems of 'notes check' as diagnostics while a note is edited,\n"
	"completion of people (@), goals and tags (#), open items (^), headings and\n"
	"fields, the history of an item on hover, and fixes for unreviewed and\n"
	"loop-broken items. It never writes a note and reads only the journal.\n"
	"Exit 0 when the client sent shutdown before it left; 1 when it did not.",
	"a Language Server for editors (LSP on stdio)",
};
