# SPDX-License-Identifier: GPL-3.0-or-later
# corrections.sh — the two kinds of correction: a read correction (识别更正: the report prints the
# value, crossfoot read another) and a figure correction (数据更正: the report prints a wrong
# figure), said in an `apply` script or decided by the report, kept apart in the review file and
# in every export. Sourced by run.sh.

begin "apply: set … read|figure records the kind; unsaid, the cell's line in the report decides"
mkdir -p "$TMP/kinds"
cp "$S002" "$TMP/kinds/r.txt"
cf extract "$TMP/kinds/r.txt"
# line 54 prints 自然人 2 … 总计 2; line 78 prints only zeros
printf '%s\n' 'set requests.results_total.natural 2 read 按原件第78行更正' 'set requests.results_total.total 2 figure' \
  'set requests.new.business 2' 'set requests.new.total 9' 'save' |
  timeout 60 "$CROSSFOOT" apply "$TMP/kinds/r.txt.review.yaml" >"$OUT" 2>"$ERR"
rc=$?
status 0
stdout_has "ok 5"
y=$TMP/kinds/r.txt.review.yaml
kind_of() { sed -n "/^  - id: $1\$/,/^    correction:/s/^    correction: //p" "$y"; }
[ "$(kind_of requests.results_total.natural)" = read ] || no "a said read correction is '$(kind_of requests.results_total.natural)'"
[ "$(kind_of requests.results_total.total)" = figure ] || no "a said figure correction is '$(kind_of requests.results_total.total)'"
[ "$(kind_of requests.new.business)" = read ] || no "2, printed on the cell's line, is '$(kind_of requests.new.business)'"
[ "$(kind_of requests.new.total)" = figure ] || no "9, printed nowhere on the line, is '$(kind_of requests.new.total)'"
grep -q '^  reason: 按原件第78行更正$' "$y" || no "the reason lost its words or kept the kind"
grep -q '^  read_corrections: 2$' "$y" && grep -q '^  figure_corrections: 2$' "$y" || no "the summary does not count each kind"
end

begin "exports keep read and figure corrections apart: JSON, CSV, Markdown, XLSX, in Chinese"
cf export "$y" --format json
status 0
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$OUT" >"$OUT.1" && mv "$OUT.1" "$OUT"
json 'd["review"]["requests.results_total.natural"]["correction"] == "read" and d["review"]["requests.results_total.total"]["correction"] == "figure" and "correction" not in d["review"]["requests.new.natural"] and d["summary"]["read_corrections"] == 2 and d["summary"]["figure_corrections"] == 2'
cf --lang zh export "$y" --format csv
status 0
stdout_has ",（七）总计,自然人,2,0,corrected,识别更正,"
stdout_has ",（七）总计,总计,2,0,corrected,数据更正,"
cf --lang zh export "$y" --format md
status 0
figure=$(line_of "- 数据更正 三 （七）总计 · 总计：0 → 2（")
read=$(line_of "- 识别更正 三 （七）总计 · 自然人：0 → 2（")
[ "$figure" -gt 0 ] && [ "$read" -gt "$figure" ] || no "the findings do not list 数据更正 then 识别更正 apart ($figure, $read)"
stdout_lacks "- 更正 "
cf --lang zh export "$y" --format xlsx -o "$TMP/kinds/r.xlsx"
status 0
unzip -o -q "$TMP/kinds/r.xlsx" -d "$TMP/kinds/x" &&
  grep -q '数据更正 三 （七）总计 · 总计：0 → 2' "$TMP/kinds/x/xl/sharedStrings.xml" &&
  grep -q '识别更正 三 （七）总计 · 自然人：0 → 2' "$TMP/kinds/x/xl/sharedStrings.xml" ||
  no "the workbook's findings do not keep the kinds apart"
end

