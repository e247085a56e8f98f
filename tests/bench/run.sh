#!/bin/sh
# run.sh - benchmark notes against the floors it should stay near (cmark,
# git) on generated journals, print the machine and a table of ratios
# against the targets, and write the table to tests/bench/results.md.
# usage: tests/bench/run.sh [NOTES-BINARY]        (make bench runs it)
#
# Environment:
#   NOTES_BENCH_CACHE  where gen and the journals are kept between runs
#                      (default $HOME/.cache/notes-bench)
#   NOTES_BENCH_RUNS   timed runs of the slow rows (default 10); the fast
#                      rows (status, commit, new) take 5 times as many
#   NOTES_BENCH_SCALE  1 also times review --team on a journal of 200
#                      people x 260 weeks (generated once, about a minute)
#   NOTES_BENCH_TIMER  "loop" times with the script's own loop even when
#                      hyperfine is installed (it is the fallback otherwise)
#   CC                 the C compiler for gen (default cc)
#
# Exit status: 0 when every benchmark ran, whether or not its target is met;
# 2 when something could not be built, generated or run.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/tests/bench
NOTES=${1:-build/notes}
case $NOTES in /*) ;; *) NOTES=$(pwd)/$NOTES ;; esac
CACHE=${NOTES_BENCH_CACHE:-${HOME:-/tmp}/.cache/notes-bench}
RUNS=${NOTES_BENCH_RUNS:-10}
FAST_RUNS=$((RUNS * 5))
CC=${CC:-cc}
RESULTS=$BENCH/results.md

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 2; }

[ -x "$NOTES" ] || die "no notes binary at $NOTES (run make first)"
for tool in git cmark awk; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
done
case $RUNS in '' | *[!0-9]* | 0) die "NOTES_BENCH_RUNS must be a positive number" ;; esac

# Nothing from the user's git configuration (signing, hooks, fsync) may
# change what the git baselines do; the identity and clock are fixed.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Kim Wonwoo" GIT_AUTHOR_EMAIL=kim@example.com
export GIT_COMMITTER_NAME="Kim Wonwoo" GIT_COMMITTER_EMAIL=kim@example.com
export NO_COLOR=1 TZ=UTC
unset VISUAL EDITOR GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE 2>/dev/null || true

# The date of the Monday WEEKS weeks after the first one of the corpus
# (2021-11-22): the first Monday after a journal of WEEKS weeks.
monday_after() { date -u -d "2021-11-22 +$(($1 * 7)) days" +%Y-%m-%d; }

# ---------------------------------------------------------------------------
# The corpus: built once per version of the generator and kept in the cache.

key=$(cat "$BENCH/gen.c" "$BENCH/phrases.h" | cksum | awk '{ print $1 "-" $2 }')
DATA=$CACHE/$key
mkdir -p "$DATA" || die "cannot create the cache directory $DATA"

# What an interrupted run was building (NAME.tmp.PID) is removed once its
# run is gone; this run removes its own on the way out.
WORK=
GEN_TMP=
trap 'rm -rf "$GEN_TMP" ${WORK:+"$WORK"}' EXIT
trap 'exit 2' INT TERM HUP
for stale in "$DATA"/*.tmp.*; do
	[ -e "$stale" ] || continue
	kill -0 "${stale##*.}" 2>/dev/null || rm -rf "$stale"
done

if [ ! -x "$DATA/gen" ]; then
	say "building gen into $DATA"
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$DATA/gen.tmp.$$" "$BENCH/gen.c" \
		|| die "cannot build tests/bench/gen.c with $CC"
	mv -f "$DATA/gen.tmp.$$" "$DATA/gen"
fi

# journal NAME PEOPLE WEEKS: generate DATA/NAME unless it is there. The
# journal is built next to its final place and renamed, so an interrupted
# run, or two runs at once, never leave a half-made journal behind.
journal() {
	[ -d "$DATA/$1/.git" ] && return 0
	say "generating $1: $2 people x $3 weeks ($(($2 * $3)) notes)..."
	t0=$(date +%s)
	tmp=$DATA/$1.tmp.$$
	GEN_TMP=$tmp
	rm -rf "$tmp"
	git init -q -b main "$tmp" || die "git init failed"
	"$DATA/gen" "$2" "$3" | git -C "$tmp" fast-import --quiet \
		|| die "gen $2 $3 | git fast-import failed"
	git -C "$tmp" reset -q --hard || die "git reset failed in $tmp"
	mv -T "$tmp" "$DATA/$1" 2>/dev/null || rm -rf "$tmp"
	GEN_TMP=
	[ -d "$DATA/$1/.git" ] || die "could not create $DATA/$1"
	say "generated $1 in $(($(date +%s) - t0)) s"
}

# next_note NAME PEOPLE WEEKS PATH: the note gen writes at PATH in week
# WEEKS + 1, the natural next note of journal NAME, with the ids of its new
# (support and focus) tasks removed, as a user leaves them for notes commit.
next_note() {
	[ -s "$DATA/$1.next.md" ] && return 0
	say "extracting the next note of $1 ($4)"
	"$DATA/gen" "$2" "$(($3 + 1))" | LC_ALL=C awk -v P="$4" '
		$0 == "M 100644 inline " P { want = 1; next }
		want == 1 { n = substr($0, 6) + 0; want = 2; next }
		want == 2 { print; got += length($0) + 1; if (got >= n) exit }
	' | awk '/^## /{ sec++ } sec != 2 && /^- \[.\] / { sub(/ \^[0-9a-z]+$/, "") } { print }' \
		>"$DATA/$1.next.tmp.$$"
	[ -s "$DATA/$1.next.tmp.$$" ] || die "gen wrote no $4 in week $(($3 + 1))"
	mv -f "$DATA/$1.next.tmp.$$" "$DATA/$1.next.md"
}

journal S 5 52
journal L 50 260
journal L26 50 26
journal one 1 1
NOW_L=$(monday_after 260)
NOW_L26=$(monday_after 26)
NOW_ONE=$(monday_after 1)
NEXT_L=alice/$NOW_L.md
NEXT_ONE=alice/$NOW_ONE.md
next_note L 50 260 "$NEXT_L"
next_note one 1 1 "$NEXT_ONE"

L=$DATA/L
L26=$DATA/L26
nnotes=$(cd "$L" && ls -- */*.md | wc -l | tr -d ' ')
[ "$nnotes" = 13000 ] || die "$L holds $nnotes notes, not 13000 (remove $DATA)"

