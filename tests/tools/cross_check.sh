#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# cross_check.sh NATIVE_BINARY FOREIGN_DEB EMULATOR — run the binary packaged in FOREIGN_DEB
# under EMULATOR (qemu-aarch64) on every seed report and require exactly the JSON and the
# exit status the native binary gives: the same numbers on every machine a reviewer uses.
# Without the emulator the package is only built, and this says so.
set -euo pipefail
native=$1 deb=$2 emulator=$3
cd "$(dirname "$0")/../.."

if ! command -v "$emulator" >/dev/null; then
    echo "cross_check: $emulator is not installed (Debian package qemu-user): $deb was built but not run"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crossfoot-cross.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
foreign="$tmp/root/usr/bin/crossfoot"
file -b "$foreign" 2>/dev/null | sed 's/^/cross_check: packaged binary: /' || true

same=0 differ=0
for seed in tests/fixtures/seeds/*.txt; do
    status_native=0 status_foreign=0
    "$native" check --json "$seed" >"$tmp/native.json" 2>"$tmp/native.err" || status_native=$?
    "$emulator" "$foreign" check --json "$seed" >"$tmp/foreign.json" 2>"$tmp/foreign.err" || status_foreign=$?
    if [ -s "$tmp/native.json" ] && [ "$status_native" = "$status_foreign" ] && cmp -s "$tmp/native.json" "$tmp/foreign.json"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        echo "cross_check: $seed differs (exit $status_native here, $status_foreign under $emulator):" >&2
        diff "$tmp/native.json" "$tmp/foreign.json" | head -n 20 >&2 || true
        head -n 5 "$tmp/foreign.err" >&2
    fi
done
echo "cross_check: $same seed(s) give the same check --json under $emulator, $differ differ"
[ "$differ" = 0 ] && [ "$same" -gt 0 ]
