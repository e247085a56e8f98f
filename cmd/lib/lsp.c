/* lsp.c - the language server: the life cycle of a session (initialize,
 * shutdown, exit), each method dispatched to the documents and features,
 * and diagnostics published when a burst of changes has settled. */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lsp_internal.h"

/* The wait for input when no diagnostics are due (poll takes an int):
 * the loop wakes now and then for nothing, at no cost. */
#define IDLE_MS 60000

enum state { STATE_NEW, STATE_RUNNING, STATE_SHUT_DOWN, STATE_EXITED };

struct server {
	const struct lsp_options *opts;
	struct lsp_conn conn;
	enum state state;
	bool shut_down;
	struct lsp_docs docs;
	struct journal *root; /* found from the client's workspace, owned */
};

static int64_t S_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void S_send(struct server *s, json_t *msg)
{
	lsp_conn_send(&s->conn, msg);
}

static void S_error(struct server *s, json_t *id, int code, const char *message)
{
	lsp_conn_error(&s->conn, id, code, message);
}

static void S_notify(struct server *s, const char *method, json_t *params)
{
	S_send(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

/* What the client should know but cannot be told in a reply. */
static void S_log(struct server *s, const char *message)
{
	S_notify(s, "window/logMessage",
		 json_pack("{s:i,s:o}", "type", 1, "message", lsp_string(message)));
}

static void S_publish(struct server *s, struct lsp_doc *doc)
{
	struct strbuf err = STRBUF_INIT;
	json_t *params = lsp_diagnostics(doc, &err);

	doc->due_ms = -1;
	if (params)
		S_notify(s, "textDocument/publishDiagnostics", params);
	else
		S_log(s, err.buf);
	strbuf_release(&err);
}

static void S_publish_due(struct server *s)
{
	int64_t now = S_now_ms();
	size_t i;

	for (i = 0; i < s->docs.nr && !s->conn.gone; i++)
		if (s->docs.list[i]->due_ms >= 0 && s->docs.list[i]->due_ms <= now)
			S_publish(s, s->docs.list[i]);
}

/* ---- the methods ---- */

/* The local directory of the workspace the client names, if any. */
static const char *S_root_uri(json_t *params)
{
	json_t *folders = json_object_get(params, "workspaceFolders");
	const char *uri = json_string_value(json_object_get(params, "rootUri"));

	if (!uri && json_array_size(folders))
		uri = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
	return uri;
}

static int S_initialize(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	const char *uri = S_root_uri(params);
	struct strbuf err = STRBUF_INIT;
	char *root = uri ? lsp_uri_path(uri) : NULL;

	if (s->state != STATE_NEW) {
		strbuf_addstr(msg, "initialize was already received");
		free(root);
		return RPC_INVALID_REQUEST;
	}
	/* without a journal of its own, the server works in the workspace's */
	if (!s->opts->journal && root && journal_find(&s->root, root, &err) != 0)
		s->root = NULL;
	free(root);
	s->docs.journal = s->opts->journal ? s->opts->journal : s->root;
	s->state = STATE_RUNNING;
	*result =
		json_pack("{s:{s:s,s:{s:b,s:i,s:b},s:{s:[s,s,s],s:b},s:b,s:{s:[s]}},s:{s:s,s:s}}",
			  "capabilities", "positionEncoding", "utf-16", "textDocumentSync",
			  "openClose", 1, "change", 2, "save", 0, "completionProvider",
			  "triggerCharacters", "@", "#", "^", "resolveProvider", 0, "hoverProvider",
			  1, "codeActionProvider", "codeActionKinds", "quickfix", "serverInfo",
			  "name", "notes", "version", s->opts->version ? s->opts->version : "");
	strbuf_release(&err);
	return 0;
}

static int S_shutdown(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	(void)params;
	(void)msg;
	s->state = STATE_SHUT_DOWN;
	s->shut_down = true;
	*result = json_null();
	return 0;
}

static int S_exit(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	(void)params;
	(void)result;
	(void)msg;
	s->state = STATE_EXITED;
	return 0;
}

static int S_did_open(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	const char *uri, *text;
	json_int_t version = 0;
	size_t len;

	(void)result;
	if (json_unpack(params, "{s:{s:s,s:s%,s?I}}", "textDocument", "uri", &uri, "text", &text,
			&len, "version", &version) < 0) {
		strbuf_addstr(msg, "didOpen: expected {textDocument: {uri, text, version}}");
		return RPC_INVALID_PARAMS;
	}
	S_publish(s, lsp_doc_open(&s->docs, uri, text, len, version));
	return 0;
}

static int S_did_change(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	json_t *changes = NULL;
	json_int_t version = 0;
	struct lsp_doc *doc;
	const char *uri;

	(void)result;
	if (json_unpack(params, "{s:{s:s,s?I},s:o}", "textDocument", "uri", &uri, "version",
			&version, "contentChanges", &changes) < 0) {
		strbuf_addstr(msg, "didChange: expected {textDocument: {uri, version}, "
				   "contentChanges}");
		return RPC_INVALID_PARAMS;
	}
	if (!(doc = lsp_doc_find(&s->docs, uri))) {
		strbuf_addstr(msg, "didChange: the document is not open");
		return RPC_INVALID_PARAMS;
	}
	strbuf_addstr(msg, "didChange: ");
	if (lsp_doc_change(doc, changes, msg) < 0)
		return RPC_INVALID_PARAMS;
	strbuf_reset(msg);
	doc->version = version;
	doc->due_ms = S_now_ms() + s->opts->debounce_ms;
	return 0;
}

static int S_did_close(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	struct lsp_doc *doc;
	const char *uri;

	(void)result;
	if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) < 0 ||
	    !(doc = lsp_doc_find(&s->docs, uri))) {
		strbuf_addstr(msg, "didClose: not an open document");
		return RPC_INVALID_PARAMS;
	}
	/* its marks go with it */
	S_notify(s, "textDocument/publishDiagnostics",
		 json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
	lsp_doc_close(&s->docs, doc);
	return 0;
}

static int S_ignore(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	(void)s;
	(void)params;
	(void)result;
	(void)msg;
	return 0;
}

static int S_feature(json_t *res, json_t **result, struct strbuf *err, struct strbuf *msg)
{
	if (!res) {
		strbuf_addbuf(msg, err);
		strbuf_release(err);
		return RPC_INTERNAL_ERROR;
	}
	*result = res;
	strbuf_release(err);
	return 0;
}

static int S_completion(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	struct strbuf err = STRBUF_INIT;
	struct lsp_doc *doc;
	size_t at;
	int rc = lsp_doc_position(&s->docs, params, &doc, &at, msg);

	return rc ? rc : S_feature(lsp_completion(doc, at, &err), result, &err, msg);
}

static int S_hover(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	struct strbuf err = STRBUF_INIT;
	struct lsp_doc *doc;
	size_t at;
	int rc = lsp_doc_position(&s->docs, params, &doc, &at, msg);

	return rc ? rc : S_feature(lsp_hover(doc, at, &err), result, &err, msg);
}

static int S_code_action(struct server *s, json_t *params, json_t **result, struct strbuf *msg)
{
	struct strbuf err = STRBUF_INIT;
	json_int_t first, last;
	struct lsp_doc *doc;
	const char *uri;

	if (json_unpack(params, "{s:{s:s},s:{s:{s:I},s:{s:I}}}", "textDocument", "uri", &uri,
			"range", "start", "line", &first, "end", "line", &last) < 0 ||
	    first < 0 || last < first) {
		strbuf_addstr(msg, "expected {textDocument: {uri}, range: {start, end}}");
		return RPC_INVALID_PARAMS;
	}
	if (!(doc = lsp_doc_find(&s->docs, uri))) {
		strbuf_addstr(msg, "the document is not open");
		return RPC_INVALID_PARAMS;
	}
	return S_feature(lsp_code_actions(doc, (size_t)first, (size_t)last, &err), result, &err,
			 msg);
}

typedef int (*method_fn)(struct server *s, json_t *params, json_t **result, struct strbuf *msg);

static const struct method {
	const char *name;
	method_fn fn;
	bool request; /* else a notification */
} methods[] = {
	{ "initialize", S_initialize, true },
	{ "initialized", S_ignore, false },
	{ "shutdown", S_shutdown, true },
	{ "exit", S_exit, false },
	{ "textDocument/didOpen", S_did_open, false },
	{ "textDocument/didChange", S_did_change, false },
	{ "textDocument/didClose", S_did_close, false },
	{ "textDocument/didSave", S_ignore, false },
	{ "textDocument/completion", S_completion, true },
	{ "textDocument/hover", S_hover, true },
	{ "textDocument/codeAction", S_code_action, true },
};

static const struct method *S_method(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(methods) / sizeof(*methods); i++)
		if (!strcmp(methods[i].name, name))
			return &methods[i];
	return NULL;
}

