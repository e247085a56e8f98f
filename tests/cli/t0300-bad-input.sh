#!/bin/sh
# t0300-bad-input.sh - malformed and hostile input to notes parse and
# notes check: never a crash or a hang, a clear one-line error (exit 2)
# when a file cannot be read, a problem (exit 1 under check) when it can.
. "$(dirname "$0")/lib.sh"

# test_must_be_empty FILE: FILE exists and is empty.
test_must_be_empty() {
	if ! [ -f "$1" ] || [ -s "$1" ]; then
		echo "'$1' is not empty:" >&2
		cat "$1" >&2
		return 1
	fi
}

# run STATUS ARGS...: notes ARGS exits STATUS, stdout in out, stderr in
# err, and stderr holds no sanitizer report.
run() {
	want=$1
	shift
	test_expect_code "$want" notes "$@" >out 2>err &&
	test_no_crash err
}

# one_line_error TEXT: stderr is exactly one line, "notes: TEXT".
one_line_error() {
	printf "notes: %s\n" "$1" >expect.err &&
	test_cmp expect.err err
}

# no_raw_escape FILE...: no ESC (or other C0 control but \t and \n) byte.
no_raw_escape() {
	for f in "$@"; do
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f"; then
			echo "raw control bytes in $f:" >&2
			od -c "$f" | head -n 20 >&2
			return 1
		fi
	done
}

front() {
	printf -- '---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n'
}

test_expect_success 'a directory instead of a file is refused' '
	mkdir dir dir.md &&
	run 2 parse dir &&
	one_line_error "dir: is a directory" &&
	test_must_be_empty out &&
	run 2 check dir.md &&
	one_line_error "dir.md: is a directory" &&
	run 2 check ./dir &&
	one_line_error "./dir: is a directory"
'

test_expect_success 'a FIFO is refused without blocking' '
	mkfifo fifo &&
	test_expect_code 2 timeout 20 $NOTES_WRAPPER "$NOTES" parse fifo >out 2>err &&
	test_no_crash err &&
	one_line_error "fifo: not a regular file" &&
	test_expect_code 2 timeout 20 $NOTES_WRAPPER "$NOTES" check fifo >out 2>err &&
	one_line_error "fifo: not a regular file"
'

test_expect_success 'a dangling symlink is a missing file' '
	ln -s nowhere.md dangling.md &&
	run 2 parse --json dangling.md &&
	one_line_error "dangling.md: No such file or directory" &&
	test_must_be_empty out &&
	run 2 check dangling.md &&
	one_line_error "dangling.md: No such file or directory"
'

test_expect_success 'a device is refused' '
	run 2 parse /dev/null &&
	one_line_error "/dev/null: not a regular file" &&
	ln -s /dev/zero zero.md &&
	test_expect_code 2 timeout 20 $NOTES_WRAPPER "$NOTES" check zero.md >out 2>err &&
	test_no_crash err &&
	one_line_error "zero.md: not a regular file"
'

test_expect_success 'a file without read permission is refused (root reads it anyway)' '
	front >locked.md &&
	chmod 000 locked.md &&
	if cat locked.md >/dev/null 2>&1; then
		run 0 parse --json locked.md &&
		jq -r .person out >actual &&
		echo alice >expect &&
		test_cmp expect actual
	else
		run 2 parse locked.md &&
		one_line_error "locked.md: Permission denied" &&
		run 2 check locked.md &&
		one_line_error "locked.md: Permission denied"
	fi
'

test_expect_success 'a symlink to a regular note is read' '
	front >real.md &&
	ln -s real.md link.md &&
	run 0 parse --json link.md &&
	jq -r .person out >actual &&
	echo alice >expect &&
	test_cmp expect actual
'

test_expect_success 'binary garbage with NUL bytes is a bad-encoding error' '
	{ printf "\000\001\002\033" && head -c 4096 /dev/urandom && printf "\000"; } >garbage.bin &&
	run 0 parse --json garbage.bin &&
	jq -r ".problems[0] | [.line, .column, .severity, .code] | join(\" \")" out >actual &&
	echo "1 1 error bad-encoding" >expect &&
	test_cmp expect actual &&
	run 1 check garbage.bin &&
	test_grep "^garbage\.bin:1:1: error: the file holds NUL bytes: not a text note \[bad-encoding\]$" out &&
	run 0 parse garbage.bin &&
	no_raw_escape out err
'

