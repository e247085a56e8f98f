#!/bin/sh
# t0760-man.sh - the manual pages: one per command, rendered by man
# without warnings, with the sections a manual page has; each page's
# options are the options its --help lists; notes help COMMAND shows the
# page, and the --help text where man or the page is missing.
. "$(dirname "$0")/lib.sh"

BUILD=$(dirname "$NOTES")
MAN1=$BUILD/man/man1
COMMANDS="init person new parse check commit done status review report calendar lsp hook"
export MANWIDTH=200 MANPAGER=cat PAGER=cat

# help_options CMD...: the options a --help text mentions, sorted.
help_options() {
	notes "$@" --help >"$TRASH/help.txt" &&
	grep -oE '(^|[^a-zA-Z0-9$-])--?[a-zA-Z][a-zA-Z-]*' "$TRASH/help.txt" |
		sed 's/^[^-]*//' | sort -u
}

# page_options PAGE: the options the page's OPTIONS section lists (the
# first line of each item), sorted.
page_options() {
	man -l "$MAN1/$1.1" >"$TRASH/page.txt" &&
	sed -n '/^OPTIONS$/,/^[A-Z][A-Z ]*$/p' "$TRASH/page.txt" |
		grep -E '^ +[^ ]+ +-' |
		grep -oE '(^|[^a-zA-Z0-9-])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[^-]*//' | sort -u
}

test_expect_success 'every command of notes --help has a page, and every page a command' '
	notes --help >help &&
	sed -n "s/^  \([a-z]*\) .*/notes-\1/p" help >commands &&
	echo notes >>commands &&
	sort commands >expect &&
	(cd "$MAN1" && ls) | sed "s/\.1\$//" | sort >actual &&
	test_cmp expect actual &&
	for c in $COMMANDS; do grep -x "notes-$c" expect || return 1; done
'

test_expect_success 'man -l renders every page without a warning, with all its sections' '
	for page in "$MAN1"/*.1; do
		man --warnings -l "$page" >out 2>err &&
		test ! -s err &&
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
			test_grep "^$s\$" out || return 1
		done &&
		name=$(basename "$page" .1) &&
		grep -E "^ +$name - [a-z]" out || return 1
	done
'

test_expect_success 'each page lists the options its --help lists (notes(1): those of notes --help but the commands)' '
	for c in $COMMANDS; do
		help_options "$c" >expect &&
		page_options "notes-$c" >actual &&
		test -s expect &&
		test_cmp expect actual || return 1
	done &&
	notes --help >help.txt &&
	grep -v "^  " help.txt |
		grep -oE "(^|[^a-zA-Z0-9-])--?[a-zA-Z][a-zA-Z-]*" | sed "s/^[^-]*//" | sort -u >expect &&
	page_options notes >actual &&
	test_cmp expect actual
'

test_expect_success 'the comparison sees an option a page leaves out' '
	sed "/^- \*\*--no-edit\*\*\$/,/^\$/d; /^  Do not open an editor/d" \
		"$ROOT/docs/notes-new.1.md" >short.md &&
	! cmp -s short.md "$ROOT/docs/notes-new.1.md" &&
	mkdir -p fake/man1 &&
	{ echo ".TH NOTES-NEW 1" && cmark -t man short.md; } >fake/man1/notes-new.1 &&
	help_options new >expect &&
	MAN1=$TRASH/fake/man1 page_options notes-new >actual &&
	! test_cmp expect actual
'

test_expect_success 'notes help COMMAND shows the manual page' '
	MANPATH=$BUILD/man notes help new >out &&
	test_grep "^ +notes-new - write this week" out &&
	test_grep "^OPTIONS\$" out &&
	MANPATH=$BUILD/man notes help >out &&
	test_grep "^ +notes - weekly 1:1 meeting notes" out
'

test_expect_success 'without the page, or without man, notes help prints the --help text' '
	mkdir empty &&
	notes new --help >expect &&
	MANPATH=$TRASH/empty notes help new >actual 2>err &&
	test_cmp expect actual &&
	test ! -s err &&
	# no man on PATH: and no valgrind either, so the binary runs itself
	PATH=$TRASH/empty "$NOTES" help new >actual 2>err &&
	test_cmp expect actual &&
	notes --help >expect &&
	PATH=$TRASH/empty "$NOTES" help >actual &&
	test_cmp expect actual
'

test_expect_success 'notes help of something that is not a command fails' '
	test_expect_code 2 notes help bogus 2>err &&
	test_grep "^notes: .bogus. is not a notes command" err
'

test_done
