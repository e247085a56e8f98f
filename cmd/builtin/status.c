/* status.c - notes status [PERSON] [--json]: the team right now. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "json.h"
#include "status.h"

#define RED(c) ((c) ? "\033[31m" : "")
#define YELLOW(c) ((c) ? "\033[33m" : "")
#define BOLD(c) ((c) ? "\033[1m" : "")
#define RESET(c) ((c) ? "\033[0m" : "")

static void S_text(struct strbuf *out, json_t *v)
{
	const char *s = json_string_value(v);
	if (s)
		strbuf_add_escaped(out, s, strlen(s));
}

static void S_hours(struct strbuf *out, json_t *item, bool color)
{
	json_t *h = json_object_get(item, "hours_left");
	json_int_t v;

	if (!json_is_integer(h))
		return;
	v = json_integer_value(h);
	if (v < 0)
		strbuf_addf(out, " %s(%lld h overdue)%s", RED(color), (long long)-v, RESET(color));
	else
		strbuf_addf(out, " %s(%lld h left)%s", v < 24 ? YELLOW(color) : "", (long long)v,
			    v < 24 ? RESET(color) : "");
}

static void S_items(struct strbuf *out, json_t *list, const char *label, bool color)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++) {
		json_t *it = json_array_get(list, i);
		strbuf_addf(out, "  %-8s ", i ? "" : label);
		S_text(out, json_object_get(it, "text"));
		if (json_is_string(json_object_get(it, "id")))
			strbuf_addf(out, " ^%s", json_string_value(json_object_get(it, "id")));
		if (json_is_integer(json_object_get(it, "weeks")))
			strbuf_addf(out, " (open %lld meetings)",
				    (long long)json_integer_value(json_object_get(it, "weeks")));
		S_hours(out, it, color);
		strbuf_addch(out, '\n');
	}
}

static void S_print(struct strbuf *out, json_t *status, bool color)
{
	json_t *people = json_object_get(status, "people");
	size_t i;

	for (i = 0; i < json_array_size(people); i++) {
		json_t *p = json_array_get(people, i), *next = json_object_get(p, "next");
		strbuf_addf(out, "%s", BOLD(color));
		S_text(out, json_object_get(p, "person"));
		strbuf_addf(out, "%s  last ", RESET(color));
		if (json_is_string(json_object_get(p, "last")))
			S_text(out, json_object_get(p, "last"));
		else
			strbuf_addstr(out, "never");
		if (json_is_string(next)) {
			strbuf_addstr(out, ", next ");
			S_text(out, next);
		}
		if (json_is_true(json_object_get(p, "overdue_meeting")))
			strbuf_addf(out, " %s(missed: hold it now)%s", RED(color), RESET(color));
		strbuf_addch(out, '\n');
		S_items(out, json_object_get(p, "support"), "support", color);
		S_items(out, json_object_get(p, "focus"), "focus", color);
		S_items(out, json_object_get(p, "carried"), "carried", color);
	}
	if (!json_array_size(people))
		strbuf_addstr(out, "no one in the journal yet (notes person add ID)\n");
}

static int cmd_status(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	const char *person = NULL;
	bool as_json = false;
	notes_time now;
	json_t *status;
	int c, rc;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		if (c == 'j')
			as_json = true;
		else
			return cmd_option_error(&cmd_status_entry, c, argv);
	}
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_status_entry, "name at most one person");
	if (optind < argc) {
		person = argv[optind];
		if (journal_check_person(ctx->journal, person, &err) < 0 ||
		    !journal_has_person(ctx->journal, person)) {
			rc = err.len ? cmd_error("status: %s", err.buf)
				     : cmd_error("status: %s: no such person", person);
			strbuf_release(&err);
			return rc;
		}
	}
	if (date_now(&now) < 0)
		return cmd_error("status: NOTES_NOW is not YYYY-MM-DDTHH:MM");
	status = status_team(ctx->journal, person, now, &err);
	if (!status) {
		rc = cmd_error("status: %s", err.buf);
		strbuf_release(&err);
		return rc;
	}
	if (as_json)
		json_add_line(&out, status);
	else
		S_print(&out, status, ctx->color);
	json_decref(status);
	strbuf_release(&err);
	rc = cmd_flush(&out);
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	"status",
	cmd_status,
	NEED_JOURNAL,
	"notes status [PERSON] [--json]\n\n"
	"  --json   one JSON object (see the README for its fields)\n\n"
	"The team now, most urgent first: last and next meeting (a missed slot is\n"
	"flagged), open support items against the 48-hour promise, focus items due,\n"
	"and items carried open for 2+ meetings. Reads only the latest notes.",
	"the team now: meetings due, support and focus items, carried items",
};
