#!/bin/sh
# run.sh - build the libFuzzer targets (clang, ASan + UBSan) and fuzz each
# for its share of SECONDS; print executions and crashes per target; exit
# non-zero on any crash, naming the file that reproduces it.
#
# usage: tests/fuzz/run.sh [SECONDS | --smoke] [TARGET...]
#   SECONDS   total fuzzing time, split evenly between the targets (60)
#   --smoke   about 20 seconds in all, for make check
#   TARGET    note, note_edit, template, config (default: all)
# environment:
#   FUZZ_JOBS     processes per target sharing one corpus (default 1; on
#                 2 cores, 2 doubles the executions)
#   FUZZ_BUILD    build directory (default build/fuzz)
#   FUZZ_MAX_LEN  longest input libFuzzer makes (default 16384)
#   CLANG         the compiler (default clang)
#
# Every file in tests/cases/fuzz/<target>/ is run first: a crash
# that was found once stays fixed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2

SECONDS_TOTAL=60
SMOKE=
case ${1:-} in
--smoke) SMOKE=1; SECONDS_TOTAL=16; shift ;;
'') ;;
-*) echo "usage: tests/fuzz/run.sh [SECONDS | --smoke] [TARGET...]" >&2; exit 2 ;;
*[!0-9]*) ;;
*) SECONDS_TOTAL=$1; shift ;;
esac
TARGETS=${*:-note note_edit template config}
JOBS=${FUZZ_JOBS:-1}
BUILD=${FUZZ_BUILD:-build/fuzz}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
CLANG=${CLANG:-clang}
PKGS="libcmark libgit2 libpcre2-8 jansson libutf8proc zlib"
SPEC_DIR=${MUSTACHE_SPEC_DIR:-${NOTES_SPEC_DIR:-$ROOT/../shared/conformance/mustache}}
# the smoke keeps its own logs: make check must not delete the logs of a
# long run going on beside it
LOGS=$BUILD/logs${SMOKE:+-smoke}
SEEDS=$BUILD/seeds${SMOKE:+-smoke}

# Long runs keep 3 frames of each allocation's stack: ASan's stack depot
# otherwise fills with the stacks of deep recursion (nested lists) and
# halves the executions within the hour; a crash is reproduced with the
# whole stack by running the target on its input.
CONTEXT=:malloc_context_size=3
[ -z "$SMOKE" ] || CONTEXT=
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1$CONTEXT}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

die() { echo "fuzz: $*" >&2; exit 2; }

# -- build ------------------------------------------------------------------
command -v "$CLANG" >/dev/null || die "no $CLANG (make fuzz installs clang and libclang-rt-14-dev)"
mkdir -p "$LOGS"
if ! make --no-print-directory BUILD="$BUILD" CC="$CLANG" \
	CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
	SANITIZE=address,undefined "$BUILD/libnotes.a" >"$LOGS/build.log" 2>&1; then
	cat "$LOGS/build.log" >&2
	die "building $BUILD/libnotes.a failed"
fi
CFLAGS_DEPS=$(pkg-config --cflags $PKGS) || die "pkg-config: $PKGS"
LIBS_DEPS=$(pkg-config --libs $PKGS)
for t in $TARGETS; do
	[ -f "tests/fuzz/fuzz_$t.c" ] || die "no target '$t' (tests/fuzz/fuzz_$t.c)"
	bin=$BUILD/fuzz_$t
	if [ ! -x "$bin" ] || [ -n "$(find "tests/fuzz/fuzz_$t.c" "$BUILD/libnotes.a" -newer "$bin")" ]; then
		# shellcheck disable=SC2086
		"$CLANG" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g \
			-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
			-fno-omit-frame-pointer -Wall -Wextra -Icmd/lib -I"$BUILD" $CFLAGS_DEPS \
			-o "$bin" "tests/fuzz/fuzz_$t.c" "$BUILD/libnotes.a" $LIBS_DEPS \
			>"$LOGS/build-$t.log" 2>&1 || { cat "$LOGS/build-$t.log" >&2; die "linking $bin failed"; }
	fi
done

# -- seeds --------------------------------------------------------------------
# Seeds are rebuilt every run (read-only input); the working corpus under
# $BUILD/corpus/<target> keeps what the fuzzer found between runs.
seed_note() {
	# named by their path: parse/NAME/alice/2026-11-23.md cases share a name
	find tests/cases/parse -name '*.md' -type f | while read -r f; do
		cp "$f" "$1/$(echo "$f" | tr '/' '_')"
	done
	for f in templates/*/note.md; do cp "$f" "$1/template-$(basename "$(dirname "$f")").md"; done
}

seed_template() {
	for f in templates/*/note.md; do cp "$f" "$1/$(basename "$(dirname "$f")")-note.md"; done
	[ -d "$SPEC_DIR" ] || return 0
	# template \0 partial \0 data, one seed per spec test
	python3 - "$SPEC_DIR" "$1" <<'EOF'
import json, os, sys
spec, out = sys.argv[1], sys.argv[2]
n = 0
for name in sorted(os.listdir(spec)):
    if not name.endswith('.json'):
        continue
    for test in json.load(open(os.path.join(spec, name), encoding='utf-8'))['tests']:
        partials = list((test.get('partials') or {}).values())
        blob = b'\0'.join([test['template'].encode(), (partials[0] if partials else '').encode(),
                           json.dumps(test['data']).encode()])
        n += 1
        with open(os.path.join(out, '%s-%03d' % (name[:-5], n)), 'wb') as f:
            f.write(blob)
EOF
}

