#!/bin/sh
# race.sh - notes processes racing for the same note.
#
#  1. two `notes new bob --date D` start at once, ROUNDS times: exactly one
#     exits 0 and the other says the note exists already (notes never
#     replaces a note, not even one that appeared while it rendered).
#  2. `notes done ID` and `notes commit bob` of the same note start at
#     once, ROUNDS times: when done exits 0 the tick is in HEAD and in the
#     file (a commit of an older copy never reverts it), and neither
#     blames an editor for what the other notes process did.
# usage: sh tests/stress/race.sh BINARY [ROUNDS]
NOTES=${1:-${NOTES:-}}
ROUNDS=${2:-${RACE_ROUNDS:-100}}
. "$(dirname "$0")/lib.sh"

J=$TRASH/race
make_journal "$J" bob || { echo "stress: cannot build the journal" >&2; exit 2; }

# -- 1. two notes new ---------------------------------------------------------
both=0 none=0 bad_msg=0 first=
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	r=$((r + 1))
	rm -f "$J/bob/2026-12-01.md"
	(cd "$J" && exec "$NOTES" new bob --date 2026-12-01) >"$TRASH/new.a" 2>&1 &
	a=$!
	(cd "$J" && exec "$NOTES" new bob --date 2026-12-01) >"$TRASH/new.b" 2>&1 &
	b=$!
	wait "$a"; ra=$?
	wait "$b"; rb=$?
	if [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ]; then
		both=$((both + 1))
		[ -n "$first" ] || first="round $r: both exited 0"
	elif [ "$ra" -ne 0 ] && [ "$rb" -ne 0 ]; then
		none=$((none + 1))
		[ -n "$first" ] || first="round $r: both failed: $(cat "$TRASH/new.a" "$TRASH/new.b" | tr '\n' ' ')"
	else
		loser=$TRASH/new.a
		[ "$ra" -ne 0 ] || loser=$TRASH/new.b
		if ! grep -q "exists" "$loser"; then
			bad_msg=$((bad_msg + 1))
			[ -n "$first" ] || first="round $r: $(head -n 2 "$loser" | tr '\n' ' ')"
		fi
	fi
done
left=$(find "$J/bob" -name '.*tmp-*' | wc -l)
echo "# $ROUNDS rounds of two notes new at once: $both with both exiting 0, $none with none"
[ -z "$first" ] || echo "# first failure: $first"
check "two notes new of one note: exactly one succeeds ($both rounds both, $none rounds none)" $((both + none))
check "two notes new of one note: the other says it exists ($bad_msg rounds said otherwise)" "$bad_msg"
check "two notes new of one note: no temporary file is left ($left)" "$left"
rm -f "$J/bob/2026-12-01.md"

# -- 2. notes done and notes commit of one note -------------------------------
note=$J/bob/2026-11-23.md
id=$(sed -n 's/^- \[ \] Land the payment page #ship ^\([0-9a-z]\{6\}\)$/\1/p' "$note")
[ -n "$id" ] || { echo "stress: no id on the focus item" >&2; exit 2; }
reverted=0 blamed=0 done_failed=0 first=
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	r=$((r + 1))
	# the item open again, committed; then an edit for notes commit to take
	sed "s/^- \[x\] Land the payment page/- [ ] Land the payment page/" "$note" >"$note.new" &&
		mv "$note.new" "$note" &&
		"$NOTES" -C "$J" commit bob >/dev/null 2>&1
	sed "s/^- .*\(first\|round [0-9]*\)\$/- round $r/" "$note" >"$note.new" &&
		mv "$note.new" "$note"
	# one of them starts 0-60 ms after the other: either may read first
	set -- $(awk -v s="$r" 'BEGIN { srand(s); p = rand() * 0.12 - 0.06; printf "%.3f %.3f", (p > 0 ? p : 0), (p < 0 ? -p : 0) }')
	pause="$1 $2"
	(sleep "$1" && cd "$J" && exec "$NOTES" commit bob) >"$TRASH/commit.out" 2>&1 &
	c=$!
	(sleep "$2" && cd "$J" && exec "$NOTES" done "$id") >"$TRASH/done.out" 2>&1 &
	d=$!
	wait "$c"
	wait "$d"; rd=$?
	if grep -qi "editor" "$TRASH/commit.out" "$TRASH/done.out"; then
		blamed=$((blamed + 1))
		[ -n "$first" ] || first="round $r: $(grep -hi editor "$TRASH/commit.out" "$TRASH/done.out" | head -n 1)"
	fi
	if [ "$rd" -ne 0 ]; then
		done_failed=$((done_failed + 1))
		[ -n "$first" ] || first="round $r: done exited $rd: $(head -n 2 "$TRASH/done.out" | tr '\n' ' ')"
		continue
	fi
	git -C "$J" show HEAD:bob/2026-11-23.md >"$TRASH/head.md" 2>/dev/null
	if ! grep -q "^- \[x\] Land the payment page #ship ^$id\$" "$TRASH/head.md" ||
		! grep -q "^- \[x\] Land the payment page #ship ^$id\$" "$note"; then
		reverted=$((reverted + 1))
		[ -n "$first" ] || first="round $r: the tick is not in HEAD or in the file"
	fi
done
echo "# $ROUNDS rounds of notes done and notes commit of one note at once: $reverted ticks reverted, $done_failed done failed"
[ -z "$first" ] || echo "# first failure: $first"
fsck_clean "$J"; fsck=$?
check "done and commit of one note: done succeeds ($done_failed rounds failed)" "$done_failed"
check "done and commit of one note: the tick stays in HEAD and in the file ($reverted rounds reverted)" "$reverted"
check "done and commit of one note: no editor is blamed ($blamed rounds)" "$blamed"
check "done and commit of one note: git fsck --full is clean" "$fsck"
finish
