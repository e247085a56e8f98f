#!/bin/sh
# t0600-hostile.sh - hostile input to every command: ids and paths that try
# to leave the journal, symlinks, FIFOs and devices, terminal escapes,
# config injection, recursive templates, huge notes, a huge team, broken
# clocks and dates, broken repositories and colliding ids. Each case asserts
# the exit status, a clear one-line error, no sanitizer report, and that
# nothing outside the journal is touched and nothing inside is lost.
. "$(dirname "$0")/lib.sh"

export NOTES_NOW=2026-11-23T11:00
J=$TRASH/j
OUT=$TRASH/outside

# outside_snapshot OUT: every file outside the journal that a test may aim at.
outside_snapshot() {
	(cd "$OUT" && find . -print | LC_ALL=C sort &&
		find . -type f -print | LC_ALL=C sort | while read -r f; do cksum "$f"; done) >"$1"
}

# untouched: the journal and the outside are as "before" and "outside.before" say.
untouched() {
	snapshot "$J" after &&
	test_cmp before after &&
	outside_snapshot outside.after &&
	test_cmp outside.before outside.after
}

# before: take both snapshots.
before() {
	snapshot "$J" before &&
	outside_snapshot outside.before
}

# run STATUS ARGS...: notes ARGS exits STATUS within 60 s (out, err), and
# stderr holds no sanitizer report.
run() {
	want=$1
	shift
	got=0
	timeout 60 $NOTES_WRAPPER "$NOTES" "$@" >out 2>err || got=$?
	test_no_crash err || return 1
	if [ "$got" != "$want" ]; then
		echo "expected exit $want, got $got: notes $*" >&2
		sed "s/^/    stderr: /" err | head -n 5 >&2
		return 1
	fi
}

# error_line REGEX: stderr has exactly one "notes: " line, and it matches.
error_line() {
	n=$(grep -c '^notes: ' err)
	if [ "$n" -ne 1 ]; then
		echo "expected one 'notes: ' line on stderr, got $n:" >&2
		cat err >&2
		return 1
	fi
	test_grep "^notes: .*$1" err
}

# no_raw_control FILE...: no ESC, BEL or C1 control (raw 0x80-0x9f byte or
# its UTF-8 form U+0080-U+009F) reaches the terminal.
no_raw_control() {
	for f in "$@"; do
		if python3 - "$f" <<-\EOF
		import re, sys
		b = open(sys.argv[1], 'rb').read()
		bad = re.search(rb'[\x1b\x07]|\xc2[\x80-\x9f]', b)
		if not bad:
		    # a raw C1 byte that is not part of a UTF-8 sequence
		    t = b.decode('utf-8', 'surrogateescape')
		    bad = re.search('[\udc80-\udc9f]', t)
		sys.exit(1 if bad else 0)
		EOF
		then :; else
			echo "raw terminal control bytes in $f:" >&2
			od -c "$f" | head -n 20 >&2
			return 1
		fi
	done
}

# valid_note PERSON DATE [EXTRA-FOCUS-LINES]: a note `notes check` accepts.
valid_note() {
	cat <<-EOF
	---
	person: $1
	leader: kim
	date: $2 10:00
	---

	# 1:1 — $1 — $2

	## Goals
	- #ship Ship weekly

	## Blockers
	- Staging deploys are slow #infra
	  - kind: environment

	## Support within 48 hours
	- [ ] Ask for a staging slot #ship

	## Focus for the next 5 days
	- [ ] Land the payment page #ship
	  - metric: conversion
	${3:-}
	## Feedback
	- Clear.
	EOF
}

# heavy STATUS ARGS...: like run, for the cases that are timed (60 s)
# against the product itself, not against valgrind (make leakcheck).
heavy() {
	want=$1
	shift
	got=0
	timeout 60 "$NOTES" "$@" >out 2>err || got=$?
	if [ "$got" != "$want" ]; then
		echo "expected exit $want, got $got (124: timed out after 60 s): notes $*" >&2
		return 1
	fi
}

# with_env NAME=VALUE COMMAND...: run COMMAND with NAME exported as VALUE.
with_env() {
	(export "$1" && shift && "$@")
}

test_expect_success 'setup: a journal (alice with a committed note, bob) and a directory outside it' '
	mkdir -p "$OUT/bob" &&
	echo "do not touch" >"$OUT/secret" &&
	valid_note bob 2026-11-23 >"$OUT/bob/2026-11-23.md" &&
	valid_note dan 2026-11-23 >"$OUT/evil.md" &&
	notes init "$J" --leader kim --name "Kim Wonwoo" --email kim@example.com >out 2>err &&
	notes -C "$J" person add alice --name "Alice Park" --email alice@example.com >out 2>err &&
	notes -C "$J" person add bob --name "Bob Lee" --email bob@example.com >out 2>err &&
	notes -C "$J" person add dan --name "Dan Cho" --email dan@example.com >out 2>err &&
	mkdir "$J/alice" &&
	valid_note alice 2026-11-23 >"$J/alice/2026-11-23.md" &&
	notes -C "$J" commit alice >out 2>err &&
	test -z "$(git -C "$J" status --porcelain)" &&
	test "$(git -C "$J" rev-list --count HEAD)" = 5