# The commands that change a journal (commit, new) run on copies; the
# cached journals are only read.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/notes-bench.XXXXXX") || die "cannot create a temporary directory"
say "copying the journals to $WORK"
cp -a "$L" "$WORK/L"
cp -a "$DATA/one" "$WORK/one"
BASE_L=$(git -C "$L" rev-parse HEAD)
BASE_ONE=$(git -C "$DATA/one" rev-parse HEAD)

# What each --prepare runs: back to the generated history, then the same
# new note (commit) or no note (new).
cat >"$WORK/prep-commit-L" <<EOF
git -C '$WORK/L' reset -q --hard $BASE_L && cp '$DATA/L.next.md' '$WORK/L/$NEXT_L'
EOF
cat >"$WORK/prep-commit-one" <<EOF
git -C '$WORK/one' reset -q --hard $BASE_ONE && cp '$DATA/one.next.md' '$WORK/one/$NEXT_ONE'
EOF
cat >"$WORK/prep-new" <<EOF
git -C '$WORK/L' reset -q --hard $BASE_L && rm -f '$WORK/L/$NEXT_L'
EOF

# Environment prefixes: the clock just before the next meeting week of each
# journal, and the git clock of the commit it makes.
env_at() { # env_at DATE HH:MM
	echo "NOTES_NOW=$1T$2 GIT_AUTHOR_DATE=$1T$2:00Z GIT_COMMITTER_DATE=$1T$2:00Z"
}
ENV_L=$(env_at "$NOW_L" 08:00)
ENV_L26=$(env_at "$NOW_L26" 08:00)
ENV_COMMIT_L=$(env_at "$NOW_L" 14:00)
ENV_COMMIT_ONE=$(env_at "$NOW_ONE" 14:00)

# ---------------------------------------------------------------------------
# Check every command once before timing it: a broken command must fail the
# bench, not be timed as fast.

check() { # check WHAT COMMAND: run COMMAND in sh; fail the bench if it fails
	what=$1
	if ! sh -c "$2" >"$WORK/check.out" 2>&1; then
		sed 's/^/    /' "$WORK/check.out" | tail -n 20 >&2
		die "$what failed: $2"
	fi
}

