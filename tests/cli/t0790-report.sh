#!/bin/sh
# t0790-report.sh - notes report: the page of the example journal carries
# every figure of notes review --json for every person (read from the file
# and, in headless Chromium, from the DOM the browser built), a screenshot
# that is not blank, text from notes escaped, --since/--until, a person
# without meetings, a Korean person and a Korean journal, the team order,
# a template overridden by the journal, and bad input.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/browser.sh"

FIGURES="python3 $ROOT/tests/cli/report_figures.py"
PY=/usr/bin/python3
# Monday 09:00: the week of the example's last notes is over, this
# week's slots are still ahead.
export NOTES_NOW=2026-11-23T09:00

# same_figures PAGE JSON: for every person of JSON, the lines the page
# carries are the lines jq makes of the JSON (in the page's order of people).
same_figures() {
	$FIGURES "$1" >"$TRASH/page.lines" &&
	jq -r -f "$ROOT/tests/cli/report_figures.jq" "$2" >"$TRASH/json.lines" &&
	jq -r 'if has("team") then .team[].person else .person end' "$2" >"$TRASH/people" &&
	test -s "$TRASH/people" &&
	while read -r sf_p_; do
		grep " person=$sf_p_ \| person=$sf_p_\$\|^person=$sf_p_ " "$TRASH/json.lines" >"$TRASH/want" &&
		grep " person=$sf_p_ \| person=$sf_p_\$\|^person=$sf_p_ " "$TRASH/page.lines" |
			grep -v '^strip \|^row ' >"$TRASH/got" &&
		test_cmp "$TRASH/want" "$TRASH/got" || return 1
	done <"$TRASH/people"
}

# strip_agrees PAGE JSON: each person's strip has a cell per week of the
# range, one held cell per distinct week with a meeting, and as many
# skipped cells as the section says (said=).
strip_agrees() {
	$FIGURES "$1" >"$TRASH/page.lines" &&
	jq -r '(if has("team") then .team[] else . end)
		| "strip person=\(.person) cells=\(.meetings.weeks) held=\([.weeks[].week] | unique | length)"' \
		"$2" >"$TRASH/want" &&
	sed -n 's/^\(strip person=[^ ]* cells=[0-9]* held=[0-9]*\) .*/\1/p' "$TRASH/page.lines" |
		sort >"$TRASH/got" &&
	sort "$TRASH/want" >"$TRASH/want.sorted" &&
	test_cmp "$TRASH/want.sorted" "$TRASH/got" &&
	! grep "^strip " "$TRASH/page.lines" | grep -v " skipped=\([0-9]*\) .* said=\1\$"
}

test_expect_success 'setup: the example journal replayed into git' '
	sh "$ROOT/examples/replay.sh" "$NOTES" ex &&
	test -f ex/minji/2026-11-19.md &&
	git -C ex log --oneline >log &&
	test "$(wc -l <log)" -gt 24
'

test_expect_success 'report --team writes one page that loads nothing and runs nothing' '
	notes -C ex report --team -o ../team.html >out 2>err &&
	test_grep "^wrote the report of the team to ../team.html\$" out &&
	test ! -s err &&
	head -n 1 team.html >first &&
	echo "<!DOCTYPE html>" >expect &&
	test_cmp expect first &&
	test_grep "^</html>\$" team.html &&
	! grep -i -e "<script" -e "<link" -e "<img" -e "<iframe" -e "src=" -e "url(" -e "@import" \
		-e "://" team.html &&
	test_grep "Content-Security-Policy\" content=\"default-src .none.; style-src .unsafe-inline.\"" team.html &&
	notes -C ex report >stdout.html &&
	test_cmp team.html stdout.html
'

test_expect_success 'every figure of every person is the figure of review --json' '
	notes -C ex review --team --json >team.json &&
	test "$(jq ".team | length" team.json)" = 3 &&
	same_figures team.html team.json &&
	strip_agrees team.html team.json &&
	for p in alice bob minji; do
		notes -C ex review $p --json >$p.json &&
		notes -C ex report $p -o ../$p.html >out &&
		same_figures $p.html $p.json &&
		strip_agrees $p.html $p.json || return 1
	done
'

