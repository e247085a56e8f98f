#!/bin/sh
# t0500-review.sh - known answers from notes review: a journal of four weekly
# notes (one week skipped) committed at controlled times; every figure of
# review --json is asserted exactly, narrowed with --since/--until, and again
# on a clone (history is the source of truth); text mode prints the figures.
. "$(dirname "$0")/lib.sh"

# review [ARGS...]: notes review alice --json ARGS, as of 2026-12-02 12:00.
review() {
	NOTES_NOW=2026-12-02T12:00 notes -C j review alice --json "$@"
}

# jq_is FILE FILTER EXPECTED-JSON: the filter's value equals EXPECTED.
jq_is() {
	if ! jq -e --argjson want "$3" "($2) == \$want" "$1" >/dev/null; then
		echo "$2: expected $3, got $(jq -c "$2" "$1")" >&2
		return 1
	fi
}

test_expect_success 'setup: the journal' '
	export NOTES_NOW=2026-11-01T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com --slot "mon 10:00" &&
	mkdir j/alice
'

# Week 45: three focus items, two support items, the #infra blocker.
test_expect_success 'week 45: the first note, committed at 11:00' '
	cat >j/alice/2026-11-02.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-02 10:00
	---

	# 1:1 — Alice Park — 2026-11-02

	## Goals
	- #conv Raise checkout conversion to 3%
	- #data Move reporting to the warehouse

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment

	## Support within 48 hours
	- [ ] Ask the platform team for a staging slot ^s1kept
	- [ ] Review the survey draft ^s2late

	## Focus for the next 5 days
	- [ ] Call five churned users #conv ^f1done
	  - metric: calls held
	- [ ] Launch the in-app survey #conv ^f2asmp
	  - metric: answers
	- [ ] Migrate the reports #data ^f4carr
	  - metric: reports migrated

	## Feedback
	- Clear priorities.
	EOF
	NOTES_NOW=2026-11-02T11:00 notes -C j commit alice/2026-11-02.md >out 2>err &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-02T11:00:00+00:00
'

test_expect_success 'support ticked 30 hours after the meeting, and one 60 hours after' '
	NOTES_NOW=2026-11-03T16:00 notes -C j done s1kept >out 2>err &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-03T16:00:00+00:00 &&
	NOTES_NOW=2026-11-04T22:00 notes -C j done s2late >out 2>err &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-04T22:00:00+00:00
'

# Week 46: the review (one done, one dropped on a wrong assumption, one
# reworded and still open), an untagged blocker, new support and focus.
test_expect_success 'week 46: the review, committed with GIT_COMMITTER_DATE' '
	cat >j/alice/2026-11-09.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-09 10:00
	---

	## Goals
	- #conv Raise checkout conversion to 3%
	- #data Move reporting to the warehouse

	## Last week'"'"'s commitments
	- [x] Call five churned users #conv ^f1done
	- [-] Launch the in-app survey #conv ^f2asmp
	  - cause: assumption
	  - learning: users ignore in-app surveys; ask in the cancel flow
	- [ ] Migrate the weekly reports to the warehouse #data ^f4carr
	  - cause: execution
	  - learning: the migration needs a full day; book it
	- [x] Ask the platform team for a staging slot ^s1kept
	- [x] Review the survey draft ^s2late

	## Blockers
	- No access to analytics
	  - kind: capability
	- Laptop is slow
	  - kind: environment

	## Support within 48 hours
	- [ ] Get alice analytics access ^s4done

	## Focus for the next 5 days
	- [ ] Write the pricing page copy #conv ^f3exec
	  - metric: pages drafted

	## Feedback
	- Good call dropping the survey early.
	EOF
	GIT_COMMITTER_DATE="2026-11-09T11:00:00+0000" GIT_AUTHOR_DATE="2026-11-09T11:00:00+0000" \
		notes -C j commit alice >out 2>err &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-09T11:00:00+00:00
'

test_expect_success 'support ticked late by its commit but with a done: time within 48 hours' '
	NOTES_NOW=2026-11-13T09:00 notes -C j done s4done --at 2026-11-10T09:00 >out 2>err &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-13T09:00:00+00:00 &&
	test_grep "^  - done: 2026-11-10T09:00$" j/alice/2026-11-09.md
