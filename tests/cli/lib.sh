# lib.sh - the CLI test library, in the style of git's t/test-lib.sh.
# A test script sources it, calls test_expect_success 'what' 'commands'
# for each behaviour, and ends with test_done.
set -u
: "${NOTES:?run the tests through tests/run.sh or set NOTES}"
: "${ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NOTES_WRAPPER:=}"

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/notes-cli.XXXXXX")
# the harness's own files (each body, its output) live outside the trash
# directory, where no test sees them
TEST_META=$(mktemp -d "${TMPDIR:-/tmp}/notes-cli-meta.XXXXXX")
trap 'chmod -R u+w "$TRASH" 2>/dev/null; rm -rf "$TRASH" "$TEST_META"' EXIT
export HOME="$TRASH/home" TZ=UTC LC_ALL=C NO_COLOR=1
# the messages of the build under test, not of an installed notes
export NOTES_TEXTDOMAINDIR="${NOTES%/*}/locale"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$TRASH/home/.gitconfig"
unset VISUAL EDITOR GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE NOTES_NOW 2>/dev/null || true
mkdir -p "$HOME"
cd "$TRASH" || exit 1

# A body that runs longer than this (seconds) is killed and fails: a hang
# must not stop the suite. Valgrind runs take longer.
if [ -n "$NOTES_WRAPPER" ]; then
	: "${NOTES_TEST_TIMEOUT:=900}"
else
	: "${NOTES_TEST_TIMEOUT:=180}"
fi

test_passed=0
test_failed=0
test_skipped=0
test_count=0

# The product under test (optionally under valgrind, see make leakcheck).
notes() {
	# shellcheck disable=SC2086
	$NOTES_WRAPPER "$NOTES" "$@"
}

# The same under a Korean locale (the catalogue of the build under test).
notes_ko() {
	# shellcheck disable=SC2086
	LC_ALL= LANG=ko_KR.UTF-8 LANGUAGE=ko $NOTES_WRAPPER "$NOTES" "$@"
}

# test_kill_tree_ PID: kill PID and everything it started.
test_kill_tree_() {
	kill -STOP "$1" 2>/dev/null
	for test_child_ in $(pgrep -P "$1" 2>/dev/null); do
		test_kill_tree_ "$test_child_"
	done
	kill -KILL "$1" 2>/dev/null
}

# The body runs in a function (so that "return" ends it), in a subshell
# with set -e. The subshell is not the condition of an if or a part of an
# && list, where the shell would ignore set -e for every command in it.
test_eval_() {
	eval "$1"
}

# test_run_ BODY: run it in the background with a watchdog; its status.
test_run_() {
	rm -f "$TEST_META/timed-out"
	(
		cd "$TRASH" || exit 1
		set -e
		test_eval_ "$1"
	) >"$TEST_META/out" 2>&1 &
	test_pid_=$!
	(
		sleep "$NOTES_TEST_TIMEOUT" &&
		: >"$TEST_META/timed-out" &&
		test_kill_tree_ "$test_pid_"
	) >/dev/null 2>&1 &
	test_watchdog_=$!
	wait "$test_pid_"
	test_status_=$?
	test_kill_tree_ "$test_watchdog_"
	wait "$test_watchdog_" 2>/dev/null
	if [ -f "$TEST_META/timed-out" ]; then
		echo "timed out after $NOTES_TEST_TIMEOUT s (NOTES_TEST_TIMEOUT): killed" \
			>>"$TEST_META/out"
		test_status_=124
	fi
	return "$test_status_"
}

test_expect_success() {
	test_count=$((test_count + 1))
	printf '%s\n%s' "$1" "$2" >"$TEST_META/body.$test_count"
	if test_run_ "$2"; then
		test_passed=$((test_passed + 1))
		echo ok >"$TEST_META/result.$test_count"
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok" >"$TEST_META/result.$test_count"
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TEST_META/out" | tail -n 30
	fi
}

# test_skip 'what' 'why': a test that cannot run here (a missing tool);
# it is counted as skipped, never as passed.
test_skip() {
	test_count=$((test_count + 1))
	test_skipped=$((test_skipped + 1))
	echo "ok $test_count # skip $1 ($2)"
}

