#!/bin/sh
# run.sh - data-driven parse cases: for each tests/cases/parse/NAME.md,
# `notes parse --json` must print the object in NAME.json (compared as
# JSON, key order aside). A case path may use a directory to give the
# note its <person>/<date>.md path: parse/NAME/alice/2026-11-23.md.
set -u
: "${NOTES:?set NOTES}"
dir=$(cd "$(dirname "$0")" && pwd)/parse
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/notes-cases.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

cd "$dir" || exit 1
for expected in $(find . -name '*.json' | sort); do
	note=${expected%.json}.md
	name=${expected#./}
	if [ ! -f "$note" ]; then
		echo "not ok - $name: no $note"
		failed=$((failed + 1))
		continue
	fi
	if ! ${NOTES_WRAPPER:-} "$NOTES" parse --json "${note#./}" >"$tmp/out" 2>"$tmp/err"; then
		echo "not ok - $name: notes parse failed"
		cat "$tmp/err"
		failed=$((failed + 1))
		continue
	fi
	if jq -S . "$expected" >"$tmp/want" 2>"$tmp/err" && jq -S . "$tmp/out" >"$tmp/got" &&
	   diff -u "$tmp/want" "$tmp/got" >"$tmp/diff" && ! [ -s "$tmp/err" ]; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name"
		cat "$tmp/err" "$tmp/diff"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
