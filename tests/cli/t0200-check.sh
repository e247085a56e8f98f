#!/bin/sh
# t0200-check.sh - notes check on single notes outside a journal: each
# check code on a note crafted to trigger it, the exact output line, and
# the exit status (1 on errors, 0 on warnings only, 1 on warnings with
# --strict, 0 for a clean note, 2 when a file cannot be read).
. "$(dirname "$0")/lib.sh"

# test_must_be_empty FILE: FILE exists and is empty.
test_must_be_empty() {
	if ! [ -f "$1" ] || [ -s "$1" ]; then
		echo "'$1' is not empty:" >&2
		cat "$1" >&2
		return 1
	fi
}

# A note that keeps the loop: no problem at all. Line numbers used below:
#  6 purpose, 8 goal, 11 review item, 14-16 blocker, 18 support item,
#  21-22 focus item, 24 feedback heading, 25 feedback item.
clean_note() {
	cat <<-'EOF'
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	Purpose: agree on the signup launch.
	## Goals
	- #growth Grow the user base

	## Last week's commitments
	- [x] Ship the signup form ^aaaaaa

	## Blockers
	- Slow CI
	  - kind: environment
	  - impact: a deploy takes an hour
	## Support within 48 hours
	- [ ] Review the pricing page ^bbbbbb

	## Focus for the next 5 days
	- [ ] Call five users #growth ^cccccc
	  - metric: calls made

	## Feedback
	- Clear write-up; next time add the numbers.
	EOF
}

# check_one FILE STATUS: notes check FILE exits STATUS; stdout in out,
# stderr in err (which must be empty and hold no sanitizer report).
check_one() {
	test_expect_code "$2" notes check "$1" >out 2>err &&
	test_no_crash err &&
	test_must_be_empty err
}

test_expect_success 'a clean note prints nothing and exits 0' '
	clean_note >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'a clean note exits 0 under --strict too' '
	clean_note >n.md &&
	test_expect_code 0 notes check --strict n.md >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'bad-front-matter: a missing field is an error on line 1' '
	clean_note | sed "/^leader:/d" >n.md &&
	check_one n.md 1 &&
	echo "n.md:1:1: error: front matter has no '"'"'leader'"'"' [bad-front-matter]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-front-matter: a malformed line and a bad person id' '
	clean_note | sed "s/^person: alice$/person: Alice Park/; s/^leader: kim$/leader kim/" >n.md &&
	check_one n.md 1 &&
	cat >expect <<-\EOF &&
	n.md:1:1: error: front matter has no '"'"'leader'"'"' [bad-front-matter]
	n.md:2:1: error: person '"'"'Alice Park'"'"' is not a person id ([a-z0-9][a-z0-9._-]{0,63}) [bad-front-matter]
	n.md:3:1: error: front matter line is not '"'"'key: value'"'"' [bad-front-matter]
	EOF
	test_cmp expect out
'

test_expect_success 'bad-front-matter: a front matter that is never closed' '
	clean_note | sed "5d" >n.md &&
	check_one n.md 1 &&
	cat >expect <<-\EOF &&
	n.md:1:1: error: front matter is never closed (no '"'"'---'"'"' line after it) [bad-front-matter]
	n.md:1:1: warning: no purpose line: say what this meeting is for (Purpose: ...) [no-purpose]
	EOF
	test_cmp expect out
'

test_expect_success 'bad-front-matter: no front matter and no <person>/<date>.md path' '
	clean_note | sed "1,5d" >n.md &&
	check_one n.md 1 &&
	echo "n.md:1:1: error: no front matter, and the path is not <person>/<YYYY-MM-DD>.md [bad-front-matter]" >expect &&
	test_cmp expect out
'

test_expect_success 'no front matter is fine under <person>/<YYYY-MM-DD>.md' '
	mkdir -p alice &&
	clean_note | sed "1,5d" >alice/2026-11-23.md &&
	check_one alice/2026-11-23.md 0 &&
	test_must_be_empty out
'

