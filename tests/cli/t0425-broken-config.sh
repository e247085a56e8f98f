#!/bin/sh
# t0425-broken-config.sh - a journal whose .notes/config cannot be read is
# an error for every command, those that work without a journal too: exit
# 2 with one line naming the config and its line, nothing written. A
# directory without a journal stays fine for parse and check.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a journal with a committed note, then a config cut short' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim >out &&
	notes -C j person add alice >out &&
	mkdir j/alice &&
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## Focus
	- [ ] Call five users #conv
	EOF
	notes -C j commit >out 2>err &&
	printf "[person \"bob\"\n\tname = Bob\n" >>j/.notes/config &&
	line=$(grep -n "^\[person \"bob\"$" j/.notes/config | cut -d: -f1) &&
	root=$(cd j && pwd -P) &&
	echo "notes: $root/.notes/config:$line: missing '"'"']'"'"' in section header" >expect.err &&
	snapshot j before
'

test_expect_success 'check of a file names the config line, exit 2, nothing printed' '
	(cd j && test_expect_code 2 notes check alice/2026-11-23.md >../out 2>../err) &&
	test_no_crash err &&
	test_cmp expect.err err &&
	test_cmp /dev/null out
'

test_expect_success 'check without arguments is not "not in a journal"' '
	test_expect_code 2 notes -C j check >out 2>err &&
	test_cmp expect.err err &&
	test_cmp /dev/null out
'

test_expect_success 'parse of a file in the journal: exit 2, the config line' '
	(cd j && test_expect_code 2 notes parse --json alice/2026-11-23.md >../out 2>../err) &&
	test_cmp expect.err err &&
	test_cmp /dev/null out
'

test_expect_success 'every command that needs the journal says the same, from a subdirectory too' '
	for cmd in status "status alice" "person list" "person add carol" "new alice" commit \
		"commit alice" "review alice" "done aaaaaa"; do
		# shellcheck disable=SC2086
		(cd j/alice && test_expect_code 2 notes $cmd >"$TRASH/out" 2>"$TRASH/err") &&
		test_no_crash err &&
		test_cmp expect.err err &&
		test_cmp /dev/null out || return 1
	done
'

test_expect_success 'a config that is a directory is an error too' '
	mkdir d &&
	notes init d/j >out &&
	rm d/j/.notes/config &&
	mkdir d/j/.notes/config &&
	(cd d/j && test_expect_code 2 notes check >../../out 2>../../err) &&
	test_grep "^notes: .*/d/j/\.notes/config: " err &&
	test "$(wc -l <err)" -eq 1
'

test_expect_success 'nothing in the broken journal changed' '
	untouched j
'

test_expect_success 'outside any journal, parse and check of a file still work' '
	mkdir -p lone &&
	cp j/alice/2026-11-23.md lone/note.md &&
	(cd lone && notes parse --json note.md >../out 2>../err) &&
	test_cmp /dev/null err &&
	jq -r .person out >person &&
	echo alice >expect &&
	test_cmp expect person &&
	(cd lone && notes check note.md >../out 2>../err) &&
	test_cmp /dev/null err
'

test_done
