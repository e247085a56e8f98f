/* new.c - notes new PERSON [--date D] [--edit|--no-edit]: write the note
 * before the meeting, carrying last week's commitments into it. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtin.h"
#include "carry.h"
#include "fsutil.h"
#include "schedule.h"
#include "template.h"
#include "xalloc.h"

struct new_options {
	const char *person, *date;
	int edit; /* -1: when on a terminal */
};

/* Partials come from .notes/templates/ or the built-in templates; the
 * text of each must stay valid until the render ends. */
struct partials {
	const struct journal *j;
	const char *lang;
	char **names, **texts;
	size_t nr, alloc;
};

static int S_partial(const char *name, const char **text, size_t *len, void *data)
{
	struct partials *p = data;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	/* a partial included again is not read again */
	for (i = 0; i < p->nr; i++)
		if (!strcmp(p->names[i], name)) {
			*text = p->texts[i];
			*len = strlen(p->texts[i]);
			return 0;
		}
	if (template_lookup(p->j, p->lang, name, &sb) < 0) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	ALLOC_GROW(p->texts, p->nr + 1, p->alloc);
	p->names = xrealloc(p->names, p->alloc * sizeof(*p->names));
	p->names[p->nr] = xstrdup(name);
	*text = p->texts[p->nr++] = strbuf_detach(&sb, NULL);
	return 0;
}

/* The meeting time: --date, else this week's slot day, else today. */
static int S_when(const struct new_options *o, const struct person *p, notes_time *when,
		  bool *has_time)
{
	struct slot slot = { 0, 0 };
	notes_time now;

	if (date_now(&now) < 0)
		return cmd_error("new: NOTES_NOW is not YYYY-MM-DDTHH:MM");
	*has_time = p->slot && slot_parse(p->slot, &slot) == 0;
	if (o->date) {
		bool t;
		if (date_parse(o->date, strlen(o->date), when, &t) < 0)
			return cmd_error("new: --date '%s' is not a date (YYYY-MM-DD)", o->date);
		if (t) {
			*has_time = true;
			return 0;
		}
		if (*has_time)
			*when += slot.minutes;
		return 0;
	}
	*when = *has_time ? slot_in_week(&slot, now) : now - now % MINUTES_PER_DAY;
	return 0;
}

static void S_run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	pid_t pid;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "$0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

static int S_render(struct cmd_context *ctx, const char *lang, const struct carry_input *in,
		    struct strbuf *out)
{
	struct partials parts = { ctx->journal, lang, NULL, NULL, 0, 0 };
	struct strbuf tmpl = STRBUF_INIT, err = STRBUF_INIT;
	json_t *data = carry_data(in);
	size_t i;
	int rc = 0;

	if (template_lookup(ctx->journal, lang, "note", &tmpl) < 0)
		rc = cmd_error("new: no note template");
	else if (template_render(out, tmpl.buf, tmpl.len, data, S_partial, &parts, 0, &err) < 0)
		rc = cmd_error("new: the note template: %s", err.buf);
	else if (out->len && out->buf[out->len - 1] != '\n')
		strbuf_addch(out, '\n'); /* a text file ends with a line end */
	for (i = 0; i < parts.nr; i++) {
		free(parts.names[i]);
		free(parts.texts[i]);
	}
	free(parts.names);
	free(parts.texts);
	json_decref(data);
	strbuf_release(&tmpl);
	strbuf_release(&err);
	return rc;
}

