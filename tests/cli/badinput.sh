# SPDX-License-Identifier: GPL-3.0-or-later
# badinput.sh — bad and odd input, generated here into $TMP: what a reviewer gets when the file
# is not what it should be. Each case says the exit status and the message a user sees; none
# may crash (lib.sh's cf fails a test on a status above 2 or a sanitizer report).
# Sourced by run.sh.

D=$TMP/in
mkdir -p "$D"

# unreadable NAME FILE MESSAGE [LINE]: exit 2, "crossfoot: FILE[:LINE]: …MESSAGE…" on stderr and
# nothing on stdout; with --json one record: the file and an error holding MESSAGE, nothing else.
unreadable() {
  local file=$2 msg=$3 line=${4:-}
  begin "$1: exit 2, '$msg'"
  cf check "$file"
  status 2
  stdout_empty
  stderr_has "crossfoot: $file${line:+:$line}:"
  stderr_has "$msg"
  cf check --json "$file"
  status 2
  CF_FILE=$file CF_MSG=$msg json 'len(r) == 1 and d["file"] == env["CF_FILE"] and env["CF_MSG"] in d["error"] and set(d) <= {"file", "error", "line"}'
  end
}

# readable NAME FILE SEED STATUS ENCODING: the same cells as the UTF-8 seed (its truth file),
# the same exit status, and the encoding named in the heading and the JSON.
readable() {
  local file=$2 seed=$3 st=$4 enc=$5
  begin "$1: same cells as the seed, exit $st, read as $enc"
  cf check --json "$file"
  status "$st"
  CF_ENC=$enc json 'len(r) == 1 and "error" not in d and d["cells"] == T["cells"] and d["template"] == T["template"] and d["encoding"] == env["CF_ENC"]' T="$(truth "$seed")"
  cf check "$file"
  status "$st"
  stdout_has "$file: 20"
  stdout_has "年版格式, $enc"
  end
}

# --- files that are not reports ---
unreadable "a file that does not exist" "$D/nope.txt" "cannot open the report: No such file or directory"
mkdir "$D/folder.txt"
unreadable "a directory" "$D/folder.txt" "not a regular file"
mkfifo "$D/fifo.txt"
CF_TIMEOUT=15 unreadable "a FIFO (must not wait for a writer)" "$D/fifo.txt" "not a regular file"
: >"$D/empty.txt"
unreadable "an empty file" "$D/empty.txt" "empty file"
printf ' \t\n\r\n   \n\f\n' >"$D/blank.txt"
unreadable "whitespace only" "$D/blank.txt" "empty file"
printf '\xef\xbb\xbf \n' >"$D/bom-only.txt"
unreadable "a UTF-8 byte-order mark and nothing else" "$D/bom-only.txt" "empty file"
printf '政府信息公开\nabc\0def\n' >"$D/nul.bin"
unreadable "binary with NUL bytes" "$D/nul.bin" "binary file (NUL byte at offset 22)" 2
python3 -c 'import random, sys; random.seed(20261122); sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(65536)))' >"$D/random.bin"
unreadable "random bytes" "$D/random.bin" "binary file"
python3 -c 'import random, sys; random.seed(11); sys.stdout.buffer.write(bytes(random.randrange(1, 256) for _ in range(65536)))' >"$D/random-nonul.bin"
unreadable "random bytes without a NUL" "$D/random-nonul.bin" "text is neither UTF-8 nor GB18030/GBK"
printf 'Rapport annuel sur la publicité: café, crème brûlée, naïve résumé.\n' | iconv -f UTF-8 -t LATIN1 >"$D/latin1.txt"
unreadable "Latin-1 text" "$D/latin1.txt" "text is neither UTF-8 nor GB18030/GBK (invalid byte 0xE9 at offset 30)" 1
printf '本日は晴天なり。\n私たちは東京で会議を開き、情報公開について話し合いました。\n' | iconv -f UTF-8 -t SHIFT-JIS >"$D/sjis.txt"
unreadable "Shift-JIS text" "$D/sjis.txt" "text is not in a Chinese encoding"
printf 'Annual report\n1. Requests received: 12\n2. Requests answered: 12\n' >"$D/english.txt"
unreadable "English text" "$D/english.txt" "no Chinese text"
{ printf '2019年政府信息公开工作年度报告\n\n'; sed -n '9,25p' "$S002"; } >"$D/prose.txt"
unreadable "a report's prose with no tables" "$D/prose.txt" "no statistical tables"
printf '本日は晴天なり。私たちは東京で会議を開きました。\n' >"$D/japanese-utf8.txt"
unreadable "Japanese in UTF-8" "$D/japanese-utf8.txt" "no statistical tables"

