/* gettext.c - the locale and the message catalogue (the only caller of
 * setlocale, bindtextdomain and textdomain). */
#include "gettext.h"

#include <locale.h>
#include <stdlib.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

void gettext_setup(void)
{
	const char *dir = getenv("NOTES_TEXTDOMAINDIR");

	setlocale(LC_ALL, "");
	/* a decimal comma would change the numbers scripts read */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("notes", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("notes", "UTF-8");
	textdomain("notes");
}

const char *notes_gettext(const char *msgid)
{
	/* "" is the catalogue's header, never a message */
	return *msgid ? dgettext("notes", msgid) : msgid;
}

const char *notes_ngettext(const char *msgid, const char *plural, unsigned long n)
{
	return dngettext("notes", msgid, plural, n);
}
