#!/bin/sh
# t0435-full-disk.sh - a full disk is never reported as success. libgit2
# 1.5's git_commit_create returns 0 when it could not write the commit
# object; every commit notes makes is checked to have landed (the object
# is there, the branch points to it). Each command runs with 0 to 44 KiB
# free on a small tmpfs: it commits and exits 0, or says the disk is full,
# exits 2, and leaves HEAD, the note and .notes/config as they were.
# Mounting needs root (the tests run as root in CI); elsewhere skipped.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

DISK="$TRASH/disk"
trap 'umount "$DISK" 2>/dev/null; chmod -R u+w "$TRASH" 2>/dev/null; rm -rf "$TRASH" "$TEST_META"' EXIT
mkdir "$DISK"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=4m notes-full-disk "$DISK" 2>/dev/null; then
	test_skip 'a full disk: commit, done, person add, init' \
		'mounting a small tmpfs needs root'
	test_done
	exit
fi

# fill FREE: leave FREE KiB free on the disk.
fill() {
	rm -f "$DISK/fill" &&
	avail=$(df -k --output=avail "$DISK" | tail -n 1) &&
	if [ "$avail" -gt "$1" ]; then
		head -c $(((avail - $1) * 1024)) /dev/zero >"$DISK/fill" || true
	fi
}

# round FREE CHECKED-FILE COMMAND...: the journal copied afresh onto the
# disk, FREE KiB left, COMMAND run in it: exit 0 and HEAD moved, or exit
# 2 with the disk named, HEAD unchanged and CHECKED-FILE byte for byte.
round() {
	free=$1 && file=$2 && shift 2 &&
	rm -rf "$DISK/j" "$DISK/fill" &&
	cp -a j "$DISK/j" &&
	git -C "$DISK/j" rev-parse HEAD >"$TRASH/head" &&
	cp "$DISK/j/$file" "$TRASH/file" &&
	fill "$free" &&
	rc=0 &&
	{ (cd "$DISK/j" && "$@") >"$TRASH/out" 2>"$TRASH/err" || rc=$?; } &&
	rm -f "$DISK/fill" &&
	echo "$free KiB: exit $rc: $(cat "$TRASH/err")" >>"$TRASH/rounds" &&
	if [ "$rc" = 0 ]; then
		test "$(git -C "$DISK/j" rev-parse HEAD)" != "$(cat "$TRASH/head")" &&
		git -C "$DISK/j" diff --quiet HEAD -- "$file" &&
		echo ok >>"$TRASH/landed"
	else
		test "$rc" = 2 &&
		test_grep "No space left on device|disk is full" "$TRASH/err" &&
		test "$(git -C "$DISK/j" rev-parse HEAD)" = "$(cat "$TRASH/head")" &&
		cmp "$TRASH/file" "$DISK/j/$file" &&
		echo failed >>"$TRASH/refused"
	fi
}

# sweep CHECKED-FILE COMMAND...: round for 0, 4, ..., 44 KiB free; both
# outcomes are seen (the disk is small enough to fail and large enough to
# commit).
sweep() {
	rm -f "$TRASH/landed" "$TRASH/refused" "$TRASH/rounds" &&
	for free in 0 4 8 12 16 20 24 28 32 36 40 44; do
		round "$free" "$@" || { cat "$TRASH/rounds" >&2; return 1; }
	done &&
	test -s "$TRASH/landed" &&
	test -s "$TRASH/refused"
}

test_expect_success 'setup: a journal with a committed note, changed since' '
	setup_team j &&
	sed -i "s/^- \[ \] Land alice.s payment page #ship .*$/&\n- [ ] Write the rollout plan/" \
		j/alice/2026-11-23.md &&
	test_grep "^- \[ \] Write the rollout plan$" j/alice/2026-11-23.md
'

test_expect_success 'notes commit: committed, or the disk is full and the note has no ids written' '
	NOTES_NOW=2026-11-23T12:00 && export NOTES_NOW &&
	sweep alice/2026-11-23.md "$NOTES" commit alice/2026-11-23.md
'

test_expect_success 'notes done: committed, or the disk is full and the item is still open' '
	git -C j checkout -q -- alice/2026-11-23.md &&
	id=$(item_id j/alice/2026-11-23.md focus "payment page") &&
	NOTES_NOW=2026-11-23T12:00 && export NOTES_NOW &&
	sweep alice/2026-11-23.md "$NOTES" done "$id"
'

test_expect_success 'notes person add: added, or the disk is full and .notes/config is unchanged' '
	NOTES_NOW=2026-11-23T12:00 && export NOTES_NOW &&
	sweep .notes/config "$NOTES" person add carol --name "Carol Choi" &&
	: a retry after a refusal adds carol &&
	round 44 .notes/config "$NOTES" person add carol &&
	git -C "$DISK/j" show HEAD:.notes/config >config &&
	test_grep "^\[person \"carol\"\]" config
'

test_expect_success 'notes init: started, or the disk is full and nothing is left to refuse a retry' '
	rm -f rounds &&
	for free in 0 4 8 12 16 20 24 28 32 36 40 44 48 52 56 60; do
		rm -rf "$DISK/new" &&
		fill "$free" &&
		rc=0 &&
		{ notes init "$DISK/new" --leader kim >out 2>err || rc=$?; } &&
		rm -f "$DISK/fill" &&
		echo "$free KiB: exit $rc: $(cat err)" >>rounds &&
		if [ "$rc" = 0 ]; then
			git -C "$DISK/new" show HEAD:.notes/config >config &&
			test_grep "leader = kim" config &&
			echo ok >>landed
		else
			test "$rc" = 2 &&
			test_grep "No space left on device|disk is full" err &&
			! test -e "$DISK/new/.notes" &&
			! test -e "$DISK/new/.git" &&
			echo failed >>refused
		fi || { cat rounds >&2; return 1; }
	done &&
	test -s landed &&
	test -s refused
'

test_expect_success 'cleanup: the disk is unmounted' '
	umount "$DISK" &&
	! mountpoint -q "$DISK"
'

test_done
