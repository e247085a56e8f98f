/* diag.h - problems found in a note: file:line:col: severity: message [code]. */
#ifndef NOTES_DIAG_H
#define NOTES_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include "strbuf.h"

enum severity { SEVERITY_WARNING, SEVERITY_ERROR };

struct problem {
	int line, column;
	enum severity severity;
	const char *code; /* static string, e.g. "bad-date" */
	char *message; /* in English: for JSON and the Language Server */
	char *text; /* the same in the reader's language (gettext): for people */
	size_t seq; /* order of discovery */
};

struct diag {
	struct problem *list;
	size_t nr, alloc;
};

/* fmt is English; its translation (po/, found by xgettext as diag_add's
 * sixth argument) formats the same arguments for problem->text. */
void diag_add(struct diag *d, int line, int column, enum severity sev, const char *code,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_vadd(struct diag *d, int line, int column, enum severity sev, const char *code,
	       const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* Append a copy of p (both its messages) to d. */
void diag_copy(struct diag *d, const struct problem *p);
/* Sort by line, then column (stable). */
void diag_sort(struct diag *d);
size_t diag_count(const struct diag *d, enum severity sev);
void diag_release(struct diag *d);
const char *severity_name(enum severity sev);
/* The length of s[0, len) cut to at most max bytes without splitting a
 * UTF-8 character, for quoting note text in messages. */
size_t diag_quote_len(const char *s, size_t len, size_t max);
/* "file:line:col: severity: message [code]\n" for each problem, the
 * severity and the message in the reader's language, the code in English. */
void diag_format(const struct diag *d, const char *file, struct strbuf *out);

#endif
