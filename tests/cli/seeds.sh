# SPDX-License-Identifier: GPL-3.0-or-later
# seeds.sh — `crossfoot check` on the seed reports as a reviewer runs it: the verdict, the
# arithmetic of each broken rule, several reports at once, --json, templates and options.
# Sourced by run.sh (lib.sh helpers, $TMP).

# --- one report, for people ---
begin "seed 002: each broken rule with its cells' lines and its arithmetic, the blank 行政复议 cells, exit 1"
cf check "$S002"
status 1
stderr_empty
stdout_has "$S002: 2019年版格式, UTF-8"
stdout_has "  broken   items 一 plus 二 equal items 三 plus 四 (自然人, lines 54, 55, 78, 79)"
stdout_has "           一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0"
stdout_has "           一+二 ≠ 三(七)+四 [总计]: 2 + 0 = 2 ≠ 0 + 0 = 0"
stdout_has "  broken   the total 三(七) equals the sum of 三(一) to 三(六) (自然人, lines 56–59, 61–68, 70–75, 77, 78)"
stdout_has "           三(七) ≠ 三(一)+…+三(六) [自然人]: 0 ≠ 三(一) 2 (others 0) = 2"
for col in 结果维持 结果纠正 其他结果 尚未审结 总计; do
  stdout_has "  missing  行政复议 · $col: blank (line 86)"
done
stdout_lacks "missing  诉讼·直接起诉"
stdout_has "  FAIL: 4 broken rules, 5 missing cells, 1 rule not checkable, 0 warnings"
end

begin "seed 002 --json: the four violations with both sides and the difference, null 行政复议 cells"
cf check --json "$S002"
status 1
stderr_empty
json 'len(r) == 1 and d["file"] == "'"$S002"'" and d["template"] == "gov-2019" and "error" not in d' \
  'sorted(v["rule"] for v in d["violations"]) == ["requests.balance.natural", "requests.balance.total", "requests.results.natural", "requests.results.total"]' \
  '[(v["left"], v["right"], v["difference"], v["cells"]) for v in d["violations"] if v["rule"] == "requests.balance.natural"] == [(2, 0, 2, ["requests.new.natural", "requests.carried_over.natural", "requests.results_total.natural", "requests.carry_forward.natural"])]' \
  'all(d["cells"]["appeals.review." + c] is None for c in ("upheld", "corrected", "other", "pending", "total"))' \
  'd["cells"]["appeals.suit_direct.total"] == 0 and d["cells"]["requests.new.natural"] == 2' \
  '{k: d["summary"][k] for k in ("violations", "missing", "unassessable", "warnings", "passed")} == {"violations": 4, "missing": 5, "unassessable": 1, "warnings": 0, "passed": False}'
end

for seed in "$S000" "$S001" "$S003" "$S004"; do
  begin "balanced seed $(basename "$seed"): PASS and exit 0"
  cf check "$seed"
  status 0
  stderr_empty
  stdout_has "$seed: 20"
  stdout_has "  PASS: 0 broken rules, 0 missing cells, 0 rules not checkable, 0 warnings"
  stdout_lacks "broken   "
  stdout_lacks "missing  "
  end
done

# --- several reports ---
begin "several reports: printed in input order, an unreadable one named on stderr, the rest still checked, exit 2"
cf check "$S000" "$TMP/no-such-report.txt" "$S002" "$S004"
status 2
stderr_has "crossfoot: $TMP/no-such-report.txt: cannot open the report: No such file or directory"
a=$(line_of "$S000: 2021年版格式") b=$(line_of "$S002: 2019年版格式") c=$(line_of "$S004: 2019年版格式")
[ "$a" -gt 0 ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ] || no "reports not in input order (lines $a, $b, $c)"
stdout_has "一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0"
[ "$(grep -c '^  PASS: ' "$OUT")" = 2 ] && [ "$(grep -c '^  FAIL: ' "$OUT")" = 1 ] || no "expected 2 PASS and 1 FAIL summaries"
end

begin "several reports --json: one object a line in input order, error only for the unreadable one"
cf check --json "$S000" "$TMP/no-such-report.txt" "$S002" "$S004"
status 2
stderr_has "$TMP/no-such-report.txt: cannot open"
json '[x["file"] for x in r] == ["'"$S000"'", "'"$TMP/no-such-report.txt"'", "'"$S002"'", "'"$S004"'"]' \
  '["error" in x for x in r] == [False, True, False, False] and "cannot open" in r[1]["error"]' \
  'set(r[1]) <= {"file", "error", "line"} and [x.get("template") for x in r] == ["gov-2021", None, "gov-2019", "gov-2019"]' \
  '[x["summary"]["passed"] for x in (r[0], r[2], r[3])] == [True, False, True]'