# --- the same report in other encodings and line ends ---
iconv -f UTF-8 -t GB18030 "$S002" >"$D/gb18030-002.txt"
readable "seed 002 in GB18030" "$D/gb18030-002.txt" "$S002" 1 GB18030
iconv -f UTF-8 -t GB18030 "$S000" >"$D/gb18030-000.txt"
readable "seed 000 in GB18030" "$D/gb18030-000.txt" "$S000" 0 GB18030
iconv -f UTF-8 -t GBK "$S001" >"$D/gbk-001.txt"
readable "seed 001 in GBK" "$D/gbk-001.txt" "$S001" 0 GB18030
{ printf '\xef\xbb\xbf'; cat "$S002"; } >"$D/bom-002.txt"
readable "seed 002 with a UTF-8 BOM" "$D/bom-002.txt" "$S002" 1 "UTF-8 (BOM)"
sed 's/$/\r/' "$S002" >"$D/crlf-002.txt"
readable "seed 002 with CRLF line ends" "$D/crlf-002.txt" "$S002" 1 UTF-8
tr '\n' '\r' <"$S004" >"$D/cr-004.txt"
readable "seed 004 with CR line ends (old Mac)" "$D/cr-004.txt" "$S004" 0 UTF-8
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$S002"; } >"$D/utf16le-002.txt"
readable "seed 002 in UTF-16LE with BOM" "$D/utf16le-002.txt" "$S002" 1 UTF-16LE
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$S000"; } >"$D/utf16be-000.txt"
readable "seed 000 in UTF-16BE with BOM" "$D/utf16be-000.txt" "$S000" 0 UTF-16BE
iconv -f UTF-8 -t UTF-16LE "$S003" >"$D/utf16le-nobom-003.txt"
readable "seed 003 in UTF-16LE without BOM" "$D/utf16le-nobom-003.txt" "$S003" 0 "UTF-16LE (no BOM)"

begin "CRLF: the cells keep the seed's line numbers"
cf check --json "$S002"
cp "$OUT" "$TMP/seed002.json"
cf check --json "$D/crlf-002.txt"
json '{k: (v.get("line"), v.get("column")) for k, v in d["sources"].items()} == {k: (v.get("line"), v.get("column")) for k, v in S["sources"].items()}' S="$TMP/seed002.json"
cf check "$D/crlf-002.txt"
stdout_has "  broken   items 一 plus 二 equal items 三 plus 四 (自然人, lines 54, 55, 78, 79)"
end

