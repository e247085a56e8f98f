#!/bin/sh
# deps.sh - make sure the build (and, with arguments, test) dependencies are
# installed: install the missing Debian packages as root, otherwise print
# the exact command to run and fail.
# usage: tools/deps.sh [extra-debian-package...]
set -e

missing=""
need() { # need PACKAGE TEST-COMMAND...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}

need pkg-config command -v pkg-config
need libcmark-dev pkg-config --exists libcmark
need cmark command -v cmark
need libgit2-dev pkg-config --exists libgit2
need libpcre2-dev pkg-config --exists libpcre2-8
need libjansson-dev pkg-config --exists jansson
need libical-dev pkg-config --exists libical
need libutf8proc-dev pkg-config --exists libutf8proc
for extra in "$@"; do
	case $extra in
	libclang-rt-14-dev) need "$extra" test -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ;;
	valgrind|hyperfine|jq|clang|git|python3|zsh|chromium) need "$extra" command -v "$extra" ;;
	procps) need "$extra" command -v pgrep ;;
	neovim) need "$extra" command -v nvim ;;
	strace) need "$extra" command -v strace ;;
	*) need "$extra" dpkg -s "$extra" ;;
	esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "notes: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >&2
	exit 0
fi
echo "notes: missing build dependencies:$missing" >&2
echo "notes: install them with: sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
