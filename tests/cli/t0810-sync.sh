#!/bin/sh
# t0810-sync.sh - notes sync between the leader's team journal and a
# member's clone of her pair journal, through local bare remotes: ticks of
# adjacent items on each side merged item by item; a Tuesday tick merged
# on Friday counts as kept; an agenda shared before the meeting gets the
# member's blocker back to the leader; a conflict: markers, no commit,
# [merge-conflict], resolved by notes commit with two parents; an edit not
# committed left byte for byte; one line per journal; unreachable and
# foreign remotes; a fresh clone of the team journal gets its pair
# journals back; git fsck --full clean everywhere.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

# at TIME COMMAND...: COMMAND with NOTES_NOW=TIME (a shell function too).
at() {
	(export NOTES_NOW="$1" && shift && "$@")
}

test_expect_success 'setup: alice and bob shared to bare remotes; alice clones hers with git' '
	setup_team j &&
	git init -q --bare remotes/alice.git &&
	git init -q --bare remotes/bob.git &&
	NOTES_NOW=2026-11-23T12:00 notes -C j share alice "$TRASH/remotes/alice.git" >out 2>err &&
	NOTES_NOW=2026-11-23T12:01 notes -C j share bob "$TRASH/remotes/bob.git" >out 2>err &&
	member_clone remotes/alice.git m &&
	sync_in j 2026-11-23T12:05 &&
	printf "alice: up to date\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'two adjacent support items ticked one on each side merge without a conflict' '
	book=$(item_id j/alice/2026-11-23.md support "Book a staging") &&
	dana=$(item_id j/alice/2026-11-23.md support "Ask Dana") &&
	NOTES_NOW=2026-11-24T09:00 notes -C m done "$dana" >out 2>err &&
	sync_in m 2026-11-24T09:01 &&
	echo "alice: pushed 1" >expect &&
	test_cmp expect out &&
	NOTES_NOW=2026-11-27T16:00 notes -C j done "$book" >out 2>err &&
	sync_in j 2026-11-27T16:05 &&
	printf "alice: fetched 1, merged, pushed 2\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	test_grep "^- \[x\] Book a staging slot for alice \^$book$" j/alice/2026-11-23.md &&
	test_grep "^- \[x\] Ask Dana about alice.s fraud rules \^$dana$" j/alice/2026-11-23.md &&
	! grep -e "<<<<<<<" -e ">>>>>>>" j/alice/2026-11-23.md &&
	git -C j/alice rev-list --parents -1 HEAD >parents &&
	test "$(wc -w <parents)" = 3 &&
	git -C j/alice status --porcelain >st &&
	test_cmp /dev/null st
'

test_expect_success 'the member syncs: a fast-forward; both copies the same' '
	sync_in m 2026-11-27T17:00 &&
	echo "alice: fetched 2" >expect &&
	test_cmp expect out &&
	cmp m/2026-11-23.md j/alice/2026-11-23.md &&
	test "$(git -C m rev-parse HEAD)" = "$(git -C j/alice rev-parse HEAD)"
'

test_expect_success 'the Tuesday tick merged on Friday is kept within 48 hours; the Friday one is late' '
	NOTES_NOW=2026-12-01T09:00 notes -C j review alice --json >review.json &&
	jq -c .support review.json >support &&
	echo "{\"total\":2,\"kept\":1,\"late\":1,\"open\":0}" >expect &&
	test_cmp expect support &&
	NOTES_NOW=2026-12-01T09:00 notes -C m review alice --json >review-m.json &&
	test_cmp review.json review-m.json
'

test_expect_success 'an agenda shared before the meeting; the blocker alice adds reaches the leader' '
	NOTES_NOW=2026-11-29T18:00 notes -C j new alice --date 2026-11-30 --no-edit >out 2>err &&
	NOTES_NOW=2026-11-29T18:05 notes -C j commit alice/2026-11-30.md >out 2>err &&
	test_grep "^committed alice/2026-11-30.md: alice 2026-11-30: agenda$" out &&
	test_grep "warning: .*\[unreviewed\]" err &&
	sync_in j 2026-11-29T18:10 &&
	test_grep "^alice: pushed 1$" out &&
	sync_in m 2026-11-30T08:00 &&
	echo "alice: fetched 1" >expect &&
	test_cmp expect out &&
	sed -i "/^## What is blocking you/a - The fraud rules block the launch in Germany #compliance\n  - kind: environment" \
		m/2026-11-30.md &&
	NOTES_NOW=2026-11-30T08:30 notes -C m commit >out 2>err &&
	test_grep "^committed 2026-11-30.md: alice 2026-11-30: agenda$" out &&
	git -C m log -1 --format="%an" >who &&
	echo "Alice Park" >expect &&
	test_cmp expect who &&
	sync_in m 2026-11-30T08:31 &&
	sync_in j 2026-11-30T09:00 &&
	printf "alice: fetched 1\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	test_grep "^- The fraud rules block the launch in Germany #compliance$" j/alice/2026-11-30.md &&
	NOTES_NOW=2026-11-30T09:00 notes -C j parse --json alice/2026-11-30.md >p.json &&
	jq -e ".blockers | map(.text) | index(\"The fraud rules block the launch in Germany\")" p.json
