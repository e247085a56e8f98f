#!/bin/sh
# t0515-status-window.sh - notes status reads only the newest notes of a
# person, unless the meeting held and the notes an item is followed back
# through are older than those: then it reads them all. Notes written
# ahead for later meetings change nothing but the next meeting.
. "$(dirname "$0")/lib.sh"

CC=${CC:-cc}

if ! command -v "$CC" >/dev/null 2>&1; then
	test_skip 'status with many notes written ahead' "no C compiler ($CC) to build tests/bench/gen.c"
	test_done
fi

test_expect_success 'setup: a generated journal of 2 people x 90 weeks, and its first 12 weeks' '
	"$CC" -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -o gen "$ROOT/tests/bench/gen.c" &&
	git init -q -b main j &&
	./gen 2 90 >stream &&
	git -C j fast-import --quiet <stream &&
	git -C j reset -q --hard &&
	cp -R j short &&
	for f in short/*/2022-0[3-9]-*.md short/*/2022-1*.md short/*/2023-*.md
	do
		rm "$f" || return 1
	done &&
	ls short/alice >left &&
	test "$(wc -l <left)" = 15
'

test_expect_success 'status in week 11 of 90 is the status of the first 15 weeks' '
	export NOTES_NOW=2022-02-07T08:00 &&
	notes -C short status --json >expect &&
	notes -C j status --json >actual &&
	test_cmp expect actual &&
	jq -e ".people | length == 2 and all(.last != null)" actual &&
	jq -e "[.people[].carried | length] | add > 0" actual
'

test_done
