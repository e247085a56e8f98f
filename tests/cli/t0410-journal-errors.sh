#!/bin/sh
# t0410-journal-errors.sh - bad input is refused with a clear message and
# leaves the journal untouched: HEAD, the index, the work tree and every
# file's bytes are the same before and after.
. "$(dirname "$0")/lib.sh"

# A clean journal with alice (a committed note), bob (no note yet).
test_expect_success 'setup: a journal with a committed note' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com --slot "mon 10:00" &&
	notes -C j person add bob --name "Bob Lee" --slot "tue 11:00" &&
	mkdir j/alice &&
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
	- [ ] Ask for a staging slot ^s1aaaa
	## Focus
	- [ ] Call five churned users #conv ^f1aaaa
	  - metric: calls
	## Feedback
	- Clear.
	EOF
	notes -C j commit >out 2>err &&
	test "$(git -C j rev-list --count HEAD)" = 4 &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'notes new of an unknown person: exit 2, names the person, nothing written' '
	snapshot j before &&
	test_expect_code 2 notes -C j new zed --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*zed" err &&
	test_cmp /dev/null out &&
	untouched j
'

test_expect_success 'notes new of an existing note: exit 2, the note is unchanged' '
	export NOTES_NOW=2026-11-24T09:00 &&
	snapshot j before &&
	test_expect_code 2 notes -C j new alice --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*alice/2026-11-23\.md" err &&
	untouched j
'

test_expect_success 'notes new --date naming an existing note: exit 2, unchanged' '
	snapshot j before &&
	test_expect_code 2 notes -C j new alice --date 2026-11-23 --no-edit >out 2>err &&
	test_grep "^notes: .*alice/2026-11-23\.md" err &&
	untouched j
'

long=$(printf "a%.0s" $(seq 1 65))
for cmd in "person add" new review status; do
	for bad in ../x Alice a/b "" "$long" .hidden -x; do
		test_expect_success "invalid id '$bad' for $cmd: exit 2, named in the message" '
			export NOTES_NOW=2026-11-24T09:00 &&
			snapshot j before &&
			test_expect_code 2 notes -C j $cmd -- "$bad" >out 2>err &&
			test_no_crash err &&
			grep -F -e "'"'"'$bad'"'"'" err &&
			test_grep "^notes: " err &&
			untouched j &&
			test ! -e x && test ! -e j/x && test ! -e a
		'
	done
done

test_expect_success 'invalid ids are refused before touching anything: no directory appears' '
	export NOTES_NOW=2026-11-24T09:00 &&
	test_expect_code 2 notes -C j/alice new ../bob2 --no-edit 2>err &&
	test ! -e j/bob2 &&
	test_expect_code 2 notes -C j person add "a b" 2>err &&
	grep -F "a b" err
'

test_expect_success 'outside a journal every journal command exits 2: not in a journal' '
	mkdir -p outside/sub &&
	cd outside/sub &&
	for args in "person add zoe" "person list" "new alice" "commit" "done s1aaaa" \
		"status" "status alice" "review alice" "check"; do
		test_expect_code 2 notes $args >out 2>err &&
		test_no_crash err &&
		test_grep "^notes: not in a journal" err || exit 1
	done &&
	test_expect_code 2 notes -C "$TRASH/outside" status >out 2>err &&
	test_grep "^notes: not in a journal" err &&
	find "$TRASH/outside" -mindepth 1 >"$TRASH/listing" &&
	echo "$TRASH/outside/sub" >"$TRASH/expect" &&
	echo "$TRASH/outside/sub/out" >>"$TRASH/expect" &&
	echo "$TRASH/outside/sub/err" >>"$TRASH/expect" &&
	sort "$TRASH/expect" >"$TRASH/e" && sort "$TRASH/listing" >"$TRASH/l" &&
	test_cmp "$TRASH/e" "$TRASH/l"
'

test_expect_success 'setup: .notes/ present but not a git repository' '
	mkdir -p nogit/.notes nogit/alice &&
	printf "[journal]\n\tleader = kim\n[person \"alice\"]\n\tname = Alice Park\n" >nogit/.notes/config &&
	cp j/alice/2026-11-23.md nogit/alice/2026-11-24.md &&
	sed -i "s/^date: .*/date: 2026-11-24 10:00/; s/ \^s1aaaa//" nogit/alice/2026-11-24.md &&
	! grep -F "^s1aaaa" nogit/alice/2026-11-24.md
'