/* Whether a message may run in the server's state; else the error to send. */
static int S_allowed(const struct server *s, const char *method, struct strbuf *msg)
{
	if (!strcmp(method, "exit"))
		return 0;
	if (s->state == STATE_NEW && strcmp(method, "initialize")) {
		strbuf_addstr(msg, "the server is not initialized yet");
		return RPC_SERVER_NOT_INITIALIZED;
	}
	if (s->state == STATE_SHUT_DOWN) {
		strbuf_addstr(msg, "the server was shut down");
		return RPC_INVALID_REQUEST;
	}
	return 0;
}

static void S_dispatch(struct server *s, json_t *msg)
{
	json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
	const char *name = json_string_value(json_object_get(msg, "method"));
	struct strbuf why = STRBUF_INIT;
	const struct method *m;
	json_t *result = NULL;
	int rc;

	if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id)) {
		S_error(s, NULL, RPC_INVALID_REQUEST, "the id is not a number or a string");
		return;
	}
	if (!name) {
		/* a reply to a request of ours (there are none) is dropped */
		if (!id || !(json_object_get(msg, "result") || json_object_get(msg, "error")))
			S_error(s, id, RPC_INVALID_REQUEST, "a message without a method");
		return;
	}
	m = S_method(name);
	if (!m) {
		if (id) {
			strbuf_addf(&why, "unknown method '%s'", name);
			S_error(s, id, RPC_METHOD_NOT_FOUND, why.buf);
		}
		strbuf_release(&why);
		return;
	}
	rc = S_allowed(s, name, &why);
	if (!rc && id && !m->request) {
		strbuf_addf(&why, "'%s' is a notification, not a request", name);
		rc = RPC_INVALID_REQUEST;
	}
	if (!rc)
		rc = m->fn(s, params ? params : json_null(), &result, &why);
	if (id && rc)
		S_error(s, id, rc, why.buf);
	else if (id)
		S_send(s,
		       json_pack("{s:O,s:o}", "id", id, "result", result ? result : json_null()));
	else if (rc && s->state == STATE_RUNNING)
		S_log(s, why.buf); /* a notification has no reply */
	strbuf_release(&why);
}

