#!/bin/sh
# t0510-status.sh - notes status with a fixed clock (Wednesday 2026-11-25
# 12:00, ISO week 2026-W48): last and next meeting, missed slots, open
# support and focus items with exact hours left, carried items, the leader
# left out, most urgent first; one person; text mode; no colour escapes.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-25T12:00

status() {
	NOTES_NOW=$NOW notes -C j status "$@"
}

jq_is() {
	if ! jq -e --argjson want "$3" "($2) == \$want" "$1" >/dev/null; then
		echo "$2: expected $3, got $(jq -c "$2" "$1")" >&2
		return 1
	fi
}

# person FILE NAME: the object of NAME in the status FILE.
person() {
	jq -c --arg p "$2" '.people[] | select(.person == $p)' "$1"
}

test_expect_success 'setup: a team of five and a leader' '
	export NOTES_NOW=2026-11-01T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com --slot "mon 10:00" &&
	notes -C j person add bob --name "Bob Lee" --slot "wed 14:00" &&
	notes -C j person add carol --name "Carol Diaz" &&
	notes -C j person add dave --name "Dave Kim" --slot "tue 10:00" &&
	notes -C j person add erin --name "Erin Wu" --slot "mon 09:00" &&
	mkdir j/alice j/bob j/carol j/erin
'

# alice met this Monday: support items overdue by 2 h and by 30 min, due in
# 30 min, one done, one partial; focus due Thursday, Friday noon, Friday.
test_expect_success 'setup: alice met this week' '
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## Goals
	- #conv Raise conversion
	## Blockers
	- Slow staging #infra
	  - kind: environment
	## Support
	- [ ] Book the usability lab ^a1sup1
	- [ ] Send the survey budget due:2026-11-25T12:30 ^a2sup2
	- [ ] Ping the data team due:2026-11-25T11:30 ^a3sup3
	- [x] Order the laptop ^a4done
	- [~] Get a staging slot @bob due:2026-11-26T09:00 ^a5part
	## Focus
	- [ ] Call five churned users #conv ^a6foc1
	  - metric: calls
	- [ ] Land the variant #conv due:2026-11-26 ^a7foc2
	  - metric: traffic
	- [~] Write the copy #conv due:2026-11-27T12:00 ^a8part
	  - metric: pages
	- [-] Translate the page #conv ^a9drop
	  - metric: pages
	## Feedback
	- Good.
	EOF
	true
'

# bob met last Wednesday; his slot today at 14:00 has not come yet.
test_expect_success 'setup: bob met last week' '
	cat >j/bob/2026-11-18.md <<-\EOF
	---
	person: bob
	leader: kim
	date: 2026-11-18 14:00
	---
	## Goals
	- #ci Green CI
	## Blockers
	- Flaky CI #ci
	  - kind: environment
	## Support
	- [ ] Review the design doc ^b1sup1
	## Focus
	- [ ] Fix the flaky test #ci ^b2foc1
	  - metric: failures a week
	## Feedback
	- Good.
	EOF
'

# carol has no slot: three notes, the last dated without a time (09:00).
test_expect_success 'setup: carol, no slot, items carried for three and two meetings' '
	cat >j/carol/2026-11-06.md <<-\EOF &&
	---
	person: carol
	leader: kim
	date: 2026-11-06
	---
	## Goals
	- #hire Hire two engineers
	## Blockers
	- No budget yet #hire
	  - kind: environment
	## Support
	- [ ] Ask finance about the budget ^c0sup0
	## Focus
	- [ ] Draft the hiring plan #hire ^c1carr
	  - metric: plan approved
	## Feedback
	- Good.
	EOF
	cat >j/carol/2026-11-13.md <<-\EOF &&
	---
	person: carol
	leader: kim
	date: 2026-11-13
	---
	## Goals
	- #hire Hire two engineers
	## Review
	- [ ] Draft the hiring plan #hire ^c1carr
	  - cause: execution
	  - learning: write it in the morning
	- [x] Ask finance about the budget ^c0sup0
	## Blockers
	- No budget yet #hire
	  - kind: environment
	## Focus
	- [ ] Interview two candidates #hire ^c2carr
	  - metric: interviews
	## Feedback
	- Good.
	EOF
	cat >j/carol/2026-11-20.md <<-\EOF
	---
	person: carol
	leader: kim
	date: 2026-11-20
	---
	## Goals
	- #hire Hire two engineers
	## Review
	- [ ] Draft the hiring plan #hire ^c1carr
	  - cause: execution
	  - learning: block two hours
	- [ ] Interview two candidates #hire ^c2carr
	  - cause: assumption
	  - learning: candidates need a week of notice
	## Blockers
	- No budget yet #hire
	  - kind: environment
	## Support
	- [ ] Approve the headcount ^c4sup1
	## Focus
	- [ ] Write the job ad #hire ^c3new1
	  - metric: ad published
	## Feedback
	- Good.
	EOF
