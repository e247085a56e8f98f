#!/bin/sh
# t0700-lsp.sh - notes lsp, driven by tests/cli/lsp-client.py through
# protocol transcripts: the life cycle, diagnostics equal to notes check
# (UTF-16 columns, debounced, the latest version winning), completion,
# hover and code actions on a two-week journal.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-lsp.sh"

test_expect_success 'setup: a journal with two weeks of alice' '
	setup_journal &&
	test_expect_code 0 notes -C j check alice/2026-11-30.md >out 2>err &&
	test_grep "^alice/2026-11-30.md:16:1: warning: .* \[unreviewed\]$" out &&
	NOTES_NOW=2026-11-30T10:30 &&
	test_expect_code 1 notes -C j check alice/2026-11-30.md >out 2>err &&
	test_grep "^alice/2026-11-30.md:16:1: error: .* \[unreviewed\]$" out
'

test_expect_success 'initialize announces its features; shutdown then exit ends with status 0' '
	cat >s <<-EOF &&
	init file://$J
	request 2 shutdown null
	wait 2
	notify exit null
	EOF
	lsp_run s out &&
	jq -c "select(.id == 1001) | .result.capabilities | [.textDocumentSync.change,
		.textDocumentSync.openClose, .completionProvider.triggerCharacters,
		.hoverProvider, .codeActionProvider.codeActionKinds, .positionEncoding]" \
		out >actual &&
	echo "[2,true,[\"@\",\"#\",\"^\"],true,[\"quickfix\"],\"utf-16\"]" >expect &&
	test_cmp expect actual &&
	answer out 2 >actual &&
	echo "{\"id\":2,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual &&
	test "$(cat out.exit)" = 0
'

test_expect_success 'exit or the end of input without shutdown: status 1; after shutdown: 0' '
	printf "init\nnotify exit null\n" >s &&
	lsp_run s out &&
	test "$(cat out.exit)" = 1 &&
	printf "init\nclose\n" >s &&
	lsp_run s out2 &&
	test "$(cat out2.exit)" = 1 &&
	printf "init\nrequest 2 shutdown null\nwait 2\nclose\n" >s &&
	lsp_run s out3 &&
	test "$(cat out3.exit)" = 0
'

test_expect_success 'an opened note gets the problems of notes check, on their lines and columns' '
	mkdir -p j/bob &&
	cat >j/bob/2026-11-30.md <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-30 10:00
	---
	## Goals
	- #growth Grow the user base

	## Last week'"'"'s commitments
	- [~] Ship the signup form ^aaaaaa
	  - cause: execution

	## Blockers
	- Slow CI

	## Support within 48 hours
	- [ ] Review the pricing page @zed due:2026-12-09 ^bbbbbb

	## Focus for the next 5 days
	- [ ] Call five users #growth #retention ^cccccc
	- [ ] Write the FAQ due:2026-02-30
	  - metric: pages written
	EOF
	test_expect_code 1 notes -C j check bob/2026-11-30.md >check.out 2>err &&
	sed "s|^bob/2026-11-30.md:||" check.out >expect &&
	test "$(wc -l <expect)" -ge 8 &&
	cat >s <<-EOF &&
	init
	open file://$J/bob/2026-11-30.md $J/bob/2026-11-30.md 1
	wait-diag file://$J/bob/2026-11-30.md 1
	EOF
	lsp_run s out &&
	last_diags out >actual &&
	test_cmp expect actual &&
	jq -r "select(.method) | .params.diagnostics[].source" out | sort -u >actual &&
	echo notes >expect &&
	test_cmp expect actual
'

