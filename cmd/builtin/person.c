/* person.c - notes person add ID [--name N] [--email E] [--slot S]; notes person list. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "schedule.h"
#include "status.h"
#include "journal_setup.h"

static int S_add(struct cmd_context *ctx, const char *id, const struct person_fields *f)
{
	struct strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	int rc = EXIT_OK;

	if (journal_add_person(ctx->journal, id, f, &warn, &err) < 0)
		rc = EXIT_ERROR;
	cmd_warnings(&warn);
	if (rc == EXIT_OK)
		printf(_("Added %s\n"), id);
	else
		cmd_error(_("person add: %s"), err.buf);
	strbuf_release(&err);
	strbuf_release(&warn);
	return rc;
}

static void S_list_one(struct journal *j, const char *id, notes_time now, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	struct team_status st;
	const struct person_status *me = NULL;
	char last[11] = "-", next[17] = "-";
	struct person p;
	bool ok = status_team(&st, j, id, now, &err) == 0;

	if (ok && st.npeople)
		me = &st.people[0];
	if (me && me->has_last)
		date_format_day(me->last, last);
	if (me && me->next.has_next)
		date_format_time(me->next.next, next);
	journal_person(j, id, &p);
	print_padded(out, id, 12);
	print_padded(out, p.name ? p.name : "-", 22);
	print_padded(out, p.slot ? p.slot : "-", 12);
	print_padded(out, last, 10);
	strbuf_addstr(out, next);
	if (me && me->next.overdue)
		strbuf_addstr(out, _(" (overdue)"));
	strbuf_addch(out, '\n');
	if (ok)
		team_status_release(&st);
	person_release(&p);
	strbuf_release(&err);
}

static int S_list(struct cmd_context *ctx)
{
	struct strbuf out = STRBUF_INIT;
	notes_time now;
	size_t i;
	int rc;

	if (date_now(&now) < 0)
		return cmd_error(_("NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	print_padded(&out, _("PERSON"), 12);
	print_padded(&out, _("NAME"), 22);
	print_padded(&out, _("SLOT"), 12);
	print_padded(&out, _("LAST"), 10);
	strbuf_addf(&out, "%s\n", _("NEXT"));
	for (i = 0; i < ctx->journal->npeople; i++)
		S_list_one(ctx->journal, ctx->journal->people[i], now, &out);
	rc = cmd_flush(&out);
	strbuf_release(&out);
	return rc;
}

enum { OPT_NAME, OPT_EMAIL, OPT_SLOT, OPT_LANG };

static int cmd_person(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct person_fields f = { args->value[OPT_NAME], args->value[OPT_EMAIL],
				   args->value[OPT_SLOT], args->value[OPT_LANG] };

	if (args->argc < 1)
		return cmd_usage_error(&cmd_person_entry, _("add or list?"));
	if (!strcmp(args->argv[0], "list")) {
		if (args->argc > 1 || f.name || f.email || f.slot || f.lang)
			return cmd_usage_error(&cmd_person_entry,
					       _("person list takes no arguments"));
		return S_list(ctx);
	}
	if (strcmp(args->argv[0], "add"))
		return cmd_usage_error(&cmd_person_entry, _("unknown subcommand '%s'"),
				       args->argv[0]);
	if (args->argc != 2)
		return cmd_usage_error(&cmd_person_entry, _("person add takes one ID"));
	return S_add(ctx, args->argv[1], &f);
}

const struct cmd_entry cmd_person_entry = {
	.name = "person",
	.fn = cmd_person,
	.flags = NEED_JOURNAL,
	.synopsis =
		"notes person add ID [--name N] [--email E] [--slot \"mon 10:00\"] [--lang en|ko]\n"
		"   or: notes person list",
	.summary = N_("add a team member, or list the team"),
	.description =
		N_("add commits the change to .notes/config; list shows slot, last and next meeting."),
	.options = {
		[OPT_NAME] = { "name", 0, "N",
			       N_("the person's name (for the note title and Co-authored-by)") },
		[OPT_EMAIL] = { "email", 0, "E", N_("their e-mail") },
		[OPT_SLOT] = { "slot", 0, "S",
			       N_("the fixed weekly 1:1 slot, local time, e.g. \"mon 10:00\"") },
		[OPT_LANG] = { "lang", 0, "L",
			       N_("the language of their notes' template (default: the journal's)") },
	},
};
