/* journal_new.c - notes new: the next note of a person, from the template. */
#include "journal_new.h"

#include <stdlib.h>
#include <string.h>

#include "json_carry.h"
#include "embedded.h"
#include "fsutil.h"
#include "journal_notes.h"
#include "schedule.h"
#include "template.h"
#include "xalloc.h"

/* Partials come from .notes/templates/ or the built-in templates, each
 * read once; the text of each must stay valid until the render ends. */
struct partials {
	const struct journal *j;
	const char *lang, *ext;
	char **names, **texts;
	size_t nr, alloc;
};

static int S_partial(const char *name, const char **text, size_t *len, void *data)
{
	struct partials *p = data;
	struct strbuf sb = STRBUF_INIT, file = STRBUF_INIT;
	size_t i;
	int rc;

	/* a partial included again is not read again */
	for (i = 0; i < p->nr; i++)
		if (!strcmp(p->names[i], name)) {
			*text = p->texts[i];
			*len = strlen(p->texts[i]);
			return 0;
		}
	strbuf_addf(&file, "%s%s", name, p->ext);
	rc = template_lookup_file(p->j, p->lang, file.buf, &sb);
	strbuf_release(&file);
	if (rc < 0) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	ALLOC_GROW(p->texts, p->nr + 1, p->alloc);
	p->names = xrealloc(p->names, st_mult(p->alloc, sizeof(*p->names)));
	p->names[p->nr] = xstrdup(name);
	*text = p->texts[p->nr++] = strbuf_detach(&sb, NULL);
	return 0;
}

int template_render_file(struct strbuf *out, const struct journal *j, const char *lang,
			 const char *what, const char *file, const char *partial_ext,
			 struct json_t *data, unsigned flags, struct strbuf *err)
{
	struct partials parts = { j, lang, partial_ext, NULL, NULL, 0, 0 };
	struct strbuf tmpl = STRBUF_INIT, why = STRBUF_INIT;
	size_t i;
	int rc = -1;

	if (template_lookup_file(j, lang, file, &tmpl) < 0)
		strbuf_addf(err, "no %s template (%s)", what, file);
	else if (template_render(out, tmpl.buf, tmpl.len, data, S_partial, &parts, flags, &why) < 0)
		strbuf_addf(err, "the %s template: %s", what, why.buf);
	else
		rc = 0;
	for (i = 0; i < parts.nr; i++) {
		free(parts.names[i]);
		free(parts.texts[i]);
	}
	free(parts.names);
	free(parts.texts);
	strbuf_release(&tmpl);
	strbuf_release(&why);
	return rc;
}

/* The meeting time: date, else this week's slot day, else today. */
static int S_when(const char *date, const struct person *p, notes_time now, notes_time *when,
		  bool *has_time, struct strbuf *err)
{
	struct slot slot = { 0, 0 };

	*has_time = p->slot && slot_parse(p->slot, &slot) == 0;
	if (date) {
		bool t;
		if (date_parse(date, strlen(date), when, &t) < 0) {
			strbuf_addf(err, "--date '%s' is not a date (YYYY-MM-DD)", date);
			return -1;
		}
		if (t)
			*has_time = true;
		else if (*has_time)
			*when += slot.minutes;
		return 0;
	}
	*when = *has_time ? slot_in_week(&slot, now) : date_start_of_day(now);
	return 0;
}

static int S_render(const struct journal *j, const char *lang, const struct carry_input *in,
		    struct strbuf *out, struct strbuf *err)
{
	struct json_t *data = carry_data(in);
	int rc = template_render_file(out, j, lang, "note", "note.md", ".md", data, 0, err);

	if (rc == 0 && out->len && out->buf[out->len - 1] != '\n')
		strbuf_addch(out, '\n'); /* a text file ends with a line end */
	carry_data_free(data);
	return rc;
}

