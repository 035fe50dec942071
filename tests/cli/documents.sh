# SPDX-License-Identifier: GPL-3.0-or-later
# documents.sh — reports as the documents reviewers receive: web pages and Word files (and,
# recognised by their content and named, the formats crossfoot does not read). The documents
# are the seeds rendered here as Word saves them (tests/tools/seed_document.py). Sourced by run.sh.

D=$TMP/docs
mkdir -p "$D/pages"
for s in "$S001" "$S002" "$S003"; do cp "$(truth "$s")" "$D/pages/"; done
b1=$(basename "$S001" .txt) b2=$(basename "$S002" .txt) b3=$(basename "$S003" .txt)
python3 tests/tools/seed_document.py "$S001" "$D/pages/$b1.html" gbk split layout
python3 tests/tools/seed_document.py "$S002" "$D/pages/$b2.html" nometa
python3 tests/tools/seed_document.py "$S003" "$D/pages/$b3.htm"

begin "web pages of the seeds (Word markup, merged cells, GBK declared and detected, split numbers, a layout table) give the seeds' cells (score.py)"
python3 tests/tools/score.py "$CROSSFOOT" "$D/pages" >"$TMP/score" 2>&1 || no "$(cat "$TMP/score")"
end

# the document fixtures (tests/fixtures/documents: every seed and the synthetic reports rendered by
# LibreOffice, and hand-made real-world markup) give exactly their expected cells, syn2021_six_as_one
# too (2021's （六）其他处理 printed as one row of zeros: three sub-rows of 0, inferred)
for kind in html mhtml docx; do
  begin "the $kind fixtures give exactly their expected cells (score.py tests/fixtures/documents/$kind)"
  python3 tests/tools/score.py "$CROSSFOOT" "tests/fixtures/documents/$kind" >"$TMP/score" 2>&1 || no "$(cat "$TMP/score")"
  end
done

mkdir -p "$D/word"
for s in "$S001" "$S002" "$S003"; do cp "$(truth "$s")" "$D/word/"; done
python3 tests/tools/seed_document.py "$S001" "$D/word/$b1.docx" split paras
python3 tests/tools/seed_document.py "$S002" "$D/word/$b2.docx"
python3 tests/tools/seed_document.py "$S003" "$D/word/$b3.docx" flat
begin "Word files of the seeds (vMerge, gridSpan, numbers split over runs, labels over two paragraphs) give the seeds' cells (score.py)"
python3 tests/tools/score.py "$CROSSFOOT" "$D/word" >"$TMP/score" 2>&1 || no "$(cat "$TMP/score")"
end

begin "a Word file named .txt is read as a Word file; the heading says DOCX; the JSON has the file's SHA-256"
cp "$D/word/$b2.docx" "$D/word-named-text.txt"
cf check "$D/word-named-text.txt"
status 1
stdout_has "$D/word-named-text.txt: 2019年版格式, DOCX"
cf check --json "$D/word/$b2.docx"
status 1
CF_SHA=$(sha256sum "$D/word/$b2.docx" | cut -d' ' -f1) json 'd["encoding"] == "DOCX" and d["sha256"] == env["CF_SHA"]'
end

begin "a Word single-file web page named .txt is read by its content; the heading says MHTML and the part's charset; the JSON has the archive's SHA-256"
M=tests/fixtures/documents/mhtml/002_b895455aa8998ba0.mht
cp "$M" "$D/mhtml-named-text.txt"
cf check "$D/mhtml-named-text.txt"
stdout_has "$D/mhtml-named-text.txt: 2019年版格式, MHTML, GB18030"
cf check --json "$M"
CF_SHA=$(sha256sum "$M" | cut -d' ' -f1) json 'd["encoding"] == "MHTML, GB18030" and d["sha256"] == env["CF_SHA"]'
end

begin "a web page: the heading says HTML and its encoding; the JSON has the page's SHA-256"
cf check --json "$D/pages/$b1.html"
status 0
CF_SHA=$(sha256sum "$D/pages/$b1.html" | cut -d' ' -f1) json 'd["encoding"] == "HTML, GB18030" and d["sha256"] == env["CF_SHA"]'
cf check "$D/pages/$b2.html"
status 1
stdout_has "$D/pages/$b2.html: 2019年版格式, HTML, GB18030"
end

