#!/bin/sh
# t0120-real-notes.sh - notes as editors save them, in a journal: YAML
# front matter from Obsidian, NFD Hangul from macOS, reflowed items,
# grouping bullets, Logseq tasks; and the warnings and errors that say
# what looks wrong instead of reading it silently (### Focus, a copied
# note's front matter, zone offsets, bad due times, UTF-16, columns in
# characters).
. "$(dirname "$0")/lib.sh"

# run STATUS ARGS...: notes -C j ARGS exits STATUS, stdout in out,
# stderr in err, which holds no sanitizer report.
run() {
	want=$1 &&
	shift &&
	test_expect_code "$want" notes -C j "$@" >out 2>err &&
	test_no_crash err
}

# nfd TEXT: TEXT with its Hangul syllables decomposed, as macOS saves it.
nfd() {
	python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", sys.argv[1]))' "$1"
}

# A note of alice with every section, for the week of $1.
clean_note() {
	cat <<-EOF
	---
	person: alice
	leader: kim
	date: $1 10:00
	---
	Purpose: keep the loop.

	## Goals
	- #conversion Raise conversion

	## Blockers
	- Slow deploys #infra
	  - kind: environment
	  - impact: one deploy a day
	## Support within 48 hours
	- [ ] Ask for a staging slot

	## Focus for the next 5 days
	- [ ] Call five users #conversion
	  - metric: calls made

	## Feedback
	- Clear write-up; next time add the sample size.
	EOF
}

test_expect_success 'setup: a journal of kim with alice, minji and dan' '
	export NOTES_NOW=2026-11-20T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com >out 2>err &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com \
		--slot "mon 10:00" >out 2>err &&
	notes -C j person add minji --name "Minji Seo" --email minji@example.com \
		--slot "thu 14:00" >out 2>err &&
	notes -C j person add dan --name "Dan Cho" --email dan@example.com \
		--slot "mon 10:00" >out 2>err &&
	mkdir -p j/alice j/minji j/dan
'

test_expect_success 'Obsidian properties (lists, block scalars, comments, quotes) commit cleanly' '
	export NOTES_NOW=2026-11-23T11:00 &&
	{ cat <<-\EOF && clean_note 2026-11-23 | sed "1,5d"; } >j/alice/2026-11-23.md &&
	---
	tags:
	  - 1on1
	  - team/payments
	aliases: [alice 1on1]
	person: "alice"
	leader: kim  # the leader
	date: 2026-11-23 10:00  # moved from Friday
	summary: >
	  A folded summary: with a colon,
	  over two lines.
	template: |
	  date: 1999-01-01
	---
	EOF
	run 0 check alice &&
	test_cmp /dev/null out &&
	run 0 commit alice &&
	test_grep "^committed alice/2026-11-23.md: alice 2026-11-23: 0/0 done, 1 focus, 1 support, 1 blockers$" out
'

test_expect_success 'a Korean note saved in NFD is read section by section' '
	export NOTES_NOW=2026-11-26T15:00 &&
	nfd "---
person: minji
leader: kim
date: 2026-11-26 14:00
---
목적: 첫 주문까지의 흐름을 정한다.

## 목표
- #온보딩 가입 후 첫 주문 전환율 올리기

## 지금 막힌 것은?
- 리뷰해 줄 사람이 없다 #swift
  - 유형: 역량
  - 영향: 동시성 버그를 추측으로 고친다

## 제가 48시간 안에 도와드릴 것은?
- [ ] 박서준 님과 리뷰 연결
  - 방식: 연결

## 앞으로 5일 동안 집중할 실행은?
- [ ] 첫 주문 안내 화면 실험 설계 #온보딩
  - 지표: 첫 주문 전환율