# test_expect_code N command...: the command exits with status N.
test_expect_code() {
	want=$1; shift
	set +e
	"$@"
	got=$?
	set -e
	if [ "$got" != "$want" ]; then
		echo "expected exit $want, got $got: $*" >&2
		return 1
	fi
}

# test_wait_for FILE [SECONDS]: FILE appears within SECONDS (default 30),
# polled every 50 ms; a wait without a bound would hang the suite.
test_wait_for() {
	test_wait_n_=0
	while ! test -e "$1"; do
		test_wait_n_=$((test_wait_n_ + 1))
		if [ "$test_wait_n_" -gt $((${2:-30} * 20)) ]; then
			echo "$1 did not appear within ${2:-30} s" >&2
			return 1
		fi
		sleep 0.05
	done
}

# snapshot DIR OUT: HEAD, status, index, every path, every link's target
# and every file's bytes outside .git (FIFOs and devices are listed, never
# read), so that a new, changed or lost file shows.
snapshot() {
	{
		git -C "$1" rev-parse HEAD 2>&1
		git -C "$1" status --porcelain --untracked-files=all 2>&1
		git -C "$1" ls-files -s 2>&1
		(cd "$1" && find . -path ./.git -prune -o -print | LC_ALL=C sort)
		(cd "$1" && find . -path ./.git -prune -o -type l -print | LC_ALL=C sort |
			while read -r f; do echo "$f -> $(readlink "$f")"; done)
		(cd "$1" && find . -path ./.git -prune -o -type f -print | LC_ALL=C sort |
			while read -r f; do cksum "$f"; done)
	} >"$2"
}

# untouched DIR: DIR is as the snapshot "before" says.
untouched() {
	snapshot "$1" after &&
	test_cmp before after
}

# test_cmp EXPECTED ACTUAL: the files are the same.
test_cmp() {
	diff -u "$1" "$2"
}

# test_grep PATTERN FILE: FILE has a line matching the extended regex.
test_grep() {
	if ! grep -E -- "$1" "$2" >/dev/null; then
		echo "no line matches '$1' in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

# No sanitizer report, no crash: stderr holds no sanitizer output.
test_no_crash() {
	if grep -E 'Sanitizer|runtime error|Valgrind|definitely lost' "$1" >/dev/null; then
		cat "$1" >&2
		return 1
	fi
}

# Each body is read by the chain-lint (tests/cli/chainlint.py) once the
# script has run: a test whose body can swallow a failure fails, even if
# it passed.
test_chainlint_() {
	set -- "$TEST_META"/body.*
	[ -f "$1" ] || return 0
	if ! command -v python3 >/dev/null 2>&1; then
		echo "not ok - chain-lint: python3 is missing, the bodies were not read"
		test_failed=$((test_failed + 1))
		return
	fi
	python3 "$ROOT/tests/cli/chainlint.py" "$@" >"$TEST_META/lint" 2>&1
	for test_n_ in $(sed -n 's/^.*body\.\([0-9][0-9]*\): .*/\1/p' "$TEST_META/lint" | sort -un); do
		echo "not ok $test_n_ - chain-lint:"
		grep "body\.$test_n_: " "$TEST_META/lint" | sed "s|^$TEST_META/body\.|#   test |"
		if [ "$(cat "$TEST_META/result.$test_n_")" = ok ]; then
			test_passed=$((test_passed - 1))
			test_failed=$((test_failed + 1))
		fi
	done
	if grep -v 'body\.[0-9][0-9]*: ' "$TEST_META/lint" | grep -q .; then
		echo "not ok - chain-lint failed:"
		sed 's/^/#   /' "$TEST_META/lint"
		test_failed=$((test_failed + 1))
	fi
}

test_done() {
	test_chainlint_
	if [ "$test_skipped" -gt 0 ]; then
		echo "$test_passed passed, $test_failed failed, $test_skipped skipped"
	else
		echo "$test_passed passed, $test_failed failed"
	fi
	[ "$test_failed" -eq 0 ]
}
