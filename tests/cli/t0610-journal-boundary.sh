#!/bin/sh
# t0610-journal-boundary.sh - a teammate's hostile commit cannot make notes
# read or write outside the journal: team templates and partials that are
# links, .notes/ and .notes/config as links (read and written by person
# add), [include] and [includeIf] in the config, person ids of the config
# that lead outside, a team note.md that cannot be used, a template that
# renders more than a note may hold, config values that would inject lines
# into a new note; and notes commit on a HEAD that names a missing branch.
. "$(dirname "$0")/lib.sh"

export NOTES_NOW=2026-11-23T11:00
J=$TRASH/j
OUT=$TRASH/outside

# fresh: a journal of kim with bob, committed; a secret outside it.
fresh() {
	rm -rf "$J" "$OUT" &&
	mkdir -p "$OUT" &&
	echo "SECRET-KEY-material-4711" >"$OUT/id_ed25519" &&
	notes init "$J" --leader kim --name "Kim Wonwoo" --email kim@example.com >/dev/null &&
	notes -C "$J" person add bob --name "Bob Lee" --slot "tue 11:00" >/dev/null
}

# no_secret: no file of the journal (nor any object) holds the secret.
no_secret() {
	! grep -r -q "SECRET-KEY" "$J" --exclude-dir=.git &&
	git -C "$J" cat-file --batch-all-objects --batch >objects &&
	! grep -q "SECRET-KEY" objects
}

test_expect_success 'a team partial that is a link out of the journal is refused, nothing written' '
	fresh &&
	mkdir -p "$J/.notes/templates" &&
	printf "# 1:1 {{name}}\n\n{{>footer}}\n" >"$J/.notes/templates/note.md" &&
	ln -s "$OUT/id_ed25519" "$J/.notes/templates/footer.md" &&
	git -C "$J" add .notes/templates &&
	git -C "$J" -c user.name=T -c user.email=t@example.com commit -q -m "templates" &&
	snapshot "$J" before &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*\.notes/templates/footer\.md: is a symbolic link" err &&
	test ! -e "$J/bob/2026-11-24.md" &&
	untouched "$J" &&
	no_secret
'

test_expect_success 'a team note.md that is a link is refused, not replaced by the built-in one' '
	rm "$J/.notes/templates/footer.md" "$J/.notes/templates/note.md" &&
	ln -s "$OUT/id_ed25519" "$J/.notes/templates/note.md" &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_grep "^notes: .*\.notes/templates/note\.md: is a symbolic link" err &&
	test ! -e "$J/bob/2026-11-24.md" &&
	no_secret
'

test_expect_success 'a templates directory that is a link is refused' '
	rm -r "$J/.notes/templates" &&
	mkdir "$OUT/tpl" &&
	printf "# stolen {{name}}\n" >"$OUT/tpl/note.md" &&
	ln -s "$OUT/tpl" "$J/.notes/templates" &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_grep "^notes: .*\.notes/templates: is a symbolic link" err &&
	test ! -e "$J/bob/2026-11-24.md" &&
	rm "$J/.notes/templates"
'

test_expect_success 'a team note.md that is a FIFO or too large says so, without blocking' '
	mkdir -p "$J/.notes/templates" &&
	mkfifo "$J/.notes/templates/note.md" &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_grep "^notes: .*\.notes/templates/note\.md: not a regular file" err &&
	rm "$J/.notes/templates/note.md" &&
	head -c 17000000 /dev/zero | tr "\0" "x" >"$J/.notes/templates/note.md" &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_grep "^notes: .*\.notes/templates/note\.md: too large" err &&
	test ! -e "$J/bob/2026-11-24.md"
'