## 피드백
- 문제를 구체적으로 나눠 와서 좋았어요. 다음에도 그렇게 해 주세요.
" >j/minji/2026-11-26.md &&
	cp j/minji/2026-11-26.md nfd.before &&
	run 0 check minji &&
	test_cmp /dev/null out &&
	run 0 commit minji &&
	test_grep "^committed minji/2026-11-26.md: minji 2026-11-26: 0/0 done, 1 focus, 1 support, 1 blockers$" out &&
	run 0 parse --json minji/2026-11-26.md &&
	jq -r ".blockers[0].kind, .support[0].how, .focus[0].goals[0]" out >actual &&
	printf "capability\nconnect\n온보딩\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the NFD note keeps its bytes: only ids were added' '
	grep -c " \^[0-9a-z]\{6\}$" j/minji/2026-11-26.md >count &&
	echo 2 >expect &&
	test_cmp expect count &&
	sed "s/ \^[0-9a-z]\{6\}$//" j/minji/2026-11-26.md >without-ids &&
	cmp nfd.before without-ids
'

test_expect_success 'a copied note whose front matter names another week and person warns; the path counts' '
	export NOTES_NOW=2026-11-30T11:00 &&
	clean_note 2026-11-23 | sed "s/^person: alice$/person: bob/" >j/dan/2026-11-30.md &&
	run 0 check dan/2026-11-30.md &&
	test_grep "^dan/2026-11-30.md:2:1: warning: front matter says person .bob. but the path says .dan.: the path counts \[path-mismatch\]$" out &&
	test_grep "^dan/2026-11-30.md:4:1: warning: front matter says date 2026-11-23 but the path says 2026-11-30: the path counts \[path-mismatch\]$" out &&
	run 0 parse --json dan/2026-11-30.md &&
	jq -r "[.person, .date, .time, .support[0].due] | join(\" \")" out >actual &&
	echo "dan 2026-11-30 10:00 2026-12-02T10:00" >expect &&
	test_cmp expect actual &&
	rm j/dan/2026-11-30.md
'

test_expect_success 'a zone offset in the front matter date is refused with a word about zones' '
	clean_note 2026-11-30 | sed "s/^person: alice$/person: dan/; s/^date: .*/date: 2026-11-30T10:00+09:00/" >j/dan/2026-11-30.md &&
	run 1 check dan/2026-11-30.md &&
	test_grep "^dan/2026-11-30.md:4:1: error: date .2026-11-30T10:00\+09:00. has a time zone; times in notes are local \(YYYY-MM-DD HH:MM\) \[bad-front-matter\]$" out &&
	rm j/dan/2026-11-30.md
'

test_expect_success 'status and person list never show 1970-01-01 for a note without a usable date' '
	export NOTES_NOW=2026-12-01T09:00 &&
	clean_note 2026-11-30 | sed "s/^person: alice$/person: dan/; s/^date: .*/date: someday/" >j/dan/2026-11-30.md &&
	run 0 status dan &&
	! grep 1970 out &&
	test_grep "^dan +last 2026-11-30" out &&
	run 0 person list &&
	! grep 1970 out &&
	run 0 status --json &&
	jq -r ".people[] | select(.person == \"dan\") | .last" out >actual &&
	echo 2026-11-30 >expect &&
	test_cmp expect actual &&
	rm j/dan/2026-11-30.md
'

test_expect_success 'a ### Focus heading is no section, and check says so on its line' '
	clean_note 2026-11-30 | sed "s/^person: alice$/person: dan/; s/^## Focus for the next 5 days$/### Focus/" >j/dan/2026-11-30.md &&
	run 0 check dan/2026-11-30.md &&
	test_grep "^dan/2026-11-30.md:18:1: warning: .Focus. is a level-3 heading: a section is a level-2 heading \(.## Focus.\) \[not-a-section\]$" out &&
	test_grep "\[missing-section\]$" out &&
	rm j/dan/2026-11-30.md
'

