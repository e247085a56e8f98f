/* review_blockers.c - blockers that come back: the same #tag, or the same
 * text (lower-cased, white space collapsed), in two or more meetings. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "review_history.h"
#include "xalloc.h"

struct recurring {
	char *key;
	json_t *weeks; /* distinct ISO weeks */
	size_t count; /* meetings */
	size_t last_note;
};

static struct recurring *S_find(struct recurring **list, size_t *n, size_t *alloc, const char *key)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*list)[i].key, key))
			return &(*list)[i];
	ALLOC_GROW(*list, *n + 1, *alloc);
	(*list)[*n].key = xstrdup(key);
	(*list)[*n].weeks = json_array();
	(*list)[*n].count = 0;
	(*list)[*n].last_note = (size_t)-1;
	return &(*list)[(*n)++];
}

static void S_seen(struct recurring *r, size_t note, const char *week)
{
	size_t n = json_array_size(r->weeks);

	if (r->last_note == note)
		return; /* once a meeting */
	r->last_note = note;
	r->count++;
	if (!n || strcmp(json_string_value(json_array_get(r->weeks, n - 1)), week))
		json_array_append_new(r->weeks, json_string(week));
}

void review_blockers(const struct history *h, bool (*in_range)(const void *, const struct note *),
		     const void *ctx, json_t *out)
{
	struct recurring *list = NULL;
	size_t n = 0, alloc = 0, i, k, t;
	json_t *a = json_array();
	char week[9];

	for (i = 0; i < h->nnotes; i++) {
		const struct note *note = &h->notes[i];
		if (!in_range(ctx, note))
			continue;
		date_format_week(note->date, week);
		for (k = 0; k < note->nitems[SECTION_BLOCKERS]; k++) {
			const struct task *b = &note->items[SECTION_BLOCKERS][k];
			struct strbuf key = STRBUF_INIT;
			for (t = 0; t < b->ntags; t++) {
				strbuf_reset(&key);
				strbuf_addf(&key, "#%s", b->tags[t]);
				S_seen(S_find(&list, &n, &alloc, key.buf), i, week);
			}
			if (!b->ntags) {
				const char *p;
				for (p = b->text; *p; p++)
					strbuf_addch(&key, tolower((unsigned char)*p));
				S_seen(S_find(&list, &n, &alloc, key.buf), i, week);
			}
			strbuf_release(&key);
		}
	}
	for (i = 0; i < n; i++) {
		if (list[i].count >= 2)
			json_array_append_new(a, json_pack("{s:s, s:i, s:O}", "key", list[i].key,
							   "count", (json_int_t)list[i].count,
							   "weeks", list[i].weeks));
		free(list[i].key);
		json_decref(list[i].weeks);
	}
	free(list);
	json_object_set_new(out, "recurring_blockers", a);
}
