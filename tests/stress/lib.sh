# lib.sh - shared by the stress tests: a throw-away HOME and journal, the
# notes under test, and "ok"/"not ok" lines ending in "N passed, N failed".
set -u
: "${NOTES:?usage: sh tests/stress/<test>.sh BINARY (or set NOTES)}"
case $NOTES in /*) ;; *) NOTES=$(pwd)/$NOTES ;; esac
[ -x "$NOTES" ] || { echo "stress: $NOTES is not an executable" >&2; exit 2; }
command -v git >/dev/null && command -v python3 >/dev/null ||
	{ echo "stress: needs git and python3" >&2; exit 2; }
STRESS_DIR=$(cd "$(dirname "$0")" && pwd)

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/notes-stress.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
export HOME="$TRASH/home" TZ=UTC LC_ALL=C NO_COLOR=1
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$TRASH/home/.gitconfig"
unset VISUAL EDITOR GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE 2>/dev/null || true
export NOTES_NOW=2026-11-23T11:00
mkdir -p "$HOME"

passed=0
failed=0

# check NAME STATUS [DETAIL]: one "ok"/"not ok" line per property.
check() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok - $1"
	else
		failed=$((failed + 1))
		echo "not ok - $1${3:+: $3}"
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# A note for PERSON that `notes check` accepts (no errors), $2 = extra
# focus lines, $3 = the feedback line.
note_text() {
	cat <<EOF
---
person: $1
leader: kim
date: 2026-11-23 10:00
---

# 1:1 — $1 — 2026-11-23

## Goals
- #ship Ship weekly

## Blockers
- Staging deploys take 3 hours #infra
  - kind: environment
  - scope: structural
  - impact: one experiment a day

## Support within 48 hours
- [ ] Ask the platform team for a staging slot #ship

## Focus for the next 5 days
- [ ] Land the payment page #ship
  - metric: conversion
$2
## Feedback
- ${3:-Clear write-up.}
EOF
}

# make_journal DIR PERSON...: init, add the people, write and commit
# one note each.
make_journal() {
	dir=$1; shift
	"$NOTES" init "$dir" --leader kim --name "Kim Wonwoo" --email kim@example.com >/dev/null &&
	for p in "$@"; do
		"$NOTES" -C "$dir" person add "$p" --name "Person $p" --email "$p@example.com" >/dev/null &&
		mkdir -p "$dir/$p" &&
		note_text "$p" "" "first" >"$dir/$p/2026-11-23.md" &&
		"$NOTES" -C "$dir" commit "$p" >/dev/null || return 1
	done
}

# fsck_clean DIR: git fsck --full finds nothing worse than dangling objects.
fsck_clean() {
	out=$(git -C "$1" fsck --full 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] || printf '%s\n' "$out" | grep -vE '^(dangling|Checking|notice)' | grep -q .; then
		printf '%s\n' "$out" | head -n 5 >&2
		return 1
	fi
}
