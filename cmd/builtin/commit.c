/* commit.c - notes commit [-m MSG] [--force] [PERSON|FILE...]: give every task
 * an id, check the note, and commit it alone, one meeting per commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "xalloc.h"
#include "journal_commit.h"
#include "journal_merge.h"
#include "journal_targets.h"

struct commit_options {
	const char *message;
	bool force;
};

/* The notes named, or without arguments every changed note. */
static int S_targets(struct cmd_context *ctx, int argc, char **argv, struct note_target **t,
		     size_t *n)
{
	struct strbuf err = STRBUF_INIT;
	char **paths;
	size_t i, np;

	if (argc) {
		if (journal_resolve_targets(ctx->journal, argc, argv, t, n, &err) == 0)
			return 0;
		cmd_error("%s", err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	if (journal_changed_notes(ctx->journal, &paths, &np, &err) < 0) {
		cmd_error(_("commit: %s"), err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	*t = xcalloc(np + 1, sizeof(**t));
	for (i = 0; i < np; i++) {
		note_target_from_rel(ctx->journal, paths[i], &(*t)[i]);
		free(paths[i]);
	}
	free(paths);
	*n = np;
	return 0;
}

/* Print a note's problems and why it was refused: an exit status. */
static int S_refused(const struct note_target *t, const struct commit_result *res, bool force)
{
	size_t errors = diag_count(&res->problems, SEVERITY_ERROR);

	if (force)
		cmd_error(
			_("commit: %s has conflict markers; not committed (keep one side's lines, "
			  "then remove the markers)"),
			t->name);
	else
		cmd_error(Q_("commit: %s has %zu error; not committed (fix it, or --force)",
			     "commit: %s has %zu errors; not committed (fix it, or --force)",
			     errors),
			  t->name, errors);
	return EXIT_PROBLEMS;
}

/*
 * The notes with a conflict of sync's merge go first, together: they
 * complete the merge (one commit with both parents). done[i] tells which
 * targets were taken. Returns an exit status.
 */
static int S_commit_merge(struct commit_session *s, struct note_target *targets, size_t n,
			  const struct commit_options *o, bool *done, size_t *committed)
{
	struct commit_request req = { o->message, o->force ? COMMIT_FORCE : 0, NULL, NULL, NULL };
	struct note_file *files = xcalloc(n + 1, sizeof(*files));
	struct commit_result *res = xcalloc(n + 1, sizeof(*res));
	struct note_target **which = xcalloc(n + 1, sizeof(*which));
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	size_t i, m = 0;
	int rc = EXIT_OK;

	for (i = 0; i < n; i++)
		if (journal_note_in_merge(s, targets[i].rel)) {
			struct commit_result init = COMMIT_RESULT_INIT;
			files[m] = (struct note_file){ targets[i].name, targets[i].path,
						       targets[i].rel };
			res[m] = init;
			which[m++] = &targets[i];
			done[i] = true;
		}
	if (m && journal_commit_merge(s, files, m, &req, res, &err) < 0)
		rc = cmd_error(_("commit: %s"), err.buf);
	for (i = 0; i < m; i++) {
		strbuf_reset(&out);
		diag_format(&res[i].problems, which[i]->name, &out);
		fputs(out.buf, stderr);
		cmd_warnings(&res[i].warn);
		if (res[i].outcome == COMMIT_REFUSED) {
			int one = S_refused(which[i], &res[i], o->force);
			rc = one > rc ? one : rc;
		} else if (res[i].outcome == COMMIT_MADE) {
			printf(_("committed %s: %s\n"), which[i]->name, res[i].subject);
			(*committed)++;
		}
		commit_result_release(&res[i]);
	}
	free(files);
	free(res);
	free(which);
	strbuf_release(&err);
	strbuf_release(&out);
	return rc;
}

/* Commit one target; print what happened. Returns an exit status. */
static int S_commit_one(struct commit_session *s, const struct note_target *t,
			const struct commit_options *o, size_t *committed)
{
	struct note_file f = { t->name, t->path, t->rel };
	struct commit_request req = { o->message, o->force ? COMMIT_FORCE : 0, NULL, NULL, NULL };
	struct commit_result res = COMMIT_RESULT_INIT;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	bool config = t->rel && !strcmp(t->rel, JOURNAL_CONFIG);
	int rc = EXIT_OK;

	if (config ? journal_commit_config(s, &res, &err) < 0
		   : journal_commit_note(s, &f, &req, &res, &err) < 0)
		rc = EXIT_ERROR;
	diag_format(&res.problems, t->name, &out);
	fputs(out.buf, stderr);
	cmd_warnings(&res.warn);
	if (rc == EXIT_ERROR) {
		cmd_error(_("commit: %s%s%s"), config ? JOURNAL_CONFIG : "", config ? ": " : "",
			  err.buf);
	} else if (res.outcome == COMMIT_REFUSED) {
		rc = S_refused(t, &res, o->force);
	} else if (res.outcome == COMMIT_MADE) {
		if (config)
			printf(_("committed %s\n"), JOURNAL_CONFIG);
		else
			printf(_("committed %s: %s\n"), t->name, res.subject);
		(*committed)++;
	} else if (!config) {
		printf(_("%s: nothing to commit\n"), t->name);
	}
	commit_result_release(&res);
	strbuf_release(&err);
	strbuf_release(&out);
	return rc;
}

enum { OPT_MESSAGE, OPT_FORCE };

static int cmd_commit(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct strbuf err = STRBUF_INIT;
	struct commit_options o = { args->value[OPT_MESSAGE], args->value[OPT_FORCE] != NULL };
	struct commit_session s;
	struct note_target *targets;
	size_t n, i, committed = 0;
	bool *done;
	int rc = EXIT_OK;

	if (S_targets(ctx, args->argc, args->argv, &targets, &n))
		return EXIT_ERROR;
	if (commit_session_open(&s, ctx->journal, &err) < 0) {
		cmd_error("%s: %s", ctx->journal->root, err.buf);
		strbuf_release(&err);
		note_targets_free(targets, n);
		return EXIT_ERROR;
	}
	done = xcalloc(n + 1, sizeof(*done));
	rc = S_commit_merge(&s, targets, n, &o, done, &committed);
	for (i = 0; i < n; i++) {
		int one = done[i] ? EXIT_OK : S_commit_one(&s, &targets[i], &o, &committed);
		if (one > rc)
			rc = one;
	}
	free(done);
	if (!n || (!committed && rc == EXIT_OK && n))
		printf("%s\n", _("nothing to commit: the notes match the journal's history"));
	commit_session_close(&s);
	note_targets_free(targets, n);
	return rc;
}

const struct cmd_entry cmd_commit_entry = {
	.name = "commit",
	.fn = cmd_commit,
	.flags = NEED_JOURNAL,
	.synopsis = "notes commit [-m MSG] [--force] [PERSON|FILE...]",
	.summary = N_("give tasks ids, check, and commit each meeting note"),
	.description =
		N_("Gives every task an id (^xxxxxx, appended to its line), checks the note, and\n"
		"commits each meeting note alone: only note files and .notes/config are ever\n"
		"staged. Without arguments, every changed note. A note with errors is not\n"
		"committed (and not touched) unless --force; conflict markers never are.\n"
		"While a merge of notes sync is in progress, the notes it left with\n"
		"conflicts, once resolved, are committed together as the merge (both\n"
		"parents); any other merge or git operation in progress refuses the commit."),
	.options = {
		[OPT_MESSAGE] = { "message", 'm', "MSG", N_("a paragraph for the commit message body") },
		[OPT_FORCE] = { "force", 'f', NULL, N_("commit a note even when it has errors") },
	},
};