static int S_new(struct cmd_context *ctx, const struct new_options *o)
{
	struct journal *j = ctx->journal;
	struct strbuf err = STRBUF_INIT, rel = STRBUF_INIT, full = STRBUF_INIT, src = STRBUF_INIT;
	struct strbuf out = STRBUF_INIT;
	struct carry_input in = { 0 };
	struct person p = { 0 };
	struct note prev;
	bool has_prev = false;
	char day[11], *prev_path = NULL;
	int rc = EXIT_ERROR;

	if (journal_check_person(j, o->person, &err) < 0) {
		cmd_error("new: %s", err.buf);
		goto out;
	}
	if (!journal_has_person(j, o->person)) {
		cmd_error("new: %s is not in the journal (add them: notes person add %s)",
			  o->person, o->person);
		goto out;
	}
	journal_person(j, o->person, &p);
	if (S_when(o, &p, &in.date, &in.has_time))
		goto out;
	date_format_day(in.date, day);
	strbuf_addf(&rel, "%s/%s.md", o->person, day);
	journal_path(j, rel.buf, &full);
	if (path_exists(full.buf)) {
		cmd_error("new: %s already exists (notes never overwrites a note)", rel.buf);
		goto out;
	}
	prev_path = journal_previous(j, o->person, in.date - in.date % MINUTES_PER_DAY);
	if (prev_path) {
		struct strbuf pfull = STRBUF_INIT;
		journal_path(j, prev_path, &pfull);
		if (read_file(pfull.buf, &src, MAX_NOTE_SIZE, &err) < 0 ||
		    journal_load_note(j, prev_path, &prev, &err) < 0) {
			cmd_error("new: %s: %s", prev_path, err.buf);
			strbuf_release(&pfull);
			goto out;
		}
		strbuf_release(&pfull);
		has_prev = true;
	}
	in.person = o->person;
	in.name = p.name;
	in.leader = j->leader;
	in.prev = has_prev ? &prev : NULL;
	in.prev_src = src.buf;
	in.prev_len = src.len;
	if (S_render(ctx, p.language, &in, &out))
		goto out;
	strbuf_reset(&err);
	strbuf_addf(&full, "%s", "");
	journal_path(j, o->person, &src);
	if (make_dirs(src.buf, &err) < 0 || journal_check_person(j, o->person, &err) < 0 ||
	    /* not fsynced: a note just made from the template is made again
	     * as easily, and notes new stays quick */
	    write_file_atomic(full.buf, out.buf, out.len, 0666, 0, &err) < 0) {
		cmd_error("new: %s: %s", rel.buf, err.buf);
		goto out;
	}
	printf("%s\n", rel.buf);
	fflush(stdout);
	if (o->edit > 0 || (o->edit < 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))
		S_run_editor(full.buf);
	rc = EXIT_OK;
out:
	if (has_prev)
		note_release(&prev);
	person_release(&p);
	free(prev_path);
	strbuf_release(&err);
	strbuf_release(&rel);
	strbuf_release(&full);
	strbuf_release(&src);
	strbuf_release(&out);
	return rc;
}

static int cmd_new(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "date", required_argument, NULL, 'd' },
					      { "edit", no_argument, NULL, 'e' },
					      { "no-edit", no_argument, NULL, 'n' },
					      { 0 } };
	struct new_options o = { NULL, NULL, -1 };
	int c;

	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'd': o.date = optarg; break;
		case 'e': o.edit = 1; break;
		case 'n': o.edit = 0; break;
		default: return cmd_option_error(&cmd_new_entry, c, argv);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_new_entry, "name one person");
	o.person = argv[optind];
	return S_new(ctx, &o);
}

const struct cmd_entry cmd_new_entry = {
	"new",
	cmd_new,
	NEED_JOURNAL,
	"notes new PERSON [--date D] [--edit|--no-edit]\n\n"
	"  --date D     the meeting date (default: this week's slot day, else today)\n"
	"  --edit       open $VISUAL/$EDITOR (default when on a terminal)\n"
	"  --no-edit    do not open an editor\n\n"
	"Writes <person>/<date>.md from the template, carrying forward the goals, every\n"
	"focus and support item of the previous note (with its id and status) and the\n"
	"review items still open into the review, and unresolved blockers. Never\n"
	"overwrites a note. Prints the path.",
	"write this week's note, carrying last week's commitments",
};
