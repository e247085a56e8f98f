#!/bin/sh
# t0820-sync-daemon.sh - share and sync through a real network transport:
# git daemon on 127.0.0.1 (started and stopped by pid here), git:// URLs;
# a push the remote refuses because it moved meanwhile sends sync back to
# fetch and merge, a bounded number of times.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

if ! git daemon --help >/dev/null 2>&1 && ! test -x "$(git --exec-path)/git-daemon"; then
	test_skip 'share and sync through git daemon' 'git daemon is not installed'
	test_done
	exit
fi

test_expect_success 'setup: git daemon on a free port of 127.0.0.1, a team journal' '
	/usr/bin/python3 -c "import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])" >port &&
	mkdir srv &&
	git init -q --bare srv/alice.git &&
	{ timeout 900 git daemon --export-all --enable=receive-pack --reuseaddr \
		--listen=127.0.0.1 --port="$(cat port)" --base-path="$TRASH/srv" \
		--pid-file="$TRASH/daemon.pid" "$TRASH/srv" >daemon.log 2>&1 & } &&
	test_wait_for daemon.pid &&
	git ls-remote "git://127.0.0.1:$(cat port)/alice.git" >refs &&
	test_cmp /dev/null refs &&
	setup_team j
'

test_expect_success 'share alice through git://' '
	url="git://127.0.0.1:$(cat port)/alice.git" &&
	NOTES_NOW=2026-11-23T12:00 notes -C j share alice "$url" >out 2>err &&
	test_grep "^shared alice.s notes at $url: 1 commit, main [0-9a-f]{7}$" out &&
	test "$(git -C srv/alice.git rev-parse main)" = "$(git -C j/alice rev-parse HEAD)" &&
	test "$(git config -f j/.notes/config person.alice.remote)" = "$url" &&
	no_leak srv/alice.git
'

test_expect_success 'the member clones with git over git://; both sides sync through it' '
	member_clone "git://127.0.0.1:$(cat port)/alice.git" m &&
	sync_round_trip m &&
	cmp m/2026-11-23.md j/alice/2026-11-23.md
'

test_expect_success 'a push refused because the remote moved meanwhile: fetched, merged, pushed again' '
	sed -i "s/^- \[ \] Call five of alice.s churned users/- [x] Call five of alice.s churned users/" \
		m/2026-11-23.md &&
	git -C m commit -qam "alice ticks a focus item" &&
	git -C m push -q origin HEAD:side &&
	cat >srv/alice.git/hooks/pre-receive <<-\EOF &&
	#!/bin/sh
	# the first push finds main moved: to the commit waiting on "side"
	echo run >>"$GIT_DIR/hook-runs"
	if ! test -f "$GIT_DIR/moved"; then
		: >"$GIT_DIR/moved"
		unset GIT_QUARANTINE_PATH
		git update-ref refs/heads/main "$(git rev-parse refs/heads/side)"
		echo "main moved meanwhile" >&2
		exit 1
	fi
	EOF
	chmod +x srv/alice.git/hooks/pre-receive &&
	book=$(item_id j/alice/2026-11-23.md support "Book a staging") &&
	NOTES_NOW=2026-11-24T16:00 notes -C j done "$book" >out 2>err &&
	sync_in j 2026-11-24T16:05 &&
	echo "alice: fetched 1, merged, pushed 2" >expect &&
	test_cmp expect out &&
	test "$(wc -l <srv/alice.git/hook-runs)" = 2 &&
	git -C srv/alice.git merge-base --is-ancestor "$(git -C m rev-parse HEAD)" main &&
	test "$(git -C srv/alice.git rev-parse main)" = "$(git -C j/alice rev-parse HEAD)" &&
	test_grep "^- \[x\] Call five of alice.s churned users" j/alice/2026-11-23.md &&
	test_grep "^- \[x\] Book a staging slot for alice" j/alice/2026-11-23.md
'

test_expect_success 'a remote that refuses every push: sync gives up after 3 tries, exit 1' '
	cat >srv/alice.git/hooks/pre-receive <<-\EOF &&
	#!/bin/sh
	echo run >>"$GIT_DIR/refusals"
	echo "closed for the holidays" >&2
	exit 1
	EOF
	sed -i "s/^Purpose: .*/Purpose: one more try./" j/alice/2026-11-23.md &&
	NOTES_NOW=2026-11-24T17:00 notes -C j commit alice >out 2>err &&
	before=$(git -C srv/alice.git rev-parse main) &&
	test_expect_code 1 sync_in j 2026-11-24T17:05 &&
	test_grep "^alice: the remote refused the push 3 times" out &&
	test "$(wc -l <srv/alice.git/refusals)" = 3 &&
	test "$(git -C srv/alice.git rev-parse main)" = "$before" &&
	rm srv/alice.git/hooks/pre-receive &&
	sync_in j 2026-11-24T17:10 &&
	echo "alice: pushed 1" >expect &&
	test_cmp expect out
'

test_expect_success 'git daemon stopped by its pid; git fsck --full clean everywhere' '
	kill "$(cat daemon.pid)" &&
	n=0 &&
	while kill -0 "$(cat daemon.pid)" 2>/dev/null; do
		n=$((n + 1)) &&
		test "$n" -lt 100 &&
		sleep 0.1 || return 1
	done &&
	fsck_clean j j/alice m srv/alice.git
'

test_done
