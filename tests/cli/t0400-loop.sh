#!/bin/sh
# t0400-loop.sh - the whole weekly loop on a throw-away journal, verified
# with the real git CLI: init, person add, new, edit, check, commit, done,
# next week's new (carrying), the review gate, loop-broken, CRLF + BOM notes,
# and -C DIR for every command.
. "$(dirname "$0")/lib.sh"

W1=alice/2026-11-23.md
W2=alice/2026-11-30.md
W3=alice/2026-12-07.md

# The id of the item of a note whose text is $3, from notes parse --json.
# usage: item_id FILE SECTION TEXT
item_id() {
	notes -C j parse "$1" --json | jq -er --arg s "$2" --arg t "$3" \
		'.[$s][] | select(.text == $t) | .id'
}

# The committed files of HEAD (or of the commit $1), one a line.
head_files() {
	git -C j show --no-renames --format= --name-only "${1:-HEAD}"
}

test_expect_success 'init creates a git journal on main with .notes/config and a first commit' '
	export NOTES_NOW=2026-11-20T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com >out 2>err &&
	test_no_crash err &&
	test -d j/.git &&
	test -f j/.notes/config &&
	test "$(git -C j symbolic-ref --short HEAD)" = main &&
	test "$(git -C j rev-list --count HEAD)" = 1 &&
	test "$(git config -f j/.notes/config journal.leader)" = kim &&
	test "$(git config -f j/.notes/config person.kim.name)" = "Kim Wonwoo" &&
	test "$(git config -f j/.notes/config person.kim.email)" = kim@example.com &&
	head_files >files &&
	echo .notes/config >expect &&
	test_cmp expect files &&
	test "$(git -C j log -1 --format=%an\ %ae)" = "Kim Wonwoo kim@example.com" &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-20T09:00:00+00:00 &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'person add commits the config change; git config reads the slot' '
	export NOTES_NOW=2026-11-20T09:05 &&
	before=$(git -C j rev-parse HEAD) &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com \
		--slot "mon 10:00" >out 2>err &&
	test_no_crash err &&
	test "$(git config -f j/.notes/config person.alice.slot)" = "mon 10:00" &&
	test "$(git config -f j/.notes/config person.alice.name)" = "Alice Park" &&
	test "$(git config -f j/.notes/config person.alice.email)" = alice@example.com &&
	test "$(git -C j rev-parse HEAD~1)" = "$before" &&
	head_files >files &&
	echo .notes/config >expect &&
	test_cmp expect files &&
	git -C j show HEAD:.notes/config >committed &&
	cmp committed j/.notes/config &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'notes new writes this week'"'"'s slot-day note with its front matter filled' '
	export NOTES_NOW=2026-11-25T08:00 &&
	notes -C j new alice --no-edit >out 2>err &&
	test_no_crash err &&
	echo $W1 >expect &&
	test_cmp expect out &&
	test -f j/$W1 &&
	head -n 5 j/$W1 >fm &&
	printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n" >expect &&
	test_cmp expect fm &&
	test_grep "^# .*Alice Park.*2026-11-23" j/$W1 &&
	notes -C j parse $W1 --json >p.json &&
	jq -e ".person == \"alice\" and .leader == \"kim\" and .date == \"2026-11-23\" and .time == \"10:00\" and .week == \"2026-W48\"" p.json
'

test_expect_success 'notes new never overwrites: the second run exits 2 and leaves the file alone' '
	export NOTES_NOW=2026-11-25T08:00 &&
	echo "my own words" >>j/$W1 &&
	cp j/$W1 saved &&
	test_expect_code 2 notes -C j new alice --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*alice/2026-11-23\.md.*exist" err &&
	cmp saved j/$W1 &&
	test_cmp /dev/null out
'

