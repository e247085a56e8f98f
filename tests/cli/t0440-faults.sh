#!/bin/sh
# t0440-faults.sh - faults and hostile input that must end in an error,
# never in a hang, a crash or a commit that should not be: notes done on a
# note with errors, history blobs over the size limit, a truncated object,
# the file-size limit, and the messages of unreadable things.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

test_expect_success 'setup: a team journal with committed notes' '
	setup_team j
'

test_expect_success 'notes done refuses what notes commit refuses: the errors, nothing written' '
	id=$(item_id j/alice/2026-11-23.md support "Book a staging slot") &&
	sed -i "s/^\(- \[ \] Ask Dana about alice.s fraud rules.*\)$/\1 due:2026-02-31/" \
		j/alice/2026-11-23.md &&
	test_grep "due:2026-02-31" j/alice/2026-11-23.md &&
	cp j/alice/2026-11-23.md before.md &&
	head=$(git -C j rev-parse HEAD) &&
	test_expect_code 1 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C j done "$id" >out 2>err &&
	test_grep "^alice/2026-11-23.md:[0-9]+:[0-9]+: error: .*2026-02-31" err &&
	test_grep "done: alice/2026-11-23.md has 1 error; \^$id not ticked, nothing written" err &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	cmp before.md j/alice/2026-11-23.md &&
	test_expect_code 1 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C j commit alice >out 2>err &&
	: once fixed, done ticks and commits &&
	git -C j checkout -q -- alice/2026-11-23.md &&
	NOTES_NOW=2026-11-24T09:00 notes -C j done "$id" >out 2>err &&
	git -C j show HEAD:alice/2026-11-23.md >committed.md &&
	test_grep "^- \[x\] Book a staging slot for alice" committed.md
'

test_done
