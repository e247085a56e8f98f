#!/bin/sh
# kill.sh - SIGKILL `notes commit` and `notes done` at random moments (0-50
# ms after the start) and check that nothing is ever half done: git fsck is
# clean, HEAD is a complete commit, every note is byte for byte its old or
# its new content, no temporary file is left for git to pick up, and a
# rerun of `notes commit` completes the work.
# Rounds go on until KILLS commands were killed (a command that finishes
# before its kill still counts as a round, and is checked the same way),
# at most 4 x KILLS rounds.
# usage: sh tests/stress/kill.sh BINARY [KILLS]
NOTES=${1:-${NOTES:-}}
KILLS=${2:-${KILL_ROUNDS:-200}}
. "$(dirname "$0")/lib.sh"

J=$TRASH/journal
PEOPLE="alice bob carol"
make_journal "$J" $PEOPLE || { echo "stress: cannot build the journal" >&2; exit 2; }

kills=0 landed=0 reruns=0 rerun_failed=0 fsck_bad=0 head_bad=0 content_bad=0
committed_bad=0 temps=0 temps_after=0 locks=0 dones=0 dirty=0 lock_names= cleared=0
first_error=

# note the first failure of each kind, for the report
shown=0
fail() {
	[ -n "$first_error" ] || first_error="round $i: $*"
	shown=$((shown + 1))
	[ "$shown" -gt 10 ] || echo "# round $i: $*" >&2
}

# A temporary file left in the work tree that `git add -A` would commit.
stray_temps() {
	git -C "$J" status --porcelain --untracked-files=all | grep -E '\.tmp|~$|\.lock$' || true
}

i=0
while [ "$kills" -lt "$KILLS" ] && [ "$i" -lt $((KILLS * 4)) ]; do
	i=$((i + 1))
	set -- $PEOPLE
	shift $((i % 3))
	p=$1
	rel=$p/2026-11-23.md
	f=$J/$rel
	head0=$(git -C "$J" rev-parse HEAD)
	cp "$f" "$TRASH/before"
	delay=$(awk -v s="$i" 'BEGIN { srand(s * 7919); printf "%.3f", rand() * 0.05 }')
	if [ $((i % 4)) -eq 3 ] && id=$(grep -m1 -oE '^- \[ \] Step [0-9]+ #ship \^[0-9a-z]{6}' "$f" | sed 's/.*\^//') && [ -n "$id" ]; then
		mode=done
		dones=$((dones + 1))
		(cd "$J" && exec "$NOTES" done "$id") >"$TRASH/out" 2>&1 &
	else
		mode=ids
		python3 - "$f" "$i" <<'EOF'