'

# erin's slot (Monday 09:00) passed this week without a note: missed.
test_expect_success 'setup: erin missed this week'"'"'s slot' '
	cat >j/erin/2026-11-09.md <<-\EOF &&
	---
	person: erin
	leader: kim
	date: 2026-11-09 09:00
	---
	## Goals
	- #ops Calm releases
	## Blockers
	- Manual releases #ops
	  - kind: capability
	## Focus
	- [ ] Automate the release #ops ^e1carr
	  - metric: manual steps left
	## Feedback
	- Good.
	EOF
	cat >j/erin/2026-11-16.md <<-\EOF
	---
	person: erin
	leader: kim
	date: 2026-11-16 09:00
	---
	## Goals
	- #ops Calm releases
	## Review
	- [ ] Automate the release #ops ^e1carr
	  - cause: execution
	  - learning: pair on it
	## Blockers
	- Manual releases #ops
	  - kind: capability
	## Support
	- [ ] Unblock the release credentials ^e2sup1
	## Focus
	- [ ] Write the runbook #ops ^e3foc1
	  - metric: pages
	## Feedback
	- Good.
	EOF
'

test_expect_success 'setup: every note commits' '
	NOTES_NOW=2026-11-23T11:00 notes -C j commit >out 2>err &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st &&
	test "$(git -C j rev-list --count HEAD)" = 13
'

test_expect_success 'status --json: now, and the leader is not listed' '
	status --json >s.json 2>err &&
	test_no_crash err &&
	test "$(wc -l <s.json)" = 1 &&
	jq_is s.json .now "\"2026-11-25T12:00\"" &&
	jq_is s.json "[.people[].person] | sort" "[\"alice\",\"bob\",\"carol\",\"dave\",\"erin\"]" &&
	jq_is s.json "[.people[] | keys] | unique" "[[\"carried\",\"focus\",\"last\",\"next\",\"overdue_meeting\",\"person\",\"support\"]]"
'