'

test_expect_success 'week 47: partial on execution, #infra again, the blocker text in other case' '
	cat >j/alice/2026-11-16.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-16 10:00
	---

	## Goals
	- #conv Raise checkout conversion to 3%
	- #data Move reporting to the warehouse

	## Review
	- [~] Write the pricing page copy #conv ^f3exec
	  - cause: execution
	  - learning: book focus time before promising copy
	- [x] Get alice analytics access ^s4done
	- [ ] Migrate the weekly reports to the warehouse #data ^f4carr
	  - cause: execution
	  - learning: split the migration into one report a day

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment
	- No access to   Analytics
	  - kind: capability

	## Support
	- [ ] Introduce alice to the data team ^s5open

	## Focus
	- [ ] Ship the pricing A/B test #conv ^f6unkn
	  - metric: test live

	## Feedback
	- The copy draft reads well.
	EOF
	NOTES_NOW=2026-11-16T11:00 notes -C j commit alice >out 2>err &&
	test "$(git -C j log -1 --format=%s)" = "alice 2026-11-16: 1/3 done, 1 focus, 1 support, 2 blockers"
'

# Week 48 is skipped. Week 49: a drop with no cause, the reworded support
# item still open (execution), two #infra blockers in one meeting, and a new
# focus item without an id (notes commit gives it one).
test_expect_success 'week 49 (week 48 skipped): the last note' '
	cat >j/alice/2026-11-30.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---

	## Goals
	- #conv Raise checkout conversion to 3%

	## Review
	- [-] Ship the pricing A/B test #conv ^f6unkn
	- [ ] Introduce alice to the data-platform team ^s5open
	  - cause: execution
	  - learning: the leader forgot; put support items in the calendar
	- [x] Migrate the weekly reports to the warehouse #data ^f4carr

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment
	- Staging database is shared #infra
	  - kind: environment

	## Focus
	- [ ] Write the Q1 plan #conv
	  - metric: plan reviewed

	## Feedback
	- Thanks for the honest review.
	EOF
	NOTES_NOW=2026-11-30T11:00 notes -C j commit alice >out 2>err &&
	test_grep "^- \[ \] Write the Q1 plan #conv \^[0-9a-z]{6}$" j/alice/2026-11-30.md &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st &&
	test "$(git -C j rev-list --count HEAD)" = 9
'

test_expect_success 'review --json: the range, meetings held vs weeks' '
	review >r.json 2>err &&
	test_no_crash err &&
	test "$(wc -l <r.json)" = 1 &&
	jq_is r.json .person "\"alice\"" &&
	jq_is r.json .since "\"2026-11-02\"" &&
	jq_is r.json .until "\"2026-12-02\"" &&
	jq_is r.json .meetings "{\"held\":4,\"weeks\":5}"
'

test_expect_success 'review --json: focus totals and rate (reworded item counted once)' '
	review >r.json &&
	jq_is r.json .focus "{\"total\":6,\"done\":2,\"partial\":1,\"dropped\":2,\"open\":1,\"rate\":0.4}"
'

test_expect_success 'review --json: every miss, in the week reviewed (f4carr missed twice; the newest open item not yet)' '
	review >r.json &&
	jq_is r.json .causes "{\"execution\":4,\"assumption\":1,\"unknown\":1}"
'

test_expect_success 'review --json: support kept within 48 h (30 h, done: field), late (60 h), open' '
	review >r.json &&
	jq_is r.json .support "{\"total\":4,\"kept\":2,\"late\":1,\"open\":1}"
'

test_expect_success 'review --json: recurring blockers by #tag (once a meeting) and by text' '
	review >r.json &&
	jq_is r.json "[.recurring_blockers[] | select(.key == \"#infra\")]" \
		"[{\"key\":\"#infra\",\"count\":3,\"weeks\":[\"2026-W45\",\"2026-W47\",\"2026-W49\"]}]" &&
	jq_is r.json "[.recurring_blockers[] | select(.key == \"no access to analytics\")]" \
		"[{\"key\":\"no access to analytics\",\"count\":2,\"weeks\":[\"2026-W46\",\"2026-W47\"]}]" &&
	jq_is r.json ".recurring_blockers | length" 2
