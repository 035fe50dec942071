# SPDX-License-Identifier: GPL-3.0-or-later
# text_input.sh — text that goes into a review (edits files, --reviewer, the config file, the
# workbench's key scripts): valid UTF-8 or refused, the encoding decided per source; apply lines of any length.
# Sourced by run.sh.

# a fresh review of seed 002 at $TMP/ti-NAME.txt.review.yaml
fresh_review() {
  cp "$S002" "$TMP/ti-$1.txt"
  timeout 60 "$CROSSFOOT" extract "$TMP/ti-$1.txt" --reviewer 张审核 >/dev/null 2>&1 || no "extract failed"
  REVIEW=$TMP/ti-$1.txt.review.yaml
}
# run apply on $REVIEW with stdin from FILE (a regular file) and ARGS
apply_file() {
  local file=$1
  shift
  timeout 60 "$CROSSFOOT" apply "$REVIEW" "$@" <"$file" >"$OUT" 2>"$ERR"
  rc=$?
  grep -qaE 'Sanitizer|runtime error:' "$ERR" && no "sanitizer report: $(head -c 800 "$ERR")"
}
# the review of $REVIEW as JSON on one line in $OUT, for `json`
review_json() {
  timeout 60 "$CROSSFOOT" export "$REVIEW" --format json >"$OUT" 2>"$ERR" || no "export failed: $(head -c 300 "$ERR")"
  python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$OUT" >"$OUT.1" &&
    mv "$OUT.1" "$OUT"
}

begin "apply: a line of 10,000 bytes is one line: its note is kept whole and no part of it runs as a command"
fresh_review long
python3 - "$TMP/ti-long.edits" <<'PY'
import sys
# the old reader cut at 4,095 bytes and ran the rest as a command of its own
note = "注" * 1363 + "x"  # 4,090 bytes, so that byte 4,095 starts the next text
open(sys.argv[1], "w").write(f"note requests.new.natural {note}set requests.new.total 99 {'长' * 2000}\nsave\n")
PY
apply_file "$TMP/ti-long.edits"
status 0
stdout_has "ok 1"
stdout_has "ok 2"
stdout_lacks "ok 3"
review_json
json 'd["cells"]["requests.new.total"] == 2' \
     'len(d["review"]["requests.new.natural"]["note"].encode()) == 4090 + len("set requests.new.total 99 ") + 6000'
end

begin "apply: an edits file saved in GBK is read as GB18030, every note stored as UTF-8"
fresh_review gbk
printf 'note requests.new.natural 原件第54行，已核对\nset requests.results_total.natural 2 按原件更正\nsave\n' |
  iconv -f UTF-8 -t GBK >"$TMP/ti-gbk.edits"
apply_file "$TMP/ti-gbk.edits"
status 0
stdout_has "ok 3"
review_json
json 'd["review"]["requests.new.natural"]["note"] == "原件第54行，已核对"' 'd["cells"]["requests.results_total.natural"] == 2'
# and the review saves again later (a GBK note used to make every later save fail)
printf 'note requests.new.total 再次保存\nsave\n' >"$TMP/ti-gbk2.edits"
apply_file "$TMP/ti-gbk2.edits"
status 0
stdout_has "ok 2"
end

begin "apply: an edits file that mixes UTF-8 and GBK lines is refused whole, naming the lines"
fresh_review mixed
{ printf 'note requests.new.natural 这一行是 UTF-8\n'; printf 'note requests.new.total 这一行是 GBK\n' | iconv -f UTF-8 -t GBK; printf 'save\n'; } >"$TMP/ti-mixed.edits"
apply_file "$TMP/ti-mixed.edits"
status 2
stderr_has "line 2"
stdout_lacks "ok 1"
review_json
json 'd["review"]["requests.new.natural"]["note"] == ""'
end

begin "apply: a note cut inside a character is refused with its line; the other lines are applied and saved"
fresh_review cut
printf 'note requests.new.total 整行完好\nnote requests.new.natural 截断的字\xe5\x9b\nsave\n' >"$TMP/ti-cut.edits"
apply_file "$TMP/ti-cut.edits"
status 2
stderr_has "line 2"
stderr_has "cut inside a character"
stdout_has "ok 1"
stdout_has "ok 3"
review_json
json 'd["review"]["requests.new.total"]["note"] == "整行完好"' 'd["review"]["requests.new.natural"]["note"] == ""'
end

begin "apply: a piped edits stream that turns from UTF-8 to GBK refuses the GBK line"
fresh_review stream
{ printf 'note requests.new.total 第一行\n'; printf 'note requests.new.natural 第二行\n' | iconv -f UTF-8 -t GBK; printf 'save\n'; } |
  timeout 60 "$CROSSFOOT" apply "$REVIEW" >"$OUT" 2>"$ERR"
rc=$?
status 2
stderr_has "line 2"
stdout_has "ok 1"
stdout_has "ok 3"
review_json
json 'd["review"]["requests.new.total"]["note"] == "第一行"' 'd["review"]["requests.new.natural"]["note"] == ""'
end

