/* status.c - notes status [PERSON] [--json]: the team right now. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "json.h"
#include "status.h"

#define RED(c) ((c) ? "\033[31m" : "")
#define YELLOW(c) ((c) ? "\033[33m" : "")
#define BOLD(c) ((c) ? "\033[1m" : "")
#define RESET(c) ((c) ? "\033[0m" : "")

static void S_text(struct strbuf *out, const char *s)
{
	if (s)
		strbuf_add_escaped(out, s, strlen(s));
}

static void S_hours(struct strbuf *out, bool has, long long v, bool color)
{
	if (!has)
		return;
	if (v < 0)
		strbuf_addf(out, _(" %s(%lld h overdue)%s"), RED(color), -v, RESET(color));
	else
		strbuf_addf(out, _(" %s(%lld h left)%s"), v < 24 ? YELLOW(color) : "", v,
			    v < 24 ? RESET(color) : "");
}

static void S_items(struct strbuf *out, const struct status_item *v, size_t n, const char *label,
		    bool color)
{
	size_t i;

	for (i = 0; i < n; i++) {
		strbuf_addstr(out, "  ");
		print_padded(out, i ? "" : label, 8);
		S_text(out, v[i].text);
		if (v[i].id)
			strbuf_addf(out, " ^%s", v[i].id);
		S_hours(out, v[i].has_due, v[i].hours_left, color);
		strbuf_addch(out, '\n');
	}
}

static void S_carried(struct strbuf *out, const struct person_status *p)
{
	size_t i;

	for (i = 0; i < p->ncarried; i++) {
		strbuf_addstr(out, "  ");
		print_padded(out, i ? "" : _("carried"), 8);
		S_text(out, p->carried[i].text);
		strbuf_addf(out, " ^%s ", p->carried[i].id);
		strbuf_addf(out,
			    Q_("(open %d meeting)\n", "(open %d meetings)\n",
			       (unsigned long)p->carried[i].weeks),
			    p->carried[i].weeks);
	}
}

static void S_print(struct strbuf *out, const struct team_status *st, bool color)
{
	char day[11], when[17];
	size_t i;

	for (i = 0; i < st->npeople; i++) {
		const struct person_status *p = &st->people[i];
		strbuf_addf(out, "%s", BOLD(color));
		S_text(out, p->person);
		strbuf_addf(out, "%s  ", RESET(color));
		if (p->has_last) {
			date_format_day(p->last, day);
			strbuf_addf(out, _("last %s"), day);
		} else {
			strbuf_addstr(out, _("last never"));
		}
		if (p->next.has_next) {
			date_format_time(p->next.next, when);
			strbuf_addf(out,
				    p->next_is_agenda ? _(", next %s (agenda)") : _(", next %s"),
				    when);
		}
		if (p->next.overdue)
			strbuf_addf(out, _(" %s(missed: hold it now)%s"), RED(color), RESET(color));
		strbuf_addch(out, '\n');
		S_items(out, p->support, p->nsupport, _("support"), color);
		S_items(out, p->focus, p->nfocus, _("focus"), color);
		S_carried(out, p);
	}
	if (!st->npeople)
		strbuf_addstr(out, _("no one in the journal yet (notes person add ID)\n"));
}

enum { OPT_JSON };

static int cmd_status(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	const char *person = NULL;
	bool as_json = args->value[OPT_JSON] != NULL;
	struct team_status status;
	notes_time now;
	int rc;

	if (args->argc > 1)
		return cmd_usage_error(&cmd_status_entry, _("name at most one person"));
	if (args->argc) {
		person = args->argv[0];
		if (journal_check_person(ctx->journal, person, &err) < 0 ||
		    !journal_has_person(ctx->journal, person)) {
			rc = err.len ? cmd_error(_("status: %s"), err.buf)
				     : cmd_error(_("status: %s: no such person"), person);
			strbuf_release(&err);
			return rc;
		}
	}
	if (date_now(&now) < 0)
		return cmd_error(_("status: NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	if (status_team(&status, ctx->journal, person, now, &err) < 0) {
		rc = cmd_error(_("status: %s"), err.buf);
		strbuf_release(&err);
		return rc;
	}
	if (as_json)
		json_status_line(&out, &status);
	else
		S_print(&out, &status, ctx->color);
	team_status_release(&status);
	strbuf_release(&err);
	rc = cmd_flush(&out);
	strbuf_release(&out);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.fn = cmd_status,
	.flags = NEED_JOURNAL,
	.synopsis = "notes status [PERSON] [--json]",
	.summary = N_("the team now: meetings due, support and focus items, carried items"),
	.description =
		N_("The team now, most urgent first: last and next meeting (a missed slot is\n"
		"flagged), open support items against the 48-hour promise, focus items due,\n"
		"and items carried open for 2+ meetings. Reads only the latest notes."),
	.options = {
		[OPT_JSON] = { "json", 0, NULL, N_("one JSON object (see the README for its fields)") },
	},
};
