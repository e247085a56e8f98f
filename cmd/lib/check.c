/* check.c - does a note keep the loop? note (+ previous notes, config) -> problems. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "xalloc.h"

#define WARN(d, t, code, ...)                                                                      \
	diag_add((d), (t)->line, (t)->column, SEVERITY_WARNING, code, __VA_ARGS__)

static void S_copy(struct diag *out, const struct diag *in)
{
	size_t i;

	for (i = 0; i < in->nr; i++)
		diag_copy(out, &in->list[i]);
}

/* A short, escaped quote of a note's text for messages. */
static const char *S_quote_text(const char *text, struct strbuf *sb)
{
	size_t len = strlen(text);

	strbuf_reset(sb);
	strbuf_add_escaped(sb, text, diag_quote_len(text, len, 60));
	if (len > 60)
		strbuf_addstr(sb, "...");
	return sb->buf;
}

static const char *S_quote(const struct task *t, struct strbuf *sb)
{
	return S_quote_text(t->text, sb);
}

static int S_cmp_id_line(const void *a, const void *b)
{
	const struct task *x = *(const struct task *const *)a, *y = *(const struct task *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Each repeated id is reported at its later items, in file order; sorting
 * keeps this fast on notes with very many items. */
static void S_duplicate_ids(const struct note *note, struct diag *d)
{
	const struct task **all = NULL;
	size_t n = 0, alloc = 0, i, first = 0, k;

	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++)
			if (note->items[task_sections[k]][i].id) {
				ALLOC_GROW(all, n + 1, alloc);
				all[n++] = &note->items[task_sections[k]][i];
			}
	if (n > 1)
		qsort(all, n, sizeof(*all), S_cmp_id_line);
	for (i = 1; i < n; i++) {
		if (strcmp(all[first]->id, all[i]->id)) {
			first = i;
			continue;
		}
		diag_add(d, all[i]->line, all[i]->column, SEVERITY_ERROR, "duplicate-id",
			 "^%s is also on line %d", all[i]->id, all[first]->line);
	}
	free(all);
}

static void S_review(const struct note *note, struct diag *d, struct strbuf *q)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
		const struct task *t = &note->items[SECTION_REVIEW][i];
		bool open = t->status == TASK_OPEN || t->status == TASK_PARTIAL;
		if (open && !t->fields[FIELD_CAUSE])
			diag_add(d, t->line, t->column, SEVERITY_ERROR, "unreviewed",
				 t->status == TASK_OPEN
					 ? N_("'%s' is not done with no cause (cause: execution "
					      "or assumption)")
					 : N_("'%s' is partly done with no cause (cause: "
					      "execution or assumption)"),
				 S_quote(t, q));
		else if (t->fields[FIELD_CAUSE] && !t->fields[FIELD_LEARNING])
			WARN(d, t, "missing-learning", "'%s' has a cause but no learning",
			     S_quote(t, q));
	}
}

static bool S_is_goal(const struct note *note, const char *tag)
{
	size_t i;

	for (i = 0; i < note->ngoals; i++)
		if (note->goals[i].tag && !strcmp(note->goals[i].tag, tag))
			return true;
	return false;
}

static void S_tags(const struct note *note, const struct task *t, struct diag *d)
{
	size_t i;

	for (i = 0; i < t->ntags; i++)
		if (!S_is_goal(note, t->tags[i]))
			WARN(d, t, "unknown-goal", "#%s is not one of this note's goals",
			     t->tags[i]);
}

static void S_focus(const struct note *note, const struct check_context *ctx, struct diag *d,
		    struct strbuf *q)
{
	size_t i, n = note->nitems[SECTION_FOCUS];
	int max = ctx && ctx->max_focus > 0 ? ctx->max_focus : DEFAULT_MAX_FOCUS;

