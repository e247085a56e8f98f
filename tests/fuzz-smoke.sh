#!/bin/sh
# fuzz-smoke.sh - the fuzz targets for make check: each replays its
# regression inputs and fuzzes for a few seconds (tests/fuzz/run.sh
# --smoke); a target that ran without a crash is one test passed.
set -u
out=$(mktemp "${TMPDIR:-/tmp}/notes-fuzz.XXXXXX")
trap 'rm -f "$out"' EXIT
sh "$(dirname "$0")/fuzz/run.sh" --smoke >"$out" 2>&1
rc=$?
cat "$out"
ok=$(grep -cE '^fuzz_[a-z_]+: [0-9]+ executions.*, 0 crash' "$out")
bad=$(grep -cE '^fuzz_[a-z_]+: ([0-9]+ executions.*, [1-9][0-9]* crash|CRASH)' "$out")
# a run that fuzzed nothing, or failed to build, is a failure too
if [ "$ok" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; }; then
	bad=$((bad + 1))
fi
echo "$ok passed, $bad failed"
[ "$bad" -eq 0 ]
