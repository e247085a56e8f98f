/* gettext.h - the messages a person reads, in their language: GNU gettext
 * in the text domain "notes", as git does it. _() translates, N_() marks a
 * string translated later (in a table), Q_() picks the form for a count.
 * What scripts read (check codes, JSON, commit messages) is never passed
 * through these. */
#ifndef NOTES_GETTEXT_H
#define NOTES_GETTEXT_H

#include <libintl.h>

/* The formats of a translation take the same arguments as the original's,
 * so that the compiler checks printf-style calls through _() and Q_(). */
#define NOTES_FORMAT_ARG(n) __attribute__((format_arg(n)))

/* Choose the locale from the environment (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG) and find the catalogue: in $NOTES_TEXTDOMAINDIR when it is set
 * (the build tree, the tests), else in LOCALEDIR, where make install put
 * it. Numbers keep the C locale's form, so JSON, SVG and iCalendar output
 * is the same in every locale. */
void gettext_setup(void);

const char *notes_gettext(const char *msgid) NOTES_FORMAT_ARG(1);
const char *notes_ngettext(const char *msgid, const char *plural, unsigned long n)
	NOTES_FORMAT_ARG(1) NOTES_FORMAT_ARG(2);

#define _(msgid) notes_gettext(msgid)
#define N_(msgid) msgid
#define Q_(msgid, plural, n) notes_ngettext(msgid, plural, n)

#endif
