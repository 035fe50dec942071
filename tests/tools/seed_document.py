#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""seed_document.py SEED.txt OUT.html|OUT.docx [OPTION...] — a text seed's report as a web page
the way Word saves one ("Save as Web Page": mso- styles, conditional comments, <o:p>, &nbsp; in
empty cells) or as a Word file (word/document.xml with w:vMerge and w:gridSpan), for the
readers' tests. Each run of tab-separated lines becomes a table: a blank label cell under a
group label joins that label's rowspan (vMerge), and in a heading row (no numbers) a label
followed by blank cells spans them (colspan, gridSpan), as merged cells in Word do. Options:
  gbk       encode as GB18030 and declare charset=gb2312
  nometa    declare no charset (the reader must detect GB18030 or UTF-8)
  split     split every number of two or more digits over two <span>s (20</span><span>23), or
            two runs in a Word file
  layout    put the whole report inside a one-cell layout table, the tables nested in it
  flat      no merged cells: every cell its own <td>
  paras     (Word) a label like （一）予以公开 as two paragraphs in its cell
"""
import html
import re
import sys
import zipfile
from xml.sax.saxutils import escape


def is_number(s):
    return re.fullmatch(r"[-+]?\d[\d.,]*", s.strip()) is not None


def cell_html(text, split):
    if not text.strip():
        return "&nbsp;"
    if split and re.fullmatch(r"\d\d+", text):
        return html.escape(text[:1]) + "</span><span lang=EN-US>" + html.escape(text[1:])
    return html.escape(text)


def merges(rows, opts):
    """The table as (text, rowspan, colspan) per cell, None where a merged cell covers the slot."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    covered = [[False] * width for _ in rows]
    rowspan = [[1] * width for _ in rows]
    colspan = [[1] * width for _ in rows]
    if "flat" not in opts:
        for r in range(1, len(rows)):
            first_value = next((k for k, c in enumerate(rows[r]) if is_number(c)), width)
            for k in range(first_value - 1):  # label columns, never the row's own label
                if rows[r][k]:
                    continue
                up = r - 1
                while up >= 0 and covered[up][k]:
                    up -= 1
                up_first_value = next((kk for kk, c in enumerate(rows[up]) if is_number(c)), width)
                if rows[up][k] and k < up_first_value and colspan[up][k] == 1:
                    covered[r][k] = True
                    rowspan[up][k] += 1
        for r, row in enumerate(rows):
            if any(is_number(c) for c in row):
                continue
            for k in range(width):
                if not row[k] or covered[r][k] or rowspan[r][k] > 1:
                    continue
                end = k + 1
                while end < width and not row[end] and not covered[r][end] and (r == 0 or not covered[r - 1][end]):
                    end += 1
                if end - k > 1 and end < width:  # a group heading over the columns up to the next heading
                    colspan[r][k] = end - k
                    for c in range(k + 1, end):
                        covered[r][c] = True
    return [[None if covered[r][k] else (rows[r][k], rowspan[r][k], colspan[r][k]) for k in range(width)]
            for r in range(len(rows))]


def table_html(rows, opts):
    out = ['<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 '
           'style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184">']
    for r, row in enumerate(merges(rows, opts)):
        tds = []
        for cell in row:
            if cell is None:
                continue
            text, rs, cs = cell
            span = (f" rowspan={rs}" if rs > 1 else "") + (f" colspan={cs}" if cs > 1 else "")
            tds.append(f'<td{span} width=60 valign=top style="border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;'
                       f'padding:0cm 5.4pt 0cm 5.4pt"><p class=MsoNormal><span style="font-family:宋体;mso-ascii-font-family:'
                       f'Calibri">{cell_html(text, "split" in opts)}</span><span lang=EN-US><o:p></o:p></span></p></td>')
        out.append(f'<tr style="mso-yfti-irow:{r}">\n' + "\n".join(tds) + "\n</tr>")
    out.append("</table>")
    return "\n".join(out)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def runs(text, split):
    pieces = [text[:1], text[1:]] if split and re.fullmatch(r"\d\d+", text) else [text]
    return "".join(f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{escape(p)}</w:t></w:r>'
                   for p in pieces if p)


def paragraphs(text, opts):
    m = re.fullmatch(r"(（[一二三四五六七]）)(.+)", text) if "paras" in opts else None
    parts = [m.group(1), m.group(2)] if m else [text]
    return "".join(f'<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:sz w:val="21"/></w:rPr></w:pPr>{runs(p, "split" in opts)}</w:p>'
                   for p in parts)


def table_docx(rows, opts):
    grid = merges(rows, opts)
    width = len(grid[0])
    # a slot under a rowspan is a vMerge continuation cell spanning the same columns
    below = {}
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + '<w:gridCol w:w="900"/>' * width + '</w:tblGrid>']
    for r, row in enumerate(grid):
        tcs = []
        for k, cell in enumerate(row):
            if cell is None:
                if (r, k) in below:
                    tcs.append('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
                continue
            text, rs, cs = cell
            props = f'<w:tcW w:w="{900 * cs}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{cs}"/>' if cs > 1 else "")
            if rs > 1:
                props += '<w:vMerge w:val="restart"/>'
                for d in range(1, rs):
                    below[(r + d, k)] = True
            tcs.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs(text, opts) if text else '<w:p/>'}</w:tc>")
        out.append('<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>' + "".join(tcs) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def blocks(text):
    """The report as ("p", line) and ("table", rows) in order."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            yield "table", rows
            continue
        yield "p", lines[i]
        i += 1


def render_docx(text, opts, path):
    body = []
    for kind, item in blocks(text):
        if kind == "table":
            body.append(table_docx(item, opts))
        else:
            body.append(f'<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>{runs(item, "split" in opts)}</w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
                + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def render(text, opts):
    charset = "" if "nometa" in opts else ("gb2312" if "gbk" in opts else "utf-8")
    meta = f'<meta http-equiv=Content-Type content="text/html; charset={charset}">' if charset else ""
    out = ['<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
           f'<head>{meta}<meta name=Generator content="Microsoft Word 15"><title>年度报告</title>',
           '<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author></o:DocumentProperties></xml><![endif]-->',
           '<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} --></style></head>',
           '<body lang=ZH-CN style="tab-interval:21.0pt"><div class=WordSection1 style="layout-grid:15.6pt">']
    if "layout" in opts:
        out.append('<table width="100%" border=0><tr><td width=120>&nbsp;</td><td>')
    for kind, item in blocks(text):
        if kind == "table":
            out.append(table_html(item, opts))
            continue
        body = html.escape(item) if item.strip() else "<o:p>&nbsp;</o:p>"
        out.append(f'<p class=MsoNormal><![if !supportLists]><span lang=EN-US>{body}</span><![endif]></p>')
    if "layout" in opts:
        out.append("</td></tr></table>")
    out.append("</div></body></html>")
    return "\n".join(out).encode("gb18030" if "gbk" in opts or "nometa" in opts else "utf-8")


def main():
    src, dst, opts = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    with open(src, encoding="utf-8") as f:
        text = f.read()
    if dst.endswith(".docx"):
        render_docx(text, opts, dst)
        return
    with open(dst, "wb") as f:
        f.write(render(text, opts))


if __name__ == "__main__":
    main()
