#!/bin/sh
# t0430-error-paths.sh - commands that fail half-way report it once and
# cleanly: no crash, no leak (the sanitizer build counts a leak as a
# failure), and no message of a success that did not happen.
. "$(dirname "$0")/lib.sh"

# one_line FILE: FILE holds exactly one line.
one_line() {
	test "$(wc -l <"$1")" -eq 1 || {
		cat "$1" >&2
		return 1
	}
}

test_expect_success 'setup: a journal with alice' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com >out &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com >out
'

test_expect_success 'init with an empty directory name exits 2 with one line, nothing created' '
	mkdir empty &&
	test_expect_code 2 notes -C empty init "" >out 2>err &&
	test_no_crash err &&
	echo "notes: init: cannot create a directory with an empty name" >expect &&
	test_cmp expect err &&
	test_cmp /dev/null out &&
	find empty -mindepth 1 >listing &&
	test_cmp /dev/null listing
'

test_expect_success 'commit .notes/config says committed once, and nothing else' '
	git config -f j/.notes/config person.alice.slot "mon 10:00" &&
	notes -C j commit .notes/config >out 2>err &&
	test_no_crash err &&
	echo "committed .notes/config" >expect &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	git -C j log -1 --format=%s >subject &&
	echo "journal: update .notes/config" >expect &&
	test_cmp expect subject
'

test_expect_success 'commit of a changed config alone, without arguments, says committed once' '
	git config -f j/.notes/config person.alice.slot "tue 11:00" &&
	notes -C j commit >out 2>err &&
	echo "committed .notes/config" >expect &&
	test_cmp expect out &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'commit of an unchanged config says there is nothing to commit' '
	notes -C j commit .notes/config >out 2>err &&
	echo "nothing to commit: the notes match the journal'"'"'s history" >expect &&
	test_cmp expect out
'

test_expect_success 'commit when the status cannot be read: exit 2, one line, no leak' '
	mkdir j/alice &&
	printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n" >j/alice/2026-11-23.md &&
	cp j/.git/index index.saved &&
	echo "not an index" >j/.git/index &&
	test_expect_code 2 notes -C j commit >out 2>err &&
	cp index.saved j/.git/index &&
	test_no_crash err &&
	test_grep "^notes: commit: cannot read the status of the journal" err &&
	one_line err &&
	test_cmp /dev/null out
'

test_expect_success 'parse whose output cannot be written: exit 2, one line, no leak' '
	i=0 &&
	while [ $i -lt 150 ]; do
		printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Focus\n- [ ] Item number %s with a long text to fill the output quickly #goal\n" $i >n$i.md &&
		i=$((i + 1)) || return 1
	done &&
	test_expect_code 2 notes parse --json n*.md >/dev/full 2>err &&
	test_no_crash err &&
	test_grep "^notes: cannot write the output: No space left on device$" err &&
	one_line err
'

test_done