'

# clear_paths: remove what an earlier (failed) case may have left at the paths
# these cases reuse, so that no case writes through a stale symlink.
clear_paths() {
	if [ -L "$J/bob" ]; then rm "$J/bob"; fi &&
	rm -f "$J/alice/2026-11-30.md"
}

# drop_bob: remove bob's notes (the 100,000 items), committed or not, so
# that the later cases do not read them.
drop_bob() {
	if git -C "$J" cat-file -e HEAD:bob/2026-11-23.md 2>/dev/null; then
		git -C "$J" rm -q --cached bob/2026-11-23.md &&
		git -C "$J" -c user.name=t -c user.email=t@example.com commit -q -m "drop bob" || return 1
	fi
	rm -rf "$J/bob"
}

# forget_unreachable: drop the commits a failed case may have made, so
# that a later git fsck (which checks unreachable objects too) judges only
# its own case.
forget_unreachable() {
	git -C "$J" reflog expire --expire=now --all &&
	git -C "$J" gc -q --prune=now &&
	rm -f "$J/.git/notes-ids" # its commit may be gone: see the id cache case
}

test_expect_success 'an empty person directory: commit, check, status, new and review work' '
	mkdir "$J/dan" &&
	valid_note alice 2026-11-30 >"$J/alice/2026-11-30.md" &&
	with_env NOTES_NOW=2026-11-30T11:00 run 1 -C "$J" commit alice &&
	run 2 -C "$J" check dan && error_line "no note yet" &&
	run 0 -C "$J" status &&
	run 0 -C "$J" review dan &&
	run 0 -C "$J" new dan --no-edit &&
	rm -r "$J/dan" "$J/alice/2026-11-30.md"
'

test_expect_success 'a .notes/config without any [person] section: person list and status work' '
	notes init nopeople --leader kim >out 2>err &&
	printf "[journal]\n\tleader = kim\n" >nopeople/.notes/config &&
	run 0 -C nopeople person list &&
	run 0 -C nopeople status
'

# -- person ids and paths that try to leave the journal -------------------

for bad in '../x' '..' '/etc' 'a/../../b'; do
	test_expect_success "person id '$bad': person add, new, status, review refuse it, nothing touched" '
		before &&
		run 2 -C "$J" person add "$bad" --name X && error_line "invalid person id" &&
		run 2 -C "$J" new "$bad" --no-edit && error_line "invalid person id" &&
		run 2 -C "$J" status "$bad" && error_line "invalid person id" &&
		run 2 -C "$J" review "$bad" && error_line "invalid person id" &&
		untouched &&
		test ! -e "$TRASH/x" && test ! -e "$TRASH/b"
	'
done

test_expect_success 'commit of an absolute FILE outside the journal: exit 2, the file keeps its bytes' '
	before &&
	run 2 -C "$J" commit "$OUT/bob/2026-11-23.md" &&
	error_line "not a note of this journal" &&
	untouched
'

test_expect_success 'commit of a relative FILE that climbs out (alice/../../outside/...): exit 2' '
	before &&
	run 2 -C "$J" commit "alice/../../outside/bob/2026-11-23.md" &&
	error_line "not a note of this journal" &&
	(cd "$J/alice" && test_expect_code 2 $NOTES_WRAPPER "$NOTES" commit ../../outside/evil.md) >out 2>err &&
	test_no_crash err &&
	untouched
'

test_expect_success 'a person directory symlinked outside: new refuses it, nothing is created there' '
	clear_paths && rm -rf "$J/bob" && ln -s "$OUT/bob" "$J/bob" &&
	before &&
	run 2 -C "$J" new bob --no-edit --date 2026-11-30 &&
	error_line "bob.*symbolic link" &&
	untouched &&
	test ! -e "$OUT/bob/2026-11-30.md"
'

test_expect_success 'a person directory symlinked outside: commit PERSON and commit FILE refuse it' '
	before &&
	run 2 -C "$J" commit bob &&
	error_line "bob" &&
	run 2 -C "$J" commit bob/2026-11-23.md &&
	error_line "bob" &&
	untouched &&
	! grep -q "\^" "$OUT/bob/2026-11-23.md"
'

test_expect_success 'a person directory symlinked outside: done of an id in the outside note refuses' '
	sed "s/Land the payment page #ship/Land the payment page #ship ^zzzzz1/" "$OUT/bob/2026-11-23.md" >tmp &&
	cat tmp >"$OUT/bob/2026-11-23.md" &&
	before &&
	run 2 -C "$J" done zzzzz1 &&
	error_line "zzzzz1|bob" &&
	untouched
'

test_expect_success 'a person directory symlinked outside: status does not count the outside note as a meeting' '
	before &&
	test_expect_code 0 timeout 60 $NOTES_WRAPPER "$NOTES" -C "$J" status --json >out 2>err &&
	test_no_crash err &&
	test "$(jq -r ".people[] | select(.person == \"bob\") | .last" out)" = null &&
	untouched &&
	rm "$J/bob"
