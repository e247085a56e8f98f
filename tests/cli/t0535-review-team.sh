#!/bin/sh
# t0535-review-team.sh - notes review --team reads the history of everyone
# in one walk: each person's part of it is what notes review PERSON says
# alone, on a generated journal whose history has merges (made here with
# plain git, as notes sync makes them).
. "$(dirname "$0")/lib.sh"

CC=${CC:-cc}

# commit_at DIR TIME MESSAGE: git commit -am in DIR at TIME (UTC).
commit_at() {
	GIT_AUTHOR_DATE="$2 +0000" GIT_COMMITTER_DATE="$2 +0000" \
		git -C "$1" commit -qam "$3"
}

# tick DIR PERSON: mark the first open item of PERSON's latest note done.
tick() {
	last=$(ls "$1/$2"/*.md | tail -n 1) &&
	sed -i '0,/- \[ \] /s//- [x] /' "$last"
}

if ! command -v "$CC" >/dev/null 2>&1; then
	test_skip 'the team review against each review alone' "no C compiler ($CC) to build tests/bench/gen.c"
	test_done
fi

test_expect_success 'setup: a generated journal of 4 people x 12 weeks, two merges' '
	git config --global user.name "Kim Wonwoo" &&
	git config --global user.email kim@example.com &&
	"$CC" -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -o gen "$ROOT/tests/bench/gen.c" &&
	git init -q -b main j &&
	./gen 4 12 >stream &&
	git -C j fast-import --quiet <stream &&
	git -C j reset -q --hard &&
	git clone -q j m &&
	tick m bob && tick m alice &&
	commit_at m 2022-02-08T09:00:00 "bob, alice: ticked in the clone" &&
	tick j carol &&
	commit_at j 2022-02-08T10:00:00 "carol: ticked" &&
	git -C j fetch -q ../m main &&
	GIT_COMMITTER_DATE="2022-02-09T17:00:00 +0000" git -C j merge -q --no-edit FETCH_HEAD &&
	tick m dan &&
	commit_at m 2022-02-10T09:00:00 "dan: ticked in the clone" &&
	tick j alice &&
	commit_at j 2022-02-10T10:00:00 "alice: ticked again" &&
	git -C j fetch -q ../m main &&
	GIT_COMMITTER_DATE="2022-02-11T17:00:00 +0000" git -C j merge -q --no-edit FETCH_HEAD &&
	git -C j rev-list --merges HEAD >merges &&
	test "$(wc -l <merges)" = 2
'

test_expect_success 'each person of review --team --json is their review alone' '
	export NOTES_NOW=2022-02-14T08:00 &&
	notes -C j review --team --json >team.json &&
	jq -r ".team[].person" team.json >people &&
	printf "%s\n" alice bob carol dan >expect &&
	test_cmp expect people &&
	for p in alice bob carol dan
	do
		notes -C j review "$p" --json >"$p.json" &&
		jq -cS . "$p.json" >"$p.alone" &&
		jq -cS --arg p "$p" ".team[] | select(.person == \$p)" team.json >"$p.team" &&
		test_cmp "$p.alone" "$p.team" || return 1
	done
'

test_expect_success 'the text of review --team is each review alone, in order' '
	notes -C j review --team >team.txt &&
	: >alone.txt &&
	for p in alice bob carol dan
	do
		notes -C j review "$p" >>alone.txt || return 1
	done &&
	test_cmp alone.txt team.txt
'

test_done
