# SPDX-License-Identifier: GPL-3.0-or-later
# pdf.sh — PDFs read directly (poppler-glib in a child process): the seeds' tables printed by
# LibreOffice give exactly the seeds' cells; scans, encrypted, damaged and hostile PDFs get a
# clear message and exit 2. Sourced by run.sh (lib.sh helpers, $TMP).

PDFS=tests/fixtures/pdf

begin "PDF fixtures (the seeds and reports with blank cells, printed to PDF two ways) match their truth files"
python3 tests/tools/score.py "$CROSSFOOT" "$PDFS" tests/fixtures/documents/pdf >"$TMP/score" 2>&1 || no "$(cat "$TMP/score")"
[ "$(grep -c "^ok " "$TMP/score")" -ge 19 ] || no "not every PDF fixture was scored: $(tail -1 "$TMP/score")"
end

# Chromium prints the same pages another way: cells left-aligned and tightly spaced, a heading flush over
# its sub-headings, a tall row name level with the row above (tests/fixtures/generate/make_chromium_pdf.py)
begin "PDFs printed by Chromium give exactly their expected cells (score.py tests/fixtures/documents/pdf-chromium)"
python3 tests/tools/score.py "$CROSSFOOT" tests/fixtures/documents/pdf-chromium >"$TMP/score" 2>&1 || no "$(cat "$TMP/score")"
[ "$(grep -c "^ok " "$TMP/score")" = 6 ] || no "not every Chromium PDF was scored: $(tail -1 "$TMP/score")"
end

begin "every number read from a PDF names its page and box, and pdftotext -bbox finds that number there (doc_places.py)"
python3 tests/tools/doc_places.py "$CROSSFOOT" "$PDFS"/00[0-4]_*.pdf "$PDFS/synthetic_blanks_2021.pdf" >"$TMP/places" 2>&1 ||
  no "$(cat "$TMP/places")"
end

begin "a PDF's check names the format PDF and keeps a blank cell blank in its own column"
cf check --json "$PDFS/synthetic_blanks_2021.pdf"
status 1
stderr_empty
json 'd["template"] == "gov-2021" and "error" not in d' \
  'd["cells"]["requests.new.natural"] is None and d["cells"]["requests.new.business"] is not None' \
  'd["cells"]["requests.carry_forward.total"] is None and d["cells"]["appeals.review.pending"] is None' \
  'd["cells"]["active.fees.amount"] == 888.0113'
end

# Plain pdftotext of a row a page break cuts: (三)6's 自然人 1 is printed beside its name after its
# other cells (0 0 0 0 0 1), and read in printed order the row holds either way; only the column
# sums (三(七) = 三(一)…三(六)) tell which, so the one under which they hold is read, and said.
begin "plain pdftotext, a row's first cell printed beside its name after its others: read where the table's sums hold, warned"
PAGES=tests/fixtures/converters/pdftotext-pages/004_ff7ba18170778dc6.txt
cf check "$PAGES"
status 0
stdout_has "PASS: 0 broken rules"
stdout_has "1 row stands apart from its name (PDF text in drawing order) with cells printed later in the table, placed where its total holds: (三)6.过程性信息 (line 277); check it"
cf check --json "$PAGES"
json 'd["cells"]["requests.denied_process.natural"] == 1 and d["cells"]["requests.denied_process.other"] == 0' \
  'd["cells"]["requests.denied_process.total"] == 1'
end

begin "a scanned PDF is named an image, with its pages, exit 2"
cf check "$PDFS/scanned.pdf"
status 2
stderr_has "scanned.pdf: the PDF is a scanned image, not text: its page (1) has no text layer"
end

begin "a scanned PDF with --json: a per-file error"
cf check --json "$PDFS/scanned.pdf"
status 2
json '"scanned image" in d["error"]'
end

begin "a PDF whose CJK font has no character map: its text named undecodable, with the page, exit 2"
cf check "$PDFS/garbled.pdf"
status 2
stderr_has "garbled.pdf: the PDF's text does not decode to characters on page 1 (fonts without a character map"
end

begin "an encrypted PDF: a clear message, exit 2"
cf check "$PDFS/encrypted.pdf"
status 2
stderr_has "encrypted.pdf: the PDF is encrypted (protected by a password)"
end

begin "a PDF cut short: damaged, exit 2"
head -c 6000 "$PDFS/000_b0a3a3717f6cc721.pdf" >"$TMP/cut.pdf"
cf check "$TMP/cut.pdf"
status 2
stderr_has "cut.pdf: not a readable PDF (damaged or cut short)"
end

