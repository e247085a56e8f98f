/* hook.h - notes' pre-commit hook: install, remove, and say what is
 * installed in the journal repository's hooks directory. */
#ifndef NOTES_HOOK_H
#define NOTES_HOOK_H

#include <stdbool.h>

#include "journal.h"

/* The line that marks a pre-commit hook as notes' own: uninstall removes
 * only a hook holding it, install replaces only such a hook unforced. */
#define HOOK_MARKER "# notes pre-commit hook: 'notes hook uninstall' removes it"

enum hook_state {
	HOOK_NONE, /* no pre-commit hook */
	HOOK_NOTES, /* notes' own (it holds HOOK_MARKER) */
	HOOK_OTHER, /* another program's, or not a regular file */
};

struct hook_info {
	enum hook_state state;
	char *path; /* the pre-commit hook's path, absolute */
	const char *shown; /* in path: relative to the journal's root when under it */
	/* HOOK_NOTES: the notes it runs ("notes": the one on PATH) and
	 * whether with --strict; and whether git can run it at all */
	char *binary;
	bool strict;
	bool executable;
};

/* What the pre-commit hook of the journal's repository is. Returns 0, or
 * -1 with the reason in err; out is to be released either way. */
int hook_status(struct hook_info *out, const struct journal *j, struct strbuf *err);

struct hook_options {
	bool force; /* replace another program's hook */
	bool strict; /* the hook runs notes check --staged --strict */
	/* the notes the hook runs; NULL: this program (its absolute path),
	 * else "notes" from PATH when that path cannot be found */
	const char *binary;
};

enum hook_change {
	HOOK_WRITTEN, /* there was no hook */
	HOOK_UPDATED, /* notes' own hook, another way (another binary, --strict) */
	HOOK_REPLACED, /* another program's hook, with force */
	HOOK_UNCHANGED, /* notes' own hook, just so */
};

/*
 * Write the pre-commit hook (an executable shell script, atomically)
 * that runs notes check --staged, in the hooks directory git uses
 * (core.hooksPath when set; created when missing). Another program's
 * hook is left as it is without o->force, and so is a hook that appears
 * while the new one is written. The script runs the absolute path of
 * notes, and the notes on PATH when that is gone; outside a journal
 * (a core.hooksPath shared with other repositories) it lets the commit
 * pass. Returns 0 with *change and out (as hook_status says after it),
 * or -1 with the reason in err; out is to be released either way.
 */
int hook_install(struct hook_info *out, const struct journal *j, const struct hook_options *o,
		 enum hook_change *change, struct strbuf *err);

/* Remove notes' own pre-commit hook: 0 when removed, 1 when there is no
 * hook; -1 with err when the hook is another program's (it stays) or
 * cannot be removed. out says what was there; it is to be released. */
int hook_uninstall(struct hook_info *out, const struct journal *j, struct strbuf *err);

void hook_info_release(struct hook_info *h);

#endif
