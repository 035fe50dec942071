#!/usr/bin/env bash
# Command-line tests: run the real binary ($CROSSFOOT) as a user would and check what it prints and returns.
set -u
cd "$(dirname "$0")/../.."
CROSSFOOT=${CROSSFOOT:-build/crossfoot}
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# The seed reports: every cell, verdict and flagged cell as the truth files say.
if python3 tests/tools/score.py "$CROSSFOOT" tests/fixtures/seeds >/tmp/crossfoot-score.$$ 2>&1; then ok; else
  bad "seed reports do not match their expected values"; cat /tmp/crossfoot-score.$$; fi
rm -f /tmp/crossfoot-score.$$

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