'

test_expect_success 'a note that is a symlink to a file outside: commit refuses, the link and the file stay' '
	clear_paths && mkdir -p "$J/dan" && rm -f "$J/dan/2026-11-23.md" &&
	ln -s "$OUT/evil.md" "$J/dan/2026-11-23.md" &&
	before &&
	run 2 -C "$J" commit dan &&
	error_line "dan/2026-11-23.md" &&
	test -L "$J/dan/2026-11-23.md" &&
	untouched &&
	! git -C "$J" cat-file -e HEAD:dan/2026-11-23.md 2>/dev/null
'

test_expect_success 'a note that is a symlink to a file outside: commit --force FILE refuses it too' '
	rm -f "$J/dan/2026-11-23.md" &&
	ln -s "$OUT/evil.md" "$J/dan/2026-11-23.md" &&
	before &&
	run 2 -C "$J" commit --force dan/2026-11-23.md &&
	error_line "dan/2026-11-23.md" &&
	test -L "$J/dan/2026-11-23.md" &&
	untouched
'

test_expect_success 'a FIFO as a note: commit, check, new, done, status, review never hang' '
	clear_paths &&
	mkfifo "$J/alice/2026-11-30.md" &&
	before &&
	run 2 -C "$J" commit alice && error_line "not a regular file" &&
	run 2 -C "$J" check alice && error_line "not a regular file" &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 && error_line "not a regular file" &&
	test_expect_code 0 timeout 10 $NOTES_WRAPPER "$NOTES" -C "$J" status >out 2>err &&
	test_no_crash err &&
	test_expect_code 0 timeout 10 $NOTES_WRAPPER "$NOTES" -C "$J" review alice >out 2>err &&
	test_no_crash err &&
	test_expect_code 2 timeout 10 $NOTES_WRAPPER "$NOTES" -C "$J" done nosuch >out 2>err &&
	test_no_crash err &&
	untouched &&
	rm "$J/alice/2026-11-30.md"
'

test_expect_success '/dev/null as a note (a symlink to it): commit and check refuse it, exit 2' '
	clear_paths &&
	ln -s /dev/null "$J/alice/2026-11-30.md" &&
	before &&
	run 2 -C "$J" commit alice && error_line "not a regular file|symbolic link" &&
	run 2 -C "$J" check alice/2026-11-30.md && error_line "not a regular file" &&
	untouched &&
	rm "$J/alice/2026-11-30.md"
'

test_expect_success 'a character device as a note: commit, check, new refuse it without blocking' '
	clear_paths &&
	if mknod "$J/alice/2026-11-30.md" c 1 5 2>/dev/null; then :; else ln -s /dev/zero "$J/alice/2026-11-30.md"; fi &&
	before &&
	run 2 -C "$J" commit alice && error_line "not a regular file|symbolic link" &&
	run 2 -C "$J" check alice && error_line "not a regular file" &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 && error_line "not a regular file" &&
	untouched &&
	rm "$J/alice/2026-11-30.md"
'

# -- terminal escapes ------------------------------------------------------

test_expect_success 'setup: a note with ESC [2J, OSC 52 and C1 CSI in text, owner, tags and fields' '
	clear_paths &&
	python3 - "$J/alice/2026-11-30.md" <<-\EOF
	import sys
	esc, osc, c1 = "\x1b[2J", "\x1b]52;c;ZXZpbA==\x07", "\u009b31m"
	open(sys.argv[1], "w", encoding="utf-8").write(f"""---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---

	## Last week\x27s commitments
	- [x] Ask for a staging slot {esc} #ship
	- [~] Land the payment page {osc} #ship
	  - cause: assumption{esc}
	  - learning: {c1} learnt

	## Goals
	- #ship{esc} Ship {osc} weekly

	## Blockers
	- Staging {c1} slow #infra{esc}
	  - kind: environment{esc}
	  - impact: {osc}

	## Support within 48 hours
	- [ ] Ask {esc} platform @kim{esc} #ship

	## Focus for the next 5 days
	- [ ] First {osc} focus {c1} #ship{c1} @alice{osc}
	  - metric: m{esc}
	  - fallback: f{c1}

	## Feedback
	- good {esc}
	""".replace("\n\t", "\n"))
	EOF
'

test_expect_success 'escapes: notes parse (text) prints no raw ESC, BEL or C1 byte' '
	run 0 -C "$J" parse alice/2026-11-30.md &&
	test -s out &&
	no_raw_control out err
'

test_expect_success 'escapes: notes check prints no raw ESC, BEL or C1 byte' '
	test_expect_code 1 with_env NOTES_NOW=2026-11-30T11:00 $NOTES_WRAPPER "$NOTES" -C "$J" \
		check alice >out 2>err &&
	test_no_crash err &&
	no_raw_control out err
'

test_expect_success 'escapes: notes commit --force prints no raw control byte, and commits' '
	run 0 -C "$J" commit --force alice &&
	no_raw_control out err &&
	git -C "$J" cat-file -e HEAD:alice/2026-11-30.md
