/* init.c - notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "config.h"
#include "fsutil.h"
#include "note.h"
#include "vcs.h"

struct init_options {
	const char *dir, *leader, *name, *email, *lang;
};

static int S_write_config(const struct init_options *o, const char *root, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT, key = STRBUF_INIT;
	struct config *cfg = NULL;
	int rc = -1;

	strbuf_addf(&path, "%s/.notes", root);
	if (make_dirs(path.buf, err) < 0)
		goto out;
	strbuf_addstr(&path, "/config");
	if (config_open(&cfg, path.buf, err) < 0 ||
	    config_set(cfg, "journal.language", o->lang, err) < 0 ||
	    config_set(cfg, "journal.maxfocus", "3", err) < 0)
		goto out;
	if (o->leader) {
		if (config_set(cfg, "journal.leader", o->leader, err) < 0)
			goto out;
		strbuf_addf(&key, "person.%s.name", o->leader);
		if (config_set(cfg, key.buf, o->name ? o->name : o->leader, err) < 0)
			goto out;
		if (o->email) {
			strbuf_reset(&key);
			strbuf_addf(&key, "person.%s.email", o->leader);
			if (config_set(cfg, key.buf, o->email, err) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	config_free(cfg);
	strbuf_release(&path);
	strbuf_release(&key);
	return rc;
}

static int S_init(const struct init_options *o)
{
	struct strbuf err = STRBUF_INIT, probe = STRBUF_INIT, msg = STRBUF_INIT;
	struct vcs_identity who = { o->name ? o->name : o->leader, o->email };
	static const struct vcs_file paths[] = { { ".notes/config", NULL, 0 } };
	struct vcs *v = NULL;
	char *root = NULL;
	int rc = EXIT_ERROR;

	if (make_dirs(o->dir, &err) < 0)
		goto out;
	root = realpath(o->dir, NULL);
	strbuf_addf(&probe, "%s/.notes", root ? root : o->dir);
	if (path_exists(probe.buf)) {
		strbuf_addf(&err, "%s is already a journal (it has .notes/)", o->dir);
		goto out;
	}
	if (!root || vcs_init(root, &err) < 0 || S_write_config(o, root, &err) < 0 ||
	    vcs_open(&v, root, &err) < 0 || vcs_exclude_temp_files(v, &err) < 0)
		goto out;
	strbuf_addf(&msg, "journal: start the 1:1 journal%s%s\n", o->leader ? " of " : "",
		    o->leader ? o->leader : "");
	if (vcs_commit(v, paths, 1, msg.buf, &who, &err) < 0)
		goto out;
	printf("Initialized a notes journal in %s\n", root);
	rc = EXIT_OK;
out:
	if (rc != EXIT_OK)
		cmd_error("init: %s", err.buf);
	vcs_free(v);
	free(root);
	strbuf_release(&err);
	strbuf_release(&probe);
	strbuf_release(&msg);
	return rc;
}

static int cmd_init(int argc, char **argv, struct cmd_context *ctx)
{
	static const struct option opts[] = { { "leader", required_argument, NULL, 'l' },
					      { "name", required_argument, NULL, 'n' },
					      { "email", required_argument, NULL, 'e' },
					      { "lang", required_argument, NULL, 'L' },
					      { 0 } };
	struct init_options o = { ".", NULL, NULL, NULL, "en" };
	int c;

	(void)ctx;
	while ((c = cmd_getopt(argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'l': o.leader = optarg; break;
		case 'n': o.name = optarg; break;
		case 'e': o.email = optarg; break;
		case 'L': o.lang = optarg; break;
		default: return cmd_option_error(&cmd_init_entry, c, argv);
		}
	}
	if (optind < argc)
		o.dir = argv[optind++];
	if (optind < argc)
		return cmd_usage_error(&cmd_init_entry, "too many arguments");
	if (o.leader && !person_id_is_valid(o.leader))
		return cmd_error("init: invalid leader id '%s' (use [a-z0-9][a-z0-9._-]{0,63})",
				 o.leader);
	if (!o.lang || (strcmp(o.lang, "en") && strcmp(o.lang, "ko")))
		return cmd_error("init: unknown language '%s' (en or ko)", o.lang);
	return S_init(&o);
}

const struct cmd_entry cmd_init_entry = {
	"init",
	cmd_init,
	0,
	"notes init [DIR] [--leader ID] [--name N] [--email E] [--lang en|ko]\n\n"
	"  --leader ID   who leads the 1:1s (owner of support items)\n"
	"  --name N      the leader's name, --email E their e-mail\n"
	"  --lang L      template language: en (default) or ko\n\n"
	"Creates the journal: a git repository with .notes/config, and its first commit.",
	"create a journal (a git repository with .notes/config)",
};
