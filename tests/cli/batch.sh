# SPDX-License-Identifier: GPL-3.0-or-later
# batch.sh — many reports at once (-j), last year's report (--previous), suggestions, the journal note.
# Sourced by run.sh.

begin "check -j 2 keeps the reports in the order given, and the worst status"
cf check --json -j 2 "$S004" "$S002" "$TMP/no-such-report.txt" "$S000" "$S003" "$S001"
status 2
json '[x["file"] for x in r] == ["'"$S004"'", "'"$S002"'", "'"$TMP/no-such-report.txt"'", "'"$S000"'", "'"$S003"'", "'"$S001"'"]'
stderr_has "no-such-report.txt"
end

begin "check -j gives the same records as one job at a time"
cf check --json -j 1 "$SEEDS"/*.txt
cp "$OUT" "$TMP/one-job"
cf check --json -j 3 "$SEEDS"/*.txt
cmp -s "$OUT" "$TMP/one-job" || no "-j 3 printed something else than -j 1"
end

begin "check -j refuses a number that is not one"
cf check -j zero "$S000"
status 2
stderr_has "-j takes a number"
end

begin "seed 002's unique smallest fix is proposed, for people and in JSON"
cf check "$S002"
status 1
stdout_has "suggest  4 broken rules. The smallest change that makes every rule hold touches 2 cells: 三(七)总计 · 自然人 0 → 2; 三(七)总计 · 总计 0 → 2. No other set of that size works, so the fix is unique."
cf check --json "$S002"
json 'd["suggestions"]["unique"] and [(c["cell"], c["value"]) for c in d["suggestions"]["fixes"][0]["cells"]] == [("requests.results_total.natural", 2), ("requests.results_total.total", 2)]'
end

begin "--previous: last year's 结转下年度 that does not carry over is a warning with both numbers"
sed 's/^二、上年结转政府信息公开申请数量\t\t0\t/二、上年结转政府信息公开申请数量\t\t4\t/' "$S002" >"$TMP/this-year.txt"
grep -q "上年结转政府信息公开申请数量		4" "$TMP/this-year.txt" || no "the fixture edit did not apply"
cf check --previous "$S004" "$TMP/this-year.txt"
stdout_has "  warning  cross-year: this year's requests carried over from last year equal last year's requests carried forward to the next year (自然人)"
stdout_has "           二 ≠ 上年·四 [自然人]: 二 4 (line 55) ≠ 上年·四 0 (line"
stdout_has "of $S004)"
cf check --json --previous "$S004" "$TMP/this-year.txt"
json 'any(w.get("kind") == "cross_year" and w["rule"] == "requests.carried_over.natural" and w["this_year"] == 4 and w["last_year_side"] == 0 for w in d["warnings"])' \
     'd["previous"] == "'"$S004"'" and len(d["cross_year"]) == 7'
end

begin "--previous with last year in the 2019 format: 现行有效件数 is not comparable, said so"
cf check --previous "$S002" "$S000"
status 0
stdout_has "  note     cross-year: the documents in force equal last year's in force plus those issued this year minus those repealed this year (规章)"
stdout_has "has no such cell"
end

begin "--previous takes last year's review file, with its corrections"
cp "$S004" "$TMP/last.txt"
cf extract "$TMP/last.txt" -o "$TMP/last.yaml"
printf 'set requests.carry_forward.total 9 补录\nsave\n' | timeout 60 "$CROSSFOOT" apply "$TMP/last.yaml" >/dev/null 2>&1
cf check --json --previous "$TMP/last.yaml" "$S002"
json 'any(w.get("rule") == "requests.carried_over.total" and w["last_year_side"] == 9 for w in d["warnings"])'
end

begin "--previous that cannot be read is an error naming it"
cf check --previous "$TMP/nothing-here.txt" "$S000"
status 2
stderr_has "nothing-here.txt"
end

begin "check, review and export say the same of last year's file they cannot read: file, line, why"
printf 'x\n\377\n' >"$TMP/last-bad.txt"
cp "$S000" "$TMP/this-year.txt"
cf extract "$TMP/this-year.txt"
printf ':q<Enter>\n' >"$TMP/quit.keys"
said=""
for run in "check --previous $TMP/last-bad.txt $TMP/this-year.txt" \
           "review --previous $TMP/last-bad.txt --script $TMP/quit.keys --size 100x30 $TMP/this-year.txt" \
           "export --previous $TMP/last-bad.txt --format csv $TMP/this-year.txt.review.yaml"; do
  cf $run </dev/null
  status 2
  stderr_has "crossfoot: last year's report: $TMP/last-bad.txt:2: text is neither UTF-8 nor GB18030/GBK"
  line=$(grep -a "last year's report" "$ERR")
  [ -z "$said" ] || [ "$line" = "$said" ] || no "'$run' said '$line', check said '$said'"
  said=$line
done
end

begin "check says when a review of the report left unsaved changes in its journal"
cp "$S002" "$TMP/j.txt"
cf extract "$TMP/j.txt"
printf 'set requests.results_total.natural 2\n' | timeout 60 "$CROSSFOOT" apply "$TMP/j.txt.review.yaml" >/dev/null 2>&1
cf check "$TMP/j.txt"
status 1
stderr_has "j.txt.review.yaml.journal holds changes from a review that were never saved"
end

begin "a number the prose states that the table contradicts is a warning pointing at the sentence"
sed 's/^全年“攀枝花人防”政务微博/2019年本办共收到政府信息公开申请5件。全年“攀枝花人防”政务微博/' "$S002" >"$TMP/prose.txt"
cf check "$TMP/prose.txt"
stdout_has "warning  line 23 says 共收到政府信息公开申请5件, but the table has 2 (一、本年新收 · 总计)"
cf check --json "$TMP/prose.txt"
json 'any(w.get("kind") == "narrative" and w["line"] == 23 and w["stated"] == 5 and w["table"] == 2 for w in d["warnings"])'
end