'

test_expect_success 'escapes: notes status and status PERSON print no raw control byte' '
	run 0 -C "$J" status &&
	test -s out &&
	no_raw_control out err &&
	run 0 -C "$J" status alice &&
	no_raw_control out err
'

test_expect_success 'escapes: notes review prints no raw control byte' '
	run 0 -C "$J" review alice &&
	test -s out &&
	no_raw_control out err
'

test_expect_success 'escapes: --json output is valid JSON with the escapes as \u escapes' '
	run 0 -C "$J" parse --json alice/2026-11-30.md &&
	jq -e . out >/dev/null &&
	run 0 -C "$J" status --json &&
	jq -e . out >/dev/null &&
	! grep -q "$(printf "\033")" out
'

test_expect_success 'escapes: a raw 0x9b byte (8-bit CSI) is never printed raw by parse or check' '
	printf -- "---\nperson: alice\nleader: kim\ndate: 2026-11-30 10:00\n---\n## Focus\n- [ ] raw \2331m csi #ship\n" >raw9b.md &&
	run 0 parse raw9b.md &&
	no_raw_control out err &&
	test_expect_code 1 $NOTES_WRAPPER "$NOTES" check raw9b.md >out 2>err &&
	no_raw_control out err
'

test_expect_success 'escapes: a person id holding ESC is refused with the ESC escaped' '
	before &&
	run 2 -C "$J" new "$(printf "x\033[2Jy")" --no-edit &&
	error_line "invalid person id" &&
	no_raw_control out err &&
	run 2 -C "$J" person add "$(printf "\033]52;c;eA==\007")" &&
	no_raw_control out err &&
	untouched
'

test_expect_success 'escapes: a person name holding OSC 52 is not printed raw by person list and status' '
	run 0 -C "$J" person add eve --name "$(printf "Eve \033]52;c;ZXZpbA==\007 \302\233""31m")" &&
	run 0 -C "$J" person list &&
	grep -q "^eve" out &&
	no_raw_control out err &&
	run 0 -C "$J" status &&
	no_raw_control out err
'

# -- .notes/config injection ----------------------------------------------

test_expect_success 'config: a --name that injects [journal] leader = mallory stays a name' '
	run 0 -C "$J" person add x --name "$(printf "evil\n[journal]\n\tleader = mallory")" &&
	test "$(git config -f "$J/.notes/config" --get-all journal.leader)" = kim &&
	printf "evil\n[journal]\n\tleader = mallory\n" >expect &&
	git config -f "$J/.notes/config" person.x.name >actual &&
	test_cmp expect actual &&
	run 0 -C "$J" person list &&
	test "$(grep -c mallory out)" = 1 &&
	grep -q "^x .*evil.n.journal.*mallory" out &&
	test -z "$(git -C "$J" status --porcelain .notes)"
'

test_expect_success 'config: names with quotes, backslashes, ; and # read back verbatim' '
	name="q\"uo\\te\\\\d \\\" ; # not a comment" &&
	run 0 -C "$J" person add q --name "$name" &&
	test "$(git config -f "$J/.notes/config" person.q.name)" = "$name" &&
	run 0 -C "$J" person list &&
	test "$(git config -f "$J/.notes/config" --get-all journal.leader)" = kim
'

test_expect_success 'config: an --email that injects [include] path does not include anything' '
	run 0 -C "$J" person add inc --email "$(printf "a@b\n[include]\n\tpath = %s" "$OUT/secret")" &&
	test -z "$(git config -f "$J/.notes/config" --includes --get include.path)" &&
	test "$(git config -f "$J/.notes/config" --get-all journal.leader)" = kim
'

test_expect_success 'config: a name with newlines cannot inject commit trailers' '
	run 0 -C "$J" person add tr --name "$(printf "Eve\nPerson: mallory\nDone: zzzzzz")" --email tr@example.com &&
	mkdir -p "$J/tr" &&
	valid_note tr 2026-11-23 >"$J/tr/2026-11-23.md" &&
	run 0 -C "$J" commit tr &&
	git -C "$J" log -1 --format=%B >msg &&
	git interpret-trailers --parse <msg >trailers &&
	test "$(grep -c "^Person: " trailers)" = 1 &&
	grep -q "^Person: tr$" trailers &&
	! grep -q "^Done: zzzzzz" trailers
'

# -- templates -------------------------------------------------------------

test_expect_success 'template: a note.md override that includes itself ({{>note}}) fails cleanly' '
	mkdir -p "$J/.notes/templates" &&
	printf "# {{person}}\n{{>note}}\n" >"$J/.notes/templates/note.md" &&
	before &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 &&
	error_line "recursive partial|nested deeper" &&
	untouched && test ! -e "$J/alice/2026-12-07.md"
'

test_expect_success 'template: two partials that include each other fail cleanly' '
	printf "{{>a}}" >"$J/.notes/templates/note.md" &&
	printf "x{{>note}}" >"$J/.notes/templates/a.md" &&
	before &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 &&
	error_line "recursive partial|nested deeper" &&
	untouched && test ! -e "$J/alice/2026-12-07.md"