'

test_expect_success 'review --json: carried items, longest first, with their latest text' '
	review >r.json &&
	jq_is r.json .carried "[{\"id\":\"f4carr\",\"text\":\"Migrate the weekly reports to the warehouse\",\"weeks\":3},{\"id\":\"s5open\",\"text\":\"Introduce alice to the data-platform team\",\"weeks\":2}]"
'

test_expect_success 'review --json: learnings, one per review entry with a learning' '
	review >r.json &&
	cat >want.json <<-\EOF &&
	[{"id":"f2asmp","text":"Launch the in-app survey","cause":"assumption","learning":"users ignore in-app surveys; ask in the cancel flow","week":"2026-W46"},
	 {"id":"f4carr","text":"Migrate the weekly reports to the warehouse","cause":"execution","learning":"the migration needs a full day; book it","week":"2026-W46"},
	 {"id":"f3exec","text":"Write the pricing page copy","cause":"execution","learning":"book focus time before promising copy","week":"2026-W47"},
	 {"id":"f4carr","text":"Migrate the weekly reports to the warehouse","cause":"execution","learning":"split the migration into one report a day","week":"2026-W47"},
	 {"id":"s5open","text":"Introduce alice to the data-platform team","cause":"execution","learning":"the leader forgot; put support items in the calendar","week":"2026-W49"}]
	EOF
	jq_is r.json .learnings "$(jq -c . want.json)"
'

test_expect_success 'review --json: the per-week series, one entry per note' '
	review >r.json &&
	cat >want.json <<-\EOF &&
	[{"week":"2026-W45","date":"2026-11-02","focus":3,"done":2,"support":2,"support_kept":1,"blockers":1},
	 {"week":"2026-W46","date":"2026-11-09","focus":1,"done":0,"support":1,"support_kept":1,"blockers":2},
	 {"week":"2026-W47","date":"2026-11-16","focus":1,"done":0,"support":1,"support_kept":0,"blockers":2},
	 {"week":"2026-W49","date":"2026-11-30","focus":1,"done":0,"support":0,"support_kept":0,"blockers":2}]
	EOF
	jq_is r.json .weeks "$(jq -c . want.json)"
'

test_expect_success 'review --json: feedback by week' '
	review >r.json &&
	jq_is r.json .feedback "[{\"week\":\"2026-W45\",\"text\":\"Clear priorities.\"},{\"week\":\"2026-W46\",\"text\":\"Good call dropping the survey early.\"},{\"week\":\"2026-W47\",\"text\":\"The copy draft reads well.\"},{\"week\":\"2026-W49\",\"text\":\"Thanks for the honest review.\"}]"
'

test_expect_success 'review --json: the object has every field of the contract' '
	review >r.json &&
	jq_is r.json "keys" "[\"carried\",\"causes\",\"feedback\",\"focus\",\"learnings\",\"meetings\",\"person\",\"recurring_blockers\",\"since\",\"support\",\"until\",\"weeks\"]"
'

test_expect_success 'review --since/--until narrows to weeks 46-47' '
	review --since 2026-11-09 --until 2026-11-16 >r.json 2>err &&
	test_no_crash err &&
	jq_is r.json "[.since, .until]" "[\"2026-11-09\",\"2026-11-16\"]" &&
	jq_is r.json .meetings "{\"held\":2,\"weeks\":2}" &&
	jq_is r.json .focus "{\"total\":2,\"done\":0,\"partial\":1,\"dropped\":1,\"open\":0,\"rate\":0}" &&
	jq_is r.json .causes "{\"execution\":3,\"assumption\":1,\"unknown\":0}" &&
	jq_is r.json .support "{\"total\":2,\"kept\":1,\"late\":0,\"open\":1}" &&
	jq_is r.json .recurring_blockers "[{\"key\":\"no access to analytics\",\"count\":2,\"weeks\":[\"2026-W46\",\"2026-W47\"]}]" &&
	jq_is r.json .carried "[{\"id\":\"f4carr\",\"text\":\"Migrate the weekly reports to the warehouse\",\"weeks\":2}]" &&
	jq_is r.json "[.learnings[] | .id + \" \" + .week]" "[\"f2asmp 2026-W46\",\"f4carr 2026-W46\",\"f3exec 2026-W47\",\"f4carr 2026-W47\"]" &&
	jq_is r.json "[.weeks[].date]" "[\"2026-11-09\",\"2026-11-16\"]" &&
	jq_is r.json "[.feedback[].week]" "[\"2026-W46\",\"2026-W47\"]"
