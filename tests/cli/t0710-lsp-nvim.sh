#!/bin/sh
# t0710-lsp-nvim.sh - a real client: Neovim's built-in LSP client starts
# notes lsp on a note of the journal (tests/cli/lsp-nvim.lua), gets the
# unreviewed diagnostic on its line, sees it go when the item is ticked in
# the buffer, and gets the people after @ and the goals after #.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/cli/lib-lsp.sh"

test_expect_success 'setup: a journal with two weeks of alice' '
	setup_journal
'

if command -v nvim >/dev/null 2>&1; then
	test_expect_success 'Neovim shows unreviewed on its line, drops it on a tick, completes @ and #' '
		cksum "$W2" >before &&
		OUT=$TRASH/nvim.out NOTE=$W2 J=$J NOTES=$NOTES \
			timeout 120 nvim --headless --clean -u NONE \
			-c "luafile $ROOT/tests/cli/lsp-nvim.lua" >nvim.stdout 2>nvim.err &&
		test_no_crash nvim.err &&
		for log in $(find "$HOME" -name lsp.log); do
			test_no_crash "$log" || return 1
		done &&
		cat >expect <<-\EOF &&
		unreviewed on line 16: - [ ] Call five churned users #conversion ^m2d7xe
		ticked: the unreviewed diagnostic is gone
		after @: alice kim
		after #: conversion infra
		EOF
		test_cmp expect nvim.out &&
		cksum "$W2" >after &&
		test_cmp before after
	'
else
	test_skip 'Neovim shows unreviewed on its line, drops it on a tick, completes @ and #' \
		'nvim is not installed (tools/deps.sh neovim)'
fi

test_done
