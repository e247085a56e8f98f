/* message.c - the commit message of a meeting note: subject, body, trailers. */
#include "message.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Text of a note in a commit message stays on one line and is UTF-8 a
 * terminal shows as text: a C0 or C1 control (ESC, CSI...) or DEL becomes
 * a space, a byte that is not UTF-8 U+FFFD. */
static void S_line(struct strbuf *out, const char *s)
{
	size_t len = strlen(s), n;
	int32_t cp;

	while (len) {
		n = utf8_decode(s, len, &cp);
		if (!n) {
			strbuf_addstr(out, "\xEF\xBF\xBD");
			n = 1;
		} else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			strbuf_addch(out, ' ');
		} else {
			strbuf_add(out, s, n);
		}
		s += n;
		len -= n;
	}
}

static void S_items(struct strbuf *out, const struct note *note, enum section sec,
		    const char *title)
{
	size_t i, k;

	if (!note->nitems[sec])
		return;
	strbuf_addf(out, "%s:\n", title);
	for (i = 0; i < note->nitems[sec]; i++) {
		const struct task *t = &note->items[sec][i];
		if (sec == SECTION_BLOCKERS)
			strbuf_addf(out, "- %s", t->status == TASK_DONE ? "[x] " : "");
		else
			strbuf_addf(out, "- [%c] ", task_status_char(t->status));
		S_line(out, t->text);
		for (k = 0; k < t->ntags; k++) {
			strbuf_addstr(out, " #");
			S_line(out, t->tags[k]);
		}
		if (t->id)
			strbuf_addf(out, " ^%s", t->id);
		strbuf_addch(out, '\n');
	}
}

static size_t S_count(const struct note *note, enum section sec, enum task_status st)
{
	size_t i, n = 0;

	for (i = 0; i < note->nitems[sec]; i++)
		n += note->items[sec][i].status == st;
	return n;
}

void message_build(const struct message_input *in, struct strbuf *out)
{
	const struct note *n = in->note;
	char day[11] = "", week[9] = "";
	size_t i;

	if (n->has_date) {
		date_format_day(n->date, day);
		date_format_week(n->date, week);
	}
	if (in->subject)
		S_line(out, in->subject);
	else {
		S_line(out, n->person ? n->person : "?");
		strbuf_addf(out, " %s: %zu/%zu done, %zu focus, %zu support, %zu blockers", day,
			    S_count(n, SECTION_REVIEW, TASK_DONE), n->nitems[SECTION_REVIEW],
			    n->nitems[SECTION_FOCUS], n->nitems[SECTION_SUPPORT],
			    n->nitems[SECTION_BLOCKERS]);
	}
	strbuf_addstr(out, "\n\n");
	if (in->user_message && *in->user_message) {
		strbuf_addstr(out, in->user_message);
		while (out->len && out->buf[out->len - 1] == '\n')
			strbuf_setlen(out, out->len - 1);
		strbuf_addstr(out, "\n\n");
	}
	if (!in->subject) {
		size_t before = out->len;
		S_items(out, n, SECTION_FOCUS, "Focus");
		S_items(out, n, SECTION_SUPPORT, "Support");
		S_items(out, n, SECTION_BLOCKERS, "Blockers");
		if (out->len > before)
			strbuf_addch(out, '\n');
	}
	strbuf_addstr(out, "Person: ");
	S_line(out, n->person ? n->person : "?");
	strbuf_addch(out, '\n');
	if (n->leader) {
		strbuf_addstr(out, "Leader: ");
		S_line(out, n->leader);
		strbuf_addch(out, '\n');
	}
	if (n->has_date)
		strbuf_addf(out, "Week: %s\n", week);
	if (in->ndone) {
		strbuf_addstr(out, "Done:");
		for (i = 0; i < in->ndone; i++)
			strbuf_addf(out, " %s", in->done[i]);
		strbuf_addch(out, '\n');
	}
	if (in->member && in->member->email) {
		strbuf_addstr(out, "Co-authored-by: ");
		S_line(out, in->member->name ? in->member->name : in->member->id);
		strbuf_addstr(out, " <");
		S_line(out, in->member->email);
		strbuf_addstr(out, ">\n");
	}
}