{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$S002"; printf 'x'; } >"$D/utf16-odd.txt"
unreadable "UTF-16 cut in the middle of a character" "$D/utf16-odd.txt" "cannot decode the text as UTF-16LE" "$(($(wc -l <"$S002") + 1))"
{ printf '\xff\xfe'; sed -n '1,29p' "$S002" | iconv -f UTF-8 -t UTF-16LE; printf '\x00\xd8A\x00'; sed -n '30,$p' "$S002" | iconv -f UTF-8 -t UTF-16LE; } >"$D/utf16-surrogate.txt"
unreadable "UTF-16 with a lone surrogate on line 30" "$D/utf16-surrogate.txt" "cannot decode the text as UTF-16LE" 30
{ printf '\xff\xfe'; sed -n '1,39p' "$S002" | iconv -f UTF-8 -t UTF-16LE; printf '\x00\x00'; sed -n '40,$p' "$S002" | iconv -f UTF-8 -t UTF-16LE; } >"$D/utf16-nul.txt"
unreadable "UTF-16 holding a NUL character on line 40" "$D/utf16-nul.txt" "binary file" 40

# --- damaged reports ---
half=$(($(wc -c <"$S002") / 2))
nul_line=$(($(head -c "$half" "$S002" | wc -l) + 1))
{ head -c "$half" "$S002"; printf '\0'; tail -c "+$((half + 1))" "$S002"; } >"$D/nul-002.txt"
unreadable "a NUL in the middle of seed 002 (line $nul_line)" "$D/nul-002.txt" "binary file (NUL byte at offset $half)" "$nul_line"

begin "a report with parts 二 and 三 only: part 四's cells null, a warning names it, exit 1"
sed '/^四、政府信息公开行政复议/,$d' "$S002" >"$D/no-part4.txt"
cf check --json "$D/no-part4.txt"
status 1
json 'all(v is None for k, v in d["cells"].items() if k.startswith("appeals."))' \
  'all(d["cells"][k] == v for k, v in T["cells"].items() if not k.startswith("appeals."))' \
  'any("part 四" in w["message"] and "not found" in w["message"] for w in d["warnings"])' T="$(truth "$S002")"
cf check "$D/no-part4.txt"
status 1
stdout_has "  warning  part 四 (政府信息公开行政复议、行政诉讼情况) was not found: its 15 cells are missing"
stdout_has "  missing  诉讼·直接起诉 · 总计: not found"
end

begin "a report without part 三: its 161 cells null, a warning names it, parts 二 and 四 still read"
sed '/^三、收到和处理政府信息公开申请情况/,/^四、政府信息公开行政复议/{/^四、政府信息公开行政复议/!d}' "$S004" >"$D/no-part3.txt"
cf check --json "$D/no-part3.txt"
status 1
json 'sum(1 for k, v in d["cells"].items() if k.startswith("requests.") and v is None) == 161' \
  'all(d["cells"][k] == v for k, v in T["cells"].items() if not k.startswith("requests."))' \
  'any("part 三" in w["message"] for w in d["warnings"])' T="$(truth "$S004")"
end

begin "seed 002 cut in the middle of part 三 (and of a character): what was read is kept, the rest missing"
cut_at=$(($(head -n 65 "$S002" | wc -c) + 6)) # line 66 is cut after "8." and one byte of 属
head -c "$cut_at" "$S002" >"$D/cut-002.txt"
cf check --json "$D/cut-002.txt"
status 1
json 'd["template"] == "gov-2019" and "error" not in d' \
  'all(d["cells"][k] == T["cells"][k] for k in d["cells"] if k.startswith(("active.", "requests.new.", "requests.denied_enforcement.")))' \
  'all(d["cells"][k] is None for k in d["cells"] if k.startswith(("requests.results_total.", "requests.carry_forward.", "appeals.")))' T="$(truth "$S002")"
cf check "$D/cut-002.txt"
status 1
stdout_has "UTF-8 (last character cut)"
stdout_has "  warning  part 四"
cf --lang zh check "$D/cut-002.txt"
stdout_has "UTF-8（末尾字符被截断）" # the note is said in the run's language; the record keeps the label
end

begin "numbers too large to hold (99999999999999999999, 1e30): a warning each, null, never a wrong number"
sed '54s/\t2\t0\t0\t0\t0\t0\t2/\t99999999999999999999\t0\t0\t0\t0\t1e30\t2/' "$S002" >"$D/huge-002.txt"
grep -q 99999999999999999999 "$D/huge-002.txt" || no "the seed's line 54 was not rewritten"
cf check --json "$D/huge-002.txt"
status 1
json 'd["cells"]["requests.new.natural"] is None and d["cells"]["requests.new.other"] is None' \
  'all(d["cells"][k] == v for k, v in T["cells"].items() if k not in ("requests.new.natural", "requests.new.other"))' \
  'sorted((w["cell"], w["line"]) for w in d["warnings"]) == [("requests.new.natural", 54), ("requests.new.other", 54)]' T="$(truth "$S002")"
cf check "$D/huge-002.txt"
stdout_has "  warning  line 54: 一、本年新收 · 自然人: '99999999999999999999' is not a number crossfoot can hold exactly"
stdout_has "  warning  line 54: 一、本年新收 · 其他: '1e30' is not a number crossfoot can hold exactly"
stdout_has "  missing  一、本年新收 · 自然人: not a usable number (line 54)"
end

begin "escape sequences inside the report: no crash, valid JSON, nothing sent to the terminal"
sed -e '11s/^/\x1b]0;owned\x07\x1b[2J/' -e '35s/\t22\t/\t22\x1b[31m\t/' -e '54s/一、/\x1b[1m一、/' \
  -e '86s/$/\x1b[0m\xc2\x9b/' "$S002" >"$D/esc-002.txt"
[ "$(grep -c $'\x1b' "$D/esc-002.txt")" = 4 ] || no "the escapes were not written"
cf check --json "$D/esc-002.txt"
[ "$rc" = 1 ] || [ "$rc" = 0 ] || no "exit status $rc"
json 'len(r) == 1 and d["template"] == "gov-2019" and "error" not in d'
cf check "$D/esc-002.txt"
[ "$rc" = 1 ] || [ "$rc" = 0 ] || no "exit status $rc"
no_control_chars
stdout_has "esc-002.txt: 2019年版格式"
end

begin "a line of 10 MB: exit 2 and the message names the line"
{ sed -n '1,20p' "$S002"; head -c $((10 << 20)) /dev/zero | tr '\0' '0'; printf '\n'; sed -n '21,$p' "$S002"; } >"$D/long-line.txt"
cf check "$D/long-line.txt"
status 2
stderr_has "crossfoot: $D/long-line.txt:21: line is 10485760 bytes long; crossfoot reads lines of at most 1048576 bytes"
stdout_empty
end

truncate -s 100M "$D/huge.txt"
unreadable "a 100 MB file" "$D/huge.txt" "file is 100 MB; crossfoot reads reports of at most 64 MB"
truncate -s $(((64 << 20) + 1)) "$D/just-over.txt"
unreadable "one byte over 64 MB" "$D/just-over.txt" "crossfoot reads reports of at most 64 MB"

begin "an unreadable file among good ones: the good ones are checked, the JSON stream stays valid"
cf check --json "$D/random.bin" "$S000" "$D/huge.txt" "$D/gb18030-002.txt"
status 2
json '["error" in x for x in r] == [True, False, True, False] and r[3]["cells"] == T["cells"]' T="$(truth "$S002")"
[ "$(grep -c '^crossfoot: ' "$ERR")" = 2 ] || no "expected one message per unreadable file"
end

begin "a cell with a very long note: the warning quoting it is cut between characters, the JSON stays UTF-8"
note=$(printf '其中修订%.0s' $(seq 200))
sed "35s/\t22\t/\t1.5（$note）\t/" "$S002" >"$D/long-note.txt"
cf check --json "$D/long-note.txt"
status 1
json '[w["cell"] for w in d["warnings"]] == ["active.licensing.prev_items"]' \
  'd["warnings"][0]["message"].startswith("行政许可 · 上一年项目数量: ") and d["cells"]["active.licensing.decisions"] == 58'
cf check "$D/long-note.txt"
status 1
stdout_has "  warning  line 35: 行政许可 · 上一年项目数量: '1.5（其中修订"
if ! iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null 2>&1; then no "the human output is not UTF-8"; fi
end
