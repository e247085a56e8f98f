/* lsp.c - notes lsp [--debounce MS]: a Language Server on stdin and stdout. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "builtin.h"
#include "gettext.h"
#include "lsp.h"

#ifndef NOTES_VERSION
#define NOTES_VERSION "0.0.0"
#endif

enum { OPT_DEBOUNCE, OPT_STDIO };

static int cmd_lsp(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct lsp_options o = { STDIN_FILENO, STDOUT_FILENO, ctx->journal, LSP_DEFAULT_DEBOUNCE_MS,
				 NOTES_VERSION };
	const char *debounce = args->value[OPT_DEBOUNCE];
	struct strbuf err = STRBUF_INIT;
	char *end;
	long ms;
	int rc;

	if (debounce) {
		ms = strtol(debounce, &end, 10);
		if (end == debounce || *end || ms < 0 || ms > 60000)
			return cmd_usage_error(&cmd_lsp_entry,
					       _("--debounce '%s' is not 0 to 60000 ms"), debounce);
		o.debounce_ms = (int)ms;
	}
	if (args->argc)
		return cmd_usage_error(&cmd_lsp_entry, _("unexpected argument '%s'"),
				       args->argv[0]);
	/* a client that goes away closes the pipe: a write then fails, it does not kill */
	signal(SIGPIPE, SIG_IGN);
	rc = lsp_serve(&o, &err);
	if (rc < 0)
		rc = cmd_error(_("lsp: %s"), err.buf);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_lsp_entry = {
	.name = "lsp",
	.fn = cmd_lsp,
	.flags = WANT_JOURNAL,
	.synopsis = "notes lsp [--debounce MS]",
	.summary = N_("a Language Server for editors (LSP on stdio)"),
	.description =
		N_("A Language Server (LSP 3.17) on standard input and output, for editors:\n"
		"the problems of 'notes check' as diagnostics while a note is edited,\n"
		"completion of people (@), goals and tags (#), open items (^), headings and\n"
		"fields, the history of an item on hover, and fixes for unreviewed and\n"
		"loop-broken items. It never writes a note and reads only the journal.\n"
		"Exit 0 when the client sent shutdown before it left; 1 when it did not."),
	.options = {
		[OPT_DEBOUNCE] = { "debounce", 0, "MS",
				   N_("wait MS after a change before checking the note (default 200)") },
		[OPT_STDIO] = { "stdio", 0, NULL,
				N_("accepted for editors that pass it; stdio is the only transport") },
	},
};