test_expect_success 'a template that renders more than 16 MiB is refused (the note limit)' '
	head -c 1100000 /dev/zero | tr "\0" "x" >"$J/.notes/templates/big.md" &&
	{ i=0 && while [ $i -lt 16 ]; do printf "{{>big}}" && i=$((i + 1)) || return 1; done; } >"$J/.notes/templates/note.md" &&
	test_expect_code 2 notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*larger than 16 MiB" err &&
	test ! -e "$J/bob/2026-11-24.md" &&
	rm -r "$J/.notes/templates"
'

test_expect_success 'a person name with a line end does not inject a line into a new note' '
	git -C "$J" config -f .notes/config person.bob.name "Bob
## Injected heading" &&
	notes -C "$J" new bob --date 2026-11-24 >out 2>err &&
	! grep -q "^## Injected heading" "$J/bob/2026-11-24.md" &&
	grep -q "Bob\\\\n## Injected heading" "$J/bob/2026-11-24.md"
'

test_expect_success 'a .notes/config that is a link is refused, and person add does not write through it' '
	fresh &&
	cp "$J/.notes/config" "$OUT/config" &&
	cp "$OUT/config" "$OUT/config.before" &&
	rm "$J/.notes/config" &&
	ln -s "$OUT/config" "$J/.notes/config" &&
	test_expect_code 2 notes -C "$J" status >out 2>err &&
	test_grep "^notes: .*\.notes/config: is a symbolic link" err &&
	test_expect_code 2 notes -C "$J" person add eve --name Eve >out 2>err &&
	test_grep "^notes: .*\.notes/config: is a symbolic link" err &&
	test_cmp "$OUT/config.before" "$OUT/config"
'

test_expect_success 'a .notes/ that is a link is refused, person add writes and commits nothing' '
	fresh &&
	mv "$J/.notes" "$OUT/dotnotes" &&
	cp "$OUT/dotnotes/config" "$OUT/config.before" &&
	ln -s "$OUT/dotnotes" "$J/.notes" &&
	head=$(git -C "$J" rev-parse HEAD) &&
	test_expect_code 2 notes -C "$J" person add eve --name Eve >out 2>err &&
	test_grep "^notes: .*\.notes: is a symbolic link" err &&
	test_cmp "$OUT/config.before" "$OUT/dotnotes/config" &&
	test "$(git -C "$J" rev-parse HEAD)" = "$head"
'

test_expect_success '[include] and [includeIf] in .notes/config are not followed' '
	fresh &&
	printf "[person \"eve\"]\n\tname = Eve from outside\n" >"$OUT/extra.config" &&
	cp "$J/.notes/config" config.orig &&
	{ cat config.orig && printf "[include]\n\tpath = %s\n" "$OUT/extra.config"; } >"$J/.notes/config" &&
	test_expect_code 2 notes -C "$J" person list >out 2>err &&
	test_grep "^notes: .*\.notes/config:[0-9]+: includes are not followed" err &&
	! grep -q "Eve from outside" out &&
	mkfifo "$OUT/fifo" &&
	{ cat config.orig && printf "[IncludeIf \"gitdir:/\"]\n\tpath = %s\n" "$OUT/fifo"; } >"$J/.notes/config" &&
	test_expect_code 2 notes -C "$J" status >out 2>err &&
	test_grep "^notes: .*\.notes/config:[0-9]+: includes are not followed" err
'

test_expect_success 'a person id of the config that leads outside is reported once and skipped' '
	fresh &&
	mkdir -p "$TRASH/evil" &&
	printf "# 1:1 evil\n\nSECRET-KEY-material-4711\n" >"$TRASH/evil/2026-11-16.md" &&
	printf "[person \"../evil\"]\n\tname = Evil\n" >>"$J/.notes/config" &&
	for cmd in status "person list" check; do
		notes -C "$J" $cmd >out 2>err &&
		test_no_crash err &&
		test "$(grep -c "is not a person id" err)" = 1 &&
		test_grep "^notes: warning: \.notes/config: \[person \"\.\./evil\"\] is not a person id" err &&
		! grep -q "SECRET-KEY\|evil/2026" out || return 1
	done &&
	notes -C "$J" person list >out 2>err &&
	grep -q "^bob" out