test_expect_success 'due times: a space before the time, a time that is no time, two due dates' '
	cat >j/dan/2026-11-30.md <<-\EOF &&
	---
	person: dan
	leader: kim
	date: 2026-11-30 10:00
	---
	## Support within 48 hours
	- [ ] Book the room due:2026-12-01 09:00
	- [ ] Order the food due:2026-12-01T25:00
	- [ ] Send the invites due:2026-12-01 and again due:2026-12-02
	EOF
	run 1 check dan/2026-11-30.md &&
	test_grep "^dan/2026-11-30.md:8:22: error: due:2026-12-01T25:00: the time is not a time of day \(00:00 to 23:59\) \[bad-date\]$" out &&
	test_grep "^dan/2026-11-30.md:9:49: error: a second due date \(due:2026-12-02\): an item has one, the first counts \[bad-date\]$" out &&
	run 0 parse --json dan/2026-11-30.md &&
	jq -r ".support[0] | [.text, .due] | join(\" | \")" out >actual &&
	echo "Book the room | 2026-12-01T09:00" >expect &&
	test_cmp expect actual &&
	rm j/dan/2026-11-30.md
'

test_expect_success 'columns count characters, not bytes, after Hangul' '
	cat >j/minji/2026-12-03.md <<-\EOF &&
	---
	person: minji
	leader: kim
	date: 2026-12-03 14:00
	---
	## 앞으로 5일 동안 집중할 실행
	- [ ] 가입 화면 실험 due:2026-02-30
	EOF
	run 1 check minji/2026-12-03.md &&
	test_grep "^minji/2026-12-03.md:7:16: error: due:2026-02-30 is not a real date \[bad-date\]$" out &&
	rm j/minji/2026-12-03.md
'

test_expect_success 'a UTF-16 note is named as UTF-16 and not committed' '
	clean_note 2026-11-30 >utf8.md &&
	python3 -c "import sys; d = open(sys.argv[1], encoding=\"utf-8\").read(); open(sys.argv[2], \"wb\").write(b\"\xff\xfe\" + d.encode(\"utf-16-le\"))" utf8.md j/alice/2026-11-30.md &&
	cp j/alice/2026-11-30.md utf16.before &&
	run 1 check alice/2026-11-30.md &&
	test_grep "^alice/2026-11-30.md:1:1: error: the file is UTF-16 \(little-endian\) text: save it as UTF-8 \[bad-encoding\]$" out &&
	before=$(git -C j rev-parse HEAD) &&
	run 1 commit alice/2026-11-30.md &&
	test "$(git -C j rev-parse HEAD)" = "$before" &&
	cmp utf16.before j/alice/2026-11-30.md &&
	rm j/alice/2026-11-30.md
'

test_expect_success 'commit adds the id before a hard line break, and the item keeps its paragraph' '
	export NOTES_NOW=2026-11-30T11:00 &&
	clean_note 2026-11-30 >j/alice/2026-11-30.md &&
	cat >>j/alice/2026-11-30.md <<-\EOF &&

	## Notes
	EOF
	python3 - <<-\EOF &&
	p = "j/alice/2026-11-30.md"
	s = open(p).read()
	s = s.replace("- [ ] Ask for a staging slot\n",
	              "- [ ] Ask for a staging slot  \n  for the whole week\n"
	              "- [ ] Review the runbook\\\n  with the on-call team\n")
	open(p, "w").write(s)
	EOF
	run 0 commit --force alice/2026-11-30.md &&
	test_grep "^- \[ \] Ask for a staging slot \^[0-9a-z]{6}  $" j/alice/2026-11-30.md &&
	test_grep "^- \[ \] Review the runbook \^[0-9a-z]{6}\\\\$" j/alice/2026-11-30.md &&
	run 0 parse --json alice/2026-11-30.md &&
	jq -r ".support[] | select(.id) | .text" out >actual &&
	printf "Ask for a staging slot for the whole week\nReview the runbook with the on-call team\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'an id that a reflow moved to the second line is kept: no new id, no loop-broken' '
	export NOTES_NOW=2026-12-07T09:00 &&
	id=$(notes -C j parse alice/2026-11-30.md --json | jq -r ".focus[0].id") &&
	sed -i "s/^- \[ \] Call five users #conversion \^$id$/- [ ] Call five users\n  #conversion ^$id/" j/alice/2026-11-30.md &&
	test_grep "^  #conversion \^$id$" j/alice/2026-11-30.md &&
	git -C j -c user.name=Kim -c user.email=kim@example.com commit -q -am "reflowed" &&
	run 0 new alice --no-edit &&
	test_grep "^  #conversion \^$id$" j/alice/2026-12-07.md &&
	export NOTES_NOW=2026-12-07T10:30 &&
	run 1 check alice/2026-12-07.md &&
	! grep "loop-broken" out &&
	grep -c "\^$id" j/alice/2026-12-07.md >count &&
	echo 1 >expect &&
	test_cmp expect count &&
	rm j/alice/2026-12-07.md
