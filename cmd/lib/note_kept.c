/* note_kept.c - the notes note_parse read last, so that the same bytes
 * read again are a copy and not a second parse. */
#include "note.h"

#include <stdlib.h>
#include <string.h>

#include "note_line.h"
#include "xalloc.h"

/*
 * The notes parsed last, by their bytes and options. A command that reads
 * a person's notes in turn (parse, check, the Language Server's every
 * change) reads each one again as a previous note of the next ones; a copy
 * costs a small part of a parse. As many as a note and its previous notes.
 */
#define KEEP_PARSED 4
#define KEEP_MAX_BYTES (1u << 20)

static struct parsed {
	char *bytes; /* NULL: a free slot */
	size_t len;
	char *file, *leader; /* the options it was parsed with */
	struct note note;
	unsigned long used; /* when it was last asked for */
} S_kept[KEEP_PARSED];
static unsigned long S_clock;

static bool S_same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static struct parsed *S_find_parsed(const char *buf, size_t len, const char *file,
				    const char *leader)
{
	size_t i;

	for (i = 0; i < KEEP_PARSED; i++) {
		struct parsed *k = &S_kept[i];
		if (k->bytes && k->len == len && S_same(k->file, file) &&
		    S_same(k->leader, leader) && (!len || !memcmp(k->bytes, buf, len)))
			return k;
	}
	return NULL;
}

static void S_keep(const struct note *note, const char *buf, size_t len, const char *file,
		   const char *leader)
{
	struct parsed *k = &S_kept[0];
	size_t i;

	for (i = 1; i < KEEP_PARSED && k->bytes; i++)
		if (!S_kept[i].bytes || S_kept[i].used < k->used)
			k = &S_kept[i];
	if (k->bytes) {
		free(k->bytes);
		free(k->file);
		free(k->leader);
		note_release(&k->note);
	}
	k->bytes = xmalloc(len + 1);
	if (len)
		memcpy(k->bytes, buf, len);
	k->len = len;
	k->file = file ? xstrdup(file) : NULL;
	k->leader = leader ? xstrdup(leader) : NULL;
	note_copy(&k->note, note);
	k->used = ++S_clock;
}

void note_parse_forget(void)
{
	size_t i;

	for (i = 0; i < KEEP_PARSED; i++) {
		free(S_kept[i].bytes);
		free(S_kept[i].file);
		free(S_kept[i].leader);
		note_release(&S_kept[i].note);
	}
	memset(S_kept, 0, sizeof(S_kept));
}

int note_parse(struct note *note, const char *buf, size_t len, const struct note_options *opts,
	       struct strbuf *err)
{
	const char *file = opts ? opts->file : NULL, *leader = opts ? opts->leader : NULL;
	struct parsed *k;

	if (len > KEEP_MAX_BYTES)
		return note_parse_bytes(note, buf, len, opts, err);
	if ((k = S_find_parsed(buf, len, file, leader))) {
		note_copy(note, &k->note);
		k->used = ++S_clock;
		return 0;
	}
	if (note_parse_bytes(note, buf, len, opts, err) < 0)
		return -1;
	S_keep(note, buf, len, file, leader);
	return 0;
}