test_expect_success 'the comparison fails when a figure differs' '
	sed "s/data-support-late=\"4\"/data-support-late=\"3\"/" alice.html >wrong.html &&
	! cmp -s alice.html wrong.html &&
	! same_figures wrong.html alice.json
'

test_expect_success 'the team table: one row per person but the leader, attention first' '
	$FIGURES team.html >lines &&
	grep "^row " lines >rows &&
	test "$(wc -l <rows)" = 3 &&
	! grep "person=kim" rows &&
	awk "{ for (i = 2; i <= NF; i++) { split(\$i, kv, \"=\"); v[NR, kv[1]] = kv[2] } }
	     NR > 1 { l0 = v[NR-1, \"late\"]; l1 = v[NR, \"late\"]
		      s0 = v[NR-1, \"skipped\"]; s1 = v[NR, \"skipped\"]
		      if (l0 < l1 || (l0 == l1 && s0 < s1)) { print \"out of order: \" \$0; bad = 1 } }
	     END { exit bad }" rows &&
	test_grep "^row person=bob .*skipped=1" rows &&
	sed -n "s/^row person=\([a-z]*\) .*/\1/p" rows >order &&
	sed -n "s/^person=\([a-z]*\) .*/\1/p" lines >sections &&
	test_cmp order sections &&
	grep -c "class=\"person-row attention\"" team.html >n &&
	echo 3 >expect &&
	test_cmp expect n
'

test_expect_success 'the weeks of this week are not yet due, earlier weeks without a note are skipped' '
	grep "^strip " lines >strips &&
	test_grep "^strip person=alice cells=9 held=8 skipped=0 upcoming=1 said=0\$" strips &&
	test_grep "^strip person=bob cells=10 held=8 skipped=1 upcoming=1 said=1\$" strips &&
	NOTES_NOW=2026-11-24T16:00 notes -C ex report bob -o ../late.html &&
	$FIGURES late.html >late &&
	test_grep "^strip person=bob cells=10 held=8 skipped=2 upcoming=0 said=2\$" late
'

test_expect_success 'each person page holds the names, the lists and the charts' '
	test_grep "<h2>Alice Park <span class=\"id\">alice</span></h2>" team.html &&
	test_grep "<h2>이민지 <span class=\"id\">minji</span></h2>" team.html &&
	test "$(grep -c "<svg class=\"chart series\"" team.html)" = 3 &&
	test "$(grep -c "<svg class=\"chart strip\"" team.html)" = 3 &&
	test "$(grep -c "<svg class=\"chart stacked\"" team.html)" = 3 &&
	test "$(grep -c "<svg class=\"chart bars\"" team.html)" = 3 &&
	jq -r ".learnings[0].learning" alice.json >learning &&
	test_grep "$(cat learning)" team.html &&
	test_grep "@media print" team.html &&
	test_grep "section.person \+ section.person \{ break-before: page; \}" team.html
'

if browser_can_start; then
	test_expect_success 'in Chromium: the DOM holds every figure of every person' '
		browser_dump_dom team.html dom.html &&
		test_grep "<h2>이민지 <span class=\"id\">minji</span></h2>" dom.html &&
		same_figures dom.html team.json &&
		strip_agrees dom.html team.json &&
		$FIGURES dom.html >dom.lines &&
		test_grep "^script 0\$" dom.lines
	'

	test_expect_success 'in Chromium: the screenshot shows text and coloured charts' '
		browser_screenshot team.html shot.png 1100,1400 &&
		$PY "$ROOT/tests/cli/png_ink.py" shot.png >ink &&
		read -r w h ink colour <ink &&
		test "$w" = 1100 && test "$h" = 1400 &&
		test "$ink" -gt $((w * h / 50)) &&
		test "$colour" -gt $((w * h / 200)) &&
		printf "<!DOCTYPE html><title>blank</title>\n" >blank.html &&
		browser_screenshot blank.html blank.png 1100,1400 &&
		$PY "$ROOT/tests/cli/png_ink.py" blank.png >ink &&
		read -r w h ink colour <ink &&
		test "$ink" -lt $((w * h / 1000))
	'
else
	test_skip 'in Chromium: the DOM holds every figure of every person' "$BROWSER_WHY"
	test_skip 'in Chromium: the screenshot shows text and coloured charts' "$BROWSER_WHY"