# The meeting: goals, a resolved and an open blocker, support and focus.
test_expect_success 'a scripted edit fills the note' '
	python3 - j/$W1 <<-\EOF &&
	import sys
	p = sys.argv[1]
	s = open(p, encoding="utf-8").read()
	s = s.replace("my own words\n", "")
	def sect(title, body):
	    global s
	    i = s.index(title)
	    j = s.index("\n## ", i + 1)
	    s = s[:i] + title + "\n" + body + "\n" + s[j:]
	sect("## Goals", "- #conversion Raise checkout conversion from 2.1% to 3%\n")
	sect("## What is blocking you right now?",
	     "- Staging deploys take 3 hours #infra\n"
	     "  - kind: environment\n"
	     "  - scope: structural\n"
	     "  - impact: one experiment per day instead of three\n"
	     "- [x] Laptop too slow for the test suite\n"
	     "  - kind: environment\n")
	sect("## What should I help with within 48 hours?",
	     "- [ ] Ask the platform team for a dedicated staging slot\n"
	     "- [ ] Review the survey draft #conversion\n")
	sect("## What will you focus on for the next 5 days?",
	     "- [ ] Call five churned users #conversion\n"
	     "  - metric: reasons collected, target 5\n"
	     "  - fallback: in-app survey on the cancel page\n"
	     "- [ ] Land the payment-page variant at 50% traffic #conversion\n"
	     "  - metric: share of traffic on the variant\n")
	sect("## Feedback", "- The A/B write-up was clear; add the sample size up front.\n")
	open(p, "w", encoding="utf-8").write(s)
	EOF
	test_grep "^- \[ \] Call five churned users #conversion$" j/$W1 &&
	! grep -F "^" j/$W1
'

test_expect_success 'notes check passes the filled note (exit 0)' '
	notes -C j check >out 2>err &&
	test_no_crash err &&
	! grep -E "error" out &&
	notes -C j check alice >out2 2>err2 &&
	notes -C j check $W1 >out3 2>err3
'

test_expect_success 'user files: an untracked notes.txt and a staged README.md' '
	echo "private scratch" >j/notes.txt &&
	echo "# our journal" >j/README.md &&
	git -C j add README.md &&
	git -C j status --porcelain >st &&
	printf "A  README.md\n?? alice/\n?? notes.txt\n" >expect &&
	test_cmp expect st
'

test_expect_success 'notes commit: ids only on task lines, one commit, subject, trailers' '
	export NOTES_NOW=2026-11-23T11:00 &&
	cp j/$W1 before.md &&
	cp j/notes.txt notes.before &&
	n0=$(git -C j rev-list --count HEAD) &&
	notes -C j commit >out 2>err &&
	test_no_crash err &&
	test "$(git -C j rev-list --count HEAD)" = $((n0 + 1)) &&
	test "$(git -C j log -1 --format=%s)" = "alice 2026-11-23: 0/0 done, 2 focus, 2 support, 2 blockers" &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-23T11:00:00+00:00 &&
	head_files >files &&
	echo $W1 >expect &&
	test_cmp expect files &&
	git -C j show HEAD:$W1 >committed &&
	cmp committed j/$W1 &&
	python3 - before.md j/$W1 <<-\EOF
	import re, sys
	a = open(sys.argv[1], "rb").read().split(b"\n")
	b = open(sys.argv[2], "rb").read().split(b"\n")
	assert len(a) == len(b), (len(a), len(b))
	changed = []
	for x, y in zip(a, b):
	    if x == y:
	        continue
	    m = re.fullmatch(rb"(.*) \^([0-9a-z]{6})", y)
	    assert m and m.group(1) == x, (x, y)
	    changed.append(x)
	want = [b"- [ ] Ask the platform team for a dedicated staging slot",
	        b"- [ ] Review the survey draft #conversion",
	        b"- [ ] Call five churned users #conversion",
	        b"- [ ] Land the payment-page variant at 50% traffic #conversion"]
	assert changed == want, changed
	ids = re.findall(rb"\^([0-9a-z]{6})", b"\n".join(b))
	assert len(ids) == 4 and len(set(ids)) == 4, ids
	EOF
