#!/bin/sh
# t0785-hook.sh - notes hook install writes a pre-commit hook that runs
# notes check --staged: a plain git commit of a note with errors is
# refused (and not made), a commit without notes passes, the staged
# version is checked whatever the work tree holds (also the index git
# gives the hook for git commit -a), core.hooksPath is honoured, another
# program's hook is kept without --force and never uninstalled; in a
# pair journal (notes share), the notes at its root are the ones checked.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-share.sh"

# after every meeting of the notes below: none is an agenda, whose misses are warnings
export NOTES_NOW=2027-01-04T12:00
SELF=$(readlink -f "$NOTES")
BIN=$TRASH/bin
mkdir -p "$BIN"
# the notes on PATH, for the hook that finds its own binary gone
cat >"$BIN/notes" <<EOF
#!/bin/sh
exec $NOTES_WRAPPER "$NOTES" "\$@"
EOF
chmod +x "$BIN/notes"

# note FILE REVIEW-LINES...: a note of alice's (its date from its name)
# whose review section holds the lines given; its focus item has the id
# f<MMDD>0 (f11230 in alice/2026-11-23.md).
note() {
	note_file_=$1 && shift &&
	note_day_=$(basename "$note_file_" .md) &&
	{
		printf "%s\n" --- "person: alice" "leader: kim" "date: $note_day_ 10:00" --- \
			"## How did last week's commitments go?" &&
		printf "%s\n" "$@" &&
		printf "%s\n" "## What will you focus on for the next 5 days?" \
			"- [ ] Ship the page ^f$(echo "$note_day_" | cut -c6,7,9,10)0" \
			"  - metric: conversion" "  - fallback: a flag"
	} >"$note_file_"
}

test_expect_success 'setup: a journal and alice; notes hook says nothing is installed' '
	notes init j --leader kim --name "Kim Wonwoo" >/dev/null &&
	notes -C j person add alice --name "Alice Park" >/dev/null &&
	mkdir j/alice &&
	(cd j && notes hook >../out) &&
	echo "not installed: .git/hooks/pre-commit does not exist" >expect &&
	test_cmp expect out
'

test_expect_success 'install writes an executable hook that names this notes, and says so' '
	(cd j && notes hook install >../out) &&
	echo "wrote .git/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	test -x j/.git/hooks/pre-commit &&
	test_grep "^# notes pre-commit hook: .notes hook uninstall. removes it\$" j/.git/hooks/pre-commit &&
	test_grep "^notes=.$SELF.\$" j/.git/hooks/pre-commit &&
	(cd j && notes hook >../out) &&
	echo "installed .git/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	(cd j && notes hook install >../out) &&
	echo "unchanged .git/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out
'

test_expect_success 'a plain git commit of a note with errors is refused with the check output, and not made' '
	note j/alice/2026-11-23.md "- [ ] Read the guide ^rev001" &&
	git -C j rev-parse HEAD >head.before &&
	git -C j add alice/2026-11-23.md &&
	test_expect_code 1 git -C j commit -m "alice 2026-11-23" >out 2>err &&
	test_grep "^alice/2026-11-23.md:7:1: error: .Read the guide. is not done with no cause .*\[unreviewed\]\$" err &&
	test_grep "^notes pre-commit hook: the commit is refused" err &&
	git -C j rev-parse HEAD >head.after &&
	test_cmp head.before head.after
'

test_expect_success 'the same note fixed commits; its warnings are shown' '
	note j/alice/2026-11-23.md "- [ ] Read the guide ^rev001" "  - cause: execution" &&
	git -C j add alice/2026-11-23.md &&
	git -C j commit -q -m "alice 2026-11-23" >out 2>err &&
	test_grep "warning: .Read the guide. has a cause but no learning \[missing-learning\]" err &&
	git -C j log -1 --format=%s >subject &&
	echo "alice 2026-11-23" >expect &&
	test_cmp expect subject
'

test_expect_success 'a commit without a note passes, even with a broken note in the work tree' '
	note j/alice/2026-11-23.md "- [ ] Read the guide ^rev001" &&
	echo "agenda" >j/README.txt &&
	git -C j add README.txt &&
	git -C j commit -q -m "a readme" >out 2>err &&
	test ! -s out &&
	git -C j log -1 --format=%s >subject &&
	echo "a readme" >expect &&
	test_cmp expect subject &&
	git -C j checkout -q -- alice/2026-11-23.md
'

