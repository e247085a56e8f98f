/* json_template.c - Mustache renderer: renders template_parse()'s node list
 * against JSON data (jansson). */
#include "fsutil.h"
#include "template.h"
#include "template_internal.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTIAL_DEPTH 64 /* partials inside partials */
/* partials included in one call: each is parsed again, so a partial that
 * fans out (30 includes of one that includes 30 ...) is stopped early */
#define MAX_PARTIALS (1UL << 16)
#define MAX_EXPANSIONS (1UL << 24) /* tags and texts rendered in one call */
/* bytes appended in one call: the largest note notes reads */
#define MAX_OUTPUT ((size_t)MAX_NOTE_SIZE)

struct render {
	struct strbuf *out;
	size_t out_start;
	json_t *stack[TEMPLATE_MAX_NESTING + 1]; /* context stack; stack[0] is the root */
	size_t sp;
	unsigned depth; /* sections being rendered */
	unsigned partial_depth;
	unsigned long expansions;
	unsigned long partials_included;
	template_partial_fn partials;
	void *ctx;
	int flags;
	struct strbuf *err;
};

static int S_render_range(struct render *r, const struct template_tree *t, size_t from, size_t to);

static int S_rerr(struct render *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int S_rerr(struct render *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(r->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* Resolve a (dotted) name against the context stack; NULL if missing. */
static json_t *S_lookup(const struct render *r, const char *name, size_t len)
{
	const char *end = name + len, *dot;
	json_t *v = NULL;
	size_t i = r->sp;

	if (len == 1 && name[0] == '.')
		return r->stack[r->sp - 1];
	dot = memchr(name, '.', len);
	while (!v && i-- > 0)
		if (json_is_object(r->stack[i]))
			v = json_object_getn(r->stack[i], name, dot ? (size_t)(dot - name) : len);
	while (v && dot) {
		name = dot + 1;
		dot = memchr(name, '.', (size_t)(end - name));
		v = json_is_object(v)
			    ? json_object_getn(v, name, (size_t)((dot ? dot : end) - name))
			    : NULL;
	}
	return v;
}

/* Falsey as in JavaScript's !!data: missing, null, false, "", 0, []. */
static int S_truthy(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_NULL:
	case JSON_FALSE: return 0;
	case JSON_ARRAY: return json_array_size(v) > 0;
	case JSON_STRING: return json_string_length(v) > 0;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) < 0 || json_real_value(v) > 0;
	default: return 1;
	}
}

/* The shortest %g form that reads back as the same double: 1.21, 2.5e-07. */
static void S_add_real(struct strbuf *sb, double d)
{
	char buf[64];
	int prec;

	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(buf, sizeof(buf), "%.17g", d);
	strbuf_addstr(sb, buf);
}

static void S_add_escaped_html(struct strbuf *sb, const char *s, size_t len)
{
	size_t i, start = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '"': rep = "&quot;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		default: continue;
		}
		strbuf_add(sb, s + start, i - start);
		strbuf_addstr(sb, rep);
		start = i + 1;
	}
	strbuf_add(sb, s + start, len - start);
}

/* The value as text: strings as they are, numbers, true/false, compact JSON. */
static void S_stringify(struct strbuf *sb, json_t *v)
{
	char *js;

	switch (json_typeof(v)) {
	case JSON_STRING: strbuf_add(sb, json_string_value(v), json_string_length(v)); break;
	case JSON_INTEGER: strbuf_addf(sb, "%" JSON_INTEGER_FORMAT, json_integer_value(v)); break;
	case JSON_REAL: S_add_real(sb, json_real_value(v)); break;
	case JSON_TRUE: strbuf_addstr(sb, "true"); break;
	case JSON_FALSE: strbuf_addstr(sb, "false"); break;
	case JSON_NULL: break;
	default:
		js = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (js)
			strbuf_addstr(sb, js);
		free(js);
		break;
	}
}

static void S_interpolate(struct render *r, const struct template_node *n)
{
	json_t *v = S_lookup(r, n->str, n->len);
	struct strbuf tmp = STRBUF_INIT;

	if (!v)
		return;
	if (n->type == TEMPLATE_RAW || !(r->flags & TEMPLATE_ESCAPE_HTML)) {
		S_stringify(r->out, v);
		return;
	}
	if (json_is_string(v)) {
		S_add_escaped_html(r->out, json_string_value(v), json_string_length(v));
		return;
	}
	S_stringify(&tmp, v);
	S_add_escaped_html(r->out, tmp.buf, tmp.len);
	strbuf_release(&tmp);
}

static int S_push_render(struct render *r, const struct template_tree *t, size_t i, json_t *v)
{
	int ret;

	r->stack[r->sp++] = v;
	ret = S_render_range(r, t, i + 1, t->nodes[i].end);
	r->sp--;
	return ret;
}