	if (!n && note->section_line[SECTION_FOCUS])
		diag_add(d, note->section_line[SECTION_FOCUS], 1, SEVERITY_WARNING, "no-focus",
			 "no focus item for the next 5 days");
	if (n > (size_t)max)
		WARN(d, &note->items[SECTION_FOCUS][max], "too-many-focus",
		     "%zu focus items; keep to at most %d", n, max);
	for (i = 0; i < n; i++) {
		const struct task *t = &note->items[SECTION_FOCUS][i];
		if (!t->fields[FIELD_METRIC])
			WARN(d, t, "no-metric", "'%s' has no metric", S_quote(t, q));
		if (!t->ntags)
			WARN(d, t, "no-goal", "'%s' names no #goal", S_quote(t, q));
		S_tags(note, t, d);
	}
}

static void S_support(const struct note *note, struct diag *d, struct strbuf *q)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_SUPPORT]; i++) {
		const struct task *t = &note->items[SECTION_SUPPORT][i];
		if (t->due_explicit && note->has_date && t->due > note->date + SUPPORT_DUE_MINUTES)
			WARN(d, t, "support-late",
			     "'%s' is due more than 48 hours after the meeting", S_quote(t, q));
		S_tags(note, t, d);
	}
}

static void S_blockers(const struct note *note, struct diag *d, struct strbuf *q)
{
	size_t i;

	for (i = 0; i < note->nitems[SECTION_BLOCKERS]; i++) {
		const struct task *t = &note->items[SECTION_BLOCKERS][i];
		if (!t->fields[FIELD_KIND])
			WARN(d, t, "blocker-unclassified",
			     "blocker '%s' has no kind (capability or environment)", S_quote(t, q));
		/* a resolved blocker costs nothing more */
		if (!t->fields[FIELD_IMPACT] && t->status != TASK_DONE)
			WARN(d, t, "blocker-no-impact",
			     "blocker '%s' has no impact: what does it cost if it continues?",
			     S_quote(t, q));
	}
}

static void S_purpose(const struct note *note, struct diag *d)
{
	if (!note->purpose.line)
		diag_add(d, note->title_line ? note->title_line : 1, 1, SEVERITY_WARNING,
			 "no-purpose",
			 "no purpose line: say what this meeting is for (Purpose: ...)");
	else if (!*note->purpose.text)
		diag_add(d, note->purpose.line, 1, SEVERITY_WARNING, "no-purpose",
			 "the purpose line is empty: say what this meeting is for");
}

/* Feedback is specific (no item is only generic praise or blame) and
 * ends with what to do next (some item looks forward). */
static void S_feedback(const struct note *note, struct diag *d, struct strbuf *q)
{
	struct strbuf rest = STRBUF_INIT;
	bool forward = false;
	size_t i, words;

	for (i = 0; i < note->nfeedback; i++) {
		const struct note_text *f = &note->feedback[i];
		size_t len = strlen(f->text);
		strbuf_reset(&rest);
		/* praise, and next to it nothing that names a behaviour */
		if (vocab_phrases(PHRASE_PRAISE, f->text, len, &rest, NULL)) {
			vocab_phrases(PHRASE_FILLER, rest.buf, rest.len, NULL, &words);
			if (words < 2)
				diag_add(d, f->line, 1, SEVERITY_WARNING, "vague-feedback",
					 "'%s' is only generic praise or blame: name what was "
					 "done and what it did",
					 S_quote_text(f->text, q));
		}
		forward = forward || vocab_phrases(PHRASE_FORWARD, f->text, len, NULL, NULL);
	}
	if (note->nfeedback && !forward)
		diag_add(d, note->section_line[SECTION_FEEDBACK], 1, SEVERITY_WARNING,
			 "feedback-not-forward",
			 "no feedback item looks forward: end with what to do next");
	strbuf_release(&rest);
}