test_expect_success 'bad-date: a due date that is not a real date' '
	clean_note | sed "s/^- \[ \] Review the pricing page /&due:2026-02-30 /" >n.md &&
	check_one n.md 1 &&
	echo "n.md:18:31: error: due:2026-02-30 is not a real date [bad-date]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-date: a due that is not a date at all' '
	clean_note | sed "s/^- \[ \] Review the pricing page /&due:soon /" >n.md &&
	check_one n.md 1 &&
	echo "n.md:18:31: error: due:soon is not a date (use due:YYYY-MM-DD or due:YYYY-MM-DDTHH:MM) [bad-date]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-date: a meeting date that is not a real date' '
	clean_note | sed "s/^date: .*/date: 2026-11-31 10:00/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:4:1: error: date '"'"'2026-11-31 10:00'"'"' is not a real date [bad-date]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-date: a done field that is not a date' '
	clean_note | sed "s/^- \[ \] Review the pricing page ^bbbbbb$/&\n  - done: 2026-11-24 24:00/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:19:11: error: done: '"'"'2026-11-24 24:00'"'"': the time is not a time of day (00:00 to 23:59) [bad-date]" >expect &&
	test_cmp expect out
'

test_expect_success 'duplicate-id: the later item is reported, pointing at the first' '
	clean_note | sed "s/\^cccccc$/^bbbbbb/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:21:1: error: ^bbbbbb is also on line 18 [duplicate-id]" >expect &&
	test_cmp expect out
'

test_expect_success 'unreviewed: an open review item with no cause' '
	clean_note | sed "s/^- \[x\] Ship/- [ ] Ship/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:11:1: error: '"'"'Ship the signup form'"'"' is not done with no cause (cause: execution or assumption) [unreviewed]" >expect &&
	test_cmp expect out
'

test_expect_success 'unreviewed: a partly done review item with no cause' '
	clean_note | sed "s/^- \[x\] Ship/- [~] Ship/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:11:1: error: '"'"'Ship the signup form'"'"' is partly done with no cause (cause: execution or assumption) [unreviewed]" >expect &&
	test_cmp expect out
'

test_expect_success 'unreviewed: an empty cause left from the template is no cause' '
	clean_note | sed "s/^- \[x\] Ship the signup form ^aaaaaa$/- [ ] Ship the signup form ^aaaaaa\n  - cause: \n  - learning:/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:11:1: error: '"'"'Ship the signup form'"'"' is not done with no cause (cause: execution or assumption) [unreviewed]" >expect &&
	test_cmp expect out
'

test_expect_success 'no-metric: an empty metric left from the template is no metric' '
	clean_note | sed "s/^  - metric: calls made$/  - metric:   /" >n.md &&
	check_one n.md 0 &&
	echo "n.md:21:1: warning: '"'"'Call five users'"'"' has no metric [no-metric]" >expect &&
	test_cmp expect out
'

test_expect_success 'a dropped review item needs no cause' '
	clean_note | sed "s/^- \[x\] Ship/- [-] Ship/" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'missing-learning: a cause without a learning is a warning' '
	clean_note | sed "s/^- \[x\] Ship the signup form ^aaaaaa$/- [ ] Ship the signup form ^aaaaaa\n  - cause: execution/" >n.md &&
	check_one n.md 0 &&
	echo "n.md:11:1: warning: '"'"'Ship the signup form'"'"' has a cause but no learning [missing-learning]" >expect &&
	test_cmp expect out
'

test_expect_success 'a cause and a learning in Korean keep the review clean' '
	clean_note | sed "s/^- \[x\] Ship the signup form ^aaaaaa$/- [ ] Ship the signup form ^aaaaaa\n  - 원인: 가정\n  - 배운 점: 먼저 묻는다/" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'no-focus: a focus section without items' '
	clean_note | sed "21,22d" >n.md &&
	check_one n.md 0 &&
	echo "n.md:20:1: warning: no focus item for the next 5 days [no-focus]" >expect &&
	test_cmp expect out
'

