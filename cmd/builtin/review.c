/* review.c - notes review PERSON|--team [--since D] [--until D] [--json]:
 * the retrospective from git history. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "json.h"
#include "review.h"

static long long S_int(json_t *o, const char *a, const char *b)
{
	return (long long)json_integer_value(
		json_object_get(b ? json_object_get(o, a) : o, b ? b : a));
}

static void S_str(struct strbuf *out, json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	if (s)
		strbuf_add_escaped(out, s, strlen(s));
}

static void S_list(struct strbuf *out, json_t *r, const char *list, const char *title)
{
	json_t *a = json_object_get(r, list);
	size_t i;

	if (!json_array_size(a))
		return;
	strbuf_addf(out, "%s:\n", title);
	for (i = 0; i < json_array_size(a); i++) {
		json_t *it = json_array_get(a, i);
		strbuf_addstr(out, "  ");
		if (!strcmp(list, "recurring_blockers")) {
			S_str(out, it, "key");
			strbuf_addf(out, " (%lld meetings)", S_int(it, "count", NULL));
		} else if (!strcmp(list, "carried")) {
			S_str(out, it, "text");
			strbuf_addf(out, " ^%s (open %lld meetings)",
				    json_string_value(json_object_get(it, "id")),
				    S_int(it, "weeks", NULL));
		} else if (!strcmp(list, "learnings")) {
			S_str(out, it, "week");
			strbuf_addstr(out, " ");
			S_str(out, it, "text");
			strbuf_addstr(out, " [");
			S_str(out, it, "cause");
			strbuf_addstr(out, "]: ");
			S_str(out, it, "learning");
		} else {
			S_str(out, it, "week");
			strbuf_addstr(out, " ");
			S_str(out, it, "text");
		}
		strbuf_addch(out, '\n');
	}
}

static void S_print(struct strbuf *out, json_t *r)
{
	json_t *rate = json_object_get(json_object_get(r, "focus"), "rate");

	S_str(out, r, "person");
	strbuf_addstr(out, ", ");
	S_str(out, r, "since");
	strbuf_addstr(out, " to ");
	S_str(out, r, "until");
	strbuf_addf(out, "\n  meetings   %lld held in %lld weeks\n", S_int(r, "meetings", "held"),
		    S_int(r, "meetings", "weeks"));
	strbuf_addf(out, "  focus      %lld done, %lld partial, %lld dropped, %lld open of %lld",
		    S_int(r, "focus", "done"), S_int(r, "focus", "partial"),
		    S_int(r, "focus", "dropped"), S_int(r, "focus", "open"),
		    S_int(r, "focus", "total"));
	if (json_is_number(rate))
		strbuf_addf(out, " (%.0f%% done)", json_number_value(rate) * 100.0);
	strbuf_addf(out, "\n  misses     %lld execution, %lld assumption, %lld without a cause\n",
		    S_int(r, "causes", "execution"), S_int(r, "causes", "assumption"),
		    S_int(r, "causes", "unknown"));
	strbuf_addf(out, "  support    %lld kept within 48 h, %lld late, %lld open of %lld\n",
		    S_int(r, "support", "kept"), S_int(r, "support", "late"),
		    S_int(r, "support", "open"), S_int(r, "support", "total"));
	S_list(out, r, "recurring_blockers", "Recurring blockers");
	S_list(out, r, "carried", "Carried longest");
	S_list(out, r, "learnings", "Learnings");
	S_list(out, r, "feedback", "Feedback");
}

static int S_date(const char *arg, notes_time *out, bool *has)
{
	bool t;

	if (!arg)
		return 0;
	if (date_parse(arg, strlen(arg), out, &t) < 0)
		return cmd_error("review: '%s' is not a date (YYYY-MM-DD)", arg);
	*out -= *out % MINUTES_PER_DAY;
	*has = true;
	return 0;
}

static int S_run(struct cmd_context *ctx, const char *person, bool team, bool as_json,
		 struct review_range *range)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	json_t *all = json_array();
	struct vcs *v = NULL;
	/* progress on a terminal only: the history of a whole team takes a while */
	bool progress = isatty(STDERR_FILENO);
	size_t i;
	int rc = EXIT_ERROR;

	if (vcs_open(&v, ctx->journal->root, &err) < 0)
		goto out;
	for (i = 0; i < ctx->journal->npeople; i++) {
		const char *id = ctx->journal->people[i];
		json_t *r;
		if (team ? (ctx->journal->leader && !strcmp(id, ctx->journal->leader))
			 : strcmp(id, person))
			continue;
		if (team && progress)
			fprintf(stderr, "\rreviewing %zu/%zu: %s\033[K", i + 1,
				ctx->journal->npeople, id);
		r = review_person(v, ctx->journal, id, range, &err);
		if (!r)
			goto out;
		json_array_append_new(all, r);
	}
	if (team && progress)
		fprintf(stderr, "\r\033[K");
	if (as_json) {
		json_t *obj = team ? json_pack("{s:O}", "team", all)
				   : json_incref(json_array_get(all, 0));
		json_add_line(&out, obj);
		json_decref(obj);
	}
	for (i = 0; !as_json && i < json_array_size(all); i++)
		S_print(&out, json_array_get(all, i));
	rc = cmd_flush(&out);
out:
	if (rc == EXIT_ERROR && err.len)
		cmd_error("review: %s", err.buf);
	json_decref(all);
	vcs_free(v);
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

static int cmd_review(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "since", required_argument, NULL, 's' },
					      { "until", required_argument, NULL, 'u' },
					      { "json", no_argument, NULL, 'j' },
					      { "team", no_argument, NULL, 't' },
					      { 0 } };
	struct review_range range = { 0 };
	const char *since = NULL, *until = NULL, *person = NULL;
	bool as_json = false, team = false;
	struct strbuf err = STRBUF_INIT;
	int c;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		switch (c) {
		case 's': since = optarg; break;
		case 'u': until = optarg; break;
		case 'j': as_json = true; break;
		case 't': team = true; break;
		default: return cmd_option_error(&cmd_review_entry, c, argv);
		}
	}
	if (team ? optind != argc : optind + 1 != argc)
		return cmd_usage_error(&cmd_review_entry, "name one person, or --team");
	if (!team) {
		person = argv[optind];
		if (journal_check_person(ctx->journal, person, &err) < 0) {
			cmd_error("review: %s", err.buf);
			strbuf_release(&err);
			return EXIT_ERROR;
		}
		if (!journal_has_person(ctx->journal, person))
			return cmd_error("review: %s is not in the journal", person);
	}
	if (date_now(&range.now) < 0)
		return cmd_error("review: NOTES_NOW is not YYYY-MM-DDTHH:MM");
	if (S_date(since, &range.since, &range.has_since) ||
	    S_date(until, &range.until, &range.has_until))
		return EXIT_ERROR;
	return S_run(ctx, person, team, as_json, &range);
}

const struct cmd_entry cmd_review_entry = {
	"review",
	cmd_review,
	NEED_JOURNAL,
	"notes review PERSON [--since D] [--until D] [--json]\n"
	"   or: notes review --team [--since D] [--until D] [--json]\n\n"
	"  --since D, --until D   the meetings to look at (YYYY-MM-DD, inclusive)\n"
	"  --json                 one JSON object ({\"team\": [...]} with --team)\n"
	"  --team                 every person's figures, side by side\n\n"
	"The retrospective from git history: meetings held vs weeks, focus done,\n"
	"causes of misses, support kept within 48 hours, recurring blockers, items\n"
	"carried longest, learnings and a per-week series.",
	"the retrospective of a person (or --team) from git history",
};
