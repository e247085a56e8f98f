/* lsp_rpc.c - JSON-RPC messages framed by Content-Length headers: read
 * from the client, however malformed, and written back to it. */
#include "lsp_internal.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The largest message read: a 16 MiB note with every byte escaped in
 * JSON fits; a larger one is refused without being held in memory. */
#define MAX_MESSAGE (64u << 20)
#define MAX_HEADER 8192
/* A body shorter than its Content-Length is noticed when no byte came
 * for this long and another header follows what was sent. */
#define STALL_MS 200
#define READ_CHUNK 65536

void lsp_conn_init(struct lsp_conn *c, int in, int out)
{
	memset(c, 0, sizeof(*c));
	c->in = in;
	c->out = out;
	strbuf_init(&c->buf, READ_CHUNK);
	strbuf_init(&c->error, 0);
}

void lsp_conn_release(struct lsp_conn *c)
{
	strbuf_release(&c->buf);
	strbuf_release(&c->error);
}

static void S_write(struct lsp_conn *c, const char *buf, size_t len)
{
	while (len && !c->gone) {
		ssize_t n = write(c->out, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = { c->out, POLLOUT, 0 };
			poll(&p, 1, -1);
			continue;
		}
		if (n <= 0) {
			/* a client that went away closed the pipe: not an error of ours */
			if (n < 0 && errno != EPIPE)
				strbuf_addf(&c->error, "cannot write to the client: %s",
					    strerror(errno));
			c->gone = true;
			return;
		}
		buf += n;
		len -= (size_t)n;
	}
}

void lsp_conn_send(struct lsp_conn *c, json_t *msg)
{
	struct strbuf head = STRBUF_INIT;
	char *body;

	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	body = json_dumps(msg, JSON_COMPACT);
	json_decref(msg);
	if (!body)
		return;
	strbuf_addf(&head, "Content-Length: %zu\r\n\r\n", strlen(body));
	S_write(c, head.buf, head.len);
	S_write(c, body, strlen(body));
	strbuf_release(&head);
	free(body);
}

void lsp_conn_error(struct lsp_conn *c, json_t *id, int code, const char *message)
{
	lsp_conn_send(c, json_pack("{s:O,s:{s:i,s:o}}", "id", id ? id : json_null(), "error",
				   "code", code, "message", lsp_string(message)));
}

static void S_bad_header(struct lsp_conn *c, const char *why)
{
	struct strbuf msg = STRBUF_INIT;

	strbuf_addf(&msg, "bad message header: %s", why);
	lsp_conn_error(c, NULL, RPC_PARSE_ERROR, msg.buf);
	strbuf_release(&msg);
	/* what follows is skipped up to the next header */
	c->resync = true;
	c->pos++;
}

static const char *S_find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (!strncasecmp(s + i, what, n))
			return s + i;
	return NULL;
}

static void S_resync(struct lsp_conn *c)
{
	const char *p = S_find(c->buf.buf + c->pos, c->buf.len - c->pos, "Content-Length:");
	size_t keep = strlen("Content-Length:") - 1;

	if (p) {
		c->pos = (size_t)(p - c->buf.buf);
		c->resync = false;
	} else if (c->buf.len - c->pos > keep) {
		c->pos = c->buf.len - keep; /* a header may begin in the last bytes */
	}
}

/* The Content-Length of the header lines in [p, end), or -1 (why set). */
static long long S_length(const char *p, const char *end, const char **why)
{
	long long length = -1;

	while (p < end) {
		const char *eol = S_find(p, (size_t)(end - p), "\r\n"), *colon, *v;
		long long n = 0;
		if (!eol)
			eol = end;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (!colon || colon == p) {
			*why = "a header line is not 'Name: value'";
			return -1;
		}
		if (colon - p == 14 && !strncasecmp(p, "Content-Length", 14)) {
			for (v = colon + 1; v < eol && *v == ' '; v++)
				;
			if (v == eol || *v < '0' || *v > '9') {
				*why = "Content-Length is not a number";
				return -1;
			}
			for (; v < eol && *v >= '0' && *v <= '9' && n <= MAX_MESSAGE; v++)
				n = n * 10 + (*v - '0');
			while (v < eol && *v == ' ')
				v++;
			if (n > MAX_MESSAGE) {
				*why = "the message is larger than 64 MiB";
				return -1;
			}
			if (v != eol || (length >= 0 && length != n)) {
				*why = "Content-Length is not one number";
				return -1;
			}
			length = n;
		}
		p = eol + 2;
	}
	if (length < 0)
		*why = "no Content-Length";
	return length;
}