end

begin "exit status is the worst of the reports, whatever their order"
cf check "$S000" "$S004"; status 0
cf check "$S000" "$S002"; status 1
cf check "$S002" "$S000"; status 1
cf check "$S002" "$TMP/no-such-report.txt" "$S000"; status 2
cf check "$TMP/no-such-report.txt" "$S000"; status 2
end

begin "options after the reports: check REPORT --json"
cf check "$S002" --json
status 1
json 'len(r) == 1 and d["template"] == "gov-2019" and len(d["violations"]) == 4'
end

begin "a report named like an option is checked after --"
cp "$S002" "$TMP/-odd name.txt"
cd "$TMP"
cf check -- "-odd name.txt"
status 1
stdout_has "-odd name.txt: 2019年版格式"
cf check --json -- "-odd name.txt" --json
status 2
cf check "-odd name.txt"
cd - >/dev/null
status 2
stderr_has "unknown option '-odd name.txt'"
end

# --- templates ---
sed '/^  - id: total$/,$ s/right: \[upheld, corrected, other, pending\]/right: [upheld, corrected, other]/' \
  core/templates/gov-2019.yaml >"$TMP/no-pending.yaml"
begin "--template with a changed rule changes the verdict (总计 without 尚未审结)"
cmp -s core/templates/gov-2019.yaml "$TMP/no-pending.yaml" && no "the template copy was not changed"
cf check "$S004"
status 0
cf check --template "$TMP/no-pending.yaml" "$S004"
status 1
stdout_has "  broken   the total equals upheld plus corrected plus other results plus pending (诉讼·直接起诉, line"
stdout_has "总计 ≠ 结果维持+结果纠正+其他结果 [诉讼·直接起诉]: 2 ≠ 0 + 0 + 1 = 1"
cf check "$S004" --json --template="$TMP/no-pending.yaml"
status 1
json '[(v["rule"], v["left"], v["right"]) for v in d["violations"]] == [("appeals.total.suit_direct", 2, 1)]'
end

begin "--template with an unchanged copy of a built-in format reads the same cells"
cp core/templates/gov-2021.yaml "$TMP/copy.yaml"
cf check --json --template "$TMP/copy.yaml" "$S000"
status 0
json 'd["cells"] == T["cells"] and d["template"] == "gov-2021"' T="$(truth "$S000")"
end

begin "a rule's English wording: words_en under --lang en, the report's words without it or under --lang zh"
sed '/^  - id: total$/,/^    left:/ { /^    words_en:/d }' core/templates/gov-2019.yaml | \
  sed '/^  - id: total$/,$ s/right: \[upheld, corrected, other, pending\]/right: [upheld, corrected, other]/' >"$TMP/no-english.yaml"
[ "$(grep -c '^    words_en:' "$TMP/no-english.yaml")" = 4 ] || no "the template copy still has the rule's English wording"
cf --lang en check --template "$TMP/no-english.yaml" "$S004"
status 1
stdout_has "  broken   总计等于结果维持、结果纠正、其他结果、尚未审结之和 (诉讼·直接起诉, line"
cf --lang zh check --template "$TMP/no-pending.yaml" "$S004"
stdout_has "  不符     总计等于结果维持、结果纠正、其他结果、尚未审结之和（诉讼·直接起诉；第"
stdout_lacks "upheld"
sed 's/^    words_en: items 一 plus 二 equal items 三 plus 四$/    words_en: ""/' core/templates/gov-2019.yaml >"$TMP/empty-english.yaml"
cf check --template "$TMP/empty-english.yaml" "$S004"
status 2
stderr_has "crossfoot: $TMP/empty-english.yaml:$(grep -n 'words_en: ""' "$TMP/empty-english.yaml" | cut -d: -f1):"
stderr_has "'words_en' must not be empty"
sed 's/^    words_en: items 一 plus 二 equal items 三 plus 四$/    words_en: [items]/' core/templates/gov-2019.yaml >"$TMP/list-english.yaml"
cf check --template "$TMP/list-english.yaml" "$S004"
status 2
stderr_has "'words_en' must be text"
stdout_empty
end

