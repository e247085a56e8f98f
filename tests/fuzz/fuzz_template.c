/* fuzz_template.c - libFuzzer target for the Mustache renderer.
 *
 * The input is split at NUL bytes: template \0 partial \0 JSON data. Every
 * partial name resolves to the partial text, except "self" and "note",
 * which resolve to the template itself (recursion must end in a clear
 * error, never a stack overflow). Invalid JSON data renders against a
 * fixed object. Each template is rendered with and without
 * TEMPLATE_ESCAPE_HTML; on error the output must be back at its length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "template.h"

struct parts {
	const char *tmpl, *partial;
	size_t tmpl_len, partial_len;
};

static int S_partial(const char *name, const char **text, size_t *len, void *ctx)
{
	const struct parts *p = ctx;

	if (!strcmp(name, "missing"))
		return -1;
	if (!strcmp(name, "self") || !strcmp(name, "note")) {
		*text = p->tmpl;
		*len = p->tmpl_len;
	} else {
		*text = p->partial;
		*len = p->partial_len;
	}
	return 0;
}

static json_t *S_default_data(void)
{
	return json_pack("{s:s, s:s, s:i, s:b, s:n, s:[{s:s},{s:s}], s:{s:s}, s:s}", "person",
			 "alice", "name", "<Alice & \"Bob\">", "n", 3, "yes", 1, "none", "goals",
			 "line", "#g one", "line", "#g two", "a", "b", "c", "html", "<b>&'\"</b>");
}

/* Split off the next part at a NUL byte. */
static const char *S_part(const char **p, const char *end, size_t *len)
{
	const char *start = *p, *nul = memchr(start, '\0', (size_t)(end - start));

	*len = (size_t)((nul ? nul : end) - start);
	*p = nul ? nul + 1 : end;
	return start;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy without a terminating NUL, so over-reads are caught */
	char *buf = malloc(size ? size : 1);
	const char *p = buf, *end, *json_text;
	struct parts parts;
	size_t json_len;
	json_t *root;
	int flags;

	memcpy(buf, data, size);
	end = buf + size;
	parts.tmpl = S_part(&p, end, &parts.tmpl_len);
	parts.partial = S_part(&p, end, &parts.partial_len);
	json_text = S_part(&p, end, &json_len);
	root = json_loadb(json_text, json_len, JSON_DECODE_ANY, NULL);
	if (!root)
		root = S_default_data();
	for (flags = 0; flags <= TEMPLATE_ESCAPE_HTML; flags += TEMPLATE_ESCAPE_HTML) {
		struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
		strbuf_addstr(&out, "prefix:");
		if (template_render(&out, parts.tmpl, parts.tmpl_len, root, S_partial, &parts,
				    flags, &err) < 0) {
			/* the contract: out truncated back, one-line reason */
			if (out.len != 7 || memcmp(out.buf, "prefix:", 7) || !err.len ||
			    memchr(err.buf, '\n', err.len))
				abort();
		}
		strbuf_release(&out);
		strbuf_release(&err);
	}
	/* no partials at all: every partial is missing */
	{
		struct strbuf out = STRBUF_INIT;
		template_render(&out, parts.tmpl, parts.tmpl_len, root, NULL, NULL, 0, NULL);
		strbuf_release(&out);
	}
	json_decref(root);
	free(buf);
	return 0;
}
