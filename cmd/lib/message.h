/* message.h - the commit message of a meeting note: subject, body, trailers. */
#ifndef NOTES_MESSAGE_H
#define NOTES_MESSAGE_H

#include "journal.h"
#include "note.h"

struct message_input {
	const struct note *note;
	const char *user_message; /* -m, may be NULL */
	const char *subject; /* replaces the summary subject when set */
	char **done; /* ids ticked in this commit */
	size_t ndone;
	const struct person *member; /* for Co-authored-by; may be NULL */
};

/*
 * Subject "<person> <date>: <done>/<reviewed> done, <F> focus, <S> support,
 * <B> blockers", a body listing the focus, support and blocker lines, and
 * the trailers Person, Leader, Week, Done and Co-authored-by.
 */
void message_build(const struct message_input *in, struct strbuf *out);

#endif
