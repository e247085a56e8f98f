/* fuzz_note.c - libFuzzer target for the read path of a note: bytes ->
 * note_parse -> check_note -> diag_format, json_from_note -> json_dumps,
 * and the commit message built from it. Everything is released, so
 * LeakSanitizer reports any leak. (What commit, done and new write is
 * fuzzed by fuzz_note_edit.c.)
 *
 * When the input holds SEP, the bytes before it are the person's previous
 * note and the bytes after it the note under test (the loop-broken check);
 * the previous note stands for the one before it too (recurring-blocker). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "json.h"
#include "message.h"
#include "note.h"
#include "fuzz_vocab.h"
#include "vocab.h"

#define SEP "\n=====8<=====\n"

static bool S_known(const char *id, void *data)
{
	(void)data;
	return !strcmp(id, "alice") || !strcmp(id, "kim");
}

/* memmem is a GNU extension: the first SEP in buf, or NULL. */
static const char *S_find_sep(const char *buf, size_t len)
{
	size_t n = sizeof(SEP) - 1, i;

	for (i = 0; i + n <= len; i++)
		if (buf[i] == SEP[0] && !memcmp(buf + i, SEP, n))
			return buf + i;
	return NULL;
}

static void S_one(const char *buf, size_t len, const struct note *prev, struct note *keep)
{
	struct note_options opts = { "journal/alice/2026-11-23.md", "kim" };
	const struct note *const previous[2] = { prev, prev };
	struct check_context cc = { prev ? previous : NULL, prev ? 2 : 0, 2, S_known, NULL, false };
	struct strbuf err = STRBUF_INIT, msg = STRBUF_INIT, sum = STRBUF_INIT;
	struct diag problems = { 0 };
	struct message_input mi;
	struct note note;
	json_t *j;
	char *s;

	if (note_parse(&note, buf, len, &opts, &err) < 0)
		abort(); /* only a vocabulary that cannot load fails, never content */
	check_note(&note, &cc, &problems);
	diag_format(&problems, "alice/2026-11-23.md", &sum);
	j = json_from_note(&note, &problems);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!s)
		abort(); /* JSON of a note must always serialise */
	free(s);
	json_decref(j);

	memset(&mi, 0, sizeof(mi));
	mi.note = &note;
	mi.user_message = "fuzz";
	message_build(&mi, &msg);

	diag_release(&problems);
	strbuf_release(&err);
	strbuf_release(&msg);
	strbuf_release(&sum);
	if (keep)
		*keep = note;
	else
		note_release(&note);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* copy: the library must not rely on a NUL after the bytes */
	char *buf = malloc(size ? size : 1);
	const char *sep;
	struct note prev;

	memcpy(buf, data, size);
	sep = S_find_sep(buf, size);
	if (sep) {
		size_t plen = (size_t)(sep - buf), off = plen + sizeof(SEP) - 1;
		/* the previous note lives in its own buffer, as it does in notes */
		char *pbuf = malloc(plen ? plen : 1);
		char *cbuf = malloc(size - off ? size - off : 1);
		memcpy(pbuf, buf, plen);
		memcpy(cbuf, buf + off, size - off);
		S_one(pbuf, plen, NULL, &prev);
		S_one(cbuf, size - off, &prev, NULL);
		note_release(&prev);
		free(pbuf);
		free(cbuf);
	} else {
		S_one(buf, size, NULL, NULL);
	}
	free(buf);
	return 0;
}
