#!/bin/sh
# t0800-share.sh - notes share PERSON URL: the refusals that change
# nothing; the person's history replayed (same authors, dates, messages;
# paths without the prefix; the pair config in the first commit) and
# pushed; the team journal's one commit; the review the same before and
# after; a member's clone made with git clone where every command works;
# privacy read from every object of the remote.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

test_expect_success 'setup: a team journal with alice and bob, and empty bare remotes' '
	setup_team j &&
	git init -q --bare remotes/alice.git &&
	git init -q --bare remotes/other.git &&
	NOTES_NOW=2026-11-24T09:00 notes -C j done \
		"$(item_id j/alice/2026-11-23.md support "Book a staging")" >out 2>err &&
	git -C j log --format=%H -- alice >alice-commits &&
	test "$(wc -l <alice-commits)" = 2
'

test_expect_success 'refused: a note of the person with changes not committed; nothing changed' '
	echo "- a late thought" >>j/alice/2026-11-23.md &&
	snapshot j before &&
	snapshot remotes/alice.git remote-before &&
	test_expect_code 2 notes -C j share alice "$TRASH/remotes/alice.git" >out 2>err &&
	test_grep "^notes: share: alice/2026-11-23.md has changes not committed" err &&
	test "$(wc -l <err)" = 1 &&
	untouched j &&
	snapshot remotes/alice.git remote-after &&
	test_cmp remote-before remote-after &&
	git -C j checkout -q alice/2026-11-23.md
'

test_expect_success 'refused: a URL with commits of another journal; nothing changed' '
	git clone -q remotes/other.git scratch 2>/dev/null &&
	echo hello >scratch/README &&
	git -C scratch add README &&
	git -C scratch commit -qm "someone else" &&
	git -C scratch push -q origin main &&
	snapshot j before &&
	test_expect_code 2 notes -C j share alice "$TRASH/remotes/other.git" >out 2>err &&
	test_grep "already has commits that are not this journal.s" err &&
	test "$(wc -l <err)" = 1 &&
	untouched j &&
	! test -e j/alice/.git &&
	test "$(git -C remotes/other.git rev-list --count main)" = 1
'

test_expect_success 'refused: an unreachable URL, in one line; nothing changed' '
	snapshot j before &&
	test_expect_code 2 notes -C j share alice "$TRASH/remotes/nowhere.git" >out 2>err &&
	test_grep "^notes: share: cannot reach the remote: no repository at" err &&
	test "$(wc -l <err)" = 1 &&
	untouched j &&
	test_expect_code 2 notes -C j share alice git://127.0.0.1:1/alice.git >out 2>err &&
	test "$(wc -l <err)" = 1 &&
	untouched j
'

test_expect_success 'refused: a URL with credentials is never printed back' '
	snapshot j before &&
	test_expect_code 2 notes -C j share alice "https://kim:s3cr3t-T0ken@127.0.0.1:1/a.git" \
		>out 2>err &&
	test "$(wc -l <err)" = 1 &&
	! grep -e s3cr3t -e T0ken out err &&
	untouched j
'

test_expect_success 'refused: a person not in the journal, or a bad id' '
	test_expect_code 2 notes -C j share carol "$TRASH/remotes/alice.git" >out 2>err &&
	test_grep "carol is not in the journal" err &&
	test_expect_code 2 notes -C j share ../x "$TRASH/remotes/alice.git" >out 2>err &&
	test_expect_code 2 notes -C j share alice >out 2>err &&
	test_grep "^usage: notes share PERSON URL" err
'

test_expect_success 'share alice: her history pushed to main, the team journal commits the removal' '
	notes -C j review alice --json >review-before.json &&
	NOTES_NOW=2026-11-25T08:00 notes -C j share alice "$TRASH/remotes/alice.git" >out 2>err &&
	test_no_crash err &&
	test_grep "^shared alice.s notes at $TRASH/remotes/alice.git: 2 commits, main [0-9a-f]{7}$" out &&
	test_grep "^committed .notes/config: journal: share alice.s notes at $TRASH/remotes/alice.git$" out &&
	git -C j log -1 --format=%s >subject &&
	test_grep "^journal: share alice.s notes at $TRASH/remotes/alice.git$" subject &&
	git -C j show --name-status --format= HEAD >changed &&
	printf "M\t.notes/config\nD\talice/2026-11-23.md\n" >expect &&
	test_cmp expect changed &&
	test "$(git config -f j/.notes/config person.alice.remote)" = "$TRASH/remotes/alice.git" &&
	! git config -f j/.notes/config person.alice.name &&
	! git config -f j/.notes/config person.alice.email &&
	test "$(git config -f j/alice/.notes/config person.alice.name)" = "Alice Park" &&
	test "$(git config -f j/alice/.notes/config journal.person)" = alice &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st &&
	git -C j/alice status --porcelain >st &&
	test_cmp /dev/null st &&
	test "$(git -C remotes/alice.git rev-parse main)" = "$(git -C j/alice rev-parse HEAD)"
'

