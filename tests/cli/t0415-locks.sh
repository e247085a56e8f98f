#!/bin/sh
# t0415-locks.sh - lock files and turns: a commit that cannot take the
# branch lock changes nothing; notes processes commit in turn; the lock
# files of a notes process killed in its turn are removed by the next one,
# and a lock file that is not notes' own is left to its owner.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a journal with bob' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add bob --name "Bob Lee" --slot "tue 11:00"
'

test_expect_success 'setup: a note of bob without ids' '
	mkdir j/bob &&
	cat >j/bob/2026-11-24.md <<-\EOF
	---
	person: bob
	leader: kim
	date: 2026-11-24 11:00
	---
	## Blockers
	- No test data #data
	  - kind: environment
	## Support
	- [ ] Get read access to the warehouse
	## Focus
	- [ ] Build the fixture loader #data
	  - metric: fixtures loaded
	## Feedback
	- Good start.
	EOF
'

test_expect_success 'a commit that cannot take the branch lock exits 2 and writes no id' '
	export NOTES_NOW=2026-11-24T12:00 &&
	: >j/.git/refs/heads/main.lock &&
	snapshot j before &&
	test_expect_code 2 notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: " err &&
	rm j/.git/refs/heads/main.lock &&
	untouched j &&
	! grep -F "^" j/bob/2026-11-24.md
'

test_expect_success 'with the lock gone the same commit succeeds' '
	export NOTES_NOW=2026-11-24T12:00 &&
	notes -C j commit bob >out 2>err &&
	test "$(git -C j log -1 --format=%s)" = "bob 2026-11-24: 0/0 done, 1 focus, 1 support, 1 blockers"
'

test_expect_success 'notes done that cannot take the branch lock exits 2 and leaves the note alone' '
	export NOTES_NOW=2026-11-24T13:00 &&
	id=$(notes -C j parse bob/2026-11-24.md --json | jq -r ".support[0].id") &&
	: >j/.git/refs/heads/main.lock &&
	snapshot j before &&
	test_expect_code 2 notes -C j done "$id" >out 2>err &&
	test_no_crash err &&
	rm j/.git/refs/heads/main.lock &&
	untouched j
'