'

test_expect_success 'the commit trailers parse with git interpret-trailers' '
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	cat >expect <<-\EOF &&
	Person: alice
	Leader: kim
	Week: 2026-W48
	Co-authored-by: Alice Park <alice@example.com>
	EOF
	test_cmp expect trailers &&
	test "$(git -C j log -1 --format=%an\ %ae)" = "Kim Wonwoo kim@example.com"
'

test_expect_success 'the commit body lists the focus, support and blocker lines' '
	git -C j log -1 --format=%b >body &&
	for id in $(grep -o "\^[0-9a-z]\{6\}" j/$W1 | cut -c2-); do
		grep -F -q "^$id" body || { echo "no ^$id in the body" >&2; cat body >&2; exit 1; }
	done &&
	test_grep "Staging deploys take 3 hours" body
'

test_expect_success 'the user'"'"'s untracked file and staged change are left alone' '
	git -C j status --porcelain >st &&
	printf "A  README.md\n?? notes.txt\n" >expect &&
	test_cmp expect st &&
	cmp notes.before j/notes.txt &&
	! git -C j cat-file -e HEAD:README.md 2>/dev/null &&
	! git -C j cat-file -e HEAD:notes.txt 2>/dev/null &&
	git -C j diff --cached --name-only >staged &&
	echo README.md >expect &&
	test_cmp expect staged
'

test_expect_success 'notes done ticks a support item, commits it with Done: and the NOTES_NOW time' '
	export NOTES_NOW=2026-11-24T12:00 &&
	id=$(item_id $W1 support "Ask the platform team for a dedicated staging slot") &&
	cp j/$W1 before.md &&
	notes -C j done "$id" >out 2>err &&
	test_no_crash err &&
	test_grep "^- \[x\] Ask the platform team for a dedicated staging slot \^$id$" j/$W1 &&
	{ diff before.md j/$W1 >d || :; } &&
	test "$(grep -c "^[<>]" d)" = 2 &&
	test "$(git -C j log -1 --format=%cI)" = 2026-11-24T12:00:00+00:00 &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: $id$" trailers &&
	test_grep "^Person: alice$" trailers &&
	head_files >files &&
	echo $W1 >expect &&
	test_cmp expect files &&
	git -C j show HEAD:$W1 >committed &&
	cmp committed j/$W1 &&
	git -C j status --porcelain >st &&
	printf "A  README.md\n?? notes.txt\n" >expect &&
	test_cmp expect st
'