fi

test_expect_success 'setup: a journal whose notes hold markup' '
	NOTES_NOW=2026-11-02T08:00 notes init esc --leader kim --name "Kim \"K\" & Wonwoo" >out &&
	NOTES_NOW=2026-11-02T08:00 notes -C esc person add amy --name "Amy \"&\" <i>Lee</i>" --slot "mon 10:00" >out &&
	NOTES_NOW=2026-11-02T08:00 notes -C esc person add zed --slot "mon 11:00" >out &&
	mkdir esc/amy esc/zed &&
	cat >esc/amy/2026-11-02.md <<-\EOF &&
	---
	person: amy
	leader: kim
	date: 2026-11-02 10:00
	---
	## Goals
	- #x Goal

	## Blockers
	- <script>alert(1)</script> blocks #x
	  - kind: environment

	## Support within 48 hours
	- [ ] Get "<img src=x onerror=alert(2)>" ^sup001

	## Focus for the next 5 days
	- [ ] Ship </section><h1>pwned</h1> #x ^foc001
	  - metric: m

	## Feedback
	- Keep the <b>bold</b> & the "quotes" next time.
	EOF
	cat >esc/zed/2026-11-02.md <<-\EOF &&
	---
	person: zed
	leader: kim
	date: 2026-11-02 11:00
	---
	## Focus for the next 5 days
	- [ ] A task ^zed001
	EOF
	NOTES_NOW=2026-11-02T12:00 notes -C esc commit --force amy/2026-11-02.md zed/2026-11-02.md >out 2>err &&
	NOTES_NOW=2026-11-03T09:00 notes -C esc done sup001 >out &&
	cat >esc/amy/2026-11-09.md <<-\EOF &&
	---
	person: amy
	leader: kim
	date: 2026-11-09 10:00
	---
	## Last week'"'"'s commitments
	- [ ] Ship </section><h1>pwned</h1> #x ^foc001
	  - cause: execution
	  - learning: <script>alert(3)</script> & more
	- [x] Get "<img src=x onerror=alert(2)>" ^sup001

	## Blockers
	- <script>alert(1)</script> again #x

	## Focus for the next 5 days
	- [ ] Ship </section><h1>pwned</h1> #x ^foc001
	EOF
	NOTES_NOW=2026-11-09T12:00 notes -C esc commit --force amy/2026-11-09.md >out 2>err
'

test_expect_success 'text from the notes and the config is escaped: a <script> shows as text' '
	NOTES_NOW=2026-11-16T09:00 notes -C esc report -o ../esc.html >out &&
	! grep -e "<script" -e "<img" -e "<h1>pwned" -e "<b>bold" -e "<i>Lee" esc.html &&
	test_grep "&lt;script&gt;alert\(3\)&lt;/script&gt; &amp; more" esc.html &&
	test_grep "Ship &lt;/section&gt;&lt;h1&gt;pwned&lt;/h1&gt;" esc.html &&
	test_grep "Keep the bold &amp; the &quot;quotes&quot; next time." esc.html &&
	test_grep "Amy &quot;&amp;&quot; &lt;i&gt;Lee&lt;/i&gt;" esc.html &&
	test_grep "the team of Kim &quot;K&quot; &amp; Wonwoo" esc.html &&
	$FIGURES esc.html >lines &&
	test_grep "^script 0\$" lines &&
	test "$(grep -c "^person=" lines)" = 2
'

test_expect_success 'the team order puts the person who skipped weeks first, not the first by name' '
	$FIGURES esc.html >lines &&
	sed -n "s/^row person=\([a-z]*\) .*/\1/p" lines >order &&
	printf "zed\namy\n" >expect &&
	test_cmp expect order &&
	test_grep "^row person=zed late=0 skipped=1 " lines
'

if browser_can_start; then
	test_expect_success 'in Chromium: the escaped markup is text, not elements' '
		browser_dump_dom esc.html dom.html &&
		$FIGURES dom.html >lines &&
		test_grep "^script 0\$" lines &&
		! grep -e "<h1>pwned" -e "<img" dom.html &&
		test_grep "&lt;script&gt;alert\(3\)&lt;/script&gt; &amp; more" dom.html &&
		test "$(grep -c "^person=" lines)" = 2
	'