say "checking the commands"
check "notes parse" "cd '$L' && '$NOTES' parse --json */*.md >'$WORK/parse.jsonl'"
n=$(wc -l <"$WORK/parse.jsonl" | tr -d ' ')
[ "$n" = "$nnotes" ] || die "notes parse --json printed $n lines for $nnotes notes"
check "cmark" "cd '$L' && cat */*.md | cmark -t xml >/dev/null"
check "notes status" "$ENV_L '$NOTES' -C '$L' status >/dev/null"
check "notes status (L26)" "$ENV_L26 '$NOTES' -C '$L26' status >/dev/null"
check "notes review" "$ENV_L '$NOTES' -C '$L' review alice >/dev/null"
check "git log -p" "git -C '$L' log -p -- alice/ >/dev/null"
check_commit() { # check_commit JOURNAL ENV NOTE-PATH
	check "prepare ($1)" "sh '$WORK/prep-commit-$1'"
	check "notes commit ($1)" "$2 '$NOTES' -C '$WORK/$1' commit $3"
	subject=$(git -C "$WORK/$1" log -1 --format=%s)
	case $subject in
	"alice $(basename "$3" .md): "*) ;;
	*) die "notes commit on $1 did not commit $3 (last commit: $subject)" ;;
	esac
	[ -z "$(git -C "$WORK/$1" status --porcelain)" ] \
		|| die "notes commit on $1 left changes behind"
}
check_commit L "$ENV_COMMIT_L" "$NEXT_L"
check_commit one "$ENV_COMMIT_ONE" "$NEXT_ONE"
check "prepare (git)" "sh '$WORK/prep-commit-L'"
check "git commit" "cd '$WORK/L' && git add $NEXT_L && git commit -q -m x"
check "prepare (new)" "sh '$WORK/prep-new'"
check "notes new" "$ENV_L '$NOTES' -C '$WORK/L' new alice --no-edit"
[ -f "$WORK/L/$NEXT_L" ] || die "notes new alice did not write $NEXT_L"
ONE_NOTE=$L/alice/$(monday_after 259).md
[ -f "$ONE_NOTE" ] || die "no $ONE_NOTE"

# ---------------------------------------------------------------------------
# Timing. bench ID SHELL RUNS NAME PREPARE COMMAND [NAME PREPARE COMMAND...]
# times the commands side by side (SHELL: sh, or none to exec them directly)
# and writes "median stddev mean min max cpu" in seconds, one line per
# command, to WORK/ID; cpu is the mean user + system time (-1: not known).

# Other work on the machine makes every number slower and noisier: say so.
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
if awk -v l="$load_before" -v n="$(nproc)" 'BEGIN { exit !(l + 0 > n / 2) }'; then
	say "warning: the load average is $load_before on $(nproc) CPUs; the timings will be noisy"
fi

if [ "${NOTES_BENCH_TIMER:-}" != loop ] && command -v hyperfine >/dev/null 2>&1; then
	TIMER=hyperfine
else
	TIMER=loop
	say "timing with a shell loop, not hyperfine (each time includes a shell start)"
fi