'

test_expect_success 'a conflict: the same line reworded on both sides; exit 1 naming the note, no commit' '
	sed -i "s/^Purpose: .*/Purpose: agree on the German launch./" m/2026-11-30.md &&
	NOTES_NOW=2026-11-30T09:10 notes -C m commit >out 2>err &&
	sync_in m 2026-11-30T09:11 &&
	sed -i "s/^Purpose: .*/Purpose: unblock the fraud rules first./" j/alice/2026-11-30.md &&
	NOTES_NOW=2026-11-30T09:20 notes -C j commit alice >out 2>err &&
	git -C j/alice rev-parse HEAD >head-before &&
	test_expect_code 1 sync_in j 2026-11-30T09:25 &&
	printf "alice: conflict in 2026-11-30.md\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	test_grep "^notes: resolve each conflict" err &&
	git -C j/alice rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	test_grep "^<<<<<<< HEAD$" j/alice/2026-11-30.md &&
	test_grep "^Purpose: unblock the fraud rules first.$" j/alice/2026-11-30.md &&
	test_grep "^=======$" j/alice/2026-11-30.md &&
	test_grep "^Purpose: agree on the German launch.$" j/alice/2026-11-30.md &&
	test_grep "^>>>>>>> origin/main$" j/alice/2026-11-30.md &&
	test "$(git -C remotes/alice.git rev-parse main)" = "$(git -C m rev-parse HEAD)"
'

test_expect_success 'the conflict: check reports [merge-conflict]; commit refuses it, even --force' '
	test_expect_code 1 notes -C j check alice/2026-11-30.md >out 2>err &&
	test "$(grep -c "error: .*\[merge-conflict\]$" out)" = 3 &&
	cp j/alice/2026-11-30.md conflicted.md &&
	test_expect_code 1 at 2026-11-30T09:30 notes -C j commit --force >out 2>err &&
	test_grep "conflict markers; not committed" err &&
	cmp conflicted.md j/alice/2026-11-30.md &&
	git -C j/alice rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	test_expect_code 1 sync_in j 2026-11-30T09:30 alice &&
	echo "alice: conflict in 2026-11-30.md" >expect &&
	test_cmp expect out &&
	id=$(item_id j/alice/2026-11-23.md focus "payment page") &&
	test_expect_code 2 at 2026-11-30T09:30 notes -C j done "$id" >out 2>err &&
	test_grep "merge of notes sync is in progress" err
'

test_expect_success 'resolved: notes commit completes the merge with two parents; sync makes both the same' '
	python3 - j/alice/2026-11-30.md <<-\EOF &&
	import re, sys
	p = sys.argv[1]
	s = open(p).read()
	s = re.sub(r"<<<<<<< HEAD\n(.*?)=======\n.*?>>>>>>> origin/main\n", r"\1", s, flags=re.S)
	open(p, "w").write(s)
	EOF
	! grep -e "^<<<<<<<" -e "^=======" -e "^>>>>>>>" j/alice/2026-11-30.md &&
	NOTES_NOW=2026-11-30T09:40 notes -C j commit >out 2>err &&
	test_grep "^committed alice/2026-11-30.md: alice: merge origin/main$" out &&
	git -C j/alice rev-list --parents -1 HEAD >parents &&
	test "$(wc -w <parents)" = 3 &&
	test "$(cut -d" " -f2 parents)" = "$(cat head-before)" &&
	! test -e j/alice/.git/MERGE_HEAD &&
	git -C j/alice status --porcelain >st &&
	test_cmp /dev/null st &&
	sync_in j 2026-11-30T09:41 &&
	printf "alice: pushed 2\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	sync_in m 2026-11-30T09:42 &&
	echo "alice: fetched 2" >expect &&
	test_cmp expect out &&
	cmp m/2026-11-30.md j/alice/2026-11-30.md &&
	test_grep "^Purpose: unblock the fraud rules first.$" m/2026-11-30.md