test_expect_success 'too-many-focus: a fourth focus item (default at most 3)' '
	clean_note | sed "s/^  - metric: calls made$/&\n- [ ] Two #growth\n  - metric: m\n- [ ] Three #growth\n  - metric: m\n- [ ] Four #growth\n  - metric: m/" >n.md &&
	check_one n.md 0 &&
	echo "n.md:27:1: warning: 4 focus items; keep to at most 3 [too-many-focus]" >expect &&
	test_cmp expect out
'

test_expect_success 'three focus items are not too many' '
	clean_note | sed "s/^  - metric: calls made$/&\n- [ ] Two #growth\n  - metric: m\n- [ ] Three #growth\n  - metric: m/" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'no-metric: a focus item without a metric' '
	clean_note | sed "/^  - metric:/d" >n.md &&
	check_one n.md 0 &&
	echo "n.md:21:1: warning: '"'"'Call five users'"'"' has no metric [no-metric]" >expect &&
	test_cmp expect out
'

test_expect_success 'no-goal: a focus item without a #goal' '
	clean_note | sed "s/ #growth ^cccccc$/ ^cccccc/" >n.md &&
	check_one n.md 0 &&
	echo "n.md:21:1: warning: '"'"'Call five users'"'"' names no #goal [no-goal]" >expect &&
	test_cmp expect out
'

test_expect_success 'unknown-goal: a #tag that is not one of the goals' '
	clean_note | sed "s/ #growth ^cccccc$/ #churn ^cccccc/" >n.md &&
	check_one n.md 0 &&
	echo "n.md:21:1: warning: #churn is not one of this note'"'"'s goals [unknown-goal]" >expect &&
	test_cmp expect out
'

test_expect_success 'support-late: a support item due more than 48 hours later' '
	clean_note | sed "s/^- \[ \] Review the pricing page /&due:2026-11-25T10:01 /" >n.md &&
	check_one n.md 0 &&
	echo "n.md:18:1: warning: '"'"'Review the pricing page'"'"' is due more than 48 hours after the meeting [support-late]" >expect &&
	test_cmp expect out
'

test_expect_success 'a support item due exactly 48 hours later is not late' '
	clean_note | sed "s/^- \[ \] Review the pricing page /&due:2026-11-25T10:00 /" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'blocker-unclassified: a blocker without a kind' '
	clean_note | sed "/^  - kind:/d" >n.md &&
	check_one n.md 0 &&
	echo "n.md:14:1: warning: blocker '"'"'Slow CI'"'"' has no kind (capability or environment) [blocker-unclassified]" >expect &&
	test_cmp expect out
'

test_expect_success 'no-feedback: an empty feedback section' '
	clean_note | sed "25d" >n.md &&
	check_one n.md 0 &&
	echo "n.md:24:1: warning: the feedback section is empty [no-feedback]" >expect &&
	test_cmp expect out
'

test_expect_success 'a feedback paragraph counts as feedback' '
	clean_note | sed "s/^- Clear write-up;/Clear write-up;/" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'missing-section: each absent section of the loop' '
	clean_note | sed "13,25d" >n.md &&
	check_one n.md 0 &&
	cat >expect <<-\EOF &&
	n.md:1:1: warning: no blockers section [missing-section]
	n.md:1:1: warning: no support section [missing-section]
	n.md:1:1: warning: no focus section [missing-section]
	n.md:1:1: warning: no feedback section [missing-section]
	EOF
	test_cmp expect out
'

test_expect_success 'the review section is not required outside a journal' '
	clean_note | sed "10,12d" >n.md &&
	check_one n.md 0 &&
	test_must_be_empty out
'

test_expect_success 'bad-status: an unknown status marker is an error' '
	clean_note | sed "s/^- \[ \] Review/- [?] Review/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:18:3: error: unknown status marker '"'"'[?]'"'"' (use [ ], [x], [~], [/] or [-]) [bad-status]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-field: an unknown value of an enumerated field' '
	clean_note | sed "s/^  - kind: environment$/  - kind: weather/" >n.md &&
	check_one n.md 0 &&
	echo "n.md:15:11: warning: '"'"'weather'"'"' is not a known kind [bad-field]" >expect &&
	test_cmp expect out
'