begin "--reviewer given in GBK is stored as UTF-8; bytes that are no encoding are refused"
fresh_review who
printf 'note requests.new.total 审核\nsave\n' >"$TMP/ti-who.edits"
apply_file "$TMP/ti-who.edits" --reviewer "$(printf '李复核' | iconv -f UTF-8 -t GBK)"
status 0
grep -q "who: 李复核" "$REVIEW" || no "the history does not name 李复核 in UTF-8"
apply_file "$TMP/ti-who.edits" --reviewer "$(printf '\xff\xfe\xfd')"
status 2
stderr_has "reviewer"
end

begin "the reviewer in a GBK config file is read as GB18030"
fresh_review config
mkdir -p "$TMP/ti-xdg/crossfoot"
printf 'reviewer: 王审核\n' | iconv -f UTF-8 -t GBK >"$TMP/ti-xdg/crossfoot/config"
printf 'note requests.new.total 审核\nsave\n' >"$TMP/ti-config.edits"
XDG_CONFIG_HOME=$TMP/ti-xdg apply_file "$TMP/ti-config.edits"
status 0
grep -q "who: 王审核" "$REVIEW" || no "the history does not name 王审核 in UTF-8"
end

begin "a config file that is neither UTF-8 nor GB18030, or cut inside a character, is refused naming it"
fresh_review badconfig
mkdir -p "$TMP/ti-badxdg/crossfoot"
before=$(cksum <"$REVIEW")
printf 'reviewer: \xff\xfe\xff\n' >"$TMP/ti-badxdg/crossfoot/config"
XDG_CONFIG_HOME=$TMP/ti-badxdg apply_file "$TMP/ti-config.edits"
status 2
stderr_has "config"
printf 'reviewer: 王审' >"$TMP/ti-badxdg/crossfoot/config"
printf '\xe6\xa0\n' >>"$TMP/ti-badxdg/crossfoot/config"
XDG_CONFIG_HOME=$TMP/ti-badxdg apply_file "$TMP/ti-config.edits"
status 2
stderr_has "cut inside a character"
[ "$(cksum <"$REVIEW")" = "$before" ] || no "a refused config file let the review change"
end

begin "--reviewer cut inside a character is refused by extract and the workbench too, before anything is written"
cp "$S002" "$TMP/ti-cutwho.txt"
timeout 60 "$CROSSFOOT" extract "$TMP/ti-cutwho.txt" --reviewer "$(printf '张\xe5\xae')" >"$OUT" 2>"$ERR"
rc=$?
status 2
stderr_has "reviewer"
[ ! -e "$TMP/ti-cutwho.txt.review.yaml" ] || no "extract wrote a review for a refused reviewer"
fresh_review cutwho2
before=$(cksum <"$REVIEW")
printf 'q\n' >"$TMP/ti-q.keys"
timeout 60 "$CROSSFOOT" review "$REVIEW" --script "$TMP/ti-q.keys" --reviewer "$(printf '张\xe5\xae')" >"$OUT" 2>"$ERR"
rc=$?
status 2
stderr_has "reviewer"
[ "$(cksum <"$REVIEW")" = "$before" ] && [ ! -e "$REVIEW.journal" ] || no "the workbench changed the review for a refused reviewer"
end

# the workbench driven by a key script: a note typed at its prompt (a, type, Enter), saved
workbench_note() {
  timeout 60 "$CROSSFOOT" review "$REVIEW" --script "$1" --reviewer 李复核 --size 100x30 >"$OUT" 2>"$ERR"
  rc=$?
  grep -qaE 'Sanitizer|runtime error:' "$ERR" && no "sanitizer report: $(head -c 800 "$ERR")"
}

begin "the workbench: a key script saved in GBK types its note as GB18030, stored as UTF-8"
fresh_review wbgbk
printf '1g0\na\n<C-u>原件此格有误\n<Enter>\n<C-s>\nq\n' | iconv -f UTF-8 -t GBK >"$TMP/ti-gbk.keys"
workbench_note "$TMP/ti-gbk.keys"
status 0
grep -q "note: 原件此格有误" "$REVIEW" || no "the note typed from a GBK script is not in the review as UTF-8"
python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$REVIEW" || no "the review is not UTF-8"
end

begin "the workbench: a key script cut inside a character, or mixing UTF-8 and GBK, is refused before any key"
fresh_review wbcut
before=$(cksum <"$REVIEW")
{ printf '1g0\na\n<C-u>原件'; printf '\xe6\x9c\n<Enter>\n<C-s>\nq\n'; } >"$TMP/ti-cut.keys"
workbench_note "$TMP/ti-cut.keys"
status 2
stderr_has "ti-cut.keys:3"
stderr_has "cut inside a character"
{ printf '1g0\na\n<C-u>这行是 UTF-8\n'; printf '这行是 GBK\n' | iconv -f UTF-8 -t GBK; printf '<Enter>\n<C-s>\nq\n'; } >"$TMP/ti-mixed.keys"
workbench_note "$TMP/ti-mixed.keys"
status 2
stderr_has "ti-mixed.keys:4"
printf '1g0\na\n\xff\xfe\xff\n<Enter>\n<C-s>\nq\n' >"$TMP/ti-junk.keys"
workbench_note "$TMP/ti-junk.keys"
status 2
stderr_has "neither UTF-8 nor GB18030"
[ "$(cksum <"$REVIEW")" = "$before" ] && [ ! -e "$REVIEW.journal" ] || no "a refused key script changed the review"
end