begin "a web page named .txt is read as a web page (by content, not by name)"
cp "$D/pages/$b3.htm" "$D/page-named.txt"
cf check --json "$D/page-named.txt"
status 0
json 'd["encoding"] == "HTML, UTF-8" and d["cells"] == T["cells"]' T="$(truth "$S003")"
end

begin "a review records the kind of document it was read as; a review of another reading of the same bytes is refused"
cf extract "$D/word/$b2.docx" -o "$D/word/kind.review.yaml"
grep -q "^  kind: docx$" "$D/word/kind.review.yaml" || no "the review file does not say kind: docx"
sed 's/^  kind: docx$/  kind: text/' "$D/word/kind.review.yaml" >"$D/word/other.review.yaml"
cf export "$D/word/other.review.yaml" --format json
status 2
stderr_has "as a document of kind 'text' and this crossfoot reads it as 'docx'"
cf export "$D/word/other.review.yaml" --format json --force
status 0
# a format 2 review (written before the kind was recorded) of the same document still opens
sed -e '/^  kind: docx$/d' -e '/^approvals: \[\]$/d' -e 's/^crossfoot_review: [0-9]*$/crossfoot_review: 2/' "$D/word/kind.review.yaml" >"$D/word/v2.review.yaml"
cf export "$D/word/v2.review.yaml" --format json
status 0
cf export "$D/word/kind.review.yaml" --format json
status 0
end

# unreadable_doc NAME FILE MESSAGE: exit 2, the message on stderr, {"file", "error"} in --json
unreadable_doc() {
  begin "$1: exit 2, '$3'"
  cf check "$2"
  status 2
  stderr_has "crossfoot: $2: "
  stderr_has "$3"
  cf check --json "$2"
  status 2
  CF_FILE=$2 CF_MSG=$3 json 'len(r) == 1 and d["file"] == env["CF_FILE"] and env["CF_MSG"] in d["error"]'
  end
}

printf '<html><head><meta charset="utf-8"><title>年度报告</title></head><body><p>政府信息公开工作年度报告</p><p>本年无数据。</p></body></html>' >"$D/notables.html"
unreadable_doc "a web page without the tables" "$D/notables.html" "no statistical tables found"
printf '<html><body><script>var x = "政府信息公开";</script><p>&nbsp;</p></body></html>' >"$D/blank.html"
unreadable_doc "a web page with no text" "$D/blank.html" "the web page has no text to check"
python3 -c 'import sys; n = 10000; sys.stdout.write("<html><body><p>政府信息公开</p>" + "<div><table><tr><td>" * n + "深" + "</td></tr></table></div>" * n + "</body></html>")' >"$D/deep.html"
CF_TIMEOUT=60 unreadable_doc "a web page nested 10,000 deep (read, bounded: no tables in it)" "$D/deep.html" "no statistical tables found"
python3 -c 'import sys; sys.stdout.write("<html><body><table>" + "<tr><td colspan=1000>政</td><td rowspan=65534>1</td></tr>" * 2000 + "</table></body></html>")' >"$D/huge-spans.html"
unreadable_doc "a table whose spans would make millions of cells" "$D/huge-spans.html" "a table of more than 1048576 cells"

