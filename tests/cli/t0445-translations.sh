#!/bin/sh
# t0445-translations.sh - po/ko.po translates every message of the code:
# a fresh extraction (make pot) against it with msgcmp, which counts an
# untranslated or fuzzy entry as missing; msgfmt -c finds no format that
# takes other arguments than its original. The comparison is shown to
# fail on a message left untranslated and on a fuzzy one.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the messages of the code, extracted afresh' '
	make -C "$ROOT" --no-print-directory pot POT="$TRASH/fresh.pot" 2>err &&
	test "$(grep -c "^msgid " fresh.pot)" -gt 200
'

test_expect_success 'po/ko.po translates every message, none fuzzy' '
	msgcmp "$ROOT/po/ko.po" fresh.pot &&
	msgfmt -c --statistics -o /dev/null "$ROOT/po/ko.po" 2>stats &&
	test_grep "^[0-9]* translated messages\.$" stats
'

test_expect_success 'a message of the code without a translation fails the comparison' '
	cp fresh.pot more.pot &&
	printf "\n#, c-format\nmsgid \"%s\"\nmsgstr \"\"\n" "a new message %s" >>more.pot &&
	test_expect_code 1 msgcmp "$ROOT/po/ko.po" more.pot 2>err &&
	test_grep "more.pot:.*used but not defined" err
'

test_expect_success 'a fuzzy translation fails the comparison' '
	awk "/^msgid \"no focus item for the next 5 days\"/ { print \"#, fuzzy\" } { print }" \
		"$ROOT/po/ko.po" >fuzzy.po &&
	test_grep "^#, fuzzy$" fuzzy.po &&
	test_expect_code 1 msgcmp fuzzy.po fresh.pot 2>err &&
	test_grep "needs to be reviewed by the translator" err
'

test_expect_success 'po/notes.pot is the extraction of the code as it is' '
	grep -v "^\"POT-Creation-Date:" fresh.pot >fresh &&
	grep -v "^\"POT-Creation-Date:" "$ROOT/po/notes.pot" >committed &&
	test_cmp committed fresh
'

test_done