import sys
path, i = sys.argv[1], sys.argv[2]
text = open(path, 'rb').read()
item = b'- [ ] Step %s #ship\n  - metric: steps done\n' % i.encode()
at = text.index(b'\n## Feedback')
open(path + '.edit', 'wb').write(text[:at] + b'\n' + item + text[at:])
EOF
		mv "$f.edit" "$f" # the user's save: atomic
		cp "$f" "$TRASH/before"
		(cd "$J" && exec "$NOTES" commit "$p") >"$TRASH/out" 2>&1 &
	fi
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null

	# what the kill left
	fsck_clean "$J" || { fsck_bad=$((fsck_bad + 1)); fail "git fsck --full is not clean"; }
	[ "$(git -C "$J" cat-file -t HEAD 2>/dev/null)" = commit ] &&
		git -C "$J" ls-tree -r HEAD >/dev/null 2>&1 ||
		{ head_bad=$((head_bad + 1)); fail "HEAD is not a complete commit"; }
	if ! python3 "$STRESS_DIR/same_note.py" "$mode" "$TRASH/before" "$f" >"$TRASH/why"; then
		content_bad=$((content_bad + 1))
		fail "$(cat "$TRASH/why")"
	fi
	git -C "$J" show "HEAD:$rel" >"$TRASH/head" 2>/dev/null
	head1=$(git -C "$J" rev-parse HEAD)
	if [ "$head1" != "$head0" ]; then
		landed=$((landed + 1))
		# a landed commit holds exactly what the file holds
		cmp -s "$TRASH/head" "$f" || { committed_bad=$((committed_bad + 1)); fail "HEAD:$rel differs from the file"; }
	fi
	[ -z "$(stray_temps)" ] || temps=$((temps + 1))
	l=$(cd "$J/.git" && find . -name '*.lock' | tr '\n' ' ')
	if [ -n "$l" ]; then
		locks=$((locks + 1))
		case " $lock_names " in *" $l"*) ;; *) lock_names="$lock_names$l" ;; esac
	fi

	# the rerun completes the work
	if ! (cd "$J" && "$NOTES" commit "$p") >"$TRASH/rerun" 2>&1; then
		rerun_failed=$((rerun_failed + 1))
		fail "rerun of notes commit failed: $(grep '^notes:' "$TRASH/rerun" | head -n 2 | tr '\n' ' ')(locks: $(cd "$J/.git" && find . -name '*.lock' | tr '\n' ' '))"
		# what git would tell a user to do: remove the stale lock, try again
		find "$J/.git" -name '*.lock' -exec rm -f {} +
		(cd "$J" && "$NOTES" commit "$p") >/dev/null 2>&1 ||
			fail "even without lock files the rerun fails: $(cd "$J" && "$NOTES" commit "$p" 2>&1 | grep '^notes:' | head -n 1)"
	fi
	grep -q '^notes: removed .*killed while it committed' "$TRASH/rerun" && cleared=$((cleared + 1))
	[ "$(git -C "$J" rev-parse HEAD)" != "$head1" ] && reruns=$((reruns + 1))
	git -C "$J" show "HEAD:$rel" >"$TRASH/head" 2>/dev/null
	cmp -s "$TRASH/head" "$f" || { committed_bad=$((committed_bad + 1)); fail "after the rerun HEAD:$rel differs from the file"; }
	# the index agrees with HEAD for the note (a plain git commit would not undo it)
	st=$(git -C "$J" status --porcelain -- "$rel")
	[ -z "$st" ] || { dirty=$((dirty + 1)); fail "after the rerun git status shows: $st"; }
	if [ -n "$(stray_temps)" ]; then
		temps_after=$((temps_after + 1))
		fail "left for git to commit: $(stray_temps | tr '\n' ' ')"
		# clean up so the next round starts from a clean tree
		stray_temps | sed 's/^?? //' | while read -r t; do rm -f "$J/$t"; done
	fi
done

echo "# kills: $kills in $i rounds ($dones notes done, $((i - dones)) notes commit; in the other rounds the command finished within its delay)"
echo "# commits landed before the kill (or the command finished): $landed; reruns that had work left: $reruns"
echo "# stale lock files after a kill: $locks rounds${lock_names:+ ($lock_names)}, removed by the rerun: $cleared; temporary files after a kill: $temps rounds, after the rerun: $temps_after"
[ -z "$first_error" ] || echo "# first failure: $first_error"
check "$KILLS commands killed ($kills)" "$((kills < KILLS))"
check "git fsck --full is clean after every kill ($fsck_bad bad)" "$fsck_bad"
check "HEAD is always a complete commit ($head_bad bad)" "$head_bad"
check "every note is its old or its new content, never truncated ($content_bad bad)" "$content_bad"
check "a commit holds what the note file holds ($committed_bad bad)" "$committed_bad"
check "a rerun of notes commit completes the work ($rerun_failed failed)" "$rerun_failed"
check "after the rerun git status is clean for the note: index = HEAD = file ($dirty rounds)" "$dirty"
check "no temporary file left for git to commit after the rerun ($temps_after rounds)" "$temps_after"
finish