test_expect_success 'columns are UTF-16 code units (Hangul one, an emoji two), in and out' '
	mkdir -p j/minji &&
	cat >j/minji/2026-11-30.md <<-\EOF &&
	---
	person: minji
	leader: kim
	date: 2026-11-30 10:00
	---
	## 집중할 실행
	- [ ] 한국어 😀 due:2026-02-30 #x
	EOF
	test_expect_code 1 notes -C j check minji/2026-11-30.md >check.out 2>err &&
	test_grep "^minji/2026-11-30.md:7:13: error: .*\[bad-date\]$" check.out &&
	cat >s <<-EOF &&
	init
	open file://$J/minji/2026-11-30.md $J/minji/2026-11-30.md 1
	wait-diag file://$J/minji/2026-11-30.md 1
	edit file://$J/minji/2026-11-30.md 2 6 17 6 27 "2026-12-01"
	wait-diag file://$J/minji/2026-11-30.md 2
	EOF
	lsp_run s out &&
	jq -r "select(.params.version == 1) | .params.diagnostics[]
		| select(.code == \"bad-date\") | .range.start | \"\(.line + 1):\(.character + 1)\"" \
		out >actual &&
	echo 7:14 >expect &&
	test_cmp expect actual &&
	last_diags out >actual &&
	! grep bad-date actual
'

test_expect_success 'ticking the item in the buffer (an incremental edit) clears its unreviewed' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	wait-diag $URI 1
	edit $URI 2 15 3 15 4 "x"
	wait-diag $URI 2
	EOF
	lsp_run s out &&
	versions out >actual &&
	echo "1 2" >expect &&
	test_cmp expect actual &&
	jq -c "select(.method) | [.params.version, [.params.diagnostics[]
		| [.code, .range.start.line, .range.start.character, .severity]]]" out >actual &&
	cat >expect <<-\EOF &&
	[1,[["unreviewed",15,0,1]]]
	[2,[]]
	EOF
	test_cmp expect actual
'

test_expect_success 'a whole-text change is checked too, and the note on disk is never written' '
	cksum "$W2" >before &&
	{ head -n 16 "$W2" && echo "  - cause: assumption" && tail -n +17 "$W2"; } >v2.md &&
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	wait-diag $URI 1
	change $URI 2 $TRASH/v2.md
	wait-diag $URI 2
	EOF
	lsp_run s out &&
	last_diags out >actual &&
	echo "16:1: warning: '"'"'Call five churned users'"'"' has a cause but no learning [missing-learning]" >expect &&
	test_cmp expect actual &&
	cksum "$W2" >after &&
	test_cmp before after
'

test_expect_success 'changes in a burst are checked once, at their last version' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	wait-diag $URI 1
	begin
	edit $URI 2 15 3 15 4 "x"
	edit $URI 3 15 3 15 4 " "
	edit $URI 4 15 3 15 4 "x"
	end
	wait-diag $URI 4
	sleep 0.6
	request 9 shutdown null
	wait 9
	EOF
	lsp_run s out --debounce 300 &&
	versions out >actual &&
	echo "1 4" >expect &&
	test_cmp expect actual &&
	last_diags out >actual &&
	test_cmp /dev/null actual
'

test_expect_success 'completion after @ offers the journal'"'"'s people, filtered by what is typed' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	edit $URI 2 23 38 23 38 " @"
	request 2 textDocument/completion $(at 23 40)
	wait 2
	edit $URI 3 23 40 23 40 "al"
	request 3 textDocument/completion $(at 23 42)
	wait 3
	EOF
	lsp_run s out &&
	labels out 2 >actual &&
	printf "alice\nkim\n" >expect &&
	test_cmp expect actual &&
	jq -c "select(.id == 2) | .result.items[0] | [.detail, .textEdit]" out >actual &&
	echo "[\"Alice Park\",{\"newText\":\"alice\",\"range\":{\"end\":{\"character\":40,\"line\":23},\"start\":{\"character\":40,\"line\":23}}}]" >expect &&
	test_cmp expect actual &&
	labels out 3 >actual &&
	echo alice >expect &&
	test_cmp expect actual
'