test_expect_success 'next week'"'"'s note carries every focus and support item by id into the review' '
	export NOTES_NOW=2026-11-30T08:00 &&
	notes -C j new alice --no-edit >out 2>err &&
	test_no_crash err &&
	echo $W2 >expect &&
	test_cmp expect out &&
	notes -C j parse $W1 --json >p1.json &&
	notes -C j parse $W2 --json >p2.json &&
	jq -r "(.focus + .support) | map(.id + \" \" + .status) | sort | .[]" p1.json >want &&
	jq -r ".review | map(.id + \" \" + .status) | sort | .[]" p2.json >got &&
	test_cmp want got &&
	test "$(jq "[.review[] | select(.status == \"done\")] | length" p2.json)" = 1 &&
	test "$(wc -l <got)" = 4 &&
	head -n 5 j/$W2 >fm &&
	printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-30 10:00\n---\n" >expect &&
	test_cmp expect fm
'

test_expect_success 'next week'"'"'s note carries the goals and only the unresolved blocker' '
	notes -C j parse $W2 --json >p2.json &&
	jq -e ".goals == [{\"tag\":\"conversion\",\"text\":\"Raise checkout conversion from 2.1% to 3%\",\"line\":.goals[0].line}]" p2.json &&
	jq -e "[.blockers[] | {text, kind, scope, impact, tags, resolved}] == [{\"text\":\"Staging deploys take 3 hours\",\"kind\":\"environment\",\"scope\":\"structural\",\"impact\":\"one experiment per day instead of three\",\"tags\":[\"infra\"],\"resolved\":false}]" p2.json &&
	! grep -F "Laptop too slow" j/$W2
'

test_expect_success 'notes check reports the open review items as unreviewed (exit 1)' '
	test_expect_code 1 notes -C j check >out 2>err &&
	test_no_crash err &&
	test "$(grep -c "^alice/2026-11-30\.md:[0-9]*:[0-9]*: error: .*\[unreviewed\]$" out)" = 3 &&
	! grep -E "Ask the platform team.*unreviewed" out
'

test_expect_success 'notes commit refuses the unreviewed note: no commit, no ids, nothing staged' '
	export NOTES_NOW=2026-11-30T11:00 &&
	cp j/$W2 before.md &&
	head=$(git -C j rev-parse HEAD) &&
	test_expect_code 1 notes -C j commit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*alice/2026-11-30\.md" err &&
	cmp before.md j/$W2 &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	git -C j status --porcelain >st &&
	printf "A  README.md\n?? alice/2026-11-30.md\n?? notes.txt\n" >expect &&
	test_cmp expect st
'

test_expect_success 'with causes and learnings written, the review commits' '
	export NOTES_NOW=2026-11-30T11:00 &&
	python3 - j/$W2 <<-\EOF &&
	import re, sys
	p = sys.argv[1]
	s = open(p, encoding="utf-8").read()
	def after(line_re, extra):
	    global s
	    m = re.search(line_re, s, re.M)
	    assert m, line_re
	    s = s[:m.end()] + "\n" + extra + s[m.end():]
	after(r"^- \[ \] Call five churned users.*$", "  - cause: assumption\n  - learning: churned users do not answer email; call them")
	s = s.replace("- [ ] Land the payment-page", "- [x] Land the payment-page")
	after(r"^- \[ \] Review the survey draft.*$", "  - cause: execution\n  - learning: block an hour on Tuesday for reviews")
	def sect(title, body):
	    global s
	    i = s.index(title)
	    j = s.index("\n## ", i + 1)
	    s = s[:i] + title + "\n" + body + "\n" + s[j:]
	sect("## What should I help with within 48 hours?",
	     "- [ ] Connect alice with the payments team #conversion\n"
	     "  - how: connect\n"
	     "- [ ] Approve the survey budget #conversion\n")
	sect("## What will you focus on for the next 5 days?",
	     "- [ ] Phone five churned users #conversion\n"
	     "  - metric: calls held, target 5\n")
	sect("## Feedback", "- Good call on dropping the e-mail survey early.\n")
	open(p, "w", encoding="utf-8").write(s)
	EOF
	notes -C j check >out 2>err &&
	! grep -E ": error: " out &&
	notes -C j commit >out 2>err &&
	test_no_crash err &&
	test "$(git -C j log -1 --format=%s)" = "alice 2026-11-30: 2/4 done, 1 focus, 2 support, 1 blockers" &&
	head_files >files &&
	echo $W2 >expect &&
	test_cmp expect files &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Week: 2026-W49$" trailers &&
	test_grep "^Co-authored-by: Alice Park <alice@example.com>$" trailers &&
	notes -C j parse $W2 --json >p2.json &&
	test "$(jq "[.review[].id] | length" p2.json)" = 4 &&
	jq -e "[.support[].id, .focus[].id] | all(test(\"^[0-9a-z]{6}$\"))" p2.json &&
	git -C j status --porcelain >st &&
	printf "A  README.md\n?? notes.txt\n" >expect &&
	test_cmp expect st
'

test_expect_success 'notes done ticks the support item of the latest note, commit time = NOTES_NOW' '
	export NOTES_NOW=2026-12-01T09:30 &&
	id=$(item_id $W2 support "Connect alice with the payments team") &&
	notes -C j done "^$id" >out 2>err &&
	test_no_crash err &&
	test_grep "^- \[x\] Connect alice with the payments team #conversion \^$id$" j/$W2 &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: $id$" trailers &&
	test "$(git -C j log -1 --format=%cI)" = 2026-12-01T09:30:00+00:00 &&
	test "$(git -C j log -1 --format=%aI)" = 2026-12-01T09:30:00+00:00 &&
	head_files >files &&
	echo $W2 >expect &&
	test_cmp expect files
'

test_expect_success 'notes done --at records a done: field line under the item' '
	export NOTES_NOW=2026-12-02T17:00 &&
	id=$(item_id $W2 support "Approve the survey budget") &&
	cp j/$W2 before.md &&
	notes -C j done "$id" --at 2026-12-01T15:00 >out 2>err &&
	test_no_crash err &&
	grep -n -A1 "Approve the survey budget" j/$W2 >got &&
	test_grep "^[0-9]*:- \[x\] Approve the survey budget #conversion \^$id$" got &&
	test_grep "^[0-9]*-  *- done: 2026-12-01T15:00$" got &&
	{ diff before.md j/$W2 >d || :; } &&
	test "$(grep -c "^[<>]" d)" = 3 &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: $id$" trailers &&
	notes -C j parse $W2 --json >p.json &&
	jq -e ".support[] | select(.id == \"$id\") | .status == \"done\"" p.json
'

test_expect_success 'notes done of an item already done changes nothing' '
	export NOTES_NOW=2026-12-02T18:00 &&
	id=$(item_id $W2 support "Approve the survey budget") &&
	head=$(git -C j rev-parse HEAD) &&
	cp j/$W2 before.md &&
	notes -C j done "$id" >out 2>err &&
	test_no_crash err &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	cmp before.md j/$W2
'

test_expect_success 'git fsck is clean and git log lists the expected subjects' '
	git -C j fsck --strict >fsck 2>&1 &&
	! grep -E "error|missing|dangling commit|broken" fsck &&
	git -C j log --format=%s >subjects &&
	id1=$(item_id $W1 support "Ask the platform team for a dedicated staging slot") &&
	id2=$(item_id $W2 support "Connect alice with the payments team") &&
	id3=$(item_id $W2 support "Approve the survey budget") &&
	cat >expect <<-EOF &&
	alice 2026-11-30: done $id3
	alice 2026-11-30: done $id2
	alice 2026-11-30: 2/4 done, 1 focus, 2 support, 1 blockers
	alice 2026-11-23: done $id1
	alice 2026-11-23: 0/0 done, 2 focus, 2 support, 2 blockers
	journal: add alice (Alice Park)
	journal: start the 1:1 journal of kim
	EOF
	test_cmp expect subjects
'

test_expect_success 'the history shows each note in its own commits (git log -- alice/)' '
	git -C j log --format=%s -- $W1 >w1 &&
	test "$(wc -l <w1)" = 2 &&
	git -C j log --format=%s -- $W2 >w2 &&
	test "$(wc -l <w2)" = 3
'

test_expect_success 'loop-broken: a carried item deleted from the review is an error once the meeting began' '
	export NOTES_NOW=2026-12-07T08:00 &&
	notes -C j new alice --no-edit >out 2>err &&
	echo $W3 >expect &&
	test_cmp expect out &&
	id=$(item_id $W2 focus "Phone five churned users") &&
	grep -F "^$id" j/$W3 &&
	grep -v -F "^$id" j/$W3 >tmp && cat tmp >j/$W3 &&
	! grep -F "^$id" j/$W3 &&
	export NOTES_NOW=2026-12-07T10:30 &&
	test_expect_code 1 notes -C j check $W3 >out 2>err &&
	test_no_crash err &&
	test_grep "^alice/2026-12-07\.md:[0-9]*:[0-9]*: error: .*\^$id.*\[loop-broken\]$" out &&
	head=$(git -C j rev-parse HEAD) &&
	cp j/$W3 before.md &&
	test_expect_code 1 notes -C j commit $W3 >out 2>err &&
	cmp before.md j/$W3 &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	rm j/$W3
'

test_expect_success 'loop kept: the review section of the carried note checks without loop-broken' '
	export NOTES_NOW=2026-12-07T08:00 &&
	notes -C j new alice --no-edit >out &&
	notes -C j parse $W2 --json >p2.json &&
	notes -C j parse $W3 --json >p3.json &&
	jq -r "(.focus + .support + [.review[] | select(.status == \"open\")]) | map(.id + \" \" + .status) | sort | .[]" p2.json >want &&
	jq -r ".review | map(.id + \" \" + .status) | sort | .[]" p3.json >got &&
	test_cmp want got &&
	test "$(wc -l <got)" = 5 &&
	{ notes -C j check $W3 >out 2>err || :; } &&
	test_grep "\[unreviewed\]" out &&
	! grep -F "[loop-broken]" out &&
	rm j/$W3
'

test_expect_success 'notes done ticks an item in its latest note (a review entry), not the older one' '
	export NOTES_NOW=2026-12-02T18:30 &&
	id=$(item_id $W1 support "Review the survey draft") &&
	grep -F "^$id" j/$W2 &&
	cp j/$W1 w1.before &&
	notes -C j done "$id" >out 2>err &&
	test_no_crash err &&
	cmp w1.before j/$W1 &&
	test_grep "^- \[x\] Review the survey draft #conversion \^$id$" j/$W2 &&
	head_files >files &&
	echo $W2 >expect &&
	test_cmp expect files &&
	git -C j log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test_grep "^Done: $id$" trailers
'

# A note saved by a Windows editor: UTF-8 BOM and CRLF line ends.
test_expect_success 'notes commit of a CRLF + BOM note only changes the lines that gained an id' '
	export NOTES_NOW=2026-11-23T12:00 &&
	notes -C j person add bob --name "Bob Lee" --email bob@example.com --slot "mon 14:00" &&
	mkdir -p j/bob &&
	python3 - j/bob/2026-11-23.md <<-\EOF &&
	import sys
	lines = ["---", "person: bob", "leader: kim", "date: 2026-11-23 14:00", "---", "",
	         "# 1:1 \u2014 Bob Lee \u2014 2026-11-23", "", "## Goals",
	         "- #latency Cut p99 latency to 200 ms", "",
	         "## What is blocking you right now?",
	         "- Flaky CI on the search service #latency",
	         "  - kind: environment", "",
	         "## What should I help with within 48 hours?",
	         "- [ ] Get a second CI runner \u2014 caf\u00e9 budget", "",
	         "## What will you focus on for the next 5 days?",
	         "- [ ] Profile the search endpoint #latency",
	         "\t- metric: p99 latency",
	         "- [ ] Remove the N+1 query #latency",
	         "  - metric: queries per request", "",
	         "## Feedback", "- Clear plan.", "",
	         "## Notes", "Trailing text without a final newline"]
	data = b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")
	open(sys.argv[1], "wb").write(data)
	EOF
	cp j/bob/2026-11-23.md crlf.before &&
	notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	git -C j show HEAD:bob/2026-11-23.md >committed &&
	cmp committed j/bob/2026-11-23.md &&
	python3 - crlf.before j/bob/2026-11-23.md <<-\EOF
	import re, sys
	a = open(sys.argv[1], "rb").read()
	b = open(sys.argv[2], "rb").read()
	assert b.startswith(b"\xef\xbb\xbf"), "BOM lost"
	ids = re.findall(rb" \^([0-9a-z]{6})(?=\r\n|$)", b)
	assert len(ids) == 3, ids
	assert re.sub(rb" \^[0-9a-z]{6}(?=\r\n|$)", b"", b) == a, "bytes other than the ids changed"
	la, lb = a.split(b"\r\n"), b.split(b"\r\n")
	assert len(la) == len(lb)
	changed = [x for x, y in zip(la, lb) if x != y]
	assert changed == [l for l in la if l.lstrip().startswith(b"- [ ]")], changed
	assert b"\n" not in b.replace(b"\r\n", b""), "a bare LF appeared"
	EOF
'

test_expect_success 'notes done on a CRLF note keeps CRLF line ends' '
	export NOTES_NOW=2026-11-24T09:00 &&
	id=$(item_id bob/2026-11-23.md support "Get a second CI runner — café budget") &&
	cp j/bob/2026-11-23.md crlf.before &&
	notes -C j done "$id" --at 2026-11-24T08:00 >out 2>err &&
	test_no_crash err &&
	python3 - crlf.before j/bob/2026-11-23.md "$id" <<-\EOF
	import sys
	a = open(sys.argv[1], "rb").read()
	b = open(sys.argv[2], "rb").read()
	i = sys.argv[3].encode()
	assert b"\n" not in b.replace(b"\r\n", b""), "a bare LF appeared"
	assert b.startswith(b"\xef\xbb\xbf")
	want = a.replace(b"- [ ] Get a second CI runner", b"- [x] Get a second CI runner")
	want = want.replace(b"^" + i + b"\r\n", b"^" + i + b"\r\n  - done: 2026-11-24T08:00\r\n")
	assert b == want, (b, want)
	EOF
'

test_expect_success '-C DIR works for every command' '
	export NOTES_NOW=2026-11-25T12:00 &&
	mkdir -p elsewhere/deep &&
	notes -C elsewhere init k --leader lee >out 2>err &&
	test -d elsewhere/k/.notes &&
	test "$(git -C elsewhere/k rev-list --count HEAD)" = 1 &&
	notes -C elsewhere/k person add zoe --slot "tue 09:00" &&
	test "$(git config -f elsewhere/k/.notes/config person.zoe.slot)" = "tue 09:00" &&
	notes -C elsewhere/k person list >list &&
	test_grep "^zoe " list &&
	notes -C elsewhere/k new zoe --no-edit >out &&
	echo zoe/2026-11-24.md >expect &&
	test_cmp expect out &&
	test -f elsewhere/k/zoe/2026-11-24.md &&
	notes -C elsewhere/k parse zoe/2026-11-24.md --json >p.json &&
	jq -e ".person == \"zoe\" and .date == \"2026-11-24\"" p.json &&
	printf "%s\n" "---" "person: zoe" "leader: lee" "date: 2026-11-24 09:00" "---" "## Goals" "- #plan Plan Q1" \
		"## Blockers" "- No budget #plan" "  - kind: environment" \
		"## Support" "- [ ] Order a laptop" \
		"## Focus" "- [ ] Write the plan #plan" "  - metric: pages" \
		"## Feedback" "- Good." >elsewhere/k/zoe/2026-11-24.md &&
	notes -C elsewhere/k check zoe >out &&
	notes -C elsewhere/k commit zoe >out 2>err &&
	test "$(git -C elsewhere/k rev-list --count HEAD)" = 3 &&
	id=$(notes -C elsewhere/k parse zoe/2026-11-24.md --json | jq -r ".support[0].id") &&
	notes -C elsewhere/k done "$id" &&
	test "$(git -C elsewhere/k rev-list --count HEAD)" = 4 &&
	notes -C elsewhere/k status --json >s.json &&
	jq -e ".people[0].person == \"zoe\"" s.json &&
	notes -C elsewhere/k review zoe --json >r.json &&
	jq -e ".person == \"zoe\" and .meetings.held == 1" r.json &&
	notes -C elsewhere/k/zoe status --json >s2.json &&
	cmp s.json s2.json &&
	test_expect_code 2 notes -C elsewhere/nonexistent status >out 2>err &&
	test_grep "^notes: " err
'

test_done
