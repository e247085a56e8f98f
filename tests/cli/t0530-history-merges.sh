#!/bin/sh
# t0530-history-merges.sh - notes review reads every line of a history with
# merges (made here with plain git): a support item ticked in another clone
# on Tuesday and merged on Friday counts as kept within 48 hours, and the
# note as a merge left it is the one reviewed, even where the merge kept one
# side's version over a later commit of the other line.
. "$(dirname "$0")/lib.sh"

# jq_is FILE FILTER EXPECTED-JSON: the filter's value equals EXPECTED.
jq_is() {
	if ! jq -e --argjson want "$3" "($2) == \$want" "$1" >/dev/null; then
		echo "$2: expected $3, got $(jq -c "$2" "$1")" >&2
		return 1
	fi
}

# commit_at DIR TIME MESSAGE: git commit -am in DIR at TIME (UTC).
commit_at() {
	GIT_AUTHOR_DATE="$2 +0000" GIT_COMMITTER_DATE="$2 +0000" \
		git -C "$1" commit -qam "$3"
}

test_expect_success 'setup: a journal with one note, and a member clone made with git clone' '
	export NOTES_NOW=2026-11-20T09:00 &&
	git config --global user.name "Kim Wonwoo" &&
	git config --global user.email kim@example.com &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com \
		--slot "mon 10:00" &&
	mkdir j/alice &&
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---

	# 1:1 — Alice Park — 2026-11-23

	## Goals
	- #conv Raise checkout conversion to 3%

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment

	## Support within 48 hours
	- [ ] Ask the platform team for a staging slot ^s1tues
	- [ ] Review the survey draft ^s2kimt

	## Focus for the next 5 days
	- [ ] Call five churned users #conv ^f1call
	  - metric: calls held

	## Feedback
	- Clear priorities.
	EOF
	NOTES_NOW=2026-11-23T11:00 notes -C j commit alice >out 2>err &&
	git clone -q j m &&
	git -C m config user.name "Alice Park" &&
	git -C m config user.email alice@example.com
'

test_expect_success 'a tick made in the clone on Tuesday, merged on Friday, is kept' '
	sed -i "s/- \[ \] Ask the platform/- [x] Ask the platform/" m/alice/2026-11-23.md &&
	commit_at m 2026-11-24T09:00:00 "alice 2026-11-23: done s1tues" &&
	sed -i "s/- Clear priorities./- Clear priorities, and a good demo./" \
		j/alice/2026-11-23.md &&
	NOTES_NOW=2026-11-25T18:00 notes -C j commit alice >out 2>err &&
	git -C j fetch -q ../m main &&
	GIT_COMMITTER_DATE="2026-11-27T17:00:00 +0000" \
		git -C j -c user.name=Kim -c user.email=kim@example.com merge -q --no-edit FETCH_HEAD &&
	git -C j rev-list --parents -1 HEAD >parents &&
	test "$(wc -w <parents)" = 3 &&
	NOTES_NOW=2026-12-01T09:00 notes -C j review alice --json >review.json &&
	jq_is review.json .support "{\"total\":2,\"kept\":1,\"late\":0,\"open\":1}"
'

test_expect_success 'the earliest tick counts when both lines ticked the item' '
	git clone -q j m2 &&
	sed -i "s/- \[ \] Review the survey/- [x] Review the survey/" m2/alice/2026-11-23.md &&
	commit_at m2 2026-11-25T08:00:00 "alice 2026-11-23: done s2kimt" &&
	sed -i "s/- \[ \] Review the survey/- [x] Review the survey/" j/alice/2026-11-23.md &&
	sed -i "s/  - metric: calls held/  - metric: calls held, target 5/" j/alice/2026-11-23.md &&
	GIT_COMMITTER_DATE="2026-11-28T09:00:00 +0000" GIT_AUTHOR_DATE="2026-11-28T09:00:00 +0000" \
		git -C j -c user.name=Kim -c user.email=kim@example.com commit -qam "kim ticks late" &&
	git -C j fetch -q ../m2 main &&
	GIT_COMMITTER_DATE="2026-11-28T17:00:00 +0000" \
		git -C j -c user.name=Kim -c user.email=kim@example.com merge -q --no-edit FETCH_HEAD &&
	NOTES_NOW=2026-12-01T09:00 notes -C j review alice --json >review.json &&
	jq_is review.json .support "{\"total\":2,\"kept\":2,\"late\":0,\"open\":0}"
'

test_expect_success 'a merge that kept its own version over a later commit of the other line wins' '
	export NOTES_NOW=2026-12-01T09:00 &&
	git init -q -b main k &&
	cp -R j/.notes k/ &&
	mkdir k/alice &&
	sed -e "s/- \[x\]/- [ ]/" j/alice/2026-11-23.md >k/alice/2026-11-23.md &&
	git -C k add -A &&
	commit_at k 2026-11-23T11:00:00 "alice 2026-11-23" &&
	git clone -q k k2 &&
	sed -i "s/- \[ \] Ask the platform/- [x] Ask the platform/" k/alice/2026-11-23.md &&
	commit_at k 2026-11-24T08:00:00 "kim ticks" &&
	echo "- Alice wrote this later" >>k2/alice/2026-11-23.md &&
	commit_at k2 2026-11-26T08:00:00 "alice adds feedback" &&
	git -C k fetch -q ../k2 main &&
	GIT_COMMITTER_DATE="2026-11-27T17:00:00 +0000" \
		git -C k -c user.name=Kim -c user.email=kim@example.com merge -q -s ours --no-edit FETCH_HEAD &&
	git -C k show HEAD:alice/2026-11-23.md >merged &&
	! grep "Alice wrote this later" merged &&
	notes -C k review alice --json >review.json &&
	jq_is review.json .support "{\"total\":2,\"kept\":1,\"late\":0,\"open\":1}"
'

test_done
