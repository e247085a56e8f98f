/* journal_setup.c - create a journal, add a person: config and commit. */
#include "journal_setup.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "fsutil.h"
#include "journal_notes.h"
#include "schedule.h"
#include "vcs.h"
#include "vcs_merge.h"
#include "vcs_config.h"

static const struct vcs_file config_file[] = { { JOURNAL_CONFIG, NULL, 0 } };

bool journal_language_is_known(const char *lang)
{
	return lang && (!strcmp(lang, "en") || !strcmp(lang, "ko"));
}

/* Set person.<id>.<key> = value (nothing when value is NULL). */
static int S_set(struct config *cfg, const char *id, const char *key, const char *value,
		 struct strbuf *err)
{
	struct strbuf k = STRBUF_INIT;
	int rc;

	if (!value)
		return 0;
	strbuf_addf(&k, "person.%s.%s", id, key);
	rc = config_set(cfg, k.buf, value, err);
	strbuf_release(&k);
	return rc;
}

static int S_write_config(const struct journal_create_options *o, const char *root,
			  struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	struct config *cfg = NULL;
	int rc = -1;

	strbuf_addf(&path, "%s/.notes", root);
	if (make_dirs(path.buf, err) < 0)
		goto out;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/%s", root, JOURNAL_CONFIG);
	if (config_open(&cfg, path.buf, err) < 0 ||
	    config_set(cfg, "journal.language", o->lang, err) < 0 ||
	    config_set(cfg, "journal.maxfocus", "3", err) < 0)
		goto out;
	if (o->leader && (config_set(cfg, "journal.leader", o->leader, err) < 0 ||
			  S_set(cfg, o->leader, "name", o->name ? o->name : o->leader, err) < 0 ||
			  S_set(cfg, o->leader, "email", o->email, err) < 0))
		goto out;
	rc = 0;
out:
	config_free(cfg);
	strbuf_release(&path);
	return rc;
}

int journal_create(const struct journal_create_options *o, char **root, struct strbuf *warn,
		   struct strbuf *err)
{
	struct vcs_identity who = { o->name ? o->name : o->leader, o->email };
	struct strbuf probe = STRBUF_INIT, msg = STRBUF_INIT, gitdir = STRBUF_INIT;
	struct vcs *v = NULL;
	bool had_git = false, made = false;
	int rc = -1;

	*root = NULL;
	if (o->leader && !person_id_is_valid(o->leader)) {
		strbuf_addf(err, _("invalid leader id '%s' (use [a-z0-9][a-z0-9._-]{0,63})"),
			    o->leader);
		return -1;
	}
	if (!journal_language_is_known(o->lang)) {
		strbuf_addf(err, _("unknown language '%s' (en or ko)"), o->lang ? o->lang : "");
		return -1;
	}
	if (make_dirs(o->dir, err) < 0)
		goto out;
	*root = realpath(o->dir, NULL);
	strbuf_addf(&probe, "%s/.notes", *root ? *root : o->dir);
	if (path_exists(probe.buf)) {
		strbuf_addf(err, _("%s is already a journal (it has .notes/)"), o->dir);
		goto out;
	}
	if (*root) {
		strbuf_addf(&gitdir, "%s/.git", *root);
		had_git = path_exists(gitdir.buf);
		made = true; /* from here on a failure removes what it made */
	}
	if (!*root || vcs_init(*root, err) < 0 || S_write_config(o, *root, err) < 0 ||
	    vcs_open(&v, *root, err) < 0 || vcs_exclude_temp_files(v, err) < 0)
		goto out;
	strbuf_addf(&msg, "journal: start the 1:1 journal%s%s\n", o->leader ? " of " : "",
		    o->leader ? o->leader : "");
	if (vcs_commit(v, config_file, 1, msg.buf, &who, warn, err) < 0)
		goto out;
	rc = 0;
out:
	vcs_free(v);
	if (rc < 0 && made) {
		/* no journal half made (a full disk): a retry starts afresh */
		struct strbuf ignored = STRBUF_INIT;
		remove_tree(probe.buf, &ignored);
		if (!had_git)
			remove_tree(gitdir.buf, &ignored);
		strbuf_release(&ignored);
	}
	if (rc < 0) {
		free(*root);
		*root = NULL;
	}
	strbuf_release(&gitdir);
	strbuf_release(&probe);
	strbuf_release(&msg);
	return rc;
}

int journal_add_person(struct journal *j, const char *id, const struct person_fields *f,
		       struct strbuf *warn, struct strbuf *err)
{
	struct strbuf msg = STRBUF_INIT, path = STRBUF_INIT, before = STRBUF_INIT,
		      why = STRBUF_INIT;
	struct person leader = { 0 };
	struct vcs_identity who;
	struct vcs *v = NULL;
	bool written = false;
	struct slot s;
	int rc = -1;

	if (journal_check_person(j, id, err) < 0)
		goto out;
	if (journal_has_person(j, id)) {
		strbuf_addf(err, _("%s is already in the journal"), id);
		goto out;
	}
	if (f->slot && slot_parse(f->slot, &s) < 0) {
		strbuf_addf(err, _("slot '%s' is not like \"mon 10:00\""), f->slot);
		goto out;
	}
	if (f->lang && !journal_language_is_known(f->lang)) {
		strbuf_addf(err, _("unknown language '%s' (en or ko)"), f->lang);
		goto out;
	}
	strbuf_addf(&path, "%s/%s", j->root, JOURNAL_CONFIG);
	/* libgit2 writes a config through a link: none may be on the way */
	if (check_path_in(j->root, JOURNAL_CONFIG, err) < 0 || vcs_open(&v, j->root, err) < 0 ||
	    vcs_refuse_state(v, err) < 0 || read_file(path.buf, &before, MAX_NOTE_SIZE, err) < 0)
		goto out;
	/* from here on a failure puts the config's bytes back */
	written = true;
	if (S_set(j->config, id, "name", f->name ? f->name : id, err) < 0 ||
	    S_set(j->config, id, "email", f->email, err) < 0 ||
	    S_set(j->config, id, "slot", f->slot, err) < 0 ||
	    S_set(j->config, id, "language", f->lang, err) < 0)
		goto out;
	if (j->leader)
		journal_person(j, j->leader, &leader);
	who.name = leader.name;
	who.email = leader.email;
	strbuf_addf(&msg, "journal: add %s%s%s%s\n", id, f->name ? " (" : "",
		    f->name ? f->name : "", f->name ? ")" : "");
	if (vcs_commit(v, config_file, 1, msg.buf, &who, warn, err) < 0)
		goto out;
	written = false;
	/* j knows the person from now on */
	rc = journal_reload(j, err);
out:
	if (written && write_file_atomic(path.buf, before.buf, before.len, 0666, 0, &why) < 0)
		strbuf_addf(err, "; %s could not be put back (%s): it holds %s, not committed",
			    JOURNAL_CONFIG, why.buf, id);
	strbuf_release(&path);
	strbuf_release(&before);
	strbuf_release(&why);
	person_release(&leader);
	vcs_free(v);
	strbuf_release(&msg);
	return rc;
}
