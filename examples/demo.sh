#!/bin/sh
# demo.sh - the weekly loop of notes, shown on the example team (make demo).
#
# usage: sh examples/demo.sh NOTES_BINARY
#
# Replays examples/journal into a temporary journal, then walks through one
# 1:1 as a user would: write the note, fill it in, check it, commit it, and
# read the history, the team status and two retrospectives.  Needs only sh,
# git and the notes binary; leaves nothing behind.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: sh examples/demo.sh NOTES_BINARY" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
case $1 in
*/*) notes=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
*) notes=$(command -v "$1") ;;
esac

# The demo's world: UTC, no pager, no colours, the journal's own identities.
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE NOTES_NOW
TZ=UTC
NO_COLOR=1
GIT_PAGER='cat'
export TZ NO_COLOR GIT_PAGER

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

heading() {
	printf '\n== %s ==\n\n' "$*"
}
say() {
	printf '%s\n' "$@"
}
# at CLOCK ARGS...: show "notes ARGS" as a user types it, then run it with
# the demo's clock set to CLOCK.
at() {
	clock=$1
	shift
	printf '$ NOTES_NOW=%s notes %s\n' "$clock" "$*"
	NOTES_NOW=$clock "$notes" "$@"
}
# run 'COMMAND LINE': show it, then run it as written.
run() {
	printf '$ %s\n' "$1"
	eval "$1"
}

heading "The example team"
say "Kim leads weekly 1:1s with Alice, Bob and Minji. examples/journal holds" \
	"eight weeks of their notes; replaying them into a fresh git journal..."
sh "$here/replay.sh" "$notes" "$tmp/journal"
cd "$tmp/journal"
say "" "Every meeting is one commit, every delivered support item another."
say "In the journal:"
echo
at 2026-11-23T09:00 person list

heading "Monday 23 November, 9:00: write the note before the 1:1"
say "notes new carries last week's goals, commitments (with their ^ids) and" \
	"open blockers into this week's note. NOTES_NOW sets the demo's clock."
echo
at 2026-11-23T09:00 new alice --no-edit
echo
run 'cat alice/2026-11-23.md'

heading "In the meeting: fill it in together"
say "Any editor will do. Here Alice and Kim review last week (done, or why" \
	"not and what they learned), name what blocks her, what Kim does within" \
	"48 hours, and her focus for the next 5 days. What they changed:"
echo
cp alice/2026-11-23.md "$tmp/before.md"
awk '
/^## / { section = $0 }
section ~ /commitments/ && /Write the Black Friday checkout runbook/ {
	sub(/\[ \]/, "[~]"); print
	print "  - cause: execution"
	print "  - learning: the on-call engineer was out all week; book the review when the draft starts"
	next
}
section ~ /commitments/ && /Check the fraud catch rate/ { sub(/\[ \]/, "[x]") }
section ~ /blocking/ && /^- The fraud team/ {
	sub(/^- /, "- [x] ")
	print
	print "  - kind: environment"
	print "  - scope: structural"
	print "  - impact: solved: the fraud API has a timeout option since Friday"
	skip = 1
	next
}
skip && /^  - / { next }
{ skip = 0 }
section ~ /blocking/ && /^$/ && !added_blocker {
	print "- No traffic forecast for Black Friday checkout #capacity"
	print "  - kind: environment"
	print "  - scope: week"
	print "  - impact: we cannot size the payment workers"
	added_blocker = 1
}
section ~ /help with/ && /^- \[ \] *$/ {
	print "- [ ] Get the Black Friday traffic forecast from the data team"
	print "  - how: connect"
	next
}
section ~ /focus on/ && /^- \[ \] *$/ {
	print "- [ ] Load-test the payment page at 3x traffic #latency"
	print "  - metric: p95 under 800 ms at 3x traffic"
	print "  - fallback: add two payment workers for the weekend"
	print "- [ ] Get the checkout runbook reviewed by the on-call engineer #conversion"
	print "  - metric: review done by Wednesday"
	print "  - fallback: walk the on-call engineer through it on Thursday"
	next
}
section ~ /focus on/ && /^  - (metric|fallback): *$/ { next }
/^Purpose: *$/ { $0 = "Purpose: Black Friday week: keep checkout calm." }
section ~ /Feedback/ && /^- *$/ {
	$0 = "- The time-box check was thorough; send the numbers to the fraud team before they ask."
}
{ print }
' "$tmp/before.md" >"$tmp/after.md"
cp "$tmp/after.md" alice/2026-11-23.md
# the diff without git's header, which names the temporary files
say "--- alice/2026-11-23.md, as notes new wrote it" \
	"+++ alice/2026-11-23.md, after the meeting"
git diff --no-index --no-color "$tmp/before.md" "$tmp/after.md" | sed '1,/^+++ /d' || true

heading "After the meeting: check the loop, then commit"
say "notes check finds broken loops (an item of last week not reviewed, a miss" \
	"without a cause) and weaker spots; it prints nothing when all is well."
echo
at 2026-11-23T11:00 check alice
echo
say "notes commit gives every new task an ^id and commits the meeting alone:"
echo
at 2026-11-23T11:00 commit
echo
say "The new tasks now carry their ids:"
echo
run 'tail -n 12 alice/2026-11-23.md'

heading "git is the history"
run "git log --format='%h %ad %s' --date=short -5"
echo
say "The message lists the commitments and ends with trailers:"
echo
run 'git log -1 --format=%B'

heading "The team now"
say "Open support against the 48-hour promise, focus due, items carried:"
echo
at 2026-11-23T11:00 status

heading "The retrospective, from git history"
at 2026-11-23T11:00 review alice
echo
at 2026-11-23T11:00 review minji

heading "Done"
say "That was one week of the loop. Try it yourself: notes init, notes person add," \
	"then every week notes new, notes commit and notes done."