# A notes process killed in its turn leaves its pid, its start time and
# the lock files it held in .git/notes-turn: each by device, inode and
# change time (a branch lock libgit2 made, still empty) or by the marker
# notes wrote into it (index.lock, which notes makes itself).
# lock_line NAME [MARKER]: the record line notes writes for the file .git/NAME.
lock_line() {
	python3 -c "
import os, sys
s = os.lstat(sys.argv[1])
mark = \"m\" + sys.argv[3] if len(sys.argv) > 3 else \"c%d.%09d\" % divmod(s.st_ctime_ns, 10**9)
print(\"lock %s %d %d %s\" % (sys.argv[2], s.st_dev, s.st_ino, mark))
" "j/.git/$1" "$@"
}

test_expect_success 'a branch lock left by a notes process killed while it committed is removed' '
	export NOTES_NOW=2026-11-24T14:00 &&
	printf "%s\n" "- [ ] Write the loader docs #data" "  - metric: pages" >item &&
	sed "/^## Feedback/e cat item" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	head=$(git -C j rev-parse HEAD) &&
	: >j/.git/refs/heads/main.lock &&
	{ printf "4242 %s.000000000\n" "$(($(date +%s) - 5))" && lock_line refs/heads/main.lock; } >j/.git/notes-turn &&
	notes -C j commit bob >out 2>err &&
	test_grep "^notes: removed .*refs/heads/main.lock, left by notes process 4242, killed while it committed" err &&
	test ! -e j/.git/refs/heads/main.lock &&
	test "$(git -C j rev-parse HEAD^)" = "$head" &&
	grep -q "^- \[ \] Write the loader docs #data \^[0-9a-z]\{6\}$" j/bob/2026-11-24.md &&
	test ! -s j/.git/notes-turn
'

test_expect_success 'a lock older than the killed process turn is not its own: it stays, the commit exits 2' '
	export NOTES_NOW=2026-11-24T14:30 &&
	sed "s/^- Good start\.$/- Good start. Docs next./" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	printf "4242 %s.000000000\n" "$(($(date +%s) - 5))" >j/.git/notes-turn &&
	: >j/.git/refs/heads/main.lock &&
	touch -d "1 hour ago" j/.git/refs/heads/main.lock &&
	snapshot j before &&
	test_expect_code 2 notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	test_grep "refs/heads/\*.lock" err &&
	! grep -q "^notes: removed" err &&
	test -f j/.git/refs/heads/main.lock &&
	rm j/.git/refs/heads/main.lock &&
	untouched j
'

test_expect_success 'a lock made long after the killed process turn began is not its own either' '
	export NOTES_NOW=2026-11-24T14:35 &&
	printf "4242 %s.000000000\n" "$(($(date +%s) - 3600))" >j/.git/notes-turn &&
	: >j/.git/refs/heads/main.lock &&
	snapshot j before &&
	test_expect_code 2 notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	! grep -q "^notes: removed" err &&
	test -f j/.git/refs/heads/main.lock &&
	rm j/.git/refs/heads/main.lock &&
	untouched j
'

test_expect_success 'a stale index.lock of a killed notes process is removed too, and the index follows' '
	export NOTES_NOW=2026-11-24T14:40 &&
	echo notes-4243-1-2 >j/.git/index.lock &&
	{ printf "4243 %s.000000000\n" "$(($(date +%s) - 5))" && lock_line index.lock notes-4243-1-2; } >j/.git/notes-turn &&
	notes -C j commit bob >out 2>err &&
	test_grep "^notes: removed .*index.lock, left by notes process 4243" err &&
	test ! -e j/.git/index.lock &&
	test -z "$(git -C j status --porcelain -- bob)" &&
	git -C j show HEAD:bob/2026-11-24.md >committed &&
	grep -q "Docs next" committed
'

test_expect_success 'a live git index.lock made after a notes process was killed in its turn stays' '
	export NOTES_NOW=2026-11-24T14:42 &&
	sed "s/Docs next\./Docs next!/" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	printf "4244 %s.000000000\n" "$(($(date +%s) - 5))" >j/.git/notes-turn &&
	: >j/.git/index.lock &&
	head=$(git -C j rev-parse HEAD) &&
	notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	! grep -q "^notes: removed" err &&
	test_grep "^notes: warning: committed, but the index stayed locked" err &&
	test -f j/.git/index.lock &&
	test "$(git -C j rev-parse HEAD^)" = "$head" &&
	rm j/.git/index.lock
'

test_expect_success 'a git lock on the inode a killed notes process recorded is not its own either' '
	export NOTES_NOW=2026-11-24T14:44 &&
	sed "s/Docs next!/Docs next!!/" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	printf "DIRC of a running git add" >j/.git/index.lock &&
	: >j/.git/refs/heads/main.lock &&
	git -C j rev-parse HEAD >j/.git/refs/heads/main.lock &&
	{ printf "4245 %s.000000000\n" "$(($(date +%s) - 5))" &&
		lock_line index.lock notes-4245-1-2 &&
		echo "pending refs/heads/main.lock $(($(date +%s) - 5)).000000000"; } >j/.git/notes-turn &&
	snapshot j before &&
	test_expect_code 2 notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	! grep -q "^notes: removed" err &&
	test_grep "refs/heads/\*.lock" err &&
	test -f j/.git/index.lock &&
	test -f j/.git/refs/heads/main.lock &&
	rm j/.git/index.lock j/.git/refs/heads/main.lock &&
	untouched j
'

test_expect_success 'a branch lock libgit2 was making when notes was killed (recorded pending, empty) is removed' '
	export NOTES_NOW=2026-11-24T14:46 &&
	printf "4246 %s.000000000\n" "$(($(date +%s) - 5))" >j/.git/notes-turn &&
	echo "pending refs/heads/main.lock $(($(date +%s) - 5)).000000000" >>j/.git/notes-turn &&
	: >j/.git/refs/heads/main.lock &&
	notes -C j commit bob >out 2>err &&
	test_grep "^notes: removed .*refs/heads/main.lock, left by notes process 4246" err &&
	test ! -e j/.git/refs/heads/main.lock &&
	git -C j show HEAD:bob/2026-11-24.md >committed &&
	grep -q "Docs next!!" committed
'

test_expect_success 'a commit waits while another notes process has its turn, then lands' '
	export NOTES_NOW=2026-11-24T14:50 &&
	sed "s/Docs next!!/Docs next, then tests./" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	python3 -c "
import fcntl, os, sys, time
f = open(sys.argv[1], \"r+\")
fcntl.flock(f, fcntl.LOCK_EX)
f.write(\"%d 0.0\n\" % os.getpid()); f.flush()
open(sys.argv[2], \"w\").close()
time.sleep(1.5)
f.truncate(0)
" j/.git/notes-turn held &
	holder=$! &&
	test_wait_for held &&
	start=$(date +%s%N) &&
	notes -C j commit bob >out 2>err &&
	end=$(date +%s%N) &&
	wait $holder &&
	test $(( (end - start) / 1000000 )) -ge 1000 &&
	! grep -q "^notes: removed" err &&
	git -C j show HEAD:bob/2026-11-24.md >committed &&
	grep -q "then tests" committed
'

test_expect_success 'an index.lock held by a live git: the commit lands, says the index was not updated' '
	export NOTES_NOW=2026-11-24T15:00 &&
	sed "s/then tests\./then tests and a demo./" j/bob/2026-11-24.md >edited &&
	mv edited j/bob/2026-11-24.md &&
	: >j/.git/index.lock &&
	head=$(git -C j rev-parse HEAD) &&
	notes -C j commit bob >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: warning: committed, but the index stayed locked .*index.lock" err &&
	test -f j/.git/index.lock &&
	test "$(git -C j rev-parse HEAD^)" = "$head" &&
	git -C j show HEAD:bob/2026-11-24.md >committed &&
	grep -q "and a demo" committed &&
	rm j/.git/index.lock
'

test_done
