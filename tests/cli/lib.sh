# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh — helpers for the command-line tests; sourced by run.sh, which sets CROSSFOOT and TMP.
#
# A test is:   begin "what a user does"; cf ARGS...; status 1; stderr_has "…"; …; end
# Every assertion that fails prints why and marks the test failed; end counts it once.
# cf also fails the test when the binary crashes: a status above 2 (a signal, a sanitizer
# abort, a timeout) or a sanitizer report on stderr, whatever the test itself expects.

SEEDS=tests/fixtures/seeds
S000=$SEEDS/000_b0a3a3717f6cc721.txt # gov-2021, balanced
S001=$SEEDS/001_fc0e04f6e45ee7b3.txt # gov-2021, balanced, a 万元 amount
S002=$SEEDS/002_b895455aa8998ba0.txt # gov-2019, 4 broken rules, 行政复议 blank
S003=$SEEDS/003_ef1786e90cacf8b3.txt # gov-2021, balanced, one cell a line
S004=$SEEDS/004_ff7ba18170778dc6.txt # gov-2019, balanced, pipes; 诉讼·直接起诉 other 1 + pending 1 = total 2
truth() { echo "${1%.txt}.expected.json"; }

OUT=$TMP/stdout
ERR=$TMP/stderr
rc=0
t_name=
t_ok=1

begin() { t_name=$1; t_ok=1; }
no() {
  t_ok=0
  echo "FAIL [$t_name]: $*"
}
end() {
  if [ "$t_ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

# cf ARGS...: run crossfoot with stdout in $OUT, stderr in $ERR and the exit status in $rc.
# It is stopped after $CF_TIMEOUT seconds (120 unless set): a hang fails, never blocks the suite.
cf() {
  timeout -k 5 "${CF_TIMEOUT:-120}" "$CROSSFOOT" "$@" >"$OUT" 2>"$ERR" </dev/null
  rc=$?
  if [ "$rc" -gt 2 ]; then
    no "crossfoot $* crashed or hung (exit status $rc): $(head -c 1500 "$ERR")"
  elif grep -qaE 'Sanitizer|runtime error:' "$ERR"; then
    no "crossfoot $*: sanitizer report: $(head -c 1500 "$ERR")"
  fi
}

status() { [ "$rc" = "$1" ] || no "exit status $rc, expected $1; stderr: $(head -c 300 "$ERR")"; }
stderr_has() { grep -qaF -- "$1" "$ERR" || no "stderr lacks '$1'; it is: $(head -c 500 "$ERR")"; }
stdout_has() { grep -qaF -- "$1" "$OUT" || no "stdout lacks '$1'; it begins: $(head -c 500 "$OUT")"; }
stdout_lacks() { ! grep -qaF -- "$1" "$OUT" || no "stdout has '$1'"; }
stderr_empty() { [ ! -s "$ERR" ] || no "stderr is not empty: $(head -c 300 "$ERR")"; }
stdout_empty() { [ ! -s "$OUT" ] || no "stdout is not empty: $(head -c 300 "$OUT")"; }
# no raw ESC (or other C0 control but tab and newline, DEL, or a C1 control in UTF-8) reaches the terminal
no_control_chars() {
  local pat='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]'
  if LC_ALL=C grep -qaP "$pat" "$OUT" "$ERR"; then
    no "a control character reaches the terminal: $(LC_ALL=C grep -aP "$pat" "$OUT" "$ERR" | head -2 | cat -v)"
  fi
}
# line N of stdout (1-based) where the first line holding TEXT is, or 0
line_of() { grep -naF -- "$1" "$OUT" | head -1 | cut -d: -f1 | grep . || echo 0; }
# json EXPR [NAME=FILE...]: every stdout line parses as a JSON object and EXPR holds (see jsonq.py)
json() {
  local why
  why=$(python3 tests/cli/jsonq.py "$OUT" "$@" 2>&1) || no "JSON: $why"
}
