/* note_util.c - small helpers around struct note: names, lookups, release. */
#include "note.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *task_status_name(enum task_status s)
{
	static const char *const names[] = { "open", "done", "partial", "dropped" };
	return names[s];
}

char task_status_char(enum task_status s)
{
	static const char chars[] = { ' ', 'x', '~', '-' };
	return chars[s];
}

void task_release(struct task *t)
{
	size_t i;

	free(t->id);
	free(t->text);
	free(t->owner);
	for (i = 0; i < t->ntags; i++)
		free(t->tags[i]);
	free(t->tags);
	for (i = 0; i < FIELD__COUNT; i++)
		free(t->fields[i]);
	memset(t, 0, sizeof(*t));
}

void note_release(struct note *note)
{
	size_t i;
	int s;

	free(note->file);
	free(note->person);
	free(note->leader);
	for (i = 0; i < note->ngoals; i++) {
		free(note->goals[i].tag);
		free(note->goals[i].text);
	}
	free(note->goals);
	for (s = 0; s < SECTION__COUNT; s++) {
		for (i = 0; i < note->nitems[s]; i++)
			task_release(&note->items[s][i]);
		free(note->items[s]);
	}
	for (i = 0; i < note->nfeedback; i++)
		free(note->feedback[i].text);
	free(note->feedback);
	free(note->purpose.text);
	diag_release(&note->problems);
	memset(note, 0, sizeof(*note));
}

struct task *note_find_task(const struct note *note, const char *id, enum section *where)
{
	static const enum section order[] = { SECTION_SUPPORT, SECTION_FOCUS, SECTION_REVIEW };
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < note->nitems[order[k]]; i++) {
			struct task *t = &note->items[order[k]][i];
			if (t->id && !strcmp(t->id, id)) {
				if (where)
					*where = order[k];
				return t;
			}
		}
	return NULL;
}

size_t blocker_nkeys(const struct task *b)
{
	return b->ntags ? b->ntags : 1;
}

void blocker_key(const struct task *b, size_t i, struct strbuf *out)
{
	const char *p;

	if (b->ntags) {
		strbuf_addf(out, "#%s", b->tags[i]);
		return;
	}
	for (p = b->text; *p; p++)
		strbuf_addch(out, tolower((unsigned char)*p));
}

bool person_id_is_valid(const char *s)
{
	size_t i;

	if (!s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++) {
		char c = s[i];
		if (i >= 64 || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
				 c == '_' || c == '-'))
			return false;
	}
	return true;
}

int note_path_split(const char *path, char **person, notes_time *date)
{
	size_t len = strlen(path), base, dir;
	bool has_time;
	char *p;

	if (len < 13 || strcmp(path + len - 3, ".md"))
		return -1;
	base = len - 13;
	if (base == 0 || path[base - 1] != '/')
		return -1;
	if (date_parse(path + base, 10, date, &has_time) < 0)
		return -1;
	dir = base - 1;
	while (dir > 0 && path[dir - 1] != '/')
		dir--;
	p = xstrndup(path + dir, base - 1 - dir);
	if (!person_id_is_valid(p)) {
		free(p);
		return -1;
	}
	*person = p;
	return 0;
}

const enum section task_sections[TASK_SECTIONS] = { SECTION_REVIEW, SECTION_SUPPORT,
						    SECTION_FOCUS };
