/* test_template.c - runs the Mustache spec files (argv[1]) and own cases against template.c. */
#include <jansson.h>

#include "template.h"
#include "strbuf.h"
#include "xalloc.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static int S_partial_from_json(const char *name, const char **text, size_t *len, void *ctx)
{
	json_t *v = json_object_get((json_t *)ctx, name);

	if (!json_is_string(v))
		return -1;
	*text = json_string_value(v);
	*len = json_string_length(v);
	return 0;
}

static void S_print_escaped(const char *label, const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_escaped(&sb, s, len);
	printf("    %s \"%s\"\n", label, sb.buf);
	strbuf_release(&sb);
}

static void S_report(int ok, const char *group, const char *name)
{
	printf("%s - %s: %s\n", ok ? "ok" : "not ok", group, name);
	if (ok)
		passed++;
	else
		failed++;
}

static void S_run_spec_test(const char *group, json_t *test)
{
	const char *name = json_string_value(json_object_get(test, "name"));
	json_t *tmpl = json_object_get(test, "template");
	json_t *expected = json_object_get(test, "expected");
	json_t *partials = json_object_get(test, "partials");
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	int ret, ok;

	if (!name)
		name = "(unnamed)";
	if (!json_is_string(tmpl) || !json_is_string(expected)) {
		S_report(0, group, name);
		printf("    malformed test (no template or expected string)\n");
		return;
	}
	ret = template_render(&out, json_string_value(tmpl), json_string_length(tmpl),
			      json_object_get(test, "data"),
			      json_is_object(partials) ? S_partial_from_json : NULL, partials,
			      TEMPLATE_ESCAPE_HTML, &err);
	ok = !ret && out.len == json_string_length(expected) &&
	     !memcmp(out.buf, json_string_value(expected), out.len);
	S_report(ok, group, name);
	if (!ok) {
		S_print_escaped("expected:", json_string_value(expected),
				json_string_length(expected));
		S_print_escaped("got:     ", out.buf, out.len);
		if (ret)
			printf("    error: %s\n", err.buf);
	}
	strbuf_release(&out);
	strbuf_release(&err);
}

static void S_run_spec_file(const char *dir, const char *file)
{
	struct strbuf path = STRBUF_INIT, group = STRBUF_INIT;
	json_error_t jerr;
	json_t *root, *tests, *test;
	size_t i;

	strbuf_addf(&path, "%s/%s", dir, file);
	strbuf_add(&group, file, strlen(file) - strlen(".json"));
	root = json_load_file(path.buf, 0, &jerr);
	tests = json_object_get(root, "tests");
	if (!json_is_array(tests) || !json_array_size(tests)) {
		S_report(0, group.buf, "load spec file");
		printf("    %s: %s\n", path.buf, root ? "no tests" : jerr.text);
	}
	json_array_foreach(tests, i, test) S_run_spec_test(group.buf, test);
	json_decref(root);
	strbuf_release(&path);
	strbuf_release(&group);
}

static int S_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every *.json in dir (not ~optional ones); returns how many files ran. */
static size_t S_run_spec_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t nr = 0, alloc = 0, i, len;

	if (!d) {
		perror(dir);
		return 0;
	}
	while ((de = readdir(d))) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '~' || de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".json"))
			continue;
		ALLOC_GROW(names, nr + 1, alloc);
		names[nr++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (nr)
		qsort(names, nr, sizeof(*names), S_cmp_names);
	for (i = 0; i < nr; i++) {
		S_run_spec_file(dir, names[i]);
		free(names[i]);
	}
	free(names);
	return nr;
}

struct own_case {
	const char *name;
	const char *tmpl;
	const char *data; /* JSON */
	const char *partials; /* JSON object, or NULL */
	int flags;
	int ret; /* expected return */
	const char *expect; /* expected output (ret 0) or substring of err (ret -1) */
};