begin "a malformed template: exit 2, its file and line named, no report printed"
at=$(grep -n '^    family: applicants$' core/templates/gov-2019.yaml | cut -d: -f1)
sed "${at}s/.*/    per: [row/" core/templates/gov-2019.yaml >"$TMP/syntax.yaml"
cf check --template "$TMP/syntax.yaml" "$S004"
status 2
stderr_has "crossfoot: $TMP/syntax.yaml:$((at + 1)):"
stderr_has "not valid YAML"
stdout_empty
sed '/^  - id: total$/,$ s/right: \[upheld, corrected, other, pending\]/right: [upheld, corrected, bogus]/' \
  core/templates/gov-2019.yaml >"$TMP/column.yaml"
cf check --json --template "$TMP/column.yaml" "$S004"
status 2
stderr_has "$TMP/column.yaml:1"
stderr_has "unknown column 'bogus'"
stdout_empty
: >"$TMP/empty.yaml"
cf check --template "$TMP/empty.yaml" "$S004"
status 2
stderr_has "$TMP/empty.yaml: the template file is empty"
cf check --template "$TMP/no-such.yaml" "$S004"
status 2
stderr_has "$TMP/no-such.yaml: cannot open the template: No such file or directory"
end

# --- misuse ---
begin "an unknown option, before or after the reports: exit 2 with the usage"
cf check --bogus "$S000"
status 2
stderr_has "unknown option '--bogus'"
stderr_has "crossfoot check [--json] [-j N] [--previous LASTYEAR] [--template FILE] REPORT..."
stdout_empty
cf check "$S000" --bogus
status 2
stderr_has "unknown option '--bogus'"
stdout_empty
end

begin "no report, or --template without its file: exit 2 with the usage"
cf check
status 2
stderr_has "no report given"
stderr_has "usage:"
cf check --json
status 2
stderr_has "no report given"
cf check -- --json
status 2
stderr_has "crossfoot: --json: cannot open"
cf check "$S000" --template
status 2
stderr_has "crossfoot check: '--template' needs a value"
stderr_has "usage:"
stdout_empty
cf
status 2
stderr_has "usage:"
end

begin "extract, export, apply and review name a misused option and exit 2 with the usage, writing nothing"
cp "$S000" "$TMP/misused.txt"
cf extract "$TMP/misused.txt" --template
status 2
stderr_has "crossfoot extract: '--template' needs a value"
stderr_has "usage:"
[ ! -e "$TMP/misused.txt.review.yaml" ] || no "a misused extract wrote a review file"
cf extract
status 2
stderr_has "crossfoot extract: no report given"
cf apply --bogus x.yaml
status 2
stderr_has "crossfoot apply: unknown option '--bogus'"
stderr_has "usage:"
cf apply
status 2
stderr_has "crossfoot apply: no review file given"
cf export a.yaml b.yaml --format json
status 2
stderr_has "crossfoot export: unexpected 'b.yaml'"
cf review --size 3 "$S000"
status 2
stderr_has "--size takes COLSxROWS"
cf review --theme
status 2
stderr_has "crossfoot review: '--theme' needs a value"
end

begin "check --help prints the usage on stdout and exits 0"
cf check --help
status 0
stdout_has "crossfoot check [--json] [-j N] [--previous LASTYEAR] [--template FILE] REPORT..."
stderr_empty
end

begin "a write error (full disk) is not a clean run: exit 2 and a message"
if [ -w /dev/full ]; then
  timeout -k 5 60 "$CROSSFOOT" check "$S000" >/dev/full 2>"$ERR"
  rc=$?
  status 2
  stderr_has "cannot write the results"
else
  no "/dev/full is missing: cannot test a full disk"
fi
end

begin "a file name with an escape sequence is shown escaped, never sent to the terminal"
esc_name="$TMP/$(printf 'report\033]0;owned\007\033[2J').txt"
cp "$S000" "$esc_name"
cf check "$esc_name" "$esc_name.missing"
status 2
no_control_chars
stdout_has 'report\x1B]0;owned\x07\x1B[2J.txt: 2021年版格式'
stderr_has 'report\x1B]0;owned\x07\x1B[2J.txt.missing: cannot open'
cf check --json "$esc_name"
status 0
json 'd["file"] == "'"$TMP"'/report\x1b]0;owned\x07\x1b[2J.txt"'
end