test_expect_success 'the replay: one commit per team commit of alice, same authors, dates and messages' '
	git -C j log --format="%an|%ae|%aI|%cn|%cI|%B" HEAD~1 -- alice >team-log &&
	git -C j/alice log --format="%an|%ae|%aI|%cn|%cI|%B" >pair-log &&
	test_cmp team-log pair-log &&
	git -C j/alice ls-tree -r --name-only HEAD >files &&
	printf ".notes/config\n2026-11-23.md\n" >expect &&
	test_cmp expect files &&
	first=$(git -C j/alice rev-list --max-parents=0 HEAD) &&
	git -C j/alice ls-tree -r --name-only "$first" >files &&
	test_cmp expect files &&
	git -C j show "$(head -n 1 alice-commits):alice/2026-11-23.md" >team-note &&
	git -C j/alice show HEAD:2026-11-23.md >pair-note &&
	test_cmp team-note pair-note &&
	fsck_clean j j/alice remotes/alice.git
'

test_expect_success 'privacy: no object of the remote holds bob, his email, his text or a team commit' '
	no_leak remotes/alice.git &&
	no_leak j/alice &&
	git -C remotes/alice.git cat-file --batch-all-objects --batch-check >objects &&
	test -s objects
'

test_expect_success 'the review of alice is the same before and after' '
	notes -C j review alice --json >review-after.json &&
	test_cmp review-before.json review-after.json
'

test_expect_success 'the team journal treats alice/ as before: status, person list, check, new' '
	NOTES_NOW=2026-11-25T09:00 notes -C j status alice >out 2>err &&
	test_grep "^alice  last 2026-11-23, next 2026-11-30T10:00" out &&
	NOTES_NOW=2026-11-25T09:00 notes -C j person list >out 2>err &&
	test_grep "^alice +Alice Park +mon 10:00 +2026-11-23" out &&
	notes -C j check alice >out 2>err &&
	NOTES_NOW=2026-11-29T18:00 notes -C j new alice --date 2026-11-30 --no-edit >out 2>err &&
	echo alice/2026-11-30.md >expect &&
	test_cmp expect out &&
	test -f j/alice/2026-11-30.md &&
	git -C j/alice status --porcelain >st &&
	echo "?? 2026-11-30.md" >expect &&
	test_cmp expect st &&
	git -C j status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'refused: alice shared again' '
	snapshot j before &&
	test_expect_code 2 notes -C j share alice "$TRASH/remotes/other.git" >out 2>err &&
	test_grep "alice.s notes are shared already" err &&
	untouched j
'

test_expect_success 'a member clone made with git clone: every command works in it' '
	member_clone remotes/alice.git m &&
	test "$(git config -f m/.notes/config journal.person)" = alice &&
	NOTES_NOW=2026-11-25T09:00 notes -C m status >out 2>err &&
	test_grep "^alice  last 2026-11-23" out &&
	notes -C m check >out 2>err &&
	notes -C m review alice --json >review-member.json &&
	test_cmp review-before.json review-member.json &&
	id=$(item_id m/2026-11-23.md focus "payment page") &&
	NOTES_NOW=2026-11-25T10:00 notes -C m done "$id" >out 2>err &&
	test_grep "^committed 2026-11-23.md: alice 2026-11-23: done $id$" out &&
	git -C m log -1 --format="%an <%ae>" >who &&
	echo "Alice Park <alice@example.com>" >expect &&
	test_cmp expect who &&
	NOTES_NOW=2026-11-29T20:00 notes -C m new --date 2026-11-30 --no-edit >out 2>err &&
	echo 2026-11-30.md >expect &&
	test_cmp expect out &&
	test_expect_code 2 notes -C m new bob --no-edit >out 2>err &&
	test_grep "this is the pair journal of alice" err
'

test_expect_success 'refused: a pair journal whose journal.person is not its directory' '
	git config -f j/alice/.notes/config journal.person bob &&
	test_expect_code 2 notes -C j status alice >out 2>err &&
	test_grep "alice/ holds the pair journal of bob, not of alice" err &&
	test_expect_code 2 notes -C j commit alice/2026-11-30.md >out 2>err &&
	test_grep "holds the pair journal of bob" err &&
	git config -f j/alice/.notes/config journal.person alice &&
	NOTES_NOW=2026-11-25T09:00 notes -C j status alice >out 2>err
'

test_expect_success 'a bare remote whose HEAD names master: a plain git clone still checks out main' '
	git -c init.defaultBranch=master init -q --bare remotes/bob.git &&
	test "$(git -C remotes/bob.git symbolic-ref HEAD)" = refs/heads/master &&
	NOTES_NOW=2026-11-25T12:00 notes -C j share bob "$TRASH/remotes/bob.git" >out 2>err &&
	test "$(git -C remotes/bob.git symbolic-ref HEAD)" = refs/heads/main &&
	git clone -q remotes/bob.git bob-clone &&
	test -f bob-clone/2026-11-24.md &&
	test "$(git config -f bob-clone/.notes/config journal.person)" = bob
'

test_done