bench() {
	id=$1 shell=$2 runs=$3
	shift 3
	n=0
	while [ $# -ge 3 ]; do
		n=$((n + 1))
		eval "name_$n=\$1 prep_$n=\$2 cmd_$n=\$3"
		shift 3
	done
	say "timing $id ($runs runs each)"
	if [ $TIMER = hyperfine ]; then
		set -- --warmup 2 --runs "$runs" --style basic --export-json "$WORK/$id.json"
		[ "$shell" = none ] && set -- "$@" -N
		i=1
		while [ $i -le $n ]; do
			eval "set -- \"\$@\" --prepare \"\${prep_$i:-true}\" -n \"\$name_$i\" \"\$cmd_$i\""
			i=$((i + 1))
		done
		hyperfine "$@" >&2 || die "hyperfine failed on $id"
		# hyperfine writes these once per command, in order, "max" last
		sed -nE 's/^ *"(mean|stddev|median|user|system|min|max)": *([-0-9.eE+]+|null),?$/\1 \2/p' \
			"$WORK/$id.json" |
			awk '{ v[$1] = $2 == "null" ? 0 : $2 }
			     $1 == "max" { print v["median"], v["stddev"], v["mean"], v["min"], v["max"],
					 v["user"] + v["system"] }' \
				>"$WORK/$id"
	else
		: >"$WORK/$id"
		i=1
		while [ $i -le $n ]; do
			prep=true cmd=
			eval "prep=\${prep_$i:-true} cmd=\$cmd_$i"
			r=0
			: >"$WORK/$id.times"
			while [ $r -lt $((runs + 2)) ]; do
				sh -c "$prep" >/dev/null 2>&1 || die "prepare failed: $prep"
				t0=$(date +%s%N)
				sh -c "$cmd" >/dev/null 2>&1 || die "failed: $cmd"
				t1=$(date +%s%N)
				[ $r -lt 2 ] || echo "$t0 $t1" >>"$WORK/$id.times"
				r=$((r + 1))
			done
			awk '{ print ($2 - $1) / 1e9 }' "$WORK/$id.times" | sort -g |
				awk '{ d[++k] = $1; s += $1; q += $1 * $1 }
				     END { m = s / k; v = k > 1 ? (q - k * m * m) / (k - 1) : 0
					   med = k % 2 ? d[(k + 1) / 2] : (d[k / 2] + d[k / 2 + 1]) / 2
					   printf "%.9f %.9f %.9f %.9f %.9f -1\n", med, (v > 0 ? sqrt(v) : 0),
						  m, d[1], d[k] }' >>"$WORK/$id"
			i=$((i + 1))
		done
	fi
	[ "$(wc -l <"$WORK/$id" | tr -d ' ')" = "$n" ] || die "no timings for $id"
}

bench parse sh "$RUNS" \
	"notes parse --json (13,000 notes)" "" \
	"cd '$L' && '$NOTES' parse --json */*.md >/dev/null" \
	"cat | cmark -t xml (13,000 notes)" "" \
	"cd '$L' && cat */*.md | cmark -t xml >/dev/null"
bench status sh "$FAST_RUNS" \
	"notes status (L, 260 weeks)" "" "$ENV_L '$NOTES' -C '$L' status >/dev/null" \
	"notes status (L26, 26 weeks)" "" "$ENV_L26 '$NOTES' -C '$L26' status >/dev/null"
bench review sh "$RUNS" \
	"notes review alice (260 weeks)" "" "$ENV_L '$NOTES' -C '$L' review alice >/dev/null" \
	"git log -p -- alice/" "" "git -C '$L' log -p -- alice/ >/dev/null"
bench commit sh "$FAST_RUNS" \
	"notes commit (L)" "sh '$WORK/prep-commit-L'" \
	"$ENV_COMMIT_L '$NOTES' -C '$WORK/L' commit $NEXT_L >/dev/null" \
	"git add + git commit (L)" "sh '$WORK/prep-commit-L'" \
	"cd '$WORK/L' && git add $NEXT_L && git commit -q -m x >/dev/null" \
	"notes commit (1-note journal)" "sh '$WORK/prep-commit-one'" \
	"$ENV_COMMIT_ONE '$NOTES' -C '$WORK/one' commit $NEXT_ONE >/dev/null"
# no shell: both commands take a few milliseconds at most
export NOTES_NOW=${NOW_L}T08:00
bench new none "$FAST_RUNS" \
	"notes new alice --no-edit (L)" "sh '$WORK/prep-new'" \
	"$NOTES -C $WORK/L new alice --no-edit" \
	"cmark (one note)" "sh '$WORK/prep-new'" "cmark $ONE_NOTE"

# Peak resident memory of notes status on L, the largest of three runs.
rss_kb=
if [ -x /usr/bin/time ]; then
	say "measuring the peak RSS of notes status"
	for r in 1 2 3; do
		sh -c "$ENV_L /usr/bin/time -v '$NOTES' -C '$L' status" >/dev/null 2>"$WORK/time.out" \
			|| die "/usr/bin/time -v notes status failed"
		kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$WORK/time.out")
		[ -n "$kb" ] || die "no peak RSS in the output of /usr/bin/time -v"
		if [ -z "$rss_kb" ] || [ "$kb" -gt "$rss_kb" ]; then rss_kb=$kb; fi
	done
else
	say "/usr/bin/time is not installed: no peak RSS"
fi

# ---------------------------------------------------------------------------
# The report.

# row LABEL FILE A B TARGET: a row comparing command A with command B (line
# numbers in FILE); the target is the largest acceptable ratio A / B.
row() {
	awk -v label="$1" -v a="$3" -v b="$4" -v target="$5" '
		function t(m, s) {
			if (m >= 1) return sprintf("%.2f s ± %.2f", m, s)
			return sprintf("%.1f ms ± %.1f", m * 1000, s * 1000)
		}
		NR == a { am = $1; as = $2; ac = $6 } NR == b { bm = $1; bs = $2; bc = $6 }
		END {
			ratio = bm > 0 ? am / bm : 0
			cpu = ac >= 0 && bc > 0 ? sprintf("%.2f×", ac / bc) : "—"
			printf "| %s | %s | %s | %.2f× | %s | ≤ %.1f× | %s |\n", label, t(am, as),
				t(bm, bs), ratio, cpu, target, (ratio <= target ? "met" : "NOT MET")
		}' "$WORK/$2"
}

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
{
	echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-unknown} memory; $(uname -sr)"
	echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $load_before, after: $load_after"
	echo "Versions: $("$NOTES" --version), $(git --version), cmark $(cmark --version | sed -n '1s/^cmark //p'), timer: $TIMER$([ $TIMER = hyperfine ] && hyperfine --version | sed 's/^hyperfine / /')"
	echo "Journals: L = 50 people x 260 weeks (13,000 notes), L26 = 50 x 26, 1-note = 1 x 1; runs: $RUNS (status, commit, new: $FAST_RUNS) after 2 warm-up runs; times are median ± standard deviation; ratio = median / median (the result); CPU ratio = mean user+system / mean user+system, less sensitive to other load"
	echo
	echo "| benchmark | notes | baseline | ratio | CPU ratio | target | result |"
	echo "|---|---|---|---|---|---|---|"
	row "1. parse --json, 13,000 notes vs cat \\| cmark -t xml" parse 1 2 0.7
	row "2. status on L (260 weeks) vs on L26 (26 weeks)" status 1 2 1.1
	if [ -n "$rss_kb" ]; then
		awk -v kb="$rss_kb" 'BEGIN {
			printf "| 2. status on L, peak RSS | %.1f MB | — | — | — | ≤ 16 MB | %s |\n",
				kb / 1024, (kb <= 16 * 1024 ? "met" : "NOT MET") }'
	else
		echo "| 2. status on L, peak RSS | n/a | — | — | — | ≤ 16 MB | not measured |"
	fi
	row "3. review alice (260 weeks) vs git log -p -- alice/" review 1 2 0.5
	row "4. commit one note on L vs git add + git commit" commit 1 2 0.6
	row "4. commit one note on L vs on a 1-note journal" commit 1 3 1.5
	row "5. new alice --no-edit on L vs cmark on one note" new 1 2 2.5
} >"$WORK/report.md"

