#!/bin/sh
# t0320-options.sh - every command words an option error the same way:
# "unknown option '--x'", "option '--x' needs a value", "option '--x'
# takes no value", then its usage, exit 2, and nothing done.
. "$(dirname "$0")/lib.sh"

# option_error WORDS -- ARGS...: notes ARGS exits 2, prints nothing on
# stdout, "notes: WORDS" as the first line of stderr and the usage after
# it (the files it writes are in $TRASH, out of the journal).
option_error() {
	oe_words=$1 &&
	shift 2 &&
	test_expect_code 2 notes "$@" >"$TRASH/out" 2>"$TRASH/err" &&
	test_no_crash "$TRASH/err" &&
	test_cmp /dev/null "$TRASH/out" &&
	echo "notes: $oe_words" >"$TRASH/expect" &&
	head -n 1 "$TRASH/err" >"$TRASH/first" &&
	test_cmp "$TRASH/expect" "$TRASH/first" &&
	sed -n 2p "$TRASH/err" >"$TRASH/second" &&
	test_grep "^usage: notes " "$TRASH/second"
}

test_expect_success 'setup: a journal with alice and a note' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim >out &&
	notes -C j person add alice >out &&
	mkdir j/alice &&
	printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Focus\n- [ ] Call ^aaaaaa\n" >j/alice/2026-11-23.md &&
	git -C j rev-parse HEAD >head.before
'

test_expect_success 'an unknown long option: the same words for every command' '
	cd j &&
	for cmd in init "person add bob" "new alice" "parse alice/2026-11-23.md" check commit \
		"done aaaaaa" status "review alice" calendar "hook install"; do
		# shellcheck disable=SC2086
		option_error "unknown option '"'"'--bogus'"'"'" -- $cmd --bogus || return 1
	done
'

test_expect_success 'an unknown short option: the same words for every command' '
	cd j &&
	for cmd in init "person add bob" "new alice" "parse alice/2026-11-23.md" check commit \
		"done aaaaaa" status "review alice" calendar "hook install"; do
		# shellcheck disable=SC2086
		option_error "unknown option '"'"'-Z'"'"'" -- $cmd -Z || return 1
	done
'

test_expect_success 'a missing value names the option that needs it' '
	cd j &&
	for opt in "init --leader" "init --name" "init --email" "init --lang" \
		"person add bob --name" "person add bob --email" "person add bob --slot" \
		"person add bob --lang" "new alice --date" "commit -m" "commit --message" \
		"done aaaaaa --at" "review alice --since" "review alice --until" "calendar -o" \
		"calendar --output"; do
		name=${opt##* } &&
		# shellcheck disable=SC2086
		option_error "option '"'"'$name'"'"' needs a value" -- $opt || return 1
	done
'

test_expect_success 'a value given to an option that takes none is refused by name' '
	cd j &&
	option_error "option '"'"'--json'"'"' takes no value" -- parse --json=yes alice/2026-11-23.md &&
	option_error "option '"'"'--strict'"'"' takes no value" -- check --strict=1 &&
	option_error "option '"'"'--force'"'"' takes no value" -- commit --force=yes &&
	option_error "option '"'"'--json'"'"' takes no value" -- status --json=1 &&
	option_error "option '"'"'--team'"'"' takes no value" -- review --team=all &&
	option_error "option '"'"'--no-edit'"'"' takes no value" -- new alice --no-edit=1 &&
	option_error "option '"'"'--force'"'"' takes no value" -- hook install --force=yes
'

test_expect_success 'the global -C without a directory names what is missing' '
	option_error "option '"'"'-C'"'"' needs a value" -- -C
'

test_expect_success 'no option error wrote or committed anything' '
	git -C j rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C j status --porcelain >st &&
	echo "?? alice/" >expect &&
	test_cmp expect st &&
	test_expect_code 1 test -e bob
'

test_done
