# browser.sh - headless Chromium for the CLI tests, sourced after lib.sh:
# render a page as the browser sees it (--dump-dom) and take a screenshot.
# Every run gets a fresh profile and a time limit, and none reaches the
# network: the flags turn off what Chromium fetches on its own, which on a
# closed network makes it wait or fail.
#
#   browser_can_start            0 when Chromium renders a test page here;
#                                else 1 and the reason in BROWSER_WHY
#   browser_dump_dom FILE OUT    the DOM after parsing FILE, to OUT
#   browser_screenshot FILE PNG [WIDTH,HEIGHT]
#                                a PNG of FILE's first WIDTH x HEIGHT pixels

: "${BROWSER_TIMEOUT:=90}"
BROWSER_WHY=
BROWSER=${NOTES_TEST_CHROMIUM:-}
if [ -z "$BROWSER" ]; then
	for browser_try_ in chromium chromium-browser; do
		if command -v "$browser_try_" >/dev/null 2>&1; then
			BROWSER=$(command -v "$browser_try_")
			break
		fi
	done
fi

# browser_run_ ARGS...: Chromium with the flags, a new profile in the
# trash directory, its output in $TEST_META/browser.err, killed after
# BROWSER_TIMEOUT seconds.
browser_run_() {
	browser_profile_=$(mktemp -d "$TRASH/chromium.XXXXXX") &&
	timeout -k 5 "$BROWSER_TIMEOUT" "$BROWSER" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --disable-extensions \
		--hide-scrollbars --user-data-dir="$browser_profile_" "$@" \
		2>"$TEST_META/browser.err" </dev/null
}

# The absolute path of a path relative to the current directory.
browser_path_() {
	case $1 in
	/*) echo "$1" ;;
	*) echo "$(pwd)/$1" ;;
	esac
}

browser_url_() {
	echo "file://$(browser_path_ "$1")"
}

browser_dump_dom() {
	browser_run_ --dump-dom "$(browser_url_ "$1")" >"$2"
}

browser_screenshot() {
	rm -f "$2" &&
	browser_run_ --screenshot="$(browser_path_ "$2")" --window-size="${3:-1100,1400}" \
		"$(browser_url_ "$1")" >/dev/null &&
	test -s "$2"
}

browser_can_start() {
	if [ -z "$BROWSER" ]; then
		BROWSER_WHY="chromium is not installed (tools/deps.sh chromium)"
		return 1
	fi
	browser_probe_=$TRASH/browser-probe
	mkdir -p "$browser_probe_" &&
	printf '<!DOCTYPE html><title>probe</title><p id="probe">rendered</p>\n' \
		>"$browser_probe_/probe.html" || return 1
	browser_dump_dom "$browser_probe_/probe.html" "$browser_probe_/dom"
	browser_rc_=$?
	if [ "$browser_rc_" -ne 0 ] || ! grep -q '<p id="probe">rendered</p>' "$browser_probe_/dom"; then
		BROWSER_WHY="$BROWSER cannot start here (exit $browser_rc_)$(grep -v -e dbus \
			-e '^$' -e 'unexpected operator' "$TEST_META/browser.err" 2>/dev/null |
			tail -n 1 | sed 's/^/: /')"
		return 1
	fi
	return 0
}