test_expect_success 'staged with errors, fixed in the work tree: refused (the staged version is checked)' '
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" &&
	git -C j add alice/2026-11-30.md &&
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" "  - cause: execution" \
		"  - learning: ask on Monday" &&
	notes -C j check alice/2026-11-30.md >out &&
	git -C j rev-parse HEAD >head.before &&
	test_expect_code 1 git -C j commit -m "alice 2026-11-30" >out 2>err &&
	test_grep "^alice/2026-11-30.md:7:1: error: .Ship the page. is not done with no cause" err &&
	git -C j rev-parse HEAD >head.after &&
	test_cmp head.before head.after
'

test_expect_success 'staged fixed, broken in the work tree: passes, and the commit holds the staged version' '
	git -C j add alice/2026-11-30.md &&
	cp j/alice/2026-11-30.md good &&
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" &&
	test_expect_code 1 notes -C j check alice/2026-11-30.md >out &&
	git -C j commit -q -m "alice 2026-11-30" >out 2>err &&
	git -C j show HEAD:alice/2026-11-30.md >committed &&
	test_cmp good committed
'

test_expect_success 'git commit -a: the version it commits is checked (the index git gives the hook)' '
	git -C j rev-parse HEAD >head.before &&
	test_expect_code 1 git -C j commit -a -m "alice 2026-11-30 broken" >out 2>err &&
	test_grep "^alice/2026-11-30.md:7:1: error: .Ship the page. is not done" err &&
	git -C j rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	cp good j/alice/2026-11-30.md &&
	echo "more" >>j/README.txt &&
	git -C j commit -q -a -m "readme" >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo readme >expect &&
	test_cmp expect subject
'

test_expect_success 'git commit PATH checks that path only, not a broken note staged beside it' '
	note j/alice/2026-12-07.md "- [ ] Ship the page ^f11230" &&
	git -C j add alice/2026-12-07.md &&
	echo "again" >>j/README.txt &&
	git -C j commit -q -m "readme only" README.txt >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo "readme only" >expect &&
	test_cmp expect subject &&
	git -C j rm -q --cached alice/2026-12-07.md &&
	rm j/alice/2026-12-07.md
'

test_expect_success 'a deleted note is not checked; an intended-to-add one (git add -N) neither' '
	note j/alice/2026-12-14.md "- [ ] Broken ^f11230" &&
	git -C j add alice/2026-12-14.md &&
	git -C j commit -q --no-verify -m "broken, past the hook" &&
	git -C j rm -q alice/2026-12-14.md &&
	note j/alice/2026-12-21.md "- [ ] Broken too ^f11230" &&
	git -C j add -N alice/2026-12-21.md &&
	git -C j commit -q -m "remove a note" >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo "remove a note" >expect &&
	test_cmp expect subject &&
	git -C j rm -q --cached alice/2026-12-21.md &&
	rm j/alice/2026-12-21.md
'

test_expect_success 'notes check --staged: nothing staged is silent; a staged link is refused; no operands' '
	notes -C j check --staged >out 2>err &&
	test ! -s out && test ! -s err &&
	ln -s ../README.txt j/alice/2026-12-28.md &&
	git -C j add alice/2026-12-28.md &&
	test_expect_code 2 notes -C j check --staged >out 2>err &&
	echo "notes: alice/2026-12-28.md: staged as a symbolic link or a submodule, not as a note" >expect &&
	test_cmp expect err &&
	test_expect_code 1 git -C j commit -q -m link >out 2>err &&
	git -C j rm -q --cached alice/2026-12-28.md &&
	rm j/alice/2026-12-28.md &&
	test_expect_code 2 notes -C j check --staged alice >out 2>err &&
	test_grep "^notes: --staged checks the staged notes: name none" err &&
	mkdir nowhere &&
	(cd nowhere && test_expect_code 2 notes check --staged >../out 2>../err) &&
	test_grep "^notes: not in a journal" err
'

test_expect_success 'install --strict: warnings refuse the commit too; notes hook says so' '
	(cd j && notes hook install --strict >../out) &&
	echo "updated .git/hooks/pre-commit: runs $SELF check --staged --strict" >expect &&
	test_cmp expect out &&
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" "  - cause: execution" &&
	git -C j add alice/2026-11-30.md &&
	test_expect_code 1 git -C j commit -m "warnings only" >out 2>err &&
	test_grep "missing-learning" err &&
	(cd j && notes hook >../out) &&
	echo "installed .git/hooks/pre-commit: runs $SELF check --staged --strict" >expect &&
	test_cmp expect out &&
	(cd j && notes hook install >/dev/null) &&
	git -C j commit -q -m "warnings only" >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo "warnings only" >expect &&
	test_cmp expect subject