begin "apply: a journal record's kind survives a crash; an unknown kind in it is refused by number"
printf 'set requests.new.social 2 figure\n' | timeout 60 "$CROSSFOOT" apply "$y" >"$OUT" 2>"$ERR"
grep -q '"correction":"figure"' "$y.journal" || no "the journal record does not say the kind"
printf 'save\n' | timeout 60 "$CROSSFOOT" apply "$y" >"$OUT" 2>"$ERR"
rc=$?
status 0
stdout_has "replayed 1 change from the journal"
[ "$(kind_of requests.new.social)" = figure ] || no "the replayed figure correction became '$(kind_of requests.new.social)'"
end

begin "the workbench asks read or figure after a value the report's line does not print, and :correction read|figure changes it"
mkdir -p "$TMP/kinds/wb"
cp "$S002" "$TMP/kinds/wb/r.txt"
# ] to 三(七)总计·总计 (its line prints only zeros): 2 is a figure correction, until the reviewer says it was misread
printf '# size 120x30\n]e2<Enter>\n' >"$TMP/kinds/wb/keys"
cf --lang en review "$TMP/kinds/wb/r.txt" --script "$TMP/kinds/wb/keys" --size 120x30 --screen "$TMP/kinds/wb/screen"
status 0
grep -q "set as a figure correction: the report's line does not print it (r: no, crossfoot misread the report · f, Esc: yes)" \
  "$TMP/kinds/wb/screen" || no "the message does not ask which kind: $(tail -3 "$TMP/kinds/wb/screen")"
grep -q '(七)总计 · 总计 = 2  (extracted 0, line 78)  \[figure correction\]' "$TMP/kinds/wb/screen" ||
  no "the detail line does not say the kind: $(tail -4 "$TMP/kinds/wb/screen")"
rm -f "$TMP/kinds/wb/r.txt.review.yaml"*
printf '# size 120x30\n]e2<Enter>:correction read<Enter>\n' >"$TMP/kinds/wb/keys"
cf --lang en review "$TMP/kinds/wb/r.txt" --script "$TMP/kinds/wb/keys" --size 120x30 --screen "$TMP/kinds/wb/screen"
grep -q 'recorded as a read correction' "$TMP/kinds/wb/screen" && grep -q '\[read correction\]' "$TMP/kinds/wb/screen" ||
  no ":correction read did not change the kind: $(tail -4 "$TMP/kinds/wb/screen")"
tail -1 "$TMP/kinds/wb/r.txt.review.yaml.journal" | grep -q '"action":"correction"' ||
  no "the change of kind is not a journaled change of its own"
# the answer: r records a read correction (a change of its own), f keeps the figure one, and any
# other key keeps it and does what it does (j: down a row)
for answer in r f j; do
  rm -f "$TMP/kinds/wb/r.txt.review.yaml"*
  printf '# size 120x30
]e2<Enter>%s
' "$answer" >"$TMP/kinds/wb/keys"
  cf --lang en review "$TMP/kinds/wb/r.txt" --script "$TMP/kinds/wb/keys" --size 120x30 --screen "$TMP/kinds/wb/screen"
  status 0
  journal=$TMP/kinds/wb/r.txt.review.yaml.journal
  case $answer in
  r) grep -q 'recorded as a read correction' "$TMP/kinds/wb/screen" && tail -1 "$journal" | grep -q '"action":"correction"' &&
       tail -1 "$journal" | grep -q '"correction":"read"' || no "r did not record a read correction: $(tail -4 "$TMP/kinds/wb/screen")" ;;
  f) grep -q 'kept as a figure correction' "$TMP/kinds/wb/screen" && [ "$(wc -l <"$journal")" = 1 ] ||
       no "f did not keep the figure correction: $(tail -4 "$TMP/kinds/wb/screen")" ;;
  j) grep -q '(七)总计 · 总计 = 2' "$TMP/kinds/wb/screen" && no "j was taken as the answer, not as a move" ;
     [ "$(wc -l <"$journal")" = 1 ] && grep -q '"correction":"figure"' "$journal" || no "j changed the kind" ;;
  esac
done
end