'

test_expect_success 'review --until alone: weeks 45-46' '
	review --until 2026-11-09 >r.json &&
	jq_is r.json "[.since, .until]" "[\"2026-11-02\",\"2026-11-09\"]" &&
	jq_is r.json .meetings "{\"held\":2,\"weeks\":2}" &&
	jq_is r.json .focus "{\"total\":4,\"done\":2,\"partial\":1,\"dropped\":1,\"open\":0,\"rate\":0.5}" &&
	jq_is r.json .causes "{\"execution\":1,\"assumption\":1,\"unknown\":0}" &&
	jq_is r.json .support "{\"total\":3,\"kept\":2,\"late\":1,\"open\":0}" &&
	jq_is r.json .recurring_blockers "[]" &&
	jq_is r.json .carried "[{\"id\":\"f4carr\",\"text\":\"Migrate the weekly reports to the warehouse\",\"weeks\":2}]"
'

test_expect_success 'review --since alone: only the newest note; no closed focus item -> rate null' '
	review --since 2026-11-23 >r.json &&
	jq_is r.json "[.since, .until]" "[\"2026-11-23\",\"2026-12-02\"]" &&
	jq_is r.json .meetings "{\"held\":1,\"weeks\":2}" &&
	jq_is r.json .focus "{\"total\":1,\"done\":0,\"partial\":0,\"dropped\":0,\"open\":1,\"rate\":null}" &&
	jq_is r.json .causes "{\"execution\":1,\"assumption\":0,\"unknown\":1}" &&
	jq_is r.json .support "{\"total\":0,\"kept\":0,\"late\":0,\"open\":0}" &&
	jq_is r.json .recurring_blockers "[]" &&
	jq_is r.json .carried "[]" &&
	jq_is r.json "[.learnings[].id]" "[\"s5open\"]" &&
	jq_is r.json "[.weeks[].week]" "[\"2026-W49\"]"
'

test_expect_success 'review of a range with no meeting: zero held, every week counted' '
	review --since 2026-11-23 --until 2026-11-29 >r.json &&
	jq_is r.json .meetings "{\"held\":0,\"weeks\":1}" &&
	jq_is r.json .weeks "[]" &&
	jq_is r.json .focus.total 0
'

test_expect_success 'review: a bad date or an unknown person exits 2' '
	test_expect_code 2 review --since yesterday >out 2>err &&
	test_grep "^notes: .*yesterday" err &&
	test_expect_code 2 review --until 2026-02-30 >out 2>err &&
	NOTES_NOW=2026-12-02T12:00 test_expect_code 2 notes -C j review zed --json >out 2>err &&
	test_grep "^notes: .*zed" err
'

test_expect_success 'the same answers from a clone: history is the source of truth' '
	review >orig.json &&
	review --since 2026-11-09 --until 2026-11-16 >orig-range.json &&
	git clone -q j clone &&
	NOTES_NOW=2026-12-02T12:00 notes -C clone review alice --json >clone.json 2>err &&
	test_no_crash err &&
	test_cmp orig.json clone.json &&
	NOTES_NOW=2026-12-02T12:00 notes -C clone review alice --json \
		--since 2026-11-09 --until 2026-11-16 >clone-range.json &&
	test_cmp orig-range.json clone-range.json
'

test_expect_success 'uncommitted edits in the work tree do not change the review' '
	sed -i "s/^- \[-\] Ship the pricing/- [x] Ship the pricing/" clone/alice/2026-11-30.md &&
	rm clone/alice/2026-11-02.md &&
	NOTES_NOW=2026-12-02T12:00 notes -C clone review alice --json >clone2.json &&
	test_cmp orig.json clone2.json