'

test_expect_success 'tasks under grouping bullets get ids; the grouping bullet does not' '
	export NOTES_NOW=2026-12-07T11:00 &&
	clean_note 2026-12-07 | sed "/^## Focus/,/^## Feedback/{/^## Focus/!{/^## Feedback/!d}}" >j/alice/2026-12-07.md &&
	python3 - <<-\EOF &&
	p = "j/alice/2026-12-07.md"
	s = open(p).read()
	s = s.replace("## Feedback", "- Funnel\n  - [ ] Rewrite the signup copy #conversion\n    - metric: signups\n"
	              "  - [ ] Test a shorter form #conversion\n    - metric: completion\n\n## Feedback")
	open(p, "w").write(s)
	EOF
	run 0 commit --force alice/2026-12-07.md &&
	test_grep "^- Funnel$" j/alice/2026-12-07.md &&
	test_grep "^  - \[ \] Rewrite the signup copy #conversion \^[0-9a-z]{6}$" j/alice/2026-12-07.md &&
	test_grep "^  - \[ \] Test a shorter form #conversion \^[0-9a-z]{6}$" j/alice/2026-12-07.md &&
	test_grep "2 focus, 1 support" out
'

test_expect_success 'the next note carries the tasks under the grouping bullet into the review' '
	export NOTES_NOW=2026-12-14T09:00 &&
	run 0 new alice --no-edit &&
	sed -n "/^## How did/,/^## What is/p" j/alice/2026-12-14.md >review &&
	test_grep "^- \[ \] Rewrite the signup copy #conversion \^[0-9a-z]{6}$" review &&
	test_grep "^- \[ \] Test a shorter form #conversion \^[0-9a-z]{6}$" review &&
	! grep Funnel review
'

test_expect_success 'notes done ticks a Logseq TODO item' '
	export NOTES_NOW=2026-12-14T11:00 &&
	sed -i "/^## What should I help/a - TODO Book the demo room" j/alice/2026-12-14.md &&
	run 0 parse --json alice/2026-12-14.md &&
	jq -e "[.support[] | select(.text == \"Book the demo room\")][0].status == \"open\"" out &&
	run 0 commit --force alice/2026-12-14.md &&
	notes -C j parse alice/2026-12-14.md --json >p.json &&
	id=$(jq -r ".support[] | select(.text == \"Book the demo room\") | .id" p.json) &&
	test_grep "^- TODO Book the demo room \^$id$" j/alice/2026-12-14.md &&
	export NOTES_NOW=2026-12-15T09:00 &&
	run 0 done "$id" &&
	test_grep "^- \[x\] TODO Book the demo room \^$id$" j/alice/2026-12-14.md &&
	run 0 parse --json alice/2026-12-14.md &&
	jq -e "[.support[] | select(.id == \"$id\")][0] | .status == \"done\" and .text == \"Book the demo room\"" out
'

test_expect_success 'tags compare without case: #Conversion the goal, #conversion the task' '
	clean_note 2026-11-30 | sed "s/^- #conversion Raise conversion$/- #Conversion Raise conversion/" >case.md &&
	test_grep "^- #Conversion " case.md &&
	test_expect_code 0 notes check case.md >out 2>err &&
	test_no_crash err &&
	! grep unknown-goal out &&
	clean_note 2026-11-30 | sed "s/#conversion$/#other/" >other.md &&
	test_expect_code 0 notes check other.md >out 2>err &&
	test_grep "#other is not one of this note.s goals \[unknown-goal\]$" out
'

test_done
