# SPDX-License-Identifier: GPL-3.0-or-later
# large.sh — a 60 MB report (seed 002 between 30 MB of prose on either side) is read and checked
# like the seed itself: memory and work stay proportional to the input, so a long report is no
# error. Runs on the sanitised binary (about 5 s). Sourced by run.sh.

begin "a 60 MB report: checked without error, the same cells as the seed"
python3 - "$S002" "$TMP/60mb.txt" <<'PY'
import sys
seed = open(sys.argv[1], "rb").read()
line = ("我办认真做好政府信息公开工作，不断提升公开质量和实效。" * 4 + "\n").encode()
half = (60 * 1024 * 1024 - len(seed)) // 2 // len(line)
with open(sys.argv[2], "wb") as f:
    f.write(line * half + seed + line * half)
PY
size=$(wc -c <"$TMP/60mb.txt")
[ "$size" -gt $((59 << 20)) ] && [ "$size" -le $((64 << 20)) ] || no "the padded report is $size bytes"
cf check --json "$TMP/60mb.txt"
status 1
json 'd["cells"] == T["cells"] and len(d["violations"]) == 4 and not d["warnings"]' T="$(truth "$S002")"
rm -f "$TMP/60mb.txt"
end
