/* util.c - what the commands share: error messages, output, the option
 * tables' parser and usage, text renderings. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "utf8.h"
#include "xalloc.h"

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
	cmd_print_usage(cmd, stderr);
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
		return cmd_error(_("cannot write the output: %s"), strerror(errno));
	return EXIT_OK;
}

void cmd_print_usage(const struct cmd_entry *cmd, FILE *f)
{
	const struct cmd_option *o;
	int width = 0;

	fprintf(f, _("usage: %s\n"), cmd->synopsis);
	for (o = cmd->options; o->name; o++) {
		int w = (o->short_name ? 4 : 0) + 2 + (int)strlen(o->name) +
			(o->arg ? 1 + (int)strlen(o->arg) : 0);
		if (w > width)
			width = w;
	}
	if (cmd->options[0].name)
		fputc('\n', f);
	for (o = cmd->options; o->name; o++) {
		struct strbuf sb = STRBUF_INIT;
		if (o->short_name)
			strbuf_addf(&sb, "-%c, ", o->short_name);
		strbuf_addf(&sb, "--%s", o->name);
		if (o->arg)
			strbuf_addf(&sb, " %s", o->arg);
		fprintf(f, "  %-*s  %s\n", width, sb.buf, _(o->help));
		strbuf_release(&sb);
	}
	if (cmd->description)
		fprintf(f, "\n%s\n", _(cmd->description));
}

/* The option named name (len bytes) of the table: an exact name, else
 * the only one it begins (as getopt_long takes "--jso"); -1: none. */
static int S_long(const struct cmd_entry *cmd, const char *name, size_t len)
{
	int i, found = -1, n = 0;

	for (i = 0; cmd->options[i].name; i++) {
		if (strncmp(cmd->options[i].name, name, len))
			continue;
		if (!cmd->options[i].name[len])
			return i;
		found = i;
		n++;
	}
	return n == 1 ? found : -1;
}

static int S_short(const struct cmd_entry *cmd, char c)
{
	int i;

	for (i = 0; cmd->options[i].name; i++)
		if (cmd->options[i].short_name == c)
			return i;
	return -1;
}

/* "--name", "--name=value", "--name value": the option at argv[*k]. */
static int S_take_long(const struct cmd_entry *cmd, int argc, char **argv, int *k,
		       struct cmd_args *out)
{
	const char *arg = argv[*k] + 2, *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	int i = S_long(cmd, arg, len);

	if (i < 0) {
		/* the user's bytes: a control character is shown, never sent */
		struct strbuf name = STRBUF_INIT;
		int rc;
		strbuf_add_escaped(&name, arg, len);
		rc = cmd_usage_error(cmd, _("unknown option '--%s'"), name.buf);
		strbuf_release(&name);
		return rc;
	}
	if (!cmd->options[i].arg && eq)
		return cmd_usage_error(cmd, _("option '--%s' takes no value"),
				       cmd->options[i].name);
	if (cmd->options[i].arg && !eq && *k + 1 >= argc)
		return cmd_usage_error(cmd, _("option '--%s' needs a value"), cmd->options[i].name);
	out->value[i] = !cmd->options[i].arg ? "" : eq ? eq + 1 : argv[++*k];
	out->at[i] = *k;
	return 0;
}

/* "-f", "-fm MSG", "-mMSG": the options at argv[*k]. */
static int S_take_short(const struct cmd_entry *cmd, int argc, char **argv, int *k,
			struct cmd_args *out)
{
	const char *p;

	for (p = argv[*k] + 1; *p; p++) {
		int i = S_short(cmd, *p);
		if (i < 0) {
			struct strbuf name = STRBUF_INIT;
			int rc;
			strbuf_add_escaped(&name, p, 1);
			rc = cmd_usage_error(cmd, _("unknown option '-%s'"), name.buf);
			strbuf_release(&name);
			return rc;
		}
		out->at[i] = *k;
		if (!cmd->options[i].arg) {
			out->value[i] = "";
			continue;
		}
		if (p[1]) {
			out->value[i] = p + 1;
		} else if (*k + 1 < argc) {
			out->value[i] = argv[++*k];
		} else {
			return cmd_usage_error(cmd, _("option '-%c' needs a value"), *p);
		}
		break;
	}
	return 0;
}

int cmd_parse_args(const struct cmd_entry *cmd, int argc, char **argv, struct cmd_args *out)
{
	int k, n = 0, rc = 0;

	memset(out, 0, sizeof(*out));
	/* the operands, in their order, go to a list of their own */
	out->argv = xcalloc((size_t)argc + 1, sizeof(*out->argv));
	for (k = 1; k < argc && rc == 0; k++) {
		const char *a = argv[k];
		if (!strcmp(a, "--")) {
			while (++k < argc)
				out->argv[n++] = argv[k];
			break;
		}
		if (a[0] != '-' || !a[1])
			out->argv[n++] = argv[k];
		else if (a[1] == '-')
			rc = S_take_long(cmd, argc, argv, &k, out);
		else
			rc = S_take_short(cmd, argc, argv, &k, out);
	}
	out->argc = n;
	if (rc) {
		free(out->argv);
		out->argv = NULL;
	}
	return rc;
}