int lsp_conn_next(struct lsp_conn *c, const char **body, size_t *len)
{
	const char *p, *end, *stop, *why = NULL;
	long long length;
	size_t avail;

	for (;;) {
		if (c->resync)
			S_resync(c);
		if (c->resync)
			return 0;
		p = c->buf.buf + c->pos;
		end = c->buf.buf + c->buf.len;
		/* blank lines between messages are no header */
		while (p + 2 <= end && p[0] == '\r' && p[1] == '\n')
			p += 2, c->pos += 2;
		avail = (size_t)(end - p);
		stop = S_find(p, avail < MAX_HEADER ? avail : MAX_HEADER, "\r\n\r\n");
		if (!stop) {
			if (avail >= MAX_HEADER) {
				S_bad_header(c, "no end of the header in 8 KiB");
				continue;
			}
			return 0;
		}
		length = S_length(p, stop + 2, &why);
		if (length < 0) {
			S_bad_header(c, why);
			continue;
		}
		c->body = (size_t)(stop + 4 - c->buf.buf);
		c->want = (size_t)length;
		c->waiting = c->buf.len - c->body < c->want;
		if (c->waiting)
			return 0;
		*body = c->buf.buf + c->body;
		*len = c->want;
		c->pos = c->body + c->want;
		return 1;
	}
}

/*
 * Whether the body at [body, body + have) is a whole JSON value followed by
 * another header (or, when the input stalled, by nothing): its
 * Content-Length was too large. That message is refused (with its id, so
 * that the client is not left waiting) and the next one is read from its
 * header.
 */
static bool S_overran(struct lsp_conn *c, size_t have, bool stalled)
{
	const char *b = c->buf.buf + c->body, *rest;
	json_error_t e;
	json_t *v = json_loadb(b, have, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &e), *id;
	struct strbuf msg = STRBUF_INIT;
	bool header, found = false;

	if (!v)
		return false;
	for (rest = b + e.position; rest < b + have && strchr(" \t\r\n", *rest); rest++)
		;
	header = (size_t)(b + have - rest) >= 15 && !strncasecmp(rest, "Content-Length:", 15);
	if (header || (stalled && rest == b + have)) {
		id = json_is_object(v) ? json_object_get(v, "id") : NULL;
		strbuf_addf(&msg, "bad message header: Content-Length is %zu, the message has %d",
			    c->want, e.position);
		lsp_conn_error(c, id && (json_is_integer(id) || json_is_string(id)) ? id : NULL,
			       RPC_INVALID_REQUEST, msg.buf);
		c->pos = (size_t)(rest - c->buf.buf);
		/* the bytes still announced, if they come, are no header */
		c->resync = !header;
		c->waiting = false;
		found = true;
	}
	json_decref(v);
	strbuf_release(&msg);
	return found;
}

bool lsp_conn_misframed(struct lsp_conn *c)
{
	return S_overran(c, c->want, false);
}

void lsp_conn_consumed(struct lsp_conn *c)
{
	if (c->pos >= c->buf.len) {
		strbuf_reset(&c->buf);
		c->pos = 0;
	} else if (c->pos > READ_CHUNK && c->pos > c->buf.len / 2) {
		memmove(c->buf.buf, c->buf.buf + c->pos, c->buf.len - c->pos);
		strbuf_setlen(&c->buf, c->buf.len - c->pos);
		c->pos = 0;
	}
}

int lsp_conn_wait(struct lsp_conn *c, int timeout_ms)
{
	struct pollfd p = { c->in, POLLIN, 0 };
	ssize_t n;
	int r;

	if (c->waiting && (timeout_ms < 0 || timeout_ms > STALL_MS))
		timeout_ms = STALL_MS;
	r = poll(&p, 1, timeout_ms);
	if (r == 0) {
		/* the awaited body stopped coming: was its length too large? */
		if (c->waiting)
			S_overran(c, c->buf.len - c->body, true);
		return 0;
	}
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	/* the whole of an announced body at once, else a chunk */
	strbuf_grow(&c->buf, c->waiting && c->body + c->want > c->buf.len
				     ? c->body + c->want - c->buf.len
				     : READ_CHUNK);
	n = read(c->in, c->buf.buf + c->buf.len, c->buf.alloc - c->buf.len - 1);
	if (n > 0) {
		strbuf_setlen(&c->buf, c->buf.len + (size_t)n);
		return 1;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	return -1; /* the client went away */
}
