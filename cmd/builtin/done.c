/* done.c - notes done ID [--at TIME]: tick an item in its latest note and
 * commit; the commit time (or --at) is when it was delivered. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commit_note.h"
#include "xalloc.h"
#include "fsutil.h"
#include "ids.h"
#include "note_edit.h"

/* Whether buf holds "^id" as a token. */
static bool S_holds(const struct strbuf *buf, const char *id)
{
	struct id_set set = { 0 };
	bool res;

	id_set_scan(&set, buf->buf, buf->len);
	res = id_set_has(&set, id);
	id_set_release(&set);
	return res;
}

/* The newest note holding ^id: the latest note of each person first. */
static char *S_find(const struct journal *j, const char *id)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, err = STRBUF_INIT;
	char *found = NULL;
	size_t p, round;

	for (round = 0; round < 2 && !found; round++)
		for (p = 0; p < j->npeople && !found; p++) {
			struct note_ref *refs;
			size_t n, i;
			if (journal_notes(j, j->people[p], &refs, &n) < 0)
				continue;
			/* round 0: only the latest note; round 1: the older ones */
			for (i = n; i > 0 && !found; i--) {
				if ((round == 0) != (i == n))
					continue;
				journal_path(j, refs[i - 1].path, &path);
				strbuf_reset(&buf);
				if (read_file(path.buf, &buf, MAX_NOTE_SIZE, &err) == 0 &&
				    S_holds(&buf, id))
					found = xstrdup(refs[i - 1].path);
				strbuf_reset(&err);
			}
			note_refs_free(refs, n);
		}
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&err);
	return found;
}

/* How many review, support and focus items of note carry ^id. */
static size_t S_count(const struct note *note, const char *id)
{
	static const enum section secs[] = { SECTION_REVIEW, SECTION_SUPPORT, SECTION_FOCUS };
	size_t i, k, n = 0;

	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[secs[k]]; i++)
			n += note->items[secs[k]][i].id && !strcmp(note->items[secs[k]][i].id, id);
	return n;
}

static int S_tick(struct cmd_context *ctx, const char *rel, const char *id, const char *at)
{
	struct strbuf src = STRBUF_INIT, orig = STRBUF_INIT, err = STRBUF_INIT,
		      subject = STRBUF_INIT;
	struct note_options opts = { rel, ctx->journal->leader };
	struct commit_session s;
	struct target t = { 0 };
	struct note note;
	struct task *task;
	size_t committed = 0;
	char day[11];
	int rc = EXIT_ERROR;

	target_from_rel(ctx, rel, &t);
	if (read_file(t.path, &src, MAX_NOTE_SIZE, &err) < 0 ||
	    note_parse(&note, src.buf, src.len, &opts, &err) < 0) {
		cmd_error("done: %s: %s", rel, err.buf);
		goto out_nonote;
	}
	task = note_find_task(&note, id, NULL);
	if (!task) {
		cmd_error("done: ^%s in %s is not a focus, support or review item", id, rel);
		goto out;
	}
	if (S_count(&note, id) > 1) {
		cmd_error("done: ^%s names more than one item in %s (a duplicate-id); "
			  "give one of them another id first",
			  id, rel);
		goto out;
	}
	if (task->status == TASK_DONE) {
		printf("^%s is already done in %s\n", id, rel);
		rc = EXIT_OK;
		goto out;
	}
	if (at && task->fields[FIELD_DONE]) {
		/* a second done: would leave the review to choose between two */
		strbuf_add_escaped(&err, task->fields[FIELD_DONE],
				   strlen(task->fields[FIELD_DONE]));
		cmd_error("done: ^%s in %s already has a done: field (%s); edit it there, "
			  "or run notes done without --at",
			  id, rel, err.buf);
		goto out;
	}
	strbuf_addbuf(&orig, &src);
	/* the field goes below the item first: setting the marker may shift bytes */
	if (at)
		note_edit_add_field(&src, task, "done", at);
	note_edit_set_status(&src, task, 'x');
	date_format_day(note.date, day);
	strbuf_addf(&subject, "%s %s: done %s", note.person ? note.person : "?", day, id);
	if (commit_session_open(&s, ctx->journal) == 0) {
		struct commit_request req = { NULL, COMMIT_FORCE | COMMIT_QUIET, subject.buf, &orig,
					      &src };
		rc = commit_note_as(&s, &t, &req, &committed);
		commit_session_close(&s);
	}
out:
	note_release(&note);
out_nonote:
	free(t.display);
	free(t.path);
	free(t.rel);
	strbuf_release(&src);
	strbuf_release(&orig);
	strbuf_release(&err);
	strbuf_release(&subject);
	return rc;
}

static int cmd_done(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "at", required_argument, NULL, 'a' }, { 0 } };
	const char *at = NULL, *id;
	char when[17], *rel;
	notes_time t;
	bool has_time;
	int c, rc;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		if (c == 'a')
			at = optarg;
		else
			return cmd_option_error(&cmd_done_entry, c, argv);
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_done_entry, "name one item id");
	id = argv[optind][0] == '^' ? argv[optind] + 1 : argv[optind];
	if (strlen(id) != ID_LEN || strspn(id, "0123456789abcdefghijklmnopqrstuvwxyz") != ID_LEN)
		return cmd_error("done: '%s' is not an item id (^ and 6 letters or digits)",
				 argv[optind]);
	if (at) {
		if (date_parse(at, strlen(at), &t, &has_time) < 0)
			return cmd_error("done: --at '%s' is not YYYY-MM-DDTHH:MM", at);
		date_format_time(t, when);
		at = when;
	}
	rel = S_find(ctx->journal, id);
	if (!rel)
		return cmd_error("done: no note holds ^%s", id);
	rc = S_tick(ctx, rel, id, at);
	free(rel);
	return rc;
}

const struct cmd_entry cmd_done_entry = {
	"done",
	cmd_done,
	NEED_JOURNAL,
	"notes done ID [--at TIME]\n\n"
	"  --at TIME   when it was delivered (YYYY-MM-DDTHH:MM), recorded as a done: field\n\n"
	"Ticks the item ^ID in the latest note that holds it and commits that note.\n"
	"The commit time (or --at) is the delivery time the review measures against\n"
	"the 48-hour promise.",
	"tick an item as done and commit (the delivery time)",
};
