# lib-share.sh - what the tests of notes share and notes sync have in
# common: a team journal with two people's committed notes, bare remotes,
# and a member's clone. Sourced after lib.sh.

# A git identity for the plain git commands of the tests (the member's
# clone gets hers).
git config --global user.name "Kim Wonwoo"
git config --global user.email kim@example.com
git config --global init.defaultBranch main

# note_of PERSON DATE [BLOCKER]: a committed-ready note; the items' texts
# hold the person's name so that a leak of one person's notes shows.
note_of() {
	cat <<-EOF
	---
	person: $1
	leader: kim
	date: $2 10:00
	---

	# 1:1 — $1 — $2

	Purpose: unblock $1's launch.

	## Goals
	- #ship Ship $1's checkout weekly

	## Blockers
	- Staging deploys are slow for $1 #infra
	  - kind: environment
	  - impact: one deploy a day
	${3:-}
	## Support within 48 hours
	- [ ] Book a staging slot for $1
	- [ ] Ask Dana about $1's fraud rules

	## Focus for the next 5 days
	- [ ] Land $1's payment page #ship
	  - metric: conversion
	- [ ] Call five of $1's churned users #ship
	  - metric: calls held

	## Feedback
	- $1's analysis was clear; next time share it a day earlier.
	EOF
}

# item_id FILE SECTION TEXT-PATTERN: the id of the item whose text matches.
item_id() {
	notes parse "$1" --json >"$TRASH/item.json" &&
	jq -er --arg s "$2" --arg t "$3" '.[$s][] | select(.text | test($t)) | .id' \
		"$TRASH/item.json"
}

# setup_team DIR: a team journal of kim with alice and bob, each with one
# committed note of 2026-11-23 (alice's from Alice Park, bob's from Bob
# Bauer, whose name, email and text must never reach alice's journal).
setup_team() {
	NOTES_NOW=2026-11-20T09:00 notes init "$1" --leader kim --name "Kim Wonwoo" \
		--email kim@example.com >/dev/null &&
	NOTES_NOW=2026-11-20T09:01 notes -C "$1" person add alice --name "Alice Park" \
		--email alice@example.com --slot "mon 10:00" >/dev/null &&
	NOTES_NOW=2026-11-20T09:02 notes -C "$1" person add bob --name "Bob Bauer" \
		--email bauer@example.org --slot "tue 14:00" >/dev/null &&
	mkdir "$1/alice" "$1/bob" &&
	note_of alice 2026-11-23 >"$1/alice/2026-11-23.md" &&
	note_of bob 2026-11-24 >"$1/bob/2026-11-24.md" &&
	sed -i "s/^- \[ \] Book a staging slot for bob/- [ ] Book a staging slot for bob: zanzibar-7/" \
		"$1/bob/2026-11-24.md" &&
	NOTES_NOW=2026-11-23T11:00 notes -C "$1" commit alice >/dev/null 2>&1 &&
	NOTES_NOW=2026-11-24T15:00 notes -C "$1" commit bob >/dev/null 2>&1 &&
	test -z "$(git -C "$1" status --porcelain)"
}

# member_clone URL DIR: Alice's clone of her pair journal, made with git.
member_clone() {
	git clone -q "$1" "$2" &&
	git -C "$2" config user.name "Alice Park" &&
	git -C "$2" config user.email alice@example.com
}

# sync_in DIR TIME [PERSON...]: notes sync in DIR at TIME, output in out and err.
sync_in() {
	sync_dir_=$1 sync_now_=$2 &&
	shift 2 &&
	NOTES_NOW=$sync_now_ notes -C "$sync_dir_" sync "$@" >out 2>err
}

# sync_round_trip DIR: in Alice's clone DIR, "Ask Dana" is done and
# synced (pushed 1); the team journal j syncs it in (fetched 1).
sync_round_trip() {
	id=$(item_id "$1"/2026-11-23.md support "Ask Dana") &&
	NOTES_NOW=2026-11-24T09:00 notes -C "$1" done "$id" >out 2>err &&
	sync_in "$1" 2026-11-24T09:01 &&
	echo "alice: pushed 1" >expect &&
	test_cmp expect out &&
	sync_in j 2026-11-24T10:00 &&
	echo "alice: fetched 1" >expect &&
	test_cmp expect out
}

# no_leak REPO: no object of REPO holds anything of bob's (his name, his
# email, his unique text) or of the team journal's other commits.
no_leak() {
	git -C "$1" cat-file --batch-all-objects --batch >"$TRASH/objects" &&
	test -s "$TRASH/objects" &&
	! grep -i -e "bob" -e "Bauer" -e "bauer@example.org" -e "zanzibar-7" \
		-e "journal: add" "$TRASH/objects"
}

# fsck_clean REPO...: git fsck --full finds nothing wrong (dangling objects
# are no fault).
fsck_clean() {
	for r in "$@"; do
		git -C "$r" fsck --full --no-dangling >"$TRASH/fsck" 2>&1 || return 1
		! grep -v -e "^Checking" "$TRASH/fsck" || return 1
	done
}
