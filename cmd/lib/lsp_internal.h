/* lsp_internal.h - what the modules of the language server share: the
 * open documents (lsp_doc.c), positions in them, and the language
 * features (lsp_check.c, lsp_complete.c, lsp_hover.c). */
#ifndef NOTES_LSP_INTERNAL_H
#define NOTES_LSP_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "journal.h"
#include "journal_check.h"
#include "strbuf.h"

/* JSON-RPC and LSP error codes. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
};

/* A connection to the client: its input as read so far, and its state. */
struct lsp_conn {
	int in, out;
	struct strbuf buf;
	size_t pos; /* where the next message starts in buf */
	size_t body, want; /* the awaited body: where it starts, its length */
	bool waiting; /* a header was read, its body has not all come */
	bool resync; /* after a bad header: looking for the next one */
	bool gone; /* the output cannot be written (the client went away) */
	struct strbuf error; /* why, when it was not the client going away */
};

void lsp_conn_init(struct lsp_conn *c, int in, int out);
void lsp_conn_release(struct lsp_conn *c);
/* The next whole message in what was read: 1 with body[0, len), 0 when
 * more input is needed. A bad header is answered with an error and
 * skipped up to the next header. */
int lsp_conn_next(struct lsp_conn *c, const char **body, size_t *len);
/* The message lsp_conn_next returned is not JSON: whether that is because
 * its Content-Length took in the next message (then it is answered with
 * an error and the next message is read from its header). */
bool lsp_conn_misframed(struct lsp_conn *c);
/* The message lsp_conn_next returned is done with. */
void lsp_conn_consumed(struct lsp_conn *c);
/* Wait for input (at most timeout_ms, -1: no limit) and read some:
 * 1 read, 0 nothing yet, -1 the input ended. */
int lsp_conn_wait(struct lsp_conn *c, int timeout_ms);
/* Send msg (stolen), framed; once the output failed, nothing is sent. */
void lsp_conn_send(struct lsp_conn *c, json_t *msg);
/* An error reply (id NULL: null, the request is unknown). */
void lsp_conn_error(struct lsp_conn *c, json_t *id, int code, const char *message);

struct lsp_doc {
	char *uri;
	char *path; /* the local file a file: URI names, else NULL */
	const struct journal *journal; /* the journal it belongs to, or NULL */
	char *rel; /* its path in that journal, NULL when it is outside */
	json_int_t version;
	struct strbuf text;
	int64_t due_ms; /* when its diagnostics are to be published; -1: done */
};

struct lsp_docs {
	struct lsp_doc **list;
	size_t nr, alloc;
	/* the journal of every document, or NULL: each document's own */
	const struct journal *journal;
	struct journal **found; /* journals found around documents, owned */
	size_t nfound, found_alloc;
};

/* The local path a file: URI names ("file:///a%20b" -> "/a b"), or NULL
 * for another scheme, a remote host, or a path holding a NUL. */
char *lsp_uri_path(const char *uri);
struct lsp_doc *lsp_doc_find(struct lsp_docs *docs, const char *uri);
/* Open (or re-open) uri with its text. */
struct lsp_doc *lsp_doc_open(struct lsp_docs *docs, const char *uri, const char *text, size_t len,
			     json_int_t version);
/* Apply the contentChanges of a didChange: whole texts, or ranges.
 * Returns 0, or -1 with the reason in err (the document is unchanged). */
int lsp_doc_change(struct lsp_doc *doc, json_t *changes, struct strbuf *err);
void lsp_doc_close(struct lsp_docs *docs, struct lsp_doc *doc);
void lsp_docs_release(struct lsp_docs *docs);

/*
 * Positions: LSP counts lines from 0 (ending at \n, \r\n or \r) and
 * characters in UTF-16 code units. lsp_offset turns one into a byte
 * offset (clamped to the line, and to the text); lsp_position the back.
 */
size_t lsp_offset(const char *text, size_t len, json_int_t line, json_int_t character);
void lsp_position(const char *text, size_t len, size_t offset, size_t *line, size_t *character);
/* UTF-16 code units of s[0, len) (a byte that is not UTF-8 counts one). */
size_t lsp_utf16_units(const char *s, size_t len);
/* {"line","character"} and {"start","end"} of byte offsets. */
json_t *lsp_range(const char *text, size_t len, size_t from, size_t to);

/* A JSON string of s, escaped as in messages when it is not UTF-8. */
json_t *lsp_string(const char *s);
json_t *lsp_stringn(const char *s, size_t len);
/* {"textDocument":{"uri"},"position":{"line","character"}} of params:
 * the open document and the byte offset; 0, or an RPC error with msg. */
int lsp_doc_position(struct lsp_docs *docs, json_t *params, struct lsp_doc **doc, size_t *offset,
		     struct strbuf *msg);

/* A document's problems, decided by what decides them for `notes check`
 * (journal_check_note), and whether the document is a note at all. */
struct lsp_checked {
	struct checked_note checked;
	bool is_note; /* a dated note, not just some Markdown file */
	bool too_large; /* larger than notes reads: not checked */
};
int lsp_check(struct lsp_checked *out, const struct lsp_doc *doc, struct strbuf *err);
void lsp_checked_release(struct lsp_checked *c);
/* A doc's note parsed as `notes check` parses it (no problems decided). */
int lsp_parse(struct note *note, const struct lsp_doc *doc, struct strbuf *err);

/* The params of textDocument/publishDiagnostics for doc. */
json_t *lsp_diagnostics(const struct lsp_doc *doc, struct strbuf *err);
/* The code actions for the lines [first, last] (0-based) of doc. */
json_t *lsp_code_actions(const struct lsp_doc *doc, size_t first, size_t last, struct strbuf *err);
/* The CompletionList at offset. */
json_t *lsp_completion(const struct lsp_doc *doc, size_t offset, struct strbuf *err);
/* The Hover at offset, or JSON null. */
json_t *lsp_hover(const struct lsp_doc *doc, size_t offset, struct strbuf *err);

/* The built-in vocabulary: fn is called with each field key (value NULL)
 * and each value word of an enumerated field, in every language. */
typedef void (*lsp_word_fn)(const char *lang, enum field f, const char *value, const char *word,
			    void *data);
void lsp_vocab_words(lsp_word_fn fn, void *data);
/* The first word for field f (or, with value, for that value) in lang. */
void lsp_vocab_word(const char *lang, enum field f, const char *value, struct strbuf *out);
/* The language a note is written in: "ko" when the heading at line (1-based) is Korean. */
const char *lsp_heading_language(const char *text, size_t len, int line);

#endif
