# SPDX-License-Identifier: GPL-3.0-or-later
# compat.sh — review files and journals written by earlier crossfoot versions open, replay
# and save under this one (tests/fixtures/compat/vN: see its README); undo, save and redo
# across sessions. Sourced by run.sh.

# the review of REVIEW_FILE exported as JSON on one line in $OUT, for `json`
export_review() {
  cf export "$1" --format json
  python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$OUT" >"$OUT.1" &&
    mv "$OUT.1" "$OUT"
}

for fixture in tests/fixtures/compat/v*; do
  begin "a review and journal of format ${fixture##*/v} open, replay and save"
  work=$TMP/compat-${fixture##*/}
  mkdir -p "$work"
  cp "$fixture"/report.txt "$fixture"/report.txt.review.yaml "$fixture"/report.txt.review.yaml.journal "$work"/
  printf 'save\n' | timeout 60 "$CROSSFOOT" apply "$work/report.txt.review.yaml" >"$OUT" 2>"$ERR"
  rc=$?
  status 0
  stdout_has "replayed 7 changes from the journal"
  [ ! -e "$work/report.txt.review.yaml.journal" ] || no "the journal is still there after the save"
  format=$(sed -n 's/^#define CF_REVIEW_FORMAT_VERSION \([0-9]*\)$/\1/p' core/review_internal.h)
  grep -q "^crossfoot_review: $format$" "$work/report.txt.review.yaml" || no "the saved file does not say format $format"
  grep -q "^  kind: text$" "$work/report.txt.review.yaml" || no "the saved file does not say the report was read as text"
  grep -q "^approvals: \[\]$" "$work/report.txt.review.yaml" || no "the saved file has no (empty) list of sign-offs"
  [ "$(grep -c '^- seq: ' "$work/report.txt.review.yaml")" = 8 ] || no "the history does not hold 5 + 3 entries"
  if [ "${fixture##*/v}" -lt 5 ]; then
    # formats 1 to 4 did not record which kind a correction is: never guessed, said so
    [ "$(grep -c '^    correction: unrecorded$' "$work/report.txt.review.yaml")" = 3 ] ||
      no "the three corrected cells are not saved as of a kind not recorded"
    grep -q '^    correction: \(read\|figure\)$' "$work/report.txt.review.yaml" && no "a kind of correction was guessed"
  fi
  cf export "$work/report.txt.review.yaml" --format json
  status 0
  python3 - "$OUT" "$fixture/expected.json" >"$TMP/compat-why" 2>&1 <<'PY' || no "$(cat "$TMP/compat-why")"
import json, sys
got, want = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert got["cells"] == want["cells"], [k for k in want["cells"] if got["cells"].get(k) != want["cells"][k]]
assert {k: v["state"] for k, v in got["review"].items()} == want["states"]
assert {k: v["note"] for k, v in got["review"].items() if v["note"]} == want["notes"]
assert got["waived"] == want["waived"]
kinds = {k: v.get("correction") for k, v in got["review"].items() if v["state"] == "corrected"}
# format 5 on says each correction's kind (its journal's records of version 2 too); before, none
want_kinds = want.get("corrections", {k: "unrecorded" for k in kinds})
assert kinds and kinds == want_kinds, kinds
assert got["summary"]["unrecorded_corrections"] == sum(k == "unrecorded" for k in kinds.values()), got["summary"]
PY
  # and again: the saved file reopens as it was saved
  printf 'save\n' | timeout 60 "$CROSSFOOT" apply "$work/report.txt.review.yaml" >"$OUT" 2>"$ERR"
  rc=$?
  status 0
  stdout_lacks "replayed"
  end
done

begin "a PDF's review of format 5 (no page-1 marker in its view) reopens with each source where today's view has it"
work=$TMP/compat-pdf_v5
mkdir -p "$work"
cp tests/fixtures/compat/pdf_v5/report.pdf* "$work"/
printf 'save\n' | timeout 60 "$CROSSFOOT" apply "$work/report.pdf.review.yaml" >"$OUT" 2>"$ERR"
rc=$?
status 0
stdout_has "replayed 7 changes from the journal"
grep -q "^crossfoot_review: $format$" "$work/report.pdf.review.yaml" || no "the saved file does not say format $format"
grep -q "^  kind: pdf$" "$work/report.pdf.review.yaml" || no "the saved file does not say the report was read as a PDF"
cf extract "$work/report.pdf" -o "$work/fresh.yaml"
status 0
cf export "$work/report.pdf.review.yaml" --format json
status 0
python3 - "$OUT" tests/fixtures/compat/pdf_v5/expected.json "$work/report.pdf.review.yaml" "$work/fresh.yaml" \
  tests/fixtures/compat/pdf_v5/report.pdf.review.yaml >"$TMP/compat-why" 2>&1 <<'PY' || no "$(cat "$TMP/compat-why")"
import json, re, sys
got, want = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert got["cells"] == want["cells"], [k for k in want["cells"] if got["cells"].get(k) != want["cells"][k]]
assert {k: v["state"] for k, v in got["review"].items()} == want["states"]
assert {k: v["note"] for k, v in got["review"].items() if v["note"]} == want["notes"]
assert got["waived"] == want["waived"]
assert {k: v.get("correction") for k, v in got["review"].items() if v["state"] == "corrected"} == want["corrections"]
def sources(path):
    return dict(re.findall(r"^  - id: (\S+)\n(?:    .*\n)*?    source: (\{.*\})$", open(path).read(), re.M))
reopened, fresh, old = (sources(p) for p in sys.argv[3:6])
assert len(fresh) == len(got["cells"]), (len(fresh), len(got["cells"]))
# each cell points where a fresh read of today's view points: the same line, bytes and text
assert reopened == fresh, [(k, old[k], reopened[k], fresh[k]) for k in fresh if reopened.get(k) != fresh[k]][:3]
assert reopened != old, "no source moved: the fixture's view had the page-1 marker already"
PY
end

begin "apply: undo, save, redo is refused (the file holds no redo list) and nothing later is lost"
cp "$S002" "$TMP/usr.txt"
cf extract "$TMP/usr.txt"
printf 'set requests.new.natural 5\nundo\nsave\nredo\nset requests.results_total.natural 2\n' |
  timeout 60 "$CROSSFOOT" apply "$TMP/usr.txt.review.yaml" >"$OUT" 2>"$ERR"
rc=$?
status 2
stderr_has "line 4"
stderr_has "nothing to redo"
stdout_has "ok 5"
printf 'save\n' | timeout 60 "$CROSSFOOT" apply "$TMP/usr.txt.review.yaml" >"$OUT" 2>"$ERR"
rc=$?
status 0
stdout_has "replayed 1 change from the journal"
export_review "$TMP/usr.txt.review.yaml"
json 'd["cells"]["requests.results_total.natural"] == 2 and d["cells"]["requests.new.natural"] == 2'
end

begin "apply: a later session cannot undo what an earlier one saved"
printf 'undo\n' | timeout 60 "$CROSSFOOT" apply "$TMP/usr.txt.review.yaml" >"$OUT" 2>"$ERR"
rc=$?
status 2
stderr_has "saved in the review file and are not undone"
export_review "$TMP/usr.txt.review.yaml"
json 'd["cells"]["requests.results_total.natural"] == 2'
end
