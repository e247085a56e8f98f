#!/bin/sh
# run.sh - the stress tests (SIGKILL at random moments, concurrent commits,
# editors saving during commits, races for one note) against BINARY; ends with
# "N passed, N failed".
# usage: sh tests/stress/run.sh BINARY
# environment: KILL_ROUNDS (200), CONCURRENCY_ROUNDS (10), EDITOR_SAVES (150),
# RACE_ROUNDS (100)
set -u
BINARY=${1:?usage: tests/stress/run.sh BINARY}
case $BINARY in /*) ;; *) BINARY=$(pwd)/$BINARY ;; esac
dir=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for t in kill concurrency race; do
	echo "== $t"
	out=$(sh "$dir/$t.sh" "$BINARY" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -vE '^[0-9]+ passed, [0-9]+ failed$'
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "not ok - $t.sh ended without a result (exit $rc)"
		failed=$((failed + 1))
		continue
	fi
	p=${line%% passed*}
	f=${line#*passed, }; f=${f%% failed}
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
