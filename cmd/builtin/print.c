/* print.c - human-readable output shared by the commands. */
#include <string.h>

#include "builtin.h"
#include "notes_print.h"
#include "utf8.h"

static void S_text(struct strbuf *out, const char *s)
{
	strbuf_add_escaped(out, s, strlen(s));
}

static void S_task(struct strbuf *out, const struct task *t, enum section sec)
{
	char when[17];
	size_t i;

	if (sec != SECTION_BLOCKERS || t->has_marker)
		strbuf_addf(out, "[%c] ", task_status_char(t->status));
	S_text(out, t->text);
	for (i = 0; i < t->ntags; i++) {
		strbuf_addstr(out, " #");
		S_text(out, t->tags[i]);
	}
	if (t->owner && sec != SECTION_BLOCKERS) {
		strbuf_addstr(out, " @");
		S_text(out, t->owner);
	}
	if (t->has_due && sec != SECTION_REVIEW) {
		date_format_time(t->due, when);
		strbuf_addf(out, " due %s", when);
	}
	if (t->id)
		strbuf_addf(out, " ^%s", t->id);
	for (i = 0; i < FIELD__COUNT; i++)
		if (t->fields[i]) {
			strbuf_addf(out, "\n%14s%s: ", "", field_name((enum field)i));
			S_text(out, t->fields[i]);
		}
	strbuf_addch(out, '\n');
}

static void S_section(struct strbuf *out, const struct note *note, enum section sec)
{
	size_t i;

	for (i = 0; i < note->nitems[sec]; i++) {
		strbuf_addf(out, "  %-10s  ", i ? "" : section_name(sec));
		S_task(out, &note->items[sec][i], sec);
	}
}

void print_note_summary(struct strbuf *out, const struct note *note, const struct diag *problems)
{
	char when[17], week[9];
	size_t i, errors = diag_count(problems, SEVERITY_ERROR);
	size_t warnings = diag_count(problems, SEVERITY_WARNING);

	S_text(out, note->file ? note->file : "-");
	strbuf_addf(out, ": %s with %s", note->person ? note->person : "?",
		    note->leader ? note->leader : "?");
	if (note->has_date) {
		date_format_time(note->date, when);
		date_format_week(note->date, week);
		if (!note->has_time)
			when[10] = '\0';
		else
			when[10] = ' ';
		strbuf_addf(out, ", %s (%s)", when, week);
	}
	strbuf_addch(out, '\n');
	for (i = 0; i < note->ngoals; i++) {
		strbuf_addf(out, "  %-10s  ", i ? "" : "goals");
		if (note->goals[i].tag) {
			strbuf_addch(out, '#');
			S_text(out, note->goals[i].tag);
			strbuf_addch(out, ' ');
		}
		S_text(out, note->goals[i].text);
		strbuf_addch(out, '\n');
	}
	S_section(out, note, SECTION_REVIEW);
	S_section(out, note, SECTION_BLOCKERS);
	S_section(out, note, SECTION_SUPPORT);
	S_section(out, note, SECTION_FOCUS);
	for (i = 0; i < note->nfeedback; i++) {
		strbuf_addf(out, "  %-10s  ", i ? "" : "feedback");
		S_text(out, note->feedback[i].text);
		strbuf_addch(out, '\n');
	}
	if (errors || warnings)
		strbuf_addf(out, "  %-10s  %zu error%s, %zu warning%s (see 'notes check')\n",
			    "problems", errors, errors == 1 ? "" : "s", warnings,
			    warnings == 1 ? "" : "s");
}

void print_padded(struct strbuf *out, const char *s, int width)
{
	size_t start = out->len;
	int w;

	strbuf_add_escaped(out, s, strlen(s));
	w = utf8_width(out->buf + start, out->len - start);
	for (; w < width; w++)
		strbuf_addch(out, ' ');
	strbuf_addch(out, ' ');
}
