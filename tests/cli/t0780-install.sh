#!/bin/sh
# t0780-install.sh - make install and make uninstall honour PREFIX and
# DESTDIR for the binary, the manual pages and the completion scripts;
# what is installed runs from there: the binary, notes help through man's
# search path, the bash and zsh completion.
. "$(dirname "$0")/lib.sh"

BUILD=$(dirname "$NOTES")
unset MAKEFLAGS MAKELEVEL MFLAGS MANPATH 2>/dev/null || true
export MANWIDTH=200 MANPAGER=cat PAGER=cat NOTES_NOW=2026-11-25T12:00

# mk TARGET VAR=VALUE...: make in the repository, with the build under
# test as it is (-o: the binary is never rebuilt here, whatever its flags).
mk() {
	make -C "$ROOT" --no-print-directory -o "$BUILD/notes" BUILD="$BUILD" "$@"
}

# files DIR: every file and link under DIR, relative, sorted.
files() {
	(cd "$1" && find . ! -type d | LC_ALL=C sort)
}

test_expect_success 'DESTDIR and PREFIX: everything lands under the staging directory' '
	mk install DESTDIR="$TRASH/stage" PREFIX=/opt/notes >out 2>&1 &&
	files stage >actual &&
	{
		echo ./opt/notes/bin/notes &&
		echo ./opt/notes/share/bash-completion/completions/notes &&
		echo ./opt/notes/share/locale/ko/LC_MESSAGES/notes.mo &&
		(cd "$ROOT/docs" && ls ./*.1.md) | sed "s|^\./\(.*\)\.md\$|./opt/notes/share/man/man1/\1|" &&
		echo ./opt/notes/share/zsh/site-functions/_notes
	} | LC_ALL=C sort >expect &&
	test_cmp expect actual &&
	test -x stage/opt/notes/bin/notes &&
	cmp "$ROOT/contrib/completion/_notes" stage/opt/notes/share/zsh/site-functions/_notes &&
	cmp "$BUILD/locale/ko/LC_MESSAGES/notes.mo" stage/opt/notes/share/locale/ko/LC_MESSAGES/notes.mo
'

test_expect_success 'the installed catalogue speaks Korean to the binary' '
	NOTES_TEXTDOMAINDIR=$TRASH/stage/opt/notes/share/locale LC_ALL= LANG=ko_KR.UTF-8 \
		LANGUAGE=ko stage/opt/notes/bin/notes check --help >out &&
	test_grep "^사용법: notes check" out
'

test_expect_success 'the staged binary and manual pages work from there' '
	stage/opt/notes/bin/notes --version >actual &&
	notes --version >expect &&
	test_cmp expect actual &&
	man -l stage/opt/notes/share/man/man1/notes-calendar.1 >page &&
	test_grep "^ +notes-calendar - the 1:1s and open items" page
'

test_expect_success 'make uninstall with the same DESTDIR and PREFIX removes every file' '
	mk uninstall DESTDIR="$TRASH/stage" PREFIX=/opt/notes >out 2>&1 &&
	files stage >actual &&
	test ! -s actual
'

test_expect_success 'setup: install into a prefix and a journal to use it on' '
	mk install PREFIX="$TRASH/prefix" >out 2>&1 &&
	test -x prefix/bin/notes &&
	test "$(PATH=$TRASH/prefix/bin:$PATH sh -c "command -v notes")" = "$TRASH/prefix/bin/notes" &&
	notes init j --leader kim >/dev/null &&
	notes -C j person add alice --name "Alice Park" >/dev/null &&
	mkdir j/alice &&
	printf "%s\n" --- "person: alice" "leader: kim" "date: 2026-11-23 10:00" --- \
		"## Support" "- [ ] Book the usability lab ^sup001" >j/alice/2026-11-23.md
'

test_expect_success 'the installed notes help finds its manual page on the search path man derives from PATH' '
	PATH=$TRASH/prefix/bin:$PATH "$TRASH/prefix/bin/notes" help done >out &&
	test_grep "^ +notes-done - tick an item as done" out &&
	PATH=$TRASH/prefix/bin:$PATH man -w notes-review >where &&
	echo "$TRASH/prefix/share/man/man1/notes-review.1" >expect &&
	test_cmp expect where
'

test_expect_success 'the installed bash completion offers people and open ids' '
	cat >complete.bash <<-EOF &&
	. "$TRASH/prefix/share/bash-completion/completions/notes"
	COMP_WORDS=(notes -C j new "") COMP_CWORD=4 && _notes && echo "new: \${COMPREPLY[*]}"
	COMP_WORDS=(notes -C j done "") COMP_CWORD=4 && _notes && echo "done: \${COMPREPLY[*]}"
	EOF
	PATH=$TRASH/prefix/bin:$PATH bash complete.bash >actual &&
	printf "%s\n" "new: alice" "done: sup001" >expect &&
	test_cmp expect actual
'

test_expect_success 'the installed zsh completion describes the open items' '
	(cd j && PATH=$TRASH/prefix/bin:$PATH timeout 30 zsh -f "$ROOT/tests/cli/zsh-complete.zsh" \
		"$TRASH/prefix/share/zsh/site-functions" "notes done ") >actual &&
	echo "sup001 -- Book the usability lab (alice)" >expect &&
	test_cmp expect actual
'

test_expect_success 'make uninstall PREFIX=... leaves the prefix without a file' '
	mk uninstall PREFIX="$TRASH/prefix" >out 2>&1 &&
	files prefix >actual &&
	test ! -s actual
'

test_done