seed_config() {
	[ -f examples/journal/.notes/config ] && cp examples/journal/.notes/config "$1/example"
	printf '[journal]\n\tleader = kim\n\tlanguage = ko\n\tmaxfocus = 3\n[person "kim"]\n\tname = Kim Wonwoo\n\temail = kim@example.com\n[person "alice"]\n\tname = Alice Park\n\temail = alice@example.com\n\tslot = mon 10:00 ; weekly\n' >"$1/full"
	printf '[journal]\nleader=kim\n' >"$1/minimal"
	printf '[person "a.b"]\n\tname = "quoted \\" name"\n[person "a.b"]\n\temail = x\n[PERSON "Up"]\nname=u\n' >"$1/quoted"
	printf '[journal]\n\tmaxfocus = 99999999999\n\tleader = a \\\n continued\n' >"$1/continued"
	printf '[person "x"]\n\tname = evil\n[journal]\n\tleader = mallory\n' >"$1/injected"
	printf '\357\273\277[journal]\r\n\tleader = kim\r\n' >"$1/bom-crlf"
	printf '' >"$1/empty"
}

for t in $TARGETS; do
	seeds=$SEEDS/$t
	rm -rf "$seeds"
	mkdir -p "$seeds" "$BUILD/corpus/$t" "$BUILD/crashes/$t"
	case $t in
	note | note_edit) seed_note "$seeds" ;;
	template) seed_template "$seeds" ;;
	config) seed_config "$seeds" ;;
	esac
done

# -- regressions ------------------------------------------------------------
status=0
for t in $TARGETS; do
	dir=tests/cases/fuzz/$t
	[ -d "$dir" ] || continue
	n=$(find "$dir" -type f | wc -l)
	[ "$n" -gt 0 ] || continue
	if "$BUILD/fuzz_$t" -timeout=10 -rss_limit_mb=2048 "$dir"/* >"$LOGS/regressions-$t.log" 2>&1; then
		echo "fuzz_$t: $n regression inputs ok"
	else
		echo "fuzz_$t: a regression input fails again (log: $LOGS/regressions-$t.log)"
		grep -E 'Running:|ERROR|runtime error|property broken|^SUMMARY' "$LOGS/regressions-$t.log" | head -n 10
		status=1
	fi
done

# -- fuzz ---------------------------------------------------------------------
set -- $TARGETS
share=$((SECONDS_TOTAL / $#))
[ "$share" -ge 1 ] || share=1
# The smoke is the same every run (a fixed seed and number of runs, from
# the seeds alone), so that make check cannot pass on one machine and
# fail on the next; long runs explore with a random seed.
if [ -n "$SMOKE" ]; then
	LIMIT="-seed=1 -runs=${FUZZ_SMOKE_RUNS:-5000}"
else
	LIMIT="-max_total_time=$share"
fi
total_execs=0
total_crashes=0
for t in $TARGETS; do
	j=1
	rm -f "$LOGS/fuzz-$t".*.log
	# --smoke starts from the seeds alone: quick to load, the same every run
	corpus=$BUILD/corpus/$t
	[ -z "$SMOKE" ] || corpus=
	while [ "$j" -le "$JOBS" ]; do
		"$BUILD/fuzz_$t" $corpus "$SEEDS/$t" \
			-dict=tests/fuzz/notes.dict $LIMIT -timeout=10 \
			-rss_limit_mb=2048 -max_len="$MAX_LEN" -print_final_stats=1 \
			-artifact_prefix="$BUILD/crashes/$t/" >"$LOGS/fuzz-$t.$j.log" 2>&1 &
		j=$((j + 1))
	done
	wait
	execs=0
	crashes=0
	for log in "$LOGS/fuzz-$t".*.log; do
		# the final stats, else the last status line before a crash
		n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
		[ -n "$n" ] || n=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
		execs=$((execs + ${n:-0}))
		if grep -qE 'Test unit written to|^SUMMARY: |ERROR: libFuzzer' "$log"; then
			crashes=$((crashes + 1))
			echo "fuzz_$t: CRASH (log: $log)"
			grep -E '^==[0-9]+==ERROR|runtime error|property broken|^SUMMARY|Test unit written to' "$log" | head -n 8 | sed 's/^/    /'
		fi
	done
	cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' "$LOGS/fuzz-$t".*.log | sort -n | tail -n 1)
	echo "fuzz_$t: $execs executions in ${share}s x $JOBS job(s), coverage ${cov:-?} edges, corpus $(find "${corpus:-$SEEDS/$t}" -type f | wc -l) files, $crashes crash(es)"
	total_execs=$((total_execs + execs))
	total_crashes=$((total_crashes + crashes))
done
echo "fuzz: $total_execs executions, $total_crashes crash(es)"
if [ "$total_crashes" -gt 0 ]; then
	echo "fuzz: reproduce with: $BUILD/fuzz_TARGET CRASH-FILE; minimise with -minimize_crash=1 -runs=10000;"
	echo "fuzz: then copy the minimised input to tests/cases/fuzz/TARGET/<what-it-breaks>"
	status=1
fi
exit "$status"