'

test_expect_success 'the binary the hook names is gone: it runs notes from PATH, and says so' '
	mkdir elsewhere &&
	cp "$NOTES" elsewhere/notes &&
	(cd j && ../elsewhere/notes hook install >../out) &&
	echo "updated .git/hooks/pre-commit: runs $TRASH/elsewhere/notes check --staged" >expect &&
	test_cmp expect out &&
	rm elsewhere/notes &&
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" &&
	git -C j add alice/2026-11-30.md &&
	test_expect_code 1 env PATH="$BIN:$PATH" git -C j commit -m broken >out 2>err &&
	test_grep "^notes pre-commit hook: $TRASH/elsewhere/notes is gone; running notes from PATH" err &&
	test_grep "error: .Ship the page. is not done" err &&
	mkdir emptybin &&
	ln -s "$(command -v git)" emptybin/git &&
	test_expect_code 1 env PATH="$TRASH/emptybin:/bin:/usr/bin" git -C j commit -m broken >out 2>err &&
	test_grep "^notes pre-commit hook: no notes on PATH" err &&
	git -C j reset -q &&
	git -C j checkout -q -- alice/2026-11-30.md &&
	(cd j && notes hook install >/dev/null)
'

test_expect_success 'another program.s hook is kept without --force, replaced with it' '
	printf "#!/bin/sh\necho lint ran\n" >j/.git/hooks/pre-commit &&
	chmod +x j/.git/hooks/pre-commit &&
	cp j/.git/hooks/pre-commit foreign &&
	(cd j && test_expect_code 2 notes hook install >../out 2>../err) &&
	test_grep "^notes: hook install: .git/hooks/pre-commit: a pre-commit hook that is not notes. is there: left as it is" err &&
	test ! -s out &&
	cmp foreign j/.git/hooks/pre-commit &&
	(cd j && notes hook >../out) &&
	test_grep "^not installed: .git/hooks/pre-commit is another program.s pre-commit hook\$" out &&
	(cd j && test_expect_code 2 notes hook uninstall >../out 2>../err) &&
	test_grep "^notes: hook uninstall: .git/hooks/pre-commit: a pre-commit hook that is not notes.: left as it is" err &&
	cmp foreign j/.git/hooks/pre-commit &&
	(cd j && notes hook install --force >../out) &&
	echo "replaced .git/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	test -x j/.git/hooks/pre-commit &&
	test_grep "^# notes pre-commit hook" j/.git/hooks/pre-commit
'

test_expect_success 'uninstall removes notes. own hook, and only it' '
	(cd j && notes hook uninstall >../out) &&
	echo "removed .git/hooks/pre-commit" >expect &&
	test_cmp expect out &&
	test ! -e j/.git/hooks/pre-commit &&
	(cd j && notes hook uninstall >../out) &&
	echo "not installed: .git/hooks/pre-commit does not exist" >expect &&
	test_cmp expect out &&
	note j/alice/2026-11-30.md "- [ ] Ship the page ^f11230" &&
	git -C j add alice/2026-11-30.md &&
	git -C j commit -q -m "no hook, no check" >out 2>err &&
	git -C j log -1 --format=%s >subject &&
	echo "no hook, no check" >expect &&
	test_cmp expect subject
'

test_expect_success 'core.hooksPath (relative to the work tree) is where the hook goes and runs from' '
	git -C j config core.hooksPath .githooks &&
	(cd j && notes hook install >../out) &&
	echo "wrote .githooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	test -x j/.githooks/pre-commit &&
	test ! -e j/.git/hooks/pre-commit &&
	note j/alice/2026-12-07.md "- [ ] Ship the page ^f11230" &&
	git -C j add alice/2026-12-07.md &&
	git -C j rev-parse HEAD >head.before &&
	test_expect_code 1 git -C j commit -m broken >out 2>err &&
	test_grep "^alice/2026-12-07.md:7:1: error:" err &&
	git -C j rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	(cd j && notes hook uninstall >../out) &&
	test ! -e j/.githooks/pre-commit &&
	git -C j config --unset core.hooksPath
'

