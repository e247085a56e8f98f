#!/bin/sh
# replay.sh - rebuild the example journal as a git history, using only notes.
#
# usage: sh examples/replay.sh NOTES_BINARY DIR
#
# Creates a journal at DIR (a new or empty directory) with `notes init` and
# `notes person add` from examples/journal/.notes/config, then walks the
# example in time order: each note is copied into place and committed with
# `notes commit` one hour after its meeting, and each line "<id> <time>" of
# examples/journal/DELIVERIES becomes `notes done <id>` at that time.  The
# clock is NOTES_NOW, so commit dates are the story's dates and the result is
# the same on every machine.  Quiet unless a step fails (then exit 1).
set -eu

usage() {
	echo "usage: sh examples/replay.sh NOTES_BINARY DIR" >&2
	exit 2
}
die() {
	echo "replay: $*" >&2
	exit 1
}

[ $# -eq 2 ] || usage
notes=$1
dir=$2
example=$(cd "$(dirname "$0")/journal" && pwd)
config=$example/.notes/config

case $notes in
*/*) notes=$(cd "$(dirname "$notes")" && pwd)/$(basename "$notes") ;;
*) notes=$(command -v "$notes") || die "no such program: $1" ;;
esac
[ -x "$notes" ] || die "not an executable: $1"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
	die "$dir exists and is not empty"
fi

# The same history everywhere: the story's clock, in one time zone, and the
# identities of .notes/config rather than the caller's.
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE NOTES_NOW
TZ=UTC
export TZ

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

# run CLOCK ARGS...: run notes at CLOCK; show its output only when it fails.
run() {
	clock=$1
	shift
	if ! NOTES_NOW=$clock "$notes" "$@" >"$work/out" 2>&1 </dev/null; then
		cat "$work/out" >&2
		die "failed: NOTES_NOW=$clock notes $*"
	fi
}

cfg() { git config -f "$config" --get "$1" 2>/dev/null || true; }

# "YYYY-MM-DD HH:MM" (or a date alone: 09:00) plus one hour, as NOTES_NOW.
after_meeting() {
	day=${1%% *}
	time=${1#"$day"}
	time=${time# }
	[ -n "$time" ] || time=09:00
	case $day$time in
	[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-2][0-9]:[0-5][0-9]) ;;
	*) die "$2: date '$1' is not YYYY-MM-DD HH:MM" ;;
	esac
	hour=${time%%:*}
	minute=${time#*:}
	hour=$((${hour#0} + 1))
	[ "$hour" -le 23 ] || die "$2: a meeting after 23:00 is not supported"
	printf '%sT%02d:%s\n' "$day" "$hour" "$minute"
}

# The meeting date of a note: front matter "date:", else its file name.
note_date() {
	d=$(awk 'NR == 1 && !/^---/ { exit } NR > 1 && /^---/ { exit }
		NR > 1 && sub(/^date:[ \t]*/, "") { sub(/[ \t\r]+$/, ""); print; exit }' "$1")
	[ -n "$d" ] || d=$(basename "$1" .md)
	echo "$d"
}

# The events, in time order ("done" before a note committed the same minute).
events=$work/events
: >"$events"
for path in "$example"/*/*.md; do
	[ -f "$path" ] || continue
	rel=${path#"$example"/}
	case $rel in
	*/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md) ;;
	*) continue ;;
	esac
	when=$(after_meeting "$(note_date "$path")" "$rel")
	echo "$when note $rel" >>"$events"
done
if [ -f "$example/DELIVERIES" ]; then
	grep -v -e '^#' -e '^[[:space:]]*$' "$example/DELIVERIES" |
	while read -r id when rest; do
		echo "$id $when" | grep -Eq '^[0-9a-z]{6} [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$' ||
			die "DELIVERIES: bad line: $id $when $rest"
		echo "$when done $id"
	done >>"$events"
fi
LC_ALL=C sort -k1,1 -k2,2 -o "$events" "$events"
[ -s "$events" ] || die "no notes in $example"
start=$(head -n 1 "$events" | cut -d' ' -f1)

# The journal and the team, as the example's config has them.
leader=$(cfg journal.leader)
[ -n "$leader" ] || die "$config: no journal.leader"
set -- init "$dir" --leader "$leader"
v=$(cfg "person.$leader.name"); [ -z "$v" ] || set -- "$@" --name "$v"
v=$(cfg "person.$leader.email"); [ -z "$v" ] || set -- "$@" --email "$v"
v=$(cfg journal.language); [ -z "$v" ] || set -- "$@" --lang "$v"
run "$start" "$@"

git config -f "$config" --name-only --list |
	sed -n 's/^person\.\(.*\)\.[^.]*$/\1/p' | awk '!seen[$0]++' >"$work/people"
while read -r id; do
	[ "$id" != "$leader" ] || continue
	set -- -C "$dir" person add "$id"
	v=$(cfg "person.$id.name"); [ -z "$v" ] || set -- "$@" --name "$v"
	v=$(cfg "person.$id.email"); [ -z "$v" ] || set -- "$@" --email "$v"
	v=$(cfg "person.$id.slot"); [ -z "$v" ] || set -- "$@" --slot "$v"
	run "$start" "$@"
done <"$work/people"

# Week by week.
while read -r when what arg; do
	case $what in
	note)
		mkdir -p "$dir/$(dirname "$arg")"
		cp "$example/$arg" "$dir/$arg"
		run "$when" -C "$dir" commit "$arg"
		;;
	done)
		run "$when" -C "$dir" 'done' "$arg"
		;;
	esac
done <"$events"
