# SPDX-License-Identifier: GPL-3.0-or-later
# assess.sh — one assessment behind every display of `check`: a break the numbers already prove
# though a cell is missing, counts the known values leave only 0, and text, --json and the exit
# status telling the same findings on every seed and text, web and Word fixture (PDFs take
# minutes under the sanitizers, and pdf.sh reads each of them). Sourced by run.sh (lib.sh, $TMP).

# seed 000 (all zeros) with 三(一)自然人 6, 三(七)自然人 3 and 三(二)自然人 printed "/"
proven=$TMP/proven.txt
sed -E -e 's/^（一）予以公开 0 0 0 0 0 0 0$/（一）予以公开 6 0 0 0 0 0 6/' \
  -e 's/^（七）总计 0 0 0 0 0 0 0$/（七）总计 3 0 0 0 0 0 3/' -e '142s/^0 0 0 0 0 0$/\/ 0 0 0 0 0/' "$S000" >"$proven"
[ "$(cmp -l "$S000" "$proven" | wc -l)" -gt 0 ] || no "the seed was not rewritten"

begin "a total printed below the sum of its known parts is broken though a part is missing: shown with its arithmetic, exit 1"
cf check "$proven"
status 1
stdout_has "  broken   the total 三(七) equals the sum of 三(一) to 三(六) (自然人, lines 137, 142,"
stdout_has "三(七) ≠ 三(一)+…+三(六)3 [自然人]: 3 < 6 + □ (三(一) 6 + 三(二) / (others 0); □: 1 missing, never below 0)"
stdout_has "  missing  (二)部分公开 · 自然人: not applicable (/) (line 142)"
stdout_has "  FAIL: 4 broken rules, 1 missing cell, 1 rule not checkable, 0 warnings"
cf check --json "$proven"
status 1
json '[(v["left"], v["right"], v["missing"], v["proven_despite_missing"]) for v in d["violations"] if v["rule"] == "requests.results.natural"] == [(3, 6, ["requests.partial.natural"], True)]' \
  '"difference" not in [v for v in d["violations"] if v["rule"] == "requests.results.natural"][0]' \
  'd["summary"]["violations"] == 4 and d["summary"]["proven_despite_missing"] == 1 and d["summary"]["passed"] is False' \
  'd["summary"]["reasons"] == ["4 broken rules (some proven though cells are missing)", "1 missing cell", "1 rule not checkable"]'
end

begin "known values that balance leave the missing count only 0: said as a hint, the cell left missing"
cf check "$proven"
stdout_has "  only 0   the total equals the sum over all kinds of applicant ((二)部分公开, lines 142, 143)"
stdout_has "总计 = 自然人+…+其他 [(二)部分公开]: 0 = 自然人 / (others 0) (□ = missing: the known values already balance, so each missing count can only be 0)"
cf check --json "$proven"
json 'd["cells"]["requests.partial.natural"] is None' \
  '[(u["rule"], u["missing"], u.get("missing_only_zero")) for u in d["unassessable"]] == [("requests.applicants.partial", ["requests.partial.natural"], True)]'
end

