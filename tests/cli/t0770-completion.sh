#!/bin/sh
# t0770-completion.sh - shell completion: notes __complete gives the
# people and the open items of the latest notes; the bash function, driven
# through COMP_WORDS/COMP_CWORD, offers commands, each command's options
# (those of its --help), people for notes new, dates for --date and open
# ids for notes done; zsh, driven through a pseudo-terminal, describes
# the people by their names and the open items by their text.
. "$(dirname "$0")/lib.sh"

BASH_COMPLETION=$ROOT/contrib/completion/notes.bash
ZSH_DIR=$ROOT/contrib/completion
BIN=$TRASH/bin
mkdir -p "$BIN"
# the completion scripts call `notes`: the binary under test
cat >"$BIN/notes" <<EOF
#!/bin/sh
exec $NOTES_WRAPPER "$NOTES" "\$@"
EOF
chmod +x "$BIN/notes"
export NOTES_NOW=2026-11-25T12:00

# complete WORD...: COMPREPLY of the bash completion for the command line
# WORD... (the last word is the one completed), one a line.
cat >"$TRASH/complete.bash" <<EOF
. "$BASH_COMPLETION"
COMP_WORDS=("\$@")
COMP_CWORD=\$((\$# - 1))
_notes
((\${#COMPREPLY[@]} == 0)) || printf '%s\n' "\${COMPREPLY[@]}"
EOF
complete() {
	PATH=$BIN:$PATH bash "$TRASH/complete.bash" "$@"
}

# zcomplete LINE: what zsh offers at the end of LINE, "word -- description".
zcomplete() {
	(cd "$TRASH/j" && PATH=$BIN:$PATH timeout 30 zsh -f "$ROOT/tests/cli/zsh-complete.zsh" "$ZSH_DIR" "$1")
}

test_expect_success 'setup: kim leads alice and bob; latest notes with open, done and dropped items' '
	notes init j --leader kim --name "Kim Wonwoo" >/dev/null &&
	notes -C j person add alice --name "Alice Park" --slot "mon 10:00" >/dev/null &&
	notes -C j person add bob --name "Bob Lee: backend" >/dev/null &&
	mkdir j/alice j/bob &&
	cat >j/alice/2026-11-16.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-16 10:00
	---
	## Focus
	- [ ] Only in an older note ^old001
	EOF
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## Review
	- [ ] Read the guide ^rev001
	  - cause: execution
	## Support
	- [ ] Book the usability lab ^sup001
	- [x] Order the laptop ^sup002
	## Focus
	- [~] Call five churned users ^foc001
	- [-] Translate the page ^foc002
	- [ ] A task without an id yet
	EOF
	cat >j/bob/2026-11-24.md <<-\EOF
	---
	person: bob
	leader: kim
	date: 2026-11-24 14:00
	---
	## Support
	- [ ] Review the design doc ^sup101
	EOF
'

test_expect_success 'notes __complete people: ids and names, the leader left out' '
	notes -C j __complete people >actual &&
	printf "alice\tAlice Park\nbob\tBob Lee: backend\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'notes __complete open: open and partly done items of the latest notes' '
	notes -C j __complete open >actual &&
	printf "%s\n" "rev001	alice	Read the guide" "sup001	alice	Book the usability lab" \
		"foc001	alice	Call five churned users" "sup101	bob	Review the design doc" >expect &&
	test_cmp expect actual
'

test_expect_success 'notes __complete outside a journal completes nothing, quietly' '
	mkdir nowhere &&
	(cd nowhere && notes __complete people >../out 2>../err) &&
	test ! -s out && test ! -s err &&
	test_expect_code 2 notes __complete bogus 2>err &&
	test_grep "cannot complete" err
'

test_expect_success 'notes __complete is not listed by notes --help' '
	notes --help >help &&
	! grep __complete help
'

test_expect_success 'bash: commands, then the people for notes new' '
	complete notes "" >actual &&
	printf "%s\n" init person new parse check commit done status review report calendar lsp hook help >expect &&
	test_cmp expect actual &&
	complete notes -C j new "" >actual &&
	printf "alice\nbob\n" >expect &&
	test_cmp expect actual &&
	complete notes -C j new a >actual &&
	echo alice >expect &&
	test_cmp expect actual &&
	(cd j/alice && complete notes new b) >actual &&
	echo bob >expect &&
	test_cmp expect actual
'

test_expect_success 'bash: notes done offers the open ids with their text; one left is the bare id' '
	complete notes -C j done "" >actual &&
	cat >expect <<-\EOF &&
	rev001 -- Read the guide (alice)
	sup001 -- Book the usability lab (alice)
	foc001 -- Call five churned users (alice)
	sup101 -- Review the design doc (bob)
	EOF
	test_cmp expect actual &&
	complete notes -C j done sup >actual &&
	printf "%s\n" "sup001 -- Book the usability lab (alice)" "sup101 -- Review the design doc (bob)" >expect &&
	test_cmp expect actual &&
	complete notes -C j done sup1 >actual &&
	echo sup101 >expect &&
	test_cmp expect actual &&
	complete notes -C j done ^f >actual &&
	echo ^foc001 >expect &&
	test_cmp expect actual &&
	complete notes -C j done sup101 "" >actual &&
	test ! -s actual
'

test_expect_success 'bash: the options of each command are those of its --help' '
	for c in init person new parse check commit done status review report calendar lsp hook; do
		notes $c --help >help &&
		grep -oE "(^|[^a-zA-Z0-9\$-])--?[a-zA-Z][a-zA-Z-]*" help | sed "s/^[^-]*//" | sort -u >expect &&
		if test $c = person; then
			complete notes person add x - >actual.raw
		elif test $c = hook; then
			complete notes hook install - >actual.raw
		else
			complete notes $c - >actual.raw
		fi &&
		sort -u actual.raw >actual &&
		test_cmp expect actual || return 1
	done &&
	complete notes - >actual.raw &&
	sort actual.raw >actual &&
	printf "%s\n" --help --version -C >expect &&
	test_cmp expect actual
'

test_expect_success 'bash: dates around today for --date, languages for --lang' '
	complete notes -C j new alice --date 2026-11-2 >actual &&
	printf "2026-11-%s\n" 20 21 22 23 24 25 26 27 28 29 >expect &&
	test_cmp expect actual &&
	complete notes init --lang "" >actual &&
	printf "en\nko\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'zsh: people described by their names, open items by their text' '
	zcomplete "notes new " >actual &&
	printf "%s\n" "alice -- Alice Park" "bob -- Bob Lee: backend" >expect &&
	test_cmp expect actual &&
	zcomplete "notes done " >actual &&
	cat >expect <<-\EOF &&
	foc001 -- Call five churned users (alice)
	rev001 -- Read the guide (alice)
	sup001 -- Book the usability lab (alice)
	sup101 -- Review the design doc (bob)
	EOF
	test_cmp expect actual
'

test_expect_success 'bash: notes hook offers its subcommands, and its options after install only' '
	complete notes hook "" >actual &&
	printf "%s\n" install uninstall >expect &&
	test_cmp expect actual &&
	complete notes hook install --s >actual &&
	echo --strict >expect &&
	test_cmp expect actual &&
	complete notes hook uninstall - >actual &&
	test ! -s actual &&
	complete notes lsp --debounce "" >actual &&
	test ! -s actual
'

test_expect_success 'zsh: notes hook, its subcommands described, its options after install' '
	zcomplete "notes hook " >actual &&
	printf "%s\n" "install -- write the pre-commit hook" "uninstall -- remove notes'"'"' hook" >expect &&
	test_cmp expect actual &&
	zcomplete "notes hook install --" >actual &&
	printf "%s\n" "--force -- replace another program'"'"'s pre-commit hook" \
		"--strict -- the hook refuses warnings too" >expect &&
	test_cmp expect actual &&
	zcomplete "notes lsp --" >actual &&
	test_grep "^--debounce -- wait MS after a change" actual &&
	test_grep "^--stdio -- " actual
'

test_expect_success 'zsh: commands, options, dates' '
	zcomplete "notes " >actual &&
	test_grep "^calendar -- the 1:1s and open items" actual &&
	test $(grep -c " -- " actual) = 14 &&
	test_grep "^hook -- the pre-commit hook that checks the staged notes\$" actual &&
	test_grep "^lsp -- a Language Server for editors" actual &&
	zcomplete "notes new alice --" >actual &&
	printf "%s\n" "--date -- the meeting date" "--edit -- open \$VISUAL/\$EDITOR" \
		"--no-edit -- do not open an editor" >expect &&
	test_cmp expect actual &&
	zcomplete "notes review alice --since 2026-11-1" >actual &&
	printf "%s\n" "2026-11-18 -- Wed, -7 days" "2026-11-19 -- Thu, -6 days" >expect &&
	test_cmp expect actual
'

test_done