test_expect_success 'invalid UTF-8 is reported once, at its first line' '
	{ front && printf "## Focus for the next 5 days\n- [ ] Caf\351 #g\n- [ ] \300\257 and \355\240\200 #g\n"; } >latin1.md &&
	run 1 check latin1.md &&
	test_grep "^latin1\.md:7:1: error: invalid UTF-8 \(the note must be UTF-8 text\) \[bad-encoding\]$" out &&
	test $(grep -c "bad-encoding" out) -eq 1 &&
	run 0 parse --json latin1.md &&
	jq -r ".focus[0].text" out >actual &&
	printf "Caf\357\277\275\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a NUL byte inside a valid note is reported at its line' '
	{ front && printf "## Support within 48 hours\n- [ ] Before\n- [ ] With a \000 NUL\n- [ ] After\n"; } >nul.md &&
	run 1 check nul.md &&
	test_grep "^nul\.md:8:1: error: the file holds NUL bytes: not a text note \[bad-encoding\]$" out &&
	run 0 parse --json nul.md &&
	jq -r ".support[] | .text" out >actual &&
	test_grep "^Before$" actual &&
	test_grep "^After$" actual
'

test_expect_success 'a 50 MB file is refused as too large' '
	truncate -s 50M huge.md &&
	run 2 parse huge.md &&
	one_line_error "huge.md: too large (52428800 bytes; at most 16777216)" &&
	test_must_be_empty out &&
	run 2 check huge.md &&
	one_line_error "huge.md: too large (52428800 bytes; at most 16777216)"
'

test_expect_success 'exactly 16 MiB is read, one byte more is too large' '
	python3 - <<-\EOF &&
	head = b"---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n## Notes\n"
	body = head + b"x" * (16 * 1024 * 1024 - len(head) - 1) + b"\n"
	open("max.md", "wb").write(body)
	open("over.md", "wb").write(body + b"\n")
	EOF
	test $(wc -c <max.md) -eq 16777216 &&
	run 0 parse --json max.md &&
	jq -r .person out >actual &&
	echo alice >expect &&
	test_cmp expect actual &&
	run 2 parse over.md &&
	one_line_error "over.md: too large (16777217 bytes; at most 16777216)"
'

test_expect_success 'a 15 MB note of valid items parses' '
	python3 - <<-\EOF &&
	with open("big.md", "w") as f:
	    f.write("---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n")
	    f.write("## Goals\n- #g Goal\n\n## Focus for the next 5 days\n")
	    i = 0
	    while f.tell() < 15 * 1024 * 1024 - 100:
	        f.write("- [ ] Call customer %d about the renewal #g ^%06x\n  - metric: calls\n" % (i, i))
	        i += 1
	    print(i, file=open("count", "w"))
	EOF
	run 0 parse --json big.md &&
	jq -r ".focus | length" out >actual &&
	test_cmp count actual &&
	jq -r ".focus[-1] | [.metric, .owner, .due] | join(\" \")" out >actual &&
	echo "calls alice 2026-11-27T18:00" >expect &&
	test_cmp expect actual &&
	run 0 check big.md &&
	test_grep "^big\.md:[0-9]+:1: warning: [0-9]+ focus items; keep to at most 3 \[too-many-focus\]$" out &&
	! grep -q duplicate-id out
'

test_expect_success 'front matter that is never closed is one problem' '
	{ printf -- "---\nperson: alice\nleader: kim\n\n## Focus for the next 5 days\n- [ ] Still read #g\n  - metric: m\n"; } >open.md &&
	run 1 check open.md &&
	test_grep "^open\.md:1:1: error: front matter is never closed \(no .---. line after it\) \[bad-front-matter\]$" out &&
	test $(grep -c "bad-front-matter" out) -eq 1 &&
	run 0 parse --json open.md &&
	jq -r ".focus[0].text" out >actual &&
	echo "Still read" >expect &&
	test_cmp expect actual
'

test_expect_success 'due:2026-02-30 is a bad date, and the note still parses' '
	{ front && printf "## Support within 48 hours\n- [ ] Book the room due:2026-02-30\n"; } >feb.md &&
	run 1 check feb.md &&
	test_grep "^feb\.md:7:21: error: due:2026-02-30 is not a real date \[bad-date\]$" out &&
	run 0 parse --json feb.md &&
	jq -r ".support[0] | [.text, .due] | join(\" \")" out >actual &&
	echo "Book the room 2026-11-25T10:00" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown status marker [?] is a bad-status error' '
	{ front && printf "## Focus for the next 5 days\n- [?] Maybe #g\n"; } >q.md &&
	run 1 check q.md &&
	test_grep "^q\.md:7:3: error: unknown status marker .\[\?\]. \(use \[ \], \[x\], \[~\], \[/\] or \[-\]\) \[bad-status\]$" out
