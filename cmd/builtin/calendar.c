/* calendar.c - notes calendar [PERSON] [-o FILE]: the 1:1s and open items
 * as an iCalendar file. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "gettext.h"
#include "calendar.h"
#include "fsutil.h"

enum { OPT_OUTPUT };

static int cmd_calendar(const struct cmd_args *args, struct cmd_context *ctx)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct calendar_counts counts;
	const char *person = NULL, *file = args->value[OPT_OUTPUT];
	notes_time now;
	int rc;

	if (args->argc > 1)
		return cmd_usage_error(&cmd_calendar_entry, _("name at most one person"));
	if (args->argc) {
		person = args->argv[0];
		if (journal_check_person(ctx->journal, person, &err) < 0 ||
		    !journal_has_person(ctx->journal, person)) {
			rc = err.len ? cmd_error(_("calendar: %s"), err.buf)
				     : cmd_error(_("calendar: %s: no such person"), person);
			strbuf_release(&err);
			return rc;
		}
	}
	if (date_now(&now) < 0)
		return cmd_error(_("calendar: NOTES_NOW is not YYYY-MM-DDTHH:MM"));
	if (calendar_export(ctx->journal, person, now, &out, &counts, &err) < 0) {
		rc = cmd_error(_("calendar: %s"), err.buf);
		goto out;
	}
	if (file && write_file_atomic(file, out.buf, out.len, 0666, 0, &err) < 0) {
		rc = cmd_error(_("calendar: %s: %s"), file, err.buf);
		goto out;
	}
	if (counts.without_id)
		cmd_error(_("calendar: %zu open item(s) have no id yet and are left out "
			    "(notes commit gives them one)"),
			  counts.without_id);
	if (file) {
		strbuf_reset(&out);
		strbuf_addf(&out, _("wrote %zu meeting(s) and %zu to-do(s) to "), counts.meetings,
			    counts.items);
		strbuf_add_escaped(&out, file, strlen(file));
		strbuf_addch(&out, '\n');
	}
	rc = cmd_flush(&out);
out:
	strbuf_release(&out);
	strbuf_release(&err);
	return rc;
}

const struct cmd_entry cmd_calendar_entry = {
	.name = "calendar",
	.fn = cmd_calendar,
	.flags = NEED_JOURNAL,
	.synopsis = "notes calendar [PERSON] [-o FILE]",
	.summary = N_("the 1:1s and open items as an iCalendar file"),
	.description =
		N_("Writes an iCalendar file (RFC 5545): the weekly 1:1 of each person with a slot\n"
		"(person.<id>.duration minutes, 45 by default), and a to-do for each open\n"
		"support item (due 48 hours after its meeting, a reminder 4 hours before) and\n"
		"focus item of the latest notes. UIDs stay the same on every export, so a\n"
		"calendar that imports the file again updates it."),
	.options = {
		[OPT_OUTPUT] = { "output", 'o', "FILE",
				 N_("write the calendar to FILE (replaced atomically), not stdout") },
	},
};