begin "a PDF header with garbage after it: damaged, exit 2"
{ printf '%%PDF-1.7\n'; head -c 20000 /dev/urandom; } >"$TMP/noise.pdf"
cf check "$TMP/noise.pdf"
status 2
stderr_has "noise.pdf: not a readable PDF"
end

# Hostile sizes: 300 pages, and one page of 10,000 tiny text objects. Both are read in a bounded
# time (the child has CPU and memory limits; CF_TIMEOUT fails a hang) and give a clear answer.
python3 - "$TMP" <<'PY'
import sys
sys.path.insert(0, "tests/fixtures/pdf")
from make_pdf_fixtures import write_objects
def pdf(path, pages):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content in pages:
        data = content.encode()
        objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(data), content))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>" % len(objs))
        kids.append(len(objs))
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))
    write_objects(path, objs)
pdf(sys.argv[1] + "/pages300.pdf", ["BT /F1 12 Tf 72 720 Td (Page %d of a long report) Tj ET" % i for i in range(300)])
pdf(sys.argv[1] + "/tiny.pdf", ["BT /F1 2 Tf " + " ".join("1 0 0 1 %d %d Tm (%d) Tj" % (i % 100 * 5 + 20, i // 100 * 8 + 20, i % 10)
                                                     for i in range(10000)) + " ET"])
PY
# CPU seconds the shell's finished children have used so far (user + system): a bound on work
# that a loaded machine does not break, as a wall-clock bound would
children_cpu() { times | tail -1 | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); print int(u[1] * 60 + u[2] + s[1] * 60 + s[2]) }'; }
# both are English: the page markers of crossfoot's own view ("— 第 2 页 —") are not Chinese text of the PDF's
for case in "pages300|a 300-page PDF|no Chinese text" "tiny|a PDF page of 10,000 tiny text objects|no Chinese text"; do
  IFS='|' read -r file what says <<<"$case"
  begin "$what is read in bounded time with a clear answer"
  before=$(children_cpu)
  cf check "$TMP/$file.pdf"
  status 2
  stderr_has "$file.pdf: $says"
  used=$(($(children_cpu) - before))
  [ "$used" -lt 60 ] || no "$what took $used s of CPU"
  end
done

# The pages printed by Chromium in geometries real reports use (tests/fixtures/generate/make_pdf_geometry.py):
# landscape, numbers at the top of tall cells, a label column so narrow names wrap a character or two a line.
# These read with no wrong number unflagged: the narrow PDFs read directly since the heading 自 然 / 人,
# spread 0.9 of a line apart, is one column (a row with its 总计 blank was read one column right).
begin "Chromium PDFs landscape (plain pdftotext), top-aligned (-layout), narrow label column (the PDF): no wrong number without a flag"
python3 tests/tools/trust.py "$CROSSFOOT" tests/fixtures/converters/chromium-{landscape-pdftotext,top-layout}/ \
  tests/fixtures/documents/pdf-chromium-narrow/ >"$TMP/trust" 2>&1 || no "$(cat "$TMP/trust")"
grep -q "^cells 2915/4580 .* silent 0) · false alarms 0 · hidden 1$" "$TMP/trust" || no "$(cat "$TMP/trust")"
end

# These do not yet: their figures are pinned as they are, so a change that moves them is seen (the next
# session mends them and turns each into a 0-silent gate). -layout of a narrow label column gives a blank
# 行政处罚 the 22 of 行政强制 printed between 行 政 and 强制; pdfminer of top-aligned cells takes a row of six
# values (社会公益组织 blank) as the first six of seven (总计 blank).
begin "Chromium PDFs with a narrow label column or top-aligned cells: their silent wrong numbers, pinned as they are"
for pin in "converters/chromium-narrow-layout|cells 1912/1992 · wrong 80 (missing 79, wrong numbers 1: flagged 0, silent 1) · false alarms 0 · hidden 0" \
           "converters/chromium-narrow-pdftotext|cells 239/1992 · wrong 1753 (missing 1750, wrong numbers 3: flagged 2, silent 1) · false alarms 1 · hidden 1" \
           "converters/chromium-top-pdfminer|cells 1552/1992 · wrong 440 (missing 378, wrong numbers 62: flagged 59, silent 3) · false alarms 3 · hidden 0"; do
  python3 tests/tools/trust.py "$CROSSFOOT" "tests/fixtures/${pin%%|*}/" >"$TMP/trust" 2>&1
  [ "$(tail -1 "$TMP/trust")" = "${pin#*|}" ] || no "${pin%%|*}: $(cat "$TMP/trust")"
done
end
