#!/bin/sh
# concurrency.sh - `notes commit` run by many processes at once, and while
# editors save the note it is committing.
#
#  1. 8 `notes commit` for 8 people start at once on one journal, 10 times:
#     all 8 commits land, history stays linear, git fsck is clean, and the
#     work tree is clean afterwards (the index agrees with HEAD).
#  2. two editors (atomic rename, in-place rewrite) save one note while
#     `notes commit` runs on it in a loop: no save is lost (one that is
#     back within 5 s was only seen mid-swap: editors.py), and every
#     committed version is one the editors wrote, plus ids.
# usage: sh tests/stress/concurrency.sh BINARY [ROUNDS] [SAVES]
NOTES=${1:-${NOTES:-}}
ROUNDS=${2:-${CONCURRENCY_ROUNDS:-10}}
SAVES=${3:-${EDITOR_SAVES:-150}}
. "$(dirname "$0")/lib.sh"

# -- 1. eight committers ------------------------------------------------------
J=$TRASH/eight
PEOPLE="p1 p2 p3 p4 p5 p6 p7 p8"
make_journal "$J" $PEOPLE || { echo "stress: cannot build the journal" >&2; exit 2; }

missing=0 nonlinear=0 fsck_bad=0 failed_runs=0 dirty=0 first=
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	r=$((r + 1))
	for p in $PEOPLE; do
		sed "s/^- \(first\|round [0-9]* of .*\)\$/- round $r of $p/" "$J/$p/2026-11-23.md" >"$J/$p/.edit" &&
			mv "$J/$p/.edit" "$J/$p/2026-11-23.md"
	done
	head0=$(git -C "$J" rev-parse HEAD)
	pids=
	for p in $PEOPLE; do
		(cd "$J" && exec "$NOTES" commit "$p") >"$TRASH/out.$p" 2>&1 &
		pids="$pids $!"
	done
	for pid in $pids; do
		wait "$pid" || failed_runs=$((failed_runs + 1))
	done
	for p in $PEOPLE; do
		if grep -q . "$TRASH/out.$p" && ! grep -q '^committed' "$TRASH/out.$p"; then
			[ -n "$first" ] || first="round $r, $p: $(head -n 2 "$TRASH/out.$p" | tr '\n' ' ')"
		fi
	done
	subjects=$(git -C "$J" log --format=%s "$head0..HEAD")
	n=$(printf '%s\n' "$subjects" | grep -c '2026-11-23:')
	people=$(printf '%s\n' "$subjects" | cut -d' ' -f1 | sort -u | wc -l)
	if [ "$n" -ne 8 ] || [ "$people" -ne 8 ]; then
		missing=$((missing + 1))
		[ -n "$first" ] || first="round $r: $n commits for $people people"
	fi
	[ -z "$(git -C "$J" rev-list --merges HEAD)" ] || nonlinear=$((nonlinear + 1))
	fsck_clean "$J" || fsck_bad=$((fsck_bad + 1))
	if [ -n "$(git -C "$J" status --porcelain)" ]; then
		dirty=$((dirty + 1))
		[ -n "$first" ] || first="round $r: git status: $(git -C "$J" status --porcelain | head -n 3 | tr '\n' ' ')"
	fi
done
echo "# $ROUNDS rounds of 8 concurrent commits: $((ROUNDS - missing)) rounds with all 8 landed; $(git -C "$J" rev-list --count HEAD) commits in all"
[ -z "$first" ] || echo "# first failure: $first"
check "8 concurrent notes commit: every process exits 0 ($failed_runs failed)" "$failed_runs"
check "8 concurrent notes commit: all 8 commits land, one per person ($missing rounds short)" "$missing"
check "8 concurrent notes commit: history stays linear ($nonlinear rounds with merges)" "$nonlinear"
check "8 concurrent notes commit: git fsck --full is clean ($fsck_bad rounds)" "$fsck_bad"
check "8 concurrent notes commit: the work tree and index are clean afterwards ($dirty rounds)" "$dirty"

