# lib.sh - the CLI test library, in the style of git's t/test-lib.sh.
# A test script sources it, calls test_expect_success 'what' 'commands'
# for each behaviour, and ends with test_done.
set -u
: "${NOTES:?run the tests through tests/run.sh or set NOTES}"
: "${ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NOTES_WRAPPER:=}"

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/notes-cli.XXXXXX")
trap 'chmod -R u+w "$TRASH" 2>/dev/null; rm -rf "$TRASH"' EXIT
export HOME="$TRASH/home" TZ=UTC LC_ALL=C NO_COLOR=1
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$TRASH/home/.gitconfig"
unset VISUAL EDITOR GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE NOTES_NOW 2>/dev/null || true
mkdir -p "$HOME"
cd "$TRASH" || exit 1

test_passed=0
test_failed=0
test_count=0

# The product under test (optionally under valgrind, see make leakcheck).
notes() {
	# shellcheck disable=SC2086
	$NOTES_WRAPPER "$NOTES" "$@"
}

test_expect_success() {
	test_count=$((test_count + 1))
	if (cd "$TRASH" && set -e && eval "$2") >"$TRASH/.out" 2>&1; then
		test_passed=$((test_passed + 1))
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.out" | tail -n 30
	fi
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

test_done() {
	echo "$test_passed passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
}