'

test_expect_success 'an edit not committed is left byte for byte: that journal is skipped, exit 1' '
	sed -i "s/five of alice.s churned users/six churned users/" m/2026-11-30.md &&
	NOTES_NOW=2026-11-30T09:50 notes -C m commit >out 2>err &&
	sync_in m 2026-11-30T09:51 &&
	printf "\nA thought not committed yet.\n" >>j/alice/2026-11-30.md &&
	cp j/alice/2026-11-30.md edited.md &&
	git -C j/alice rev-parse HEAD >head-before &&
	test_expect_code 1 sync_in j 2026-11-30T09:55 &&
	printf "alice: skipped: changes not committed in 2026-11-30.md\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	test_grep "^notes: commit the notes first" err &&
	cmp edited.md j/alice/2026-11-30.md &&
	git -C j/alice rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	NOTES_NOW=2026-11-30T09:56 notes -C j commit >out 2>err &&
	sync_in j 2026-11-30T09:57 &&
	test_grep "^alice: fetched 1, merged, pushed 2$" out &&
	test_grep "^A thought not committed yet.$" j/alice/2026-11-30.md &&
	test_grep "six churned users" j/alice/2026-11-30.md
'

test_expect_success 'an unreachable remote: one clear line, nothing changed, the others still sync' '
	git -C j/bob remote set-url origin "$TRASH/remotes/gone.git" &&
	snapshot j/bob before &&
	test_expect_code 1 sync_in j 2026-11-30T11:00 &&
	test_grep "^alice: (up to date|fetched)" out &&
	test_grep "^bob: cannot reach the remote: no repository at $TRASH/remotes/gone.git$" out &&
	test "$(wc -l <out)" = 2 &&
	untouched j/bob &&
	git -C j/bob remote set-url origin "$TRASH/remotes/bob.git"
'

test_expect_success 'refused: a remote that holds another person.s notes' '
	git -C j/alice remote set-url origin "$TRASH/remotes/bob.git" &&
	snapshot j/alice before &&
	test_expect_code 1 sync_in j 2026-11-30T11:05 alice &&
	echo "alice: refused: the remote holds the notes of bob, not of alice" >expect &&
	test_cmp expect out &&
	untouched j/alice &&
	git -C j/alice remote set-url origin "$TRASH/remotes/alice.git" &&
	test_expect_code 2 notes -C j sync carol >out 2>err &&
	test_grep "carol. has no pair journal" err
'

test_expect_success 'a URL with credentials: never in the output, the config or a commit' '
	git -C j/bob remote set-url origin "http://kim:s3cr3t-T0ken@127.0.0.1:1/bob.git" &&
	test_expect_code 1 sync_in j 2026-11-30T11:10 bob &&
	test_grep "^bob: " out &&
	! grep -e s3cr3t -e T0ken out err &&
	git -C j/bob remote set-url origin "$TRASH/remotes/bob.git" &&
	notes -C j person list >out 2>err &&
	! grep -e s3cr3t -e T0ken out err
'

test_expect_success 'a fresh clone of the team journal gets each pair journal back with notes sync' '
	git init -q --bare remotes/team.git &&
	git -C j remote add origin "$TRASH/remotes/team.git" &&
	sync_in j 2026-11-30T12:00 &&
	printf "journal: pushed 7\nalice: up to date\nbob: up to date\n" >expect &&
	test_cmp expect out &&
	git clone -q remotes/team.git fresh &&
	! test -e fresh/alice &&
	sync_in fresh 2026-11-30T12:05 &&
	printf "journal: up to date\nalice: cloned\nbob: cloned\n" >expect &&
	test_cmp expect out &&
	git -C fresh status --porcelain >st &&
	test_cmp /dev/null st &&
	NOTES_NOW=2026-12-01T09:00 notes -C j review --team --json >team.json &&
	NOTES_NOW=2026-12-01T09:00 notes -C fresh review --team --json >fresh.json &&
	test_cmp team.json fresh.json &&
	jq -e "[.team[].person] == [\"alice\", \"bob\"]" team.json &&
	jq -e ".team[0].support.total > 0" team.json
'

test_expect_success 'privacy and integrity: no leak of bob in alice.s remote; git fsck --full clean everywhere' '
	no_leak remotes/alice.git &&
	no_leak m &&
	fsck_clean j j/alice j/bob m remotes/alice.git remotes/bob.git remotes/team.git \
		fresh fresh/alice fresh/bob
'

test_done