# -- 2. two editors and a committer -----------------------------------------
J=$TRASH/editors
make_journal "$J" alice || { echo "stress: cannot build the journal" >&2; exit 2; }
V=$TRASH/versions
mkdir -p "$V"
note=$J/alice/2026-11-23.md
cp "$note" "$V/base.md"
head0=$(git -C "$J" rev-parse HEAD)
: >"$TRASH/running"
(
	commits=0
	while [ -f "$TRASH/running" ]; do
		(cd "$J" && "$NOTES" commit alice) >>"$TRASH/commit.log" 2>&1
		commits=$((commits + 1))
	done
	echo "$commits" >"$TRASH/commits"
) &
loop=$!
python3 "$STRESS_DIR/editors.py" atomic "$note" "$V" "$SAVES" >"$TRASH/ed.a" 2>&1 &
ea=$!
python3 "$STRESS_DIR/editors.py" inplace "$note" "$V" "$SAVES" >"$TRASH/ed.b" 2>&1 &
eb=$!
wait "$ea"
wait "$eb"
sleep 1 # a last commit of the last save
rm -f "$TRASH/running"
wait "$loop"
cat "$TRASH/ed.a" "$TRASH/ed.b" | sed 's/^/# /'
lost=$(cat "$TRASH/ed.a" "$TRASH/ed.b" | sed -n 's/.* lost \([0-9]*\) seen-late [0-9]*$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
late=$(cat "$TRASH/ed.a" "$TRASH/ed.b" | sed -n 's/.* seen-late \([0-9]*\)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
# an editor result line missing is a failure, not "0 lost"
[ "$(grep -c ' lost [0-9]* seen-late [0-9]*$' "$TRASH/ed.a" "$TRASH/ed.b" | awk -F: '{ s += $2 } END { print s }')" -eq 2 ] || lost=$((lost + 1000))

# the final file holds the last save (with ids)
last=$(cat "$V/last")
python3 - "$V/$last.md" "$note" <<'EOF' >"$TRASH/why"
import re, sys
strip = lambda b: re.sub(rb' \^[0-9a-z]{6}', b'', b)
want, got = (open(p, 'rb').read() for p in sys.argv[1:3])
sys.exit(0 if strip(want) == strip(got) else print('the file is not save %s' % sys.argv[1]) or 1)
EOF
final_bad=$?

# every committed version of the note is a save, plus ids
git -C "$J" log --format=%H "$head0..HEAD" -- alice/2026-11-23.md >"$TRASH/revs"
python3 - "$V" "$TRASH/revs" "$J" <<'EOF' >"$TRASH/why.commits"
import os, re, subprocess, sys
versions, revs, journal = sys.argv[1:4]
strip = lambda b: re.sub(rb' \^[0-9a-z]{6}', b'', b)
saves = {strip(open(os.path.join(versions, f), 'rb').read())
         for f in os.listdir(versions) if f.endswith('.md')}
bad = 0
sizes = []
for rev in open(revs).read().split():
    blob = subprocess.run(['git', '-C', journal, 'show', rev + ':alice/2026-11-23.md'],
                          capture_output=True).stdout
    if strip(blob) not in saves:
        bad += 1
        sizes.append(str(len(blob)))
        if bad == 1:
            print('commit %s holds a version no editor saved (%d bytes)' % (rev[:12], len(blob)))
print('%d commits, %d not a saved version%s' % (len(open(revs).read().split()), bad,
      ' (sizes %s bytes)' % ', '.join(sizes) if sizes else ''))
sys.exit(1 if bad else 0)
EOF
commits_bad=$?
echo "# $(cat "$TRASH/commits") notes commit runs; $(cat "$TRASH/why.commits" | tr '\n' ';')"
echo "# commits that found a save made while they wrote the note, and left it standing: $(grep -c 'its save is kept' "$TRASH/commit.log")"
echo "# saves the other editor saw only after the commit that found them had put them back: $late"
echo "# commits refused because the note changed after it was read: $(grep -c 'changed since it was read' "$TRASH/commit.log")"
[ "$final_bad" -eq 0 ] || echo "# $(cat "$TRASH/why")"
fsck_clean "$J"; fsck2=$?
check "editors and notes commit: no save is lost ($lost lost)" "$lost"
check "editors and notes commit: the final file holds the last save" "$final_bad"
check "editors and notes commit: every commit holds a version an editor saved, plus ids" "$commits_bad"
check "editors and notes commit: git fsck --full is clean" "$fsck2"
finish