begin "a rule whose sum is too large to hold is not a pass: exit 1, and the rule is named"
n=9000000000000000000
sed -E "s/^(一、本年新收政府信息公开申请数量|二、上年结转政府信息公开申请数量|（一）予以公开|（七）总计|四、结转下年度继续办理) 0 0 0 0 0 0 0$/\1 $n 0 0 0 0 0 $n/" \
  "$S000" >"$TMP/overflow.txt"
[ "$(grep -c "$n" "$TMP/overflow.txt")" = 5 ] || no "the seed's rows were not rewritten"
cf check "$TMP/overflow.txt"
status 1
stdout_has "  unchecked items 一 plus 二 equal items 三 plus 四 (自然人, lines 129, 131, 208, 210)"
stdout_has "(a sum is too large to hold)"
stdout_has "FAIL: 0 broken rules, 0 missing cells, 2 rules not checkable"
cf check --json "$TMP/overflow.txt"
status 1
json 'd["cells"]["requests.new.natural"] == '"$n"' and d["summary"]["passed"] is False' \
  'sorted(u["rule"] for u in d["unassessable"]) == ["requests.balance.natural", "requests.balance.total"]'
end

# --- the cell values of the contract (SPEC: "The command-line contract") ---
begin "a number with the wrong unit is given as printed, with a warning (251000元 in a 万元 column)"
sed '34s/\t888.0113\t/\t251000元\t/' "$S001" >"$TMP/unit.txt"
cf check --json "$TMP/unit.txt"
status 0
json 'd["cells"]["active.fees.amount"] == 251000 and d["sources"]["active.fees.amount"]["unit"] == "元"' \
  '[(w["cell"], w["line"]) for w in d["warnings"]] == [("active.fees.amount", 34)]'
cf check "$TMP/unit.txt"
stdout_has "  warning  line 34: 行政事业性收费 · 收费金额(万元): '251000元' is in 元, but the column is in 万元"
stdout_has "  PASS: 0 broken rules, 0 missing cells, 0 rules not checkable, 1 warning"
end

begin "amounts are printed exactly as decimals (888.0113, 0.1), never through a float"
cf check --json "$S001"
stdout_has '"active.fees.amount":888.0113,'
sed '34s/\t888.0113\t/\t0.1\t/' "$S001" >"$TMP/tenth.txt"
cf check --json "$TMP/tenth.txt"
stdout_has '"active.fees.amount":0.1,'
end

begin "a cell holding / is not applicable: null, never 0, and the report is not a pass"
sed '34s/\t888.0113\t/\t\/\t/' "$S001" >"$TMP/slash.txt"
cf check --json "$TMP/slash.txt"
status 1
json 'd["cells"]["active.fees.amount"] is None and d["sources"]["active.fees.amount"]["state"] == "not_applicable"'
cf check "$TMP/slash.txt"
stdout_has "  missing  行政事业性收费 · 收费金额(万元): not applicable (/) (line 34)"
end

begin "a signed change: 增加 36 件 is 36, 减少 3 件 is -3"
cf check --json "$S002"
json 'd["cells"]["active.licensing.change"] == 36'
sed '35s/增加 36 件/减少 3 件/' "$S002" >"$TMP/minus.txt"
cf check --json "$TMP/minus.txt"
json 'd["cells"]["active.licensing.change"] == -3'
end

# --- file names ---
begin "a file name that is not UTF-8 (Latin-1 café): the JSON stays UTF-8, the name shown with U+FFFD"
latin1_name="$TMP/$(printf 'caf\xe9').txt"
cp "$S000" "$latin1_name"
cf check --json "$latin1_name" "$latin1_name.missing"
status 2
json 'len(r) == 2 and r[0]["file"].endswith("/caf\ufffd.txt") and r[0]["template"] == "gov-2021"' \
  'r[1]["file"].endswith("/caf\ufffd.txt.missing") and "caf\ufffd.txt.missing: cannot open" in r[1]["error"]'
end

begin "a long Chinese path in an error: the message is cut between characters, the JSON stays UTF-8"
long_dir=$TMP
for _ in 1 2 3 4; do long_dir=$long_dir/政府信息公开工作年度报告政府信息公开工作年度报告政府信息公开工作年度报告政府信息公开工作年度报告; done
mkdir -p "$long_dir"
[ "$(printf %s "$long_dir" | wc -c)" -gt 600 ] || no "the path is not longer than a message holds"
cf check --json "$long_dir/缺少的报告.txt"
status 2
stderr_has "缺少的报告.txt: cannot open"
json 'len(r) == 1 and r[0]["file"].endswith("/缺少的报告.txt") and "error" in r[0]'
end
