#!/bin/sh
# report-screenshot.sh - the picture of notes report in the README: the
# example journal replayed into git, its team report at a fixed clock,
# photographed by headless Chromium (nothing fetched, a fresh profile).
# usage: tools/report-screenshot.sh NOTES_BINARY OUT.png   (make screenshot)
set -eu

[ $# -eq 2 ] || { echo "usage: tools/report-screenshot.sh NOTES_BINARY OUT.png" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
notes=$1
out=$2
browser=$(command -v chromium || command -v chromium-browser) ||
	{ echo "report-screenshot: chromium is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sh "$root/examples/replay.sh" "$notes" "$work/journal"
# the Monday after the example's last week, before its slots
TZ=UTC NOTES_NOW=2026-11-23T09:00 "$notes" -C "$work/journal" report --team -o "$work/team.html" >/dev/null
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
timeout -k 5 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--disable-extensions --hide-scrollbars --user-data-dir="$work/profile" \
	--window-size=1100,1500 --screenshot="$work/shot.png" "file://$work/team.html" \
	>/dev/null 2>"$work/chromium.err" </dev/null ||
	{ tail -n 5 "$work/chromium.err" >&2; exit 1; }
test -s "$work/shot.png" || { echo "report-screenshot: chromium wrote no picture" >&2; exit 1; }
cp "$work/shot.png" "$out.tmp" && mv -f "$out.tmp" "$out"
echo "wrote $out"
