/* targets.c - PERSON|FILE arguments -> the note files they name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "fsutil.h"
#include "notes_print.h"
#include "xalloc.h"

void target_from_rel(struct cmd_context *ctx, const char *rel, struct target *t)
{
	struct strbuf path = STRBUF_INIT;

	journal_path(ctx->journal, rel, &path);
	t->display = xstrdup(rel);
	t->path = strbuf_detach(&path, NULL);
	t->rel = xstrdup(rel);
}

static bool S_looks_like_file(const char *arg)
{
	struct stat st;
	size_t len = strlen(arg);

	if (strchr(arg, '/') || (len > 3 && !strcmp(arg + len - 3, ".md")))
		return true;
	/* a person's directory names the person */
	return lstat(arg, &st) == 0 && !(S_ISDIR(st.st_mode) && person_id_is_valid(arg));
}

static bool S_has_dir(struct cmd_context *ctx, const char *id)
{
	struct strbuf path = STRBUF_INIT;
	bool res;

	journal_path(ctx->journal, id, &path);
	res = is_dir(path.buf);
	strbuf_release(&path);
	return res;
}

static int S_person_target(struct cmd_context *ctx, const char *id, struct target *t)
{
	struct strbuf err = STRBUF_INIT;
	char *rel;

	if (!ctx->journal)
		return cmd_error("%s: not a file, and not in a journal to look up a person", id);
	if (journal_check_person(ctx->journal, id, &err) < 0) {
		cmd_error("%s", err.buf);
		strbuf_release(&err);
		return EXIT_ERROR;
	}
	if (!journal_has_person(ctx->journal, id) && !S_has_dir(ctx, id))
		return cmd_error("%s: no such person (see 'notes person list')", id);
	switch (journal_previous(ctx->journal, id, INT64_MAX, &rel)) {
	case -1: return cmd_error("%s: cannot list the notes", id);
	case 1: return cmd_error("%s: has no note yet (write one with 'notes new %s')", id, id);
	}
	target_from_rel(ctx, rel, t);
	free(rel);
	return 0;
}

int resolve_targets(struct cmd_context *ctx, int argc, char **argv, struct target **out, size_t *n)
{
	struct target *t = xcalloc((size_t)argc + 1, sizeof(*t));
	int i;

	for (i = 0; i < argc; i++) {
		if (!S_looks_like_file(argv[i])) {
			if (S_person_target(ctx, argv[i], &t[i]) != 0) {
				targets_free(t, (size_t)i);
				return EXIT_ERROR;
			}
			continue;
		}
		t[i].display = xstrdup(argv[i]);
		t[i].path = xstrdup(argv[i]);
		t[i].rel = ctx->journal ? journal_relative(ctx->journal, argv[i]) : NULL;
	}
	*out = t;
	*n = (size_t)argc;
	return 0;
}

int latest_targets(struct cmd_context *ctx, struct target **out, size_t *n)
{
	struct journal *j = ctx->journal;
	struct target *t = xcalloc(j->npeople + 1, sizeof(*t));
	size_t i, k = 0;

	for (i = 0; i < j->npeople; i++) {
		char *rel;
		if (journal_previous(j, j->people[i], INT64_MAX, &rel) == 0)
			target_from_rel(ctx, rel, &t[k++]);
		free(rel);
	}
	*out = t;
	*n = k;
	return 0;
}

void targets_free(struct target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(t[i].display);
		free(t[i].path);
		free(t[i].rel);
	}
	free(t);
}
