/* check.c - does a note keep the loop? note (+ previous note, config) -> problems. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define WARN(d, t, code, ...)                                                                      \
	diag_add((d), (t)->line, (t)->column, SEVERITY_WARNING, code, __VA_ARGS__)

static void S_copy(struct diag *out, const struct diag *in)
{
	size_t i;

	for (i = 0; i < in->nr; i++) {
		const struct problem *p = &in->list[i];
		diag_add(out, p->line, p->column, p->severity, p->code, "%s", p->message);
	}
}

/* A short, escaped quote of an item's text for messages. */
static const char *S_quote(const struct task *t, struct strbuf *sb)
{
	size_t len = strlen(t->text);

	strbuf_reset(sb);
	strbuf_add_escaped(sb, t->text, diag_quote_len(t->text, len, 60));
	if (len > 60)
		strbuf_addstr(sb, "...");
	return sb->buf;
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
				 "'%s' is %s with no cause (cause: execution or assumption)",
				 S_quote(t, q),
				 t->status == TASK_OPEN ? "not done" : "partly done");
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
	}
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
		diag_add(d, 1, 1, SEVERITY_WARNING, "missing-section", "no %s section",
			 section_name(loop[i]));
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
				 "open %s item %s%s%s'%s' of %s is not reviewed here",
				 section_name(secs[k]), t->id ? "^" : "", t->id ? t->id : "",
				 t->id ? " " : "", S_quote(t, q), day);
		}
	free(keys);
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
	S_sections(note, ctx, out);
	S_people(note, ctx, out);
	if (ctx && ctx->nprevious)
		S_loop(note, ctx->previous[0], out, &q);
	strbuf_release(&q);
	if (ctx && ctx->agenda)
		S_agenda(out, from);
	diag_sort(out);
}