# 6. notes lsp: 100 completion requests on alice's latest note of L (50
# after @, 50 after ^, each waited for), timed one by one by the client;
# the target holds for the slowest.
lsp_note=$ONE_NOTE
lsp_line=$(wc -l <"$lsp_note" | tr -d ' ') # the empty line after the last line end
{
	echo "init file://$L"
	echo "open file://$lsp_note $lsp_note 1"
	echo "edit file://$lsp_note 2 $lsp_line 0 $lsp_line 0 \"@\""
	for i in $(seq 1 50); do
		echo "request $i textDocument/completion {\"textDocument\":{\"uri\":\"file://$lsp_note\"},\"position\":{\"line\":$lsp_line,\"character\":1}}"
		echo "wait $i"
	done
	echo "edit file://$lsp_note 3 $lsp_line 0 $lsp_line 1 \"^\""
	for i in $(seq 51 100); do
		echo "request $i textDocument/completion {\"textDocument\":{\"uri\":\"file://$lsp_note\"},\"position\":{\"line\":$lsp_line,\"character\":1}}"
		echo "wait $i"
	done
} >"$WORK/lsp.script"
say "timing notes lsp completion (100 requests)"
python3 "$ROOT/tests/cli/lsp-client.py" --latency "$WORK/lsp.ms" "$WORK/lsp.script" \
	"$WORK/lsp.out" -- "$NOTES" -C "$L" lsp 2>"$WORK/lsp.err" \
	|| { sed 's/^/    /' "$WORK/lsp.err" >&2; die "notes lsp failed"; }