static void S_sections(const struct note *note, const struct check_context *ctx, struct diag *d)
{
	static const enum section loop[] = { SECTION_REVIEW, SECTION_BLOCKERS, SECTION_SUPPORT,
					     SECTION_FOCUS, SECTION_FEEDBACK };
	size_t i;

	for (i = 0; i < sizeof(loop) / sizeof(*loop); i++) {
		if (note->section_line[loop[i]])
			continue;
		if (loop[i] == SECTION_REVIEW && !(ctx && ctx->nprevious))
			continue;
		/* one message per section: each reads whole in translation */
		diag_add(d, 1, 1, SEVERITY_WARNING, "missing-section",
			 loop[i] == SECTION_REVIEW     ? N_("no review section")
			 : loop[i] == SECTION_BLOCKERS ? N_("no blockers section")
			 : loop[i] == SECTION_SUPPORT  ? N_("no support section")
			 : loop[i] == SECTION_FOCUS    ? N_("no focus section")
						       : N_("no feedback section"));
	}
	if (note->section_line[SECTION_FEEDBACK] && !note->nfeedback)
		diag_add(d, note->section_line[SECTION_FEEDBACK], 1, SEVERITY_WARNING,
			 "no-feedback", "the feedback section is empty");
}

static void S_people(const struct note *note, const struct check_context *ctx, struct diag *d)
{
	size_t i, k;

	if (!ctx || !ctx->person_known)
		return;
	if (note->person && !ctx->person_known(note->person, ctx->data))
		diag_add(d, 1, 1, SEVERITY_WARNING, "unknown-person",
			 "%s is not in .notes/config (notes person add %s)", note->person,
			 note->person);
	for (k = 0; k < TASK_SECTIONS; k++)
		for (i = 0; i < note->nitems[task_sections[k]]; i++) {
			const struct task *t = &note->items[task_sections[k]][i];
			if (t->owner_explicit && !ctx->person_known(t->owner, ctx->data))
				WARN(d, t, "unknown-person", "@%s is not in .notes/config",
				     t->owner);
		}
}