'

test_expect_success 'template: an unclosed section fails with its line, no file written' '
	printf "# {{person}}\n{{#goals}}\n- {{line}}\n" >"$J/.notes/templates/note.md" &&
	before &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 &&
	error_line "unclosed section" &&
	untouched && test ! -e "$J/alice/2026-12-07.md"
'

test_expect_success 'template: nine partials in one render all render (partial text stays valid)' '
	rm -f "$J/alice/2026-12-07.md" &&
	python3 -c "print(\"{{>b}}\" * 9 + \"tail\", end=\"\")" >"$J/.notes/templates/a.md" &&
	python3 -c "print(\"B\" * 5000)" >"$J/.notes/templates/b.md" &&
	printf "{{>a}}\n" >"$J/.notes/templates/note.md" &&
	run 0 -C "$J" new alice --no-edit --date 2026-12-07 &&
	python3 -c "print((\"B\" * 5000 + \"\n\") * 9 + \"tail\")" >expect &&
	printf "%s\n" "$(cat "$J/alice/2026-12-07.md")" >actual &&
	test_cmp expect actual &&
	rm "$J/alice/2026-12-07.md"
'

test_expect_success 'template: partials fanning out to 30^6 expansions stop at the limit, no file' '
	rm -f "$J/alice/2026-12-07.md" &&
	for l in a b c d e f; do
		next=$(echo $l | tr abcdef bcdefg) &&
		python3 -c "print(\"{{>$next}}\" * 30, end=\"\")" >"$J/.notes/templates/$l.md" || return 1
	done &&
	echo lol >"$J/.notes/templates/g.md" &&
	printf "{{>a}}" >"$J/.notes/templates/note.md" &&
	before &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-07 &&
	error_line "template" &&
	untouched && test ! -e "$J/alice/2026-12-07.md" &&
	rm -r "$J/.notes/templates"
'

# -- sizes -------------------------------------------------------------------

test_expect_success 'size: a 100 MB note is refused as too large by commit, check, parse, new' '
	head -c 100000000 /dev/zero | tr "\0" "a" >"$J/alice/2026-11-30.md.big" &&
	mv "$J/alice/2026-11-30.md.big" "$J/alice/2026-12-07.md" &&
	before &&
	run 2 -C "$J" commit alice && error_line "too large" &&
	run 2 -C "$J" check alice/2026-12-07.md && error_line "too large" &&
	run 2 -C "$J" parse alice/2026-12-07.md && error_line "too large" &&
	run 2 -C "$J" new alice --no-edit --date 2026-12-14 && error_line "too large" &&
	untouched &&
	rm "$J/alice/2026-12-07.md"
'

test_expect_success 'size: 10,000 people: person list and status finish within 60 s' '
	notes init big --leader kim >out 2>err &&
	python3 -c "
