#!/bin/sh
# t0000-basic.sh - the harness itself: a test fails when any command of
# its body fails, when test_expect_code sees another status, when it
# hangs, and when the chain-lint finds a failure it would swallow; the
# last line adds up. Each case runs a small test script of its own.
. "$(dirname "$0")/lib.sh"

# run_inner NAME: run the test script NAME.sh (written by the test) with
# this library and a short per-test timeout; its output in NAME.out, its
# exit status in NAME.rc.
run_inner() {
	{
		echo ". \"$ROOT/tests/cli/lib.sh\""
		cat "$1.body"
		echo "test_done"
	} >"$1.sh" &&
	set +e &&
	NOTES_TEST_TIMEOUT=${INNER_TIMEOUT:-20} sh "$1.sh" >"$1.out" 2>&1
	echo $? >"$1.rc"
	set -e
}

test_expect_success 'a body whose middle command fails, on lines of their own, fails' '
	cat >middle.body <<-\EOF &&
	test_expect_success "false between two commands that pass" "
		true
		false
		true
	"
	EOF
	run_inner middle &&
	test_grep "^not ok 1 - false between two commands that pass$" middle.out &&
	test_grep "^0 passed, 1 failed$" middle.out &&
	test "$(cat middle.rc)" = 1
'

test_expect_success 'a body whose && chain breaks in the middle fails' '
	cat >chain.body <<-\EOF &&
	test_expect_success "true && false && true" "
		true &&
		false &&
		true
	"
	test_expect_success "a passing body passes" "
		true &&
		test 1 = 1
	"
	EOF
	run_inner chain &&
	test_grep "^not ok 1 - true && false && true$" chain.out &&
	test_grep "^ok 2 - a passing body passes$" chain.out &&
	test_grep "^1 passed, 1 failed$" chain.out &&
	test "$(cat chain.rc)" = 1
'

test_expect_success 'return 1 in a loop ends the body and fails it' '
	cat >loop.body <<-\EOF &&
	test_expect_success "the first round fails" "
		for i in 1 2; do
			test \$i = 2 || return 1
		done &&
		true
	"
	EOF
	run_inner loop &&
	test_grep "^not ok 1 - the first round fails$" loop.out &&
	test_grep "^0 passed, 1 failed$" loop.out
'

test_expect_success 'test_expect_code fails on a status it did not expect, passes on the one it did' '
	cat >code.body <<-\EOF &&
	test_expect_success "expects 1, gets 2" "
		test_expect_code 1 sh -c \"exit 2\"
	"
	test_expect_success "expects 2, gets 0" "
		test_expect_code 2 true
	"
	test_expect_success "expects 2, gets 2" "
		test_expect_code 2 sh -c \"exit 2\" &&
		test_expect_code 0 true
	"
	EOF
	run_inner code &&
	test_grep "^not ok 1 - expects 1, gets 2$" code.out &&
	test_grep "expected exit 1, got 2: sh -c exit 2" code.out &&
	test_grep "^not ok 2 - expects 2, gets 0$" code.out &&
	test_grep "^ok 3 - expects 2, gets 2$" code.out &&
	test_grep "^1 passed, 2 failed$" code.out
'

test_expect_success 'a body that hangs is killed by the per-test timeout, with what it started' '
	secs=3$$ &&
	cat >hang.body <<-EOF &&
	test_expect_success "waits forever" "
		sh -c \"sleep $secs; echo woke\" &
		wait
	"
	test_expect_success "the next test still runs" "
		true
	"
	EOF
	start=$(date +%s) &&
	INNER_TIMEOUT=2 run_inner hang &&
	end=$(date +%s) &&
	test $((end - start)) -lt 30 &&
	test_grep "^not ok 1 - waits forever$" hang.out &&
	test_grep "timed out after 2 s" hang.out &&
	test_grep "^ok 2 - the next test still runs$" hang.out &&
	test_grep "^1 passed, 1 failed$" hang.out &&
	sleep 0.2 &&
	! pgrep -f "sleep $secs" >pids
'

test_expect_success 'the chain-lint fails tests that pass only because a failure is swallowed' '
	cat >lint.body <<-\EOF &&
	test_expect_success "an && list, then a line of its own" "
		false && true
		true
	"
	test_expect_success "a group with ; written to a file" "
		{ true; true; } >f &&
		true
	"
	test_expect_success "git on the left of a pipe" "
		git rev-parse --verify no-such-thing 2>/dev/null | cat &&
		true
	"
	test_expect_success "a loop whose rounds are not all counted" "
		for i in 1 2; do
			test \$i = 2
		done &&
		true
	"
	test_expect_success "a failure report may use ;" "
		true || { echo why >&2; exit 1; }
	"
	EOF
	run_inner lint &&
	test_grep "^ok 1 - an && list, then a line of its own$" lint.out &&
	test_grep "^not ok 1 - chain-lint:$" lint.out &&
	test_grep "test 1: .*broken &&-chain" lint.out &&
	test_grep "test 2: .*broken &&-chain" lint.out &&
	test_grep "test 3: .*git. on the left of a pipe" lint.out &&
	test_grep "test 4: .*loop body must end with" lint.out &&
	! grep "test 5:" lint.out &&
	test_grep "^1 passed, 4 failed$" lint.out &&
	test "$(cat lint.rc)" = 1
'

test_expect_success 'a skipped test is counted as skipped, never as passed' '
	cat >skip.body <<-\EOF &&
	test_skip "needs a tool" "the tool is missing"
	test_expect_success "runs" "
		true
	"
	EOF
	run_inner skip &&
	test_grep "^ok 1 # skip needs a tool \(the tool is missing\)$" skip.out &&
	test_grep "^1 passed, 0 failed, 1 skipped$" skip.out &&
	test "$(cat skip.rc)" = 0
'

test_expect_success 'tests/run.sh adds up passed, failed and skipped over its suites' '
	mkdir -p fake/tests/cli fake/build &&
	printf "echo \"2 passed, 0 failed\"\n" >fake/tests/cli/t0001-a.sh &&
	printf "echo \"1 passed, 0 failed, 3 skipped\"\n" >fake/tests/cli/t0002-b.sh &&
	printf "echo \"4 passed, 1 failed\"; exit 1\n" >fake/tests/cli/t0003-c.sh &&
	cp "$ROOT/tests/run.sh" fake/tests/run.sh &&
	test_expect_code 1 sh fake/tests/run.sh fake/build --cli-only >sum &&
	test_grep "^7 passed, 1 failed, 3 skipped$" sum &&
	test_grep "^FAIL cli/t0003-c.sh" sum
'

test_expect_success 'without the Mustache spec its cases are skipped, the rest still run' '
	unit="$(dirname "$NOTES")/tests/test_template" &&
	"$unit" "$TRASH/no-spec-here" >unit.out &&
	test_grep "^# the Mustache spec is not at $TRASH/no-spec-here" unit.out &&
	test_grep "^ok # skip spec/interpolation.json" unit.out &&
	test_grep "^[1-9][0-9]* passed, 0 failed, 6 skipped$" unit.out &&
	mkdir empty-spec &&
	test_expect_code 1 "$unit" empty-spec >unit.out 2>unit.err &&
	test_grep "no spec files" unit.err
'

test_done