'

test_expect_success 'a control character as status marker is escaped' '
	{ front && printf "## Focus for the next 5 days\n- [\033] Odd #g\n"; } >ctl.md &&
	run 1 check ctl.md &&
	test_grep "^ctl\.md:7:3: error: unknown status marker \(use" out &&
	no_raw_escape out err
'

test_expect_success 'lists nested 1,000 levels deep' '
	python3 - <<-\EOF &&
	with open("deep.md", "w") as f:
	    f.write("---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n")
	    f.write("## Focus for the next 5 days\n")
	    for i in range(1000):
	        f.write("  " * i + "- [ ] level %d #g\n" % i)
	    f.write("\n## Feedback\n")
	    for i in range(1, 1001):
	        f.write(">" * i + " deep quote\n")
	EOF
	run 0 parse --json deep.md &&
	jq -c "[(.focus | length), .focus[0].text, (.feedback | length)]" out >actual &&
	echo "[1,\"level 0\",8]" >expect &&
	test_cmp expect actual &&
	run 0 check deep.md
'

test_expect_success 'a line of 1 MB' '
	python3 - <<-\EOF &&
	with open("long.md", "w") as f:
	    f.write("---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n")
	    f.write("## Goals\n- #g Goal\n## Focus for the next 5 days\n- [ ] " + "word " * 209715 + "#g\n")
	EOF
	run 0 parse --json long.md &&
	jq -r ".focus[0].text | length" out >actual &&
	echo 1048574 >expect &&
	test_cmp expect actual &&
	run 0 check long.md &&
	test_grep "^long\.md:9:1: warning: .(word ){12}\.\.\.. has no metric \[no-metric\]$" out
'

test_expect_success '100,000 items' '
	python3 - <<-\EOF &&
	with open("many.md", "w") as f:
	    f.write("---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n")
	    f.write("## Support within 48 hours\n")
	    for i in range(100000):
	        f.write("- [ ] item %d ^%06d\n" % (i, i))
	    f.write("- [ ] one more ^000007\n")
	EOF
	run 0 parse --json many.md &&
	jq -r "[(.support | length), .support[99999].text, .support[100000].line] | join(\" \")" out >actual &&
	echo "100001 item 99999 100007" >expect &&
	test_cmp expect actual &&
	run 1 check many.md &&
	test_grep "^many\.md:100007:1: error: \^000007 is also on line 14 \[duplicate-id\]$" out
'

test_expect_success 'a note that is only ---' '
	printf -- "---\n" >dashes.md &&
	run 0 parse --json dashes.md &&
	jq -r ".problems[0] | [.line, .code, .message] | join(\" \")" out >actual &&
	echo "1 bad-front-matter front matter is never closed (no '"'"'---'"'"' line after it)" >expect &&
	test_cmp expect actual &&
	run 1 check dashes.md
'

test_expect_success 'an empty file' '
	: >empty.md &&
	run 0 parse --json empty.md &&
	jq -c "[.person, .date, .focus, (.problems | map(.code))]" out >actual &&
	echo "[null,null,[],[\"bad-front-matter\",\"no-purpose\",\"missing-section\",\"missing-section\",\"missing-section\",\"missing-section\"]]" >expect &&
	test_cmp expect actual &&
	run 1 check empty.md &&
	test_grep "^empty\.md:1:1: error: no front matter, and the path is not <person>/<YYYY-MM-DD>\.md \[bad-front-matter\]$" out
'

test_expect_success 'an empty file under <person>/<date>.md has warnings only' '
	mkdir -p alice &&
	: >alice/2026-11-23.md &&
	run 0 check alice/2026-11-23.md &&
	test $(grep -c "warning: .*\[missing-section\]$" out) -eq 4 &&
	test_grep "^alice/2026-11-23\.md:1:1: warning: no purpose line: .*\[no-purpose\]$" out &&
	test $(wc -l <out) -eq 5
'

