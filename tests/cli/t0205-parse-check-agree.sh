#!/bin/sh
# t0205-parse-check-agree.sh - notes parse and notes check report the same
# problems for the same note: for a note of the journal, against its
# previous note and the config; for a file outside it, the config only.
. "$(dirname "$0")/lib.sh"

# problems_of_check FILE: "line:col:severity:code" of each problem check printed.
problems_of_check() {
	sed -E "s/^[^:]*:([0-9]+):([0-9]+): (error|warning): .* \[([a-z-]+)\]$/\1:\2:\3:\4/" "$1"
}

test_expect_success 'setup: two weeks of alice, the second forgets an open item' '
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
	Purpose: plan the calls.
	## Goals
	- #conv Raise conversion
	## Blockers
	## Support
	- [ ] Book a room ^s1aaaa
	## Focus
	- [ ] Call five users #conv ^f1aaaa
	  - metric: calls
	## Feedback
	- Clear; next time bring the numbers.
	EOF
	notes -C j commit >out 2>err &&
	cat >j/alice/2026-11-30.md <<-\EOF
	---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---
	Purpose: plan the survey.
	## Goals
	- #conv Raise conversion
	## Review
	- [x] Book a room ^s1aaaa
	## Blockers
	## Support
	## Focus
	- [ ] Write the survey #conv @zed
	  - metric: answers
	## Feedback
	- Clear; next time bring the numbers.
	EOF
'

test_expect_success 'check reports loop-broken against the previous note' '
	(cd j && test_expect_code 1 notes check alice/2026-11-30.md >../check.out 2>../err) &&
	test_grep "\[loop-broken\]$" check.out &&
	test_grep "\[unknown-person\]$" check.out
'

test_expect_success 'parse --json reports the very problems check reports' '
	(cd j && notes parse --json alice/2026-11-30.md >../parse.json 2>../err) &&
	test_cmp /dev/null err &&
	jq -r ".problems[] | \"\(.line):\(.column):\(.severity):\(.code)\"" parse.json >parse.problems &&
	problems_of_check check.out >check.problems &&
	test_cmp check.problems parse.problems
'

test_expect_success 'parse in text counts the same errors' '
	(cd j && notes parse alice/2026-11-30.md >../parse.txt 2>../err) &&
	test_grep "^  problems +1 error, 1 warning \(see .notes check.\)$" parse.txt
'

test_expect_success 'from the person directory, parse and check still agree' '
	(cd j/alice && test_expect_code 1 notes check 2026-11-30.md >../../check2.out 2>../../err) &&
	(cd j/alice && notes parse --json 2026-11-30.md >../../parse2.json 2>../../err) &&
	jq -r .file parse2.json >file &&
	echo 2026-11-30.md >expect &&
	test_cmp expect file &&
	jq -r ".problems[] | \"\(.line):\(.column):\(.severity):\(.code)\"" parse2.json >parse2.problems &&
	problems_of_check check2.out >check2.problems &&
	test_cmp check2.problems parse2.problems &&
	test_cmp check.problems check2.problems
'

test_expect_success 'a file outside the journal: the config applies, no previous note' '
	mkdir -p elsewhere &&
	cp j/alice/2026-11-30.md elsewhere/note.md &&
	(cd j && notes check ../elsewhere/note.md >../check3.out 2>../err) &&
	(cd j && notes parse --json ../elsewhere/note.md >../parse3.json 2>../err) &&
	test_expect_code 1 grep "loop-broken" check3.out &&
	test_grep "\[unknown-person\]$" check3.out &&
	jq -r ".problems[] | \"\(.line):\(.column):\(.severity):\(.code)\"" parse3.json >parse3.problems &&
	problems_of_check check3.out >check3.problems &&
	test_cmp check3.problems parse3.problems
'

test_expect_success 'outside any journal: the note alone, the same for both' '
	(cd elsewhere && notes check note.md >../check4.out 2>../err) &&
	(cd elsewhere && notes parse --json note.md >../parse4.json 2>../err) &&
	test_expect_code 1 grep "unknown-person" check4.out &&
	jq -r ".problems[] | \"\(.line):\(.column):\(.severity):\(.code)\"" parse4.json >parse4.problems &&
	problems_of_check check4.out >check4.problems &&
	test_cmp check4.problems parse4.problems
'

test_done
