/* person.c - notes person add ID [--name N] [--email E] [--slot S]; notes person list. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "notes_print.h"
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
		printf("Added %s\n", id);
	else
		cmd_error("person add: %s", err.buf);
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
	strbuf_addf(out, "%-10s %s%s\n", last, next, me && me->next.overdue ? " (overdue)" : "");
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
		return cmd_error("NOTES_NOW is not YYYY-MM-DDTHH:MM");
	strbuf_addf(&out, "%-12s %-22s %-12s %-10s %s\n", "PERSON", "NAME", "SLOT", "LAST", "NEXT");
	for (i = 0; i < ctx->journal->npeople; i++)
		S_list_one(ctx->journal, ctx->journal->people[i], now, &out);
	rc = cmd_flush(&out);
	strbuf_release(&out);
	return rc;
}

static int cmd_person(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "name", required_argument, NULL, 'n' },
					      { "email", required_argument, NULL, 'e' },
					      { "slot", required_argument, NULL, 's' },
					      { "lang", required_argument, NULL, 'L' },
					      { 0 } };
	struct person_fields f = { NULL, NULL, NULL, NULL };
	int c;

	if (argc < 2)
		return cmd_usage_error(&cmd_person_entry, "add or list?");
	if (!strcmp(argv[1], "list")) {
		if (argc > 2)
			return cmd_usage_error(&cmd_person_entry, "person list takes no arguments");
		return S_list(ctx);
	}
	if (strcmp(argv[1], "add"))
		return cmd_usage_error(&cmd_person_entry, "unknown subcommand '%s'", argv[1]);
	argc--;
	argv++;
	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'n': f.name = optarg; break;
		case 'e': f.email = optarg; break;
		case 's': f.slot = optarg; break;
		case 'L': f.lang = optarg; break;
		default: return cmd_option_error(&cmd_person_entry, c, argv);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_person_entry, "person add takes one ID");
	return S_add(ctx, argv[optind], &f);
}

const struct cmd_entry cmd_person_entry = {
	"person",
	cmd_person,
	NEED_JOURNAL,
	"notes person add ID [--name N] [--email E] [--slot \"mon 10:00\"] [--lang en|ko]\n"
	"   or: notes person list\n\n"
	"  --name N     the person's name (for the note title and Co-authored-by)\n"
	"  --email E    their e-mail\n"
	"  --slot S     the fixed weekly 1:1 slot, local time, e.g. \"mon 10:00\"\n"
	"  --lang L     the language of their notes' template (default: the journal's)\n\n"
	"add commits the change to .notes/config; list shows slot, last and next meeting.",
	"add a team member, or list the team",
};