static void S_handle(struct server *s, const char *body, size_t len)
{
	json_error_t e;
	json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &e);
	struct strbuf why = STRBUF_INIT;

	if (!msg) {
		/* a body that took in the next message was answered there */
		if (!lsp_conn_misframed(&s->conn)) {
			strbuf_addf(&why, "not JSON: %s (byte %d)", e.text, e.position);
			S_error(s, NULL, RPC_PARSE_ERROR, why.buf);
		}
	} else if (!json_is_object(msg)) {
		S_error(s, NULL, RPC_INVALID_REQUEST, "a message is a JSON object");
	} else {
		S_dispatch(s, msg);
	}
	json_decref(msg);
	strbuf_release(&why);
}

/* How long the input may be waited for: until the next diagnostics are due. */
static int S_timeout(const struct server *s)
{
	int64_t now = S_now_ms(), timeout = IDLE_MS;
	size_t i;

	for (i = 0; i < s->docs.nr; i++) {
		int64_t due = s->docs.list[i]->due_ms;
		if (due >= 0 && due - now < timeout)
			timeout = due > now ? due - now : 0;
	}
	return (int)timeout;
}

int lsp_serve(const struct lsp_options *opts, struct strbuf *err)
{
	struct server s = { 0 };
	const char *body;
	size_t len;
	int rc;

	s.opts = opts;
	lsp_conn_init(&s.conn, opts->in, opts->out);
	while (s.state != STATE_EXITED && !s.conn.gone) {
		if (lsp_conn_next(&s.conn, &body, &len) == 1) {
			S_handle(&s, body, len);
			lsp_conn_consumed(&s.conn);
			continue;
		}
		lsp_conn_consumed(&s.conn);
		/* all that came is handled: the latest versions are checked */
		S_publish_due(&s);
		if (!s.conn.gone && lsp_conn_wait(&s.conn, S_timeout(&s)) < 0)
			break;
	}
	/* LSP's exit status: 0 once shut down, whether exit came or the input ended */
	rc = s.shut_down ? 0 : 1;
	if (s.conn.error.len) {
		strbuf_addbuf(err, &s.conn.error);
		rc = -1;
	}
	lsp_docs_release(&s.docs);
	journal_free(s.root);
	lsp_conn_release(&s.conn);
	return rc;
}