static int S_cmp_key(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The ids and (for items without one) texts of the review, sorted, so
 * that a long previous note is looked up in it cheaply. */
static const char **S_review_keys(const struct note *note, size_t *n)
{
	const char **keys = xcalloc(note->nitems[SECTION_REVIEW] + 1, sizeof(*keys));
	size_t i;

	for (i = 0; i < note->nitems[SECTION_REVIEW]; i++) {
		const struct task *t = &note->items[SECTION_REVIEW][i];
		keys[i] = t->id ? t->id : t->text;
	}
	*n = i;
	qsort(keys, *n, sizeof(*keys), S_cmp_key);
	return keys;
}

static bool S_reviewed(const char **keys, size_t n, const struct task *prev)
{
	const char *key = prev->id ? prev->id : prev->text;
	return n && bsearch(&key, keys, n, sizeof(*keys), S_cmp_key) != NULL;
}

static void S_loop(const struct note *note, const struct note *prev, struct diag *d,
		   struct strbuf *q)
{
	static const enum section secs[] = { SECTION_FOCUS, SECTION_SUPPORT };
	int line = note->section_line[SECTION_REVIEW] ? note->section_line[SECTION_REVIEW] : 1;
	char day[11];
	size_t i, k, nkeys;
	const char **keys = S_review_keys(note, &nkeys);

	date_format_day(prev->date, day);
	for (k = 0; k < 2; k++)
		for (i = 0; i < prev->nitems[secs[k]]; i++) {
			const struct task *t = &prev->items[secs[k]][i];
			if (t->status != TASK_OPEN && t->status != TASK_PARTIAL)
				continue;
			if (S_reviewed(keys, nkeys, t))
				continue;
			diag_add(d, line, 1, SEVERITY_ERROR, "loop-broken",
				 secs[k] == SECTION_FOCUS
					 ? N_("open focus item %s%s%s'%s' of %s is not reviewed "
					      "here")
					 : N_("open support item %s%s%s'%s' of %s is not reviewed "
					      "here"),
				 t->id ? "^" : "", t->id ? t->id : "", t->id ? " " : "",
				 S_quote(t, q), day);
		}
	free(keys);
}

/* The keys of a note's blockers (blocker_key), sorted, for lookups. */
static char **S_blocker_keys(const struct note *note, size_t *n)
{
	struct strbuf key = STRBUF_INIT;
	char **keys = NULL;
	size_t i, k, alloc = 0;

	*n = 0;
	for (i = 0; i < note->nitems[SECTION_BLOCKERS]; i++) {
		const struct task *b = &note->items[SECTION_BLOCKERS][i];
		for (k = 0; k < blocker_nkeys(b); k++) {
			blocker_key(b, k, &key);
			ALLOC_GROW(keys, *n + 1, alloc);
			keys[(*n)++] = strbuf_detach(&key, NULL);
		}
	}
	if (*n > 1)
		qsort(keys, *n, sizeof(*keys), S_cmp_key);
	strbuf_release(&key);
	return keys;
}

static bool S_has_key(char **keys, size_t n, const char *key)
{
	return n && bsearch(&key, keys, n, sizeof(*keys), S_cmp_key) != NULL;
}

static void S_free_keys(char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* A blocker of this week that was in each of the two previous notes is
 * not a problem of one week. */
static void S_recurring(const struct note *note, const struct check_context *ctx, struct diag *d,
			struct strbuf *q)
{
	struct strbuf key = STRBUF_INIT;
	char **keys[2], day[2][11];
	size_t nkeys[2], i, k;

	if (!ctx || ctx->nprevious < 2 || !note->nitems[SECTION_BLOCKERS])
		return;
	for (k = 0; k < 2; k++) {
		keys[k] = S_blocker_keys(ctx->previous[k], &nkeys[k]);
		date_format_day(ctx->previous[k]->date, day[k]);
	}
	for (i = 0; i < note->nitems[SECTION_BLOCKERS]; i++) {
		const struct task *b = &note->items[SECTION_BLOCKERS][i];
		const char *scope = b->fields[FIELD_SCOPE];
		if (b->status == TASK_DONE || (scope && strcmp(scope, "week")))
			continue;
		for (k = 0; k < blocker_nkeys(b); k++) {
			strbuf_reset(&key);
			blocker_key(b, k, &key);
			if (!S_has_key(keys[0], nkeys[0], key.buf) ||
			    !S_has_key(keys[1], nkeys[1], key.buf))
				continue;
			WARN(d, b, "recurring-blocker",
			     "blocker '%s'%s%s%s was also in the notes of %s and %s: one that "
			     "returns every week is structural (scope: structural)",
			     S_quote(b, q), b->ntags ? " (" : "", b->ntags ? key.buf : "",
			     b->ntags ? ")" : "", day[1], day[0]);
			break;
		}
	}
	for (k = 0; k < 2; k++)
		S_free_keys(keys[k], nkeys[k]);
	strbuf_release(&key);
}

/* The markers a merge left where both sides changed the same lines: the
 * note holds both versions until a person chooses. */
static void S_conflicts(const struct note *note, struct diag *d)
{
	size_t i;

	for (i = 0; i < note->nconflict_lines; i++)
		diag_add(d, note->conflict_lines[i], 1, SEVERITY_ERROR, "merge-conflict",
			 "a merge left this conflict marker: keep one side's lines, then remove "
			 "the markers");
}

/* An agenda's review is done in the meeting: until then, what it lacks is
 * a reminder, not an error. */
static void S_agenda(struct diag *d, size_t from)
{
	size_t i;

	for (i = from; i < d->nr; i++)
		if (!strcmp(d->list[i].code, "unreviewed") ||
		    !strcmp(d->list[i].code, "loop-broken"))
			d->list[i].severity = SEVERITY_WARNING;
}

void check_note(const struct note *note, const struct check_context *ctx, struct diag *out)
{
	size_t from = out->nr;

	struct strbuf q = STRBUF_INIT;

	S_copy(out, &note->problems);
	S_conflicts(note, out);
	S_duplicate_ids(note, out);
	S_review(note, out, &q);
	S_focus(note, ctx, out, &q);
	S_support(note, out, &q);
	S_blockers(note, out, &q);
	S_purpose(note, out);
	S_feedback(note, out, &q);
	S_recurring(note, ctx, out, &q);
	S_sections(note, ctx, out);
	S_people(note, ctx, out);
	if (ctx && ctx->nprevious)
		S_loop(note, ctx->previous[0], out, &q);
	strbuf_release(&q);
	if (ctx && ctx->agenda)
		S_agenda(out, from);
	diag_sort(out);
}