static const struct own_case own_cases[] = {
	{ "no escaping without TEMPLATE_ESCAPE_HTML", "{{x}}", "{\"x\":\"<a&b>\"}", NULL, 0, 0,
	  "<a&b>" },
	{ "escaping of numbers is harmless", "{{x}}|{{y}}|{{z}}",
	  "{\"x\":-3,\"y\":0.1,\"z\":1e300}", NULL, TEMPLATE_ESCAPE_HTML, 0, "-3|0.1|1e+300" },
	{ "true/false interpolate as words", "{{t}} {{f}}", "{\"t\":true,\"f\":false}", NULL,
	  TEMPLATE_ESCAPE_HTML, 0, "true false" },
	{ "objects interpolate as JSON", "{{{o}}}", "{\"o\":{\"a\":[1]}}", NULL, 0, 0,
	  "{\"a\":[1]}" },
	{ "empty string and 0 are falsey", "{{#s}}s{{/s}}{{#n}}n{{/n}}{{^s}}S{{/s}}{{^n}}N{{/n}}",
	  "{\"s\":\"\",\"n\":0}", NULL, 0, 0, "SN" },
	{ "empty object is truthy", "{{#o}}yes{{/o}}", "{\"o\":{}}", NULL, 0, 0, "yes" },
	{ "no partials callback renders nothing", "[{{>x}}]", "{}", NULL, 0, 0, "[]" },
	{ "standalone partial at end without newline", "a\n  {{>p}}", "{}", "{\"p\":\"x\\ny\\n\"}",
	  0, 0, "a\n  x\n  y\n" },
	{ "recursive partial is an error", "{{>p}}", "{}", "{\"p\":\"{{>p}}\"}", 0, -1,
	  "partials nested deeper than 64 levels (recursive partial 'p'?)" },
	{ "recursive partial in a section", "{{>p}}", "{\"a\":true}",
	  "{\"p\":\"{{#a}}x{{>p}}{{/a}}\"}", 0, -1, "deeper than" },
	{ "parse error inside a partial", "{{>p}}", "{}", "{\"p\":\"\\n{{#a}}\"}", 0, -1,
	  "partial 'p': line 2: unclosed section 'a'" },
	{ "unclosed section", "x\n\n{{#items}}\n{{x}}\n", "{}", NULL, 0, -1,
	  "line 3: unclosed section 'items'" },
	{ "unclosed inner section", "{{#a}}{{#b}}{{/a}}", "{}", NULL, 0, -1,
	  "line 1: closing tag 'a' does not match section 'b' opened on line 1" },
	{ "close without open", "x{{/a}}", "{}", NULL, 0, -1,
	  "line 1: closing tag without open section 'a'" },
	{ "unclosed tag", "\nabc {{x", "{}", NULL, 0, -1, "line 2: unclosed tag" },
	{ "unclosed triple mustache", "{{{x}}", "{}", NULL, 0, -1, "line 1: unclosed tag" },
	{ "unclosed comment", "{{! x", "{}", NULL, 0, -1, "unclosed tag" },
	{ "lone opening delimiter", "{{", "{}", NULL, 0, -1, "unclosed tag" },
	{ "empty tag name", "{{ }}", "{}", NULL, 0, -1, "line 1: empty tag name" },
	{ "empty section name", "{{#}}{{/}}", "{}", NULL, 0, -1, "empty tag name" },
	{ "whitespace in a name", "{{a b}}", "{}", NULL, 0, -1, "invalid tag name 'a b'" },
	{ "bad dotted name", "{{a..b}}", "{}", NULL, 0, -1, "invalid tag name 'a..b'" },
	{ "set delimiter without closing", "{{=<% %>", "{}", NULL, 0, -1,
	  "unclosed set-delimiter tag" },
	{ "set delimiter with one word", "{{=<%=}}", "{}", NULL, 0, -1,
	  "invalid set-delimiter tag" },
	{ "set delimiter with three words", "{{= a b c =}}", "{}", NULL, 0, -1,
	  "invalid set-delimiter tag" },
	{ "set delimiter containing =", "{{= a= b =}}", "{}", NULL, 0, -1,
	  "invalid set-delimiter tag" },
	{ "empty set delimiter", "{{==}}", "{}", NULL, 0, -1, "invalid set-delimiter tag" },
	{ "error leaves output unchanged", "abc{{x}}{{#y}}", "{\"x\":1}", NULL, 0, -1,
	  "unclosed section 'y'" },
	{ "triple mustache with custom delimiters", "{{=<% %>=}}<%{x}%>", "{\"x\":\"<\"}", NULL,
	  TEMPLATE_ESCAPE_HTML, 0, "<" },
};

static void S_run_own_case(const struct own_case *c)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	json_t *data = json_loads(c->data, JSON_DECODE_ANY, NULL);
	json_t *partials = c->partials ? json_loads(c->partials, 0, NULL) : NULL;
	char *tmpl = xmalloc(strlen(c->tmpl) + 1);
	size_t len = strlen(c->tmpl);
	int ret, ok;

	memcpy(tmpl, c->tmpl, len); /* no NUL: reading past len would trip ASan */
	strbuf_addstr(&out, "keep:");
	ret = template_render(&out, tmpl, len, data, partials ? S_partial_from_json : NULL,
			      partials, c->flags, &err);
	if (c->ret)
		ok = ret == c->ret && !strcmp(out.buf, "keep:") && strstr(err.buf, c->expect) &&
		     !strchr(err.buf, '\n');
	else
		ok = !ret && !strcmp(out.buf + 5, c->expect);
	S_report(ok, "own", c->name);
	if (!ok) {
		S_print_escaped(c->ret ? "expected error:" : "expected:", c->expect,
				strlen(c->expect));
		S_print_escaped("got:     ", out.buf, out.len);
		printf("    return %d, error: %s\n", ret, err.buf);
	}
	free(tmpl);
	json_decref(data);
	json_decref(partials);
	strbuf_release(&out);
	strbuf_release(&err);
}