else
	test_skip 'in Chromium: the escaped markup is text, not elements' "$BROWSER_WHY"
fi

test_expect_success '--since and --until narrow the page as they narrow review' '
	notes -C ex review alice --since 2026-10-12 --until 2026-11-02 --json >range.json &&
	notes -C ex report alice --since 2026-10-12 --until 2026-11-02 -o ../range.html >out &&
	same_figures range.html range.json &&
	strip_agrees range.html range.json &&
	test "$(jq .meetings.weeks range.json)" = 4 &&
	$FIGURES range.html >lines &&
	test_grep "^strip person=alice cells=4 held=4 skipped=0 upcoming=0 said=0\$" lines &&
	grep "^week " lines >weeks &&
	test "$(wc -l <weeks)" = 4 &&
	test_grep "data-since=\"2026-10-12\" data-until=\"2026-11-02\"" range.html &&
	notes -C ex review --team --since 2026-11-01 --json >range.json &&
	notes -C ex report --team --since 2026-11-01 -o ../range.html >out &&
	same_figures range.html range.json
'

test_expect_success 'a person without meetings: zeros, no charts, the weeks of a range skipped' '
	notes -C ex person add dan --name "Dan Oh" --slot "wed 09:00" >out &&
	notes -C ex report dan -o ../dan.html >out &&
	notes -C ex review dan --json >dan.json &&
	same_figures dan.html dan.json &&
	test_grep "No meeting in this range." dan.html &&
	! grep "<svg" dan.html &&
	test_grep "data-meetings-held=\"0\"" dan.html &&
	test_grep "data-focus-rate=\"\"" dan.html &&
	notes -C ex report dan --since 2026-11-02 -o ../dan.html >out &&
	notes -C ex review dan --since 2026-11-02 --json >dan.json &&
	same_figures dan.html dan.json &&
	$FIGURES dan.html >lines &&
	test_grep "^strip person=dan cells=4 held=0 skipped=3 upcoming=1 said=3\$" lines &&
	notes -C ex report --team -o ../team4.html >out &&
	$FIGURES team4.html >lines &&
	test "$(grep -c "^row " lines)" = 4
'

test_expect_success 'a Korean person: her report is in Korean, with her notes in Hangul' '
	git -C ex config -f .notes/config person.minji.language ko &&
	notes -C ex report minji -o ../minji.html >out &&
	test_grep "^<html lang=\"ko\">\$" minji.html &&
	test_grep "<dt>집중할 실행</dt>" minji.html &&
	test_grep "<h3>배운 점</h3>" minji.html &&
	test_grep "<span class=\"cause execution\">실행</span>" minji.html &&
	jq -r ".learnings[0].learning" minji.json >learning &&
	test_grep "$(cat learning)" minji.html &&
	! grep -e "Focus per week" -e "Learnings" minji.html &&
	same_figures minji.html minji.json &&
	notes -C ex report --team -o ../team.html >out &&
	test_grep "^<html lang=\"en\">\$" team.html
'

test_expect_success 'a Korean journal: the team page in Korean' '
	git -C ex config -f .notes/config journal.language ko &&
	notes -C ex report -o ../ko.html >out &&
	test_grep "^<html lang=\"ko\">\$" ko.html &&
	test_grep "<h2>팀</h2>" ko.html &&
	test_grep "<span class=\"flag\">살펴볼 것</span>" ko.html &&
	notes -C ex review --team --json >team.json &&
	same_figures ko.html team.json &&
	git -C ex config -f .notes/config journal.language en &&
	git -C ex config -f .notes/config --unset person.minji.language
'

if browser_can_start; then
	test_expect_success 'in Chromium: the Korean page renders its Hangul' '
		browser_dump_dom ko.html dom.html &&
		test_grep "<h2>팀</h2>" dom.html &&
		same_figures dom.html team.json &&
		browser_screenshot ko.html ko.png 1100,900 &&
		$PY "$ROOT/tests/cli/png_ink.py" ko.png >ink &&
		read -r w h ink colour <ink &&
		test "$ink" -gt $((w * h / 50))
	'
