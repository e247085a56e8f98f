/* commit.c - notes commit [-m MSG] [--force] [PERSON|FILE...]: give every task
 * an id, check the note, and commit it alone, one meeting per commit. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "xalloc.h"
#include "commit_note.h"
#include "notes_print.h"

struct commit_options {
	const char *message;
	bool force;
};

static int S_commit_config(struct commit_session *s, size_t *committed)
{
	static const struct vcs_file paths[] = { { ".notes/config", NULL, 0 } };
	struct strbuf err = STRBUF_INIT;
	int rc = vcs_commit(s->vcs, paths, 1, "journal: update .notes/config\n", &s->who, &err);

	if (rc < 0) {
		cmd_error("commit: .notes/config: %s", err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	if (rc == 0) {
		printf("committed .notes/config\n");
		(*committed)++;
	}
	strbuf_release(&err);
	return EXIT_OK;
}

static int S_targets(struct cmd_context *ctx, int argc, char **argv, struct target **t, size_t *n)
{
	struct strbuf err = STRBUF_INIT;
	struct vcs *v;
	char **paths;
	size_t i, np;

	if (argc)
		return resolve_targets(ctx, argc, argv, t, n);
	if (vcs_open(&v, ctx->journal->root, &err) < 0)
		goto fail;
	if (vcs_changed_notes(v, &paths, &np, &err) < 0) {
		vcs_free(v);
		goto fail;
	}
	vcs_free(v);
	*t = xcalloc(np + 1, sizeof(**t));
	for (i = 0; i < np; i++) {
		target_from_rel(ctx, paths[i], &(*t)[i]);
		free(paths[i]);
	}
	free(paths);
	*n = np;
	strbuf_release(&err);
	return 0;
fail:
	cmd_error("commit: %s", err.buf);
	strbuf_release(&err);
	return EXIT_ERROR;
}

static int cmd_commit(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "message", required_argument, NULL, 'm' },
					      { "force", no_argument, NULL, 'f' },
					      { 0 } };
	struct commit_options o = { NULL, false };
	struct commit_session s;
	struct target *targets;
	size_t n, i, committed = 0;
	int c, rc = EXIT_OK;

	while ((c = cmd_getopt(argc, argv, "m:f", opts)) != -1) {
		switch (c) {
		case 'm': o.message = optarg; break;
		case 'f': o.force = true; break;
		default: return cmd_option_error(&cmd_commit_entry, c, argv);
		}
	}
	if (S_targets(ctx, argc - optind, argv + optind, &targets, &n))
		return EXIT_ERROR;
	if (commit_session_open(&s, ctx->journal) < 0) {
		targets_free(targets, n);
		return EXIT_ERROR;
	}
	for (i = 0; i < n; i++) {
		int one;
		if (targets[i].rel && !strcmp(targets[i].rel, ".notes/config"))
			one = S_commit_config(&s, &committed);
		else
			one = commit_note(&s, &targets[i], o.message, o.force, &committed);
		if (one > rc)
			rc = one;
	}
	if (!n || (!committed && rc == EXIT_OK && n))
		printf("nothing to commit: the notes match the journal's history\n");
	commit_session_close(&s);
	targets_free(targets, n);
	return rc;
}

const struct cmd_entry cmd_commit_entry = {
	"commit",
	cmd_commit,
	NEED_JOURNAL,
	"notes commit [-m MSG] [--force] [PERSON|FILE...]\n\n"
	"  -m, --message MSG  a paragraph for the commit message body\n"
	"  -f, --force        commit a note even when it has errors\n\n"
	"Gives every task an id (^xxxxxx, appended to its line), checks the note, and\n"
	"commits each meeting note alone: only note files and .notes/config are ever\n"
	"staged. Without arguments, every changed note. A note with errors is not\n"
	"committed (and not touched) unless --force.",
	"give tasks ids, check, and commit each meeting note",
};