test_expect_success 'not a git repository: commit exits 2 with a clear error, nothing written' '
	export NOTES_NOW=2026-11-24T12:00 &&
	snapshot nogit before &&
	test_expect_code 2 notes -C nogit commit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*(git|repository)" err &&
	untouched nogit &&
	test ! -e nogit/.git &&
	test_expect_code 2 notes -C nogit commit alice >out 2>err &&
	test_grep "^notes: " err &&
	untouched nogit &&
	test ! -e nogit/.git
'

test_expect_success 'not a git repository: done exits 2 and the note keeps its bytes' '
	export NOTES_NOW=2026-11-24T12:00 &&
	snapshot nogit before &&
	test_expect_code 2 notes -C nogit done f1aaaa >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err &&
	untouched nogit &&
	test ! -e nogit/.git
'

test_expect_success 'not a git repository: person add exits 2, the config is unchanged' '
	snapshot nogit before &&
	test_expect_code 2 notes -C nogit person add zoe >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err &&
	untouched nogit &&
	test ! -e nogit/.git
'

test_expect_success 'not a git repository: review exits 2' '
	test_expect_code 2 notes -C nogit review alice --json >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err
'

test_expect_success 'a person path that is a regular file: notes new exits 2, the file is kept' '
	export NOTES_NOW=2026-11-24T09:00 &&
	echo "not a directory" >j/bob &&
	snapshot j before &&
	test_expect_code 2 notes -C j new bob --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*bob" err &&
	untouched j &&
	echo "not a directory" >expect &&
	test_cmp expect j/bob &&
	rm j/bob
'

test_expect_success 'an unwritable place: init under /proc exits 2 with the reason' '
	test_expect_code 2 notes init /proc/notes-journal >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*/proc/notes-journal" err &&
	test ! -e /proc/notes-journal
'

test_expect_success 'a person path that is a directory we cannot write (a /proc path): exit 2' '
	export NOTES_NOW=2026-11-24T09:00 &&
	ln -s /proc/self j/bob &&
	snapshot j before &&
	test_expect_code 2 notes -C j new bob --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*bob" err &&
	untouched j &&
	rm j/bob
'

test_expect_success 'a note with errors is not committed without --force (exit 1, unchanged)' '
	export NOTES_NOW=2026-11-30T11:00 &&
	cat >j/alice/2026-11-30.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---
	## Review
	- [ ] Call five churned users #conv ^f1aaaa
	- [ ] Ask for a staging slot ^s1aaaa
	## Support
	- [ ] Book the usability lab
	## Focus
	- [ ] Ship the survey #conv due:2026-02-30
	  - metric: answers
	EOF
	snapshot j before &&
	test_expect_code 1 notes -C j commit >out 2>err &&
	test_no_crash err &&
	test_grep "unreviewed" err &&
	test_grep "bad-date" err &&
	untouched j &&
	test_expect_code 1 notes -C j commit alice >out 2>err &&
	untouched j &&
	test_expect_code 1 notes -C j commit alice/2026-11-30.md >out 2>err &&
	untouched j &&
	! grep -F "Book the usability lab ^" j/alice/2026-11-30.md
'

test_expect_success 'the same note with --force is committed (ids assigned)' '
	export NOTES_NOW=2026-11-30T11:00 &&
	head=$(git -C j rev-parse HEAD) &&
	notes -C j commit --force alice >out 2>err &&
	test_no_crash err &&
	test "$(git -C j rev-parse HEAD~1)" = "$head" &&
	test_grep "^- \[ \] Book the usability lab \^[0-9a-z]{6}$" j/alice/2026-11-30.md &&
	git -C j show HEAD:alice/2026-11-30.md >committed &&
	cmp committed j/alice/2026-11-30.md
'

test_expect_success 'person add that cannot lock .notes/config exits 2, nothing changes' '
	mkdir j/.notes/config.lock &&
	snapshot j before &&
	test_expect_code 2 notes -C j person add carol >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err &&
	untouched j &&
	rmdir j/.notes/config.lock
'

test_expect_success 'notes done of an unknown id: exit 2, unchanged' '
	export NOTES_NOW=2026-11-30T12:00 &&
	snapshot j before &&
	test_expect_code 2 notes -C j done zzzzzz >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*zzzzzz" err &&
	untouched j
'

for bad in abc "^abc" ABCDEF s1aaaa1 "s1-aaa" "../../x" "" "^" "s1aaa " ; do
	test_expect_success "notes done of a malformed id '$bad': exit 2, unchanged" '
		snapshot j before &&
		test_expect_code 2 notes -C j done -- "$bad" >out 2>err &&
		test_no_crash err &&
		test_grep "^notes: " err &&
		untouched j
	'
done