test_expect_success 'status --json: last and next meeting per person, missed slots' '
	status --json >s.json &&
	jq_is s.json "[.people[] | [.person, .last, .next, .overdue_meeting]] | sort" \
		"[[\"alice\",\"2026-11-23\",\"2026-11-30T10:00\",false],
		  [\"bob\",\"2026-11-18\",\"2026-11-25T14:00\",false],
		  [\"carol\",\"2026-11-20\",\"2026-11-27T09:00\",false],
		  [\"dave\",null,\"2026-11-24T10:00\",true],
		  [\"erin\",\"2026-11-16\",\"2026-11-23T09:00\",true]]"
'

test_expect_success 'status --json: open support items with exact hours left, most urgent first' '
	status --json >s.json &&
	person s.json alice >a.json &&
	jq_is a.json .support "[
		{\"id\":\"a1sup1\",\"text\":\"Book the usability lab\",\"owner\":\"kim\",\"due\":\"2026-11-25T10:00\",\"hours_left\":-2},
		{\"id\":\"a3sup3\",\"text\":\"Ping the data team\",\"owner\":\"kim\",\"due\":\"2026-11-25T11:30\",\"hours_left\":-1},
		{\"id\":\"a2sup2\",\"text\":\"Send the survey budget\",\"owner\":\"kim\",\"due\":\"2026-11-25T12:30\",\"hours_left\":0},
		{\"id\":\"a5part\",\"text\":\"Get a staging slot\",\"owner\":\"bob\",\"due\":\"2026-11-26T09:00\",\"hours_left\":21}]"
'

test_expect_success 'status --json: focus due (5th working day 18:00, due: dates), most urgent first' '
	status --json >s.json &&
	person s.json alice >a.json &&
	jq_is a.json .focus "[
		{\"id\":\"a7foc2\",\"text\":\"Land the variant\",\"due\":\"2026-11-26T18:00\",\"hours_left\":30},
		{\"id\":\"a8part\",\"text\":\"Write the copy\",\"due\":\"2026-11-27T12:00\",\"hours_left\":48},
		{\"id\":\"a6foc1\",\"text\":\"Call five churned users\",\"due\":\"2026-11-27T18:00\",\"hours_left\":54}]" &&
	jq_is a.json .carried "[]"
'

test_expect_success 'status --json: overdue items of last week (working days skip the weekend)' '
	status --json >s.json &&
	person s.json bob >b.json &&
	jq_is b.json .support "[{\"id\":\"b1sup1\",\"text\":\"Review the design doc\",\"owner\":\"kim\",\"due\":\"2026-11-20T14:00\",\"hours_left\":-118}]" &&
	jq_is b.json .focus "[{\"id\":\"b2foc1\",\"text\":\"Fix the flaky test\",\"due\":\"2026-11-24T18:00\",\"hours_left\":-18}]" &&
	person s.json erin >e.json &&
	jq_is e.json "[.support[] | [.id, .due, .hours_left]]" "[[\"e2sup1\",\"2026-11-18T09:00\",-171]]" &&
	jq_is e.json "[.focus[] | [.id, .due, .hours_left]]" "[[\"e3foc1\",\"2026-11-20T18:00\",-114]]" &&
	person s.json carol >c.json &&
	jq_is c.json "[.support[] | [.id, .due, .hours_left]]" "[[\"c4sup1\",\"2026-11-22T09:00\",-75]]" &&
	jq_is c.json "[.focus[] | [.id, .due, .hours_left]]" "[[\"c3new1\",\"2026-11-26T18:00\",30]]" &&
	person s.json dave >d.json &&
	jq_is d.json "[.support, .focus, .carried]" "[[],[],[]]"
'

test_expect_success 'status --json: items carried open for 2+ consecutive meetings' '
	status --json >s.json &&
	person s.json carol >c.json &&
	jq_is c.json ".carried | sort_by(.id)" "[
		{\"id\":\"c1carr\",\"text\":\"Draft the hiring plan\",\"weeks\":3},
		{\"id\":\"c2carr\",\"text\":\"Interview two candidates\",\"weeks\":2}]" &&
	person s.json erin >e.json &&
	jq_is e.json .carried "[{\"id\":\"e1carr\",\"text\":\"Automate the release\",\"weeks\":2}]" &&
	person s.json bob >b.json &&
	jq_is b.json .carried "[]"
'

test_expect_success 'status --json: missed meetings first, then by the smallest hours left' '
	status --json >s.json &&
	jq -r ".people[] | select(.overdue_meeting) | .person" s.json | sort >missed &&
	printf "dave\nerin\n" >expect &&
	test_cmp expect missed &&
	jq -r ".people[2:][] | .person" s.json >rest &&
	printf "bob\ncarol\nalice\n" >expect &&
	test_cmp expect rest
'

test_expect_success 'status --json: among missed meetings, overdue items make it more urgent' '
	status --json >s.json &&
	jq_is s.json "[.people[].person]" "[\"erin\",\"dave\",\"bob\",\"carol\",\"alice\"]"
'

test_expect_success 'status PERSON: only that person (the leader too when named)' '
	status alice --json >one.json 2>err &&
	test_no_crash err &&
	jq_is one.json "[.people[].person]" "[\"alice\"]" &&
	status --json >s.json &&
	person s.json alice >a.json &&
	jq_is one.json ".people[0]" "$(cat a.json)" &&
	status dave --json >d.json &&
	jq_is d.json "[.people[] | [.person, .overdue_meeting]]" "[[\"dave\",true]]"
'

test_expect_success 'status of an unknown or invalid person exits 2' '
	test_expect_code 2 status zed >out 2>err &&
	test_grep "^notes: .*zed" err &&
	test_expect_code 2 status ../x >out 2>err &&
	test_grep "^notes: .*\.\./x" err &&
	test_expect_code 2 status alice bob >out 2>err
'

test_expect_success 'status depends on NOTES_NOW only: an hour later every hours_left is one less' '
	status --json >s.json &&
	NOTES_NOW=2026-11-25T13:00 notes -C j status --json >s13.json &&
	jq_is s13.json "[.people[] | (.support + .focus)[] | .hours_left]" \
		"$(jq -c "[.people[] | (.support + .focus)[] | .hours_left - 1]" s.json)"
'

test_expect_success 'a slot passed today without a note: bob at 14:30 is missed' '
	NOTES_NOW=2026-11-25T14:30 notes -C j status bob --json >b.json &&
	jq_is b.json "[.people[0].next, .people[0].overdue_meeting]" "[\"2026-11-25T14:00\",true]"
'

test_expect_success 'text mode: every person but the leader, the same order, the figures' '
	status >text 2>err &&
	test_no_crash err &&
	status --json >s.json &&
	jq -r ".people[].person" s.json >order &&
	grep -o -E "^(alice|bob|carol|dave|erin|kim)\b" text >got &&
	test_cmp order got &&
	! grep -E "^kim\b" text &&
	test_grep "^alice\b.*2026-11-23" text &&
	test_grep "^alice\b.*2026-11-30" text &&
	test_grep "^erin\b.*(missed|overdue)" text &&
	test_grep "^dave\b.*(missed|overdue)" text &&
	! grep -E "^(alice|bob|carol)\b.*(missed|overdue)" text &&
	test_grep "Book the usability lab.*a1sup1.*\b2\b.*overdue" text &&
	test_grep "Send the survey budget.*a2sup2.*\b0\b" text &&
	test_grep "Get a staging slot.*a5part.*\b21\b" text &&
	test_grep "Review the design doc.*b1sup1.*\b118\b.*overdue" text &&
	test_grep "Land the variant.*a7foc2.*\b30\b" text &&
	test_grep "Draft the hiring plan.*c1carr.*\b3\b" text &&
	! grep -F "Order the laptop" text &&
	! grep -F "Translate the page" text
'

test_expect_success 'no escape bytes with NO_COLOR or through a pipe' '
	esc=$(printf "\033") &&
	NO_COLOR=1 status >t1 &&
	! grep -q "$esc" t1 &&
	(unset NO_COLOR && NOTES_NOW=$NOW notes -C j status >t2) &&
	! grep -q "$esc" t2 &&
	test -s t2 &&
	(unset NO_COLOR && NOTES_NOW=$NOW notes -C j status --json >t3) &&
	! grep -q "$esc" t3
'

if command -v script >/dev/null 2>&1; then
	test_expect_success 'on a terminal: NO_COLOR=1 turns colour off' '
		NOTES_NOW=$NOW NO_COLOR=1 script -qec "\"$NOTES\" -C j status" /dev/null >tty1 &&
		test_grep "erin" tty1 &&
		! grep -q "$(printf "\033")" tty1
	'
	test_expect_success 'on a terminal without NO_COLOR: colour (the control for the test above)' '
		(unset NO_COLOR && NOTES_NOW=$NOW script -qec "\"$NOTES\" -C j status" /dev/null >tty2) &&
		grep -q "$(printf "\033")" tty2
	'
fi

# Agendas: notes written for meetings still to come, in a copy of the journal.
test_expect_success 'an agenda is the next meeting: its time, and a planned meeting is not missed' '
	cp -R j ja &&
	mkdir ja/dave &&
	printf "%s\n" "---" "person: dave" "leader: kim" "date: 2026-11-26 16:00" "---" \
		"## Blockers" "- No test device #ios" >ja/dave/2026-11-26.md &&
	printf "%s\n" "---" "person: erin" "leader: kim" "date: 2026-11-30 09:00" "---" \
		"## Blockers" "- Waiting on legal #legal" >ja/erin/2026-11-30.md &&
	printf "%s\n" "---" "person: alice" "leader: kim" "date: 2026-12-01 15:00" "---" \
		"## Focus" "- [ ] Planned in the agenda #conv ^a9agnd" >ja/alice/2026-12-01.md &&
	NOTES_NOW=$NOW notes -C ja status --json >s.json 2>err &&
	test_no_crash err &&
	jq_is s.json "[.people[] | [.person, .last, .next, .overdue_meeting]] | sort" \
		"[[\"alice\",\"2026-11-23\",\"2026-12-01T15:00\",false],
		  [\"bob\",\"2026-11-18\",\"2026-11-25T14:00\",false],
		  [\"carol\",\"2026-11-20\",\"2026-11-27T09:00\",false],
		  [\"dave\",null,\"2026-11-26T16:00\",false],
		  [\"erin\",\"2026-11-16\",\"2026-11-30T09:00\",true]]" &&
	status --json >orig.json &&
	person s.json alice >a.json &&
	person orig.json alice >a-orig.json &&
	jq_is a.json "[.support, .focus, .carried]" "$(jq -c "[.support, .focus, .carried]" a-orig.json)" &&
	NOTES_NOW=$NOW notes -C ja status >text &&
	test_grep "^dave  last never, next 2026-11-26T16:00 \(agenda\)$" text &&
	test_grep "^erin  last 2026-11-16, next 2026-11-30T09:00 \(agenda\) \(missed: hold it now\)$" text &&
	test_grep "^alice  last 2026-11-23, next 2026-12-01T15:00 \(agenda\)$" text &&
	status >orig.text &&
	! grep -F "(agenda)" orig.text
'

test_expect_success 'once its time has come, an agenda is the last meeting' '
	NOTES_NOW=2026-11-26T16:00 notes -C ja status dave --json >d.json &&
	jq_is d.json "[.people[0].last, .people[0].next, .people[0].overdue_meeting]" \
		"[\"2026-11-26\",\"2026-12-01T10:00\",false]"
'

test_expect_success 'no slot: next = the last meeting'"'"'s date and time + 7 days' '
	NOTES_NOW=2026-11-01T09:00 notes init noslot --leader kim >out &&
	NOTES_NOW=2026-11-01T09:00 notes -C noslot person add gus --name Gus >out &&
	mkdir noslot/gus &&
	printf "%s\n" "---" "person: gus" "leader: kim" "date: 2026-11-19 15:30" "---" \
		"## Focus" "- [ ] Write the plan #plan ^g1foc1" >noslot/gus/2026-11-19.md &&
	NOTES_NOW=$NOW notes -C noslot status --json >g.json &&
	jq_is g.json "[.people[] | [.person, .last, .next, .overdue_meeting]]" \
		"[[\"gus\",\"2026-11-19\",\"2026-11-26T15:30\",false]]" &&
	jq_is g.json ".people[0].focus" \
		"[{\"id\":\"g1foc1\",\"text\":\"Write the plan\",\"due\":\"2026-11-25T18:00\",\"hours_left\":6}]"
'

test_expect_success 'status of an empty team says so and exits 0' '
	NOTES_NOW=2026-11-01T09:00 notes init solo --leader kim >out &&
	NOTES_NOW=$NOW notes -C solo status --json >s.json &&
	jq_is s.json .people "[]" &&
	NOTES_NOW=$NOW notes -C solo status >text &&
	test -s text
'

test_done
