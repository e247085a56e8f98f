#!/bin/sh
# t0540-merge-in-progress.sh - as git does, notes commits nothing while a
# merge of git's (or a cherry-pick, a rebase) is in progress or the index
# has conflicts: a commit of HEAD's tree plus the note would drop the
# merge's other parent and commit its conflict markers. The merge that
# notes sync leaves is the one exception (t0810-sync.sh).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

# at TIME COMMAND...: COMMAND with NOTES_NOW=TIME (a shell function too).
at() {
	(export NOTES_NOW="$1" && shift && "$@")
}

test_expect_success 'setup: two lines of history that both changed the purpose of alice.s note' '
	setup_team j &&
	git -C j checkout -q -b side &&
	sed -i "s/^Purpose: .*/Purpose: from the side branch./" j/alice/2026-11-23.md &&
	git -C j commit -qam "side" &&
	git -C j checkout -q main &&
	sed -i "s/^Purpose: .*/Purpose: from main./" j/alice/2026-11-23.md &&
	git -C j commit -qam "main" &&
	test_expect_code 1 git -C j merge -q side >out 2>&1 &&
	test -f j/.git/MERGE_HEAD &&
	test_grep "^<<<<<<< HEAD$" j/alice/2026-11-23.md
'

test_expect_success 'notes commit --force refuses during a git merge: no commit, the note untouched' '
	git -C j rev-parse HEAD >head &&
	cp j/alice/2026-11-23.md before.md &&
	test_expect_code 2 at 2026-11-24T09:00 notes -C j commit --force \
		alice/2026-11-23.md >out 2>err &&
	test_grep "a git merge is in progress \(\.git/MERGE_HEAD\): finish it with git commit, or git merge --abort" err &&
	test "$(git -C j rev-parse HEAD)" = "$(cat head)" &&
	cmp before.md j/alice/2026-11-23.md &&
	test -f j/.git/MERGE_HEAD
'

test_expect_success 'notes done and notes person add refuse during it too' '
	id=$(git -C j show HEAD:alice/2026-11-23.md >committed.md && item_id committed.md support "Ask Dana") &&
	test_expect_code 2 at 2026-11-24T09:00 notes -C j done "$id" >out 2>err &&
	test_grep "git merge is in progress" err &&
	test_expect_code 2 at 2026-11-24T09:00 notes -C j person add carol >out 2>err &&
	test_grep "git merge is in progress" err &&
	! git config -f j/.notes/config person.carol.name &&
	test "$(git -C j rev-parse HEAD)" = "$(cat head)"
'

test_expect_success 'conflicts in the index without a merge (git stash pop) refuse a commit as well' '
	git -C j merge --abort &&
	sed -i "s/^Purpose: .*/Purpose: stashed./" j/alice/2026-11-23.md &&
	git -C j stash -q &&
	sed -i "s/^Purpose: .*/Purpose: committed meanwhile./" j/alice/2026-11-23.md &&
	git -C j commit -qam "meanwhile" &&
	test_expect_code 1 git -C j stash pop -q >out 2>&1 &&
	head=$(git -C j rev-parse HEAD) &&
	test_expect_code 2 at 2026-11-24T09:00 notes -C j commit --force \
		alice/2026-11-23.md >out 2>err &&
	test_grep "the index has conflicts" err &&
	test "$(git -C j rev-parse HEAD)" = "$head"
'

test_done
