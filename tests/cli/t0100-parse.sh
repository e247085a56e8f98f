#!/bin/sh
# t0100-parse.sh - notes parse: text and JSON output, several files,
# options, usage errors and unreadable files.
. "$(dirname "$0")/lib.sh"

CASES=$ROOT/tests/cases/parse

# test_must_be_empty FILE: FILE exists and is empty.
test_must_be_empty() {
	if ! [ -f "$1" ] || [ -s "$1" ]; then
		echo "'$1' is not empty:" >&2
		cat "$1" >&2
		return 1
	fi
}

# A small note with one item in every section and no problems.
write_note() {
	cat >"$1" <<-'EOF'
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	Purpose: plan the conversion work.

	## Goals
	- #conversion Raise conversion

	## Last week's commitments
	- [~] Interview users ^m2d7xe
	  - cause: assumption
	  - learning: call them

	## Blockers
	- Slow deploys #infra
	  - kind: environment
	  - impact: one deploy a day

	## Support within 48 hours
	- [ ] Ask for a staging slot ^p8w2rt

	## Focus for the next 5 days
	- [ ] Call five users #conversion ^h4c6yn
	  - metric: calls made

	## Feedback
	- Clear write-up; next time add the numbers.
	EOF
}

test_expect_success 'text output lists every section of a note' '
	write_note note.md &&
	notes parse note.md >out 2>err &&
	cat >expect <<-\EOF &&
	note.md: alice with kim, 2026-11-23 10:00 (2026-W48)
	  goals       #conversion Raise conversion
	  review      [~] Interview users ^m2d7xe
	              cause: assumption
	              learning: call them
	  blockers    Slow deploys #infra
	              kind: environment
	              impact: one deploy a day
	  support     [ ] Ask for a staging slot @kim due 2026-11-25T10:00 ^p8w2rt
	  focus       [ ] Call five users #conversion @alice due 2026-11-27T18:00 ^h4c6yn
	              metric: calls made
	  feedback    Clear write-up; next time add the numbers.
	EOF
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'text output shows a date without time and counts problems' '
	cat >p.md <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-28
	---
	## Focus for the next 5 days
	- [?] Fix the build
	EOF
	notes parse p.md >out 2>err &&
	head -n 1 out >first &&
	echo "p.md: bob with kim, 2026-11-28 (2026-W48)" >expect &&
	test_cmp expect first &&
	test_grep "^  focus       \[ \] Fix the build @bob due 2026-12-04T18:00$" out &&
	test_grep "^  problems    1 error, 6 warnings \(see .notes check.\)$" out &&
	test_must_be_empty err
'

test_expect_success '--json prints one compact JSON object on one line' '
	write_note note.md &&
	notes parse --json note.md >out &&
	test $(wc -l <out) -eq 1 &&
	jq -e "type == \"object\"" out >/dev/null &&
	jq -r "[.file, .person, .leader, .date, .time, .week] | join(\" \")" out >actual &&
	echo "note.md alice kim 2026-11-23 10:00 2026-W48" >expect &&
	test_cmp expect actual &&
	jq -c "[.support[0].owner, .support[0].due, .focus[0].owner, .focus[0].due, .problems]" out >actual &&
	echo "[\"kim\",\"2026-11-25T10:00\",\"alice\",\"2026-11-27T18:00\",[]]" >expect &&
	test_cmp expect actual
'

test_expect_success '--json carries every key of the contract, absent values as null' '
	write_note note.md &&
	notes parse --json note.md >out &&
	jq -c "keys_unsorted" out >actual &&
	echo "[\"file\",\"person\",\"leader\",\"date\",\"time\",\"week\",\"goals\",\"review\",\"blockers\",\"support\",\"focus\",\"feedback\",\"problems\"]" >expect &&
	test_cmp expect actual &&
	jq -c "[(.goals[0]|keys), (.review[0]|keys), (.blockers[0]|keys), (.support[0]|keys), (.focus[0]|keys), (.feedback[0]|keys)]" out >actual &&
	cat >expect <<-\EOF &&
	[["line","tag","text"],["cause","due","goals","id","learning","line","owner","status","text"],["impact","kind","line","resolved","scope","tags","text"],["due","how","id","impact","line","owner","status","text"],["due","fallback","goals","id","line","metric","owner","status","text"],["line","text"]]
	EOF
	test_cmp expect actual &&
	jq -c "[.review[0].owner, .review[0].due, .support[0].how, .focus[0].fallback]" out >actual &&
	echo "[null,null,null,null]" >expect &&
	test_cmp expect actual
'

test_expect_success '--json may come after the files' '
	write_note note.md &&
	notes parse note.md --json >out &&
	jq -r .person out >actual &&
	echo alice >expect &&
	test_cmp expect actual
'

test_expect_success 'several files print one JSON line each, in order' '
	write_note a.md &&
	sed "s/person: alice/person: bob/" a.md >b.md &&
	mkdir -p carol &&
	sed "1,5d" a.md >carol/2026-11-30.md &&
	notes parse --json a.md b.md carol/2026-11-30.md >out &&
	test $(wc -l <out) -eq 3 &&
	jq -c "[.file, .person, .date]" out >actual &&
	cat >expect <<-\EOF &&
	["a.md","alice","2026-11-23"]
	["b.md","bob","2026-11-23"]
	["carol/2026-11-30.md","carol","2026-11-30"]
	EOF
	test_cmp expect actual
'