test_expect_success 'a file with only a BOM is an empty note' '
	printf "\357\273\277" >bom.md &&
	run 0 parse --json bom.md &&
	jq -c "[.person, (.problems | map(.code) | unique)]" out >actual &&
	echo "[null,[\"bad-front-matter\",\"missing-section\",\"no-purpose\"]]" >expect &&
	test_cmp expect actual &&
	run 1 check bom.md
'

test_expect_success 'a file of CRLF-only lines is an empty note' '
	printf "\r\n\r\n\r\n\r\n" >crlf.md &&
	run 0 parse --json crlf.md &&
	jq -c "[.person, (.problems | map(.code) | unique)]" out >actual &&
	echo "[null,[\"bad-front-matter\",\"missing-section\",\"no-purpose\"]]" >expect &&
	test_cmp expect actual &&
	run 1 check crlf.md
'

test_expect_success 'a note with CR-only line ends is read line by line' '
	printf -- "---\rperson: alice\rleader: kim\rdate: 2026-11-23 10:00\r---\r## Focus for the next 5 days\r- [ ] First #g\r- [ ] Second #g\r" >cr.md &&
	run 0 parse --json cr.md &&
	jq -c "[.person, [.focus[] | [.text, .line]]]" out >actual &&
	echo "[\"alice\",[[\"First\",7],[\"Second\",8]]]" >expect &&
	test_cmp expect actual
'

test_expect_success 'terminal escapes in a note never reach the terminal raw' '
	{ front && printf "## Focus for the next 5 days\n- [ ] Evil \033[31mred\033[0m text #g\n  - metric: \033]0;title\007\n## Feedback\n- \033[2J clear\n"; } >esc.md &&
	run 0 parse esc.md &&
	no_raw_escape out err &&
	test_grep "Evil \\\\x1b\[31mred\\\\x1b\[0m text" out &&
	test_grep "metric: \\\\x1b\]0;title\\\\x07$" out &&
	run 0 check esc.md &&
	no_raw_escape out err &&
	run 0 parse --json esc.md &&
	no_raw_escape out err &&
	jq -r ".focus[0].text" out >actual &&
	printf "Evil \033[31mred\033[0m text\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'terminal escapes in a check message are escaped' '
	{ front && printf "## Focus for the next 5 days\n- [ ] Evil \033[31mred #g\n"; } >esc2.md &&
	run 0 check esc2.md &&
	no_raw_escape out err &&
	test_grep "^esc2\.md:7:1: warning: .Evil \\\\x1b\[31mred. has no metric \[no-metric\]$" out
'

test_expect_success 'terminal escapes in the front matter and in file names are escaped' '
	printf -- "---\nperson: \033[5mblink\nleader: kim\ndate: 2026-11-23\n---\n" >fm.md &&
	run 1 check fm.md &&
	no_raw_escape out err &&
	test_grep "^fm\.md:2:1: error: person .\\\\x1b\[5mblink. is not a person id" out &&
	run 2 parse "$(printf "bad\033[1mname.md")" &&
	no_raw_escape out err &&
	one_line_error "bad\\x1b[1mname.md: No such file or directory" &&
	cp fm.md "$(printf "new\nline.md")" &&
	run 1 check "$(printf "new\nline.md")" &&
	test_grep "^new\\\\nline\.md:2:1: error: " out
'

test_expect_success 'a huge front matter value is quoted short' '
	{ printf -- "---\nperson: " && head -c 100000 /dev/zero | tr "\000" "X" && printf "\nleader: kim\ndate: 2026-11-23\n---\n"; } >wide.md &&
	run 1 check wide.md &&
	test_grep "^wide\.md:2:1: error: person .X{64}. is not a person id" out
'

test_expect_success 'an unknown global option exits 2 with usage on stderr' '
	run 2 --bogus parse x.md &&
	test_must_be_empty out &&
	head -n 1 err >first &&
	echo "notes: unknown option '"'"'--bogus'"'"'" >expect &&
	test_cmp expect first &&
	test_grep "^usage: notes \[-C DIR\] COMMAND" err
'

test_expect_success 'an unknown command exits 2' '
	run 2 frobnicate x.md &&
	test_must_be_empty out &&
	one_line_error "'"'"'frobnicate'"'"' is not a notes command (see '"'"'notes --help'"'"')"
'

test_expect_success 'no command at all exits 2 with usage' '
	run 2 &&
	test_must_be_empty out &&
	test_grep "^usage: notes " err
'

test_done