'

# A note saved by hand while notes new renders the same one: strace holds
# the rename (or link) that puts the new note in place for 1.5 s, and the
# hand-written note appears in that moment (LeakSanitizer cannot run
# under ptrace: leaks are checked by every other test).
if command -v strace >/dev/null &&
	strace -f -o /dev/null -e trace=getpid -e inject=getpid:delay_enter=1 true 2>/dev/null; then
	test_expect_success 'notes new never replaces a note saved while it rendered' '
		fresh &&
		mkdir -p "$J/bob" &&
		{ ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=rename,renameat,renameat2,link,linkat \
			-e inject=rename,renameat,renameat2,link,linkat:delay_enter=1500000 \
			"$NOTES" -C "$J" new bob --date 2026-12-08 >out 2>err & } &&
		pid=$! &&
		n=0 &&
		while ls -a "$J/bob" >ls && ! grep -q "^\.2026-12-08\.md\.tmp-" ls; do
			n=$((n + 1)) &&
			test $n -lt 600 &&
			sleep 0.05 || return 1
		done &&
		echo "saved by hand" >"$J/bob/2026-12-08.md" &&
		got=0 &&
		{ wait $pid || got=$?; } &&
		test "$got" = 2 &&
		test_grep "^notes: .*2026-12-08\.md: exists already" err &&
		echo "saved by hand" >expect &&
		test_cmp expect "$J/bob/2026-12-08.md" &&
		ls -a "$J/bob" >ls &&
		! grep -q "tmp-" ls
	'
	test_expect_success 'notes new never replaces a note saved while it rendered (a hard link where there is no exclusive rename)' '
				{ NOTES_TEST_NO_RENAME_NOREPLACE=1 ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=rename,renameat,renameat2,link,linkat \
			-e inject=rename,renameat,renameat2,link,linkat:delay_enter=1500000 \
			"$NOTES" -C "$J" new bob --date 2026-12-15 >out 2>err & } &&
		pid=$! &&
		n=0 &&
		while ls -a "$J/bob" >ls && ! grep -q "^\.2026-12-15\.md\.tmp-" ls; do
			n=$((n + 1)) &&
			test $n -lt 600 &&
			sleep 0.05 || return 1
		done &&
		echo "saved by hand" >"$J/bob/2026-12-15.md" &&
		got=0 &&
		{ wait $pid || got=$?; } &&
		test "$got" = 2 &&
		test_grep "^notes: .*2026-12-15\.md: exists already" err &&
		echo "saved by hand" >expect &&
		test_cmp expect "$J/bob/2026-12-15.md" &&
		ls -a "$J/bob" >ls &&
		! grep -q "tmp-" ls
	'
else
	test_skip 'notes new never replaces a note saved while it rendered' 'no strace with fault injection'
fi

test_expect_success 'notes commit on a HEAD that names a missing branch refuses, starts no new history' '
	fresh &&
	mkdir -p "$J/bob" &&
	cat >"$J/bob/2026-11-24.md" <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-24 11:00
	---
	## Support
	- [ ] Get read access to the warehouse
	## Focus
	- [ ] Build the fixture loader #data
	  - metric: fixtures loaded
	## Feedback
	- Good start.
	EOF
	git -C "$J" symbolic-ref HEAD refs/heads/mian &&
	snapshot "$J" before &&
	test_expect_code 2 notes -C "$J" commit bob >out 2>err &&
	test_no_crash err &&
	test_grep "^notes: .*HEAD names refs/heads/mian, which does not exist" err &&
	! git -C "$J" rev-parse -q --verify refs/heads/mian >/dev/null &&
	untouched "$J" &&
	git -C "$J" symbolic-ref HEAD refs/heads/main &&
	notes -C "$J" commit bob >out 2>err &&
	test "$(git -C "$J" rev-list --count HEAD)" = 3
'

test_done
