#!/bin/sh
# t0440-faults.sh - faults and hostile input that must end in an error,
# never in a hang, a crash or a commit that should not be: notes done on a
# note with errors, history blobs over the size limit, a truncated object,
# the file-size limit, and the messages of unreadable things.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

test_expect_success 'setup: a team journal with committed notes' '
	setup_team j
'

test_expect_success 'notes done refuses what notes commit refuses: the errors, nothing written' '
	id=$(item_id j/alice/2026-11-23.md support "Book a staging slot") &&
	sed -i "s/^\(- \[ \] Ask Dana about alice.s fraud rules.*\)$/\1 due:2026-02-31/" \
		j/alice/2026-11-23.md &&
	test_grep "due:2026-02-31" j/alice/2026-11-23.md &&
	cp j/alice/2026-11-23.md before.md &&
	head=$(git -C j rev-parse HEAD) &&
	test_expect_code 1 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C j done "$id" >out 2>err &&
	test_grep "^alice/2026-11-23.md:[0-9]+:[0-9]+: error: .*2026-02-31" err &&
	test_grep "done: alice/2026-11-23.md has 1 error; \^$id not ticked, nothing written" err &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	cmp before.md j/alice/2026-11-23.md &&
	test_expect_code 1 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C j commit alice >out 2>err &&
	: once fixed, done ticks and commits &&
	git -C j checkout -q -- alice/2026-11-23.md &&
	NOTES_NOW=2026-11-24T09:00 notes -C j done "$id" >out 2>err &&
	git -C j show HEAD:alice/2026-11-23.md >committed.md &&
	test_grep "^- \[x\] Book a staging slot for alice" committed.md
'

test_expect_success 'the file-size limit (ulimit -f): EFBIG reported, no kill, no temporary file' '
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
		echo "- A line of notes that makes the note longer than the limit" >>j/bob/2026-11-24.md ||
		return 1
	done &&
	sed -i "s/^- \[ \] Land bob.s payment page #ship.*$/&\n- [ ] A new task without an id/" \
		j/bob/2026-11-24.md &&
	cp j/bob/2026-11-24.md before.md &&
	head=$(git -C j rev-parse HEAD) &&
	test "$(wc -c <before.md)" -gt 2048 &&
	rc=0 &&
	{ (ulimit -f 2 && NOTES_NOW=2026-11-24T15:00 exec "$NOTES" -C j commit bob) >out 2>err ||
		rc=$?; } &&
	test "$rc" = 2 &&
	test_grep "^notes: commit: bob/2026-11-24.md: File too large$" err &&
	cmp before.md j/bob/2026-11-24.md &&
	test "$(git -C j rev-parse HEAD)" = "$head" &&
	ls -a j/bob >list &&
	! grep tmp list
'

test_expect_success 'an unknown option or command with control bytes is printed escaped' '
	esc=$(printf "\033") &&
	test_expect_code 2 notes "--x${esc}[31m" >out 2>err &&
	test_grep "^notes: unknown option .--x\\\\x1b\[31m.$" err &&
	test_expect_code 2 notes -C j commit "--y${esc}]0;t" >out 2>err &&
	test_grep "unknown option .--y\\\\x1b\]0;t." err &&
	test_expect_code 2 notes "z${esc}[1m" >out 2>err &&
	test_grep "z\\\\x1b\[1m. is not a notes command" err &&
	! grep -q "$esc" err
'

# truncate REPO OBJECT: cut a loose object to its first 20 bytes, as a
# crash or a full disk can leave it.
truncate_object() {
	f="$1/.git/objects/$(echo "$2" | cut -c1-2)/$(echo "$2" | cut -c3-)" &&
	test -f "$f" &&
	chmod u+w "$f" &&
	head -c 20 "$f" >"$TRASH/cut" &&
	cat "$TRASH/cut" >"$f"
}