static void S_text(struct strbuf *out, const char *s)
{
	strbuf_add_escaped(out, s, strlen(s));
}

static void S_task(struct strbuf *out, const struct task *t, enum section sec)
{
	char when[17];
	size_t i;

	if (sec != SECTION_BLOCKERS || t->has_marker)
		strbuf_addf(out, "[%c] ", task_status_char(t->status));
	S_text(out, t->text);
	for (i = 0; i < t->ntags; i++) {
		strbuf_addstr(out, " #");
		S_text(out, t->tags[i]);
	}
	if (t->owner && sec != SECTION_BLOCKERS) {
		strbuf_addstr(out, " @");
		S_text(out, t->owner);
	}
	if (t->has_due && sec != SECTION_REVIEW) {
		date_format_time(t->due, when);
		strbuf_addf(out, " due %s", when);
	}
	if (t->id)
		strbuf_addf(out, " ^%s", t->id);
	for (i = 0; i < FIELD__COUNT; i++)
		if (t->fields[i]) {
			strbuf_addf(out, "\n%14s%s: ", "", field_name((enum field)i));
			S_text(out, t->fields[i]);
		}
	strbuf_addch(out, '\n');
}

/* The name of a part of the summary, padded by display width. */
static void S_label(struct strbuf *out, const char *label)
{
	strbuf_addstr(out, "  ");
	print_padded(out, label, 10);
	strbuf_addch(out, ' ');
}

static const char *S_section_label(enum section sec)
{
	switch (sec) {
	case SECTION_REVIEW: return _("review");
	case SECTION_BLOCKERS: return _("blockers");
	case SECTION_SUPPORT: return _("support");
	case SECTION_FOCUS: return _("focus");
	default: return section_name(sec);
	}
}

static void S_section(struct strbuf *out, const struct note *note, enum section sec)
{
	size_t i;

	for (i = 0; i < note->nitems[sec]; i++) {
		S_label(out, i ? "" : S_section_label(sec));
		S_task(out, &note->items[sec][i], sec);
	}
}

void print_note_summary(struct strbuf *out, const struct note *note, const struct diag *problems)
{
	char when[17], week[9];
	size_t i, errors = diag_count(problems, SEVERITY_ERROR);
	size_t warnings = diag_count(problems, SEVERITY_WARNING);

	S_text(out, note->file ? note->file : "-");
	strbuf_addf(out, _(": %s with %s"), note->person ? note->person : "?",
		    note->leader ? note->leader : "?");
	if (note->has_date) {
		date_format_time(note->date, when);
		date_format_week(note->date, week);
		if (!note->has_time)
			when[10] = '\0';
		else
			when[10] = ' ';
		strbuf_addf(out, ", %s (%s)", when, week);
	}
	strbuf_addch(out, '\n');
	for (i = 0; i < note->ngoals; i++) {
		S_label(out, i ? "" : _("goals"));
		if (note->goals[i].tag) {
			strbuf_addch(out, '#');
			S_text(out, note->goals[i].tag);
			strbuf_addch(out, ' ');
		}
		S_text(out, note->goals[i].text);
		strbuf_addch(out, '\n');
	}
	S_section(out, note, SECTION_REVIEW);
	S_section(out, note, SECTION_BLOCKERS);
	S_section(out, note, SECTION_SUPPORT);
	S_section(out, note, SECTION_FOCUS);
	for (i = 0; i < note->nfeedback; i++) {
		S_label(out, i ? "" : _("feedback"));
		S_text(out, note->feedback[i].text);
		strbuf_addch(out, '\n');
	}
	if (errors || warnings) {
		S_label(out, _("problems"));
		strbuf_addf(out, Q_("%zu error", "%zu errors", errors), errors);
		strbuf_addstr(out, ", ");
		strbuf_addf(out, Q_("%zu warning", "%zu warnings", warnings), warnings);
		strbuf_addf(out, "%s\n", _(" (see 'notes check')"));
	}
}

void print_padded(struct strbuf *out, const char *s, int width)
{
	size_t start = out->len;
	int w;

	strbuf_add_escaped(out, s, strlen(s));
	w = utf8_width(out->buf + start, out->len - start);
	for (; w < width; w++)
		strbuf_addch(out, ' ');
	strbuf_addch(out, ' ');
}