test_expect_success 'completion after # offers the note'"'"'s goals, then the tags used before' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	edit $URI 2 23 38 23 38 " #"
	request 2 textDocument/completion $(at 23 40)
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result.items[] | [.label, .detail, .sortText] | join(\"|\")" \
		out >actual &&
	cat >expect <<-\EOF &&
	conversion|Raise checkout conversion from 2.1% to 3%|0
	infra|a tag used before|1
	EOF
	test_cmp expect actual
'

test_expect_success 'completion after ^ offers the previous note'"'"'s open items with their text' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	edit $URI 2 23 38 23 38 " ^"
	request 2 textDocument/completion $(at 23 40)
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result.items[] | [.label, .detail, .documentation] | join(\"|\")" \
		out | sort >actual &&
	cat >expect <<-\EOF &&
	k3f9qa|Ship the A/B test for the new payment page|open focus item of 2026-11-23
	m2d7xe|Call five churned users|open focus item of 2026-11-23
	p8w2rt|Ask the platform team for a dedicated staging slot|open support item of 2026-11-23
	EOF
	test_cmp expect actual
'

test_expect_success 'completion offers headings and field keys (and values) of both languages' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	edit $URI 2 32 0 32 0 "## "
	request 2 textDocument/completion $(at 32 3)
	wait 2
	edit $URI 3 29 0 29 0 "  - \n"
	request 3 textDocument/completion $(at 29 4)
	wait 3
	edit $URI 4 29 4 29 4 "cause: "
	request 4 textDocument/completion $(at 29 11)
	wait 4
	EOF
	lsp_run s out &&
	labels out 2 >headings &&
	test_grep "^What will you focus on for the next 5 days\?$" headings &&
	test_grep "^앞으로 5일 동안 집중할 실행은\?$" headings &&
	test_grep "^피드백$" headings &&
	test "$(wc -l <headings)" = 14 &&
	jq -r "select(.id == 2) | .result.items[0].textEdit.newText" out >actual &&
	echo "## Goals" >expect &&
	test_cmp expect actual &&
	labels out 3 >keys &&
	for k in metric fallback cause learning kind scope impact how done 지표 대안 원인 "배운 점"; do
		test_grep "^$k$" keys || return 1
	done &&
	jq -r "select(.id == 3) | .result.items[] | select(.sortText == \"0\") | .label" out \
		>fits &&
	printf "metric\nfallback\ndone\n지표\n대안\n완료\n" >expect &&
	test_cmp expect fits &&
	labels out 4 >actual &&
	printf "execution\nassumption\n실행\n가정\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'hover on ^id shows the meetings the item was in, its statuses, when done' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	request 2 textDocument/hover $(at 14 62)
	wait 2
	request 3 textDocument/hover $(at 15 3)
	wait 3
	edit $URI 2 17 0 17 0 "  - done: 2026-11-24T16:00\n"
	request 4 textDocument/hover $(at 16 57)
	wait 4
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result.contents.value" out >actual &&
	cat >expect <<-\EOF &&
	**^k3f9qa** Ship the A/B test for the new payment page

	- 2026-11-23: focus, open
	- 2026-11-30: review, done (this note)

	done: first ticked in the note of 2026-11-30

	EOF
	test_cmp expect actual &&
	jq -c "select(.id == 2) | .result.range" out >actual &&
	echo "{\"end\":{\"character\":68,\"line\":14},\"start\":{\"character\":61,\"line\":14}}" >expect &&
	test_cmp expect actual &&
	answer out 3 >actual &&
	echo "{\"id\":3,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual &&
	jq -r "select(.id == 4) | .result.contents.value" out >actual &&
	test_grep "^- 2026-11-23: support, open$" actual &&
	test_grep "^done: 2026-11-24T16:00$" actual
'

test_expect_success 'a code action adds cause and learning under an unreviewed item' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	request 2 textDocument/codeAction {"textDocument":{"uri":"$URI"},"range":{"start":{"line":15,"character":0},"end":{"line":15,"character":0}},"context":{"diagnostics":[]}}
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result[] | [.title, .kind, .diagnostics[0].code] | join(\"|\")" \
		out >actual &&
	cat >expect <<-\EOF &&
	Add cause: execution and learning:|quickfix|unreviewed
	Add cause: assumption and learning:|quickfix|unreviewed
	EOF
	test_cmp expect actual &&
	jq --arg u "$URI" "select(.id == 2) | .result[0].edit.changes[\$u]" out >edits &&
	python3 "$ROOT/tests/cli/lsp-client.py" --apply "$W2" edits >fixed.md &&
	sed -n "16,18p" fixed.md >actual &&
	cat >expect <<-\EOF &&
	- [ ] Call five churned users #conversion ^m2d7xe
	  - cause: execution
	  - learning: 
	EOF
	test_cmp expect actual &&
	notes check fixed.md >check.out 2>err &&
	test_grep "^fixed.md:16:1: warning: .*\[missing-learning\]$" check.out
'

test_expect_success 'a Korean note gets its fields in Korean' '
	sed -e "s/^## How did last week.s commitments go?$/## 지난주 합의한 실행은 어떻게 되었나요?/" \
		"$W2" >ko.md &&
	cat >s <<-EOF &&
	init
	open $URI $TRASH/ko.md 1
	request 2 textDocument/codeAction {"textDocument":{"uri":"$URI"},"range":{"start":{"line":15,"character":0},"end":{"line":15,"character":0}}}
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result[] | .title, (.edit.changes[][].newText | rtrimstr(\"\n\"))" \
		out >actual &&
	cat >expect <<-\EOF &&
	Add 원인: 실행 and 배운 점:
	  - 원인: 실행
	  - 배운 점: 
	Add 원인: 가정 and 배운 점:
	  - 원인: 가정
	  - 배운 점: 
	EOF
	test_cmp expect actual
'

test_expect_success 'a code action carries a forgotten item into the review (loop-broken)' '
	sed "16d" "$W2" >forgot.md &&
	cat >s <<-EOF &&
	init
	open $URI $TRASH/forgot.md 1
	wait-diag $URI 1
	request 2 textDocument/codeAction {"textDocument":{"uri":"$URI"},"range":{"start":{"line":13,"character":0},"end":{"line":13,"character":0}}}
	wait 2
	EOF
	lsp_run s out &&
	last_diags out >actual &&
	test_grep "^14:1: error: open focus item \^m2d7xe .*\[loop-broken\]$" actual &&
	jq -r "select(.id == 2) | .result[] | [.title, .diagnostics[0].code] | join(\"|\")" \
		out >actual &&
	echo "Carry ^m2d7xe '"'"'Call five churned users'"'"' into the review|loop-broken" >expect &&
	test_cmp expect actual &&
	jq --arg u "$URI" "select(.id == 2) | .result[0].edit.changes[\$u]" out >edits &&
	python3 "$ROOT/tests/cli/lsp-client.py" --apply forgot.md edits >fixed.md &&
	diff forgot.md fixed.md >d || test $? = 1 &&
	cat >expect <<-\EOF &&
	16a17
	> - [ ] Call five churned users #conversion ^m2d7xe
	EOF
	test_cmp expect d &&
	cp -R j j2 &&
	cp fixed.md j2/alice/2026-11-30.md &&
	test_expect_code 1 notes -C j2 check alice/2026-11-30.md >check.out 2>err &&
	! grep loop-broken check.out &&
	test_grep "^alice/2026-11-30.md:17:1: error: .*\[unreviewed\]$" check.out
'

test_expect_success 'a note without a review section gets one, before its blockers' '
	sed "14,18d" "$W2" >noreview.md &&
	cat >s <<-EOF &&
	init
	open $URI $TRASH/noreview.md 1
	request 2 textDocument/codeAction {"textDocument":{"uri":"$URI"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.id == 2) | .result[].title" out >actual &&
	cat >expect <<-\EOF &&
	Carry ^k3f9qa '"'"'Ship the A/B test for the new payment page'"'"' into the review
	Carry ^m2d7xe '"'"'Call five churned users'"'"' into the review
	Carry ^p8w2rt '"'"'Ask the platform team for a dedicated staging slot'"'"' into the review
	Carry all 3 forgotten items into the review
	EOF
	test_cmp expect actual &&
	jq --arg u "$URI" "select(.id == 2) | .result[3].edit.changes[\$u]" out >edits &&
	python3 "$ROOT/tests/cli/lsp-client.py" --apply noreview.md edits >fixed.md &&
	sed -n "13,19p" fixed.md >actual &&
	cat >expect <<-\EOF &&

	## How did last week'"'"'s commitments go?
	- [ ] Ship the A/B test for the new payment page #conversion ^k3f9qa
	- [ ] Call five churned users #conversion ^m2d7xe
	- [ ] Ask the platform team for a dedicated staging slot ^p8w2rt

	## What is blocking you right now?
	EOF
	test_cmp expect actual &&
	rm -rf j3 &&
	cp -R j j3 &&
	cp fixed.md j3/alice/2026-11-30.md &&
	test_expect_code 1 notes -C j3 check alice/2026-11-30.md >check.out 2>err &&
	! grep -E "loop-broken|missing-section" check.out
'

test_done