/* Write the rendered note at rel, in the person's directory. */
static int S_write(const struct journal *j, const struct person_notes *pn, const char *rel,
		   const struct strbuf *text, struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT, full = STRBUF_INIT, why = STRBUF_INIT;
	int rc = -1;

	journal_path(j, pn->dir, &dir);
	journal_path(j, rel, &full);
	/* the directory is checked again once made: it may have been replaced */
	if (make_dirs(dir.buf, &why) < 0 || journal_check_person(j, pn->id, &why) < 0 ||
	    /* not fsynced: a note just made from the template is made again
	     * as easily, and notes new stays quick */
	    write_file_atomic(full.buf, text->buf, text->len, 0666, 0, &why) < 0)
		strbuf_addf(err, "%s: %s", rel, why.buf);
	else
		rc = 0;
	strbuf_release(&dir);
	strbuf_release(&full);
	strbuf_release(&why);
	return rc;
}

int journal_new_note(const struct journal *j, const char *person, const char *date, notes_time now,
		     char **rel, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT, full = STRBUF_INIT, src = STRBUF_INIT, out = STRBUF_INIT;
	struct carry_input in = { 0 };
	struct person_notes pn;
	struct person p = { 0 };
	struct note prev;
	bool has_prev = false;
	char *prev_path = NULL;
	int rc = -1;

	*rel = NULL;
	if (journal_person_notes(j, person, &pn, err) < 0)
		goto out;
	if (!journal_has_person(j, person)) {
		strbuf_addf(err, "%s is not in the journal (add them: notes person add %s)", person,
			    person);
		goto out;
	}
	journal_person(j, person, &p);
	if (S_when(date, &p, now, &in.date, &in.has_time, err) < 0)
		goto out;
	person_notes_path(&pn, in.date, &path);
	journal_path(j, path.buf, &full);
	if (path_exists(full.buf)) {
		strbuf_addf(err, "%s already exists (notes never overwrites a note)", path.buf);
		goto out;
	}
	if (journal_previous(j, person, date_start_of_day(in.date), &prev_path) < 0) {
		strbuf_addf(err, "%s: cannot list the notes", person);
		goto out;
	}
	if (prev_path) {
		struct strbuf why = STRBUF_INIT;
		has_prev = journal_read_note(j, prev_path, &src, &prev, &why) == 0;
		if (!has_prev)
			strbuf_addf(err, "%s: %s", prev_path, why.buf);
		strbuf_release(&why);
		if (!has_prev)
			goto out;
	}
	in.person = person;
	in.name = p.name;
	in.leader = j->leader;
	in.prev = has_prev ? &prev : NULL;
	in.prev_src = src.buf;
	in.prev_len = src.len;
	if (S_render(j, p.language, &in, &out, err) < 0 || S_write(j, &pn, path.buf, &out, err) < 0)
		goto out;
	*rel = strbuf_detach(&path, NULL);
	rc = 0;
out:
	if (has_prev)
		note_release(&prev);
	person_release(&p);
	person_notes_release(&pn);
	free(prev_path);
	strbuf_release(&path);
	strbuf_release(&full);
	strbuf_release(&src);
	strbuf_release(&out);
	return rc;
}

int template_lookup_file(const struct journal *j, const char *lang, const char *file,
			 struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, rel = STRBUF_INIT, err = STRBUF_INIT;
	const struct embedded_file *f;
	int rc = -1;

	/* the characters of a person id: no '/', never a way out of .notes/templates */
	if (j && person_id_is_valid(file)) {
		strbuf_addf(&rel, ".notes/templates/%s", file);
		journal_path(j, rel.buf, &path);
		if (read_file(path.buf, out, 1u << 20, &err) == 0)
			rc = 0;
	}
	if (rc < 0) {
		strbuf_reset(&path);
		if (!lang)
			lang = j && j->language ? j->language : "en";
		strbuf_addf(&path, "%s/%s", person_id_is_valid(lang) ? lang : "en", file);
		f = embedded_find(path.buf);
		if (!f) {
			strbuf_reset(&path);
			strbuf_addf(&path, "en/%s", file);
			f = embedded_find(path.buf);
		}
		if (f) {
			strbuf_add(out, f->data, f->len);
			rc = 0;
		}
	}
	strbuf_release(&path);
	strbuf_release(&rel);
	strbuf_release(&err);
	return rc;
}

int template_lookup(const struct journal *j, const char *lang, const char *name, struct strbuf *out)
{
	struct strbuf file = STRBUF_INIT;
	int rc;

	strbuf_addf(&file, "%s.md", name);
	rc = template_lookup_file(j, lang, file.buf, out);
	strbuf_release(&file);
	return rc;
}