test_expect_success 'bad-encoding: invalid UTF-8 is an error at its line' '
	clean_note | sed "s/^- Slow CI$/- Slow CI \xff/" >n.md &&
	check_one n.md 1 &&
	echo "n.md:14:1: error: invalid UTF-8 (the note must be UTF-8 text) [bad-encoding]" >expect &&
	test_cmp expect out
'

test_expect_success 'problems are sorted by line, then column' '
	clean_note | sed "s/^- \[x\] Ship/- [ ] Ship/; /^leader:/d; /^  - metric:/d" >n.md &&
	check_one n.md 1 &&
	sed -n "s/^n\.md:\([0-9]*:[0-9]*\):.*\[\(.*\)\]$/\1 \2/p" out >actual &&
	cat >expect <<-\EOF &&
	1:1 bad-front-matter
	10:1 unreviewed
	20:1 no-metric
	EOF
	test_cmp expect actual
'

test_expect_success 'errors exit 1 even with warnings beside them' '
	clean_note | sed "s/\^cccccc$/^bbbbbb/; /^  - kind:/d" >n.md &&
	check_one n.md 1 &&
	test_grep "^n\.md:14:1: warning: .*\[blocker-unclassified\]$" out &&
	test_grep "^n\.md:20:1: error: \^bbbbbb is also on line 17 \[duplicate-id\]$" out
'

test_expect_success 'warnings alone exit 0, and 1 under --strict' '
	clean_note | sed "/^  - metric:/d" >n.md &&
	test_expect_code 0 notes check n.md >out0 2>err &&
	test_expect_code 1 notes check --strict n.md >out1 2>err &&
	test_cmp out0 out1 &&
	test_grep "\[no-metric\]$" out1 &&
	test_must_be_empty err
'

test_expect_success 'several files: each is checked, the worst status wins' '
	clean_note >clean.md &&
	clean_note | sed "/^  - metric:/d" >warn.md &&
	clean_note | sed "s/\^cccccc$/^bbbbbb/" >err.md &&
	test_expect_code 1 notes check clean.md warn.md err.md >out 2>err &&
	cat >expect <<-\EOF &&
	warn.md:21:1: warning: '"'"'Call five users'"'"' has no metric [no-metric]
	err.md:21:1: error: ^bbbbbb is also on line 18 [duplicate-id]
	EOF
	test_cmp expect out &&
	test_expect_code 0 notes check clean.md warn.md >out 2>err &&
	test_expect_code 1 notes check --strict clean.md warn.md >out 2>err
'

test_expect_success 'a file that cannot be read exits 2, the others are still checked' '
	clean_note | sed "s/\^cccccc$/^bbbbbb/" >err.md &&
	test_expect_code 2 notes check nope.md err.md >out 2>err &&
	echo "notes: nope.md: No such file or directory" >expect &&
	test_cmp expect err &&
	test_grep "^err\.md:21:1: error: .*\[duplicate-id\]$" out
'

test_expect_success 'the file is shown as given on the command line' '
	mkdir -p sub &&
	clean_note | sed "/^  - metric:/d" >sub/n.md &&
	check_one ./sub/n.md 0 &&
	test_grep "^\./sub/n\.md:21:1: warning: " out
'

test_expect_success 'check outside a journal without files is a usage error' '
	test_expect_code 2 notes check >out 2>err &&
	test_must_be_empty out &&
	test_grep "^notes: not in a journal: name the files to check$" err &&
	test_grep "^usage: notes check " err
'

test_expect_success 'check --help prints usage and exits 0' '
	notes check --help >out 2>err &&
	test_grep "^usage: notes check \[--strict\] \[PERSON\|FILE\.\.\.\]" out &&
	test_must_be_empty err
'

test_expect_success 'check with an unknown option exits 2 with usage' '
	clean_note >n.md &&
	test_expect_code 2 notes check --bogus n.md >out 2>err &&
	test_must_be_empty out &&
	test_grep "^usage: notes check " err
'

test_expect_success 'check does not write to the note' '
	clean_note | sed "/^  - metric:/d" >n.md &&
	cp n.md before &&
	test_expect_code 1 notes check --strict n.md >/dev/null &&
	test_cmp before n.md
'

test_done