begin "check's text, --json and exit status tell the same findings on every seed and fixture"
python3 tests/cli/agree.py "$CROSSFOOT" --each 17 "$S000" "$S001" "$S002" "$S003" "$S004" "$proven" tests/fixtures/layouts/*.txt \
  $(ls tests/fixtures/converters/lynx/* tests/fixtures/documents/html/* tests/fixtures/documents/docx/* | grep -v "\.json$") >"$TMP/agree" 2>&1 ||
  no "$(cat "$TMP/agree")"
# and against last year's report (seed 004): seed 002 as printed, and with 4 carried over that last year did not carry forward
sed 's/^二、上年结转政府信息公开申请数量\t\t0\t/二、上年结转政府信息公开申请数量\t\t4\t/' "$S002" >"$TMP/carried.txt"
grep -q "上年结转政府信息公开申请数量		4" "$TMP/carried.txt" || no "the fixture edit did not apply"
mkdir -p "$TMP/displays-previous"
python3 tests/cli/agree.py "$CROSSFOOT" --previous "$S004" --displays "$TMP/displays-previous" "$S002" "$TMP/carried.txt" >"$TMP/agree" 2>&1 ||
  no "with --previous: $(cat "$TMP/agree")"
end

begin "crossfoot export --previous: the exports of a review carry last year's disagreements, as check --previous does"
cp "$TMP/carried.txt" "$TMP/carried-export.txt"
cf extract "$TMP/carried-export.txt" -o "$TMP/carried-export.yaml"
status 0
cf check --json --previous "$S004" "$TMP/carried-export.txt"
python3 -c 'import json,sys; print(json.dumps(sorted((c["rule"], c["status"]) for c in json.loads(sys.stdin.readline())["cross_year"])))' <"$OUT" >"$TMP/check-cross"
grep -q '"mismatch"' "$TMP/check-cross" || no "check --previous found no disagreement to compare: $(cat "$TMP/check-cross")"
cf export --format json --previous "$S004" "$TMP/carried-export.yaml"
status 0
python3 -c 'import json,sys; print(json.dumps(sorted((c["rule"], c["status"]) for c in json.load(sys.stdin)["cross_year"])))' <"$OUT" >"$TMP/export-cross"
cmp -s "$TMP/check-cross" "$TMP/export-cross" || no "export's cross_year $(cat "$TMP/export-cross") is not check's $(cat "$TMP/check-cross")"
cf export --format md --previous "$S004" "$TMP/carried-export.yaml"
status 0
stdout_has "二 ≠ 上年·四 [自然人]: 二 4 (line 55) ≠ 上年·四 0"
cf export --format md "$TMP/carried-export.yaml"
status 0
stdout_lacks "上年·四"
cf export --format json "$TMP/carried-export.yaml"
status 0
python3 -c 'import json,sys; sys.exit(1 if json.load(sys.stdin).get("cross_year") else 0)' <"$OUT" ||
  no "an export without --previous has last year's findings"
cf export --format md --previous "$TMP/no-such-last-year.txt" "$TMP/carried-export.yaml"
status 2
stderr_has "no-such-last-year.txt"
end

# the optimised binary: two runs a report (extract; the workbench writing the four exports, then p).
# The seeds, every text layout, the synthetic reports (blanks, breaks, page headers, six as one),
# the web pages' own markups and a Word file: each kind of finding and of reader once (the other
# renderings of the seeds add time, not findings).
begin "the review summary, the JSON, CSV, Markdown and XLSX exports and the workbench's problems and status bar tell what check tells"
mkdir -p "$TMP/displays"
python3 tests/cli/agree.py "${CROSSFOOT_RELEASE:-$CROSSFOOT}" --displays "$TMP/displays" "$S000" "$S001" "$S002" "$S003" "$S004" \
  "$proven" tests/fixtures/layouts/*.txt tests/fixtures/converters/lynx/syn*.txt tests/fixtures/documents/html/markup_*.html \
  tests/fixtures/documents/docx/syn2021_broken.docx >"$TMP/agree" 2>&1 || no "$(cat "$TMP/agree")"
end

# pandoc's dump of a 2021 report: seven cells of 三(一)予以公开 were placed by inference
begin "the workbench: ] walks an inferred cell (glyph ~, the reason on the detail line); p lists it under its section"
mkdir -p "$TMP/walk"
# a 2021 table printing （六）其他处理 as one row of zeros: its three sub-rows are 0, placed by inference
# (issue 11 item 6), the only problems of the report; ] from the first: (六)1 自然人, then 商业企业
cp tests/fixtures/documents/html/syn2021_six_as_one.html "$TMP/walk/r.html"
printf '# size 120x30\n]]\n' >"$TMP/walk/keys"
cf --lang en review "$TMP/walk/r.html" --script "$TMP/walk/keys" --size 120x30 --screen "$TMP/walk/screen"
status 0
# a web page's cell: its line in the page's text, then its table, row and cell in the page
grep -q '^ 表三 (六)1.逾期不补正 · 商业企业 = 0  (extracted 0, line 56, table 2 row 24 cell 3, place inferred)' "$TMP/walk/screen" ||
  no "] did not reach the inferred 三(六)1 商业企业: $(tail -4 "$TMP/walk/screen")"
grep -q '^ ~ suspect: its place in the table was inferred, not read (line 56)' "$TMP/walk/screen" ||
  no "the detail line does not say why the cell is suspect: $(tail -4 "$TMP/walk/screen")"
grep -q '│(六)1.逾期不补正 .* 0~ ' "$TMP/walk/screen" || no "the suspect cell has no ~: $(grep '逾期不补正' "$TMP/walk/screen")"
printf '# size 120x40\np\n' >"$TMP/walk/keys"
cf --lang en review "$TMP/walk/r.html" --script "$TMP/walk/keys" --size 120x40 --screen "$TMP/walk/screen"
status 0
grep -q '^  Suspect cells (22)' "$TMP/walk/screen" || no "the problems list has no suspect section: $(head -6 "$TMP/walk/screen")"
grep -q '^   ~ (六)1.逾期不补正 · 商业企业: its place in the table was inferred, not read' "$TMP/walk/screen" ||
  no "the suspect section does not list the inferred cell"
end