test_expect_success 'several files in text mode print one summary each' '
	write_note a.md &&
	sed "s/person: alice/person: bob/" a.md >b.md &&
	notes parse a.md b.md >out &&
	grep -c "^[ab]\.md: " out >count &&
	echo 2 >expect &&
	test_cmp expect count
'

test_expect_success 'parse exits 0 even when the note has errors' '
	cat >bad.md <<-\EOF &&
	---
	person: alice
	---
	## Focus for the next 5 days
	- [ ] Broken due:2026-02-30
	EOF
	notes parse --json bad.md >out &&
	jq -r "[.problems[] | select(.severity == \"error\") | .code] | join(\",\")" out >actual &&
	echo "bad-front-matter,bad-front-matter,bad-date" >expect &&
	test_cmp expect actual
'

test_expect_success 'parse --help prints usage on stdout and exits 0' '
	notes parse --help >out 2>err &&
	test_grep "^usage: notes parse FILE\.\.\. \[--json\]" out &&
	test_grep "^  --json " out &&
	test_must_be_empty err
'

test_expect_success 'parse -h is --help' '
	notes parse -h >out &&
	test_grep "^usage: notes parse " out
'

test_expect_success 'notes --help lists the parse command' '
	notes --help >out &&
	test_grep "^  parse +read notes into structured commitments" out
'

test_expect_success 'an unknown option exits 2 with usage on stderr' '
	write_note note.md &&
	test_expect_code 2 notes parse --bogus note.md >out 2>err &&
	test_must_be_empty out &&
	test_grep "^notes: unknown option .--bogus.$" err &&
	test_grep "^usage: notes parse FILE" err
'

test_expect_success 'a short unknown option exits 2 too' '
	write_note note.md &&
	test_expect_code 2 notes parse -x note.md >out 2>err &&
	test_must_be_empty out &&
	test_grep "^usage: notes parse FILE" err
'

test_expect_success 'no file exits 2 with usage on stderr' '
	test_expect_code 2 notes parse >out 2>err &&
	test_must_be_empty out &&
	test_grep "^notes: no file to parse$" err &&
	test_grep "^usage: notes parse FILE" err &&
	test_expect_code 2 notes parse --json >out 2>err &&
	test_must_be_empty out &&
	test_grep "^usage: notes parse FILE" err
'

test_expect_success 'a missing file is reported and the other files still print' '
	write_note a.md &&
	cp a.md b.md &&
	test_expect_code 2 notes parse --json a.md nope.md b.md >out 2>err &&
	echo "notes: nope.md: No such file or directory" >expect &&
	test_cmp expect err &&
	jq -r .file out >actual &&
	printf "a.md\nb.md\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a missing file in text mode exits 2 and the others print' '
	write_note a.md &&
	test_expect_code 2 notes parse missing.md a.md >out 2>err &&
	echo "notes: missing.md: No such file or directory" >expect &&
	test_cmp expect err &&
	test_grep "^a\.md: alice with kim" out
'

test_expect_success '-- ends the options: a file may start with a dash' '
	write_note ./-odd.md &&
	notes parse --json -- -odd.md >out &&
	jq -r .file out >actual &&
	echo "-odd.md" >expect &&
	test_cmp expect actual
'

test_expect_success 'empty template items are not items' '
	cat >t.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## Support within 48 hours
	- [ ]
	- [ ] @kim
	- [ ] Real one
	EOF
	notes parse --json t.md >out &&
	jq -c "[.support[] | [.text, .line]]" out >actual &&
	echo "[[\"Real one\",9]]" >expect &&
	test_cmp expect actual
'

# Everything but the free text of a parse --json object, keys sorted.
structure() {
	jq -S "del(.file) | walk(if type == \"object\" then
		del(.text, .learning, .impact, .metric, .fallback, .message) else . end)" "$1"
}

test_expect_success 'the Korean and English twins give the same structure' '
	for q in basic questions short-headings fields; do
		for lang in en ko; do
			(cd "$CASES" && notes parse --json $q-$lang.md) >json-$lang &&
			structure json-$lang >twin-$lang &&
			test -s twin-$lang || return 1
		done &&
		test_cmp twin-en twin-ko &&
		! cmp -s json-en json-ko || return 1
	done
'

test_expect_success 'headings of both languages are read whatever the journal language' '
	cat >mixed.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## 목표
	- #g Goal
	## Focus for the next 5 days
	- [ ] English focus #g
	## 제가 48시간 안에 도와드려야 할 것은 무엇인가요?
	- [ ] 한국어 지원
	EOF
	notes parse --json mixed.md >out &&
	jq -c "[.goals[0].tag, .focus[0].text, .support[0].text]" out >actual &&
	echo "[\"g\",\"English focus\",\"한국어 지원\"]" >expect &&
	test_cmp expect actual
'

test_expect_success 'times are wall-clock: the time zone and the clock change nothing' '
	write_note note.md &&
	notes parse --json note.md >utc &&
	TZ=Pacific/Kiritimati notes parse --json note.md >east &&
	TZ=America/Los_Angeles NOTES_NOW=2030-01-01T00:00 notes parse --json note.md >west &&
	test_cmp utc east &&
	test_cmp utc west &&
	jq -r ".support[0].due" utc >actual &&
	echo 2026-11-25T10:00 >expect &&
	test_cmp expect actual
'

test_expect_success 'parse does not write to the note' '
	write_note note.md &&
	cp note.md before &&
	notes parse note.md >/dev/null &&
	notes parse --json note.md >/dev/null &&
	test_cmp before note.md
'

test_done
