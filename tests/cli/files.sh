# SPDX-License-Identifier: GPL-3.0-or-later
# files.sh — the review lock and files written as a careful Unix program writes them: a second
# writer waits, then is refused with who holds the review; extract never replaces a reviewed
# file; links, devices, FIFOs, the review itself as an output, modes, leftovers of a killed save.
# Sourced by run.sh.

F=$TMP/files
mkdir -p "$F"

# cf_in INPUT ARGS...: cf with INPUT (a string) on stdin
cf_in() {
  local input=$1
  shift
  timeout -k 5 "${CF_TIMEOUT:-120}" "$CROSSFOOT" "$@" >"$OUT" 2>"$ERR" <<<"$input"
  rc=$?
  if [ "$rc" -gt 2 ]; then
    no "crossfoot $* crashed or hung (exit status $rc): $(head -c 1500 "$ERR")"
  elif grep -qaE 'Sanitizer|runtime error:' "$ERR"; then
    no "crossfoot $* sanitizer report: $(head -c 1500 "$ERR")"
  fi
}
# fresh NAME: a folder $F/NAME holding report.txt (seed 000) and its review, extracted
fresh() {
  rm -rf "${F:?}/$1"
  mkdir -p "$F/$1"
  cp "$S000" "$F/$1/report.txt"
  "$CROSSFOOT" extract "$F/$1/report.txt" --reviewer 测试 >/dev/null 2>&1 || no "extract failed in $1"
  R=$F/$1/report.txt.review.yaml
}
# value_of REVIEW CELL: the cell's value in the review's JSON export
value_of() {
  "$CROSSFOOT" export "$1" --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["cells"].get(sys.argv[1]))' "$2"
}
# hold REVIEW: an apply that holds REVIEW's lock until release is called (it waits on its stdin)
hold() {
  mkfifo "$F/hold.in"
  "$CROSSFOOT" apply "$1" --reviewer 占用者 <"$F/hold.in" >"$F/hold.out" 2>&1 &
  HOLDER=$!
  exec 7>"$F/hold.in"
  for _ in $(seq 100); do [ -e "$1.lock" ] && grep -q "apply by 占用者" "$1.lock" 2>/dev/null && break; sleep 0.1; done
}
release() {
  exec 7>&-
  wait "$HOLDER"
  rm -f "$F/hold.in"
}

# --- the lock ---

begin "a second apply while the review is being edited waits, then is refused with who holds it and since when"
fresh lock
hold "$R"
started=$(date +%s)
cf_in "set requests.new.natural 5" apply "$R"
status 2
[ $(($(date +%s) - started)) -ge 4 ] || no "the second apply did not wait for the lock"
stderr_has "this review is being edited by another crossfoot (apply by 占用者, pid $HOLDER, since 20"
stdout_lacks "ok 1"
release
[ "$(value_of "$R" requests.new.natural)" != 5 ] || no "the refused edit is in the review"
[ ! -e "$R.lock" ] || no "the lock file is left behind after the holder quit"
end

begin "a second apply that comes while the first finishes waits for it, and both edits are kept"
fresh wait
hold "$R"
printf 'set requests.new.natural 7\nsave\n' >&7
printf 'set requests.new.business 8\nsave\n' | "$CROSSFOOT" apply "$R" >"$F/second.out" 2>&1 7>&- &
second=$!
sleep 0.3
release
wait "$second" || no "the second apply was refused: $(cat "$F/second.out")"
grep -q "ok 1" "$F/second.out" || no "the second apply did not acknowledge its edit"
[ "$(value_of "$R" requests.new.natural)" = 7 ] || no "the first writer's edit was lost"
[ "$(value_of "$R" requests.new.business)" = 8 ] || no "the second writer's edit was lost"
end

begin "a lock file that is a symbolic link is never followed"
fresh locklink
echo "keep me" >"$F/locklink/victim"
ln -s "$F/locklink/victim" "$R.lock"
cf_in "set requests.new.natural 5" apply "$R"
status 2
stderr_has "the lock file is a symbolic link"
[ "$(cat "$F/locklink/victim")" = "keep me" ] || no "the link's target was written"
end

begin "a journal that is a symbolic link is never written through"
fresh journallink
echo "keep me" >"$F/journallink/victim"
ln -s "$F/journallink/victim" "$R.journal"
cf_in "set requests.new.natural 5" apply "$R"
status 2
stderr_has "it is a symbolic link"
stdout_lacks "ok 1"
[ "$(cat "$F/journallink/victim")" = "keep me" ] || no "the link's target was written"
end

# --- extract over a review ---