test_expect_success 'core.hooksPath of the user.s config, with ~/: honoured; a repository that is no journal passes' '
	git config --global core.hooksPath "~/hooks" &&
	(cd j && notes hook install >../out) &&
	echo "wrote $HOME/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	test_expect_code 1 git -C j commit -m broken >out 2>err &&
	test_grep "^alice/2026-12-07.md:7:1: error:" err &&
	git init -q plain &&
	echo text >plain/file.md &&
	git -C plain add file.md &&
	git -C plain commit -q -m "not a journal" &&
	git -C plain log -1 --format=%s >subject &&
	echo "not a journal" >expect &&
	test_cmp expect subject &&
	(cd j && notes hook uninstall >/dev/null) &&
	git config --global --unset core.hooksPath &&
	git -C j reset -q
'

test_expect_success 'setup: alice shared into a pair journal (notes share), and her clone of it' '
	setup_team t &&
	git init -q --bare remotes/alice.git &&
	NOTES_NOW=2026-11-25T09:00 notes -C t share alice "$TRASH/remotes/alice.git" >out 2>err &&
	test "$(git config -f t/alice/.notes/config journal.person)" = alice &&
	member_clone remotes/alice.git m
'

test_expect_success 'pair journal: the hook goes in its own repository; a note at its root with errors is refused' '
	(cd t/alice && notes hook install >../../out) &&
	echo "wrote .git/hooks/pre-commit: runs $SELF check --staged" >expect &&
	test_cmp expect out &&
	test ! -e t/.git/hooks/pre-commit &&
	note_of alice 2026-11-30 | sed "/^## Goals/,\$d" >t/alice/2026-11-30.md &&
	git -C t/alice add 2026-11-30.md &&
	git -C t/alice rev-parse HEAD >head.before &&
	test_expect_code 1 git -C t/alice commit -m "alice 2026-11-30" >out 2>err &&
	test_grep "^2026-11-30.md:[0-9]+:[0-9]+: error: .*\[loop-broken\]\$" err &&
	git -C t/alice rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C t/alice rm -q --cached 2026-11-30.md &&
	rm t/alice/2026-11-30.md
'

test_expect_success 'pair journal: a path that is no note there (alice/DATE.md) is not checked' '
	mkdir t/alice/alice &&
	note_of alice 2026-11-30 | sed "/^## Goals/,\$d" >t/alice/alice/2026-11-30.md &&
	git -C t/alice add alice &&
	git -C t/alice commit -q -m "a file beside the notes" >out 2>err &&
	git -C t/alice log -1 --format=%s >subject &&
	echo "a file beside the notes" >expect &&
	test_cmp expect subject
'

test_expect_success 'pair journal: in the member.s clone too, her broken note is refused and her reviewed one commits' '
	(cd m && notes hook install >../out) &&
	test_grep "^wrote .git/hooks/pre-commit: runs " out &&
	NOTES_NOW=2026-11-30T09:00 notes -C m new alice --no-edit >out &&
	git -C m add 2026-11-30.md &&
	test_expect_code 1 git -C m commit -m "alice 2026-11-30" >out 2>err &&
	test_grep "^2026-11-30.md:[0-9]+:[0-9]+: error: .*\[unreviewed\]\$" err &&
	sed -i "s/^- \[ \] /- [x] /" m/2026-11-30.md &&
	git -C m add 2026-11-30.md &&
	git -C m commit -q -m "alice 2026-11-30" >out 2>err &&
	git -C m log -1 --format=%s >subject &&
	echo "alice 2026-11-30" >expect &&
	test_cmp expect subject
'

test_expect_success 'usage: --help, unknown subcommands, options without install, outside a journal' '
	notes hook --help >out &&
	test_grep "^usage: notes hook \[install \[--force\] \[--strict\] \| uninstall\]\$" out &&
	test_grep "^  --force " out &&
	test_grep "^  --strict " out &&
	(cd j && test_expect_code 2 notes hook bogus >../out 2>../err) &&
	test_grep "^notes: unknown subcommand .bogus." err &&
	(cd j && test_expect_code 2 notes hook uninstall --force >../out 2>../err) &&
	test_grep "^notes: --force goes with install only" err &&
	(cd j && test_expect_code 2 notes hook --strict >../out 2>../err) &&
	test_grep "^notes: --strict goes with install only" err &&
	(cd nowhere && test_expect_code 2 notes hook install >../out 2>../err) &&
	test_grep "^notes: not in a journal" err &&
	test_no_crash err
'

test_done
