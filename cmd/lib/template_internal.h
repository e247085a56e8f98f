/* template_internal.h - what the template renderer (json_template.c) and its
 * parser (template_parse.c) share; other callers use template.h only. */
#ifndef NOTES_TEMPLATE_INTERNAL_H
#define NOTES_TEMPLATE_INTERNAL_H

#include <stddef.h>

#include "strbuf.h"

#define TEMPLATE_MAX_NESTING 256 /* sections inside sections (also across partials) */

enum template_node_type {
	TEMPLATE_TEXT,
	TEMPLATE_VAR,
	TEMPLATE_RAW,
	TEMPLATE_SECTION,
	TEMPLATE_INVERTED,
	TEMPLATE_PARTIAL,
};

struct template_node {
	enum template_node_type type;
	const char *str; /* the text, or the tag name (points into the source) */
	size_t len;
	const char *indent; /* TEMPLATE_PARTIAL: indentation of a standalone tag */
	size_t indent_len;
	size_t end; /* sections: index just past the last child */
	unsigned long line; /* sections: line of the opening tag */
};

struct template_tree {
	struct template_node *nodes; /* borrow from the source text */
	size_t nr, alloc;
};

/* Parse src into t; the caller frees t->nodes (also after an error, -1). */
int template_parse(struct template_tree *t, const char *src, size_t len, struct strbuf *err);
/* Append 'name' to a message: quoted, escaped, shortened if very long. */
void template_add_quoted(struct strbuf *sb, const char *s, size_t len);

#endif