begin "extract never replaces a review with history; --force keeps the old one and its journal beside it"
fresh extract
cf_in "$(printf 'set requests.new.natural 5 补录\nsave\nset requests.new.business 6')" apply "$R"
status 0
cf extract "$F/extract/report.txt"
status 2
stderr_has "already holds a review with its history of corrections"
stderr_has "--force"
[ "$(value_of "$R" requests.new.natural)" = 5 ] || no "extract replaced the reviewed file"
[ -s "$R.journal" ] || no "extract removed the unsaved journal"
cf extract --force "$F/extract/report.txt"
status 0
stderr_has "the old review is kept as $R.replaced-"
stderr_has "the old journal is kept as $R.journal.replaced-"
old=$(ls "$R".replaced-* 2>/dev/null | head -1)
[ -n "$old" ] && grep -q "补录" "$old" || no "the old review was not kept beside the new one"
ls "$R".journal.replaced-* >/dev/null 2>&1 || no "the unsaved journal was not kept"
[ "$(value_of "$R" requests.new.natural)" != 5 ] || no "--force did not start over"
end

begin "extract over a review without history replaces it; onto the report itself it is refused"
fresh reextract
cf extract "$F/reextract/report.txt"
status 0
cp "$F/reextract/report.txt" "$F/reextract/before"
cf extract "$F/reextract/report.txt" -o "$F/reextract/report.txt"
status 2
stderr_has "is the report itself"
cmp -s "$F/reextract/report.txt" "$F/reextract/before" || no "the report was overwritten"
end

# --- outputs ---

begin "export onto the review or the report is refused; '-' and /dev/stdout are the output stream"
fresh export
cp "$R" "$F/export/before"
cf export "$R" --format csv -o "$R"
status 2
stderr_has "is the review file itself"
cmp -s "$R" "$F/export/before" || no "the review was overwritten by its export"
cf export "$R" --format md -o "$F/export/report.txt"
status 2
stderr_has "is the report itself"
cf export "$R" --format json -o -
status 0
stdout_has '"cells"'
cf export "$R" --format json -o /dev/stdout
status 0
stdout_has '"cells"'
[ ! -e "$F/export/-" ] || no "'-' was written as a file"
end

begin "an output that is a folder, a FIFO or a device is refused, never waited on or replaced"
fresh outputs
mkdir "$F/outputs/dir.csv"
cf export "$R" --format csv -o "$F/outputs/dir.csv"
status 2
stderr_has "it is a folder; crossfoot replaces only regular files"
mkfifo "$F/outputs/pipe.csv"
CF_TIMEOUT=15 cf export "$R" --format csv -o "$F/outputs/pipe.csv"
status 2
stderr_has "it is a named pipe (FIFO)"
[ -p "$F/outputs/pipe.csv" ] || no "the FIFO was replaced"
if [ "$(id -u)" = 0 ]; then
  mknod "$F/outputs/null.csv" c 1 3
  cf export "$R" --format xlsx -o "$F/outputs/null.csv"
  status 2
  stderr_has "it is a device"
  [ -c "$F/outputs/null.csv" ] || no "the device node was replaced"
fi
[ -z "$(ls "$F/outputs" | grep -F .tmp.)" ] || no "temporaries left behind: $(ls "$F/outputs")"
end

begin "an export reached through a link is written at its target; the link stays; nothing is left over"
fresh xlsxlink
mkdir "$F/xlsxlink/real"
echo old >"$F/xlsxlink/real/book.xlsx"
ln -s real/book.xlsx "$F/xlsxlink/book.xlsx"
cf export "$R" --format xlsx -o "$F/xlsxlink/book.xlsx"
status 0
[ -L "$F/xlsxlink/book.xlsx" ] || no "the link was replaced by a file"
unzip -l "$F/xlsxlink/real/book.xlsx" 2>/dev/null | grep -q "xl/workbook.xml" || no "the link's target is not the workbook"
[ -z "$(ls "$F/xlsxlink" "$F/xlsxlink/real" | grep -F .tmp.)" ] || no "temporaries left behind"
end

# --- the review file itself ---

begin "a 0600 review stays 0600 after a save; one reached by a link is saved at its target, lock and journal beside it"
fresh modes
chmod 600 "$R"
cf_in "$(printf 'set requests.new.natural 5\nsave')" apply "$R"
status 0
[ "$(stat -c %a "$R")" = 600 ] || no "the save made the review $(stat -c %a "$R")"
mkdir "$F/modes/elsewhere"
ln -s "$R" "$F/modes/elsewhere/link.yaml"
cf_in "$(printf 'set requests.new.business 6\nsave\nset requests.new.research 7')" apply "$F/modes/elsewhere/link.yaml"
status 0
[ -L "$F/modes/elsewhere/link.yaml" ] || no "the link was replaced by a regular file"
[ "$(value_of "$R" requests.new.business)" = 6 ] || no "the save did not reach the link's target"
[ -s "$R.journal" ] || no "the journal is not beside the target"
[ ! -e "$F/modes/elsewhere/link.yaml.journal" ] || no "a journal was written beside the link"
end

