#!/bin/sh
# t0240-agenda.sh - a note whose meeting time has not come is an agenda:
# check reports unreviewed and loop-broken as warnings, commit takes it
# with the subject "<person> <date>: agenda"; from the meeting time on
# (to the minute) the rules of a held meeting apply to the same note, in
# check, parse, commit, status and review.
. "$(dirname "$0")/lib.sh"

W2=alice/2026-11-30.md

# at TIME ARGS...: notes -C j ARGS with the clock at TIME.
at() {
	at_=$1 &&
	shift &&
	NOTES_NOW=$at_ notes -C j "$@"
}

test_expect_success 'setup: alice'"'"'s first meeting, committed' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com >out &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com \
		--slot "mon 10:00" >out &&
	mkdir j/alice &&
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	Purpose: the first week.

	## Goals
	- #conv Raise conversion

	## Blockers
	- Slow staging #infra
	  - kind: environment
	  - impact: one deploy a day

	## Support within 48 hours
	- [ ] Book a staging slot

	## Focus for the next 5 days
	- [ ] Call five users #conv
	  - metric: calls made
	- [ ] Draft the survey #conv
	  - metric: questions drafted

	## Feedback
	- Clear goals; next time bring the funnel numbers.
	EOF
	at 2026-11-23T11:00 commit >out 2>err &&
	test_grep "^committed alice/2026-11-23.md: alice 2026-11-23: 0/0 done, 2 focus, 1 support, 1 blockers$" out
'

# The agenda: next week's note written ahead; one carried item deleted
# (loop-broken), the others open without a cause (unreviewed).
test_expect_success 'setup: next week'"'"'s note, written the Friday before' '
	at 2026-11-27T16:00 new alice --date 2026-11-30 --no-edit >out 2>err &&
	echo $W2 >expect &&
	test_cmp expect out &&
	grep -v "Draft the survey" j/$W2 >tmp &&
	cat tmp >j/$W2 &&
	cp j/$W2 agenda.md
'

test_expect_success 'before the meeting: unreviewed and loop-broken are warnings (exit 0)' '
	at 2026-11-30T09:59 check alice >out 2>err &&
	test_no_crash err &&
	test_grep "^$W2:[0-9]*:1: warning: .Call five users. is not done with no cause .*\[unreviewed\]$" out &&
	test_grep "^$W2:[0-9]*:1: warning: open focus item \^[0-9a-z]* .Draft the survey. of 2026-11-23 is not reviewed here \[loop-broken\]$" out &&
	! grep -q ": error: " out &&
	test_expect_code 1 at 2026-11-30T09:59 check --strict alice >out 2>err
'

test_expect_success 'from the meeting time on, to the minute, they are errors' '
	test_expect_code 1 at 2026-11-30T10:00 check alice >out 2>err &&
	test_grep "^$W2:[0-9]*:1: error: .*\[unreviewed\]$" out &&
	test_grep "^$W2:[0-9]*:1: error: .*\[loop-broken\]$" out
'

test_expect_success 'parse --json says what check says, before and after the meeting' '
	at 2026-11-30T09:59 parse --json $W2 >before.json &&
	jq -r "[.problems[] | select(.code == \"unreviewed\" or .code == \"loop-broken\") | .severity] | unique | .[]" before.json >actual &&
	echo warning >expect &&
	test_cmp expect actual &&
	at 2026-11-30T10:00 parse --json $W2 >after.json &&
	jq -r "[.problems[] | select(.code == \"unreviewed\" or .code == \"loop-broken\") | .severity] | unique | .[]" after.json >actual &&
	echo error >expect &&
	test_cmp expect actual
'

test_expect_success 'commit before the meeting: the agenda is shared, its subject says so' '
	at 2026-11-29T20:00 commit alice >out 2>err &&
	test_grep "^committed $W2: alice 2026-11-30: agenda$" out &&
	test_grep "\[unreviewed\]$" err &&
	git -C j log -1 --format=%s >subject &&
	echo "alice 2026-11-30: agenda" >expect &&
	test_cmp expect subject &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Person: alice$" trailers &&
	test_grep "^Week: 2026-W49$" trailers &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'before its time the agenda is the next meeting, not one held' '
	at 2026-11-30T09:30 status alice --json >s.json &&
	jq -c "[.people[0].last, .people[0].next, .people[0].overdue_meeting]" s.json >actual &&
	echo "[\"2026-11-23\",\"2026-11-30T10:00\",false]" >expect &&
	test_cmp expect actual &&
	at 2026-11-30T09:30 review alice --json >r.json &&
	jq -c "[.meetings.held, [.weeks[].week], .causes]" r.json >actual &&
	echo "[1,[\"2026-W48\"],{\"execution\":0,\"assumption\":0,\"unknown\":0}]" >expect &&
	test_cmp expect actual
'

test_expect_success 'after the meeting, the same note with its review still open is refused' '
	echo "- extra line the meeting added" >>j/$W2 &&
	cp j/$W2 before &&
	head_before=$(git -C j rev-parse HEAD) &&
	test_expect_code 1 at 2026-11-30T11:00 commit alice >out 2>err &&
	test_grep "error: .*\[unreviewed\]$" err &&
	test "$(git -C j rev-parse HEAD)" = "$head_before" &&
	test_cmp before j/$W2
'

test_expect_success 'after the meeting, reviewed: the subject is the summary of a meeting' '
	cp agenda.md j/$W2 &&
	sed -i -e "s/^- \[ \] Call five users #conv \(.*\)$/- [x] Call five users #conv \1/" \
		-e "s/^- \[ \] Book a staging slot \(.*\)$/- [x] Book a staging slot \1/" j/$W2 &&
	id=$(sed -n "s/^- \[ \] Draft the survey #conv \^\([0-9a-z]*\)$/\1/p" j/alice/2026-11-23.md) &&
	test -n "$id" &&
	sed -i "/^- \[x\] Call five users/a - [-] Draft the survey #conv ^$id\n  - cause: assumption\n  - learning: the survey is not needed once we call" j/$W2 &&
	at 2026-11-30T11:00 commit alice >out 2>err &&
	test_grep "^committed $W2: alice 2026-11-30: 2/3 done, 0 focus, 0 support, 1 blockers$" out &&
	at 2026-11-30T11:00 review alice --json >r.json &&
	jq -c "[.meetings.held, [.weeks[].week], .causes]" r.json >actual &&
	echo "[2,[\"2026-W48\",\"2026-W49\"],{\"execution\":0,\"assumption\":1,\"unknown\":0}]" >expect &&
	test_cmp expect actual
'

test_done