'

test_expect_success 'review text mode prints the figures' '
	NOTES_NOW=2026-12-02T12:00 notes -C j review alice >text 2>err &&
	test_no_crash err &&
	test_grep "alice" text &&
	test_grep "2026-11-02" text &&
	test_grep "2026-12-02" text &&
	test_grep "\b4\b.*held|held.*\b4\b" text &&
	test_grep "held.*\b5\b.*week|\b5\b.*week.*held" text &&
	test_grep "\b2\b done" text &&
	test_grep "\b1\b partial" text &&
	test_grep "\b2\b dropped" text &&
	test_grep "40 ?%" text &&
	test_grep "\b4\b execution" text &&
	test_grep "\b1\b assumption" text &&
	test_grep "\b2\b kept" text &&
	test_grep "\b1\b late" text &&
	test_grep "#infra.*\b3\b" text &&
	test_grep "no access to analytics.*\b2\b" text &&
	test_grep "Migrate the weekly reports to the warehouse.*f4carr.*\b3\b" text &&
	test_grep "Introduce alice to the data-platform team.*s5open.*\b2\b" text &&
	test_grep "put support items in the calendar" text &&
	! grep -q "$(printf "\033")" text
'

# bob: support delivered by editing the note and committing it (no notes
# done), one ticked exactly 48 hours after, one ticked only in next week's review.
test_expect_success 'bob: support ticked by a plain commit, at exactly 48 h, and in the next review' '
	NOTES_NOW=2026-11-01T09:30 notes -C j person add bob --name "Bob Lee" --email bob@example.com &&
	mkdir j/bob &&
	cat >j/bob/2026-11-02.md <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-02 14:00
	---
	## Goals
	- #search Faster search
	## Blockers
	- Flaky CI #ci
	  - kind: environment
	## Support
	- [ ] Order a second CI runner ^b1kept
	- [ ] Ask security for a review slot ^b2edge
	- [ ] Share the load-test budget ^b3late
	## Focus
	- [ ] Profile the search endpoint #search ^b4foc1
	  - metric: p99
	## Feedback
	- Good.
	EOF
	NOTES_NOW=2026-11-02T15:00 notes -C j commit bob >out 2>err &&
	sed -i "s/- \[ \] Order a second CI runner/- [x] Order a second CI runner/" j/bob/2026-11-02.md &&
	NOTES_NOW=2026-11-03T10:00 notes -C j commit bob >out 2>err &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: b1kept$" trailers &&
	NOTES_NOW=2026-11-04T14:00 notes -C j done b2edge >out 2>err &&
	cat >j/bob/2026-11-09.md <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-09 14:00
	---
	## Review
	- [x] Profile the search endpoint #search ^b4foc1
	- [x] Order a second CI runner ^b1kept
	- [x] Ask security for a review slot ^b2edge
	- [x] Share the load-test budget ^b3late
	## Blockers
	- Flaky CI #ci
	  - kind: environment
	## Focus
	- [ ] Cache the query plans #search ^b5foc2
	  - metric: p99
	## Feedback
	- Good.
	EOF
	NOTES_NOW=2026-11-09T15:00 notes -C j commit bob >out 2>err &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: .*b4foc1" trailers &&
	NOTES_NOW=2026-12-02T12:00 notes -C j review bob --json >b.json &&
	jq_is b.json .support "{\"total\":3,\"kept\":2,\"late\":1,\"open\":0}" &&
	jq_is b.json .focus "{\"total\":2,\"done\":1,\"partial\":0,\"dropped\":0,\"open\":1,\"rate\":1}" &&
	jq_is b.json .causes "{\"execution\":0,\"assumption\":0,\"unknown\":0}" &&
	jq_is b.json .recurring_blockers "[{\"key\":\"#ci\",\"count\":2,\"weeks\":[\"2026-W45\",\"2026-W46\"]}]" &&
	jq_is b.json .meetings "{\"held\":2,\"weeks\":5}" &&
	jq_is b.json "[.weeks[] | [.support, .support_kept]]" "[[3,2],[0,0]]"