static int S_section(struct render *r, const struct template_tree *t, size_t i)
{
	const struct template_node *n = &t->nodes[i];
	json_t *v = S_lookup(r, n->str, n->len);
	size_t k;
	int ret = 0;

	if (r->depth >= TEMPLATE_MAX_NESTING)
		return S_rerr(r, "sections nested deeper than %d levels", TEMPLATE_MAX_NESTING);
	r->depth++;
	if (n->type == TEMPLATE_INVERTED) {
		if (!S_truthy(v))
			ret = S_render_range(r, t, i + 1, n->end);
	} else if (json_is_array(v)) {
		for (k = 0; !ret && k < json_array_size(v); k++)
			ret = S_push_render(r, t, i, json_array_get(v, k));
	} else if (S_truthy(v)) {
		ret = S_push_render(r, t, i, v);
	}
	r->depth--;
	return ret;
}

/* Prefix every line of s with ind (for a standalone partial tag). */
static void S_indent(struct strbuf *sb, const char *ind, size_t ilen, const char *s, size_t len)
{
	while (len) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) + 1 : len;

		strbuf_add(sb, ind, ilen);
		strbuf_add(sb, s, n);
		s += n;
		len -= n;
	}
}

static int S_partial(struct render *r, const struct template_node *n)
{
	char *name = xstrndup(n->str, n->len);
	const char *text = NULL;
	size_t len = 0;
	struct strbuf indented = STRBUF_INIT, perr = STRBUF_INIT;
	struct template_tree t = { NULL, 0, 0 };
	int ret = 0;

	if (!r->partials || r->partials(name, &text, &len, r->ctx) || !text)
		goto out;
	if (++r->partials_included > MAX_PARTIALS) {
		ret = S_rerr(r, "more than %lu partials included (a partial that fans out?)",
			     MAX_PARTIALS);
		goto out;
	}
	if (r->partial_depth >= MAX_PARTIAL_DEPTH) {
		ret = S_rerr(r, "partials nested deeper than %d levels (recursive partial ",
			     MAX_PARTIAL_DEPTH);
		template_add_quoted(r->err, n->str, n->len);
		strbuf_addstr(r->err, "?)");
		goto out;
	}
	if (n->indent_len) {
		S_indent(&indented, n->indent, n->indent_len, text, len);
		text = indented.buf;
		len = indented.len;
	}
	ret = template_parse(&t, text, len, &perr);
	if (ret) {
		strbuf_addstr(r->err, "partial ");
		template_add_quoted(r->err, n->str, n->len);
		strbuf_addf(r->err, ": %s", perr.buf);
		goto out;
	}
	r->partial_depth++;
	ret = S_render_range(r, &t, 0, t.nr);
	r->partial_depth--;
out:
	free(t.nodes);
	strbuf_release(&perr);
	strbuf_release(&indented);
	free(name);
	return ret;
}

static int S_render_range(struct render *r, const struct template_tree *t, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		const struct template_node *n = &t->nodes[i];

		if (++r->expansions > MAX_EXPANSIONS)
			return S_rerr(r, "template expands to more than %lu tags (runaway loop?)",
				      MAX_EXPANSIONS);
		switch (n->type) {
		case TEMPLATE_TEXT: strbuf_add(r->out, n->str, n->len); break;
		case TEMPLATE_VAR:
		case TEMPLATE_RAW: S_interpolate(r, n); break;
		case TEMPLATE_SECTION:
		case TEMPLATE_INVERTED:
			if (S_section(r, t, i))
				return -1;
			i = n->end - 1;
			break;
		case TEMPLATE_PARTIAL:
			if (S_partial(r, n))
				return -1;
			break;
		}
		if (r->out->len - r->out_start > MAX_OUTPUT)
			return S_rerr(r, "output larger than %zu MiB", MAX_OUTPUT >> 20);
	}
	return 0;
}

int template_render(struct strbuf *out, const char *tmpl, size_t len, json_t *data,
		    template_partial_fn partials, void *ctx, int flags, struct strbuf *err)
{
	struct render r;
	struct template_tree t = { NULL, 0, 0 };
	struct strbuf dummy = STRBUF_INIT;
	int ret;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.out_start = out->len;
	r.stack[0] = data;
	r.sp = 1;
	r.partials = partials;
	r.ctx = ctx;
	r.flags = flags;
	r.err = err ? err : &dummy;
	ret = template_parse(&t, tmpl, tmpl ? len : 0, r.err);
	if (!ret)
		ret = S_render_range(&r, &t, 0, t.nr);
	if (ret)
		strbuf_setlen(out, r.out_start);
	free(t.nodes);
	strbuf_release(&dummy);
	return ret;
}
