/* lsp.h - notes as a Language Server (LSP 3.17): JSON-RPC messages framed
 * by Content-Length headers, read from one file descriptor and written to
 * another (an editor's pipes to `notes lsp`). */
#ifndef NOTES_LSP_H
#define NOTES_LSP_H

#include "journal.h"
#include "strbuf.h"

/* The wait after a change before its diagnostics are published, so that
 * a burst of keystrokes is checked once, at its last version. */
#define LSP_DEFAULT_DEBOUNCE_MS 200

struct lsp_options {
	int in, out; /* the client's messages, and ours */
	/* The journal the server works in (found from its directory), or
	 * NULL: then the workspace root the client names, else the journal
	 * around each document. */
	const struct journal *journal;
	int debounce_ms;
	const char *version; /* reported to the client */
};

/*
 * Serve one client until it sends "exit" or goes away (end of input, a
 * closed pipe). Never writes a note: edits go back to the client. Returns
 * 0 when the client sent "shutdown" before it exited or left, 1 when it
 * did not (the exit status LSP asks for), -1 with the reason in err when
 * the output failed for another reason than the client going away.
 */
int lsp_serve(const struct lsp_options *opts, struct strbuf *err);

#endif