'

test_expect_success 'alice'"'"'s answers do not change when bob'"'"'s notes are added' '
	review >after.json &&
	test_cmp orig.json after.json
'

# carol: a support item missed in its review (cause: execution) and
# delivered afterwards: notes done ticks it in that review, its latest note.
test_expect_success 'carol: a miss delivered after its review still counts, with its cause' '
	NOTES_NOW=2026-11-01T09:40 notes -C j person add carol >out 2>err &&
	mkdir j/carol &&
	cat >j/carol/2026-11-02.md <<-\EOF &&
	---
	person: carol
	leader: kim
	date: 2026-11-02 15:00
	---
	## Support
	- [ ] Book the usability lab ^c1late
	EOF
	NOTES_NOW=2026-11-02T16:00 notes -C j commit carol >out 2>err &&
	cat >j/carol/2026-11-09.md <<-\EOF &&
	---
	person: carol
	leader: kim
	date: 2026-11-09 15:00
	---
	## Review
	- [ ] Book the usability lab ^c1late
	  - cause: execution
	  - learning: the lab books a week ahead; ask on Monday
	EOF
	NOTES_NOW=2026-11-09T16:00 notes -C j commit carol >out 2>err &&
	NOTES_NOW=2026-11-10T10:00 notes -C j done c1late >out 2>err &&
	test_grep "^- \[x\] Book the usability lab \^c1late$" j/carol/2026-11-09.md &&
	NOTES_NOW=2026-12-02T12:00 notes -C j review carol --json >c.json &&
	jq_is c.json .causes "{\"execution\":1,\"assumption\":0,\"unknown\":0}" &&
	jq_is c.json "[.learnings[] | [.id, .cause, .week]]" "[[\"c1late\",\"execution\",\"2026-W46\"]]" &&
	jq_is c.json .support "{\"total\":1,\"kept\":0,\"late\":1,\"open\":0}"
'

# An agenda: alice's next note, committed before its meeting; until the
# meeting time it is no meeting held, and its review counts no miss.
test_expect_success 'an agenda is not a meeting held until its time has come' '
	id=$(sed -n "s/^- \[ \] Write the Q1 plan #conv \^\([0-9a-z]*\)$/\1/p" j/alice/2026-11-30.md) &&
	test -n "$id" &&
	cat >j/alice/2026-12-07.md <<-EOF &&
	---
	person: alice
	leader: kim
	date: 2026-12-07 10:00
	---

	## Goals
	- #conv Raise checkout conversion to 3%

	## Review
	- [ ] Write the Q1 plan #conv ^$id
	  - cause: execution
	  - learning: the plan needs the finance numbers first

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment
	EOF
	NOTES_NOW=2026-12-07T08:00 notes -C j commit alice >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo "alice 2026-12-07: agenda" >expect &&
	test_cmp expect subject &&
	NOTES_NOW=2026-12-07T09:00 notes -C j review alice --json >before.json &&
	jq_is before.json "[.until, .meetings.held, .meetings.weeks]" "[\"2026-12-07\",4,6]" &&
	jq_is before.json .causes "{\"execution\":4,\"assumption\":1,\"unknown\":1}" &&
	jq_is before.json "[.weeks[].week]" "[\"2026-W45\",\"2026-W46\",\"2026-W47\",\"2026-W49\"]" &&
	jq_is before.json "[.recurring_blockers[] | select(.key == \"#infra\") | .count]" "[3]" &&
	jq_is before.json "[.learnings[].week] | unique" "[\"2026-W46\",\"2026-W47\",\"2026-W49\"]" &&
	NOTES_NOW=2026-12-07T10:00 notes -C j review alice --json >after.json &&
	jq_is after.json .meetings "{\"held\":5,\"weeks\":6}" &&
	jq_is after.json .causes "{\"execution\":5,\"assumption\":1,\"unknown\":1}" &&
	jq_is after.json "[.weeks[].week] | last" "\"2026-W50\"" &&
	jq_is after.json "[.recurring_blockers[] | select(.key == \"#infra\") | .count]" "[4]"
'

test_done
