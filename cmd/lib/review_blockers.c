/* review_blockers.c - blockers that come back: the same #tag, or the same
 * text (lower-cased, white space collapsed), in two or more meetings. */
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "review_history.h"
#include "xalloc.h"

/* Every key seen, with the distinct weeks and the meetings it was in. */
struct seen {
	struct review_blocker *v;
	size_t n, alloc;
	size_t *last_note; /* per key: the last meeting counted */
	size_t *weeks_alloc;
};

static size_t S_find(struct seen *s, const char *key)
{
	size_t i, old = s->alloc;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].key, key))
			return i;
	ALLOC_GROW(s->v, s->n + 1, s->alloc);
	if (s->alloc != old) {
		s->last_note = xrealloc(s->last_note, st_mult(s->alloc, sizeof(*s->last_note)));
		s->weeks_alloc =
			xrealloc(s->weeks_alloc, st_mult(s->alloc, sizeof(*s->weeks_alloc)));
	}
	memset(&s->v[s->n], 0, sizeof(s->v[s->n]));
	s->v[s->n].key = xstrdup(key);
	s->last_note[s->n] = (size_t)-1;
	s->weeks_alloc[s->n] = 0;
	return s->n++;
}

static void S_seen(struct seen *s, size_t k, size_t note, const char *week)
{
	struct review_blocker *b = &s->v[k];

	if (s->last_note[k] == note)
		return; /* once a meeting */
	s->last_note[k] = note;
	b->count++;
	if (!b->nweeks || strcmp(b->weeks[b->nweeks - 1], week)) {
		ALLOC_GROW(b->weeks, b->nweeks + 1, s->weeks_alloc[k]);
		memcpy(b->weeks[b->nweeks++], week, 9);
	}
}

void review_blockers(const struct history *h, bool (*in_range)(const void *, const struct note *),
		     const void *ctx, struct review_report *out)
{
	struct seen s = { 0 };
	struct strbuf key = STRBUF_INIT;
	size_t i, k, t, alloc = 0;
	char week[9];

	for (i = 0; i < h->nnotes; i++) {
		const struct note *note = &h->notes[i];
		if (!in_range(ctx, note))
			continue;
		date_format_week(note->date, week);
		for (k = 0; k < note->nitems[SECTION_BLOCKERS]; k++) {
			const struct task *b = &note->items[SECTION_BLOCKERS][k];
			for (t = 0; t < blocker_nkeys(b); t++) {
				strbuf_reset(&key);
				blocker_key(b, t, &key);
				S_seen(&s, S_find(&s, key.buf), i, week);
			}
		}
	}
	for (i = 0; i < s.n; i++) {
		if (s.v[i].count >= 2) {
			ALLOC_GROW(out->recurring, out->nrecurring + 1, alloc);
			out->recurring[out->nrecurring++] = s.v[i];
		} else {
			free(s.v[i].key);
			free(s.v[i].weeks);
		}
	}
	free(s.v);
	free(s.last_note);
	free(s.weeks_alloc);
	strbuf_release(&key);
}