for i in range(10000):
    print(\"[person \\\"p%05d\\\"]\\n\\tname = Person %d\\n\\tslot = mon 10:00\" % (i, i))" >>big/.notes/config &&
	test_expect_code 0 timeout 60 "$NOTES" -C big person list >out 2>err &&
	test "$(grep -c "^p[0-9]" out)" = 10000 &&
	test_expect_code 0 timeout 60 "$NOTES" -C big status >out 2>err &&
	test_no_crash err &&
	test_expect_code 0 timeout 60 "$NOTES" -C big status --json >out 2>err &&
	test "$(jq ".people | length" out)" -ge 10000
'

test_expect_success 'size: a 1 MB single-line item commits within 60 s; only its id is added' '
	{ valid_note alice 2026-11-30 | sed "/^## Feedback/,\$d" &&
	  printf -- "- [ ] " && head -c 1000000 /dev/zero | tr "\0" "x" && printf " #ship\n  - metric: m\n\n## Feedback\n- ok\n"
	} >"$J/alice/2026-11-30.md" &&
	cp "$J/alice/2026-11-30.md" long.before &&
	heavy 0 -C "$J" commit --force alice &&
	test_no_crash err &&
	sed "s/ \^[0-9a-z]\{6\}\$//" "$J/alice/2026-11-30.md" >long.after &&
	test_cmp long.before long.after &&
	grep -q "x #ship \^[0-9a-z]\{6\}\$" "$J/alice/2026-11-30.md"
'

test_expect_success 'size: 100,000 items: check and commit each finish within 60 s, all ids unique' '
	{ printf -- "---\nperson: bob\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Goals\n- #ship s\n## Focus\n" &&
	  python3 -c "import sys; sys.stdout.write(\"\".join(\"- [ ] item %d #ship\n\" % i for i in range(100000)))"
	} >big100k.md &&
	clear_paths && mkdir -p "$J/bob" && cp big100k.md "$J/bob/2026-11-23.md" &&
	heavy 0 -C "$J" check bob &&
	heavy 0 -C "$J" commit bob &&
	test_no_crash err &&
	test "$(grep -c " \^[0-9a-z]\{6\}\$" "$J/bob/2026-11-23.md")" = 100000 &&
	test -z "$(grep -o "\^[0-9a-z]\{6\}" "$J/bob/2026-11-23.md" | sort | uniq -d | head -n 1)" &&
	drop_bob
'

test_expect_success 'size: 400,000 items (10 MB, under the 16 MiB limit): commit finishes within 60 s' '
	drop_bob && mkdir -p "$J/bob" &&
	{ printf -- "---\nperson: bob\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Goals\n- #ship s\n## Focus\n" &&
	  python3 -c "import sys; sys.stdout.write(\"\".join(\"- [ ] item %d #ship\n\" % i for i in range(400000)))"
	} >"$J/bob/2026-11-23.md" &&
	heavy 0 -C "$J" check bob &&
	heavy 0 -C "$J" commit bob &&
	test "$(grep -c " \^[0-9a-z]\{6\}\$" "$J/bob/2026-11-23.md")" = 400000 &&
	drop_bob
'

test_expect_success 'size: 5,000 nested lists (one line) and 3,000 indented levels: check and commit finish' '
	drop_bob &&
	{ printf -- "---\nperson: alice\nleader: kim\ndate: 2026-12-07 10:00\n---\n## Focus for the next 5 days\n" &&
	  python3 -c "
import sys
sys.stdout.write(\"- \" * 5000 + \"[ ] deep #ship\n- [ ] top #ship\n\" + \"\".join(\"  \" * i + \"- level %d\n\" % i for i in range(3000)))"
	} >"$J/alice/2026-12-07.md" &&
	test_expect_code 1 with_env NOTES_NOW=2026-12-07T11:00 timeout 60 "$NOTES" -C "$J" \
		check alice/2026-12-07.md >out 2>err &&
	test_no_crash err &&
	heavy 0 -C "$J" commit --force alice/2026-12-07.md &&
	test_no_crash err &&
	git -C "$J" cat-file -e HEAD:alice/2026-12-07.md &&
	git -C "$J" rm -q alice/2026-12-07.md &&
	git -C "$J" -c user.name=t -c user.email=t@example.com commit -q -m "drop the deep note"
'

test_expect_success 'NUL bytes in a note: commit refuses it (bad encoding), nothing written' '
	{ valid_note alice 2026-12-07 && printf "## Notes\nbefore\0after\n"; } >"$J/alice/2026-12-07.md" &&
	before &&
	run 1 -C "$J" commit alice &&
	cat out err >all &&
	test_grep "bad-encoding|UTF-8|NUL" all &&
	untouched &&
	rm "$J/alice/2026-12-07.md"
'

test_expect_success 'invalid UTF-8 in front matter values: an error, quoted escaped, not committed' '
	printf -- "---\nperson: al\377ice\nleader: \300\257kim\ndate: 2026-12-07 10:00\n---\n## Focus\n- [ ] x #ship\n" >"$J/alice/2026-12-07.md" &&
	before &&
	test_expect_code 1 $NOTES_WRAPPER "$NOTES" -C "$J" check alice/2026-12-07.md >out 2>err &&
	test_no_crash err &&
	test_grep "error: .*person" out &&
	no_raw_control out err &&
	! grep -q "$(printf "\377")" out &&
	run 1 -C "$J" commit alice &&
	untouched &&
	rm "$J/alice/2026-12-07.md"
'

# -- clocks and dates ---------------------------------------------------------

for now in garbage 2026-02-30T10:00 2026-11-23T25:00 "$(printf "2026-11-23T10:00\033[2J")"; do
	test_expect_success "NOTES_NOW='$(printf %s "$now" | tr "\033" E)': status, person list, review, new exit 2, nothing written" '
		before &&
		with_env NOTES_NOW="$now" run 2 -C "$J" status && error_line "NOTES_NOW" && no_raw_control err &&
		with_env NOTES_NOW="$now" run 2 -C "$J" person list && error_line "NOTES_NOW" &&
		with_env NOTES_NOW="$now" run 2 -C "$J" review alice && error_line "NOTES_NOW" &&
		with_env NOTES_NOW="$now" run 2 -C "$J" new alice --no-edit && error_line "NOTES_NOW" &&
		untouched
	'
done

test_expect_success 'NOTES_NOW far in the future (9999-12-31T23:59): status, review, person list work' '
	with_env NOTES_NOW=9999-12-31T23:59 run 0 -C "$J" status &&
	with_env NOTES_NOW=9999-12-31T23:59 run 0 -C "$J" status --json &&
	jq -e ".now == \"9999-12-31T23:59\"" out >/dev/null &&
	with_env NOTES_NOW=9999-12-31T23:59 run 0 -C "$J" review alice &&
	with_env NOTES_NOW=9999-12-31T23:59 run 0 -C "$J" person list
'

test_expect_success 'setup: carol, a person without notes, for the date cases' '
	run 0 -C "$J" person add carol --name "Carol Kim" --email carol@example.com &&
	git -C "$J" rev-parse HEAD >date.base
'

for date in garbage 2026-13-45T10:00:00 "2026-11-23T10:00:00+99:99"; do
	test_expect_success "GIT_AUTHOR_DATE='$date': commit exits 2 naming it, no id written, no commit" '
		git -C "$J" reset -q --hard "$(cat date.base)" &&
		forget_unreachable &&
		mkdir -p "$J/carol" &&
		valid_note carol 2026-11-23 >"$J/carol/2026-11-23.md" &&
		before &&
		with_env GIT_AUTHOR_DATE="$date" run 2 -C "$J" commit carol &&
		error_line "GIT_AUTHOR_DATE" &&
		untouched &&
		git -C "$J" fsck >fsck 2>&1
	'
done

test_expect_success 'GIT_COMMITTER_DATE=garbage: commit and done exit 2, nothing written' '
	git -C "$J" reset -q --hard "$(cat date.base)" &&
	forget_unreachable &&
	mkdir -p "$J/carol" &&
	valid_note carol 2026-11-23 >"$J/carol/2026-11-23.md" &&
	before &&
	with_env GIT_COMMITTER_DATE=garbage run 2 -C "$J" commit carol &&
	error_line "GIT_COMMITTER_DATE" &&
	untouched &&
	rm -r "$J/carol" &&
	id=$(sed -n "s/.*Ask for a staging slot #ship \^\([0-9a-z]*\).*/\1/p" "$J/alice/2026-11-23.md") &&
	test -n "$id" &&
	before &&
	with_env GIT_COMMITTER_DATE=garbage run 2 -C "$J" done "$id" &&
	untouched
'

# -- broken repositories ------------------------------------------------------

test_expect_success '.git is a file pointing nowhere: commit, person add, review exit 2, nothing written' '
	valid_note alice 2026-12-07 >"$J/alice/2026-12-07.md" &&
	mv "$J/.git" "$TRASH/j.git" &&
	echo "gitdir: $TRASH/nowhere" >"$J/.git" &&
	cp "$J/alice/2026-12-07.md" note.before && cp "$J/.notes/config" config.before &&
	run 2 -C "$J" commit alice && error_line "git repository" &&
	run 2 -C "$J" person add zed && error_line "git repository" &&
	run 2 -C "$J" review alice && error_line "git repository" &&
	cmp note.before "$J/alice/2026-12-07.md" && cmp config.before "$J/.notes/config" &&
	test ! -e "$TRASH/nowhere"
'

test_expect_success '.git is a file of garbage: commit exits 2 with one clear line' '
	printf "\0\377garbage\n" >"$J/.git" &&
	run 2 -C "$J" commit alice && error_line "git repository|\.git" &&
	cmp note.before "$J/alice/2026-12-07.md" &&
	rm "$J/.git"
'

test_expect_success '.git missing inside another repository: commit never reaches the outer one' '
	git init -q outer && git -C outer -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m outer &&
	mv "$J" outer/j &&
	run 2 -C outer/j commit alice && error_line "git repository" &&
	test "$(git -C outer rev-list --count HEAD)" = 1 &&
	test -z "$(git -C outer diff --cached --name-only)" &&
	cmp note.before outer/j/alice/2026-12-07.md &&
	mv outer/j "$J" && mv "$TRASH/j.git" "$J/.git" &&
	rm "$J/alice/2026-12-07.md" &&
	git -C "$J" fsck >fsck 2>&1
'

# -- ids -----------------------------------------------------------------------

test_expect_success 'ids: one id on two items of a note is a duplicate-id error; commit refuses' '
	valid_note alice 2026-12-07 "- [ ] Second #ship ^dup123
  - metric: m
- [ ] Third #ship ^dup123
  - metric: m" >"$J/alice/2026-12-07.md" &&
	before &&
	test_expect_code 1 $NOTES_WRAPPER "$NOTES" -C "$J" check alice/2026-12-07.md >out 2>err &&
	test_grep "duplicate-id" out &&
	run 1 -C "$J" commit alice &&
	untouched
'

test_expect_success 'ids: done of an id that names two items refuses (ambiguous), nothing written' '
	run 0 -C "$J" commit --force alice &&
	before &&
	run 2 -C "$J" done dup123 &&
	error_line "dup123" &&
	untouched
'

test_expect_success 'ids: commit gives only ids unused anywhere in the journal' '
	grep -o "\^[0-9a-z]\{6\}" "$J"/*/*.md | sed "s/.*\^//" | sort -u >used.before &&
	valid_note alice 2026-12-14 "$(python3 -c "print(\"\".join(\"- [ ] Step %d #ship\n  - metric: m\n\" % i for i in range(300)))")" >"$J/alice/2026-12-14.md" &&
	run 0 -C "$J" commit --force alice/2026-12-14.md &&
	grep -o "\^[0-9a-z]\{6\}" "$J/alice/2026-12-14.md" | sed "s/.*\^//" | sort >new &&
	test "$(wc -l <new)" -ge 300 &&
	test -z "$(uniq -d new)" &&
	test -z "$(comm -12 used.before new)"
'

test_expect_success 'ids: after a reset and gc drop the id cache commit, commit works (no leak)' '
	git -C "$J" rev-parse HEAD >head.before &&
	valid_note alice 2026-12-21 >"$J/alice/2026-12-21.md" &&
	run 0 -C "$J" commit --force alice/2026-12-21.md &&
	test -s "$J/.git/notes-ids" &&
	git -C "$J" reset -q --hard "$(cat head.before)" &&
	git -C "$J" reflog expire --expire=now --all && git -C "$J" gc -q --prune=now &&
	valid_note alice 2026-12-21 >"$J/alice/2026-12-21.md" &&
	run 0 -C "$J" commit --force alice/2026-12-21.md &&
	grep -o "\^[0-9a-z]\{6\}" "$J/alice/2026-12-21.md" | sort | uniq -d >dups &&
	test_cmp /dev/null dups
'

# done_at_case PERSON ID NOTE: PERSON's note is NOTE (printf format, its
# one focus item is ^ID); `notes done ID --at` must put the done: field
# under that item: still one focus item, done, with its done time, and no
# new item.
done_at_case() {
	notes -C "$J" person add "$1" >out 2>err &&
	mkdir -p "$J/$1" &&
	printf -- "$3" >"$J/$1/2026-11-23.md" &&
	run 0 -C "$J" commit --force "$1" &&
	run 0 -C "$J" done "$2" --at 2026-11-24T09:00 &&
	run 0 -C "$J" parse --json "$1/2026-11-23.md" &&
	if test "$(jq ".focus | length" out)" = 1 &&
		test "$(jq -r ".focus[0].status" out)" = done &&
		test "$(jq -r ".focus[0].id" out)" = "$2" &&
		python3 -c "
import sys
b = open(sys.argv[1], \"rb\").read()
sys.exit(0 if -1 < b.find(b\"done: 2026-11-24T09:00\") < b.find(b\"## Feedback\") else 1)" "$J/$1/2026-11-23.md"
	then :; else
		echo "the note after notes done --at:" >&2
		od -c "$J/$1/2026-11-23.md" | tail -n 8 >&2
		jq -c ".focus" out >&2
		return 1
	fi
}

test_expect_success 'done --at on an item with a tab after its list marker keeps the done: field under it' '
	done_at_case erin d0ne01 "---\nperson: erin\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Goals\n- #ship s\n## Focus\n-\t[ ]\tDrain the nodes #ship ^d0ne01\n\t-\tmetric: nodes\n## Feedback\n- ok\n"
'

test_expect_success 'done --at on a note with CR-only line ends keeps the done: field under the item, CR only' '
	done_at_case fay d0ne02 "---\rperson: fay\rleader: kim\rdate: 2026-11-23 10:00\r---\r## Goals\r- #ship s\r## Focus\r- [ ] Drain the nodes #ship ^d0ne02\r  - metric: nodes\r## Feedback\r- ok\r" &&
	test "$(tr -cd "\n" <"$J/fay/2026-11-23.md" | wc -c)" = 0
'

test_expect_success 'new after a note with CR-only line ends carries the blocker alone, with its fields' '
	notes -C "$J" person add gus >out 2>err &&
	mkdir -p "$J/gus" &&
	printf -- "---\rperson: gus\rleader: kim\rdate: 2026-11-23 10:00\r---\r## Goals\r- #ship s\r## Blockers\r- Slow staging #infra\r  - kind: environment\r## Support\r- [ ] Ask for a slot ^cr0001\r## Focus\r- [ ] Drain the nodes #ship ^cr0002\r  - metric: nodes\r## Feedback\r- ok\r" >"$J/gus/2026-11-23.md" &&
	run 0 -C "$J" commit --force gus &&
	with_env NOTES_NOW=2026-11-30T09:00 run 0 -C "$J" new gus --no-edit --date 2026-11-30 &&
	run 0 -C "$J" parse --json gus/2026-11-30.md &&
	if test "$(jq ".blockers | length" out)" = 1 &&
		test "$(jq -r ".blockers[0].text" out)" = "Slow staging" &&
		test "$(jq -r ".blockers[0].kind" out)" = environment &&
		test "$(jq ".review | length" out)" = 2 &&
		test "$(jq ".problems | map(select(.code == \"duplicate-id\")) | length" out)" = 0
	then :; else
		sed -n "/blocking/,/48 hours/p" "$J/gus/2026-11-30.md" >&2
		return 1
	fi
'

test_expect_success 'nothing outside the journal was ever written, and the journal is sound' '
	rm -f "$J/dan/2026-11-23.md" &&
	find "$OUT" | LC_ALL=C sort >listing &&
	printf "%s\n" "$OUT" "$OUT/bob" "$OUT/bob/2026-11-23.md" "$OUT/evil.md" "$OUT/secret" >expect &&
	test_cmp expect listing &&
	test "$(cat "$OUT/secret")" = "do not touch" &&
	git -C "$J" fsck --full >fsck 2>&1 &&
	test -z "$(git -C "$J" rev-list --merges HEAD)"
'

test_done
