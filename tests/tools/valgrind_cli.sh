#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind_cli.sh BINARY — the command line's main paths under valgrind (an unsanitised build):
# check on two seeds, extract, apply with save, the workbench's edit path (headless --script),
# and an export in each format. Any invalid access, use of uninitialised memory or definite
# leak fails it. A few seconds each: this is CI's subset, not a sweep.
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg() {
    local status=0
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
      --log-file="$tmp/valgrind.log" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
    if [ "$status" = 99 ] || [ -s "$tmp/valgrind.log" ]; then
        echo "valgrind: crossfoot $*:" >&2; cat "$tmp/valgrind.log" >&2; exit 1
    fi
    echo "$status"
}
expect() { # expected-status command…
    local want=$1; shift
    local got; got=$(vg "$@")
    [ "$got" = "$want" ] || { echo "crossfoot $* exited $got, not $want: $(head -c 400 "$tmp/err")" >&2; exit 1; }
}
cp "$src/tests/fixtures/seeds/002_b895455aa8998ba0.txt" "$tmp/report.txt"
cd "$tmp"
# seed 002 has broken rules (exit 1); seed 001 is clean
expect 1 check report.txt
expect 0 check --json "$src/tests/fixtures/seeds/001_"*.txt
expect 0 extract report.txt --reviewer vg
printf 'set requests.results_total.natural 2 原件笔误\nnote requests.new.natural 待核实\nundo\nredo\nsave\n' >edits
expect 0 apply report.txt.review.yaml --reviewer vg <edits
grep -q '待核实' report.txt.review.yaml || { echo "apply under valgrind did not save the note" >&2; exit 1; }
printf '1g0\ne<C-u>7<Enter>\nj\ne<C-u>8<Enter>\n<C-s>\nq\n' >keys
expect 0 review report.txt.review.yaml --script keys --reviewer vg --size 100x30
for f in json csv md xlsx; do expect 0 export report.txt.review.yaml --format "$f" -o "out.$f"; done
[ -s out.xlsx ] || { echo "no XLSX written under valgrind" >&2; exit 1; }
echo "valgrind: check, extract, apply, the headless workbench and every export ran clean"