test_expect_success 'a truncated loose object is an error for commit, done and review, not a hang' '
	rm -rf k && cp -a j k && git -C k checkout -q -- . &&
	id=$(item_id k/alice/2026-11-23.md focus "payment page") &&
	sed -i "s/^- \[ \] Land alice.s payment page #ship.*$/&\n- [ ] A task with no id yet/" \
		k/alice/2026-11-23.md &&
	cp k/alice/2026-11-23.md before.md &&
	git -C k rev-parse HEAD >head &&
	truncate_object k "$(cat head)" &&
	test_expect_code 2 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C k commit alice >out 2>err &&
	test_grep "object $(cat head) is corrupt \(.*: the file ends too early\)" err &&
	cmp before.md k/alice/2026-11-23.md &&
	test_expect_code 2 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C k done "$id" >out 2>err &&
	test_grep "is corrupt" err &&
	cmp before.md k/alice/2026-11-23.md &&
	test_expect_code 2 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C k review alice >out 2>err &&
	test_grep "is corrupt" err
'

test_expect_success 'a truncated blob of a note in the history: review says so' '
	rm -rf k && cp -a j k &&
	git -C k rev-parse HEAD:alice/2026-11-23.md >blob &&
	truncate_object k "$(cat blob)" &&
	test_expect_code 2 env NOTES_NOW=2026-11-24T09:00 "$NOTES" -C k review alice >out 2>err &&
	test_grep "object $(cat blob) is corrupt" err
'

test_expect_success 'a note over 16 MiB in the history (added and removed by git) is skipped with a warning' '
	rm -rf k && cp -a j k && git -C k checkout -q -- . &&
	NOTES_NOW=2026-11-24T09:00 notes -C k review alice --json >before.json 2>before.err &&
	head -c $((17 * 1024 * 1024)) /dev/zero | tr "\0" "a" >k/alice/2026-11-30.md &&
	git -C k add alice/2026-11-30.md &&
	git -C k commit -qm "a huge file" &&
	git -C k rev-parse HEAD >big &&
	git -C k rm -q alice/2026-11-30.md &&
	git -C k commit -qm "removed" &&
	NOTES_NOW=2026-11-24T09:00 notes -C k review alice --json >after.json 2>err &&
	test_grep "^notes: warning: alice/2026-11-30.md in commit $(cat big) is over 16 MiB: skipped in the history$" err &&
	test_cmp before.json after.json
'

test_expect_success 'EDITOR is run as git runs it: quotes in it, a path with a space' '
	mkdir -p "my editors" &&
	printf "#!/bin/sh\necho \"edited by \$0 with \$#\" >>\"\$1\"\n" >"my editors/ed" &&
	chmod +x "my editors/ed" &&
	EDITOR="\"$TRASH/my editors/ed\"" NOTES_NOW=2026-11-27T09:00 \
		notes -C j new alice --date 2026-11-30 --edit >out 2>err &&
	test_grep "^edited by $TRASH/my editors/ed with 1$" j/alice/2026-11-30.md &&
	rm j/alice/2026-11-30.md
'

test_expect_success 'an editor that fails or cannot start makes notes new fail' '
	test_expect_code 2 env EDITOR=false NOTES_NOW=2026-11-27T09:00 \
		"$NOTES" -C j new alice --date 2026-11-30 --edit >out 2>err &&
	test_grep "^notes: new: the editor .false. failed \(exit 1\); the note is .*alice/2026-11-30.md$" err &&
	rm j/alice/2026-11-30.md &&
	test_expect_code 2 env VISUAL="$TRASH/no such editor" NOTES_NOW=2026-11-27T09:00 \
		"$NOTES" -C j new alice --date 2026-11-30 --edit >out 2>err &&
	test_grep "failed \(exit 127: not found\)" err &&
	rm j/alice/2026-11-30.md
'

test_expect_success 'commit messages made from a note hold no C0 or C1 control bytes' '
	esc=$(printf "\033") && csi=$(printf "\302\233") &&
	sed -i "s/^- \[ \] Land bob.s payment page #ship.*$/&\n- [ ] Paint ${esc}[31mred${esc}[0m and ${csi}2J clear/" \
		j/bob/2026-11-24.md &&
	test_grep "Paint .*red" j/bob/2026-11-24.md &&
	NOTES_NOW=2026-11-24T15:00 notes -C j commit bob >out 2>err &&
	git -C j log -1 --format=%B >msg &&
	test_grep "^- \[ \] Paint  \[31mred \[0m and  2J clear \^[a-z0-9]{6}$" msg &&
	! grep -q "$esc" msg &&
	! grep -q "$csi" msg &&
	LC_ALL=C.UTF-8 iconv -f UTF-8 -t UTF-8 msg >/dev/null
'

test_done