test_expect_success 'notes done --at with a bad time: exit 2, unchanged' '
	export NOTES_NOW=2026-11-30T12:00 &&
	snapshot j before &&
	test_expect_code 2 notes -C j done s1aaaa --at tomorrow >out 2>err &&
	test_grep "^notes: .*tomorrow" err &&
	untouched j &&
	test_expect_code 2 notes -C j done s1aaaa --at 2026-02-30T10:00 >out 2>err &&
	untouched j
'

test_expect_success 'notes done --at on an open item that already has a done: field: exit 2, unchanged' '
	export NOTES_NOW=2026-11-30T12:00 &&
	f=j/alice/2026-11-30.md &&
	cp $f saved &&
	sed "/\^s1aaaa$/a\\  - done: 2026-11-29T10:00" saved >$f &&
	grep -c "done: 2026-11-29T10:00" $f >count && test "$(cat count)" = 1 &&
	snapshot j before &&
	test_expect_code 2 notes -C j done s1aaaa --at 2026-11-30T09:00 >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: done: \^s1aaaa in alice/2026-11-30.md already has a done: field .2026-11-29T10:00." err &&
	untouched j &&
	cp saved $f
'

test_expect_success 'notes person add of an existing person: exit 2, config unchanged' '
	snapshot j before &&
	test_expect_code 2 notes -C j person add alice --name "Someone Else" >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*alice" err &&
	untouched j &&
	test "$(git config -f j/.notes/config person.alice.name)" = "Alice Park"
'

for slot in "someday 10:00" "mon 25:00" "mon 10:60" "mon" "10:00" "mon 10:00 extra" ""; do
	test_expect_success "notes person add with a bad --slot '$slot': exit 2, config unchanged" '
		snapshot j before &&
		test_expect_code 2 notes -C j person add carol --slot "$slot" >out 2>err &&
		test_no_crash err &&
		test_grep "^notes: " err &&
		grep -F -e "$slot" err &&
		untouched j &&
		test -z "$(git config -f j/.notes/config person.carol.name)"
	'
done

test_expect_success 'notes new with a person directory symlinked outside the journal is refused' '
	export NOTES_NOW=2026-11-24T09:00 &&
	mkdir -p "$TRASH/elsewhere" &&
	notes -C j person add dave --name Dave &&
	ln -s "$TRASH/elsewhere" j/dave &&
	snapshot j before &&
	test_expect_code 2 notes -C j new dave --no-edit >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*dave" err &&
	untouched j &&
	find "$TRASH/elsewhere" -mindepth 1 >listing &&
	test_cmp /dev/null listing &&
	rm j/dave
'

test_expect_success 'notes new onto a dangling symlink note path is refused, nothing created' '
	export NOTES_NOW=2026-12-07T09:00 &&
	ln -s "$TRASH/elsewhere/target.md" j/alice/2026-12-07.md &&
	snapshot j before &&
	test_expect_code 2 notes -C j new alice --no-edit >out 2>err &&
	test_no_crash err &&
	untouched j &&
	test ! -e "$TRASH/elsewhere/target.md" &&
	rm j/alice/2026-12-07.md
'

test_expect_success 'notes commit of a file outside the journal: exit 2, unchanged' '
	cp j/alice/2026-11-30.md "$TRASH/elsewhere/2026-11-30.md" &&
	snapshot j before &&
	cp "$TRASH/elsewhere/2026-11-30.md" outside.before &&
	test_expect_code 2 notes -C j commit "$TRASH/elsewhere/2026-11-30.md" >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err &&
	untouched j &&
	cmp outside.before "$TRASH/elsewhere/2026-11-30.md"
'

test_expect_success 'notes init twice: exit 2 the second time, the journal unchanged' '
	snapshot j before &&
	test_expect_code 2 notes init j --leader zed >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*j" err &&
	untouched j &&
	test "$(git config -f j/.notes/config journal.leader)" = kim &&
	test_expect_code 2 notes -C j init >out 2>err &&
	untouched j
'

test_expect_success 'notes init in an existing git repository without .notes works, twice refuses' '
	git init -q -b main existing &&
	git -C existing -c user.name=U -c user.email=u@example.com commit -q --allow-empty -m "user commit" &&
	notes init existing --leader kim >out 2>err &&
	test "$(git -C existing rev-list --count HEAD)" = 2 &&
	test "$(git -C existing log --format=%s -1 HEAD~1)" = "user commit" &&
	snapshot existing before &&
	test_expect_code 2 notes init existing >out 2>err &&
	untouched existing
'

test_expect_success 'nothing was ever written outside the journal' '
	find "$TRASH/elsewhere" -mindepth 1 >listing &&
	echo "$TRASH/elsewhere/2026-11-30.md" >expect &&
	test_cmp expect listing &&
	git -C j fsck >fsck 2>&1
'

test_done