else
	test_skip 'in Chromium: the Korean page renders its Hangul' "$BROWSER_WHY"
fi

test_expect_success 'a journal overrides the page and the style sheet in .notes/templates/' '
	mkdir -p ex/.notes/templates &&
	printf "<p>{{#people}}{{person}}={{support.late}};{{/people}}</p>\n" \
		>ex/.notes/templates/report.html &&
	notes -C ex report -o ../own.html >out &&
	echo "<p>alice=4;bob=3;minji=3;dan=0;</p>" >expect &&
	test_cmp expect own.html &&
	rm ex/.notes/templates/report.html &&
	echo "body { background: #abcdef; }" >ex/.notes/templates/report.css &&
	notes -C ex report alice -o ../css.html >out &&
	test_grep "^body \{ background: #abcdef; \}\$" css.html &&
	! grep "@media print" css.html &&
	rm ex/.notes/templates/report.css
'

test_expect_success 'a broken template: exit 2, one line, no file written' '
	printf "{{#people}}<p>\n" >ex/.notes/templates/report.html &&
	test_expect_code 2 notes -C ex report -o ../broken.html >out 2>err &&
	test_grep "^notes: report: the report template: .*unclosed section" err &&
	test "$(wc -l <err)" = 1 &&
	test ! -e broken.html &&
	rm ex/.notes/templates/report.html
'

test_expect_success 'bad input: exit 2 with one line, nothing written' '
	test_expect_code 2 notes -C ex report nobody -o ../x.html >out 2>err &&
	test_grep "^notes: report: nobody is not in the journal\$" err &&
	test_expect_code 2 notes -C ex report alice --since 2026-13-01 -o ../x.html >out 2>err &&
	test_grep "^notes: report: --since .2026-13-01. is not a date" err &&
	test_expect_code 2 notes -C ex report alice --team -o ../x.html >out 2>err &&
	test_grep "name one person, or --team" err &&
	test_expect_code 2 notes -C ex report alice bob >out 2>err &&
	test_expect_code 2 notes -C ex report ../x >out 2>err &&
	test_grep "^notes: report: .*invalid person id" err &&
	test_expect_code 2 notes -C ex report --bogus >out 2>err &&
	test_grep "unknown option .--bogus." err &&
	test_expect_code 2 notes -C ex report -o ../no/such/dir/x.html >out 2>err &&
	test_grep "^notes: report: ../no/such/dir/x.html: " err &&
	test ! -e x.html &&
	test_no_crash err
'

test_expect_success 'on a terminal the review of the team shows its progress on stderr' '
	script -qec "$NOTES -C ex report -o ../tty.html" /dev/null >tty.out </dev/null &&
	test_grep "reviewing 4/4: minji" tty.out &&
	test_grep "wrote the report of the team to ../tty.html" tty.out &&
	notes -C ex report -o ../notty.html >out 2>err &&
	test ! -s err &&
	test_cmp tty.html notty.html
'

test_expect_success 'notes review on a terminal: one line of blocks, focus done per meeting' '
	notes -C ex review alice --json >alice.json &&
	env -u NO_COLOR script -qec "$NOTES -C ex review alice" /dev/null >tty.out </dev/null &&
	grep "done/week" tty.out >line &&
	jq -r "[.weeks[].done] | map(tostring) | join(\" \")" alice.json >done &&
	python3 -c "
import sys
v = [int(x) for x in open(sys.argv[1]).read().split()][-52:]
top = max(v)
print(\"  done/week  \" + \"\".join(chr(0x2581 + ((x * 7 + top // 2) // top if top else 0)) for x in v))
" done >expect &&
	tr -d "\r" <line >actual &&
	test_cmp expect actual &&
	test "$(wc -l <actual)" = 1
'

test_expect_success 'no sparkline under NO_COLOR or in a pipe' '
	NO_COLOR=1 script -qec "$NOTES -C ex review alice" /dev/null >tty.out </dev/null &&
	test_grep "^  focus " tty.out &&
	! grep "done/week" tty.out &&
	(unset NO_COLOR && notes -C ex review alice >pipe.out) &&
	test_grep "^  focus " pipe.out &&
	! grep -e "done/week" -e "▁" pipe.out
'

test_done
