/* url.c - remote URLs: their kind, and their form without credentials. */
#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* The parts of "scheme://[user[:password]@]host[:port][/path][?query]". */
struct url_parts {
	size_t scheme_len; /* 0: no scheme (a path, or scp-like) */
	const char *user, *password, *host, *query;
	size_t user_len, password_len, query_len;
};

static size_t S_scheme_len(const char *url)
{
	size_t i = 0;

	if (!isalpha((unsigned char)url[0]))
		return 0;
	while (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '.' || url[i] == '-')
		i++;
	return strncmp(url + i, "://", 3) ? 0 : i;
}

/* git's rule: "host:path" is scp-like when a colon comes before any slash. */
static bool S_is_scp_like(const char *url)
{
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	return colon && colon != url && (!slash || colon < slash);
}

static void S_split(const char *url, struct url_parts *p)
{
	const char *auth, *end, *at, *colon;

	memset(p, 0, sizeof(*p));
	p->scheme_len = S_scheme_len(url);
	if (!p->scheme_len) {
		/* scp-like "[user@]host:path": a password has no place in it, but a
		 * "user:secret@host:path" written by mistake must not leak */
		at = S_is_scp_like(url) ? strchr(url, '@') : NULL;
		if (at) {
			colon = memchr(url, ':', (size_t)(at - url));
			p->user = url;
			p->user_len = (size_t)((colon ? colon : at) - url);
			if (colon) {
				p->password = colon + 1;
				p->password_len = (size_t)(at - colon - 1);
			}
			p->host = at + 1;
		}
		return;
	}
	auth = url + p->scheme_len + 3;
	end = auth + strcspn(auth, "/?#");
	p->host = auth;
	for (at = NULL, colon = auth; colon < end; colon++)
		if (*colon == '@')
			at = colon;
	if (at) {
		colon = memchr(auth, ':', (size_t)(at - auth));
		p->user = auth;
		p->user_len = (size_t)((colon ? colon : at) - auth);
		if (colon) {
			p->password = colon + 1;
			p->password_len = (size_t)(at - colon - 1);
		}
		p->host = at + 1;
	}
	p->query = strchr(end, '?');
	if (p->query)
		p->query_len = strcspn(p->query, "#");
}

static bool S_is_http(const char *url, const struct url_parts *p)
{
	return (p->scheme_len == 4 && !strncasecmp(url, "http", 4)) ||
	       (p->scheme_len == 5 && !strncasecmp(url, "https", 5));
}

enum url_kind url_kind(const char *url)
{
	struct url_parts p;

	S_split(url, &p);
	if (!p.scheme_len)
		return S_is_scp_like(url) ? URL_SSH : URL_LOCAL;
	if (p.scheme_len == 4 && !strncasecmp(url, "file", 4))
		return URL_LOCAL;
	if (p.scheme_len == 3 && !strncasecmp(url, "git", 3))
		return URL_GIT;
	if ((p.scheme_len == 3 && !strncasecmp(url, "ssh", 3)) ||
	    (p.scheme_len == 7 && !strncasecmp(url, "git+ssh", 7)) ||
	    (p.scheme_len == 7 && !strncasecmp(url, "ssh+git", 7)))
		return URL_SSH;
	return S_is_http(url, &p) ? URL_HTTP : URL_OTHER;
}

bool url_is_https(const char *url)
{
	return S_scheme_len(url) == 5 && !strncasecmp(url, "https", 5);
}

void url_redact(const char *url, struct strbuf *out)
{
	struct url_parts p;
	const char *rest;

	strbuf_reset(out);
	S_split(url, &p);
	if (!p.user) {
		if (p.scheme_len && S_is_http(url, &p) && p.query) {
			strbuf_add(out, url, (size_t)(p.query - url));
			strbuf_addstr(out, p.query + p.query_len);
		} else {
			strbuf_addstr(out, url);
		}
		return;
	}
	strbuf_add(out, url, (size_t)(p.user - url));
	if (!(p.scheme_len && S_is_http(url, &p))) {
		strbuf_add(out, p.user, p.user_len);
		strbuf_addch(out, '@');
	}
	rest = p.host;
	if (p.scheme_len && S_is_http(url, &p) && p.query) {
		strbuf_add(out, rest, (size_t)(p.query - rest));
		rest = p.query + p.query_len;
	}
	strbuf_addstr(out, rest);
}

static int S_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static char *S_decode(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len && S_hex((unsigned char)s[i + 1]) >= 0 &&
		    S_hex((unsigned char)s[i + 2]) >= 0) {
			strbuf_addch(&sb, S_hex((unsigned char)s[i + 1]) * 16 +
						  S_hex((unsigned char)s[i + 2]));
			i += 2;
		} else {
			strbuf_addch(&sb, s[i]);
		}
	}
	return strbuf_detach(&sb, NULL);
}

void url_credentials(const char *url, char **user, char **password)
{
	struct url_parts p;

	S_split(url, &p);
	*user = p.user ? S_decode(p.user, p.user_len) : NULL;
	*password = p.password ? S_decode(p.password, p.password_len) : NULL;
}

/* Replace every occurrence of what (len bytes) in msg with with. */
static void S_replace(struct strbuf *msg, const char *what, size_t len, const char *with)
{
	size_t pos = 0, wlen = strlen(with);

	if (!len)
		return;
	while (pos + len <= msg->len) {
		if (memcmp(msg->buf + pos, what, len)) {
			pos++;
			continue;
		}
		strbuf_splice(msg, pos, len, with, wlen);
		pos += wlen;
	}
}

static void S_scrub_secret(struct strbuf *msg, const char *s, size_t len)
{
	char *decoded;

	if (!s || !len)
		return;
	S_replace(msg, s, len, "***");
	decoded = S_decode(s, len);
	S_replace(msg, decoded, strlen(decoded), "***");
	free(decoded);
}

void url_scrub(struct strbuf *msg, const char *url)
{
	struct strbuf redacted = STRBUF_INIT;
	struct url_parts p;

	url_redact(url, &redacted);
	S_replace(msg, url, strlen(url), redacted.buf);
	S_split(url, &p);
	S_scrub_secret(msg, p.password, p.password_len);
	/* over http a lone user name is as likely a token */
	if (p.scheme_len && S_is_http(url, &p) && !p.password)
		S_scrub_secret(msg, p.user, p.user_len);
	if (p.scheme_len && S_is_http(url, &p) && p.query && p.query_len > 1)
		S_scrub_secret(msg, p.query + 1, p.query_len - 1);
	strbuf_release(&redacted);
}