/* n opening tags then n closing ones: must render, or (unless must_render) fail cleanly. */
static void S_run_deep(const char *name, const char *sigil, size_t n, int must_render)
{
	struct strbuf tmpl = STRBUF_INIT, out = STRBUF_INIT, err = STRBUF_INIT;
	json_t *data = json_pack("{s:b}", "a", 1);
	size_t i;
	int ret;

	for (i = 0; i < n; i++)
		strbuf_addf(&tmpl, "{{%sa}}", sigil);
	for (i = 0; i < n; i++)
		strbuf_addstr(&tmpl, "{{/a}}");
	ret = template_render(&out, tmpl.buf, tmpl.len, data, NULL, NULL, 0, &err);
	S_report(ret == 0 || (!must_render && strstr(err.buf, "deeper than")), "own", name);
	if (ret)
		printf("    error: %s\n", err.buf);
	json_decref(data);
	strbuf_release(&tmpl);
	strbuf_release(&out);
	strbuf_release(&err);
}

/* Random templates from mustache-ish pieces: no crash, no over-read, no leak. */
static void S_run_random(unsigned n)
{
	static const char *const pieces[] = {
		"{{",	"}}",  "{{{", "}}}", "{{#", "{{^", "{{/", "{{>",  "{{!", "{{&",
		"{{=",	"=}}", "<%",  "%>",  "a",   "b",   ".",	  "list", " ",	 "\n",
		"\r\n", "\t",  "x",   "=",   "{",   "}",   "p",	  "q",	  "\0",	 "<&>",
	};
	json_t *data = json_loads("{\"a\":{\"b\":[1,\"<\"]},\"list\":[1,2],\"x\":true,\"p\":\"s\"}",
				  0, NULL);
	json_t *partials = json_loads(
		"{\"p\":\"{{#list}}{{>q}}{{/list}}\",\"q\":\"  {{x}}\\n{{>p}}\",\"a\":\"{{\"}", 0,
		NULL);
	unsigned long seed = 12345;
	unsigned i, k, ok = 1;

	for (i = 0; i < n; i++) {
		struct strbuf tmpl = STRBUF_INIT, out = STRBUF_INIT, err = STRBUF_INIT;
		unsigned nr;
		char *copy;
		int ret;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		nr = (unsigned)(seed >> 33) % 24;
		for (k = 0; k < nr; k++) {
			const char *pc;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			pc = pieces[(seed >> 33) % (sizeof(pieces) / sizeof(*pieces))];
			strbuf_add(&tmpl, pc, *pc ? strlen(pc) : 1);
		}
		copy = xmalloc(tmpl.len + 1);
		memcpy(copy, tmpl.buf, tmpl.len);
		ret = template_render(&out, copy, tmpl.len, data, S_partial_from_json, partials,
				      (int)(i & 1), &err);
		if ((ret && (!err.len || out.len)) || (!ret && err.len))
			ok = 0;
		free(copy);
		strbuf_release(&tmpl);
		strbuf_release(&out);
		strbuf_release(&err);
	}
	S_report(ok, "own", "random templates fail cleanly or render");
	json_decref(data);
	json_decref(partials);
}

/* The spec files of the Mustache subset notes implements. */
static const char *const spec_files[] = { "comments", "delimiters", "interpolation",
					  "inverted", "partials",   "sections" };

int main(int argc, char **argv)
{
	size_t i, skipped = 0;
	struct stat st;

	if (argc != 2) {
		fprintf(stderr, "usage: %s <mustache-spec-dir>\n", argv[0]);
		return 1;
	}
	/* a clone without the spec beside it still tests the rest; a spec
	 * directory that is there but holds no spec is an error */
	if (stat(argv[1], &st) < 0) {
		printf("# the Mustache spec is not at %s ($MUSTACHE_SPEC_DIR, else "
		       "../shared/conformance/mustache): its cases are skipped\n",
		       argv[1]);
		for (i = 0; i < sizeof(spec_files) / sizeof(*spec_files); i++)
			printf("ok # skip spec/%s.json (no spec files)\n", spec_files[i]);
		skipped = i;
	} else if (!S_run_spec_dir(argv[1])) {
		fprintf(stderr, "error: no spec files (*.json) in %s\n", argv[1]);
		return 1;
	}
	for (i = 0; i < sizeof(own_cases) / sizeof(*own_cases); i++)
		S_run_own_case(&own_cases[i]);
	S_run_deep("10000 nested sections do not crash", "#", 10000, 0);
	S_run_deep("10000 nested inverted sections do not crash", "^", 10000, 0);
	S_run_deep("256 nested sections render", "#", 256, 1);
	S_run_random(20000);
	if (skipped)
		printf("%d passed, %d failed, %zu skipped\n", passed, failed, skipped);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
