#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests: each tests/e2e/test_*.py drives the real workbench ($CROSSFOOT, default the
# sanitised build/san/crossfoot) in its own private tmux server and checks what a person sees.
# One test alone: CROSSFOOT=build/san/crossfoot python3 tests/e2e/test_resize.py
# E2E_TIMEOUT (seconds, default 10) is how long a test waits for what it expects on screen.
set -u
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ left in the source tree
pass=0
fail=0

summary() {
  echo "e2e: $pass passed, $fail failed"
  [ "$fail" = 0 ]
}

if ! command -v tmux >/dev/null || ! command -v python3 >/dev/null; then
  echo "FAIL: tmux and python3 are needed (make deps installs them)"
  fail=1
  summary
  exit
fi

# Every test runs the same binary, even if the build directory is relinked meanwhile.
work=$(mktemp -d "${TMPDIR:-/tmp}/cf-e2e-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! cp "${CROSSFOOT:-build/san/crossfoot}" "$work/crossfoot"; then
  echo "FAIL: no binary to test (make build/san/crossfoot, or set CROSSFOOT)"
  fail=1
  summary
  exit
fi
# its message catalogs go beside it, where it looks for them
src_dir=$(dirname "${CROSSFOOT:-build/san/crossfoot}")
[ ! -d "$src_dir/locale" ] || cp -r "$src_dir/locale" "$work/locale"
export CROSSFOOT="$work/crossfoot"
# English unless a test asks for Chinese (the tests read the screen)
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
# A private socket folder: two checkouts running these tests at once must not share servers.
mkdir -p "$work/tmux"
export TMUX_TMPDIR="$work/tmux"

for t in tests/e2e/test_*.py; do
  start=$SECONDS
  if python3 "$t"; then
    pass=$((pass + 1))
    echo "ok   $(basename "$t") ($((SECONDS - start)) s)"
  else
    fail=$((fail + 1))
    echo "FAIL $(basename "$t") ($((SECONDS - start)) s)"
  fi
done

summary
