#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Whole-screen golden tests of the workbench's views (as tig's test/<view>/*-test): each
# NAME.keys is a key script (ui/script.h) run headless on a copy of seed 002 by
#   crossfoot --script NAME.keys --screen OUT --size COLSxROWS
# and the screen it leaves must equal NAME.screen, character for character. The script's first
# line says the size: "# size 100x30"; times (2026-12-01T08:00:00Z) compare as YYYY-MM-DDThh:mm:ssZ. UPDATE=1 writes the screens instead (make screens-update):
# look at the diff before committing it.
set -u
cd "$(dirname "$0")/../.."
bin=${CROSSFOOT:-build/san/crossfoot}
seed=tests/fixtures/seeds/002_b895455aa8998ba0.txt
work=$(mktemp -d "${TMPDIR:-/tmp}/cf-screens.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
for keys in tests/screens/*.keys; do
  name=$(basename "$keys" .keys)
  size=$(sed -n '1s/^# size \([0-9]*x[0-9]*\).*/\1/p' "$keys")
  if [ -z "$size" ]; then
    echo "FAIL $name: the first line must be '# size COLSxROWS'"
    fail=$((fail + 1))
    continue
  fi
  rm -rf "$work/run" && mkdir -p "$work/run"
  cp "$seed" "$work/run/report.txt"
  # the same screen on every machine: English, one terminal type, a fixed reviewer
  if ! (cd "$work/run" && env -u NO_COLOR LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
      "$OLDPWD/$bin" --lang en --reviewer 审核员 report.txt --script "$OLDPWD/$keys" \
      --screen "$work/$name.screen" --size "$size" 2>"$work/$name.err"); then
    echo "FAIL $name: crossfoot failed:"; cat "$work/$name.err"
    fail=$((fail + 1))
    continue
  fi
  # trailing blanks dropped (the goldens are text files that editors trim), and the time of a
  # change, which is now, written as a placeholder of the same width
  sed -i -e 's/ *$//' -e 's/20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z/YYYY-MM-DDThh:mm:ssZ/g' \
    "$work/$name.screen"
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$work/$name.screen" "tests/screens/$name.screen"
    echo "wrote tests/screens/$name.screen"
  elif diff -u "tests/screens/$name.screen" "$work/$name.screen" >"$work/$name.diff"; then
    pass=$((pass + 1))
  else
    echo "FAIL $name: the screen differs from tests/screens/$name.screen (make screens-update rewrites it):"
    cat "$work/$name.diff"
    fail=$((fail + 1))
  fi
done
[ "${UPDATE:-0}" = 1 ] && exit 0
echo "screens: $pass passed, $fail failed"
[ "$fail" = 0 ]
