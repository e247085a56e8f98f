#!/bin/sh
# t0520-review-example.sh - notes review on the example journal
# (examples/journal, replayed by examples/replay.sh): for each person,
# causes agree with the learnings and with the misses counted from the
# notes themselves, and the figures the README shows are the ones the tool
# prints.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the example journal, replayed' '
	sh "$ROOT/examples/replay.sh" "$NOTES" ex >out 2>err &&
	test -f ex/alice/2026-11-16.md &&
	git -C ex status --porcelain >st &&
	test_cmp /dev/null st
'

for p in alice bob minji; do
	test_expect_success "$p: causes are the learnings with those causes" '
		NOTES_NOW=2026-11-23T09:00 notes -C ex review $p --json >r.json 2>err &&
		test_no_crash err &&
		jq -e "(.causes.execution + .causes.assumption) > 0" r.json >/dev/null &&
		jq -e ".causes.execution == ([.learnings[] | select(.cause == \"execution\")] | length)" r.json >/dev/null &&
		jq -e ".causes.assumption == ([.learnings[] | select(.cause == \"assumption\")] | length)" r.json >/dev/null
	'

	test_expect_success "$p: causes are the misses of the notes, each review once" '
		NOTES_NOW=2026-11-23T09:00 notes -C ex review $p --json >r.json 2>err &&
		notes parse --json ex/$p/*.md >notes.json 2>err &&
		jq -s -c "[.[] | .review[] | select(.status != \"done\" or .cause != null) | .cause // \"unknown\"]
			| {execution: map(select(. == \"execution\")) | length,
			   assumption: map(select(. == \"assumption\")) | length,
			   unknown: map(select(. == \"unknown\")) | length}" notes.json >expect &&
		jq -c .causes r.json >actual &&
		test_cmp expect actual
	'
done

# readme_output COMMAND: the line the README shows after "$ COMMAND".
readme_output() {
	grep -F -x -A1 "\$ $1" "$ROOT/README.md" | sed -n 2p
}

test_expect_success 'the README: alice'"'"'s support, causes and carried items' '
	readme_output "NOTES_NOW=2026-11-23T09:00 notes review alice --json | jq -c '"'"'{support, causes, carried}'"'"'" >expect &&
	test -s expect &&
	NOTES_NOW=2026-11-23T09:00 notes -C ex review alice --json >r.json &&
	jq -c "{support, causes, carried}" r.json >actual &&
	test_cmp expect actual
'

test_expect_success 'the README: minji'"'"'s status' '
	readme_output "NOTES_NOW=2026-11-23T09:00 notes status minji --json" >expect &&
	test -s expect &&
	NOTES_NOW=2026-11-23T09:00 notes -C ex status minji --json >actual &&
	test_cmp expect actual
'

test_done
