/* test_url.c - remote URLs: the kind of each form people write, and that
 * no credential survives url_redact or url_scrub. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "url.h"

static void S_redact(const char *url, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	url_redact(url, &sb);
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

static void S_scrub(const char *msg, const char *url, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, msg);
	url_scrub(&sb, url);
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

static void S_kinds(void)
{
	CHECK(url_kind("/srv/git/alice.git") == URL_LOCAL);
	CHECK(url_kind("../alice.git") == URL_LOCAL);
	CHECK(url_kind("alice.git") == URL_LOCAL);
	CHECK(url_kind("./a:b") == URL_LOCAL);
	CHECK(url_kind("file:///srv/alice.git") == URL_LOCAL);
	CHECK(url_kind("git://127.0.0.1:9418/alice.git") == URL_GIT);
	CHECK(url_kind("ssh://git@example.com/kim/alice.git") == URL_SSH);
	CHECK(url_kind("git@example.com:kim/alice.git") == URL_SSH);
	CHECK(url_kind("https://example.com/kim/alice.git") == URL_HTTP);
	CHECK(url_kind("HTTP://example.com/a") == URL_HTTP);
	CHECK(url_kind("foo://x/y") == URL_OTHER);
	CHECK(url_is_https("https://example.com/a"));
	CHECK(!url_is_https("http://example.com/a"));
}

static void S_redactions(void)
{
	S_redact("/srv/git/alice.git", "/srv/git/alice.git");
	S_redact("https://example.com/kim/alice.git", "https://example.com/kim/alice.git");
	S_redact("https://kim:s3cret@example.com/kim/alice.git",
		 "https://example.com/kim/alice.git");
	/* a token alone in the user's place */
	S_redact("https://ghp_T0KEN@example.com/a.git", "https://example.com/a.git");
	S_redact("https://example.com:8443/a.git?private_token=T0KEN#x",
		 "https://example.com:8443/a.git#x");
	S_redact("ssh://git@example.com:2222/kim/alice.git",
		 "ssh://git@example.com:2222/kim/alice.git");
	S_redact("ssh://git:pw@example.com/a.git", "ssh://git@example.com/a.git");
	S_redact("git@example.com:kim/alice.git", "git@example.com:kim/alice.git");
	S_redact("git:pw@example.com:kim/alice.git", "git@example.com:kim/alice.git");
	S_redact("git://127.0.0.1:9418/alice.git", "git://127.0.0.1:9418/alice.git");
	/* an @ in the path is no user */
	S_redact("https://example.com/a@b/c.git", "https://example.com/a@b/c.git");
}

static void S_scrubs(void)
{
	S_scrub("failed to connect to https://kim:s3cret@example.com/a.git: refused",
		"https://kim:s3cret@example.com/a.git",
		"failed to connect to https://example.com/a.git: refused");
	S_scrub("auth failed for user kim with s3cret", "https://kim:s3cret@example.com/a.git",
		"auth failed for user kim with ***");
	/* percent-encoded in the URL, decoded in a message */
	S_scrub("bad password p@ss/word", "https://kim:p%40ss%2Fword@example.com/a.git",
		"bad password ***");
	S_scrub("token ghp_T0KEN refused", "https://ghp_T0KEN@example.com/a.git",
		"token *** refused");
	S_scrub("GET /a.git?private_token=T0KEN", "https://example.com/a.git?private_token=T0KEN",
		"GET /a.git?***");
	S_scrub("nothing secret here", "/srv/git/alice.git", "nothing secret here");
}

static void S_credentials(void)
{
	char *user, *pw;

	url_credentials("https://kim:p%40ss@example.com/a.git", &user, &pw);
	CHECK_STR(user, "kim");
	CHECK_STR(pw, "p@ss");
	free(user);
	free(pw);
	url_credentials("https://example.com/a.git", &user, &pw);
	CHECK(!user && !pw);
	url_credentials("ssh://git@example.com/a.git", &user, &pw);
	CHECK_STR(user, "git");
	CHECK(!pw);
	free(user);
}

int main(void)
{
	S_kinds();
	S_redactions();
	S_scrubs();
	S_credentials();
	return harness_done();
}