# broken Word files and the formats recognised by their content and named, whatever the file is called
python3 - "$D" "$b2" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(f"{d}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:  # 40 MB of zeros in 40 kB
    z.writestr("word/document.xml", b"<" + b"0" * (40 << 20))
good = open(f"{d}/word/{sys.argv[2]}.docx", "rb").read()
open(f"{d}/cut.docx", "wb").write(good[: len(good) // 2])
with zipfile.ZipFile(f"{d}/notxml.docx", "w") as z:
    z.writestr("word/document.xml", "政府信息公开 <w:document")
with zipfile.ZipFile(f"{d}/notables.docx", "w") as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:body><w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>')
ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
def utf16(name):
    return name.encode("utf-16-le")
open(f"{d}/report.doc", "wb").write(ole2 + utf16("Root Entry") + b"\0" * 100 + utf16("WordDocument") + b"\0" * 1000)
open(f"{d}/word-named.txt", "wb").write(ole2 + utf16("WordDocument") + b"\0" * 1000)
open(f"{d}/locked.docx", "wb").write(ole2 + utf16("EncryptedPackage") + b"\0" * 1000)
open(f"{d}/report.wps", "wb").write(ole2 + utf16("Root Entry") + b"\0" * 1000)
with zipfile.ZipFile(f"{d}/report.ofd", "w") as z:
    z.writestr("OFD.xml", "<ofd:OFD/>")
    z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
with zipfile.ZipFile(f"{d}/notword.docx", "w") as z:
    z.writestr("readme.txt", "政府信息公开")
with zipfile.ZipFile(f"{d}/book.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", "<workbook/>")
open(f"{d}/report.mht", "wb").write(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n------=_NextPart\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart--\r\n")
open(f"{d}/empty.mht", "wb").write(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n------=_NextPart\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n<html></html>\r\n")
open(f"{d}/report.rtf", "wb").write(b"{\\rtf1\\ansi\\ansicpg936 \\'d5\\'fe\\'b8\\'ae}")
PY
unreadable_doc "a zip bomb posing as a Word file" "$D/bomb.docx" "(a zip bomb?)"
unreadable_doc "a Word file cut in half" "$D/cut.docx" "the Word file is damaged"
unreadable_doc "a Word file whose text is not XML" "$D/notxml.docx" "is damaged (not XML)"
unreadable_doc "a Word file without the tables" "$D/notables.docx" "no statistical tables found"
unreadable_doc "a Word 97-2003 file" "$D/report.doc" "a Word 97-2003 document (.doc)"
unreadable_doc "a Word 97-2003 file named .txt" "$D/word-named.txt" "a Word 97-2003 document (.doc)"
unreadable_doc "a password-protected Word file" "$D/locked.docx" "a password-protected Office file"
unreadable_doc "a WPS file" "$D/report.wps" "a WPS Office document (.wps)"
unreadable_doc "an OFD file" "$D/report.ofd" "an OFD document"
unreadable_doc "a zip that is not a Word file" "$D/notword.docx" "a zip archive that is not a Word (.docx) document"
unreadable_doc "an Excel workbook" "$D/book.xlsx" "an Excel workbook (.xlsx)"
unreadable_doc "a single-file web page with no page in it" "$D/report.mht" "a single-file web page (.mht/.mhtml) with no web page in it"
unreadable_doc "a single-file web page whose page is empty" "$D/empty.mht" "the web page has no text to check"
unreadable_doc "an RTF file" "$D/report.rtf" "an RTF document"

begin "several documents at once: the unreadable ones are named, the others still checked"
cf check --json "$D/report.doc" "$D/pages/$b3.htm" "$D/report.ofd"
status 2
json 'len(r) == 3 and "error" in r[0] and r[1]["cells"] == T["cells"] and "error" in r[2]' T="$(truth "$S003")"
end

# the readers hand their tables to the label mapping as grids (core/docmap): each number's source
# names the document cell it was read from, checked against the documents read by Python on its own
begin "every number of a Word file or web page names its document cell (table, row, cell) and that cell holds it (doc_places.py)"
python3 tests/tools/doc_places.py "$CROSSFOOT" tests/fixtures/documents/docx/00[0-4]_*.docx \
  tests/fixtures/documents/docx/syn2021_blanks.docx tests/fixtures/documents/html/markup_{gbk,split_numbers,word_export}.html \
  tests/fixtures/documents/html/syn2019_blanks.html tests/fixtures/documents/html/004_*.html \
  tests/fixtures/documents/html/markup_nested_layout.html >"$TMP/places" 2>&1 ||
  no "$(cat "$TMP/places")"
end

begin "a blank cell of a web page's or Word file's table is read from the table itself: null, not a guess, no warning"
for f in tests/fixtures/documents/html/syn2021_blanks.html tests/fixtures/documents/docx/syn2021_blanks.docx; do
  cf check --json "$f"
  # 二、上年结转 prints six values and a blank 总计: the blank is the table's, so nothing is guessed
  json 'd["cells"]["requests.carried_over.total"] is None and d["cells"]["requests.carried_over.natural"] == 70 and not any(v.get("inferred") for v in d["sources"].values()) and not any("guess" in w["message"] for w in d["warnings"])'
done
end