begin "temporaries left by a killed save are removed by the next save; a live one is left alone"
fresh leftovers
echo torn >"$R.tmp.999999999.0"
echo live >"$R.tmp.$$.0"
cf_in "$(printf 'set requests.new.natural 5\nsave')" apply "$R"
status 0
[ ! -e "$R.tmp.999999999.0" ] || no "the dead save's temporary is still there"
[ -e "$R.tmp.$$.0" ] || no "a live process's temporary was removed"
rm -f "$R.tmp.$$.0"
end

# --- reads that must not block ---

begin "a FIFO where a file is expected is refused at once: export, apply, --previous, --template, the config file"
fresh fifos
mkfifo "$F/fifos/pipe.yaml" "$F/fifos/pipe.txt"
CF_TIMEOUT=15 cf export "$F/fifos/pipe.yaml" --format json
status 2
stderr_has "it is a named pipe (FIFO), not a regular file"
CF_TIMEOUT=15 cf_in "save" apply "$F/fifos/pipe.yaml"
status 2
stderr_has "it is a named pipe (FIFO), not a regular file"
CF_TIMEOUT=15 cf check --previous "$F/fifos/pipe.txt" "$S000"
status 2
stderr_has "it is a named pipe (FIFO), not a regular file"
CF_TIMEOUT=15 cf check --template "$F/fifos/pipe.yaml" "$S000"
status 2
stderr_has "it is a named pipe (FIFO), not a regular file"
mkdir -p "$F/fifos/config/crossfoot"
mkfifo "$F/fifos/config/crossfoot/config"
XDG_CONFIG_HOME=$F/fifos/config CF_TIMEOUT=15 cf extract --force "$F/fifos/report.txt"
status 0
end

begin "a device or a folder where a file is expected is refused at once: report, review, edits, key script, template"
fresh devices
mkdir -p "$F/devices/folder.txt"
CF_TIMEOUT=15 cf check /dev/zero
status 2
stderr_has "it is a device"
CF_TIMEOUT=15 cf check "$F/devices/folder.txt"
status 2
CF_TIMEOUT=15 cf export /dev/zero --format json
status 2
stderr_has "it is a device"
CF_TIMEOUT=15 cf_in "save" apply /dev/zero
status 2
CF_TIMEOUT=15 cf review "$R" --script /dev/zero
status 2
stderr_has "it is a device"
CF_TIMEOUT=15 cf check --template /dev/zero "$S000"
status 2
stderr_has "it is a device"
end

begin "YAML nested 100,000 deep (a review, a template) is refused at once with its line (themes: tests/unit/test_theme.c)"
fresh nested
python3 -c 'import sys; open(sys.argv[1], "w").write("crossfoot_review: 4\nreport: " + "[" * 100000 + "]" * 100000 + "\n")' "$F/nested/deep.yaml"
CF_TIMEOUT=15 cf export "$F/nested/deep.yaml" --format json
status 2
stderr_has "deep.yaml:2"
stderr_has "nested more than 64 levels deep"
CF_TIMEOUT=15 cf check --template "$F/nested/deep.yaml" "$S000"
status 2
stderr_has "nested more than 64 levels deep"
end

begin "--size is bounded: a huge headless screen is refused, not a crash"
fresh size
printf 'q\n' >"$F/size/keys"
cf review "$F/size/report.txt" --script "$F/size/keys" --size 100000x100000
status 2
stderr_has "--size takes COLSxROWS, each from 1 to 1000"
cf review "$F/size/report.txt" --script "$F/size/keys" --size 0x40
status 2
cf review "$F/size/report.txt" --script "$F/size/keys" --size 300x100 --screen "$F/size/screen"
status 0
[ "$(wc -l <"$F/size/screen")" = 100 ] || no "the screen is not 100 rows"
end

# --- what reaches the terminal ---

begin "messages that echo a file name, a lock's holder or a line of input show escape sequences, never send them"
mkdir -p "$F/esc"
evil="$F/esc/$(printf 'rep\033]0;owned\007ort\342\200\256.txt')"
cp "$S000" "$evil"
cf extract "$evil" --reviewer "$(printf 'x\033[2Jy')"
status 0
no_control_chars
stderr_has '\x1B]0;owned\x07ort\u202E.txt'
cf_in "$(printf 'set requests.new.natural\033[2J 5')" apply "$evil.review.yaml"
status 2
no_control_chars
stderr_has 'requests.new.natural\x1B[2J'
cf export "$evil.review.yaml" --format md -o "$evil.review.yaml"
status 2
no_control_chars
cf apply "$(printf '\033]52;c;ZXZpbA==\007')"
status 2
no_control_chars
cf "$(printf -- '--\033[31mred')"
status 2
no_control_chars
end