grep -q '"id": 50, .*"label": "alice"' "$WORK/lsp.out" || die "notes lsp offered no alice after @"
grep -q '"id": 100, .*"kind": 18' "$WORK/lsp.out" || die "notes lsp offered no open item after ^"
[ "$(wc -l <"$WORK/lsp.ms" | tr -d ' ')" = 100 ] || die "notes lsp answered $(wc -l <"$WORK/lsp.ms") of 100"
awk '{ print $2 }' "$WORK/lsp.ms" | sort -g | awk '{ d[++k] = $1 }
	END { printf "| 6. lsp: 100 completions after @ and ^ on L, median (slowest) | %.1f ms (%.1f ms) | — | — | — | ≤ 50 ms | %s |\n",
		(d[50] + d[51]) / 2, d[k], (d[k] <= 50 ? "met" : "NOT MET") }' >>"$WORK/report.md"

# 7. notes report --team on L: every person's review and the page, against
# git log -p of the whole history (the one pass over it a review needs).
check "notes report --team" "$ENV_L '$NOTES' -C '$L' report --team -o '$WORK/report.html' >/dev/null"
grep -q 'data-person="alice"' "$WORK/report.html" || die "notes report --team has no section of alice"
check "notes review --team" "$ENV_L '$NOTES' -C '$L' review --team --json >'$WORK/team.json'"
grep -q '"person":"alice"' "$WORK/team.json" || die "notes review --team has no alice"
bench report sh "$RUNS" \
	"notes report --team (L)" "" "$ENV_L '$NOTES' -C '$L' report --team >/dev/null" \
	"git log -p (whole history)" "" "git -C '$L' log -p >/dev/null" \
	"notes review --team --json (L)" "" "$ENV_L '$NOTES' -C '$L' review --team --json >/dev/null"
row "7. report --team on L vs git log -p of the whole history" report 1 2 1.5 >>"$WORK/report.md"
row "8. review --team on L, cold, vs git log -p of the whole history" report 3 2 1.0 >>"$WORK/report.md"
# notes keeps no history cache yet: a warm run does the same work as a
# cold one, and is the same measurement
row "8. review --team on L, warm (no history cache: as cold) vs git log -p" report 3 2 0.3 >>"$WORK/report.md"

# 9. Scaling: review --team at 200 people x 260 weeks (52,000 notes),
# against git log -p there, and its peak RSS. Generating that journal
# takes a minute and each run tens of seconds: NOTES_BENCH_SCALE=1 runs it.
if [ "${NOTES_BENCH_SCALE:-0}" = 1 ]; then
	journal XL 200 260
	XL=$DATA/XL
	check "notes review --team (XL)" "$ENV_L '$NOTES' -C '$XL' review --team --json >/dev/null"
	bench scale sh "$(((RUNS + 2) / 3))" \
		"notes review --team --json (XL)" "" "$ENV_L '$NOTES' -C '$XL' review --team --json >/dev/null" \
		"git log -p (XL, whole history)" "" "git -C '$XL' log -p >/dev/null"
	row "9. review --team at 200 people x 260 weeks vs git log -p there" scale 1 2 1.0 >>"$WORK/report.md"
	if [ -x /usr/bin/time ]; then
		sh -c "$ENV_L /usr/bin/time -v '$NOTES' -C '$XL' review --team --json" >/dev/null 2>"$WORK/time.out" \
			|| die "/usr/bin/time -v notes review --team failed"
		kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$WORK/time.out")
		awk -v kb="$kb" 'BEGIN {
			printf "| 9. review --team at 200 x 260, peak RSS | %.1f MB | — | — | — | ≤ 64 MB | %s |\n",
				kb / 1024, (kb <= 64 * 1024 ? "met" : "NOT MET") }' >>"$WORK/report.md"
	else
		echo "| 9. review --team at 200 x 260, peak RSS | n/a | — | — | — | ≤ 64 MB | not measured |" >>"$WORK/report.md"
	fi
else
	echo "| 9. review --team at 200 people x 260 weeks vs git log -p there | — | — | — | — | ≤ 1.0× | not run (NOTES_BENCH_SCALE=1) |" >>"$WORK/report.md"
	echo "| 9. review --team at 200 x 260, peak RSS | — | — | — | — | ≤ 64 MB | not run (NOTES_BENCH_SCALE=1) |" >>"$WORK/report.md"
fi

cat "$WORK/report.md"
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh); see README.md for what each row measures."
	echo
	cat "$WORK/report.md"
} >"$RESULTS.tmp.$$" && mv -f "$RESULTS.tmp.$$" "$RESULTS" || die "cannot write $RESULTS"
say "wrote $RESULTS"
exit 0
