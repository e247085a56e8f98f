/* util.c - what the commands share: error messages, output, options. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"

static void S_verror(const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT, esc = STRBUF_INIT;

	strbuf_vaddf(&msg, fmt, ap);
	strbuf_add_escaped(&esc, msg.buf, msg.len);
	fprintf(stderr, "notes: %s\n", esc.buf);
	strbuf_release(&msg);
	strbuf_release(&esc);
}

int cmd_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_verror(fmt, ap);
	va_end(ap);
	return EXIT_ERROR;
}

int cmd_usage_error(const struct cmd_entry *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_verror(fmt, ap);
	va_end(ap);
	fprintf(stderr, "usage: %s\n", cmd->usage);
	return EXIT_ERROR;
}

void cmd_warnings(const struct strbuf *warn)
{
	const char *p = warn->buf;

	while (*p) {
		size_t len = strcspn(p, "\n");
		cmd_error("%.*s", (int)len, p);
		p += len + (p[len] == '\n');
	}
}

int cmd_flush(struct strbuf *out)
{
	size_t len = out->len, n = len ? fwrite(out->buf, 1, len, stdout) : 0;

	strbuf_reset(out);
	if (n != len || fflush(stdout) != 0)
		return cmd_error("cannot write the output: %s", strerror(errno));
	return EXIT_OK;
}

int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char spec[32];

	/* a leading ':' tells a missing value (':') from an unknown option ('?') */
	snprintf(spec, sizeof(spec), ":%s", shortopts);
	opterr = 0;
	return getopt_long(argc, argv, spec, longopts, NULL);
}

int cmd_option_error(const struct cmd_entry *cmd, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	bool is_long = !strncmp(arg, "--", 2);
	struct strbuf name = STRBUF_INIT;
	int rc;

	if (is_long)
		strbuf_add(&name, arg, strcspn(arg, "="));
	else
		strbuf_addf(&name, "-%c", optopt);
	if (c == ':')
		rc = cmd_usage_error(cmd, "option '%s' needs a value", name.buf);
	else if (is_long && optopt && strchr(arg, '='))
		rc = cmd_usage_error(cmd, "option '%s' takes no value", name.buf);
	else
		rc = cmd_usage_error(cmd, "unknown option '%s'", name.buf);
	strbuf_release(&name);
	return rc;
}
