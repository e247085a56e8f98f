/* template.h - Mustache templates (the spec subset: variables, sections,
 * inverted sections, comments, partials, set delimiters). */
#ifndef NOTES_TEMPLATE_H
#define NOTES_TEMPLATE_H

#include <stddef.h>
#include "strbuf.h"

enum template_flags {
	TEMPLATE_ESCAPE_HTML =
		1
		<< 0, /* {{x}} is HTML-escaped (spec mode); without it, no escaping (Markdown notes) */
};

/*
 * Look up a partial by name; return 0 and set *text and *len (borrowed, must
 * stay valid during the render), or -1 if there is no such partial (it then
 * renders as empty string, as the spec says).
 */
typedef int (*template_partial_fn)(const char *name, const char **text, size_t *len, void *ctx);

/*
 * Render tmpl (len bytes, need not be NUL-terminated) with data as the root
 * context, appending to out. Returns 0, or -1 with a one-line reason
 * appended to err (e.g. "line 3: unclosed section 'items'",
 * "line 1: unclosed tag",
 * "partials nested deeper than 64 levels (recursive partial 'x'?)").
 * On error out is truncated back to its length at the call. partials may
 * be NULL (every partial is then missing); err may be NULL.
 *
 * Truthiness follows the spec's "!!data" (JavaScript): false, null, "",
 * 0, 0.0, [] and missing names are falsey; everything else is truthy.
 * Numbers interpolate as integers or as the shortest round-tripping real;
 * true/false as "true"/"false"; objects and arrays as compact JSON.
 *
 * Limits (each is an error, never a crash): sections nested deeper than
 * 256 levels, partials nested deeper than 64 levels, more than 2^24 tag
 * expansions or more than 16 MiB of output in one render (MAX_NOTE_SIZE:
 * what a template renders, notes can read).
 */
struct json_t; /* jansson's: the data a template renders */
int template_render(struct strbuf *out, const char *tmpl, size_t len, struct json_t *data,
		    template_partial_fn partials, void *ctx, int flags, struct strbuf *err);

#endif
