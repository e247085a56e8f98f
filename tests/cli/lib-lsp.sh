# lib-lsp.sh - what the notes lsp tests share (sourced after lib.sh): a
# two-week journal of alice, and helpers that play a transcript with
# tests/cli/lsp-client.py and read its messages with jq.

# under valgrind a 16 MiB note takes a while to check
if [ -n "$NOTES_WRAPPER" ]; then
	export LSP_CLIENT_TIMEOUT=${LSP_CLIENT_TIMEOUT:-600}
fi

J=$TRASH/j
W1=$J/alice/2026-11-23.md
W2=$J/alice/2026-11-30.md
URI=file://$W2

# lsp_run SCRIPT OUT [OPTION...]: play SCRIPT against notes lsp started in
# the journal (or in $LSP_DIR); its messages in OUT, its exit status in OUT.exit, the
# client's and the server's stderr in OUT.err (no sanitizer report).
lsp_run() {
	lsp_script_=$1 lsp_out_=$2
	shift 2
	# shellcheck disable=SC2086
	python3 "$ROOT/tests/cli/lsp-client.py" "$lsp_script_" "$lsp_out_" -- \
		$NOTES_WRAPPER "$NOTES" -C "${LSP_DIR:-$J}" lsp "$@" 2>"$lsp_out_.err" &&
	test_no_crash "$lsp_out_.err"
}

# last_diags OUT: the last diagnostics published, as notes check prints
# problems: "line:character: severity: message [code]" (1-based).
last_diags() {
	jq -rs '[.[] | select(.method == "textDocument/publishDiagnostics")] | last
		| .params.diagnostics[]
		| "\(.range.start.line + 1):\(.range.start.character + 1): \(if .severity == 1
			then "error" else "warning" end): \(.message) [\(.code)]"' "$1"
}

# versions OUT: the versions of every diagnostics published, on one line.
versions() {
	jq -rs '[.[] | select(.method == "textDocument/publishDiagnostics")
		| .params.version | tostring] | join(" ")' "$1"
}

# answer OUT ID: the answer to request ID, compact.
answer() {
	jq -c --argjson id "$2" 'select(.id == $id)' "$1"
}

# labels OUT ID: the labels of the completion items answering ID.
labels() {
	jq -r --argjson id "$2" 'select(.id == $id) | .result.items[].label' "$1"
}

# at LINE CHAR: a textDocument/positional params object on the note.
at() {
	echo "{\"textDocument\":{\"uri\":\"$URI\"},\"position\":{\"line\":$1,\"character\":$2}}"
}

write_week1() {
	cat <<-\EOF
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---

	# 1:1 — Alice Park — 2026-11-23

	Purpose: get the new payment page in front of real users.

	## Goals
	- #conversion Raise checkout conversion from 2.1% to 3%

	## What is blocking you right now?
	- Staging deploys take 3 hours #infra
	  - kind: environment
	  - scope: structural
	  - impact: one experiment a day instead of three

	## What should I help with within 48 hours?
	- [ ] Ask the platform team for a dedicated staging slot ^p8w2rt
	  - how: connect

	## What will you focus on for the next 5 days?
	- [ ] Ship the A/B test for the new payment page #conversion ^k3f9qa
	  - metric: test live at 10% of traffic by Thursday
	  - fallback: ship it behind a flag to staff only
	- [ ] Call five churned users #conversion ^m2d7xe
	  - metric: calls made

	## Feedback
	- Your funnel breakdown made the problem obvious in two minutes; lead with it next time.
	EOF
}

# Week 2: line 16 (0-based 15) is the one unreviewed item, ^m2d7xe.
write_week2() {
	cat <<-\EOF
	---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---

	# 1:1 — Alice Park — 2026-11-30

	Purpose: read the first week of the test.

	## Goals
	- #conversion Raise checkout conversion from 2.1% to 3%

	## How did last week's commitments go?
	- [x] Ship the A/B test for the new payment page #conversion ^k3f9qa
	- [ ] Call five churned users #conversion ^m2d7xe
	- [x] Ask the platform team for a dedicated staging slot ^p8w2rt

	## What is blocking you right now?
	- Staging is shared with the payments team
	  - kind: environment
	  - impact: one deploy a day
	## What should I help with within 48 hours?
	- [ ] Introduce Alice to the data team
	  - how: connect

	## What will you focus on for the next 5 days?
	- [ ] Read one full week of the test #conversion
	  - metric: conversion at 10%

	## Feedback
	- The test plan was clear; next time add the sample size.
	EOF
}

# setup_journal: j/ with alice's notes of 2026-11-23 and 2026-11-30.
setup_journal() {
	export NOTES_NOW=2026-11-30T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com >setup.out 2>&1 &&
	notes -C j person add alice --name "Alice Park" --email alice@example.com \
		--slot "mon 10:00" >setup.out 2>&1 &&
	mkdir -p j/alice &&
	write_week1 >"$W1" &&
	write_week2 >"$W2"
}
