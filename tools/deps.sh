#!/bin/sh
# deps.sh - make sure the build (and, with arguments, test) dependencies are
# installed: install the missing Debian packages as root, otherwise print
# the exact command to run and fail.
# A locale name (ko_KR.UTF-8) among the arguments is generated when the
# system lacks it, as root; otherwise the command is printed.
# usage: tools/deps.sh [extra-debian-package|locale...]
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
need gettext command -v msgfmt
locales=""
for extra in "$@"; do
	case $extra in
	*_*.UTF-8)
		locales="$locales $extra"
		need locales test -e /usr/share/i18n/locales/"${extra%%.*}"
		need gettext command -v xgettext
		;;
	libclang-rt-14-dev) need "$extra" test -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ;;
	valgrind|hyperfine|jq|clang|git|python3|zsh|chromium) need "$extra" command -v "$extra" ;;
	procps) need "$extra" command -v pgrep ;;
	neovim) need "$extra" command -v nvim ;;
	strace) need "$extra" command -v strace ;;
	*) need "$extra" dpkg -s "$extra" ;;
	esac
done

# has_locale NAME: whether locale -a lists it (as ko_KR.utf8).
has_locale() {
	want=$(echo "$1" | sed 's/UTF-8$/utf8/')
	locale -a 2>/dev/null | grep -qx "$want"
}

# The locales after the packages: localedef comes with them.
gen_locales() {
	for l in $locales; do
		has_locale "$l" && continue
		if [ "$(id -u)" = 0 ]; then
			echo "notes: generating the locale $l" >&2
			localedef -i "${l%%.*}" -f UTF-8 "$l" >&2
		else
			echo "notes: missing locale $l" >&2
			echo "notes: generate it with: sudo localedef -i ${l%%.*} -f UTF-8 $l" >&2
			return 1
		fi
	done
}

if [ -z "$missing" ]; then
	gen_locales
	exit
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "notes: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >&2
	gen_locales
	exit
fi
echo "notes: missing build dependencies:$missing" >&2
echo "notes: install them with: sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
