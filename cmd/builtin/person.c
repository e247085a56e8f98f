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
#include "vcs.h"

static int S_set(struct config *cfg, const char *id, const char *key, const char *value,
		 struct strbuf *err)
{
	struct strbuf k = STRBUF_INIT;
	int rc;

	if (!value)
		return 0;
	strbuf_addf(&k, "person.%s.%s", id, key);
	rc = config_set(cfg, k.buf, value, err);
	strbuf_release(&k);
	return rc;
}

static int S_add(struct cmd_context *ctx, const char *id, const char *name, const char *email,
		 const char *slot, const char *lang)
{
	static const struct vcs_file paths[] = { { ".notes/config", NULL, 0 } };
	struct journal *j = ctx->journal;
	struct strbuf err = STRBUF_INIT, msg = STRBUF_INIT;
	struct person leader = { 0 };
	struct vcs_identity who;
	struct vcs *v = NULL;
	struct slot s;
	int rc = EXIT_ERROR;

	if (journal_check_person(j, id, &err) < 0)
		goto out;
	if (journal_has_person(j, id)) {
		strbuf_addf(&err, "%s is already in the journal", id);
		goto out;
	}
	if (slot && slot_parse(slot, &s) < 0) {
		strbuf_addf(&err, "slot '%s' is not like \"mon 10:00\"", slot);
		goto out;
	}
	if (vcs_open(&v, j->root, &err) < 0 ||
	    S_set(j->config, id, "name", name ? name : id, &err) < 0 ||
	    S_set(j->config, id, "email", email, &err) < 0 ||
	    S_set(j->config, id, "slot", slot, &err) < 0 ||
	    S_set(j->config, id, "language", lang, &err) < 0)
		goto out;
	if (j->leader)
		journal_person(j, j->leader, &leader);
	who.name = leader.name;
	who.email = leader.email;
	strbuf_addf(&msg, "journal: add %s%s%s%s\n", id, name ? " (" : "", name ? name : "",
		    name ? ")" : "");
	if (vcs_commit(v, paths, 1, msg.buf, &who, &err) < 0)
		goto out;
	printf("Added %s\n", id);
	rc = EXIT_OK;
out:
	if (rc != EXIT_OK)
		cmd_error("person add: %s", err.buf);
	person_release(&leader);
	vcs_free(v);
	strbuf_release(&err);
	strbuf_release(&msg);
	return rc;
}

static void S_list_one(struct journal *j, const char *id, notes_time now, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	json_t *st = status_team(j, id, now, &err);
	json_t *me = json_array_get(json_object_get(st, "people"), 0);
	const char *last = json_string_value(json_object_get(me, "last"));
	const char *next = json_string_value(json_object_get(me, "next"));
	struct person p;

	journal_person(j, id, &p);
	print_padded(out, id, 12);
	print_padded(out, p.name ? p.name : "-", 22);
	print_padded(out, p.slot ? p.slot : "-", 12);
	strbuf_addf(out, "%-10s %s%s\n", last ? last : "-", next ? next : "-",
		    json_is_true(json_object_get(me, "overdue_meeting")) ? " (overdue)" : "");
	json_decref(st);
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
	const char *name = NULL, *email = NULL, *slot = NULL, *lang = NULL;
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
		case 'n': name = optarg; break;
		case 'e': email = optarg; break;
		case 's': slot = optarg; break;
		case 'L': lang = optarg; break;
		default: return cmd_option_error(&cmd_person_entry, c, argv);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_person_entry, "person add takes one ID");
	if (lang && strcmp(lang, "en") && strcmp(lang, "ko"))
		return cmd_error("person add: unknown language '%s' (en or ko)", lang);
	return S_add(ctx, argv[optind], name, email, slot, lang);
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
