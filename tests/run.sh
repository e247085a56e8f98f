#!/bin/sh
# run.sh - run every test against the build in BUILD and end with one line
# "N passed, N failed".
# usage: tests/run.sh BUILD [--cli-only]
set -u
BUILD=${1:?usage: tests/run.sh BUILD [--cli-only]}
ONLY=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
NOTES=$BUILD/notes
SPEC_DIR=${MUSTACHE_SPEC_DIR:-${NOTES_SPEC_DIR:-$ROOT/../shared/conformance/mustache}}
export NOTES ROOT SPEC_DIR
export NOTES_WRAPPER=${NOTES_WRAPPER:-}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}

passed=0
failed=0
skipped=0
log=$(mktemp -d "${TMPDIR:-/tmp}/notes-tests.XXXXXX")
trap 'rm -rf "$log"' EXIT

# Run one test program; add up the "N passed, N failed" line it ends with.
run() {
	name=$1; shift
	out=$log/$(echo "$name" | tr '/' '_').out
	"$@" >"$out" 2>&1
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$out" | tail -n 1)
	if [ -z "$line" ]; then
		echo "FAIL $name: no result line (exit $rc)"
		tail -n 20 "$out" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	p=${line%% passed*}
	f=${line#*passed, }; f=${f%% failed*}
	case $line in
	*skipped) s=${line##*failed, }; s=${s%% skipped} ;;
	*) s=0 ;;
	esac
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
		[ "$f" -gt 0 ] || failed=$((failed + 1))
		echo "FAIL $name: $line (exit $rc)"
		grep -E '^(not ok|FAIL)' "$out" | head -n 40 | sed 's/^/    /'
		grep -A12 -E '^(not ok|FAIL)' "$out" | grep -vE '^(not ok|ok)' | head -n 60 | sed 's/^/    | /'
	else
		echo "ok   $name: $line"
	fi
}

if [ "$ONLY" != --cli-only ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run "unit/$(basename "$t")" "$t" "$SPEC_DIR"
	done
	run cases/parse sh "$ROOT/tests/cases/run.sh"
	[ -n "${NOTES_NO_FUZZ:-}" ] || run fuzz/smoke sh "$ROOT/tests/fuzz-smoke.sh"
fi
for t in "$ROOT"/tests/cli/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	run "cli/$(basename "$t")" sh "$t"
done
# crash safety and concurrency: a short kill test (make stress runs 200
# rounds) and the whole concurrency test; 20 rounds of the races for one
# note (make stress runs 100)
if [ "$ONLY" != --cli-only ]; then
	run stress/kill sh "$ROOT/tests/stress/kill.sh" "$NOTES" "${CHECK_KILL_ROUNDS:-30}"
	run stress/concurrency sh "$ROOT/tests/stress/concurrency.sh" "$NOTES"
	run stress/race sh "$ROOT/tests/stress/race.sh" "$NOTES" "${CHECK_RACE_ROUNDS:-20}"
fi
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
