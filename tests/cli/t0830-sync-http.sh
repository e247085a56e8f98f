#!/bin/sh
# t0830-sync-http.sh - share and sync over smart HTTP behind Basic
# authentication (git http-backend, tests/cli/httpd.py, on 127.0.0.1,
# started and stopped by pid): a user and token in the URL, or the token
# in NOTES_HTTP_TOKEN; the token never printed, committed or recorded; a
# wrong or missing one is one clear line.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

TOKEN=s3cr3t-T0ken-4711

# with_token TOKEN COMMAND...: COMMAND with NOTES_HTTP_TOKEN=TOKEN.
with_token() {
	(export NOTES_HTTP_TOKEN="$1" && shift && "$@")
}

# no_token FILE...: none of the files holds the token.
no_token() {
	! grep -e "$TOKEN" -e "T0ken" "$@"
}

test_expect_success 'setup: git http-backend behind Basic authentication on 127.0.0.1' '
	mkdir srv &&
	git init -q --bare srv/alice.git &&
	{ timeout 900 /usr/bin/python3 "$ROOT/tests/cli/httpd.py" "$TRASH/srv" "$TRASH/port" \
		"$TOKEN" "$TRASH/httpd.log" >httpd.out 2>&1 & echo $! >httpd.pid; } &&
	test_wait_for port &&
	setup_team j
'

test_expect_success 'share with a user and token in the URL: pushed, the token recorded nowhere' '
	url="http://kim:$TOKEN@127.0.0.1:$(cat port)/alice.git" &&
	plain="http://127.0.0.1:$(cat port)/alice.git" &&
	NOTES_NOW=2026-11-23T12:00 notes -C j share alice "$url" >out 2>err &&
	test_grep "^shared alice.s notes at $plain: 1 commit, main [0-9a-f]{7}$" out &&
	no_token out err j/.notes/config &&
	test "$(git config -f j/.notes/config person.alice.remote)" = "$plain" &&
	git -C j log --format=%B >log &&
	no_token log &&
	git -C j show HEAD:.notes/config >committed &&
	no_token committed &&
	notes -C j person list >out 2>err &&
	no_token out err &&
	test "$(git -C srv/alice.git rev-parse main)" = "$(git -C j/alice rev-parse HEAD)" &&
	test_grep "^Basic " httpd.log
'

test_expect_success 'sync over http with the token of the URL' '
	member_clone "http://alice:$TOKEN@127.0.0.1:$(cat port)/alice.git" m &&
	sync_round_trip m &&
	no_token out err
'

test_expect_success 'a fresh clone of the team journal: NOTES_HTTP_TOKEN, else one clear line' '
	git init -q --bare team.git &&
	git -C j remote add origin "$TRASH/team.git" &&
	sync_in j 2026-11-24T11:00 &&
	git clone -q team.git fresh &&
	test_expect_code 1 sync_in fresh 2026-11-24T11:05 &&
	test_grep "^alice: cannot clone http://127.0.0.1:[0-9]*/alice.git: .*NOTES_HTTP_TOKEN" out &&
	! test -e fresh/alice &&
	test_expect_code 1 with_token wrong-one sync_in fresh 2026-11-24T11:06 &&
	test_grep "^alice: cannot clone .*refused the credentials" out &&
	! test -e fresh/alice &&
	with_token "$TOKEN" sync_in fresh 2026-11-24T11:10 &&
	printf "journal: up to date\nalice: cloned\n" >expect &&
	test_cmp expect out &&
	no_token out err fresh/.notes/config &&
	cmp fresh/alice/2026-11-23.md j/alice/2026-11-23.md
'

test_expect_success 'the server stopped by its pid; git fsck --full clean' '
	kill "$(cat httpd.pid)" &&
	fsck_clean j j/alice m srv/alice.git fresh fresh/alice
'

test_done
