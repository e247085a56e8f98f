#!/bin/sh
# t0705-lsp-robust.sh - notes lsp under what a server meets: malformed
# JSON, wrong or missing Content-Length, unknown methods, messages out of
# the life cycle, documents outside the journal or not notes, a 16 MiB
# note, bad positions, and a client that goes away. Each gets a JSON-RPC
# error or a clean exit, never a crash or a hang.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-lsp.sh"

# errors OUT: "id code" of each error answer, one a line.
errors() {
	jq -r 'select(.error) | "\(.id) \(.error.code)"' "$1"
}

test_expect_success 'setup: a journal with two weeks of alice' '
	setup_journal
'

test_expect_success 'malformed JSON gets a parse error (id null); the next request is answered' '
	cat >s <<-\EOF &&
	init
	raw b"Content-Length: 10\r\n\r\n{\"jsonrpc\""
	request 2 shutdown null
	wait 2
	EOF
	lsp_run s out &&
	errors out >actual &&
	echo "null -32700" >expect &&
	test_cmp expect actual &&
	jq -r "select(.error) | .error.message" out >msg &&
	test_grep "^not JSON: " msg &&
	answer out 2 >actual &&
	echo "{\"id\":2,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual
'

test_expect_success 'a message that is no object, or has no method, is an invalid request' '
	cat >s <<-\EOF &&
	init
	send [1,2]
	send {"jsonrpc":"2.0","id":5}
	send {"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}
	request 6 shutdown null
	wait 6
	EOF
	lsp_run s out &&
	errors out >actual &&
	printf "null -32600\n5 -32600\nnull -32600\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a Content-Length that is no number, or none at all: an error, then the next message' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	raw b"Content-Length: abc\r\n\r\n{}"
	request 2 textDocument/hover $(at 14 62)
	wait 2
	raw b"Content-Type: application/json\r\n\r\n{}"
	request 3 textDocument/hover $(at 14 62)
	wait 3
	raw b"no header at all\r\n\r\n"
	request 4 textDocument/hover $(at 14 62)
	wait 4
	raw b"Content-Length: 12 13\r\n\r\n"
	request 5 textDocument/hover $(at 14 62)
	wait 5
	EOF
	lsp_run s out &&
	jq -r "select(.error) | \"\(.id) \(.error.code) \(.error.message)\"" out >actual &&
	cat >expect <<-\EOF &&
	null -32700 bad message header: Content-Length is not a number
	null -32700 bad message header: no Content-Length
	null -32700 bad message header: a header line is not '"'"'Name: value'"'"'
	null -32700 bad message header: Content-Length is not one number
	EOF
	test_cmp expect actual &&
	jq -c "select(.result.contents) | .id" out >actual &&
	printf "2\n3\n4\n5\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a Content-Length too short: a parse error, then the next message is read' '
	cat >s <<-\EOF &&
	init
	raw b"Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}"
	request 8 shutdown null
	wait 8
	EOF
	lsp_run s out &&
	errors out >actual &&
	printf "null -32700\nnull -32700\n" >expect &&
	test_cmp expect actual &&
	answer out 8 >actual &&
	echo "{\"id\":8,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual
'

test_expect_success 'a Content-Length too long: an error with the request'"'"'s id, then the next' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	begin
	raw b"Content-Length: 70\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}"
	request 8 textDocument/hover $(at 14 62)
	end
	wait 8
	raw b"Content-Length: 99\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}"
	wait 9
	request 10 shutdown null
	wait 10
	EOF
	lsp_run s out &&
	errors out >actual &&
	printf "7 -32600\n9 -32600\n" >expect &&
	test_cmp expect actual &&
	jq -r "select(.id == 8) | .result.contents.value" out >hover &&
	test_grep "^\*\*\^k3f9qa\*\* " hover &&
	answer out 10 >actual &&
	echo "{\"id\":10,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual
'

test_expect_success 'a message over 64 MiB is refused at its header, without reading it' '
	cat >s <<-\EOF &&
	init
	raw b"Content-Length: 70000000\r\n\r\n"
	request 2 shutdown null
	wait 2
	EOF
	lsp_run s out &&
	jq -r "select(.error) | .error.message" out >actual &&
	echo "bad message header: the message is larger than 64 MiB" >expect &&
	test_cmp expect actual &&
	answer out 2 >actual &&
	echo "{\"id\":2,\"jsonrpc\":\"2.0\",\"result\":null}" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown method gets MethodNotFound; an unknown notification, no answer' '
	cat >s <<-\EOF &&
	init
	request 2 textDocument/formatting {}
	notify $/somethingNew {}
	notify workspace/didChangeConfiguration {"settings":{}}
	request 3 shutdown null
	wait 3
	EOF
	lsp_run s out &&
	errors out >actual &&
	echo "2 -32601" >expect &&
	test_cmp expect actual &&
	test "$(wc -l <out)" = 3
'

test_expect_success 'before initialize: ServerNotInitialized; after shutdown: InvalidRequest' '
	cat >s <<-EOF &&
	request 1 textDocument/hover {}
	wait 1
	open $URI $W2 1
	init
	request 2 shutdown null
	wait 2
	request 3 textDocument/hover {}
	wait 3
	request 4 initialize {}
	wait 4
	notify exit null
	EOF
	lsp_run s out &&
	errors out >actual &&
	printf "1 -32002\n3 -32600\n4 -32600\n" >expect &&
	test_cmp expect actual &&
	test "$(versions out)" = "" &&
	test "$(cat out.exit)" = 0
'

test_expect_success 'requests with bad params get InvalidParams; the server goes on' '
	cat >s <<-EOF &&
	init
	request 2 textDocument/hover {"textDocument":{"uri":"$URI"}}
	wait 2
	request 3 textDocument/completion {"textDocument":{"uri":"file:///nowhere.md"},"position":{"line":0,"character":0}}
	wait 3
	request 4 textDocument/codeAction {"textDocument":{"uri":"$URI"},"range":{"start":{"line":5,"character":0},"end":{"line":2,"character":0}}}
	wait 4
	notify textDocument/didOpen {"textDocument":{"uri":7}}
	request 5 shutdown null
	wait 5
	EOF
	lsp_run s out &&
	errors out >actual &&
	printf "2 -32602\n3 -32602\n4 -32602\n" >expect &&
	test_cmp expect actual &&
	jq -r "select(.method == \"window/logMessage\") | .params.message" out >actual &&
	test_grep "^didOpen: expected" actual
'

test_expect_success 'positions past the end are clamped; a range ending before it starts is refused' '
	cat >s <<-EOF &&
	init
	open $URI $W2 1
	wait-diag $URI 1
	edit $URI 2 900000000 5 900000000 9 "\n- x"
	wait-diag $URI 2
	edit $URI 3 20 5 20 1 "?"
	request 3 textDocument/completion $(at 2000000 2000000)
	wait 3
	request 4 textDocument/hover $(at 15 99999)
	wait 4
	EOF
	lsp_run s out &&
	jq -r "select(.method == \"window/logMessage\") | .params.message" out >actual &&
	echo "didChange: a content change whose range ends before it starts" >expect &&
	test_cmp expect actual &&
	versions out >actual &&
	echo "1 2" >expect &&
	test_cmp expect actual &&
	answer out 3 >actual &&
	echo "{\"id\":3,\"jsonrpc\":\"2.0\",\"result\":{\"isIncomplete\":false,\"items\":[]}}" >expect &&
	test_cmp expect actual &&
	jq -c "select(.id == 4) | .result.range" out >actual &&
	echo "{\"end\":{\"character\":49,\"line\":15},\"start\":{\"character\":42,\"line\":15}}" >expect &&
	test_cmp expect actual
'

test_expect_success 'a note outside the journal gets no history, and nothing outside is read' '
	mkdir -p outside/.notes outside/alice &&
	printf "[journal]\n\tleader = kim\n[person \"alice\"]\n\tname = A\n[person \"zed\"]\n\tname = Z\n" \
		>outside/.notes/config &&
	write_week1 >outside/alice/2026-11-23.md &&
	sed -e "14,18d" -e "s/the data team/the data team @zed/" "$W2" \
		>outside/alice/2026-11-30.md &&
	OUT=file://$TRASH/outside/alice/2026-11-30.md &&
	cat >s <<-EOF &&
	init
	open $OUT $TRASH/outside/alice/2026-11-30.md 1
	wait-diag $OUT 1
	request 2 textDocument/completion {"textDocument":{"uri":"$OUT"},"position":{"line":18,"character":0}}
	wait 2
	EOF
	lsp_run s out &&
	last_diags out >actual &&
	echo "19:1: warning: @zed is not in .notes/config [unknown-person]" >expect &&
	test_cmp expect actual
'

test_expect_success 'started outside any journal: the workspace'"'"'s journal, else each document'"'"'s' '
	mkdir -p nowhere &&
	OUT=file://$TRASH/outside/alice/2026-11-30.md &&
	cat >s <<-EOF &&
	init file://$J
	open $OUT $TRASH/outside/alice/2026-11-30.md 1
	wait-diag $OUT 1
	EOF
	LSP_DIR=$TRASH/nowhere lsp_run s out &&
	last_diags out >actual &&
	echo "19:1: warning: @zed is not in .notes/config [unknown-person]" >expect &&
	test_cmp expect actual &&
	printf "init\nopen %s %s 1\nwait-diag %s 1\n" "$OUT" \
		"$TRASH/outside/alice/2026-11-30.md" "$OUT" >s &&
	LSP_DIR=$TRASH/nowhere lsp_run s out &&
	last_diags out >actual &&
	cut -d" " -f2,3 actual | sort | uniq -c | sed "s/^ *//" >counts &&
	cat >expect <<-\EOF &&
	3 error: open
	1 warning: no
	EOF
	test_cmp expect counts &&
	test_grep "\[loop-broken\]$" actual &&
	! grep unknown-person actual
'

if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	test_expect_success 'strace: the server opens no file outside the journal' '
		OUT=file://$TRASH/outside/alice/2026-11-30.md &&
		cat >s <<-EOF &&
		init
		open $OUT $TRASH/outside/alice/2026-11-30.md 1
		wait-diag $OUT 1
		edit $OUT 2 18 0 18 0 " ^"
		request 2 textDocument/completion {"textDocument":{"uri":"$OUT"},"position":{"line":18,"character":2}}
		wait 2
		request 3 textDocument/hover {"textDocument":{"uri":"$OUT"},"position":{"line":14,"character":62}}
		wait 3
		request 4 textDocument/codeAction {"textDocument":{"uri":"$OUT"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}
		wait 4
		open $URI $W2 1
		wait-diag $URI 1
		EOF
		ASAN_OPTIONS=detect_leaks=0 python3 "$ROOT/tests/cli/lsp-client.py" s out -- strace -f -qq -o trace \
			-e trace=open,openat,openat2,creat,truncate "$NOTES" -C "$J" lsp \
			2>out.err &&
		test_no_crash out.err &&
		test_grep "$J/alice/2026-11-23.md" trace &&
		! grep -F "$TRASH/outside" trace &&
		! grep -E "O_WRONLY|O_RDWR|O_CREAT|creat\\(|truncate\\(" trace
	'
else
	test_skip 'strace: the server opens no file outside the journal' 'strace cannot run here'
fi

test_expect_success 'Markdown that is not a note, and a document that is no file, get no marks' '
	printf "# Team\n\n- [ ] not a task of any note\n" >j/README.md &&
	cat >s <<-EOF &&
	init
	open file://$J/README.md $J/README.md 1
	wait-diag file://$J/README.md 1
	send {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:Untitled-1","version":1,"text":"## Focus\\n- [ ] x @nobody"}}}
	wait-diag untitled:Untitled-1 1
	request 2 textDocument/completion {"textDocument":{"uri":"untitled:Untitled-1"},"position":{"line":1,"character":8}}
	wait 2
	EOF
	lsp_run s out &&
	jq -c "select(.method) | .params.diagnostics" out >actual &&
	printf "[]\n[]\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a 16 MiB note is checked and the server goes on; a larger one is refused' '
	python3 -c "
import sys
head = open(sys.argv[1]).read() + \"\\n## Notes\\n\"
line = \"Notes and more notes, nothing but text in the notes section.\\n\"
n = (16 << 20) - len(head.encode())
body = (line * (n // len(line) + 1))[:n - 1] + \"\\n\"
open(\"big.md\", \"w\").write(head + body)
open(\"bigger.md\", \"w\").write(head + body + \"x\")
" "$W2" &&
	test "$(wc -c <big.md)" = 16777216 &&
	cat >s <<-EOF &&
	init
	open $URI $TRASH/big.md 1
	wait-diag $URI 1
	request 2 textDocument/hover $(at 14 62)
	wait 2
	change $URI 2 $TRASH/bigger.md
	wait-diag $URI 2
	request 3 shutdown null
	wait 3
	EOF
	lsp_run s out --debounce 0 &&
	jq -c "select(.method) | [.params.version, [.params.diagnostics[] | .code // .message]]" \
		out >actual &&
	cat >expect <<-\EOF &&
	[1,["unreviewed"]]
	[2,["larger than 16 MiB: not checked"]]
	EOF
	test_cmp expect actual &&
	jq -r "select(.id == 2) | .result.contents.value" out >hover &&
	test_grep "^- 2026-11-23: focus, open$" hover
'

test_expect_success 'thousands of problems: the first 1000, then how many more' '
	{
		sed -n "1,29p" "$W2" &&
		for i in $(seq 1 1500); do echo "- [ ] Focus item $i" || return 1; done
	} >many.md &&
	cp "$W2" w2.keep &&
	cp many.md "$W2" &&
	test_expect_code 1 notes -C j check alice/2026-11-30.md >check.out 2>err &&
	cp w2.keep "$W2" &&
	total=$(wc -l <check.out) &&
	test "$total" -gt 3000 &&
	cat >s <<-EOF &&
	init
	open $URI $TRASH/many.md 1
	wait-diag $URI 1
	EOF
	lsp_run s out &&
	jq -r "select(.method) | .params.diagnostics | length, last.message, last.severity" \
		out >actual &&
	printf "1001\n%s more problems ('"'"'notes check'"'"' lists them all)\n3\n" \
		"$((total - 1000))" >expect &&
	test_cmp expect actual
'

test_expect_success 'a client that goes away mid-message: the server ends (status 1)' '
	cat >s <<-\EOF &&
	init
	raw b"Content-Length: 100\r\n\r\n{\"jsonrpc"
	close
	EOF
	lsp_run s out &&
	test "$(cat out.exit)" = 1 &&
	printf "init\nraw b\"Content-Len\"\nclose\n" >s &&
	lsp_run s out2 &&
	test "$(cat out2.exit)" = 1
'

test_expect_success 'a client that stops reading: the server ends when its output breaks' '
	cat >gone.sh <<-EOF &&
	{ "$NOTES" -C "$J" lsp 2>"$TRASH/gone.err"; echo \$? >"$TRASH/gone.rc"; } | head -c 10 >/dev/null
	EOF
	{
		echo "send {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}" &&
		for i in $(seq 2 300); do
			echo "request $i textDocument/hover $(at 14 62)" || return 1
		done &&
		echo "open $URI $W2 1"
	} >s &&
	python3 "$ROOT/tests/cli/lsp-client.py" s out -- sh gone.sh 2>out.err &&
	test_no_crash gone.err &&
	test "$(cat gone.rc)" = 1
'

test_done
