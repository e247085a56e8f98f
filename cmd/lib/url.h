/* url.h - remote URLs as people give them: their kind, and their form
 * without credentials (the only form notes ever prints or commits). */
#ifndef NOTES_URL_H
#define NOTES_URL_H

#include <stdbool.h>

#include "strbuf.h"

enum url_kind {
	URL_LOCAL, /* a path, or file:// */
	URL_GIT, /* git:// */
	URL_SSH, /* ssh://, or scp-like user@host:path */
	URL_HTTP, /* http:// or https:// */
	URL_OTHER, /* a scheme notes does not know: libgit2 decides */
};

enum url_kind url_kind(const char *url);
/* Whether url is https:// (a TLS connection needs CA certificates). */
bool url_is_https(const char *url);

/*
 * url without credentials: for http(s) the user information and the
 * query are left out (a token may sit in either), for other schemes the
 * password; a path is kept as it is. out is reset first.
 */
void url_redact(const char *url, struct strbuf *out);

/*
 * Remove from msg (a message that may quote url, from libgit2 or a
 * server) every credential that url holds, raw or percent-decoded, and
 * every copy of url itself (replaced by its redacted form).
 */
void url_scrub(struct strbuf *msg, const char *url);

/* The user name and password written in url, percent-decoded; NULL when
 * absent. The caller frees both. */
void url_credentials(const char *url, char **user, char **password);

#endif
